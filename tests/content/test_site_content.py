"""The clinic's shipped content: every page exists, is plain, kind, cited and safe."""

import statistics

import pytest
from cms.models import Page, PageContent
from djangocms_versioning.models import Version

from content.models import CLINICAL_KINDS, KIND_TEMPLATES, FAQItem, Kind, PageDetails, Reference, kind_for_template
from content.page_text import body_text
from content.site_content import load_site_content, publish_new_text, read_page_files
from devtools.builders import CONDITIONS, GENERAL, LEVELS, THERAPIES
from editorial.writing import reading_grade, wording_warnings

pytestmark = pytest.mark.django_db


# (path, kind, minimum words of body text)
REQUIRED_PAGES = (
    [("/conditions/benzodiazepine-use-disorder/", "condition", 1200)]
    + [(f"/conditions/{slug}/", "condition", 600) for slug in CONDITIONS[1:]]
    + [(f"/levels-of-care/{slug}/", "level_of_care", 400) for slug in LEVELS]
    + [(f"/therapies/{slug}/", "therapy", 400) for slug in THERAPIES]
    + [
        (f"/faq/{slug}/", "faq", 300)
        for slug in ("for-patients", "for-families", "cost-and-insurance", "privacy-work-and-school")
    ]
    + [(path, "general", 150) for path in GENERAL]
)


def published_content(path):
    page = next(page for page in Page.objects.all() if page.get_absolute_url("en") == path)
    return PageContent.objects.get(page=page, language="en")


def clinical_contents():
    return PageContent.objects.filter(language="en", template__in=[KIND_TEMPLATES[kind] for kind in CLINICAL_KINDS])


@pytest.mark.parametrize("path, kind, min_words", REQUIRED_PAGES)
def test_each_required_page_is_published_with_kind_summary_and_length(path, kind, min_words):
    """Every page the clinic needs is published, of its kind, summarised, and long enough."""
    content = published_content(path)
    assert kind_for_template(content.template) == kind
    details = PageDetails.objects.get(extended_object=content)
    assert len(details.summary.split()) >= 8, "a summary for listings"
    assert 40 <= len(content.meta_description or "") <= 160, "a meta description"
    assert len(body_text(content).split()) >= min_words


@pytest.mark.parametrize("path, kind, min_words", [row for row in REQUIRED_PAGES if row[1] in CLINICAL_KINDS])
def test_clinical_pages_cite_their_sources(path, kind, min_words):
    """Each clinical page lists at least two references with title, publisher and year."""
    content = published_content(path)
    placeholder = content.get_placeholders().get(slot="references")
    references = [plugin.get_bound_plugin() for plugin in placeholder.get_plugins("en")]
    assert len(references) >= 2
    for reference in references:
        assert isinstance(reference, Reference)
        assert reference.title and reference.publisher
        assert not reference.url or reference.url.startswith("https://")


PUBLISHER_NAMES = {
    "SAMHSA": "Substance Abuse and Mental Health Services Administration",
    "NIDA": "National Institute on Drug Abuse",
    "NIAAA": "National Institute on Alcohol Abuse and Alcoholism",
    "NICE": "National Institute for Health and Care Excellence",
    "FDA": "Food and Drug Administration",
}


def test_a_source_reads_the_same_on_every_page():
    """A source cited on several pages has one title, publisher, year and link; a
    series number ends the title, and a publisher goes by its full name and
    abbreviation."""
    cited = {}
    for reference in Reference.objects.all():
        cited.setdefault(reference.title, set()).add((reference.publisher, reference.year, reference.url))
        assert "Protocol" not in reference.publisher and "guideline" not in reference.publisher, reference.title
        for abbreviation, name in PUBLISHER_NAMES.items():
            if name in reference.publisher or abbreviation in reference.publisher.split():
                assert f"{name} ({abbreviation})" in reference.publisher, reference.publisher
    assert {title: found for title, found in cited.items() if len(found) > 1} == {}


def test_shipped_clinical_pages_claim_no_review():
    """Nobody has reviewed the shipped content yet, so no page names a reviewer."""
    assert clinical_contents().count() == len(CONDITIONS) + len(LEVELS) + len(THERAPIES)
    assert not PageDetails.objects.exclude(reviewer_name="").exists()


def test_clinical_pages_read_at_grade_8_or_lower():
    """Median Flesch-Kincaid grade of clinical body text is 8 or lower, and none above 10."""
    grades = {content.title: reading_grade(body_text(content)) for content in clinical_contents()}
    assert statistics.median(grades.values()) <= 8, grades
    assert max(grades.values()) <= 10, grades


def test_no_page_uses_stigmatising_or_unsafe_wording():
    """No published page has a phrase from the wording checks (SPEC.md's lists)."""
    found = {}
    for content in PageContent.objects.filter(language="en"):
        warnings = wording_warnings(f"{content.title}. {body_text(content)}")
        if warnings:
            found[content.title] = [(warning.phrase, warning.sentence) for warning in warnings]
    assert found == {}


def test_faq_has_thirty_questions_covering_what_families_ask():
    """At least 30 published questions, including the topics people ask most."""
    faq_pages = PageContent.objects.filter(language="en", template=KIND_TEMPLATES[Kind.FAQ])
    questions = []
    for content in faq_pages:
        for placeholder in content.get_placeholders():
            questions += [
                p.get_bound_plugin().question for p in placeholder.get_plugins("en") if p.plugin_type == "FAQItemPlugin"
            ]
    assert len(questions) >= 30
    text = " ".join(questions).lower()
    for topic in (
        "taper",
        "drive",
        "cold turkey",
        "protracted",
        "other medicines",
        "insurance",
        "employer",
        "records",
        "refuses",
        "overdos",
    ):
        assert topic in text, topic
    assert FAQItem.objects.count() >= 30


def test_get_help_now_has_the_numbers_and_naloxone(client):
    """The get-help page names every line a person in crisis needs, as links."""
    body = client.get("/get-help-now/").content.decode()
    for number in ("988", "911", "1-800-222-1222", "1-800-662-4357"):
        assert number in body
    assert "naloxone" in body.lower()
    assert 'href="tel:911"' in body


def test_benzodiazepine_page_carries_the_core_safety_facts():
    """The flagship page says the things that keep people safe."""
    text = body_text(published_content("/conditions/benzodiazepine-use-disorder/")).lower()
    assert "seizure" in text
    assert "opioid" in text and "alcohol" in text and "breathing" in text
    assert "taper" in text and "prescriber" in text
    assert "flumazenil" in text  # named only to say it is not a withdrawal treatment


def test_every_fixture_builds_a_published_page():
    """Each file in fixtures/pages is a published page with its reverse_id."""
    for data in read_page_files():
        page = Page.objects.get(reverse_id=data["reverse_id"])
        assert page.get_absolute_url("en"), data["reverse_id"]


def test_loading_again_changes_nothing_an_editor_changed(author):
    """Running the loader again keeps an editor's newer published text."""
    page = Page.objects.get(reverse_id="about")
    publish_new_text(page, author, "<p>An editor's own words.</p>", slot="content")
    versions_before = Version.objects.count()

    report = load_site_content()

    assert report.created == []
    assert Version.objects.count() == versions_before
    content = PageContent.objects.get(page=page, language="en")
    assert "An editor's own words." in body_text(content)
