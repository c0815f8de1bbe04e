"""Views outside the CMS page tree that help people and search engines find pages:
site search and robots.txt."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from content.translations import DEFAULT_LANGUAGE, IN_ENGLISH
from plumbing.page_cache import shared_with_visitors

from .engine import search
from .templatetags.seo_tags import site_origin

RESULTS_PER_PAGE = 10

# Shown on an empty search and when nothing matched, so a search is never a dead end:
# (label, English path, {language: path of the page's translation}). A page with no
# translation in the reader's language links to its English page, marked "(en inglés)".
SUGGESTIONS = [
    (
        _("Benzodiazepine use disorder"),
        "/conditions/benzodiazepine-use-disorder/",
        {"es": "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/"},
    ),
    (
        _("Withdrawal management"),
        "/levels-of-care/withdrawal-management/",
        {"es": "/es/niveles-de-atencion/manejo-de-la-abstinencia/"},
    ),
    (_("Tapering and medication support"), "/therapies/medication-management/", {}),
    (_("Questions patients ask"), "/faq/for-patients/", {"es": "/es/preguntas-frecuentes/para-pacientes/"}),
    (_("Questions families ask"), "/faq/for-families/", {"es": "/es/preguntas-frecuentes/para-familias/"}),
    (_("Levels of care compared"), "/levels-of-care/", {"es": "/es/niveles-de-atencion/"}),
    (_("Cost and insurance"), "/faq/cost-and-insurance/", {}),
]


def suggestions(language):
    """[(label, URL)] of the suggestions, for a reader of `language`."""
    links = []
    for label, english_path, translations in SUGGESTIONS:
        if language == DEFAULT_LANGUAGE:
            links.append((str(label), english_path))
        elif language in translations:
            links.append((str(label), translations[language]))
        else:
            links.append((f"{label} {IN_ENGLISH.get(language, '(English)')}", english_path))
    return links


@require_safe
@shared_with_visitors  # it shows published pages only, the same to every visitor
def search_page(request):
    """/search/?q=: results with kind, title and snippet; a crisis card first when the
    query has crisis words; suggestions instead of a dead end."""
    # Not a CMS page: saves the menu a page lookup by this path (django CMS's
    # middleware would otherwise look for a page at /search/).
    request.current_page = None
    outcome = search(request.GET.get("q", ""), get_language())  # /es/search/: Spanish pages
    paginator = Paginator(outcome.results, RESULTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))  # not a number or out of range: a real page
    return render(
        request, "search.html", {"outcome": outcome, "page": page, "suggestions": suggestions(get_language())}
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /admin/",
        f"Sitemap: {site_origin()}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
