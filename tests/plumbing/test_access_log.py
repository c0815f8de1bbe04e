"""The server's access log keeps no search words and no client address (gunicorn.conf.py)."""

import urllib.request

import pytest

from devtools.servers import build_site, fetch, running_server, scratch_database

pytestmark = pytest.mark.server


def test_the_access_log_keeps_paths_without_queries_or_addresses(tmp_path):
    """A search for "kill myself" leaves /search/ in the log, and nothing of the words,
    the address it came from, or the page it came from."""
    with scratch_database(tmp_path) as database_url:
        build_site(database_url)
        log = tmp_path / "server.log"
        with running_server(database_url, log_file=log) as base_url:
            headers = {"Referer": f"{base_url}/search/?q=overdose+help", "User-Agent": "Quillwort/1.0"}
            assert fetch(f"{base_url}/search/?q=kill+myself", headers=headers)[0] == 200
            assert fetch(f"{base_url}/get-help-now/")[0] == 200
            head = urllib.request.Request(f"{base_url}/get-help-now/", method="HEAD")
            with urllib.request.urlopen(head, timeout=15) as response:
                assert response.status == 200 and int(response.headers["Content-Length"]) > 1000
        text = log.read_text()
        assert "sent body bytes" not in text  # a HEAD answer carries no body
        lines = [line for line in text.splitlines() if '"GET /' in line]
    assert any('"GET /search/ HTTP/1.1" 200' in line for line in lines), lines
    assert any('"GET /get-help-now/ HTTP/1.1" 200' in line for line in lines), lines
    for line in lines:
        for secret in ("kill", "myself", "overdose", "127.0.0.1", "Quillwort", "q="):
            assert secret not in line, line
