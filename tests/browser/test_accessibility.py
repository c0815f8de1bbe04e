"""WCAG 2.2 A/AA in a real browser: axe-core on every page kind at both widths."""

import pytest

from devtools.browser import AXE_SCRIPT, PAGE_KINDS, WIDTHS, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_no_axe_violations(new_page, site_url, screenshot_dir, name, path, width):
    """axe-core (the current npm release, every WCAG A/AA rule, experimental ones too)
    finds no violation; a screenshot is kept for review."""
    assert AXE_SCRIPT.exists(), "run `npm ci` (make test does) to get axe-core"
    page = new_page(width=width, height=844 if width < 600 else 900)
    page.goto(site_url + path)
    page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=True)
    assert axe_violations(page) == []
