"""POST /feedback/: a reader's answer to "Was this page helpful?" (the form at the foot
of every page, templates/includes/page_feedback.html).

No cookie, ever. Django's CSRF protection would give every visitor a csrftoken cookie
and every cached page a per-visitor token, so this view is exempt from it and refuses
posts from other sites itself: a browser says where a post comes from in
`Sec-Fetch-Site` and `Origin`. There is nothing to forge here (nobody is signed in
through this form, it changes nothing but adds an anonymous answer); the check keeps
other sites from making their visitors' browsers post answers, and the rate limit
(feedback.rate_limit) keeps anyone from posting many.

Every answer, the refusals too, is a page in the site's own layout (crisis banner,
exit control, disclaimer) in the page's language, never kept in a cache.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from content.translations import LANGUAGE_NAMES

from . import rate_limit
from .models import MAX_COMMENT, PageFeedback
from .pages import published_page_at
from .scrub import clean_text, scrub

ANSWERS = {"yes": True, "no": False}
# Far more than any comment the form allows; longer is not read at all.
MAX_RAW_COMMENT = 4 * MAX_COMMENT


@csrf_exempt
def page_feedback(request):
    # Not a CMS page: saves django CMS's menu a page lookup by this path (as search does).
    request.current_page = None
    posted_language = request.POST.get("language", "")
    language = posted_language if posted_language in LANGUAGE_NAMES else translation.get_language()
    # The page's language for the whole layout (django CMS's menu reads the request's).
    request.LANGUAGE_CODE = language
    with translation.override(language):
        response = _answer(request, language)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    return response


def _answer(request, language):
    if request.method != "POST":
        response = _problem(
            request,
            405,
            _("We could not do that"),
            _("This address only takes answers from the form at the end of each page."),
        )
        response["Allow"] = "POST"
        return response
    if _from_another_site(request):
        return _problem(
            request,
            403,
            _("We could not take that answer"),
            _("Answers can only be sent from this site's own pages."),
        )
    if not rate_limit.allow(request):
        response = _problem(
            request,
            429,
            _("We have many answers right now"),
            _("Thank you for wanting to help. We take only a few answers each hour. Please try again later."),
        )
        response["Retry-After"] = str(rate_limit.seconds_until_next_hour())
        return response
    answered = published_page_at(request.POST.get("path", ""), language)
    if answered is None:
        return _problem(
            request,
            400,
            _("We could not tell which page you meant"),
            _("Your answer did not say which page it was about, so we could not keep it."),
        )
    helpful = ANSWERS.get(request.POST.get("helpful", ""))
    if helpful is None:
        return _problem(
            request,
            400,
            _("Please choose Yes or No"),
            _("Go back to the page, choose Yes or No, then send your answer again."),
            answered,
        )
    raw_comment = request.POST.get("comment", "")
    if len(raw_comment) > MAX_RAW_COMMENT or len(clean_text(raw_comment)) > MAX_COMMENT:
        return _problem(
            request,
            400,
            _("Your comment is too long"),
            _("Please keep your comment to %(count)s characters or fewer. Go back to the page to shorten it.")
            % {"count": MAX_COMMENT},
            answered,
        )
    PageFeedback.objects.create(
        page=answered.page,
        language=language,
        path=answered.url,
        helpful=helpful,
        comment=scrub(raw_comment),
        day=timezone.localdate(),
    )
    return render(request, "feedback/thanks.html", {"answered": answered, "helpful": helpful})


def _from_another_site(request):
    """True for a post another site made a browser send: `Sec-Fetch-Site: cross-site`,
    or an `Origin` that is not this site's host name (`null` included). Clients that
    send neither (older browsers, scripts) are let through to the rate limit."""
    if request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return False
    # Host names, not ports: behind the front door the Host header has no port while a
    # browser's Origin may (make run-proxy on 127.0.0.1:8000).
    try:
        return urlsplit(origin).hostname != urlsplit(f"//{request.get_host()}").hostname
    except ValueError:  # not a URL at all ("http://[")
        return True


def _problem(request, status, title, message, answered=None):
    return render(
        request, "feedback/problem.html", {"title": title, "message": message, "answered": answered}, status=status
    )
