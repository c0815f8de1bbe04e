"""Phone numbers are typed once, as people should read them; the call link is made
from that.

"1-800-662-4357" and "(800) 662-4357" call `tel:+18006624357`, "(555) 555-0100" calls
`tel:+15555550100`, and short codes and local numbers ("988", "211", "741741",
"555-0100") are dialled as they are. A number that starts with "+" keeps its country
code. Letters (vanity numbers, "ext.") are refused rather than guessed at: a crisis
line must call exactly what it says.
"""

import re

from django.core.exceptions import ValidationError

EXAMPLE = "Type the number as people should read it, e.g. 1-800-662-4357."
# Digits, and what people put between them: spaces, dashes, dots, slashes, brackets.
READABLE = re.compile(r"^\+?[\d\s\-\u2010-\u2015.()/]+$")
MIN_DIGITS, MAX_DIGITS = 3, 15  # a short code such as 988; the longest number (E.164)


def dial_string(number):
    """What a phone dials for `number` ("+18006624357", "988"); ValueError when it
    has no usable digits, with a sentence to show the person who typed it."""
    number = number.strip()
    digits = re.sub(r"\D", "", number)
    if not digits:
        raise ValueError(f"This has no digits to call. {EXAMPLE}")
    if not READABLE.match(number):
        raise ValueError(f"Use digits only, with no letters or extension. {EXAMPLE}")
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        raise ValueError(f"A phone number has 3 to 15 digits; this has {len(digits)}. {EXAMPLE}")
    if number.startswith("+"):
        return "+" + digits
    if len(digits) == 10:  # a US number without its country code
        return "+1" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    return digits


def call_href(number):
    """The `tel:` link for `number`, or "" when there is no usable number."""
    try:
        return "tel:" + dial_string(number)
    except ValueError:
        return ""


def text_href(number):
    """The `sms:` link for `number`, or "" when there is no usable number."""
    try:
        return "sms:" + dial_string(number)
    except ValueError:
        return ""


def validate_phone_number(value):
    """Model and form validator: the number must give a call link."""
    try:
        dial_string(value)
    except ValueError as error:
        raise ValidationError(str(error), code="invalid_phone_number") from None
