"""Obvious personal details out of a reader's comment before it is stored.

The comment box asks readers not to type personal or medical details; some will
anyway. What can be recognised is removed: email addresses, handles ("@dana_o") and
phone numbers (any run of seven or more digits, with or without spaces, dots, dashes
or brackets between them: US numbers in every usual form, numbers with a country
code, record and social security numbers). Small numbers stay ("2 mg for 3 weeks", "call 988").
Control and invisible formatting characters are dropped first, so they cannot hide a
number or an address from these patterns (or reorder text in the admin).

It cannot catch everything (a name, a number written in words): staff read comments
in the admin, and an administrator can delete one that still holds personal details.
"""

import re
import unicodedata

REMOVED = "[removed]"
# Seven digits is a local phone number; fewer is a dose, a count, a year, a zip code.
MIN_DIGITS = 7

# "name@example.org", also typed with spaces around the "@"; and a handle on its own
# ("@dana_o"), which names someone as surely.
EMAIL = re.compile(r"[\w.%+'-]+\s*@\s*[\w-]+(?:\.[\w-]+)+")
HANDLE = re.compile(r"(?<![\w@])@[\w.]*\w")
# A digit, then more digits each after at most three separators: spaces, dots, dashes
# (hyphen and en dash) and brackets, as people write phone numbers; a leading "+" and
# "(" belong to it. Slashes and commas are not separators ("1/2", "1,000").
NUMBER = re.compile(r"\+?\(?\d(?:[ \t\u00a0.\-\u2013()]{0,3}\d)*")
# Zero-width joiners stay: emoji are built with them.
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}


def _visible(character):
    if character == "\n":
        return True
    category = unicodedata.category(character)
    if category == "Cf":
        return character in KEPT_FORMAT_CHARACTERS
    return category not in ("Cc", "Cs", "Co", "Cn")


def clean_text(text):
    """Line breaks as "\\n", tabs as spaces, control and invisible formatting
    characters dropped, outer blank space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(character for character in text if _visible(character)).strip()


def _number_or_removed(match):
    number = match.group(0)
    return REMOVED if sum(character.isdigit() for character in number) >= MIN_DIGITS else number


def scrub(text):
    """The comment as it may be stored: cleaned (clean_text), with email addresses,
    handles and phone-like numbers replaced by "[removed]"."""
    text = clean_text(text)
    text = EMAIL.sub(REMOVED, text)
    text = HANDLE.sub(REMOVED, text)
    return NUMBER.sub(_number_or_removed, text)
