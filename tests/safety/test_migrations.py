"""safety 0002 (the call link is made from the number): each row's number settled
against its old `phone_href` before that column goes. The upgrade itself is run on a
real database by tests/plumbing/test_upgrade.py."""

import importlib

import pytest

settle = importlib.import_module("safety.migrations.0002_number_makes_call_link").settle


@pytest.mark.parametrize(
    "number, old_href",
    [("(555) 555-0199", "+15555550199"), ("1-800-662-4357", "+18006624357"), ("988", "988"), ("555-0100", "5550100")],
)
def test_a_number_that_gives_its_old_link_is_left_alone(number, old_href):
    """The usual case: nothing changes and nothing is reported."""
    assert settle(number, old_href) == (number, None)


def test_a_number_missing_its_area_code_becomes_the_full_number_its_link_dialled():
    """Shown "555-0199" but dialled +15555550199: the link keeps dialling it, now shown in full, and it is reported."""
    number, note = settle("555-0199", "+15555550199")
    assert number == "(555) 555-0199"
    assert "555-0199" in note and "+15555550199" in note


@pytest.mark.parametrize(
    "number, old_href, new_number",
    [("1-800-GET-HELP", "+18004384357", "1-800-438-4357"), ("call the front desk", "+15555550142", "(555) 555-0142")],
)
def test_a_number_that_cannot_be_called_takes_its_old_link_written_out(number, old_href, new_number):
    """A line must not lose its working call link: the old link becomes the number, and the old text is reported."""
    settled, note = settle(number, old_href)
    assert settled == new_number
    assert number in note and old_href in note


def test_a_number_and_link_that_disagree_keep_the_number_and_report_the_old_link():
    """Two different complete numbers: the one staff and visitors read wins, and the old link is reported."""
    number, note = settle("(555) 555-0100", "+15555550199")
    assert number == "(555) 555-0100"
    assert "+15555550199" in note and "+15555550100" in note


def test_a_blank_clinic_phone_stays_blank_and_its_unused_link_is_reported():
    """Nothing was shown, so nothing is shown now; the dropped link is still reported."""
    number, note = settle("", "+15555550142")
    assert number == ""
    assert "+15555550142" in note
