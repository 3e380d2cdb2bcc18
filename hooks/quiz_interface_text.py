"""MkDocs hook: The self-checks' buttons and messages in UK English, from `quizzes/interface-text.en-GB.po`.

The work is done in induction/quiz_interface_text.py (a normal package: follow the import).
"""

from induction.quiz_interface_text import on_config  # noqa: F401
