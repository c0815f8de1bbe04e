"""Privacy in a real browser: nothing from another origin, no cookies, strict headers."""

from urllib.parse import urlparse

import pytest

from devtools.browser import PAGE_KINDS
from devtools.servers import fetch, running_server

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_no_third_party_requests_and_no_cookies(new_page, site_url, name, path):
    """Loading a page asks only this site for anything, and leaves no cookie."""
    page = new_page()
    origins = set()
    page.on("request", lambda request: origins.add(urlparse(request.url).netloc))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert origins == {urlparse(site_url).netloc}
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


@pytest.mark.parametrize("name, path", PAGE_KINDS.items())
def test_strict_privacy_headers(site_url, name, path):
    """CSP without inline script or style, same-origin referrers, nosniff, no framing
    by others, a restrictive Permissions-Policy, and nothing kept in caches."""
    _status, headers, _body = fetch(site_url + path)
    csp = dict((directive.split(" ", 1) + [""])[:2] for directive in headers["Content-Security-Policy"].split("; "))
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'self'" and csp["object-src"] == "'none'"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] in ("DENY", "SAMEORIGIN")
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in headers


def test_csp_blocks_nothing_on_our_pages(new_page, site_url):
    """The strict policy does not break our own pages (no violations reported)."""
    page = new_page()
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    for path in PAGE_KINDS.values():
        page.goto(site_url + path)
    assert violations == []


def test_hsts_when_served_over_https(site_database):
    """Behind a TLS proxy in production, responses carry HSTS."""
    with running_server(site_database, DJANGO_HTTPS="1") as base_url:
        _status, headers, _body = fetch(f"{base_url}/about/", headers={"X-Forwarded-Proto": "https"})
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
