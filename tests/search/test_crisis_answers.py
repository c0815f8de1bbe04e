"""A crisis search shows the site's own crisis answers first, under the crisis card:
Get help now, then the answer about what was searched for (suicide or overdose), never
an unrelated snippet as the top hit."""

import pytest

from devtools.shell import parse
from search.engine import search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query, language, first_three",
    [
        ("kill myself", "en", ["Get help now", "What if they talk about suicide?", "What should I do if I think"]),
        ("overdose", "en", ["Get help now", "What should I do if I think", "What if they talk about suicide?"]),
        ("want to die", "en", ["Get help now", "What if they talk about suicide?", "What should I do if I think"]),
        ("quiero morir", "es", ["Ayuda ahora", "¿Qué hago si habla de suicidio?", "¿Qué hago si creo que alguien"]),
        ("sobredosis", "es", ["Ayuda ahora", "¿Qué hago si creo que alguien", "¿Qué hago si habla de suicidio?"]),
    ],
)
def test_crisis_searches_put_the_crisis_answers_first(query, language, first_three):
    outcome = search(query, language)
    assert outcome.crisis
    titles = [result.title for result in outcome.results[:3]]
    assert [title[: len(expected)] for title, expected in zip(titles, first_three, strict=True)] == first_three


def test_the_crisis_card_comes_before_the_first_answer_on_the_page(client):
    doc = parse(client.get("/search/?q=kill+myself").content)
    main = doc.xpath('//main[@id="main"]')[0]
    text = " ".join(main.text_content().split())
    assert text.index("988") < text.index("Get help now") < text.index("What if they talk about suicide?")


def test_ordinary_searches_are_left_as_they_rank():
    outcome = search("xanax", "en")
    assert not outcome.crisis
    assert outcome.results[0].title == "Benzodiazepine use disorder"
