"""Staff roles (editorial.roles): who may publish, record a medical review, and manage
the clinic's settings."""

import pytest
from django.urls import reverse
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from devtools.builders import draft_content, staff_user, text_block
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR

pytestmark = pytest.mark.django_db


def test_editor_cannot_publish_or_record_review_reviewer_can(client, make_page):
    """Editors save drafts; only clinical reviewers publish and record reviews."""
    editor, reviewer = staff_user(EDITOR), staff_user(CLINICAL_REVIEWER)
    page = make_page(
        "Role page",
        kind="condition",
        slug="role-page",
        publish=False,
        placeholders={"overview": [text_block("Words.")]},
    )
    version = Version.objects.get_for_content(draft_content(page))
    assert not version.has_publish_permission(editor)
    assert version.has_publish_permission(reviewer)
    assert not editor.has_perm("content.record_medical_review")
    assert reviewer.has_perm("content.record_medical_review")

    publish_url = reverse("admin:djangocms_versioning_pagecontentversion_publish", args=(version.pk,))
    client.force_login(editor)
    client.post(publish_url)
    assert Version.objects.get(pk=version.pk).state != PUBLISHED
    client.force_login(reviewer)
    client.post(publish_url)
    assert Version.objects.get(pk=version.pk).state == PUBLISHED


def test_site_administrator_manages_clinic_settings_editor_cannot(client):
    """Only site administrators reach the clinic settings and local crisis lines."""
    client.force_login(staff_user(EDITOR))
    assert client.get(reverse("admin:safety_localcrisisline_changelist")).status_code == 403
    client.force_login(staff_user(SITE_ADMINISTRATOR))
    assert client.get(reverse("admin:safety_localcrisisline_changelist")).status_code == 200
