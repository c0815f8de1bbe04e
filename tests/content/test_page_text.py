"""A page's text as plain sentences (content.page_text), for the reading grade and search."""

from content.page_text import html_to_text


def test_headings_and_list_items_end_as_sentences():
    """Block boundaries count as sentence ends, so a heading is not glued to its paragraph."""
    text = html_to_text("<h2>Signs</h2><p>You may feel <strong>tired</strong>.</p><ul><li>Sleep</li><li>Mood</li></ul>")
    assert text == "Signs. You may feel tired. Sleep. Mood."
