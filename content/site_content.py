"""Build the site's CMS pages from the YAML files in `fixtures/pages/`.

Keyed on each page's `reverse_id`: a page that exists already is left exactly as
editors left it, so loading again never overwrites their work. New pages are
created, filled with plugins and published through djangocms-versioning.

Translations live in a folder per language (`fixtures/pages/es/`), one file per page
under the English file's name; a translation is added to a page that has none in that
language yet, and records the English version it was made from.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from cms import api, constants
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from djangocms_versioning.models import Version

from .models import Kind, PageDetails, kind_for_template
from .selectors import published_content
from .translations import TRANSLATED_LANGUAGES

PAGES_DIR = Path(settings.BASE_DIR) / "fixtures" / "pages"
LANGUAGE = "en"
LOADER_USERNAME = "site-content-loader"
REVERSE_ID_MAX_LENGTH = Page._meta.get_field("reverse_id").max_length

TEMPLATES = {
    "home": "pages/home.html",
    "general": "pages/general.html",
    "index": "pages/index.html",
    "condition": "pages/condition.html",
    "level_of_care": "pages/level_of_care.html",
    "therapy": "pages/therapy.html",
    "faq": "pages/faq.html",
}

FACT_FIELDS = {
    "setting": "care_setting",
    "hours_per_week": "hours_per_week",
    "medical_monitoring": "medical_monitoring",
    "who_it_may_suit": "who_it_may_suit",
    "typical_length": "typical_length",
}

# Pages in the top navigation; the rest are reached from the footer and links.
IN_NAVIGATION = {"conditions", "levels-of-care", "therapies", "faq", "get-help-now"}


@dataclass
class LoadReport:
    created: list
    kept: list
    translated: list = field(default_factory=list)


def read_page_files(directory=PAGES_DIR):
    """Every page file, parents before children, siblings by their `order`."""
    pages = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.yaml"))]
    for page in pages:
        if len(page["reverse_id"]) > REVERSE_ID_MAX_LENGTH:
            raise ValueError(f"reverse_id {page['reverse_id']!r} is longer than {REVERSE_ID_MAX_LENGTH} characters")
    by_id = {page["reverse_id"]: page for page in pages}

    def depth(page):
        level = 0
        while page.get("parent"):
            page = by_id[page["parent"]]
            level += 1
        return level

    return sorted(pages, key=lambda page: (depth(page), page.get("order", 1000), page["reverse_id"]))


def loader_user():
    """The account recorded as the author of loaded content; it cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=LOADER_USERNAME, defaults={"is_active": False, "first_name": "Site content loader"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def load_site_content(directory=PAGES_DIR, stdout=None):
    user = loader_user()
    report = LoadReport(created=[], kept=[])
    for data in read_page_files(directory):
        reverse_id = data["reverse_id"]
        if Page.objects.filter(reverse_id=reverse_id).exists():
            report.kept.append(reverse_id)
            continue
        with transaction.atomic():
            build_page(data, user)
        report.created.append(reverse_id)
        if stdout:
            stdout.write(f"created {reverse_id}")
    for language in TRANSLATED_LANGUAGES:
        for data in read_translation_files(language, directory / language):
            page = Page.objects.filter(reverse_id=data["reverse_id"]).first()
            if page is None or PageContent.admin_manager.filter(page=page, language=language).exists():
                continue
            with transaction.atomic():
                add_translation(page, data, language, user)
            report.translated.append(f"{language}:{data['reverse_id']}")
            if stdout:
                stdout.write(f"translated {data['reverse_id']} into {language}")
    return report


def read_translation_files(language, directory):
    """A language's page files, parents before children (a translated path is built
    from the parent's translated slug)."""
    pages = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.yaml"))]
    depths = dict(
        Page.objects.filter(reverse_id__in=[page["reverse_id"] for page in pages]).values_list("reverse_id", "depth")
    )
    return sorted(pages, key=lambda page: depths.get(page["reverse_id"], 0))


def add_translation(page, data, language, user, publish=True):
    """The page's content in `language`, from a translation file: the English page's
    template and navigation, the file's text, and the English version it follows."""
    english = published_content(page, LANGUAGE)
    if english is None:
        raise ValueError(f"{data['reverse_id']}: no published English page to translate")
    content = api.create_page_content(
        language,
        data["title"],
        page,
        menu_title=data.get("menu_title"),
        slug=data["slug"],
        meta_description=(data.get("meta_description") or "").strip() or None,
        created_by=user,
        in_navigation=english.in_navigation,
        template=english.template,
        xframe_options=constants.X_FRAME_OPTIONS_SAMEORIGIN,
    )
    source = getattr(english, "pagedetails", None)
    facts = {FACT_FIELDS[key]: str(value).strip() for key, value in (data.get("facts") or {}).items()}
    PageDetails.objects.create(
        extended_object=content,
        summary=(data.get("summary") or "").strip(),
        lists_kind=source.lists_kind if source else "",
        translated_from_version=int(Version.objects.get_for_content(english).number),
        **facts,
    )
    fill_placeholders(content, data, language)
    if publish:
        Version.objects.get_for_content(content).publish(user)
    return content


def fill_placeholders(content, data, language=LANGUAGE):
    content.rescan_placeholders()
    placeholders = {placeholder.slot: placeholder for placeholder in content.placeholders.all()}
    for slot, blocks in (data.get("placeholders") or {}).items():
        if slot not in placeholders:
            raise ValueError(f"{data['reverse_id']}: the template has no slot {slot!r}")
        for block in blocks:
            add_block(placeholders[slot], block, language)


def build_page(data, user, publish=True):
    """One page from the data of a page file; `data["parent"]` is a reverse_id or, for
    pages made in the Create wizard (content.cms_wizards), a Page. Unpublished, the
    page is a draft of `user`'s (locked to them while DJANGOCMS_VERSIONING_LOCK_VERSIONS
    is on)."""
    parent = data.get("parent") or None
    if parent is not None and not isinstance(parent, Page):
        parent = Page.objects.get(reverse_id=parent)
    is_home = data["reverse_id"] == "home"
    template = TEMPLATES[data.get("template", "general")]
    if kind_for_template(template) != data.get("kind", Kind.GENERAL):
        raise ValueError(f"{data['reverse_id']}: a {data.get('kind')} page needs the {data.get('kind')} template")
    page = api.create_page(
        title=data["title"],
        menu_title=data.get("menu_title"),
        template=template,
        language=LANGUAGE,
        slug=data.get("slug"),
        parent=parent,
        reverse_id=data["reverse_id"],
        meta_description=(data.get("meta_description") or "").strip() or None,
        in_navigation=data["reverse_id"] in IN_NAVIGATION,
        # Explicit, so rendering needs no walk up the tree to find the setting.
        xframe_options=constants.X_FRAME_OPTIONS_SAMEORIGIN,
        created_by=user,
    )
    content = page.get_admin_content(LANGUAGE)
    facts = {FACT_FIELDS[key]: str(value).strip() for key, value in (data.get("facts") or {}).items()}
    PageDetails.objects.create(
        extended_object=content,
        summary=(data.get("summary") or "").strip(),
        lists_kind=data.get("lists_kind", ""),
        **facts,
    )
    fill_placeholders(content, data)
    if publish:
        Version.objects.get_for_content(content).publish(user)
    if is_home:
        page.set_as_homepage(user)
    return page


def publish_new_text(page, user, html, slot=None):
    """Do what an editor does to change a published page: make a new draft, replace
    its first text block (in `slot`, or in the first slot that has one, sources
    aside) with `html`, and publish it. Used by tests, the benchmark and the soak."""
    draft = Version.objects.get_for_content(published_content(page, LANGUAGE)).copy(user)
    placeholders = draft.content.get_placeholders().exclude(slot="references")
    if slot:
        placeholders = placeholders.filter(slot=slot)
    placeholder = placeholders.filter(cmsplugin__plugin_type="TextPlugin").first()
    text = placeholder.get_plugins(LANGUAGE).filter(plugin_type="TextPlugin").first().get_bound_plugin()
    text.body = html
    text.save()
    draft.publish(user)
    return draft


def add_block(placeholder, block, language=LANGUAGE):
    """One block of a page file becomes one plugin."""
    ((block_type, value),) = block.items()
    if block_type == "text":
        api.add_plugin(placeholder, "TextPlugin", language, body=value.strip())
    elif block_type == "faq":
        api.add_plugin(
            placeholder, "FAQItemPlugin", language, question=value["question"].strip(), answer=value["answer"].strip()
        )
    elif block_type == "reference":
        api.add_plugin(
            placeholder,
            "ReferencePlugin",
            language,
            title=value["title"].strip(),
            publisher=value["publisher"].strip(),
            year=value.get("year"),
            url=value.get("url", ""),
        )
    elif block_type == "warning":
        api.add_plugin(placeholder, "SafetyWarningPlugin", language, title=value["title"], body=value["body"].strip())
    elif block_type == "dos_and_donts":
        api.add_plugin(
            placeholder,
            "DoDontListPlugin",
            language,
            title=value["title"],
            dos="\n".join(value.get("dos", [])),
            donts="\n".join(value.get("donts", [])),
        )
    elif block_type == "care_card":
        api.add_plugin(
            placeholder,
            "CareCardPlugin",
            language,
            level=value["level"],
            title=value["title"],
            body=value.get("body", "").strip(),
            action_label=value["action_label"],
            action_url=value["action_url"],
        )
    elif block_type == "call_to_action":
        api.add_plugin(
            placeholder,
            "CallToActionPlugin",
            language,
            title=value["title"],
            body=value.get("body", "").strip(),
            action_label=value["link_label"],
            action_url=value["link_url"],
        )
    else:
        raise ValueError(f"Unknown block type {block_type!r}")
