"""Page kinds, medical review, plugins, listings, drafts and publishing."""

import datetime

import pytest
from cms.api import add_plugin
from cms.toolbar.utils import get_object_preview_url
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from content.models import PageDetails, PageKind
from editorial.models import PublicationLogEntry
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR

from .shell import assert_safety_shell, parse
from .test_site_content import LEVELS

pytestmark = pytest.mark.django_db

SLOTS_BY_KIND = {
    "condition": ["overview", "signs", "risks", "treatment", "what_to_expect", "for_families"],
    "level_of_care": ["overview", "who_it_suits", "what_to_expect"],
    "therapy": ["overview", "what_a_session_is_like", "what_it_helps_with", "evidence"],
}


def text_block(words):
    return {"text": f"<p>{words}</p>"}


def reference_block(title="A cited guide"):
    return {"reference": {"title": title, "publisher": "U.S. Food and Drug Administration", "year": 2020}}


def staff_user(role, username=None):
    user = get_user_model().objects.create_user(
        username or role.lower().replace(" ", "-"), password="a-long-test-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def draft_content(page):
    return page.get_admin_content("en")


def publish_new_text(page, user, text):
    """Make a new draft of a published page, change its first text plugin, publish."""
    published = Version.objects.filter_by_grouper(page).get(state=PUBLISHED)
    draft = published.copy(user)
    placeholder = draft.content.get_placeholders().get(slot="overview")
    plugin = placeholder.get_plugins("en").filter(plugin_type="TextPlugin").first().get_bound_plugin()
    plugin.body = f"<p>{text}</p>"
    plugin.save()
    draft.publish(user)


@pytest.mark.parametrize("kind", sorted(SLOTS_BY_KIND))
def test_each_clinical_kind_renders_its_slots_and_the_shell(client, make_page, kind):
    """Every named slot of a kind's template shows its content, inside the safety shell."""
    slots = SLOTS_BY_KIND[kind]
    page = make_page(
        f"Sample {kind}",
        kind=kind,
        slug=f"sample-{kind}",
        placeholders={
            **{slot: [text_block(f"Words for {slot}.")] for slot in slots},
            "references": [reference_block()],
        },
    )
    response = client.get(page.get_absolute_url("en"))
    assert response.status_code == 200
    doc = assert_safety_shell(response.content)
    body = doc.text_content()
    for slot in slots:
        assert f"Words for {slot}." in body
    assert [h.text_content() for h in doc.xpath("//h1")] == [f"Sample {kind}"]
    assert doc.xpath('//section[@class="references"]//cite')[0].text_content() == "A cited guide"
    assert "Not yet reviewed by a clinician" in body


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


def test_review_line_shows_reviewer_and_dates(client, make_page):
    """A reviewed clinical page says who reviewed it, when, and when it is next due,
    as soon as the review is recorded (cached page facts are not served)."""
    page = make_page(
        "Reviewed page", kind="therapy", slug="reviewed-page", placeholders={"overview": [text_block("Hi.")]}
    )
    assert "Not yet reviewed by a clinician" in client.get(page.get_absolute_url("en")).content.decode()
    details = PageDetails.objects.get(extended_object__page=page)
    details.reviewer_name = "Dr. Sample Reviewer"
    details.reviewer_credentials = "MD"
    details.reviewed_on = datetime.date(2026, 3, 1)
    details.save()
    assert details.next_review_due == datetime.date(2027, 3, 1)  # a year later by default
    doc = parse(client.get(page.get_absolute_url("en")).content)
    line = " ".join(doc.xpath('//p[contains(@class, "review-line")]')[0].text_content().split())
    assert line == "Medically reviewed by Dr. Sample Reviewer, MD on March 1, 2026 · Next review due March 1, 2027"


def test_general_pages_have_no_review_line(client):
    """Only clinical pages carry a review line."""
    body = client.get("/about/").content.decode()
    assert "review-line" not in body


def test_level_of_care_facts_box_and_comparison_table(client):
    """Facts entered for a level of care show on its page and in the index table."""
    doc = parse(client.get("/levels-of-care/intensive-outpatient/").content)
    labels = [dt.text_content() for dt in doc.xpath('//section[@class="facts-box"]//dt')]
    assert labels == [
        "Setting",
        "Typical hours a week",
        "Medical monitoring",
        "Who it may suit",
        "How long it usually lasts",
    ]

    doc = parse(client.get("/levels-of-care/").content)
    rows = doc.xpath('//table[@class="comparison"]/tbody/tr')
    hrefs = [row.xpath("./th/a/@href")[0] for row in rows]
    assert hrefs == [f"/levels-of-care/{slug}/" for slug in LEVELS]  # in page-tree order
    assert all(len(row.xpath("./td")) == 5 for row in rows)
    # On a phone each cell shows its column's name (the rows stack there).
    headers = doc.xpath('//table[@class="comparison"]/thead//th/text()')[1:]
    assert all(row.xpath("./td/@data-label") == headers for row in rows)


def test_listings_show_only_published_pages_of_their_kind(client, make_page):
    """An index lists published pages of its kind; drafts and other kinds stay off it."""
    make_page("Published extra condition", kind="condition", parent="conditions", slug="extra-condition")
    make_page("Draft condition", kind="condition", parent="conditions", slug="draft-condition", publish=False)
    make_page("A general page", kind="general", parent="conditions", slug="general-under-conditions")
    doc = parse(client.get("/conditions/").content)
    titles = [a.text_content() for a in doc.xpath('//ul[@class="card-list"]//h2/a')]
    assert "Published extra condition" in titles
    assert "Benzodiazepine use disorder" in titles
    assert "Draft condition" not in titles
    assert "A general page" not in titles


def test_draft_is_404_for_visitors_and_previewable_by_staff(client, make_page, admin_user):
    """A page that was never published is not public; staff can preview the draft."""
    page = make_page(
        "Secret draft",
        kind="therapy",
        slug="secret-draft",
        publish=False,
        placeholders={"overview": [text_block("Draft words.")]},
    )
    assert client.get("/secret-draft/").status_code == 404
    client.force_login(admin_user)
    response = client.get(get_object_preview_url(draft_content(page)))
    assert response.status_code == 200
    assert "Draft words." in response.content.decode()


def test_publish_and_unpublish_show_at_once_with_page_cache(client, make_page, author, settings):
    """With the page cache on, a new published version and an unpublish are seen at once."""
    assert settings.CMS_PAGE_CACHE
    page = make_page(
        "Cached page", kind="therapy", slug="cached-page", placeholders={"overview": [text_block("First words.")]}
    )
    url = page.get_absolute_url("en")
    assert "First words." in client.get(url).content.decode()
    assert "First words." in client.get(url).content.decode()  # now served from the page cache

    publish_new_text(page, author, "Second words.")
    body = client.get(url).content.decode()
    assert "Second words." in body and "First words." not in body

    Version.objects.filter_by_grouper(page).get(state=PUBLISHED).unpublish(author)
    assert client.get(url).status_code == 404


def test_editor_cannot_publish_or_record_review_reviewer_can(client, make_page):
    """Editors save drafts; only clinical reviewers publish and record reviews."""
    editor, reviewer = staff_user(EDITOR), staff_user(CLINICAL_REVIEWER)
    page = make_page(
        "Role page",
        kind="condition",
        slug="role-page",
        publish=False,
        placeholders={"overview": [text_block("Words.")]},
    )
    version = Version.objects.get_for_content(draft_content(page))
    assert not version.has_publish_permission(editor)
    assert version.has_publish_permission(reviewer)
    assert not editor.has_perm("content.record_medical_review")
    assert reviewer.has_perm("content.record_medical_review")

    publish_url = reverse("admin:djangocms_versioning_pagecontentversion_publish", args=(version.pk,))
    client.force_login(editor)
    client.post(publish_url)
    assert Version.objects.get(pk=version.pk).state != PUBLISHED
    client.force_login(reviewer)
    client.post(publish_url)
    assert Version.objects.get(pk=version.pk).state == PUBLISHED


def test_editor_cannot_change_review_fields_in_admin(client, make_page):
    """The review fields are read-only for an editor; the summary still saves."""
    editor = staff_user(EDITOR)
    page = make_page("Review form page", kind="condition", slug="review-form-page", publish=False)
    details = PageDetails.objects.get(extended_object=draft_content(page))
    client.force_login(editor)
    url = reverse("admin:content_pagedetails_change", args=(details.pk,))
    response = client.post(
        url, {"summary": "New summary", "reviewer_name": "Not a reviewer", "reviewed_on": "2026-01-01"}
    )
    assert response.status_code in (200, 302)
    details = PageDetails.objects.get(pk=details.pk)
    assert details.summary == "New summary"
    assert details.reviewer_name == ""


def test_site_administrator_manages_clinic_settings_editor_cannot(client):
    """Only site administrators reach the clinic settings and local crisis lines."""
    client.force_login(staff_user(EDITOR))
    assert client.get(reverse("admin:safety_localcrisisline_changelist")).status_code == 403
    client.force_login(staff_user(SITE_ADMINISTRATOR))
    assert client.get(reverse("admin:safety_localcrisisline_changelist")).status_code == 200


def test_publication_log_survives_deleting_the_staff_account(make_page):
    """The log keeps the username as text, so it outlives the account."""
    reviewer = staff_user(CLINICAL_REVIEWER, "temp-reviewer")
    page = make_page("Logged page", kind="therapy", slug="logged-page", publish=False)
    Version.objects.get_for_content(draft_content(page)).publish(reviewer)
    reviewer.delete()
    entry = PublicationLogEntry.objects.filter(page_id=page.pk, action="published").get()
    assert entry.username == "temp-reviewer" and entry.page_title == "Logged page" and entry.version_number == 1
    with pytest.raises(ValueError):
        entry.delete()


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


def test_breadcrumbs_link_the_way_back_and_name_the_current_page(client):
    """A child page shows Home › its section › itself, the last marked as current."""
    doc = parse(client.get("/conditions/benzodiazepine-use-disorder/").content)
    items = doc.xpath('//nav[@class="breadcrumbs"]//li')
    assert [item.xpath("./a/@href") for item in items[:2]] == [["/"], ["/conditions/"]]
    assert items[-1].xpath("./span/@aria-current") == ["page"]
    assert len(items) == 3


def test_sources_still_show_when_placeholders_come_from_the_cache(client, settings):
    """A page rendered again from cached placeholders (its page cache entry expired)
    still lists its sources: the second render must match the first."""
    settings.CMS_PAGE_CACHE = False
    assert settings.CMS_PLACEHOLDER_CACHE
    url = "/conditions/benzodiazepine-use-disorder/"
    renders = [parse(client.get(url).content) for _ in range(2)]
    for doc in renders:
        assert doc.xpath('//section[@class="references"]/h2/text()') == ["Sources"]
        assert len(doc.xpath('//ol[@class="reference-list"]/li[@class="reference"]')) >= 3


@pytest.mark.parametrize(
    "path, heading, sibling",
    [
        ("/conditions/benzodiazepine-use-disorder/", "More conditions", "/conditions/alcohol-use-disorder/"),
        ("/faq/for-families/", "More questions and answers", "/faq/for-patients/"),
    ],
)
def test_content_pages_link_the_pages_beside_them(client, path, heading, sibling):
    """Without a related-pages plugin, a page links the others in its section, though
    they are kept out of the top navigation, and not itself."""
    doc = parse(client.get(path).content)
    assert doc.xpath('//nav[@aria-labelledby="more-heading"]/h2/text()') == [heading]
    links = doc.xpath('//nav[@aria-labelledby="more-heading"]//a/@href')
    assert sibling in links
    assert path not in links


def test_removing_a_page_kind_shows_at_once(client, make_page):
    """Page facts are cached; deleting the kind of a page is seen on its next view."""
    page = make_page("Kind page", kind="therapy", slug="kind-page", placeholders={"overview": [text_block("Hi.")]})
    url = page.get_absolute_url("en")
    assert 'class="page-kind"' in client.get(url).content.decode()
    PageKind.objects.filter(extended_object=page).delete()
    assert 'class="page-kind"' not in client.get(url).content.decode()
