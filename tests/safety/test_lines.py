"""Crisis lines (safety.lines): the national lines always, first, and the lines the
clinic adds on every page."""

import pytest

from devtools.builders import TODAY
from devtools.shell import assert_safety_shell
from safety.lines import NATIONAL_CRISIS_LINES, crisis_lines
from safety.models import LocalCrisisLine

pytestmark = pytest.mark.django_db


def test_local_crisis_line_shows_on_every_page_after_the_national_ones(client, published_paths):
    """A line the clinic adds appears in the banner everywhere, cached pages included;
    the national lines stay first."""
    for path in published_paths[:8]:
        client.get(path)  # fills the page cache
    LocalCrisisLine.objects.create(name="County crisis line", number="555-0100", verified_on=TODAY)
    for path in published_paths[:8] + ["/no-such-page/"]:
        doc = assert_safety_shell(client.get(path).content)
        hrefs = [a.get("href") for a in doc.xpath('//*[@id="crisis-banner"]//a')]
        assert "tel:5550100" in hrefs
        assert hrefs.index("tel:5550100") > hrefs.index("tel:+18006624357")


def test_national_lines_cannot_be_removed():
    """With local lines deleted or added, the national lines are always there, first."""
    LocalCrisisLine.objects.create(name="Local", number="555-0101", verified_on=TODAY)
    assert crisis_lines()[: len(NATIONAL_CRISIS_LINES)] == list(NATIONAL_CRISIS_LINES)
    LocalCrisisLine.objects.all().delete()
    assert crisis_lines() == list(NATIONAL_CRISIS_LINES)


@pytest.mark.parametrize(
    "number, call, text",
    [
        ("(555) 555-0100", "tel:+15555550100", "sms:+15555550100"),
        ("1-800-555-0199", "tel:+18005550199", "sms:+18005550199"),
        ("211", "tel:211", "sms:211"),
    ],
)
def test_banner_links_of_a_local_line_are_made_from_its_number(client, number, call, text):
    """The banner calls (and texts) exactly the number the clinic typed, written as people read it."""
    LocalCrisisLine.objects.create(name="County line", number=number, accepts_texts=True, verified_on=TODAY)
    doc = assert_safety_shell(client.get("/").content)
    links = {a.get("href"): a.text_content() for a in doc.xpath('//*[@id="crisis-banner"]//a')}
    assert call in links and text in links
    assert any(number in label for label in links.values())
