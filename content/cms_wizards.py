"""The toolbar's Create dialog: one wizard per page kind, so every new page has the
template of its kind (and so its kind), a summary, and a first paragraph in a slot its
template shows. Each makes a draft under the kind's index page; publishing stays with
clinical reviewers. Registered in content.cms_config; django CMS's own untyped "New
page" and "New sub page" are hidden (content.apps)."""

import hashlib

from cms.models import Page
from cms.utils.page_permissions import user_can_add_subpage
from cms.utils.permissions import has_plugin_permission
from cms.wizards.wizard_base import Wizard

from . import forms


class PageKindWizard(Wizard):
    def __init__(self, title, weight, form, description):
        super().__init__(title=title, weight=weight, form=form, model=Page, description=description)

    @property
    def id(self):
        # django CMS's id hashes the class's module and name; these wizards share a class.
        return hashlib.sha1(f"{__name__}.{self.form.kind}".encode()).hexdigest()

    def user_has_add_permission(self, user, page=None, site=None, **kwargs):
        """Staff who may add pages, their details and a text block; and the index the
        page goes under must exist."""
        parent = forms.parent_page(self.form.kind)
        return bool(
            parent
            and user_can_add_subpage(user, target=parent, site=site or parent.site)
            and user.has_perm("content.add_pagedetails")
            and has_plugin_permission(user, "TextPlugin", "add")
        )

    def get_success_url(self, obj, **kwargs):
        """The new draft, open for editing."""
        return super().get_success_url(obj.get_admin_content(kwargs.get("language") or "en"), **kwargs)


# The dialog shows each description on one line: keep them short.
PAGE_WIZARDS = [
    PageKindWizard("Condition", 10, forms.ConditionPageForm, "A condition we treat, under Conditions."),
    PageKindWizard("Level of care", 20, forms.LevelOfCarePageForm, "Such as outpatient, under Levels of care."),
    PageKindWizard("Therapy", 30, forms.TherapyPageForm, "A therapy we offer, under Therapies."),
    PageKindWizard("FAQ page", 40, forms.FAQPageForm, "Questions on one topic, under FAQ."),
    PageKindWizard("General page", 50, forms.GeneralPageForm, "Any other page, such as About us."),
]
