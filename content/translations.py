"""Pages in more than one language: where each language's version of a page is, what a
Spanish reader is shown for a page not translated yet, and whether a translation still
follows the English page it was made from."""

from django.conf import settings
from djangocms_versioning.models import Version

from .selectors import page_listing, published_content

LANGUAGE_NAMES = dict(settings.LANGUAGES)
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
# Shown after a link to a page that has no version in the reader's language.
IN_ENGLISH = {"es": "(en inglés)"}


def language_home(language):
    """English lives at the root, every other language under its code (/es/)."""
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def page_versions(page):
    """{language: URL} of each published version of a page, English first."""
    urls = {}
    for language in LANGUAGE_NAMES:
        if published_content(page, language) is not None:
            url = page.get_absolute_url(language)
            if url:
                urls[language] = url
    return urls


def listing_with_english_fallback(kind, language):
    """An index's listing in `language`, then the pages of that kind published only in
    English, each marked (their `in_english` note) and linking to the English page."""
    listing = [(item, "") for item in page_listing(kind, language)]
    if language == DEFAULT_LANGUAGE:
        return listing
    translated = {item.content.page_id for item, _note in listing}
    note = IN_ENGLISH.get(language, "(English)")
    return listing + [
        (item, note) for item in page_listing(kind, DEFAULT_LANGUAGE) if item.content.page_id not in translated
    ]


def english_version_number(page):
    content = published_content(page, DEFAULT_LANGUAGE)
    return Version.objects.get_for_content(content).number if content is not None else None


def translation_is_out_of_date(details):
    """True when the English page was published again after this translation was made
    (or marked current). Not a translation: False."""
    content = details.extended_object
    if content.language == DEFAULT_LANGUAGE or details.translated_from_version is None:
        return False
    current = english_version_number(content.page)
    return current is not None and current > details.translated_from_version
