"""Reading grade and wording checks for health writing.

Plain functions on plain text, used by the toolbar, the admin's content review and
`manage.py content_report`. They warn; nothing here blocks saving.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import textstat
import yaml
from textstat.textstat import textstatistics

# One file of wording checks per language.
WORDING_FILES = {
    "en": Path(__file__).with_name("wording_checks.yaml"),
    "es": Path(__file__).with_name("wording_checks_es.yaml"),
}
WORDING_FILE = WORDING_FILES["en"]

# The grade the site writes to (SPEC.md: Flesch-Kincaid grade 8 or lower).
TARGET_GRADE = 8
# Spanish is scored with Fernández-Huerta's reading ease, a Flesch formula fitted to
# Spanish: higher is easier, and 70 or more reads "fairly easy" (bastante fácil).
TARGET_EASE = 70
EASE_WORDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"), (50, "fairly hard"), (30, "hard"))

# Its own instance: textstat's language setting is global, and English pages are
# scored at the same time.
_spanish_stats = textstatistics()
_spanish_stats.set_lang("es")

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“(]?[A-Z0-9])")


@dataclass(frozen=True)
class WordingCheck:
    category: str  # "stigmatising" or "suicide"
    pattern: re.Pattern
    suggestion: str
    why: str


@dataclass(frozen=True)
class WordingWarning:
    category: str
    phrase: str
    suggestion: str
    why: str
    sentence: str


@dataclass(frozen=True)
class ReadingReport:
    grade: float | None  # English: Flesch-Kincaid grade
    word_count: int
    longest_sentences: list
    ease: float | None = None  # Spanish: Fernández-Huerta reading ease
    language: str = "en"

    @property
    def above_target(self):
        """Harder to read than the site's target for the language."""
        if self.language == "es":
            return self.ease is not None and self.ease < TARGET_EASE
        return self.grade is not None and self.grade > TARGET_GRADE

    @property
    def score(self):
        """What editors see: "Reading grade 5.2" or "Reading ease 82 (easy)"."""
        if self.language == "es":
            if self.ease is None:
                return "Reading ease –"
            words = next((word for floor, word in EASE_WORDS if self.ease >= floor), "very hard")
            return f"Reading ease {self.ease:.0f} ({words}, Fernández-Huerta)"
        return "Reading grade –" if self.grade is None else f"Reading grade {self.grade:.1f}"

    @property
    def target(self):
        return f"ease {TARGET_EASE} or more" if self.language == "es" else f"grade {TARGET_GRADE} or lower"


def sentences(text):
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def reading_grade(text):
    """Flesch-Kincaid grade of `text`, or None when there is too little to judge."""
    if len(text.split()) < 10:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def reading_ease_spanish(text):
    """Fernández-Huerta reading ease of Spanish `text`, or None when there is too little."""
    if len(text.split()) < 10:
        return None
    return round(_spanish_stats.fernandez_huerta(text), 1)


def reading_report(text, longest=3, language="en"):
    """The score for the language, the word count and the longest sentences (the ones
    to shorten first)."""
    by_length = sorted(sentences(text), key=lambda sentence: len(sentence.split()), reverse=True)
    if language == "es":
        return ReadingReport(
            grade=None,
            word_count=len(text.split()),
            longest_sentences=by_length[:longest],
            ease=reading_ease_spanish(text),
            language="es",
        )
    return ReadingReport(grade=reading_grade(text), word_count=len(text.split()), longest_sentences=by_length[:longest])


@lru_cache(maxsize=4)
def load_wording_checks(path=WORDING_FILE):
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    checks = []
    for category in ("stigmatising", "suicide"):
        for entry in data.get(category, []):
            pattern = re.compile(rf"\b(?:{entry['pattern']})\b", re.IGNORECASE)
            checks.append(WordingCheck(category, pattern, entry["suggestion"], entry.get("why", "")))
    allowed = [re.compile(re.escape(phrase), re.IGNORECASE) for phrase in data.get("allowed_phrases", [])]
    return checks, allowed


@lru_cache(maxsize=1)
def allowed_phrases(path=WORDING_FILE):
    """The names and cited titles the wording checks ignore, as written in the file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return tuple(data.get("allowed_phrases", []))


def wording_warnings(text, language="en"):
    """Every stigmatising or unsafe phrase in `text`, with the sentence it sits in."""
    checks, allowed = load_wording_checks(WORDING_FILES.get(language, WORDING_FILE))
    warnings = []
    for sentence in sentences(text):
        checked = sentence
        for phrase in allowed:  # blank out names like "National Institute on Drug Abuse"
            checked = phrase.sub(lambda match: " " * len(match.group()), checked)
        for check in checks:
            for match in check.pattern.finditer(checked):
                warnings.append(
                    WordingWarning(
                        check.category, sentence[match.start() : match.end()], check.suggestion, check.why, sentence
                    )
                )
    return warnings
