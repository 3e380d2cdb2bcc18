"""The checks behind `nox -s check`, one pure function each: text in, problems out.

Every problem is a `Problem` that prints as `path:line: what is wrong (what to do)`, the same
form as the build's own errors, so a trainer can open the file at that line. Errors are what
would stop the strict build or mislead a learner; warnings are advice and never fail the check.

The heuristics, in plain words:

- Reading level: the Flesch-Kincaid grade of the words a learner reads on the page the build
  made (facts filled in; not code, tables, trainer notes or what the search leaves out), from
  textstat. Above grade 12 is a warning; the house aim is 9 or lower.
- Figures without a date: a number of three or more digits (773, 22,000) or a percentage (45%),
  outside code, links and trainer notes, in a paragraph, list or table row that names no month,
  no year (2025) and no "as of" / "as at". In a table the header row counts as context, and a
  line ending in ":" just before a list counts for it; so does the paragraph just before or
  just after a table (its caption or source line). "No year given" counts as a date: it tells
  the reader the source gave none. Years (1900-2099), numbers starting with 0 (phone
  numbers), zoom levels ("zoom in up to 400%") and the top of a scale that starts at 0 or 1
  ("a score from 0 to 100") are not figures. It can be wrong: a number that is not a figure
  (a section of a law) may be reported; it is only a warning.
- A learning page longer than LONGEST_READ minutes to read (a warning).
- Headings that skip a level (`####` straight under `##`): an error, as the test suite's.
- "What you will learn": three to six points, each starting with a verb of ACTION_VERBS (an
  error, as the test suite's).
- Acronyms not spelled out: the first use on a page of a glossary term that has an expansion
  (MASH, Ofsted), when the page has not given its words before, nor gives them within 200
  characters after, and the acronym is not in brackets after other words ("... (ILACS)").

What the site's build finds (broken links, images without alt text, acronyms missing from the
glossary, errors in data files) is not found again here: `build_problems` takes it from the
build's log records, where each trainer error carries its DataError (induction.common.warn).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from dataclasses import dataclass

from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from induction.building import InProcessBuild, build_messages, problem_of
from induction.common import DataError, html_text
from induction.dates import parse_date, uk_date
from induction.front_matter import front_matter_line
from induction.learner_text import joined
from induction.markdown_parts import TABLE_RULE, table_starts
from induction.pages import OverdueReview
from induction.quizzes import needs_quiz, no_quiz, quiz_file_name
from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "check/content.py's reading of MkDocs' own messages (NOT_IN_NAV), which it gives as text only",
)

with warnings.catch_warnings():
    # textstat 0.7.4 imports pkg_resources, which warns that it is deprecated (see requirements.txt)
    warnings.simplefilter("ignore", UserWarning)
    import textstat

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One thing to change: where, how serious, what is wrong and what to write instead."""

    path: str
    line: int | None
    level: str  # ERROR or WARNING
    kind: str  # what it is about: "review", "reading", "figure", "link", "glossary", "image", ...
    problem: str
    todo: str
    subject: str | None = None  # the word or name it is about, when there is one (an acronym)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem} ({self.todo})"

    @classmethod
    def of(cls, error: DataError, level: str = ERROR, kind: str | None = None) -> Problem:
        """A trainer error raised or logged by the build, as a problem of the report."""
        kind = kind or ("build" if error.path.startswith("docs/") else "data")
        return cls(error.path, error.line, level, kind, error.problem, error.expected, error.subject)

    @property
    def where_and_what(self) -> tuple:
        """The problem without its level and kind: the same problem found twice compares equal."""
        return self.path, self.line, self.problem, self.todo


# --- Review dates and front matter ----------------------------------------------------------


def review_status(
    meta: dict, raw: str, display: str, on: dt.date, found: list[DataError], overdue: OverdueReview | None
) -> tuple[str, list[Problem]]:
    """A short review status for the report, and the page's front matter and review problems.

    `found` and `overdue` are what the build found in the page's front matter (induction.pages.
    FrontMatterFindings: check_front_matter's rules); the status is worded here.
    """
    problems = [Problem.of(error, kind="front matter") for error in found]
    due = parse_date(meta.get("review_due"))
    if due is None:
        return "no valid review date", problems
    if overdue is not None:  # the build's own finding, in the check's words of what to do
        status, level = f"OVERDUE: review was due on {uk_date(due)}", ERROR
        what, todo = overdue.problem, OVERDUE_TODO
    elif (due - on).days <= DUE_SOON_DAYS:
        status, level = f"due soon: review by {uk_date(due)}", WARNING
        what, todo = f"review is due within {DUE_SOON_DAYS} days (review_due {due})", DUE_SOON_TODO
    else:
        return f"up to date: next review by {uk_date(due)}", problems
    problems.append(Problem(display, front_matter_line(raw, "review_due"), level, "review", what, todo))
    return status, problems


# --- Reading level --------------------------------------------------------------------------


def learner_text(html: str) -> str:
    """The words a learner reads in a page's HTML as the build made it: no code, tables, trainer
    notes, drawings or scripts, and nothing the site leaves out of its search (the reading time,
    the self-check's questions and buttons)."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.select(NOT_READ_AS_TEXT):
        tag.decompose()
    return "\n".join(s.strip() for s in soup.get_text("\n").split("\n") if s.strip())


def reading_grade(html: str) -> float | None:
    """The Flesch-Kincaid grade of the learner text of a page's HTML (as the build made it), or
    None when it has too few words."""
    text = learner_text(html)
    if len(WORD.findall(text)) < MIN_WORDS_FOR_GRADE:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def reading_problems(
    grade: float | None, display: str, title_line: int, explained: bool = False
) -> list[Problem]:
    """A warning when the page reads above READING_GRADE_LIMIT, unless its front matter explains
    why (`reading_level_note:`, as the Glossary's does: official names score as hard words)."""
    if grade is None or grade <= READING_GRADE_LIMIT or explained:
        return []
    return [
        Problem(
            display,
            title_line,
            WARNING,
            "reading",
            f"reading level is grade {grade}, above {READING_GRADE_LIMIT}",
            "use shorter sentences and everyday words; aim for grade 9 or lower",
        )
    ]


# --- Figures without a date -----------------------------------------------------------------


def figures(text: str) -> list[str]:
    """The figures in a line of plain text: 3+ digit numbers and percentages, not years, phone
    numbers, zoom levels or scales (see the module text)."""
    found = []
    for not_a_figure in (PHONE, ZOOM, SCALE):
        text = not_a_figure.sub(" ", text)
    for match in FIGURE.finditer(text):
        token = match.group(0).strip()
        digits = token.replace(",", "")
        if token.endswith("%") or "per" in token.lower():
            found.append(token)
        elif YEAR.fullmatch(token) or digits.startswith("0"):  # a year has no comma: 2,000 is a figure
            continue
        else:
            found.append(token)
    return found


def has_date(text: str) -> bool:
    return bool(DATE_HINT.search(text))


def plain(line: str) -> str:
    """A line a learner reads (learner_lines: no code) as the words it shows: no placeholders,
    link addresses or tags."""
    for pattern, instead in NOT_SHOWN:
        line = pattern.sub(instead, line)
    return BARE_ADDRESS.sub(" ", html_text(line))


def undated_figures(lines: list[tuple[int, str]], display: str) -> list[Problem]:
    """Lines with figures whose paragraph, list or table row gives no date (see the module text)."""
    problems = []
    for context, members in _units(lines):
        if has_date(context):
            continue
        for number, text in members:
            found = figures(text)
            if not found:
                continue
            listed = ", ".join(f"'{f}'" for f in dict.fromkeys(found))
            noun = "figure" if len(found) == 1 else "figures"
            verb = "has" if len(found) == 1 else "have"
            problems.append(
                Problem(
                    display,
                    number,
                    WARNING,
                    "figure",
                    f"{noun} {listed} {verb} no date",
                    "say when it is from in the same sentence or table row, e.g. "
                    "'773 children in care (April 2025)'",
                )
            )
    return problems


def _units(lines: list[tuple[int, str]]):
    """(context text, [(line, text)]) for each paragraph or list, and for each table row."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in lines:
        text = plain(line)
        if text.strip():
            current.append((number, text))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    for index, block in enumerate(blocks):
        previous = " ".join(t for _, t in blocks[index - 1]) if index else ""
        following = " ".join(t for _, t in blocks[index + 1]) if index + 1 < len(blocks) else ""
        lead_in = previous if previous.rstrip().endswith(":") else ""
        # A table, with or without pipes at the ends of its rows: a heading row, then a --- row.
        if len(block) > 1 and table_starts(block[0][1], block[1][1]):
            # A table's caption or source line sits just before or just after it.
            header = block[0][1]
            for number, text in block:
                if TABLE_RULE.match(text.strip()):
                    continue
                yield " ".join((previous, header, text, following)), [(number, text)]
        else:
            yield " ".join([lead_in, *(t for _, t in block)]), block


def skipped_headings(lines: list[tuple[int, str]], display: str) -> list[Problem]:
    """An error at each heading a learner reads (`## ...`, outside code and trainer notes) that is
    more than one level below the heading before it (the page's title is the first, level 1):
    screen reader users move from heading to heading, and a skipped level hides where they are.
    The whole test suite fails on it too (and so the hosted publish), so the check says it first."""
    problems, level = [], 1
    for number, text in lines:
        heading = ATX_HEADING.match(text)
        if not heading:
            continue
        new = len(heading.group(1))
        if new > level + 1:
            words = " ".join(heading.group(2).split())
            problems.append(
                Problem(
                    display,
                    number,
                    ERROR,
                    "heading",
                    f"the heading '{words}' skips a level: it has {new} #, the heading above it {level}",
                    f"write it with {'#' * (level + 1)}, one # more than the heading above it, or add the "
                    "heading that is missing between them",
                )
            )
        level = new
    return problems


ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")  # `## Heading`, at the start of its line


def title_line(lines: list[tuple[int, str]]) -> int | None:
    """The line of a page's `# Title` among its (line, text) pairs, or None."""
    return next((n for n, text in lines if text.startswith("# ")), None)


def learning_points(lines: list[tuple[int, str]], display: str) -> list[Problem]:
    """Errors for the list under a page's `## What you will learn` heading, as the house style
    (and the test suite, so the hosted publish) wants it: three to six points, each starting with
    what the reader will be able to do after the page (one of ACTION_VERBS: "Explain ...", not
    "What ..." or "Understand ...", which no one can check)."""
    start = next((i for i, (_, text) in enumerate(lines) if text.strip() == f"## {LEARN_HEADING}"), None)
    if start is None:
        title = title_line(lines) or (lines[0][0] if lines else 1)
        return [
            Problem(
                display,
                title,
                ERROR,
                "learning point",
                f"the page has no '## {LEARN_HEADING}' heading",
                "add it under the title, with three to six points of what the reader will be able to do",
            )
        ]
    points: list[tuple[int, str]] = []
    for number, text in lines[start + 1 :]:
        item = LIST_ITEM.match(text)
        if item:
            points.append((number, " ".join(item.group(1).split())))
        elif points and text.strip() and not text.startswith((" ", "\t")):
            break  # the first list only: what follows it is not a point
        elif ATX_HEADING.match(text):
            break
    problems = [
        Problem(
            display,
            number,
            ERROR,
            "learning point",
            f"the point '{point}' under '{LEARN_HEADING}' does not start with what the reader will be able "
            "to do",
            f"start it with one of: {', '.join(sorted(ACTION_VERBS))} (for example 'Explain what the front "
            "door does')",
        )
        for number, point in points
        if first_word(point) not in ACTION_VERBS
    ]
    if not 3 <= len(points) <= 6:
        problems.insert(
            0,
            Problem(
                display,
                lines[start][0],
                ERROR,
                "learning point",
                f"'{LEARN_HEADING}' has {len(points)} points",
                "write three to six, each a line starting with '- '",
            ),
        )
    return problems


def first_word(item: str) -> str:
    """The item's first word, lower-cased, without punctuation."""
    words = re.findall(r"[A-Za-z']+", item)
    return words[0].lower() if words else ""


LEARN_HEADING = "What you will learn"
# What a reader can do after a page: the first word of each point under LEARN_HEADING. Add a verb
# here if a new page needs it (one a reader's progress can be checked against).
ACTION_VERBS = frozenset(
    "ask challenge check compare decide describe explain find give list name outline pass recognise "
    "say spot tell use".split()
)
LIST_ITEM = re.compile(r"^[-*+][ \t]+(.*)$")  # a point of a list at the left edge


def long_page(minutes: int, display: str, line: int) -> list[Problem]:
    """A warning for a learning page that takes more than LONGEST_READ minutes to read (its
    reading time as the page shows it under its title): councillors read in short sittings."""
    if minutes <= LONGEST_READ:
        return []
    return [
        Problem(
            display,
            line,
            WARNING,
            "reading",
            f"the page takes about {minutes} minutes to read, more than {LONGEST_READ}",
            "split it into two pages, each with its own self-check, as the trainer guide's Edit and add "
            "pages shows, so that a councillor can read one in a short sitting",
        )
    ]


LONGEST_READ = 20  # minutes: the longest learning page today takes 16


# --- Glossary -------------------------------------------------------------------------------


def unexplained_acronyms(
    lines: list[tuple[int, str]], display: str, acronyms: dict[str, str]
) -> list[Problem]:
    """A warning at the line where the page first uses an acronym (a glossary term with an
    expansion, `acronyms`: term -> expansion) without spelling it out: its words not earlier on
    the page nor within EXPLAINED_WITHIN characters after it, and the acronym not in brackets
    after other words ("... children's services (ILACS)"). The glossary link shows the words on
    hover, but a reader on paper, or on a phone, meets the bare letters."""
    texts = [(number, plain(text)) for number, text in lines]
    page, line_at = joined(texts)
    problems = []
    for term, expansion in acronyms.items():
        use = re.search(rf"(?<![\w-]){re.escape(term)}(?:s|'s)?(?![\w-])", page)
        if not use or page[: use.start()].rstrip().endswith("("):
            continue
        if _words(expansion) in _words(page[: use.start() + EXPLAINED_WITHIN]):
            continue
        problems.append(
            Problem(
                display,
                line_at(use.start()),
                WARNING,
                "acronym",
                f"'{term}' is used here before the page spells it out",
                f"write it out where the page first uses it: '{term} ({expansion})', or "
                f"'{expansion} ({term})'",
                subject=term,
            )
        )
    return problems


def _words(text: str) -> str:
    """`text` in lower case without emphasis marks, its spaces and line breaks made one space."""
    return " ".join(text.replace("*", "").replace("_", "").split()).lower()


EXPLAINED_WITHIN = 200  # characters after an acronym's first use in which its words still count


def glossary_status(used: int, missing: list[str]) -> str:
    """The glossary line of the report: how many glossary terms the page links (`used`, from
    the build) and the acronyms the build found missing from the glossary."""
    terms = f"{used} glossary term{'s' if used != 1 else ''} explained"
    if not missing:
        return f"{terms}; no unexplained acronyms"
    return f"{terms}; not in the glossary: {', '.join(sorted(set(missing)))}"


# --- Self-checks ----------------------------------------------------------------------------


def quiz_status(
    src: str, quiz, in_nav: bool, settings: dict, broken: frozenset | set = frozenset()
) -> tuple[str, list[Problem]]:
    """The self-check line of the report, and a problem when a page that needs one has none (the
    build's own error, as a warning while extra.quizzes.require is false).

    `quiz` is induction.quizzes.Quiz for the page (or None); `broken` names the quiz files that
    have an error, already reported once each.
    """
    if quiz is not None:
        count = len(quiz.questions)
        return f"{count} question{'s' if count != 1 else ''} ({quiz.file})", guessable(quiz)
    if not in_nav:
        return "none (the page is not in the nav)", []
    if not needs_quiz(src, settings.get("not_needed", [])):
        return "none needed (extra.quizzes.not_needed in mkdocs.yml)", []
    if quiz_file_name(src) in broken:
        return f"not checked: quizzes/{quiz_file_name(src)} has an error (see above)", []
    level = ERROR if settings.get("require", True) else WARNING
    return "none", [Problem.of(no_quiz(src), level, kind="quiz")]


def guessable(quiz) -> list[Problem]:
    """A warning when every one-answer question of a self-check (three or more) has its right
    answer in the same place: readers soon learn to pick it without reading (a usability review of
    7 December 2026 found the first option right in all 92)."""
    single = [q for q in quiz.questions if q.kind == "single"]
    if len(single) < 3:
        return []
    right = [next(n for n, option in enumerate(q.options) if option.correct) for q in single]
    if len(set(right)) == 1:
        place = f"option {right[0] + 1}"
    elif all(n == len(q.options) - 1 for q, n in zip(single, right, strict=True)):
        place = "the last option"
    else:
        return []
    return [
        Problem(
            quiz.file,
            single[0].line,
            WARNING,
            "quiz",
            f"in every one-answer question the right answer is {place}",
            "mix the order of the options, so that readers cannot guess the answer from its place",
        )
    ]


# --- What the build found ------------------------------------------------------------------


def build_problems(records: list[logging.LogRecord], stopped: BaseException | None = None) -> list[Problem]:
    """The build's warnings and errors, and the error that stopped it, as problems with a file
    and, where known, a line.

    A trainer error carries its DataError (logged with induction.common.warn, or raised by a
    hook), and so does a broken link (hooks/links.py rewrites MkDocs' warning at its line); an
    overdue review is left out, as the report words its own review line. MkDocs' other messages
    (pages not in the nav) are text only.
    """
    problems = []
    for record, told in build_messages(InProcessBuild(records=records, error=stopped)):
        if isinstance(told, OverdueReview):
            continue
        if isinstance(told, DataError):
            problems.append(Problem.of(told, kind=LOG_KINDS.get(record.name) if record else None))
        else:
            problems += mkdocs_problems(told)
    reason = str(stopped or "").strip()  # what stopped it, when not a trainer's DataError
    if reason and problem_of(stopped) is None and not isinstance(stopped, Abort):
        problems += mkdocs_problems(reason)  # Abort's reason is logged
    return problems


def mkdocs_problems(message: str) -> list[Problem]:
    """A message of MkDocs' own (or a plugin's) as problems: the pages left out of the nav, or the
    message as it is. (A broken link comes with its DataError: hooks/links.py.)"""
    if message.startswith(NOT_IN_NAV):
        return [
            Problem(
                f"docs/{src.strip()}",
                None,
                ERROR,
                "build",
                "the page is not in the menu",
                "add a line for it under nav: in mkdocs.yml, or delete the page",
            )
            for src in re.findall(r"^\s*- (.+)$", message, re.M)
        ]
    return [
        Problem(
            "mkdocs.yml",
            None,
            ERROR,
            "build",
            message,
            "run `python3 noxfile.py -s build` to see this message in context",
        )
    ]


# --- Settings and patterns ------------------------------------------------------------------

DUE_SOON_DAYS = 60
OVERDUE_TODO = (
    "review the page, then set last_reviewed to the day you reviewed it and review_due to the next "
    "review date, e.g. a year later"
)
DUE_SOON_TODO = (
    "plan the review; afterwards set last_reviewed to that day and review_due to the next review date"
)
READING_GRADE_LIMIT = 12
MIN_WORDS_FOR_GRADE = 30

# What a page's HTML holds that is not read as its text: code, tables, trainer notes (left in by
# a build in trainer view), drawings, scripts, hidden text, what the
# site leaves out of its search (the reading time), the headings' permalinks and the self-check
# (its questions, and the words above them that every self-check shares).
NOT_READ_AS_TEXT = (
    "pre, code, table, div.admonition.trainer, details.trainer, svg, script, style, [hidden], "
    "[data-search-exclude], a.headerlink, .quiz, .quiz-intro"
)
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
# What a line a learner reads (induction.learner_text.learner_lines: code spans already out) holds
# that is not seen as words, in the order plain() takes it out: {{ placeholders }}, link addresses
# (the link text stays), reference definitions and attribute lists; then html_text() takes out the
# tags, and BARE_ADDRESS what is left of addresses.
NOT_SHOWN = [
    (PLACEHOLDER, " "),
    (re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]"), "]"),
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"), " "),
    (re.compile(r"\{\s*[:#.][^}]*\}"), " "),
]
BARE_ADDRESS = re.compile(r"\b(?:https?|mailto|tel):\S+")
WORD = re.compile(r"[A-Za-z]+")
FIGURE = re.compile(
    r"(?<![\w.,/£$-])(?:\d{1,3}(?:,\d{3})+|\d{3,})(?:\.\d+)?(?![\w/%]|-\d|,\d|\s?(?:px|pixels?)\b)"
    r"|(?<![\w.,])\d+(?:\.\d+)?\s?(?:%|per\s?cent\b)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?:19|20)\d{2}")
PHONE = re.compile(r"(?<![\w,.])0\d{2,4}(?:[ -]?\d{2,}){1,4}")
# A zoom level ("zoom in up to 400%", "at 200% zoom") describes the page, not the world.
ZOOM = re.compile(r"\bzoom(?:s|ed|ing)?\b(?:\s+[a-z]+){0,3}\s+\d+\s?%|\b\d+\s?%\s+zoom\b", re.IGNORECASE)
# A scale ("a score from 0 to 100", "0% to 100%") gives the range a value can take, not a figure.
SCALE = re.compile(r"(?<![\w.,])[01]\s?%?\s+to\s+\d+(?:\.\d+)?\s?%?", re.IGNORECASE)
DATE_HINT = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|\b(?:19|20)\d{2}\b"
    r"|(?i:\bas (?:of|at)\b|\bno (?:year|date) given\b)"
)
NOT_IN_NAV = "The following pages exist in the docs directory, but are not included in the"
# The kind of a trainer error the build logs, by who logs it: acronyms missing from the glossary,
# images without alt text (the page hook's only warning besides an overdue review), broken links
# (MkDocs' warnings, which hooks/links.py rewrites with their DataError).
LOG_KINDS = {
    "mkdocs.hooks.glossary": "glossary",
    "mkdocs.hooks.pages": "image",
    "mkdocs.structure.pages": "link",
}
