"""The writing checks in the toolbar while staff edit or preview a page."""

from cms.models import PageContent
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.text import Truncator

from content.selectors import published_content

from .review import check_page
from .writing import TARGET_GRADE


@toolbar_pool.register
class WritingChecksToolbar(CMSToolbar):
    """While staff edit or preview a page: its reading grade (draft and published) and
    wording warnings, with a link to the full writing report. It only informs."""

    def populate(self):
        content = self.toolbar.get_object()
        if not isinstance(content, PageContent) or not self.request.user.is_staff:
            return
        if not (self.toolbar.edit_mode_active or self.toolbar.preview_mode_active):
            return
        draft = check_page(content)
        grade = draft.reading.grade
        label = "Reading grade –" if grade is None else f"Reading grade {grade:.1f}"
        if draft.reading.above_target:
            label += f" (above {TARGET_GRADE})"
        if draft.warnings:
            label += f" · {len(draft.warnings)} wording warning{'s' if len(draft.warnings) != 1 else ''}"
        menu = self.toolbar.get_or_create_menu("writing-checks", label, position=3)

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
