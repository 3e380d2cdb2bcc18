"""MkDocs hook: page facts every reader can trust: required front matter, review dates and sources.

Before anything else reads them, mkdocs.yml must give each key once, every file a trainer edits
must be UTF-8 text and each page's front matter valid YAML, so a mistake there is named with its
line instead of being dropped; in the live preview, a slip in mkdocs.yml is named so too, and
the preview keeps the last good site until it is fixed. A page past its review date, or with an
image whose alt text is missing (and it is not marked `{ .decorative }`) or says nothing
('image', its file name), fails the strict build; so does a table row with a cell missing or one
too many (induction/tables.py), which would put values under the wrong headings, and a menu
entry for a page that is not there. Templates get a `dmy` filter ("22 November 2026").
The rules are pure functions in induction/pages.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from induction.common import DataError, page_source, read_source, warn
from induction.dates import format_date, today
from induction.nav import missing_nav_pages
from induction.pages import (
    FrontMatterFindings,
    check_front_matter,
    check_settings_files,
    image_problem,
    images_without_alt,
    preview_rebuild,
    settings_files,
    trainer_files,
)
from induction.tables import table_problems
from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "hooks/pages.py's on_serve, which puts the settings check in front of each rebuild of the "
    "preview by replacing LiveReloadServer.builder (an attribute MkDocs does not document; its "
    "_build_loop calls it on each change)",
)

log = logging.getLogger("mkdocs.hooks.pages")


@event_priority(100)  # before any plugin or hook reads a trainer's file
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    check_settings_files(config.config_file_path)  # a key twice in mkdocs.yml: MkDocs keeps the last
    root = Path(config.config_file_path).resolve().parent
    for path in trainer_files(root, Path(config.docs_dir)):
        read_source(path, path.relative_to(root).as_posix())  # bytes that are not UTF-8 stop here
    return config


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # Each rebuild of the preview reads mkdocs.yml afresh, before any hook can check it: the
    # server's `builder` (the rebuild it runs on each save) checks it first.
    server.builder = preview_rebuild(builder, config.config_file_path, log)
    return server


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # MkDocs only warns, without a line, about a menu entry for a page that is not there.
    pages = {file.src_uri for file in files.documentation_pages()}
    for display, line, path, close in missing_nav_pages(settings_files(config.config_file_path), pages):
        raise DataError(
            display,
            line,
            f"the menu (nav:) lists '{path}', but there is no page docs/{path}",
            f"write '{close}' if that is the page you mean"
            if close
            else "check the spelling and the folder against the files in docs/, or take the line out",
        )
    # MkDocs reads front matter itself and drops it silently when it is not valid YAML; read and
    # check every page's here first, so the trainer is told what is wrong and on which line (and
    # the content check lists every page's problems from this reading: FrontMatterFindings).
    written = [(f"docs/{file.src_uri}", file.abs_src_path) for file in files.documentation_pages()]
    facts = config.extra.get("facts", {})
    found = FrontMatterFindings.of(
        ((display, read_source(path, display)) for display, path in written if path),
        facts.get("sources", {}),
        today(),
        facts.get("contacts", {}),
    )
    config.extra["front_matter"] = found  # this build's: on_page_markdown and the check read it
    first = found.first()
    if first is not None:
        raise first
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["dmy"] = format_date
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    display, raw = page_source(page)
    found = config.extra["front_matter"]
    overdue = found.overdue.get(display)
    if display not in found.problems:  # a page a hook made (the Glossary, the answer key): checked here
        sources = config.extra.get("facts", {}).get("sources", {})
        problems, overdue = check_front_matter(page.meta, display, sources, today(), raw)
        if problems:
            raise DataError(*problems[0])
    for line, problem, expected in table_problems(raw)[:1]:  # a value under the wrong heading
        raise DataError(display, line, problem, expected)
    if overdue:
        warn(log, overdue)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A warning, not an error: strict builds fail, and the check's build goes on to the links.
    missing = images_without_alt(html)
    if missing and page.file.abs_src_path:
        display, raw = page_source(page)
        for src, alt in dict.fromkeys(missing):
            warn(log, DataError(*image_problem(display, raw, src, alt)))
    return html
