"""The clinic's own details on every page (safety.clinic, templates/includes/footer.html)."""

import pytest
from lxml import html

from safety.models import ClinicSettings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "phone, link", [("(555) 555-0100", "tel:+15555550100"), ("1-800-662-4357", "tel:+18006624357"), ("988", "tel:988")]
)
def test_clinic_phone_link_is_made_from_the_number_typed_once(client, phone, link):
    """The footer shows the clinic's phone as typed and calls it in full."""
    ClinicSettings.objects.create(name="Riverbend Recovery Clinic", phone=phone)
    footer = html.fromstring(client.get("/").content).xpath("//footer")[0]
    assert [(a.get("href"), a.text_content()) for a in footer.xpath('.//a[starts-with(@href, "tel:")]')] == [
        (link, phone)
    ]


def test_no_phone_no_call_link(client):
    """Without a phone number the footer has no call link (not an empty `tel:`)."""
    ClinicSettings.objects.create(name="Riverbend Recovery Clinic")
    footer = html.fromstring(client.get("/").content).xpath("//footer")[0]
    assert not footer.xpath('.//a[starts-with(@href, "tel:")]')
