"""Published pages for anonymous visitors, served from the shared cache at the top of
the middleware stack.

Why: profiling a cached page showed most of its time going to the stack around
django CMS's own page cache (sessions, auth, locale, three CMS middlewares, URL
resolution, the CMS view's language logic, and three cache round trips). A visitor
without cookies needs none of that for a page already rendered, so this answers with
one cache round trip; a search page likewise, keyed by its query (the search index
changes only when pages are published). Correctness stays with django CMS: entries
are stamped with the CMS page-cache version, which every publish, unpublish and
settings change bumps (plumbing.internals), so a stale entry is never served, on
any app server sharing the cache; and only responses django CMS itself would cache
are stored (`cms_would_cache`). It also keeps cached pages available while the
database is down.
"""

import hashlib
from functools import wraps
from urllib.parse import urlencode

from cms.utils.conf import get_cms_setting
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from .edge_cache import mark_for_shared_caches
from .internals import PAGE_CACHE_VERSION_KEY, cms_would_cache, page_cache_version

# Paths that are never pages for visitors, or must always be answered live.
LIVE_PREFIXES = ("/admin/", "/static/", "/media/", "/healthz", "/sitemap.xml", "/robots.txt")
# The query parameters a page reads: search's, in each language. Any other
# (utm_source, fbclid, a made-up r=…) changes nothing on the page, so the cache key
# leaves it out: a link shared with tracking tags is answered from the cache, and
# made-up parameters cannot force a render (the outside attack's "cache-busting", L3).
SEARCH_PARAMETERS = ("q", "page")
# django CMS reads these on its pages (the language, the toolbar); a request with one
# is always answered live.
CMS_PARAMETERS = ("language", "toolbar_on", "toolbar_off", "persist", "edit", "structure", "preview")
# Search pages are cached by their query too; longer ones are not worth keeping.
MAX_CACHED_QUERY = 100
# What the views and the middleware below this one set; the privacy headers are added
# above it, to every response (plumbing.middleware).
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
    "Vary",
)


def read_stamped(key):
    """(entry, version) in one cache round trip: the entry stored under key if it was
    stamped with the current CMS page-cache version (else None), and that version,
    to stamp a new entry with. Read before rendering: if a publish bumps the version
    meanwhile, the new entry is simply never served."""
    found = cache.get_many([PAGE_CACHE_VERSION_KEY, key])
    version = found.get(PAGE_CACHE_VERSION_KEY)
    stamped = found.get(key)
    if stamped is not None and version is not None and stamped[0] == version:
        return stamped[1], version
    return None, version or page_cache_version()


def store_stamped(key, entry, version):
    timeout = get_cms_setting("CACHE_DURATIONS")["content"]
    cache.set(key, (version, entry), timeout)
    # The version key must outlive the entry; extend it without writing it, so a bump
    # made during rendering is never undone.
    cache.touch(PAGE_CACHE_VERSION_KEY, timeout)


def shared_with_visitors(view):
    """Marks a view (not a CMS page) whose responses are the same for every visitor
    without cookies, so this cache may keep them. django CMS marks its own pages."""

    @wraps(view)
    def marked(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.shared_with_visitors = True
        return response

    return marked


def search_paths():
    """Search's path in each language (/search/, /es/search/), from the URLconf."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return paths


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.CMS_PAGE_CACHE
        self.parameters_by_path = dict.fromkeys(search_paths(), SEARCH_PARAMETERS)

    def _parameters_read(self, request):
        """The part of the query string the page at this path reads, in a fixed order."""
        names = self.parameters_by_path.get(request.path, ())
        return urlencode([(name, value) for name in names for value in request.GET.getlist(name)])

    def _key(self, request):
        # Hashed: paths and queries can hold any character, cache keys should not.
        address = f"{request.path}?{self._parameters_read(request)}"
        return f"anon-page:{hashlib.sha256(address.encode()).hexdigest()}"

    def __call__(self, request):
        # A cached page is still only for this site's host names: check the Host header
        # as CommonMiddleware would (an unknown host raises DisallowedHost: a 400).
        request.get_host()
        if not self.enabled or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        entry, version = read_stamped(key)
        if entry is not None:
            headers, content = entry
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return mark_for_shared_caches(response, request)
        response = self.get_response(request)
        if self._cacheable_response(response):
            headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
            store_stamped(key, (headers, response.content), version)
            mark_for_shared_caches(response, request)
        return response

    def _cacheable_request(self, request):
        # No cookies at all: no session, so certainly no staff member and no toolbar.
        if request.method not in ("GET", "HEAD") or request.COOKIES or request.path.startswith(LIVE_PREFIXES):
            return False
        if any(name in request.GET for name in CMS_PARAMETERS):
            return False
        return len(self._parameters_read(request)) <= MAX_CACHED_QUERY

    @staticmethod
    def _cacheable_response(response):
        # CMS pages only when django CMS would cache them too: not a 404 page, not a
        # page with a plugin that must not be cached, never anything for staff.
        return (
            response.status_code == 200
            and (cms_would_cache(response) or getattr(response, "shared_with_visitors", False))
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Set-Cookie")
            and not getattr(response, "streaming", False)
        )
