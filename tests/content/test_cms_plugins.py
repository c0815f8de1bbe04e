"""The blocks editors add (content.cms_plugins): FAQ items, do / do-not lists, related
pages, and the slots each may go in."""

import pytest
from cms.api import add_plugin
from django.contrib.auth import get_user_model
from djangocms_versioning.models import Version

from devtools.builders import draft_content
from devtools.shell import parse

pytestmark = pytest.mark.django_db


def test_faq_page_renders_questions_as_details(client, make_page):
    """FAQ items are <details> with the question as summary and a stable anchor."""
    page = make_page(
        "Sample questions",
        kind="faq",
        slug="sample-questions",
        placeholders={"questions": [{"faq": {"question": "Can I drive?", "answer": "<p>Ask your prescriber.</p>"}}]},
    )
    doc = parse(client.get(page.get_absolute_url("en")).content)
    details = doc.xpath('//details[@id="q-can-i-drive"]')
    assert details and details[0].xpath("./summary")[0].text_content() == "Can I drive?"
    assert "Ask your prescriber." in details[0].text_content()


def test_do_not_items_always_say_do_not(client, make_page):
    """Each item of a do-not list reads as "Do not …"."""
    page = make_page(
        "List page",
        kind="general",
        slug="list-page",
        placeholders={
            "content": [
                {"dos_and_donts": {"title": "Helping", "dos": ["Listen"], "donts": ["Shout", "Do not lecture"]}}
            ]
        },
    )
    doc = parse(client.get(page.get_absolute_url("en")).content)
    assert [li.text_content() for li in doc.xpath('//div[@class="do-dont__dont"]//li')] == [
        "Do not shout",
        "Do not lecture",
    ]


def test_plugins_are_limited_to_their_slots():
    """References go only in the Sources slot; FAQ items not in a reference list."""
    from cms.plugin_pool import plugin_pool

    reference = plugin_pool.get_plugin("ReferencePlugin")
    assert reference.allowed_slots == ["references"]
    assert "references" not in plugin_pool.get_plugin("FAQItemPlugin").allowed_slots


def test_related_pages_plugin_links_published_pages(client, make_page):
    """The related pages plugin lists the chosen pages that are published."""
    target = make_page("Target page", kind="therapy", slug="target-page")
    hidden = make_page("Hidden page", kind="therapy", slug="hidden-page", publish=False)
    page = make_page("Page with related", kind="general", slug="page-with-related", publish=False)
    placeholder = draft_content(page).get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "RelatedPagesPlugin", "en", title="See also")
    plugin.pages.set([target, hidden])
    Version.objects.get_for_content(draft_content(page)).publish(
        get_user_model().objects.get(username="site-content-loader")
    )
    doc = parse(client.get(page.get_absolute_url("en")).content)
    assert [a.text_content() for a in doc.xpath('//nav[@aria-label="See also"]//a')] == ["Target page"]
