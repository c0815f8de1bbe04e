"""Site search over published content: indexing, query understanding, ranking.

PostgreSQL uses full-text search (weighted title over summary over body, ranking,
highlighted snippets); SQLite uses a simple word match with the same query
understanding. Both expand synonyms (Xanax finds the benzodiazepine page), fix
misspelt drug names, and spot crisis words.
"""

import difflib
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from cms.models import PageContent
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Func, Q, TextField, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import FAQItem, Kind, SearchDocument
from .page_facts import query_facts
from .page_text import body_text, html_to_text

TERMS_FILE = Path(__file__).with_name("search_terms.yaml")
MAX_QUERY_LENGTH = 200
SNIPPET_RESULTS = 30
SEARCH_CACHE_SECONDS = 600
INDEX_VERSION_KEY = "search:index-version"
SNIPPET_CHARS = 220
# Markers for highlighted words: private-use characters, which page text never has
# (PostgreSQL's headline options do not accept control characters).
MARK_START, MARK_END = "\ue000", "\ue001"

STOP_WORDS = frozenset(
    "a about an and are as at be but by can could do does for from get has have how i if in into is it its "
    "me my no not of on or our should so than that the their them then there they this to was we what when "
    "where which who why will with would you your".split()
)


# --- Indexing ----------------------------------------------------------------------


def index_page(page, language="en"):
    """Replace the search documents of one page with its published content (none
    when it is not published)."""
    SearchDocument.objects.filter(page=page, language=language).delete()
    forget_cached_searches()
    content = PageContent.objects.filter(page=page, language=language).first()  # published only
    url = page.get_absolute_url(language) if content else None
    if not content or not url:
        return []
    facts = query_facts(content)
    documents = [
        SearchDocument(
            page=page,
            language=language,
            kind=facts.kind,
            title=content.title,
            url=url,
            summary=facts.details.summary if facts.details else "",
            body=body_text(content),
        )
    ]
    for placeholder in content.get_placeholders():
        for plugin in placeholder.get_plugins(language).filter(plugin_type="FAQItemPlugin"):
            item = plugin.get_bound_plugin()
            if isinstance(item, FAQItem):
                documents.append(
                    SearchDocument(
                        page=page,
                        language=language,
                        kind=Kind.FAQ,
                        title=item.question,
                        page_title=content.title,
                        url=f"{url}#{item.anchor}",
                        body=html_to_text(str(item.answer)),
                        is_faq_answer=True,
                    )
                )
    SearchDocument.objects.bulk_create(documents)
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(page=page, language=language).update(search_vector=document_vector())
    return documents


def document_vector():
    """Title weighted over summary over body (PostgreSQL)."""
    return (
        SearchVector(_without_angle_brackets("title"), weight="A", config="english")
        + SearchVector(_without_angle_brackets("summary"), weight="B", config="english")
        + SearchVector(_without_angle_brackets("body"), weight="C", config="english")
    )


def forget_cached_searches():
    """Cached results are keyed on this version: a new version makes them all stale."""
    cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, None)


def rebuild_index(language="en"):
    SearchDocument.objects.all().delete()
    count = 0
    for content in PageContent.objects.filter(language=language).select_related("page"):
        count += len(index_page(content.page, language))
    return count


# --- Query understanding -----------------------------------------------------------


@lru_cache(maxsize=1)
def search_terms():
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    synonyms = {}
    for group in data.get("synonyms", []):
        words = [str(word).lower() for word in group]
        for word in words:
            synonyms.setdefault(word, set()).update(words)
    crisis = [str(term).lower() for term in data.get("crisis_terms", [])]
    crisis_pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in crisis) + r")\b")
    return synonyms, crisis_pattern


def clean_query(raw):
    """Printable text, single-spaced, at most MAX_QUERY_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def is_crisis_query(query):
    _synonyms, crisis_pattern = search_terms()
    normalized = query.lower().replace("’", "'")
    return bool(crisis_pattern.search(normalized))


def query_groups(query):
    """The query as groups of alternatives: every group should match, any word in a
    group will do. Phrases from the synonym list ("cold turkey") stay together."""
    synonyms, _crisis = search_terms()
    text = query.lower().replace("’", "'")
    groups = []
    for phrase in sorted((key for key in synonyms if " " in key), key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            groups.append(sorted(synonyms[phrase]))
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    for word in re.findall(r"[\w'-]+", text):
        word = word.strip("'-")
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        groups.append(sorted(synonyms.get(word, {word})))
    return groups


def corrected_query(query):
    """The query with misspelt known words (drug names, everyday terms) fixed, or
    None when nothing needed fixing."""
    synonyms, _crisis = search_terms()
    vocabulary = [word for word in synonyms if " " not in word and len(word) >= 4]
    changed, words = False, []
    for word in query.split():
        lower = word.lower()
        if len(lower) >= 4 and lower not in synonyms:
            match = difflib.get_close_matches(lower, vocabulary, n=1, cutoff=0.75)
            if match:
                words.append(match[0])
                changed = True
                continue
        words.append(word)
    return " ".join(words) if changed else None


# --- Searching ---------------------------------------------------------------------


@dataclass
class SearchResult:
    title: str
    url: str
    kind: str
    snippet: str
    page_title: str = ""

    @property
    def kind_label(self):
        return "Question and answer" if self.kind == Kind.FAQ and self.page_title else Kind(self.kind).label


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
    key = f"search:{version}:{language}:{hashlib.sha256(query.lower().encode()).hexdigest()}"
    cached = cache.get(key)
    if cached is not None:
        outcome.results, outcome.corrected = cached
        return outcome
    outcome.results = _search_all_then_any(query, language)
    if not outcome.results:
        corrected = corrected_query(query)
        if corrected:
            outcome.results = _search_all_then_any(corrected, language)
            outcome.corrected = corrected if outcome.results else None
    cache.set(key, (outcome.results, outcome.corrected), SEARCH_CACHE_SECONDS)
    return outcome


def _search_all_then_any(query, language):
    groups = query_groups(query)
    if not groups:
        return []
    backend = _postgres_search if connection.vendor == "postgresql" else _simple_search
    return backend(groups, language, match_all=True) or backend(groups, language, match_all=False)


def _postgres_search(groups, language, match_all):
    def alternatives(group):
        query = None
        for word in group:
            term = SearchQuery(word, search_type="phrase", config="english")
            query = term if query is None else query | term
        return query

    combined = None
    for group in groups:
        group_query = alternatives(group)
        if combined is None:
            combined = group_query
        else:
            combined = combined & group_query if match_all else combined | group_query
    ranked = list(
        SearchDocument.objects.filter(language=language, search_vector=combined)
        .annotate(rank=SearchRank(F("search_vector"), combined))
        .order_by("-rank", "is_faq_answer", "title")
        .defer("search_vector")[:100]
    )
    # Snippets cost a parse of each body: make them for the first pages of results only.
    # (A publish may re-index a page in between; a result then keeps its summary.)
    with_snippets = [document.pk for document in ranked[:SNIPPET_RESULTS]]
    headlines = dict(
        SearchDocument.objects.filter(pk__in=with_snippets)
        .annotate(
            headline=SearchHeadline(
                _without_angle_brackets("body"),
                combined,
                config="english",
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=35,
                min_words=15,
                short_word=3,
                max_fragments=1,
            ),
        )
        .values_list("pk", "headline")
    )
    return [_result(document, headlines.get(document.pk, "").translate(ANGLE_BRACKETS_BACK)) for document in ranked]


ANGLE_BRACKETS_BACK = str.maketrans("‹›", "<>")


def _without_angle_brackets(field_name):
    """PostgreSQL's text parser reads "<…" as the start of an HTML tag and drops the
    words after it, so angle brackets are swapped for look-alike quotation marks."""
    return Func(F(field_name), Value("<>"), Value("‹›"), function="translate", output_field=TextField())


def _stem(word):
    """A rough stem for the SQLite match: "tapering" and "tapers" find "taper"."""
    for suffix in ("ing", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _simple_search(groups, language, match_all):
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
    return [_result(document, _simple_headline(document.body, all_words)) for document in documents[:100]]


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


def _result(document, headline):
    # Escape everything, then turn only our own markers into <mark>.
    snippet = escape(headline or document.summary).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return SearchResult(
        title=document.title,
        url=document.url,
        kind=document.kind,
        snippet=mark_safe(snippet),
        page_title=document.page_title,
    )
