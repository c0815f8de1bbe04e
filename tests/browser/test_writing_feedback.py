"""Live writing feedback in the real django CMS toolbar (editorial/static/editorial/writing_feedback.js)."""

import pytest
from playwright.sync_api import expect

from devtools.browser import log_in
from devtools.servers import manage, site_env

pytestmark = [pytest.mark.browser, pytest.mark.server]

FLAGGED = "Some people still call them addicts. We do not use that word here. Recovery is possible for all who ask."
REWRITTEN = "People in recovery are welcome here. Ask us anything, any day, and we will help you find care that fits."


@pytest.fixture(scope="module")
def flagged_draft(site_database, reviewer_login):
    """The edit view's path of a new draft page with "addicts" in it, started by the
    reviewer (so locked to them)."""
    code = (
        "from django.contrib.auth.models import User;"
        "from cms.toolbar.utils import get_object_edit_url;"
        "from content.site_content import build_page;"
        "data = {'reverse_id': 'writing-feedback', 'title': 'Writing feedback', 'kind': 'general',"
        " 'template': 'general', 'slug': 'writing-feedback', 'parent': '',"
        f" 'placeholders': {{'content': [{{'text': '<p>{FLAGGED}</p>'}}]}}}};"
        f"page = build_page(data, User.objects.get(username='{reviewer_login[0]}'), publish=False);"
        "print('EDIT_URL=' + get_object_edit_url(page.get_admin_content('en')))"
    )
    output = manage("shell", "-c", code, env=site_env(DATABASE_URL=site_database))
    return next(line for line in output.splitlines() if line.startswith("EDIT_URL=")).removeprefix("EDIT_URL=")


def test_flagged_word_is_marked_and_unmarked_after_an_inline_edit_without_a_reload(
    desktop_page, site_url, reviewer_login, flagged_draft, screenshot_dir
):
    """An editor sees "addicts" marked in the draft; after rewriting the paragraph inline
    the mark is gone and the toolbar's label has changed, and the page was not reloaded."""
    page = desktop_page
    log_in(page, site_url, *reviewer_login, flagged_draft)
    marks = page.locator("main mark.writing-flag")
    expect(marks).to_have_text(["addicts"])
    expect(marks).to_have_attribute("title", "Say: person with a substance use disorder; person in recovery")
    label = page.locator(".cms-toolbar .cms-toolbar-item-navigation > li > a > span", has_text="Reading grade")
    expect(label).to_contain_text("· 1 wording warning")
    before = label.inner_text()
    page.screenshot(path=screenshot_dir / "writing-feedback-marked.png")

    page.evaluate("window.stillTheSamePage = true")  # a reload would lose it
    page.locator(".cms-editor-inline-wrapper p", has_text="addicts").click()
    expect(page.locator(".ProseMirror-focused")).to_have_count(1)  # djangocms-text's editor has the text
    page.keyboard.press("Control+a")  # all of this text block
    with page.expect_response(lambda r: "/edit-plugin/" in r.url and r.request.method == "POST"):
        page.keyboard.type(REWRITTEN)
        page.locator("#safety-disclaimer p").click()  # leaving the text saves it (its toolbar covers the h1)

    expect(marks).to_have_count(0)
    expect(label).not_to_contain_text("wording warning")
    expect(label).not_to_have_text(before)
    assert page.evaluate("window.stillTheSamePage") is True
    saved = page.request.get(site_url + flagged_draft.replace("/edit/", "/preview/")).text()
    assert REWRITTEN in saved and "<mark" not in saved  # the marks were never part of the text
