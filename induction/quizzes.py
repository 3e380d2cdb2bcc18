"""Self-check quizzes: trainers write questions in `quizzes/*.yml`; each page shows its own.

A quiz file names its page (`page: services/front-door.md`) and lists the questions. When the
site is built, hooks/quizzes.py checks every file (each problem stops the build with
`quizzes/<file>:<line>: what is wrong (what was expected)`), puts the page's self-check under a
"Check your understanding" heading at the end of the page (or where the page has a
`<!-- quiz -->` line), and builds a printable answer key for trainers at about/answer-key.md,
which is not in the learners' menu or search.

Every text a trainer writes is shown as text: HTML, links and Markdown block syntax in it are
escaped, so nothing in a quiz file can run as script. `{{ contacts.front_door.phone }}`-style
facts are filled in as on the pages.

The self-check is written in its final form inside the page's own conversion (SelfCheck): the
markup mkdocs-quiz's script works with, accessible as the site needs it. mkdocs-quiz stays
switched off for every page; its script is served as one file and its settings as data
(docs/javascripts/quiz-settings.js reads them), as the site's security policy runs nothing
inline (hooks/csp.py). mkdocs-quiz's own stylesheet is unscoped and fails colour contrast, so
docs/stylesheets/self-check.css stands in for it; docs/javascripts/self-check.js adds the
screen-reader announcements and text labels. overrides/main.html loads both only on pages with
a quiz.

The MkDocs event handlers are in hooks/quizzes.py; a build's state is one QuizBuild.

Settings in mkdocs.yml under `extra.quizzes`: `require` (every page in the nav needs a quiz,
default true) and `not_needed` (pages, or patterns like `about/*`, that need none).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import html
import json
import logging
import posixpath
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as etree

import yaml
from markdown.extensions import Extension
from markdown.extensions.toc import slugify as default_slugify
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from induction.common import (
    DataError,
    LineDict,
    lines_outside_code,
    parse_yaml_nodes,
    read_source,
    relative_display,
)
from induction.dates import parse_date, today
from induction.facts import fill_placeholders, typed_number
from induction.front_matter import split_front_matter
from induction.glossary import Glossary, warn_unknown_words
from induction.learner_text import learner_lines
from induction.nav import nav_paths
from induction.text import trainer_markdown
from induction.versions import require

require(
    "mkdocs-quiz",
    "==1.7.1",
    "induction/quizzes.py's self_check_elements, which writes the markup mkdocs-quiz's script works "
    "with (plugin.py's _process_quiz and _process_fill_in_blank_quiz), QUIZ_OPTIONS (its options "
    "and their defaults), Setup (its TranslationManager, and the settings its script reads) and "
    "upstream_script (its module's js_content)",
)

log = logging.getLogger("mkdocs.hooks.quizzes")


@dataclass
class QuizBuild:
    """One build's self-checks, read afresh by hooks/quizzes.py's on_config."""

    require: bool = True  # every page in the nav needs a quiz
    not_needed: list[str] = field(default_factory=list)  # pages (or patterns) that need none
    quizzes: dict[str, Quiz] = field(default_factory=dict)  # page src_uri -> its quiz
    self_check: SelfCheck = field(default_factory=lambda: SelfCheck())  # the Markdown extension
    setup: Setup | None = None  # mkdocs-quiz's settings and interface text (hooks/quizzes.py, on_files)

    @classmethod
    def load(cls, root: Path, extra, plugins) -> QuizBuild:
        """The `extra.quizzes` settings and every quiz file of the project at `root`. The files as
        read are kept on the self-check extension, where the content check finds them
        (built_quiz_files)."""
        settings = read_settings(extra, plugins)
        files = load_quizzes(root / QUIZ_DIR, root)
        build = cls(settings["require"], settings["not_needed"], {quiz.page: quiz for quiz in files.quizzes})
        build.self_check.files = files
        return build

    def answer_key(self, sources: dict[str, str], nav, slugify, facts: dict | None) -> str:
        """The answer key page's Markdown; `sources` has each quiz page's Markdown file."""
        fronts, sections = {}, {}
        for src in self.quizzes:
            fronts[src], body, _ = split_front_matter(sources[src])
            sections[src] = page_sections(body, slugify)
        order: dict[str, int] = {}
        for path in nav_paths(nav):  # pages in the order of mkdocs.yml's nav: setting
            order.setdefault(path, len(order))
        quizzes = sorted(self.quizzes.values(), key=lambda q: (order.get(q.page, len(order)), q.page))
        return answer_key_markdown(quizzes, fronts, sections, facts, today())

    def check_facts(self, facts: dict | None) -> None:
        """Stop at a fact placeholder typed wrongly in any quiz text, at its own line in the quiz
        file (the line within a folded text too), before the pages and answer key use the text."""
        if facts is None:
            return
        for quiz in self.quizzes.values():
            check_quiz_facts(quiz, quiz.text, facts)

    def check_words(self, glossary: Glossary, facts: dict | None) -> None:
        """Warn of the acronyms the glossary does not explain in each quiz file's text."""
        for quiz in self.quizzes.values():
            warn_unknown_quiz_words(quiz, glossary, quiz.text, facts)


# --- Settings -------------------------------------------------------------------------------


def read_settings(extra, plugins) -> dict:
    """`extra.quizzes` from mkdocs.yml, and a check that mkdocs-quiz is set up for accessibility."""
    extra = extra if extra is not None else {}
    if not isinstance(extra, dict):
        raise DataError("mkdocs.yml", None, "extra.quizzes is not a group of settings", SETTINGS_HINT)
    unknown = sorted(set(extra) - {"require", "not_needed"})
    if unknown:
        raise DataError(
            "mkdocs.yml", None, f"extra.quizzes has an unknown setting '{unknown[0]}'", SETTINGS_HINT
        )
    require = extra.get("require", True)
    not_needed = extra.get("not_needed", [])
    if not isinstance(require, bool):
        raise DataError("mkdocs.yml", None, "extra.quizzes.require is not true or false", SETTINGS_HINT)
    if not isinstance(not_needed, list) or not all(isinstance(p, str) for p in not_needed):
        raise DataError("mkdocs.yml", None, "extra.quizzes.not_needed is not a list of pages", SETTINGS_HINT)
    plugin = plugins.get("mkdocs_quiz") if plugins is not None else None
    if plugin is None:
        raise DataError(
            "mkdocs.yml",
            None,
            "the mkdocs_quiz plugin is not in 'plugins:', and the self-checks take their settings "
            "and their buttons' words from it",
            "add '- mkdocs_quiz:' with the settings shown in quizzes/README.md",
        )
    for name, wanted, why in PLUGIN_SETTINGS:
        if plugin.config.get(name) != wanted:
            raise DataError(
                "mkdocs.yml",
                None,
                f"mkdocs_quiz has {name}: {str(plugin.config.get(name)).lower()}, {why}",
                f"set {name}: {str(wanted).lower()} under mkdocs_quiz",
            )
    return {"require": require, "not_needed": list(not_needed)}


# --- Loading and checking quiz files --------------------------------------------------------


@dataclass
class Option:
    text: str
    correct: bool = False
    feedback: str = ""
    line: int = 0
    lines: dict = field(default_factory=dict)  # each field's line


@dataclass
class Question:
    number: int
    text: str
    explanation: str
    section: str
    kind: str = "single"
    options: list[Option] = field(default_factory=list)
    answer: str = ""
    line: int = 0
    lines: dict = field(default_factory=dict)


@dataclass
class Quiz:
    file: str
    page: str
    questions: list[Question]
    line: int = 1
    text: str = field(default="", repr=False, compare=False)  # the file as read, for later checks


def load_quizzes(quiz_dir: Path, root: Path) -> QuizFiles:
    """Read and check every quiz file in `quiz_dir`: the build stops at the first problem, with
    what it read of all of them (QuizFilesError)."""
    files = read_quiz_files(quiz_dir, root)
    if files.errors:
        raise QuizFilesError(files)
    return files


@dataclass
class QuizFiles:
    quizzes: list[Quiz]  # the good ones, a page's first in file order
    errors: list[DataError]  # in file order
    broken: set[str]  # names of the files that could not be read as a quiz


class QuizFilesError(DataError):
    """The first problem in the quiz files, which stops the build. `files` is what the build read
    of all of them (every problem, the good quizzes), so that the content check lists every
    problem from the build's own reading instead of reading the files again."""

    def __init__(self, files: QuizFiles) -> None:
        first = files.errors[0]
        super().__init__(first.path, first.line, first.problem, first.expected, subject=first.subject)
        self.files = files


def built_quiz_files(config, stop: DataError | None) -> QuizFiles | None:
    """The quiz files as a build read them: from `stop`, the trainer error that stopped it, when
    that is one of them, or from its self-check extension (`config`: the build's settings); None
    when the build stopped before hooks/quizzes.py read them, or has no self-checks."""
    if isinstance(stop, QuizFilesError):
        return stop.files
    extensions = config["markdown_extensions"] if config is not None else []
    return next((e.files for e in extensions if isinstance(e, SelfCheck) and e.files is not None), None)


def read_quiz_files(quiz_dir: Path, root: Path) -> QuizFiles:
    """Read and check every quiz file in `quiz_dir`, each on its own, so one broken file does
    not hide the quizzes of the others (the content check lists every problem). A page may have
    only one quiz."""
    found = QuizFiles([], [], set())
    paths = sorted(quiz_dir.iterdir()) if quiz_dir.is_dir() else []
    by_page: dict[str, Quiz] = {}
    for path in paths:
        if path.suffix.lower() not in (".yml", ".yaml") or path.name.startswith("."):
            continue
        display = relative_display(path, root)
        try:
            text = read_source(path, display)
            quiz = parse_quiz(text, display)
            quiz.text = text
        except DataError as error:
            found.errors.append(error)
            found.broken.add(path.name)
            continue
        if quiz.page in by_page:
            found.errors.append(
                DataError(
                    display,
                    quiz.line,
                    f"there is already a quiz for {quiz.page} in {by_page[quiz.page].file}",
                    "keep one quiz file per page: move these questions into that file, or delete one",
                )
            )
            continue
        by_page[quiz.page] = quiz
        found.quizzes.append(quiz)
    return found


def parse_quiz(text: str, display: str) -> Quiz:
    """Check the quiz file `display`, whose text is `text`, and return it as a `Quiz`: every text
    a reader sees as the trainer typed it (as_typed)."""
    return check_quiz(as_typed(*parse_yaml_nodes(text, display)), display)


def as_typed(data, root: yaml.Node | None):
    """`data` (parse_yaml's reading of a quiz file, whose YAML nodes are `root`) with each text a
    reader sees exactly as the trainer typed it.

    YAML reads a value without quotes that looks like a number, a time, a date, yes or no, or
    null as that kind of value, not as text: 9:30 is the number 570, 077 is 63, 1.50 is 1.5,
    1_000 is 1000, yes is true, 2025-04-01 a date. So a question's question, answer, explanation
    and section and an option's text and feedback are taken from the YAML node, as typed, when
    YAML made anything but text of them. 'correct:' keeps true and false; any other value becomes
    its text as typed, quotes included, for the message that refuses it. Lists and groups of
    fields are left for check_quiz to refuse."""
    for question, question_node in _items(data, _fields(data, root), "questions"):
        for option, option_node in _items(
            question, _typed(question, question_node, TYPED_QUESTION_KEYS), "options"
        ):
            correct = _typed(option, option_node, TYPED_OPTION_KEYS).get("correct")
            if isinstance(correct, yaml.ScalarNode) and not isinstance(option["correct"], bool):
                quote = correct.style if correct.style in ('"', "'") else ""
                option["correct"] = f"{quote}{correct.value}{quote}"
    return data


def _fields(data, node) -> dict:
    """Each key of `data` (a LineDict) with the YAML node of its value; {} if `node` is not its
    mapping (parse_yaml keeps the keys in the file's order and refuses a key given twice)."""
    if isinstance(data, LineDict) and isinstance(node, yaml.MappingNode) and len(node.value) == len(data):
        return {key: value for key, (_, value) in zip(data, node.value, strict=True)}
    return {}


def _items(data, nodes: dict, key: str) -> list:
    """(item, its YAML node) for each item of the list `data[key]` (`nodes`: see _fields)."""
    items, node = data.get(key) if isinstance(data, dict) else None, nodes.get(key)
    if isinstance(items, list) and isinstance(node, yaml.SequenceNode) and len(node.value) == len(items):
        return list(zip(items, node.value, strict=True))
    return []


def _typed(data, node, keys: tuple) -> dict:
    """Put back the text as typed of each of `keys` that YAML read as other than text; return
    each key's YAML node (see _fields)."""
    nodes = _fields(data, node)
    for key in keys:
        if isinstance(nodes.get(key), yaml.ScalarNode) and not isinstance(data[key], str):
            data[key] = nodes[key].value
    return nodes


def check_quiz(data, display: str) -> Quiz:
    """Check one quiz file's data (as_typed's) and return it as a `Quiz`."""
    if not isinstance(data, LineDict) or not data:
        raise DataError(
            display, 1, "this file is not a quiz", "start with 'page: <page under docs/>' and 'questions:'"
        )
    _known_keys(data, QUIZ_KEYS, display, "the quiz")
    page = data.get("page")
    if page is None:
        raise DataError(
            display,
            data.line,
            "the quiz does not say which page it belongs to",
            "add 'page: ' and the page's path under docs/, e.g. 'page: services/front-door.md'",
        )
    if not isinstance(page, str) or not page.strip().endswith(".md"):
        raise DataError(
            display,
            data.line_of("page"),
            f"'page: {page}' is not the path of a page",
            "write the page's path under docs/, e.g. 'page: services/front-door.md'",
        )
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise DataError(
            display,
            data.line_of("questions"),
            "the quiz has no list of questions",
            "write 'questions:' and under it each question as '- question: ...'",
        )
    if len(questions) < MIN_QUESTIONS:
        raise DataError(
            display,
            data.line_of("questions"),
            f"the quiz has {len(questions)} question{'s' if len(questions) != 1 else ''}",
            f"write at least {MIN_QUESTIONS}",
        )
    parsed = [
        parse_question(q, n, display, data.line_of("questions")) for n, q in enumerate(questions, start=1)
    ]
    return Quiz(file=display, page=page.strip().lstrip("/"), questions=parsed, line=data.line_of("page"))


def parse_question(data, number: int, display: str, list_line: int) -> Question:
    name = f"question {number}"
    if not isinstance(data, LineDict):
        raise DataError(
            display,
            list_line,
            f"{name} is not a group of fields",
            "start each question with '- question: ...' and indent its other fields under it",
        )
    _known_keys(data, QUESTION_KEYS, display, name)
    kind = data.get("type", "single")
    if kind not in QUESTION_TYPES:
        raise DataError(
            display,
            data.line_of("type"),
            f"{name} has type '{kind}'",
            f"use one of: {', '.join(QUESTION_TYPES)}",
        )
    text = _text(data, "question", name, display, "write 'question: ' and the question, in quotes")
    if not text:
        raise DataError(
            display, data.line_of("question"), f"{name} has no text", "write 'question: ' and the question"
        )
    explanation = _text(data, "explanation", name, display, "write it in quotes")
    if not explanation:
        raise DataError(
            display,
            data.line_of("explanation"),
            f"{name} has no explanation",
            "write 'explanation: ' and, in plain English, why the right answer is right",
        )
    section = _text(data, "section", name, display, "write the heading in quotes")
    if not section:
        raise DataError(
            display,
            data.line_of("section"),
            f"{name} does not name the section of the page it tests",
            "write 'section: ' and the heading, as it is on the page, e.g. 'section: Key takeaways'",
        )
    question = Question(
        number=number,
        text=text,
        explanation=explanation,
        section=section,
        kind=kind,
        line=data.line,
        lines=dict(data.lines),
    )
    if kind == "fill-in":
        _parse_blank(data, question, display)
    else:
        _parse_options(data, question, display)
    return question


def _parse_blank(data: LineDict, question: Question, display: str) -> None:
    name = f"question {question.number}"
    if "options" in data:
        raise DataError(
            display,
            data.line_of("options"),
            f"{name} is a fill-in question, so it cannot have options",
            "remove 'options:', or change 'type:' to single or multiple",
        )
    blanks = len(BLANK.findall(question.text))
    if blanks == 0:
        raise DataError(
            display,
            data.line_of("question"),
            f"{name} is a fill-in question but its text has no blank",
            "write three underscores, ___, where the answer goes",
        )
    if blanks > 1:
        raise DataError(
            display, data.line_of("question"), f"{name} has {blanks} blanks", "use one ___ per question"
        )
    answer = data.get("answer")
    if not isinstance(answer, (str, type(None))):  # a list or a group of fields (as_typed)
        raise DataError(display, data.line_of("answer"), f"{name}'s answer is not text", "write it in quotes")
    answer = "" if answer is None else " ".join(answer.split())
    if not answer:
        raise DataError(
            display,
            data.line_of("answer") if "answer" in data else data.line,
            f"{name} has an empty blank",
            "write the expected answer after 'answer:', e.g. answer: \"773\"",
        )
    if not BLANK_ANSWER.fullmatch(answer):
        raise DataError(
            display,
            data.line_of("answer"),
            f"{name}'s answer '{answer}' has characters that do not work in a blank",
            "use only letters, numbers, spaces and . , ' - / % £ :",
        )
    question.answer = answer


def _parse_options(data: LineDict, question: Question, display: str) -> None:
    name = f"question {question.number}"
    if "answer" in data:
        raise DataError(
            display,
            data.line_of("answer"),
            f"{name} has 'answer:' but is not a fill-in question",
            "write 'type: fill-in' and a ___ blank, or mark the right option with 'correct: true'",
        )
    options = data.get("options")
    if options is None or options == []:
        raise DataError(
            display,
            data.line_of("options") if "options" in data else data.line,
            f"{name} has no options",
            "write 'options:' and under it at least two '- text: ...', with 'correct: true' on the right one",
        )
    if not isinstance(options, list):
        raise DataError(
            display,
            data.line_of("options"),
            f"{name}'s options are not a list",
            "write each option on its own line as '- text: ...'",
        )
    if len(options) < 2:
        raise DataError(
            display, data.line_of("options"), f"{name} has only one option", "give at least two options"
        )
    if len(options) > MAX_OPTIONS:
        raise DataError(
            display,
            data.line_of("options"),
            f"{name} has {len(options)} options",
            f"give at most {MAX_OPTIONS}: a longer list is hard to take in on a phone, and in the "
            "large-print handout the question no longer fits on a sheet beside the next one; split it into "
            "two questions",
        )
    seen: dict[str, int] = {}
    for n, item in enumerate(options, start=1):
        label = f"{name}, option {n}"
        if not isinstance(item, LineDict):
            raise DataError(
                display,
                data.line_of("options"),
                f"{label} is not a group of fields",
                "write '- text: ...' and, on the right answers, 'correct: true'",
            )
        _known_keys(item, OPTION_KEYS, display, label)
        text = _text(item, "text", label, display, "write the option in quotes")
        if not text:
            raise DataError(display, item.line, f"{label} has no text", "write 'text: ' and the option")
        correct = item.get("correct", False)
        if not isinstance(correct, bool):
            quoted = isinstance(correct, str) and correct[:1] in ('"', "'")  # "true" is only a word
            raise DataError(
                display,
                item.line_of("correct"),
                f"{label} has 'correct: {correct}'",  # as typed (as_typed), quotes included
                ("remove the quotes: " if quoted else "")
                + "write 'correct: true' on right answers and leave it out on the others",
            )
        key = text.casefold()
        if key in seen:
            raise DataError(
                display,
                item.line_of("text"),
                f"{name}: options {seen[key]} and {n} have the same text '{text}'",
                "give each option different words",
            )
        seen[key] = n
        feedback = _text(item, "feedback", label, display, "write the feedback in quotes")
        question.options.append(Option(text, correct, feedback, item.line, dict(item.lines)))
    right = sum(o.correct for o in question.options)
    if right == 0:
        raise DataError(
            display,
            data.line_of("options"),
            f"{name} has no correct answer",
            "mark at least one option 'correct: true'",
        )
    if question.kind == "single" and right > 1:
        raise DataError(
            display,
            data.line_of("options"),
            f"{name} is a single-answer question but {right} options are marked correct",
            "mark one option correct, or write 'type: multiple'",
        )
    if question.kind == "multiple" and right < 2:
        raise DataError(
            display,
            data.line_of("options"),
            f"{name} is a multiple-answer question but only one option is marked correct",
            "mark two or more options correct, or write 'type: single'",
        )
    if question.kind == "multiple" and right == len(question.options):
        raise DataError(
            display,
            data.line_of("options"),
            f"{name} is a multiple-answer question but every option is marked correct",
            "add at least one wrong option, so the question tests something",
        )


def _known_keys(data: LineDict, allowed: tuple, display: str, name: str) -> None:
    for key in data:
        if key not in allowed:
            raise DataError(
                display,
                data.line_of(key),
                f"{name} has an unknown key '{key}'",
                f"use only: {', '.join(allowed)}",
            )


def _text(data: LineDict, key: str, name: str, display: str, hint: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):  # a list or a group of fields (as_typed)
        raise DataError(display, data.line_of(key), f"{name}: '{key}' is not text", hint)
    return " ".join(value.split())


def warn_unknown_quiz_words(quiz: Quiz, glossary: Glossary, raw: str, facts: dict | None) -> None:
    """The glossary's check for unexplained acronyms on every text of `quiz` a reader sees (facts
    filled in), each word once, at the line of the first text that has it (`raw`: the quiz file).
    The pages and the answer key that show the texts leave them to this check, which knows their lines."""
    texts, starts = _quiz_texts(quiz)
    first: dict[str, int] = {}
    for line, text in sorted(texts, key=lambda item: item[0]):
        for word in glossary.unknown_words(_fill(text, facts, quiz.file, line)):
            first.setdefault(word, line)
    lines = raw.split("\n")
    for word, line in first.items():
        end = min((n for n in starts if n > line), default=len(lines) + 1)
        warn_unknown_words([word], quiz.file, "\n".join(lines[: end - 1]), line)


def check_quiz_facts(quiz: Quiz, raw: str, facts: dict) -> None:
    """Check the fact placeholders of every text of `quiz` a reader sees (`raw`: the quiz file), and
    report a mistake at the line of the quiz file that has it."""
    texts, starts = _quiz_texts(quiz)
    lines = raw.split("\n")
    for line, text in texts:
        typed = typed_number(text, facts.get("contacts") or {}, "the self-check")
        if typed:
            raise DataError(quiz.file, line, *typed)
        if "{" in text or "}" in text:
            end = min((n for n in starts if n > line), default=len(lines) + 1)
            fill_placeholders(
                text, facts, quiz.file, line_at=_word_lines(lines[line - 1 : end - 1], line, text)
            )


def _quiz_texts(quiz: Quiz) -> tuple[list[tuple[int, str]], set[int]]:
    """(line, text) of every text of `quiz` a reader sees, and the line of every field, where the
    lines of a text spread over several lines end."""
    texts, starts = [], set()
    for q in quiz.questions:
        texts += [(q.lines.get("question", q.line), q.text), (q.lines.get("answer", q.line), q.answer)]
        texts.append((q.lines.get("explanation", q.line), q.explanation))
        for o in q.options:
            texts += [(o.lines.get("text", o.line), o.text), (o.lines.get("feedback", o.line), o.feedback)]
            starts.update(o.lines.values())
        starts.update(q.lines.values())
    return texts, starts


def _word_lines(raw: list[str], line: int, text: str):
    """For a quiz `text` (its words joined by single spaces) written on the `raw` lines from `line`
    on, a function giving the file line of a position in the text: the line that has its word.
    When the words on the lines are not the text's (a comment, an escape), every position is at `line`."""
    counts = []
    for number, written in enumerate(raw, start=line):
        if number == line:
            written = written.partition(":")[2]
            written = "" if BLOCK_INDICATOR.fullmatch(written) else written
        counts.append((number, len(written.split())))
    if sum(count for _, count in counts) != len(text.split()):
        return lambda at: line

    def line_at(at: int) -> int:
        word = text.count(" ", 0, at)
        for number, count in counts:
            if word < count:
                return number
            word -= count
        return line

    return line_at


def check_pages_exist(quizzes: list[Quiz], pages: set[str]) -> None:
    for quiz in quizzes:
        if quiz.page not in pages:
            close = [p for p in sorted(pages) if posixpath.basename(p) == posixpath.basename(quiz.page)]
            hint = f"did you mean '{close[0]}'?" if close else "e.g. services/front-door.md"
            raise DataError(
                quiz.file,
                quiz.line,
                f"the page '{quiz.page}' does not exist",
                f"write the path of a page under docs/; {hint}",
            )


def check_required(nav_pages: list[str], with_quiz: set[str], require: bool, not_needed: list[str]) -> None:
    """Every page in the nav needs a quiz unless `not_needed` matches it."""
    for pattern in not_needed:
        if not any(fnmatch.fnmatchcase(p, pattern) for p in nav_pages):
            raise DataError(
                "mkdocs.yml",
                None,
                f"extra.quizzes.not_needed lists '{pattern}', which matches no page in the nav",
                "list pages by their path under docs/, e.g. glossary.md or about/*",
            )
    if not require:
        return
    missing = [p for p in nav_pages if p not in with_quiz and needs_quiz(p, not_needed)]
    if missing:
        raise no_quiz(missing[0], missing[1:])


def needs_quiz(page: str, not_needed: list[str]) -> bool:
    """Whether a page in the nav needs a self-check: unless a `not_needed` pattern matches it."""
    return not any(fnmatch.fnmatchcase(page, pattern) for pattern in not_needed)


def no_quiz(page: str, others: list[str] = ()) -> DataError:
    """A page in the nav that needs a self-check has none (and `others` neither): the build stops
    at the first, naming the others; the content check lists each page."""
    more = f"; {len(others)} more pages have none: {', '.join(others)}" if others else ""
    return DataError(
        f"docs/{page}",
        None,
        f"the page is in the nav but has no self-check quiz{more}",
        f"add quizzes/{quiz_file_name(page)} with 'page: {page}' and at least {MIN_QUESTIONS} questions "
        "as quizzes/README.md shows, or list the page under extra.quizzes.not_needed in mkdocs.yml",
    )


def quiz_file_name(page: str) -> str:
    """The conventional quiz file for a page: services/front-door.md -> services-front-door.yml."""
    return page[: -len(".md")].replace("/", "-") + ".yml"


def check_no_quiz_markup(markdown: str, display: str, offset: int = 0, has_quiz: bool = False) -> None:
    """No page may hold a hand-written mkdocs-quiz block where readers would see it (code, comments
    and trainer notes aside: mkdocs-quiz is switched off on every page, so it would show as broken
    text); a page without a quiz file (`has_quiz` false) must not hold a quiz marker either."""
    for number, line in lines_outside_code(markdown) if MARKER in markdown and not has_quiz else ():
        if line.strip() == MARKER:
            raise DataError(
                display,
                number + offset,
                f"the page has a {MARKER} line but no quiz file names this page",
                f"add a quiz file in quizzes/ with 'page: {display[len('docs/') :]}', or remove the line",
            )
    # in what readers see (not in code, comments or trainer notes): in a list or a quote as well
    for number, text in learner_lines(markdown):
        if QUIZ_TAG.search(text):
            raise DataError(
                display,
                number + offset,
                "the page has a hand-written <quiz> block",
                "write the questions in a quiz file in quizzes/, as quizzes/README.md shows",
            )


# --- Rendering ------------------------------------------------------------------------------


def page_sections(markdown: str, slugify=None) -> dict[str, str]:
    """The page's headings as {heading text: anchor id}, ids as the toc extension makes them."""
    slugify = slugify or (lambda text: default_slugify(text, "-"))
    sections, used = {}, set()
    for _, line in lines_outside_code(markdown):
        match = HEADING.match(line)
        if not match:
            continue
        text, attrs = match.group(2), match.group(3) or ""
        text = INLINE_MARKUP.sub(lambda m: m.group(1) or "", text).strip()
        explicit = re.search(r"#([\w-]+)", attrs)
        anchor = explicit.group(1) if explicit else slugify(html.unescape(text))
        base, n = anchor, 0
        while anchor in used:
            n += 1
            anchor = f"{base}_{n}"
        used.add(anchor)
        sections.setdefault(text, anchor)
    sections.setdefault(HEADING_TEXT, slugify(HEADING_TEXT))
    return sections


def shown_questions(
    quiz: Quiz, sections: dict[str, str] | None = None, facts: dict | None = None
) -> list[Shown]:
    """Each question of `quiz` as the page shows it: its parts as Markdown of one paragraph each
    (trainer text is escaped by trainer_markdown, facts are filled in, and control characters a
    YAML escape can write are dropped, as Python-Markdown drops them from a page).

    `sections` maps heading text to anchors (from `page_sections`); a question naming a section
    the page does not have is an error. Without `sections` the explanation names the section
    without a link.
    """
    shown = []
    for question in quiz.questions:

        def part(markdown: str, line: int) -> str:
            return CONTROL_CHARACTERS.sub("", _fill(markdown, facts, quiz.file, line))

        def text(value: str, key: str, question: Question = question) -> str:
            return part(trainer_markdown(value), question.lines.get(key, question.line))

        why = f"**Why:** {text(question.explanation, 'explanation')}"
        read_more = f"Read more: {_section_link(question, quiz, sections)}."
        if question.kind == "fill-in":
            line = question.lines.get("question", question.line)
            # "[[ ]]" stands for the box until the sentence is filled: escaped text has no "[["
            sentence = part(blank_text(question.text, "[[ ]]"), line).replace("[[ ]]", BLANK_SLOT)
            shown.append(Shown(sentence, [], why, read_more, blank=question.answer))
            continue
        hint = " *Choose all the answers that apply.*" if question.kind == "multiple" else ""
        options = [
            (
                part(trainer_markdown(option.text), option.line),
                option.correct,
                part(trainer_markdown(option.feedback), option.line) if option.feedback else "",
            )
            for option in question.options
        ]
        shown.append(Shown(text(question.text, "question") + hint, options, why, read_more))
    return shown


@dataclass
class Shown:
    """A question as the page shows it, each part Markdown of one paragraph."""

    question: str  # for a blank: with BLANK_SLOT where the box goes
    options: list[tuple[str, bool, str]]  # (text, right or not, feedback or "")
    why: str  # the explanation, "**Why:** ..."
    read_more: str  # "Read more: [section](#anchor)."
    blank: str | None = None  # a fill-in blank's answer


def blank_text(text: str, blank: str) -> str:
    """A fill-in question's text, escaped, with `blank` where the ___ was."""
    before, after = BLANK.split(text, maxsplit=1)
    left = trainer_markdown(before) + (" " if before[-1:].isspace() else "")
    right = (" " if after[:1].isspace() else "") + trainer_markdown(after, line_start=not left)
    return left + blank + right


def _section_link(question: Question, quiz: Quiz, sections, page_prefix: str = "") -> str:
    if sections is None:
        return f"“{trainer_markdown(question.section)}”"
    found = {_norm(title): title for title in sections}.get(_norm(question.section))
    if found is None:
        known = [title for title in sections if title != HEADING_TEXT]
        raise DataError(
            quiz.file,
            question.lines.get("section", question.line),
            f"question {question.number} names the section '{question.section}', "
            f"which is not a heading on {quiz.page}",
            "use a heading of the page as it is written: " + "; ".join(known),
        )
    return f"[{trainer_markdown(found)}]({page_prefix}#{sections[found]})"


def place_quiz(markdown: str, block: str, display: str, offset: int = 0) -> str:
    """Put the quiz where the page's `<!-- quiz -->` line is, or at the end of the page."""
    found = [n for n, line in lines_outside_code(markdown) if line.strip() == MARKER]
    if len(found) > 1:
        raise DataError(display, found[1] + offset, f"the page has {len(found)} {MARKER} lines", "keep one")
    if found:
        lines = markdown.split("\n")
        lines[found[0] - 1] = "\n" + block + "\n"
        return "\n".join(lines)
    return markdown.rstrip() + "\n\n" + block + "\n"


def add_quiz(
    markdown: str, quiz: Quiz, slugify, facts: dict | None, display: str, slot: str, offset: int = 0
) -> tuple[str, list[Shown]]:
    """The page's Markdown with the self-check's heading and `slot` (SelfCheck.slot) where
    `place_quiz` puts them, and its questions as the page shows them."""
    shown = shown_questions(quiz, page_sections(markdown, slugify), facts)
    return place_quiz(markdown, f"## {HEADING_TEXT}\n\n{slot}", display, offset), shown


def check_no_answer_key_file(exists: bool) -> None:
    if exists:
        raise DataError(
            f"docs/{ANSWER_KEY}",
            None,
            "this page is made by the build from quizzes/ and must not be written by hand",
            "delete it; the answer key is built from the quiz files",
        )


# --- The self-check in the page -------------------------------------------------------------
# The page's Markdown gets the "Check your understanding" heading and, below it, a paragraph of
# one word made afresh each build (SelfCheck.slot), which no trainer can type. In the page's own
# conversion, after every other step that reads the page (glossary links, phone links, the safety
# nets, trainer notes: the questions are trainer text made safe by trainer_markdown, and get none
# of those), SelfCheck puts the self-check in its place: the elements mkdocs-quiz's script works
# with (see self_check_elements), their Markdown turned into HTML by Python-Markdown's own inline
# step. mkdocs-quiz itself stays switched off for the page: its script is served as one file
# (QUIZ_SCRIPT) and its settings as a JSON block (settings_html).


@dataclass
class Setup:
    """How one build's self-checks behave and what their buttons say: mkdocs-quiz's settings in
    mkdocs.yml, with a page's own `quiz:` front matter over them (page_options), and its interface
    text (mkdocs-quiz's English with quizzes/interface-text.en-GB.po over it)."""

    options: dict[str, object]
    words: dict[str, str]
    confetti: bool = False
    progress_position: str = "top"

    @classmethod
    def read(cls, plugin_config, root: Path, theme_language: str | None) -> Setup:
        from mkdocs_quiz.translations import TranslationManager

        language = plugin_config.get("language") or theme_language or "en"
        custom = (plugin_config.get("custom_translations") or {}).get(language)
        words = TranslationManager(language, root / custom if custom else None).to_dict()
        options = {name: plugin_config.get(name, default) for name, default in QUIZ_OPTIONS.items()}
        return cls(
            options,
            words,
            bool(plugin_config.get("confetti", True)),
            str(plugin_config.get("progress_sidebar_position", "top")),
        )

    def page_options(self, meta: dict) -> dict[str, object]:
        own = page_quiz_settings(meta)
        return {**self.options, **{name: value for name, value in own.items() if name in QUIZ_OPTIONS}}

    def word(self, key: str, **values) -> str:
        text = self.words.get(key, key)
        return text.format(**values) if values else text

    def settings_html(self, options: dict, settings_url: str, script_url: str) -> str:
        """The page's settings for mkdocs-quiz's script as data (the security policy runs nothing
        inline), read by docs/javascripts/quiz-settings.js, then that script and mkdocs-quiz's,
        both deferred, so they run in that order before DOMContentLoaded, after self-check.js."""
        values: dict[str, object] = {
            "translations": self.words,
            "config": {
                "confetti": self.confetti,
                "showProgress": bool(options["show_progress"]),
                "progressSidebarPosition": self.progress_position,
            },
        }
        if options["auto_number"]:
            values["autoNumber"] = True
        return (
            f'<script type="application/json" id="quiz-settings">{json_for_html(values)}</script>'
            f'<script defer src="{html.escape(settings_url)}"></script>'
            f'<script defer src="{html.escape(script_url)}"></script>'
        )


def page_quiz_settings(meta: dict) -> dict:
    """A page's `quiz:` front matter when it is a group of settings, else none (`quiz: true`)."""
    return meta.get("quiz") if isinstance(meta.get("quiz"), dict) else {}


class SelfCheck(Extension):
    """Puts a page's self-check where its slot paragraph is, in the conversion after `start`.
    `placed` says how many slots were filled (1, or 0 when the slot was lost in raw HTML);
    `options` are the last started page's (for its settings block, Setup.settings_html)."""

    def __init__(self):
        super().__init__()
        self.slot = f"selfcheck{uuid.uuid4().hex}"  # one word: no abbreviation or term inside
        self.job: tuple[list[Shown], dict, Setup] | None = None
        self.placed, self.options = 0, {}
        self.files: QuizFiles | None = None  # the quiz files as this build read them (QuizBuild.load)

    def start(self, questions: list[Shown], options: dict, setup: Setup) -> None:
        self.job, self.placed, self.options = (questions, options, setup), 0, options

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        # after the trainer notes' removal (-10), the last step that reads the page's text
        md.treeprocessors.register(_PlaceSelfCheck(md, self), "self_check", -20)


class _PlaceSelfCheck(Treeprocessor):
    def __init__(self, md, extension: SelfCheck):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        job, self.extension.job = self.extension.job, None
        if job is None:  # a page without a self-check
            return
        slot = next(
            ((parent, at) for parent in root.iter() for at, p in enumerate(parent) if self.is_slot(p)), None
        )
        if slot is None:  # lost in raw HTML: hooks/quizzes.py says so
            return
        holder = etree.Element("div")
        elements, boxes = self_check_elements(*job)
        holder.extend(elements)
        for step in ("inline", "prettify", "unescape"):  # what the page's text had
            self.md.treeprocessors[step].run(holder)
        for sentence, box in boxes:
            place_box(sentence, box)
        parent, at = slot
        parent[at : at + 1] = list(holder)
        self.extension.placed += 1

    def is_slot(self, element: etree.Element) -> bool:
        return (
            element.tag == "p" and len(element) == 0 and (element.text or "").strip() == self.extension.slot
        )


def self_check_elements(
    questions: list[Shown], options: dict, setup: Setup
) -> tuple[list[etree.Element], list[tuple[etree.Element, etree.Element]]]:
    """The self-check as mkdocs-quiz 1.7.1 writes it (plugin.py: _generate_intro_html,
    _process_quiz, _process_fill_in_blank_quiz), finished for the site: question numbers are <h3>
    under the "Check your understanding" <h2>; the forms have no inline handler (mkdocs-quiz's
    script submits them); the parts of each question that search should skip are marked (see the
    note on search above QUIZ_OPTIONS); a status line for screen readers follows. The Markdown of
    each part is still to be turned into HTML, and each blank's box put in its sentence
    (_PlaceSelfCheck): the elements, and (sentence, box) for each blank."""

    def add(parent, tag: str, text: str = "", **attrs) -> etree.Element:
        element = etree.SubElement(
            parent, tag, {name.rstrip("_").replace("_", "-"): v for name, v in attrs.items()}
        )
        if text:
            element.text = text
        return element

    def word(key: str, **values) -> AtomicString:
        return AtomicString(setup.word(key, **values))

    top = etree.Element("div")
    boxes: list[tuple[etree.Element, etree.Element]] = []  # (a blank's sentence, its box)
    intro = add(top, "div", class_="quiz-intro", data_search_exclude="")
    add(
        intro,
        "p",
        word("Quiz results are saved to your browser's local storage and will persist between sessions."),
    )
    add(
        intro,
        "button",
        word("Reset quiz"),
        type="button",
        class_="md-button quiz-intro-reset",
        data_search_exclude="",
    )
    for number, question in enumerate(questions):
        quiz_id = f"quiz-{number}"
        is_blank = question.blank is not None
        attrs = {"class": "quiz"}
        if is_blank:
            attrs = {"class": "quiz quiz-fill-blank", "data-quiz-type": "fill-blank"}
        several = sum(correct for _, correct, _ in question.options) > 1
        for name, flag, blank in OPTION_ATTRIBUTES:
            if options[name] and (blank or not is_blank):
                attrs[flag] = "true"
        attrs["id"] = quiz_id
        quiz = etree.SubElement(top, "div", attrs)
        add(
            quiz,
            "a",
            AtomicString("#"),
            href=f"#{quiz_id}",
            class_="quiz-header-link",
            data_search_exclude="",
        )
        if options["auto_number"]:
            add(quiz, "h3", word("Question {n}", n=number + 1), class_="quiz-number", data_search_exclude="")
        body = add(quiz, "div", class_="quiz-question")
        if not is_blank:
            body.set("id", f"{quiz_id}-question")
        body.set("data-search-exclude", "")
        paragraph = add(body, "p", question.question)
        form = add(quiz, "form", data_search_exclude="")
        if is_blank:
            box = etree.Element(
                "input", {"type": "text", "class": "quiz-blank-input", "id": f"{quiz_id}-blank-0"}
            )
            box.set("data-answer", question.blank)
            box.set("autocomplete", "off")
            box.set("size", str(max(5, len(question.blank) + 2)))
            box.set("aria-label", setup.word("Answer"))
            boxes.append((paragraph, box))
        else:
            answers = add(form, "fieldset", aria_labelledby=f"{quiz_id}-question")
            for at, (text, correct, feedback) in enumerate(question.options):
                item = add(answers, "div")
                field_id = f"{quiz_id}-{at}"
                choice = add(
                    item, "input", type="checkbox" if several else "radio", name="answer", value=str(at)
                )
                choice.set("id", field_id)
                if correct:
                    choice.set("data-correct", "true")
                add(item, "label", text, for_=field_id)
                if feedback:
                    add(item, "div", feedback, class_="answer-feedback hidden")
        add(form, "div", class_="quiz-feedback hidden")
        if several or is_blank or not options["auto_submit"]:
            add(form, "button", word("Submit"), type="submit", class_="quiz-button")
        explanation = add(quiz, "section", class_="content hidden", data_search_exclude="")
        add(explanation, "p", question.why)
        add(explanation, "p", question.read_more)
    add(top, "p", class_="self-check-status visually-hidden", role="status", aria_live="polite")
    return list(top), boxes


def place_box(sentence: etree.Element, box: etree.Element) -> None:
    """Put a blank's box where BLANK_SLOT is in its sentence, once the sentence is HTML (so that
    *emphasis* may hold the blank, as in mkdocs-quiz)."""
    for element in sentence.iter():
        if BLANK_SLOT in (element.text or ""):
            element.text, box.tail = element.text.split(BLANK_SLOT, 1)
            element.insert(0, box)
            return
        for at, child in enumerate(element):
            if BLANK_SLOT in (child.tail or ""):
                child.tail, box.tail = child.tail.split(BLANK_SLOT, 1)
                element.insert(at + 1, box)
                return


def json_for_html(value) -> str:
    """JSON that cannot end the <script> block it sits in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def upstream_script() -> str:
    """mkdocs-quiz's script, served as one file the browser caches (QUIZ_SCRIPT)."""
    from mkdocs_quiz.plugin import js_content

    return js_content


def _fill(text: str, facts: dict | None, display: str, line: int) -> str:
    if facts is None or "{{" not in text:
        return text
    return fill_placeholders(text, facts, display, line - 1)


# --- The trainers' answer key ---------------------------------------------------------------


def answer_key_markdown(
    quizzes: list[Quiz], fronts: dict[str, dict], sections: dict[str, dict], facts: dict | None, on: dt.date
) -> str:
    """A printable page with every question, its right answers, feedback and explanation.

    Building it also checks each question's section against its page and fills in facts, so
    those errors name the quiz file before any page is written.
    """
    last = [d for d in (parse_date(fronts.get(q.page, {}).get("last_reviewed")) for q in quizzes) if d]
    due = [d for d in (parse_date(fronts.get(q.page, {}).get("review_due")) for q in quizzes) if d]
    last_reviewed = max(last) if last else on
    review_due = min(due) if due else last_reviewed + dt.timedelta(days=365)
    if review_due <= last_reviewed:
        review_due = max(due) if due and max(due) > last_reviewed else last_reviewed + dt.timedelta(days=365)
    sources: list[str] = []
    for quiz in quizzes:
        for key in fronts.get(quiz.page, {}).get("sources") or []:
            if key not in sources:
                sources.append(key)
    lines = [
        "---",
        "title: Self-check answer key",
        "description: Every self-check question with its right answers and explanations, for trainers.",
        "owner: Children's Social Care member induction team",
        f"last_reviewed: {last_reviewed.isoformat()}",
        f"review_due: {review_due.isoformat()}",
        f"sources: [{', '.join(sources)}]",
        "in_learning_path: false",
        "hide: [navigation, toc]",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Self-check answer key",
        "",
        "For trainers. This page is not in the learners' menu or search. It lists every self-check",
        "question with the right answers marked ✓, the feedback a learner sees for each option and the",
        "explanation. To print it, use your browser's Print command. The questions are written in",
        "the files in `quizzes/`: change them there, and this page follows.",
        "",
    ]
    if not quizzes:
        lines.append("There are no self-check questions yet.")
    for quiz in quizzes:
        title = fronts.get(quiz.page, {}).get("title") or quiz.page
        link = posixpath.relpath(quiz.page, posixpath.dirname(ANSWER_KEY))
        lines += [
            f"## {trainer_markdown(str(title))}",
            "",
            f"Page: [{trainer_markdown(str(title))}]({link}). Quiz file: `{quiz.file}`.",
            "",
        ]
        for q in quiz.questions:
            key = _key_question(q, quiz, link, sections.get(quiz.page, {}))
            lines += [_fill(line, facts, quiz.file, q.line) for line in key]
    return "\n".join(lines) + "\n"


def _key_question(q: Question, quiz: Quiz, link: str, sections: dict[str, str]) -> list[str]:
    kinds = {"single": "one answer", "multiple": "more than one answer", "fill-in": "fill in the blank"}
    text = blank_text(q.text, "\\_\\_\\_") if q.kind == "fill-in" else trainer_markdown(q.text)
    lines = [f"**Question {q.number}** ({kinds[q.kind]}): {text}", ""]
    if q.kind == "fill-in":
        lines.append(f"- ✓ Answer: **{trainer_markdown(q.answer)}**")
    for option in q.options:
        mark = "✓" if option.correct else "✗"
        words = (
            f"**{trainer_markdown(option.text)}** (right answer)"
            if option.correct
            else trainer_markdown(option.text)
        )
        feedback = f" *Feedback:* {trainer_markdown(option.feedback)}" if option.feedback else ""
        lines.append(f"- {mark} {words}{feedback}")
    section = _section_link(q, quiz, sections, page_prefix=link)
    lines += ["", f"Why: {trainer_markdown(q.explanation)} Section: {section}.", ""]
    return lines


# --- Helpers --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def slugify_for(config):
    """The toc extension's slugify as mkdocs.yml sets it, for heading anchors."""
    toc = (config.mdx_configs or {}).get("toc", {}) or {}
    slugify = toc.get("slugify")
    separator = toc.get("separator", "-")
    if slugify is None:
        return lambda text: default_slugify(text, separator)
    return lambda text: slugify(text, separator)


QUIZ_DIR = "quizzes"
ANSWER_KEY = "about/answer-key.md"
QUIZ_SCRIPT = "javascripts/mkdocs-quiz.js"  # mkdocs-quiz's own script, written once by the build
QUIZ_SETTINGS_SCRIPT = "javascripts/quiz-settings.js"  # reads the settings block (Setup.settings_html)
BLOCK_INDICATOR = re.compile(r"\s*[>|][-+0-9]*\s*")  # `explanation: >-` or `|`: the text starts below
MARKER = "<!-- quiz -->"
HEADING_TEXT = "Check your understanding"
# Material's search skips an element marked data-search-exclude, but only until the first element
# with the same tag inside it closes (it compares elements by tag), so self_check_elements puts the
# mark on the parts of a question that hold no element of their own kind, never on the
# <div class="quiz"> around them.
# mkdocs-quiz 1.7.1's options and their defaults (plugin.py, _get_quiz_options); a page's `quiz:`
# front matter may set them for the page.
QUIZ_OPTIONS = {
    "show_correct": True,
    "auto_submit": True,
    "disable_after_submit": True,
    "auto_number": False,
    "shuffle_answers": False,
    "show_progress": True,
}
# (option, the attribute on the question that says it is on, whether a fill-in blank has it)
OPTION_ATTRIBUTES = (
    ("show_correct", "data-show-correct", True),
    ("auto_submit", "data-auto-submit", False),
    ("disable_after_submit", "data-disable-after-submit", True),
    ("shuffle_answers", "data-shuffle-answers", False),
)
# Where a fill-in blank's box goes in its sentence, until the sentence is HTML (no trainer text
# holds it: shown_questions drops control characters, and Python-Markdown's inline step leaves it).
BLANK_SLOT = "\x02blank\x03"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # all but tab and line break
MIN_QUESTIONS = 3
MAX_OPTIONS = 7  # a question's options at most (the export's test of a question with seven passes)
QUIZ_KEYS = ("page", "questions")
QUESTION_KEYS = ("question", "type", "options", "answer", "explanation", "section")
OPTION_KEYS = ("text", "correct", "feedback")
QUESTION_TYPES = ("single", "multiple", "fill-in")
TYPED_QUESTION_KEYS = ("question", "answer", "explanation", "section")  # shown as typed (as_typed)
TYPED_OPTION_KEYS = ("text", "feedback")
VERSION_HINT = "check induction/quizzes.py against the installed mkdocs-quiz version"
SETTINGS_HINT = "write 'quizzes: {require: true, not_needed: [index.md, about/*]}' under extra:"
PLUGIN_SETTINGS = (
    (
        "enabled_by_default",
        False,
        "which would let mkdocs-quiz write its code into pages if hooks/quizzes.py stopped switching it off",
    ),
    ("auto_submit", False, "which answers a question as soon as a keyboard user presses an arrow key"),
    ("confetti", False, "which animates the screen"),
)
BLANK = re.compile(r"_{3,}")
QUIZ_TAG = re.compile(r"(?<!\\)<quiz\b", re.IGNORECASE)  # a <quiz> tag, not one escaped: \<quiz>
BLANK_ANSWER = re.compile(r"[\w .,'’%/£:-]+")
# A heading line as Python-Markdown reads one: no space is needed after the # signs (##Key numbers).
HEADING = re.compile(r"^(#{1,6})[ \t]*(.+?)[ \t]*(\{[^}]*\})?[ \t]*#*[ \t]*$")
INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")
