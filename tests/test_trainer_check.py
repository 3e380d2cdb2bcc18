"""`nox -s check`: the trainers' content report. Pure checks table by table, then the real command
on a small site with one problem of each kind, which must report each one with its file and line."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from check import content
from check.content import ERROR, WARNING
from conftest import FIXTURES, ROOT, copy_project
from induction.common import DataError, html_text
from induction.front_matter import split_front_matter
from induction.learner_text import learner_lines
from induction.pages import FrontMatterFindings, OverdueReview
from induction.quizzes import Option, Question, Quiz, no_quiz, read_quiz_files

CHECK_FIXTURE = FIXTURES / "trainer-check"
FIXTURE_DAY = "2027-06-01"


# --- Figures without a date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("773 children in care", ["773"]),
        ("Over 22,000 contacts", ["22,000"]),
        ("About 2,000 children and 1,999 families", ["2,000", "1,999"]),  # a comma: not years
        ("45% of referrals and 12.5 per cent of visits", ["45%", "12.5 per cent"]),
        ("The Children Act 1989 and Working Together 2023", []),  # years are not figures
        ("Call 01452 426565 now", []),  # numbers starting with 0 are phone numbers
        ("Between 2021-22 and 2024-25", []),
        ("12 children and 9 carers", []),  # fewer than three digits
        ("The page reflows at 320 pixels", []),
        ("Zoom to 400%", []),  # a zoom level, not a statistic
        ("zoom in up to 400% without the text spilling off the screen", []),
        ("at 200% zoom", []),
        ("a Zoom call with 120 people", ["120"]),  # a number near 'zoom' that is no zoom level
        ("a score from 0 to 100: the share answered correctly", []),  # a scale, not a statistic
        ("from 0% to 100%", []),
        ("referrals rose from 650 to 773", ["650", "773"]),  # a change, not a scale
    ],
)
def test_figures_are_three_digit_numbers_and_percentages(text, expected):
    assert content.figures(text) == expected


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("773 children in care (April 2025, Members Induction slides)", True),
        ("figure given in the June 2025 induction slides", True),
        ("As of March, 280 households", True),
        ("as at the end of the year", True),
        ("No year given", True),
        ("Over 1,000 children were allocated for support.", False),
        ("You may ask for 300 copies", False),  # "may" is not the month May
    ],
)
def test_a_date_is_a_month_a_year_or_as_of(text, dated):
    assert content.has_date(text) is dated


def _lines(markdown: str, offset: int = 0):
    return learner_lines(markdown, offset)


@pytest.mark.parametrize(
    ("markdown", "lines"),
    [
        # A figure with its date in the same sentence, or in the same paragraph.
        ("773 children in care (April 2025).", []),
        ("773 children were in care.\nThat was in April 2025.", []),
        # No date anywhere near.
        ("773 children were in care.", [1]),
        ("Intro.\n\n773 children were in care.\n\nIn April 2025 things changed.", [3]),
        # A list after a lead-in line that gives the date.
        ("In April 2025:\n\n- 773 children in care\n- 750 care leavers", []),
        ("The numbers:\n\n- 773 children in care\n- 750 care leavers", [3, 4]),
        # Table rows: the header, or the caption or source line next to the table, gives the date.
        ("| What | April 2025 |\n| --- | --- |\n| Children in care | 773 |", []),
        ("| What | Figure |\n| --- | --- |\n| Children in care | 773 |\n\nSource: June 2025 slides.", []),
        ("| What | Figure |\n| --- | --- |\n| Children in care | 773 |\n| Care leavers | 750 |", [3, 4]),
        # A table without pipes at the ends of its rows is a table too (Python-Markdown builds it).
        ("What | Figure\n--|--\nChildren in care | 773\nCare leavers | 750", [3, 4]),
        ("What | April 2025\n--- | ---\nChildren in care | 773", []),
        # Never checked: code, trainer notes, link addresses, placeholders, comments.
        ("```\n773 children\n```", []),
        ('!!! trainer "Check"\n    The slide says 22,00 contacts.\n\nDone.', []),
        ("See [the report](https://example.org/report-2291.pdf).", []),
        ("Call {{ contacts.front_door.phone }} or `999 123`.", []),
        ("<!-- 773 -->\nText.", []),
        # Code blocks indented, not fenced (also in an admonition), and code spans wrapped over two
        # lines or holding a backtick are code too (induction.markdown_parts); a list item's
        # indented paragraph is not.
        ("Example:\n\n    773 children\n\nDone.", []),
        ('!!! note "Example"\n\n    Type this:\n\n        Over 1,000 children', []),
        ("Type `773\nchildren` here.", []),
        ("Type ``773 ` 750`` here.", []),
        ("- The numbers\n\n    773 children were in care.", [3]),
        # Tags are read with a parser: their attributes are not shown, a lone < is text.
        ('<abbr title="Report 2291, page 773">IRO</abbr> visits.', []),
        ("Cases went from 12 < 773 > 5 in a year.", [1]),
    ],
)
def test_undated_figures_name_the_line(markdown, lines):
    problems = content.undated_figures(_lines(markdown, 10), "docs/p.md")
    assert [p.line - 10 for p in problems] == lines
    assert all(p.level == WARNING and p.kind == "figure" for p in problems)


def test_an_undated_figure_says_what_to_write():
    (problem,) = content.undated_figures(_lines("Over 1,000 children were helped."), "docs/p.md")
    assert str(problem).startswith("docs/p.md:1: figure '1,000' has no date (say when it is from")


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        # the trainer-workflow review's slip: ### made #### under a ##
        ("# Fostering\n\n## How it works\n\n#### The rules\n", [(5, "The rules", 4, 2)]),
        ("## First\n\n### Under it\n\n## Next\n\n### Under that\n", []),
        ("### Straight after the title\n", [(1, "Straight after the title", 3, 1)]),
        # not headings a learner reads: code, a trainer note, a hashtag
        ('## A\n\n```\n#### code\n```\n\n!!! trainer "Note"\n    #### In a note\n\n#hashtag\n', []),
        # each skip told once, and a level down is fine
        ("## A\n\n#### B\n\n###### C\n\n## D\n", [(3, "B", 4, 2), (5, "C", 6, 4)]),
    ],
)
def test_a_heading_that_skips_a_level_is_an_error_at_its_line(markdown, found):
    problems = content.skipped_headings(_lines(markdown, 10), "docs/p.md")
    assert [(p.line - 10, p.subject, p.level) for p in problems] == [
        (line, None, ERROR) for line, *_ in found
    ]
    for problem, (_, words, new, level) in zip(problems, found, strict=True):
        assert (
            problem.problem
            == f"the heading '{words}' skips a level: it has {new} #, the heading above it {level}"
        )
        assert problem.todo.startswith(f"write it with {'#' * (level + 1)}, one # more")


LEARN = "# Fostering\n\n## What you will learn\n\n{points}\n\n## How it works\n\n- Not a point.\n"


@pytest.mark.parametrize(
    ("points", "found"),
    [
        ("- Explain what fostering is.\n- Name the teams.\n- Ask about carers.", []),
        # the trainer-workflow review's slip, and the style a page is not to have
        ("- Understand fostering.\n- Name the teams.\n- Ask about carers.", [5]),
        ("- What fostering is.\n- How the teams work.\n- Ask about carers.", [5, 6]),
        ("- Explain what fostering is.\n- Name the teams.", [3]),  # too few: at the heading
        ("\n".join(["- Explain it."] * 7), [3]),  # too many
        # a point wrapped over two lines is one point; a second list under a sentence is not points
        (
            "- Explain what fostering\n  is.\n- Name the teams.\n- Ask about carers.\n\n"
            "Some examples:\n\n- what",
            [],
        ),
    ],
)
def test_what_you_will_learn_has_three_to_six_points_starting_with_a_verb(points, found):
    problems = content.learning_points(_lines(LEARN.format(points=points)), "docs/p.md")
    assert [p.line for p in problems] == found
    assert all(p.level == ERROR and p.kind == "learning point" for p in problems)


def test_a_learning_page_without_what_you_will_learn_is_an_error_at_its_title():
    (problem,) = content.learning_points(_lines("---\ntitle: x\n---\n\n# Fostering\n\nText.\n"), "docs/p.md")
    assert str(problem) == (
        "docs/p.md:5: the page has no '## What you will learn' heading (add it under the title, with "
        "three to six points of what the reader will be able to do)"
    )


def test_a_point_without_a_verb_says_which_verbs():
    markdown = LEARN.format(points="- Understand fostering.\n- Name the teams.\n- Ask about carers.")
    (problem,) = content.learning_points(_lines(markdown), "docs/p.md")
    assert str(problem).startswith(
        "docs/p.md:5: the point 'Understand fostering.' under 'What you will learn' does not start with what "
        "the reader will be able to do (start it with one of: ask, challenge, check,"
    )


@pytest.mark.parametrize(("minutes", "warned"), [(16, False), (20, False), (21, True), (82, True)])
def test_a_learning_page_longer_than_twenty_minutes_to_read_is_a_warning(minutes, warned):
    problems = content.long_page(minutes, "docs/p.md", 7)
    assert [str(p) for p in problems] == (
        [
            f"docs/p.md:7: the page takes about {minutes} minutes to read, more than 20 (split it into two "
            "pages, each with its own self-check, as the trainer guide's Edit and add pages shows, so that "
            "a councillor can read one in a short sitting)"
        ]
        if warned
        else []
    )
    assert all(p.level == WARNING for p in problems)


ACRONYMS = {
    "Ofsted": "Office for Standards in Education, Children's Services and Skills",
    "NHS": "National Health Service",
    "ILACS": "Inspecting Local Authority Children's Services",
}


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        # the slips a second reader found on the real pages: the letters alone at the first use
        ("- Explain what Ofsted said about the service in 2025.\n\n## Ofsted\n\nOfsted (the Office", [1]),
        ("The partnership brings together the council, the police\nand the NHS to keep children safe.", [2]),
        # spelled out first, in brackets after, or on the next line; or the words before, in brackets
        ("The National Health Service (NHS) runs hospitals. The NHS also runs clinics.", []),
        ("The NHS (National Health\nService) runs hospitals.", []),
        ("Ofsted (the Office for Standards in **Education**, Children's Services and Skills) inspects.", []),
        ("It uses the inspection of local authority children's services (ILACS).", []),
        # a heading just above the words that spell it out
        (
            "## Our Ofsted journey\n\n"
            "Ofsted (the Office for Standards in\nEducation, Children's Services and Skills)",
            [],
        ),
        # never read as the acronym: part of a word, code, a trainer note, another case
        ("NHSX and ofsted-like words.", []),
        ("Type `NHS` here.", []),
        ('!!! trainer "Check"\n    Ask the NHS.\n\nDone.', []),
        ("Ask the nhs.", []),
        # each acronym once, at its first use
        ("Ofsted came. Ofsted left. The NHS called.", [1, 1]),
    ],
)
def test_an_acronym_the_page_does_not_spell_out_at_its_first_use_is_a_warning_at_that_line(markdown, found):
    problems = content.unexplained_acronyms(_lines(markdown, 10), "docs/p.md", ACRONYMS)
    assert [p.line - 10 for p in problems] == found
    assert all(p.level == WARNING and p.kind == "acronym" for p in problems)


def test_an_acronym_not_spelled_out_says_what_to_write():
    (problem,) = content.unexplained_acronyms(_lines("Ask the NHS."), "docs/p.md", ACRONYMS)
    assert str(problem) == (
        "docs/p.md:1: 'NHS' is used here before the page spells it out (write it out where the page "
        "first uses it: 'NHS (National Health Service)', or 'National Health Service (NHS)')"
    )


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("plain words", "plain words"),
        ("<b>773</b> children", "773 children"),
        ("45<em>%</em>", "45 %"),  # a tag parts two pieces of text
        ("Fish &amp; chips &#8212; &pound;5", "Fish & chips \u2014 \u00a35"),
        ("  spaced <br>  out  ", "spaced out"),
        ("if a < b", "if a < b"),  # a '<' that starts no tag stays
        ("", ""),
    ],
)
def test_html_text_is_the_words_of_a_fragment(fragment, text):
    """One reader of a fragment's words (induction.common), for the check's lines and the trainer
    notes' titles."""
    assert html_text(fragment) == text


# --- Review dates ---------------------------------------------------------------------------

RAW = "---\ntitle: T\ndescription: D\nowner: O\nlast_reviewed: {last}\nreview_due: {due}\nsources: []\n---\n"


def _meta(last: str, due: str) -> tuple[dict, str]:
    raw = RAW.format(last=last, due=due)
    return split_front_matter(raw)[0], raw


def _status(meta: dict, raw: str, sources: dict | None = None, on: dt.date = dt.date(2027, 6, 1)):
    """The report's review status of the page `raw`, from its front matter as a build checks it."""
    found = FrontMatterFindings.of([("docs/p.md", raw)], {} if sources is None else sources, on)
    return content.review_status(
        meta, raw, "docs/p.md", on, found.problems["docs/p.md"], found.overdue.get("docs/p.md")
    )


@pytest.mark.parametrize(
    ("due", "status", "level"),
    [
        ("2028-01-01", "up to date: next review by 1 January 2028", None),
        ("2027-07-31", "due soon: review by 31 July 2027", WARNING),  # exactly 60 days
        ("2027-06-02", "due soon: review by 2 June 2027", WARNING),
        ("2027-05-31", "OVERDUE: review was due on 31 May 2027", ERROR),
    ],
)
def test_review_status(due, status, level):
    meta, raw = _meta("2027-01-01", due)
    summary, problems = _status(meta, raw)
    assert summary == status
    assert [p.level for p in problems] == ([level] if level else [])
    assert all(p.line == 6 for p in problems)  # the review_due line of the file


def test_front_matter_problems_come_from_the_build_rules():
    meta, raw = _meta("2027-01-01", "next year")
    _, problems = _status(meta, raw)
    assert [str(p) for p in problems] == [
        "docs/p.md:6: 'review_due: next year' is not a date "
        "(write it as YYYY-MM-DD, e.g. 'review_due: 2026-11-22')"
    ]


@pytest.mark.parametrize(
    ("listed", "sources", "expected"),
    [
        (
            "[induction_2025]",
            {},
            ["docs/p.md:7: unknown source 'induction_2025' (use a key from data/sources.yml: none)"],
        ),
        ("[induction_2025]", {"induction_2025": {}}, []),
        ("[induction_2025]", None, []),  # the data files did not load: which sources exist is not known
        (
            "induction_2025",
            None,
            ["docs/p.md:7: 'sources' is not a list (write 'sources: [induction_2025]')"],
        ),
    ],
    ids=["unknown", "known", "data-not-loaded", "not-a-list"],
)
def test_a_pages_sources_are_checked_only_against_sources_that_loaded(listed, sources, expected):
    raw = RAW.format(last="2027-01-01", due="2028-01-01").replace("sources: []", f"sources: {listed}")
    meta = split_front_matter(raw)[0]
    found = FrontMatterFindings.of([("docs/p.md", raw)], sources, dt.date(2027, 6, 1))
    _, problems = content.review_status(
        meta, raw, "docs/p.md", dt.date(2027, 6, 1), found.problems["docs/p.md"], None
    )
    assert [str(p) for p in problems] == expected


# --- Reading level, self-checks, glossary ---------------------------------------------------


EASY = "<p>" + "The cat sat on the mat. It was warm. " * 10 + "</p>"
HARD = (
    "Notwithstanding considerable organisational complexity, multidisciplinary practitioners "
    "demonstrate comprehensive understanding of jurisdictional responsibilities. "
) * 4


@pytest.mark.parametrize(
    "hidden",
    [
        f"<pre><code>{HARD}</code></pre>",
        f"<p>Run <code>{HARD}</code></p>",
        f"<table><tr><td>{HARD}</td></tr></table>",
        f'<div class="admonition trainer"><p>{HARD}</p></div>',
        f'<details class="trainer"><summary>Note</summary><p>{HARD}</p></details>',
        f"<p hidden>{HARD}</p>",
        f'<p class="reading-time" data-search-exclude>{HARD}</p>',
        f"<script>{HARD}</script>",
    ],
    ids=["code block", "code", "table", "note", "details note", "hidden", "search-excluded", "script"],
)
def test_reading_level_counts_only_what_learners_read(hidden):
    assert content.reading_grade(EASY + hidden) == content.reading_grade(EASY)


def test_reading_level_is_the_grade_of_the_pages_html():
    assert content.reading_grade(EASY) < 5
    assert content.reading_grade(f"<p>{HARD}</p>") > 12
    assert content.reading_grade(f'<div class="admonition note"><p>{HARD}</p></div>') > 12
    assert content.reading_grade("<p>Too short.</p>") is None
    heading = '<h2 id="a">Key takeaways<a class="headerlink" href="#a">&para;</a></h2>'
    assert content.learner_text(heading + "<p>The <a href='glossary/#mash'>MASH</a> decides.</p>") == (
        "Key takeaways\nThe\nMASH\ndecides."
    )
    assert content.reading_problems(13.2, "docs/p.md", 9)[0].line == 9
    assert content.reading_problems(11.9, "docs/p.md", 9) == []
    assert content.reading_problems(13.2, "docs/p.md", 9, explained=True) == []  # reading_level_note


def _quiz(*right: int, sizes: tuple[int, ...] = ()) -> Quiz:
    """A self-check with a one-answer question for each place in `right`, of three options (or as
    many as `sizes` gives, question by question)."""
    sizes = sizes or (3,) * len(right)
    questions = [
        Question(
            n, "Q?", "Why.", "S", options=[Option(str(i), correct=i == r) for i in range(size)], line=4 * n
        )
        for n, (r, size) in enumerate(zip(right, sizes, strict=True), 1)
    ]
    return Quiz("quizzes/p.yml", "about/p.md", questions)


def test_a_self_check_whose_right_answers_share_one_place_is_told():
    assert content.guessable(_quiz(1, 2, 0)) == []
    assert content.guessable(_quiz(0, 0)) == [], "two questions prove nothing"
    (problem,) = content.guessable(_quiz(0, 0, 0))
    assert (problem.path, problem.line, problem.level) == ("quizzes/p.yml", 4, WARNING)
    assert problem.problem == "in every one-answer question the right answer is option 1"
    assert content.guessable(_quiz(2, 2, 2))[0].problem.endswith("option 3")
    last = content.guessable(_quiz(2, 3, 1, sizes=(3, 4, 2)))  # a review of the change found this
    assert [p.problem for p in last] == ["in every one-answer question the right answer is the last option"]
    assert content.guessable(_quiz(2, 2, 1, sizes=(3, 4, 2))) == []


def test_no_real_self_check_has_its_right_answers_in_one_place():
    quizzes = read_quiz_files(ROOT / "quizzes", ROOT).quizzes
    assert len(quizzes) > 10
    assert [str(p) for quiz in quizzes for p in content.guessable(quiz)] == []


@pytest.mark.parametrize(
    ("quiz", "in_nav", "settings", "summary", "levels"),
    [
        (_quiz(1, 0, 2), True, {"require": True}, "3 questions (quizzes/p.yml)", []),
        (_quiz(0, 0, 0), True, {"require": True}, "3 questions (quizzes/p.yml)", [WARNING]),
        (None, True, {"require": True, "not_needed": ["about/*"]}, "none needed", []),
        (None, True, {"require": True}, "none", [ERROR]),
        (None, True, {"require": False}, "none", [WARNING]),
        (None, False, {"require": True}, "none (the page is not in the nav)", []),
    ],
)
def test_quiz_status(quiz, in_nav, settings, summary, levels):
    src = "about/p.md"
    got, problems = content.quiz_status(src, quiz, in_nav, settings)
    assert got.startswith(summary)
    assert [p.level for p in problems] == levels
    if problems and quiz is None:  # the build's own error for it, in the same words
        assert problems[0].path == "docs/about/p.md"
        assert (problems[0].problem, problems[0].todo) == (no_quiz(src).problem, no_quiz(src).expected)
        assert "add quizzes/about-p.yml with 'page: about/p.md'" in problems[0].todo


def test_glossary_status_counts_the_terms_and_names_the_missing_acronyms():
    assert content.glossary_status(4, ["QZX"]) == "4 glossary terms explained; not in the glossary: QZX"
    assert content.glossary_status(0, ["ZZA", "QZX", "ZZA"]) == (
        "0 glossary terms explained; not in the glossary: QZX, ZZA"
    )
    assert content.glossary_status(1, []) == "1 glossary term explained; no unexplained acronyms"


# --- What the build found -------------------------------------------------------------------

BROKEN_LINK = DataError("docs/p.md", 3, "the link 'gone.md' goes to a file that does not exist", "check it")
UNKNOWN_FACT = DataError("docs/p.md", 3, "unknown fact '{{ contacts.x }}'", "see data/contacts.yml")
NO_ANSWER = DataError("quizzes/p.yml", 12, "question 2 has no correct answer", "mark one 'correct: true'")
ACRONYM = DataError("docs/p.md", 7, "'QZX' is not in the glossary", "add it", subject="QZX")


def record(message, problem=None, name="mkdocs.structure.pages", level=logging.WARNING):
    """A log record as the build makes it: a hook's trainer error carries its DataError."""
    extra = {"problem": problem} if problem is not None else {}
    return logging.makeLogRecord({"name": name, "levelno": level, "msg": str(message), **extra})


@pytest.mark.parametrize(
    ("logged", "expected", "kind"),
    [
        (record(BROKEN_LINK, BROKEN_LINK), str(BROKEN_LINK), "link"),  # hooks/links.py's rewrite
        (record(UNKNOWN_FACT, UNKNOWN_FACT, "mkdocs.hooks.facts"), str(UNKNOWN_FACT), "build"),
        (record(NO_ANSWER, NO_ANSWER, "mkdocs.hooks.quizzes"), str(NO_ANSWER), "data"),
        (record(ACRONYM, ACRONYM, "mkdocs.hooks.glossary"), str(ACRONYM), "glossary"),
        (
            record(
                'The following pages exist in the docs directory, but are not included in the "nav" '
                "configuration:\n  - new.md",
                name="mkdocs.commands.build",
            ),
            "docs/new.md: the page is not in the menu (add a line for it under nav: in mkdocs.yml",
            "build",
        ),
        (
            record("Something else went wrong"),
            "mkdocs.yml: Something else went wrong (run `python3 noxfile.py -s build`",
            "build",
        ),
    ],
)
def test_what_the_build_found_becomes_problems_with_file_and_line(logged, expected, kind):
    (problem,) = content.build_problems([logged])
    assert str(problem).startswith(expected)
    assert (problem.level, problem.kind) == (ERROR, kind)


def test_the_glossary_count_is_none_only_for_a_build_without_a_glossary():
    from check.report import glossary_usage
    from induction.building import InProcessBuild
    from induction.glossary import GlossaryExtension

    assert glossary_usage(InProcessBuild(config={"markdown_extensions": ["tables"]})) is None
    assert glossary_usage(InProcessBuild(config=None)) is None
    assert glossary_usage(InProcessBuild(config={"markdown_extensions": [GlossaryExtension({})]})) == {}


def test_a_trainer_error_is_read_from_its_object_not_its_text():
    (problem,) = content.build_problems([record("some other words", ACRONYM, "mkdocs.hooks.glossary")])
    assert (problem.path, problem.line, problem.problem, problem.subject) == (
        "docs/p.md",
        7,
        ACRONYM.problem,
        "QZX",
    )


def aborted_at(error: Exception) -> Abort:
    """What stops MkDocs' build at a hook's error: Abort, raised while handling the error."""
    stopped = Abort("Aborted with a BuildError!")
    stopped.__context__ = error
    return stopped


@pytest.mark.parametrize("logged_as", [str(NO_ANSWER), "the same error in other words"])
def test_the_error_that_stopped_the_build_is_reported_once_and_an_overdue_review_not_at_all(logged_as):
    overdue = OverdueReview("docs/p.md", 6, "page is past its review date", "review it")
    logged = [
        record(overdue, overdue, "mkdocs.hooks.pages"),
        record("Error reading page 'p.md':", name="mkdocs.commands.build", level=logging.ERROR),
        record(logged_as, name="mkdocs.commands.build", level=logging.ERROR),  # MkDocs' last word
    ]
    assert [str(p) for p in content.build_problems(logged, aborted_at(NO_ANSWER))] == [str(NO_ANSWER)]


def test_an_error_that_is_not_a_trainer_error_is_reported_as_mkdocs_gives_it():
    logged = [record("Config value 'x': wrong", name="mkdocs.commands.build", level=logging.ERROR)]
    (problem,) = content.build_problems(logged, aborted_at(RuntimeError("no DataError")))
    assert str(problem).startswith("mkdocs.yml: Config value 'x': wrong (")
    (problem,) = content.build_problems([], KeyError("a hook failed"))
    assert str(problem).startswith("mkdocs.yml: 'a hook failed' (")


def test_build_noise_is_dropped():
    assert content.build_problems([record("Error reading page 'p.md':")]) == []


def test_mkdocs_line_naming_the_page_of_an_error_that_is_no_data_error_is_kept():
    """MkDocs writes an error that is not a BuildError after the colon: that line is the only
    one naming the page (a review of 7 December 2026 found the export dropping it)."""
    (problem,) = content.build_problems([record("Error reading page 'p.md': 'front_matter'")])
    assert "Error reading page 'p.md': 'front_matter'" in str(problem)


# --- The real command on a site with one problem of each kind -------------------------------


def check_project(dest: Path, fixture: Path = CHECK_FIXTURE) -> Path:
    """The fixture with the real hooks, facts and quiz interface text copied in."""
    shutil.copytree(fixture, dest)
    shutil.copytree(ROOT / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("contacts.yml", "people.yml", "sources.yml"):
        shutil.copy2(ROOT / "data" / name, dest / "data" / name)
    shutil.copy2(ROOT / "quizzes" / "interface-text.en-GB.po", dest / "quizzes")
    return dest


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m check` as `nox -s check` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "check", "--project", str(project), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def fixture_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("check")
    project = check_project(tmp / "project")
    html = tmp / "report.html"
    result = run_check(project, "--today", FIXTURE_DAY, "--html", str(html))
    return result, html


EXPECTED = [
    # (level, file:line: problem) for one problem of each kind.
    ("ERROR", "docs/services/fostering.md:6: page is past its review date (review_due 2027-01-10)"),
    ("WARNING", "docs/services/early-help.md:6: review is due within 60 days (review_due 2027-07-01)"),
    ("WARNING", "docs/hard.md:10: reading level is grade"),
    ("ERROR", "docs/hard.md:24: 'QZX' looks like an acronym but is not in the glossary"),
    ("ERROR", "docs/services/early-help.md: the page is in the nav but has no self-check quiz"),
    ("ERROR", "docs/services/fostering.md:20: the image '../images/carers.svg' has no alt text"),
    ("WARNING", "docs/services/early-help.md:18: figure '1,000' has no date"),
    ("ERROR", "docs/services/fostering.md:22: the link 'contacts.md' goes to a file that does not exist"),
    ("ERROR", "docs/services/fostering.md:23: the link 'early-help.md#how-to-apply' goes to a section"),
]


@pytest.mark.parametrize(("level", "line"), EXPECTED, ids=[e[1].split(":")[0] + ":" + e[0] for e in EXPECTED])
def test_the_check_reports_each_problem_with_file_and_line(fixture_report, level, line):
    result, _ = fixture_report
    assert f"{level:<7} {line}" in result.stdout, f"run: nox -s check\n{result.stdout}\n{result.stderr}"


def test_the_check_fails_only_for_errors_and_sums_up(fixture_report):
    result, _ = fixture_report
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Summary: 6 errors, 3 warnings on 5 pages." in result.stdout
    assert result.stderr.strip() == ""  # MkDocs' own log lines stay out of the report


def test_the_check_lists_each_pages_status(fixture_report):
    result, _ = fixture_report
    report = result.stdout
    assert "self-check:  3 questions (quizzes/services-fostering.yml)" in report
    assert "review:      OVERDUE: review was due on 10 January 2027" in report
    assert "review:      due soon: review by 1 July 2027" in report
    assert "glossary:    1 glossary term explained; no unexplained acronyms" in report
    assert "glossary:    0 glossary terms explained; not in the glossary: QZX" in report
    assert "reading:     grade " in report


def test_the_check_writes_the_same_report_as_a_web_page(fixture_report):
    result, html = fixture_report
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
    assert soup.html["lang"] == "en-GB"
    text = " ".join(soup.get_text(" ").split())
    for _, line in EXPECTED:
        where, _, problem = line.partition(": ")
        assert where in text and problem in text, line
    assert not soup.find_all(src=True) and not soup.find_all("link")  # one self-contained file
    assert str(html) in result.stdout


def test_the_guides_example_report_is_what_the_check_prints(fixture_report):
    """docs/trainers/examples/check-report.txt is shown in the guide: it must be real output."""
    result, _ = fixture_report
    example = (ROOT / "docs" / "trainers" / "examples" / "check-report.txt").read_text(encoding="utf-8")
    for line in example.strip().split("\n"):
        assert line in result.stdout, f"the guide's example report is out of date: {line!r}"


@pytest.mark.build
def test_a_site_with_only_warnings_passes(tmp_path):
    project = check_project(tmp_path / "project")
    fostering = project / "docs" / "services" / "fostering.md"
    text = fostering.read_text().replace("review_due: 2027-01-10", "review_due: 2028-01-10")
    text = text.replace("![](../images/carers.svg)", "![Two foster carers](../images/carers.svg)")
    text = text.replace("(contacts.md)", "(../index.md)").replace("#how-to-apply", "#early-help-in-numbers")
    fostering.write_text(text)
    (project / "docs" / "hard.md").write_text((project / "docs" / "hard.md").read_text().replace("QZX ", ""))
    shutil.copy2(project / "quizzes" / "hard.yml", project / "quizzes" / "services-early-help.yml")
    quiz = project / "quizzes" / "services-early-help.yml"
    quiz.write_text(quiz.read_text().replace("page: hard.md", "page: services/early-help.md"))
    result = run_check(project, "--today", FIXTURE_DAY, "--html", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stdout
    assert "Summary: 0 errors, 3 warnings" in result.stdout


@pytest.mark.build
def test_the_real_site_checks_with_no_errors_and_no_warnings(tmp_path):
    """A warning on the unchanged site teaches trainers to ignore warnings. Only a review falling
    due (within 60 days of today) may warn: that one is true of the content on the day."""
    result = run_check(ROOT, "--html", str(tmp_path / "r.html"))
    lines = [t.strip() for t in result.stdout.split("\n") if t.startswith(("  ERROR", "  WARNING"))]
    assert [t for t in lines if "review is due within" not in t] == [], result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


CODE_ON_A_PAGE = """Type the figures as shown:

    Over 1,000 children

or write `5,000
children` in a sentence. Over 3,000 families were helped.
"""


def test_figures_in_code_on_a_real_page_are_not_checked(project_copy, tmp_path):
    """An indented code block and a code span wrapped over two lines show their figures as typed
    (induction.markdown_parts): only the figure in the prose is reported, at its own line."""
    page = project_copy / "docs" / "how-services-work.md"
    text = page.read_text(encoding="utf-8")
    title = "# How children's services work\n"
    assert title in text, "docs/how-services-work.md has changed: the test no longer plants its code"
    text = text.replace(title, title + "\n" + CODE_ON_A_PAGE, 1)
    page.write_text(text, encoding="utf-8")
    line = text[: text.index("Over 3,000")].count("\n") + 1
    result = run_check(project_copy, "--html", str(tmp_path / "r.html"))
    lines = [t.strip() for t in result.stdout.split("\n") if t.startswith(("  ERROR", "  WARNING"))]
    assert [t for t in lines if "review is due within" not in t] == [
        f"WARNING docs/how-services-work.md:{line}: figure '3,000' has no date (say when it is from in "
        "the same sentence or table row, e.g. '773 children in care (April 2025)')"
    ], result.stdout + result.stderr


@pytest.mark.build
def test_a_broken_data_file_is_reported_with_its_line(tmp_path):
    project = check_project(tmp_path / "project")
    contacts = project / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text().replace('phone: "999"', "phone: 999"))
    result = run_check(project, "--today", FIXTURE_DAY, "--html", str(tmp_path / "r.html"))
    assert result.returncode == 1
    line = next(n for n, text in enumerate(contacts.read_text().split("\n"), 1) if "phone: 999" in text)
    read_as = "is not in quotes, so it was read as the number 999"
    assert f"ERROR   data/contacts.yml:{line}: 'emergency.phone' {read_as}" in result.stdout
    assert "The site build stopped at an error" in result.stdout
    assert "reading:     not measured: the site build stopped before this page" in result.stdout


# --- A mistake in a data file is reported once, and nothing else is made up ----------------


@pytest.mark.parametrize(
    ("file", "old", "new", "error"),
    [
        (
            "data/contacts.yml",
            'phone: "01452 42 65 65"',
            'phone: "01452 42 65 6"',
            "data/contacts.yml:8: 'front_door.phone' '01452 42 65 6' has too few digits (10) for a UK "
            'phone number (write all 11 digits, starting with 0, as it is dialled, e.g. "01452 42 65 65")',
        ),
        ("data/contacts.yml", None, "", "data/contacts.yml:1: the file has no entries (write 'key:' lines)"),
        (
            "data/sources.yml",
            "  title:",
            '  url: "javascript:alert(1)"\n  title:',
            "data/sources.yml:{line}: 'induction_2025.url' is not a web address "
            "(write the document's full address, starting https://)",
        ),
    ],
    ids=["phone-digits", "contacts-empty", "source-url"],
)
def test_a_mistake_in_a_data_file_is_the_only_error(project_copy, tmp_path, file, old, new, error):
    """The check's build stops at the data file; the pages' sources are then not known, and each
    must not be reported as unknown (57 made-up errors on the real site, one per source named)."""
    path = project_copy / file
    text = path.read_text(encoding="utf-8")
    if old is None:
        text = new
    else:
        assert old in text, f"{file} has changed: the test no longer plants its mistake"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    line = next((n for n, t in enumerate(text.split("\n"), 1) if "javascript:" in t), None)
    result = run_check(project_copy, "--html", str(tmp_path / "r.html"))
    errors = [t.strip() for t in result.stdout.split("\n") if t.startswith("  ERROR")]
    assert result.returncode == 1, result.stdout + result.stderr
    assert errors == [f"ERROR   {error.format(line=line)}"], result.stdout
    assert "unknown source" not in result.stdout
    assert "Summary: 1 error," in result.stdout
    assert "the sources each page names in its front matter" in result.stdout


@pytest.mark.build
def test_the_check_warns_of_a_heading_the_essentials_handout_needs(tmp_path):
    """A learning page without '## Key takeaways' passed the build, the check and publish; only
    the export stopped, at the Essentials handout. The check now says so first, as a warning
    (the website itself is fine without it)."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "services" / "early-help.md"
    text = page.read_text(encoding="utf-8")
    assert text.count("\n## Key takeaways\n") == 1
    page.write_text(text.replace("\n## Key takeaways\n", "\n## What to remember\n"), encoding="utf-8")
    report = run_check(project)
    assert report.returncode == 0, report.stdout + report.stderr
    assert (
        "docs/services/early-help.md: no heading 'Key takeaways', which the Essentials handout prints "
        "(keep the heading, or the export (python3 noxfile.py -s export) stops here: the handout prints "
        "what is under it)"
    ) in report.stdout
    assert "0 errors, 1 warning" in report.stdout


# --- The quiz files: read once, by the build --------------------------------------------------


def _break_quiz(path: Path) -> None:
    """Give the quiz file's first question with options no right answer."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for option in next(q for q in data["questions"] if q.get("options"))["options"]:
        option["correct"] = False
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.build
@pytest.mark.parametrize("broken", [0, 2])
def test_the_check_takes_the_quiz_files_from_its_build(tmp_path, broken):
    """The check reports the quiz files as its build read them (issue 19: the check reuses what
    the build found): with the files gone after the build, it still has every quiz and, when the
    build stopped at the first broken file, every broken file's problem, at its line."""
    from check import report as check_report

    project = copy_project(tmp_path / "project")
    paths = sorted((project / "quizzes").glob("*.yml"))
    for path in paths[:broken]:
        _break_quiz(path)
    built, _ = check_report.build_site(project / "mkdocs.yml", dt.date.fromisoformat(FIXTURE_DAY))
    shutil.rmtree(project / "quizzes")
    report = check_report.Report(site_name="copy", on=dt.date.fromisoformat(FIXTURE_DAY))

    quizzes, broken_names = check_report.quiz_files(project, built, report)

    assert broken_names == {path.name for path in paths[:broken]}
    assert len(quizzes) == len(paths) - broken
    told = [(p.path, p.problem) for p in report.other]
    assert told == [(f"quizzes/{path.name}", "question 1 has no correct answer") for path in paths[:broken]]
    assert all(isinstance(p.line, int) for p in report.other)


@pytest.mark.build
def test_the_check_reads_the_quiz_files_itself_only_when_its_build_stopped_before_them(tmp_path):
    """A mistake in a data file stops the build before hooks/quizzes.py reads the quiz files
    (hooks/facts.py comes first): the check then reads them, so a broken one is still listed."""
    from check import report as check_report
    from induction.building import problem_of

    project = copy_project(tmp_path / "project")
    (project / "data" / "contacts.yml").write_text("contacts: [\n", encoding="utf-8")
    _break_quiz(sorted((project / "quizzes").glob("*.yml"))[0])
    built, _ = check_report.build_site(project / "mkdocs.yml", dt.date.fromisoformat(FIXTURE_DAY))
    assert problem_of(built.error).path == "data/contacts.yml"
    report = check_report.Report(site_name="copy", on=dt.date.fromisoformat(FIXTURE_DAY))

    _, broken_names = check_report.quiz_files(project, built, report)

    assert len(broken_names) == 1 and len(report.other) == 1


# --- The pages' front matter: checked once, by the build ---------------------------------------


@pytest.mark.build
def test_the_check_takes_every_pages_front_matter_from_its_build(tmp_path):
    """The build checks every page's front matter before it converts any, and stops at the first
    problem; the check reports every page's from that reading (issue 19: the check reuses what
    the build found), not from reading the pages again: here it is given no page's text at all."""
    from check import report as check_report
    from induction.building import problem_of

    project = copy_project(tmp_path / "project")
    for page in ("contacts.md", "services/fostering.md"):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8").replace("review_due:", "review_due: soon #", 1))
    on = dt.date.fromisoformat(FIXTURE_DAY)
    built, _ = check_report.build_site(project / "mkdocs.yml", on)
    assert problem_of(built.error).path == "docs/contacts.md"  # the build told the first

    found = check_report.front_matter(built, {}, None, on)

    told = {page: [p.problem for p in problems] for page, problems in found.problems.items() if problems}
    assert told == {
        "docs/contacts.md": ["'review_due: soon' is not a date"],
        "docs/services/fostering.md": ["'review_due: soon' is not a date"],
    }


@pytest.mark.build
def test_the_check_reads_front_matter_itself_only_when_its_build_stopped_before_the_pages(tmp_path):
    """A broken data file stops the build before it reads the pages: the check then checks their
    front matter the same way, with the sources not known (data/sources.yml did not load)."""
    from check import report as check_report

    project = copy_project(tmp_path / "project")
    (project / "data" / "contacts.yml").write_text("contacts: [\n", encoding="utf-8")
    on = dt.date.fromisoformat(FIXTURE_DAY)
    built, _ = check_report.build_site(project / "mkdocs.yml", on)
    raw = RAW.format(last="2027-01-01", due="next year").replace("sources: []", "sources: [nowhere]")

    found = check_report.front_matter(built, {"p.md": raw}, None, on)

    assert [p.problem for p in found.problems["docs/p.md"]] == ["'review_due: next year' is not a date"]
