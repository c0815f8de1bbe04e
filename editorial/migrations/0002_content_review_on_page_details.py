"""The content review's admin entry point is a proxy of PageDetails now that PageKind
goes (content 0004, 0005). A proxy has no table; its content type and permission
keep their rows."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_kind_from_template"),
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="ContentReview"),
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
            bases=("content.pagedetails",),
        ),
    ]
