"""Search in Spanish (/es/search/): Spanish pages only, however people name the medicine,
with or without accents, misspelt too, and a crisis card in Spanish for crisis words.
The same on SQLite and PostgreSQL."""

import io

import pytest
from django.core.management import call_command
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from content.site_content import add_translation
from devtools.builders import BENZO_PAGE, text_block
from devtools.shell import assert_safety_shell, parse
from search.engine import search
from search.indexing import rebuild_index
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

BENZO_PAGE_ES = "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/"
WITHDRAWAL_PAGE_ES = "/es/niveles-de-atencion/manejo-de-la-abstinencia/"
HELP_NOW_ES = "/es/ayuda-ahora/"


def spanish_urls(query):
    return [result.url for result in search(query, "es").results]


def pages(urls):
    """The pages of result URLs (an FAQ answer is on its page)."""
    return [url.split("#")[0] for url in urls]


@pytest.mark.parametrize(
    "query",
    ["xanax", "Xanax", "klonopin", "valium", "ativan", "alprazolam", "clonazepam", "lorazepam", "rivotril", "benzos"],
)
def test_brand_and_generic_names_find_the_spanish_benzodiazepine_page(query):
    """However a person names the medicine, the Spanish benzodiazepine page is among the first results."""
    assert BENZO_PAGE_ES in pages(spanish_urls(query))[:5], spanish_urls(query)[:5]


@pytest.mark.parametrize(
    "query", ["benzodiacepinas", "Benzodiacepina", "benzodiazepinas", "medicacion benzodiacepinas"]
)
def test_words_typed_without_accents_or_spelt_otherwise_find_the_benzodiazepine_page(query):
    """The other spelling, "benzodiazepinas", and a word without its accent find the page too."""
    assert BENZO_PAGE_ES in pages(spanish_urls(query))[:3], spanish_urls(query)[:5]


def test_medicacion_without_its_accent_is_medicacion_with_it():
    """Typed without its accent, "medicación" is still "medicación", an everyday word
    for what the pages call "medicamentos" or "pastillas": both find the same pages,
    the benzodiazepine page among them."""
    urls = spanish_urls("medicacion")
    assert urls == spanish_urls("medicación") == spanish_urls("MEDICACIÓN")
    assert BENZO_PAGE_ES in pages(urls)
    assert set(urls) == set(spanish_urls("medicamentos"))


@pytest.mark.parametrize("query", ["desintoxicacion", "desintoxicación", "DESINTOXICACION", "detox", "desintoxicar"])
def test_detox_with_or_without_accents_finds_withdrawal_management(query):
    """The withdrawal-management page says "desintoxicación" and "manejo de la abstinencia"."""
    assert spanish_urls(query)[0] == WITHDRAWAL_PAGE_ES, spanish_urls(query)[:5]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("dejar las pastillas", BENZO_PAGE_ES),  # dejar ~ suspender/retirar, pastillas ~ medicamentos
        ("suspender el medicamento", BENZO_PAGE_ES),
        ("manejo de la abstinencia", WITHDRAWAL_PAGE_ES),
        ("no puedo dormir", "/es/afecciones/ansiedad-e-insomnio/"),
        ("naloxona", None),
    ],
)
def test_everyday_spanish_words_find_their_page(query, expected):
    urls = pages(spanish_urls(query))
    assert urls, query
    if expected:
        assert expected in urls[:6], urls[:6]


def test_accents_stay_in_titles_and_snippets():
    """Found without accents, shown as written: "sueno" marks "sueño"."""
    results = search("sueno", "es").results
    assert any("<mark>sueño</mark>" in str(result.snippet).lower() for result in results[:10])
    titles = {result.title for result in search("atencion", "es").results}
    assert "Niveles de atención" in titles


@pytest.mark.parametrize(
    "query, corrected",
    [("benzodiasepinas", "benzodiacepinas"), ("abstinensia", "abstinencia"), ("desintoxicasion", "desintoxicación")],
)
def test_spanish_misspellings_are_corrected_and_announced(query, corrected):
    """A misspelt word is corrected to the word the Spanish pages use, and said so."""
    outcome = search(query, "es")
    assert outcome.corrected == corrected
    assert outcome.results


def test_misspelt_benzodiazepine_finds_its_page():
    assert BENZO_PAGE_ES in pages(spanish_urls("benzodiasepinas"))[:5]
    assert WITHDRAWAL_PAGE_ES in pages(spanish_urls("abstinensia"))[:5]


@pytest.mark.parametrize(
    "query",
    [
        "suicidio",
        "suicidarme",
        "quiero morir",
        "me quiero morir",
        "Me quiero morir",
        "matarme",
        "quitarme la vida",
        "sobredosis",
        "no quiero vivir",
        "NO QUIERO VIVIR",
        "pienso en el suicídio",  # accents typed wrong
        "mi hijo tuvo una sobredósis",
        "mi papá dejo de respirar",  # "dejó", typed without its accent
        "quiero hacerme dano",  # "daño"
    ],
)
def test_spanish_crisis_words_put_the_spanish_crisis_card_first(client, query):
    """A Spanish crisis search brings a crisis card, in Spanish, above any results: 911,
    988 and the Spanish "Ayuda ahora" page."""
    assert search(query, "es").crisis
    response = client.get("/es/search/", {"q": query})
    assert response.status_code == 200
    doc = assert_safety_shell(response.content)
    [card] = doc.xpath('//*[@id="crisis-card"]')
    hrefs = set(card.xpath(".//a/@href"))
    assert {"tel:911", "tel:988", HELP_NOW_ES} <= hrefs, hrefs
    assert any(href.startswith("sms:988") for href in hrefs), hrefs
    text = " ".join(card.text_content().split())
    assert "Help right now" not in text and "call 911" not in text  # not the English card
    assert "llame al 911" in text.lower()
    body = response.content.decode()
    if 'class="search-results"' in body:
        assert body.index('id="crisis-card"') < body.index('class="search-results"')


def test_the_spanish_crisis_card_gives_the_988_spanish_line(client):
    """988 in Spanish: call and press 2, or text the word AYUDA to 988."""
    doc = parse(client.get("/es/search/", {"q": "quiero morir"}).content)
    [card] = doc.xpath('//*[@id="crisis-card"]')
    text = " ".join(card.text_content().split())
    assert "marque 2" in text and "AYUDA" in text, text


@pytest.mark.parametrize("query", ["dormir", "dosis", "morfina", "vida sana", "sobre el alcohol", "modo"])
def test_ordinary_spanish_queries_have_no_crisis_card(client, query):
    """No alarm for ordinary searches ("vida", "morir" alone, "sobre" are not crisis words)."""
    assert not search(query, "es").crisis
    assert 'id="crisis-card"' not in client.get("/es/search/", {"q": query}).content.decode()


def test_spanish_crisis_words_on_the_english_page_still_bring_the_card(client):
    """Someone may type Spanish on /search/: the card comes (in English there)."""
    doc = parse(client.get("/search/", {"q": "me quiero morir"}).content)
    assert doc.xpath('//*[@id="crisis-card"]')


@pytest.mark.parametrize(
    "query", ["xanax", "alcohol", "naloxona", "naloxone", "iop", "benzodiazepine", "benzodiacepina", "988", "ayuda"]
)
def test_each_search_page_finds_only_its_own_language(client, query):
    """/es/search/ answers with Spanish pages only, /search/ with English pages only,
    even for words both languages use."""
    assert all(url.startswith("/es/") for url in spanish_urls(query))
    assert not any(url.startswith("/es/") for url in (result.url for result in search(query, "en").results))
    spanish_links = parse(client.get("/es/search/", {"q": query}).content).xpath(
        '//li[@class="search-result"]//h2/a/@href'
    )
    english_links = parse(client.get("/search/", {"q": query}).content).xpath(
        '//li[@class="search-result"]//h2/a/@href'
    )
    assert all(link.startswith("/es/") for link in spanish_links), spanish_links
    assert not any(link.startswith("/es/") for link in english_links), english_links


def test_the_spanish_search_page_is_in_spanish(client):
    """/es/search/ renders, marked as Spanish, with Spanish results."""
    response = client.get("/es/search/", {"q": "xanax"})
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    doc = assert_safety_shell(response.content)
    links = doc.xpath('//li[@class="search-result"]//h2/a/@href')
    assert links and links[0].startswith(BENZO_PAGE_ES)
    assert BENZO_PAGE not in links
    empty = client.get("/es/search/")
    assert empty.status_code == 200 and '<html lang="es">' in empty.content.decode()


@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
def test_arbitrary_spanish_queries_never_fail(client, query):
    """Any text at all on /es/search/: a normal page, never a 500."""
    assert client.get("/es/search/", {"q": query}).status_code == 200


def test_every_language_is_indexed_at_load_and_by_rebuild():
    """The loaded site has Spanish documents; rebuilding (the command too) keeps both languages."""
    counts = {language: SearchDocument.objects.filter(language=language).count() for language in ("en", "es")}
    assert counts["en"] and counts["es"]
    assert SearchDocument.objects.filter(language="es", url=BENZO_PAGE_ES).exists()
    assert rebuild_index() == sum(counts.values())
    assert {language: SearchDocument.objects.filter(language=language).count() for language in counts} == counts
    call_command("rebuild_search", stdout=io.StringIO())
    assert {language: SearchDocument.objects.filter(language=language).count() for language in counts} == counts
    rebuild_index("es")
    assert {language: SearchDocument.objects.filter(language=language).count() for language in counts} == counts


def test_spanish_pages_are_found_on_publish_and_gone_on_unpublish(make_page, author):
    """A Spanish translation is searchable as soon as it is published, in Spanish only,
    and no longer once unpublished."""
    page = make_page(
        "Okapi care",
        kind="therapy",
        slug="okapi-care",
        placeholders={"overview": [text_block("The okapi word in English.")]},
    )
    data = {
        "reverse_id": page.reverse_id,
        "title": "Atención del ñandú",
        "slug": "atencion-del-nandu",
        "placeholders": {"overview": [text_block("La palabra ñandú y un murciélago.")]},
    }
    content = add_translation(page, data, "es", author)
    assert spanish_urls("nandu") == ["/es/atencion-del-nandu/"]
    assert spanish_urls("murcielago") == spanish_urls("MURCIÉLAGO") == ["/es/atencion-del-nandu/"]
    assert [result.url for result in search("nandu", "en").results] == []
    assert spanish_urls("okapi") == []
    [result] = search("nandu", "es").results
    assert result.title == "Atención del ñandú"
    assert "<mark>ñandú</mark>" in str(result.snippet)
    Version.objects.get_for_content(content).unpublish(author)
    assert spanish_urls("nandu") == []
    assert [result.url for result in search("okapi", "en").results] == ["/okapi-care/"]
    assert Version.objects.filter_by_grouper(page).get(state=PUBLISHED).content.language == "en"
