"""Without JavaScript, in print, with reduced motion, zoomed, and on a 320 px screen."""

import pytest

from devtools.browser import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_pages_read_and_navigate_without_javascript(new_page, site_url, name, path):
    """With JavaScript off every page shows its heading, the crisis lines, the menu
    and the footer links, and FAQ answers still open."""
    page = new_page(java_script_enabled=False)
    page.goto(site_url + path)
    assert page.locator("h1").count() == 1 and page.locator("h1").is_visible()
    assert page.locator('#crisis-banner a[href="tel:988"]').is_visible()
    assert page.locator(".site-nav a").count() >= 4
    privacy = '.site-footer a[href="/privacy/"], .site-footer a[href="/es/privacidad/"]'
    assert page.locator(privacy).is_visible()


def test_faq_and_search_work_without_javascript(new_page, site_url):
    """FAQ answers open (native <details>) and the search form submits, with no script."""
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/faq/for-families/")
    page.locator("details.faq-item summary").first.click()
    assert page.locator("details.faq-item .faq-item__answer").first.is_visible()
    page.fill("#site-search-q", "taper")
    page.click(".site-search button")
    page.wait_for_url("**/search/?q=taper")
    assert page.locator(".search-result").count() >= 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_keeps_crisis_lines_and_review_line_and_expands_answers(new_page, site_url, scheme):
    """Printed for a relative, from a phone in either colour scheme: no navigation,
    exit control or feedback form; crisis lines, review line and every FAQ answer
    stay; link targets follow links, the references' web addresses included; dark
    text on white paper."""
    page = new_page(color_scheme=scheme)
    page.goto(site_url + "/conditions/benzodiazepine-use-disorder/")
    page.emulate_media(media="print")
    assert all(nav.is_hidden() for nav in page.locator(".site-nav").all())
    assert page.locator("#exit-this-page").is_hidden()
    assert page.locator(".page-feedback").count() == 1 and page.locator(".page-feedback").is_hidden()
    assert page.locator('#crisis-banner a[href="tel:988"]').is_visible()
    assert page.locator(".review-line").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('main .page-body a[href^=\"/\"]'), '::after').content"
    )
    assert "(" in after and "/" in after
    reference = page.locator(".references a[href^='https://']").first
    assert reference.get_attribute("href") in page.evaluate(
        "(link) => getComputedStyle(link, '::after').content", reference.element_handle()
    )
    heading_colour = page.evaluate("getComputedStyle(document.querySelector('h1')).color")
    assert heading_colour in ("rgb(0, 0, 0)", "rgb(27, 31, 35)")  # the light scheme's ink

    page.goto(site_url + "/faq/for-patients/")
    page.emulate_media(media="print")
    answers = page.locator(".faq-item__answer")
    assert answers.count() >= 5
    assert all(answers.nth(i).is_visible() for i in range(answers.count()))


def test_reduced_motion_turns_off_transitions(new_page, site_url):
    """With reduced motion, nothing animates."""
    page = new_page(reduced_motion="reduce")
    page.goto(site_url + "/")
    durations = page.evaluate(
        """() => [...document.querySelectorAll('*')].map(el => getComputedStyle(el))
            .map(s => [s.transitionDuration, s.animationName])"""
    )
    assert all(transition in ("0s", "") and animation == "none" for transition, animation in durations)


@pytest.mark.parametrize("width", [320, 640])  # 640 CSS px is a 1280 px window at 200 % zoom
@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_no_horizontal_scrolling_when_narrow_or_zoomed(new_page, site_url, width, name, path):
    """Text reflows at 320 px and at 200 % zoom, with nothing to scroll sideways."""
    page = new_page(width=width, height=700)
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16


def test_levels_of_care_comparison_stacks_on_a_phone_and_is_a_grid_when_wide(new_page, site_url):
    """On a phone the six-column table would scroll sideways: each level stacks as a
    box instead, every fact under its column's name. Wide enough, it is a plain grid."""
    phone = new_page(width=390, height=844)
    phone.goto(site_url + "/levels-of-care/")
    table = phone.locator("table.comparison")
    assert table.is_visible()
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")
    first_row = table.locator("tbody tr").first
    setting, hours = first_row.locator("td").nth(0), first_row.locator("td").nth(1)
    assert setting.bounding_box()["y"] < hours.bounding_box()["y"]  # one above the other
    assert setting.evaluate("td => getComputedStyle(td, '::before').content") != "none"

    wide = new_page(width=1280, height=900)
    wide.goto(site_url + "/levels-of-care/")
    assert wide.locator("table.comparison").evaluate("t => getComputedStyle(t).display") == "table"
    assert wide.locator("table.comparison thead").is_visible()
    first_row = wide.locator("table.comparison tbody tr").first
    setting, hours = first_row.locator("td").nth(0), first_row.locator("td").nth(1)
    assert setting.bounding_box()["y"] == hours.bounding_box()["y"]  # side by side
