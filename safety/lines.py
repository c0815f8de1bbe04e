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
LOCAL_LINES_CACHE_KEY = "safety:local-crisis-lines-2"
SITE_SETTINGS_CACHE_SECONDS = 600


@dataclass(frozen=True)
class CrisisLine:
    name: str
    description: str
    number: str  # as people read it
    call_href: str = ""
    text_href: str = ""
    short_name: str = ""  # for the banner on small screens


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
