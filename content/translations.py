"""Pages in more than one language: where each language's version of a page is, what a
Spanish reader is shown for a page not translated yet, and whether a translation still
follows the English page it was made from."""

from cms.models import PageContent
from django.conf import settings
from django.db.models import F
from django.utils.translation import override
from djangocms_versioning.models import Version

from plumbing.internals import page_url

from .models import PageDetails
from .selectors import page_listing, published_content, published_contents

LANGUAGE_NAMES = dict(settings.LANGUAGES)
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
# Every language a page may be translated into (all but English).
TRANSLATED_LANGUAGES = [code for code in LANGUAGE_NAMES if code != DEFAULT_LANGUAGE]
# Shown after a link to a page that has no version in the reader's language.
IN_ENGLISH = {"es": "(en inglés)"}


def language_home(language):
    """English lives at the root, every other language under its code (/es/)."""
    return "/" if language == DEFAULT_LANGUAGE else f"/{language}/"


def page_versions(page):
    """{language: URL} of each published version of a page, English first, in one
    query: its languages with their paths (kept in the cached page facts)."""
    rows = PageContent.objects.filter(page=page, page__urls__language=F("language")).values_list(
        "language", "page__urls__path"
    )
    paths = dict(rows)
    urls = {}
    for language in LANGUAGE_NAMES:
        if language in paths:
            with override(language):
                urls[language] = page_url(page, paths[language])
    return urls


def only_in_english(kind, language, listing):
    """The published pages of a kind that have no version in `language` yet (`listing`:
    the index's own pages in that language): a Spanish index lists them after its own,
    linking to the English page."""
    if language == DEFAULT_LANGUAGE:
        return []
    translated = {item.content.page_id for item in listing}
    return [item for item in page_listing(kind, DEFAULT_LANGUAGE) if item.content.page_id not in translated]


def top_navigation_only_in_english(language, shown_page_ids):
    """The English top-level pages in navigation that the menu in `language` lacks."""
    if language == DEFAULT_LANGUAGE:
        return []
    contents = published_contents(DEFAULT_LANGUAGE).filter(in_navigation=True, page__parent__isnull=True)
    return [content for content in contents if content.page_id not in shown_page_ids]


def in_english_note(language):
    return IN_ENGLISH.get(language, "(English)")


def english_version_number(page):
    """The number of the published English version (djangocms-versioning keeps it as text)."""
    content = published_content(page, DEFAULT_LANGUAGE)
    return int(Version.objects.get_for_content(content).number) if content is not None else None


def translation_is_out_of_date(details):
    """True when the English page was published again after this translation was made
    (or marked current). Not a translation: False."""
    content = details.extended_object
    if content.language == DEFAULT_LANGUAGE or details.translated_from_version is None:
        return False
    current = english_version_number(content.page)
    return current is not None and current > details.translated_from_version


def mark_translation_current(content):
    """The translation `content` follows the English page as it is published now.
    Returns the translation's Version (None for English, or with no English page)."""
    current = english_version_number(content.page)
    if content.language == DEFAULT_LANGUAGE or current is None:
        return None
    # A translation added in the toolbar has no details yet: they start here.
    details, _created = PageDetails.objects.get_or_create(extended_object=content)
    details.translated_from_version = current
    details.save(update_fields=["translated_from_version"])
    return Version.objects.get_for_content(content)
