from cms.models import PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from content.selectors import published_contents


class PublishedPagesSitemap(Sitemap):
    """Exactly the published pages in every language, each with the time it was last
    published."""

    protocol = settings.SITE_SCHEME

    def items(self):
        contents = [content for code, _name in settings.LANGUAGES for content in published_contents(code)]
        published = Version.objects.filter(
            content_type=ContentType.objects.get_for_model(PageContent),
            object_id__in=[content.pk for content in contents],
            state=PUBLISHED,
        )
        modified = {version.object_id: version.modified for version in published}
        items = []
        for content in contents:
            url = content.page.get_absolute_url(content.language)
            if url:
                items.append((url, modified.get(content.pk)))
        return items

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]
