"""The review hand-off (editorial.workflow, its admin, toolbar and publish gate): an
editor submits, a reviewer sends back or publishes, every step is logged, and nothing
an editor does reaches visitors."""

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from content.models import PageDetails
from devtools.builders import staff_user, text_block
from editorial.models import PublicationLogEntry, ReviewRequest, StaffProfile
from editorial.roles import CLINICAL_REVIEWER, EDITOR

pytestmark = pytest.mark.django_db

PUBLISH = "admin:djangocms_versioning_pagecontentversion_publish"


@pytest.fixture
def editor():
    user = staff_user(EDITOR, "edna")
    user.email = "edna@clinic.example"
    user.save()
    return user


@pytest.fixture
def reviewer():
    user = staff_user(CLINICAL_REVIEWER, "rita")
    user.email = "rita@clinic.example"
    user.save()
    StaffProfile.objects.create(user=user, full_name="Rita Alvarez", credentials="MD, addiction medicine")
    return user


@pytest.fixture
def therapy(make_page):
    """A published therapy page, and a draft of it an editor made."""
    return make_page("Workflow therapy", kind="therapy", slug="workflow-therapy", placeholders=overview("First."))


def overview(words):
    return {"overview": [text_block(words)], "references": [{"reference": {"title": "A guide", "publisher": "NIDA"}}]}


def new_draft(page, user):
    return Version.objects.filter_by_grouper(page).get(state=PUBLISHED).copy(user)


def advanced_settings_data(client, page, **changes):
    """A complete, valid advanced-settings form for `page`, as its form shows it, with `changes`."""
    form = client.get(reverse("admin:cms_page_advanced", args=(page.pk,))).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    return {**data, "site": page.site_id, **changes}


def page_admin_url_names():
    """(name, number of arguments) of every admin URL for pages, their contents, their
    details and their versions, as django CMS and djangocms-versioning mount them."""
    from django.urls import get_resolver

    prefixes = ("cms_page_", "cms_pagecontent_", "content_pagedetails_", "djangocms_versioning_pagecontentversion_")
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
            elif pattern.name and pattern.name.startswith(prefixes):
                found.add((pattern.name, pattern.pattern.regex.groups))

    walk(get_resolver().url_patterns)
    return sorted(found)


def log_actions(page):
    return list(PublicationLogEntry.objects.filter(page_id=page.pk).order_by("pk").values_list("action", "username"))


def test_editors_see_submit_for_review_and_reviewers_see_publish(client, therapy, editor, reviewer):
    """On a draft an editor gets "Submit for review" and no Publish; once it is
    submitted, a reviewer can open it and gets Publish."""
    draft = new_draft(therapy, editor)
    client.force_login(editor)
    body = client.get(get_object_edit_url(draft.content)).content.decode()
    assert "Submit for review" in body
    assert "cms-versioning-js-publish-btn" not in body
    client.post(reverse("admin:editorial_reviewrequest_submit", args=(draft.pk,)), {"note": ""})
    client.force_login(reviewer)
    body = client.get(get_object_edit_url(draft.content)).content.decode()
    assert "cms-versioning-js-publish-btn" in body
    assert "Submit for review" not in body


def test_submit_send_back_resubmit_publish(client, therapy, editor, reviewer, django_capture_on_commit_callbacks):
    """The whole hand-off: submit with a note, the reviewer is emailed and sees it
    waiting, sends it back with a comment the editor sees and gets by email, the
    editor submits again, the reviewer publishes; each step is in the log."""
    draft = new_draft(therapy, editor)
    client.force_login(editor)
    submit = reverse("admin:editorial_reviewrequest_submit", args=(draft.pk,))
    assert client.get(submit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # emails leave once the submit is saved
        response = client.post(submit, {"note": "Added a paragraph on tapering."})
    assert response.status_code == 200 and b"cms-close-frame" in response.content
    request = ReviewRequest.objects.get(version=draft)
    assert request.status == ReviewRequest.Status.WAITING
    assert [message.to for message in mail.outbox] == [["rita@clinic.example"]]
    assert "Added a paragraph on tapering." in mail.outbox[0].body
    body = client.get(get_object_edit_url(draft.content)).content.decode()
    assert "Waiting for review" in body

    client.force_login(reviewer)
    queue = client.get(reverse("admin:editorial_reviewrequest_changelist")).content.decode()
    assert "Workflow therapy" in queue and "Compare with the published page" in queue
    assert "Workflow therapy, from edna" in client.get(get_object_edit_url(draft.content)).content.decode()
    send_back = reverse("admin:editorial_reviewrequest_send_back", args=(request.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(send_back, {"comment": "Please cite the taper guideline."}).status_code == 302
    assert ReviewRequest.objects.get(pk=request.pk).status == ReviewRequest.Status.SENT_BACK
    assert mail.outbox[-1].to == ["edna@clinic.example"]
    assert "Please cite the taper guideline." in mail.outbox[-1].body

    client.force_login(editor)
    body = client.get(get_object_edit_url(draft.content)).content.decode()
    assert "Please cite the taper guideline." in body
    client.post(submit, {"note": "Cited it."})
    assert ReviewRequest.objects.filter(version=draft, status=ReviewRequest.Status.WAITING).count() == 1

    client.force_login(reviewer)
    response = client.post(reverse(PUBLISH, args=(draft.pk,)))
    assert response.status_code == 302
    assert Version.objects.get(pk=draft.pk).state == PUBLISHED
    assert not ReviewRequest.objects.filter(page_id=therapy.pk, status=ReviewRequest.Status.WAITING).exists()
    steps = [step for step in log_actions(therapy) if step[1] in ("edna", "rita")]
    assert steps == [
        ("draft created", "edna"),
        ("submitted for review", "edna"),
        ("sent back", "rita"),
        ("submitted for review", "edna"),
        ("published", "rita"),
    ]
    notes = PublicationLogEntry.objects.filter(page_id=therapy.pk).values_list("note", flat=True)
    assert "Please cite the taper guideline." in notes


def test_an_editor_cannot_publish_or_send_back(client, therapy, editor):
    """Publishing and sending back are refused to an editor on the server, not only hidden."""
    draft = new_draft(therapy, editor)
    client.force_login(editor)
    client.post(reverse(PUBLISH, args=(draft.pk,)))
    assert Version.objects.get(pk=draft.pk).state == DRAFT
    client.post(reverse("admin:editorial_reviewrequest_submit", args=(draft.pk,)), {"note": ""})
    request = ReviewRequest.objects.get(version=draft)
    send_back = reverse("admin:editorial_reviewrequest_send_back", args=(request.pk,))
    assert client.post(send_back, {"comment": "No."}).status_code == 403
    assert ReviewRequest.objects.get(pk=request.pk).status == ReviewRequest.Status.WAITING


def test_publishing_a_clinical_page_with_warnings_needs_a_reason(client, make_page, reviewer):
    """A draft with stigmatising wording is not published on one click: the reviewer
    sees the warnings, and publishes only with a reason, which is logged."""
    page = make_page(
        "Gate page", kind="condition", slug="gate-page", publish=False, placeholders=overview("Addicts need help.")
    )
    version = Version.objects.get_for_content(page.get_admin_content("en"))
    client.force_login(reviewer)
    response = client.post(reverse(PUBLISH, args=(version.pk,)))
    body = response.content.decode()
    assert response.status_code == 200 and "Publish anyway" in body and "Addicts" in body
    assert Version.objects.get(pk=version.pk).state == DRAFT
    client.post(reverse(PUBLISH, args=(version.pk,)), {"publish_reason": "  "})
    assert Version.objects.get(pk=version.pk).state == DRAFT
    client.post(reverse(PUBLISH, args=(version.pk,)), {"publish_reason": "Quoting a patient's own words."})
    assert Version.objects.get(pk=version.pk).state == PUBLISHED
    entry = PublicationLogEntry.objects.get(page_id=page.pk, action="published despite writing warnings")
    assert (entry.username, entry.note) == ("rita", "Quoting a patient's own words.")


def test_a_clean_clinical_page_publishes_on_one_click(client, make_page, reviewer):
    """No warnings, no gate: the reviewer's Publish publishes."""
    page = make_page("Clean page", kind="therapy", slug="clean-page", publish=False, placeholders=overview("Hi."))
    version = Version.objects.get_for_content(page.get_admin_content("en"))
    client.force_login(reviewer)
    assert client.post(reverse(PUBLISH, args=(version.pk,))).status_code == 302
    assert Version.objects.get(pk=version.pk).state == PUBLISHED


def test_a_medical_review_is_recorded_by_the_signed_in_reviewer(client, therapy, editor, reviewer):
    """The reviewer ticks one box: their name and credentials come from their profile,
    the date is today, and the log says so; an editor's tick records nothing."""
    draft = new_draft(therapy, editor)
    details = PageDetails.objects.get(extended_object=draft.content)
    url = reverse("admin:content_pagedetails_change", args=(details.pk,))
    client.force_login(editor)
    client.post(url, {"summary": "A summary.", "record_my_review": "on", "reviewer_name": "Dr. Fake"})
    assert PageDetails.objects.get(pk=details.pk).reviewer_name == ""
    client.post(reverse("admin:editorial_reviewrequest_submit", args=(draft.pk,)), {"note": ""})  # hands it over
    client.force_login(reviewer)
    client.post(url, {"summary": "A summary.", "record_my_review": "on", "reviewer_name": "Dr. Fake"})
    details = PageDetails.objects.get(pk=details.pk)
    assert (details.reviewer_name, details.reviewer_credentials) == ("Rita Alvarez", "MD, addiction medicine")
    assert details.reviewed_on is not None and details.next_review_due is not None
    entry = PublicationLogEntry.objects.get(page_id=therapy.pk, action="review recorded")
    assert (entry.username, entry.note) == ("rita", "Rita Alvarez, MD, addiction medicine")


def test_a_revert_is_logged_and_starts_without_the_old_review(client, therapy, editor, reviewer, author):
    """Reverting to an old version is logged as such, and the new draft needs a review
    of its own: the reviewer's toolbar says so."""
    first = Version.objects.filter_by_grouper(therapy).get(state=PUBLISHED)
    PageDetails.objects.filter(extended_object=first.content).update(reviewer_name="Old Reviewer")
    second = first.copy(author)
    second.publish(author)
    old = Version.objects.get(pk=first.pk)
    reverted = old.copy(reviewer)
    assert ("reverted to version 1", "rita") in log_actions(therapy)
    assert PageDetails.objects.get(extended_object=reverted.content).reviewer_name == ""
    assert PageDetails.objects.get(extended_object=old.content).reviewer_name == "Old Reviewer"
    client.force_login(reviewer)
    body = client.get(get_object_edit_url(reverted.content)).content.decode()
    assert "No medical review recorded for this version" in body


def test_content_loader_rows_are_marked_as_installed(therapy):
    """Rows the content loader wrote at install are told apart from people's work."""
    rows = PublicationLogEntry.objects.filter(page_id=therapy.pk)
    assert rows and all(row.at_install for row in rows)


def test_an_editor_changes_nothing_live_through_any_page_url(client, therapy, editor, make_page, admin_user):
    """Every admin URL an editor can reach for a published clinical page leaves what
    visitors see exactly as it was: settings, home page, tree position, title,
    template, navigation, details, publish and unpublish."""
    other = make_page("Other page", slug="other-page", placeholders={"content": [text_block("Other.")]})
    url = therapy.get_absolute_url("en")
    before = client.get(url).content
    published = Version.objects.filter_by_grouper(therapy).get(state=PUBLISHED)
    content = published.content
    details = PageDetails.objects.get(extended_object=content)
    draft = new_draft(therapy, editor)
    client.force_login(admin_user)
    settings_change = advanced_settings_data(client, therapy, login_required="on", reverse_id="x")
    client.force_login(editor)
    attempts = [
        ("admin:cms_page_advanced", [therapy.pk], settings_change),
        ("admin:cms_page_change", [therapy.pk], settings_change),
        ("admin:cms_page_set_home", [therapy.pk], {}),
        ("admin:cms_page_move_page", [therapy.pk], {"target": other.pk, "position": 0}),
        ("admin:cms_page_edit_title_fields", [therapy.pk, "en"], {"title": "Changed title"}),
        ("admin:cms_pagecontent_change", [content.pk], {"title": "Changed title", "slug": "changed"}),
        ("admin:cms_pagecontent_change_template", [content.pk], {"template": "pages/general.html"}),
        ("admin:cms_pagecontent_change_innavigation", [content.pk], {}),
        ("admin:cms_pagecontent_delete", [content.pk], {"post": "yes"}),
        ("admin:content_pagedetails_change", [details.pk], {"summary": "Changed.", "record_my_review": "on"}),
        ("admin:djangocms_versioning_pagecontentversion_unpublish", [published.pk], {}),
        (PUBLISH, [draft.pk], {}),
    ]
    ids = {"cms_page_": therapy.pk, "cms_pagecontent_": content.pk, "content_pagedetails_": details.pk}
    ids["djangocms_versioning_pagecontentversion_"] = published.pk
    for name, args, data in attempts:
        response = client.post(reverse(name, args=args), data)
        assert response.status_code < 500, name
    # And every other page, page-content, details and version URL, empty-handed.
    names = page_admin_url_names()
    assert len(names) > 30, names
    for name, arity in names:
        prefix = next((prefix for prefix in ids if name.startswith(prefix)), None)
        args = [ids[prefix], "en"][:arity]
        for method in (client.get, client.post):
            assert method(reverse(f"admin:{name}", args=args)).status_code < 500, name
    cache.clear()
    client.logout()
    assert client.get(url).content == before
    therapy.refresh_from_db()
    assert not therapy.login_required and not therapy.is_home and therapy.reverse_id != "x"
    assert PageDetails.objects.get(pk=details.pk).summary == details.summary
    assert Version.objects.get(pk=draft.pk).state == DRAFT


def test_a_reviewer_changes_page_settings_and_it_is_logged(client, therapy, reviewer):
    """Advanced settings are the reviewers' (and administrators'), and each change is logged."""
    client.force_login(reviewer)
    url = reverse("admin:cms_page_advanced", args=(therapy.pk,))
    client.post(url, advanced_settings_data(client, therapy, reverse_id="workflow-therapy-renamed"))
    therapy.refresh_from_db()
    assert therapy.reverse_id == "workflow-therapy-renamed"
    entry = PublicationLogEntry.objects.get(page_id=therapy.pk, action="page settings changed")
    assert entry.username == "rita" and "workflow-therapy-renamed" in entry.note


def test_the_page_menu_links_to_the_pages_own_history(client, therapy, reviewer):
    """Staff open one page's history from its Page menu: the log filtered to that page."""
    client.force_login(reviewer)
    draft = new_draft(therapy, reviewer)
    body = client.get(get_object_edit_url(draft.content)).content.decode()
    assert f"/admin/editorial/publicationlogentry/?page_id={therapy.pk}" in body
    history = client.get(reverse("admin:editorial_publicationlogentry_changelist"), {"page_id": therapy.pk})
    titles = {row.page_title for row in history.context["cl"].result_list}
    assert titles == {"Workflow therapy"}


def test_only_the_person_holding_a_draft_submits_it_or_changes_its_details(client, therapy, editor):
    """Another editor cannot hand over, or change the summary of, a draft someone else holds."""
    other = staff_user(EDITOR, "otto")
    draft = new_draft(therapy, editor)  # locked to edna
    details = PageDetails.objects.get(extended_object=draft.content)
    client.force_login(other)
    body = client.get(get_object_preview_url(draft.content)).content.decode()
    assert "Submit for review" not in body
    submit = reverse("admin:editorial_reviewrequest_submit", args=(draft.pk,))
    assert client.post(submit, {"note": "Mine now."}).status_code == 403
    assert not ReviewRequest.objects.filter(version=draft).exists()
    client.post(reverse("admin:content_pagedetails_change", args=(details.pk,)), {"summary": "Otto was here."})
    assert PageDetails.objects.get(pk=details.pk).summary != "Otto was here."
    client.force_login(editor)
    client.post(reverse("admin:content_pagedetails_change", args=(details.pk,)), {"summary": "Edna's summary."})
    assert PageDetails.objects.get(pk=details.pk).summary == "Edna's summary."
