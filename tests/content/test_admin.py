"""The page details form in the admin (content.admin): who may change what."""

import pytest
from cms.models import PageContent
from django.urls import reverse

from content.models import PageDetails
from devtools.builders import draft_content, staff_user, text_block
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


def test_a_template_change_that_would_hide_text_is_refused(client, make_page):
    """A page's layout cannot change to one without a place for its blocks; to one that
    shows them all, it can."""
    editor = staff_user(EDITOR)
    overview = {"overview": [text_block("Words in the overview.")]}
    page = make_page(
        "Layout page", kind="therapy", slug="layout-page", publish=False, user=editor, placeholders=overview
    )
    content = draft_content(page)
    client.force_login(editor)
    url = reverse("admin:cms_pagecontent_change_template", args=(content.pk,))
    response = client.post(url, {"template": "pages/general.html"})
    assert response.status_code == 400
    assert "Overview" in response.content.decode()
    assert PageContent.admin_manager.get(pk=content.pk).template == "pages/therapy.html"
    # A condition page shows an overview slot too: nothing would be hidden.
    assert client.post(url, {"template": "pages/condition.html"}).status_code < 400
    assert PageContent.admin_manager.get(pk=content.pk).template == "pages/condition.html"
