"""The form at the end of every page (templates/includes/page_feedback.html): shown to
visitors, the same for every visitor (pages come from a shared cache), no cookie, and
it posts what /feedback/ takes."""

import pytest

from devtools.builders import BENZO_PAGE, staff_user
from devtools.shell import parse
from editorial.roles import EDITOR
from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db

FLAGSHIP_ES = "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/"


def feedback_form(body):
    forms = parse(body).xpath('//section[@id="page-feedback"]//form')
    return forms[0] if forms else None


@pytest.mark.parametrize("path", [BENZO_PAGE, "/levels-of-care/", "/faq/for-families/", "/about/", "/get-help-now/"])
def test_each_page_shows_the_form_to_a_visitor_and_sets_no_cookie(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies and "Set-Cookie" not in response
    form = feedback_form(response.content)
    assert form is not None, path
    assert (form.get("method"), form.get("action")) == ("post", "/feedback/")
    assert form.xpath('.//input[@name="path"]')[0].get("value") == path
    assert form.xpath('.//input[@name="language"]')[0].get("value") == "en"
    # Nothing that differs between visitors: no CSRF token or any other per-visitor value.
    assert {field.get("name") for field in form.xpath(".//input | .//textarea")} == {
        "path",
        "language",
        "helpful",
        "comment",
    }


def test_the_question_answers_and_warning_are_all_labelled(client):
    form = feedback_form(client.get(BENZO_PAGE).content)
    assert form.xpath(".//legend")[0].text_content().strip() == "Was this page helpful?"
    labels = form.xpath(".//label[input]")
    choices = {label.text_content().strip(): label.xpath(".//input")[0].get("value") for label in labels}
    assert choices["Yes"] == "yes" and choices["No"] == "no"
    textarea = form.xpath(".//textarea")[0]
    assert textarea.get("maxlength") == "500"
    hint = form.xpath(f'.//*[@id="{textarea.get("aria-describedby")}"]')[0].text_content()
    assert "Do not write your name, contact details or anything about your health" in hint
    assert "Nobody will reply" in hint and "call or text 988" in hint
    assert form.xpath(f'.//label[@for="{textarea.get("id")}"]')


def test_a_spanish_page_asks_in_spanish_and_sends_its_own_path(client):
    form = feedback_form(client.get(FLAGSHIP_ES).content)
    assert form.xpath(".//legend")[0].text_content().strip() == "¿Le ayudó esta página?"
    assert form.xpath('.//input[@name="path"]')[0].get("value") == FLAGSHIP_ES
    assert form.xpath('.//input[@name="language"]')[0].get("value") == "es"


def test_every_visitor_gets_the_same_page_from_the_cache(client):
    first = client.get(BENZO_PAGE)
    second = client.get(BENZO_PAGE, REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="another browser")
    assert first.content == second.content


def test_what_the_form_sends_is_what_the_endpoint_takes(client):
    form = feedback_form(client.get(BENZO_PAGE).content)
    data = {field.get("name"): field.get("value") for field in form.xpath('.//input[@type="hidden"]')}
    response = client.post(form.get("action"), {**data, "helpful": "no", "comment": "Too long."})
    assert response.status_code == 200 and not response.cookies
    assert PageFeedback.objects.get().comment == "Too long."


def test_signed_in_staff_do_not_answer_their_own_pages(client):
    client.force_login(staff_user(EDITOR))
    assert feedback_form(client.get(BENZO_PAGE).content) is None
