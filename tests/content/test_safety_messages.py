"""The shipped pages' safety messages, as the outside clinical review of 2026-11-30 asked:
naloxone given in every overdose (never only "if opioids might be involved"), fake
pills, domestic violence help, pregnancy, older adults, other medicines that cause
dependence, and crisis lines in Spanish and for Deaf and hard of hearing people."""

import re

import pytest
from cms.models import PageContent
from lxml import html as lxml_html

from content.models import CLINICAL_KINDS, KIND_TEMPLATES, CareCard
from content.page_text import body_text, html_to_text

pytestmark = pytest.mark.django_db

GET_HELP_NOW = "get-help-now"
BENZODIAZEPINES = "condition-benzodiazepine-use-disorder"
OPIOIDS = "condition-opioid-use-disorder"
ALCOHOL = "condition-alcohol-use-disorder"
ANXIETY_AND_SLEEP = "condition-anxiety-and-insomnia"
WITHDRAWAL = "care-withdrawal-management"
MEDICATION_MANAGEMENT = "therapy-medication-management"

# The pages that tell a reader what to do with naloxone.
NALOXONE_PAGES = (GET_HELP_NOW, BENZODIAZEPINES, OPIOIDS, ALCOHOL, WITHDRAWAL)

# Wording that makes naloxone wait on someone knowing opioids were taken. A relative of
# someone who "only took her Xanax" reads these as "do not give it".
NALOXONE_ONLY_FOR_OPIOIDS = re.compile(
    r"\b(?:if|and|when) (?:any )?opioids? (?:might|may|could|are|is)(?: be)? (?:involved|part)"
    r"|\bonly (?:works|reverses)\b[^.]*\bopioids?"
    r"|\bif (?:you|your relative|they|he|she) (?:also )?(?:take|takes|use|uses) opioids?, keep naloxone"
    r"|\bkeep naloxone\b[^.]*\bif opioids?",
    re.IGNORECASE,
)

# What every overdose or emergency box says (CDC, NIDA, the SAMHSA toolkit, the naloxone
# Drug Facts label): the phrases as the pages write them.
EMERGENCY_BOX_MUST_SAY = {
    "call 911": "911",
    "give naloxone": "naloxone",
    "even if only a benzodiazepine or alcohol was taken": "even if you think they only took",
    "pills not from a pharmacy can contain fentanyl": "fentanyl",
    "naloxone does no harm without opioids": "will not harm someone who took no opioids",
    "a second dose after 2 to 3 minutes": "2 to 3 minutes",
    "roll a breathing person onto their side": "onto their side",
    "naloxone does not reverse benzodiazepines or alcohol": "does not reverse benzodiazepines or alcohol",
}


def content_of(reverse_id):
    return PageContent.objects.get(page__reverse_id=reverse_id, language="en")


def text_of(reverse_id):
    return body_text(content_of(reverse_id))


def sentences_with(text, word):
    return [sentence for sentence in re.split(r"(?<=[.!?])\s+", text) if word in sentence.lower()]


def care_cards(content):
    for placeholder in content.get_placeholders():
        for plugin in placeholder.get_plugins("en"):
            card = plugin.get_bound_plugin()
            if isinstance(card, CareCard):
                yield card


def emergency_cards():
    """(page, card) for each emergency care card on a clinical page or on Get help now."""
    templates = [KIND_TEMPLATES[kind] for kind in CLINICAL_KINDS]
    contents = PageContent.objects.filter(language="en", template__in=templates) | PageContent.objects.filter(
        language="en", page__reverse_id=GET_HELP_NOW
    )
    for content in contents:
        for card in care_cards(content):
            if card.level == CareCard.Level.EMERGENCY:
                yield content.page.reverse_id, card


def test_every_emergency_box_says_call_911_and_give_naloxone():
    """Each overdose or emergency card gives the whole first-aid message, naloxone included."""
    found = {}
    for reverse_id, card in emergency_cards():
        text = f"{card.title}. {html_to_text(card.body)}".lower()
        missing = [point for point, phrase in EMERGENCY_BOX_MUST_SAY.items() if phrase.lower() not in text]
        if missing:
            found[f"{reverse_id}: {card.title}"] = missing
    assert found == {}
    pages_with_cards = {reverse_id for reverse_id, _card in emergency_cards()}
    assert {GET_HELP_NOW, BENZODIAZEPINES, OPIOIDS, ALCOHOL, WITHDRAWAL} <= pages_with_cards


def test_get_help_now_gives_the_whole_naloxone_message():
    """The emergency page tells a family to give naloxone even for "only" a benzodiazepine."""
    text = text_of(GET_HELP_NOW).lower()
    for phrase in EMERGENCY_BOX_MUST_SAY.values():
        assert phrase.lower() in text, phrase
    assert "always call 911" in text
    assert any("pharmacy" in sentence for sentence in sentences_with(text, "fentanyl"))


@pytest.mark.parametrize("reverse_id", NALOXONE_PAGES)
def test_naloxone_is_never_made_to_wait_on_opioids(reverse_id):
    """No page makes giving or keeping naloxone depend on opioids being involved."""
    text = text_of(reverse_id)
    assert "naloxone" in text.lower()
    assert NALOXONE_ONLY_FOR_OPIOIDS.findall(text) == []


def test_get_help_now_has_the_domestic_violence_hotline_card(client):
    """A person being hurt at home finds the Hotline's phone, TTY and text lines, and 911."""
    cards = [card for card in care_cards(content_of(GET_HELP_NOW)) if "7233" in card.body]
    assert len(cards) == 1
    card = cards[0]
    text = html_to_text(card.body)
    for line in ("1-800-799-7233", "1-800-787-3224", "START", "88788", "911"):
        assert line in text, line
    assert card.action_url == "tel:+18007997233"
    assert "National Domestic Violence Hotline" in client.get("/get-help-now/").content.decode()


@pytest.mark.parametrize("path", ["/therapies/trauma-informed-therapy/", "/therapies/family-therapy/"])
def test_pages_that_raise_violence_at_home_point_to_the_hotline(client, path):
    """The trauma-informed and family therapy pages name the Hotline and link Get help now."""
    body = client.get(path).content.decode()
    assert "National Domestic Violence Hotline" in body
    assert "1-800-799-7233" in body
    assert 'href="/get-help-now/"' in body


@pytest.mark.parametrize("reverse_id", [BENZODIAZEPINES, GET_HELP_NOW])
def test_fake_pills_and_fentanyl_are_named(reverse_id):
    """Street or online pills may be fake and hold fentanyl: the biggest overdose risk here."""
    text = text_of(reverse_id).lower()
    assert "fake" in text or "counterfeit" in text
    assert any("contain" in sentence for sentence in sentences_with(text, "fentanyl"))
    assert "do not use alone" in text


@pytest.mark.parametrize("reverse_id", [BENZODIAZEPINES, OPIOIDS, ALCOHOL])
def test_pregnancy_is_covered(reverse_id):
    """People who are pregnant are told not to stop suddenly and to tell both care teams."""
    text = text_of(reverse_id).lower()
    start = text.find("if you are pregnant or could become pregnant")
    assert start != -1
    section = text[start : start + 500]
    assert "pregnancy care team" in section
    assert "do not stop" in section


def test_benzodiazepine_page_has_an_older_adults_section(client):
    """Older adults and their families get their own section: risks, a slow taper, no sudden stop."""
    doc = lxml_html.fromstring(client.get("/conditions/benzodiazepine-use-disorder/").content)
    headings = [h for h in doc.xpath("//h2|//h3") if "older adults" in h.text_content().lower()]
    assert headings, "an 'Older adults' heading"
    section = []
    for element in headings[0].itersiblings():
        if element.tag in ("h2", "h3"):
            break
        section.append(element.text_content())
    text = " ".join(" ".join(section).split()).lower()
    for point in ("falls", "confusion", "memory", "car crashes", "slow taper", "do not stop suddenly"):
        assert point in text, point


@pytest.mark.parametrize("reverse_id", [BENZODIAZEPINES, ANXIETY_AND_SLEEP, MEDICATION_MANAGEMENT])
def test_other_medicines_that_cause_dependence_are_named(reverse_id):
    """Z-drug sleeping pills and gabapentinoids are named wherever dependence is discussed."""
    text = text_of(reverse_id).lower()
    for name in ("z-drug", "zolpidem", "gabapentin", "pregabalin"):
        assert name in text, name


def test_get_help_now_has_crisis_lines_in_spanish_and_for_deaf_people():
    """Spanish speakers and Deaf and hard of hearing people find a way in on the emergency page."""
    text = text_of(GET_HELP_NOW)
    assert "press 2" in text and "AYUDA" in text, "988 in Spanish"
    assert "American Sign Language" in text and "ASL Now" in text, "988 in ASL"
    assert "TTY 1-800-487-4889" in text, "the SAMHSA Helpline's TTY"
    assert sentences_with(text.lower(), "english and spanish"), "the SAMHSA Helpline in Spanish"


def test_suicide_cards_give_988_directly():
    """A card about suicide calls 988 itself rather than sending the reader to another page."""
    found = {}
    for content in PageContent.objects.filter(language="en"):
        for card in care_cards(content):
            if "suicide" in card.title.lower():
                found[f"{content.page.reverse_id}: {card.title}"] = card.action_url
    assert found
    assert {card: url for card, url in found.items() if url != "tel:988"} == {}


def test_withdrawal_care_page_warns_about_overdose_after_opioid_withdrawal():
    """Withdrawal care is not treatment for opioid use disorder; medicine and naloxone are."""
    text = text_of(WITHDRAWAL).lower()
    assert "withdrawal care alone is not treatment for opioid use disorder" in text
    for medicine in ("buprenorphine", "methadone", "naltrexone"):
        assert medicine in text, medicine
    after = text.find("after withdrawal, ")
    assert after != -1
    assert "overdose" in text[after : after + 200]


def test_opioid_page_covers_naltrexone_tolerance_and_benzodiazepines():
    """Stopping naltrexone lowers tolerance; a benzodiazepine is no reason to refuse treatment."""
    text = text_of(OPIOIDS).lower()
    stop = text.find("if you stop naltrexone or miss doses")
    assert stop != -1
    assert "overdose" in text[stop : stop + 200]
    assert "not a reason to be refused buprenorphine or methadone" in text
    assert "risk of death from overdose" not in text, "not shown for naltrexone; say which medicines"
