"""Headers for the static files whitenoise serves (settings.WHITENOISE_ADD_HEADERS_FUNCTION).

A module of its own because settings import it: it must not load Django models."""

from .policies import PUBLIC_CSP


def static_file_headers(headers, path, url):
    """The static HTML pages (the 500 and 503 pages a proxy may serve) get the public
    pages' CSP too."""
    if url.endswith(".html"):
        headers["Content-Security-Policy"] = PUBLIC_CSP
        headers["Referrer-Policy"] = "same-origin"
