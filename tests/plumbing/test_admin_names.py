"""The admin in words a clinic understands (plumbing.admin_names): its header, and
the names and order on its index for every staff role."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse
from lxml import html

from devtools.builders import staff_user
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR
from plumbing.admin_names import SITE_HEADER, ClinicAdminSite, require_two_factor

pytestmark = pytest.mark.django_db

DEVELOPER_LABELS = [
    "Django administration",
    "Django site admin",
    "Site administration",
    "Axes",
    "Otp_Totp",
    "TOTP devices",
    "django CMS",
    "Page contents",
    "Page content versions",
    "Authentication and Authorization",
]


def index(client, user):
    client.force_login(user)
    page = html.fromstring(client.get(reverse("admin:index")).content.decode())
    apps = {}
    for module in page.xpath('//*[@id="content-main"]//div[contains(@class, "module")]'):
        caption = module.xpath(".//caption")[0].text_content().strip()
        apps[caption] = [row.text_content().strip() for row in module.xpath(".//th[@scope='row']")]
    return page, apps


def visible_text(page):
    return " ".join(page.xpath("//title//text() | //body//text()"))


@pytest.mark.parametrize(
    "role, expected",
    [
        (
            EDITOR,
            {"Pages": ["All pages"], "Page versions": ["Version history of a page"]},
        ),
        (
            CLINICAL_REVIEWER,
            {"Pages": ["All pages"], "Page versions": ["Version history of a page"]},
        ),
        (
            SITE_ADMINISTRATOR,
            {
                "Pages": ["All pages"],
                "Page versions": ["Version history of a page"],
                "Safety: crisis lines and clinic details": ["Clinic settings", "Local crisis lines"],
                "Staff accounts and roles": ["Staff accounts", "Roles and what each may do"],
            },
        ),
    ],
)
def test_each_role_sees_the_clinics_names_on_the_admin_index(client, role, expected):
    """Editors, reviewers and administrators see plain names, pages first, and no developer labels."""
    page, apps = index(client, staff_user(role))
    for app, models in expected.items():
        assert apps[app] == models, app
    assert list(apps)[:2] == ["Pages", "Page versions"]
    assert "Clinical content review" in apps
    text = visible_text(page)
    assert SITE_HEADER in text
    for label in DEVELOPER_LABELS:
        assert not re.search(rf"\b{re.escape(label)}\b", text), label


def test_superuser_sees_sign_in_lockouts_and_two_factor_devices_by_name(client, admin_user):
    """Everything a superuser sees has a clinic name too: sign-in lockouts, two-factor devices, the site address."""
    page, apps = index(client, admin_user)
    assert apps["Sign-in lockouts"] == [
        "Locked and failed sign-ins (delete one to unlock)",
        "Failed sign-ins",
        "Sign-in history",
    ]
    assert apps["Two-factor devices"] == ["Authenticator apps"]
    assert apps["Site address"] == ["Public address"]
    order = list(apps)
    assert (
        order.index("Pages") < order.index("Safety: crisis lines and clinic details") < order.index("Sign-in lockouts")
    )
    text = visible_text(page)
    for label in DEVELOPER_LABELS:
        assert not re.search(rf"\b{re.escape(label)}\b", text), label


def test_app_pages_and_breadcrumbs_use_the_clinics_names(client, admin_user):
    """A list page says "Sign-in lockouts" in its breadcrumb and title, not "Axes" or "Django site admin"."""
    client.force_login(admin_user)
    text = visible_text(html.fromstring(client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()))
    assert "Sign-in lockouts" in text and SITE_HEADER in text
    assert "Axes" not in text and "Django site admin" not in text


def test_sign_in_page_is_branded_for_staff(client):
    """Before signing in, the page already says whose site this is."""
    text = visible_text(html.fromstring(client.get(reverse("admin:login")).content.decode()))
    assert SITE_HEADER in text and "Django administration" not in text


def test_two_factor_sign_in_keeps_the_clinics_names():
    """With DJANGO_STAFF_2FA the admin asks for a code and still uses the clinic's names."""
    from django_otp.admin import OTPAdminSite

    site = ClinicAdminSite(name="two-factor-test")
    require_two_factor(site)
    assert isinstance(site, OTPAdminSite) and isinstance(site, ClinicAdminSite)
    assert site.site_header == SITE_HEADER
    assert "otp_token" in site.login_form.base_fields
    assert isinstance(admin.site, ClinicAdminSite)  # the real site is untouched
