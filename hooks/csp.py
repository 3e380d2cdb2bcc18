"""MkDocs hook: Content-Security-Policy: a reader's browser runs only the script files the site ships.

overrides/main.html writes the policy first in every page's <head>. Every page as it will be
written (404.html too) is read with a parser, and anything inline the policy
would block is a warning naming the page, which fails the strict build. In `mkdocs serve`, the
preview reloads with a script file instead of MkDocs' inline one. The work is in induction/csp.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from induction.csp import inline_code, report, set_policy, write_live_reload

serving = False  # is this run `mkdocs serve`? Set by on_startup, once for the whole run


def on_startup(*, command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    set_policy(config, serving=serving)
    return config


@event_priority(-100)  # last: check the page as it will be written
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    report(f"docs/{page.file.src_uri}", inline_code(output, config.extra["csp"]))
    return output


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        report(template_name, inline_code(output_content, config.extra["csp"]))
    return output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    if serving:
        write_live_reload(config.site_dir)
