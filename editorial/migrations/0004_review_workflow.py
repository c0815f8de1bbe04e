"""The review hand-off (ReviewRequest), and publication log rows that carry a note
and say whether the content loader wrote them at install (existing rows by the
loader's account are marked so)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

LOADER_USERNAME = "site-content-loader"  # content.site_content.LOADER_USERNAME


def mark_install_rows(apps, schema_editor):
    PublicationLogEntry = apps.get_model("editorial", "PublicationLogEntry")
    PublicationLogEntry.objects.filter(username=LOADER_USERNAME).update(at_install=True)


class Migration(migrations.Migration):
    dependencies = [
        ("djangocms_versioning", "0018_fix_typo"),
        ("editorial", "0003_staff_profile"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="publicationlogentry",
            name="at_install",
            field=models.BooleanField(default=False, verbose_name="written at install"),
        ),
        migrations.AddField(
            model_name="publicationlogentry",
            name="note",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="publicationlogentry",
            name="page_id",
            field=models.PositiveIntegerField(db_index=True, null=True),
        ),
        migrations.CreateModel(
            name="ReviewRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("page_id", models.PositiveIntegerField(db_index=True)),
                ("page_title", models.CharField(max_length=255)),
                ("note", models.TextField(blank=True, verbose_name="note for the reviewer")),
                ("submitted_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("waiting", "Waiting for review"),
                            ("sent_back", "Sent back"),
                            ("published", "Published"),
                            ("replaced", "Replaced by a newer draft"),
                        ],
                        db_index=True,
                        default="waiting",
                        max_length=20,
                    ),
                ),
                ("reviewer_comment", models.TextField(blank=True)),
                ("answered_at", models.DateTimeField(blank=True, null=True)),
                (
                    "answered_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="review_requests",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="djangocms_versioning.version"
                    ),
                ),
            ],
            options={
                "verbose_name": "review request",
                "verbose_name_plural": "waiting for review",
                "ordering": ["submitted_at", "pk"],
            },
        ),
        migrations.RunPython(mark_install_rows, migrations.RunPython.noop),
    ]
