"""Text as search compares it: lower case and, in the languages that write accents,
without them ("medicacion" finds "medicación", "nino" finds "niño"). Done in Python
(unicodedata), so SQLite and PostgreSQL compare alike and PostgreSQL needs no
extension. What a visitor sees (titles, snippets) keeps its accents."""

import unicodedata

# Languages searched without regard to accents. (English is searched as before: its
# PostgreSQL vectors are built from the stored text.)
ACCENT_INSENSITIVE_LANGUAGES = frozenset({"es"})


def folds_accents(language):
    return language in ACCENT_INSENSITIVE_LANGUAGES


class _FoldTable(dict):
    """str.translate table built as characters are met: each character lower-cased and
    stripped of its accents, always to exactly one character, so a position in the
    folded text is the same position in the original (snippets are cut and marked on
    the folded text, then shown from the original)."""

    def __missing__(self, code):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1:  # "İ" lower-cases to two characters
            lower = char
        base = "".join(part for part in unicodedata.normalize("NFD", lower) if not unicodedata.combining(part))
        folded = base if len(base) == 1 else lower
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text):
    """Lower case without accents, the same length as `text`."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def index_text(text):
    """What PostgreSQL indexes for an accent-insensitive language: the text as written
    (its stems: "medicaciones" finds "medicación") followed by the text folded (a search
    typed without accents finds it)."""
    folded = fold(text)
    return text if folded == text.lower() else f"{text}\n{folded}"
