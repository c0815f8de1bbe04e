"""A page's facts (content.page_facts): its kind comes from the published version's
template, and the cached facts follow changes at once."""

import pytest
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from content.models import KIND_TEMPLATES, Kind, PageDetails
from devtools.builders import text_block

pytestmark = pytest.mark.django_db


def test_removing_a_pages_details_shows_at_once(client, make_page):
    """Page facts are cached; deleting a page's details is seen on its next view."""
    page = make_page(
        "Facts page",
        kind="level_of_care",
        slug="facts-page",
        facts={"setting": "At home, with visits"},
        placeholders={"overview": [text_block("Hi.")]},
    )
    url = page.get_absolute_url("en")
    assert "At home, with visits" in client.get(url).content.decode()
    PageDetails.objects.filter(extended_object__page=page).delete()
    assert "At home, with visits" not in client.get(url).content.decode()


def test_a_drafts_template_does_not_change_the_live_pages_kind(client, make_page, author):
    """An editor giving a draft another template changes nothing visitors see: the live
    page keeps its kind, its review line and its place in its index until a publish."""
    page = make_page(
        "Kept therapy", kind="therapy", slug="kept-therapy", placeholders={"overview": [text_block("Hi.")]}
    )
    url = page.get_absolute_url("en")
    draft = Version.objects.filter_by_grouper(page).get(state=PUBLISHED).copy(author)
    draft.content.template = KIND_TEMPLATES[Kind.GENERAL]
    draft.content.save()
    body = client.get(url).content.decode()
    assert '<p class="page-kind">Therapy</p>' in body
    assert "Not yet reviewed by a clinician" in body
    assert "Kept therapy" in client.get("/therapies/").content.decode()
    draft.publish(author)
    body = client.get(url).content.decode()
    assert 'class="page-kind"' not in body
    assert "Kept therapy" not in client.get("/therapies/").content.decode()
