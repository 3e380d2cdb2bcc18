"""MkDocs hook: trainer-only notes (`!!! trainer "Title"`), kept in the Markdown, never shown to learners.

The Markdown extension that takes the notes out of each page, and the rules, are in
induction/trainer_notes.py. This hook switches it on for the build (trainer view or not), stops
at a note whose text is not indented, and keeps each page's notes for the trainer pack
(`induction.trainer_notes.build_notes(config)`, read by the export).
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from induction.common import read_source
from induction.front_matter import split_front_matter
from induction.trainer_notes import (
    VIEW_ENV,
    VIEW_SUFFIX,
    TrainerNotes,
    check_note_lines,
    note_left_on_page,
    notes_extension,
    raw_html_note_error,
    searched_in_trainer_view,
    trainer_view,
)

log = logging.getLogger("mkdocs.hooks.trainer_notes")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    show = trainer_view(os.environ)
    config.markdown_extensions.append(TrainerNotes(show=show))  # one per build: it keeps the notes
    config.extra["trainer_view"] = show
    if show:
        config.site_name = f"{config.site_name} {VIEW_SUFFIX}"
        log.warning(
            f"trainer view ({VIEW_ENV}=1): trainer-only notes are shown on the pages "
            f"(preview only: never publish this build; unset {VIEW_ENV} to build the learners' site)"
        )
    return config


@event_priority(100)  # the page as the trainer wrote it, before any hook adds lines
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    check_note_lines(markdown, f"docs/{page.file.src_uri}", lambda: _source(page)[2])
    if config.extra["trainer_view"]:  # trainers search their guide and the answer key here
        page.meta = searched_in_trainer_view(page.meta)
    return markdown


@event_priority(100)  # first after MkDocs converts the page: its notes are the last conversion's
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    notes = notes_extension(config)
    taken = notes.take()
    if taken.in_raw_html:
        _, body, offset = _source(page)
        raise raw_html_note_error(taken.in_raw_html[0], body, f"docs/{page.file.src_uri}", offset)
    if taken.leaked or taken.in_code:  # the last safety net: a note's first line on the page
        _, body, offset = _source(page)
        display = f"docs/{page.file.src_uri}"
        if error := note_left_on_page(taken.leaked, taken.in_code, page.file.src_uri, body, display, offset):
            raise error
    notes.kept.extend({"page": page.file.src_uri, "page_title": page.title, **note} for note in taken.found)
    return html


def _source(page: Page) -> tuple[dict, str, int]:
    """The page file's front matter, body, and how many lines the front matter takes."""
    src = page.file.abs_src_path
    return split_front_matter(read_source(src)) if src else ({}, page.markdown or "", 0)
