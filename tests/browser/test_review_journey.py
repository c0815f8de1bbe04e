"""The clinic's promise, end to end in Chromium: an editor writes a new therapy page with
the Create wizard and submits it; a clinical reviewer is emailed, sees it waiting,
looks at it and sends it back with a comment; the editor fixes it and submits again;
the reviewer records the medical review and publishes; a visitor then finds the page,
reviewed, in the therapies index."""

import pytest

from devtools.browser import log_in
from devtools.servers import add_staff, build_site, running_server, scratch_database

pytestmark = [pytest.mark.browser, pytest.mark.server]

PASSWORD = "a-long-journey-test-password-3"
TITLE = "Walking group therapy"
FIRST_PARAGRAPH = "A walking group meets outdoors once a week. You walk and talk with others in recovery."


@pytest.fixture
def journey_site(tmp_path):
    """A site of its own (the journey publishes a page), its server log holding the
    emails Django's console backend writes."""
    with scratch_database(tmp_path) as database_url:
        env = build_site(database_url)
        add_staff(env, "journey-editor", "editor", PASSWORD, email="editor@clinic.example")
        add_staff(
            env,
            "journey-reviewer",
            "reviewer",
            PASSWORD,
            email="reviewer@clinic.example",
            full_name="Rita Alvarez",
            credentials="MD, addiction medicine",
        )
        log = tmp_path / "server.log"
        with running_server(database_url, log_file=log) as base_url:
            yield base_url, log


def submit_for_review(page, note):
    """Press "Submit for review", write a note in the dialog, and send it."""
    page.locator(".cms-toolbar a", has_text="Submit for review").click()
    dialog = page.frame_locator(".cms-modal-frame iframe")
    dialog.locator("#id_note").fill(note)
    with page.expect_navigation():  # the dialog closes and the draft reloads
        page.locator(".cms-modal-buttons .cms-btn", has_text="Submit for review").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".cms-toolbar", has_text="Waiting for review").count() == 1


def test_a_new_page_goes_live_only_through_a_clinical_review(journey_site, new_page, screenshot_dir):
    """Write, submit, send back, fix, submit, review, publish: each step in the real
    toolbar and admin, and the visitor sees the page only at the end, reviewed."""
    base_url, server_log = journey_site
    editor, reviewer, visitor = new_page(), new_page(), new_page()

    # The editor makes the page with the wizard: a draft, in edit mode.
    log_in(editor, base_url, "journey-editor", PASSWORD, "/therapies/")
    editor.locator("a.cms-btn[href*='cms_wizard/create']").click()
    wizard = editor.frame_locator(".cms-modal-frame iframe")
    wizard.locator("label.choice", has_text="Therapy").first.click()
    editor.locator(".cms-modal-buttons .cms-btn", has_text="Next").click()
    wizard.locator("#id_1-title").fill(TITLE)
    wizard.locator("#id_1-summary").fill("A weekly walk with others in recovery, led by a therapist.")
    wizard.locator("#id_1-first_paragraph").fill(FIRST_PARAGRAPH)
    with editor.expect_navigation(url="**/edit/**"):
        editor.locator(".cms-modal-buttons .cms-btn", has_text="Create").click()
    editor.wait_for_load_state("networkidle")
    draft_edit_url = editor.url
    assert FIRST_PARAGRAPH in editor.content()
    assert editor.locator(".cms-versioning-js-publish-btn").count() == 0  # editors never publish
    assert visitor.goto(f"{base_url}/therapies/walking-group-therapy/").status == 404

    submit_for_review(editor, "A new therapy page. Please check the wording.")
    log = server_log.read_text()
    assert f"Subject: Waiting for review: {TITLE}" in log and "reviewer@clinic.example" in log

    # The reviewer finds it waiting, looks at it, and sends it back.
    log_in(reviewer, base_url, "journey-reviewer", PASSWORD, "/admin/editorial/reviewrequest/?status__exact=waiting")
    assert reviewer.locator("#result_list", has_text=TITLE).count() == 1
    assert reviewer.locator("#result_list", has_text="Please check the wording.").count() == 1
    with reviewer.expect_navigation():
        reviewer.locator("a", has_text="Open the draft").click()
    reviewer.wait_for_load_state("networkidle")
    assert FIRST_PARAGRAPH in reviewer.content()
    reviewer.go_back()
    reviewer.locator("a", has_text="Send back with a comment").click()
    reviewer.locator("#id_comment").fill("Please say how long each walk lasts.")
    reviewer.locator("input[type=submit]").click()
    reviewer.wait_for_load_state("networkidle")
    assert reviewer.locator(".messagelist", has_text="back to its editor").count() == 1
    assert "Subject: Sent back: " + TITLE in server_log.read_text()

    # The editor sees the comment on the draft, fixes the paragraph inline, submits again.
    editor.goto(draft_edit_url)
    editor.wait_for_load_state("networkidle")
    assert editor.locator(".cms-toolbar", has_text="Please say how long each walk lasts.").count() == 1
    paragraph = editor.locator(".cms-editor-inline-wrapper p").first
    paragraph.click()
    editor.keyboard.press("Control+End")
    with editor.expect_response(lambda r: "/edit-plugin/" in r.url and r.request.method == "POST"):
        editor.keyboard.type(" Each walk lasts about an hour.")
        editor.locator("h1").click()  # leaving the text saves it
    submit_for_review(editor, "Added how long each walk lasts.")
    editor.screenshot(path=screenshot_dir / "journey-editor-waiting-1280.png")

    # The reviewer records the medical review and publishes.
    reviewer.goto(draft_edit_url)
    reviewer.wait_for_load_state("networkidle")
    details_url = reviewer.locator("a", has_text="Summary, medical review and facts").first.get_attribute("href")
    reviewer.goto(base_url + details_url.split("?")[0] if details_url.startswith("/") else details_url)
    reviewer.locator("#id_record_my_review").check()
    reviewer.locator("input[name=_save]").click()
    reviewer.wait_for_load_state("networkidle")
    reviewer.goto(draft_edit_url)
    reviewer.wait_for_load_state("networkidle")
    reviewer.screenshot(path=screenshot_dir / "journey-reviewer-draft-1280.png")
    with reviewer.expect_navigation():
        reviewer.locator(".cms-versioning-js-publish-btn").click()
    reviewer.wait_for_load_state("networkidle")

    # The visitor finds the page, reviewed, in the therapies index.
    response = visitor.goto(f"{base_url}/therapies/walking-group-therapy/")
    assert response.status == 200
    body = visitor.content()
    assert "Each walk lasts about an hour." in body
    assert "Medically reviewed by Rita Alvarez, MD, addiction medicine" in body
    visitor.goto(f"{base_url}/therapies/")
    assert visitor.locator("main a", has_text=TITLE).count() == 1
