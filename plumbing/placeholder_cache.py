"""A page's cached placeholders in two cache round trips instead of two each.

django CMS reads each placeholder's version key, then its content under a key that
embeds that version. Given the page's placeholders, this reads all version keys in
one round trip and all contents in another, through the cache's read-ahead
(plumbing.cache_backends); django CMS's own reads then find them there. The keys
come from django CMS's own key functions (plumbing.internals), so they cannot drift
from the ones it reads.
"""

from django.core.cache import cache
from django.utils.translation import get_language

from .internals import placeholder_content_key, placeholder_version_keys, placeholders_are_cached


def read_ahead_placeholders(request, placeholder_pks):
    if not placeholder_pks or not hasattr(cache, "read_ahead") or not placeholders_are_cached(request):
        return
    language = get_language()
    version_keys = placeholder_version_keys(request, placeholder_pks, language)
    versions_found = cache.read_ahead(list(version_keys))
    # A placeholder without a version key was never cached: django CMS renders it (and
    # writes its version); computing its content key here would write one.
    cache.read_ahead([placeholder_content_key(request, version_keys[key], language) for key in versions_found])
