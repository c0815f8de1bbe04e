"""A phone number is typed once: the call link is made from the number as people read
it (safety.phone), and the `phone_href` columns of clinic settings and local crisis
lines go.

Before they go, each row's number is settled against its old link, so no visitor's
call link changes without an administrator being told:

1. The number gives the old link (the usual case): nothing changes.
2. The old link is the same number with more of it, e.g. "555-0199" shown and
   `+15555550199` dialled: the number becomes the full one ("(555) 555-0199"), so the
   link still dials what it dialled, now with the area code people need on a mobile.
3. The number gives no link at all (letters such as "1-800-GET-HELP", no digits) but
   there was a link: the number becomes the old link written out for reading, so the
   line keeps a working call link.
4. The number gives a different, complete link: the number is kept. It is what staff
   see in the admin's lists and what visitors read and dial by hand, and the likelier
   one to have been updated, the link being a second, jargon-labelled field.
5. A clinic phone left blank with a link filled in: it stays blank (nothing was shown).

In cases 2 to 5 `migrate` prints one line a row with the old number and the old
link (nothing is dropped unseen); check those lines in the admin. Going back fills
`phone_href` from the number.

The rule is copied here, not imported, so this migration does the same thing however
safety.phone changes later.
"""

import re
import sys

from django.db import migrations, models

import safety.phone

TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")


def dial_string(number):
    """safety.phone.dial_string as of this migration; None when there is nothing to dial."""
    number = (number or "").strip()
    digits = re.sub(r"\D", "", number)
    if not digits or not re.match(r"^\+?[\d\s\-\u2010-\u2015.()/]+$", number) or not 3 <= len(digits) <= 15:
        return None
    if number.startswith("+"):
        return "+" + digits
    if len(digits) == 10:
        return "+1" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    return digits


def readable(href):
    """An old link written as people read it: "+18006624357" -> "1-800-662-4357"."""
    if len(href) == 12 and href.startswith("+1"):
        area, exchange, line = href[2:5], href[5:8], href[8:]
        return f"1-{area}-{exchange}-{line}" if area in TOLL_FREE else f"({area}) {exchange}-{line}"
    return href


def settle(number, old_href):
    """(the number to keep, a note for the administrator or None)."""
    old_href = (old_href or "").strip()
    link = dial_string(number)
    if not old_href or link == old_href:
        return number, None if link or not number.strip() else f"number {number!r} gives no call link; correct it"
    if not number.strip():
        return number, f"no number is shown, so its call link {old_href!r} is dropped"
    old_digits, new_digits = old_href.lstrip("+"), (link or "").lstrip("+")
    if link is None or (len(old_digits) > len(new_digits) >= 7 and old_digits.endswith(new_digits)):
        new_number = readable(old_href)
        return new_number, f"number {number!r} called {old_href!r}; the number is now {new_number!r}"
    return number, f"number {number!r} called {old_href!r}; it now calls {link!r}"


def settle_numbers(apps, schema_editor):
    for model_name, field, label in (
        ("ClinicSettings", "phone", "Clinic settings"),
        ("LocalCrisisLine", "number", "Local crisis line"),
    ):
        for row in apps.get_model("safety", model_name).objects.using(schema_editor.connection.alias).order_by("pk"):
            number, note = settle(getattr(row, field), row.phone_href)
            if note:
                sys.stdout.write(f"\n  safety 0002: {label} {row.pk} ({row.name}): {note}.")
            if number != getattr(row, field):
                setattr(row, field, number)
                row.save(update_fields=[field])


def fill_links(apps, schema_editor):
    for model_name, field in (("ClinicSettings", "phone"), ("LocalCrisisLine", "number")):
        for row in apps.get_model("safety", model_name).objects.using(schema_editor.connection.alias):
            row.phone_href = dial_string(getattr(row, field)) or ""
            row.save(update_fields=["phone_href"])


NUMBER_HELP = "As people should read it, e.g. 1-800-662-4357 or (555) 555-0100. The call link is made from it."


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(settle_numbers, fill_links),
        migrations.RemoveField(model_name="clinicsettings", name="phone_href"),
        migrations.RemoveField(model_name="localcrisisline", name="phone_href"),
        migrations.AlterField(
            model_name="clinicsettings",
            name="phone",
            field=models.CharField(
                blank=True, help_text=NUMBER_HELP, max_length=40, validators=[safety.phone.validate_phone_number]
            ),
        ),
        migrations.AlterField(
            model_name="localcrisisline",
            name="number",
            field=models.CharField(help_text=NUMBER_HELP, max_length=40, validators=[safety.phone.validate_phone_number]),
        ),
    ]
