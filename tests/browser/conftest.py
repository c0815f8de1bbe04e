"""A real server and Debian's Chromium for browser tests (no browser download)."""

import os

import pytest
from playwright.sync_api import sync_playwright

from devtools.browser import CHROMIUM, CHROMIUM_ARGS
from devtools.servers import ROOT, add_staff, build_site, running_server, scratch_database, site_env

# Playwright's sync API runs an event loop in this thread; Django would otherwise
# refuse the (synchronous, safe) database work of the shared fixtures.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def site_database(tmp_path_factory):
    with scratch_database(tmp_path_factory.mktemp("site")) as database_url:
        build_site(database_url)
        yield database_url


STAFF_PASSWORD = "a-long-browser-test-password-7"


@pytest.fixture(scope="session")
def reviewer_login(site_database):
    """A clinical reviewer's username and password on the served site."""
    add_staff(site_env(DATABASE_URL=site_database), "browser-reviewer", "reviewer", STAFF_PASSWORD)
    return "browser-reviewer", STAFF_PASSWORD


@pytest.fixture(scope="session")
def editor_login(site_database):
    """An Editor's username and password on the served site."""
    add_staff(site_env(DATABASE_URL=site_database), "browser-editor", "editor", STAFF_PASSWORD)
    return "browser-editor", STAFF_PASSWORD


@pytest.fixture(scope="session")
def site_url(site_database):
    with running_server(site_database) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


SCREENSHOTS_TAKEN = []


@pytest.fixture(scope="session")
def screenshot_dir():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    SCREENSHOTS_TAKEN.append(ARTIFACTS)
    return ARTIFACTS


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS_TAKEN:  # only when this run took them
        terminalreporter.write_line(f"Screenshots of the main page kinds: {ARTIFACTS}")


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh context (no cookies, no cache) with options."""
    contexts = []

    def open_page(width=1280, height=900, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def desktop_page(new_page):
    return new_page(width=1280, height=900)


@pytest.fixture
def phone_page(new_page):
    return new_page(width=390, height=844)
