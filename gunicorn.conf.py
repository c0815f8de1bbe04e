"""gunicorn settings, read from the environment (see README, "Running in production")."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# django CMS invalidates its page cache through keys in the cache itself. A
# local-memory cache lives inside one process, so without a shared cache (REDIS_URL /
# CACHE_URL) one process with threads keeps what editors publish visible at once;
# with a shared cache, several processes.
SHARED_CACHE = bool(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL"))
workers = int(os.environ.get("WEB_CONCURRENCY", "2" if SHARED_CACHE else "1"))
threads = int(os.environ.get("GUNICORN_THREADS", "1" if SHARED_CACHE else "4"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Restart workers now and then so a slow leak can never take the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))  # 0: never restart (restarts show as latency spikes)
max_requests_jitter = 200
accesslog = "-"
# Patients' privacy: the access log keeps the time, the path without its query string
# (search words never), the status, size and duration; no client address, referrer
# or browser.
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Several gunicorn servers on one host would otherwise share ~/.gunicorn/gunicorn.ctl.
control_socket_disable = True
