from django import template
from django.conf import settings
from django.utils.translation import get_language

from safety.lines import banner_links, banner_words

register = template.Library()


@register.inclusion_tag("includes/crisis_banner.html")
def crisis_banner():
    language = get_language()
    return {"rows": banner_links(language), "words": banner_words(language)}


@register.simple_tag
def exit_page_url():
    return settings.EXIT_PAGE_URL
