"""The clinic's editor guide, for staff only, at /admin/guide/ (the toolbar's Help menu
and the admin's header link to it). The words are in
`editorial/templates/admin/editorial/editor_guide.html`; this view adds who to ask."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.response import TemplateResponse

from .models import StaffProfile
from .roles import CLINICAL_REVIEWER, SITE_ADMINISTRATOR


def people(accounts):
    """Active staff accounts as pages name them: full name (username), sorted."""
    accounts = list(accounts.filter(is_active=True, is_staff=True).distinct())
    names = dict(StaffProfile.objects.filter(user__in=accounts).values_list("user_id", "full_name"))
    return sorted(
        f"{names[user.pk]} ({user.get_username()})" if names.get(user.pk) else user.get_username() for user in accounts
    )


def editor_guide(request):
    User = get_user_model()
    context = {
        **admin.site.each_context(request),
        "title": "Editor guide",
        "administrators": people(User.objects.filter(Q(groups__name=SITE_ADMINISTRATOR) | Q(is_superuser=True))),
        "reviewers": people(User.objects.filter(groups__name=CLINICAL_REVIEWER)),
    }
    return TemplateResponse(request, "admin/editorial/editor_guide.html", context)
