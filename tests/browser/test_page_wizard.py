"""An Editor makes a new page of a chosen type in the toolbar's Create dialog."""

import pytest

from devtools.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.server]

TYPES = ["Condition", "Level of care", "Therapy", "FAQ page", "General page"]


def test_editor_chooses_a_page_type_and_gets_a_draft_to_edit(desktop_page, site_url, editor_login, screenshot_dir):
    """The Create dialog lists the page types; a new condition opens as a draft in edit
    mode with the typed paragraph in the page; visitors do not see it."""
    page = desktop_page
    log_in(page, site_url, *editor_login, "/conditions/")
    page.locator("a.cms-btn[href*='cms_wizard/create']").click()
    dialog = page.frame_locator(".cms-modal-frame iframe")
    choices = dialog.locator("label.choice strong")
    choices.first.wait_for()
    assert choices.all_inner_texts() == TYPES
    page.screenshot(path=screenshot_dir / "wizard-page-types-1280.png")

    dialog.locator("label.choice", has_text="Condition").first.click()
    page.locator(".cms-modal-buttons .cms-btn", has_text="Next").click()
    dialog.locator("#id_1-title").fill("Stimulant use disorder")
    dialog.locator("#id_1-summary").fill("What stimulant use disorder is, and how treatment helps.")
    dialog.locator("#id_1-first_paragraph").fill("Stimulant use disorder is a health condition. Treatment helps.")
    page.screenshot(path=screenshot_dir / "wizard-condition-form-1280.png")
    with page.expect_navigation(url="**/edit/**"):
        page.locator(".cms-modal-buttons .cms-btn", has_text="Create").click()
    page.wait_for_load_state("networkidle")
    assert "Stimulant use disorder is a health condition. Treatment helps." in page.content()
    assert page.locator("h1", has_text="Stimulant use disorder").count() == 1
    page.screenshot(path=screenshot_dir / "wizard-new-draft-1280.png")

    visitor = page.context.browser.new_page()
    response = visitor.goto(site_url + "/conditions/stimulant-use-disorder/")
    assert response.status == 404
    visitor.close()
