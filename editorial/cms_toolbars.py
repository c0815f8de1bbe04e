"""The toolbar while staff edit or preview a page: writing checks, and the review
hand-off (submit, waiting, sent back)."""

from cms.cms_toolbars import HELP_MENU_IDENTIFIER, PAGE_MENU_IDENTIFIER
from cms.models import PageContent
from cms.toolbar.utils import get_object_preview_url
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.forms import Media, Script
from django.urls import reverse
from django.utils.text import Truncator
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version

from content.page_facts import query_facts
from content.selectors import published_content
from plumbing.internals import remove_publish_button

from .models import ReviewRequest
from .review import check_page, writing_checks_label
from .workflow import latest_request, may_publish, review_queue_url, waiting_requests


@toolbar_pool.register
class WritingChecksToolbar(CMSToolbar):
    """While staff edit or preview a page: its reading grade (draft and published) and
    wording warnings, with a link to the full writing report. It only informs.

    Then, and only then, it also adds the live writing feedback (writing_feedback.js
    and .css): after each save the label is refreshed from the checks' JSON endpoint
    and the flagged words are marked in the page, without a reload."""

    checks_url = None  # set by populate() when the live feedback applies

    @property
    def media(self):
        """The feedback's script and style (django CMS puts every toolbar's media on
        the page); none where there is no menu, so never on a public page."""
        if self.checks_url is None:
            return Media()
        return Media(
            css={"all": ["editorial/writing_feedback.css"]},
            js=[Script("editorial/writing_feedback.js", **{"data-writing-checks-url": self.checks_url})],
        )

    def populate(self):
        content = self.toolbar.get_object()
        if not isinstance(content, PageContent) or not self.request.user.is_staff:
            return
        if not (self.toolbar.edit_mode_active or self.toolbar.preview_mode_active):
            return
        draft = check_page(content)
        menu = self.toolbar.get_or_create_menu("writing-checks", writing_checks_label(draft), position=3)
        self.checks_url = reverse("admin:editorial_writing_checks", args=(content.pk,))

        published = published_content(content.page_id, content.language)
        if published is not None and published.pk != content.pk:
            published_grade = check_page(published).reading.grade
            menu.add_link_item(f"Published version: grade {published_grade}", url="#", disabled=True)
        if draft.reading.above_target:
            menu.add_link_item("Shorten these sentences first:", url="#", disabled=True)
            for sentence in draft.reading.longest_sentences:
                menu.add_link_item(Truncator(sentence).chars(90), url="#", disabled=True)
        for warning in draft.warnings:
            menu.add_link_item(f"“{warning.phrase}” → {warning.suggestion}", url="#", disabled=True)
        menu.add_break()
        menu.add_modal_item("Full writing report", url=reverse("admin:editorial_writing_report", args=(content.pk,)))


@toolbar_pool.register
class ReviewWorkflowToolbar(CMSToolbar):
    """The hand-off in the toolbar. On a draft: "Publish" only for those who may
    publish, "Submit for review" for the others, and a reviewer's comment when the
    draft was sent back. For clinical reviewers: the drafts waiting for them."""

    def populate(self):
        if not self.request.user.is_staff:
            return
        content = self.toolbar.get_object()
        page_menu = self.toolbar.get_menu(PAGE_MENU_IDENTIFIER)
        if isinstance(content, PageContent) and page_menu is not None:
            history = reverse("admin:editorial_publicationlogentry_changelist") + f"?page_id={content.page_id}"
            page_menu.add_sideframe_item("History of this page (every step, who and when)", url=history)
        if may_publish(self.request.user):
            waiting = list(waiting_requests()[:10])
            label = f"Waiting for review ({len(waiting)})" if waiting else "Waiting for review"
            menu = self.toolbar.get_or_create_menu("review-queue", label, position=4)
            for request in waiting:
                menu.add_link_item(
                    f"{request.page_title}, from {request.submitted_by or 'someone'}",
                    url=get_object_preview_url(request.version.content),
                )
            if not waiting:
                menu.add_link_item("Nothing is waiting", url="#", disabled=True)
            menu.add_break()
            menu.add_sideframe_item("All review requests", url=review_queue_url())

    def post_template_populate(self):
        content = self.toolbar.get_object()
        if not isinstance(content, PageContent) or not self.request.user.is_staff:
            return
        if not (self.toolbar.edit_mode_active or self.toolbar.preview_mode_active):
            return
        version = Version.objects.get_for_content(content)
        if version.state != DRAFT:
            return
        if may_publish(self.request.user):
            facts = query_facts(content)
            if facts.is_clinical and not (facts.details and facts.details.is_reviewed):
                # A new page, or a revert to older text: this version has no review yet.
                reminder = self.toolbar.add_button_list(side=self.toolbar.RIGHT)
                reminder.add_button("No medical review recorded for this version", url="#", disabled=True)
            return
        remove_publish_button(self.toolbar)
        request = latest_request(version)
        buttons = self.toolbar.add_button_list(side=self.toolbar.RIGHT)
        if request is not None and request.status == ReviewRequest.Status.WAITING:
            buttons.add_button("Waiting for review", url="#", disabled=True)
        elif not version.is_unlocked_for_user(self.request.user):
            buttons.add_button(f"Being edited by {version.locked_by}", url="#", disabled=True)
        else:
            buttons.add_modal_button(
                "Submit for review",
                url=reverse("admin:editorial_reviewrequest_submit", args=(version.pk,)),
                extra_classes=["cms-btn-action"],
            )
        if request is not None and request.status == ReviewRequest.Status.SENT_BACK:
            menu = self.toolbar.get_or_create_menu("review-comment", "Sent back: see the comment", position=4)
            menu.add_link_item(
                f"{request.answered_by or 'A reviewer'}: {request.reviewer_comment}", url="#", disabled=True
            )


@toolbar_pool.register
class EditorGuideToolbar(CMSToolbar):
    """The toolbar's Help menu: the clinic's own editor guide (django CMS's menu of its
    documentation and community links is off: CMS_ENABLE_HELP = False in settings)."""

    def populate(self):
        if not self.request.user.is_staff:
            return
        guide = reverse("editor_guide")
        menu = self.toolbar.get_or_create_menu(HELP_MENU_IDENTIFIER, "Help", position=-1)
        menu.add_sideframe_item("Editor guide", url=guide)
        menu.add_sideframe_item("What a clinical reviewer does", url=guide + "#reviewer")
        menu.add_sideframe_item("Who to ask", url=guide + "#who-to-ask")
