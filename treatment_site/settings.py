"""Settings for the clinic's treatment information site.

One module, read from the environment (see `.env.example`). Local defaults are safe:
an SQLite file in the project, DEBUG off, local-memory cache. A `.env` file in the
project root (made by `make run`, never committed) is read first; real environment
variables win over it.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv(path):
    """Read KEY=VALUE lines from `path` into os.environ without overriding it."""
    if not path.exists():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


# DJANGO_ENV_FILE lets tests and deployments point elsewhere (or at nothing).
_load_dotenv(Path(os.environ.get("DJANGO_ENV_FILE", BASE_DIR / ".env")))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    # A guessable key would let anyone forge staff sessions, so production refuses
    # to start without one; `make run` writes a random key into `.env` once.
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Run `make run` (it writes a local key to .env) "
        "or set DJANGO_SECRET_KEY in the environment."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# plumbing.admin_names.* are these apps under names a clinic understands in the admin
# (same app labels, tables and URLs); ClinicAdminConfig is django.contrib.admin with
# the clinic's admin site.
INSTALLED_APPS = [
    "plumbing.admin_names.StaffAccountsConfig",  # django.contrib.auth
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "plumbing.admin_names.ClinicAdminConfig",  # django.contrib.admin
    "plumbing.admin_names.SiteAddressConfig",  # django.contrib.sites
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.messages",
    "django.contrib.postgres",
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_text",
    "plumbing.admin_names.PageVersionsConfig",  # djangocms_versioning
    "plumbing.admin_names.SignInLockoutsConfig",  # axes
    "django_otp",
    "plumbing.admin_names.TwoFactorDevicesConfig",  # django_otp.plugins.otp_totp
    # The site's own apps, one per concept (README, "Layout").
    "plumbing",
    "content",
    "safety",
    "feedback",  # before editorial: the staff roles it sets after migrate read feedback's permissions
    "editorial",
    "search",
]

MIDDLEWARE = [
    "plumbing.middleware.RequestGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so cached pages get them too and the cache sees the
    # views' own Cache-Control (its mark of what may be shared).
    "plumbing.middleware.PrivacyHeadersMiddleware",
    "plumbing.page_cache.AnonymousPageCacheMiddleware",
    "plumbing.middleware.MalformedSessionCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "plumbing.middleware.TwoFactorRequiredMiddleware",
    "plumbing.middleware.NoSessionForVisitorsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    "editorial.middleware.PublishGateMiddleware",
    # cms.middleware.language.LanguageCookieMiddleware is left out on purpose:
    # it sets a cookie for every visitor, and anonymous visitors get none.
    "axes.middleware.AxesMiddleware",
]

# Staff sign-in resists guessing: after AXES_FAILURE_LIMIT failures an account, and
# separately an address, is locked for AXES_COOLOFF_TIME hours (`manage.py
# axes_reset_username NAME` / `axes_reset_ip ADDRESS` unlock early).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Behind reverse proxies, the client address is the one the nearest trusted proxy
# saw (plumbing.client_address); django-ipware's proxy count does not fit the header
# nginx writes, so it is not used.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "plumbing.client_address.client_address"

# Optional TOTP two-factor sign-in for staff (recommended in production).
STAFF_TWO_FACTOR = env_bool("DJANGO_STAFF_2FA")
OTP_TOTP_ISSUER = os.environ.get("DJANGO_OTP_ISSUER", "Clinic site")

ROOT_URLCONF = "treatment_site.urls"
WSGI_APPLICATION = "treatment_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
                "safety.clinic.context_processor",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections: a new PostgreSQL connection per request cost
        # about 17 % of throughput here; health checks drop dead ones.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, failing fast for a few seconds after a failed connection.
    DATABASES["default"]["ENGINE"] = "plumbing.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")
    )
    # django CMS loads a page's plugins with .iterator(), one small query per plugin
    # type; a server-side cursor turns each into three round trips (DECLARE, FETCH,
    # CLOSE). No query here is big enough to need one. (Also what PgBouncer needs.)
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or ""
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backends.ReusingRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clinic"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "plumbing.cache_backends.ReadAheadLocMemCache",
            "LOCATION": "clinic",
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# English at the site's root, Spanish under /es/ (the URL contract): django CMS keeps a
# translation of each page per language.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True
SITE_ID = 1

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Hashed, compressed names once `collectstatic` has written its manifest (make run,
# production); plain names before that (tests, a first manage.py call), served from
# the app folders, instead of an error on every page.
# `collectstatic` itself always writes the hashed, compressed files and the manifest.
STATIC_MANIFEST = "collectstatic" in sys.argv or (STATIC_ROOT / "staticfiles.json").exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# Files browsers ask for at the site's root (/favicon.ico). They are collected under
# /static/root/ too, where the front door serves them when the app is down.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
# The static 500 and 503 pages get the public pages' CSP (whitenoise wants the function).
WHITENOISE_ADD_HEADERS_FUNCTION = import_string("plumbing.static_headers.static_file_headers")
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

# django CMS
CMS_TEMPLATES = [
    ("pages/general.html", "General page"),
    ("pages/home.html", "Home page"),
    ("pages/index.html", "Index (lists pages of one kind)"),
    ("pages/condition.html", "Condition"),
    ("pages/level_of_care.html", "Level of care"),
    ("pages/therapy.html", "Therapy"),
    ("pages/faq.html", "FAQ"),
]
# Every page names its own template, which also gives it its kind (content.models):
# no "inherit", so a page's kind never changes with its parent's.
CMS_TEMPLATE_INHERITANCE = False
# What the structure board calls each slot the page templates declare (templates/pages/,
# includes/references.html, includes/related.html). Names only: which blocks fit each
# slot is set by the plugins themselves (content/cms_plugins.py).
SLOT_NAMES = {
    "intro": "Introduction",
    "content": "Page text",
    "overview": "Overview",
    "signs": "Signs",
    "risks": "Risks",
    "treatment": "Treatment",
    "what_to_expect": "What to expect",
    "for_families": "For families and friends",
    "who_it_suits": "Who it suits",
    "what_a_session_is_like": "What a session is like",
    "what_it_helps_with": "What it helps with",
    "evidence": "Evidence",
    "questions": "Questions",
    "references": "Sources",
    "related": "Related pages",
}
CMS_PLACEHOLDER_CONF = {slot: {"name": name} for slot, name in SLOT_NAMES.items()}
CMS_LANGUAGES = {
    SITE_ID: [
        {
            "code": "en",
            "name": "English",
            "public": True,
            "hide_untranslated": True,
            "redirect_on_fallback": False,
        },
        # A page not yet in Spanish is not shown under /es/: Spanish menus and indexes
        # link to its English page instead, marked "(en inglés)" (content.translations).
        {
            "code": "es",
            "name": "Español",
            "public": True,
            "hide_untranslated": True,
            "redirect_on_fallback": False,
        },
    ],
    "default": {"fallbacks": [], "hide_untranslated": True, "redirect_on_fallback": False},
}
CMS_PERMISSION = False
# For the benchmark's cold renders: DJANGO_CMS_PAGE_CACHE=0 renders every page (its
# placeholders still cached, as after a publish); DJANGO_CMS_CACHE=0 renders everything.
CMS_PLACEHOLDER_CACHE = CMS_PLUGIN_CACHE = env_bool("DJANGO_CMS_CACHE", True)
CMS_PAGE_CACHE = CMS_PLACEHOLDER_CACHE and env_bool("DJANGO_CMS_PAGE_CACHE", True)
CMS_CACHE_DURATIONS = {"content": 300, "menus": 3600, "permissions": 3600}
# A shared cache in front (the shipped nginx, a CDN) may keep an anonymous page this
# many seconds, then must ask again (so a publish shows within about a second), and
# may serve its last copy for EDGE_STALE_SECONDS while the app is down
# (plumbing.edge_cache). 0 sends no such headers.
EDGE_CACHE_SECONDS = int(os.environ.get("DJANGO_EDGE_CACHE_SECONDS", "1"))
EDGE_STALE_SECONDS = int(os.environ.get("DJANGO_EDGE_STALE_SECONDS", str(24 * 60 * 60)))
# The toolbar only on CMS pages: /healthz and other plain views must not touch the
# database through it.
CMS_TOOLBAR_HIDE = True
# The toolbar's Help menu links to the clinic's editor guide (/admin/guide/,
# editorial.cms_toolbars.EditorGuideToolbar), not to django CMS's docs and Discord.
CMS_ENABLE_HELP = False
X_FRAME_OPTIONS = "SAMEORIGIN"  # the CMS sideframe is same-origin
TEXT_INLINE_EDITING = True
# One person edits a draft at a time (djangocms-versioning's lock). A draft is locked
# to whoever made it, and to whoever presses Edit on an unlocked one; anyone else gets
# the preview with "Locked by <username>", and the edit view, plugin and placeholder
# endpoints refuse them. It also stops an unpublish or a discard by anyone but the
# holder; a publish is not checked, but the toolbar's Publish is in edit mode, which
# needs the lock (editorial.workflow unlocks a draft submitted for review). Unlocking
# needs djangocms_versioning.delete_versionlock (clinical reviewers, editorial.roles);
# the next person to press Edit then holds the draft. Read when Django starts.
DJANGOCMS_VERSIONING_LOCK_VERSIONS = True
# Unlocking emails the draft's author (djangocms-versioning); a mail server that is
# down or refuses must not make the unlock fail.
EMAIL_NOTIFICATIONS_FAIL_SILENTLY = True

# Privacy and security headers (see plumbing/middleware.py for the CSP).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "safety.views.csrf_failure"  # the safety shell on a 403 too
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_AGE", str(60 * 60 * 4)))
# Staff sessions end after DJANGO_SESSION_AGE seconds without activity (each request
# renews them); anonymous visitors have no session at all.
SESSION_SAVE_EVERY_REQUEST = True
# No cookie outlives the browser session (a shared device keeps nothing once closed);
# the server still ends a staff session after DJANGO_SESSION_AGE.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_AGE = None

HTTPS = env_bool("DJANGO_HTTPS")
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# Staff notifications (a draft waiting for review, a draft sent back). Without an
# SMTP host they are written to the server's log (Django's console backend).
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "clinic-site@localhost")

# The site's public address, for canonical links, the sitemap and share previews.
# Unset, it is this machine on the port gunicorn serves (`make run PORT=…`).
SITE_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN") or f"127.0.0.1:{os.environ.get('PORT') or '8000'}"
SITE_SCHEME = "https" if HTTPS else "http"

# Where the exit control sends a visitor: a neutral, everyday site.
EXIT_PAGE_URL = os.environ.get("EXIT_PAGE_URL", "https://www.weather.gov/")

# django-cms 5.1 pins treebeard<6, whose check warns that cms' page manager will need
# changes for treebeard 6; nothing for this project to act on (djangocms-notes.md).
SILENCED_SYSTEM_CHECKS = [
    "treebeard.E001",
    # X_FRAME_OPTIONS is SAMEORIGIN, not DENY, because the django CMS toolbar opens
    # its dialogs and preview in same-origin frames. Other sites still cannot frame
    # any page (X-Frame-Options SAMEORIGIN and CSP frame-ancestors 'self').
    "security.W019",
]
