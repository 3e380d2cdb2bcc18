"""MkDocs hook: Trainer-only notes: kept in the Markdown, never shown to learners.

The work is done in induction/trainer_notes.py (a normal package: follow the import).
"""

from induction.trainer_notes import on_config, on_page_content, on_page_markdown  # noqa: F401
