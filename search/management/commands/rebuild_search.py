from django.conf import settings
from django.core.management.base import BaseCommand

from search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site search index from the published pages, in every language of the site."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Rebuild only this language (may be given more than once).",
        )

    def handle(self, *args, **options):
        count = rebuild_index(options["language"])
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
