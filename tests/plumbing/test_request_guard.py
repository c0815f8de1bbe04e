"""Requests no page can answer are refused early, and every refusal keeps the safety
shell (plumbing.middleware.RequestGuardMiddleware, safety.views' 4xx pages)."""

import pytest

from devtools.shell import assert_safety_shell

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH"])
def test_methods_no_page_takes_are_a_405_with_the_safety_shell(client, method):
    """TRACE, OPTIONS and the rest are refused (they rendered pages before)."""
    response = client.generic(method, "/get-help-now/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert_safety_shell(response.content)


def test_a_large_body_to_a_public_url_is_a_413_before_anything_reads_it(client):
    """A 1 MB upload with a made-up CSRF cookie is refused without being read."""
    client.cookies["csrftoken"] = "x" * 32
    response = client.post("/", data=b"x" * (1024 * 1024), content_type="application/octet-stream")
    assert response.status_code == 413
    assert_safety_shell(response.content)


def test_a_small_form_post_still_gets_the_csrf_answer_with_the_shell(client):
    """A small post without a valid token is a 403 that keeps the crisis lines."""
    client = type(client)(enforce_csrf_checks=True)
    response = client.post("/search/", {"q": "x"})
    assert response.status_code in (403, 405)
    assert_safety_shell(response.content)


def test_a_nul_byte_in_the_address_is_a_404(client):
    """/faq/%00 is a page that does not exist, not a server error."""
    response = client.get("/faq/%00")
    assert response.status_code == 404
    assert_safety_shell(response.content)


def test_a_cached_page_is_not_served_to_an_unknown_host(client):
    """The anonymous page cache checks the Host header first: 400 for a host this site is not."""
    assert client.get("/get-help-now/").status_code == 200  # now cached
    response = client.get("/get-help-now/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_safety_shell(response.content)
