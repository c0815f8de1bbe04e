"""Readers' feedback: "Was this page helpful?" (NHS.UK's pattern), without tracking.

A row holds what the reader told us and nothing about them: the page, its language and
path, the answer, the comment (personal details removed, feedback.scrub) and the day.
No time of day, no address, no browser, no session, nothing that identifies a reader: two
answers from one person cannot be linked, and none can be traced back to anyone.
"""

from django.db import models

# The longest comment a reader may send (the form says so, the view refuses more).
MAX_COMMENT = 500


class PageFeedback(models.Model):
    # CASCADE: an answer is about one page; when an administrator deletes the page,
    # what readers said about it goes too, so nothing is kept once it no longer helps
    # anyone improve a page (store nothing we do not need: SPEC.md, "Privacy").
    page = models.ForeignKey("cms.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=15)
    # The page's address when the answer was given (a slug may change later).
    path = models.CharField(max_length=300)
    helpful = models.BooleanField()
    # Scrubbed before it is stored; at most MAX_COMMENT characters as typed (a removed
    # detail's marker may make it a little longer).
    comment = models.TextField(blank=True)
    # The day only: a time of day could single a reader out on a quiet page.
    day = models.DateField(db_index=True)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = "reader's answer"
        verbose_name_plural = "readers' answers"

    def __str__(self):
        return f"{self.path} ({self.language}), {self.day}: {'yes' if self.helpful else 'no'}"
