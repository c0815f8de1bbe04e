"""Query budgets and page weight: what a visitor on a phone feels. (Speed itself is
measured by `make bench`, not by timed tests.)"""

import pytest
from cms.cache import invalidate_cms_page_cache
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from menus.menu_pool import menu_pool

from devtools.servers import ROOT, manage, site_env
from safety.clinic import clinic_settings
from safety.lines import local_crisis_lines

pytestmark = pytest.mark.django_db

# A page already in the page cache, for an anonymous visitor.
WARM_PAGE_VIEW_BUDGET = 0

# A page rendered from scratch (page, placeholder and menu caches empty, as right after a
# publish); the clinic's settings and local crisis lines stay cached between their edits.
COLD_RENDER_BUDGET = 15

# A search nobody made before: the ranked documents, their snippets, and the menu's cache check.
NEW_SEARCH_BUDGET = 3

PAGE_KINDS = {
    "home": "/",
    "index": "/conditions/",
    "levels-of-care index": "/levels-of-care/",
    "condition": "/conditions/benzodiazepine-use-disorder/",
    "level of care": "/levels-of-care/inpatient/",
    "therapy": "/therapies/cbt/",
    "faq": "/faq/for-patients/",
    "general": "/about/",
}


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def empty_page_caches():
    cache.clear()
    menu_pool.clear(all=True)
    invalidate_cms_page_cache()
    clinic_settings(), local_crisis_lines()  # site-wide, cached until edited


@pytest.mark.parametrize("kind, path", PAGE_KINDS.items())
def test_cold_render_stays_within_budget(client, kind, path):
    """Rendering each page kind from scratch stays within the query budget."""
    empty_page_caches()
    assert count_queries(client, path) <= COLD_RENDER_BUDGET


@pytest.mark.parametrize("kind, path", PAGE_KINDS.items())
def test_warm_page_view_makes_no_query(client, kind, path):
    """An anonymous visitor's second view of a page comes from the cache, without the database."""
    client.get(path)
    assert count_queries(client, path) <= WARM_PAGE_VIEW_BUDGET


def test_search_stays_within_budget(client):
    """A new search reads the index, not the page tree; a repeated one comes from the cache."""
    client.get("/search/", {"q": "taper"})
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "xanax withdrawal"})
    assert len(queries) <= NEW_SEARCH_BUDGET
    assert count_queries(client, "/search/?q=xanax+withdrawal") <= WARM_PAGE_VIEW_BUDGET


def test_content_page_html_is_light(client):
    """The longest content page is under 40 KB of HTML."""
    assert len(client.get("/conditions/benzodiazepine-use-disorder/").content) < 40_000


def test_static_files_are_small_and_use_no_web_fonts():
    """All CSS under 20 KB, all JavaScript under 5 KB, and no font files or @font-face."""
    static = ROOT / "static"
    css = sum(path.stat().st_size for path in static.rglob("*.css"))
    js = sum(path.stat().st_size for path in static.rglob("*.js"))
    assert css < 20_000 and js < 5_000
    assert not [path for path in static.rglob("*") if path.suffix in {".woff", ".woff2", ".ttf", ".otf", ".eot"}]
    assert all("@font-face" not in path.read_text() for path in static.rglob("*.css"))


def test_collected_static_files_are_hashed_and_compressed(tmp_path):
    """collectstatic writes hashed names with gzip and brotli copies (served with
    far-future cache headers by whitenoise)."""
    env = site_env(DJANGO_STATIC_ROOT=str(tmp_path))
    manage("collectstatic", "--no-input", "-v0", env=env)
    hashed = [path for path in (tmp_path / "css").glob("site.*.css") if path.name.count(".") == 2]
    assert hashed, "a hashed site.<hash>.css"
    assert hashed[0].with_name(hashed[0].name + ".gz").exists()
    assert hashed[0].with_name(hashed[0].name + ".br").exists()
    assert (tmp_path / "staticfiles.json").exists()
