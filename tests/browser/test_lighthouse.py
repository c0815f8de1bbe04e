"""Lighthouse (npm, pinned in package-lock.json; it drives Debian's Chromium) scores the
home and flagship pages at 100 for accessibility, best practices and SEO on a phone
(its default mobile emulation)."""

import json
import os
import subprocess

import pytest

from devtools.browser import CHROMIUM, CHROMIUM_ARGS, LIGHTHOUSE

pytestmark = [pytest.mark.browser, pytest.mark.server]

CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = {
    "home": "/",
    "flagship": "/conditions/benzodiazepine-use-disorder/",
    "es-home": "/es/",
}


def lighthouse(url, report_path):
    """The Lighthouse report of one page, as JSON. Headless, on the mobile preset."""
    assert LIGHTHOUSE.exists(), "run `npm ci` (make test does) to get Lighthouse"
    chrome_flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={chrome_flags}",
            "--output=json",
            f"--output-path={report_path}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=180,
    )
    return json.loads(report_path.read_text())


def failed_audits(report):
    """(audit, title) of every scored audit that did not pass."""
    return [
        (audit["id"], audit["title"])
        for audit in report["audits"].values()
        if audit.get("scoreDisplayMode") in ("binary", "numeric") and (audit.get("score") or 0) < 1
    ]


@pytest.mark.parametrize("name, path", PAGES.items())
def test_lighthouse_scores_100_on_a_phone(site_url, tmp_path, name, path):
    report = lighthouse(site_url + path, tmp_path / f"lighthouse-{name}.json")
    assert report["configSettings"]["formFactor"] == "mobile"
    scores = {category: report["categories"][category]["score"] for category in CATEGORIES}
    assert scores == dict.fromkeys(CATEGORIES, 1), failed_audits(report)
