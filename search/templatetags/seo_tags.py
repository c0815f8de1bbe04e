"""Canonical links, share previews and JSON-LD structured data."""

import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from content.models import Kind
from safety.clinic import clinic_settings

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def site_origin():
    return f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}"


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    return f"{site_origin()}{request.path}"


@register.simple_tag(takes_context=True)
def structured_data(context, info, breadcrumbs=None):
    """JSON-LD: MedicalWebPage (with review dates where reviewed), MedicalCondition on
    condition pages, the breadcrumb trail, and the clinic as publisher."""
    if not info:
        return ""
    content = info.content
    details = info.details
    clinic = context.get("clinic") or clinic_settings()  # the context processor read it already
    publisher = {"@type": "MedicalClinic", "name": clinic.name, "url": site_origin() + "/"}
    if clinic.phone:
        publisher["telephone"] = clinic.phone
    if clinic.address:
        publisher["address"] = " ".join(clinic.address.split())
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": content.title,
        "url": canonical_url(context),
        "inLanguage": content.language,
        "publisher": publisher,
    }
    if content.meta_description:
        page["description"] = content.meta_description
    if details and details.is_reviewed:
        page["lastReviewed"] = details.reviewed_on.isoformat()
        reviewer = {"@type": "Person", "name": details.reviewer_name}
        if details.reviewer_credentials:
            reviewer["honorificSuffix"] = details.reviewer_credentials
        page["reviewedBy"] = reviewer
    if info.kind == Kind.CONDITION:
        page["about"] = {"@type": "MedicalCondition", "name": content.title}
        page["mainEntity"] = page["about"]
    graph = [page]
    if breadcrumbs:
        graph.append(
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": index, "name": name, "item": f"{site_origin()}{path}"}
                    for index, (name, path) in enumerate(breadcrumbs, start=1)
                ],
            }
        )
    blocks = [
        format_html(
            '<script type="application/ld+json">{}</script>',
            mark_safe(json.dumps(item, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)),
        )
        for item in graph
    ]
    return mark_safe("\n".join(blocks))
