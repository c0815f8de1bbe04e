"""The version history ("Manage Versions") at a laptop's width: every column in view,
full page and in the toolbar's side panel (static/css/staff.css)."""

import pytest

from devtools.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.server]

COLUMNS_FIT = """() => {
  const results = document.querySelector('#changelist .results');
  const headers = [...document.querySelectorAll('#result_list thead th')].map(th => th.textContent.trim());
  const actions = document.querySelector('#result_list .field-list_actions');
  return {
    fits: results.scrollWidth <= results.clientWidth,
    headers,
    actionsRight: actions.getBoundingClientRect().right,
    width: document.documentElement.clientWidth,
  };
}"""


def test_version_history_shows_status_and_actions_at_1280_px(new_page, site_url, reviewer_login, screenshot_dir):
    """At 1280 × 800 the Status and Actions (revert, publish, compare) columns show without scrolling sideways."""
    page = new_page(width=1280, height=800)
    log_in(page, site_url, *reviewer_login, "/therapies/cbt/")
    manage_versions = page.locator(".cms-toolbar a", has_text="Manage Versions").first
    url = manage_versions.get_attribute("href")
    assert url and "pagecontentversion" in url

    page.goto(site_url + url)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshot_dir / "version-history-1280.png"))
    layout = page.evaluate(COLUMNS_FIT)
    assert {"Status", "Actions"} <= set(layout["headers"])
    assert layout["fits"] and layout["actionsRight"] <= layout["width"], layout

    # The same list in the toolbar's side panel, where editors open it.
    page.goto(site_url + "/therapies/cbt/")
    page.wait_for_load_state("networkidle")
    page.locator(".cms-toolbar-item-navigation > li > a", has_text="Version #").first.click()
    page.locator(".cms-toolbar a", has_text="Manage Versions").first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.cms-sideframe-frame iframe')]"
        ".some(f => f.contentDocument && f.contentDocument.querySelector('#result_list'))"
    )
    frame = next(frame for frame in page.frames if "pagecontentversion" in frame.url)
    frame.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshot_dir / "version-history-side-panel-1280.png"))
    layout = frame.evaluate(COLUMNS_FIT)
    assert layout["fits"] and layout["actionsRight"] <= layout["width"], layout
