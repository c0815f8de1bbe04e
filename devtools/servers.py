"""Run the real site (gunicorn + whitenoise) and `manage.py` in subprocesses, for tests
that need a server (browser tests, a database that goes away, two app servers), and
for `make bench` and `make soak`."""

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Where no `collectstatic` ever writes: the servers then serve the checkout's own static
# files, never the copy `make run` collected, which goes stale when a stylesheet changes.
UNCOLLECTED_STATIC_ROOT = ROOT / "static-not-collected"


def site_env(**overrides):
    env = dict(os.environ)
    env.setdefault("DJANGO_SECRET_KEY", "test-server-secret-key-not-for-production-0123456789")
    env["DJANGO_STATIC_ROOT"] = str(UNCOLLECTED_STATIC_ROOT)
    env.update({key: str(value) for key, value in overrides.items()})
    return env


class ManageFailed(subprocess.CalledProcessError):
    """A `manage.py` command that failed; its message says where it ran and what it printed."""

    def __init__(self, result, cwd):
        super().__init__(result.returncode, result.args, result.stdout, result.stderr)
        self.cwd = cwd

    def __str__(self):
        command = self.cmd[2] if len(self.cmd) > 2 else ""
        return (
            f"manage.py {command} in {self.cwd} failed (exit status {self.returncode}):\n{self.stdout}\n{self.stderr}"
        )


def run_manage(*args, env, cwd=ROOT):
    """`manage.py ARGS` in a subprocess, run in `cwd` (this checkout unless told): the
    finished process whatever its exit code, with its output as text."""
    return subprocess.run([PYTHON, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True)


def manage(*args, env, cwd=ROOT):
    """`manage.py ARGS`, which must succeed; returns its standard output. A failure
    raises ManageFailed, whose message carries the command's output."""
    result = run_manage(*args, env=env, cwd=cwd)
    if result.returncode != 0:
        raise ManageFailed(result, cwd)
    return result.stdout


def add_staff(env, username, role, password, **details):
    """A staff account on a served site, made as an administrator makes one
    (`manage.py add_staff`); `details`: email, full_name, credentials."""
    options = [f"--{name.replace('_', '-')}={value}" for name, value in details.items()]
    result = subprocess.run(
        [PYTHON, "manage.py", "add_staff", username, f"--role={role}", "--password-from-stdin", *options],
        cwd=ROOT,
        env=env,
        input=f"{password}\n",
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ManageFailed(result, ROOT)


LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


@contextmanager
def scratch_database(tmp_path, postgres=False):
    """A fresh database of the kind the suite runs on: PostgreSQL when DATABASE_URL
    names one (or `postgres` is asked for), else an SQLite file. Yields its URL and
    drops it afterwards."""
    base = os.environ.get("DATABASE_URL", "")
    if postgres and not base.startswith(("postgres://", "postgresql://")):
        base = LOCAL_POSTGRES
    if base.startswith(("postgres://", "postgresql://")):
        import psycopg2

        parsed = urlparse(base)
        name = f"clinic_scratch_{uuid.uuid4().hex[:10]}"
        admin_url = urlunparse(parsed._replace(path="/postgres"))
        conn = psycopg2.connect(admin_url)
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlunparse(parsed._replace(path=f"/{name}"))
        finally:
            with conn.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.close()
    else:
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"


def build_site(database_url, **env):
    """Migrate and load the clinic's content, as `make run` does."""
    environment = site_env(DATABASE_URL=database_url, **env)
    manage("migrate", "--no-input", env=environment)
    manage("load_site_content", env=environment)
    return environment


@contextmanager
def running_server(database_url, log_file=None, **env):
    """gunicorn (configured by gunicorn.conf.py) on a free loopback port; yields its base
    URL. With `log_file`, its access and error log go there."""
    port = free_port()
    environment = site_env(DATABASE_URL=database_url, PORT=port, **env)
    access_log = "-" if log_file else "/dev/null"
    output = open(log_file, "w") if log_file else subprocess.PIPE  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [GUNICORN, "-c", "gunicorn.conf.py", "--access-logfile", access_log, "treatment_site.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base_url, process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if log_file:
            output.close()


def wait_until_serving(base_url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = process.stdout.read().decode(errors="replace") if process.stdout else ""
            raise RuntimeError(f"server exited: {log}")
        try:
            connection = http.client.HTTPConnection(urlparse(base_url).netloc, timeout=2)
            connection.request("GET", "/static/css/site.css")
            connection.getresponse().read()  # any answer at all (a redirect to HTTPS too)
            connection.close()
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
    raise RuntimeError(f"server at {base_url} did not start")


def fetch(url, headers=None):
    """(status, headers, body) without raising on 4xx/5xx."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")
