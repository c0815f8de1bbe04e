"""`make bench`: throughput and latency of the real site under wrk, as ratios to a
static file served by the same server in the same run: gunicorn alone, and the front
door (the shipped nginx configuration, devtools.front_door) in front of it.

Starts gunicorn (2 sync workers, shared Redis cache) against PostgreSQL on 127.0.0.1
(falls back to SQLite and says so), warms it, runs wrk against each target in
interleaved rounds, counts queries per request in-process, prints a table and writes
it to bench/results.md. Binds to 127.0.0.1 only, bounds every run in time, and stops
what it starts.
"""

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.front_door import running_front_door  # noqa: E402
from devtools.servers import build_site, fetch, manage, running_server, site_env  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "8s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
CONNECTIONS = 8
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/3")
# For the helper scripts run with `python -c` (manage.py sets it for itself).
SETTINGS = "treatment_site.settings"

FLAGSHIP = "/conditions/benzodiazepine-use-disorder/"
# A copy of the flagship page's bytes among the static files: what nginx does for a
# file of the same size, the front door's yardstick.
PAGE_COPY = "bench-flagship-copy.html"

# (name, server, path, the row it is compared with)
GUNICORN_STATIC = "static CSS file"
DOOR_STATIC = "front door: static file of the flagship's size"
TARGETS = [
    ("home", "cached", "/", GUNICORN_STATIC),
    ("flagship condition", "cached", FLAGSHIP, GUNICORN_STATIC),
    ("FAQ", "cached", "/faq/for-patients/", GUNICORN_STATIC),
    ("search", "cached", "/search/?q=xanax+withdrawal", GUNICORN_STATIC),
    ("render, page cache off", "render", FLAGSHIP, GUNICORN_STATIC),
    ("render, all CMS caches off", "cold", FLAGSHIP, GUNICORN_STATIC),
    ("render, staff with the toolbar", "staff", FLAGSHIP, GUNICORN_STATIC),
    (GUNICORN_STATIC, "cached", "STATIC", GUNICORN_STATIC),
    ("front door: home", "door", "/", DOOR_STATIC),
    ("front door: flagship condition", "door", FLAGSHIP, DOOR_STATIC),
    ("front door: FAQ", "door", "/faq/for-patients/", DOOR_STATIC),
    (DOOR_STATIC, "door", f"/static/{PAGE_COPY}", DOOR_STATIC),
]


def postgres_available():
    try:
        import psycopg2

        psycopg2.connect(POSTGRES, connect_timeout=2).close()
        return True
    except Exception:
        return False


def redis_available():
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
        return True
    except Exception:
        return False


def create_postgres_database():
    import psycopg2

    name = f"clinic_bench_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(POSTGRES)
    conn.autocommit = True
    conn.cursor().execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return name, POSTGRES.rsplit("/", 1)[0] + f"/{name}"


def drop_postgres_database(name):
    import psycopg2

    conn = psycopg2.connect(POSTGRES)
    conn.autocommit = True
    conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


def run_wrk(url, cookie=None):
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "5s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return rps, to_ms(percentiles["50"]), to_ms(percentiles["99"]), errors


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def staff_session_cookie(database_url, server_env):
    """A signed-in clinical reviewer's session cookie (a session row in the database
    the servers share), so wrk can fetch pages as staff see them, toolbar and all."""
    code = r"""
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from editorial.roles import CLINICAL_REVIEWER
user = get_user_model().objects.create_user("bench-reviewer", password="bench-reviewer-password-1", is_staff=True)
user.groups.add(Group.objects.get(name=CLINICAL_REVIEWER))
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=site_env(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=SETTINGS, **server_env),  # the servers' key
        capture_output=True,
        text=True,
        check=True,
    )
    return f"sessionid={result.stdout.strip().splitlines()[-1]}"


def queries_per_request(database_url, cache_url, key_prefix):
    """Queries for a warm and a cold request of each page, counted in-process. The
    cache key prefix is this count's own: the bench databases of earlier runs had the
    same primary keys, so their placeholders, left in Redis, would pass for this one's."""
    code = r"""
import django, json
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from menus.menu_pool import menu_pool
from cms.cache import invalidate_cms_page_cache
setup_test_environment()
client = Client()
out = {}
for path in ["/", "/conditions/benzodiazepine-use-disorder/", "/faq/for-patients/", "/search/?q=xanax+withdrawal"]:
    menu_pool.clear(all=True); invalidate_cms_page_cache()
    with CaptureQueriesContext(connection) as cold:
        client.get(path)
    with CaptureQueriesContext(connection) as warm:
        client.get(path)
    out[path] = [len(cold), len(warm)]
print(json.dumps(out))
"""
    env = site_env(
        DATABASE_URL=database_url, CACHE_URL=cache_url, CACHE_KEY_PREFIX=key_prefix, DJANGO_SETTINGS_MODULE=SETTINGS
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def machine_description():
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1) if match else cpu
    mem = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    return f"{os.cpu_count()} cores ({cpu}), {mem} memory, Python {platform.python_version()}, {platform.system()}"


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    notes = []
    with ExitStack() as stack:
        if postgres_available():
            name, database_url = create_postgres_database()
            stack.callback(drop_postgres_database, name)
            database = "PostgreSQL"
        else:
            tmp = stack.enter_context(tempfile.TemporaryDirectory())
            database_url = f"sqlite:///{tmp}/bench.sqlite3"
            database = "SQLite (PostgreSQL was not reachable on 127.0.0.1:5432)"
            notes.append("PostgreSQL was not reachable; this run used SQLite.")
        cache_url = REDIS if redis_available() else ""
        if not cache_url:
            notes.append("Redis was not reachable; one gunicorn process with 4 threads and a local-memory cache.")
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        print(f"Building the site on {database} …", flush=True)
        build_site(database_url)
        static_root = stack.enter_context(tempfile.TemporaryDirectory())
        server_env = {
            "CACHE_URL": cache_url,
            "CACHE_KEY_PREFIX": prefix,
            "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
            "DJANGO_STATIC_ROOT": static_root,  # hashed, compressed files, as in production
        }
        manage("collectstatic", "--no-input", "-v0", env=site_env(DATABASE_URL=database_url, **server_env))
        urls = {
            "cached": stack.enter_context(running_server(database_url, **server_env)),
            "render": stack.enter_context(running_server(database_url, DJANGO_CMS_PAGE_CACHE="0", **server_env)),
            "cold": stack.enter_context(running_server(database_url, DJANGO_CMS_CACHE="0", **server_env)),
        }
        urls["staff"] = urls["cached"]
        _status, _headers, flagship = fetch(urls["cached"] + FLAGSHIP)
        Path(static_root, PAGE_COPY).write_text(flagship)
        # One nginx worker: wrk needs the other core.
        door = stack.enter_context(running_front_door(urls["cached"].split("//")[1], static_root, workers=1))
        urls["door"] = door.url
        cookies = {"staff": staff_session_cookie(database_url, server_env)}
        _status, _headers, staff_page = fetch(urls["staff"] + "/", headers={"Cookie": cookies["staff"]})
        if "cms-toolbar" not in staff_page:
            sys.exit("The staff session did not sign in: no django CMS toolbar on the page.")
        _status, _headers, home = fetch(urls["cached"] + "/")
        css_path = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        for _name, server, path, _baseline in TARGETS:  # warm every target
            for _ in range(3):
                fetch(urls[server] + (css_path if path == "STATIC" else path))

        samples = {name: [] for name, _server, _path, _baseline in TARGETS}
        for round_number in range(ROUNDS):
            for name, server, path, _baseline in TARGETS:
                url = urls[server] + (css_path if path == "STATIC" else path)
                print(f"round {round_number + 1}/{ROUNDS}: {name} …", flush=True)
                samples[name].append(run_wrk(url, cookie=cookies.get(server)))
        queries = queries_per_request(database_url, cache_url, f"{prefix}-queries")

    def median_rps(name):
        return statistics.median(sample[0] for sample in samples[name])

    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine_description()}.",
        f"Database: {database}. Cache: {'Redis' if cache_url else 'local memory'}. "
        f"gunicorn from gunicorn.conf.py; wrk 2 threads, {CONNECTIONS} connections, "
        f"{DURATION} × {ROUNDS} rounds, interleaved. Front door: the shipped nginx configuration "
        "(one worker) in front of the same gunicorn; each row is compared with a static file "
        "from the same server.",
        f"Run at {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| target | requests/s | p50 ms | p99 ms | errors | × static file |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _server, _path, baseline in TARGETS:
        rows = samples[name]
        rps = median_rps(name)
        p50 = statistics.median(row[1] for row in rows)
        p99 = max(row[2] for row in rows)
        errors = sum(row[3] for row in rows)
        lines.append(f"| {name} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {errors} | {rps / median_rps(baseline):.2f} |")
    door_vs_gunicorn = median_rps("front door: flagship condition") / median_rps("flagship condition")
    lines += ["", f"The flagship page through the front door: {door_vs_gunicorn:.1f} × gunicorn alone."]
    lines += [
        "",
        "Queries per request, counted in-process (cold = page, placeholder and menu caches empty):",
        "",
        "| page | cold | warm |",
        "| --- | ---: | ---: |",
    ]
    for path, (cold, warm) in queries.items():
        lines.append(f"| `{path}` | {cold} | {warm} |")
    if notes:
        lines += ["", *[f"Note: {note}" for note in notes]]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    (ROOT / "bench" / "results.md").write_text(report)
    print("Written to bench/results.md")


if __name__ == "__main__":
    main()
