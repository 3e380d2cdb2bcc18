"""MkDocs hook: facts kept in one place (contacts, people, sources in data/*.yml).

A page writes `{{ contacts.front_door.phone }}` and the reader sees the value from the data file;
templates read the same values as `config.extra.facts`. The files are read and checked once a
build, in on_config; the rules are in induction/facts.py. Its Markdown extension, `UnfilledFacts`,
stops the build at any placeholder still in a page after its conversion (outside code), should
the filling ever take a part of a page for code that Python-Markdown shows as text. `PhoneLinks`
(induction/phone_links.py) makes the contacts' numbers and email in a page's text links, and
`RingsWhatItShows` checks every phone link of the finished page rings a contact. A phone number is
never typed: not into a page's text (its title and description: hooks/pages.py, with the front
matter), a diagram's words (on_files), nor the menu or the settings shown on every page (on_nav).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from induction.common import page_source
from induction.facts import (
    UnfilledFacts,
    check_code_spans,
    check_settings_numbers,
    check_svg_numbers,
    check_typed_numbers,
    fill_placeholders,
    load_facts,
    shows_placeholders,
)
from induction.front_matter import body_line_offset
from induction.phone_links import PhoneLinks, RingsWhatItShows


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    config.extra["facts"] = load_facts(root / "data", root)
    config.markdown_extensions.append(UnfilledFacts())  # one per build: it holds the page being built
    config.markdown_extensions.append(PhoneLinks(config.extra["facts"]["contacts"]))  # tap to call
    config.markdown_extensions.append(RingsWhatItShows(config.extra["facts"]["contacts"]))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in files:  # the words of a diagram are drawn as typed
        if file.abs_src_path and file.src_uri.lower().endswith(".svg"):
            data = Path(file.abs_src_path).read_bytes()
            check_svg_numbers(data, f"docs/{file.src_uri}", config.extra["facts"]["contacts"])
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    check_settings_numbers(config, nav.items, config.extra["facts"]["contacts"])  # on every page
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    display, raw = page_source(page)
    offset = body_line_offset(raw)
    teaches = shows_placeholders(page.file.src_uri)  # the trainer guide: its code shows examples
    contacts = config.extra["facts"]["contacts"]
    for net in config.markdown_extensions:  # the safety nets, each told the page it converts
        if isinstance(net, RingsWhatItShows):
            net.start(markdown, lambda: (display, offset))
        elif isinstance(net, UnfilledFacts):  # which also reads the files a page includes
            net.start(markdown, lambda: (display, offset), None if teaches else contacts)
    if not teaches:
        check_code_spans(markdown, display, offset)
    if page.file.generated_by is None:  # a trainer's page (the answer key has its facts filled in)
        check_typed_numbers(markdown, contacts, display, offset, code_spans=not teaches)
    return fill_placeholders(markdown, config.extra["facts"], display, offset)
