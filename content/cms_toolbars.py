"""The toolbar's "Page" menu item for a page's details."""

from cms.extensions.toolbar import ExtensionToolbar
from cms.toolbar_pool import toolbar_pool

from plumbing.internals import extension_menu

from .models import PageDetails


@toolbar_pool.register
class PageDetailsToolbar(ExtensionToolbar):
    model = PageDetails

    def populate(self):
        menu = extension_menu(self)
        if menu:
            _details, url = self.get_page_content_extension_admin()
            if url:
                menu.add_modal_item(
                    "Summary, medical review and facts",
                    url=url,
                    disabled=not self.toolbar.edit_mode_active,
                )
