"""Names a clinic understands in the admin, in place of developers' labels.

Two documented Django hooks, nothing else:

- App names ("Axes", "Otp_Totp", "django CMS Versioning"): an AppConfig subclass per
  app with its own `verbose_name`, named in INSTALLED_APPS instead of the app (Django's
  "Configuring applications"). The app label stays, so URLs, permissions, tables and
  migrations do not change. `cms` keeps its own entry (djangocms-text looks for the
  string "cms" in INSTALLED_APPS), so its name is changed on the admin index only.
- The admin site (`ClinicAdminConfig.default_site`, "Overriding the default admin
  site"): the header and title, model names on the index (a model's own verbose name
  is part of its app's migrations, so it cannot be changed from here), and the order
  of the index: pages first, then the clinic's details, then staff accounts.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.auth.apps import AuthConfig
from django.contrib.sites.apps import SitesConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig
from djangocms_versioning.apps import VersioningConfig

SITE_HEADER = "Clinic site — staff"


class ClinicAdminConfig(AdminConfig):
    default_site = "plumbing.admin_names.ClinicAdminSite"


class StaffAccountsConfig(AuthConfig):
    verbose_name = "Staff accounts and roles"


class SignInLockoutsConfig(AxesAppConfig):
    verbose_name = "Sign-in lockouts"


class TwoFactorDevicesConfig(TOTPAppConfig):
    verbose_name = "Two-factor devices"


class PageVersionsConfig(VersioningConfig):
    verbose_name = "Page versions"


class SiteAddressConfig(SitesConfig):
    verbose_name = "Site address"


# App label -> the name on the index, for apps whose AppConfig stays as it is.
APP_NAMES = {"cms": "Pages"}
# (app label, model) -> the name on the index, in the order the index lists them.
MODEL_NAMES = {
    ("cms", "pagecontent"): "All pages",
    ("djangocms_versioning", "pagecontentversion"): "Version history of a page",
    ("auth", "user"): "Staff accounts",
    ("auth", "group"): "Roles and what each may do",
    ("axes", "accessattempt"): "Locked and failed sign-ins (delete one to unlock)",
    ("axes", "accessfailurelog"): "Failed sign-ins",
    ("axes", "accesslog"): "Sign-in history",
    ("otp_totp", "totpdevice"): "Authenticator apps",
    ("sites", "site"): "Public address",
}
# The index, top to bottom: everyday editing first; apps not listed come last.
APP_ORDER = [
    "cms",
    "djangocms_versioning",
    "editorial",
    "content",
    "safety",
    "auth",
    "otp_totp",
    "axes",
    "search",
    "sites",
]


class ClinicAdminSite(AdminSite):
    site_header = SITE_HEADER
    site_title = SITE_HEADER
    index_title = "Staff home"

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        model_position = {key: index for index, key in enumerate(MODEL_NAMES)}
        for app in apps:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            for model in app["models"]:
                key = (app["app_label"], model["object_name"].lower())
                model["name"] = MODEL_NAMES.get(key, model["name"])
                model["position"] = model_position.get(key, len(MODEL_NAMES))
            app["models"].sort(key=lambda model: (model["position"], model["name"]))
        app_position = {label: index for index, label in enumerate(APP_ORDER)}
        return sorted(apps, key=lambda app: (app_position.get(app["app_label"], len(APP_ORDER)), app["name"]))


def require_two_factor(site):
    """Staff sign in with a TOTP code as well (django-otp's admin site), keeping the
    clinic's names: `site` becomes both a ClinicAdminSite and an OTPAdminSite."""
    from django_otp.admin import OTPAdminSite

    site.__class__ = type("ClinicTwoFactorAdminSite", (OTPAdminSite, site.__class__), {})
