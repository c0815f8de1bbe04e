"""Search finds what is published now: the index follows publishing and the page facts
it shows (kind, summary)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from content.models import PageDetails, PageKind

from .indexing import index_page

REINDEXING_OPERATIONS = (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH, constants.OPERATION_ARCHIVE)


@receiver(post_version_operation, dispatch_uid="search.publishing")
def reindex_on_publishing(sender, operation, obj=None, **kwargs):
    """Re-index a page whenever its published version changes. It runs in the
    publishing transaction, so both land or neither."""
    if operation not in REINDEXING_OPERATIONS:
        return
    page = getattr(obj.content, "page", None) if obj is not None else None
    if page is not None:
        index_page(page, obj.content.language)


@receiver(post_save, sender=PageDetails, dispatch_uid="search.page_details_changed")
@receiver(post_save, sender=PageKind, dispatch_uid="search.page_kind_changed")
def reindex_on_page_facts(sender, instance, **kwargs):
    """A page's kind and summary show in search results."""
    page = instance.extended_object if sender is PageKind else instance.extended_object.page
    index_page(page, getattr(instance.extended_object, "language", "en"))
