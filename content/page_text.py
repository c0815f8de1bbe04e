"""The body text of a page version, as a reader sees it, for the writing checks."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from lxml import html as lxml_html

from plumbing.internals import render_placeholders, shown_placeholders

# Sources are cited titles, not our writing: an old term in a title is not ours to fix.
SLOTS_NOT_CHECKED = {"references"}
BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "summary", "dt", "dd", "td", "th", "caption", "blockquote")


def rendered_body_html(content):
    """HTML of every checked slot of `content` (a draft or a published PageContent),
    rendered by the plugins themselves, as a visitor would get it."""
    request = RequestFactory().get(content.page.get_absolute_url(content.language) or "/")
    request.user = AnonymousUser()
    request.current_page = content.page
    checked = [placeholder for placeholder in shown_placeholders(content) if placeholder.slot not in SLOTS_NOT_CHECKED]
    return "\n".join(render_placeholders(request, checked, content.language))


def html_to_text(html):
    """Plain text where each paragraph, heading or list item ends as a sentence, so a
    heading without a full stop is not glued onto the next sentence."""
    if not html.strip():
        return ""
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    pieces = []
    for element in tree.iter(*BLOCK_TAGS):
        if any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors()):
            continue  # its text is part of the enclosing block
        text = " ".join(element.text_content().split())
        if text:
            pieces.append(text if text[-1] in ".!?:" else f"{text}.")
    return " ".join(pieces)


def body_text(content):
    return html_to_text(rendered_body_html(content))
