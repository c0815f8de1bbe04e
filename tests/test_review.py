"""Content review: review dates, the content report command, the toolbar grade,
and crisis lines the clinic adds."""

import datetime

import pytest
from cms.toolbar.utils import get_object_edit_url
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from djangocms_versioning.models import Version

from content.models import PageDetails
from editorial.review import DUE_SOON_STATUS, NEVER_REVIEWED, OVERDUE, published_page_checks
from safety.lines import NATIONAL_CRISIS_LINES, crisis_lines
from safety.models import LocalCrisisLine

from .shell import assert_safety_shell, parse

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def reviewed(page, next_due, reviewed_on=None):
    content = page.get_content_obj("en")
    details = PageDetails.objects.get(extended_object=content)
    details.reviewer_name = "Dr. Test"
    details.reviewed_on = reviewed_on or next_due - datetime.timedelta(days=365)
    details.next_review_due = next_due
    details.save()


def clinical_page(make_page, title, text="People can and do recover."):
    return make_page(
        title,
        kind="condition",
        parent="conditions",
        slug=title.lower().replace(" ", "-"),
        placeholders={"overview": [{"text": f"<p>{text}</p>"}]},
    )


def run_report(*args):
    try:
        call_command("content_report", *args)
    except SystemExit as exit:
        return exit.code
    return 0


def test_review_list_orders_overdue_then_due_soon_then_never_reviewed(make_page):
    """Overdue first (oldest first), then due within 30 days, then never reviewed."""
    current = clinical_page(make_page, "Current page")
    reviewed(current, TODAY + datetime.timedelta(days=200))
    soon = clinical_page(make_page, "Soon page")
    reviewed(soon, TODAY + datetime.timedelta(days=10))
    overdue = clinical_page(make_page, "Overdue page")
    reviewed(overdue, TODAY - datetime.timedelta(days=3))
    very_overdue = clinical_page(make_page, "Very overdue page")
    reviewed(very_overdue, TODAY - datetime.timedelta(days=90))

    clinical = [check for check in published_page_checks() if check.status != "not clinical"]
    titles = [check.title for check in clinical]
    statuses = [check.status for check in clinical]
    assert titles[:3] == ["Very overdue page", "Overdue page", "Soon page"]
    assert statuses[:3] == [OVERDUE, OVERDUE, DUE_SOON_STATUS]
    assert set(statuses[3:-1]) == {NEVER_REVIEWED}
    assert titles[-1] == "Current page"


def test_content_review_admin_page_lists_pages_in_order(client, admin_user, make_page):
    """Staff see the same order in the admin, with links to each writing report."""
    overdue = clinical_page(make_page, "Overdue admin page")
    reviewed(overdue, TODAY - datetime.timedelta(days=1))
    client.force_login(admin_user)
    response = client.get(reverse("admin:editorial_contentreview_changelist"))
    assert response.status_code == 200
    rows = parse(response.content).xpath("//tbody/tr")
    assert rows[0].xpath("./td")[0].text_content() == "Overdue admin page"
    assert "overdue" in rows[0].xpath("./td")[2].text_content()
    report = client.get(rows[0].xpath(".//a[text()='Writing report']/@href")[0])
    assert report.status_code == 200 and "Reading grade" in report.content.decode()
    other_rows = parse(response.content).xpath('//table[@class="other-pages"]//tbody/tr')
    other = [row.xpath("./td")[0].text_content() for row in other_rows]
    assert "Privacy and staying safe online" in other  # general pages are graded too
    assert "Benzodiazepine use disorder" not in other


def test_content_report_check_passes_on_the_shipped_content():
    """The clinic's own pages have no wording warnings and nothing overdue."""
    assert run_report("--check") == 0


def test_content_report_check_fails_on_wording_warning_in_a_clinical_page(make_page):
    """A stigmatising term on a published clinical page makes --check fail."""
    clinical_page(make_page, "Worded page", "Every addict deserves care.")
    assert run_report("--check") == 1
    assert run_report() == 0  # without --check it only reports


def test_content_report_check_fails_when_a_clinical_page_is_overdue(make_page):
    """An overdue review on a published clinical page makes --check fail."""
    reviewed(clinical_page(make_page, "Late page"), TODAY - datetime.timedelta(days=1))
    assert run_report("--check") == 1


def test_content_report_check_ignores_general_pages_and_drafts(make_page):
    """Only published clinical pages count: a general page or a draft does not fail it."""
    make_page(
        "General worded",
        kind="general",
        slug="general-worded",
        placeholders={"content": [{"text": "<p>An addict wrote this.</p>"}]},
    )
    make_page(
        "Draft worded",
        kind="condition",
        slug="draft-worded",
        publish=False,
        placeholders={"overview": [{"text": "<p>An addict wrote this.</p>"}]},
    )
    assert run_report("--check") == 0


def test_saving_text_with_a_warning_is_never_blocked(make_page):
    """The checks warn; a page with flagged wording still saves and publishes."""
    page = clinical_page(make_page, "Saved anyway", "He committed suicide.")
    assert page.get_absolute_url("en")


def test_toolbar_shows_the_reading_grade_on_a_draft(client, admin_user, make_page):
    """Editing a draft, staff see its reading grade and wording warnings in the toolbar."""
    page = make_page(
        "Toolbar page",
        kind="therapy",
        slug="toolbar-page",
        publish=False,
        placeholders={
            "overview": [
                {"text": "<p>This page is short. Each sentence is plain. An addict is not a word we use here.</p>"}
            ]
        },
    )
    client.force_login(admin_user)
    response = client.get(get_object_edit_url(page.get_admin_content("en")))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Reading grade" in body
    assert "1 wording warning" in body
    assert "person with a substance use disorder" in body


def test_local_crisis_line_shows_on_every_page_after_the_national_ones(client, published_paths):
    """A line the clinic adds appears in the banner everywhere, cached pages included;
    the national lines stay first."""
    for path in published_paths[:8]:
        client.get(path)  # fills the page cache
    LocalCrisisLine.objects.create(
        name="County crisis line", number="555-0100", phone_href="5550100", verified_on=TODAY
    )
    for path in published_paths[:8] + ["/no-such-page/"]:
        doc = assert_safety_shell(client.get(path).content)
        hrefs = [a.get("href") for a in doc.xpath('//*[@id="crisis-banner"]//a')]
        assert "tel:5550100" in hrefs
        assert hrefs.index("tel:5550100") > hrefs.index("tel:+18006624357")


def test_national_lines_cannot_be_removed():
    """With local lines deleted or added, the national lines are always there, first."""
    LocalCrisisLine.objects.create(name="Local", number="555-0101", phone_href="5550101", verified_on=TODAY)
    assert crisis_lines()[: len(NATIONAL_CRISIS_LINES)] == list(NATIONAL_CRISIS_LINES)
    LocalCrisisLine.objects.all().delete()
    assert crisis_lines() == list(NATIONAL_CRISIS_LINES)


def test_stale_crisis_line_appears_in_content_review(client, admin_user):
    """A local line not verified for six months is listed for checking."""
    LocalCrisisLine.objects.create(
        name="Old line", number="555-0102", phone_href="5550102", verified_on=TODAY - datetime.timedelta(days=200)
    )
    LocalCrisisLine.objects.create(name="Fresh line", number="555-0103", phone_href="5550103", verified_on=TODAY)
    client.force_login(admin_user)
    body = client.get(reverse("admin:editorial_contentreview_changelist")).content.decode()
    assert "Old line" in body and "Fresh line" not in body


def test_published_grade_comes_from_the_published_version(make_page, author):
    """The report of a page reads the version visitors see, not a newer draft."""
    page = clinical_page(make_page, "Two versions", "Short words here. Plain and kind. We can help you.")
    draft = Version.objects.filter_by_grouper(page).get().copy(author)
    placeholder = draft.content.get_placeholders().get(slot="overview")
    text = placeholder.get_plugins("en").first().get_bound_plugin()
    text.body = "<p>An addict is a word we will remove before publishing.</p>"
    text.save()
    [check] = [c for c in published_page_checks() if c.title == "Two versions"]
    assert check.warnings == []
