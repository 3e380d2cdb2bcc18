"""MkDocs hook: nothing typed into a page can run as script in a reader's browser, or make the
reader's browser fetch anything from another website.

The rules are in induction/safe_html.py. Its Markdown extension, `SafeHtml`, judges each page
inside MkDocs' own conversion of it; this hook switches it on for the build and gives it each
page's Markdown as the trainer wrote it, for the lines in messages. The first problem stops the
build with the file and line.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from induction.common import page_source
from induction.front_matter import body_line_offset
from induction.safe_html import SafeHtml


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(SafeHtml())  # one per build: it holds the page being built
    return config


@event_priority(100)  # first: the trainer's own Markdown, before any hook or plugin adds to it
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    judge = next(e for e in config.markdown_extensions if isinstance(e, SafeHtml))
    judge.start(markdown, lambda: _where(page))
    return markdown


def _where(page: Page) -> tuple[str, int]:
    """The page's name in messages and how many lines its front matter takes."""
    display, raw = page_source(page)
    return display, body_line_offset(raw)
