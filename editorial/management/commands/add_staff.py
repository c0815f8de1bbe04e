"""`manage.py add_staff USERNAME --role editor|reviewer|administrator`: a staff account
in exactly one staff role (editorial.roles), never a superuser, with its name and
credentials as pages show them. `make staff` runs it."""

import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from editorial.models import StaffProfile
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR

ROLES = {"editor": EDITOR, "reviewer": CLINICAL_REVIEWER, "administrator": SITE_ADMINISTRATOR}
PASSWORD_TRIES = 3


class Command(BaseCommand):
    help = (
        "Create an active staff account (not a superuser) in one staff role: editor, reviewer "
        "(Clinical reviewer) or administrator (Site administrator). Asks for the password twice."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=ROLES, help="editor, reviewer or administrator")
        parser.add_argument("--email", default="")
        parser.add_argument("--full-name", default="", help='as shown on pages, e.g. "Dana Ortiz"')
        parser.add_argument("--credentials", default="", help='e.g. "MD, board-certified in addiction medicine"')
        parser.add_argument(
            "--password-from-stdin",
            action="store_true",
            help="read the password from the first line of standard input (for scripts), without asking",
        )

    def handle(self, username, role, email, full_name, credentials, password_from_stdin, **options):
        User = get_user_model()
        stdin = options.get("stdin") or sys.stdin
        username = username.strip()
        try:
            User.username_validator(username)
            if not 0 < len(username) <= 150:
                raise ValidationError("A username has 1 to 150 characters.")
            if email:
                validate_email(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        existing = User.objects.filter(username__iexact=username).first()
        if existing is not None:
            raise CommandError(
                f"A staff account named {existing.get_username()!r} already exists; choose another username, "
                "or change that account in the admin (Staff accounts and roles → Staff accounts)."
            )
        group = Group.objects.filter(name=ROLES[role]).first()
        if group is None:
            raise CommandError(f"The {ROLES[role]!r} role is missing: run `manage.py migrate` first.")

        user = User(username=username, email=email, is_staff=True, is_active=True)
        user.set_password(self.read_password(user, stdin, password_from_stdin))
        with transaction.atomic():
            user.save()
            user.groups.set([group])
            StaffProfile.objects.create(user=user, full_name=full_name.strip(), credentials=credentials.strip())
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {username!r} with the {group.name} role (staff, not a superuser). They sign in at /admin/."
            )
        )

    def read_password(self, user, stdin, from_stdin):
        """A password Django's validators accept, typed twice (or one line of stdin)."""
        if from_stdin:
            password = stdin.readline().rstrip("\r\n")
            self.validate(password, user)
            return password
        if not (hasattr(stdin, "isatty") and stdin.isatty()):
            raise CommandError("No terminal to ask for the password on: use --password-from-stdin.")
        for _ in range(PASSWORD_TRIES):
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ. Try again.")
                continue
            try:
                self.validate(password, user)
            except CommandError as error:
                self.stderr.write(str(error))
                continue
            return password
        raise CommandError("No account created: no acceptable password was given.")

    def validate(self, password, user):
        if not password:
            raise CommandError("The password is empty.")
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError("This password is not accepted: " + " ".join(error.messages)) from None
