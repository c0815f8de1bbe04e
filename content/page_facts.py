"""What every page shows about itself: its kind (from its template) and its details
(summary, medical review, level-of-care facts), as one typed object, `PageFacts`.

Every render asks, so the facts are kept in the shared cache, stamped with the CMS
page-cache version that publishing and saving page facts bump (content.signals).
They also carry the primary keys of the page's placeholders, so that their cached
renders can be read in two cache round trips (plumbing.placeholder_cache).
"""

import dataclasses
from dataclasses import dataclass

from cms.models import PageContent
from django.conf import settings

from plumbing.internals import placeholders_are_cached
from plumbing.page_cache import read_stamped, store_stamped
from plumbing.placeholder_cache import read_ahead_placeholders

from .models import CLINICAL_KINDS, Kind, PageDetails, kind_for_template

KIND_PLURALS = {
    Kind.CONDITION: "conditions",
    Kind.LEVEL_OF_CARE: "levels of care",
    Kind.THERAPY: "therapies",
    Kind.FAQ: "questions and answers",
    Kind.GENERAL: "pages",
}


@dataclass(frozen=True)
class PageFacts:
    kind: str
    lists_kind: str
    details: PageDetails | None
    # None until a render finds the placeholder cache in use: on a first render it is
    # empty anyway, and looking the keys up then would cost a query for nothing.
    placeholder_pks: list[int] | None = None
    # The page version these facts describe; set for the page being rendered, never
    # kept in the cache.
    content: PageContent | None = None
    # {language: URL} of the page's published versions (the language link, hreflang),
    # kept with the facts so a render asks the cache no extra time.
    language_versions: dict | None = None

    @property
    def kind_label(self):
        return Kind(self.kind).label

    @property
    def kind_plural(self):
        return KIND_PLURALS[self.kind]

    @property
    def is_clinical(self):
        return self.kind in CLINICAL_KINDS

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


def _key(content):
    # The number changes with the entry's shape: entries an older release left in a
    # shared cache are never read.
    return f"page-facts-6:{content.pk}"


def page_facts(request, content):
    """The facts of the page version `request` renders, from the cache when it can."""
    if not settings.CMS_PLACEHOLDER_CACHE:  # the benchmark's cold renders
        return query_facts(content)
    key = _key(content)
    facts, version = read_stamped(key)
    if facts is None:
        from .translations import page_versions  # it imports the selectors, which import this

        facts = query_facts(content).replace(content=None, language_versions=page_versions(content.page))
        store_stamped(key, facts, version)
    elif facts.placeholder_pks is None and placeholders_are_cached(request):
        facts = facts.replace(placeholder_pks=list(content.placeholders.values_list("pk", flat=True)))
        store_stamped(key, facts, version)
    read_ahead_placeholders(request, facts.placeholder_pks)
    return facts.replace(content=content)


def query_facts(content):
    """The facts of a page content (a draft or a published one) from the database,
    uncached: for rendering, the search index and the content review."""
    details = PageDetails.objects.filter(extended_object_id=content.pk).first()
    return PageFacts(
        kind=kind_for_template(content.template),
        lists_kind=details.lists_kind if details else "",
        details=details,
        content=content,
    )
