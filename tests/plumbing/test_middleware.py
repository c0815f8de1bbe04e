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


@pytest.mark.django_db
def test_no_public_url_parameter_gives_a_visitor_a_session(client):
    """`?toolbar_on` and friends set no cookie for someone not signed in."""
    for query in ("toolbar_on", "toolbar_off", "toolbar_on&persist=1"):
        response = client.get(f"/?{query}")
        assert response.status_code == 200
        assert not response.cookies, query


def test_no_cookie_outlives_the_browser_session(client, admin_user):
    """The sign-in page's CSRF cookie and a staff session cookie end with the browser session."""
    response = client.get("/admin/login/")
    assert "csrftoken" in response.cookies
    assert not response.cookies["csrftoken"]["max-age"] and not response.cookies["csrftoken"]["expires"]
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert "sessionid" in response.cookies
    assert not response.cookies["sessionid"]["max-age"] and not response.cookies["sessionid"]["expires"]


@pytest.mark.django_db
def test_vary_has_no_empty_member(client):
    """django CMS's `Vary: , Accept-Language, Cookie` is tidied, rendered and cached alike."""
    for _ in range(2):  # rendered, then from the page cache
        members = client.get("/get-help-now/")["Vary"].split(",")
        assert all(member.strip() for member in members), members
