"""Findings of the outside clinical review of 2026-11-30 (shared/content-review): every
FAQ and clinical page cites its sources, the Contact page shows the clinic's own
details (ClinicSettings) or a clear fallback, no page promises a message form the site
does not have, and the pages the review found missing exist."""

import pytest
from cms.models import Page, PageContent

from content.models import CLINICAL_KINDS, KIND_TEMPLATES, Kind, PageDetails, Reference, kind_for_template
from content.page_text import body_text
from devtools.shell import parse
from editorial.writing import TARGET_GRADE, reading_grade, wording_warnings
from safety.models import ClinicSettings

pytestmark = pytest.mark.django_db

CITING_KINDS = sorted({*CLINICAL_KINDS, Kind.FAQ})

# Wording that tells a visitor they can send a message through the site. There is no
# such form (only search); SPEC.md: if one is ever added, the page that has it says so.
FORM_PROMISES = (
    "send a short message",
    "send us a message",
    "send a message",
    "our forms",
    "our online forms",
    "online form",
    "contact form",
    "message form",
    "use a form on this site",
    "fill in our form",
    "fill out our form",
)

NEW_FAQ_PAGES = ("/faq/prescription-stopped/", "/faq/pregnancy-and-breastfeeding/", "/faq/older-adults/")

# The Contact page's own words, when no ClinicSettings detail is set.
FALLBACK = "We are still adding our phone number, address and opening hours"


def published_content(path):
    page = next(page for page in Page.objects.all() if page.get_absolute_url("en") == path)
    return PageContent.objects.get(page=page, language="en")


def references_of(content):
    placeholder = content.get_placeholders().filter(slot="references").first()
    if placeholder is None:
        return []
    return [plugin.get_bound_plugin() for plugin in placeholder.get_plugins("en")]


def clinic_box(client):
    """The Contact page's box of clinic details, as a parsed element (None if absent)."""
    doc = parse(client.get("/contact/").content)
    boxes = doc.xpath('//section[contains(@class, "clinic-contact")]')
    assert len(boxes) <= 1
    return boxes[0] if boxes else None


# Sources


def test_every_faq_and_clinical_page_lists_its_references():
    """Conditions, levels of care, therapies and FAQ pages each list at least two sources,
    each with a title and a publisher (the editorial policy: every number and claim is
    backed by a source named on that page)."""
    templates = [KIND_TEMPLATES[kind] for kind in CITING_KINDS]
    contents = PageContent.objects.filter(language="en", template__in=templates)
    assert {kind_for_template(content.template) for content in contents} == set(CITING_KINDS)
    uncited = {}
    for content in contents:
        references = references_of(content)
        if len(references) < 2 or not all(
            isinstance(reference, Reference) and reference.title and reference.publisher for reference in references
        ):
            uncited[content.title] = len(references)
    assert uncited == {}


@pytest.mark.parametrize("path", ["/faq/cost-and-insurance/", "/faq/privacy-work-and-school/", "/faq/for-patients/"])
def test_faq_pages_the_review_found_uncited_now_show_sources(client, path):
    """The pages the review named (M6, m13) show a "Sources" list to visitors."""
    doc = parse(client.get(path).content)
    assert doc.xpath('//section[@class="references"]/h2/text()') == ["Sources"]
    assert len(doc.xpath('//section[@class="references"]//li')) >= 3


def test_levels_of_care_index_cites_the_asam_criteria_it_names(client):
    """The index names both ASAM Criteria editions (m1) and its comparison table gives
    hours from the 2013 one, so it cites both."""
    doc = parse(client.get("/levels-of-care/").content)
    text = " ".join(doc.xpath('//div[@class="page-intro"]')[0].text_content().split())
    assert "2023 edition renamed some levels" in text
    sources = " ".join(doc.xpath('//section[@class="references"]')[0].text_content().split())
    assert "(Third Edition)" in sources and "4th edition" in sources


def test_intensive_outpatient_hours_do_not_overlap_partial_hospitalization():
    """IOP is "9 to 19 hours" a week (m2), so it no longer overlaps PHP's 20 or more."""
    iop = PageDetails.objects.get(extended_object=published_content("/levels-of-care/intensive-outpatient/"))
    assert iop.hours_per_week.startswith("9 to 19 hours")


# The Contact page and the clinic's details


def test_contact_page_shows_a_fallback_when_no_detail_is_set(client):
    """With nothing entered in the admin, the Contact page says the details are being
    added and points to the crisis lines, as links."""
    ClinicSettings.objects.create(name="Riverbend Recovery Clinic")
    box = clinic_box(client)
    assert box is not None
    assert FALLBACK in " ".join(box.text_content().split())
    assert not box.xpath(".//dl")
    links = box.xpath(".//a/@href")
    assert {"tel:988", "tel:911", "tel:+18006624357"} <= set(links)


def test_contact_page_fallback_needs_no_saved_settings(client):
    """Before an administrator saves any settings at all, the fallback still shows."""
    assert not ClinicSettings.objects.exists()
    assert FALLBACK in " ".join(clinic_box(client).text_content().split())


@pytest.mark.parametrize(
    "field, value, label, shown",
    [
        ("phone", "(555) 555-0100", "Phone", "(555) 555-0100"),
        ("address", "12 Main Street\nSpringfield, IL 62701", "Address", "Springfield, IL 62701"),
        ("hours", "Monday to Friday, 8 am to 6 pm", "Opening hours", "Monday to Friday, 8 am to 6 pm"),
        ("email", "hello@riverbend.example", "Email", "hello@riverbend.example"),
    ],
)
def test_contact_page_shows_each_detail_only_when_set(client, field, value, label, shown):
    """Each detail entered in ClinicSettings shows on the Contact page, under its own
    label; the details not entered, and the fallback, do not."""
    ClinicSettings.objects.create(name="Riverbend Recovery Clinic", **{field: value})
    box = clinic_box(client)
    assert box.xpath(".//dt/text()") == [label]
    assert shown in box.xpath(".//dd")[0].text_content()
    assert FALLBACK not in box.text_content()


def test_contact_page_links_the_phone_and_email_and_keeps_address_lines(client):
    """All four details together: the phone calls the number, the email opens a mail
    message, and each line of the address and hours stays on its own line."""
    ClinicSettings.objects.create(
        name="Riverbend Recovery Clinic",
        phone="1-800-555-0199",
        email="hello@riverbend.example",
        address="12 Main Street\nSpringfield, IL 62701",
        hours="Monday to Friday, 8 am to 6 pm\nSaturday, 9 am to noon",
    )
    box = clinic_box(client)
    assert box.xpath(".//dt/text()") == ["Phone", "Address", "Opening hours", "Email"]
    assert box.xpath('.//a[@href="tel:+18005550199"]/text()') == ["1-800-555-0199"]
    assert box.xpath('.//a[@href="mailto:hello@riverbend.example"]/text()') == ["hello@riverbend.example"]
    address, hours = box.xpath(".//dd")[1:3]
    assert len(address.xpath(".//br")) == 1 and len(hours.xpath(".//br")) == 1


def test_a_change_in_the_admin_shows_on_the_cached_contact_page(client):
    """The Contact page is served from the page cache; saving ClinicSettings shows the
    new details at once."""
    settings = ClinicSettings.objects.create(name="Riverbend Recovery Clinic")
    assert FALLBACK in clinic_box(client).text_content()
    settings.phone = "(555) 555-0100"
    settings.save()
    assert clinic_box(client).xpath('.//a[@href="tel:+15555550100"]')


def test_clinic_details_box_is_on_the_contact_page_only(client):
    """Other general pages share the template but do not show the box."""
    ClinicSettings.objects.create(name="Riverbend Recovery Clinic", phone="(555) 555-0100")
    for path in ("/about/", "/privacy/", "/get-help-now/"):
        assert not parse(client.get(path).content).xpath('//section[contains(@class, "clinic-contact")]'), path


def test_contact_page_keeps_the_emergency_card_and_a_first_visit_checklist():
    """The Contact page still leads with where to get help in an emergency, and tells a
    new patient what to bring (review section 5, rank 8)."""
    text = body_text(published_content("/contact/")).lower()
    assert "call 911" in text and "988" in text
    for item in ("medicines", "pharmacy", "insurance card", "questions"):
        assert item in text, item


# What pages promise


def test_no_page_promises_a_message_form():
    """No published page tells visitors they can send a message or use "our forms": the
    site has no such form (M8)."""
    found = {}
    for content in PageContent.objects.filter(language="en"):
        text = " ".join(f"{content.title}. {body_text(content)}".lower().split())
        promises = [phrase for phrase in FORM_PROMISES if phrase in text]
        if promises:
            found[content.title] = promises
    assert found == {}


# The review's missing topics and the families FAQ


@pytest.mark.parametrize("path", NEW_FAQ_PAGES)
def test_new_faq_pages_are_published_under_faq_with_sources(client, path):
    """The three pages the review found missing (M11, M12, M13) are published FAQ pages
    in the FAQ section, with questions and at least three sources."""
    response = client.get(path)
    assert response.status_code == 200
    content = published_content(path)
    assert kind_for_template(content.template) == Kind.FAQ
    assert content.page.parent.reverse_id == "faq"
    assert len(references_of(content)) >= 3
    assert len(parse(response.content).xpath('//div[@class="faq-list"]//details')) >= 4


def test_new_faq_pages_say_do_not_stop_suddenly():
    """Each of the new pages carries the core safety message."""
    for path in NEW_FAQ_PAGES:
        text = body_text(published_content(path)).lower()
        assert "suddenly" in text and "seizure" in text, path


def test_families_faq_drops_the_unverified_registry_claim():
    """The CRAFT answer no longer leans on SAMHSA's former registry (M7), and cites the
    CRAFT study instead."""
    content = published_content("/faq/for-families/")
    text = body_text(content).lower()
    for phrase in ("nrepp", "registry", "national registry of evidence-based"):
        assert phrase not in text, phrase
    assert any("CRAFT" in reference.title for reference in references_of(content))


def test_families_faq_gives_naloxone_as_cdc_advises():
    """Naloxone is given even if only a benzodiazepine or alcohol is suspected, with a
    second dose after 2 to 3 minutes (M1); "most states" is sourced to CDC (M7)."""
    content = published_content("/faq/for-families/")
    text = " ".join(body_text(content).split())
    assert "Give it even if you think they only took a benzodiazepine or alcohol" in text
    assert "2 to 3 minutes" in text
    assert "opioids might be involved" not in text
    titles = [reference.title for reference in references_of(content)]
    assert "What to Do if You Think Someone is Overdosing" in titles


def test_families_faq_covers_enabling_support_groups_storage_and_suicide_safety():
    """Section 5 of the review (helping without enabling, named family groups, safe
    storage and disposal) and m5 (lethal means, staying, following up)."""
    text = body_text(published_content("/faq/for-families/")).lower()
    for phrase in ("rescuing", "al-anon", "nar-anon", "smart recovery family", "locked", "take-back"):
        assert phrase in text, phrase
    for phrase in ("firearms", "stay with them", "check in with them again"):
        assert phrase in text, phrase


# Writing


def faq_and_contact_contents():
    contents = list(PageContent.objects.filter(language="en", template=KIND_TEMPLATES[Kind.FAQ]))
    return contents + [published_content("/contact/")]


def test_faq_and_contact_pages_read_at_grade_8_or_lower():
    """Each FAQ page and the Contact page reads at Flesch-Kincaid grade 8 or lower."""
    grades = {content.title: reading_grade(body_text(content)) for content in faq_and_contact_contents()}
    assert len(grades) >= 8
    assert {title: grade for title, grade in grades.items() if grade is None or grade > TARGET_GRADE} == {}


def test_faq_and_contact_pages_pass_the_wording_checks():
    """No stigmatising or unsafe suicide wording on any FAQ page or the Contact page."""
    found = {}
    for content in faq_and_contact_contents():
        warnings = wording_warnings(f"{content.title}. {body_text(content)}")
        if warnings:
            found[content.title] = [warning.phrase for warning in warnings]
    assert found == {}
