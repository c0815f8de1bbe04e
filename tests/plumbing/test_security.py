"""Staff sign-in, production settings and bad input."""

import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from devtools.servers import PYTHON, ROOT, manage, run_manage, site_env

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x7!" + "k" * 20 + "Zq9#" + "m" * 30 + "-production-like-key",
    "DJANGO_DEBUG": "0",
    "DJANGO_HTTPS": "1",
    "DJANGO_ALLOWED_HOSTS": "clinic.example.org",
    "DJANGO_SITE_DOMAIN": "clinic.example.org",
}


def production_manage(*args, tmp_path):
    env = site_env(DJANGO_ENV_FILE=str(tmp_path / "none.env"), **PRODUCTION_ENV)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' Playwright, never in production
    return run_manage(*args, env=env)


def test_production_settings_pass_the_deploy_check(tmp_path):
    """`check --deploy` with production-like variables reports no warning at all."""
    result = production_manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_staff_sessions_expire(tmp_path):
    """Secure, HttpOnly, SameSite cookies, and sessions that end after inactivity."""
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.SESSION_SAVE_EVERY_REQUEST, s.SESSION_COOKIE_AGE <= 8 * 3600)"
    )
    result = production_manage("shell", "-c", code, tmp_path=tmp_path)
    assert result.stdout.split()[-6:] == ["True", "True", "True", "Lax", "True", "True"], result.stderr


def test_production_refuses_to_start_without_secret_key(tmp_path):
    """Settings raise instead of running with a missing or guessable key."""
    env = site_env(DJANGO_ENV_FILE=str(tmp_path / "none.env"))
    env.pop("DJANGO_SECRET_KEY")
    result = subprocess.run(
        [PYTHON, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "treatment_site.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_weak_passwords_are_refused():
    """Short, common or all-digit passwords are rejected for staff."""
    for weak in ("password", "123456789012", "clinic", "qwertyuiop"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a calm river of tapering steps")


def login(client, username, password, address="203.0.113.5"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_account_locks_after_repeated_failures_and_can_be_unlocked(client):
    """Five wrong passwords lock the account with a clear message, even for the right
    password; the unlock command lets the person in again."""
    get_user_model().objects.create_user("nurse", password="the right long password 1", is_staff=True)
    statuses = [login(client, "nurse", "wrong password").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    response = login(client, "nurse", "the right long password 1", address="198.51.100.7")
    assert response.status_code == 429
    assert "Sign-in is locked" in response.content.decode()

    call_command("axes_reset_username", "nurse")
    response = login(client, "nurse", "the right long password 1", address="198.51.100.7")
    assert response.status_code == 302


@pytest.mark.django_db
def test_address_locks_after_failures_across_accounts(client):
    """Guessing many accounts from one address locks that address."""
    get_user_model().objects.create_user("doctor", password="another long password 2", is_staff=True)
    for name in ("a", "b", "c", "d", "e"):
        login(client, name, "guess", address="192.0.2.9")
    assert login(client, "doctor", "another long password 2", address="192.0.2.9").status_code == 429
    assert login(client, "doctor", "another long password 2", address="192.0.2.10").status_code == 302


def test_two_factor_setting_puts_a_code_field_on_the_staff_login(tmp_path):
    """With DJANGO_STAFF_2FA=1 the admin asks for a TOTP code as well."""
    code = (
        "from django.test import Client;"
        "print('otp_token' in Client().get('/admin/login/', HTTP_HOST='127.0.0.1').content.decode())"
    )
    env = site_env(
        DJANGO_ENV_FILE=str(tmp_path / "none.env"),
        DJANGO_STAFF_2FA="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    manage("migrate", "-v0", env=env)
    on = run_manage("shell", "-c", code, env=env)
    off = run_manage("shell", "-c", code, env={**env, "DJANGO_STAFF_2FA": "0"})
    assert on.stdout.split()[-1] == "True", on.stderr
    assert off.stdout.split()[-1] == "False", off.stderr


PUBLIC_PATHS = [
    "/",
    "/conditions/",
    "/conditions/benzodiazepine-use-disorder/",
    "/levels-of-care/",
    "/faq/for-patients/",
    "/search/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/get-help-now/",
]


@pytest.mark.django_db
@hypothesis_settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(PUBLIC_PATHS),
    suffix=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60),
    params=st.dictionaries(st.text(max_size=20), st.text(max_size=200), max_size=4),
)
def test_any_path_and_query_never_gives_a_server_error(client, path, suffix, params):
    """Any extra path, any query parameters: a 2xx, 3xx or 4xx, never a 500."""
    response = client.get(path + suffix.replace("\x00", ""), params)
    assert response.status_code < 500


@pytest.mark.django_db
def test_unknown_host_is_refused_with_400(client):
    """A request for a host this site is not is a 400, not a page."""
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/search/", "/", "/admin/login/"])
def test_oversized_request_is_refused_cleanly(path):
    """A huge form post gets a 4xx, not a crash."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(path, {"q": "x" * (3 * 1024 * 1024)})
    assert 400 <= response.status_code < 500
