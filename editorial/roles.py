"""Staff roles, kept in step with the code on every migrate (post_migrate).

- Editor: edits pages and saves drafts; cannot publish and cannot record a review.
- Clinical reviewer: everything an editor can, plus recording medical reviews,
  publishing, and unlocking a draft someone else holds.
- Site administrator: everything above, plus the clinic's settings, local crisis
  lines and staff accounts.
"""

from django.contrib.auth.models import Group, Permission

EDITOR = "Editor"
CLINICAL_REVIEWER = "Clinical reviewer"
SITE_ADMINISTRATOR = "Site administrator"

PLUGIN_MODELS = [
    "content.faqitem",
    "content.reference",
    "content.safetywarning",
    "content.dodontlist",
    "content.carecard",
    "content.calltoaction",
    "content.relatedpages",
    "djangocms_text.text",
]


def _crud(model, actions=("add", "change", "delete", "view")):
    app_label, name = model.split(".")
    return [f"{app_label}.{action}_{name}" for action in actions]


EDITOR_PERMISSIONS = [
    "cms.add_page",
    "cms.change_page",
    "cms.view_page",
    "cms.use_structure",
    *_crud("cms.cmsplugin"),
    *[perm for model in PLUGIN_MODELS for perm in _crud(model)],
    *_crud("content.pagedetails", ("add", "change", "view")),
    "djangocms_versioning.view_version",
    "djangocms_versioning.add_version",
    "djangocms_versioning.change_version",
    "djangocms_versioning.view_pagecontentversion",
    "djangocms_versioning.add_pagecontentversion",
    "djangocms_versioning.change_pagecontentversion",
    "editorial.view_publicationlogentry",
    "editorial.view_contentreview",
    "feedback.view_pagefeedback",  # readers' answers, in the content review and the admin
]

REVIEWER_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    "cms.publish_page",
    "content.record_medical_review",
    # Unlock a draft someone else holds (DJANGOCMS_VERSIONING_LOCK_VERSIONS), to take it over.
    "djangocms_versioning.delete_versionlock",
]

ADMINISTRATOR_PERMISSIONS = [
    *REVIEWER_PERMISSIONS,
    "cms.delete_page",
    *_crud("safety.clinicsettings"),
    *_crud("safety.localcrisisline"),
    *_crud("auth.user"),
    *_crud("editorial.staffprofile"),  # name and credentials, on the user's page
    "auth.view_group",
    # A reader's comment that still holds personal details can be removed.
    "feedback.delete_pagefeedback",
]

ROLES = {
    EDITOR: EDITOR_PERMISSIONS,
    CLINICAL_REVIEWER: REVIEWER_PERMISSIONS,
    SITE_ADMINISTRATOR: ADMINISTRATOR_PERMISSIONS,
}


def ensure_staff_roles(**kwargs):
    """Create the groups and set exactly their permissions (idempotent)."""
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)
