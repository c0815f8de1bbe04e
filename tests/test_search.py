"""Site search: how patients ask, crisis-aware, published content only, never a 500;
and the findability pieces (sitemap, robots, canonical, JSON-LD)."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django.conf import settings
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from content.models import PageDetails
from search.engine import search
from search.models import SearchDocument

from .shell import assert_safety_shell, parse

pytestmark = pytest.mark.django_db

BENZO_PAGE = "/conditions/benzodiazepine-use-disorder/"
ORIGIN = f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}"


def result_urls(query):
    return [result.url for result in search(query).results]


@pytest.mark.parametrize(
    "query",
    [
        "xanax",
        "Xanax withdrawal",
        "klonopin cold turkey",
        "valium",
        "ativan",
        "restoril",
        "halcion",
        "alprazolam",
        "clonazepam",
        "lorazepam",
        "benzo",
        "benzos",
        "nerve pills",
        "xanaz",
        "klonopine",
        "alprazolm",  # misspelt
    ],
)
def test_brand_generic_everyday_and_misspelt_names_find_the_benzodiazepine_page(query):
    """However a person names the medicine, the benzodiazepine page is among the first results."""
    assert BENZO_PAGE in result_urls(query)[:5], result_urls(query)[:5]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("how long does detox take", "/levels-of-care/withdrawal-management/"),
        ("IOP", "/levels-of-care/intensive-outpatient/"),
        ("php", "/levels-of-care/partial-hospitalization/"),
        ("rehab", "/levels-of-care/inpatient/"),
        ("taper", "/therapies/medication-management/"),
        ("narcan", "/get-help-now/"),
        ("can't sleep", "/therapies/cbt-i/"),
    ],
)
def test_everyday_words_find_their_page(query, expected):
    """Everyday words reach the page that uses the clinical term."""
    assert expected in result_urls(query)[:6], result_urls(query)[:6]


def test_misspelling_is_announced():
    """A corrected query says what it searched for."""
    assert search("xanaz").corrected == "xanax"


def test_faq_hits_link_to_the_answer_itself(client):
    """An FAQ result links to the answer's anchor, which exists on that page."""
    faq_results = [result for result in search("my son won't stop").results if "#q-" in result.url]
    assert faq_results
    path, anchor = faq_results[0].url.split("#")
    assert parse(client.get(path).content).xpath(f'//details[@id="{anchor}"]')


def test_drafts_and_unpublished_pages_are_never_found(make_page, author):
    """Only what is published is searchable, at once on publish and unpublish."""
    make_page(
        "Zebrafish draft",
        kind="therapy",
        slug="zebrafish-draft",
        publish=False,
        placeholders={"overview": [{"text": "<p>The quagga word lives here.</p>"}]},
    )
    assert result_urls("quagga") == []
    page = make_page(
        "Zebrafish live",
        kind="therapy",
        slug="zebrafish-live",
        placeholders={"overview": [{"text": "<p>The okapi word lives here.</p>"}]},
    )
    assert result_urls("okapi") == ["/zebrafish-live/"]
    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert result_urls("okapi") == []


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


def test_snippets_escape_page_text_and_mark_matches(make_page):
    """Snippets highlight the match and never pass page text through as HTML."""
    make_page(
        "Escaping page",
        kind="therapy",
        slug="escaping-page",
        placeholders={"overview": [{"text": "<p>Use &lt;script&gt; tags? No: narwhal advice only.</p>"}]},
    )
    [result] = search("narwhal").results
    assert "<mark>" in result.snippet.lower() and "narwhal" in result.snippet.lower()
    assert "<script>" not in result.snippet


@pytest.mark.parametrize("query", ["xanax withdrawal", "benzo taper", "family help"])
def test_snippets_show_whole_words_and_mark_whole_words(query):
    """A snippet never starts or ends inside a word ("…lp now"), and a match inside a
    longer word marks the whole word, not "<mark>benzo</mark>diazepines"."""
    documents = {document.url: document for document in SearchDocument.objects.all()}
    results = search(query).results
    assert results
    for result in results[:10]:
        snippet = str(result.snippet)
        page_words = set(re.findall(r"\w+", documents[result.url].body))
        plain = unescape(re.sub(r"</?mark>", "", snippet))
        assert set(re.findall(r"\w+", plain)) <= page_words, snippet
        assert not re.search(r"\w<mark>|</mark>\w", snippet), snippet


def test_sitemap_lists_exactly_the_published_pages(client, published_paths, make_page):
    """The sitemap has every published page with a last-modified date, and no draft."""
    make_page("Sitemap draft", kind="general", slug="sitemap-draft", publish=False)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [url.find("s:loc", ns).text for url in root.findall("s:url", ns)]
    assert sorted(locs) == sorted(f"{ORIGIN}{path}" for path in published_paths)
    assert all(url.find("s:lastmod", ns) is not None for url in root.findall("s:url", ns))


def test_robots_txt_keeps_search_and_admin_out():
    """robots.txt excludes search and admin and points to the sitemap."""
    from django.test import Client

    body = Client().get("/robots.txt").content.decode()
    assert "Disallow: /search/" in body and "Disallow: /admin/" in body
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in body


def test_every_page_has_canonical_description_and_share_tags(client, published_paths):
    """Canonical link, meta description and Open Graph tags on every page."""
    for path in [*published_paths, "/search/?q=taper"]:
        doc = parse(client.get(path).content)
        assert doc.xpath('//link[@rel="canonical"]/@href')[0] == f"{ORIGIN}{path.split('?')[0]}"
        assert doc.xpath('//meta[@name="description"]/@content')[0].strip(), path
        assert doc.xpath('//meta[@property="og:title"]/@content')[0].strip(), path
        assert not doc.xpath('//script[@src and not(starts-with(@src, "/"))]')


def json_ld(client, path):
    doc = parse(client.get(path).content)
    return [json.loads(script.text) for script in doc.xpath('//script[@type="application/ld+json"]')]


def test_json_ld_carries_review_dates_and_condition(client):
    """MedicalWebPage with lastReviewed and reviewedBy once reviewed; MedicalCondition on
    condition pages; the breadcrumb trail."""
    details = PageDetails.objects.get(extended_object__page__reverse_id="condition-benzodiazepine-use-disorder")
    assert not details.is_reviewed
    blocks = json_ld(client, BENZO_PAGE)
    page = next(block for block in blocks if block["@type"] == "MedicalWebPage")
    assert "lastReviewed" not in page  # no review recorded, none claimed
    assert page["about"]["@type"] == "MedicalCondition"
    assert page["publisher"]["@type"] == "MedicalClinic"

    details.reviewer_name, details.reviewer_credentials = "Dr. Test Reviewer", "MD"
    details.reviewed_on = datetime.date(2026, 10, 1)
    details.save()
    blocks = json_ld(client, BENZO_PAGE)
    page = next(block for block in blocks if block["@type"] == "MedicalWebPage")
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"] == {"@type": "Person", "name": "Dr. Test Reviewer", "honorificSuffix": "MD"}
    crumbs = next(block for block in blocks if block["@type"] == "BreadcrumbList")
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        f"{ORIGIN}/",
        f"{ORIGIN}/conditions/",
        f"{ORIGIN}{BENZO_PAGE}",
    ]


def test_json_ld_cannot_be_broken_out_of(client, make_page):
    """A title with </script> stays inside the JSON-LD data."""
    make_page("Bad </script><script>alert(1)</script> title", kind="therapy", slug="bad-title")
    body = client.get("/bad-title/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert json_ld(client, "/bad-title/")[0]["name"].startswith("Bad </script>")


def test_cached_search_pages_follow_publishing(client, make_page, author):
    """A search page served from the cache still changes at once on publish and unpublish."""
    assert "Walrus page" not in client.get("/search/", {"q": "walrus"}).content.decode()
    page = make_page(
        "Walrus page",
        kind="therapy",
        slug="walrus-page",
        placeholders={"overview": [{"text": "<p>The walrus word.</p>"}]},
    )
    assert "Walrus page" in client.get("/search/", {"q": "walrus"}).content.decode()
    assert "Walrus page" in client.get("/search/", {"q": "walrus"}).content.decode()  # from the cache
    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert "Walrus page" not in client.get("/search/", {"q": "walrus"}).content.decode()
