from cms.extensions import PageContentExtensionAdmin
from django.contrib import admin

from .models import PageDetails


@admin.register(PageDetails)
class PageDetailsAdmin(PageContentExtensionAdmin):
    fieldsets = [
        (None, {"fields": ["summary"]}),
        ("Medical review", {"fields": list(PageDetails.REVIEW_FIELDS)}),
        ("Level of care facts", {"fields": list(PageDetails.FACT_FIELDS), "classes": ["collapse"]}),
        ("Index pages", {"fields": ["lists_kind"], "classes": ["collapse"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        """Only clinical reviewers may record a review; others see it read-only."""
        if request.user.has_perm("content.record_medical_review"):
            return []
        return list(PageDetails.REVIEW_FIELDS)
