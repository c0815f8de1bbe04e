"""The health check (plumbing.views): 200 when the database and the cache answer, 503
when either does not."""

import json

import pytest

from devtools.servers import fetch, running_server


@pytest.mark.django_db
def test_healthz_ok(client):
    """/healthz answers 200 with the state of each dependency."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.server
def test_cache_unreachable_makes_healthz_503(tmp_path):
    """/healthz also fails when the shared cache is down."""
    database = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    with running_server(database, CACHE_URL="redis://127.0.0.1:9/0") as base_url:
        status, _headers, body = fetch(f"{base_url}/healthz")
    assert status == 503
    assert json.loads(body)["cache"] == "unavailable"
