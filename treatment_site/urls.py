from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from content import views

handler500 = "content.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("cms.urls")),
    prefix_default_language=False,
)
