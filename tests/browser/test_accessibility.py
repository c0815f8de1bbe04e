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
    """Whether the page's background is dark (white text would stand out on it more
    than black): the dark scheme really took effect."""
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return contrast(background, "rgb(255, 255, 255)") > contrast(background, "rgb(0, 0, 0)")


def contrast(first, second):
    """WCAG contrast ratio of two "rgb(r, g, b)" colours."""

    def luminance(colour):
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        red, green, blue = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_feedback_choices_edges_stand_out_in_both_schemes(new_page, site_url, scheme):
    """WCAG 1.4.11 (which axe does not check): the Yes and No boxes' edges keep 3:1
    against the form's background."""
    page = new_page(color_scheme=scheme)
    page.goto(site_url + PAGE_KINDS["therapy"])
    edge, background = page.evaluate(
        """() => [getComputedStyle(document.querySelector('.page-feedback__choice')).borderTopColor,
                  getComputedStyle(document.querySelector('.page-feedback')).backgroundColor]"""
    )
    assert contrast(edge, background) >= 3, (edge, background)
