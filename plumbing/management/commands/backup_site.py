"""A consistent copy of the whole database: pg_dump (one snapshot) on PostgreSQL, the
SQLite online backup API on SQLite."""

import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from plumbing.backups import copy_sqlite, postgres_uri


class Command(BaseCommand):
    help = "Write a consistent backup of the database to backups/ (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write (default: backups/clinic-<time>.dump or .sqlite3)")

    def handle(self, *args, output=None, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        if connection.vendor == "postgresql":
            target = Path(output or Path(settings.BASE_DIR) / "backups" / f"clinic-{stamp}.dump")
            target.parent.mkdir(parents=True, exist_ok=True)
            result = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", postgres_uri()],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        elif connection.vendor == "sqlite":
            target = Path(output or Path(settings.BASE_DIR) / "backups" / f"clinic-{stamp}.sqlite3")
            target.parent.mkdir(parents=True, exist_ok=True)
            copy_sqlite(settings.DATABASES["default"]["NAME"], target)
        else:
            raise CommandError(f"No backup method for {connection.vendor}")
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
