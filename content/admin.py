from cms.extensions import PageContentExtensionAdmin, PageExtensionAdmin
from django.contrib import admin

from .models import ClinicSettings, LocalCrisisLine, PageDetails, PageKind, PublicationLogEntry


@admin.register(PageKind)
class PageKindAdmin(PageExtensionAdmin):
    fields = ["kind", "lists_kind"]


@admin.register(PageDetails)
class PageDetailsAdmin(PageContentExtensionAdmin):
    fieldsets = [
        (None, {"fields": ["summary"]}),
        ("Medical review", {"fields": list(PageDetails.REVIEW_FIELDS)}),
        ("Level of care facts", {"fields": list(PageDetails.FACT_FIELDS), "classes": ["collapse"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        """Only clinical reviewers may record a review; others see it read-only."""
        if request.user.has_perm("content.record_medical_review"):
            return []
        return list(PageDetails.REVIEW_FIELDS)


@admin.register(PublicationLogEntry)
class PublicationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "page_title", "language", "version_number", "username"]
    list_filter = ["action", "language"]
    search_fields = ["page_title", "username"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "updated_at"]

    def has_add_permission(self, request):
        # One row: the site's own details.
        return super().has_add_permission(request) and not ClinicSettings.objects.exists()


@admin.register(LocalCrisisLine)
class LocalCrisisLineAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "accepts_texts", "verified_on", "order"]
    list_editable = ["order"]
