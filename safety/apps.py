from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "safety"
    verbose_name = "Safety: crisis lines and clinic details"

    def ready(self):
        from . import signals  # noqa: F401  (every page shows these settings)
