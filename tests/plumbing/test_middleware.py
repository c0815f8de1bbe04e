"""Request guards (plumbing.middleware): odd cookies and headers never break a page."""

import pytest

from devtools.shell import assert_safety_shell


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_COOKIE": "sessionid=\x7f\x00garbage; csrftoken=;;;=="},
        {"HTTP_COOKIE": "sessionid=" + "a" * 5000},
        {"HTTP_ACCEPT_LANGUAGE": "xx-ZZ;q=abc, ,,;;"},
        {"HTTP_X_FORWARDED_FOR": "not-an-ip, 999.999.1.1"},
        {"HTTP_USER_AGENT": "\u202e" * 500},
    ],
)
def test_malformed_cookies_and_headers_never_give_a_server_error(client, headers):
    """Odd cookies and headers still get the page with its safety shell."""
    response = client.get("/conditions/", **headers)
    assert response.status_code == 200
    assert_safety_shell(response.content)
