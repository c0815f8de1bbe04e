"""The reads of published pages that views, template tags, the sitemap, search and the
content review share.

With djangocms-versioning installed, `PageContent.objects` holds published content
only (drafts are reached through `PageContent.admin_manager`), so every read here is
of what visitors see.
"""

from dataclasses import dataclass

from cms.models import PageContent
from djangocms_versioning.models import Version

from .models import PageDetails, templates_of_kind


def published_contents(language):
    """Every published page in `language`, in page-tree order."""
    return PageContent.objects.filter(language=language).select_related("page").order_by("page__path")


def published_contents_of_kind(kind, language):
    """Published pages of one kind in `language`, in page-tree order, with their details."""
    return (
        published_contents(language)
        .filter(template__in=templates_of_kind(kind))
        .select_related("pagedetails")
        .prefetch_related("page__urls")
    )


def published_content(page, language):
    """The published content of one page (a Page or its pk), or None."""
    return PageContent.objects.filter(page=page, language=language).first()


@dataclass(frozen=True)
class ListedPage:
    title: str
    url: str
    content: PageContent
    details: PageDetails | None


def page_listing(kind, language):
    """Published pages of one kind as an index lists them: each with its URL (pages
    under an unpublished parent have none and are left out) and its details."""
    listing = []
    for content in published_contents_of_kind(kind, language):
        url = content.page.get_absolute_url(language)
        if url:
            listing.append(ListedPage(content.title, url, content, getattr(content, "pagedetails", None)))
    return listing


def published_version(page_id, language):
    """The djangocms-versioning Version of a page's published content, or None."""
    content = published_content(page_id, language)
    return Version.objects.get_for_content(content) if content is not None else None
