"""The safety contract holds on every public page, the 404 page included."""

from collections import deque

import pytest

from devtools.shell import assert_safety_shell, parse


def crawl(client, start="/"):
    """Every same-site page reachable by links from `start`, with its response."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        pages[path] = response
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for href in parse(response.content).xpath("//a/@href"):
            href = href.split("#")[0]
            if href.startswith("/") and not href.startswith(("/admin", "/static", "//")) and href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


@pytest.mark.django_db
def test_every_linked_page_carries_the_safety_shell(client):
    """Crawling from the home page, every page answers 200 with the full safety shell."""
    pages = crawl(client)
    assert len(pages) >= 30
    for path, response in pages.items():
        assert response.status_code == 200, path
        assert_safety_shell(response.content)


@pytest.mark.django_db
def test_every_published_page_carries_the_safety_shell(client, published_paths):
    """Pages not linked from anywhere still have the shell."""
    assert "/" in published_paths
    for path in published_paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_safety_shell(response.content)


@pytest.mark.django_db
def test_unknown_page_is_a_404_with_the_shell(client):
    """A mistyped address gets a kind 404 page with the crisis banner."""
    response = client.get("/conditions/no-such-page/")
    assert response.status_code == 404
    doc = assert_safety_shell(response.content)
    assert "could not find" in doc.xpath("//h1")[0].text_content()
