"""MkDocs hook: Facts kept in one place: contact numbers, named people and sources, from `data/*.yml`.

The work is done in induction/facts.py (a normal package: follow the import).
"""

from induction.facts import on_config, on_page_markdown  # noqa: F401
