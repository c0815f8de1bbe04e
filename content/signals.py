"""A page's details show on pages and listings: cached pages and page facts
(content.page_facts) follow every change at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from plumbing.internals import invalidate_page_cache

from .models import PageDetails


@receiver([post_save, post_delete], sender=PageDetails, dispatch_uid="content.page_details_changed")
def page_facts_changed(sender, **kwargs):
    invalidate_page_cache()
