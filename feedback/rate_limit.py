"""How many answers the feedback form takes: PER_CLIENT an hour from one client, and
SITE_WIDE an hour from everyone together (so a flood from many addresses still cannot
fill the table or bury real comments).

Counted without storing an address. The counter's key is a keyed hash (HMAC with the
site's SECRET_KEY) of the client's address and the current hour: it can be computed
again from an address, but not turned back into one, and because the hour is part of
what is hashed, the same client's keys in two hours cannot be linked. The counters
live in the cache only (Redis in production, shared by every app server; never the
database, never a log) and expire when the hour ends. Nothing about the client outlives
that hour, and nothing is written with the answer itself (feedback.models).
"""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from plumbing.client_address import client_address

PER_CLIENT = 10
SITE_WIDE = 300
HOUR = 60 * 60


def _hour_and_seconds_left(now=None):
    now = time.time() if now is None else now
    return int(now // HOUR), HOUR - int(now % HOUR)


def _count(key, seconds_left):
    """This request counted under key: the new count, or None when the cache cannot count."""
    cache.add(key, 0, timeout=seconds_left)
    try:
        return cache.incr(key)
    except ValueError:  # the cache is unavailable (plumbing.cache_backends), or the hour just ended
        return None


def client_key(address, hour):
    digest = salted_hmac("feedback.rate_limit", f"{address}|{hour}", algorithm="sha256").hexdigest()
    return f"feedback-client:{hour}:{digest}"


def allow(request):
    """True if this answer may be taken (and counts it); False over either limit.

    When the cache cannot count (Redis down), answers are taken: a reader's answer is
    not worth refusing for it, and the front door still limits bodies and methods."""
    hour, seconds_left = _hour_and_seconds_left()
    by_client = _count(client_key(client_address(request) or "", hour), seconds_left)
    if by_client is not None and by_client > PER_CLIENT:
        return False
    site_wide = _count(f"feedback-site:{hour}", seconds_left)
    return site_wide is None or site_wide <= SITE_WIDE


def seconds_until_next_hour():
    return _hour_and_seconds_left()[1]
