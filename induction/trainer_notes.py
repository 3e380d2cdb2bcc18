"""Trainer-only notes: kept in the Markdown, never shown to learners.

A trainer writes a note for other trainers (a doubt in a source, a figure to re-check) as

    !!! trainer "Check this figure"
        The slide says "22,00 contacts"; we show 22,000. Confirm with the front door.

The build takes every such block out of the learner's page before the page is written or added
to the search index, and keeps it (page, title, text) for the trainer pack. A note whose text is
not indented would be published as an ordinary paragraph, so it stops the build with its line.

Trainer view: with the environment variable INDUCTION_TRAINER_VIEW=1 (`nox -s serve-trainer`)
the notes stay on the page, marked "Trainer note - not shown to learners". A build in trainer
view logs a warning, so a strict build (`nox -s build`, the export) refuses to make one: a site
with trainer notes in it cannot be published by mistake.
"""

from __future__ import annotations

import logging
import os
import re

from bs4 import BeautifulSoup
from mkdocs.plugins import event_priority

from induction.common import NOTE_CLASS, DataError, body_line_offset, lines_outside_code, read_source

log = logging.getLogger("mkdocs.hooks.trainer_notes")

notes: list[dict] = []
_view = {"trainer": False}


def on_config(config):
    notes.clear()
    _view["trainer"] = trainer_view(os.environ)
    config.extra["trainer_view"] = _view["trainer"]
    if _view["trainer"]:
        config.site_name = f"{config.site_name} {VIEW_SUFFIX}"
        log.warning(
            f"trainer view ({VIEW_ENV}=1): trainer-only notes are shown on the pages "
            f"(preview only: never publish this build; unset {VIEW_ENV} to build the learners' site)"
        )
    return config


@event_priority(100)  # the page as the trainer wrote it, before any hook adds lines
def on_page_markdown(markdown, page, config, files):
    src = page.file.abs_src_path
    offset = body_line_offset(read_source(src)) if src else 0
    check_note_text_is_indented(markdown, f"docs/{page.file.src_uri}", offset)
    return markdown


@event_priority(50)  # before print-site and any hook that copies page HTML
def on_page_content(html, page, config, files):
    handle = show_trainer_notes if _view["trainer"] else remove_trainer_notes
    cleaned, found = handle(html)
    for note in found:
        notes.append({"page": page.file.src_uri, "page_title": page.title, **note})
    return cleaned


def trainer_view(environ) -> bool:
    """True when the environment asks for the trainer view (INDUCTION_TRAINER_VIEW=1, yes or true)."""
    return environ.get(VIEW_ENV, "").strip().lower() in ("1", "yes", "true")


def check_note_text_is_indented(markdown: str, display: str, offset: int = 0) -> None:
    """Stop at a trainer note (outside code) whose next line with text is not indented under it:
    Markdown would end the note there and publish that text as an ordinary paragraph."""
    lines = markdown.split("\n")
    for number, line in lines_outside_code(markdown):
        note = NOTE_LINE.match(line.expandtabs(4))
        if not note or NOTE_CLASS not in note.group("classes").lower().split():
            continue
        indent = len(note.group("indent"))
        text = next((nxt.expandtabs(4) for nxt in lines[number:] if nxt.strip()), "")
        if len(text) - len(text.lstrip()) < indent + 4:
            title = note.group("title") or "Trainer"
            raise DataError(
                display,
                number + offset,
                f"the trainer note '{title}' has no indented text, so the text below it would be "
                "published to learners",
                "indent the note's text by four spaces on the lines after the '!!! trainer' line",
            )


def remove_trainer_notes(html: str) -> tuple[str, list[dict]]:
    """Return the HTML without trainer notes, and the notes as {"title", "html"} in page order."""
    return _trainer_notes(html, keep=False)


def show_trainer_notes(html: str) -> tuple[str, list[dict]]:
    """Trainer view: keep each note, titled so nobody mistakes it for learner content."""
    return _trainer_notes(html, keep=True)


def _trainer_notes(html: str, keep: bool) -> tuple[str, list[dict]]:
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
        if keep:
            block["class"] = [*block.get("class", []), *VIEW_CLASSES]
            label = soup.new_tag("summary" if block.name == "details" else "p")
            label["class"] = ["admonition-title"]
            label.string = f"{VIEW_LABEL}: {title_text}"
            block.insert(0, label)
        else:
            block.decompose()
    return (str(soup), found) if found else (html, [])


SELECTOR = f"div.admonition.{NOTE_CLASS}, details.{NOTE_CLASS}"
# The first line of an admonition (`!!! type "Title"`) or a collapsible block (`??? type`, `???+`),
# as Python-Markdown's admonition and pymdownx.details read it: the classes, then a quoted title.
NOTE_LINE = re.compile(
    r'^(?P<indent> *)(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$'
)
VIEW_ENV = "INDUCTION_TRAINER_VIEW"
VIEW_SUFFIX = "(trainer view)"
VIEW_LABEL = "Trainer note \N{EM DASH} not shown to learners"
VIEW_CLASSES = ("warning", "trainer-view")  # Material's warning colours; no extra CSS needed
