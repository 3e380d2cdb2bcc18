"""An acronym the glossary does not explain, written in a fact (data/contacts.yml, people.yml,
sources.yml), is reported once, at the fact's line in its data file, where the trainer changes it:
not again at every page and self-check that shows the fact (it was told six times, at the pages
and quiz lines, and never at the data file). The same word typed in a page is still reported
there. Facts that are glossary terms are still linked in the pages (test_glossary_build.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from induction.common import parse_yaml
from induction.glossary import EXPLAIN_IT, FactText, fact_texts, load_glossary
from test_glossary_lines import plant
from test_trainer_check import run_check

GLOSSARY = "allow: [UK]\nterms:\n  - term: MASH\n    definition: The hub.\n"
CONTACTS = """\
front_door:
  name: "Front door (MASH)"
  when: "9am to 5pm; out of hours via the XYZ desk"
duty:
  name: "Duty team"
  note: >-
    Ask for the
    QZW line & the XYZ desk.
"""
PEOPLE = 'director:\n  role: "Director"\n  name: "Ann XYZ"\n'
RAWS = {"data/contacts.yml": CONTACTS, "data/people.yml": PEOPLE}
WHEN = "9am to 5pm; out of hours via the XYZ desk"


def says(line: int, word: str, file: str = "data/contacts.yml") -> str:
    return f"{file}:{line}: '{word}' looks like an acronym but is not in the glossary ({EXPLAIN_IT})"


def facts() -> dict:
    return {
        "contacts": parse_yaml(CONTACTS, "data/contacts.yml"),
        "people": parse_yaml(PEOPLE, "data/people.yml"),
    }


# --- Every text of the facts files, with its file and line ----------------------------------


def test_fact_texts_names_each_value_with_its_file_and_line():
    found = fact_texts(facts(), RAWS)
    assert [(f.display, f.line, f.text) for f in found] == [
        ("data/contacts.yml", 2, "Front door (MASH)"),
        ("data/contacts.yml", 3, WHEN),
        ("data/contacts.yml", 5, "Duty team"),
        ("data/contacts.yml", 6, "Ask for the QZW line & the XYZ desk."),  # folded: the line of 'note:'
        ("data/people.yml", 2, "Director"),
        ("data/people.yml", 3, "Ann XYZ"),
    ]
    assert found[0].raw is CONTACTS and found[-1].raw is PEOPLE


def _with_tel(data: dict) -> dict:
    data["a"]["tel"] = "999"  # as induction.facts.load_facts adds it to each contact
    return data


@pytest.mark.parametrize(
    ("facts_", "expected"),
    [
        ({}, []),
        ({"contacts": parse_yaml('a:\n  phone: "999"\n', "x")}, [("data/contacts.yml", 2, "999")]),
        # the build adds `tel` to each contact: no line of the file has it
        ({"contacts": _with_tel(parse_yaml('a:\n  phone: "999"\n', "x"))}, [("data/contacts.yml", 2, "999")]),
        (
            {"sources": parse_yaml("a: not a group\nb:\n  date: '2025'\n", "x")},
            [("data/sources.yml", 3, "2025")],
        ),
    ],
    ids=["none", "one", "tel-made-by-the-build", "not-a-group"],
)
def test_fact_texts_leaves_out_what_no_line_of_a_file_holds(facts_, expected):
    assert [(f.display, f.line, f.text) for f in fact_texts(facts_, {})] == expected


# --- Checked texts: a fact's words at the fact's line, once -----------------------------------


@pytest.mark.parametrize(
    ("shown", "unknown", "messages"),
    [
        # a page shows the fact: told at the fact's line, not at the page
        ([f"Open {WHEN}."], [[]], [says(3, "XYZ")]),
        # six pages and self-checks show it: told once
        ([f"Open {WHEN}."] * 6, [[]] * 6, [says(3, "XYZ")]),
        # the same word typed beside the fact is the page's own: told there too
        ([f"Ask the XYZ desk. Open {WHEN}."], [["XYZ"]], [says(3, "XYZ")]),
        # the fact's text wrapped over two lines, with other spaces
        (["Open 9am to 5pm; out of hours\n  via the  XYZ desk."], [[]], [says(3, "XYZ")]),
        # a self-check's text has the fact as Markdown (& as &amp;); each word at its own line
        (["Ask for the QZW line &amp; the XYZ desk."], [[]], [says(8, "QZW"), says(8, "XYZ")]),
        # as a page shows it
        (["Ask for the QZW line & the XYZ desk."], [[]], [says(8, "QZW"), says(8, "XYZ")]),
        # two facts with the word: each at its own line, in the order they are shown
        (["Ann XYZ", WHEN], [[], []], [says(3, "XYZ", "data/people.yml"), says(3, "XYZ")]),
        # no page shows the fact: nothing told (as for a word on no page)
        (["Nothing from a fact here."], [[]], []),
        # a longer word that starts like the fact is not the fact
        ([f"{WHEN}s"], [["XYZ"]], []),
    ],
    ids=[
        "shown",
        "six-times",
        "typed-too",
        "wrapped",
        "quiz-markdown",
        "page",
        "two-facts",
        "unshown",
        "longer",
    ],
)
def test_a_facts_unexplained_acronym_is_told_once_at_the_facts_line(caplog, shown, unknown, messages):
    glossary = load_glossary(GLOSSARY, "data/glossary.yml")
    glossary.watch_facts(fact_texts(facts(), RAWS))
    with caplog.at_level(logging.WARNING):
        assert [glossary.unknown_words(text) for text in shown] == unknown
    assert [r.getMessage() for r in caplog.records] == messages
    assert [r.problem.subject for r in caplog.records] == [m.split("'")[1] for m in messages]


def test_watching_the_facts_again_reports_nothing_by_itself(caplog):
    glossary = load_glossary(GLOSSARY, "data/glossary.yml")
    with caplog.at_level(logging.WARNING):
        glossary.watch_facts(fact_texts(facts(), RAWS))
        glossary.watch_facts(fact_texts(facts(), RAWS))
        assert caplog.records == []
        assert glossary.unknown_words(WHEN) == []
    assert [r.getMessage() for r in caplog.records] == [says(3, "XYZ")]


def test_a_fact_the_glossary_explains_is_not_watched(caplog):
    glossary = load_glossary(GLOSSARY, "data/glossary.yml")
    glossary.watch_facts([FactText("data/contacts.yml", 2, "Front door (MASH)", CONTACTS)])
    with caplog.at_level(logging.WARNING):
        assert glossary.unknown_words("The Front door (MASH) and the QZW") == ["QZW"]
    assert caplog.records == []


# --- The real build and the check -------------------------------------------------------------

OLD_WHEN = 'when: "9am to 5pm, Monday to Friday"'
NEW_WHEN = 'when: "9am to 5pm, Monday to Friday; out of hours via the QZXV desk"'


def _qzxv(lines: str) -> list[str]:
    return [x for x in lines.splitlines() if "QZXV" in x]


@pytest.mark.build
def test_the_real_build_tells_a_facts_acronym_once_at_the_data_file(tmp_path):
    """front_door.when is shown on four pages and in two self-check files."""
    project = copy_project(tmp_path / "project")
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
def test_the_word_typed_in_a_page_and_a_self_check_is_told_there_too(tmp_path):
    project = copy_project(tmp_path / "project")
    line = plant(project, "data/contacts.yml", OLD_WHEN, NEW_WHEN)
    page = plant(project, "docs/contacts.md", "- Office hours (", "- Office hours at the QZXV desk (")
    quiz = plant(project, "quizzes/thresholds.yml", '"No. The front door', '"No. The QZXV front door')
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert sorted(x.split(" -  ", 1)[1] for x in _qzxv(build.output)) == [
        says(line, "QZXV"),
        says(page, "QZXV", "docs/contacts.md"),
        says(quiz, "QZXV", "quizzes/thresholds.yml"),
    ], build.output


def test_the_planted_fact_is_shown_on_pages_and_self_checks():
    """The build tests above mean something only while the fact they change is shown widely."""
    root = Path(__file__).resolve().parent.parent
    assert OLD_WHEN in (root / "data" / "contacts.yml").read_text(encoding="utf-8")
    uses = [
        path
        for path in [*(root / "docs").rglob("*.md"), *(root / "quizzes").glob("*.yml")]
        if "trainers" not in path.parts and "contacts.front_door.when" in path.read_text(encoding="utf-8")
    ]
    assert len(uses) >= 4, uses
