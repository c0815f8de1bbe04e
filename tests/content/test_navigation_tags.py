"""The way around the page tree (content.templatetags.navigation_tags): breadcrumbs
and the pages beside this one."""

import pytest

from devtools.shell import parse

pytestmark = pytest.mark.django_db


def test_breadcrumbs_link_the_way_back_and_name_the_current_page(client):
    """A child page shows Home › its section › itself, the last marked as current."""
    doc = parse(client.get("/conditions/benzodiazepine-use-disorder/").content)
    items = doc.xpath('//nav[@class="breadcrumbs"]//li')
    assert [item.xpath("./a/@href") for item in items[:2]] == [["/"], ["/conditions/"]]
    assert items[-1].xpath("./span/@aria-current") == ["page"]
    assert len(items) == 3


@pytest.mark.parametrize(
    "path, heading, sibling",
    [
        ("/conditions/benzodiazepine-use-disorder/", "More conditions", "/conditions/alcohol-use-disorder/"),
        ("/faq/for-families/", "More questions and answers", "/faq/for-patients/"),
    ],
)
def test_content_pages_link_the_pages_beside_them(client, path, heading, sibling):
    """Without a related-pages plugin, a page links the others in its section, though
    they are kept out of the top navigation, and not itself."""
    doc = parse(client.get(path).content)
    assert doc.xpath('//nav[@aria-labelledby="more-heading"]/h2/text()') == [heading]
    links = doc.xpath('//nav[@aria-labelledby="more-heading"]//a/@href')
    assert sibling in links
    assert path not in links
