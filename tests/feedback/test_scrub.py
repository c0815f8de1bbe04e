"""Personal details out of a reader's comment (feedback.scrub): phone numbers and email
addresses are removed before anything is stored; ordinary words and small numbers stay."""

import pytest

from feedback.scrub import REMOVED, clean_text, scrub


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("Call me on 555-123-4567 please", "Call me on [removed] please"),
        ("(555) 123-4567", REMOVED),
        ("+1 555 123 4567", REMOVED),
        ("+1-555-123-4567", REMOVED),
        ("1 (555) 123-4567", REMOVED),
        ("5551234567", REMOVED),
        ("15551234567", REMOVED),
        ("555.123.4567", REMOVED),
        ("555 – 123 – 4567", REMOVED),
        ("my number is 123-4567.", "my number is [removed]."),
        ("1234567", REMOVED),
        ("1-800-662-4357", REMOVED),
        ("+44 20 7946 0958", REMOVED),
        ("my SSN is 123-45-6789", "my SSN is [removed]"),
        ("patient no. 00123456", f"patient no. {REMOVED}"),
        ("text me at 555 123 4567 or 555 987 6543", f"text me at {REMOVED} or {REMOVED}"),
    ],
)
def test_phone_numbers_and_long_numbers_are_removed(typed, stored):
    """Every usual way of writing a US number, a number with a country code, and any run of 7+ digits."""
    assert scrub(typed) == stored


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("write to dana.ortiz@example.org", f"write to {REMOVED}"),
        ("DANA+clinic@Mail.Example.co.uk thanks", f"{REMOVED} thanks"),
        ("dana @ example.org", REMOVED),
        ("I am @dana_ortiz on there", f"I am {REMOVED} on there"),
        ("correo: josé.pérez@ejemplo.es", f"correo: {REMOVED}"),
    ],
)
def test_email_addresses_and_handles_are_removed(typed, stored):
    assert scrub(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "I took 2 mg for 3 weeks",
        "Tapering from 0.5 mg to 0.25 mg over 12 weeks helped.",
        "Call 988 or 911 is clear.",
        "I am 45 and my son is 19.",
        "It took 10-14 days.",
        "The page said 1 in 4 people.",
        "We live in 10001.",
        "1/2 a pill, 3 times a day",
        "It cost $1,500.",
        "I was @ home. Then I read it.",
        "Thank you! This was clear and kind 😊",
        "Muy útil, gracias. ¿Hay grupos en español?",
        "",
    ],
)
def test_ordinary_text_and_small_numbers_are_kept(typed):
    """Doses, ages, counts, a zip code, the crisis numbers and plain words are not personal details."""
    assert scrub(typed) == typed


def test_control_and_invisible_characters_are_dropped_and_cannot_hide_a_number():
    assert scrub("ab\x00c\x07d\u202eef") == "abcdef"
    assert scrub("555\u200b-123\u200b-4567") == REMOVED  # zero-width spaces inside the number
    assert scrub("  line one\r\nline two\t!  ") == "line one\nline two !"


def test_joined_emoji_survive():
    """Zero-width joiners build emoji (a health worker: woman + ZWJ + medical symbol)."""
    assert clean_text("thanks \U0001f469\u200d\u2695\ufe0f") == "thanks \U0001f469\u200d\u2695\ufe0f"
