"""MkDocs hook: Self-check quizzes: trainers write questions in `quizzes/*.yml`; each page shows its own.

The work is done in induction/quizzes.py (a normal package: follow the import).
"""

from induction.quizzes import on_config, on_files, on_nav, on_page_content, on_page_markdown, on_post_build  # noqa: F401
