"""Template tags for page kinds, medical review lines and index listings."""

from cms.models import PageContent
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from menus.menu_pool import menu_pool

from content.models import CLINICAL_KINDS, Kind, PageDetails
from content.page_facts import page_facts

register = template.Library()

KIND_PLURALS = {
    Kind.CONDITION: "conditions",
    Kind.LEVEL_OF_CARE: "levels of care",
    Kind.THERAPY: "therapies",
    Kind.FAQ: "questions and answers",
    Kind.GENERAL: "pages",
}


def _rendered_content(request):
    """The PageContent this request renders: the published one for visitors, the
    draft for staff previewing it."""
    toolbar = getattr(request, "toolbar", None)
    content = toolbar.get_object() if toolbar else None
    return content if isinstance(content, PageContent) else None


@register.simple_tag(takes_context=True)
def page_info(context):
    """Kind, clinical flag and details (summary, review, facts) of the current page."""
    request = context.get("request")
    content = _rendered_content(request) if request else None
    if content is None:
        return None
    cached = getattr(request, "_page_info", None)
    if cached is not None and cached["content"] is content:
        return cached  # the base template and the page template both ask
    kind_value, lists_kind, details, _placeholder_pks = page_facts(request, content)
    request._page_info = {
        "content": content,
        "kind": kind_value,
        "kind_label": Kind(kind_value).label,
        "kind_plural": KIND_PLURALS[kind_value],
        "lists_kind": lists_kind,
        "is_clinical": kind_value in CLINICAL_KINDS,
        "details": details,
    }
    return request._page_info


@register.simple_tag
def published_pages_of_kind(kind):
    """Published pages of one kind in this language, in page-tree order."""
    if not kind:
        return []
    contents = (
        PageContent.objects.filter(language=get_language(), page__pagekind__kind=kind)
        .select_related("page", "pagedetails")
        .prefetch_related("page__urls")
        .order_by("page__path")
    )
    listing = []
    for content in contents:
        url = content.page.get_absolute_url(content.language)
        if url:
            details = getattr(content, "pagedetails", None)
            listing.append({"title": content.title, "url": url, "content": content, "details": details})
    return listing


@register.simple_tag
def comparison_columns():
    """The comparison table's fact columns, named as on each level's facts box."""
    return PageDetails.fact_labels()


@register.simple_tag
def comparison_cells(details):
    """(column, value) for each fact of one level of care, "—" where none is given."""
    values = [getattr(details, name, "") or "—" for name in PageDetails.FACT_FIELDS]
    return list(zip(PageDetails.fact_labels(), values, strict=True))


class CaptureNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist = nodelist  # django CMS scans this for the placeholders it declares
        self.variable = variable

    def render(self, context):
        context[self.variable] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %} renders its body into `name`, so a
    template can wrap a placeholder in a heading only when it has content. Whether a
    slot has plugins cannot be asked of the renderer: a placeholder served from the
    placeholder cache has none loaded, and its sources would vanish."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _menu_nodes(request):
    """The page tree as menu nodes, the current page marked, built once per request.

    Why: each of django CMS's menu tags fetches, unpickles and re-marks the whole
    tree, and the header, breadcrumbs, related links and structured data each asked
    for it; that was a quarter of a page's render time."""
    nodes = getattr(request, "_menu_nodes", None)
    if nodes is None:
        nodes = request._menu_nodes = menu_pool.get_renderer(request).get_nodes()
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
    for node in _menu_nodes(request):
        if node.parent is None and node.visible:
            current = "page" if node.selected else "true" if node.ancestor else ""
            items.append({"title": node.get_menu_title(), "url": node.get_absolute_url(), "current": current})
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
    if trail and trail[0][1] != "/":
        trail.insert(0, ("Home", "/"))
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
