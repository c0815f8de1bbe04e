"""PostgreSQL full-text search: stored, weighted vectors (title over summary over
body), ranking, and highlighted snippets for the first results. Each language with
its own text search configuration (stemmer and stop words): English pages and
queries with "english", Spanish ones with "spanish". In an accent-insensitive
language (search.text) a document is indexed as written and folded, and each query
word is searched both ways, so accents are optional without a database extension."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, TextField, Value

from ..models import SearchDocument
from ..results import MARK_END, MARK_START, result_from
from ..text import fold, folds_accents, index_text

SNIPPET_RESULTS = 30
# PostgreSQL's text search configuration for each language; "simple" (no stemming,
# no stop words) for any other.
TEXT_SEARCH_CONFIGS = {"en": "english", "es": "spanish"}
WEIGHTED_FIELDS = (("title", "A"), ("summary", "B"), ("body", "C"))


def text_search_config(language):
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


def document_vector(language="en"):
    """Title weighted over summary over body, from the stored text."""
    config = text_search_config(language)
    vector = None
    for field_name, weight in WEIGHTED_FIELDS:
        part = SearchVector(without_angle_brackets(field_name), weight=weight, config=config)
        vector = part if vector is None else vector + part
    return vector


def folded_document_vector(document, language):
    """Title weighted over summary over body, each as written and without accents
    (search.text.index_text)."""
    config = text_search_config(language)
    vector = None
    for field_name, weight in WEIGHTED_FIELDS:
        text = index_text(getattr(document, field_name) or "").translate(ANGLE_BRACKETS_AWAY)
        part = SearchVector(Value(text, output_field=TextField()), weight=weight, config=config)
        vector = part if vector is None else vector + part
    return vector


def store_vectors(page, language, documents):
    """Fill search_vector for the documents just indexed for `page` in `language`."""
    if folds_accents(language):
        for document in documents:
            SearchDocument.objects.filter(pk=document.pk).update(
                search_vector=folded_document_vector(document, language)
            )
    else:
        SearchDocument.objects.filter(page=page, language=language).update(search_vector=document_vector(language))


def search(groups, language, match_all):
    config = text_search_config(language)

    def spellings(word):
        return sorted({word, fold(word)}) if folds_accents(language) else [word]

    def alternatives(group):
        query = None
        for word in group:
            for spelling in spellings(word):
                term = SearchQuery(spelling, search_type="phrase", config=config)
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
                without_angle_brackets("body"),
                combined,
                config=config,
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
    return [result_from(document, headlines.get(document.pk, "").translate(ANGLE_BRACKETS_BACK)) for document in ranked]


ANGLE_BRACKETS_AWAY = str.maketrans("<>", "‹›")
ANGLE_BRACKETS_BACK = str.maketrans("‹›", "<>")


def without_angle_brackets(field_name):
    """PostgreSQL's text parser reads "<…" as the start of an HTML tag and drops the
    words after it, so angle brackets are swapped for look-alike quotation marks."""
    return Func(F(field_name), Value("<>"), Value("‹›"), function="translate", output_field=TextField())
