"""What every page shows about itself: its kind and its details (summary, medical
review, level-of-care facts).

Every render asks, so the facts are kept in the shared cache, stamped with the CMS
page-cache version that publishing and saving page facts bump (content.signals).
They also carry the primary keys of the page's placeholders, so that their cached
renders can be read in two cache round trips (content.placeholder_cache).
"""

from typing import NamedTuple

from django.conf import settings
from django.db.models import F

from .models import Kind, PageDetails, PageKind
from .page_cache import read_stamped, store_stamped
from .placeholder_cache import placeholders_are_cached, read_ahead_placeholders


class PageFacts(NamedTuple):
    kind: str
    lists_kind: str
    details: PageDetails | None
    # None until a render finds the placeholder cache in use: on a first render it is
    # empty anyway, and looking the keys up then would cost a query for nothing.
    placeholder_pks: list[int] | None = None


def _key(content):
    # The number changes with the entry's shape: entries an older release left in a
    # shared cache are never read.
    return f"page-facts-3:{content.pk}"


def page_facts(request, content):
    if not settings.CMS_PLACEHOLDER_CACHE:  # the benchmark's cold renders
        return query_facts(content)
    key = _key(content)
    facts, version = read_stamped(key)
    if facts is None:
        facts = query_facts(content)
        store_stamped(key, facts, version)
    elif facts.placeholder_pks is None and placeholders_are_cached(request):
        facts = facts._replace(placeholder_pks=list(content.placeholders.values_list("pk", flat=True)))
        store_stamped(key, facts, version)
    read_ahead_placeholders(request, facts.placeholder_pks)
    return facts


def query_facts(content):
    """The facts of a page content (a draft or a published one) from the database,
    uncached: for rendering, the search index and the content review."""
    # One query for most pages: the details with the page's kind alongside.
    details = (
        PageDetails.objects.filter(extended_object_id=content.pk)
        .annotate(page_kind=F("extended_object__page__pagekind__kind"))
        .annotate(page_lists_kind=F("extended_object__page__pagekind__lists_kind"))
        .first()
    )
    if details is not None:
        kind, lists_kind = details.page_kind, details.page_lists_kind
    else:
        kind_row = PageKind.objects.filter(extended_object_id=content.page_id).values_list("kind", "lists_kind")
        kind, lists_kind = kind_row.first() or (None, None)
    return PageFacts(kind or Kind.GENERAL, lists_kind or "", details)
