"""The search index: one row per searchable thing on a published page.

It lived in the `content` app until migration search 0001 and keeps its table, so
an upgrade moves no rows.
"""

from cms.models import Page
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from content.models import Kind


class SearchDocument(models.Model):
    """One searchable thing: a published page, or one FAQ answer on it (so a search
    can link straight to the answer). Rebuilt on publish and unpublish, and by
    `manage.py rebuild_search`."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=15, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    page_title = models.CharField(max_length=255, blank=True, help_text="For an FAQ answer: the page it is on.")
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    is_faq_answer = models.BooleanField(default=False)
    # Filled on PostgreSQL when the document is indexed, so a search does not parse
    # every page again (the column stays empty on SQLite).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        db_table = "content_searchdocument"
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return self.title
