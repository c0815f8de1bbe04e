"""One person edits a draft at a time (DJANGOCMS_VERSIONING_LOCK_VERSIONS in settings,
the unlock permission in editorial.roles): the others see who holds it, and a clinical
reviewer can take it over."""

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.core import mail
from django.urls import reverse
from djangocms_versioning.constants import DRAFT, PUBLISHED, UNPUBLISHED
from djangocms_versioning.models import Version

from devtools.builders import clinical_page, staff_user
from editorial.roles import CLINICAL_REVIEWER, EDITOR

pytestmark = pytest.mark.django_db

ORIGINAL = "People can and do recover."


def version_url(name, version):
    return reverse(f"admin:djangocms_versioning_pagecontentversion_{name}", args=(version.pk,))


def press_edit(client, page):
    """What "New draft" / "Edit" in the toolbar does: the draft the user is sent to."""
    version = Version.objects.filter_by_grouper(page).filter(state__in=[DRAFT, PUBLISHED]).order_by("-pk").first()
    return client.post(version_url("edit_redirect", version))


def the_draft(page):
    return Version.objects.filter_by_grouper(page).get(state=DRAFT)


def first_text(version):
    placeholder = version.content.get_placeholders().get(slot="overview")
    return placeholder.get_plugins("en").get(plugin_type="TextPlugin")


def edit_text(client, version, words):
    """Save a paragraph through django CMS's plugin edit endpoint, as the text editor does."""
    plugin = first_text(version)
    url = reverse("admin:cms_placeholder_edit_plugin", args=(plugin.pk,))
    return client.post(f"{url}?cms_path=/", {"body": f"<p>{words}</p>", "_save": "Save"})


def add_text(client, version):
    placeholder = version.content.get_placeholders().get(slot="overview")
    query = f"placeholder_id={placeholder.pk}&plugin_type=TextPlugin&plugin_language=en&plugin_position=2&cms_path=/"
    return client.post(f"{reverse('admin:cms_placeholder_add_plugin')}?{query}", {"body": "<p>Added.</p>"})


@pytest.fixture
def page(make_page):
    return clinical_page(make_page, "Locked page", ORIGINAL)


@pytest.fixture
def editor(client):
    user = staff_user(EDITOR, "editor-ana")
    user.email = "ana@clinic.example"
    user.save()
    return user


def test_a_new_draft_is_locked_to_whoever_started_it_and_they_can_edit_it(client, page, editor):
    """Pressing "New draft" locks the draft to you; you edit it as before."""
    client.force_login(editor)
    press_edit(client, page)
    draft = the_draft(page)
    assert draft.locked_by == editor
    assert client.get(get_object_edit_url(draft.content)).status_code == 200
    assert edit_text(client, draft, "Recovery is possible.").status_code == 200
    assert first_text(draft).get_bound_plugin().body == "<p>Recovery is possible.</p>"
    assert add_text(client, draft).status_code == 200


def test_another_editor_cannot_change_a_locked_draft_and_sees_who_holds_it(client, page, editor):
    """A second editor is sent to the preview, told who holds the draft, and refused by
    the edit button, the plugin edit and the plugin add endpoints."""
    client.force_login(editor)
    press_edit(client, page)
    draft = the_draft(page)

    client.force_login(staff_user(EDITOR, "editor-ben"))
    response = client.get(get_object_edit_url(draft.content))
    assert response.status_code == 302 and response.url == get_object_preview_url(draft.content)
    assert "Locked by editor-ana" in client.get(response.url).content.decode()

    response = press_edit(client, page)
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["The draft version is locked by editor-ana"]

    assert edit_text(client, draft, "Overwritten.").status_code == 403
    assert add_text(client, draft).status_code == 403
    assert first_text(draft).get_bound_plugin().body == f"<p>{ORIGINAL}</p>"
    assert draft.content.get_placeholders().get(slot="overview").get_plugins("en").count() == 1
    assert the_draft(page).locked_by == editor


def test_a_clinical_reviewer_can_take_over_a_draft_an_editor_cannot(client, page, editor):
    """A reviewer unlocks a draft someone else holds, and holds it once they press Edit;
    the author is told by email. An editor cannot unlock."""
    client.force_login(editor)
    press_edit(client, page)
    draft = the_draft(page)

    client.force_login(staff_user(EDITOR, "editor-ben"))
    assert client.post(version_url("unlock", draft)).status_code == 403
    assert the_draft(page).locked_by == editor

    reviewer = staff_user(CLINICAL_REVIEWER, "reviewer-cal")
    client.force_login(reviewer)
    assert "Unlock" in client.get(get_object_preview_url(draft.content)).content.decode()
    assert client.post(version_url("unlock", draft)).status_code == 302
    assert the_draft(page).locked_by is None
    assert [message.to for message in mail.outbox] == [["ana@clinic.example"]]

    press_edit(client, page)
    assert the_draft(page).locked_by == reviewer
    assert edit_text(client, draft, "Reviewed words.").status_code == 200

    client.force_login(editor)
    assert edit_text(client, draft, "Ana's words.").status_code == 403
    assert first_text(draft).get_bound_plugin().body == "<p>Reviewed words.</p>"


def test_a_reviewer_can_publish_a_draft_an_editor_holds(client, page, editor):
    """The lock is on editing, not on review: a reviewer publishes an editor's draft."""
    client.force_login(editor)
    press_edit(client, page)
    draft = the_draft(page)
    edit_text(client, draft, "Recovery is possible.")

    client.force_login(staff_user(CLINICAL_REVIEWER))
    client.post(version_url("publish", draft))
    published = Version.objects.get(pk=draft.pk)
    assert published.state == PUBLISHED and published.locked_by is None
    client.logout()
    assert "Recovery is possible." in client.get(page.get_absolute_url("en")).content.decode()


def test_a_page_is_taken_down_only_after_its_draft_is_unlocked(client, page, editor):
    """While an editor holds a draft, a reviewer must unlock it before unpublishing the page."""
    client.force_login(editor)
    press_edit(client, page)
    published = Version.objects.filter_by_grouper(page).get(state=PUBLISHED)

    client.force_login(staff_user(CLINICAL_REVIEWER))
    client.post(version_url("unpublish", published))
    assert Version.objects.get(pk=published.pk).state == PUBLISHED
    client.post(version_url("unlock", the_draft(page)))
    client.post(version_url("unpublish", published))
    assert Version.objects.get(pk=published.pk).state == UNPUBLISHED
