"""The anonymous page cache (plumbing.page_cache) never serves a page older than the
last publish."""

import pytest
from cms.cache import invalidate_cms_page_cache
from django.core.cache import cache
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from content.site_content import publish_new_text
from devtools.builders import text_block

pytestmark = pytest.mark.django_db


def test_publish_and_unpublish_show_at_once_with_page_cache(client, make_page, author, settings):
    """With the page cache on, a new published version and an unpublish are seen at once."""
    assert settings.CMS_PAGE_CACHE
    page = make_page(
        "Cached page", kind="therapy", slug="cached-page", placeholders={"overview": [text_block("First words.")]}
    )
    url = page.get_absolute_url("en")
    assert "First words." in client.get(url).content.decode()
    assert "First words." in client.get(url).content.decode()  # now served from the page cache

    publish_new_text(page, author, "<p>Second words.</p>", slot="overview")
    body = client.get(url).content.decode()
    assert "Second words." in body and "First words." not in body

    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert client.get(url).status_code == 404


def test_page_cached_while_a_publish_happens_is_not_served_stale(rf):
    """A page rendered while someone publishes is stamped with the version from before,
    so the next visitor gets a fresh render, not the stale copy."""
    from django.http import HttpResponse
    from django.utils.cache import patch_response_headers

    from plumbing.page_cache import AnonymousPageCacheMiddleware

    cache.clear()
    renders = []

    def render(request):
        renders.append(request.path)
        if len(renders) == 1:
            invalidate_cms_page_cache()  # a publish lands while this page renders
        response = HttpResponse(f"render {len(renders)}", content_type="text/html")
        patch_response_headers(response, cache_timeout=300)  # as django CMS marks a page it caches
        return response

    middleware = AnonymousPageCacheMiddleware(render)
    assert middleware(rf.get("/about/")).content == b"render 1"
    assert middleware(rf.get("/about/")).content == b"render 2"  # the first copy was stale
    assert middleware(rf.get("/about/")).content == b"render 2"  # this one is current: from the cache
    assert len(renders) == 2
