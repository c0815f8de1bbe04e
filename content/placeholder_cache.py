"""A page's cached placeholders in two cache round trips instead of two each.

django CMS reads each placeholder's version key, then its content under a key that
embeds that version. Given the page's placeholders, this reads all version keys in
one round trip and all contents in another, through the cache's read-ahead
(content.cache_backends); django CMS's own reads then find them there. It uses
django CMS's own key functions, so the keys cannot drift from the ones it reads.
"""

from cms.cache.placeholder import _get_placeholder_cache_key, _get_placeholder_cache_version_key
from cms.models import Placeholder
from django.core.cache import cache
from django.utils.translation import get_language


def placeholders_are_cached(request):
    """False for staff and while editing: their placeholders are always rendered."""
    toolbar = getattr(request, "toolbar", None)
    return toolbar is not None and toolbar.get_content_renderer().placeholder_cache_is_enabled()


def read_ahead_placeholders(request, placeholder_pks):
    if not placeholder_pks or not hasattr(cache, "read_ahead") or not placeholders_are_cached(request):
        return
    renderer = request.toolbar.get_content_renderer()
    language, site_id = get_language(), renderer.current_site.pk
    placeholders = {}
    for pk in placeholder_pks:
        placeholder = Placeholder(pk=pk)  # the keys need only its primary key
        placeholders[_get_placeholder_cache_version_key(placeholder, language, site_id)] = placeholder
    versions_found = cache.read_ahead(list(placeholders))
    # A placeholder without a version key was never cached: django CMS renders it (and
    # writes its version); computing its content key here would write one.
    content_keys = [
        _get_placeholder_cache_key(placeholders[key], language, site_id, request, soft=True) for key in versions_found
    ]
    cache.read_ahead(content_keys)
