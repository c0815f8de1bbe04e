"""The Create wizard's forms (content.cms_wizards): a new page of one kind, made as a
draft with the kind's template, its summary and a first paragraph where the template
shows it."""

import re

from cms.forms.validators import validate_url_uniqueness
from cms.models import Page, PageContent
from cms.utils.page_permissions import user_can_add_subpage
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.text import Truncator, slugify

from .models import CLINICAL_KINDS, KIND_TEMPLATES, Kind, PageDetails
from .site_content import LANGUAGE, build_page

# Where each kind of page goes: under its index page (by reverse_id); general pages
# under the home page unless the editor chooses another general page.
PARENTS = {
    Kind.CONDITION: "conditions",
    Kind.LEVEL_OF_CARE: "levels-of-care",
    Kind.THERAPY: "therapies",
    Kind.FAQ: "faq",
    Kind.GENERAL: "home",
}

# The first slot each kind's template shows in its body: the wizard's paragraph goes
# there, so editors see (and can change) what they typed.
FIRST_SLOTS = {
    Kind.CONDITION: "overview",
    Kind.LEVEL_OF_CARE: "overview",
    Kind.THERAPY: "overview",
    Kind.FAQ: "intro",
    Kind.GENERAL: "content",
}

# As fixtures/README.md asks of page files.
META_DESCRIPTION_LENGTH = 160

# Pages a general page may be placed under.
GENERAL_PARENT_TEMPLATES = [KIND_TEMPLATES[Kind.GENERAL], "pages/home.html"]


def parent_page(kind):
    """The page new pages of `kind` go under, or None if the site has none yet."""
    return Page.objects.filter(reverse_id=PARENTS[kind]).first()


def paragraphs_html(text):
    """Plain text as HTML paragraphs: a blank line starts a new paragraph."""
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return "\n".join(f"<p>{escape(block)}</p>" for block in blocks if block)


class NewPageForm(forms.Form):
    """A new draft page of `kind`. In the wizard, django CMS mixes in the fields it
    passes (`_site`, `_request`, `language_code`, see cms.wizards.forms.BaseFormMixin)."""

    kind = Kind.GENERAL

    title = forms.CharField(
        max_length=PageContent._meta.get_field("title").max_length,
        help_text="The page's heading. The page starts as a draft that only staff see; "
        "a clinical reviewer publishes it.",
    )
    slug = forms.SlugField(
        label="Address",
        max_length=200,
        required=False,
        help_text="The last part of the page's web address. Left empty, it is made from the title.",
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=PageDetails._meta.get_field("summary").help_text,
    )
    first_paragraph = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Plain words; leave a blank line between paragraphs. "
        "You can format it and add more blocks once the page is open.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].required = self.kind in CLINICAL_KINDS
        if self.kind in CLINICAL_KINDS:
            self.fields["summary"].help_text += " Needed before a clinician can review the page."

    @property
    def language(self):
        return getattr(self, "language_code", None) or LANGUAGE

    def get_parent(self):
        return parent_page(self.kind)

    def clean(self):
        data = super().clean()
        parent = data.get("parent") or self.get_parent()
        if parent is None:
            raise ValidationError("The page this goes under is missing; ask a site administrator.")
        if not user_can_add_subpage(self._request.user, target=parent, site=parent.site):
            raise ValidationError("You may not add a page there.")
        if "title" not in data:
            return data
        slug = slugify(data.get("slug") or data["title"])
        if not slug:
            self.add_error("slug", "Give the page an address of letters or numbers.")
            return data
        data["slug"] = slug
        # Published pages hold their address; a draft takes its own when it is published.
        taken = self.sibling_drafts(parent).filter(slug=slug).exists()
        base = "" if parent.is_home else parent.get_path(self.language)  # None: parent not published
        path = slug if base == "" else f"{base}/{slug}" if base else None
        if path is not None and not taken:
            try:
                validate_url_uniqueness(parent.site, path, self.language)
            except ValidationError:
                taken = True
        if taken:
            where = f"/{path}/" if path else f"“{slug}” under this page"
            self.add_error("slug", f"A page at {where} exists already; choose another address.")
        data["parent"] = parent
        return data

    def sibling_drafts(self, parent):
        """The current content of the pages at the new page's level."""
        siblings = Q(page__parent=parent)
        if parent.is_home:  # the home page's children share the top level with it
            siblings |= Q(page__parent__isnull=True)
        return PageContent.admin_manager.current_content(language=self.language).filter(siblings)

    def page_data(self):
        """The new page as the data of a page file (fixtures/README.md)."""
        data = self.cleaned_data
        return {
            "reverse_id": None,
            "parent": data["parent"],
            "title": data["title"].strip(),
            "slug": data["slug"],
            "kind": self.kind,
            "template": self.kind.value,
            "summary": data.get("summary", ""),
            # Search engines and share previews show this; an editor can change it in
            # the page's settings.
            "meta_description": Truncator(data.get("summary", "")).chars(META_DESCRIPTION_LENGTH),
            "placeholders": {FIRST_SLOTS[self.kind]: [{"text": paragraphs_html(data["first_paragraph"])}]},
        }

    def save(self, **kwargs):
        """The new page, a draft: never published here (that is for clinical reviewers)."""
        with transaction.atomic():
            return build_page(self.page_data(), self._request.user, publish=False)


class ConditionPageForm(NewPageForm):
    kind = Kind.CONDITION


class LevelOfCarePageForm(NewPageForm):
    kind = Kind.LEVEL_OF_CARE


class TherapyPageForm(NewPageForm):
    kind = Kind.THERAPY


class FAQPageForm(NewPageForm):
    kind = Kind.FAQ


class GeneralPageForm(NewPageForm):
    kind = Kind.GENERAL

    parent = forms.ModelChoiceField(
        label="Place it under",
        queryset=Page.objects.none(),
        required=False,
        help_text="Left empty, the page goes under the home page.",
    )
    field_order = ["title", "slug", "parent", "summary", "first_paragraph"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        general = PageContent.admin_manager.current_content(
            language=self.language, template__in=GENERAL_PARENT_TEMPLATES
        ).values("page")
        field = self.fields["parent"]
        field.queryset = Page.objects.filter(pk__in=general)  # in page-tree order
        field.label_from_instance = lambda page: page.get_admin_content(self.language).title
        field.initial = self.get_parent()
