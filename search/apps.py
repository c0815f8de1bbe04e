from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search and findability"

    def ready(self):
        from . import signals  # noqa: F401  (keeps the index in step with publishing)
