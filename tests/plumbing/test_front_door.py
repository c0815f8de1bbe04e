"""The front door for real: Debian's nginx with the shipped configuration
(deploy/nginx/, devtools.front_door) in front of gunicorn, on PostgreSQL and Redis.
Slow clients, oversized bodies and odd methods stop at nginx; anonymous pages come
from the edge cache and stay up when gunicorn or the database is down; publishes show
within 2 seconds; editors and cookies never meet a shared copy."""

import http.client
import http.cookiejar
import re
import socket
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager
from urllib.parse import urlparse, urlunparse

import pytest

from devtools.front_door import running_front_door
from devtools.servers import add_staff, build_site, fetch, manage, running_server, scratch_database, site_env
from devtools.shell import assert_safety_shell
from devtools.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.server, pytest.mark.postgres, pytest.mark.redis]

FLAGSHIP = "/conditions/benzodiazepine-use-disorder/"
VISITED = ("/", FLAGSHIP, "/get-help-now/")
NEVER_VISITED = "/therapies/dbt/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site built as `make run` builds it, on PostgreSQL, its static files collected
    for nginx, sharing one Redis cache (a key prefix of its own); yields the settings
    every server of this module runs with."""
    tmp_path = tmp_path_factory.mktemp("front-door")
    with scratch_database(tmp_path, postgres=True) as database_url:
        env = {
            "DJANGO_STATIC_ROOT": tmp_path / "static",
            "REDIS_URL": "redis://127.0.0.1:6379/4",
            "CACHE_KEY_PREFIX": f"front-door-{uuid.uuid4().hex[:8]}",
            "DJANGO_PROXY_COUNT": "1",
        }
        manage("collectstatic", "--no-input", "-v0", env=build_site(database_url, **env))
        yield {"database_url": database_url, "env": env, "tmp_path": tmp_path}


@contextmanager
def app_server(site, database_url=None, **extra):
    """gunicorn for this site; yields ("127.0.0.1:PORT", its access-log path)."""
    log_file = site["tmp_path"] / f"gunicorn-{uuid.uuid4().hex[:6]}.log"
    with running_server(database_url or site["database_url"], log_file=log_file, **site["env"], **extra) as url:
        yield urlparse(url).netloc, log_file


@pytest.fixture(scope="module")
def door(site):
    """nginx in front of gunicorn, shared by the tests that leave both running."""
    static_root = site["env"]["DJANGO_STATIC_ROOT"]
    with app_server(site) as (upstream, log_file), running_front_door(upstream, static_root) as door:
        door.app_log = log_file
        yield door


def get(url, headers=None):
    status, response_headers, body = fetch(url, headers)
    return status, {name.lower(): value for name, value in response_headers.items()}, body


def site_paths(door):
    status, _headers, body = get(door.url + "/sitemap.xml")
    assert status == 200
    return [urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", body)]


# --- The edge cache -------------------------------------------------------------------


def test_anonymous_pages_come_from_the_edge_and_no_cookie_reaches_a_visitor(door):
    """Every page: the second visit is answered by nginx's cache; browsers are still told
    to keep nothing, and no anonymous visitor is ever given a cookie. Tracking tags on a
    link do not make a page uncacheable."""
    paths = site_paths(door)
    assert len(paths) > 30
    for path in paths:
        status, headers, body = get(door.url + path)
        assert status == 200, path
        assert "set-cookie" not in headers, path
        assert headers["cache-control"] == "no-store", path
        assert "x-accel-expires" not in headers, path  # for nginx only
        assert headers["cdn-cache-control"].startswith("max-age=1"), path
        assert_safety_shell(body)
        status, headers, _body = get(door.url + path)
        assert headers["x-cache"] == "HIT", path
        assert "set-cookie" not in headers, path
    for path in (f"{FLAGSHIP}?utm_source=newsletter&utm_medium=email", "/search/?q=xanax+taper"):
        get(door.url + path)
        status, headers, _body = get(door.url + path)
        assert status == 200 and headers["x-cache"] == "HIT", path


def test_static_files_come_from_disk_with_long_caching(door):
    _status, _headers, page = get(door.url + "/")
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1)
    status, headers, _body = get(door.url + stylesheet)
    assert status == 200
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    status, headers, body = get(door.url + "/static/errors/503.html")
    assert status == 200 and headers["cache-control"] == "no-store"
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert_safety_shell(body)
    app_log = door.app_log.read_text()
    assert stylesheet not in app_log and "/static/errors/" not in app_log  # nginx answered, not gunicorn


def publish_through_the_app(site, reverse_id, words):
    """An editor's publish, as the app makes it (a new version of the page's text)."""
    manage(
        "shell",
        "-c",
        "from cms.models import Page; from content.site_content import loader_user, publish_new_text; "
        f"publish_new_text(Page.objects.get(reverse_id={reverse_id!r}), loader_user(), '<p>{words}</p>')",
        env=build_env(site),
    )


def build_env(site):
    return site_env(DATABASE_URL=site["database_url"], **site["env"])


def test_a_publish_is_seen_through_the_front_door_within_2_seconds(door, site, figures):
    url = door.url + "/faq/for-families/"
    for _ in range(3):
        assert get(url)[0] == 200  # in the edge cache, and in the app's
    words = f"Front door check {uuid.uuid4().hex[:8]}"
    publish_through_the_app(site, "faq-for-families", words)
    published = time.monotonic()
    while words not in get(url)[2]:
        assert time.monotonic() - published < 2, "the publish did not reach visitors within 2 s"
        time.sleep(0.05)
    figures.append(f"Front door: a publish reached visitors through nginx after {time.monotonic() - published:.2f} s")


class Browser:
    """A browser with a cookie jar, for a signed-in editor."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, path, data=None):
        request = urllib.request.Request(self.base_url + path, data=data)
        with self.opener.open(request, timeout=15) as response:
            headers = {name.lower(): value for name, value in response.headers.items()}
            return response.status, headers, response.read().decode()

    def sign_in(self, username, password):
        _status, _headers, form = self.open("/admin/login/?next=/admin/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"}
        status, _headers, body = self.open("/admin/login/", urllib.parse.urlencode(data).encode())
        assert status == 200 and "logout" in body.lower(), "sign-in failed"


def test_a_signed_in_editor_always_gets_fresh_pages_and_visitors_never_get_theirs(door, site):
    add_staff(build_env(site), "door-editor", "editor", "door-editor-password-1")
    editor = Browser(door.url)
    editor.sign_in("door-editor", "door-editor-password-1")
    url = door.url + FLAGSHIP
    for _ in range(3):
        status, headers, body = get(url)  # the anonymous copy is at the edge
        assert status == 200 and 'id="cms-top"' not in body and "door-editor" not in body
        status, headers, body = editor.open(FLAGSHIP)
        assert status == 200
        assert headers["x-cache"] == "BYPASS"  # never from the shared copy
        assert 'id="cms-top"' in body  # the django CMS toolbar
        assert "x-accel-expires" not in headers and "cdn-cache-control" not in headers
    words = f"Editor sees it at once {uuid.uuid4().hex[:8]}"
    publish_through_the_app(site, "condition-benzodiazepine-use-disorder", words)
    assert words in editor.open(FLAGSHIP)[2]
    for _ in range(3):
        status, headers, body = get(url)
        assert 'id="cms-top"' not in body and "door-editor" not in body and "csrfmiddlewaretoken" not in body
        assert "set-cookie" not in headers


# --- What never reaches the app ---------------------------------------------------------


def raw_request(door, request_bytes):
    port = urlparse(door.url).port
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request_bytes)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode(errors="replace")


def test_a_large_post_is_refused_at_the_door_without_reaching_the_app(door):
    body = b"x" * (2 * 1024 * 1024)
    connection = http.client.HTTPConnection(urlparse(door.url).netloc, timeout=15)
    try:
        headers = {"Content-Type": "application/octet-stream"}
        connection.request("POST", "/faq/for-patients/", body=body, headers=headers)
        response = connection.getresponse()
        status, answer = response.status, response.read().decode()
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("nginx cut the upload without an answer")
    finally:
        connection.close()
    assert status == 413
    assert_safety_shell(answer)
    time.sleep(0.5)
    assert '"POST /faq/for-patients/' not in door.app_log.read_text()


def test_only_get_head_and_post_pass_the_door(door):
    status, _body = raw_request(door, b"TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    assert status == 405
    for method in ("PUT", "DELETE", "OPTIONS", "PATCH"):
        request = f"{method} /faq/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        status, body = raw_request(door, request.encode())
        assert status == 405, method
        assert_safety_shell(body)
    for method in ("TRACE", "PUT", "DELETE", "OPTIONS", "PATCH"):
        assert f'"{method} ' not in door.app_log.read_text(), method


def test_slow_clients_never_hold_the_app(door, figures):
    """200 connections trickle their headers and 50 their bodies, a byte a second, as the
    outside attack did (2 were enough to take gunicorn alone offline); meanwhile an
    ordinary visitor gets every page in under a second. The visitor sends a cookie, so
    every page is rendered by gunicorn, not answered from a cache."""
    port = urlparse(door.url).port
    attackers = []
    for number in range(250):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        if number < 200:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        else:
            sock.sendall(b"POST /get-help-now/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 60000\r\n\r\n")
        attackers.append(sock)
    stop = threading.Event()

    def trickle():
        while not stop.wait(1):
            for sock in attackers:
                try:
                    sock.send(b"X")
                except OSError:
                    pass

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        slowest = 0.0
        for path in site_paths(door):
            started = time.monotonic()
            status, _headers, body = get(door.url + path, headers={"Cookie": "visitor=1"})
            took = time.monotonic() - started
            slowest = max(slowest, took)
            assert status == 200, path
            assert took < 1, f"{path} took {took:.2f} s during the slow-client attack"
        still_open = sum(1 for sock in attackers if _still_open(sock))
    finally:
        stop.set()
        trickler.join()
        for sock in attackers:
            sock.close()
    assert still_open >= 240, f"only {still_open} of 250 slow connections were still open: the attack had ended"
    figures.append(f"Front door: 250 slow connections; every page rendered in under {slowest:.2f} s")


def _still_open(sock):
    try:
        sock.send(b"X")
        return True
    except OSError:
        return False


# --- Search ----------------------------------------------------------------------------


@pytest.mark.parametrize("search", ["/search/", "/es/search/"])
def test_searches_beyond_a_persons_rate_get_the_refused_page(door, search):
    time.sleep(10)  # the other language's searches have used this address's burst
    answers = [get(f"{door.url}{search}?q=rate+{number}") for number in range(20)]
    statuses = [status for status, _headers, _body in answers]
    assert statuses[:5] == [200] * 5
    assert 429 in statuses
    status, _headers, body = next(answer for answer in answers if answer[0] == 429)
    assert_safety_shell(body)


def post_feedback(door, body):
    connection = http.client.HTTPConnection(urlparse(door.url).netloc, timeout=15)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", "/feedback/", body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_readers_answers_beyond_a_persons_rate_stop_at_the_door(door):
    """A person may answer a few pages a minute; a flood from one address stops at
    nginx (the refused page, with the crisis lines) before the app's own hourly limit,
    and an oversized answer never reaches the app."""
    answer = urllib.parse.urlencode({"path": FLAGSHIP, "language": "en", "helpful": "yes"})
    statuses = [post_feedback(door, answer)[0] for _ in range(10)]
    assert statuses[:6] == [200] * 6  # one, and a burst of 5
    assert statuses[6:] == [429] * 4
    status, body = post_feedback(door, answer)
    assert status == 429
    assert_safety_shell(body)
    assert "We could not answer that request" in body  # nginx's page, not the app's

    status, body = post_feedback(door, answer + "&comment=" + "x" * 20_000)
    assert status == 413
    assert_safety_shell(body)


FLOOD_SCRIPT = """
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/search/?q=flood" .. math.random(1, 1000000000))
end
"""


def test_a_search_flood_does_not_slow_page_readers(door, tmp_path, figures):
    script = tmp_path / "flood.lua"
    script.write_text(FLOOD_SCRIPT)
    time.sleep(2)  # the earlier searches' allowance refills
    flood = subprocess.Popen(
        ["wrk", "-t2", "-c64", "-d8s", "--timeout", "5s", "-s", str(script), door.url + "/"],
        stdout=subprocess.PIPE,
        text=True,
    )
    latencies = []
    try:
        time.sleep(0.5)
        while flood.poll() is None:
            for path in VISITED:
                started = time.monotonic()
                assert get(door.url + path)[0] == 200
                latencies.append(time.monotonic() - started)
    finally:
        output = flood.communicate(timeout=30)[0]
    searches = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = statistics.quantiles(latencies, n=100)[98]
    figures.append(
        f"Front door: search flood at 64 connections ({searches:,.0f} requests/s, refused beyond the limits); "
        f"page readers' p99 {p99 * 1000:.1f} ms over {len(latencies)} pages"
    )
    assert p99 < 1


# --- When the app or its database is down ------------------------------------------------


def visit_then_let_expire(door):
    for path in VISITED:
        for _ in range(2):
            assert get(door.url + path)[0] == 200
    time.sleep(1.5)  # past the edge copies' second: each visit below asks the app first


def assert_served_from_the_edge_or_the_static_503(door, stale_expected):
    for path in VISITED:
        status, headers, body = get(door.url + path)
        assert status == 200, path
        if stale_expected:
            assert headers["x-cache"] == "STALE", path
        assert_safety_shell(body)
    status, headers, body = get(door.url + NEVER_VISITED)
    assert status == 503
    assert "briefly unavailable" in body or "Briefly unavailable" in body
    assert_safety_shell(body)


def test_with_gunicorn_stopped_visited_pages_are_served_stale_and_others_get_the_503_page(site):
    static_root = site["env"]["DJANGO_STATIC_ROOT"]
    with ExitStack() as app:
        upstream, _log = app.enter_context(app_server(site))
        with running_front_door(upstream, static_root) as door:
            visit_then_let_expire(door)
            app.close()  # gunicorn stops
            assert_served_from_the_edge_or_the_static_503(door, stale_expected=True)


def through(proxy, database_url):
    parsed = urlparse(database_url)
    return urlunparse(parsed._replace(netloc=f"{parsed.username}@127.0.0.1:{proxy.port}"))


@pytest.mark.parametrize("failure", ["unreachable", "hanging"])
def test_with_the_database_down_visited_pages_still_serve_and_others_get_the_503_page(site, failure):
    parsed = urlparse(site["database_url"])
    proxy = TcpProxy(parsed.hostname, parsed.port or 5432)
    proxy.start()
    try:
        with app_server(site, through(proxy, site["database_url"])) as (upstream, _log):
            with running_front_door(upstream, site["env"]["DJANGO_STATIC_ROOT"]) as door:
                visit_then_let_expire(door)
                proxy.stop() if failure == "unreachable" else proxy.hang()
                assert_served_from_the_edge_or_the_static_503(door, stale_expected=False)
    finally:
        proxy.stop()
