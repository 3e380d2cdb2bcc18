"""MkDocs hook: titles and front matter show as text, never as script.

The work is done in induction/escaping.py (a normal package: follow the import).
"""

from induction.escaping import on_config, on_env, on_nav, on_page_markdown  # noqa: F401
