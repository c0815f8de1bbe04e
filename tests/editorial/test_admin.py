"""The content review page in the admin (editorial.admin)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from devtools.builders import TODAY, clinical_page, reviewed, staff_user, text_block
from devtools.shell import parse
from editorial.models import StaffProfile
from editorial.review import check_page, writing_checks_label
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR

pytestmark = pytest.mark.django_db


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


def test_site_administrator_edits_a_staff_members_name_and_credentials_on_their_account(client):
    """The user's admin page has the name and credentials shown on pages; an administrator saves them there."""
    reviewer = staff_user(CLINICAL_REVIEWER, "lee")
    client.force_login(staff_user(SITE_ADMINISTRATOR))
    url = reverse("admin:auth_user_change", args=(reviewer.pk,))
    form = client.get(url).content.decode()
    assert 'name="staff_profile-0-full_name"' in form and 'name="staff_profile-0-credentials"' in form
    response = client.post(
        url,
        {
            "username": "lee",
            "is_active": "on",
            "is_staff": "on",
            "groups": [reviewer.groups.get().pk],
            "date_joined_0": "2026-01-05",
            "date_joined_1": "09:00:00",
            "staff_profile-TOTAL_FORMS": "1",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-MIN_NUM_FORMS": "0",
            "staff_profile-MAX_NUM_FORMS": "1",
            "staff_profile-0-full_name": "Lee Park",
            "staff_profile-0-credentials": "MD, board-certified in addiction medicine",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = StaffProfile.objects.get(user=reviewer)
    assert (profile.full_name, profile.credentials) == ("Lee Park", "MD, board-certified in addiction medicine")
    assert not get_user_model().objects.get(pk=reviewer.pk).is_superuser


# --- The writing checks as JSON, for the toolbar's live feedback (`<content id>/checks.json`) ---

FLAGGED = "Some people still call them addicts. We do not use that word here. Recovery is possible for all who ask."


def editors_draft(make_page, editor):
    """A new page that is only a draft, started by `editor` (so locked to them), with one paragraph."""
    page = make_page("Checks JSON page", publish=False, user=editor, placeholders={"content": [text_block(FLAGGED)]})
    return page.get_admin_content("en")


def checks_url(content):
    return reverse("admin:editorial_writing_checks", args=(content.pk,))


def test_writing_checks_json_gives_staff_the_drafts_grade_and_warnings(client, make_page):
    """An editor gets the draft's grade, toolbar label and wording warnings as JSON."""
    editor = staff_user(EDITOR)
    draft = editors_draft(make_page, editor)
    client.force_login(editor)
    response = client.get(checks_url(draft))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    checks = response.json()
    expected = check_page(draft)
    assert expected.reading.grade is not None and checks["grade"] == expected.reading.grade
    assert (checks["above_target"], checks["target"]) == (False, 8)
    assert (
        checks["label"]
        == writing_checks_label(expected)
        == f"Reading grade {expected.reading.grade:.1f} · 1 wording warning"
    )
    assert checks["warnings"] == [
        {
            "phrase": "addicts",
            "suggestion": "person with a substance use disorder; person in recovery",
            "why": "Labels a person by their illness.",
            "sentence": "Some people still call them addicts.",
        }
    ]
    assert checks["longest_sentences"] == expected.reading.longest_sentences
    assert "National Institute on Drug Abuse" in checks["allowed_phrases"]


def test_writing_checks_json_is_refused_to_visitors_and_staff_without_the_view_permission(client, make_page):
    """Anonymous visitors are sent to the staff login; staff without the permission get 403."""
    draft = editors_draft(make_page, staff_user(EDITOR))
    response = client.get(checks_url(draft))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    client.force_login(
        get_user_model().objects.create_user("no-role", password="a-long-test-password-1", is_staff=True)
    )
    assert client.get(checks_url(draft)).status_code == 403


def test_writing_checks_json_reflects_a_text_saved_through_the_plugin_editor(client, make_page):
    """After a text is saved as the inline editor saves it, the next request has the new grade and no warning."""
    editor = staff_user(EDITOR)
    draft = editors_draft(make_page, editor)
    client.force_login(editor)
    before = client.get(checks_url(draft)).json()
    assert len(before["warnings"]) == 1

    text = draft.get_placeholders().get(slot="content").get_plugins("en").get(plugin_type="TextPlugin")
    edit_url = reverse("admin:cms_placeholder_edit_plugin", args=(text.pk,))
    words = "People in recovery are welcome here. Ask us anything, any day, and we will help you find care that fits."
    saved = client.post(f"{edit_url}?cms_path=/", {"body": f"<p>{words}</p>", "_save": "Save"})
    assert saved.status_code == 200

    after = client.get(checks_url(draft)).json()
    assert after["warnings"] == []
    assert after["grade"] != before["grade"]
    assert after["label"] == f"Reading grade {after['grade']:.1f}"


def test_a_site_administrator_cannot_make_a_superuser(client, admin_user):
    """Administrators give roles; superuser status and a superuser's account are not theirs to change."""
    administrator = staff_user(SITE_ADMINISTRATOR, "ada")
    editor = staff_user(EDITOR, "eddie")
    client.force_login(administrator)
    form = client.get(reverse("admin:auth_user_change", args=(editor.pk,)))
    assert form.status_code == 200
    assert 'name="is_superuser"' not in form.content.decode()
    data = {
        "username": "eddie",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-11-30",
        "date_joined_1": "10:00:00",
        "groups": [],
        "staff_profile-TOTAL_FORMS": "0",
        "staff_profile-INITIAL_FORMS": "0",
    }
    client.post(reverse("admin:auth_user_change", args=(editor.pk,)), data)
    assert not get_user_model().objects.get(pk=editor.pk).is_superuser
    client.post(reverse("admin:auth_user_change", args=(admin_user.pk,)), {**data, "username": "admin-renamed"})
    assert get_user_model().objects.get(pk=admin_user.pk).username == admin_user.username
    assert client.get(reverse("admin:auth_user_password_change", args=(admin_user.pk,))).status_code == 403
