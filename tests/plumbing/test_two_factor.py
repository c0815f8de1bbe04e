"""With two-factor sign-in on, a password alone opens nothing (plumbing.middleware.TwoFactorRequiredMiddleware)."""

import pytest
from django.urls import get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
STAFF_APPS = ("cms", "djangocms_versioning", "content", "editorial", "safety", "auth")


@pytest.fixture
def two_factor(settings):
    settings.STAFF_TWO_FACTOR = True


def staff_url_names():
    """Every admin URL of the staff apps that takes no argument or one object id."""
    names = []

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace == "admin" and (pattern.name or "").startswith(STAFF_APPS):
                if pattern.pattern.regex.groups <= 1:
                    names.append((pattern.name, pattern.pattern.regex.groups))

    walk(get_resolver().url_patterns)
    return sorted(set(names))


def test_the_toolbar_sign_in_is_refused(client, two_factor, admin_user):
    """django CMS's toolbar sign-in asks for no code: it signs no one in."""
    response = client.post("/cms_login/", {"username": admin_user.username, "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_password_only_session_is_anonymous_everywhere(client, two_factor, admin_user):
    """No admin page, toolbar, wizard or draft opens for a session without the code."""
    client.force_login(admin_user)  # as if a password-only sign-in had happened
    assert "cms-toolbar" not in client.get("/?toolbar_on").content.decode()
    assert client.get("/admin/").status_code == 302
    assert client.get("/cms_wizard/create/").status_code in (302, 403)
    names = staff_url_names()
    assert len(names) > 40, names
    for name, arity in names:
        url = reverse(f"admin:{name}", args=[1][:arity])
        response = client.get(url)
        if response.status_code == 200:  # only django CMS's settings store answers, and with nothing
            assert response.content == b'""', name
            continue
        assert response.status_code in (302, 403, 404), (name, response.status_code)
        if response.status_code == 302:
            assert "/login/" in response["Location"], (name, response["Location"])


def test_a_session_that_passed_the_code_works(client, two_factor, admin_user):
    """Signed in with the code, the same person gets the admin and the toolbar."""
    device = TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    client.force_login(admin_user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/admin/").status_code == 200
    assert "cms-toolbar" in client.get("/?toolbar_on").content.decode()
