"""Restore a backup made by `backup_site` into an empty database."""

import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from plumbing.backups import copy_sqlite, postgres_uri


class Command(BaseCommand):
    help = "Restore FILE (from backup_site) into the configured database, which must be empty."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        backup = Path(file)
        if not backup.exists():
            raise CommandError(f"No such backup: {backup}")
        if connection.introspection.table_names():
            # Never merge into or overwrite a live site: restore into a new, empty database.
            raise CommandError("The database is not empty. Create an empty database and point DATABASE_URL at it.")
        connection.close()
        if connection.vendor == "postgresql":
            result = subprocess.run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    f"--dbname={postgres_uri()}",
                    str(backup),
                ],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        elif connection.vendor == "sqlite":
            copy_sqlite(backup, settings.DATABASES["default"]["NAME"])
        else:
            raise CommandError(f"No restore method for {connection.vendor}")
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}"))
