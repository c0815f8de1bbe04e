"""A page's kind now comes from its template, which is part of each page version, so
an editor's draft can no longer change a live page's kind. The one setting PageKind
held that a template does not say, the kind of pages an index lists, moves to
PageDetails (versioned); PageKind itself goes in content 0005."""

from django.db import migrations, models


def copy_lists_kind(apps, schema_editor):
    PageKind = apps.get_model("content", "PageKind")
    PageDetails = apps.get_model("content", "PageDetails")
    PageContent = apps.get_model("cms", "PageContent")
    for page_kind in PageKind.objects.exclude(lists_kind=""):
        # Every version and language of the page: drafts and history included.
        for content in PageContent.objects.filter(page_id=page_kind.extended_object_id):
            PageDetails.objects.update_or_create(
                extended_object=content, defaults={"lists_kind": page_kind.lists_kind}
            )


def copy_lists_kind_back(apps, schema_editor):
    PageKind = apps.get_model("content", "PageKind")
    PageDetails = apps.get_model("content", "PageDetails")
    for details in PageDetails.objects.exclude(lists_kind="").select_related("extended_object"):
        PageKind.objects.update_or_create(
            extended_object_id=details.extended_object.page_id, defaults={"lists_kind": details.lists_kind}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0045_pageurl_site_unique_path"),
        ("content", "0003_move_models_to_their_apps"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagedetails",
            name="lists_kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("condition", "Condition"),
                    ("level_of_care", "Level of care"),
                    ("therapy", "Therapy"),
                    ("faq", "FAQ"),
                    ("general", "General"),
                ],
                help_text="Index pages only: the published pages of this kind are listed on it.",
                max_length=20,
                verbose_name="lists pages of kind",
            ),
        ),
        migrations.RunPython(copy_lists_kind, copy_lists_kind_back),
    ]
