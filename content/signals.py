"""Signal receivers: the publication log, the search index, and cache invalidation when
page facts or site settings change."""

from cms.cache import invalidate_cms_page_cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from . import clinic, safety, search
from .cache_backends import start_read_ahead, stop_read_ahead
from .models import ClinicSettings, LocalCrisisLine, PageDetails, PageKind, PublicationLogEntry

# Values read ahead from the cache serve one request only (content.cache_backends).
request_started.connect(start_read_ahead, dispatch_uid="content.read_ahead_start")
request_finished.connect(stop_read_ahead, dispatch_uid="content.read_ahead_end")

LOGGED_OPERATIONS = {
    constants.OPERATION_PUBLISH: "published",
    constants.OPERATION_UNPUBLISH: "unpublished",
    constants.OPERATION_ARCHIVE: "archived",
    constants.OPERATION_DRAFT: "draft created",
}


@receiver(post_version_operation, dispatch_uid="content.publication_log")
def log_version_operation(sender, operation, obj=None, to_be_published=None, **kwargs):
    """Append a row to the publication log for every versioning transition."""
    action = LOGGED_OPERATIONS.get(operation)
    if action is None or obj is None or to_be_published is not None:
        # An unpublish caused by publishing a newer version is part of that publish.
        return
    content = obj.content
    page = getattr(content, "page", None)
    user = obj.created_by if operation == constants.OPERATION_DRAFT else _last_transition_user(obj)
    PublicationLogEntry.objects.create(
        page_id=getattr(page, "pk", None),
        page_title=str(getattr(content, "title", content))[:255],
        language=getattr(content, "language", ""),
        version_number=obj.number,
        action=action,
        username=getattr(user, "username", "") or "",
    )


@receiver(post_version_operation, dispatch_uid="content.search_index")
def keep_search_current(sender, operation, obj=None, **kwargs):
    """Search finds what is published now: re-index a page whenever its published
    version changes. It runs in the publishing transaction, so both land or neither."""
    if operation not in (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH, constants.OPERATION_ARCHIVE):
        return
    page = getattr(obj.content, "page", None) if obj is not None else None
    if page is not None:
        search.index_page(page, obj.content.language)


def _last_transition_user(version):
    tracking = version.statetracking_set.order_by("-date").first()
    return tracking.user if tracking else None


@receiver([post_save, post_delete], sender=LocalCrisisLine, dispatch_uid="content.crisis_lines_changed")
@receiver([post_save, post_delete], sender=ClinicSettings, dispatch_uid="content.clinic_settings_changed")
def site_settings_changed(sender, **kwargs):
    """Every page shows these, so cached pages must be rebuilt at once."""
    safety.forget_local_crisis_lines()
    clinic.forget_clinic_settings()
    invalidate_cms_page_cache()


@receiver(post_delete, sender=PageDetails, dispatch_uid="content.page_details_deleted")
@receiver(post_delete, sender=PageKind, dispatch_uid="content.page_kind_deleted")
def page_facts_deleted(sender, **kwargs):
    """Cached pages and page facts (content.page_facts) must not show them any more."""
    invalidate_cms_page_cache()


@receiver(post_save, sender=PageDetails, dispatch_uid="content.page_details_changed")
@receiver(post_save, sender=PageKind, dispatch_uid="content.page_kind_changed")
def page_facts_changed(sender, instance, **kwargs):
    """A review, summary, facts or kind shows on pages, listings and search results."""
    page = instance.extended_object if sender is PageKind else instance.extended_object.page
    invalidate_cms_page_cache()
    search.index_page(page, getattr(instance.extended_object, "language", "en"))
