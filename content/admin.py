from cms.extensions import PageContentExtensionAdmin
from cms.models import PageContent
from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.helpers import content_is_unlocked_for_user
from djangocms_versioning.models import Version

from editorial.workflow import record_review
from plumbing.internals import extend_registered_admin, template_slots

from .models import PageDetails

RECORD_REVIEW_PERMISSION = "content.record_medical_review"


def is_draft(content):
    return content is not None and Version.objects.get_for_content(content).state == DRAFT


def may_change(content, user):
    """A draft, and not one someone else is editing (djangocms-versioning's lock)."""
    return is_draft(content) and content_is_unlocked_for_user(content, user)


class PageDetailsForm(forms.ModelForm):
    record_my_review = forms.BooleanField(
        label="I have reviewed this version: record my medical review",
        required=False,
        help_text="Your name and credentials come from your staff profile, the date is today's. "
        "Leave “Next review due” empty for a year from today.",
    )

    class Meta:
        model = PageDetails
        # The reviewer's name, credentials and date are never typed in: record_review.
        fields = ["summary", "next_review_due", "lists_kind", *PageDetails.FACT_FIELDS]


@admin.register(PageDetails)
class PageDetailsAdmin(PageContentExtensionAdmin):
    """ "Summary, medical review and facts" of a page version. A medical review is
    recorded by the signed-in clinical reviewer, never typed in by hand."""

    form = PageDetailsForm

    def get_fieldsets(self, request, obj=None):
        review = ["reviewer_name", "reviewer_credentials", "reviewed_on"]
        if request.user.has_perm(RECORD_REVIEW_PERMISSION):
            review += ["record_my_review", "next_review_due"]
        return [
            (None, {"fields": ["summary"]}),
            ("Medical review", {"fields": review}),
            ("Level of care facts", {"fields": list(PageDetails.FACT_FIELDS), "classes": ["collapse"]}),
            ("Index pages", {"fields": ["lists_kind"], "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["reviewer_name", "reviewer_credentials", "reviewed_on"]
        if not request.user.has_perm(RECORD_REVIEW_PERMISSION):
            readonly.append("next_review_due")
        return readonly

    def has_change_permission(self, request, obj=None):
        # Details are part of a page version: only a draft's change, by whoever holds
        # it; a published version's change only by publishing a new one.
        if obj is None:
            return super().has_change_permission(request, obj)
        return super().has_change_permission(request, obj) and may_change(obj.extended_object, request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # it would take the page's summary and review record with it

    def save_model(self, request, obj, form, change):
        if change:
            content = obj.extended_object
        else:  # django CMS's add view takes the page version from the query string
            content = PageContent.admin_manager.filter(pk=request.GET.get("extended_object")).first()
        if not may_change(content, request.user):
            raise PermissionDenied("Only the details of a draft you are editing can be changed.")
        super().save_model(request, obj, form, change)
        if form.cleaned_data.get("record_my_review") and request.user.has_perm(RECORD_REVIEW_PERMISSION):
            due = form.cleaned_data.get("next_review_due") if "next_review_due" in form.changed_data else None
            record_review(obj, request.user, next_review_due=due)


class NoHiddenTextOnTemplateChange:
    """A page's layout (and so its kind) may change only to one that shows every block
    the page holds: text in a slot the new template lacks would be on no page and out
    of every editor's sight."""

    def change_template(self, request, object_id):
        content = self.get_object(request, object_id=object_id)
        to_template = request.POST.get("template")
        if content is not None and to_template in dict(settings.CMS_TEMPLATES):
            filled = {
                placeholder.slot for placeholder in content.get_placeholders() if placeholder.get_plugins().exists()
            }
            hidden = sorted(filled - template_slots(to_template))
            if hidden:
                names = ", ".join(settings.SLOT_NAMES.get(slot, slot) for slot in hidden)
                return HttpResponseBadRequest(
                    f"This layout has no place for the blocks in: {names}. Move or delete them first."
                )
        return super().change_template(request, object_id)


extend_registered_admin(PageContent, NoHiddenTextOnTemplateChange)
