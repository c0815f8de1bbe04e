"""The search page and robots.txt (search.views): crisis-aware, never a dead end, never
a 500, and cached only while current."""

import pytest
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from devtools.builders import ORIGIN, text_block
from devtools.shell import assert_safety_shell, parse
from search.engine import search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["I want to die", "overdose", "my friend took an OD", "he is not breathing", "seizure", "kill myself", "suicide"],
)
def test_crisis_queries_put_the_care_card_first(client, query):
    """Crisis words bring a care card with 988 and 911 above any results."""
    response = client.get("/search/", {"q": query})
    doc = assert_safety_shell(response.content)
    card = doc.xpath('//*[@id="crisis-card"]')
    assert card
    hrefs = card[0].xpath(".//a/@href")
    assert {"tel:911", "tel:988", "sms:988"} <= set(hrefs)
    results = doc.xpath('//ol[@class="search-results"]')
    if results:
        body = response.content.decode()
        assert body.index('id="crisis-card"') < body.index('class="search-results"')


@pytest.mark.parametrize("query", ["clean water", "odd dreams", "taper", "period"])
def test_ordinary_queries_have_no_crisis_card(client, query):
    """No alarm for ordinary searches."""
    assert 'id="crisis-card"' not in client.get("/search/", {"q": query}).content.decode()


def test_empty_and_no_result_searches_suggest_where_to_go(client):
    """Never a dead end: suggestions, the FAQ and the helpline."""
    for params in ({}, {"q": ""}, {"q": "qwxzv plmk"}):
        doc = assert_safety_shell(client.get("/search/", params).content)
        links = doc.xpath('//div[@class="search-suggestions"]//a/@href')
        assert "/faq/for-patients/" in links and "tel:+18006624357" in links


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", "", "1e9", "２"])
def test_odd_page_numbers_give_a_normal_page(client, page):
    """Page numbers that are not numbers or out of range still get a results page."""
    response = client.get("/search/", {"q": "benzodiazepine", "page": page})
    assert response.status_code == 200
    assert parse(response.content).xpath('//li[@class="search-result"]')


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=400), page=st.one_of(st.text(max_size=12), st.integers().map(str)))
def test_arbitrary_queries_and_page_numbers_never_fail(client, query, page):
    """Any text at all, any page number: a normal page, never a 500."""
    response = client.get("/search/", {"q": query, "page": page})
    assert response.status_code == 200


def test_very_long_query_is_cut_not_refused(client):
    """A pasted paragraph still searches (on its first 200 characters)."""
    response = client.get("/search/", {"q": "benzodiazepine " * 500})
    assert response.status_code == 200
    assert len(search("x" * 5000).query) == 200


def test_cached_search_pages_follow_publishing(client, make_page, author):
    """A search page served from the cache still changes at once on publish and unpublish."""
    assert "Walrus page" not in client.get("/search/", {"q": "walrus"}).content.decode()
    page = make_page(
        "Walrus page",
        kind="therapy",
        slug="walrus-page",
        placeholders={"overview": [text_block("The walrus word.")]},
    )
    assert "Walrus page" in client.get("/search/", {"q": "walrus"}).content.decode()
    assert "Walrus page" in client.get("/search/", {"q": "walrus"}).content.decode()  # from the cache
    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert "Walrus page" not in client.get("/search/", {"q": "walrus"}).content.decode()


def test_robots_txt_keeps_search_and_admin_out():
    """robots.txt excludes search and admin and points to the sitemap."""
    from django.test import Client

    body = Client().get("/robots.txt").content.decode()
    assert "Disallow: /search/" in body and "Disallow: /admin/" in body
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in body
