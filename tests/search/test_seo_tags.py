"""What search engines and link previews read (search.templatetags.seo_tags): canonical
links, descriptions, Open Graph tags and JSON-LD."""

import datetime
import json

import pytest

from content.models import PageDetails
from devtools.builders import BENZO_PAGE, ORIGIN
from devtools.shell import parse

pytestmark = pytest.mark.django_db


def test_every_page_has_canonical_description_and_share_tags(client, published_paths):
    """Canonical link, meta description and Open Graph tags on every page."""
    for path in [*published_paths, "/search/?q=taper"]:
        doc = parse(client.get(path).content)
        assert doc.xpath('//link[@rel="canonical"]/@href')[0] == f"{ORIGIN}{path.split('?')[0]}"
        assert doc.xpath('//meta[@name="description"]/@content')[0].strip(), path
        assert doc.xpath('//meta[@property="og:title"]/@content')[0].strip(), path
        assert not doc.xpath('//script[@src and not(starts-with(@src, "/"))]')


def json_ld(client, path):
    doc = parse(client.get(path).content)
    return [json.loads(script.text) for script in doc.xpath('//script[@type="application/ld+json"]')]


def test_json_ld_carries_review_dates_and_condition(client):
    """MedicalWebPage with lastReviewed and reviewedBy once reviewed; MedicalCondition on
    condition pages; the breadcrumb trail."""
    details = PageDetails.objects.get(
        extended_object__page__reverse_id="condition-benzodiazepine-use-disorder", extended_object__language="en"
    )
    assert not details.is_reviewed
    blocks = json_ld(client, BENZO_PAGE)
    page = next(block for block in blocks if block["@type"] == "MedicalWebPage")
    assert "lastReviewed" not in page  # no review recorded, none claimed
    assert page["about"]["@type"] == "MedicalCondition"
    assert page["publisher"]["@type"] == "MedicalClinic"

    details.reviewer_name, details.reviewer_credentials = "Dr. Test Reviewer", "MD"
    details.reviewed_on = datetime.date(2026, 10, 1)
    details.save()
    blocks = json_ld(client, BENZO_PAGE)
    page = next(block for block in blocks if block["@type"] == "MedicalWebPage")
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"] == {"@type": "Person", "name": "Dr. Test Reviewer", "honorificSuffix": "MD"}
    crumbs = next(block for block in blocks if block["@type"] == "BreadcrumbList")
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        f"{ORIGIN}/",
        f"{ORIGIN}/conditions/",
        f"{ORIGIN}{BENZO_PAGE}",
    ]


def test_json_ld_cannot_be_broken_out_of(client, make_page):
    """A title with </script> stays inside the JSON-LD data."""
    make_page("Bad </script><script>alert(1)</script> title", kind="therapy", slug="bad-title")
    body = client.get("/bad-title/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert json_ld(client, "/bad-title/")[0]["name"].startswith("Bad </script>")
