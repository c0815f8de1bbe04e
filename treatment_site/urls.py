from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from editorial.guide import editor_guide
from feedback.views import page_feedback
from plumbing.admin_names import require_two_factor
from plumbing.views import healthz
from search.sitemaps import PublishedPagesSitemap
from search.views import robots_txt, search_page

handler400 = "safety.views.bad_request"
handler403 = "safety.views.permission_denied"
handler500 = "safety.views.server_error"

if settings.STAFF_TWO_FACTOR:
    # Staff sign in with a password and a TOTP code (django-otp).
    require_two_factor(admin.site)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublishedPagesSitemap}}, name="sitemap"),
    # Readers' answers to "Was this page helpful?" (the page's language is in the form).
    path("feedback/", page_feedback, name="page_feedback"),
]

urlpatterns += i18n_patterns(
    # Search in each language: /search/ and /es/search/.
    path("search/", search_page, name="search"),
    prefix_default_language=False,
)

urlpatterns += i18n_patterns(
    # The editor guide, for signed-in staff (others are sent to sign in).
    path("admin/guide/", admin.site.admin_view(editor_guide), name="editor_guide"),
    path("admin/", admin.site.urls),
    path("", include("cms.urls")),
    prefix_default_language=False,
)
