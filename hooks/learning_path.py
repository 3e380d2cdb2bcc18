"""MkDocs hook: the learning path: reading times under each learning page's title, the home
page's route through the learning pages with its Continue button, the essentials before a
committee meeting, and the "My progress" page's list of learning pages.

The sections are worked out once a build, from the nav and the self-check files, and kept for
the templates in `config.extra.learning_sections`; `config.extra.progress_data` holds what
docs/javascripts/progress.js needs (overrides/main.html writes it on the script's tag). The
pieces are made in induction/learning_path.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from induction.learning_path import (
    ESSENTIALS_MARKER,
    PROGRESS_MARKER,
    check_essentials,
    essentials_markdown,
    learning_pages,
    nav_sections,
    path_pages,
    progress_data,
    progress_table_html,
    with_learning_path,
    with_reading_time,
)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    # the quiz files are read once, by hooks/quizzes.py's on_config, which runs before any on_nav
    sections = nav_sections(nav.items, config.extra.get("quiz_questions", {}))
    config.extra["learning_sections"] = sections
    config.extra["progress_data"] = progress_data(sections)
    check_essentials(config.extra.get("essentials", []), path_pages(sections))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    sections = config.extra.get("learning_sections", [])
    here = page.file.src_uri
    learning = next((p for p in learning_pages(sections) if p["src"] == here), None)
    if learning is not None:
        markdown = with_reading_time(markdown, learning["minutes"])
    markdown = with_learning_path(markdown, sections, here)
    essentials = essentials_markdown(path_pages(sections), config.extra.get("essentials", []), here)
    return markdown.replace(ESSENTIALS_MARKER, essentials)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if PROGRESS_MARKER in html:
        pages = learning_pages(config.extra.get("learning_sections", []))
        html = html.replace(PROGRESS_MARKER, progress_table_html(pages, page.url))
    return html
