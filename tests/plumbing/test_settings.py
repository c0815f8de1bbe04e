"""treatment_site/settings.py: what the structure board calls each slot, and the public address."""

import re
from pathlib import Path

import pytest
from cms.models import PageContent
from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
SLOT = re.compile(r"""{%\s*placeholder\s+["']([^"']+)["']""")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def declared_slots(template):
    """Every slot a page template declares, through what it extends and includes."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    slots = set(SLOT.findall(text))
    for other in INCLUDE.findall(text):
        if (TEMPLATES / other).exists():
            slots |= declared_slots(other)
    return slots


@pytest.mark.parametrize("template", [template for template, _ in settings.CMS_TEMPLATES])
def test_every_slot_of_every_page_template_has_a_human_name(template):
    """No raw names such as "What_A_Session_Is_Like" in the structure board: each slot has a plain name."""
    slots = declared_slots(template)
    assert slots, template
    for slot in slots:
        name = settings.CMS_PLACEHOLDER_CONF.get(slot, {}).get("name")
        assert name, f"{slot} in {template} has no name"
        assert "_" not in name and name[0].isupper(), name


def test_slot_names_change_no_slots_allowed_blocks():
    """Names only: which blocks fit a slot stays with the plugins (content/cms_plugins.py)."""
    assert {key for conf in settings.CMS_PLACEHOLDER_CONF.values() for key in conf} == {"name"}
    assert settings.CMS_PLACEHOLDER_CONF["references"]["name"] == "Sources"
    assert settings.CMS_PLACEHOLDER_CONF["what_a_session_is_like"]["name"] == "What a session is like"


@pytest.mark.django_db
def test_structure_board_shows_the_names_on_every_shipped_page():
    """Every placeholder of the clinic's pages is labelled with its plain name."""
    labels = {
        placeholder.slot: str(placeholder.get_label())
        for content in PageContent.admin_manager.filter(language="en")
        for placeholder in content.get_placeholders()
    }
    assert labels
    assert labels == {slot: settings.CMS_PLACEHOLDER_CONF[slot]["name"] for slot in labels}


def test_the_public_address_follows_the_port_served_unless_set():
    """`make run PORT=8781` gives canonical links on port 8781; DJANGO_SITE_DOMAIN wins when set."""
    from devtools.servers import manage, site_env

    show = "from django.conf import settings; print(settings.SITE_DOMAIN)"
    env = site_env(DJANGO_ENV_FILE="/dev/null", PORT=8781)
    env.pop("DJANGO_SITE_DOMAIN", None)
    assert manage("shell", "-c", show, env=env).strip().endswith("127.0.0.1:8781")
    env["DJANGO_SITE_DOMAIN"] = "clinic.example.org"
    assert manage("shell", "-c", show, env=env).strip().endswith("clinic.example.org")
