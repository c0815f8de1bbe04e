"""Site search over published content, in one language (/search/ English, /es/search/
Spanish): the query understood (search.query), the backend for the database in use
(search.backends), and repeated searches answered from the cache until the index
changes."""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection

from .backends import postgres, sqlite
from .indexing import INDEX_VERSION_KEY
from .query import clean_query, corrected_query, is_crisis_query, query_groups

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
    cache.set(key, (outcome.results, outcome.corrected), SEARCH_CACHE_SECONDS)
    return outcome


def _search_all_then_any(query, language):
    groups = query_groups(query, language)
    if not groups:
        return []
    backend = postgres.search if connection.vendor == "postgresql" else sqlite.search
    return backend(groups, language, match_all=True) or backend(groups, language, match_all=False)
