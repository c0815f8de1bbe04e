"""The Create dialog's page wizards (content.cms_wizards): one per page kind, each
making a draft of the right kind in the right place."""

import html
import re

import pytest
from cms.cms_wizards import cms_page_wizard, cms_subpage_wizard
from cms.models import Page, PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.urls import reverse
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from content.cms_wizards import PAGE_WIZARDS
from content.models import KIND_TEMPLATES, Kind, PageDetails, kind_for_template
from devtools.builders import draft_content, staff_user
from editorial.roles import CLINICAL_REVIEWER, EDITOR

pytestmark = pytest.mark.django_db

WIZARD_URL = reverse("admin:cms_wizard_create")
STEP = "wizard_create_view-current_step"
WIZARDS = {wizard.form.kind: wizard for wizard in PAGE_WIZARDS}

# Each kind, the page it goes under, and the slot its template shows first.
CASES = [
    (Kind.CONDITION, "conditions", "overview"),
    (Kind.LEVEL_OF_CARE, "levels-of-care", "overview"),
    (Kind.THERAPY, "therapies", "overview"),
    (Kind.FAQ, "faq", "intro"),
    (Kind.GENERAL, "home", "content"),
]


def offered_wizards(client, page=None):
    """The titles the Create dialog's first step offers."""
    response = client.get(WIZARD_URL, {"page": page.pk if page else "", "language": "en"})
    assert response.status_code == 200
    return [html.unescape(title) for title in re.findall(r"<strong>(.*?)</strong>", response.content.decode())]


def run_wizard(client, wizard, page=None, **fields):
    """Choose `wizard` in the Create dialog, fill in `fields` and press Create; the
    response of the last step."""
    response = client.post(
        WIZARD_URL,
        {STEP: "0", "0-entry": wizard.id, "0-page": page.pk if page else "", "0-language": "en"},
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    return client.post(WIZARD_URL, {STEP: "1", **{f"1-{name}": value for name, value in fields.items()}})


def new_page(title):
    """The page made in the wizard with `title`."""
    return PageContent.admin_manager.get(title=title).page


@pytest.mark.parametrize(("kind", "parent", "slot"), CASES)
def test_each_page_type_makes_a_draft_of_its_kind_under_its_index(client, kind, parent, slot):
    """Each page type makes an unpublished draft of that kind under its index, with the
    summary and the first paragraph where the page shows them."""
    editor = staff_user(EDITOR)
    client.force_login(editor)
    home = Page.objects.get(reverse_id="home")
    title = f"New {kind.label} page"
    response = run_wizard(
        client,
        WIZARDS[kind],
        page=home,
        title=title,
        summary="A short plain summary of this page.",
        first_paragraph="The first words of the new page.\n\nA second paragraph.",
    )
    assert response.status_code == 200 and "errornote" not in response.content.decode(), response.content.decode()
    page = new_page(title)
    content = draft_content(page)
    version = Version.objects.get_for_content(content)

    assert page.parent == Page.objects.get(reverse_id=parent)
    assert version.state == DRAFT and version.created_by == editor
    assert content.template == KIND_TEMPLATES[kind] and kind_for_template(content.template) == kind
    assert not content.in_navigation
    assert PageDetails.objects.get(extended_object=content).summary == "A short plain summary of this page."
    assert html.escape(get_object_edit_url(content)) in response.content.decode()  # the new draft opens to edit

    client.logout()
    where = page.parent.get_absolute_url("en")
    assert client.get(f"{where}{content.slug}/").status_code == 404  # visitors do not see a draft
    assert page.get_absolute_url("en") is None

    client.force_login(editor)
    preview = client.get(get_object_preview_url(content)).content.decode()
    assert "<p>The first words of the new page.</p>" in preview
    assert "<p>A second paragraph.</p>" in preview
    assert 'content="A short plain summary of this page."' in preview  # the meta description
    placeholder = content.get_placeholders().get(slot=slot)
    assert placeholder.get_plugins("en").filter(plugin_type="TextPlugin").count() == 1


def test_the_create_dialog_offers_page_types_not_untyped_pages(client):
    """The Create dialog lists the five page types and not django CMS's untyped "New page"."""
    client.force_login(staff_user(EDITOR))
    offered = offered_wizards(client, Page.objects.get(reverse_id="about"))
    assert offered == ["Condition", "Level of care", "Therapy", "FAQ page", "General page"]
    assert "New page" not in offered and "New sub page" not in offered
    response = client.post(WIZARD_URL, {STEP: "0", "0-entry": cms_page_wizard.id, "0-page": "", "0-language": "en"})
    assert "Please choose an option" in response.content.decode()  # not accepted either
    assert cms_subpage_wizard.id not in response.content.decode()


@pytest.mark.parametrize("role", [EDITOR, CLINICAL_REVIEWER, "superuser"])
def test_editors_reviewers_and_administrators_can_use_the_wizards(client, admin_user, role):
    """Every staff role can make a page in the wizard; it stays a draft for all of them."""
    user = admin_user if role == "superuser" else staff_user(role)
    client.force_login(user)
    response = run_wizard(
        client,
        WIZARDS[Kind.THERAPY],
        title=f"Therapy by {user.username}",
        summary="What this therapy is.",
        first_paragraph="Words.",
    )
    assert response.status_code == 200 and "errornote" not in response.content.decode()
    content = draft_content(new_page(f"Therapy by {user.username}"))
    assert Version.objects.get_for_content(content).state == DRAFT


def test_clinical_pages_need_a_summary_general_pages_do_not(client):
    """A clinical page cannot be made without a summary; a general page can."""
    client.force_login(staff_user(EDITOR))
    response = run_wizard(client, WIZARDS[Kind.CONDITION], title="No summary condition", first_paragraph="Words.")
    assert "This field is required." in response.content.decode()
    assert not PageContent.admin_manager.filter(title="No summary condition").exists()
    response = run_wizard(client, WIZARDS[Kind.GENERAL], title="No summary page", first_paragraph="Words.")
    assert "errornote" not in response.content.decode()
    assert new_page("No summary page").parent.reverse_id == "home"


def test_an_address_in_use_is_refused(client):
    """A page cannot take the address of a page or a draft that exists; the editor is
    asked for another."""
    client.force_login(staff_user(EDITOR))
    response = run_wizard(client, WIZARDS[Kind.THERAPY], title="CBT", summary="Again.", first_paragraph="Words.")
    assert "/therapies/cbt/ exists already" in response.content.decode()
    response = run_wizard(
        client, WIZARDS[Kind.THERAPY], title="CBT", slug="cbt-for-teens", summary="Again.", first_paragraph="Words."
    )
    assert "errornote" not in response.content.decode()
    assert PageContent.admin_manager.get(slug="cbt-for-teens").page.parent.reverse_id == "therapies"
    response = run_wizard(client, WIZARDS[Kind.THERAPY], title="CBT for teens", summary="A.", first_paragraph="B.")
    assert "/therapies/cbt-for-teens/ exists already" in response.content.decode()


def test_a_general_page_can_go_under_another_general_page(client):
    """A general page goes under the page the editor chooses."""
    client.force_login(staff_user(EDITOR))
    about = Page.objects.get(reverse_id="about")
    run_wizard(client, WIZARDS[Kind.GENERAL], title="Our team", parent=about.pk, first_paragraph="Who we are.")
    assert new_page("Our team").parent == about


def test_typed_text_is_escaped(client):
    """What an editor types is text, not markup."""
    client.force_login(staff_user(EDITOR))
    run_wizard(client, WIZARDS[Kind.GENERAL], title="Escaped", first_paragraph="<script>alert(1)</script> & more")
    content = draft_content(new_page("Escaped"))
    text = content.get_placeholders().get(slot="content").get_plugins("en").get().get_bound_plugin()
    assert text.body == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
