"""Readers' answers as staff read them in the content review: per page and language,
how many said yes and no, and the comments, newest first. Two queries whatever the
number of pages: one count, one list of recent comments."""

from dataclasses import dataclass, field

from cms.models import PageContent
from django.db.models import Count, Max, OuterRef, Q, Subquery

from .models import PageFeedback

# The content review lists this many of the newest comments (all of them are in the
# admin's "Readers' answers").
RECENT_COMMENTS = 200


@dataclass
class PageAnswers:
    page_id: int
    language: str
    title: str
    path: str
    yes: int
    no: int
    last_day: object
    comments: list = field(default_factory=list)  # PageFeedback rows, newest first


def answers_by_page(recent_comments=RECENT_COMMENTS):
    """[PageAnswers], the page answered most recently first."""
    # The published title in that language (a page unpublished since shows its path).
    title = PageContent.objects.filter(page=OuterRef("page_id"), language=OuterRef("language")).values("title")[:1]
    counts = (
        PageFeedback.objects.order_by()
        .values("page_id", "language")
        .annotate(
            yes=Count("id", filter=Q(helpful=True)),
            no=Count("id", filter=Q(helpful=False)),
            last_day=Max("day"),
            path=Max("path"),
            title=Subquery(title),
        )
        .order_by("-last_day", "page_id", "language")
    )
    pages = {
        (row["page_id"], row["language"]): PageAnswers(
            page_id=row["page_id"],
            language=row["language"],
            title=row["title"] or row["path"],
            path=row["path"],
            yes=row["yes"],
            no=row["no"],
            last_day=row["last_day"],
        )
        for row in counts
    }
    for answer in PageFeedback.objects.exclude(comment="").order_by("-day", "-id")[:recent_comments]:
        found = pages.get((answer.page_id, answer.language))
        if found is not None:
            found.comments.append(answer)
    return list(pages.values())
