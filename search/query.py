"""What a search means: the query cleaned, crisis words spotted, synonyms expanded
(Xanax finds the benzodiazepine page) and misspelt drug names corrected. The word
lists are in `search_terms.yaml`, which staff can edit."""

import difflib
import re
from functools import lru_cache
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).with_name("search_terms.yaml")
MAX_QUERY_LENGTH = 200

STOP_WORDS = frozenset(
    "a about an and are as at be but by can could do does for from get has have how i if in into is it its "
    "me my no not of on or our should so than that the their them then there they this to was we what when "
    "where which who why will with would you your".split()
)


@lru_cache(maxsize=1)
def search_terms():
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    synonyms = {}
    for group in data.get("synonyms", []):
        words = [str(word).lower() for word in group]
        for word in words:
            synonyms.setdefault(word, set()).update(words)
    crisis = [str(term).lower() for term in data.get("crisis_terms", [])]
    crisis_pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in crisis) + r")\b")
    return synonyms, crisis_pattern


def clean_query(raw):
    """Printable text, single-spaced, at most MAX_QUERY_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def is_crisis_query(query):
    _synonyms, crisis_pattern = search_terms()
    normalized = query.lower().replace("’", "'")
    return bool(crisis_pattern.search(normalized))


def query_groups(query):
    """The query as groups of alternatives: every group should match, any word in a
    group will do. Phrases from the synonym list ("cold turkey") stay together."""
    synonyms, _crisis = search_terms()
    text = query.lower().replace("’", "'")
    groups = []
    for phrase in sorted((key for key in synonyms if " " in key), key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            groups.append(sorted(synonyms[phrase]))
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    for word in re.findall(r"[\w'-]+", text):
        word = word.strip("'-")
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        groups.append(sorted(synonyms.get(word, {word})))
    return groups


def corrected_query(query):
    """The query with misspelt known words (drug names, everyday terms) fixed, or
    None when nothing needed fixing."""
    synonyms, _crisis = search_terms()
    vocabulary = [word for word in synonyms if " " not in word and len(word) >= 4]
    changed, words = False, []
    for word in query.split():
        lower = word.lower()
        if len(lower) >= 4 and lower not in synonyms:
            match = difflib.get_close_matches(lower, vocabulary, n=1, cutoff=0.75)
            if match:
                words.append(match[0])
                changed = True
                continue
        words.append(word)
    return " ".join(words) if changed else None
