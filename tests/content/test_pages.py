"""Pages as visitors see them: each kind's slots, the review line, level-of-care
facts, listings, drafts, and what editors type kept harmless."""

import datetime

import pytest
from cms.toolbar.utils import get_object_preview_url

from content.models import PageDetails
from devtools.builders import LEVELS, draft_content, reference_block, text_block
from devtools.shell import assert_safety_shell, parse

pytestmark = pytest.mark.django_db

SLOTS_BY_KIND = {
    "condition": ["overview", "signs", "risks", "treatment", "what_to_expect", "for_families"],
    "level_of_care": ["overview", "who_it_suits", "what_to_expect"],
    "therapy": ["overview", "what_a_session_is_like", "what_it_helps_with", "evidence"],
}


@pytest.mark.parametrize("kind", sorted(SLOTS_BY_KIND))
def test_each_clinical_kind_renders_its_slots_and_the_shell(client, make_page, kind):
    """Every named slot of a kind's template shows its content, inside the safety shell."""
    slots = SLOTS_BY_KIND[kind]
    page = make_page(
        f"Sample {kind}",
        kind=kind,
        slug=f"sample-{kind}",
        placeholders={
            **{slot: [text_block(f"Words for {slot}.")] for slot in slots},
            "references": [reference_block()],
        },
    )
    response = client.get(page.get_absolute_url("en"))
    assert response.status_code == 200
    doc = assert_safety_shell(response.content)
    body = doc.text_content()
    for slot in slots:
        assert f"Words for {slot}." in body
    assert [h.text_content() for h in doc.xpath("//h1")] == [f"Sample {kind}"]
    assert doc.xpath('//section[@class="references"]//cite')[0].text_content() == "A cited guide"
    assert "Not yet reviewed by a clinician" in body


def test_review_line_shows_reviewer_and_dates(client, make_page):
    """A reviewed clinical page says who reviewed it, when, and when it is next due,
    as soon as the review is recorded (cached page facts are not served)."""
    page = make_page(
        "Reviewed page", kind="therapy", slug="reviewed-page", placeholders={"overview": [text_block("Hi.")]}
    )
    assert "Not yet reviewed by a clinician" in client.get(page.get_absolute_url("en")).content.decode()
    details = PageDetails.objects.get(extended_object__page=page)
    details.reviewer_name = "Dr. Sample Reviewer"
    details.reviewer_credentials = "MD"
    details.reviewed_on = datetime.date(2026, 3, 1)
    details.save()
    assert details.next_review_due == datetime.date(2027, 3, 1)  # a year later by default
    doc = parse(client.get(page.get_absolute_url("en")).content)
    line = " ".join(doc.xpath('//p[contains(@class, "review-line")]')[0].text_content().split())
    assert line == "Medically reviewed by Dr. Sample Reviewer, MD on March 1, 2026 · Next review due March 1, 2027"


def test_general_pages_have_no_review_line(client):
    """Only clinical pages carry a review line."""
    body = client.get("/about/").content.decode()
    assert "review-line" not in body


def test_level_of_care_facts_box_and_comparison_table(client):
    """Facts entered for a level of care show on its page and in the index table."""
    doc = parse(client.get("/levels-of-care/intensive-outpatient/").content)
    labels = [dt.text_content() for dt in doc.xpath('//section[@class="facts-box"]//dt')]
    assert labels == [
        "Setting",
        "Typical hours a week",
        "Medical monitoring",
        "Who it may suit",
        "How long it usually lasts",
    ]

    doc = parse(client.get("/levels-of-care/").content)
    rows = doc.xpath('//table[@class="comparison"]/tbody/tr')
    hrefs = [row.xpath("./th/a/@href")[0] for row in rows]
    assert hrefs == [f"/levels-of-care/{slug}/" for slug in LEVELS]  # in page-tree order
    assert all(len(row.xpath("./td")) == 5 for row in rows)
    # On a phone each cell shows its column's name (the rows stack there).
    headers = doc.xpath('//table[@class="comparison"]/thead//th/text()')[1:]
    assert all(row.xpath("./td/@data-label") == headers for row in rows)


def test_listings_show_only_published_pages_of_their_kind(client, make_page):
    """An index lists published pages of its kind; drafts and other kinds stay off it."""
    make_page("Published extra condition", kind="condition", parent="conditions", slug="extra-condition")
    make_page("Draft condition", kind="condition", parent="conditions", slug="draft-condition", publish=False)
    make_page("A general page", kind="general", parent="conditions", slug="general-under-conditions")
    doc = parse(client.get("/conditions/").content)
    titles = [a.text_content() for a in doc.xpath('//ul[@class="card-list"]//h2/a')]
    assert "Published extra condition" in titles
    assert "Benzodiazepine use disorder" in titles
    assert "Draft condition" not in titles
    assert "A general page" not in titles


def test_draft_is_404_for_visitors_and_previewable_by_staff(client, make_page, admin_user):
    """A page that was never published is not public; staff can preview the draft."""
    page = make_page(
        "Secret draft",
        kind="therapy",
        slug="secret-draft",
        publish=False,
        placeholders={"overview": [text_block("Draft words.")]},
    )
    assert client.get("/secret-draft/").status_code == 404
    client.force_login(admin_user)
    response = client.get(get_object_preview_url(draft_content(page)))
    assert response.status_code == 200
    assert "Draft words." in response.content.decode()


SCRIPT = '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">link</a>'


@pytest.mark.django_db
def test_script_in_every_editor_field_is_sanitised_or_escaped(client, make_page):
    """HTML and script typed into any field that reaches a page never runs."""
    page = make_page(
        f"Title {SCRIPT}",
        kind="condition",
        slug="script-test",
        summary=f"Summary {SCRIPT}",
        meta_description=f"Meta {SCRIPT}",
        placeholders={
            "overview": [
                text_block(f"Text {SCRIPT}"),
                {"warning": {"title": f"Warn {SCRIPT}", "body": f"<p>{SCRIPT}</p>"}},
                {
                    "care_card": {
                        "level": "urgent",
                        "title": f"Card {SCRIPT}",
                        "body": f"<p>{SCRIPT}</p>",
                        "action_label": f"Act {SCRIPT}",
                        "action_url": "/get-help-now/",
                    }
                },
                {"dos_and_donts": {"title": f"List {SCRIPT}", "dos": [SCRIPT], "donts": [SCRIPT]}},
            ],
            "for_families": [{"faq": {"question": f"Q {SCRIPT}", "answer": f"<p>{SCRIPT}</p>"}}],
            "references": [{"reference": {"title": f"Ref {SCRIPT}", "publisher": f"Pub {SCRIPT}", "year": 2020}}],
        },
    )
    body = client.get(page.get_absolute_url("en")).content.decode()
    doc = parse(body)
    scripts = [s.text or "" for s in doc.xpath("//script") if s.get("type") != "application/ld+json"]
    assert not any("alert" in text for text in scripts)
    assert not doc.xpath("//*[@onerror]")
    assert not doc.xpath('//a[starts-with(@href, "javascript:")]')
    for listing in ("/conditions/", "/search/?q=script-test"):
        listing_doc = parse(client.get(listing).content)
        assert not listing_doc.xpath("//*[@onerror]")
        assert not any("alert" in (s.text or "") for s in listing_doc.xpath("//script[not(@type)]"))
