"""Call links made from numbers as people read them (safety.phone): typed once, right
for every way a US number is written."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from safety.phone import EXAMPLE, call_href, dial_string, text_href, validate_phone_number


@pytest.mark.parametrize(
    "number, link",
    [
        ("1-800-662-4357", "tel:+18006624357"),
        ("1 (800) 662-4357", "tel:+18006624357"),
        ("800.662.4357", "tel:+18006624357"),
        ("(555) 555-0100", "tel:+15555550100"),
        ("555-555-0100", "tel:+15555550100"),
        ("+1 555 555 0100", "tel:+15555550100"),
        ("988", "tel:988"),
        ("911", "tel:911"),
        ("741741", "tel:741741"),
        ("555-0100", "tel:5550100"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("  1–800–662–4357 ", "tel:+18006624357"),  # en dashes, stray spaces
    ],
)
def test_call_link_is_made_from_the_number_as_people_read_it(number, link):
    """10 digits get +1, 11 starting with 1 get +, short codes and local numbers stay as they are."""
    assert call_href(number) == link
    assert text_href(number) == "sms:" + link.removeprefix("tel:")


@pytest.mark.parametrize(
    "number, reason",
    [
        ("call us", "no digits"),
        ("", "no digits"),
        ("1-800-GET-HELP", "no letters"),
        ("555-0100 ext. 2", "no letters"),
        ("12", "3 to 15 digits"),
        ("1234567890123456", "3 to 15 digits"),
    ],
)
def test_a_number_without_usable_digits_gets_a_clear_error_and_no_link(number, reason):
    """The form says what is wrong and how to type it; the site never makes a wrong link."""
    with pytest.raises(ValidationError) as error:
        validate_phone_number(number)
    message = " ".join(error.value.messages)
    assert reason in message
    assert EXAMPLE in message  # "Type the number as people should read it, e.g. 1-800-662-4357."
    assert call_href(number) == text_href(number) == ""


@given(st.text(alphabet="0123456789", min_size=10, max_size=10), st.sampled_from(["{a}-{b}-{c}", "({a}) {b}-{c}"]))
def test_every_ten_digit_number_calls_the_same_digits_with_plus_one(digits, layout):
    """However a 10-digit number is written, the link dials exactly its digits after +1."""
    number = layout.format(a=digits[:3], b=digits[3:6], c=digits[6:])
    assert dial_string(number) == "+1" + digits
    assert dial_string("1-" + number) == "+1" + digits
