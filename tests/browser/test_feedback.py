"""Readers' feedback in Chromium on a phone, without JavaScript: the form at the end of
a page posts, thanks the reader, leaves no cookie, and the comment is stored with the
phone number removed; an editor then reads it in the content review."""

import json
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from devtools.browser import axe_violations, log_in
from devtools.builders import BENZO_PAGE
from devtools.servers import ROOT, manage, site_env

pytestmark = [pytest.mark.browser, pytest.mark.server]

COMMENT = "Please say more about tapering slowly. My number is (555) 123-4567."
FLAGSHIP_ES = "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/"
STORED = "Please say more about tapering slowly. My number is [removed]."


def stored_comments(site_database):
    code = (
        "import json; from feedback.models import PageFeedback;"
        f"print(json.dumps(list(PageFeedback.objects.filter(path='{BENZO_PAGE}')"
        ".values('language', 'helpful', 'comment', 'day')), default=str))"
    )
    output = manage("shell", "-c", code, env=site_env(DATABASE_URL=site_database))
    return json.loads(output.strip().splitlines()[-1])


def test_a_reader_answers_no_with_a_comment_on_a_phone_without_javascript(
    new_page, site_url, site_database, editor_login, screenshot_dir
):
    page = new_page(width=390, height=844, java_script_enabled=False)
    page.goto(site_url + BENZO_PAGE)
    form = page.locator("#page-feedback")
    expect(form.get_by_role("heading", name="Was this page helpful?")).to_be_visible()
    no = form.get_by_role("radio", name="No", exact=True)
    comment = form.get_by_role("textbox", name="Tell us how we could make this page better (optional)")
    send = form.get_by_role("button", name="Send")
    # Each control one easy tap on a phone: the answers' boxes and the button.
    choices = form.locator("label.page-feedback__choice")
    expect(choices).to_have_text(["Yes", "No"])
    for control in (choices.nth(0), choices.nth(1), send):
        assert control.bounding_box()["height"] >= 44
    assert form.bounding_box()["width"] <= 390

    no.check()
    comment.fill(COMMENT)
    form.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / "feedback-form-phone.png")
    send.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your answer")
    expect(page.locator("#crisis-banner")).to_be_visible()
    expect(page.get_by_role("link", name="Back to “Benzodiazepine use disorder”")).to_have_attribute("href", BENZO_PAGE)
    assert page.context.cookies() == []

    [stored] = stored_comments(site_database)
    assert stored["comment"] == STORED and stored["helpful"] is False and stored["language"] == "en"
    assert set(stored) == {"language", "helpful", "comment", "day"}

    # With JavaScript (axe needs it): the form and the thank-you page pass every WCAG rule.
    page = new_page(width=390, height=844)
    page.goto(site_url + BENZO_PAGE)
    assert axe_violations(page) == []
    page.locator("#page-feedback").get_by_role("radio", name="Yes").check()
    page.locator("#page-feedback").get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your answer")
    assert axe_violations(page) == []
    assert page.context.cookies() == []

    # Staff read it in the content review.
    staff = new_page()
    log_in(staff, site_url, *editor_login, "/admin/editorial/contentreview/")
    row = staff.locator("table.readers-feedback tbody tr", has_text="Benzodiazepine use disorder")
    expect(row).to_contain_text(STORED)
    expect(row.locator("td").nth(1)).to_have_text("1")  # yes
    expect(row.locator("td").nth(2)).to_have_text("1")  # no


def posted(url, fields):
    """The body of the answer to a form post, whatever its status."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode())
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()


def test_the_thank_you_and_refusal_pages_are_valid_html(site_url, tmp_path):
    """The Nu Html Checker finds no error on the thank-you page (in Spanish) or on a refusal."""
    pages = {
        "thanks": {"path": FLAGSHIP_ES, "language": "es", "helpful": "yes"},
        "no-answer": {"path": BENZO_PAGE, "language": "en", "comment": "I forgot to choose"},
    }
    files = []
    for name, fields in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_text(posted(site_url + "/feedback/", fields))
        files.append(str(file))
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [(m.get("lastLine"), m["message"]) for m in messages if m["type"] == "error"] == []
    assert "Gracias por su respuesta" in (tmp_path / "thanks.html").read_text()
    assert "Please choose Yes or No" in (tmp_path / "no-answer.html").read_text()
