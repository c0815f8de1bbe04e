"""WCAG 2.2 A/AA in a real browser: axe-core on every page kind at both widths."""

import pytest

from devtools.browser import AXE_SCRIPT, PAGE_KINDS, WIDTHS, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_no_axe_violations(new_page, site_url, screenshot_dir, name, path, width, scheme):
    """axe-core (the current npm release, every WCAG A/AA rule, experimental ones too)
    finds no violation, in the light and the dark colour scheme (the device's
    setting); a screenshot is kept for review."""
    assert AXE_SCRIPT.exists(), "run `npm ci` (make test does) to get axe-core"
    page = new_page(width=width, height=844 if width < 600 else 900, color_scheme=scheme)
    page.goto(site_url + path)
    page.screenshot(path=str(screenshot_dir / f"{name}-{width}-{scheme}.png"), full_page=True)
    assert page_is_dark(page) == (scheme == "dark")
    assert axe_violations(page) == []


def page_is_dark(page):
    """Whether the page's background is dark: the dark scheme really took effect."""
    red, green, blue = page.evaluate(
        "() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)"
    )
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) < 128
