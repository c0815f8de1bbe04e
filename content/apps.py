from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Clinical content"

    def ready(self):
        from . import signals  # noqa: F401  (cached pages follow page kinds and details)
