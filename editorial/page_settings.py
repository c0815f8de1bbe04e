"""Page settings that change a live page at once, outside versioning: the advanced
settings (login required, id, menu attachments), which page is home, and where a page
sits in the tree (its URL). They are for people who may publish, and each change is
written to the publication log."""

from django.core.exceptions import PermissionDenied

from plumbing.internals import CmsPageAdmin

from .workflow import log_step, may_publish


def _log(action, page, user, note=""):
    content = page.get_admin_content("en")
    log_step(action, page_id=page.pk, page_title=getattr(content, "title", page), user=user, note=note)


class GuardedPageAdmin(CmsPageAdmin):
    def has_change_advanced_settings_permission(self, request, obj=None):
        return may_publish(request.user) and super().has_change_advanced_settings_permission(request, obj)

    def has_move_page_permission(self, request, obj=None):
        return may_publish(request.user) and super().has_move_page_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The page's own form is its advanced settings, whichever URL reaches it.
        if not may_publish(request.user):
            raise PermissionDenied("Only clinical reviewers and administrators change a page's settings.")
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changes = ", ".join(f"{name}: {form.cleaned_data.get(name)!r}" for name in form.changed_data)
        if changes:
            _log("page settings changed", obj, request.user, changes)

    def set_home(self, request, object_id):
        if not may_publish(request.user):
            raise PermissionDenied("Only clinical reviewers and administrators choose the home page.")
        response = super().set_home(request, object_id)
        if response.status_code < 400:
            _log("set as home page", self.get_object(request, object_id=object_id), request.user)
        return response

    def move_page(self, request, page_id, extra_context=None):
        if not may_publish(request.user):
            raise PermissionDenied("Only clinical reviewers and administrators move pages.")
        response = super().move_page(request, page_id, extra_context)
        if response.status_code < 400:
            page = self.get_object(request, object_id=page_id)
            _log("page moved", page, request.user, f"now under {page.parent or 'the top level'}")
        return response
