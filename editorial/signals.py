"""The publication log: one row for every versioning transition of a page."""

from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from plumbing.internals import last_transition_user

from .models import PublicationLogEntry

LOGGED_OPERATIONS = {
    constants.OPERATION_PUBLISH: "published",
    constants.OPERATION_UNPUBLISH: "unpublished",
    constants.OPERATION_ARCHIVE: "archived",
    constants.OPERATION_DRAFT: "draft created",
}


@receiver(post_version_operation, dispatch_uid="editorial.publication_log")
def log_version_operation(sender, operation, obj=None, to_be_published=None, **kwargs):
    """Append a row to the publication log for every versioning transition."""
    action = LOGGED_OPERATIONS.get(operation)
    if action is None or obj is None or to_be_published is not None:
        # An unpublish caused by publishing a newer version is part of that publish.
        return
    content = obj.content
    page = getattr(content, "page", None)
    user = obj.created_by if operation == constants.OPERATION_DRAFT else last_transition_user(obj)
    PublicationLogEntry.objects.create(
        page_id=getattr(page, "pk", None),
        page_title=str(getattr(content, "title", content))[:255],
        language=getattr(content, "language", ""),
        version_number=obj.number,
        action=action,
        username=getattr(user, "username", "") or "",
    )
