"""The quiz loader (hooks/quizzes.py): a good quiz file becomes questions, and every kind of bad
input stops the build with `quizzes/<file>:<line>: what is wrong (what was expected)`."""

from __future__ import annotations

import pytest

from conftest import run_build
from induction import quizzes as q
from induction.common import DataError

FILE = "quizzes/t.yml"

GOOD = """\
page: services/front-door.md
questions:
  - question: What does MASH stand for?
    options:
      - text: Multi-Agency Safeguarding Hub
        correct: true
        feedback: Yes.
      - text: Multi-Area Support Hub
    explanation: The hub is where agencies share what they know.
    section: What the front door does
  - question: Who works there?
    type: multiple
    options:
      - text: Social workers
        correct: true
      - text: Police
        correct: true
      - text: Estate agents
    explanation: Several agencies work side by side.
    section: Who works there
  - question: There were ___ children in care.
    type: fill-in
    answer: 773
    explanation: From the slides.
    section: Key takeaways
"""

OPTIONS_1 = """\
    options:
      - text: Multi-Agency Safeguarding Hub
        correct: true
        feedback: Yes.
      - text: Multi-Area Support Hub
"""


def load(text: str) -> q.Quiz:
    return q.parse_quiz(text, FILE)


def test_a_good_quiz_file_is_read_with_its_questions_and_lines():
    quiz = load(GOOD)
    assert quiz.page == "services/front-door.md"
    assert quiz.file == FILE
    assert [x.kind for x in quiz.questions] == ["single", "multiple", "fill-in"]
    first = quiz.questions[0]
    assert first.text == "What does MASH stand for?"
    assert [(o.text, o.correct, o.feedback) for o in first.options] == [
        ("Multi-Agency Safeguarding Hub", True, "Yes."),
        ("Multi-Area Support Hub", False, ""),
    ]
    assert (first.line, first.section) == (3, "What the front door does")
    assert quiz.questions[2].answer == "773"  # a number in YAML is taken as text, as typed


# (case, text to change in GOOD, replacement, exact message)
BAD = [
    (
        "unknown top-level key",
        "questions:\n",
        "titel: Front door\nquestions:\n",
        "quizzes/t.yml:2: the quiz has an unknown key 'titel' (use only: page, questions)",
    ),
    (
        "no page",
        "page: services/front-door.md\n",
        "",
        "quizzes/t.yml:1: the quiz does not say which page it belongs to "
        "(add 'page: ' and the page's path under docs/, e.g. 'page: services/front-door.md')",
    ),
    (
        "page is not a Markdown path",
        "page: services/front-door.md",
        "page: services/front-door",
        "quizzes/t.yml:1: 'page: services/front-door' is not the path of a page "
        "(write the page's path under docs/, e.g. 'page: services/front-door.md')",
    ),
    (
        "no questions",
        GOOD[GOOD.index("questions:") :],
        "questions: []\n",
        "quizzes/t.yml:2: the quiz has no list of questions "
        "(write 'questions:' and under it each question as '- question: ...')",
    ),
    (
        "fewer than three questions",
        GOOD[GOOD.index("  - question: There were") :],
        "",
        "quizzes/t.yml:3: the quiz has 2 questions (write at least 3)",
    ),
    (
        "question is not a group of fields",
        GOOD[GOOD.index("  - question: There were") :],
        '  - "There were 773 children in care."\n',
        "quizzes/t.yml:3: question 3 is not a group of fields "
        "(start each question with '- question: ...' and indent its other fields under it)",
    ),
    (
        "unknown question key",
        "type: multiple",
        "typ: multiple",
        "quizzes/t.yml:12: question 2 has an unknown key 'typ' "
        "(use only: question, type, options, answer, explanation, section)",
    ),
    (
        "question with no text",
        "question: What does MASH stand for?",
        'question: ""',
        "quizzes/t.yml:3: question 1 has no text (write 'question: ' and the question)",
    ),
    (
        "question text is not text",
        "question: What does MASH stand for?",
        "question: [What, does]",
        "quizzes/t.yml:3: question 1: 'question' is not text "
        "(write 'question: ' and the question, in quotes)",
    ),
    (
        "unknown type",
        "type: multiple",
        "type: several",
        "quizzes/t.yml:12: question 2 has type 'several' (use one of: single, multiple, fill-in)",
    ),
    (
        "no options",
        OPTIONS_1,
        "    options: []\n",
        "quizzes/t.yml:4: question 1 has no options "
        "(write 'options:' and under it at least two '- text: ...', with 'correct: true' on the right one)",
    ),
    (
        "options left out",
        OPTIONS_1,
        "",
        "quizzes/t.yml:3: question 1 has no options "
        "(write 'options:' and under it at least two '- text: ...', with 'correct: true' on the right one)",
    ),
    (
        "only one option",
        "      - text: Multi-Area Support Hub\n",
        "",
        "quizzes/t.yml:5: question 1 has only one option (give at least two options)",
    ),
    (
        "eight options",
        "      - text: Multi-Area Support Hub\n",
        "".join(f"      - text: Answer {n}\n" for n in range(1, 8)),
        "quizzes/t.yml:5: question 1 has 8 options (give at most 7: a longer list is hard to take in on a "
        "phone, and in the large-print handout the question no longer fits on a sheet beside the next one; "
        "split it into two questions)",
    ),
    (
        "option is not a group of fields",
        "- text: Multi-Area Support Hub",
        "- Multi-Area Support Hub",
        "quizzes/t.yml:5: question 1, option 2 is not a group of fields "
        "(write '- text: ...' and, on the right answers, 'correct: true')",
    ),
    (
        "unknown option key",
        "feedback: Yes.",
        "feedbak: Yes.",
        "quizzes/t.yml:7: question 1, option 1 has an unknown key 'feedbak' "
        "(use only: text, correct, feedback)",
    ),
    (
        "option with no text",
        "- text: Multi-Area Support Hub",
        '- text: ""',
        "quizzes/t.yml:8: question 1, option 2 has no text (write 'text: ' and the option)",
    ),
    (
        "correct is not true or false",
        "correct: true\n        feedback",
        'correct: "yes"\n        feedback',
        "quizzes/t.yml:6: question 1, option 1 has 'correct: \"yes\"' "
        "(remove the quotes: write 'correct: true' on right answers and leave it out on the others)",
    ),
    (
        "duplicate option text",
        "- text: Multi-Area Support Hub",
        "- text: multi-agency  safeguarding hub",
        "quizzes/t.yml:8: question 1: options 1 and 2 have the same text 'multi-agency safeguarding hub' "
        "(give each option different words)",
    ),
    (
        "no correct answer",
        "        correct: true\n        feedback: Yes.",
        "        feedback: Yes.",
        "quizzes/t.yml:5: question 1 has no correct answer (mark at least one option 'correct: true')",
    ),
    (
        "single answer with several correct",
        "      - text: Multi-Area Support Hub\n",
        "      - text: Multi-Area Support Hub\n        correct: true\n",
        "quizzes/t.yml:5: question 1 is a single-answer question but 2 options are marked correct "
        "(mark one option correct, or write 'type: multiple')",
    ),
    (
        "multiple answers with one correct",
        "      - text: Police\n        correct: true\n",
        "      - text: Police\n",
        "quizzes/t.yml:14: question 2 is a multiple-answer question but only one option is marked correct "
        "(mark two or more options correct, or write 'type: single')",
    ),
    (
        "multiple answers with every option correct",
        "      - text: Estate agents\n",
        "      - text: Estate agents\n        correct: true\n",
        "quizzes/t.yml:14: question 2 is a multiple-answer question but every option is marked correct "
        "(add at least one wrong option, so the question tests something)",
    ),
    (
        "multiple answers with both of two options correct",
        "      - text: Estate agents\n",
        "",
        "quizzes/t.yml:14: question 2 is a multiple-answer question but every option is marked correct "
        "(add at least one wrong option, so the question tests something)",
    ),
    (
        "fill-in with options",
        "    answer: 773\n",
        "    answer: 773\n    options: []\n",
        "quizzes/t.yml:24: question 3 is a fill-in question, so it cannot have options "
        "(remove 'options:', or change 'type:' to single or multiple)",
    ),
    (
        "fill-in with no blank",
        "There were ___ children",
        "There were some children",
        "quizzes/t.yml:21: question 3 is a fill-in question but its text has no blank "
        "(write three underscores, ___, where the answer goes)",
    ),
    (
        "fill-in with two blanks",
        "There were ___ children",
        "There were ___ children and ___ carers",
        "quizzes/t.yml:21: question 3 has 2 blanks (use one ___ per question)",
    ),
    (
        "empty blank",
        "answer: 773",
        'answer: ""',
        "quizzes/t.yml:23: question 3 has an empty blank "
        "(write the expected answer after 'answer:', e.g. answer: \"773\")",
    ),
    (
        "blank with no answer",
        "    answer: 773\n",
        "",
        "quizzes/t.yml:21: question 3 has an empty blank "
        "(write the expected answer after 'answer:', e.g. answer: \"773\")",
    ),
    (
        "blank answer with markup",
        "answer: 773",
        'answer: "<b>773</b>"',
        "quizzes/t.yml:23: question 3's answer '<b>773</b>' has characters that do not work in a blank "
        "(use only letters, numbers, spaces and . , ' - / % £ :)",
    ),
    (
        "answer on a choice question",
        "    explanation: The hub",
        '    answer: "773"\n    explanation: The hub',
        "quizzes/t.yml:9: question 1 has 'answer:' but is not a fill-in question "
        "(write 'type: fill-in' and a ___ blank, or mark the right option with 'correct: true')",
    ),
    (
        "no explanation",
        "    explanation: The hub is where agencies share what they know.\n",
        "",
        "quizzes/t.yml:3: question 1 has no explanation "
        "(write 'explanation: ' and, in plain English, why the right answer is right)",
    ),
    (
        "no section",
        "    section: What the front door does\n",
        "",
        "quizzes/t.yml:3: question 1 does not name the section of the page it tests "
        "(write 'section: ' and the heading, as it is on the page, e.g. 'section: Key takeaways')",
    ),
    (
        "a key given twice",
        "questions:\n",
        "page: other.md\nquestions:\n",
        "quizzes/t.yml:2: the key 'page' appears twice (give each key once)",
    ),
    (
        "not valid YAML",
        "    explanation: The hub is where",
        "    explanation: The hub: is where",
        "quizzes/t.yml:9: this is not valid YAML: this line has a second ': ' in it "
        "(put text that contains ': ' in quotes: owner: \"Team: fostering\")",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_quiz_files_stop_with_a_message_naming_file_line_and_fix(old, new, message):
    assert old in GOOD
    with pytest.raises(DataError) as error:
        load(GOOD.replace(old, new, 1))
    assert str(error.value) == message


NOT_A_QUIZ = (
    "quizzes/t.yml:1: this file is not a quiz (start with 'page: <page under docs/>' and 'questions:')"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", NOT_A_QUIZ),
        ("- page: a.md\n", NOT_A_QUIZ),
        (
            "page: [a.md\n",
            "quizzes/t.yml:1: this is not valid YAML: the [ ] brackets that open on this line are not "
            "closed, or hold something YAML cannot read (close them with ']' on the same line, separate "
            "the items with ', ' and put an item that contains ': ' or a bracket in quotes)",
        ),
    ],
    ids=["empty file", "a list, not a quiz", "unclosed bracket"],
)
def test_files_that_are_not_quizzes(text, message):
    with pytest.raises(DataError) as error:
        load(text)
    assert str(error.value) == message


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_load_quizzes_reads_every_yml_file_and_ignores_other_files(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "services-front-door.yml", GOOD)
    write(folder, "thresholds.yaml", GOOD.replace("services/front-door.md", "thresholds.md"))
    write(folder, "README.md", "# How to write quizzes")
    write(folder, "interface-text.en-GB.po", 'msgid ""')
    loaded = q.load_quizzes(folder, tmp_path).quizzes
    assert [(x.file, x.page) for x in loaded] == [
        ("quizzes/services-front-door.yml", "services/front-door.md"),
        ("quizzes/thresholds.yaml", "thresholds.md"),
    ]
    assert q.load_quizzes(tmp_path / "missing", tmp_path).quizzes == []


def test_two_quiz_files_for_one_page_is_an_error_naming_both(tmp_path):
    folder = tmp_path / "quizzes"
    write(folder, "a.yml", GOOD)
    write(folder, "b.yml", "# the same page again\n" + GOOD)
    with pytest.raises(DataError) as error:
        q.load_quizzes(folder, tmp_path)
    assert str(error.value) == (
        "quizzes/b.yml:2: there is already a quiz for services/front-door.md in quizzes/a.yml "
        "(keep one quiz file per page: move these questions into that file, or delete one)"
    )


def test_read_quiz_files_reports_every_broken_file_and_keeps_the_good_ones(tmp_path):
    """The content check (check/report.py) lists every problem, not only the build's first."""
    folder = tmp_path / "quizzes"
    write(folder, "a.yml", GOOD)
    write(folder, "b.yml", "page: thresholds.md\n")
    write(folder, "c.yml", "# the same page again\n" + GOOD)
    write(folder, "d.yml", GOOD.replace("services/front-door.md", "thresholds.md"))
    write(folder, "e.yml", "just text")
    files = q.read_quiz_files(folder, tmp_path)
    assert [(quiz.file, quiz.page) for quiz in files.quizzes] == [
        ("quizzes/a.yml", "services/front-door.md"),
        ("quizzes/d.yml", "thresholds.md"),
    ]
    assert [f"{error.path}:{error.line}" for error in files.errors] == [
        "quizzes/b.yml:1",
        "quizzes/c.yml:2",
        "quizzes/e.yml:1",
    ]
    assert files.broken == {"b.yml", "e.yml"}
    with pytest.raises(q.QuizFilesError) as error:
        q.load_quizzes(folder, tmp_path)
    assert str(error.value) == str(files.errors[0])  # the build stops at the first
    assert list(map(str, error.value.files.errors)) == list(map(str, files.errors))  # all, for the check


def test_a_quiz_for_a_page_that_does_not_exist():
    quiz = load(GOOD.replace("services/front-door.md", "front-door.md"))
    with pytest.raises(DataError) as error:
        q.check_pages_exist([quiz], {"index.md", "services/front-door.md"})
    assert str(error.value) == (
        "quizzes/t.yml:1: the page 'front-door.md' does not exist "
        "(write the path of a page under docs/; did you mean 'services/front-door.md'?)"
    )
    q.check_pages_exist([load(GOOD)], {"services/front-door.md"})


NAV = ["index.md", "thresholds.md", "services/front-door.md", "glossary.md", "about/index.md"]


@pytest.mark.parametrize(
    ("with_quiz", "require", "not_needed", "message"),
    [
        ({"thresholds.md", "services/front-door.md"}, True, ["index.md", "glossary.md", "about/*"], None),
        ({"services/front-door.md"}, False, ["index.md"], None),
        (
            {"services/front-door.md"},
            True,
            ["index.md", "glossary.md", "about/*"],
            "docs/thresholds.md: the page is in the nav but has no self-check quiz "
            "(add quizzes/thresholds.yml with 'page: thresholds.md' and at least 3 questions "
            "as quizzes/README.md shows, "
            "or list the page under extra.quizzes.not_needed in mkdocs.yml)",
        ),
        (
            set(),
            True,
            ["index.md", "glossary.md"],
            "docs/thresholds.md: the page is in the nav but has no self-check quiz; 2 more pages have none: "
            "services/front-door.md, about/index.md "
            "(add quizzes/thresholds.yml with 'page: thresholds.md' and at least 3 questions "
            "as quizzes/README.md shows, "
            "or list the page under extra.quizzes.not_needed in mkdocs.yml)",
        ),
        (
            {"thresholds.md", "services/front-door.md"},
            False,
            ["index.md", "glosary.md"],
            "mkdocs.yml: extra.quizzes.not_needed lists 'glosary.md', which matches no page in the nav "
            "(list pages by their path under docs/, e.g. glossary.md or about/*)",
        ),
    ],
    ids=["all present", "not required yet", "one missing", "several missing", "typo in not_needed"],
)
def test_a_page_in_the_nav_without_a_quiz_is_an_error_naming_it(with_quiz, require, not_needed, message):
    if message is None:
        q.check_required(NAV, with_quiz, require, not_needed)
        return
    with pytest.raises(DataError) as error:
        q.check_required(NAV, with_quiz, require, not_needed)
    assert str(error.value) == message


class FakePlugin:
    def __init__(self, **config):
        self.config = {"enabled_by_default": False, "auto_submit": False, "confetti": False, **config}


@pytest.mark.parametrize(
    ("extra", "plugins", "message"),
    [
        (None, {"mkdocs_quiz": FakePlugin()}, None),
        (
            {"require": True},
            {},
            "mkdocs.yml: the mkdocs_quiz plugin is not in 'plugins:', and the self-checks take their "
            "settings and their buttons' words from it "
            "(add '- mkdocs_quiz:' with the settings shown in quizzes/README.md)",
        ),
        (
            None,
            {"mkdocs_quiz": FakePlugin(auto_submit=True)},
            "mkdocs.yml: mkdocs_quiz has auto_submit: true, which answers a question as soon as a keyboard "
            "user presses an arrow key (set auto_submit: false under mkdocs_quiz)",
        ),
        (
            None,
            {"mkdocs_quiz": FakePlugin(enabled_by_default=True)},
            "mkdocs.yml: mkdocs_quiz has enabled_by_default: true, which would let mkdocs-quiz write its "
            "code into pages if hooks/quizzes.py stopped switching it off "
            "(set enabled_by_default: false under mkdocs_quiz)",
        ),
        (
            None,
            {"mkdocs_quiz": FakePlugin(confetti=True)},
            "mkdocs.yml: mkdocs_quiz has confetti: true, which animates the screen "
            "(set confetti: false under mkdocs_quiz)",
        ),
        (
            {"requires": True},
            {"mkdocs_quiz": FakePlugin()},
            "mkdocs.yml: extra.quizzes has an unknown setting 'requires' "
            "(write 'quizzes: {require: true, not_needed: [index.md, about/*]}' under extra:)",
        ),
        (
            {"require": "yes"},
            {"mkdocs_quiz": FakePlugin()},
            "mkdocs.yml: extra.quizzes.require is not true or false "
            "(write 'quizzes: {require: true, not_needed: [index.md, about/*]}' under extra:)",
        ),
    ],
    ids=["defaults", "no plugin", "auto_submit", "enabled_by_default", "confetti", "unknown", "not bool"],
)
def test_settings_are_checked(extra, plugins, message):
    if message is None:
        assert q.read_settings(extra, plugins) == {"require": True, "not_needed": []}
        return
    with pytest.raises(DataError) as error:
        q.read_settings(extra, plugins)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("# Page\n\nText.\n", None),
        ("# Page\n\n```\n<!-- quiz -->\n<quiz>\n```\n", None),
        (
            "# Page\n\n<!-- quiz -->\n",
            "docs/page.md:10: the page has a <!-- quiz --> line but no quiz file names this page "
            "(add a quiz file in quizzes/ with 'page: page.md', or remove the line)",
        ),
        (
            "# Page\n\n<quiz>\nWhy?\n- [x] Yes\n</quiz>\n",
            "docs/page.md:10: the page has a hand-written <quiz> block "
            "(write the questions in a quiz file in quizzes/, as quizzes/README.md shows)",
        ),
        # in a list, a quote, after words, in capitals: readers would see it as broken text (mkdocs-quiz
        # is off); not in a code span, a comment or a trainer note, nor escaped (\<quiz> shows as typed)
        (
            "# Page\n\n- One.\n- <quiz>\n  Why?\n  - [x] Yes\n  </quiz>\n",
            "docs/page.md:11: the page has a hand-written <quiz> block "
            "(write the questions in a quiz file in quizzes/, as quizzes/README.md shows)",
        ),
        (
            "# Page\n\n> Try it: <quiz>Why?</quiz>\n",
            "docs/page.md:10: the page has a hand-written <quiz> block "
            "(write the questions in a quiz file in quizzes/, as quizzes/README.md shows)",
        ),
        ("# Page\n\nWrite no `<quiz>` block.\n\n<!-- <quiz> -->\n", None),
        ('# Page\n\n!!! trainer "Note"\n    Not <quiz> here.\n', None),
        (
            "# Page\n\nText.\n\n<Quiz >\nWhy?\n</quiz>\n",
            "docs/page.md:12: the page has a hand-written <quiz> block "
            "(write the questions in a quiz file in quizzes/, as quizzes/README.md shows)",
        ),
        ("# Page\n\nWrite \\<quiz> to start one, or &lt;quiz&gt;.\n", None),
    ],
    ids=[
        "plain page",
        "examples in code",
        "marker without quiz",
        "hand-written quiz",
        "in a list",
        "in a quote after words",
        "in a code span or comment",
        "in a trainer note",
        "in capitals, with a space",
        "escaped",
    ],
)
def test_pages_without_a_quiz_file_hold_no_quiz_markup(markdown, message):
    if message is None:
        q.check_no_quiz_markup(markdown, "docs/page.md", offset=7)
        return
    with pytest.raises(DataError) as error:
        q.check_no_quiz_markup(markdown, "docs/page.md", offset=7)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("page", "name"),
    [("services/front-door.md", "services-front-door.yml"), ("thresholds.md", "thresholds.yml")],
)
def test_quiz_file_names_follow_the_page_path(page, name):
    assert q.quiz_file_name(page) == name


def test_the_worked_example_for_trainers_is_a_valid_quiz_for_the_front_door_page():
    from mkdocs.utils import meta

    from conftest import ROOT

    guide = (ROOT / "quizzes" / "README.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    quiz = q.parse_quiz(example, "quizzes/README.md")
    body, _ = meta.get_data((ROOT / "docs" / quiz.page).read_text(encoding="utf-8"))
    assert len(q.shown_questions(quiz, q.page_sections(body))) == 3


def test_a_multiple_answer_question_with_every_option_correct_fails_the_real_build(project_copy, tmp_path):
    quiz = project_copy / "quizzes" / "corporate-parenting.yml"
    lines = quiz.read_text(encoding="utf-8").split("\n")
    wrong = lines.index("      - text: Keep costs as low as possible")
    assert lines[wrong - 2 : wrong] == ["    type: multiple", "    options:"], "the test's question moved"
    lines.insert(wrong + 1, "        correct: true")
    quiz.write_text("\n".join(lines), encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert (
        f"quizzes/corporate-parenting.yml:{wrong + 1}: question 3 is a multiple-answer question but every "
        "option is marked correct (add at least one wrong option, so the question tests something)"
    ) in build.output
    assert not list((tmp_path / "site").rglob("*.html"))
