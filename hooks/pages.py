"""MkDocs hook: Page facts every reader can trust: required front matter, review dates and sources.

The work is done in induction/pages.py (a normal package: follow the import).
"""

from induction.pages import on_config, on_env, on_files, on_page_content, on_page_markdown  # noqa: F401
