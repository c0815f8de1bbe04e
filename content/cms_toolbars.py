from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar_pool import toolbar_pool

from .models import PageDetails, PageKind


@toolbar_pool.register
class PageKindToolbar(ExtensionToolbar):
    model = PageKind

    def populate(self):
        menu = self._setup_extension_toolbar()
        if menu:
            page_extension, url = self.get_page_extension_admin()
            if url:
                menu.add_modal_item("Page kind", url=url, disabled=not self.toolbar.edit_mode_active)


@toolbar_pool.register
class PageDetailsToolbar(ExtensionToolbar):
    model = PageDetails

    def populate(self):
        menu = self._setup_extension_toolbar()
        if menu:
            _details, url = self.get_page_content_extension_admin()
            if url:
                menu.add_modal_item(
                    "Summary, medical review and facts",
                    url=url,
                    disabled=not self.toolbar.edit_mode_active,
                )
