"""The editorial record: the append-only publication log, and the admin's entry point
for the content review.

Both lived in the `content` app until migration editorial 0001; the log keeps its
table, so an upgrade moves no rows.
"""

from django.db import models
from django.utils import timezone

from content.models import PageDetails


class PublicationLogEntry(models.Model):
    """An append-only record of publishing actions.

    It keeps the username as text and no foreign keys, so it outlives both the
    staff account and the version it describes.
    """

    page_id = models.PositiveIntegerField(null=True)
    page_title = models.CharField(max_length=255)
    language = models.CharField(max_length=15)
    version_number = models.PositiveIntegerField(null=True)
    action = models.CharField(max_length=40)
    username = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

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


class ContentReview(PageDetails):
    """Admin entry point for the content review list (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = verbose_name_plural = "content review"
