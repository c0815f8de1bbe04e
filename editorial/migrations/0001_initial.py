# The models moved here from `content` (content 0003): state only, the tables stay.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("content", "0003_move_models_to_their_apps"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublicationLogEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("page_id", models.PositiveIntegerField(null=True)),
                        ("page_title", models.CharField(max_length=255)),
                        ("language", models.CharField(max_length=15)),
                        ("version_number", models.PositiveIntegerField(null=True)),
                        ("action", models.CharField(max_length=40)),
                        ("username", models.CharField(blank=True, max_length=150)),
                        ("created_at", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                    ],
                    options={
                        "verbose_name": "publication log entry",
                        "verbose_name_plural": "publication log",
                        "db_table": "content_publicationlogentry",
                        "ordering": ["-created_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="ContentReview",
                    fields=[],
                    options={
                        "verbose_name": "content review",
                        "verbose_name_plural": "content review",
                        "proxy": True,
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=("content.pagekind",),
                ),
            ],
            database_operations=[],
        ),
    ]
