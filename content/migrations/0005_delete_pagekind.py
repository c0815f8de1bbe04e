"""PageKind is gone: kinds come from templates, index listings from PageDetails
(content 0004)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_kind_from_template"),
        ("editorial", "0002_content_review_on_page_details"),
    ]

    operations = [
        migrations.DeleteModel(name="PageKind"),
    ]
