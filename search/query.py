"""What a search means: the query cleaned, crisis words spotted, synonyms expanded
(Xanax finds the benzodiazepine page) and misspelt drug names corrected. The word
lists are in `search_terms.yaml` (English) and `search_terms_<language>.yaml` (for
instance `search_terms_es.yaml`, Spanish), which staff can edit.

In an accent-insensitive language (search.text) words are compared without accents:
synonyms and crisis words match however the accents were typed, a word typed without
them is also searched as the index writes it ("desintoxicacion" as "desintoxicación"),
and misspellings are corrected against the words of that language's index."""

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from django.conf import settings

from .indexing import index_vocabulary
from .text import fold, folds_accents

TERMS_DIR = Path(__file__).parent
TERMS_FILE = TERMS_DIR / "search_terms.yaml"
MAX_QUERY_LENGTH = 200

STOP_WORDS = frozenset(
    "a about an and are as at be but by can could do does for from get has have how i if in into is it its "
    "me my no not of on or our should so than that the their them then there they this to was we what when "
    "where which who why will with would you your".split()
)
# Spanish, without accents (words are compared folded).
SPANISH_STOP_WORDS = frozenset(
    "a al algo algun alguna algunas alguno algunos ante antes aqui asi como con contra cual cuales cuando "
    "de del desde donde durante e el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta "
    "estan estar estas este esto estos estoy fue fueron ha han hay he hemos hacia hasta la las le les lo "
    "los mas me mi mis mucho muchos muy nos nosotros nuestra nuestro o os otra otras otro otros para pero "
    "poco por porque puede pueden puedo que quien quienes se sea ser si sin sobre son su sus tambien te "
    "ti tiene tienen tengo tu tus u un una unas uno unos usted ustedes y ya yo".split()
)
LANGUAGE_STOP_WORDS = {"en": STOP_WORDS, "es": SPANISH_STOP_WORDS}


@dataclass(frozen=True)
class Terms:
    """One language's synonyms: each word or phrase (folded, see search.text) to the
    words of its groups, as the file writes them (accents kept)."""

    synonyms: dict
    stop_words: frozenset


def terms_file(language):
    if language == settings.LANGUAGE_CODE:
        return TERMS_FILE
    return TERMS_DIR / f"search_terms_{language}.yaml"


@lru_cache(maxsize=8)
def _read_terms(language):
    if language not in {code for code, _name in settings.LANGUAGES}:
        return {}
    path = terms_file(language)
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


@lru_cache(maxsize=8)
def language_terms(language):
    synonyms = {}
    for group in _read_terms(language).get("synonyms", []):
        words = {str(word).lower() for word in group}
        for word in words:
            synonyms.setdefault(fold(word), set()).update(words)
    return Terms(synonyms=synonyms, stop_words=LANGUAGE_STOP_WORDS.get(language, frozenset()))


@lru_cache(maxsize=1)
def crisis_pattern():
    """Crisis words of every language, on every search: a person in crisis may type in
    either language on either page (the card itself is in the page's language)."""
    terms = {
        fold(str(term)).replace("’", "'")
        for code, _name in settings.LANGUAGES
        for term in _read_terms(code).get("crisis_terms", [])
    }
    return re.compile(r"\b(?:" + "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)) + r")\b")


def clean_query(raw):
    """Printable text, single-spaced, at most MAX_QUERY_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def is_crisis_query(query):
    return bool(crisis_pattern().search(fold(query).replace("’", "'")))


def _lower(text):
    """Lower case, the same length as `text` (so it lines up with fold(text))."""
    return "".join(lower if len(lower := char.lower()) == 1 else char for char in text)


def query_groups(query, language="en"):
    """The query as groups of alternatives: every group should match, any word in a
    group will do. Phrases from the synonym list ("cold turkey") stay together."""
    terms = language_terms(language)
    text = _lower(query).replace("’", "'")
    folded = fold(text)
    groups = []
    for phrase in sorted((key for key in terms.synonyms if " " in key), key=len, reverse=True):
        pattern = rf"\b{re.escape(phrase)}\b"
        if re.search(pattern, folded):
            groups.append(sorted(terms.synonyms[phrase]))
            # Blanked in both, which stay the same length.
            spans = [match.span() for match in re.finditer(pattern, folded)]
            for start, end in spans:
                text = text[:start] + " " * (end - start) + text[end:]
            folded = re.sub(pattern, lambda match: " " * len(match.group()), folded)
    for match in re.finditer(r"[\w'-]+", folded):
        key = match.group().strip("'-")
        word = text[match.start() : match.end()].strip("'-")
        if len(key) < 2 or key in terms.stop_words or key.isdigit():
            continue
        groups.append(sorted(terms.synonyms.get(key, {word})))
    if folds_accents(language):
        groups = [_with_indexed_spellings(group, language) for group in groups]
    return groups


def _with_indexed_spellings(group, language):
    """Each word also as the index writes it with accents ("desintoxicacion" →
    "desintoxicación"), for PostgreSQL's stemmer and its highlighted snippets."""
    vocabulary = index_vocabulary(language)
    words = set(group)
    for word in group:
        if " " not in word:
            words.update(vocabulary.get(fold(word), ()))
    return sorted(words)


def corrected_query(query, language="en"):
    """The query with misspelt known words (drug names, everyday terms; in an
    accent-insensitive language, any word of its index too) fixed, or None when
    nothing needed fixing."""
    terms = language_terms(language)
    known = {key: key for key in terms.synonyms if " " not in key}
    indexed = {}
    if folds_accents(language):
        # Synonyms as the file writes them ("desintoxicación"), and the index's words
        # as its pages spell them, the most frequent first.
        for key in known:
            known[key] = next(word for word in sorted(terms.synonyms[key]) if fold(word) == key)
        indexed = index_vocabulary(language)
        for key, spellings in indexed.items():
            if key not in terms.stop_words:
                known.setdefault(key, spellings[0])
    vocabulary = [key for key in known if len(key) >= 4]
    # Between equally close words, the one the pages use most ("benzodiacepinas" over
    # "benzodiazepinas" for "benzodiasepinas").
    frequency_rank = {key: rank for rank, key in enumerate(indexed)}
    changed, words = False, []
    for word in query.split():
        key = fold(word)
        if len(key) >= 4 and key not in known and key not in terms.stop_words:
            matches = difflib.get_close_matches(key, vocabulary, n=3, cutoff=0.75)
            if matches:
                best = min(
                    matches,
                    key=lambda match: (
                        -difflib.SequenceMatcher(None, key, match).ratio(),
                        frequency_rank.get(match, len(frequency_rank)),
                    ),
                )
                words.append(known[best])
                changed = True
                continue
        words.append(word)
    return " ".join(words) if changed else None
