# The model moved here from `content` (content 0003): state only, the tables stay.

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cms", "0045_pageurl_site_unique_path"),
        ("content", "0003_move_models_to_their_apps"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchDocument",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("language", models.CharField(db_index=True, max_length=15)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("condition", "Condition"),
                                    ("level_of_care", "Level of care"),
                                    ("therapy", "Therapy"),
                                    ("faq", "FAQ"),
                                    ("general", "General"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("title", models.CharField(max_length=300)),
                        (
                            "page_title",
                            models.CharField(
                                blank=True, help_text="For an FAQ answer: the page it is on.", max_length=255
                            ),
                        ),
                        ("summary", models.TextField(blank=True)),
                        ("body", models.TextField(blank=True)),
                        ("url", models.CharField(max_length=500)),
                        ("is_faq_answer", models.BooleanField(default=False)),
                        ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="cms.page"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "content_searchdocument",
                        "indexes": [models.Index(fields=["language", "kind"], name="content_sea_languag_cdb980_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
