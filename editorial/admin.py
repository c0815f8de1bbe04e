from cms.models import PageContent
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path

from content.models import CLINICAL_KINDS

from .models import ContentReview, PublicationLogEntry
from .review import check_page, crisis_lines_to_verify, published_page_checks
from .writing import TARGET_GRADE


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff may look; nobody edits or deletes through the admin."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PublicationLogEntry)
class PublicationLogAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "page_title", "language", "version_number", "username"]
    list_filter = ["action", "language"]
    search_fields = ["page_title", "username"]
    date_hierarchy = "created_at"


@admin.register(ContentReview)
class ContentReviewAdmin(ReadOnlyAdmin):
    """ "Content review": clinical pages by next review due (overdue first, then due
    within 30 days, then never reviewed), with reading grade and wording warnings,
    and the local crisis lines due for a check. A page's full writing report is at
    `<content id>/report/` (also linked from the toolbar)."""

    def get_urls(self):
        report = self.admin_site.admin_view(self.report_view)
        return [path("<int:content_id>/report/", report, name="editorial_writing_report"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        all_checks = published_page_checks()
        context = {
            **self.admin_site.each_context(request),
            "title": "Content review",
            "opts": self.model._meta,
            "checks": [check for check in all_checks if check.kind in CLINICAL_KINDS],
            "other_checks": [check for check in all_checks if check.kind not in CLINICAL_KINDS],
            "crisis_lines": crisis_lines_to_verify(),
            "target_grade": TARGET_GRADE,
        }
        return TemplateResponse(request, "admin/editorial/content_review.html", context)

    def report_view(self, request, content_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        content = get_object_or_404(PageContent.admin_manager, pk=content_id)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Writing report: {content.title}",
            "opts": self.model._meta,
            "check": check_page(content),
            "target_grade": TARGET_GRADE,
        }
        return TemplateResponse(request, "admin/editorial/writing_report.html", context)
