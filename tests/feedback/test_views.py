"""POST /feedback/ (feedback.views): an answer is stored with nothing about the reader,
every answer (refusals too) is a page with the safety shell, no cookie is ever set,
and each client may send only a few answers an hour."""

import datetime

import pytest
from cms.models import Page
from django.utils import timezone, translation

from devtools.builders import BENZO_PAGE
from devtools.shell import assert_safety_shell
from feedback.models import PageFeedback
from feedback.rate_limit import PER_CLIENT

pytestmark = pytest.mark.django_db

FLAGSHIP_ES = "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/"


def post(client, path=BENZO_PAGE, language="en", headers=None, **fields):
    """The form at the end of a page, posted as a browser posts it (`None`: a field left out)."""
    data = {"path": path, "language": language, **fields}
    data = {name: value for name, value in data.items() if value is not None}
    return client.post("/feedback/", data, **{**HEADERS, **(headers or {})})


# What Chromium sends with a form posted from one of this site's pages.
HEADERS = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


def assert_private_page(response, status):
    """The status, the safety shell, nothing kept in a cache, and no cookie at all."""
    assert response.status_code == status
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies and "Set-Cookie" not in response
    return assert_safety_shell(response.content)


def heading(doc):
    return doc.xpath("//h1")[0].text_content().strip()


def page_at(path, language="en"):
    return next(page for page in Page.objects.all() if page.get_absolute_url(language, fallback=False) == path)


@pytest.mark.parametrize("answer, helpful", [("yes", True), ("no", False)])
def test_an_answer_stores_the_page_language_answer_scrubbed_comment_and_day_only(client, answer, helpful):
    response = post(client, helpful=answer, comment="Clear words. Call me on (555) 123-4567 or dana@example.org")
    doc = assert_private_page(response, 200)
    assert heading(doc) == "Thank you for your answer"
    back = doc.xpath('//main//a[contains(., "Back to")]')[0]
    assert back.get("href") == BENZO_PAGE

    [stored] = PageFeedback.objects.all()
    # Nothing else exists to be stored: no time, address, browser, session or identifier.
    assert {field.name for field in PageFeedback._meta.get_fields()} == {
        "id",
        "page",
        "language",
        "path",
        "helpful",
        "comment",
        "day",
    }
    assert stored.page == page_at(BENZO_PAGE)
    assert (stored.language, stored.path, stored.helpful) == ("en", BENZO_PAGE, helpful)
    assert stored.comment == "Clear words. Call me on [removed] or [removed]"
    assert stored.day == timezone.localdate()
    assert isinstance(stored.day, datetime.date) and not isinstance(stored.day, datetime.datetime)


def test_a_spanish_page_gets_its_thanks_in_spanish(client):
    response = post(client, FLAGSHIP_ES, "es", helpful="yes", comment="")
    doc = assert_private_page(response, 200)  # the Spanish shell: banner, exit and disclaimer in Spanish
    assert doc.get("lang") == "es" and response["Content-Language"] == "es"
    assert heading(doc) == "Gracias por su respuesta"
    assert doc.xpath('//main//a[starts-with(., "Volver a")]')[0].get("href") == FLAGSHIP_ES
    assert "/es/afecciones/" in doc.xpath('//nav[contains(@class, "site-nav--wide")]//a/@href')  # the Spanish menu
    # The language link goes to the English home, never to /feedback/ (which only takes answers).
    assert doc.xpath('//a[@class="language-link"]')[0].get("href") == "/"
    stored = PageFeedback.objects.get()
    assert (stored.language, stored.path, stored.comment) == ("es", FLAGSHIP_ES, "")


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://["},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://feedback.testserver"},
    ],
)
def test_a_post_from_another_site_is_refused(client, headers):
    response = client.post("/feedback/", {"path": BENZO_PAGE, "language": "en", "helpful": "no"}, **headers)
    doc = assert_private_page(response, 403)
    assert heading(doc) == "We could not take that answer"
    assert not PageFeedback.objects.exists()


def test_a_post_with_no_browser_headers_or_another_port_of_this_host_is_taken(client):
    """Older browsers send neither header; behind the front door the Host has no port."""
    answer = {"path": BENZO_PAGE, "language": "en", "helpful": "yes"}
    assert client.post("/feedback/", answer).status_code == 200
    headers = {"HTTP_ORIGIN": "http://127.0.0.1:8000", "HTTP_HOST": "127.0.0.1"}
    assert client.post("/feedback/", answer, **headers).status_code == 200
    assert PageFeedback.objects.count() == 2


@pytest.mark.parametrize(
    "path, language",
    [
        ("/no-such-page/", "en"),
        ("https://evil.example/", "en"),
        ("//evil.example/", "en"),
        ("", "en"),
        (None, "en"),
        (BENZO_PAGE, "es"),  # the English page's path, said to be Spanish
        (FLAGSHIP_ES, "en"),
        (BENZO_PAGE.rstrip("/"), "en"),
        (BENZO_PAGE + "?next=https://evil.example/", "en"),
        ("/" + "a/" * 400, "en"),
        ("/\x00/", "en"),
    ],
)
def test_an_unknown_page_is_refused_and_never_redirected_to(client, path, language):
    response = post(client, path, language, helpful="yes")
    doc = assert_private_page(response, 400)
    with translation.override(language):  # in the language the answer named
        assert heading(doc) == translation.gettext("We could not tell which page you meant")
    assert "evil.example" not in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_an_unpublished_page_is_refused(client, make_page):
    make_page("Draft only", slug="draft-only", publish=False)
    response = post(client, "/draft-only/", helpful="yes")
    assert_private_page(response, 400)
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("answer", [None, "", "maybe", "YES "])
def test_a_missing_answer_is_refused_with_a_way_back_to_the_page(client, answer):
    response = post(client, helpful=answer, comment="I did not choose")
    doc = assert_private_page(response, 400)
    assert heading(doc) == "Please choose Yes or No"
    assert doc.xpath(f'//main//a[@href="{BENZO_PAGE}#page-feedback"]')
    assert not PageFeedback.objects.exists()


def test_a_comment_over_500_characters_is_refused_and_500_with_line_breaks_is_taken(client):
    response = post(client, helpful="no", comment="a" * 501)
    doc = assert_private_page(response, 400)
    assert heading(doc) == "Your comment is too long"
    assert "500" in doc.xpath("//main")[0].text_content()
    assert not PageFeedback.objects.exists()
    # A browser counts a line break as one character but sends two ("\r\n").
    comment = ("word " * 20 + "\r\n") * 4 + "a" * 96  # 500 characters as the reader typed them, 504 sent
    assert len(comment) == 504
    assert post(client, helpful="no", comment=comment).status_code == 200
    assert len(PageFeedback.objects.get().comment) == 500


@pytest.mark.parametrize("method", ["get", "head"])
def test_get_is_refused_with_a_page_not_an_error(client, method):
    response = getattr(client, method)("/feedback/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert not response.cookies
    if method == "get":
        assert_private_page(response, 405)


def test_the_eleventh_answer_from_one_client_in_an_hour_is_refused_another_client_is_not(client):
    for _ in range(PER_CLIENT):
        assert post(client, helpful="yes").status_code == 200
    response = post(client, helpful="yes")
    doc = assert_private_page(response, 429)
    assert 0 < int(response["Retry-After"]) <= 3600
    assert heading(doc) == "We have many answers right now"
    assert PageFeedback.objects.count() == PER_CLIENT

    other = post(client, helpful="no", headers={"REMOTE_ADDR": "192.0.2.44"})
    assert other.status_code == 200
    assert PageFeedback.objects.count() == PER_CLIENT + 1


def test_a_500_never_comes_from_odd_input(client):
    """Odd encodings, a huge comment, repeated fields: a 4xx or the thank-you page."""
    for fields in (
        {"helpful": ["yes", "no"], "comment": ["one", "two"]},
        {"helpful": "yes", "comment": "x" * 60_000},
        {"helpful": "no", "comment": "\x00\x00"},
        {"helpful": "no", "path": "/\x00/"},
        {"helpful": "no", "language": "xx"},
        {"helpful": "no", "language": ""},
    ):
        response = post(client, **fields)
        assert response.status_code in (200, 400, 413), fields
        assert_safety_shell(response.content)
