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
"""

from asgiref.local import Local
from django.core.cache.backends.locmem import LocMemCache

from .internals import RedisCacheReusingClients

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


class ReusingRedisCache(ReadAheadMixin, RedisCacheReusingClients):
    """Redis, shared by every app server: one client per pool, and read-ahead."""


class ReadAheadLocMemCache(ReadAheadMixin, LocMemCache):
    """Local memory (one process, no shared cache): the same read-ahead, so the tests
    exercise the path production takes."""
