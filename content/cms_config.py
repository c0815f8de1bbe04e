"""The site's page wizards in django CMS's Create dialog (content.cms_wizards)."""

from cms.app_base import CMSAppConfig

from .cms_wizards import PAGE_WIZARDS


class ContentCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = PAGE_WIZARDS
