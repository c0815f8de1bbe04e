"""The site's cache backends: Django's Redis and local-memory caches, plus read-ahead.

Read-ahead: with the cache on Redis every read is a network round trip (about
0.2 ms here), and a page rendered from cached placeholders made 21 of them, 16 for
its placeholders alone (django CMS reads each placeholder's version key, then its
content). `read_ahead()` fetches many keys in one round trip and keeps what it found
for the rest of the current request only; a `get()` of such a key is answered
from there. Values are kept only while a request is being served (from
`request_started` to `request_finished`, plumbing.apps), and a write or delete of
the key drops its value, so nothing is served that a plain read would not have
returned a moment earlier. Outside a request, read_ahead() is a plain get_many().

The Redis client is reused across calls (plumbing.internals says why).

A cache that fails is a cache that misses: when Redis is down or hangs, every page is
rendered from the database instead of answering 500 (the crisis lines must never
depend on the cache). After a failure the cache is skipped for RETRY_SECONDS in that
process, so a hanging Redis costs one timeout, not one per cache call; then it is
tried again, and the site recovers by itself when Redis returns.
"""

import logging
import time

from asgiref.local import Local
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

from .internals import RedisCacheReusingClients

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
CACHE_ERRORS = (RedisError, OSError)

_UNAVAILABLE = object()

_read_ahead = Local()  # per thread: gunicorn's threaded workers serve one request each


def start_read_ahead(**kwargs):
    _read_ahead.values = {}


def stop_read_ahead(**kwargs):
    _read_ahead.values = None


class ReadAheadMixin:
    def read_ahead(self, keys):
        """Fetch keys in one round trip; returns {key: value} for those present."""
        found = self.get_many(keys)
        store = getattr(_read_ahead, "values", None)
        if store is not None:
            store.update({self.make_and_validate_key(key): value for key, value in found.items()})
        return found

    def get(self, key, default=None, version=None):
        store = getattr(_read_ahead, "values", None)
        value = store.get(self.make_and_validate_key(key, version=version)) if store else None
        return value if value is not None else super().get(key, default, version)

    def _forget_read_ahead(self, keys, version=None):
        store = getattr(_read_ahead, "values", None)
        if store:
            for key in keys:
                store.pop(self.make_and_validate_key(key, version=version), None)

    def set(self, key, value, timeout=None, version=None):
        self._forget_read_ahead([key], version)
        return super().set(key, value, timeout, version)

    def delete(self, key, version=None):
        self._forget_read_ahead([key], version)
        return super().delete(key, version)

    def set_many(self, data, timeout=None, version=None):
        self._forget_read_ahead(data, version)
        return super().set_many(data, timeout, version)

    def delete_many(self, keys, version=None):
        self._forget_read_ahead(keys, version)
        return super().delete_many(keys, version)


class FailingCacheMisses:
    """Each cache operation, when the cache server fails, answers as a miss would."""

    _skip_until = 0.0  # per process, per backend instance

    def _or_miss(self, miss, operation, *args, **kwargs):
        if time.monotonic() < self._skip_until:
            return miss
        try:
            return operation(*args, **kwargs)
        except CACHE_ERRORS as error:
            self._skip_until = time.monotonic() + RETRY_SECONDS
            logger.warning("Cache unavailable (%s); pages are rendered without it for %s s", error, RETRY_SECONDS)
            return miss

    def get(self, key, default=None, version=None):
        return self._or_miss(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or_miss({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or_miss(False, super().has_key, key, version)

    def add(self, key, value, timeout=None, version=None):
        return self._or_miss(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._or_miss(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._or_miss(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._or_miss(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or_miss(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._or_miss(None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        value = self._or_miss(_UNAVAILABLE, super().incr, key, delta, version)
        if value is _UNAVAILABLE:  # no miss can stand in for a count: as for a missing key
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return value

    def clear(self):
        return self._or_miss(None, super().clear)


class ReusingRedisCache(ReadAheadMixin, FailingCacheMisses, RedisCacheReusingClients):
    """Redis, shared by every app server: one client per pool, and read-ahead."""


class ReadAheadLocMemCache(ReadAheadMixin, LocMemCache):
    """Local memory (one process, no shared cache): the same read-ahead, so the tests
    exercise the path production takes."""
