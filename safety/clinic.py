"""The clinic's own details (name, phone, address, hours), edited in the admin."""

from django.core.cache import cache
from django.db import DatabaseError

from .lines import LOCAL_LINES_CACHE_KEY, SITE_SETTINGS_CACHE_SECONDS
from .models import ClinicSettings

CACHE_KEY = "clinic:settings-3"  # see LOCAL_LINES_CACHE_KEY


def clinic_settings():
    """The saved settings, or unsaved neutral defaults while none exist or the
    database is unavailable, so every page can always say who we are."""
    settings = cache.get(CACHE_KEY)
    if settings is not None:
        return settings
    try:
        settings = ClinicSettings.objects.order_by("pk").first() or ClinicSettings()
    except DatabaseError:
        return ClinicSettings()
    # Bounded, so a save racing this read can leave stale details for minutes at most.
    cache.set(CACHE_KEY, settings, SITE_SETTINGS_CACHE_SECONDS)
    return settings


def forget_clinic_settings(**kwargs):
    cache.delete(CACHE_KEY)


def context_processor(request):
    # Every page shows the crisis lines too: one cache round trip for both.
    if hasattr(cache, "read_ahead"):
        cache.read_ahead([CACHE_KEY, LOCAL_LINES_CACHE_KEY])
    return {"clinic": clinic_settings()}
