"""Crisis lines shown on every page.

The national lines live here, in code, so they render even when the database is
empty or unreachable and no editor can remove them. The clinic adds its own lines in
the admin (`LocalCrisisLine`); those are appended after the national ones, never
substituted for them.
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import DatabaseError

logger = logging.getLogger(__name__)

# The numbers in cache keys change with the class of what is cached: entries an older
# release left in a shared cache are never read.
LOCAL_LINES_CACHE_KEY = "safety:local-crisis-lines-3"
SITE_SETTINGS_CACHE_SECONDS = 600


@dataclass(frozen=True)
class CrisisLine:
    name: str
    description: str
    number: str  # as people read it
    call_href: str = ""
    text_href: str = ""
    short_name: str = ""  # for the banner on small screens
    answers_in_spanish: bool = True  # the national lines all do


NATIONAL_CRISIS_LINES = (
    CrisisLine(
        name="988 Suicide & Crisis Lifeline",
        description="Call or text, any time",
        number="988",
        call_href="tel:988",
        text_href="sms:988",
    ),
    CrisisLine(
        name="Emergency",
        description="Overdose, seizure, trouble breathing, or danger now",
        number="911",
        call_href="tel:911",
    ),
    CrisisLine(
        name="SAMHSA National Helpline",
        short_name="SAMHSA Helpline",
        description="Free, confidential, 24/7, English and Spanish",
        number="1-800-662-4357",
        call_href="tel:+18006624357",
    ),
)


def crisis_lines():
    """National lines first, then the clinic's own lines if the database can give them."""
    return [*NATIONAL_CRISIS_LINES, *local_crisis_lines()]


@dataclass(frozen=True)
class BannerLink:
    label: str  # what people see
    href: str
    name: str  # what a screen reader or voice control hears: it starts with the label


@dataclass(frozen=True)
class BannerRow:
    links: list
    local: bool  # the clinic's own line: on a phone it folds into "more ways to get help"


# The banner in Spanish: 988 answers in Spanish when the caller presses 2, and by text
# when the message is AYUDA (988 Lifeline, "What to expect"); SAMHSA's helpline answers
# in English and Spanish (SAMHSA, National Helpline).
SPANISH_988_CALL = BannerLink("Llame al 988 y marque 2", "tel:988", "Llame al 988 y marque 2 para español")
SPANISH_988_TEXT = BannerLink(
    "Envíe AYUDA al 988", "sms:988?&body=AYUDA", "Envíe AYUDA al 988 por mensaje de texto para español"
)


# The rest of the banner's words. They live here, beside the lines, not in the
# translation catalogue: the banner must read right even if a catalogue is missing.
BANNER_WORDS = {
    "en": {
        "region": "Crisis help",
        "question": "Need help now?",
        "reassurance": "You are not alone.",
        # "More ways to get help"; on a phone the middle words fold away: "More help".
        "more": ("More", "ways to get", "help"),
        "more_url": "/get-help-now/",
        "exit": "Exit this page",
    },
    "es": {
        "region": "Ayuda en una crisis",
        "question": "¿Necesita ayuda?",
        "reassurance": "Hay ayuda gratis, en español, a toda hora.",
        "more": ("Más", "formas de obtener", "ayuda"),
        "more_url": "/es/ayuda-ahora/",
        "exit": "Salir de esta página",
    },
}


# The page "more ways to get help" leads to (its reverse_id).
GET_HELP_NOW_PAGE = "get-help-now"


def banner_words(language):
    return BANNER_WORDS.get(language, BANNER_WORDS["en"])


def banner_links(language):
    """Each line of the banner as the links it shows, in the page's language. Each
    link's accessible name starts with its visible words (WCAG 2.5.3, label in name:
    voice control users say what they see)."""
    rows = []
    for line in crisis_lines():
        if language == "es":
            rows.append(BannerRow(_spanish_links(line), local=line not in NATIONAL_CRISIS_LINES))
            continue
        label = (
            f"Call {line.number}" if line.number in ("911", "988") else f"{line.short_name or line.name} {line.number}"
        )
        links = [BannerLink(label, line.call_href, _named(label, line))]
        if line.text_href:
            label = f"Text {line.number}"
            links.append(BannerLink(label, line.text_href, _named(label, line)))
        rows.append(BannerRow(links, local=line not in NATIONAL_CRISIS_LINES))
    return rows


def _named(label, line):
    return label if line.name in label else f"{label}, {line.name}"


def _spanish_links(line):
    if line.number == "988":
        return [SPANISH_988_CALL, SPANISH_988_TEXT]
    if line.number == "911":
        return [BannerLink("Llame al 911", "tel:911", "Llame al 911, emergencias")]
    if line is NATIONAL_CRISIS_LINES[2]:
        label = f"SAMHSA {line.number}"
        return [BannerLink(label, line.call_href, f"{label}, Línea Nacional de Ayuda de SAMHSA, en español")]
    # The clinic's own lines keep their names; Spanish readers are told which answer in Spanish.
    note = "en español" if line.answers_in_spanish else "solo en inglés"
    links = [BannerLink(f"{line.name} {line.number}", line.call_href, f"{line.name} {line.number}, {note}")]
    if line.text_href:
        links.append(
            BannerLink(
                f"Mensaje de texto al {line.number}", line.text_href, f"Mensaje de texto al {line.number}, {note}"
            )
        )
    return links


def local_crisis_lines():
    """Lines the clinic added in the admin; none while the database is unavailable."""
    lines = cache.get(LOCAL_LINES_CACHE_KEY)
    if lines is not None:
        return lines
    from .models import LocalCrisisLine

    try:
        lines = [
            CrisisLine(
                name=line.name,
                description=line.description,
                number=line.number,
                call_href=line.call_href,
                text_href=line.text_href,
                answers_in_spanish=line.answers_in_spanish,
            )
            for line in LocalCrisisLine.objects.all()
        ]
    except DatabaseError:
        # The banner must still render: the national lines alone are a safe answer.
        logger.warning("Local crisis lines unavailable; showing the national lines only")
        return []
    # Bounded, so a save racing this read can leave a stale list for minutes at most.
    cache.set(LOCAL_LINES_CACHE_KEY, lines, SITE_SETTINGS_CACHE_SECONDS)
    return lines


def forget_local_crisis_lines(**kwargs):
    cache.delete(LOCAL_LINES_CACHE_KEY)
