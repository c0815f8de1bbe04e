"""Every crisis link's accessible name starts with the words people see on it (WCAG
2.5.3, label in name), so a voice-control user who says "Click Call 911" reaches it."""

import pytest

from devtools.servers import ROOT
from devtools.shell import parse

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/get-help-now/",
    "/conditions/benzodiazepine-use-disorder/",
    "/no-such-page/",
    "/es/",
    "/es/ayuda-ahora/",
]


def banner_links(body):
    return parse(body).xpath('//*[@id="crisis-banner"]//a')


def test_crisis_links_are_named_by_what_they_show(client):
    from safety.models import LocalCrisisLine

    LocalCrisisLine.objects.create(name="County crisis line", number="555-201-3000", verified_on="2026-11-01")
    bodies = [client.get(path).content for path in PAGES]
    bodies += [
        (ROOT / "safety" / "static" / "errors" / name).read_bytes() for name in ("500.html", "503.html", "refused.html")
    ]
    for body in bodies:
        links = banner_links(body)
        assert len(links) >= 6
        for link in links:
            visible = " ".join(link.text_content().split())
            name = link.get("aria-label") or visible
            assert name.startswith(visible), (visible, name)


def test_favicon_and_app_icons_are_served_from_this_site(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    head = parse(client.get("/").content).find("head")
    icons = {
        link.get("rel"): link.get("href") for link in head.xpath("./link[contains(@rel, 'icon') or @rel='manifest']")
    }
    assert set(icons) == {"icon", "apple-touch-icon", "manifest"}
    for href in icons.values():
        assert href.startswith("/"), href  # this site, no other origin
