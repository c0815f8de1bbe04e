"""The static 500 and 503 pages (safety.views) carry the safety shell."""

from django.conf import settings
from django.test import RequestFactory

from devtools.servers import ROOT
from devtools.shell import assert_safety_shell
from safety.views import server_error


def test_static_error_pages_carry_the_shell():
    """The 500 and 503 pages are plain files with the crisis lines and exit control."""
    for name in ("500.html", "503.html"):
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
