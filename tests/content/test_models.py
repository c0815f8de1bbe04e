"""What the content models refuse from an editor."""

import pytest
from django.core.exceptions import ValidationError


def test_editor_links_refuse_javascript_urls():
    """Care card and call-to-action links must be a path, phone, or https address."""
    from content.models import validate_link

    for bad in ("javascript:alert(1)", "data:text/html,hi", "http://insecure.example"):
        with pytest.raises(ValidationError):
            validate_link(bad)
    for good in ("/get-help-now/", "tel:911", "sms:988", "https://988lifeline.org/"):
        validate_link(good)
