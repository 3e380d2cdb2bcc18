"""MkDocs hook: Safe files: the files under docs/ that MkDocs publishes as they are (pictures, style sheets)

The work is done in induction/safe_files.py (a normal package: follow the import).
"""

from induction.safe_files import on_files  # noqa: F401
