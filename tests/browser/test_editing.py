"""A clinic editor's round trip in the real django CMS toolbar."""

import uuid

import pytest

from devtools.browser import edit_first_paragraph_and_publish, log_in
from devtools.servers import fetch, running_server

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_reviewer_edits_in_toolbar_publishes_and_visitor_sees_it(browser, desktop_page, site_url, reviewer_login):
    """Log in, start a draft, change text inline, publish; an anonymous visitor sees
    the new text at once (page cache on)."""
    path = "/therapies/family-therapy/"
    anonymous = browser.new_context()
    visitor = anonymous.new_page()
    visitor.goto(site_url + path)  # warms the page cache with the old text
    assert "Edited in the browser test." not in visitor.content()

    log_in(desktop_page, site_url, *reviewer_login, path)
    edit_first_paragraph_and_publish(desktop_page, " Edited in the browser test.")

    visitor.goto(site_url + path)
    assert "Edited in the browser test." in visitor.content()
    anonymous.close()


@pytest.mark.redis
def test_publish_on_one_app_server_shows_on_the_other(desktop_page, site_database, reviewer_login):
    """Two app servers share one database and one Redis cache: a page published
    through one is served new by the other on its very next request."""
    path = "/therapies/dbt/"
    shared_cache = {"CACHE_URL": "redis://127.0.0.1:6379/2", "CACHE_KEY_PREFIX": f"two-servers-{uuid.uuid4().hex[:8]}"}
    with (
        running_server(site_database, **shared_cache) as first,
        running_server(site_database, **shared_cache) as second,
    ):
        for _ in range(3):  # the second server caches the old version
            _status, _headers, body = fetch(second + path)
        assert "Published through the first server." not in body

        log_in(desktop_page, first, *reviewer_login, path)
        edit_first_paragraph_and_publish(desktop_page, " Published through the first server.")

        status, _headers, body = fetch(second + path)
    assert status == 200
    assert "Published through the first server." in body
