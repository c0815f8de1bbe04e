"""The publication log follows every versioning step of a page (and a publish answers
the review requests waiting for it)."""

from django.dispatch import receiver
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from plumbing.internals import last_transition_user

from .workflow import close_requests_of_published, forget_review_of_revert, log_version_step

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
    if operation == constants.OPERATION_DRAFT:
        source = obj.source
        if source is not None and source.state != constants.PUBLISHED:
            # Copied from an old version: a revert. Its medical review belonged to that
            # old text, so the new draft needs one of its own.
            log_version_step(f"reverted to version {source.number}", obj, obj.created_by)
            forget_review_of_revert(obj)
            return
        log_version_step(action, obj, obj.created_by)
        return
    user = last_transition_user(obj)
    log_version_step(action, obj, user)
    if operation == constants.OPERATION_PUBLISH:
        close_requests_of_published(obj, user)
