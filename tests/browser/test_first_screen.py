"""A frightened person on a phone sees help and the page itself on the first screen: at
390 × 844, with a local crisis line added as a clinic would, the crisis banner is whole
in about 180 px, the heading starts within 330 px and the first paragraph on the first
screen; the menu folds into a control that works without JavaScript, search is one tap
away, and nothing of the safety shell hides behind a toggle."""

import pytest

from devtools.browser import PAGE_KINDS
from devtools.servers import build_site, manage, running_server, scratch_database

pytestmark = [pytest.mark.browser, pytest.mark.server]

BANNER_MAX = 180
HEADING_MAX = 330
SCREEN = 844
# Every national line, get help and the exit control, in either language.
BANNER_LINKS = ('a[href="tel:988"]', 'a[href^="sms:988"]', 'a[href="tel:911"]', 'a[href="tel:+18006624357"]')


@pytest.fixture(scope="module")
def clinic_site(tmp_path_factory):
    with scratch_database(tmp_path_factory.mktemp("first-screen")) as database_url:
        env = build_site(database_url)
        manage(
            "shell",
            "-c",
            "from safety.models import LocalCrisisLine; LocalCrisisLine.objects.create(name='County Mobile Crisis "
            "Team', number='(555) 555-0199', accepts_texts=True, verified_on='2026-11-01')",
            env=env,
        )
        with running_server(database_url) as base_url:
            yield base_url


@pytest.mark.parametrize("name, path", [(name, path) for name, path in PAGE_KINDS.items() if "search" not in name])
def test_the_first_screen_on_a_phone(new_page, clinic_site, name, path):
    page = new_page(width=390, height=SCREEN)
    page.goto(clinic_site + path)
    banner = page.locator("#crisis-banner")
    box = banner.bounding_box()
    assert box["y"] < 60 and box["height"] <= BANNER_MAX, box
    for selector in (*BANNER_LINKS, 'a[href$="/get-help-now/"], a[href="/es/ayuda-ahora/"]', "#exit-this-page"):
        link = banner.locator(selector).first
        assert link.is_visible(), selector
        link_box = link.bounding_box()
        assert link_box["y"] + link_box["height"] <= box["y"] + box["height"] + 1, selector
    heading = page.locator("main h1").bounding_box()
    assert heading["y"] <= HEADING_MAX, heading
    first_paragraph = page.locator("main h1 ~ * p, main h1 ~ p").first
    if first_paragraph.count():
        assert first_paragraph.bounding_box()["y"] < SCREEN


def test_the_local_line_folds_into_more_ways_to_get_help_on_a_phone(new_page, clinic_site):
    phone = new_page(width=390, height=SCREEN)
    phone.goto(clinic_site + "/")
    local = phone.locator('#crisis-banner a[href="tel:+15555550199"]')
    assert local.count() == 1 and local.is_hidden()
    phone.locator("#crisis-banner a[href='/get-help-now/']").click()
    assert phone.locator('main a[href="tel:+15555550199"]').is_visible()  # listed in full there
    wide = new_page(width=1280, height=900)
    wide.goto(clinic_site + "/")
    assert wide.locator('#crisis-banner a[href="tel:+15555550199"]').is_visible()


def test_the_menu_opens_without_javascript_and_search_is_one_tap_away(new_page, clinic_site):
    phone = new_page(width=390, height=SCREEN, java_script_enabled=False)
    phone.goto(clinic_site + "/conditions/benzodiazepine-use-disorder/")
    menu = phone.locator("details.site-menu")
    assert menu.is_visible() and menu.locator("nav a").first.is_hidden()
    menu.locator("summary").click()
    assert menu.locator('nav a[href="/levels-of-care/"]').is_visible()
    phone.locator("a.site-header__search-link").click()
    phone.wait_for_url("**/search/")
    assert phone.locator("main input[name=q]").is_visible()

    wide = new_page(width=1280, height=900)
    wide.goto(clinic_site + "/")
    assert wide.locator("details.site-menu").is_hidden()
    assert wide.locator('.site-nav--wide a[href="/levels-of-care/"]').is_visible()
    assert wide.locator(".site-search input").is_visible()
