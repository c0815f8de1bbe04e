"""What the tests, `make bench` and `make soak` share: the real site in a subprocess
(servers), a TCP proxy to cut (tcp_proxy), the safety-contract checks (shell), small
test data (builders) and the browser tests' pages and toolbar steps (browser).

Nothing here imports from tests/. The test suite registers this package for pytest's
assertion rewriting (tests/conftest.py), so a failed assert in a helper shows its values."""
