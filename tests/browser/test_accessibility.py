"""WCAG 2.2 A/AA in a real browser: axe-core on every page kind at both widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from devtools.browser import PAGE_KINDS, WIDTHS

pytestmark = [pytest.mark.browser, pytest.mark.server]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_no_axe_violations(new_page, site_url, screenshot_dir, name, path, width):
    """axe-core finds no WCAG 2.2 A/AA violation; a screenshot is kept for review."""
    page = new_page(width=width, height=844 if width < 600 else 900)
    page.goto(site_url + path)
    page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=True)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        (violation["id"], violation["help"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
    ]
    assert violations == []
