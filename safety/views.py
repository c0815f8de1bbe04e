"""The 500 and 503 pages: plain HTML read from disk, so they work when the database,
the cache or the templates are broken. They still carry the crisis lines."""

import sys
from pathlib import Path

from django.db import DatabaseError
from django.http import HttpResponse

ERROR_PAGES = Path(__file__).resolve().parent / "static" / "errors"


def static_error_page(name, status):
    response = HttpResponse((ERROR_PAGES / name).read_bytes(), status=status, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    if status == 503:
        response["Retry-After"] = "30"
    return response


def server_error(request):
    """handler500: a database that is down is a 503 (we'll be back), anything else a 500."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        return static_error_page("503.html", 503)
    return static_error_page("500.html", 500)
