"""A page's details show on pages and listings: cached pages and page facts
(content.page_facts) follow every change at once."""

from cms.models import PageContent
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from plumbing.internals import invalidate_page_cache

from .models import PageDetails


@receiver([post_save, post_delete], sender=PageDetails, dispatch_uid="content.page_details_changed")
def page_facts_changed(sender, **kwargs):
    invalidate_page_cache()


@receiver(post_version_operation, dispatch_uid="content.translation_follows_english")
def translation_published(sender, operation, obj=None, **kwargs):
    """Publishing a translation means someone brought it up to date: it follows the
    English page as published now (content.translations)."""
    if operation == constants.OPERATION_PUBLISH and obj is not None and isinstance(obj.content, PageContent):
        from .translations import mark_translation_current  # its module imports the selectors

        mark_translation_current(obj.content)
