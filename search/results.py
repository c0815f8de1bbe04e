"""What a search returns, the same from either backend."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from content.models import Kind

# Markers for highlighted words: private-use characters, which page text never has
# (PostgreSQL's headline options do not accept control characters).
MARK_START, MARK_END = "\ue000", "\ue001"


@dataclass
class SearchResult:
    title: str
    url: str
    kind: str
    snippet: str
    page_title: str = ""

    @property
    def kind_label(self):
        return _("Question and answer") if self.kind == Kind.FAQ and self.page_title else Kind(self.kind).label


def result_from(document, headline):
    # Escape everything, then turn only our own markers into <mark>.
    snippet = escape(headline or document.summary).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return SearchResult(
        title=document.title,
        url=document.url,
        kind=document.kind,
        snippet=mark_safe(snippet),
        page_title=document.page_title,
    )
