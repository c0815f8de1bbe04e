"""The language link in the header and the hreflang alternates in the head: each page
points to its version in the other language, or to that language's home."""

from django import template
from django.urls import translate_url
from django.utils.translation import get_language

from ..translations import DEFAULT_LANGUAGE, LANGUAGE_NAMES, language_home, page_versions
from .page_tags import page_info

register = template.Library()


def _versions(context):
    """{language: URL} for the page being shown, worked out once per request."""
    request = context["request"]
    versions = getattr(request, "_language_versions", None)
    if versions is None:
        page = getattr(request, "current_page", None)
        match = getattr(request, "resolver_match", None)
        facts = page_info(context) if page else None
        if facts is not None and facts.language_versions is not None:
            versions = facts.language_versions
        elif page:
            versions = page_versions(page)
        elif match is not None and not (match.url_name or "").startswith("pages-"):
            # A view of the site's own outside the page tree (search): its URL in each
            # language. (A path no page answers, a 404, has no other version; nor has a
            # view outside the language prefixes, such as /feedback/, whose URL stays
            # the same.)
            current = get_language()
            versions = {
                code: url
                for code in LANGUAGE_NAMES
                if (url := translate_url(request.path, code)) != request.path or code == current
            }
        else:
            versions = {}
        request._language_versions = versions
    return versions


@register.simple_tag(takes_context=True)
def other_languages(context):
    """[{code, name, url}] for every language but the page's own."""
    versions = _versions(context)
    current = get_language()
    return [
        {"code": code, "name": name, "url": versions.get(code) or language_home(code)}
        for code, name in LANGUAGE_NAMES.items()
        if code != current
    ]


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """[(hreflang, path)] of the versions that exist, plus x-default (English)."""
    versions = _versions(context)
    if len(versions) < 2:
        return []
    alternates = list(versions.items())
    if DEFAULT_LANGUAGE in versions:
        alternates.append(("x-default", versions[DEFAULT_LANGUAGE]))
    return alternates


@register.simple_tag
def home_url():
    return language_home(get_language())
