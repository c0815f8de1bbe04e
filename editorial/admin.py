from cms.models import PageContent
from cms.toolbar.utils import get_object_preview_url
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from content.models import CLINICAL_KINDS
from content.selectors import published_version
from content.translations import mark_translation_current
from feedback.selectors import answers_by_page
from plumbing.internals import VERSION_COMPARE_URL_NAME, replace_page_admin

from .forms import SendBackForm, SubmitForReviewForm
from .models import ContentReview, PublicationLogEntry, ReviewRequest, StaffProfile
from .page_settings import GuardedPageAdmin
from .review import (
    check_page,
    crisis_lines_to_verify,
    published_page_checks,
    translation_checks,
    writing_checks_label,
)
from .workflow import log_version_step, may_publish, review_queue_url, send_back, submit_for_review
from .writing import TARGET_GRADE, allowed_phrases


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
    """Every step of every page, newest first. `?page_id=N` shows one page's history
    (the toolbar links there)."""

    list_display = ["created_at", "action", "page_title", "version_number", "username", "note", "at_install"]
    list_filter = ["action", "at_install", "language"]
    search_fields = ["page_title", "username", "note"]
    date_hierarchy = "created_at"


@admin.register(ContentReview)
class ContentReviewAdmin(ReadOnlyAdmin):
    """ "Content review": clinical pages by next review due (overdue first, then due
    within 30 days, then never reviewed), with reading grade and wording warnings,
    and the local crisis lines due for a check. A page's full writing report is at
    `<content id>/report/` (also linked from the toolbar), its checks as JSON at
    `<content id>/checks.json` (for the toolbar's live writing feedback)."""

    def get_urls(self):
        report = self.admin_site.admin_view(self.report_view)
        checks = self.admin_site.admin_view(self.checks_view)
        translation_current = self.admin_site.admin_view(self.translation_current_view)
        return [
            path("<int:content_id>/report/", report, name="editorial_writing_report"),
            path("<int:content_id>/translation-current/", translation_current, name="editorial_translation_current"),
            path("<int:content_id>/checks.json", checks, name="editorial_writing_checks"),
            *super().get_urls(),
        ]

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
            "translations": translation_checks(),
            "may_mark_current": request.user.has_perm("content.change_pagedetails"),
            # Editors and reviewers read readers' answers (editorial.roles); None: not shown.
            "readers_feedback": answers_by_page() if request.user.has_perm("feedback.view_pagefeedback") else None,
        }
        return TemplateResponse(request, "admin/editorial/content_review.html", context)

    def translation_current_view(self, request, content_id):
        """An editor has checked a translation against the English page republished
        since: it follows the current English version again (and the log says who)."""
        if request.method != "POST" or not request.user.has_perm("content.change_pagedetails"):
            raise PermissionDenied
        content = get_object_or_404(PageContent.admin_manager, pk=content_id)
        version = mark_translation_current(content)
        if version is not None:
            log_version_step("translation marked current", version, request.user)
            messages.success(request, f"“{content.title}” now follows the current English page.")
        return redirect("admin:editorial_contentreview_changelist")

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

    def checks_view(self, request, content_id):
        """The writing checks of one page version, a draft too, as JSON: what
        editorial/static/editorial/writing_feedback.js shows after each save."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        content = get_object_or_404(PageContent.admin_manager, pk=content_id)
        check = check_page(content)
        return JsonResponse(
            {
                "grade": check.reading.grade,
                "above_target": check.reading.above_target,
                "target": TARGET_GRADE,
                "label": writing_checks_label(check),
                "warnings": [
                    {"phrase": w.phrase, "suggestion": w.suggestion, "why": w.why, "sentence": w.sentence}
                    for w in check.warnings
                ],
                "longest_sentences": check.reading.longest_sentences,
                # Not marked inside these names ("National Institute on Drug Abuse").
                "allowed_phrases": list(allowed_phrases()),
            }
        )


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    """ "Waiting for review": drafts editors submitted, oldest first, with links to the
    draft and to a comparison with the published page. A reviewer publishes from the
    draft, or sends it back here with a comment. Editors see their own requests."""

    list_filter = ["status"]
    search_fields = ["page_title", "note"]
    readonly_fields = [field.name for field in ReviewRequest._meta.fields]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("submit/<int:version_id>/", wrap(self.submit_view), name="editorial_reviewrequest_submit"),
            path("<int:request_id>/send-back/", wrap(self.send_back_view), name="editorial_reviewrequest_send_back"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        requests = super().get_queryset(request).select_related("version", "submitted_by")
        return requests if may_publish(request.user) else requests.filter(submitted_by=request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False  # from a draft's toolbar: "Submit for review"

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="version")
    def version_number(self, obj):
        return obj.version.number

    def get_list_display(self, request):
        @admin.display(description="")
        def links(obj):  # what each person can do depends on who looks
            return self.links(obj, request.user)

        return ["page_title", "version_number", "submitted_by", "submitted_at", "note", "status", links]

    def links(self, obj, user):
        content = obj.version.content
        items = [format_html('<a href="{}" target="_top">Open the draft</a>', get_object_preview_url(content))]
        published = published_version(content.page_id, content.language)
        if published is not None:  # a new page has nothing to compare with
            compare = reverse(VERSION_COMPARE_URL_NAME, args=(obj.version.pk,))
            items.append(
                format_html('<a href="{}?compare_to={}">Compare with the published page</a>', compare, published.pk)
            )
        if obj.status == ReviewRequest.Status.WAITING and may_publish(user):
            send_back_url = reverse("admin:editorial_reviewrequest_send_back", args=(obj.pk,))
            items.append(format_html('<a href="{}">Send back with a comment</a>', send_back_url))
        return format_html_join(" · ", "{}", ((item,) for item in items))

    def submit_view(self, request, version_id):
        """An editor's "Submit for review" (a dialog opened from the toolbar)."""
        version = get_object_or_404(Version, pk=version_id, state=DRAFT)
        if not request.user.has_perm("cms.change_page") or not version.is_unlocked_for_user(request.user):
            raise PermissionDenied  # only the person who holds the draft hands it over
        form = SubmitForReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            submit_for_review(version, request.user, form.cleaned_data["note"])
            return TemplateResponse(request, "admin/editorial/dialog_done.html", {})
        context = {
            **self.admin_site.each_context(request),
            "title": f"Submit “{version.content.title}” for review",
            "form": form,
            "explanation": "A clinical reviewer will read this draft and publish it or send it back with a comment.",
            "submit_label": "Submit for review",
        }
        return TemplateResponse(request, "admin/editorial/dialog_form.html", context)

    def send_back_view(self, request, request_id):
        """A reviewer's "Send back with a comment"."""
        review_request = get_object_or_404(ReviewRequest, pk=request_id, status=ReviewRequest.Status.WAITING)
        if not may_publish(request.user):
            raise PermissionDenied
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            send_back(review_request, request.user, form.cleaned_data["comment"])
            self.message_user(request, f"Sent “{review_request.page_title}” back to its editor.")
            return HttpResponseRedirect(review_queue_url())
        context = {
            **self.admin_site.each_context(request),
            "title": f"Send “{review_request.page_title}” back",
            "form": form,
            "explanation": f"Their note: {review_request.note}" if review_request.note else "",
            "submit_label": "Send back",
        }
        return TemplateResponse(request, "admin/editorial/dialog_form.html", context)


replace_page_admin(GuardedPageAdmin)


# --- Staff accounts: name and credentials on the user's page ------------------------


class StaffProfileInline(admin.StackedInline):
    """The name and credentials shown on pages, edited by site administrators."""

    model = StaffProfile
    can_delete = False
    verbose_name = verbose_name_plural = "name and credentials shown on pages"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, StaffProfileInline]

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser makes superusers or hands out single permissions: a site
        # administrator gives roles (groups), never a way around clinical review.
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        # Nor may they change a superuser's account (its password included).
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)
