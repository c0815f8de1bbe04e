"""The sign-in lockout locks the address a request really came from
(plumbing.client_address): behind a proxy the one the proxy saw, else the connection's."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"


def sign_in(client, username, password, forwarded_for):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        HTTP_X_FORWARDED_FOR=forwarded_for,
        REMOTE_ADDR="127.0.0.1",  # the proxy
    )


@pytest.fixture
def staff_member():
    return get_user_model().objects.create_user("dana", password=PASSWORD, is_staff=True, is_superuser=True)


def test_behind_a_proxy_failures_from_one_client_do_not_lock_out_another(client, settings, staff_member):
    """Five failures from one address lock that address only; staff elsewhere sign in."""
    settings.PROXY_COUNT = 1
    for attempt in range(5):
        sign_in(client, f"guess-{attempt}", "wrong-password-123", "6.6.6.6")
    locked = sign_in(client, "guess-9", "wrong-password-123", "6.6.6.6")
    assert locked.status_code == 429
    assert locked["Retry-After"] == "3600"  # the lockout lasts an hour
    response = sign_in(client, "dana", PASSWORD, "7.7.7.7")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_behind_a_proxy_a_forged_address_on_the_left_does_not_dodge_the_lock(client, settings):
    """The client may write its own X-Forwarded-For; only the proxy's last entry counts."""
    settings.PROXY_COUNT = 1
    for attempt in range(5):
        sign_in(client, f"guess-{attempt}", "wrong-password-123", f"10.0.0.{attempt}, 6.6.6.6")
    assert sign_in(client, "guess-9", "wrong-password-123", "10.9.9.9, 6.6.6.6").status_code == 429


def test_without_a_proxy_the_header_is_ignored(client, settings):
    """With no proxy configured, a visitor's X-Forwarded-For changes nothing."""
    settings.PROXY_COUNT = 0
    for attempt in range(5):
        sign_in(client, f"guess-{attempt}", "wrong-password-123", f"10.0.0.{attempt}")
    assert sign_in(client, "guess-9", "wrong-password-123", "10.9.9.9").status_code == 429
