"""The search index: which documents a published page gives, rebuilt on publish and
unpublish (search.signals) and by `manage.py rebuild_search`."""

import uuid

from django.core.cache import cache
from django.db import connection

from content.models import FAQItem, Kind
from content.page_facts import query_facts
from content.page_text import body_text, html_to_text
from content.selectors import published_content, published_contents
from plumbing.internals import shown_placeholders

from .backends.postgres import document_vector
from .models import SearchDocument

# Cached search results are keyed on this version (search.engine).
INDEX_VERSION_KEY = "search:index-version"


def index_page(page, language="en"):
    """Replace the search documents of one page with its published content (none
    when it is not published)."""
    SearchDocument.objects.filter(page=page, language=language).delete()
    forget_cached_searches()
    content = published_content(page, language)
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
    SearchDocument.objects.bulk_create(documents)
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(page=page, language=language).update(search_vector=document_vector())
    return documents


def forget_cached_searches():
    """Cached results are keyed on this version: a new version makes them all stale."""
    cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, None)


def rebuild_index(language="en"):
    SearchDocument.objects.all().delete()
    count = 0
    for content in published_contents(language):
        count += len(index_page(content.page, language))
    return count
