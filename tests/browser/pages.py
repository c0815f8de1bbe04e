"""One page of every kind, for the browser checks."""

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
}

WIDTHS = (390, 1280)
