"""What `backup_site` and `restore_site` share: the PostgreSQL address for pg_dump and
pg_restore, and a consistent SQLite copy."""

import sqlite3
from urllib.parse import quote

from django.conf import settings


def postgres_uri():
    """The configured PostgreSQL database as a libpq URI."""
    db = settings.DATABASES["default"]
    user = quote(db.get("USER") or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


def copy_sqlite(source_path, target_path):
    """Copy one SQLite database file to another with SQLite's online backup API, which
    gives a consistent copy even while the site is writing."""
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()
