"""`manage.py content_report`: the content review as a report, and `--check` failing
on what needs attention."""

import datetime

import pytest
from django.core.management import call_command

from devtools.builders import TODAY, clinical_page, reviewed, text_block

pytestmark = pytest.mark.django_db


def run_report(*args):
    try:
        call_command("content_report", *args)
    except SystemExit as exit:
        return exit.code
    return 0


def test_content_report_check_passes_on_the_shipped_content():
    """The clinic's own pages have no wording warnings and nothing overdue."""
    assert run_report("--check") == 0


def test_content_report_check_fails_on_wording_warning_in_a_clinical_page(make_page):
    """A stigmatising term on a published clinical page makes --check fail."""
    clinical_page(make_page, "Worded page", "Every addict deserves care.")
    assert run_report("--check") == 1
    assert run_report() == 0  # without --check it only reports


def test_content_report_check_fails_when_a_clinical_page_is_overdue(make_page):
    """An overdue review on a published clinical page makes --check fail."""
    reviewed(clinical_page(make_page, "Late page"), TODAY - datetime.timedelta(days=1))
    assert run_report("--check") == 1


def test_content_report_check_ignores_general_pages_and_drafts(make_page):
    """Only published clinical pages count: a general page or a draft does not fail it."""
    make_page(
        "General worded",
        kind="general",
        slug="general-worded",
        placeholders={"content": [text_block("An addict wrote this.")]},
    )
    make_page(
        "Draft worded",
        kind="condition",
        slug="draft-worded",
        publish=False,
        placeholders={"overview": [text_block("An addict wrote this.")]},
    )
    assert run_report("--check") == 0
