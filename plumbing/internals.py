"""Every use of a private or undocumented name of django CMS, djangocms-versioning or
Django, in one place.

The site leans on these for speed, for the anonymous page cache, and for the
editorial guard rails in the admin and toolbar (who may publish, page settings, page
types, layouts that would hide text). None of them is promised by its project, so
each assumption below has a test (most in `tests/plumbing/test_internals.py`, the
admin ones in tests/content and tests/editorial) that fails when an upgrade changes
it. When one fails, this is the only module to mend.
"""

from cms.admin.pageadmin import PageAdmin as CmsPageAdmin  # noqa: F401  (subclassed by editorial.page_settings)
from cms.cache import CMS_PAGE_CACHE_VERSION_KEY, _get_cache_version, invalidate_cms_page_cache
from cms.cache.placeholder import _get_placeholder_cache_key, _get_placeholder_cache_version_key
from cms.models import Page, PageContent, Placeholder
from cms.plugin_rendering import ContentRenderer
from cms.toolbar.items import ButtonList
from cms.utils.placeholder import get_declared_placeholders_for_obj, get_placeholders
from django.apps import apps
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.template import Context
from django.utils.cache import get_max_age
from menus.menu_pool import menu_pool

# --- django CMS's page-cache version ------------------------------------------------
# django CMS stamps its cached pages, placeholders and menus with one version number
# kept under this key, and bumps it on every publish, unpublish and
# `invalidate_cms_page_cache()`. The anonymous page cache (plumbing.page_cache) stamps
# its entries with the same number, so whatever makes django CMS's cache miss makes
# ours miss too.

PAGE_CACHE_VERSION_KEY = CMS_PAGE_CACHE_VERSION_KEY


def page_cache_version():
    """The current version (django CMS writes a new one if there is none)."""
    return _get_cache_version()


def invalidate_page_cache():
    """Bump the version: every cached page, placeholder and menu is stale at once."""
    invalidate_cms_page_cache()


# --- Which responses django CMS would share -------------------------------------------


def cms_would_cache(response):
    """True when django CMS's page cache stored this response (or served it from there).

    django CMS marks a page it caches with `Cache-Control: max-age=N` (N > 0) and one
    it must not cache (staff, toolbar, a plugin with `cache = False`, an expiring
    placeholder, a view outside the page tree) with `no-cache, no-store, private`."""
    cache_control = response.get("Cache-Control", "")
    refused = any(word in cache_control for word in ("no-store", "no-cache", "private"))
    return not refused and (get_max_age(response) or 0) > 0


# --- Placeholder cache keys -----------------------------------------------------------


def placeholders_are_cached(request):
    """False for staff and while editing: their placeholders are always rendered."""
    toolbar = getattr(request, "toolbar", None)
    return toolbar is not None and toolbar.get_content_renderer().placeholder_cache_is_enabled()


def placeholder_version_keys(request, placeholder_pks, language):
    """{cache key of each placeholder's version: its pk}, as django CMS reads them."""
    site_id = request.toolbar.get_content_renderer().current_site.pk
    return {
        _get_placeholder_cache_version_key(Placeholder(pk=pk), language, site_id): pk  # the key needs only the pk
        for pk in placeholder_pks
    }


def placeholder_content_key(request, placeholder_pk, language):
    """The key django CMS keeps a placeholder's rendered content under. It reads the
    placeholder's version key, and writes one when there is none: ask only for
    placeholders whose version key exists."""
    site_id = request.toolbar.get_content_renderer().current_site.pk
    return _get_placeholder_cache_key(Placeholder(pk=placeholder_pk), language, site_id, request, soft=True)


# --- The page being rendered, its menu, its placeholders --------------------------------


def rendered_content(request):
    """The PageContent this request renders: the published one for visitors, the
    draft for staff editing or previewing it; None for other views."""
    toolbar = getattr(request, "toolbar", None)
    content = toolbar.get_object() if toolbar else None
    return content if isinstance(content, PageContent) else None


def menu_nodes(request):
    """The page tree as django CMS's menu nodes, the current page marked `selected`."""
    return menu_pool.get_renderer(request).get_nodes()


def render_placeholders(request, placeholders, language):
    """Each placeholder's HTML as a visitor gets it, outside a page request."""
    renderer = ContentRenderer(request)
    context = Context({"request": request})
    return [
        renderer.render_placeholder(placeholder, context, language=language, editable=False)
        for placeholder in placeholders
    ]


def shown_placeholders(content):
    """The placeholders of a page version that its template shows. A page keeps the
    placeholders of slots an earlier template had; their text is on no page, so it
    must not count in the reading grade or come up in search."""
    slots = {declared.slot for declared in get_declared_placeholders_for_obj(content)}
    return [placeholder for placeholder in content.get_placeholders() if placeholder.slot in slots]


def template_slots(template):
    """The placeholder slots a page template declares."""
    return {declared.slot for declared in get_placeholders(template)}


def extension_menu(toolbar):
    """The "Page" menu that page-extension toolbars add their items to (django CMS's
    documented pattern calls this private method), or None where it does not apply."""
    return toolbar._setup_extension_toolbar()


def remove_publish_button(toolbar):
    """Take djangocms-versioning's Publish button off the toolbar (it adds it for
    everyone who may edit, and refuses the publish on the server only after the click)."""
    for result in toolbar.find_items(ButtonList):
        if any("cms-versioning-js-publish-btn" in button.extra_classes for button in result.item.buttons):
            toolbar.remove_item(result.item)


def extend_registered_admin(model, mixin):
    """Put `mixin` in front of the admin django CMS and djangocms-versioning registered
    for `model` (a class they build at start-up), keeping everything else it does."""
    from django.contrib import admin

    registered = type(admin.site._registry[model])
    admin.site.unregister(model)
    admin.site.register(model, type(f"{mixin.__name__}{registered.__name__}", (mixin, registered), {}))


def replace_page_admin(admin_class):
    """Use `admin_class` (a subclass of django CMS's page admin, `CmsPageAdmin`) for
    pages: its permission hooks and views are undocumented."""
    from django.contrib import admin

    admin.site.unregister(Page)
    admin.site.register(Page, admin_class)


# --- django CMS's Create wizard -----------------------------------------------------
# django CMS 4+ registers wizards from each app's `cms_config.py` (`cms_wizards`) and
# documents no way to take one out. Its own "New page" and "New sub page" make pages
# without a kind, so the site hides them (content.apps) and offers one wizard per
# page kind instead (content.cms_wizards). The registry is the dict that
# `get_entries()` reads and the deprecated `wizard_pool.unregister` deletes from.


def hide_wizards(*wizards):
    """Take `wizards` out of the toolbar's Create dialog. Call it once every app's
    `cms_config` is read: from the `ready()` of an app listed after `cms`."""
    registry = apps.get_app_config("cms").cms_extension.wizards
    for wizard in wizards:
        registry.pop(wizard.id, None)


# --- djangocms-versioning -----------------------------------------------------------

# Its admin's URL names for page versions (not documented, stable since 1.0).
VERSION_PUBLISH_URL_NAME = "djangocms_versioning_pagecontentversion_publish"
VERSION_COMPARE_URL_NAME = "admin:djangocms_versioning_pagecontentversion_compare"


def last_transition_user(version):
    """Who made a version's latest state change (publish, unpublish, archive)."""
    tracking = version.statetracking_set.order_by("-date").first()
    return tracking.user if tracking else None


# --- Django's Redis cache -------------------------------------------------------------
# Django's backend builds a new `redis.Redis` object for every cache call; with
# redis-py 8 that costs about 0.3 ms (it rebuilds its response-callback table), which
# profiling showed as a large share of a cached page. The client is thread-safe and
# its pool already shared, so one per pool is enough.


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCacheReusingClients(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


def page_url(page, path):
    """A page's URL from its path in the active language, as Page.get_absolute_url
    makes it, without the query that method needs to find the path."""
    from django.urls import reverse

    return reverse("pages-root") if page.is_home else reverse("pages-details-by-slug", kwargs={"slug": path})
