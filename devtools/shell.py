"""Checks of the safety contract on a rendered page (SPEC.md, "Safety contract")."""

from lxml import html as lxml_html

from safety.lines import NATIONAL_CRISIS_LINES

REQUIRED_BANNER_HREFS = {"tel:988", "sms:988", "tel:911", "tel:+18006624357", "/get-help-now/"}
# Spanish pages: 988 by text with the word AYUDA, and the Spanish get-help page.
REQUIRED_SPANISH_BANNER_HREFS = {"tel:988", "sms:988?&body=AYUDA", "tel:911", "tel:+18006624357", "/es/ayuda-ahora/"}
SPANISH_DISCLAIMER = (
    "No es consejo médico",
    "convulsiones",
)


def parse(body):
    return lxml_html.fromstring(body if isinstance(body, str) else body.decode("utf-8"))


def assert_safety_shell(body, exit_url="https://www.weather.gov/"):
    """Skip link first, crisis banner right after it with every national line,
    the exit control, and the safety disclaimer; in Spanish on a Spanish page."""
    doc = parse(body)
    if doc.get("lang") == "es":
        return _assert_spanish_shell(doc, exit_url)
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


def _assert_spanish_shell(doc, exit_url):
    first_link = doc.find("body").xpath(".//a")[0]
    assert first_link.get("class") == "skip-link" and first_link.get("href") == "#main"
    assert first_link.text_content().strip() == "Saltar al contenido principal"
    banner = first_link.getnext()
    assert banner is not None and banner.get("id") == "crisis-banner"
    banner_hrefs = {a.get("href") for a in banner.xpath(".//a")}
    assert REQUIRED_SPANISH_BANNER_HREFS <= banner_hrefs, REQUIRED_SPANISH_BANNER_HREFS - banner_hrefs
    banner_text = " ".join(banner.text_content().split())
    assert "marque 2" in banner_text and "AYUDA" in banner_text
    exits = doc.xpath('//*[@id="exit-this-page"]')
    assert len(exits) == 1 and exits[0].get("href") == exit_url
    assert exits[0].text_content().strip() == "Salir de esta página"
    disclaimer = doc.xpath('//*[@id="safety-disclaimer"]')
    assert len(disclaimer) == 1
    text = " ".join(disclaimer[0].text_content().split())
    for words in SPANISH_DISCLAIMER:
        assert words in text, words
    assert doc.xpath('//main[@id="main"]'), "the skip link's target is missing"
    return doc
