"""The health check a load balancer or monitor asks."""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """200 when the database and the cache both answer, 503 otherwise."""
    state = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **state}, status=200 if healthy else 503)


def _check_database():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # A broken persistent connection must not stay cached for the next check.
        connection.close_if_unusable_or_obsolete()
        return "unavailable"
    return "ok"


def _check_cache():
    try:
        cache.set("healthz", "ok", 10)
        return "ok" if cache.get("healthz") == "ok" else "unavailable"
    except Exception:  # any cache backend error means the cache is not usable
        return "unavailable"
