"""The safety contract holds on every public page, including error pages."""

import json
import subprocess
from collections import deque

import pytest
from django.conf import settings
from django.test import RequestFactory

from safety.views import server_error

from .servers import PYTHON, ROOT, fetch, running_server, site_env
from .shell import assert_safety_shell, parse

# A PostgreSQL address where nothing listens: the database is unreachable.
DEAD_DATABASE = "postgres://postgres@127.0.0.1:9/unreachable"


def crawl(client, start="/"):
    """Every same-site page reachable by links from `start`, with its response."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        pages[path] = response
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for href in parse(response.content).xpath("//a/@href"):
            href = href.split("#")[0]
            if href.startswith("/") and not href.startswith(("/admin", "/static", "//")) and href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


@pytest.mark.django_db
def test_every_linked_page_carries_the_safety_shell(client):
    """Crawling from the home page, every page answers 200 with the full safety shell."""
    pages = crawl(client)
    assert len(pages) >= 30
    for path, response in pages.items():
        assert response.status_code == 200, path
        assert_safety_shell(response.content)


@pytest.mark.django_db
def test_every_published_page_carries_the_safety_shell(client, published_paths):
    """Pages not linked from anywhere still have the shell."""
    assert "/" in published_paths
    for path in published_paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_safety_shell(response.content)


@pytest.mark.django_db
def test_unknown_page_is_a_404_with_the_shell(client):
    """A mistyped address gets a kind 404 page with the crisis banner."""
    response = client.get("/conditions/no-such-page/")
    assert response.status_code == 404
    doc = assert_safety_shell(response.content)
    assert "could not find" in doc.xpath("//h1")[0].text_content()


def test_static_error_pages_carry_the_shell():
    """The 500 and 503 pages are plain files with the crisis lines and exit control."""
    for name in ("500.html", "503.html"):
        body = (ROOT / "safety" / "static" / "errors" / name).read_text()
        assert "{%" not in body and "{{" not in body
        assert_safety_shell(body, exit_url=settings.EXIT_PAGE_URL)


def test_server_error_handler_serves_the_static_500_page():
    """An unexpected error gives the static 500 page, not a template that could fail too."""
    request = RequestFactory().get("/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500
    assert_safety_shell(response.content)


def test_database_unreachable_gives_503_page_and_unhealthy(tmp_path):
    """With the database unreachable, pages answer with the static 503 page and
    /healthz reports the database down."""
    with running_server(DEAD_DATABASE) as base_url:
        status, headers, body = fetch(f"{base_url}/conditions/")
        assert status == 503
        assert headers.get("Retry-After")
        assert_safety_shell(body)

        status, _headers, body = fetch(f"{base_url}/healthz")
        assert status == 503
        assert json.loads(body) == {"status": "unavailable", "database": "unavailable", "cache": "ok"}


def test_cache_unreachable_makes_healthz_503(tmp_path):
    """/healthz also fails when the shared cache is down."""
    database = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    with running_server(database, CACHE_URL="redis://127.0.0.1:9/0") as base_url:
        status, _headers, body = fetch(f"{base_url}/healthz")
    assert status == 503
    assert json.loads(body)["cache"] == "unavailable"


@pytest.mark.django_db
def test_healthz_ok(client):
    """/healthz answers 200 with the state of each dependency."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_production_refuses_to_start_without_secret_key(tmp_path):
    """Settings raise instead of running with a missing or guessable key."""
    env = site_env(DJANGO_ENV_FILE=str(tmp_path / "none.env"))
    env.pop("DJANGO_SECRET_KEY")
    result = subprocess.run(
        [PYTHON, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "treatment_site.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
