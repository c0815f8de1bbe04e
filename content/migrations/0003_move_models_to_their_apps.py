"""Models that are not clinical pages move to apps of their own (safety, editorial,
search). Only Django's record of where they live changes: their tables and rows stay
as they are, and the new apps' first migrations take the same tables over. Their
content types are renamed, so permissions given to staff and admin history follow."""

from django.db import migrations

MOVED = {
    "clinicsettings": "safety",
    "localcrisisline": "safety",
    "publicationlogentry": "editorial",
    "contentreview": "editorial",
    "searchdocument": "search",
}


def rename_content_types(apps, schema_editor, backwards=False):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, new_app in MOVED.items():
        old, new = ("content", new_app) if not backwards else (new_app, "content")
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def rename_content_types_back(apps, schema_editor):
    rename_content_types(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_search_vector"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ClinicSettings"),
                migrations.DeleteModel(name="LocalCrisisLine"),
                migrations.DeleteModel(name="PublicationLogEntry"),
                migrations.DeleteModel(name="ContentReview"),
                migrations.DeleteModel(name="SearchDocument"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_types, rename_content_types_back),
    ]
