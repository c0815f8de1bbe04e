"""The page tree as visitors move through it: main menu, breadcrumbs, the pages
beside this one, and the related pages an editor chose."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plumbing.internals import menu_nodes

from ..translations import DEFAULT_LANGUAGE, in_english_note, language_home, top_navigation_only_in_english

register = template.Library()


def _menu_nodes(request):
    """The page tree as menu nodes, the current page marked, built once per request.

    Why: each of django CMS's menu tags fetches, unpickles and re-marks the whole
    tree, and the header, breadcrumbs, related links and structured data each asked
    for it; that was a quarter of a page's render time."""
    nodes = getattr(request, "_menu_nodes", None)
    if nodes is None:
        nodes = request._menu_nodes = menu_nodes(request)
    return nodes


def _selected_menu_node(request):
    if not getattr(request, "current_page", None):
        return None
    return next((node for node in _menu_nodes(request) if node.selected), None)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The top-level pages shown in navigation, each with its aria-current value:
    "page" for the current page, "true" for the section it is in."""
    request = context["request"]
    items = []
    shown = set()
    for node in _menu_nodes(request):
        if node.parent is None and node.visible:
            current = "page" if node.selected else "true" if node.ancestor else ""
            items.append({"title": node.get_menu_title(), "url": node.get_absolute_url(), "current": current})
            shown.add(node.id)
    # In Spanish, a section not translated yet is still one tap away: its English page,
    # marked "(en inglés)".
    for content in top_navigation_only_in_english(get_language(), shown):
        items.append(
            {
                "title": content.menu_title or content.title,
                "url": content.page.get_absolute_url(DEFAULT_LANGUAGE),
                "current": "",
                "in_english": in_english_note(get_language()),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def sibling_links(context):
    """The other pages beside this one in the page tree, including those kept out of
    the top navigation (most content pages are)."""
    selected = _selected_menu_node(context["request"])
    if selected is None or selected.parent is None:
        return []
    return [
        {"title": node.get_menu_title(), "url": node.get_absolute_url()}
        for node in selected.parent.children
        if node is not selected
    ]


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """(title, path) from the home page to this page."""
    node = _selected_menu_node(context["request"])
    trail = []
    while node is not None:
        trail.insert(0, (node.get_menu_title(), node.get_absolute_url()))
        node = node.parent
    home = language_home(get_language())  # / in English, /es/ in Spanish
    if trail and trail[0][1] != home:
        trail.insert(0, (_("Home"), home))
    return trail


@register.simple_tag
def related_links(plugin):
    """Titles and URLs of the chosen pages that are published in this language."""
    language = get_language()
    links = []
    for page in plugin.pages.all():
        url = page.get_absolute_url(language)
        title = page.get_title(language)
        if url and title:
            links.append({"url": url, "title": title})
    return links
