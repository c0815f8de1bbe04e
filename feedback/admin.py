"""Readers' answers in the admin: read only. Editors and clinical reviewers read them
(editorial.roles); a site administrator may delete one, for a comment that still holds
personal details the scrubber could not recognise. Counts and comments per page are in
the content review (editorial.review)."""

from django.contrib import admin

from .models import PageFeedback


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ["day", "path", "language", "helpful", "comment"]
    list_filter = ["helpful", "language", "day"]
    search_fields = ["path", "comment"]
    date_hierarchy = "day"
    list_per_page = 50
    # Shown on one answer's page; nothing there can be changed.
    fields = ["day", "path", "language", "helpful", "comment"]

    def has_add_permission(self, request):
        return False  # only readers answer, through the form on each page

    def has_change_permission(self, request, obj=None):
        return False  # what a reader said stays as they said it
