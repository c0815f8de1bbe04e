"""`manage.py add_staff` (editorial/management/commands/add_staff.py): staff accounts in
one role, never superusers, with their name and credentials (`make staff`)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR

pytestmark = pytest.mark.django_db

PASSWORD = "plain-kind-accurate-41"


def add_staff(username, role, password=PASSWORD, **options):
    out = io.StringIO()
    call_command(
        "add_staff",
        username,
        role=role,
        password_from_stdin=True,
        stdin=io.StringIO(password + "\n"),
        stdout=out,
        **options,
    )
    return out.getvalue()


@pytest.mark.parametrize(
    "role, group", [("editor", EDITOR), ("reviewer", CLINICAL_REVIEWER), ("administrator", SITE_ADMINISTRATOR)]
)
def test_creates_a_staff_account_in_exactly_that_role_not_a_superuser(role, group):
    """The account is active staff, not a superuser, in exactly the chosen role, with its profile, and can sign in."""
    output = add_staff(
        "dana", role, email="dana@example.org", full_name="Dana Ortiz", credentials="MD, board-certified"
    )
    user = get_user_model().objects.get(username="dana")
    assert user.is_active and user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert not user.user_permissions.exists()
    assert (user.email, user.staff_profile.full_name, user.staff_profile.credentials) == (
        "dana@example.org",
        "Dana Ortiz",
        "MD, board-certified",
    )
    assert user.check_password(PASSWORD)
    assert group in output and "not a superuser" in output


def test_an_editor_made_this_way_cannot_publish():
    """The point of it: an editor added with `make staff ROLE=editor` has no publish right."""
    add_staff("dana", "editor")
    user = get_user_model().objects.get(username="dana")
    assert not user.has_perm("cms.publish_page")
    assert not user.has_perm("content.record_medical_review")


def test_refuses_an_existing_username_whatever_its_case():
    """A second account with a taken username (in any case) is refused with a clear error, and nothing changes."""
    add_staff("dana", "editor")
    for username in ("dana", "Dana"):
        with pytest.raises(CommandError, match="already exists"):
            add_staff(username, "administrator")
    user = get_user_model().objects.get(username="dana")
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]
    assert get_user_model().objects.filter(username__iexact="dana").count() == 1


@pytest.mark.parametrize(
    "password, reason",
    [
        ("short-1", "too short"),
        ("123456789012345", "entirely numeric"),
        ("q1w2e3r4t5y6", "too common"),
        ("dana-ortiz-staff", "too similar"),
        ("", "empty"),
    ],
)
def test_refuses_weak_passwords(password, reason):
    """Django's password validators apply: a weak password creates no account and says why."""
    with pytest.raises(CommandError, match=reason):
        add_staff("dana-ortiz-staff", "editor", password=password)
    assert not get_user_model().objects.filter(username="dana-ortiz-staff").exists()


def test_asks_for_the_password_twice_until_both_match(monkeypatch):
    """At a terminal it asks twice; differing answers are asked again, not saved."""
    answers = iter(["first-try-password-1", "typo-try-password-1", PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    terminal = io.StringIO()
    terminal.isatty = lambda: True
    errors = io.StringIO()
    call_command("add_staff", "lee", role="reviewer", stdin=terminal, stdout=io.StringIO(), stderr=errors)
    assert "differ" in errors.getvalue()
    assert get_user_model().objects.get(username="lee").check_password(PASSWORD)


def test_without_a_terminal_it_asks_for_stdin_instead_of_hanging():
    """No terminal and no --password-from-stdin: a clear error, no account."""
    with pytest.raises(CommandError, match="--password-from-stdin"):
        call_command("add_staff", "lee", role="reviewer", stdin=io.StringIO(""), stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="lee").exists()


def test_role_must_be_one_of_the_three():
    """An unknown role is refused before anything is asked."""
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("add_staff", "lee", "--role", "superuser", "--password-from-stdin")
