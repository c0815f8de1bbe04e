"""The sitemap (search.sitemaps) lists exactly the published pages."""

import xml.etree.ElementTree as ET

import pytest

from devtools.builders import ORIGIN

pytestmark = pytest.mark.django_db


def test_sitemap_lists_exactly_the_published_pages(client, published_paths, make_page):
    """The sitemap has every published page with a last-modified date, and no draft."""
    make_page("Sitemap draft", kind="general", slug="sitemap-draft", publish=False)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [url.find("s:loc", ns).text for url in root.findall("s:url", ns)]
    assert sorted(locs) == sorted(f"{ORIGIN}{path}" for path in published_paths)
    assert all(url.find("s:lastmod", ns) is not None for url in root.findall("s:url", ns))
