"""The clinic's editor guide at /admin/guide/ (editorial.guide): for staff only, in the
admin's look, naming who to ask."""

import pytest
from django.contrib.auth import get_user_model

from devtools.builders import staff_user
from editorial.models import StaffProfile
from editorial.roles import CLINICAL_REVIEWER, EDITOR, SITE_ADMINISTRATOR

pytestmark = pytest.mark.django_db

GUIDE = "/admin/guide/"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    """Not signed in: a redirect to the staff sign-in page that comes back to the guide, never an error."""
    response = client.get(GUIDE)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={GUIDE}"


def test_a_signed_in_visitor_who_is_not_staff_is_sent_to_sign_in_too(client):
    """An account without staff status does not see the guide."""
    client.force_login(get_user_model().objects.create_user("visitor", password="a-long-test-password-1"))
    response = client.get(GUIDE)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", [EDITOR, CLINICAL_REVIEWER, SITE_ADMINISTRATOR])
def test_every_staff_role_reads_the_guide(client, role):
    """Each role gets the guide in the admin's look, with the everyday jobs in it."""
    client.force_login(staff_user(role))
    response = client.get(GUIDE)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Clinic site — staff" in body
    for section in ("Edit a page", "Add a question to an FAQ page", "What a clinical reviewer does", "Writing checks"):
        assert section in body, section
    assert 'id="who-to-ask"' in body


def test_who_to_ask_names_the_clinics_administrators_and_reviewers(client):
    """The guide names the people to ask, by the names shown on pages."""
    administrator = staff_user(SITE_ADMINISTRATOR, "dana")
    StaffProfile.objects.create(user=administrator, full_name="Dana Ortiz")
    staff_user(CLINICAL_REVIEWER, "lee")
    client.force_login(staff_user(EDITOR))
    body = client.get(GUIDE).content.decode()
    assert "Dana Ortiz (dana)" in body
    assert "lee" in body


def test_every_admin_page_links_to_the_guide(client):
    """The admin's header links to the guide, so staff find it from anywhere."""
    client.force_login(staff_user(EDITOR))
    assert f'href="{GUIDE}"' in client.get("/admin/").content.decode()
