"""An acronym the glossary does not explain, written in a fact a reader may see (data/contacts.yml,
people.yml, sources.yml), is reported once, at the fact's line in its data file, where the trainer
changes it: not at every page and self-check that shows the fact (it was told six times, at the
pages and quiz lines, and never at the data file). Pages and self-checks are not told of that word
again, so one also typed in a page is told once, at the fact's line. Facts that are glossary terms
are still linked in the pages (test_glossary_build.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from induction.common import parse_yaml
from induction.glossary import EXPLAIN_IT, load_glossary
from test_glossary_lines import plant
from test_trainer_check import run_check

GLOSSARY = "allow: [UK]\nterms:\n  - term: MASH\n    definition: The hub.\n"
CONTACTS = """\
front_door:
  name: "Front door (MASH)"
  when: "9am to 5pm; out of hours via the XYZ desk"
  source: QZV_2025
duty:
  name: "Duty team"
  note: >-
    Ask for the
    QZW line & the XYZ desk.
"""
PEOPLE = 'director:\n  role: "Director"\n  name: "Ann XYZ"\n'
SOURCES = 'slides:\n  title: "The QZT slides"\n  date: "2025"\n  note: "As the BBC said"\n  url: "https://x.uk/QZU-QZV"\n'
FILES = {"data/contacts.yml": CONTACTS, "data/people.yml": PEOPLE, "data/sources.yml": SOURCES}
WHEN = "9am to 5pm; out of hours via the XYZ desk"


def says(line: int, word: str, file: str = "data/contacts.yml") -> str:
    return f"{file}:{line}: '{word}' looks like an acronym but is not in the glossary ({EXPLAIN_IT})"


# every field a reader may see, each word at its own line (a folded note: the line with the word),
# a word in two facts at each; never a source's note or url, nor a contact's source key
TOLD = [
    says(3, "XYZ"),
    says(9, "QZW"),
    says(9, "XYZ"),
    says(3, "XYZ", "data/people.yml"),
    says(2, "QZT", "data/sources.yml"),
]


@pytest.mark.parametrize(
    ("shown", "unknown"),
    [
        ([], []),  # told at the facts' lines whether or not a page shows them
        ([f"Open {WHEN}."], [[]]),  # a page that shows a fact is not told
        ([f"Open {WHEN}."] * 6, [[]] * 6),  # nor six pages and self-checks
        ([f"See the QZT slides. Open {WHEN}."], [[]]),  # a word also typed in a page: told once, at the fact
        (["Ask for the QZW line &amp; the XYZ desk."], [[]]),  # a self-check's text (Markdown)
        (["The QZV and BBC desk, MASH, XYZ."], [["QZV", "BBC"]]),  # words no reader sees in a fact
    ],
    ids=["no-page", "shown", "six-times", "typed-too", "self-check", "not-in-a-shown-fact"],
)
def test_a_facts_unexplained_acronym_is_told_once_at_the_facts_line(caplog, shown, unknown):
    glossary = load_glossary(GLOSSARY, "data/glossary.yml")
    facts = {Path(name).stem: parse_yaml(text, name) for name, text in FILES.items()}
    with caplog.at_level(logging.WARNING):
        glossary.check_facts(facts, FILES.__getitem__)
        assert [glossary.unknown_words(text) for text in shown] == unknown
    assert [r.getMessage() for r in caplog.records] == TOLD
    assert [r.problem.subject for r in caplog.records] == [m.split("'")[1] for m in TOLD]


# --- The real build and the check -------------------------------------------------------------

OLD_WHEN = 'when: "9am to 5pm, Monday to Friday"'
NEW_WHEN = 'when: "9am to 5pm, Monday to Friday; out of hours via the QZXV desk"'


def _qzxv(lines: str) -> list[str]:
    return [x for x in lines.splitlines() if "QZXV" in x]


@pytest.mark.build
def test_the_real_build_tells_a_facts_acronym_once_at_the_data_file(tmp_path):
    """front_door.when is shown on four pages and in two self-check files."""
    project = copy_project(tmp_path / "project")
    uses = [  # these tests mean something only while the fact they change is shown widely
        path
        for path in [*(project / "docs").rglob("*.md"), *(project / "quizzes").glob("*.yml")]
        if "trainers" not in path.parts and "contacts.front_door.when" in path.read_text(encoding="utf-8")
    ]
    assert len(uses) >= 4, uses
    line = plant(project, "data/contacts.yml", OLD_WHEN, NEW_WHEN)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output  # strict: the site is not published
    assert [x.split(" -  ", 1)[1] for x in _qzxv(build.output)] == [says(line, "QZXV")], build.output


@pytest.mark.build
def test_the_check_tells_a_facts_acronym_once_at_the_data_file(tmp_path):
    project = copy_project(tmp_path / "project")
    line = plant(project, "data/contacts.yml", OLD_WHEN, NEW_WHEN)
    check = run_check(project, "--html", str(tmp_path / "report.html"))
    assert check.returncode == 1, check.stdout + check.stderr
    errors = [x.strip() for x in check.stdout.splitlines() if x.startswith("  ERROR")]
    assert errors == [f"ERROR   {says(line, 'QZXV')}"], check.stdout
    assert "not in the glossary: QZXV" not in check.stdout  # no page is said to have it
    assert "Summary: 1 error," in check.stdout


@pytest.mark.build
def test_the_word_also_typed_in_a_page_and_a_self_check_is_told_once_at_the_data_file(tmp_path):
    """Adding the word to the glossary (or spelling it out) mends all three places."""
    project = copy_project(tmp_path / "project")
    line = plant(project, "data/contacts.yml", OLD_WHEN, NEW_WHEN)
    plant(project, "docs/contacts.md", "- Office hours (", "- Office hours at the QZXV desk (")
    plant(project, "quizzes/thresholds.yml", '"No. The front door', '"No. The QZXV front door')
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert [x.split(" -  ", 1)[1] for x in _qzxv(build.output)] == [says(line, "QZXV")], build.output
