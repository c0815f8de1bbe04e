"""The crisis banner in a real browser."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_crisis_banner_visible_without_scrolling_on_a_phone(phone_page, site_url):
    """At 390 px wide, every national crisis link is inside the first screen."""
    phone_page.goto(f"{site_url}/conditions/benzodiazepine-use-disorder/")
    viewport_height = phone_page.viewport_size["height"]
    for href in ("tel:988", "sms:988", "tel:911", "tel:+18006624357", "/get-help-now/"):
        link = phone_page.locator(f'#crisis-banner a[href="{href}"]')
        assert link.is_visible(), href
        box = link.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport_height, href
    assert phone_page.evaluate("window.scrollY") == 0
