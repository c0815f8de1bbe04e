"""Clinic settings and local crisis lines in the admin (safety.admin): a phone number
is typed once, and a number a phone cannot call is refused with a clear message."""

import pytest
from django.urls import reverse

from devtools.builders import TODAY, staff_user
from editorial.roles import SITE_ADMINISTRATOR
from safety.models import ClinicSettings, LocalCrisisLine

pytestmark = pytest.mark.django_db


def crisis_line_form(number):
    return {"name": "County Mobile Crisis Team", "number": number, "verified_on": TODAY.isoformat(), "order": 0}


def test_crisis_line_form_has_one_number_field_and_makes_the_link(client):
    """No "phone href" to type twice: the number as people read it is enough."""
    client.force_login(staff_user(SITE_ADMINISTRATOR))
    add_url = reverse("admin:safety_localcrisisline_add")
    form = client.get(add_url).content.decode()
    assert 'name="number"' in form and "phone_href" not in form and "Phone href" not in form
    response = client.post(add_url, crisis_line_form("(555) 555-0199"))
    assert response.status_code == 302
    assert LocalCrisisLine.objects.get().call_href == "tel:+15555550199"


@pytest.mark.parametrize("number", ["call the front desk", "1-800-GET-HELP"])
def test_crisis_line_number_without_usable_digits_is_refused_with_a_clear_error(client, number):
    """The form stays open with a sentence saying how to type the number; nothing is saved."""
    client.force_login(staff_user(SITE_ADMINISTRATOR))
    response = client.post(reverse("admin:safety_localcrisisline_add"), crisis_line_form(number))
    assert response.status_code == 200
    assert "Type the number as people should read it, e.g. 1-800-662-4357." in response.content.decode()
    assert not LocalCrisisLine.objects.exists()


def test_clinic_phone_is_checked_the_same_way(client):
    """The clinic's own phone gets the same check; blank is allowed."""
    client.force_login(staff_user(SITE_ADMINISTRATOR))
    add_url = reverse("admin:safety_clinicsettings_add")
    form = {"name": "Riverbend Recovery Clinic", "phone": "front desk", "email": "", "address": "", "hours": ""}
    response = client.post(add_url, form)
    assert "Type the number as people should read it" in response.content.decode()
    assert client.post(add_url, {**form, "phone": ""}).status_code == 302
    assert ClinicSettings.objects.get().call_href == ""
