"""Trainer-only notes: kept in the Markdown, never shown to learners.

A trainer writes a note for other trainers (a doubt in a source, a figure to re-check) as

    !!! trainer "Check this figure"
        The slide says "22,00 contacts"; we show 22,000. Confirm with the front door.

The build takes every such block out of the learner's page before the page is written or added
to the search index, and keeps it (page, title, text) for the trainer pack.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.plugins import event_priority

notes: list[dict] = []


def on_config(config):
    notes.clear()
    return config


@event_priority(50)  # before print-site and any hook that copies page HTML
def on_page_content(html, page, config, files):
    cleaned, found = remove_trainer_notes(html)
    for note in found:
        notes.append({"page": page.file.src_uri, "page_title": page.title, **note})
    return cleaned


def remove_trainer_notes(html: str) -> tuple[str, list[dict]]:
    """Return the HTML without trainer notes, and the notes as {"title", "html"} in page order."""
    if "trainer" not in html:
        return html, []
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for block in soup.select(SELECTOR):
        title = block.find(class_="admonition-title")
        title_text = title.get_text(" ", strip=True) if title else "Trainer note"
        if title:
            title.extract()
        found.append({"title": title_text, "html": block.decode_contents().strip()})
        block.decompose()
    return (str(soup), found) if found else (html, [])


SELECTOR = "div.admonition.trainer, details.trainer"
