"""A list item out of line in a settings, data or quiz file is named at its own line, with the
indent to give it: a menu entry moved two spaces to the left was told as "carries on the text of"
the entry above it (with advice to add quotes), one moved two spaces to the right as "not under a
name" (with advice to indent it further), and an entry with no space after its '-' was told to
start its '-' where it already was. The first item of a list moved right was told at the line
after it, with advice to line that line up with it (so each fix moved the error down the file), a
question moved right in a quiz file was told to indent further, and a menu section that lost the
':' after its name ('- Services') was told at the first entry under it, as indented too far.

A review found these by breaking copies of the project; the slips here are planted in the real
mkdocs.yml and a real quiz file, at lines found (not named), and each must give its exact message,
from `python3 noxfile.py -s build` (or `mkdocs build --strict` for a quiz file) and the check.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, copy_project, run_build
from export.build import build_site
from induction.common import DataError, check_keys_once, parse_yaml
from test_trainer_check import run_check

SETTINGS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
LINES = SETTINGS.split("\n")
MENU_ENTRY = re.compile(r"( *)- [^:]+: \S+\.md")


def middle_entry(lines: list[str]) -> int:
    """The first menu entry inside a section (indented) with an entry of the same list just above
    and below it: where the slips go. Found, not named, so that a trainer who moves or renames
    menu entries does not break these tests."""
    for n in range(1, len(lines) - 1):
        entries = [MENU_ENTRY.fullmatch(line) for line in lines[n - 1 : n + 2]]
        if all(entries) and len({e.group(1) for e in entries}) == 1 and len(entries[1].group(1)) > 2:
            return n
    raise AssertionError("mkdocs.yml's menu has no section with three entries in a row")


AT = middle_entry(LINES)
ITEM = LINES[AT].strip()
INDENT = len(LINES[AT]) - len(LINES[AT].lstrip())
NOT_YAML = "this is not valid YAML:"


SECTION = next(  # the first menu section ('- Services:') with entries under it
    n
    for n, line in enumerate(LINES)
    if re.fullmatch(r" *- [^:]+:", line) and MENU_ENTRY.fullmatch(LINES[n + 1])
)
FIRST = SECTION + 1  # its first entry
FIRST_INDENT = len(LINES[FIRST]) - len(LINES[FIRST].lstrip())
SECTION_NAME = LINES[SECTION].strip().removesuffix(":")  # '- Services'


def slipped(line: str, at: int = AT) -> str:
    return "\n".join([*LINES[:at], line, *LINES[at + 1 :]])


def out_of_line(at: int, indent: int, near: str, column: int, file: str = "mkdocs.yml") -> str:
    return (
        f"{file}:{at + 1}: {NOT_YAML} this list item is indented {indent} spaces, out of line with the other "
        f"items of its list on {near} (start its '-' {column} spaces from the left edge, like the other "
        "items of its list)"
    )


CASES = [
    ("  " + ITEM, AT, out_of_line(AT, 2, f"lines {AT} and {AT + 2}", INDENT)),
    (" " * (INDENT + 2) + ITEM, AT, out_of_line(AT, INDENT + 2, f"lines {AT} and {AT + 2}", INDENT)),
    (
        " " * INDENT + "-" + ITEM[2:],
        AT,
        f"mkdocs.yml:{AT + 1}: {NOT_YAML} this list item has no space after its '-' (write a space "
        f"between the '-' and the text: {ITEM})",
    ),
    # told at the entry after it, to move that one right too (and then the next)
    ("  " + LINES[FIRST], FIRST, out_of_line(FIRST, FIRST_INDENT + 2, f"line {FIRST + 2}", FIRST_INDENT)),
    # told at the first entry under it, as indented further than the line above it
    (
        " " * (len(LINES[SECTION]) - len(LINES[SECTION].lstrip())) + SECTION_NAME,
        SECTION,
        f"mkdocs.yml:{SECTION + 1}: {NOT_YAML} '{SECTION_NAME}' has no ':' after it, so YAML reads the lines "
        f"indented under it as more of its text (write it as '{SECTION_NAME}:', with a ':' at the end, so "
        "that the lines below it are under it)",
    ),
]
IDS = [
    "moved left",
    "moved right",
    "no space after the dash",
    "first entry moved right",
    "section without ':'",
]


@pytest.mark.parametrize(("line", "at", "message"), CASES, ids=IDS)
def test_a_list_item_out_of_line_is_named_at_its_line(line, at, message):
    with pytest.raises(DataError) as error:
        check_keys_once(slipped(line, at), "mkdocs.yml")
    assert str(error.value) == message


def test_the_lines_around_the_slip_are_no_slips():
    assert check_keys_once(SETTINGS, "mkdocs.yml") is not None  # the real settings read as they are


@pytest.mark.build
@pytest.mark.parametrize(("line", "at", "message"), CASES[:2] + CASES[3:], ids=IDS[:2] + IDS[3:])
def test_a_menu_entry_out_of_line_stops_the_build_at_its_line(tmp_path, capsys, line, at, message):
    """As `python3 noxfile.py -s build` runs it (export/build.py reads the settings before MkDocs,
    whose own message gives the parser's words and no advice)."""
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.yml").write_text(slipped(line, at), encoding="utf-8")
    assert build_site(project / "mkdocs.yml", project / "site") == 1
    assert capsys.readouterr().err.strip() == f"ERROR    -  {message}"
    assert not (project / "site").exists()


@pytest.mark.build
def test_the_check_names_a_menu_section_without_its_colon(tmp_path):
    project = copy_project(tmp_path / "project")
    line, at, message = CASES[-1]
    (project / "mkdocs.yml").write_text(slipped(line, at), encoding="utf-8")
    result = run_check(project, "--html", str(tmp_path / "r.html"))
    assert result.returncode == 1, result.stdout
    assert f"ERROR   {message}" in result.stdout, result.stdout


# --- A question or an answer moved right in a quiz file ------------------------------------------

QUIZ = "quizzes/services-fostering.yml"
QUIZ_LINES = (ROOT / QUIZ).read_text(encoding="utf-8").split("\n")
QUESTIONS = [n for n, line in enumerate(QUIZ_LINES) if line.startswith("  - question:")]
OPTIONS = [n for n, line in enumerate(QUIZ_LINES) if line.startswith("      - text:")]


def quiz_slipped(at: int, spaces: int) -> str:
    return "\n".join([*QUIZ_LINES[:at], " " * spaces + QUIZ_LINES[at], *QUIZ_LINES[at + 1 :]])


def _question(at: int, indent: int) -> str:
    return out_of_line(at, indent, f"lines {QUESTIONS[0] + 1} and {QUESTIONS[2] + 1}", 2, QUIZ)


QUIZ_CASES = [
    # was "not under a name (indent it further ...)"
    (QUESTIONS[1], 2, _question(QUESTIONS[1], 4)),
    # was "indented further than the line above it (...; if it carries on the text of the line
    # above, put that whole text in quotes)"
    (QUESTIONS[1], 4, _question(QUESTIONS[1], 6)),
    # the first question and the first answer: told at the line after them, to line that up
    (QUESTIONS[0], 2, out_of_line(QUESTIONS[0], 4, f"line {QUESTIONS[1] + 1}", 2, QUIZ)),
    (OPTIONS[0], 2, out_of_line(OPTIONS[0], 8, f"line {OPTIONS[1] + 1}", 6, QUIZ)),
    (OPTIONS[1], 2, out_of_line(OPTIONS[1], 8, f"lines {OPTIONS[0] + 1} and {OPTIONS[2] + 1}", 6, QUIZ)),
]
QUIZ_IDS = ["question +2", "question +4", "first question", "first answer", "middle answer"]


@pytest.mark.parametrize(("at", "spaces", "message"), QUIZ_CASES, ids=QUIZ_IDS)
def test_a_question_or_answer_moved_right_is_named_at_its_line(at, spaces, message):
    with pytest.raises(DataError) as error:
        parse_yaml(quiz_slipped(at, spaces), QUIZ)
    assert str(error.value) == message


@pytest.mark.build
def test_a_question_moved_right_stops_the_build_and_the_check_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    at, spaces, message = QUIZ_CASES[0]
    (project / QUIZ).write_text(quiz_slipped(at, spaces), encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0, build.output
    assert message in build.output, build.output
    assert not list(build.site.rglob("*.html")), "the failed build wrote pages"
    result = run_check(project, "--html", str(tmp_path / "r.html"))
    assert result.returncode == 1, result.stdout
    assert f"ERROR   {message}" in result.stdout, result.stdout
