"""What the browser tests share: one page of every kind, the widths they are seen at,
and the clinic editor's steps in the real django CMS toolbar."""

from pathlib import Path

PAGE_KINDS = {
    "home": "/",
    "conditions-index": "/conditions/",
    "levels-of-care-index": "/levels-of-care/",
    "therapies-index": "/therapies/",
    "faq-index": "/faq/",
    "condition": "/conditions/benzodiazepine-use-disorder/",
    "level-of-care": "/levels-of-care/intensive-outpatient/",
    "therapy": "/therapies/cbt-i/",
    "faq": "/faq/for-families/",
    "get-help-now": "/get-help-now/",
    "general": "/privacy/",
    "search-results": "/search/?q=xanax+withdrawal",
    "search-crisis": "/search/?q=overdose",
    "search-no-results": "/search/?q=qwxzv",
    "not-found": "/no-such-page/",
    # Spanish (/es/): the same kinds, with links to pages only in English.
    "es-home": "/es/",
    "es-levels-of-care-index": "/es/niveles-de-atencion/",
    "es-faq-index": "/es/preguntas-frecuentes/",
    "es-condition": "/es/afecciones/trastorno-por-consumo-de-benzodiacepinas/",
    "es-level-of-care": "/es/niveles-de-atencion/tratamiento-ambulatorio-intensivo/",
    "es-faq": "/es/preguntas-frecuentes/para-familias/",
    "es-get-help-now": "/es/ayuda-ahora/",
    "es-general": "/es/privacidad/",
    "es-search-results": "/es/search/?q=xanax",
    "es-search-crisis": "/es/search/?q=quiero+morir",
    "es-not-found": "/es/no-such-page/",
}

WIDTHS = (390, 1280)

# Debian's Chromium; no tool here downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def log_in(page, base_url, username, password, next_path):
    page.goto(f"{base_url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")


def edit_first_paragraph_and_publish(page, added_text):
    """On a page opened with the toolbar: start a draft, add text to the first
    paragraph inline, and publish."""
    page.click(".cms-versioning-js-edit-btn")  # creates a draft and opens it in edit mode
    page.wait_for_load_state("networkidle")
    assert "/edit/" in page.url
    paragraph = page.locator(".cms-editor-inline-wrapper p").first
    paragraph.click()
    page.keyboard.press("Control+End")
    with page.expect_response(lambda r: "/edit-plugin/" in r.url and r.request.method == "POST"):
        page.keyboard.type(added_text)
        page.locator("h1").click()  # leaving the text saves it
    page.click(".cms-versioning-js-publish-btn")
    page.wait_for_load_state("networkidle")


NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page):
    """axe-core from npm (package.json), run in the page with every rule it has for WCAG
    A and AA, experimental ones included: [(rule, help, first targets)]. Loaded with
    `evaluate`, outside the page's CSP, which still holds for the page's own scripts."""
    page.evaluate(AXE_SCRIPT.read_text())
    results = page.evaluate(
        """async (tags) => {
            const rules = axe.getRules(tags).map((rule) => rule.ruleId);
            return await axe.run(document, {runOnly: {type: "rule", values: rules}});
        }""",
        WCAG_TAGS,
    )
    return [
        (violation["id"], violation["help"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results["violations"]
    ]
