"""Valid HTML by the Nu Html Checker (vnu.jar from npm, run with Debian's JRE)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from devtools.browser import PAGE_KINDS
from devtools.servers import ROOT, fetch

pytestmark = [pytest.mark.browser, pytest.mark.server]

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_kind_is_valid_html(site_url, tmp_path):
    """No Nu Html Checker errors on any page kind (error pages included)."""
    assert VNU_JAR.exists(), "run `npm ci` (make test does) to get vnu-jar"
    assert shutil.which("java"), "install default-jre-headless"
    files = []
    for name, path in PAGE_KINDS.items():
        _status, _headers, body = fetch(site_url + path)
        file = tmp_path / f"{name}.html"
        file.write_text(body)
        files.append(file)
    for name in ("500.html", "503.html", "refused.html"):
        files.append(ROOT / "safety" / "static" / "errors" / name)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [(Path(m.get("url", "")).name, m.get("lastLine"), m["message"]) for m in messages if m["type"] == "error"]
    assert errors == []
