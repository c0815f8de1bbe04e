"""A page's kind and details show on pages and listings: cached pages and page facts
(content.page_facts) follow every change at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from plumbing.internals import invalidate_page_cache

from .models import PageDetails, PageKind


@receiver([post_save, post_delete], sender=PageDetails, dispatch_uid="content.page_details_changed")
@receiver([post_save, post_delete], sender=PageKind, dispatch_uid="content.page_kind_changed")
def page_facts_changed(sender, **kwargs):
    invalidate_page_cache()
