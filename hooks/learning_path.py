"""MkDocs hook: The learning path: reading times, the home page's route through the sections, and the

The work is done in induction/learning_path.py (a normal package: follow the import).
"""

from induction.learning_path import on_nav, on_page_content, on_page_markdown  # noqa: F401
