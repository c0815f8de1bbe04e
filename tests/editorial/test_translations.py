"""A translation made in the toolbar is a draft like any other: nothing reaches Spanish
visitors until a clinical reviewer publishes it, and then it follows the current
English page."""

import pytest
from cms.models import Page, PageContent
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from content.translations import english_version_number
from devtools.builders import staff_user
from editorial.roles import CLINICAL_REVIEWER, EDITOR

pytestmark = pytest.mark.django_db


def test_a_translation_added_in_the_toolbar_waits_for_a_reviewer(client):
    page = Page.objects.get(reverse_id="therapy-cbt")
    assert not PageContent.admin_manager.filter(page=page, language="es").exists()
    client.force_login(staff_user(EDITOR, "translating-editor"))
    # What the toolbar's Language → Add Translation → Español opens.
    url = f"/admin/cms/pagecontent/add/?cms_page={page.pk}&parent_page={page.pk}&language=es"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Terapia cognitivo-conductual",
            "slug": "terapia-cognitivo-conductual",
            "menu_title": "TCC",
            "meta_description": "Qué es la terapia cognitivo-conductual y cómo ayuda.",
            "cms_page": page.pk,
        },
    )
    assert response.status_code in (200, 302)
    spanish = PageContent.admin_manager.get(page=page, language="es")
    version = Version.objects.get_for_content(spanish)
    assert version.state == DRAFT

    client.logout()
    assert client.get(page.get_absolute_url("es", fallback=False) or "/es/terapias/tcc/").status_code == 404

    version.publish(staff_user(CLINICAL_REVIEWER, "publishing-reviewer"))
    assert Version.objects.get_for_content(spanish).state == PUBLISHED
    spanish.refresh_from_db()
    assert spanish.pagedetails.translated_from_version == english_version_number(page)
    assert client.get(page.get_absolute_url("es")).status_code == 200
