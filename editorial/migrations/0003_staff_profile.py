"""Staff profiles: the name and credentials shown on pages for a staff account
(`manage.py add_staff`, or the user's admin page). A new table; nothing moves."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_content_review_on_page_details"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StaffProfile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "full_name",
                    models.CharField(blank=True, help_text='As shown on pages, e.g. "Dana Ortiz".', max_length=150),
                ),
                (
                    "credentials",
                    models.CharField(
                        blank=True, help_text='e.g. "MD, board-certified in addiction medicine".', max_length=255
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="staff_profile",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "staff profile",
                "verbose_name_plural": "staff profiles",
            },
        ),
    ]
