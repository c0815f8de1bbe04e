"""The publication log (editorial.models.PublicationLogEntry) outlives what it records."""

import pytest
from djangocms_versioning.models import Version

from devtools.builders import draft_content, staff_user
from editorial.models import PublicationLogEntry
from editorial.roles import CLINICAL_REVIEWER

pytestmark = pytest.mark.django_db


def test_publication_log_survives_deleting_the_staff_account(make_page):
    """The log keeps the username as text, so it outlives the account."""
    reviewer = staff_user(CLINICAL_REVIEWER, "temp-reviewer")
    page = make_page("Logged page", kind="therapy", slug="logged-page", publish=False)
    Version.objects.get_for_content(draft_content(page)).publish(reviewer)
    reviewer.delete()
    entry = PublicationLogEntry.objects.filter(page_id=page.pk, action="published").get()
    assert entry.username == "temp-reviewer" and entry.page_title == "Logged page" and entry.version_number == 1
    with pytest.raises(ValueError):
        entry.delete()
