"""Search finds what is published now: the index follows publishing and the page
details it shows (the summary)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from content.models import PageDetails

from .indexing import index_page

REINDEXING_OPERATIONS = (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH, constants.OPERATION_ARCHIVE)


@receiver(post_version_operation, dispatch_uid="search.publishing")
def reindex_on_publishing(sender, operation, obj=None, **kwargs):
    """Re-index a page whenever its published version changes, in the language of that
    version (an English page and its Spanish translation are versioned apart). It runs
    in the publishing transaction, so both land or neither."""
    if operation not in REINDEXING_OPERATIONS:
        return
    page = getattr(obj.content, "page", None) if obj is not None else None
    if page is not None:
        index_page(page, obj.content.language)


@receiver(post_save, sender=PageDetails, dispatch_uid="search.page_details_changed")
def reindex_on_page_facts(sender, instance, **kwargs):
    """A page's summary shows in search results."""
    index_page(instance.extended_object.page, instance.extended_object.language)
