"""Losing the database under a running gunicorn: pointed at a PostgreSQL address where
nothing listens, and at a real PostgreSQL through a proxy port that the test cuts
and restores."""

import json
import time
from urllib.parse import urlparse, urlunparse

import pytest

from devtools.servers import build_site, fetch, running_server, scratch_database
from devtools.shell import assert_safety_shell
from devtools.tcp_proxy import TcpProxy

pytestmark = pytest.mark.server

# A PostgreSQL address where nothing listens: the database is unreachable.
DEAD_DATABASE = "postgres://postgres@127.0.0.1:9/unreachable"

CACHED_PAGE = "/conditions/benzodiazepine-use-disorder/"

UNCACHED_PAGE = "/levels-of-care/"


def through_proxy(database_url, port):
    parsed = urlparse(database_url)
    return urlunparse(parsed._replace(netloc=f"{parsed.username}@127.0.0.1:{port}"))


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


@pytest.mark.postgres
def test_cached_pages_serve_others_get_503_and_the_site_recovers(tmp_path, figures):
    """With the database gone: cached pages still serve, others get the static 503 page
    with the crisis lines, /healthz says 503; when it is back the site recovers by
    itself, without restarting gunicorn."""
    with scratch_database(tmp_path, postgres=True) as database_url:
        build_site(database_url)
        parsed = urlparse(database_url)
        proxy = TcpProxy(parsed.hostname, parsed.port or 5432)
        proxy.start()
        try:
            with running_server(through_proxy(database_url, proxy.port)) as base_url:
                for _ in range(2):
                    assert fetch(base_url + CACHED_PAGE)[0] == 200

                proxy.stop()
                status, _headers, body = fetch(base_url + CACHED_PAGE)
                assert status == 200
                assert_safety_shell(body)
                status, headers, body = fetch(base_url + UNCACHED_PAGE)
                assert status == 503 and headers.get("Retry-After")
                assert_safety_shell(body)
                assert fetch(base_url + "/healthz")[0] == 503

                proxy.start()
                started = time.monotonic()
                while time.monotonic() - started < 15:
                    if fetch(base_url + "/healthz")[0] == 200 and fetch(base_url + UNCACHED_PAGE)[0] == 200:
                        break
                    time.sleep(0.2)
                recovered_after = time.monotonic() - started
                figures.append(f"Database loss: recovered {recovered_after:.1f} s after PostgreSQL came back")
                assert recovered_after < 10
                assert_safety_shell(fetch(base_url + UNCACHED_PAGE)[2])
        finally:
            proxy.stop()


@pytest.mark.postgres
def test_a_hung_database_fails_fast_and_cached_pages_keep_answering(tmp_path, figures):
    """A database that accepts connections and never answers costs one connect timeout,
    then uncached pages get the 503 page at once and cached crisis pages keep answering;
    when it answers again the site recovers by itself."""
    with scratch_database(tmp_path, postgres=True) as database_url:
        build_site(database_url)
        parsed = urlparse(database_url)
        proxy = TcpProxy(parsed.hostname, parsed.port or 5432)
        proxy.start()
        try:
            database = through_proxy(database_url, proxy.port)
            with running_server(database, log_file=tmp_path / "server.log", DATABASE_CONNECT_TIMEOUT=2) as base_url:
                for _ in range(2):
                    assert fetch(base_url + "/get-help-now/")[0] == 200  # now cached

                proxy.hang()
                started = time.monotonic()
                status, headers, body = fetch(base_url + UNCACHED_PAGE)
                first = time.monotonic() - started
                assert status == 503 and headers.get("Retry-After")
                assert_safety_shell(body)
                started = time.monotonic()
                for _ in range(5):
                    assert fetch(base_url + "/faq/")[0] == 503
                    status, _headers, body = fetch(base_url + "/get-help-now/")
                    assert status == 200
                    assert_safety_shell(body)
                later = (time.monotonic() - started) / 10
                figures.append(f"Hung database: first uncached answer {first:.1f} s, then {later:.2f} s a request")
                assert first < 5  # one connect timeout (2 s), not two or three
                assert later < 0.5

                proxy.resume()
                started = time.monotonic()
                while fetch(base_url + UNCACHED_PAGE)[0] != 200:
                    assert time.monotonic() - started < 20, "the site did not recover"
                    time.sleep(0.5)
        finally:
            proxy.stop()
