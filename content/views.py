"""Views outside the CMS page tree: search, robots.txt, health check and the static error pages."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .search import search
from .templatetags.seo_tags import site_origin

RESULTS_PER_PAGE = 10

# Shown on an empty search and when nothing matched, so a search is never a dead end.
SUGGESTIONS = [
    ("Benzodiazepine use disorder", "/conditions/benzodiazepine-use-disorder/"),
    ("Withdrawal management", "/levels-of-care/withdrawal-management/"),
    ("Tapering and medication support", "/therapies/medication-management/"),
    ("Questions patients ask", "/faq/for-patients/"),
    ("Questions families ask", "/faq/for-families/"),
    ("Levels of care compared", "/levels-of-care/"),
    ("Cost and insurance", "/faq/cost-and-insurance/"),
]

ERROR_PAGES = Path(settings.BASE_DIR) / "static" / "errors"


def static_error_page(name, status):
    """A hand-written HTML page read from disk: no database, no template context,
    so it works when everything else is broken. It still carries the crisis lines."""
    response = HttpResponse((ERROR_PAGES / name).read_bytes(), status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    if status == 503:
        response["Retry-After"] = "30"
    return response


def server_error(request):
    """handler500: a database that is down is a 503 (we'll be back), anything else a 500."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        return static_error_page("503.html", 503)
    return static_error_page("500.html", 500)


@never_cache
def healthz(request):
    """200 when the database and the cache both answer, 503 otherwise."""
    state = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **state}, status=200 if healthy else 503)


def _check_database():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # A broken persistent connection must not stay cached for the next check.
        connection.close_if_unusable_or_obsolete()
        return "unavailable"
    return "ok"


def _check_cache():
    try:
        cache.set("healthz", "ok", 10)
        return "ok" if cache.get("healthz") == "ok" else "unavailable"
    except Exception:  # any cache backend error means the cache is not usable
        return "unavailable"


@require_safe
def search_page(request):
    """/search/?q=: results with kind, title and snippet; a crisis card first when the
    query has crisis words; suggestions instead of a dead end."""
    # Not a CMS page: saves the menu a page lookup by this path (django CMS's
    # middleware would otherwise look for a page at /search/).
    request.current_page = None
    outcome = search(request.GET.get("q", ""))
    paginator = Paginator(outcome.results, RESULTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))  # not a number or out of range: a real page
    return render(request, "search.html", {"outcome": outcome, "page": page, "suggestions": SUGGESTIONS})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /admin/",
        f"Sitemap: {site_origin()}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
