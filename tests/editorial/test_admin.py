"""The content review page in the admin (editorial.admin)."""

import datetime

import pytest
from django.urls import reverse

from devtools.builders import TODAY, clinical_page, reviewed
from devtools.shell import parse

pytestmark = pytest.mark.django_db


def test_content_review_admin_page_lists_pages_in_order(client, admin_user, make_page):
    """Staff see the same order in the admin, with links to each writing report."""
    overdue = clinical_page(make_page, "Overdue admin page")
    reviewed(overdue, TODAY - datetime.timedelta(days=1))
    client.force_login(admin_user)
    response = client.get(reverse("admin:editorial_contentreview_changelist"))
    assert response.status_code == 200
    rows = parse(response.content).xpath("//tbody/tr")
    assert rows[0].xpath("./td")[0].text_content() == "Overdue admin page"
    assert "overdue" in rows[0].xpath("./td")[2].text_content()
    report = client.get(rows[0].xpath(".//a[text()='Writing report']/@href")[0])
    assert report.status_code == 200 and "Reading grade" in report.content.decode()
    other_rows = parse(response.content).xpath('//table[@class="other-pages"]//tbody/tr')
    other = [row.xpath("./td")[0].text_content() for row in other_rows]
    assert "Privacy and staying safe online" in other  # general pages are graded too
    assert "Benzodiazepine use disorder" not in other
