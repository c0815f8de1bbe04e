"""The editorial record: the append-only publication log, and the admin's entry point
for the content review.

Both lived in the `content` app until migration editorial 0001; the log keeps its
table, so an upgrade moves no rows.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from content.models import PageDetails


class PublicationLogEntry(models.Model):
    """An append-only record of publishing actions.

    It keeps the username as text and no foreign keys, so it outlives both the
    staff account and the version it describes.
    """

    page_id = models.PositiveIntegerField(null=True, db_index=True)
    page_title = models.CharField(max_length=255)
    language = models.CharField(max_length=15)
    version_number = models.PositiveIntegerField(null=True)
    action = models.CharField(max_length=40)
    username = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # What the person wrote with the step: a note for the reviewer, the reason to send
    # a draft back or to publish despite warnings, what a settings change changed.
    note = models.TextField(blank=True)
    # Rows the content loader wrote when the site was installed, not a person's work.
    at_install = models.BooleanField("written at install", default=False)

    class Meta:
        db_table = "content_publicationlogentry"
        ordering = ["-created_at", "-id"]
        verbose_name = "publication log entry"
        verbose_name_plural = "publication log"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.page_title} by {self.username}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("The publication log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The publication log is append-only.")


class ReviewRequest(models.Model):
    """An editor's request that a clinical reviewer look at a draft: the hand-off
    between writing and publishing. One row per submission; a draft sent back and
    submitted again gets a new row, so the conversation is kept."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for review"
        SENT_BACK = "sent_back", "Sent back"
        PUBLISHED = "published", "Published"
        REPLACED = "replaced", "Replaced by a newer draft"

    version = models.ForeignKey("djangocms_versioning.Version", on_delete=models.CASCADE, related_name="+")
    page_id = models.PositiveIntegerField(db_index=True)
    page_title = models.CharField(max_length=255)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="review_requests"
    )
    note = models.TextField("note for the reviewer", blank=True)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING, db_index=True)
    reviewer_comment = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = "review request"
        verbose_name_plural = "waiting for review"

    def __str__(self):
        return f"{self.page_title} (version {self.version.number}): {self.get_status_display()}"


class ContentReview(PageDetails):
    """Admin entry point for the content review list (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = verbose_name_plural = "content review"


class StaffProfile(models.Model):
    """A staff member's name and credentials as shown on pages (e.g. a medical
    review line), edited by site administrators on the user's admin page."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile")
    full_name = models.CharField(max_length=150, blank=True, help_text='As shown on pages, e.g. "Dana Ortiz".')
    credentials = models.CharField(
        max_length=255, blank=True, help_text='e.g. "MD, board-certified in addiction medicine".'
    )

    class Meta:
        verbose_name = "staff profile"
        verbose_name_plural = "staff profiles"

    def __str__(self):
        return self.full_name or self.user.get_username()
