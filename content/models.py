"""Clinical pages: what kind a page is, its details and medical review, and the
plugins editors compose pages from."""

import datetime

from cms.extensions import PageContentExtension
from cms.extensions.extension_pool import extension_pool
from cms.models import CMSPlugin, Page
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from djangocms_text.fields import HTMLField

SAFE_LINK_PREFIXES = ("/", "#", "tel:", "sms:", "mailto:", "https://")


def validate_link(value):
    """Editors' links go to this site, a phone, or a secure site; never `javascript:`."""
    if not value.strip().lower().startswith(SAFE_LINK_PREFIXES):
        raise ValidationError("Use a path on this site (/…), a tel:, sms: or mailto: link, or an https:// address.")


class Kind(models.TextChoices):
    # Visitors see these labels (above a page's title, beside a search result), in their
    # language; Django's migrations compare them untranslated.
    CONDITION = "condition", _("Condition")
    LEVEL_OF_CARE = "level_of_care", _("Level of care")
    THERAPY = "therapy", _("Therapy")
    FAQ = "faq", _("FAQ")
    GENERAL = "general", _("General")


# Pages that make clinical claims and so need a clinician's review.
CLINICAL_KINDS = frozenset({Kind.CONDITION, Kind.LEVEL_OF_CARE, Kind.THERAPY})

# How long a review stays current unless the reviewer chooses another date.
REVIEW_INTERVAL = datetime.timedelta(days=365)


# A page's kind is its template's: the template is part of each page version
# (PageContent), so a kind changes only with a published version, and the two can
# never disagree. Every other template (home, index, general) makes a general page.
KIND_TEMPLATES = {
    Kind.CONDITION: "pages/condition.html",
    Kind.LEVEL_OF_CARE: "pages/level_of_care.html",
    Kind.THERAPY: "pages/therapy.html",
    Kind.FAQ: "pages/faq.html",
    Kind.GENERAL: "pages/general.html",
}
TEMPLATE_KINDS = {template: kind for kind, template in KIND_TEMPLATES.items()}


def kind_for_template(template):
    return TEMPLATE_KINDS.get(template, Kind.GENERAL)


def templates_of_kind(kind):
    """The page templates whose pages are of `kind`."""
    return [template for template, _name in settings.CMS_TEMPLATES if kind_for_template(template) == kind]


class PageDetails(PageContentExtension):
    """Per-language, versioned facts about a page: its summary, medical review, for a
    level of care the facts shown in the comparison table, and for an index page the
    kind of pages it lists."""

    summary = models.TextField(blank=True, help_text="One or two plain sentences, shown in listings and search.")
    lists_kind = models.CharField(
        "lists pages of kind",
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text="Index pages only: the published pages of this kind are listed on it.",
    )

    reviewer_name = models.CharField("reviewed by", max_length=120, blank=True)
    reviewer_credentials = models.CharField(
        "credentials", max_length=120, blank=True, help_text="For example: MD, board-certified in addiction medicine."
    )
    reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(
        null=True, blank=True, help_text="Left empty, it is set to a year after the review."
    )

    care_setting = models.CharField("setting", max_length=200, blank=True)
    hours_per_week = models.CharField("typical hours a week", max_length=200, blank=True)
    medical_monitoring = models.CharField(max_length=200, blank=True)
    who_it_may_suit = models.CharField(max_length=300, blank=True)
    typical_length = models.CharField("how long it usually lasts", max_length=200, blank=True)

    # A translation records the English version it was made from, so the content
    # review can say when the English page has been published again since.
    translated_from_version = models.PositiveIntegerField(
        "translated from English version",
        null=True,
        blank=True,
        help_text="Translations only: the number of the English version this text follows.",
    )

    REVIEW_FIELDS = ("reviewer_name", "reviewer_credentials", "reviewed_on", "next_review_due")
    FACT_FIELDS = ("care_setting", "hours_per_week", "medical_monitoring", "who_it_may_suit", "typical_length")
    # The facts' names as visitors read them, in their language. The fields' verbose
    # names (the editors' form) stay as they are: changing them would need a migration.
    FACT_LABELS = {
        "care_setting": _("Setting"),
        "hours_per_week": _("Typical hours a week"),
        "medical_monitoring": _("Medical monitoring"),
        "who_it_may_suit": _("Who it may suit"),
        "typical_length": _("How long it usually lasts"),
    }

    class Meta:
        verbose_name = "page details and medical review"
        verbose_name_plural = "page details and medical reviews"
        permissions = [("record_medical_review", "Can record a medical review")]

    def __str__(self):
        return f"Details of {self.extended_object}"

    def save(self, *args, **kwargs):
        if self.reviewed_on and not self.next_review_due:
            self.next_review_due = self.reviewed_on + REVIEW_INTERVAL
        super().save(*args, **kwargs)

    @property
    def is_reviewed(self):
        return bool(self.reviewer_name and self.reviewed_on)

    @property
    def is_review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    @classmethod
    def fact_labels(cls):
        """The level-of-care facts' names, as the facts box and the comparison table show them."""
        return [cls.FACT_LABELS[name] for name in cls.FACT_FIELDS]

    @property
    def facts(self):
        """The level-of-care facts that are filled in, as (label, value) pairs."""
        pairs = zip(self.fact_labels(), (getattr(self, name) for name in self.FACT_FIELDS), strict=True)
        return [(label, value) for label, value in pairs if value]


extension_pool.register(PageDetails)


# --- Plugins editors compose pages from -------------------------------------------


class FAQItem(CMSPlugin):
    question = models.CharField(max_length=300)
    answer = HTMLField()

    def __str__(self):
        return self.question

    @property
    def anchor(self):
        """A stable id for linking to this answer (search results link here)."""
        return f"q-{slugify(self.question)[:60]}"


class Reference(CMSPlugin):
    title = models.CharField(max_length=400, help_text="The source's exact title.")
    publisher = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("link", max_length=500, blank=True)

    def __str__(self):
        return self.title


class DoDontList(CMSPlugin):
    title = models.CharField(max_length=200)
    dos = models.TextField("do", help_text="One item a line.", blank=True)
    donts = models.TextField("do not", help_text="One item a line. Each should begin with “Do not”.", blank=True)

    def __str__(self):
        return self.title

    @staticmethod
    def _lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def do_items(self):
        return self._lines(self.dos)

    # How a "do not" item may begin in each language, and the words put in front of one
    # that does not.
    DO_NOT_WORDS = {
        "en": (("do not", "don't", "don’t", "never"), "Do not"),
        "es": (("no ", "nunca"), "No"),
    }

    @property
    def do_not_items(self):
        """Each item reads as a "do not", even if the editor left the words off."""
        openings, words = self.DO_NOT_WORDS.get(self.language, self.DO_NOT_WORDS["en"])
        items = []
        for line in self._lines(self.donts):
            if not line.lower().startswith(openings):
                line = f"{words} {line[0].lower()}{line[1:]}"
            items.append(line)
        return items


class Callout(CMSPlugin):
    """The boxed messages editors place in a page: safety warnings, care cards and
    calls to action. They are three plugins (proxies below) on one table, because
    django CMS loads a page's plugins with one query per table."""

    class Level(models.TextChoices):
        # Shown to visitors on each care card, in their language.
        NON_URGENT = "non_urgent", _("Non-urgent")
        URGENT = "urgent", _("Urgent")
        EMERGENCY = "emergency", _("Emergency")

    level = models.CharField(max_length=20, choices=Level.choices, blank=True)
    title = models.CharField(max_length=200)
    body = HTMLField(blank=True)
    action_label = models.CharField(max_length=100, blank=True, help_text="One clear action, e.g. “Call 911”.")
    action_url = models.CharField(
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text="A path on this site, a tel: or sms: link, or a full https:// address.",
    )

    def __str__(self):
        return self.title


class SafetyWarning(Callout):
    class Meta:
        proxy = True


class CareCard(Callout):
    class Meta:
        proxy = True

    def __str__(self):
        return f"{self.get_level_display()}: {self.title}"


class CallToAction(Callout):
    class Meta:
        proxy = True


class RelatedPages(CMSPlugin):
    title = models.CharField(max_length=200, default="Related pages")
    pages = models.ManyToManyField(Page, blank=True, related_name="+")

    def __str__(self):
        return self.title

    def copy_relations(self, oldinstance):
        self.pages.set(oldinstance.pages.all())
