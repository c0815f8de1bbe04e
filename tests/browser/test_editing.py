"""A clinic editor's round trip in the real django CMS toolbar."""

import pytest

pytestmark = pytest.mark.browser

PAGE = "/therapies/family-therapy/"


def test_reviewer_edits_in_toolbar_publishes_and_visitor_sees_it(browser, desktop_page, site_url, reviewer_login):
    """Log in, start a draft, change text inline, publish; an anonymous visitor sees
    the new text at once (page cache on)."""
    anonymous = browser.new_context()
    visitor = anonymous.new_page()
    visitor.goto(site_url + PAGE)  # warms the page cache with the old text
    assert "Edited in the browser test." not in visitor.content()

    page = desktop_page
    username, password = reviewer_login
    page.goto(f"{site_url}/admin/login/?next={PAGE}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")

    page.click(".cms-versioning-js-edit-btn")  # creates a draft and opens it in edit mode
    page.wait_for_load_state("networkidle")
    assert "/edit/" in page.url

    paragraph = page.locator(".cms-editor-inline-wrapper p").first
    paragraph.click()
    page.keyboard.press("Control+End")
    with page.expect_response(lambda r: "/edit-plugin/" in r.url and r.request.method == "POST"):
        page.keyboard.type(" Edited in the browser test.")
        page.locator("h1").click()  # leaving the text saves it

    page.click(".cms-versioning-js-publish-btn")
    page.wait_for_load_state("networkidle")

    visitor.goto(site_url + PAGE)
    assert "Edited in the browser test." in visitor.content()
    anonymous.close()
