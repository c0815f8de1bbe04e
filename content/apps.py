from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Clinical content"

    def ready(self):
        from cms.cms_wizards import cms_page_wizard, cms_subpage_wizard

        from plumbing.internals import hide_wizards

        from . import signals  # noqa: F401  (cached pages follow page kinds and details)

        # No page without a kind: the Create dialog offers the site's page wizards
        # (content.cms_wizards), not django CMS's untyped "New page" / "New sub page".
        hide_wizards(cms_page_wizard, cms_subpage_wizard)
