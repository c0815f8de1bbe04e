"""The search index: which documents a published page gives, in each language, rebuilt
on publish and unpublish (search.signals) and by `manage.py rebuild_search`."""

import re
import uuid
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from content.models import FAQItem, Kind
from content.page_facts import query_facts
from content.page_text import body_text, html_to_text
from content.selectors import published_content, published_contents
from plumbing.internals import shown_placeholders

from .backends.postgres import store_vectors
from .models import SearchDocument
from .text import fold

# Cached search results are keyed on this version (search.engine).
INDEX_VERSION_KEY = "search:index-version"


def index_page(page, language="en"):
    """Replace the search documents of one page in `language` with its published
    content there (none when it is not published)."""
    SearchDocument.objects.filter(page=page, language=language).delete()
    forget_cached_searches()
    content = published_content(page, language)
    url = page.get_absolute_url(language) if content else None
    if not content or not url:
        return []
    # The page's plugins render their own words in the page's language.
    with translation.override(language):
        documents = _documents(page, content, language, url)
    SearchDocument.objects.bulk_create(documents)
    if connection.vendor == "postgresql":
        store_vectors(page, language, documents)
    return documents


def _documents(page, content, language, url):
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
    for placeholder in shown_placeholders(content):
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
    return documents


def forget_cached_searches():
    """Cached results are keyed on this version: a new version makes them all stale."""
    cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, None)


def index_languages():
    return [code for code, _name in settings.LANGUAGES]


def rebuild_index(languages=None):
    """Every published page in each of `languages` (default: every language of the
    site, settings.LANGUAGES). A full rebuild also drops documents of languages the
    site no longer has."""
    if isinstance(languages, str):
        languages = [languages]
    if languages:
        SearchDocument.objects.filter(language__in=languages).delete()
    else:
        languages = index_languages()
        SearchDocument.objects.all().delete()
    count = 0
    for language in languages:
        for content in published_contents(language):
            count += len(index_page(content.page, language))
    return count


# The words of a language's index, for corrections and accents (search.query): kept
# per process until the index changes.
_vocabularies = {}
WORD = re.compile(r"[^\W\d_]{3,}")


def index_vocabulary(language):
    """Each word of the published `language` pages, folded (search.text), to the ways
    the pages spell it, the most frequent first: {"medicacion": ("medicación",)}."""
    version = cache.get(INDEX_VERSION_KEY)
    memo = _vocabularies.get(language)
    if version is not None and memo is not None and memo[0] == version:
        return memo[1]
    counts = Counter()
    for texts in SearchDocument.objects.filter(language=language).values_list("title", "summary", "body"):
        for text in texts:
            counts.update(WORD.findall(text.lower()))
    spellings = {}
    for word, _count in counts.most_common():
        spellings.setdefault(fold(word), []).append(word)
    vocabulary = {key: tuple(words) for key, words in spellings.items()}
    if version is not None:  # without a version (a cleared cache) it could not be told stale
        _vocabularies[language] = (version, vocabulary)
    return vocabulary
