"""Quiz values a reader sees are published exactly as the trainer typed them.

YAML reads a value typed without quotes that looks like a number, a time, a date, yes or no, or
null as that kind of value: `answer: 9:30` is the number 570 and `text: 077` is 63. The quiz
loader (induction.quizzes.parse_quiz, which the build and the content check both use) takes
each text a reader sees from the YAML as typed, and a `correct:` value that is not true or
false is shown in its message as typed, quotes included."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project, run_build
from induction import quizzes as q
from induction.common import DataError

FILE = "quizzes/t.yml"

# One quiz with a slot for each text a reader sees; every other slot holds plain words.
TEMPLATE = """\
page: services/front-door.md
questions:
  - question: {question}
    options:
      - text: {text}
        correct: true
        feedback: {feedback}
      - text: Something else
    explanation: {explanation}
    section: {section}
  - question: The front door opens at ___ on weekdays.
    type: fill-in
    answer: {answer}
    explanation: From the page.
    section: Key takeaways
  - question: Pick one.
    options: [{{text: {text}, correct: true, feedback: {feedback}}}, {{text: Other}}]
    explanation: Because.
    section: Key takeaways
"""
WORDS = {
    "question": "What is it?",
    "text": "An answer",
    "feedback": "Yes.",
    "explanation": "Because.",
    "section": "What it is",
    "answer": "Emergency",
}

# (as typed, what YAML would make of it without the fix)
FORMS = [
    ("9:30", 570),  # sexagesimal
    ("077", 63),  # octal
    ("1.50", 1.5),
    ("1_000", 1000),
    ("0x1F", 31),
    ("1e3", "1e3"),  # PyYAML needs a dot for a float: text already
    ("1.0e3", 1000.0),
    ("12", 12),
    ("-5", -5),
    (".5", 0.5),
    ("yes", True),
    ("No", False),
    ("on", True),
    ("OFF", False),
    ("true", True),
    ("2025-04-01", "a date"),
    ("2025-04-01 10:00", "a date and time"),
    ("null", None),
    ("~", None),
    (".inf", float("inf")),
]


def load(**values: str) -> q.Quiz:
    return q.parse_quiz(TEMPLATE.format(**{**WORDS, **values}), FILE)


def shown(quiz: q.Quiz) -> dict[str, str]:
    """Each slot's text as the quiz holds it (the flow-style option too)."""
    first, blank, flow = quiz.questions
    return {
        "question": first.text,
        "text": first.options[0].text,
        "feedback": first.options[0].feedback,
        "explanation": first.explanation,
        "section": first.section,
        "answer": blank.answer,
        "flow text": flow.options[0].text,
        "flow feedback": flow.options[0].feedback,
    }


@pytest.mark.parametrize("field", ["question", "text", "feedback", "explanation", "section"])
@pytest.mark.parametrize(("typed", "yaml_value"), FORMS, ids=[typed for typed, _ in FORMS])
def test_each_text_a_reader_sees_is_kept_as_typed(field, typed, yaml_value):
    texts = shown(load(**{field: typed}))
    assert texts[field] == typed
    if field in ("text", "feedback"):
        assert texts[f"flow {field}"] == typed


BLANK_FORMS = [form for form in FORMS if form[0] != "~"]


@pytest.mark.parametrize(("typed", "yaml_value"), BLANK_FORMS, ids=[typed for typed, _ in BLANK_FORMS])
def test_a_blanks_answer_is_kept_as_typed(typed, yaml_value):
    assert shown(load(answer=typed))["answer"] == typed


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ('"9:30"', "9:30"),
        ("'077'", "077"),
        ('"1.50"', "1.50"),
        ("Multi-Agency Safeguarding Hub", "Multi-Agency Safeguarding Hub"),
        ("Half past 9:30am", "Half past 9:30am"),  # text to YAML already
    ],
)
def test_text_in_quotes_and_plain_words_are_unchanged(typed, text):
    texts = shown(load(text=typed, answer=typed))
    assert (texts["text"], texts["answer"]) == (text, text)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        (
            "answer",
            "~",
            "quizzes/t.yml:13: question 2's answer '~' has characters that do not work in a blank "
            "(use only letters, numbers, spaces and . , ' - / % £ :)",
        ),
        (
            "answer",
            "",
            "quizzes/t.yml:13: question 2 has an empty blank "
            "(write the expected answer after 'answer:', e.g. answer: \"773\")",
        ),
        (
            "explanation",
            "",
            "quizzes/t.yml:9: question 1 has no explanation "
            "(write 'explanation: ' and, in plain English, why the right answer is right)",
        ),
        (
            "question",
            "[9:30]",
            "quizzes/t.yml:3: question 1: 'question' is not text "
            "(write 'question: ' and the question, in quotes)",
        ),
    ],
    ids=["tilde in a blank", "empty blank", "empty explanation", "a list"],
)
def test_values_that_are_not_text_as_typed_still_stop_the_build(field, typed, message):
    with pytest.raises(DataError) as error:
        load(**{field: typed})
    assert str(error.value) == message


REMOVE = "remove the quotes: write 'correct: true' on right answers and leave it out on the others"
WRITE = "write 'correct: true' on right answers and leave it out on the others"


@pytest.mark.parametrize(
    ("typed", "shown_as", "expected"),
    [
        ('"true"', '"true"', REMOVE),
        ("'true'", "'true'", REMOVE),
        ('"True"', '"True"', REMOVE),
        ('"false"', '"false"', REMOVE),
        ('"yes"', '"yes"', REMOVE),
        ("right", "right", WRITE),
        ("1", "1", WRITE),
        ("0.5", "0.5", WRITE),
        ("2025-04-01", "2025-04-01", WRITE),
        ("null", "null", WRITE),
        ("", "", WRITE),
        ("[true]", "[True]", WRITE),  # not a scalar: shown as read
        ("{a: b}", "{'a': 'b'}", WRITE),
    ],
)
def test_correct_that_is_not_true_or_false_is_named_as_typed(typed, shown_as, expected):
    text = TEMPLATE.format(**WORDS).replace("        correct: true\n", f"        correct: {typed}\n", 1)
    with pytest.raises(DataError) as error:
        q.parse_quiz(text, FILE)
    assert str(error.value) == f"quizzes/t.yml:6: question 1, option 1 has 'correct: {shown_as}' ({expected})"


def test_the_content_checks_reader_keeps_values_as_typed(tmp_path):
    """check/report.py lists quiz problems and counts questions through read_quiz_files."""
    folder = tmp_path / "quizzes"
    folder.mkdir()
    (folder / "a.yml").write_text(TEMPLATE.format(**{**WORDS, "text": "077", "answer": "9:30"}), "utf-8")
    broken = TEMPLATE.format(**WORDS).replace("correct: true\n", 'correct: "true"\n', 1)
    (folder / "b.yml").write_text(broken.replace("front-door", "fostering"), "utf-8")
    files = q.read_quiz_files(folder, tmp_path)
    [quiz] = files.quizzes
    assert (quiz.questions[0].options[0].text, quiz.questions[1].answer) == ("077", "9:30")
    assert [str(error) for error in files.errors] == [
        f"quizzes/b.yml:6: question 1, option 1 has 'correct: \"true\"' ({REMOVE})"
    ]


# --- The real site -----------------------------------------------------------------------------

THRESHOLDS = Path("quizzes/thresholds.yml")
# (line in the real quiz file, the same line with a value typed without quotes)
PLANTED = [
    ("      - text: Go to the house to check on the child.", "      - text: 077"),
    (
        "        feedback: No. Do not investigate yourself; call the emergency number.",
        "        feedback: 1.50",
    ),
    ("    answer: significant", "    answer: 9:30"),
]


def plant(project: Path, changes: list[tuple[str, str]]) -> None:
    path = project / THRESHOLDS
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old + "\n") == 1, f"{THRESHOLDS}: the test's line moved: {old!r}"
        text = text.replace(old + "\n", new + "\n")
    path.write_text(text, encoding="utf-8")


@pytest.mark.build
def test_values_typed_without_quotes_are_published_as_typed(tmp_path):
    project = copy_project(tmp_path / "project")
    plant(project, PLANTED)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    quizzes = build.html("thresholds/index.html").select("div.quiz")
    first, blank = quizzes[0], quizzes[5]
    assert blank.select_one("input.quiz-blank-input")["data-answer"] == "9:30"
    assert [label.get_text(" ", strip=True) for label in first.select("label")][1] == "077"  # option 2
    assert [f.get_text(strip=True) for f in first.select(".answer-feedback")][1] == "1.50"
    key = build.html("about/answer-key/index.html").select_one("article")
    items = [li.get_text(" ", strip=True) for li in key.select("li")]
    assert "✓ Answer: 9:30" in items
    assert "✗ 077 Feedback: 1.50" in items


@pytest.mark.build
def test_correct_in_quotes_stops_the_real_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    first = '      - text: "Call {{ contacts.emergency.phone }} now."\n'
    plant(project, [(first + "        correct: true", first + '        correct: "true"')])
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert (
        f"quizzes/thresholds.yml:11: question 1, option 3 has 'correct: \"true\"' ({REMOVE})" in build.output
    ), build.output
    assert not list((tmp_path / "site").rglob("*.html"))
