"""Content review (editorial.review): what is due for a medical review, which version
the checks read, and crisis lines to check again."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from djangocms_versioning.models import Version

from devtools.builders import TODAY, clinical_page, reviewed
from editorial.review import DUE_SOON_STATUS, NEVER_REVIEWED, OVERDUE, published_page_checks, writing_checks_label
from editorial.writing import ReadingReport
from safety.models import LocalCrisisLine

pytestmark = pytest.mark.django_db


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


def test_saving_text_with_a_warning_is_never_blocked(make_page):
    """The checks warn; a page with flagged wording still saves and publishes."""
    page = clinical_page(make_page, "Saved anyway", "He committed suicide.")
    assert page.get_absolute_url("en")


def test_stale_crisis_line_appears_in_content_review(client, admin_user):
    """A local line not verified for six months is listed for checking."""
    LocalCrisisLine.objects.create(name="Old line", number="555-0102", verified_on=TODAY - datetime.timedelta(days=200))
    LocalCrisisLine.objects.create(name="Fresh line", number="555-0103", verified_on=TODAY)
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


@pytest.mark.parametrize(
    ("grade", "warnings", "label"),
    [
        (5.23, 1, "Reading grade 5.2 · 1 wording warning"),
        (9.0, 2, "Reading grade 9.0 (above 8) · 2 wording warnings"),
        (None, 0, "Reading grade –"),
    ],
)
def test_writing_checks_label_gives_the_grade_the_target_and_the_warnings(grade, warnings, label):
    """The toolbar's label (and the live feedback's): the grade, "above 8" past the target, how many warnings."""
    check = SimpleNamespace(reading=ReadingReport(grade, 100, []), warnings=["a warning"] * warnings)
    assert writing_checks_label(check) == label
