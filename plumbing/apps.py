from django.apps import AppConfig


class PlumbingConfig(AppConfig):
    name = "plumbing"
    verbose_name = "Site plumbing"

    def ready(self):
        from django.apps import apps
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate

        from .cache_backends import start_read_ahead, stop_read_ahead

        # Values read ahead from the cache serve one request only (plumbing.cache_backends).
        request_started.connect(start_read_ahead, dispatch_uid="plumbing.read_ahead_start")
        request_finished.connect(stop_read_ahead, dispatch_uid="plumbing.read_ahead_end")
        # After the sites framework's own post_migrate (this app has no models, so
        # Django sends it no post_migrate of its own).
        post_migrate.connect(set_site_domain, sender=apps.get_app_config("sites"), dispatch_uid="plumbing.site_domain")


def set_site_domain(**kwargs):
    """The sites framework starts as "example.com"; use the configured address."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_DOMAIN}
    )
