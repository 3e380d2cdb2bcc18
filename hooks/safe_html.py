"""MkDocs hook: nothing typed into a page can run as script in a reader's browser, or make the
reader's browser fetch anything from another website.

The trainer's own Markdown is checked first, before any hook or plugin adds HTML of its own; the
first problem stops the build with the file and line. The rules are in induction/safe_html.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from induction.common import DataError, body_line_offset, page_source
from induction.safe_html import check_markdown


@event_priority(100)  # first: the trainer's own Markdown, before any hook or plugin adds HTML
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = check_markdown(markdown, config.markdown_extensions, config.mdx_configs)
    if problems:
        display, raw = page_source(page)
        line, problem, expected = problems[0]
        raise DataError(display, line + body_line_offset(raw) if line else None, problem, expected)
    return markdown
