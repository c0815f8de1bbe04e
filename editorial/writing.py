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

WORDING_FILE = Path(__file__).with_name("wording_checks.yaml")

# The grade the site writes to (SPEC.md: Flesch-Kincaid grade 8 or lower).
TARGET_GRADE = 8

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
    grade: float | None
    word_count: int
    longest_sentences: list

    @property
    def above_target(self):
        return self.grade is not None and self.grade > TARGET_GRADE


def sentences(text):
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def reading_grade(text):
    """Flesch-Kincaid grade of `text`, or None when there is too little to judge."""
    if len(text.split()) < 10:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def reading_report(text, longest=3):
    """The grade, the word count and the longest sentences (the ones to shorten first)."""
    by_length = sorted(sentences(text), key=lambda sentence: len(sentence.split()), reverse=True)
    return ReadingReport(grade=reading_grade(text), word_count=len(text.split()), longest_sentences=by_length[:longest])


@lru_cache(maxsize=1)
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


def wording_warnings(text):
    """Every stigmatising or unsafe phrase in `text`, with the sentence it sits in."""
    checks, allowed = load_wording_checks()
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
