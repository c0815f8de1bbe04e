"""Each assumption plumbing.internals makes about django CMS, djangocms-versioning and
Django, held by a test that fails when an upgrade changes it."""

import pytest
from cms.api import add_plugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from cms.toolbar.utils import get_object_edit_url
from django.core.cache import caches
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext

from content.site_content import publish_new_text
from devtools.builders import staff_user, text_block
from editorial.models import PublicationLogEntry
from plumbing import internals
from safety.models import ClinicSettings

pytestmark = pytest.mark.django_db

ABOUT = "/about/"


def served_from_cache(client, path):
    """True when an anonymous visit to `path` ran no database query."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code in (200, 404)
    return len(queries) == 0


def test_a_publish_bumps_the_page_cache_version_and_the_page_is_rendered_anew(client, make_page, author):
    """django CMS bumps its page-cache version on publish, and our cached copy misses."""
    page = make_page("Version page", slug="version-page", placeholders={"content": [text_block("Old words.")]})
    path = page.get_absolute_url("en")
    client.get(path)
    assert served_from_cache(client, path)
    before = internals.page_cache_version()
    publish_new_text(page, author, "<p>New words.</p>")
    assert internals.page_cache_version() != before
    body = client.get(path).content.decode()
    assert "New words." in body and "Old words." not in body


def test_an_unpublish_bumps_the_version_and_the_page_is_gone(client, make_page, author):
    """An unpublished page is never served from our cache."""
    from djangocms_versioning.constants import PUBLISHED
    from djangocms_versioning.models import Version

    page = make_page("Unpublish page", slug="unpublish-page", placeholders={"content": [text_block("Words.")]})
    path = page.get_absolute_url("en")
    client.get(path)
    assert served_from_cache(client, path)
    before = internals.page_cache_version()
    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert internals.page_cache_version() != before
    assert client.get(path).status_code == 404


def test_a_clinic_settings_change_reaches_cached_pages(client):
    """A settings save bumps the version too: every cached page shows the new details."""
    client.get(ABOUT)
    assert served_from_cache(client, ABOUT)
    before = internals.page_cache_version()
    ClinicSettings.objects.create(name="Riverbend Recovery Clinic")
    assert internals.page_cache_version() != before
    assert "Riverbend Recovery Clinic" in client.get(ABOUT).content.decode()


class UncachedPlugin(CMSPluginBase):
    """A plugin that must never be cached (django CMS's `cache = False`)."""

    name = "Uncached test plugin"
    cache = False
    render_template = engines["django"].from_string("<p>Render {{ instance.pk }} at {% now 'u' %}.</p>")


@pytest.fixture
def uncached_plugin():
    plugin_pool.register_plugin(UncachedPlugin)
    yield "UncachedPlugin"
    plugin_pool.unregister_plugin(UncachedPlugin)


def test_a_page_django_cms_will_not_cache_is_not_kept_for_visitors(client, make_page, author, uncached_plugin):
    """A page with a plugin that must not be cached is rendered for every visitor."""
    page = make_page("Live page", slug="live-page", publish=False, placeholders={"content": [text_block("Live.")]})
    content = page.get_admin_content("en")
    add_plugin(content.get_placeholders().get(slot="content"), uncached_plugin, "en")
    from djangocms_versioning.models import Version

    Version.objects.get_for_content(content).publish(author)
    path = page.get_absolute_url("en")
    first = client.get(path)
    assert "Render" in first.content.decode()
    assert not internals.cms_would_cache(first)  # what django CMS decided …
    assert not served_from_cache(client, path)  # … and so our cache renders it again


@pytest.fixture
def without_privacy_headers(settings):
    """The stack without the middleware that turns every HTML page's Cache-Control
    into no-store for browsers, so a test sees django CMS's own mark."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith("PrivacyHeadersMiddleware")]


def test_django_cms_marks_the_pages_it_caches(client, without_privacy_headers):
    """An ordinary published page is one django CMS would cache: the mark we read."""
    assert internals.cms_would_cache(client.get(ABOUT))


def test_staff_pages_are_never_marked_cacheable(client, admin_user, without_privacy_headers):
    """Signed-in staff get the toolbar; django CMS marks their pages not cacheable."""
    client.force_login(admin_user)
    assert not internals.cms_would_cache(client.get(ABOUT))


def test_read_ahead_keys_are_the_ones_django_cms_reads(client, monkeypatch, settings):
    """The placeholder keys read ahead are exactly those django CMS then reads, so a
    render from cached placeholders needs no further round trip for them."""
    read_ahead, read_by_others, reading_ahead = [], [], []
    backend = type(caches["default"])
    original_read_ahead, original_get = backend.read_ahead, backend.get

    def spy_read_ahead(self, keys):
        read_ahead.extend(keys)
        reading_ahead.append(True)  # the backend's get_many may call get() itself
        try:
            return original_read_ahead(self, keys)
        finally:
            reading_ahead.pop()

    def spy_get(self, key, default=None, version=None):
        if not reading_ahead:
            read_by_others.append(key)
        return original_get(self, key, default, version)

    settings.CMS_PAGE_CACHE = False  # every request renders, from cached placeholders
    client.get(ABOUT)  # placeholders rendered and cached
    client.get(ABOUT)  # page facts now carry the placeholder keys
    monkeypatch.setattr(backend, "read_ahead", spy_read_ahead)
    monkeypatch.setattr(backend, "get", spy_get)
    client.get(ABOUT)
    ahead = {key for key in read_ahead if "placeholder" in key}
    read_by_cms = {key for key in read_by_others if "placeholder" in key}
    assert ahead, "placeholders were read ahead"
    assert ahead == read_by_cms


def test_rendered_content_is_the_published_page_for_visitors(client):
    """The content a visitor's request renders is the page's published content."""
    response = client.get(ABOUT)
    content = internals.rendered_content(response.wsgi_request)
    assert content is not None and content.page.get_absolute_url("en") == ABOUT
    assert internals.rendered_content(client.get("/search/?q=taper").wsgi_request) is None


def test_menu_nodes_mark_the_current_page(client):
    """django CMS's menu nodes mark the page being viewed as selected."""
    request = client.get(ABOUT).wsgi_request
    selected = [node for node in internals.menu_nodes(request) if node.selected]
    assert [node.get_absolute_url() for node in selected] == [ABOUT]


def test_staff_in_edit_mode_do_not_use_the_placeholder_cache(client, admin_user, make_page):
    """Visitors' placeholders come from the cache; staff editing always get a render."""
    assert internals.placeholders_are_cached(client.get(ABOUT).wsgi_request)
    page = make_page(
        "Draft page",
        slug="draft-page",
        publish=False,
        user=admin_user,
        placeholders={"content": [text_block("Draft.")]},
    )
    client.force_login(admin_user)
    edit = client.get(get_object_edit_url(page.get_admin_content("en")))
    assert edit.status_code == 200
    assert internals.rendered_content(edit.wsgi_request) == page.get_admin_content("en")
    assert not internals.placeholders_are_cached(edit.wsgi_request)


def test_hidden_wizards_are_out_of_the_create_dialog(admin_user):
    """django CMS's untyped page wizards, hidden at start-up, are not in the Create dialog."""
    from cms.cms_wizards import cms_page_wizard, cms_subpage_wizard
    from cms.models import Page
    from cms.wizards.wizard_base import entry_choices, get_entries

    internals.hide_wizards(cms_page_wizard)  # again: no harm
    hidden = {cms_page_wizard.id, cms_subpage_wizard.id}
    assert not hidden & {wizard.id for wizard in get_entries()}
    offered = {entry for entry, _title in entry_choices(admin_user, Page.objects.get(reverse_id="about"))}
    assert offered and not hidden & offered


def test_last_transition_user_is_who_published(make_page, author):
    """The publication log names the person who made the last state change."""
    reviewer = staff_user("Clinical reviewer")
    page = make_page("Logged page", slug="logged-page", placeholders={"content": [text_block("Words.")]})
    draft = publish_new_text(page, reviewer, "<p>Changed.</p>")
    assert internals.last_transition_user(draft).username == reviewer.username
    assert PublicationLogEntry.objects.filter(page_id=page.pk, action="published").first().username == reviewer.username


def test_extension_menu_is_the_page_menu_for_staff(client, admin_user, make_page):
    """Page-extension items land in the toolbar's Page menu for staff editing a page."""
    page = make_page(
        "Menu page", slug="menu-page", publish=False, user=admin_user, placeholders={"content": [text_block("Draft.")]}
    )
    client.force_login(admin_user)
    body = client.get(get_object_edit_url(page.get_admin_content("en"))).content.decode()
    assert "Summary, medical review and facts" in body


def test_redis_cache_reuses_one_client_per_pool(settings):
    """Django's Redis backend, as we configure it, hands back the same client each call."""
    backend = internals.RedisCacheReusingClients("redis://127.0.0.1:6379/4", {})
    client = backend._cache  # Django's RedisCacheClient (private, like what it tests)
    assert client.get_client("a") is client.get_client("b")
    assert client.get_client("a", write=True) is client.get_client("b", write=True)


def test_text_in_a_slot_the_template_no_longer_shows_is_not_graded_or_searched(make_page, author):
    """After a template change hides a slot, its text is on no page: body text and
    the search index leave it out (django CMS keeps the old placeholder)."""
    from djangocms_versioning.constants import PUBLISHED
    from djangocms_versioning.models import Version

    from content.models import KIND_TEMPLATES, Kind
    from content.page_text import body_text
    from search.engine import search

    page = make_page(
        "Hidden slot page",
        kind="therapy",
        slug="hidden-slot-page",
        placeholders={"overview": [text_block("Quillwort overview words.")]},
    )
    draft = Version.objects.filter_by_grouper(page).get(state=PUBLISHED).copy(author)
    draft.content.template = KIND_TEMPLATES[Kind.GENERAL]  # no "overview" slot
    draft.content.save()
    assert "overview" in {placeholder.slot for placeholder in draft.content.get_placeholders()}
    assert "Quillwort" not in body_text(draft.content)
    draft.publish(author)
    assert not search("quillwort").results
