from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Clinical content review"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects the publication log)
        from .roles import ensure_staff_roles

        post_migrate.connect(ensure_staff_roles, sender=self, dispatch_uid="editorial.staff_roles")
