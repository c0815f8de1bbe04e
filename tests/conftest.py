"""Shared fixtures: the clinic's real content in the test database, clean caches,
and builders for small pages of our own. Plain helpers live in devtools/."""

import pytest
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation
from django.utils.text import slugify
from menus.menu_pool import menu_pool

from content.site_content import build_page, load_site_content, loader_user

# Before any module of devtools is imported (test modules import it after this file):
# a failed assert in a helper, such as devtools.shell.assert_safety_shell, then shows
# its values as an assert in a test does.
pytest.register_assert_rewrite("devtools")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the site as `make run` builds it."""
    with django_db_blocker.unblock():
        load_site_content()


@pytest.fixture(autouse=True)
def clear_caches(request, django_db_blocker):
    """The page, placeholder and menu caches outlive the per-test rollback."""
    uses_database = request.node.get_closest_marker("django_db") or "django_db_setup" in request.fixturenames

    def clear():
        cache.clear()
        if uses_database:  # the menu pool keeps its cache keys in a table of the test database
            with django_db_blocker.unblock():
                menu_pool.clear(all=True)

    clear()
    yield
    clear()
    # A request to a Spanish page leaves Spanish active in this thread; the next test
    # starts in English, as a new request would.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def author(db):
    return loader_user()


@pytest.fixture
def make_page(db, author):
    """Build a CMS page from the same data shape as fixtures/pages/*.yaml."""

    def build(title, kind="general", template=None, parent="", publish=True, user=None, **data):
        """`user` makes the page (default: the site-content loader); unpublished, the
        draft is theirs, locked to them (DJANGOCMS_VERSIONING_LOCK_VERSIONS)."""
        reverse_id = data.pop("reverse_id", f"test-{slugify(title)}"[:40])
        page_data = {
            "reverse_id": reverse_id,
            "title": title,
            "kind": kind,
            "template": template or ("general" if kind in ("general",) else kind),
            "parent": parent,
            **data,
        }
        return build_page(page_data, user or author, publish=publish)

    return build


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin-test", "admin@example.org", "a-long-test-password-1")


@pytest.fixture
def published_paths(db):
    """Paths of every published page in every language, from the database: the crawls
    of the safety shell, axe-core and the Nu checker cover the Spanish pages too."""
    paths = []
    for page in Page.objects.all():
        url = page.get_absolute_url("en")
        if url:
            paths.append(url)
        for language in PageContent.objects.filter(page=page).exclude(language="en").values_list("language", flat=True):
            url = page.get_absolute_url(language, fallback=False)
            if url:
                paths.append(url)
    return sorted(paths)


# Figures a test measured (recovery time, …), printed at the end of the run.
FIGURES = []


@pytest.fixture(scope="session")
def figures():
    """A list a test appends a measured figure to, as a line printed at the end of the run."""
    return FIGURES


def pytest_terminal_summary(terminalreporter):
    for line in FIGURES:
        terminalreporter.write_line(line)
