"""What the app tells shared caches (plumbing.edge_cache): anonymous pages from its page
cache may be kept by nginx or a CDN for a second, browsers still keep nothing, and
nothing made for a signed-in person or with a cookie is ever offered."""

import pytest
from django.http import HttpResponse
from django.utils.cache import patch_response_headers

from plumbing.edge_cache import SITE_KEY, surrogate_key
from plumbing.page_cache import AnonymousPageCacheMiddleware

pytestmark = pytest.mark.django_db

PAGE = "/conditions/benzodiazepine-use-disorder/"
EDGE_HEADERS = ("X-Accel-Expires", "CDN-Cache-Control", "Surrogate-Control", "Surrogate-Key", "Cache-Tag")


def test_anonymous_pages_may_be_kept_by_shared_caches_but_not_by_browsers(client):
    for attempt in ("rendered", "from the page cache"):
        response = client.get(PAGE)
        assert response.status_code == 200, attempt
        assert response["Cache-Control"] == "no-store", attempt  # the visitor's browser keeps nothing
        assert response["X-Accel-Expires"] == "1", attempt
        assert response["CDN-Cache-Control"] == "max-age=1, stale-if-error=86400", attempt
        assert response["Surrogate-Control"] == "max-age=1, stale-if-error=86400", attempt
        assert response["Surrogate-Key"] == f"{SITE_KEY} {surrogate_key(PAGE)}", attempt
        assert response["Cache-Tag"] == f"{SITE_KEY},{surrogate_key(PAGE)}", attempt
        assert not response.cookies, attempt


def test_each_page_has_a_surrogate_key_of_its_own_whatever_its_query():
    assert surrogate_key("/faq/") != surrogate_key("/faq/for-families/")
    assert surrogate_key("/faq/").startswith("page-")


def test_signed_in_staff_and_visitors_with_cookies_get_no_edge_headers(client, django_user_model):
    client.get(PAGE)  # in the page cache now
    assert "X-Accel-Expires" not in client.get(PAGE, headers={"Cookie": "something=1"})
    staff = django_user_model.objects.create_user("edge-editor", password="edge-editor-pass-1", is_staff=True)
    client.force_login(staff)
    response = client.get(PAGE)
    assert response.status_code == 200
    for name in EDGE_HEADERS:
        assert name not in response, name


def test_error_pages_and_staff_urls_get_no_edge_headers(client):
    assert "X-Accel-Expires" not in client.get("/no-such-page/")
    assert "X-Accel-Expires" not in client.get("/admin/login/")
    assert "X-Accel-Expires" not in client.get("/healthz")


def test_edge_caching_can_be_turned_off(client, settings):
    settings.EDGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = client.get(PAGE)
        for name in EDGE_HEADERS:
            assert name not in response, name


def _counting_page_cache():
    renders = []

    def render(request):
        renders.append(request.get_full_path())
        response = HttpResponse(f"render {len(renders)}", content_type="text/html")
        patch_response_headers(response, cache_timeout=300)  # as django CMS marks a page it caches
        return response

    return AnonymousPageCacheMiddleware(render), renders


def test_unknown_query_parameters_do_not_skip_the_page_cache(rf):
    """A link shared with tracking tags, or a made-up parameter, is answered from the
    cache: one render serves them all."""
    middleware, renders = _counting_page_cache()
    for path in ("/about/", "/about/?utm_source=newsletter", "/about/?utm_campaign=x&fbclid=abc", "/about/?r=123"):
        response = middleware(rf.get(path))
        assert response.content == b"render 1", path
        assert response["X-Accel-Expires"] == "1", path
    assert renders == ["/about/"]


def test_parameters_a_page_reads_keep_their_own_cache_entries(rf):
    """Search words and the results page are part of the key; tags beside them are not;
    django CMS's own parameters (language, toolbar) are always answered live."""
    middleware, renders = _counting_page_cache()
    assert middleware(rf.get("/search/?q=xanax")).content == b"render 1"
    assert middleware(rf.get("/search/?q=xanax&utm_source=mail")).content == b"render 1"
    assert middleware(rf.get("/search/?q=taper")).content == b"render 2"
    assert middleware(rf.get("/search/?q=taper&page=2")).content == b"render 3"
    assert middleware(rf.get("/about/?language=es")).content == b"render 4"
    assert middleware(rf.get("/about/?language=es")).content == b"render 5"
    assert "X-Accel-Expires" not in middleware(rf.get("/about/?toolbar_on"))
    assert middleware(rf.get(f"/search/?q={'x' * 200}")).content == b"render 7"  # too long to keep
    assert middleware(rf.get(f"/search/?q={'x' * 200}")).content == b"render 8"
