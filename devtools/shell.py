"""Checks of the safety contract on a rendered page (SPEC.md, "Safety contract")."""

from lxml import html as lxml_html

from safety.lines import NATIONAL_CRISIS_LINES

REQUIRED_BANNER_HREFS = {"tel:988", "sms:988", "tel:911", "tel:+18006624357", "/get-help-now/"}


def parse(body):
    return lxml_html.fromstring(body if isinstance(body, str) else body.decode("utf-8"))


def assert_safety_shell(body, exit_url="https://www.weather.gov/"):
    """Skip link first, crisis banner right after it with every national line,
    the exit control, and the safety disclaimer."""
    doc = parse(body)
    body_el = doc.find("body")
    first_link = body_el.xpath(".//a")[0]
    assert first_link.get("class") == "skip-link" and first_link.get("href") == "#main"
    after_skip = first_link.getnext()
    assert after_skip is not None and after_skip.get("id") == "crisis-banner"

    banner_hrefs = {a.get("href") for a in after_skip.xpath(".//a")}
    assert REQUIRED_BANNER_HREFS <= banner_hrefs, REQUIRED_BANNER_HREFS - banner_hrefs
    for line in NATIONAL_CRISIS_LINES:
        assert line.call_href in banner_hrefs

    exits = doc.xpath('//*[@id="exit-this-page"]')
    assert len(exits) == 1 and exits[0].tag == "a" and exits[0].get("href") == exit_url

    disclaimer = doc.xpath('//*[@id="safety-disclaimer"]')
    assert len(disclaimer) == 1
    text = " ".join(disclaimer[0].text_content().split())
    assert "not medical advice" in text
    assert "without talking to your prescriber" in text
    assert "Stopping a benzodiazepine suddenly after regular use can cause seizures" in text
    assert doc.xpath('//main[@id="main"]'), "the skip link's target is missing"
    return doc
