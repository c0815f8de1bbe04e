"""The writing checks in the toolbar while staff edit a draft (editorial.cms_toolbars)."""

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.templatetags.static import static
from django.urls import reverse

from devtools.builders import staff_user, text_block
from editorial.roles import EDITOR

pytestmark = pytest.mark.django_db


def test_toolbar_shows_the_reading_grade_on_a_draft(client, admin_user, make_page):
    """Editing a draft, staff see its reading grade and wording warnings in the toolbar."""
    page = make_page(
        "Toolbar page",
        kind="therapy",
        slug="toolbar-page",
        publish=False,
        user=admin_user,  # a draft is locked to whoever made it
        placeholders={
            "overview": [text_block("This page is short. Each sentence is plain. An addict is not a word we use here.")]
        },
    )
    client.force_login(admin_user)
    response = client.get(get_object_edit_url(page.get_admin_content("en")))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Reading grade" in body
    assert "1 wording warning" in body
    assert "person with a substance use disorder" in body


@pytest.mark.parametrize("path", ["/", "/therapies/cbt/"])
def test_help_menu_links_to_the_clinics_editor_guide(client, path):
    """The toolbar's Help menu opens the clinic's own guide, not django CMS's docs or Discord."""
    client.force_login(staff_user(EDITOR))
    body = client.get(path).content.decode()
    assert 'class="cms-toolbar' in body
    assert 'href="/admin/guide/"' in body
    assert ">Help<" in body
    for elsewhere in ("docs.django-cms.org", "user-guide.django-cms.org", "django-cms.org/discord", "Discord"):
        assert elsewhere not in body, elsewhere


def test_live_writing_feedback_is_added_while_staff_edit_or_preview_a_draft(client, make_page):
    """A draft's edit and preview views carry the feedback script (with its checks' URL) and stylesheet."""
    editor = staff_user(EDITOR)
    page = make_page(
        "Feedback page", publish=False, user=editor, placeholders={"content": [text_block("Plain words.")]}
    )
    content = page.get_admin_content("en")
    checks_url = reverse("admin:editorial_writing_checks", args=(content.pk,))
    client.force_login(editor)
    for url in (get_object_edit_url(content), get_object_preview_url(content)):
        body = client.get(url).content.decode()
        # static(): the hashed name once `make run` has collected the static files.
        assert (
            f'<script src="{static("editorial/writing_feedback.js")}" data-writing-checks-url="{checks_url}">' in body
        )
        assert f'<link href="{static("editorial/writing_feedback.css")}"' in body


@pytest.mark.parametrize("path", ["/", "/therapies/cbt/"])
def test_live_writing_feedback_is_never_on_a_public_page(client, path):
    """Visitors never get the feedback script or its stylesheet, nor do staff looking at the live page."""
    assert "writing_feedback" not in client.get(path).content.decode()
    client.force_login(staff_user(EDITOR))
    body = client.get(path).content.decode()
    assert 'class="cms-toolbar' in body  # staff do get the toolbar there
    assert "writing_feedback" not in body and "checks.json" not in body
