# The models moved here from `content` (content 0003): state only, the tables stay.

import django.core.validators
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
                    name="ClinicSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(default="Our clinic", max_length=150)),
                        ("phone", models.CharField(blank=True, help_text="As people should read it.", max_length=40)),
                        (
                            "phone_href",
                            models.CharField(
                                blank=True,
                                help_text="For the call link, e.g. +15555550100.",
                                max_length=40,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^\\+?[0-9]{3,15}$", "Digits only, optionally starting with +."
                                    )
                                ],
                            ),
                        ),
                        ("email", models.EmailField(blank=True, max_length=254)),
                        ("address", models.TextField(blank=True)),
                        ("hours", models.TextField(blank=True, verbose_name="opening hours")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "clinic settings",
                        "verbose_name_plural": "clinic settings",
                        "db_table": "content_clinicsettings",
                    },
                ),
                migrations.CreateModel(
                    name="LocalCrisisLine",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=120)),
                        ("description", models.CharField(blank=True, max_length=200)),
                        ("number", models.CharField(help_text="As people should read it.", max_length=40)),
                        (
                            "phone_href",
                            models.CharField(
                                help_text="Digits for the call link, e.g. +15555550100.",
                                max_length=40,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^\\+?[0-9]{3,15}$", "Digits only, optionally starting with +."
                                    )
                                ],
                            ),
                        ),
                        ("accepts_texts", models.BooleanField(default=False)),
                        ("verified_on", models.DateField(help_text="When someone last called or checked this line.")),
                        ("order", models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "content_localcrisisline",
                        "ordering": ["order", "name"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
