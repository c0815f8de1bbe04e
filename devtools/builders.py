"""Plain helpers the tests share: blocks for the `make_page` fixture, staff accounts,
drafts, medical reviews, search results, and the clinic's shipped pages by section.

They use Django's models, so they run where Django is set up (pytest-django does that
before any test module is imported)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from content.models import PageDetails
from search.engine import search

# The clinic's shipped pages (fixtures/pages/), by section, in page-tree order.
CONDITIONS = ["benzodiazepine-use-disorder", "alcohol-use-disorder", "opioid-use-disorder", "anxiety-and-insomnia"]
LEVELS = [
    "withdrawal-management",
    "inpatient",
    "partial-hospitalization",
    "intensive-outpatient",
    "outpatient",
    "telehealth",
    "continuing-care",
]
THERAPIES = [
    "cbt",
    "cbt-i",
    "dbt",
    "motivational-interviewing",
    "contingency-management",
    "trauma-informed-therapy",
    "family-therapy",
    "group-therapy-and-peer-support",
    "mindfulness-based-relapse-prevention",
    "medication-management",
]
GENERAL = ["/", "/get-help-now/", "/about/", "/contact/", "/privacy/", "/accessibility/", "/editorial-policy/"]

BENZO_PAGE = "/conditions/benzodiazepine-use-disorder/"
# The public origin of canonical links, the sitemap and JSON-LD.
ORIGIN = f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}"
TODAY = timezone.localdate()


def text_block(words):
    """A text block of one paragraph, for `make_page(placeholders=...)`."""
    return {"text": f"<p>{words}</p>"}


def reference_block(title="A cited guide"):
    """A reference block, for the "references" slot of a clinical page."""
    return {"reference": {"title": title, "publisher": "U.S. Food and Drug Administration", "year": 2020}}


def staff_user(role, username=None):
    """A staff account in one of the staff groups (editorial.roles)."""
    user = get_user_model().objects.create_user(
        username or role.lower().replace(" ", "-"), password="a-long-test-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def draft_content(page):
    """The page's content as staff edit it (the draft, if there is one)."""
    return page.get_admin_content("en")


def clinical_page(make_page, title, text="People can and do recover."):
    """A published condition page under Conditions, with one paragraph of `text`."""
    return make_page(
        title,
        kind="condition",
        parent="conditions",
        slug=title.lower().replace(" ", "-"),
        placeholders={"overview": [text_block(text)]},
    )


def reviewed(page, next_due, reviewed_on=None):
    """Record a medical review on the page's published content, next due on `next_due`."""
    content = page.get_content_obj("en")
    details = PageDetails.objects.get(extended_object=content)
    details.reviewer_name = "Dr. Test"
    details.reviewed_on = reviewed_on or next_due - datetime.timedelta(days=365)
    details.next_review_due = next_due
    details.save()


def result_urls(query):
    """The URLs site search answers `query` with, best first."""
    return [result.url for result in search(query).results]
