from django.core.management.base import BaseCommand

from content.models import CLINICAL_KINDS
from editorial.review import OVERDUE, crisis_lines_to_verify, published_page_checks


class Command(BaseCommand):
    help = (
        "Print kind, reading grade, wording warnings and review status of every published page. "
        "With --check, exit 1 when a published clinical page is overdue for review or has a wording warning."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="exit non-zero when something needs attention")

    def handle(self, *args, check=False, **options):
        checks = published_page_checks()
        problems = []
        self.stdout.write(f"{'page':50} {'kind':14} {'grade':>5} {'warn':>4}  review")
        for page in checks:
            grade = "-" if page.reading.grade is None else f"{page.reading.grade:.1f}"
            self.stdout.write(f"{page.url:50} {page.kind:14} {grade:>5} {len(page.warnings):>4}  {page.status}")
            for warning in page.warnings:
                self.stdout.write(f"    “{warning.phrase}” → {warning.suggestion}: {warning.sentence}")
            if page.kind in CLINICAL_KINDS and (page.status == OVERDUE or page.warnings):
                problems.append(page.url)
        for line in crisis_lines_to_verify():
            self.stdout.write(f"crisis line to verify: {line} (last verified {line.verified_on})")
        if problems:
            self.stdout.write(
                self.style.WARNING(f"{len(problems)} clinical page(s) need attention: {', '.join(problems)}")
            )
        if check and problems:
            raise SystemExit(1)
