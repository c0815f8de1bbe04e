"""The search index (search.indexing) holds published content only, at once on publish
and unpublish."""

import pytest
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from devtools.builders import result_urls, text_block

pytestmark = pytest.mark.django_db


def test_drafts_and_unpublished_pages_are_never_found(make_page, author):
    """Only what is published is searchable, at once on publish and unpublish."""
    make_page(
        "Zebrafish draft",
        kind="therapy",
        slug="zebrafish-draft",
        publish=False,
        placeholders={"overview": [text_block("The quagga word lives here.")]},
    )
    assert result_urls("quagga") == []
    page = make_page(
        "Zebrafish live",
        kind="therapy",
        slug="zebrafish-live",
        placeholders={"overview": [text_block("The okapi word lives here.")]},
    )
    assert result_urls("okapi") == ["/zebrafish-live/"]
    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert result_urls("okapi") == []
