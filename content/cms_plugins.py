"""The small plugins editors compose clinical pages from. Each renders accessible
markup from `templates/content/plugins/` and is limited to the slots where it fits."""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django import forms

from . import models

BODY_SLOTS = [
    "overview",
    "signs",
    "risks",
    "treatment",
    "what_to_expect",
    "for_families",
    "who_it_suits",
    "what_a_session_is_like",
    "what_it_helps_with",
    "evidence",
    "intro",
    "content",
]


def required_fields_form(model, fields):
    """A plugin form with just `fields`, all required but the body: each callout
    plugin uses part of the shared Callout table."""

    class Form(forms.modelform_factory(model, fields=fields)):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, field in self.fields.items():
                field.required = name != "body"

    return Form


class ClinicPlugin(CMSPluginBase):
    module = "Clinic"
    allowed_slots = BODY_SLOTS

    def render(self, context, instance, placeholder):
        context["instance"] = instance
        return context


@plugin_pool.register_plugin
class FAQItemPlugin(ClinicPlugin):
    model = models.FAQItem
    name = "FAQ item"
    render_template = "content/plugins/faq_item.html"
    allowed_slots = ["questions", "content", "for_families", "what_to_expect"]


@plugin_pool.register_plugin
class ReferencePlugin(ClinicPlugin):
    model = models.Reference
    name = "Reference"
    render_template = "content/plugins/reference.html"
    allowed_slots = ["references"]


@plugin_pool.register_plugin
class SafetyWarningPlugin(ClinicPlugin):
    model = models.SafetyWarning
    name = "Safety warning"
    render_template = "content/plugins/safety_warning.html"
    form = required_fields_form(models.SafetyWarning, ["title", "body"])


@plugin_pool.register_plugin
class DoDontListPlugin(ClinicPlugin):
    model = models.DoDontList
    name = "Do / do-not list"
    render_template = "content/plugins/do_dont_list.html"


@plugin_pool.register_plugin
class CareCardPlugin(ClinicPlugin):
    model = models.CareCard
    name = "Care card"
    render_template = "content/plugins/care_card.html"
    form = required_fields_form(models.CareCard, ["level", "title", "body", "action_label", "action_url"])


@plugin_pool.register_plugin
class CallToActionPlugin(ClinicPlugin):
    model = models.CallToAction
    name = "Call to action"
    render_template = "content/plugins/call_to_action.html"
    form = required_fields_form(models.CallToAction, ["title", "body", "action_label", "action_url"])


@plugin_pool.register_plugin
class RelatedPagesPlugin(ClinicPlugin):
    model = models.RelatedPages
    name = "Related pages"
    render_template = "content/plugins/related_pages.html"
    allowed_slots = ["related", *BODY_SLOTS]
    filter_horizontal = ["pages"]
