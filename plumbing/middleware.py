"""Response headers that keep patients' visits private, and a guard for the session cookie."""

import re

from django.conf import settings

# Public pages: everything from this origin only, no inline script or style.
# JSON-LD blocks are data, not script, so they need no exception.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'self'",
    ]
)

# Staff pages (admin, toolbar, editors) run django CMS's own inline code; keep them
# same-origin but allow it.
STAFF_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "frame-ancestors 'self'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = STAFF_CSP if _is_staff(request) else PUBLIC_CSP
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if response.get("Content-Type", "").startswith("text/html"):
            # Health pages are not kept in the browser's or a proxy's cache: nothing
            # lingers on a shared device, and a newly published page shows at once.
            # (The server keeps its own page cache.)
            response["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        return response


def _is_staff(request):
    # Only a request that carries a session cookie can be staff; checking the cookie
    # first keeps anonymous requests from touching the session store.
    if not request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


SESSION_KEY_FORMAT = re.compile(r"[a-z0-9]{8,64}")


class MalformedSessionCookieMiddleware:
    """Ignore a session cookie that cannot be a session key. A crafted one (with a
    NUL byte, say) would otherwise reach the database query and fail there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if key is not None and not SESSION_KEY_FORMAT.fullmatch(key):
            del request.COOKIES[settings.SESSION_COOKIE_NAME]
        return self.get_response(request)
