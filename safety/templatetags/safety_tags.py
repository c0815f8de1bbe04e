from django import template
from django.conf import settings

from safety.lines import crisis_lines

register = template.Library()


@register.inclusion_tag("includes/crisis_banner.html")
def crisis_banner():
    return {"lines": crisis_lines()}


@register.simple_tag
def exit_page_url():
    return settings.EXIT_PAGE_URL
