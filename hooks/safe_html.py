"""MkDocs hook: Safe pages: nothing typed into a page can run as script in a reader's browser, or make the

The work is done in induction/safe_html.py (a normal package: follow the import).
"""

from induction.safe_html import on_page_markdown  # noqa: F401
