"""Backups that restore: the whole site round-trips through backup_site and restore_site."""

import json

from devtools.servers import build_site, manage, run_manage, scratch_database, site_env

FINGERPRINT = r"""
import hashlib, json
from django.test import Client
from django.test.utils import setup_test_environment
from cms.models import Page
from djangocms_versioning.models import Version
from editorial.models import PublicationLogEntry
setup_test_environment()
client = Client()
pages = {}
for page in Page.objects.all():
    url = page.get_absolute_url("en")
    if url:
        pages[url] = hashlib.sha256(client.get(url).content).hexdigest()
print(json.dumps({
    "pages": pages,
    "versions": sorted(Version.objects.values_list("pk", "object_id", "number", "state")),
    "log": sorted(PublicationLogEntry.objects.values_list("pk", "page_title", "action", "username", "version_number")),
}))
"""

NEW_VERSION = r"""
from django.contrib.auth import get_user_model
from cms.models import Page
from content.site_content import publish_new_text
user = get_user_model().objects.create_user("backup-reviewer", is_staff=True)
publish_new_text(Page.objects.get(reverse_id="about"), user, "<p>Words from a second version.</p>", slot="content")
"""


def fingerprint(env):
    output = manage("shell", "-c", FINGERPRINT, env=env)
    return json.loads(output.strip().splitlines()[-1])


def test_backup_restores_every_page_version_and_log_entry(tmp_path):
    """Restored into an empty database, every published page renders identically and
    the version history and publication log are intact."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    backup_file = tmp_path / "site.backup"
    with scratch_database(tmp_path / "a") as original_url:
        env = build_site(original_url)
        manage("shell", "-c", NEW_VERSION, env=env)
        before = fingerprint(env)
        manage("backup_site", f"--output={backup_file}", env=env)

    with scratch_database(tmp_path / "b") as empty_url:
        restored_env = site_env(DATABASE_URL=empty_url)
        manage("restore_site", str(backup_file), env=restored_env)
        after = fingerprint(restored_env)

    assert len(before["pages"]) >= 36
    assert any(entry[2] == "published" and entry[3] == "backup-reviewer" for entry in before["log"])
    assert after == before


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    """A restore never overwrites a live site."""
    with scratch_database(tmp_path) as url:
        env = site_env(DATABASE_URL=url)
        manage("migrate", "-v0", env=env)
        (tmp_path / "x.backup").write_bytes(b"not used")
        result = run_manage("restore_site", str(tmp_path / "x.backup"), env=env)
    assert result.returncode != 0
    assert "not empty" in result.stderr
