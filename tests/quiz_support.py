"""Shared by the quiz tests: a fixture project with the real hooks, templates and assets."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT

QUIZ_FIXTURE = FIXTURES / "quiz"
QUIZ_ASSETS = ("stylesheets/self-check.css", "javascripts/self-check.js")


def quiz_project(dest: Path, fixture: Path = QUIZ_FIXTURE) -> Path:
    """Copy the quiz fixture to `dest`, with the real hooks/, overrides/, data/, site CSS and JS."""
    shutil.copytree(fixture, dest)
    for part in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / folder, dest / "docs" / folder)
    shutil.copy2(ROOT / "quizzes" / "interface-text.en-GB.po", dest / "quizzes")
    return dest
