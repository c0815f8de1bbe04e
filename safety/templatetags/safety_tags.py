from django import template
from django.conf import settings
from django.utils.translation import get_language

from safety.lines import GET_HELP_NOW_PAGE, banner_links, banner_words

register = template.Library()


@register.inclusion_tag("includes/crisis_banner.html")
def crisis_banner():
    language = get_language()
    return {"rows": banner_links(language), "words": banner_words(language)}


@register.simple_tag
def exit_page_url():
    return settings.EXIT_PAGE_URL


@register.inclusion_tag("includes/local_lines.html", takes_context=True)
def local_lines(context):
    """On Get help now: the clinic's own lines in full (on a phone the banner folds them
    into its "more ways to get help" link, which leads here)."""
    request = context.get("request")
    page = getattr(request, "current_page", None)
    if page is None or page.reverse_id != GET_HELP_NOW_PAGE:
        return {"rows": []}
    return {"rows": [row for row in banner_links(get_language()) if row.local]}
