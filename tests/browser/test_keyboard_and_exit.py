"""Keyboard use and the exit control."""

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.server]

EXIT_URL = settings.EXIT_PAGE_URL
CONDITION = "/conditions/benzodiazepine-use-disorder/"


def neutral_site(page):
    """Answer for the neutral site locally: the machine has no internet."""
    page.context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, body="<title>Weather</title>Weather"))


def test_skip_link_is_first_and_moves_focus_to_main(new_page, site_url):
    """The first Tab lands on the skip link; Enter moves focus to the main content."""
    page = new_page()
    page.goto(site_url + CONDITION)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_every_focusable_element_shows_focus_in_a_sensible_order(new_page, site_url):
    """Tabbing goes skip link, crisis lines, exit, header, then content; each focused
    element has a visible focus style."""
    page = new_page()
    page.goto(site_url + CONDITION)
    order = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement; const s = getComputedStyle(el);
                return {id: el.id, cls: el.className, href: el.getAttribute('href'),
                        region: el.closest('#crisis-banner') ? 'banner' : el.closest('header') ? 'header'
                              : el.closest('main') ? 'main' : 'other',
                        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                        shadow: s.boxShadow !== 'none'}; }"""
        )
        order.append(focused)
        assert focused["outline"] or focused["shadow"], focused
    regions = [item["region"] for item in order]
    assert regions[0] == "other" and order[0]["cls"] == "skip-link"
    first_of = {region: regions.index(region) for region in ("banner", "header", "main")}
    assert first_of["banner"] < first_of["header"] < first_of["main"]
    assert order[1]["href"] == "tel:988"


def test_faq_items_open_with_enter_and_space(new_page, site_url):
    """An FAQ question opens and closes from the keyboard."""
    page = new_page()
    page.goto(site_url + "/faq/for-patients/")
    summary = page.locator("details.faq-item summary").first
    details = page.locator("details.faq-item").first
    summary.focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    page.keyboard.press("Space")
    assert details.get_attribute("open") is None
    page.keyboard.press("Space")
    assert details.get_attribute("open") is not None


def test_exit_click_replaces_the_page(new_page, site_url):
    """Clicking "Exit this page" goes to the neutral site without a history entry."""
    page = new_page()
    neutral_site(page)
    page.goto(site_url + "/")
    page.goto(site_url + CONDITION)
    length_before = page.evaluate("history.length")
    page.click("#exit-this-page")
    page.wait_for_url(f"{EXIT_URL}**")
    assert page.evaluate("history.length") == length_before
    page.go_back()
    assert page.url == site_url + "/"  # Back skips the health page


def test_exit_on_three_shift_presses(new_page, site_url):
    """Pressing Shift three times leaves the same way."""
    page = new_page()
    neutral_site(page)
    page.goto(site_url + CONDITION)
    length_before = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{EXIT_URL}**")
    assert page.evaluate("history.length") == length_before


def test_exit_works_as_a_plain_link_without_javascript(new_page, site_url):
    """With JavaScript off, the control is still a link to the neutral site."""
    page = new_page(java_script_enabled=False)
    neutral_site(page)
    page.goto(site_url + CONDITION)
    page.click("#exit-this-page")
    page.wait_for_url(f"{EXIT_URL}**")
