from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Clinical content"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects the publication log)
        from .roles import ensure_staff_roles

        post_migrate.connect(ensure_staff_roles, sender=self, dispatch_uid="content.staff_roles")
