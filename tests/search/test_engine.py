"""Site search (search.engine): however patients name things, misspelt too, with FAQ
answers and safe snippets."""

import re
from html import unescape

import pytest

from devtools.builders import BENZO_PAGE, result_urls, text_block
from devtools.shell import parse
from search.engine import search
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


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


def test_snippets_escape_page_text_and_mark_matches(make_page):
    """Snippets highlight the match and never pass page text through as HTML."""
    make_page(
        "Escaping page",
        kind="therapy",
        slug="escaping-page",
        placeholders={"overview": [text_block("Use &lt;script&gt; tags? No: narwhal advice only.")]},
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
