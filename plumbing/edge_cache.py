"""Headers that let a shared cache in front of the app (the shipped nginx, a CDN) keep
anonymous visitors' pages, while browsers keep getting `Cache-Control: no-store` (a
shared device keeps nothing).

The app stays the one place that decides what may be shared: only the responses the
anonymous page cache (plumbing.page_cache) stores or serves carry these headers, so
nothing for a signed-in person, nothing with a cookie, no preview, toolbar or admin
page ever does.

Why a short edge time and no purge: a publish must reach visitors within 2 seconds.
Open-source nginx cannot purge without a third-party module, and every CDN purges
through an API of its own. An edge copy that lives EDGE_CACHE_SECONDS (1 s), then is
fetched again from the app (whose own page cache answers in about a millisecond and
knows of every publish), is correct at every edge with no purge at all, and still
spares the app all but about one request per page per second. The edge keeps the copy
for EDGE_STALE_SECONDS (a day) after that, to serve when the app or the database is
down (`stale-if-error`).
"""

import hashlib

from django.conf import settings

# Every cached response carries this key too: purging it empties the whole edge.
SITE_KEY = "clinic-site"


def surrogate_key(path):
    """One key per page, whatever its query string (utm_* tags, a search's words): a
    CDN that purges by key drops every copy of that page at once."""
    return f"page-{hashlib.sha256(path.encode()).hexdigest()[:16]}"


def mark_for_shared_caches(response, request):
    seconds = settings.EDGE_CACHE_SECONDS
    if seconds <= 0:
        return response
    lifetime = f"max-age={seconds}, stale-if-error={settings.EDGE_STALE_SECONDS}"
    response["X-Accel-Expires"] = str(seconds)  # nginx; it never passes this one on
    response["CDN-Cache-Control"] = lifetime  # RFC 9213: Cloudflare, Akamai, Fastly…
    response["Surrogate-Control"] = lifetime  # Fastly and other ESI-era caches
    key = surrogate_key(request.path)
    response["Surrogate-Key"] = f"{SITE_KEY} {key}"  # Fastly: space-separated
    response["Cache-Tag"] = f"{SITE_KEY},{key}"  # Cloudflare: comma-separated
    return response
