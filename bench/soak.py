"""`make soak`: 60 s of traffic at 32 connections against gunicorn on PostgreSQL while a
page is published every few seconds; reports failed requests and server errors.

Binds to 127.0.0.1 only, bounds every run in time, stops what it starts, and exits
non-zero on any failed request or server error.
"""

import os
import re
import subprocess
import sys
import tempfile
import uuid
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import create_postgres_database, drop_postgres_database, postgres_available, redis_available  # noqa: E402
from devtools.servers import PYTHON, build_site, running_server, site_env  # noqa: E402

SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "32"))
PUBLISH_EVERY = float(os.environ.get("SOAK_PUBLISH_EVERY", "3"))
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/4")

PATHS = [
    "/",
    "/conditions/",
    "/conditions/benzodiazepine-use-disorder/",
    "/levels-of-care/",
    "/levels-of-care/withdrawal-management/",
    "/therapies/cbt/",
    "/faq/for-patients/",
    "/faq/for-families/",
    "/get-help-now/",
    "/search/?q=xanax",
    "/search/?q=taper",
]

WRK_SCRIPT = """
paths = {PATHS}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
""".replace("PATHS", ", ".join(f'"{path}"' for path in PATHS))

# Publishes a new version of a few pages in turn, until killed.
PUBLISHER = r"""
import time
from django.contrib.auth import get_user_model
from cms.models import Page
from content.site_content import publish_new_text
user, _ = get_user_model().objects.get_or_create(username="soak-publisher", defaults={"is_staff": True})
pages = [Page.objects.get(reverse_id=r) for r in ("about", "therapy-cbt", "condition-benzodiazepine-use-disorder")]
n = 0
while True:
    publish_new_text(pages[n % len(pages)], user, f"<p>Soak edit {n}.</p>")
    n += 1
    print(f"published {n}", flush=True)
    time.sleep(PUBLISH_EVERY)
""".replace("PUBLISH_EVERY", str(PUBLISH_EVERY))


def main():
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        if postgres_available():
            name, database_url = create_postgres_database()
            stack.callback(drop_postgres_database, name)
            database = "PostgreSQL"
        else:
            database_url = f"sqlite:///{tmp}/soak.sqlite3"
            database = "SQLite (PostgreSQL was not reachable)"
        cache_url = REDIS if redis_available() else ""
        env = {"CACHE_URL": cache_url, "CACHE_KEY_PREFIX": f"soak-{uuid.uuid4().hex[:8]}"}
        print(
            f"Soak: {SECONDS} s at {CONNECTIONS} connections on {database}, "
            f"cache {'Redis' if cache_url else 'local memory'}, a publish every {PUBLISH_EVERY:g} s",
            flush=True,
        )
        build_site(database_url, **env)
        log_file = tmp / "server.log"
        base_url = stack.enter_context(running_server(database_url, log_file=log_file, **env))
        publisher = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", PUBLISHER],
            cwd=ROOT,
            env=site_env(DATABASE_URL=database_url, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        stack.callback(publisher.kill)
        script = tmp / "paths.lua"
        script.write_text(WRK_SCRIPT)
        wrk = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{SECONDS}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(script),
                base_url,
            ],
            capture_output=True,
            text=True,
            timeout=SECONDS + 60,
            check=True,
        ).stdout
        publisher.kill()
        publisher_output = publisher.communicate()[0]
        published = len(re.findall(r"^published \d+", publisher_output, re.MULTILINE))
        server_log = log_file.read_text()

    requests = int(re.search(r"(\d+) requests in", wrk).group(1))
    non_2xx = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", wrk))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", wrk)
    socket_errors = sum(int(n) for n in socket.groups()) if socket else 0
    server_errors = len(re.findall(r'" 5\d\d ', server_log)) + server_log.count("Traceback")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
    p99 = re.search(r"^\s+99%\s+(\S+)", wrk, re.MULTILINE).group(1)
    print(f"""
| figure | value |
| --- | ---: |
| requests | {requests:,} |
| requests/s | {rps:,.0f} |
| p99 latency | {p99} |
| pages published during the run | {published} |
| failed requests (non-2xx, socket errors) | {non_2xx + socket_errors} |
| server errors in the log (5xx, tracebacks) | {server_errors} |
""")
    if published == 0:
        print(publisher_output[-2000:])
    if non_2xx or socket_errors or server_errors or published == 0:
        problems = [line for line in server_log.splitlines() if re.search(r'" 5\d\d |Error|Traceback|File "', line)]
        print("\n".join(problems[:80]))
        sys.exit("Soak failed.")
    print("Soak passed: zero failed requests and zero server errors.")


if __name__ == "__main__":
    main()
