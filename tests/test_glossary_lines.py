"""The glossary's messages name the line a trainer must change. An acronym the glossary does not
explain in a quiz file is reported at its line in that file (`quizzes/<file>:<line>: ...`), once,
and never again on the answer key page the build makes from the quiz files (a page trainers must
not edit); a name with HTML in it is reported at the line of that name, and an acronym in a
glossary entry's definition at the definition's line that holds it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from induction.common import DataError
from induction.glossary import EXPLAIN_IT, load_glossary
from induction.quizzes import check_quiz_facts, parse_quiz, warn_unknown_quiz_words
from test_quiz_loader import FILE, GOOD
from test_trainer_check import run_check

GLOSSARY = load_glossary("terms:\n  - term: MASH\n    definition: The hub.\n", "data/glossary.yml")
FACTS = {"contacts": {"team": {"name": "the QZXW team"}}}
# The quiz loader's good quiz, with an explanation folded over two lines (lines 9 to 11)
QUIZ = GOOD.replace(
    "explanation: The hub is where agencies share what they know.",
    "explanation: >-\n      The hub is where agencies\n      share what they know.",
)
SAYS = "'QZXW' looks like an acronym but is not in the glossary"


@pytest.mark.parametrize(
    ("edits", "line"),
    [
        ([("What does MASH", "What does the QZXW")], 3),
        ([("Multi-Area Support Hub", "The QZXW")], 8),
        ([("feedback: Yes.", "feedback: Yes, the QZXW.")], 7),
        ([("share what they know.", "share what the QZXW knows.")], 11),  # its own line, in a folded text
        ([("There were ___ children in care.", "The ___ runs it."), ("answer: 773", "answer: QZXW")], 25),
        # a fact the glossary has not checked: its placeholder's line (a build checks every fact
        # first and names the data file's line instead: test_glossary_facts.py)
        ([("From the slides.", "Ask {{ contacts.team.name }}.")], 26),
        ([("From the slides.", "The QZXW again."), ("What does MASH", "What does the QZXW")], 3),  # once
    ],
)
def test_an_unexplained_acronym_in_a_quiz_is_reported_at_its_line(caplog, edits, line):
    text = QUIZ
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    quiz = parse_quiz(text, FILE)
    with caplog.at_level(logging.WARNING):
        warn_unknown_quiz_words(quiz, GLOSSARY, text, FACTS)
    assert [r.getMessage() for r in caplog.records] == [f"{FILE}:{line}: {SAYS} ({EXPLAIN_IT})"]
    assert caplog.records[0].problem.subject == "QZXW"  # the content check lists the word


def _quiz(edits):
    text = QUIZ
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    return parse_quiz(text, FILE), text


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (
            [("What does MASH", "What does {{ contacts.team.nmae }}")],
            "3: unknown fact '{{ contacts.team.nmae }}'",
        ),
        (
            [("feedback: Yes.", "feedback: No. Call {{ contacts.team.fax }}.")],
            "7: unknown fact '{{ contacts.team.fax }}'",
        ),
        (
            [("Multi-Area Support Hub", '"{contacts.team.name}"')],
            "8: '{contacts.team.name}' has one brace each side",
        ),
        # its own line in a folded text, not the line of 'explanation: >-' (9)
        (
            [("share what they know.", "share what {{ contacts.team.name knows.")],
            "11: '{{ contacts.team.name knows.' opens",
        ),
        (
            [("The hub is where agencies", "The hub is {{ contacts.team.fax }}")],
            "10: unknown fact '{{ contacts.team.fax }}'",
        ),
        (
            [("From the slides.", 'From "{{ contacts.team.name }".')],
            "26: '{{ contacts.team.name }' closes the fact",
        ),
    ],
)
def test_a_fact_typed_wrongly_in_a_quiz_is_reported_at_its_own_line(edits, message):
    quiz, text = _quiz(edits)
    with pytest.raises(DataError) as err:
        check_quiz_facts(quiz, text, FACTS)
    assert str(err.value).startswith(f"{FILE}:{message}")


def test_a_fact_wrapped_over_two_lines_of_a_folded_text_is_filled():
    quiz, text = _quiz(
        [("The hub is where agencies", "Ask {{"), ("share what they know.", "contacts.team.name }}.")]
    )
    check_quiz_facts(quiz, text, FACTS)
    assert quiz.questions[0].explanation == "Ask {{ contacts.team.name }}."


def test_a_quiz_the_glossary_explains_gives_no_warning(caplog):
    quiz = parse_quiz(QUIZ, FILE)
    with caplog.at_level(logging.WARNING):
        warn_unknown_quiz_words(quiz, GLOSSARY, QUIZ, FACTS)
    assert caplog.records == []


ENTRY_SAYS = "the entry 'hub' uses 'QZXW', which is not in the glossary (add it as a term, or spell it out)"
HUB = "terms:\n  - term: hub\n    definition: >-\n      A place where agencies\n      share what they know.\n"


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("share what they know.", "share what the QZXW knows.", 5),  # its own line in a folded text
        ("A place where agencies", "A QZXW place where agencies", 4),
        ("definition: >-\n      A place", "definition: The QZXW place\n      and", 3),  # on the key's line
        ("    definition", "    expansion: The QZXW's hub\n    definition", 3),  # in the expansion
        # the definition's line, not a comment's or a field's above it that has the word too
        ("hub\n    definition: >-\n      A place", "hub\n    # QZXW\n    definition: >-\n\n      A QZXW", 6),
        # not typed as read (a YAML escape): the definition's line, not a line of the next entry
        (
            "definition: >-\n      A place where agencies\n      share what they know.\n",
            'definition: "A \\x51ZXW place"\n  - term: ward\n    # QZXW\n    definition: An area.\n',
            3,
        ),
    ],
)
def test_an_unexplained_acronym_in_an_entry_is_told_at_its_own_line(caplog, old, new, line):
    assert old in HUB
    with caplog.at_level(logging.WARNING):
        load_glossary(HUB.replace(old, new, 1), "data/glossary.yml")
    assert [r.getMessage() for r in caplog.records] == [f"data/glossary.yml:{line}: {ENTRY_SAYS}"]


def plant(project: Path, path: str, old: str, new: str) -> int:
    """Change `old` to `new` in the copied project's file; the line where `old` started."""
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{path} changed: plant the mistake somewhere else"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.build
def test_the_real_build_and_check_name_the_quiz_file_and_line_not_the_answer_key(tmp_path):
    project = copy_project(tmp_path / "project")
    old = 'explanation: "If a child is in immediate danger'
    line = plant(project, "quizzes/thresholds.yml", old, old.replace('"If', '"The QZXW says: if'))
    expected = f"quizzes/thresholds.yml:{line}: {SAYS} ({EXPLAIN_IT})"

    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output  # so the site is not published
    warnings = [x for x in build.output.splitlines() if x.startswith("WARNING")]
    assert [x.split(" -  ", 1)[1] for x in warnings if "QZXW" in x] == [expected], (
        "reproduce: nox -s build -- --strict"
    )
    assert "answer-key" not in build.output

    check = run_check(project, "--html", str(tmp_path / "report.html"))
    assert check.returncode == 1
    assert [x.strip() for x in check.stdout.splitlines() if "QZXW" in x and "ERROR" in x] == [
        f"ERROR   {expected}"
    ]
    assert "answer-key.md" not in check.stdout


@pytest.mark.build
def test_html_in_an_alias_stops_the_real_build_at_the_line_of_the_alias(tmp_path):
    project = copy_project(tmp_path / "project")
    old = "    aliases: [Multi Agency Safeguarding Hub]\n    definition:"
    line = plant(project, "data/glossary.yml", old, old.replace("Hub]", 'Hub, "Hub <b>x</b> hub"]'))
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert (
        f"data/glossary.yml:{line}: 'Hub <b>x</b> hub' (in 'MASH') has < or > in it, which a page reads "
        "as HTML (write plain text: no HTML tags, < or > in a name)"
    ) in build.output, build.output
    assert not list((tmp_path / "site").rglob("*.html")), "no page was written"


@pytest.mark.build
def test_an_acronym_in_a_real_definition_stops_the_build_at_its_own_line(tmp_path):
    project = copy_project(tmp_path / "project")
    old = "      by the council.\n"  # the second line of 'academy school's definition
    line = plant(project, "data/glossary.yml", old, "      by the council or the QZXW.\n")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    says = ENTRY_SAYS.replace("'hub'", "'academy school'")
    assert f"data/glossary.yml:{line}: {says}" in build.output, "reproduce: nox -s build -- --strict"
