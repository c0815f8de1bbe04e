"""The hand-off between writing and publishing: an editor submits a draft for review
with a note, clinical reviewers see it waiting and are emailed, and a reviewer either
publishes it or sends it back with a comment the editor sees. Every step is written to
the publication log (`log_step`)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from djangocms_versioning.helpers import create_version_lock, remove_version_lock
from djangocms_versioning.models import Version

from content.models import PageDetails
from content.site_content import LOADER_USERNAME

from .models import PublicationLogEntry, ReviewRequest
from .roles import CLINICAL_REVIEWER

# The permission that makes someone a publisher (clinical reviewers, administrators).
PUBLISH_PERMISSION = "cms.publish_page"


def may_publish(user):
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def log_step(action, *, page_id, page_title, language="en", version_number=None, user=None, note=""):
    """Append one row to the publication log, with who did it (as text) and when."""
    username = getattr(user, "username", "") or ""
    return PublicationLogEntry.objects.create(
        page_id=page_id,
        page_title=str(page_title)[:255],
        language=language,
        version_number=version_number,
        action=action,
        username=username,
        note=note,
        at_install=username == LOADER_USERNAME,
    )


def log_version_step(action, version, user=None, note=""):
    content = version.content
    page = getattr(content, "page", None)
    return log_step(
        action,
        page_id=getattr(page, "pk", None),
        page_title=getattr(content, "title", content),
        language=getattr(content, "language", ""),
        version_number=version.number,
        user=user,
        note=note,
    )


def waiting_requests():
    """Drafts waiting for a clinical reviewer, oldest first."""
    return ReviewRequest.objects.filter(status=ReviewRequest.Status.WAITING).select_related("version", "submitted_by")


def latest_request(version):
    return ReviewRequest.objects.filter(version=version).order_by("-submitted_at", "-pk").first()


@transaction.atomic
def submit_for_review(version, user, note=""):
    """The editor's draft is ready: queue it for review and tell the reviewers."""
    content = version.content
    # A newer submission of the same page takes the place of any still waiting.
    ReviewRequest.objects.filter(page_id=content.page_id, status=ReviewRequest.Status.WAITING).update(
        status=ReviewRequest.Status.REPLACED
    )
    request = ReviewRequest.objects.create(
        version=version, page_id=content.page_id, page_title=content.title, submitted_by=user, note=note
    )
    # The editor hands the draft over: unlocked, a reviewer can open it, change a
    # word if needed, and publish it (djangocms-versioning locks a draft to its author).
    remove_version_lock(version)
    log_version_step("submitted for review", version, user, note)
    transaction.on_commit(lambda: _email_reviewers(request))
    return request


@transaction.atomic
def send_back(request, user, comment):
    """The reviewer answers: not yet, with what to change."""
    request.status = ReviewRequest.Status.SENT_BACK
    request.reviewer_comment = comment
    request.answered_by = user
    request.answered_at = timezone.now()
    request.save()
    if request.submitted_by is not None:  # back in the editor's hands
        create_version_lock(request.version, request.submitted_by)
    log_version_step("sent back", request.version, user, comment)
    transaction.on_commit(lambda: _email_submitter(request))
    return request


def close_requests_of_published(version, user):
    """A publish answers every request still waiting for that page."""
    ReviewRequest.objects.filter(page_id=version.content.page_id, status=ReviewRequest.Status.WAITING).update(
        status=ReviewRequest.Status.PUBLISHED, answered_by=user, answered_at=timezone.now()
    )


def review_queue_url():
    return reverse("admin:editorial_reviewrequest_changelist") + "?status__exact=waiting"


def _email_reviewers(request):
    reviewers = (
        get_user_model().objects.filter(is_active=True, is_staff=True, groups__name=CLINICAL_REVIEWER).exclude(email="")
    )
    recipients = sorted({reviewer.email for reviewer in reviewers})
    if not recipients:
        return
    who = _name(request.submitted_by)
    body = [
        f"{who} asks for a clinical review of a draft of “{request.page_title}”.",
        f"Their note: {request.note}" if request.note else "They left no note.",
        "",
        f"See what is waiting: {_site()}{review_queue_url()}",
    ]
    send_mail(f"Waiting for review: {request.page_title}", "\n".join(body), None, recipients)


def _email_submitter(request):
    editor = request.submitted_by
    if editor is None or not editor.email:
        return
    body = [
        f"{_name(request.answered_by)} sent your draft of “{request.page_title}” back with this comment:",
        "",
        request.reviewer_comment,
        "",
        "Open the page, press Edit, make the changes and submit it for review again.",
    ]
    send_mail(f"Sent back: {request.page_title}", "\n".join(body), None, [editor.email])


def _name(user):
    if user is None:
        return "Someone"
    profile = getattr(user, "staff_profile", None)
    return (profile and profile.full_name) or user.get_full_name() or user.get_username()


def _site():
    return f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}"


def record_review(details, user, next_review_due=None):
    """The signed-in clinical reviewer's medical review of one page version: their
    name and credentials from their staff profile, today's date, logged."""
    profile = getattr(user, "staff_profile", None)
    details.reviewer_name = _name(user)
    details.reviewer_credentials = profile.credentials if profile else ""
    details.reviewed_on = timezone.localdate()
    details.next_review_due = next_review_due  # None: a year on (PageDetails.save)
    details.save()
    note = ", ".join(part for part in (details.reviewer_name, details.reviewer_credentials) if part)
    log_version_step("review recorded", Version.objects.get_for_content(details.extended_object), user, note)


def forget_review_of_revert(version):
    """A reverted draft carries the old text's medical review; this text needs a
    review of its own, so the draft starts without one (the old version keeps it)."""
    PageDetails.objects.filter(extended_object=version.content).update(
        reviewer_name="", reviewer_credentials="", reviewed_on=None, next_review_due=None
    )
