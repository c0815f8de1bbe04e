from django import template
from django.utils.safestring import mark_safe

register = template.Library()


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
