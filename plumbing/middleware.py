"""Response headers that keep patients' visits private, and a guard for the session cookie."""

import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from .policies import PERMISSIONS_POLICY, PUBLIC_CSP, STAFF_CSP


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = STAFF_CSP if _is_staff(request) else PUBLIC_CSP
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if response.has_header("Vary"):  # django CMS leaves an empty first member
            response["Vary"] = ", ".join(part.strip() for part in response["Vary"].split(",") if part.strip())
        if response.get("Content-Type", "").startswith("text/html"):
            # Health pages are not kept in the browser's or a proxy's cache: nothing
            # lingers on a shared device, and a newly published page shows at once.
            # (The server keeps its own page cache.)
            response["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        return response


def _is_signed_in(request):
    # Only a request that carries a cookie can be signed in; checking the cookies
    # first keeps anonymous requests from touching the session store.
    user = getattr(request, "user", None)
    return bool(request.COOKIES and user is not None and user.is_authenticated)


def _is_staff(request):
    return _is_signed_in(request) and request.user.is_staff


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


# Public URLs take no uploads: only staff pages (the admin, django CMS's own staff
# endpoints) may receive bodies larger than this.
PUBLIC_BODY_LIMIT = 64 * 1024
STAFF_PREFIXES = ("/admin/", "/cms_wizard/", "/cms_login/")
ALLOWED_METHODS = ("GET", "HEAD", "POST")


class RequestGuardMiddleware:
    """Requests no page can answer are refused first, before anything reads them: an
    unknown method (TRACE, OPTIONS, PUT…) is a 405, a public body over
    PUBLIC_BODY_LIMIT (or of unknown length) a 413, a NUL byte in the path a 404
    (PostgreSQL refuses NUL in a query). Each answer keeps the safety shell."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from safety.views import client_error, not_found  # the answers carry the safety shell

        # The language of the URL (/es/…) from the first step: answers given before
        # Django's LocaleMiddleware runs (these, a bad Host) would otherwise speak the
        # language of whatever this thread served last.
        translation.activate(translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE)
        if request.method not in ALLOWED_METHODS:
            response = client_error(request, 405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            return response
        if request.method == "POST" and not request.path.startswith(STAFF_PREFIXES) and _body_too_large(request):
            return client_error(request, 413)
        if "\x00" in request.path:
            return not_found(request)
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            # The sign-in lockout (django-axes) says when to try again.
            response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME * 3600))
        if request.method == "HEAD" and not getattr(response, "streaming", False):
            # A HEAD answer has headers only (gunicorn warned on every one).
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


def _body_too_large(request):
    length = request.META.get("CONTENT_LENGTH") or ""
    if not length.isdigit():
        # No length given (a chunked upload): it cannot be read without risk.
        return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
    return int(length) > PUBLIC_BODY_LIMIT


class NoSessionForVisitorsMiddleware:
    """django CMS remembers `?toolbar_on` / `?toolbar_off` in the session, which gave
    any visitor a session cookie; for someone not signed in those parameters mean
    nothing, so they are dropped before django CMS sees them."""

    TOOLBAR_PARAMETERS = ("toolbar_on", "toolbar_off", "persist")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(name in request.GET for name in self.TOOLBAR_PARAMETERS) and not _is_signed_in(request):
            query = request.GET.copy()
            for name in self.TOOLBAR_PARAMETERS:
                query.pop(name, None)
            request.GET = query
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """With two-factor sign-in on (DJANGO_STAFF_2FA), a session that signed in with a
    password alone counts for nothing: it is treated as anonymous everywhere (so the
    admin asks for the code, and no toolbar, draft or staff endpoint opens), and
    django CMS's toolbar sign-in, which asks for no code, is refused."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.STAFF_TWO_FACTOR:
            if request.path == "/cms_login/":
                from safety.views import client_error

                return client_error(request, 403)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and not user.is_verified():
                request.user = AnonymousUser()
        return self.get_response(request)
