"""Views outside the CMS page tree that help people and search engines find pages:
site search and robots.txt."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from plumbing.page_cache import shared_with_visitors

from .engine import search
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


@require_safe
@shared_with_visitors  # it shows published pages only, the same to every visitor
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
