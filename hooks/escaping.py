"""MkDocs hook: titles and front matter show as text, never as script.

MkDocs runs Jinja with autoescape off, and Material writes titles and front matter as they are.
So the build stops when front matter or a menu title holds markup, or when the hooks that check
pages and files are missing from `hooks:`. Then every title and front matter text becomes
escaped Markup: the menu's once the other hooks have read it (the last on_nav), the pages' just
before the templates run (on_env). No state is kept between events. The rules are in
induction/escaping.py.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from induction.common import page_source
from induction.escaping import (
    check_front_matter_text,
    check_hooks,
    check_menu_and_settings,
    escape_menu_titles,
    escape_pages,
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    check_hooks(config)
    return config


@event_priority(-100)  # last: the other hooks read the menu's titles as the trainer wrote them
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    check_menu_and_settings(nav, config)
    escape_menu_titles(nav.items)
    return nav


@event_priority(100)  # before the other hooks use the front matter
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    display, raw = page_source(page)
    check_front_matter_text(page.meta, raw, display)
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    escape_pages(pages)
    return env
