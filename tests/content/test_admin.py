"""The page details form in the admin (content.admin): who may change what."""

import pytest
from django.urls import reverse

from content.models import PageDetails
from devtools.builders import draft_content, staff_user
from editorial.roles import EDITOR

pytestmark = pytest.mark.django_db


def test_editor_cannot_change_review_fields_in_admin(client, make_page):
    """The review fields are read-only for an editor; the summary still saves."""
    editor = staff_user(EDITOR)
    page = make_page("Review form page", kind="condition", slug="review-form-page", publish=False, user=editor)
    details = PageDetails.objects.get(extended_object=draft_content(page))
    client.force_login(editor)
    url = reverse("admin:content_pagedetails_change", args=(details.pk,))
    response = client.post(
        url, {"summary": "New summary", "reviewer_name": "Not a reviewer", "reviewed_on": "2026-01-01"}
    )
    assert response.status_code in (200, 302)
    details = PageDetails.objects.get(pk=details.pk)
    assert details.summary == "New summary"
    assert details.reviewer_name == ""
