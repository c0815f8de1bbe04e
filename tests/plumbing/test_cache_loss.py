"""Losing Redis under a running gunicorn (plumbing.cache_backends): a Redis server of the
test's own that it stops and starts again, and a "Redis" that accepts connections and
never answers. Pages keep rendering from the database, the crisis page included."""

import json
import socket
import subprocess
import threading
import time

import pytest

from devtools.servers import build_site, fetch, free_port, running_server, scratch_database
from devtools.shell import assert_safety_shell

pytestmark = [pytest.mark.server, pytest.mark.redis]

PAGES = ["/", "/get-help-now/", "/conditions/benzodiazepine-use-disorder/", "/search/?q=xanax"]


def start_redis(port):
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("redis-server did not start")


def stop(process):
    process.terminate()
    process.wait(timeout=10)


def health(base_url):
    status, _headers, body = fetch(f"{base_url}/healthz")
    return status, json.loads(body)


@pytest.fixture
def site_database(tmp_path):
    with scratch_database(tmp_path) as database_url:
        build_site(database_url)
        yield database_url


def test_pages_render_without_redis_and_the_site_recovers_when_it_returns(site_database, figures):
    """Redis stopped: every page still answers 200 with the safety shell and /healthz
    says the cache is down; Redis back: /healthz is ok again within seconds."""
    port = free_port()
    redis = start_redis(port)
    try:
        with running_server(site_database, CACHE_URL=f"redis://127.0.0.1:{port}/0") as base_url:
            for path in PAGES:
                assert fetch(base_url + path)[0] == 200, path
            assert health(base_url) == (200, {"status": "ok", "database": "ok", "cache": "ok"})

            stop(redis)
            for path in PAGES:
                status, _headers, body = fetch(base_url + path)
                assert status == 200, path
                assert_safety_shell(body)
            assert health(base_url) == (503, {"status": "unavailable", "database": "ok", "cache": "unavailable"})

            redis = start_redis(port)
            started = time.monotonic()
            while health(base_url)[0] != 200:
                assert time.monotonic() - started < 30, "the site did not recover"
                time.sleep(0.5)
            figures.append(f"Redis loss: cache healthy again {time.monotonic() - started:.1f} s after Redis came back")
            assert fetch(base_url + "/get-help-now/")[0] == 200
    finally:
        stop(redis)


class SilentServer:
    """Accepts connections and never answers: a hung Redis."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.held:
            connection.close()


def test_a_hung_redis_costs_one_timeout_not_one_per_cache_call(site_database, figures):
    """With a Redis that never answers, the crisis page still answers 200, and after
    the first timeout pages come without waiting on the cache again."""
    silent = SilentServer()
    try:
        with running_server(
            site_database, CACHE_URL=f"redis://127.0.0.1:{silent.port}/0", WEB_CONCURRENCY=1, GUNICORN_THREADS=1
        ) as base_url:
            started = time.monotonic()
            status, _headers, body = fetch(base_url + "/get-help-now/")
            first = time.monotonic() - started
            assert status == 200
            assert_safety_shell(body)
            started = time.monotonic()
            for path in PAGES:
                assert fetch(base_url + path)[0] == 200, path
            rest = (time.monotonic() - started) / len(PAGES)
            figures.append(f"Hung Redis: first page {first:.1f} s, then {rest:.2f} s a page")
            assert first < 5  # one socket timeout (1 s), not one per cache call
            assert rest < 1
    finally:
        silent.close()
