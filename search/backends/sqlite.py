"""The search on SQLite (the zero-setup default): a word match on title, summary and
body, scored by where the words are, with snippets cut as PostgreSQL's are."""

import re

from django.db.models import Q

from ..models import SearchDocument
from ..results import MARK_END, MARK_START, result_from

SNIPPET_CHARS = 220


def _stem(word):
    """A rough stem for the SQLite match: "tapering" and "tapers" find "taper"."""
    for suffix in ("ing", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def search(groups, language, match_all):
    stems = [[_stem(word) for word in group] for group in groups]
    condition = None
    for group in stems:
        group_condition = Q()
        for word in group:
            group_condition |= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        if condition is None:
            condition = group_condition
        else:
            condition = condition & group_condition if match_all else condition | group_condition
    documents = list(SearchDocument.objects.filter(language=language).filter(condition))
    all_words = [word for group in stems for word in group]

    def score(document):
        title, summary, body = document.title.lower(), document.summary.lower(), document.body.lower()
        return sum(3 * (word in title) + 2 * (word in summary) + min(body.count(word), 5) for word in all_words)

    documents.sort(key=lambda document: (-score(document), document.is_faq_answer, document.title))
    return [result_from(document, _simple_headline(document.body, all_words)) for document in documents[:100]]


def _simple_headline(body, words):
    """About SNIPPET_CHARS of the body from a little before the first match, cut
    between words, with every word that holds a search word marked whole (as
    PostgreSQL's headline does): "…lp now" or "<mark>benzo</mark>diazepines" reads badly."""
    lower = body.lower()
    positions = [lower.find(word) for word in words if word in lower]
    first = min(positions) if positions else 0
    start = 0
    if first > 60:
        space = body.find(" ", first - 60, first)
        start = space + 1 if space != -1 else body.rfind(" ", 0, first) + 1
    end = start + SNIPPET_CHARS
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > first else end
    snippet = body[start:end]
    if words:
        pattern = re.compile(r"\w*(?:" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE)
        snippet = pattern.sub(lambda match: f"{MARK_START}{match.group()}{MARK_END}", snippet)
    return ("…" if start else "") + snippet + ("…" if end < len(body) else "")
