"""Staff read readers' answers: counts and comments per page in the content review,
every answer in the admin (read only; administrators may delete one). Visitors
never see them."""

import datetime

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from devtools.builders import BENZO_PAGE, TODAY, staff_user
from devtools.shell import parse
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR
from feedback.models import PageFeedback
from feedback.selectors import answers_by_page

pytestmark = pytest.mark.django_db

REVIEW = "admin:editorial_contentreview_changelist"
FLAGSHIP_ES = "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/"


@pytest.fixture
def answers(client):
    """Readers' answers sent through the form: on the benzodiazepine page, two yes and
    three no over three days (one with a phone number), and one on the Spanish page."""

    def answer(path, helpful, comment="", language="en", day=TODAY):
        data = {"path": path, "language": language, "helpful": helpful, "comment": comment}
        response = client.post("/feedback/", data)
        assert response.status_code == 200
        PageFeedback.objects.filter(pk=PageFeedback.objects.latest("id").pk).update(day=day)

    answer(BENZO_PAGE, "yes", "Oldest comment", day=TODAY - datetime.timedelta(days=2))
    answer(BENZO_PAGE, "no", "Middle comment, call 555-123-4567", day=TODAY - datetime.timedelta(days=1))
    answer(BENZO_PAGE, "no")
    answer(BENZO_PAGE, "yes")
    answer(BENZO_PAGE, "no", "Newest comment")
    answer(FLAGSHIP_ES, "yes", "Muy clara", language="es")


def feedback_rows(response):
    return parse(response.content).xpath('//table[@class="readers-feedback"]/tbody/tr')


@pytest.mark.parametrize("role", [EDITOR, CLINICAL_REVIEWER])
def test_editors_and_reviewers_see_counts_and_comments_newest_first(client, answers, role):
    client.force_login(staff_user(role))
    response = client.get(reverse(REVIEW))
    assert response.status_code == 200
    rows = {row.xpath("./td")[0].text_content().strip(): row for row in feedback_rows(response)}
    benzo = rows["Benzodiazepine use disorder"]
    cells = benzo.xpath("./td")
    assert cells[0].xpath(".//a/@href") == [BENZO_PAGE]
    assert (cells[1].text_content(), cells[2].text_content()) == ("2", "3")
    comments = [" ".join(item.text_content().split()) for item in cells[3].xpath(".//li")]
    assert [comment.split(": ", 1)[1] for comment in comments] == [
        "Newest comment",
        "Middle comment, call [removed]",
        "Oldest comment",
    ]
    oldest = cells[3].xpath(".//li")[-1].xpath("./strong")[0].text_content()
    assert oldest == date_format(TODAY - datetime.timedelta(days=2))  # the day it was sent, nothing finer
    spanish = next(row for title, row in rows.items() if "(es)" in title)
    assert spanish.xpath("./td")[1].text_content() == "1" and "Muy clara" in spanish.xpath("./td")[3].text_content()


def test_the_counts_and_comments_take_two_queries(answers, django_assert_num_queries):
    with django_assert_num_queries(2):
        pages = answers_by_page()
    assert len(pages) == 2


def test_visitors_cannot_reach_the_content_review_or_the_answers(client, answers):
    for url in (reverse(REVIEW), reverse("admin:feedback_pagefeedback_changelist")):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert "Middle comment" not in client.get(BENZO_PAGE).content.decode()


def test_staff_without_the_role_see_no_answers(client, answers, django_user_model):
    """A staff account with no role sees neither the content review nor the answers."""
    user = django_user_model.objects.create_user("no-role", password="a-long-test-password-1", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(REVIEW)).status_code == 403
    assert client.get(reverse("admin:feedback_pagefeedback_changelist")).status_code == 403


def test_the_admin_lists_answers_read_only_and_only_administrators_delete(client, answers):
    one = PageFeedback.objects.filter(comment__startswith="Middle").get()
    delete_url = reverse("admin:feedback_pagefeedback_delete", args=(one.pk,))
    client.force_login(staff_user(EDITOR))
    listing = client.get(reverse("admin:feedback_pagefeedback_changelist"))
    assert listing.status_code == 200 and "Middle comment, call [removed]" in listing.content.decode()
    assert client.get(reverse("admin:feedback_pagefeedback_add")).status_code == 403
    change_url = reverse("admin:feedback_pagefeedback_change", args=(one.pk,))
    client.post(change_url, {"comment": "changed", "helpful": "on"})
    assert PageFeedback.objects.get(pk=one.pk).comment == "Middle comment, call [removed]"
    assert client.post(delete_url, {"post": "yes"}).status_code == 403

    client.force_login(staff_user(SITE_ADMINISTRATOR))
    client.post(delete_url, {"post": "yes"})
    assert not PageFeedback.objects.filter(pk=one.pk).exists()
    assert PageFeedback.objects.count() == 5
