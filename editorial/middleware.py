"""The publish gate: a clinical page with wording warnings, or a reading grade above
PUBLISH_GATE_GRADE, is published only when the reviewer confirms with a reason, and
the reason is logged. It sits in front of djangocms-versioning's own publish view,
which stays the one place that publishes."""

from cms.models import PageContent
from cms.toolbar.utils import get_object_preview_url
from django.template.response import TemplateResponse
from djangocms_versioning.models import Version

from content.models import CLINICAL_KINDS, kind_for_template
from plumbing.internals import VERSION_PUBLISH_URL_NAME

from .review import check_page
from .workflow import log_version_step

# Above the site's target (grade 8) a page may still go live; above this, only with a reason.
PUBLISH_GATE_GRADE = 10
# Spanish: below "standard" (Fernández-Huerta 60), only with a reason.
PUBLISH_GATE_EASE = 60


class PublishGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name != VERSION_PUBLISH_URL_NAME:
            return None
        version = Version.objects.filter(pk=view_kwargs.get("object_id")).first()
        content = version.content if version else None
        if not isinstance(content, PageContent) or kind_for_template(content.template) not in CLINICAL_KINDS:
            return None
        check = check_page(content)
        reading = check.reading
        too_hard = (reading.grade is not None and reading.grade > PUBLISH_GATE_GRADE) or (
            reading.ease is not None and reading.ease < PUBLISH_GATE_EASE
        )
        if not check.warnings and not too_hard:
            return None
        reason = request.POST.get("publish_reason", "").strip()
        if reason:
            log_version_step("published despite writing warnings", version, request.user, reason)
            return None
        context = {
            "title": f"Publish “{content.title}” with these warnings?",
            "check": check,
            "too_hard": too_hard,
            "gate_grade": PUBLISH_GATE_GRADE,
            "gate_ease": PUBLISH_GATE_EASE,
            "missing_reason": "publish_reason" in request.POST,
            "draft_url": get_object_preview_url(content),
        }
        return TemplateResponse(request, "admin/editorial/publish_gate.html", context)
