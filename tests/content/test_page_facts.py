"""A page's facts (content.page_facts) are cached, and follow changes at once."""

import pytest

from content.models import PageKind
from devtools.builders import text_block

pytestmark = pytest.mark.django_db


def test_removing_a_page_kind_shows_at_once(client, make_page):
    """Page facts are cached; deleting the kind of a page is seen on its next view."""
    page = make_page("Kind page", kind="therapy", slug="kind-page", placeholders={"overview": [text_block("Hi.")]})
    url = page.get_absolute_url("en")
    assert 'class="page-kind"' in client.get(url).content.decode()
    PageKind.objects.filter(extended_object=page).delete()
    assert 'class="page-kind"' not in client.get(url).content.decode()
