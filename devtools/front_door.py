"""The clinic's front door (deploy/nginx/) on this machine: renders the shipped nginx
configuration and runs Debian's nginx with it in front of gunicorn, for
`make run-proxy`, the front-door tests and `make bench`.

    python -m devtools.front_door render OUT_DIR   # the production files, from CLINIC_* variables
    python -m devtools.front_door run               # make run-proxy: nginx on PORT, gunicorn behind it
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "nginx"
PRODUCTION_FILES = ("clinic-http.conf", "clinic-site.conf", "clinic-edge-cache.conf", "clinic-production.conf")
LOCAL_FILES = (*PRODUCTION_FILES[:3], "clinic-local.conf")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render(out_dir, values, files=LOCAL_FILES):
    """Write every file of deploy/nginx/ into out_dir with its CLINIC_ values filled
    in (nginx's own $variables are left as they are). A value missing is an error."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    values = {"CLINIC_CONF_DIR": str(out_dir), **values}
    for name in files:
        text = Template((DEPLOY / name).read_text()).safe_substitute(values)
        if "${CLINIC_" in text:
            missing = sorted({part.split("}")[0] for part in text.split("${")[1:] if part.startswith("CLINIC_")})
            raise ValueError(f"{name}: no value for {', '.join(missing)}")
        (out_dir / name).write_text(text)
    return out_dir


def public_csp():
    # The app's own policy for public pages, so static HTML from nginx gets the same.
    sys.path.insert(0, str(ROOT))
    from plumbing.policies import PUBLIC_CSP

    return PUBLIC_CSP


@dataclass
class FrontDoor:
    url: str
    run_dir: Path

    @property
    def access_log(self):
        return self.run_dir / "logs" / "clinic-access.log"


def local_values(run_dir, port, upstream, static_root, workers=1):
    run_dir = Path(run_dir)
    for folder in ("cache", "logs", "client-body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / folder).mkdir(parents=True, exist_ok=True)
    return {
        # As root, nginx's workers would otherwise run as `nobody`, who may not read
        # this checkout; as anyone else the directive is not allowed.
        "CLINIC_USER_LINE": "user root;" if os.geteuid() == 0 else "",
        "CLINIC_WORKERS": str(workers),
        "CLINIC_PORT": str(port),
        "CLINIC_UPSTREAM": upstream,
        "CLINIC_STATIC_ROOT": str(Path(static_root).resolve()),
        "CLINIC_RUN_DIR": str(run_dir),
        "CLINIC_CACHE_DIR": str(run_dir / "cache"),
        "CLINIC_LOG_DIR": str(run_dir / "logs"),
        "CLINIC_PUBLIC_CSP": public_csp(),
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_front_door(upstream, static_root, port=None, workers=1):
    """Debian's nginx with the shipped configuration on 127.0.0.1 (a free port unless
    given), in front of `upstream` ("127.0.0.1:PORT" of gunicorn); yields a FrontDoor.
    Its cache, logs and temporary files live in a folder of its own, removed after."""
    port = port or free_port()
    run_dir = Path(tempfile.mkdtemp(prefix="clinic-nginx-"))
    conf_dir = render(run_dir / "conf", local_values(run_dir, port, upstream, static_root, workers))
    command = [NGINX, "-p", str(run_dir), "-e", str(run_dir / "logs" / "nginx-error.log")]
    command += ["-c", str(conf_dir / "clinic-local.conf")]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if checked.returncode != 0:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise RuntimeError(f"nginx refused the configuration:\n{checked.stderr}")
    process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, process)
        yield FrontDoor(f"http://127.0.0.1:{port}", run_dir)
    finally:
        process.send_signal(signal.SIGTERM)  # fast shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(run_dir, ignore_errors=True)


def _wait_for_port(port, process, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {process.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port}")


def run_site_behind_nginx():
    """`make run-proxy`: gunicorn on a loopback port of its own, nginx on PORT in front
    of it, both until Ctrl-C. The app is told one proxy stands in front (for the
    sign-in lockout's client address) and that its public address is nginx's."""
    port = int(os.environ.get("PORT", "8000"))
    app_port = free_port()
    env = {**os.environ, "PORT": str(port), "DJANGO_PROXY_COUNT": "1"}
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    app = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{app_port}", "treatment_site.wsgi"],
        cwd=ROOT,
        env=env,
    )
    static_root = os.environ.get("DJANGO_STATIC_ROOT", str(ROOT / "staticfiles"))
    workers = os.environ.get("NGINX_WORKERS", "auto")
    # `kill` (SIGTERM) stops both as Ctrl-C does, instead of leaving them running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with running_front_door(f"127.0.0.1:{app_port}", static_root, port=port, workers=workers) as door:
            print(f"Serving on {door.url}/ through nginx (gunicorn behind it on port {app_port}); Ctrl-C stops both.")
            print(f"nginx's access log (no addresses, no query strings): {door.access_log}")
            app.wait()
    except KeyboardInterrupt:
        pass
    finally:
        app.terminate()
        app.wait(timeout=30)


def main(argv):
    if argv[:1] == ["render"] and len(argv) == 2:
        values = {name: value for name, value in os.environ.items() if name.startswith("CLINIC_")}
        values.setdefault("CLINIC_PUBLIC_CSP", public_csp())
        print(f"Wrote {render(argv[1], values, PRODUCTION_FILES)}")
    elif argv == ["run"]:
        run_site_behind_nginx()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
