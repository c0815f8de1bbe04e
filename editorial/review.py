"""What is due for review: clinical pages by review date, writing checks per page,
and local crisis lines that need checking. Used by the admin's "Content review",
the toolbar and `manage.py content_report`."""

import datetime
from dataclasses import dataclass, field

from cms.models import PageContent
from django.utils import timezone

from content.models import CLINICAL_KINDS, Kind, PageDetails
from content.page_facts import query_facts
from content.page_text import body_text
from content.selectors import published_contents
from content.translations import TRANSLATED_LANGUAGES, translation_is_out_of_date
from safety.models import LocalCrisisLine

from .writing import TARGET_GRADE, ReadingReport, reading_report, wording_warnings

DUE_SOON = datetime.timedelta(days=30)
CRISIS_LINE_CHECK_EVERY = datetime.timedelta(days=183)  # about six months

OVERDUE, DUE_SOON_STATUS, NEVER_REVIEWED, CURRENT, NOT_CLINICAL = (
    "overdue",
    "due soon",
    "never reviewed",
    "current",
    "not clinical",
)
# The order of the content review list: most urgent first.
STATUS_ORDER = [OVERDUE, DUE_SOON_STATUS, NEVER_REVIEWED, CURRENT, NOT_CLINICAL]


@dataclass
class PageCheck:
    content: PageContent
    kind: str
    details: PageDetails | None
    status: str
    reading: ReadingReport
    warnings: list = field(default_factory=list)

    @property
    def title(self):
        return self.content.title

    @property
    def kind_label(self):
        return Kind(self.kind).label

    @property
    def url(self):
        return self.content.page.get_absolute_url(self.content.language)

    @property
    def next_review_due(self):
        return self.details.next_review_due if self.details else None


def review_status(kind, details, today=None):
    if kind not in CLINICAL_KINDS:
        return NOT_CLINICAL
    today = today or timezone.localdate()
    if not details or not details.is_reviewed:
        return NEVER_REVIEWED
    due = details.next_review_due
    if due and due < today:
        return OVERDUE
    if due and due <= today + DUE_SOON:
        return DUE_SOON_STATUS
    return CURRENT


def check_page(content, today=None):
    """Kind, review status, reading grade and wording warnings of one page version."""
    facts = query_facts(content)
    text = body_text(content)
    return PageCheck(
        content=content,
        kind=facts.kind,
        details=facts.details,
        status=review_status(facts.kind, facts.details, today),
        reading=reading_report(text, language=content.language),
        warnings=wording_warnings(text, content.language),
    )


def writing_checks_label(check):
    """One line for the toolbar: "Reading grade 5.2 · 1 wording warning" (the menu's
    label, and what the live writing feedback sets it to after each save)."""
    label = check.reading.score
    if check.reading.above_target:
        label += f" (above {TARGET_GRADE})" if check.reading.language == "en" else f" (target: {check.reading.target})"
    if check.warnings:
        label += f" · {len(check.warnings)} wording warning{'s' if len(check.warnings) != 1 else ''}"
    return label


def published_page_checks(language="en", today=None):
    """Checks of every published page, most urgent review first, then in tree order."""
    checks = [check_page(content, today) for content in published_contents(language)]
    return sorted(
        checks,
        key=lambda check: (
            STATUS_ORDER.index(check.status),
            check.next_review_due or datetime.date.max,
            check.content.page.path,
        ),
    )


def crisis_lines_to_verify(today=None):
    """Local crisis lines nobody has checked for about six months."""
    today = today or timezone.localdate()
    return list(LocalCrisisLine.objects.filter(verified_on__lt=today - CRISIS_LINE_CHECK_EVERY))


def translation_checks(today=None):
    """Every published page in each language but English, with its checks and whether
    the English page was published again since it was translated."""
    rows = []
    for language in TRANSLATED_LANGUAGES:
        for check in published_page_checks(language, today):
            rows.append((check, translation_is_out_of_date(check.details) if check.details else False))
    return rows
