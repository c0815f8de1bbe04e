"""The address a request came from, for the sign-in lockout (django-axes).

Behind DJANGO_PROXY_COUNT trusted reverse proxies, each appends the address it got
the request from to X-Forwarded-For, so the client is the PROXY_COUNT-th entry from
the right; anything further left was written by the client and can be forged. With
no proxy, only the connection's own address counts (an X-Forwarded-For header is
ignored: any visitor could send one to dodge or to cause a lockout)."""

from django.conf import settings


def client_address(request):
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
