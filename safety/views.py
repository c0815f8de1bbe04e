"""Error pages, each with the crisis lines. The 500 and 503 pages are plain HTML read
from disk, so they work when the database, the cache or the templates are broken; the
4xx pages are rendered in the site's own layout."""

import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from plumbing.policies import PUBLIC_CSP

ERROR_PAGES = Path(__file__).resolve().parent / "static" / "errors"
DEFAULT_EXIT_URL = "https://www.weather.gov/"


def static_error_page(name, status):
    html = (ERROR_PAGES / name).read_text(encoding="utf-8")
    # The files name the default exit site (a proxy serves them as they are); the app
    # sends visitors where this clinic's exit control goes.
    html = html.replace(f'href="{DEFAULT_EXIT_URL}"', f'href="{escape(settings.EXIT_PAGE_URL)}"')
    response = HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = PUBLIC_CSP
    if status == 503:
        response["Retry-After"] = "30"
    return response


def server_error(request):
    """handler500: a database that is down is a 503 (we'll be back), anything else a 500."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        return static_error_page("503.html", 503)
    return static_error_page("500.html", 500)


# Every other error answer keeps the safety shell too (templates/error.html).
# Translated when the page is rendered, into the visitor's language.
CLIENT_ERRORS = {
    400: (_("We could not understand that request"), _("Something in the request was not right. Please try again.")),
    403: (
        _("We could not do that"),
        _("The request was refused. If you were filling in a form, go back, reload and try again."),
    ),
    405: (_("We could not do that"), _("This address does not accept that kind of request.")),
    413: (_("That was too much to send"), _("This site does not take uploads or long messages here.")),
}


def client_error(request, status):
    title, message = CLIENT_ERRORS[status]
    return _render_error(request, "error.html", {"title": title, "message": message}, status)


def not_found(request):
    """The 404 page, for requests refused before they reach the pages."""
    return _render_error(request, "404.html", {}, 404)


def _render_error(request, template, context, status):
    if not hasattr(request, "user"):  # refused before the middleware that signs people in
        request.user = AnonymousUser()
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    """handler400."""
    return client_error(request, 400)


def permission_denied(request, exception=None):
    """handler403."""
    return client_error(request, 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form posted without its token (or a forged one)."""
    return client_error(request, 403)
