"""The static 500 and 503 pages (safety.views) carry the safety shell."""

from django.conf import settings
from django.test import RequestFactory

from devtools.servers import ROOT
from devtools.shell import assert_safety_shell
from safety.views import server_error


def test_static_error_pages_carry_the_shell():
    """The 500 and 503 pages are plain files with the crisis lines and exit control."""
    for name in ("500.html", "503.html", "refused.html"):
        body = (ROOT / "safety" / "static" / "errors" / name).read_text()
        assert "{%" not in body and "{{" not in body
        assert_safety_shell(body, exit_url=settings.EXIT_PAGE_URL)


def test_server_error_handler_serves_the_static_500_page():
    """An unexpected error gives the static 500 page, not a template that could fail too."""
    request = RequestFactory().get("/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500
    assert_safety_shell(response.content)


def test_the_static_error_pages_carry_the_public_csp(client, settings):
    """The 500 and 503 pages, served by the app or as static files, forbid other origins."""
    from plumbing.policies import PUBLIC_CSP
    from safety.views import static_error_page

    for name, status in (("500.html", 500), ("503.html", 503)):
        assert static_error_page(name, status)["Content-Security-Policy"] == PUBLIC_CSP
        response = client.get(f"/static/errors/{name}")
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == PUBLIC_CSP


def test_the_static_error_pages_send_visitors_to_the_clinics_exit_site(settings):
    """The 500 and 503 pages' exit control goes where EXIT_PAGE_URL says."""
    from safety.views import static_error_page

    settings.EXIT_PAGE_URL = "https://www.example.org/news/"
    for name, status in (("500.html", 500), ("503.html", 503)):
        body = static_error_page(name, status).content.decode()
        assert 'id="exit-this-page" class="exit-this-page" href="https://www.example.org/news/"' in body
        assert "weather.gov" not in body
