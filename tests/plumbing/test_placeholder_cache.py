"""Pages rendered from django CMS's placeholder cache, read ahead (plumbing.placeholder_cache):
a few cache round trips per page on the real Redis server, and never a stale or missing part."""

import uuid

import pytest
import redis

from content.site_content import publish_new_text
from devtools.builders import text_block
from devtools.shell import parse

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


@pytest.mark.redis
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


@pytest.mark.redis
def test_a_publish_shows_at_once_with_placeholders_read_ahead(shared_cache, client, make_page, author):
    """With the page cache off, a new version is never hidden by cached placeholders."""
    overview = {"overview": [text_block("First words.")]}
    page = make_page("Read-ahead page", kind="therapy", slug="read-ahead-page", placeholders=overview)
    url = page.get_absolute_url("en")
    for _ in range(3):  # built, then read back from the cache
        assert "First words." in client.get(url).content.decode()
    publish_new_text(page, author, "<p>Second words.</p>", slot="overview")
    for _ in range(3):
        body = client.get(url).content.decode()
        assert "Second words." in body and "First words." not in body


def test_sources_still_show_when_placeholders_come_from_the_cache(client, settings):
    """A page rendered again from cached placeholders (its page cache entry expired)
    still lists its sources: the second render must match the first."""
    settings.CMS_PAGE_CACHE = False
    assert settings.CMS_PLACEHOLDER_CACHE
    url = "/conditions/benzodiazepine-use-disorder/"
    renders = [parse(client.get(url).content) for _ in range(2)]
    for doc in renders:
        assert doc.xpath('//section[@class="references"]/h2/text()') == ["Sources"]
        assert len(doc.xpath('//ol[@class="reference-list"]/li[@class="reference"]')) >= 3
