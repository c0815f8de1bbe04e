"""Site search over published content, in one language (/search/ English, /es/search/
Spanish): the query understood (search.query), the backend for the database in use
(search.backends), and repeated searches answered from the cache until the index
changes."""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.utils.text import Truncator

from .backends import postgres, sqlite
from .indexing import INDEX_VERSION_KEY
from .models import SearchDocument
from .query import clean_query, corrected_query, is_crisis_query, query_groups
from .results import result_from
from .text import fold

SEARCH_CACHE_SECONDS = 600


@dataclass
class SearchOutcome:
    query: str
    results: list = field(default_factory=list)
    corrected: str | None = None
    crisis: bool = False


def search(raw_query, language="en"):
    query = clean_query(raw_query)
    outcome = SearchOutcome(query=query, crisis=is_crisis_query(query))
    if not query:
        return outcome
    # People ask the same things; a repeated search costs one cache read until the
    # index changes.
    version = cache.get(INDEX_VERSION_KEY) or "0"
    # (The number changes with the shape of what is cached: entries an older release
    # left in a shared cache are never read.)
    key = f"search-2:{version}:{language}:{hashlib.sha256(query.lower().encode()).hexdigest()}"
    cached = cache.get(key)
    if cached is not None:
        outcome.results, outcome.corrected = cached
        return outcome
    outcome.results = _search_all_then_any(query, language)
    if not outcome.results:
        corrected = corrected_query(query, language)
        if corrected:
            outcome.results = _search_all_then_any(corrected, language)
            outcome.corrected = corrected if outcome.results else None
    if outcome.crisis:
        outcome.results = _crisis_answers_first(outcome.results, query, language)
    cache.set(key, (outcome.results, outcome.corrected), SEARCH_CACHE_SECONDS)
    return outcome


# A crisis search shows, under the crisis card, the site's own crisis answers before
# anything else: the Get help now page, then the answers about suicide and overdose.
# (A word match alone once put a snippet about family training first for "kill myself".)
CRISIS_PAGE = "get-help-now"
OVERDOSE_WORDS = ("overdos", "sobredosis", "not breathing", "no respira")
CRISIS_QUESTION_WORDS = ("suicid", *OVERDOSE_WORDS)


def _crisis_answers_first(results, query, language):
    overdose = _about_overdose(query)
    documents = SearchDocument.objects.filter(language=language).filter(
        Q(page__reverse_id=CRISIS_PAGE, is_faq_answer=False) | Q(is_faq_answer=True)
    )
    answers = sorted(
        (
            document
            for document in documents
            if not document.is_faq_answer or any(word in fold(document.title) for word in CRISIS_QUESTION_WORDS)
        ),
        # The answer about what was searched for first: overdose, else suicide.
        key=lambda document: (document.is_faq_answer, _about_overdose(document.title) != overdose, document.pk),
    )
    first = [result_from(document, Truncator(document.summary or document.body).words(30)) for document in answers]
    urls = {result.url for result in first}
    return first + [result for result in results if result.url not in urls]


def _search_all_then_any(query, language):
    groups = query_groups(query, language)
    if not groups:
        return []
    backend = postgres.search if connection.vendor == "postgresql" else sqlite.search
    return backend(groups, language, match_all=True) or backend(groups, language, match_all=False)


def _about_overdose(text):
    return any(word in fold(text) for word in OVERDOSE_WORDS)
