"""`.env.example` documents every environment variable the project reads."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# os.environ.get("NAME"…), os.environ["NAME"], env_bool("NAME"…), env_list("NAME"…)
READ = re.compile(r"""(?:environ\.get\(|environ\[|env_bool\(|env_list\()\s*['"]([A-Z][A-Z0-9_]+)['"]""")
SOURCES = ["treatment_site", "content", "safety", "editorial", "search", "plumbing", "bench", "gunicorn.conf.py"]


def variables_read():
    names = set()
    for source in SOURCES:
        path = ROOT / source
        for file in [path] if path.is_file() else path.rglob("*.py"):
            names |= set(READ.findall(file.read_text(encoding="utf-8")))
    return names


def test_env_example_lists_every_variable_the_code_reads():
    """A newcomer or an operator finds every setting in .env.example, set or commented."""
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    read = variables_read()
    assert "DJANGO_SECRET_KEY" in read and "PORT" in read  # the scan itself works
    assert read - documented == set()
