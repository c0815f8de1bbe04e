"""Which page an answer is about: the form sends the page's path and language as
hidden fields, and only a published page of this site, at exactly that address, is
accepted. The link back from the thank-you page is the page's own URL from the
database, never the text that was posted."""

from dataclasses import dataclass

from cms.models import PageContent, PageUrl
from django.conf import settings

from content.selectors import published_content
from content.translations import LANGUAGE_NAMES, language_home

MAX_PATH = 300


@dataclass(frozen=True)
class AnsweredPage:
    content: PageContent  # the published version, in the reader's language
    url: str

    @property
    def page(self):
        return self.content.page

    @property
    def title(self):
        return self.content.title


def published_page_at(path, language):
    """The published page visitors read at `path` in `language` (an AnsweredPage), or None."""
    if language not in LANGUAGE_NAMES or len(path) > MAX_PATH or "\x00" in path:  # PostgreSQL refuses NUL
        return None
    home = language_home(language)  # "/" for English, "/es/" for Spanish
    if not path.startswith(home):
        return None
    slug_path = path[len(home) :].strip("/")
    url = (
        PageUrl.objects.filter(site_id=settings.SITE_ID, language=language, path=slug_path)
        .select_related("page")
        .first()
    )
    if url is None or url.page.login_required:  # visitors cannot read such a page
        return None
    content = published_content(url.page, language)
    if content is None:
        return None
    canonical = url.page.get_absolute_url(language, fallback=False)
    return AnsweredPage(content, canonical) if canonical == path else None
