"""The writing checks in the toolbar while staff edit a draft (editorial.cms_toolbars)."""

import pytest
from cms.toolbar.utils import get_object_edit_url

from devtools.builders import text_block

pytestmark = pytest.mark.django_db


def test_toolbar_shows_the_reading_grade_on_a_draft(client, admin_user, make_page):
    """Editing a draft, staff see its reading grade and wording warnings in the toolbar."""
    page = make_page(
        "Toolbar page",
        kind="therapy",
        slug="toolbar-page",
        publish=False,
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
