"""Upgrading: a database made by the previous main (66eb6f7, one `content` app) upgrades
with `manage.py migrate` to today's apps (`safety`, `editorial`, `search`, `content`)
with nothing lost, and serves the same pages.

The old code runs from its own tree, exported from git into a temporary directory;
both sides run `manage.py` in subprocesses against one scratch database, and each
takes the same snapshot (one script, told where each model lives on its side)."""

import difflib
import json
import subprocess

import pytest
from lxml import html as lxml_html

from devtools.servers import ROOT, manage, scratch_database, site_env

PREVIOUS_MAIN = "66eb6f7"

# Where each model the snapshot reads lives, before and after the split.
OLD_MODELS = {
    "ClinicSettings": "content.models.ClinicSettings",
    "LocalCrisisLine": "content.models.LocalCrisisLine",
    "PublicationLogEntry": "content.models.PublicationLogEntry",
    "ContentReview": "content.models.ContentReview",
    "SearchDocument": "content.models.SearchDocument",
    "PageKind": "content.models.PageKind",
    "PageDetails": "content.models.PageDetails",
}
NEW_MODELS = {
    "ClinicSettings": "safety.models.ClinicSettings",
    "LocalCrisisLine": "safety.models.LocalCrisisLine",
    "PublicationLogEntry": "editorial.models.PublicationLogEntry",
    "ContentReview": "editorial.models.ContentReview",
    "SearchDocument": "search.models.SearchDocument",
    "PageDetails": "content.models.PageDetails",
}
# PageKind is gone after the upgrade (content 0004, 0005): a page's kind comes from its
# template, and an index page's listed kind moved to PageDetails.lists_kind.
GONE = {"PageKind": "content_pagekind"}
KIND_TEMPLATES = {
    "condition": "pages/condition.html",
    "level_of_care": "pages/level_of_care.html",
    "therapy": "pages/therapy.html",
    "faq": "pages/faq.html",
}

# Models the new code adds: their tables start empty, and their content types,
# permissions and staff groups' rights on them are new rows; nothing else changes.
ADDED_MODELS = {
    ("editorial", "staffprofile"): "editorial_staffprofile",
    ("editorial", "reviewrequest"): "editorial_reviewrequest",
    ("feedback", "pagefeedback"): "feedback_pagefeedback",  # readers' feedback
}
# Columns the upgrade adds, by model; their values are checked on their own below.
ADDED_COLUMNS = {
    # The kind an index page lists (content 0004); the English version a translation
    # follows (content 0006).
    "PageDetails": {"lists_kind", "translated_from_version"},
    "PublicationLogEntry": {"note", "at_install"},  # editorial 0004
    "LocalCrisisLine": {"answers_in_spanish"},  # safety 0003
}
# Columns the upgrade drops, by model, and why: the link is made from the number now
# (safety 0002), checked against the old column below.
DROPPED_COLUMNS = {"ClinicSettings": {"phone_href"}, "LocalCrisisLine": {"phone_href"}}
CALL_NUMBER_FIELDS = {"ClinicSettings": "phone", "LocalCrisisLine": "number"}

# Content types (app_label, model) whose app label the upgrade changes; every other
# content type keeps its label.
MOVED = {
    ("content", "clinicsettings"): "safety",
    ("content", "localcrisisline"): "safety",
    ("content", "publicationlogentry"): "editorial",
    ("content", "contentreview"): "editorial",
    ("content", "searchdocument"): "search",
}

BENZODIAZEPINE_PAGE = "/conditions/benzodiazepine-use-disorder/"
PAGES = [
    "/",
    BENZODIAZEPINE_PAGE,
    "/conditions/",  # a listing: page kinds and summaries
    "/levels-of-care/",  # the comparison table: level-of-care facts
    "/about/",  # has an unpublished draft: the published version must still show
    "/contact/",
    "/get-help-now/",
    "/search/?q=xanax",
    "/search/?q=taper",
    "/sitemap.xml",
]

# What an editor does in the toolbar (new draft of the published version, change its
# first text, save), for the old code, which has no content.site_content.publish_new_text.
NEW_DRAFT = r"""
from cms.models import Page
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version


def new_draft(reverse_id, slot, text, user):
    page = Page.objects.get(reverse_id=reverse_id)
    draft = Version.objects.filter_by_grouper(page).get(state=PUBLISHED).copy(user)
    placeholder = draft.content.get_placeholders().get(slot=slot)
    plugin = placeholder.get_plugins("en").filter(plugin_type="TextPlugin").first().get_bound_plugin()
    plugin.body = f"<p>{text}</p>"
    plugin.save()
    return draft
"""

# Run with the OLD code only: what editors and administrators would have put in.
EDITOR_DATA = (
    NEW_DRAFT
    + r"""
import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from content.models import ClinicSettings, LocalCrisisLine, PageDetails

User = get_user_model()
editor = User.objects.create_user("upgrade-editor", password="a-long-test-password-1", is_staff=True)
editor.groups.add(Group.objects.get(name="Editor"))
reviewer = User.objects.create_user("upgrade-reviewer", password="a-long-test-password-1", is_staff=True)
reviewer.groups.add(Group.objects.get(name="Clinical reviewer"))

# The editor drafts new wording, the reviewer publishes it (version 2; version 1 archived).
benzodiazepines = new_draft(
    "condition-benzodiazepine-use-disorder",
    "overview",
    "Updated before the upgrade: a slow, guided taper is safer than stopping suddenly.",
    editor,
)
benzodiazepines.publish(reviewer)

# ...and records a medical review on the version now published.
details = PageDetails.objects.get(extended_object=benzodiazepines.content)
details.reviewer_name = "Dr. Upgrade Reviewer"
details.reviewer_credentials = "MD, board-certified in addiction medicine"
details.reviewed_on = datetime.date(2026, 3, 1)
details.save()

# Work in progress that must survive too: a draft nobody has published.
new_draft("about", "content", "A draft left unpublished before the upgrade.", editor)

LocalCrisisLine.objects.create(
    name="County Mobile Crisis Team",
    description="Comes to you, 24/7",
    number="(555) 555-0199",
    phone_href="+15555550199",
    accepts_texts=True,
    verified_on=datetime.date(2026, 2, 14),
    order=1,
)
ClinicSettings.objects.create(
    name="Riverside Recovery Clinic",
    phone="(555) 555-0142",
    phone_href="+15555550142",
    email="front-desk@example.org",
    address="12 River Road\nSpringfield",
    hours="Monday to Friday, 8 am to 6 pm",
)
"""
)

# Run by both sides, after `MODEL_PATHS = {...}` says where the models live. Prints
# one line of JSON: every row of what the upgrade must keep, and rendered pages.
SNAPSHOT = r"""
import json
from cms.models import CMSPlugin, PageContent
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from django.utils.module_loading import import_string
from djangocms_versioning.models import StateTracking, Version

models = {name: import_string(path) for name, path in MODEL_PATHS.items()}


def rows(model):
    return list(model.objects.order_by("pk").values())


def count_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        return cursor.fetchone()[0]


def label(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


snapshot = {
    "tables": {name: rows(model) for name, model in models.items() if not model._meta.proxy},
    "search_titles": sorted(models["SearchDocument"].objects.values_list("title", flat=True)),
    "reviews": list(
        models["PageDetails"].objects.exclude(reviewer_name="").order_by("pk").values(
            "extended_object_id", "reviewer_name", "reviewer_credentials", "reviewed_on", "next_review_due"
        )
    ),
    "versions": rows(Version),
    "version_states": sorted(Version.objects.values_list("state", flat=True)),
    "state_tracking": rows(StateTracking),
    "page_contents": rows(PageContent),
    "plugin_count": CMSPlugin.objects.count(),
    "users": [
        [user.pk, user.username, user.password, user.is_staff, sorted(user.groups.values_list("name", flat=True))]
        for user in get_user_model().objects.order_by("pk")
    ],
    "content_types": sorted(ContentType.objects.values_list("pk", "app_label", "model")),
    "permissions": sorted(Permission.objects.values_list("pk", "content_type_id", "codename", "name")),
    "groups": {
        group.name: sorted([permission.pk, label(permission)] for permission in group.permissions.all())
        for group in Group.objects.order_by("name")
    },
    # Every table and its number of rows, whatever model (or none) reads it now.
    "row_counts": {table: count_rows(table) for table in connection.introspection.table_names()},
    "moved_models": {
        name: [model._meta.app_label, model._meta.model_name, model._meta.db_table]
        for name, model in models.items()
    },
}

# Pages last: rendering writes the menu cache's keys, which nothing above reads.
setup_test_environment()  # lets the test client's "testserver" host in
client = Client()
snapshot["pages"] = {}
for path in PAGES:
    response = client.get(path)
    snapshot["pages"][path] = [response.status_code, response.content.decode()]
print(json.dumps(snapshot, default=str))
"""

# Run with the NEW code after the upgrade: a reviewer publishes a new version.
PUBLISH_AFTER_UPGRADE = r"""
import json
from cms.models import Page
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment
from django.utils.module_loading import import_string

from content.site_content import publish_new_text

PublicationLogEntry = import_string(MODEL_PATHS["PublicationLogEntry"])
SearchDocument = import_string(MODEL_PATHS["SearchDocument"])

logged_before = list(PublicationLogEntry.objects.values_list("pk", flat=True))
reviewer = get_user_model().objects.get(username="upgrade-reviewer")
version = publish_new_text(
    Page.objects.get(reverse_id="therapy-cbt"),
    reviewer,
    "<p>Written after the upgrade about quillworts.</p>",
    slot="overview",
)
page = version.content.page

setup_test_environment()
client = Client()
print(json.dumps({
    "page_id": page.pk,
    "version_number": version.number,
    "url": page.get_absolute_url("en"),
    "new_log_rows": list(
        PublicationLogEntry.objects.exclude(pk__in=logged_before).order_by("pk").values(
            "page_id", "page_title", "version_number", "action", "username"
        )
    ),
    "indexed_bodies": list(
        SearchDocument.objects.filter(page=page, is_faq_answer=False).values_list("body", flat=True)
    ),
    "search_page": client.get("/search/?q=quillworts").content.decode(),
    "page": client.get(page.get_absolute_url("en")).content.decode(),
}))
"""


def run_script(tree, script, env, model_paths=None):
    """Run a `manage.py shell -c` script in `tree` and read the JSON it prints last."""
    header = f"MODEL_PATHS = {json.dumps(model_paths or {})}\nPAGES = {json.dumps(PAGES)}\n"
    output = manage("shell", "--no-imports", "-c", header + script, env=env, cwd=tree)
    lines = output.strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def first_differences(old, new, lines=40):
    """The start of a unified diff, so a failing page comparison shows where it differs."""
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", lineterm="")
    return "\n".join(list(diff)[:lines])


def without_added_models(after):
    """`after` without the added models' content types, permissions and group rights,
    and how many rows of each were left out (checked to exist, then compared as before)."""
    added_types = {pk for pk, app_label, model in after["content_types"] if (app_label, model) in ADDED_MODELS}
    added_perms = {row[0] for row in after["permissions"] if row[1] in added_types}
    assert len(added_types) == len(ADDED_MODELS) and added_perms, "the added models have content types and rights"
    kept = {
        **after,
        "content_types": [row for row in after["content_types"] if row[0] not in added_types],
        "permissions": [row for row in after["permissions"] if row[0] not in added_perms],
        "groups": {
            group: [grant for grant in grants if grant[0] not in added_perms]
            for group, grants in after["groups"].items()
        },
    }
    added_grants = sum(len(after["groups"][group]) - len(kept["groups"][group]) for group in after["groups"])
    return kept, {
        "django_content_type": len(added_types),
        "auth_permission": len(added_perms),
        "auth_group_permissions": added_grants,
    }


def new_label(app_label, model):
    return MOVED.get((app_label, model), app_label)


def relabel(permission_label):
    """`content.change_localcrisisline` -> `safety.change_localcrisisline`."""
    app_label, codename = permission_label.split(".")
    model = codename.split("_", 1)[1] if "_" in codename else ""
    return f"{MOVED.get((app_label, model), app_label)}.{codename}"


@pytest.fixture(scope="module")
def old_tree(tmp_path_factory):
    """The previous main's files, exported from git (the work tree is left alone)."""
    tree = tmp_path_factory.mktemp("previous-main")
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", PREVIOUS_MAIN], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


@pytest.fixture(scope="module")
def site_env_for(tmp_path_factory):
    """Environment for both sides: no `.env` file and no shared cache, so each side's
    pages are rendered by that side's code, not served from the other's cache."""

    def make(database_url):
        env = site_env(
            DATABASE_URL=database_url,
            DJANGO_ENV_FILE=str(tmp_path_factory.getbasetemp() / "none.env"),
            DJANGO_HTTPS="0",  # plain answers to the test client, not redirects to HTTPS
        )
        env.pop("CACHE_URL", None)
        env.pop("REDIS_URL", None)
        return env

    return make


@pytest.fixture(scope="module")
def old_site(old_tree, site_env_for, tmp_path_factory):
    """A database as the previous main left it, with editors' work in it, and its snapshot."""
    with scratch_database(tmp_path_factory.mktemp("upgrade-db")) as database_url:
        env = site_env_for(database_url)
        manage("migrate", "--no-input", env=env, cwd=old_tree)
        manage("load_site_content", env=env, cwd=old_tree)
        run_script(old_tree, EDITOR_DATA, env)
        manage("rebuild_search", env=env, cwd=old_tree)
        yield env, run_script(old_tree, SNAPSHOT, env, OLD_MODELS)


@pytest.fixture(scope="module")
def upgraded(old_site):
    """The same database after the new code's `migrate`: (env, before, after)."""
    env, before = old_site
    manage("migrate", "--no-input", env=env)
    return env, before, run_script(ROOT, SNAPSHOT, env, NEW_MODELS)


def test_old_site_holds_what_editors_made(old_site):
    """The previous main's database has the review, versions, log, settings, lines and index the upgrade must keep."""
    _, before = old_site
    tables = before["tables"]
    log = {
        (row["page_title"], row["action"], row["username"], row["version_number"])
        for row in tables["PublicationLogEntry"]
    }
    assert ("Benzodiazepine use disorder", "published", "upgrade-reviewer", 2) in log
    assert ("About our care", "draft created", "upgrade-editor", 2) in log
    assert before["reviews"] and before["reviews"][0]["reviewer_name"] == "Dr. Upgrade Reviewer"
    assert {"published", "unpublished", "draft"} <= set(before["version_states"])
    assert [row["name"] for row in tables["LocalCrisisLine"]] == ["County Mobile Crisis Team"]
    assert [row["name"] for row in tables["ClinicSettings"]] == ["Riverside Recovery Clinic"]
    assert len(before["search_titles"]) >= 36 and "Benzodiazepine use disorder" in before["search_titles"]
    groups_by_user = {username: groups for _, username, _, _, groups in before["users"]}
    assert groups_by_user["upgrade-editor"] == ["Editor"]
    assert "content.change_localcrisisline" in {perm for _, perm in before["groups"]["Site administrator"]}
    assert {path: status for path, (status, _) in before["pages"].items()} == dict.fromkeys(PAGES, 200)
    assert "County Mobile Crisis Team" in before["pages"]["/"][1]
    assert "Dr. Upgrade Reviewer" in before["pages"][BENZODIAZEPINE_PAGE][1]
    assert "Updated before the upgrade" in before["pages"][BENZODIAZEPINE_PAGE][1]
    assert BENZODIAZEPINE_PAGE in before["pages"]["/search/?q=xanax"][1]


def test_moved_models_live_in_their_new_apps_on_their_old_tables(upgraded):
    """Each moved model is imported from its new app and still reads its old table."""
    _, before, after = upgraded
    for name, (app_label, model, table) in after["moved_models"].items():
        old_app_label, old_model, old_table = before["moved_models"][name]
        assert (app_label, model) == (new_label(old_app_label, old_model), old_model), name
        if name == "ContentReview":  # a proxy, of PageDetails now that PageKind is gone
            assert (old_table, table) == ("content_pagekind", "content_pagedetails")
        else:
            assert table == old_table, name


def test_every_row_survives_the_upgrade(upgraded):
    """Every row and value of the moved and staying models, versions, pages and users is the same after migrate."""
    _, before, after = upgraded
    for name, old_rows in before["tables"].items():
        if name == "PageKind":
            continue  # below: what it said is now said by templates and PageDetails
        added = ADDED_COLUMNS.get(name, set())
        new_rows = [{key: value for key, value in row.items() if key not in added} for row in after["tables"][name]]
        dropped = DROPPED_COLUMNS.get(name, set())
        old_rows = [{key: value for key, value in row.items() if key not in dropped} for row in old_rows]
        assert new_rows == old_rows, f"{name} changed in the upgrade"
    for key in (
        "search_titles",
        "reviews",
        "versions",
        "version_states",
        "state_tracking",
        "page_contents",
        "plugin_count",
        "users",
    ):
        assert after[key] == before[key], f"{key} changed in the upgrade"
    # No table loses a row, only PageKind's is dropped, and only the added models'
    # tables are new, empty. Two tables change for reasons of their own: migrate
    # records its migrations, and the old side's page renders stored menu cache keys.
    for table in ADDED_MODELS.values():
        assert after["row_counts"].pop(table) == 0, table
    _, added_rows = without_added_models(after)
    expected_counts = {**before["row_counts"]}
    for table, count in added_rows.items():
        expected_counts[table] += count
    for table in GONE.values():
        assert table not in after["row_counts"]
        expected_counts.pop(table)
    # Staff groups' rights are set anew from editorial.roles on every migrate (compared
    # grant by grant in the next test), so their count is not compared here.
    expected_counts.pop("auth_group_permissions")
    after["row_counts"].pop("auth_group_permissions")
    for table in ("django_migrations", "menus_cachekey"):
        expected_counts.pop(table)
        after["row_counts"].pop(table)
    assert after["row_counts"] == expected_counts


def test_page_kinds_survive_as_templates_and_listed_kinds(upgraded):
    """Every page keeps its kind (now read from the template of each of its versions),
    and every index page keeps the kind it lists (now in each version's details)."""
    _, before, after = upgraded
    contents_by_page = {}
    for content in after["page_contents"]:
        contents_by_page.setdefault(content["page_id"], []).append(content)
    details_by_content = {row["extended_object_id"]: row for row in after["tables"]["PageDetails"]}
    assert before["tables"]["PageKind"], "the old site had page kinds"
    for page_kind in before["tables"]["PageKind"]:
        contents = contents_by_page[page_kind["extended_object_id"]]
        for content in contents:
            expected_template = KIND_TEMPLATES.get(page_kind["kind"])
            if expected_template:
                assert content["template"] == expected_template, page_kind
            else:
                assert content["template"] not in KIND_TEMPLATES.values(), page_kind
            if page_kind["lists_kind"]:
                assert details_by_content[content["id"]]["lists_kind"] == page_kind["lists_kind"], page_kind


def test_publication_log_rows_by_the_content_loader_are_marked_installed(upgraded):
    """After the upgrade the log tells the rows the content loader wrote at install from people's steps."""
    _, _, after = upgraded
    rows = after["tables"]["PublicationLogEntry"]
    assert rows and all(row["at_install"] == (row["username"] == "site-content-loader") for row in rows)
    assert any(row["at_install"] for row in rows) and not all(row["at_install"] for row in rows)


def test_content_types_are_relabelled_and_permissions_are_the_same_rows(upgraded):
    """Moved models' content types keep their ids under the new app labels, and every
    permission and group grant is the same row as before (the added models' rows aside)."""
    _, before, after = upgraded
    after, _ = without_added_models(after)
    expected = sorted([pk, new_label(app_label, model), model] for pk, app_label, model in before["content_types"])
    assert after["content_types"] == expected
    assert after["permissions"] == before["permissions"]  # same ids, content types, codenames, names
    for group, grants in before["groups"].items():
        # Every right a group had is the same row, under its new label (editors no
        # longer need rights on PageKind, which is gone). Groups may gain rights: the
        # roles are set anew on every migrate from editorial.roles.
        kept = [[pk, relabel(perm)] for pk, perm in grants if not perm.endswith("_pagekind")]
        assert [grant for grant in kept if grant not in after["groups"][group]] == [], group
    # The example the brief gives, spelled out: same Permission row, new label.
    old_ids = {perm: pk for pk, perm in before["groups"]["Site administrator"]}
    new_ids = {perm: pk for pk, perm in after["groups"]["Site administrator"]}
    assert new_ids["safety.change_localcrisisline"] == old_ids["content.change_localcrisisline"]


def test_call_links_made_from_numbers_are_the_old_links(upgraded):
    """The dropped call-link column held what each number now gives: no visitor's call link changes."""
    from safety.phone import dial_string

    _, before, after = upgraded
    for name, field in CALL_NUMBER_FIELDS.items():
        old_rows = before["tables"][name]
        assert old_rows, name
        assert [dial_string(row[field]) for row in old_rows] == [row["phone_href"] for row in old_rows], name
        assert [row[field] for row in after["tables"][name]] == [row[field] for row in old_rows], name


# What the code added to pages since the old release on purpose, left out of the
# comparison; what it moved, compared on its own.
ADDED_SINCE_THE_OLD_RELEASE = [
    '//section[contains(@class, "clinic-contact")]',  # Clinic settings on Contact (content review M8)
    '//a[@class="language-link"]',  # Spanish: the language link
    '//link[@rel="alternate"]',  # and hreflang alternates
    '//details[@class="site-menu"]',  # the phone's folded menu (the full one stays)
    '//a[@class="site-header__search-link"]',  # and its search link
    '//nav[contains(@class, "on-this-page")]',  # "On this page" on long pages
    '//link[contains(@rel, "icon") or @rel="manifest"]',  # the site's icons
    '//section[contains(@class, "local-lines")]',  # the clinic's own lines, in full on Get help now
    '//section[@id="page-feedback"]',  # readers' feedback
]
MOVED_SINCE_THE_OLD_RELEASE = '//section[@class="facts-box"]'  # after a level's overview now


def comparable(body):
    """What a visitor gets from the page, the additions left out: its words in order,
    every link's target, and the moved blocks' words on their own (template layout,
    anchors and attributes are not content)."""
    doc = lxml_html.fromstring(body.encode())  # the sitemap declares its encoding
    for xpath in ADDED_SINCE_THE_OLD_RELEASE:
        for element in doc.xpath(xpath):
            element.drop_tree()
    moved = []
    for element in doc.xpath(MOVED_SINCE_THE_OLD_RELEASE):
        moved.append(" ".join(element.text_content().split()))
        element.drop_tree()
    links = [link.get("href") for link in doc.xpath("//a[@href]")]
    return " ".join(doc.text_content().split()), links, moved


def test_pages_render_the_same_after_the_upgrade(upgraded):
    """Every sampled page, search and the sitemap answer with the same status, words and
    links (what the release added on purpose aside)."""
    _, before, after = upgraded
    for path, (status, body) in before["pages"].items():
        new_status, new_body = after["pages"][path]
        assert new_status == status, path
        old, new = comparable(body), comparable(new_body)
        sentences = ["\n".join(version[0].split(". ")) for version in (old, new)]
        assert new == old, f"{path} reads differently after the upgrade:\n{first_differences(*sentences)}"
    assert 'class="facts-box clinic-contact"' in after["pages"]["/contact/"][1]
    assert comparable(after["pages"]["/"][1]) != comparable(after["pages"]["/contact/"][1])  # it can tell pages apart


def test_new_code_has_no_missing_migrations(upgraded):
    """`makemigrations --check --dry-run` finds nothing to write on the upgraded database."""
    env, _, _ = upgraded
    manage("makemigrations", "--check", "--dry-run", env=env)


def test_publishing_after_the_upgrade_logs_and_reindexes(upgraded):
    """A version published after the upgrade gets publication log rows and is found by search."""
    env, _, _ = upgraded  # both snapshots are taken already: the new version changes neither
    result = run_script(ROOT, PUBLISH_AFTER_UPGRADE, env, NEW_MODELS)
    page_id, number = result["page_id"], result["version_number"]
    assert number == 2
    logged = [(row["page_id"], row["action"], row["username"], row["version_number"]) for row in result["new_log_rows"]]
    assert logged == [
        (page_id, "draft created", "upgrade-reviewer", number),
        (page_id, "published", "upgrade-reviewer", number),
    ]
    assert any("quillworts" in body for body in result["indexed_bodies"])
    assert f'href="{result["url"]}' in result["search_page"]
    assert "Written after the upgrade about quillworts." in result["page"]
