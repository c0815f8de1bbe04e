from django.core.management.base import BaseCommand

from content.site_content import load_site_content


class Command(BaseCommand):
    help = (
        "Create and publish the site's pages from fixtures/pages/*.yaml; existing pages are left as editors left them."
    )

    def handle(self, *args, **options):
        report = load_site_content(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} pages created, {len(report.kept)} already there and left as they are."
            )
        )
