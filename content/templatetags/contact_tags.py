"""The clinic's own contact details on the Contact page (fixtures/pages/contact.yaml),
read from the ClinicSettings an administrator fills in (safety.models, safety.clinic)."""

from django import template

from safety.clinic import clinic_settings

register = template.Library()

# The reverse_id of the Contact page: a stable key that editors never change.
CONTACT_PAGE = "contact"


@register.inclusion_tag("includes/clinic_contact.html", takes_context=True)
def clinic_contact(context):
    """On the Contact page only: the clinic's phone, address, opening hours and email,
    each shown only when it is set, or a fallback that points to the crisis lines while
    none is. Nothing on any other page.

    The details live outside the page's placeholders, so a change in the admin shows at
    once: saving ClinicSettings empties the page cache (safety.signals)."""
    request = context.get("request")
    page = getattr(request, "current_page", None)
    if page is None or page.reverse_id != CONTACT_PAGE:
        return {"show": False}
    clinic = context.get("clinic") or clinic_settings()  # the context processor read it already
    has_details = any(value.strip() for value in (clinic.phone, clinic.address, clinic.hours, clinic.email))
    return {"show": True, "clinic": clinic, "has_details": has_details}
