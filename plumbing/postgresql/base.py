"""Django's PostgreSQL backend, failing fast while the database is known to be down.

A database that accepts connections and never answers made every request wait for
the connect timeout, two or three times over, until every worker was stuck and even
cached crisis pages stopped answering. After a failed connection this process does not
try again for RETRY_SECONDS: requests get the 503 page at once, cached pages keep
being served, and the first request after the pause tries again, so the site recovers
by itself. (A custom backend is Django's documented way to change how connections
are made.)"""

import logging
import time

from django.db.backends.postgresql import base

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
_down_until = 0.0  # per process: every thread of a worker shares it


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        global _down_until
        if time.monotonic() < _down_until:
            raise self.Database.OperationalError("The database did not answer a moment ago; not trying again yet.")
        try:
            return super().get_new_connection(conn_params)
        except self.Database.Error:
            _down_until = time.monotonic() + RETRY_SECONDS
            logger.warning("Database unreachable; failing fast for %s s", RETRY_SECONDS)
            raise
