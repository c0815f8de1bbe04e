"""No page logs an error in the browser's console (a missing favicon did on every page)."""

import pytest

from devtools.browser import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_no_console_errors_on_any_page_kind(new_page, site_url):
    page = new_page(width=390, height=844)
    errors = []

    def on_console(message):
        if message.type == "error":
            errors.append((page.url, message.location.get("url"), message.text))

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append((page.url, page.url, str(error))))
    for name, path in PAGE_KINDS.items():
        expected_status = 404 if "not-found" in name else 200
        response = page.goto(site_url + path)
        assert response.status == expected_status, path
        page.wait_for_load_state("networkidle")
    # The not-found page itself is logged as a failed load (its status is 404 on purpose);
    # nothing else may be: no missing icon, stylesheet or script, no script error.
    errors = [error for error in errors if not (error[0] == error[1] and "/no-such-page/" in error[0])]
    assert errors == []
