"""Pages rendered from django CMS's placeholder cache on the real Redis server: a few
cache round trips per page, and never a stale or missing part."""

import uuid

import pytest
import redis

from .test_content_pages import publish_new_text, text_block

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/4"
# Cache round trips for a page that must be rendered while its placeholders are cached
# (the page cache is off or its entry expired): site settings, page facts, placeholder
# versions, placeholder contents, menu.
RENDER_ROUND_TRIP_BUDGET = 5
FLAGSHIP = "/conditions/benzodiazepine-use-disorder/"


@pytest.fixture
def shared_cache(settings):
    """The site's Redis cache backend, as in production, with the page cache off so
    that every request renders."""
    prefix = f"render-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {"BACKEND": "plumbing.cache_backends.ReusingRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    }
    settings.CMS_PAGE_CACHE = False
    server = redis.Redis.from_url(REDIS_URL)
    yield server
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def commands_run(server):
    """Commands the Redis server has run so far, not counting these INFO calls."""
    return sum(stats["calls"] for name, stats in server.info("commandstats").items() if name != "cmdstat_info")


def test_page_from_cached_placeholders_takes_few_round_trips_and_matches_a_full_render(shared_cache, client):
    """The first render builds every placeholder; a later one reads them back in a few
    round trips and shows exactly the same page."""
    first = client.get(FLAGSHIP).content
    client.get(FLAGSHIP)
    before = commands_run(shared_cache)
    later = client.get(FLAGSHIP).content
    assert commands_run(shared_cache) - before <= RENDER_ROUND_TRIP_BUDGET
    assert later == first
    assert b'id="sources-heading"' in later


def test_a_publish_shows_at_once_with_placeholders_read_ahead(shared_cache, client, make_page, author):
    """With the page cache off, a new version is never hidden by cached placeholders."""
    overview = {"overview": [text_block("First words.")]}
    page = make_page("Read-ahead page", kind="therapy", slug="read-ahead-page", placeholders=overview)
    url = page.get_absolute_url("en")
    for _ in range(3):  # built, then read back from the cache
        assert "First words." in client.get(url).content.decode()
    publish_new_text(page, author, "Second words.")
    for _ in range(3):
        body = client.get(url).content.decode()
        assert "Second words." in body and "First words." not in body


def test_read_ahead_values_live_for_one_request_and_yield_to_writes():
    """What was read ahead answers reads only until the request ends, and a write of
    the key replaces it at once; outside a request nothing is kept."""
    from django.core.cache.backends.locmem import LocMemCache

    from plumbing.cache_backends import ReadAheadLocMemCache, start_read_ahead, stop_read_ahead

    store = ReadAheadLocMemCache(f"read-ahead-{uuid.uuid4().hex}", {})
    store.set("lines", "old")

    start_read_ahead()
    assert store.read_ahead(["lines", "missing"]) == {"lines": "old"}
    LocMemCache.set(store, "lines", "changed elsewhere")  # another server, mid-request
    assert store.get("lines") == "old"
    store.set("lines", "changed here")
    assert store.get("lines") == "changed here"
    stop_read_ahead()

    LocMemCache.set(store, "lines", "changed after the request")
    assert store.get("lines") == "changed after the request"
    store.read_ahead(["lines"])  # no request: nothing kept
    LocMemCache.set(store, "lines", "newest")
    assert store.get("lines") == "newest"
