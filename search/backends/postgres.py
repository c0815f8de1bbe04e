"""PostgreSQL full-text search: stored, weighted vectors (title over summary over
body), ranking, and highlighted snippets for the first results."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, TextField, Value

from ..models import SearchDocument
from ..results import MARK_END, MARK_START, result_from

SNIPPET_RESULTS = 30


def document_vector():
    """Title weighted over summary over body (PostgreSQL)."""
    return (
        SearchVector(without_angle_brackets("title"), weight="A", config="english")
        + SearchVector(without_angle_brackets("summary"), weight="B", config="english")
        + SearchVector(without_angle_brackets("body"), weight="C", config="english")
    )


def search(groups, language, match_all):
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
                without_angle_brackets("body"),
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
    return [result_from(document, headlines.get(document.pk, "").translate(ANGLE_BRACKETS_BACK)) for document in ranked]


ANGLE_BRACKETS_BACK = str.maketrans("‹›", "<>")


def without_angle_brackets(field_name):
    """PostgreSQL's text parser reads "<…" as the start of an HTML tag and drops the
    words after it, so angle brackets are swapped for look-alike quotation marks."""
    return Func(F(field_name), Value("<>"), Value("‹›"), function="translate", output_field=TextField())
