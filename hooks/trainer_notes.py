"""Trainer-only notes: kept in the Markdown, never shown to learners.

A trainer writes a note for other trainers (a doubt in a source, a figure to re-check) as

    !!! trainer "Check this figure"
        The slide says "22,00 contacts"; we show 22,000. Confirm with the front door.

The build takes every such block out of the learner's page before the page is written or added
to the search index, and keeps it (page, title, text) for the trainer pack.

Trainer view: with the environment variable INDUCTION_TRAINER_VIEW=1 (`nox -s serve-trainer`)
the notes stay on the page, marked "Trainer note - not shown to learners". A build in trainer
view logs a warning, so a strict build (`nox -s build`, the export) refuses to make one: a site
with trainer notes in it cannot be published by mistake.
"""

from __future__ import annotations

import logging
import os

from bs4 import BeautifulSoup
from mkdocs.plugins import event_priority

from _common import NOTE_CLASS

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
VIEW_ENV = "INDUCTION_TRAINER_VIEW"
VIEW_SUFFIX = "(trainer view)"
VIEW_LABEL = "Trainer note \N{EM DASH} not shown to learners"
VIEW_CLASSES = ("warning", "trainer-view")  # Material's warning colours; no extra CSS needed
