"""Template tags for what a page says about itself and index listings: its facts
(kind, review, details), the pages of a kind, and the levels-of-care comparison."""

import re
from dataclasses import dataclass

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

from plumbing.internals import rendered_content

from ..models import PageDetails
from ..page_facts import page_facts
from ..selectors import page_listing
from ..translations import in_english_note, only_in_english

register = template.Library()


@register.simple_tag(takes_context=True)
def page_info(context):
    """The PageFacts of the page being rendered (None outside CMS pages)."""
    request = context.get("request")
    content = rendered_content(request) if request else None
    if content is None:
        return None
    facts = getattr(request, "_page_facts", None)
    if facts is None or facts.content is not content:  # the base and page templates both ask
        facts = request._page_facts = page_facts(request, content)
    return facts


@register.simple_tag
def published_pages_of_kind(kind):
    """Published pages of one kind in this language, in page-tree order."""
    return page_listing(kind, get_language()) if kind else []


@register.simple_tag
def pages_only_in_english(kind, listing):
    """Pages of a kind with no version in this language yet, for a Spanish index
    (`listing`: the index's own pages, from published_pages_of_kind)."""
    return only_in_english(kind, get_language(), listing) if kind else []


@register.simple_tag
def in_english():
    """The note after a link to a page that is only in English: "(en inglés)"."""
    return in_english_note(get_language())


@register.simple_tag
def comparison_columns():
    """The comparison table's fact columns, named as on each level's facts box."""
    return PageDetails.fact_labels()


@register.simple_tag
def comparison_cells(details):
    """(column, value) for each fact of one level of care, "—" where none is given."""
    values = [getattr(details, name, "") or "—" for name in PageDetails.FACT_FIELDS]
    return list(zip(PageDetails.fact_labels(), values, strict=True))


# A page this long gets an "On this page" list of its sections.
CONTENTS_FROM_HEADINGS = 4
SECTION_HEADING = re.compile(r"<h2(?P<attributes>[^>]*)>(?P<title>.*?)</h2>", re.S)
HEADING_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class Outline:
    html: str
    headings: list  # [(anchor, title)], empty on a short page


@register.simple_tag
def page_outline(html):
    """The page's body with an anchor on each section heading (<h2>), and the list of
    those sections when there are enough to need one: made from the page's own
    headings, so it never goes out of step with them."""
    headings, used = [], set()

    def anchor(match):
        if "class=" in match.group("attributes"):
            return match.group(0)  # a card's or a box's title (an index's listing), not a section
        title = " ".join(strip_tags(match.group("title")).split())
        existing = HEADING_ID.search(match.group("attributes"))
        name = existing.group(1) if existing else (slugify(title) or "section")
        while name in used:
            name += "-more"
        used.add(name)
        headings.append((name, title))
        if existing:
            return match.group(0)
        return f'<h2 id="{name}"{match.group("attributes")}>{match.group("title")}</h2>'

    html = SECTION_HEADING.sub(anchor, str(html))
    return Outline(mark_safe(html), headings if len(headings) >= CONTENTS_FROM_HEADINGS else [])
