"""The search on SQLite (the zero-setup default): a word match on title, summary and
body, scored by where the words are, with snippets cut as PostgreSQL's are. Words are
compared lower-cased and without accents (search.text), in Python: the index of one
language is small, and SQLite cannot compare accents."""

import re

from ..models import SearchDocument
from ..results import MARK_END, MARK_START, result_from
from ..text import fold

SNIPPET_CHARS = 220
# Endings cut for a rough stem, by language (English for any other).
STEM_SUFFIXES = {"en": ("ing", "es", "s", "ed"), "es": ("es", "s")}


def _stem(word, language="en"):
    """A rough stem for the match: "tapering" and "tapers" find "taper", "pastillas"
    finds "pastilla"."""
    for suffix in STEM_SUFFIXES.get(language, STEM_SUFFIXES["en"]):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def search(groups, language, match_all):
    stems = [sorted({_stem(fold(word), language) for word in group}) for group in groups]
    matches = all if match_all else any
    found = []
    for document in SearchDocument.objects.filter(language=language).defer("search_vector"):
        title, summary, body = fold(document.title), fold(document.summary), fold(document.body)
        if matches(any(word in title or word in summary or word in body for word in group) for group in stems):
            found.append((document, title, summary, body))
    all_words = [word for group in stems for word in group]

    def score(item):
        document, title, summary, body = item
        return sum(3 * (word in title) + 2 * (word in summary) + min(body.count(word), 5) for word in all_words)

    found.sort(key=lambda item: (-score(item), item[0].is_faq_answer, item[0].title))
    return [result_from(document, _simple_headline(document.body, all_words)) for document, *_texts in found[:100]]


def _simple_headline(body, words):
    """About SNIPPET_CHARS of the body from a little before the first match, cut
    between words, with every word that holds a search word marked whole (as
    PostgreSQL's headline does): "…lp now" or "<mark>benzo</mark>diazepines" reads badly.
    `words` are folded; the body is searched folded and shown as written."""
    folded = fold(body)
    positions = [folded.find(word) for word in words if word in folded]
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
        pattern = re.compile(r"\w*(?:" + "|".join(re.escape(word) for word in words) + r")\w*")
        pieces, last = [], 0
        for match in pattern.finditer(folded[start:end]):  # the same positions as in snippet
            pieces += [snippet[last : match.start()], MARK_START, snippet[match.start() : match.end()], MARK_END]
            last = match.end()
        snippet = "".join(pieces) + snippet[last:]
    return ("…" if start else "") + snippet + ("…" if end < len(body) else "")
