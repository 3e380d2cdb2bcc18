"""MkDocs hook: the self-checks' buttons and messages in UK English, from `quizzes/interface-text.en-GB.po`.

Before any page is built, each translation file named under mkdocs_quiz's `custom_translations`
is checked (induction/quiz_interface_text.py says what for: follow the import).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from induction.quiz_interface_text import check_interface_files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("mkdocs_quiz")
    if plugin is not None:  # without it, hooks/quizzes.py stops the build and says so
        root = Path(config.config_file_path).parent
        check_interface_files(root, plugin.config.get("custom_translations") or {})
    return config
