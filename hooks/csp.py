"""MkDocs hook: Content-Security-Policy: a reader's browser runs only the script files the site ships.

The work is done in induction/csp.py (a normal package: follow the import).
"""

from induction.csp import on_config, on_post_build, on_post_page, on_post_template, on_startup  # noqa: F401
