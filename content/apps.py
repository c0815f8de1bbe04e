from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Clinical content"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects the publication log)
        from .roles import ensure_staff_roles

        post_migrate.connect(ensure_staff_roles, sender=self, dispatch_uid="content.staff_roles")
        post_migrate.connect(set_site_domain, sender=self, dispatch_uid="content.site_domain")


def set_site_domain(**kwargs):
    """The sites framework starts as "example.com"; use the configured address."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_DOMAIN}
    )
