"""The configured PostgreSQL database as a libpq URI, for pg_dump and pg_restore."""

from urllib.parse import quote

from django.conf import settings


def postgres_uri():
    db = settings.DATABASES["default"]
    user = quote(db.get("USER") or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"
