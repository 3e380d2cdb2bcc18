"""MkDocs hook: The glossary: every acronym and specialist term explained where the reader meets it.

The work is done in induction/glossary.py (a normal package: follow the import).
"""

from induction.glossary import on_config, on_files, on_nav, on_page_content, on_page_context, on_page_markdown  # noqa: F401
