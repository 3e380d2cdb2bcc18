"""MkDocs hook: the glossary. These handlers read data/glossary.yml, hand the entries to the
Python-Markdown extension that links them (induction/glossary.py), write the Glossary page's A to
Z as Markdown with the pages that use each term, and warn about unexplained acronyms.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from induction.common import DataError, page_source, read_source, relative_display
from induction.escaping import nav_file, nav_title_lines
from induction.facts import check_data_numbers
from induction.front_matter import front_matter_line
from induction.glossary import (
    DATA_FILE,
    GLOSSARY_PAGE,
    MARKER,
    MARKER_HINT,
    Glossary,
    GlossaryExtension,
    check_see_links,
    glossary_markdown,
    load_glossary,
    warn_unknown_words,
)
from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "hooks/glossary.py's on_files, which puts the Glossary page last in Files because MkDocs 1.6 "
    'converts the pages in that order (undocumented), so that its "Used on" lists are complete',
)


class GlossaryBuild:
    """One build's glossary: the entries, the extension (it keeps what each page links), the nav."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.extension = GlossaryExtension(glossary)
        self.nav: list[str] = []


_build: GlossaryBuild | None = None  # made afresh by on_config each build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    root = Path(config.config_file_path).parent
    path = root / DATA_FILE
    if not path.exists():
        raise DataError(DATA_FILE, None, "the glossary file is missing", f"restore {DATA_FILE}")
    if "attr_list" not in config.markdown_extensions:
        raise DataError(
            "mkdocs.yml",
            None,
            "the glossary needs the attr_list Markdown extension",
            "list attr_list under markdown_extensions",
        )
    _build = GlossaryBuild(load_glossary(read_source(path), DATA_FILE))
    config.markdown_extensions.append(_build.extension)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    # After hooks/facts.py read the facts (on_config), before hooks/quizzes.py checks self-checks (on_files)
    root = Path(config.config_file_path).parent
    facts = config.extra.get("facts") or {}
    _build.glossary.check_facts(facts, lambda name: read_source(root / name, name))
    shown = [  # its names (the term, what it stands for, other names: "Also written") and definition
        (e.lines.get(key, e.line), f"the entry '{e.term}'", _joined(getattr(e, key)))
        for e in _build.glossary.entries
        for key in ("term", "expansion", "aliases", "plurals", "definition")  # each at its own line
    ]
    check_data_numbers(shown, facts.get("contacts") or {}, DATA_FILE)


@event_priority(-100)  # after every other on_files handler, so the glossary page stays last
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    page = files.get_file_from_path(GLOSSARY_PAGE)
    if page is None:
        raise DataError(f"docs/{GLOSSARY_PAGE}", None, "the glossary page is missing", MARKER_HINT)
    check_see_links(_build.glossary, {f.src_uri for f in files.documentation_pages()})
    # Pages are converted in this order: the glossary last, so its "Used on" lists are complete.
    files.remove(page)
    files.append(page)
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _build.nav = [p.file.src_uri for p in nav.pages]
    # The menu's titles show on every page: an acronym there is told at its title's line.
    path = nav_file(Path(config.config_file_path))
    text = read_source(path)
    for title, line in nav_title_lines(text).items():
        if unknown := _build.glossary.unknown_words(title):
            warn_unknown_words(unknown, relative_display(path, path.parent), text, line)
    return nav


@event_priority(-100)  # last, just before MkDocs converts the page: the links go in then
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.file.url)
    _build.extension.start(url, linking=src != GLOSSARY_PAGE)
    # The description shows in search results and under links to the page (not linked there).
    unknown = _build.glossary.unknown_words(str(page.meta.get("description") or ""))
    if unknown and page.file.abs_src_path:
        display, raw = page_source(page)
        warn_unknown_words(unknown, display, raw, front_matter_line(raw, "description"))
    if src != GLOSSARY_PAGE:
        return markdown
    if MARKER not in markdown:
        raise DataError(f"docs/{GLOSSARY_PAGE}", None, f"the page has no {MARKER} line", MARKER_HINT)
    pages = {f.src_uri: f.page for f in files.documentation_pages() if f.page}
    used_on: dict[str, list[str]] = {}  # entry id -> the learners' pages that link it, in nav order
    # Not a page left out of the learners' search (the trainer guide): a learner is not sent there.
    for src in (src for src in _build.nav if not pages[src].meta.get("search", {}).get("exclude")):
        for entry in _build.extension.used_by.get(src, ()):
            used_on.setdefault(entry.id, []).append(src)
    titles = {src: page.title for src, page in pages.items() if page.title}
    return markdown.replace(MARKER, glossary_markdown(_build.glossary, used_on, titles), 1)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    linked = _build.extension.take(src)
    # A page the build writes (the answer key) is checked in the files it is made from, at their lines.
    if linked.unknown and page.file.abs_src_path:
        warn_unknown_words(linked.unknown, f"docs/{src}", read_source(page.file.abs_src_path))
    if src == GLOSSARY_PAGE:  # its side contents list the letters, not every entry
        items = list(page.toc)
        while items:
            item = items.pop()
            if item.id.startswith("letter-"):
                item.children = []
            items += item.children
    return html


def _joined(value: str | tuple[str, ...]) -> str:
    return value if isinstance(value, str) else "\n\n".join(value)
