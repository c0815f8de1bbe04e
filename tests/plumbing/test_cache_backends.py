"""The cache backends' read-ahead (plumbing.cache_backends): kept for one request only,
and never over a write."""

import uuid


def test_read_ahead_values_live_for_one_request_and_yield_to_writes():
    """What was read ahead answers reads only until the request ends, and a write of
    the key replaces it at once; outside a request nothing is kept."""
    from django.core.cache.backends.locmem import LocMemCache

    from plumbing.cache_backends import ReadAheadLocMemCache, start_read_ahead, stop_read_ahead

    store = ReadAheadLocMemCache(f"read-ahead-{uuid.uuid4().hex}", {})
    store.set("lines", "old")

    start_read_ahead()
    assert store.read_ahead(["lines", "missing"]) == {"lines": "old"}
    LocMemCache.set(store, "lines", "changed elsewhere")  # another server, mid-request
    assert store.get("lines") == "old"
    store.set("lines", "changed here")
    assert store.get("lines") == "changed here"
    stop_read_ahead()

    LocMemCache.set(store, "lines", "changed after the request")
    assert store.get("lines") == "changed after the request"
    store.read_ahead(["lines"])  # no request: nothing kept
    LocMemCache.set(store, "lines", "newest")
    assert store.get("lines") == "newest"
