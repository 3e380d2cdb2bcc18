"""Page facts every reader can trust: the rules for front matter, review dates and images.

Each page's front matter says who owns it, when it was last reviewed and when the next review is
due (the NHS pattern), and which sources its facts come from. hooks/pages.py runs these rules in
the build (a page past its review date, or an image with no alt text that is not marked
`{ .decorative }` or with alt text that says nothing, such as 'image', fails the strict build);
the build checks every page's front matter before it converts any (FrontMatterFindings), and the
content check (check/) reports what it found. Reading front matter here names the line of a YAML
mistake instead of dropping it, as MkDocs would.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as default
from pathlib import Path

import markdown
import yaml
from selectolax.lexbor import LexborHTMLParser

from induction.common import (
    DataError,
    html_text,
    parse_yaml,
)
from induction.dates import parse_date
from induction.escaping import check_front_matter_text
from induction.facts import front_matter_number
from induction.front_matter import (
    BOM,
    front_matter_line,
    front_matter_text,
    front_matter_written,
    split_front_matter,
)
from induction.learner_text import learner_lines
from induction.nav import settings_chain


def trainer_files(root: Path, docs: Path) -> list[Path]:
    """Every file a trainer edits by hand: the pages, the data files and the quiz files."""
    found = sorted(docs.rglob("*.md"))
    for folder, pattern in (("data", "*.yml"), ("quizzes", "*.yml"), ("quizzes", "*.po")):
        found += sorted((root / folder).glob(pattern))
    return [path for path in found if path.is_file()]


def check_settings_files(config_file: str | Path) -> None:
    """Stop at a key written twice in mkdocs.yml, or in a file it takes settings from
    (`INHERIT:`, as mkdocs-offline.yml does). MkDocs reads these itself and keeps only the last
    of two keys without a word: a second `extra:` at the end drops everything the first holds,
    and the build then fails far from the cause, if it fails at all."""
    for _ in settings_files(config_file):
        pass


def preview_rebuild(
    rebuild: Callable[[], None], config_file: str | Path, log: logging.Logger
) -> Callable[[], None]:
    """The live preview's `rebuild` (which reads mkdocs.yml afresh) behind check_settings_files.

    A slip in mkdocs.yml (a tab, a key twice) is logged once as the build words it, and the
    preview goes on serving the last good site: the build never started, so that site is whole.
    MkDocs itself printed its YAML parser's two tracebacks and held every page until the fix.
    The next save of any watched file rebuilds as before."""

    def checked_rebuild() -> None:
        try:
            check_settings_files(config_file)
        except DataError as error:
            log.error("%s", error)
            log.info(KEPT_LAST_GOOD_SITE)
            return
        rebuild()

    return checked_rebuild


KEPT_LAST_GOOD_SITE = (
    "The preview still shows the site as it was before this mistake: it rebuilds when you save the fix"
)


def settings_files(config_file: str | Path) -> Iterator[tuple[str, yaml.Node | None]]:
    """(name as messages give it, YAML node tree) of the settings file and of each file it takes
    settings from with `INHERIT:`, in that order (induction.nav.settings_chain)."""
    return ((display, node) for _, display, node in settings_chain(config_file))


def read_front_matter(raw: str, display: str) -> dict:
    """A page's front matter, read with the data files' rules (line numbers, no aliases, real
    dates); a DataError when it is not valid YAML or not a set of `name: value` lines."""
    text = front_matter_text(raw)
    if text is None:
        if OPENING_LINE.match(raw.removeprefix(BOM)):  # MkDocs would read the fields as text
            raise unclosed(display)
        unopened = FIELD_LINE.match(raw.removeprefix(BOM))
        if unopened and unopened.group(1).lower() in FRONT_MATTER_KEYS:
            raise not_opened(display, unopened.group(1))
        first, _, rest = raw.removeprefix(BOM).partition("\n")
        second = FIELD_LINE.match(rest)
        if DASHES.fullmatch(first.rstrip("\r")) and second and second.group(1).lower() in FRONT_MATTER_KEYS:
            raise DataError(  # '----', '-- -', '—-': MkDocs reads no front matter at all
                display,
                1,
                f"the page starts with '{first.rstrip()}', not ---, so the front matter under it is not read",
                "line 1 should be exactly --- (three hyphens), with nothing else on it",
            )
        return {}
    try:
        data = parse_yaml(text, display, first_line=2, what="the front matter")
    except DataError as error:  # after a heading: it ran on to a '---' rule further down the page
        heading = HEADING.search(text)
        if heading and (error.line or 0) >= 2 + text.count("\n", 0, heading.start()):
            raise unclosed(display) from None
        raise
    if data is not None and not isinstance(data, dict):
        raise DataError(
            display,
            2,
            "the front matter is not a list of 'name: value' lines",
            "write each field on its own line between the --- lines, e.g. 'title: Fostering'",
        )
    return data or {}


def unclosed(display: str) -> DataError:
    """The error for front matter with no closing `---` line, at its opening line."""
    return DataError(
        display,
        1,
        "the front matter starts with '---' on this line but has no closing '---' line",
        "add a line with only --- after the last field, before the page's first heading",
    )


def not_opened(display: str, key: str) -> DataError:
    """The error for front matter whose opening `---` line is missing: MkDocs then reads the
    fields down to the first blank line in another way (all as text, 'sources' not as a list,
    an indented line as part of the line above), and the closing '---' shows as a line across
    the page, so the trainer would be told about a field instead of the missing line."""
    return DataError(
        display,
        1,
        f"the page starts with the front matter field '{key}:' but has no '---' line above it",
        f"add a line with only --- above '{key}:'",
    )


class OverdueReview(DataError):
    """A page past its review date: a warning in the build (a strict build stops), and in the
    content check a line of the page's review status, which the check words itself."""


@dataclass
class FrontMatterFindings:
    """Every page's front matter as one build checked it (hooks/pages.py, on_files), by the page's
    name in messages (`docs/<path>`): front matter that cannot be read (`unreadable`), what is
    wrong in the rest (`problems`: every page, in the order given; each page's problems in
    check_front_matter's order) and the reviews that are overdue. The content check reports
    these instead of checking each page again."""

    unreadable: dict[str, DataError] = default(default_factory=dict)
    problems: dict[str, list[DataError]] = default(default_factory=dict)
    overdue: dict[str, OverdueReview] = default(default_factory=dict)

    @classmethod
    def of(
        cls, pages: Iterable[tuple[str, str]], sources: dict | None, on: dt.date, contacts: dict | None = None
    ) -> FrontMatterFindings:
        """Check the front matter of `pages`, (name in messages, text of the file) each, on the
        day `on`. `sources` is None when the data files did not load: a page's list of sources is
        then only checked for being a list (against nothing, each key would look unknown).
        `contacts` (data/contacts.yml's), when given: a phone number typed into a title or a
        description is told before anything else about them (a title with one no longer matches
        the page's heading, and the trainer would be told to copy the number there)."""
        found = cls()
        for display, raw in pages:
            found.problems[display] = []  # every page, in the order given
            try:
                meta = read_front_matter(raw, display)
            except DataError as error:
                found.unreadable[display] = error
                continue
            number = front_matter_number(meta, raw, display, contacts) if contacts is not None else None
            if number is not None:
                found.problems[display].append(number)
            try:  # HTML in a field first, as hooks/escaping.py tells it (a title in <b> also
                check_front_matter_text(meta, raw, display)  # differs from the page's heading)
            except DataError as error:
                found.problems[display].append(error)
            if sources is None and isinstance(meta.get("sources"), list):
                meta = {**meta, "sources": []}
            problems, overdue = check_front_matter(meta, display, sources or {}, on, raw)
            found.problems[display] += [DataError(*problem) for problem in problems]
            if overdue is not None:
                found.overdue[display] = overdue
        return found

    def first(self) -> DataError | None:
        """The first page's first problem, in the order the pages were given, or None."""
        for display, problems in self.problems.items():
            if display in self.unreadable or problems:
                return self.unreadable.get(display) or problems[0]
        return None


def check_front_matter(meta: dict, display: str, sources: dict, on: dt.date, raw: str = ""):
    """Return (problems, OverdueReview or None) for one page's front matter.

    Each problem is (path, line, problem, expected) for DataError. The line is the field's line
    in `raw` (the file's text), or 1, the front matter's opening line, when the field is absent.
    """

    def line(field: str) -> int:
        return front_matter_line(raw, field)

    problems = unknown_keys(meta, display, raw)  # first: a misspelt 'title' also reads as missing
    for field, example in REQUIRED.items():
        value = meta.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(
                (
                    display,
                    1,
                    f"the front matter has no '{field}'",
                    f"add a line '{field}: {example}' between the --- lines",
                )
            )
    problems += wrong_types(meta, display, raw)
    problems += title_not_heading(meta.get("title"), display, raw)
    dates = {}
    for field in ("last_reviewed", "review_due"):
        value = meta.get(field)
        if value is None:
            continue
        parsed = parse_date(value)
        if parsed is None:
            problems.append(
                (
                    display,
                    line(field),
                    f"'{field}: {value}' is not a date",
                    f"write it as YYYY-MM-DD, e.g. '{field}: 2026-11-22'",
                )
            )
        dates[field] = parsed
    last, due = dates.get("last_reviewed"), dates.get("review_due")
    if last and due and due <= last:
        problems.append(
            (
                display,
                line("review_due"),
                f"review_due {due} is not after last_reviewed {last}",
                "set review_due to a date after last_reviewed",
            )
        )
    if last and due and due > _years_after(last, MOST_YEARS_BETWEEN_REVIEWS):
        problems.append(
            (
                display,
                line("review_due"),
                f"review_due {due} is {_years_between(last, due)} after last_reviewed {last}",
                f"check the year: a page is reviewed at least every {MOST_YEARS_BETWEEN_REVIEWS} years",
            )
        )
    if last and last > on:
        problems.append(
            (
                display,
                line("last_reviewed"),
                f"last_reviewed {last} is in the future",
                f"use the date the page was reviewed, on or before {on}",
            )
        )
    srcs = meta.get("sources") or []
    if not isinstance(srcs, list):
        problems.append(
            (display, line("sources"), "'sources' is not a list", "write 'sources: [induction_2025]'")
        )
        srcs = []
    for key in srcs:
        if key not in sources:
            known = ", ".join(sources) or "none"
            problems.append(
                (
                    display,
                    line("sources"),
                    f"unknown source '{key}'",
                    f"use a key from data/sources.yml: {known}",
                )
            )
    overdue = None
    if due and due < on:
        overdue = OverdueReview(
            display,
            line("review_due"),
            f"page is past its review date (review_due {due})",
            "review the page, then set last_reviewed to today and review_due to the next review date",
        )
    return problems, overdue


def _years_after(day: dt.date, years: int) -> dt.date:
    """The same day `years` years on (28 February for a 29 February that year lacks)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _years_between(first: dt.date, last: dt.date) -> str:
    """How far `last` is after `first` in whole years, for a message: "181 years", or "more than
    3 years" when it is less than a year more than the limit."""
    years = last.year - first.year - ((last.month, last.day) < (first.month, first.day))
    return (
        f"{years} years"
        if years > MOST_YEARS_BETWEEN_REVIEWS
        else f"more than {MOST_YEARS_BETWEEN_REVIEWS} years"
    )


def unknown_keys(meta: dict, display: str, raw: str = "") -> list[tuple]:
    """(path, line, problem, expected) for each front matter key the site does not use (and each
    key under `search:` that Material's search does not read): a misspelt key is otherwise
    ignored without a word, and the page silently does what the key was meant to stop."""
    problems = []
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            problems.append(
                (
                    display,
                    front_matter_line(raw, key),
                    f"unknown front matter key '{key}'",
                    _known_keys(key, FRONT_MATTER_KEYS, "the keys a page can have"),
                )
            )
    search = meta.get("search")
    for key in search if isinstance(search, dict) else ():
        if key not in SEARCH_KEYS:
            problems.append(
                (
                    display,
                    front_matter_line(raw, "search", key),
                    f"unknown key '{key}' under 'search'",
                    _known_keys(key, SEARCH_KEYS, "the keys under 'search' can be"),
                )
            )
    return problems


def wrong_types(meta: dict, display: str, raw: str = "") -> list[tuple]:
    """(path, line, problem, expected) for each front matter value of a kind the site reads in
    another way than the trainer meant: `in_learning_path: "false"` in quotes is text, which
    counts as true; `boost: high` is no number, and search drops the page. (FRONT_MATTER_TYPES
    and SEARCH_TYPES say what each key must be; `quiz` is left to hooks/quizzes.py.)"""
    problems = []
    search = meta.get("search")
    if search is not None and not isinstance(search, dict):
        problems.append(
            (
                display,
                front_matter_line(raw, "search"),
                f"search: {_written(raw, search, 'search')} is not a group of settings",
                "write search: on its own line, with exclude: true or boost: 2 indented under it",
            )
        )
    values = [
        ((key,), meta[key], kind) for key, kind in FRONT_MATTER_TYPES.items() if meta.get(key) is not None
    ]
    if isinstance(search, dict):
        values += [
            (("search", key), search[key], kind) for key, kind in SEARCH_TYPES.items() if key in search
        ]
    for path, value, kind in values:
        found = _type_problem(value, kind, raw, path)
        if found:
            problems.append((display, front_matter_line(raw, *path), *found))
    return problems


MARKUP_SIGN = re.compile(r"[\\`*_&<\[!~^=:{#]")  # a sign that may show a heading otherwise than typed


def title_not_heading(title, display: str, raw: str) -> list[tuple]:
    """[(path, line, problem, expected)] when the page's `#` heading (the first outside code) is
    not its front matter title: the title names the page in the menu, the browser tab, search and
    the handouts, the heading at the top of the page, so a reader would meet two names for it.
    The trainer guide (docs/trainers/pages.md) says they must match."""
    if not isinstance(title, str) or not raw:
        return []
    _, text, offset = split_front_matter(raw)
    read = {number for number, words in learner_lines(text, offset) if words.strip()}  # no code, notes
    for number, line in enumerate(text.split("\n"), start=offset + 1):  # or comments
        heading = TITLE_HEADING.fullmatch(line)
        if heading and number in read:
            written = heading.group(1).strip()
            # as readers see it, read by Python-Markdown: *emphasis*, `code`, &amp;, { #an-id }, closing
            # hashes ('# Learning C#' shows "Learning C"), as the heading it is ('# 1. Fostering' is no
            # list); plain words show as typed
            shown = (
                html_text(markdown.markdown(line, extensions=["attr_list"]))
                if MARKUP_SIGN.search(written)
                else written
            )
            shown = " ".join(shown.split())
            if shown == " ".join(title.split()):
                return []
            typed = ATTRIBUTE_LIST.sub("", line.strip())  # as typed, without its attributes
            seen = "" if " ".join(typed.split()) == f"# {shown}" else f" (readers see '{shown}')"
            expected = (
                "write the same words in both: the title names the page in the menu, the browser "
                "tab and search; the heading at the top of the page"
            )
            if typed[1:].rstrip().endswith("#") and not shown.endswith("#"):  # closing hashes dropped
                expected += r"; to end the heading with #, write \#"
            line_of_title = front_matter_line(raw, "title")
            problem = (
                f"the heading '{typed}'{seen} does not match the title '{title}' on line {line_of_title}"
            )
            return [(display, number, problem, expected)]
    return []


def _type_problem(value, kind: str, raw: str, path: tuple[str, ...]) -> tuple[str, str] | None:
    """(problem, what to write) when `value`, at `path` in the front matter `raw`, is not of
    `kind`. The value as typed is read from the page's YAML only when there is a problem to tell."""
    key = path[-1]
    under = " (under search:)" if path[0] == "search" else ""

    def written() -> str:  # the value as the trainer typed it
        return _written(raw, value, *path)

    def typed() -> str:  # its line, with where the key is when it is under another
        return f"{key}: {written()}{under}"

    if kind == "true or false" and not isinstance(value, bool):
        word = str(value).strip().lower()
        if isinstance(value, str) and word in ("true", "false"):
            return (
                f"{typed()} is in quotes, so it is read as text, which counts as true",
                f"write {key}: {word}, without quotes",
            )
        return f"{typed()} is not true or false", f"write {key}: true or {key}: false, without quotes"
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        if isinstance(value, str) and NUMBER.fullmatch(value.strip()):
            return (
                f"{typed()} is in quotes, so it is read as text, not as a number",
                f"write {key}: {value.strip()}, without quotes",
            )
        return f"{typed()} is not a number", f"{key} must be a number, for example {key}: 2"
    if kind == "text" and not isinstance(value, str):
        if isinstance(value, (list, dict)):
            return f"{key}: is not one line of text", f"write the text on the same line: {key}: ..."
        problem = f"{typed()} is read as {_read_as(value)}, not as text"
        return problem, f'put it in quotes: {key}: "{written()}"'
    if kind in ("list", "hide") and not isinstance(value, list):
        return f"{typed()} is not a list", f"put it in square brackets: {key}: [{written()}]"
    for item in value if kind == "hide" else ():
        if item not in HIDE:
            return f"hide: lists '{item}', which Material cannot hide", f"use only: {', '.join(HIDE)}"
    return None


def _written(raw: str, value, *path) -> str:
    """The value at `path` as the trainer typed it (quotes and all), else as YAML read it."""
    written = front_matter_written(raw, *path)
    if written is not None:
        return written
    if isinstance(value, str):
        return f'"{value}"'  # text: shown in quotes, as it must have been typed
    return str(value).lower() if isinstance(value, bool) else str(value)


def _read_as(value) -> str:
    """What YAML read a value that is not text as, in a trainer's words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, dt.date):
        return "a date"
    return "a number" if isinstance(value, (int, float)) else "something else"


def _known_keys(key, known: dict, which: str) -> str:
    """What to write instead of `key`: the nearest known key, if one is close, and every key."""
    near = difflib.get_close_matches(str(key), list(known), n=1)
    listed = f"{which}: {', '.join(known)}"
    return f"did you mean '{near[0]}'? {listed}" if near else listed


REQUIRED = {
    "title": "Front door and MASH",
    "description": "One sentence saying what the page is about.",
    "owner": "Children's Social Care member induction team",  # a team, not a person's job title
    "last_reviewed": "2026-11-22",
    "review_due": "2027-11-22",
}

# Every key a page's front matter can have, and what reads it. The site's own keys first; then
# the keys Material 9.8 reads from front matter (its reference documents title, description,
# icon, status, subtitle, template, hide, search, tags and social cards), and mkdocs-quiz's.
# A key that nothing reads is a mistake: add it here only with the code that reads it.
# All but `template`, left out on purpose: overrides/main.html gives every page its security
# policy, and a page that named another template (a partial, or a path out of the project) got
# none, or stopped the build with no line (a security review, 7 December 2026).
FRONT_MATTER_KEYS = {
    **dict.fromkeys(REQUIRED, "every page: induction/pages.py, overrides/main.html"),
    "sources": "the sources of the page's facts (data/sources.yml): overrides/main.html",
    "in_learning_path": "false leaves the page out of the learning path: induction/learning_path.py",
    "progress": "false: no progress mark for the page: induction/learning_path.py",
    "reading_level_note": "why the reading level is high: check/report.py",
    "search": "Material's search: exclude, boost",
    "hide": "Material: navigation, toc, footer, path, tags, feedback",
    "quiz": "mkdocs-quiz's settings for the page's self-check (hooks/quizzes.py)",
    "icon": "Material",
    "status": "Material",
    "subtitle": "Material",
    "tags": "Material's tags",
    "social": "Material's social cards",
}
# A review_due further than this after last_reviewed is a slip in the year (2207 for 2027): the
# page would never fall due, so its review would be switched off for good without a word.
MOST_YEARS_BETWEEN_REVIEWS = 3
# What each key's value must be (keys not listed: only that the key is known). A value of
# another kind is read in another way than meant, without a word: text "false" counts as true.
FRONT_MATTER_TYPES = {
    **dict.fromkeys(["title", "description", "owner", "reading_level_note"], "text"),
    **dict.fromkeys(["icon", "status", "subtitle"], "text"),
    "in_learning_path": "true or false",
    "progress": "true or false",
    "hide": "hide",
    "tags": "list",
}
SEARCH_TYPES = {"exclude": "true or false", "boost": "number"}
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")  # what Material 9.8 can hide
NUMBER = re.compile(r"-?\d+(\.\d+)?")
SEARCH_KEYS = {"exclude": "true: leave the page out of the search", "boost": "a number: rank the page higher"}
OPENING_LINE = re.compile(r"-{3}[ \t]*(\n|$)")  # front matter's first line, as MkDocs reads it
DASH = "-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"  # hyphen, the Unicode dashes, minus: '—-' looks like ---
DASHES = re.compile(rf"[ \t]*[{DASH}][{DASH} \t]*")  # a first line of dashes only
FIELD_LINE = re.compile(r"([A-Za-z_][\w-]*):([ \t]|$)", re.MULTILINE)  # a first line 'title: ...'
TITLE_HEADING = re.compile(r"#[ \t]+(.*)")  # a `#` heading, with what is typed after its #
ATTRIBUTE_LIST = re.compile(r"[ \t]*\{(?!\{)[^{}]*\}$")  # { #id .class } at a heading's end, not a {{ fact }}
HEADING = re.compile(r"^#{1,6}[ \t]", re.MULTILINE)  # a Markdown heading (in YAML, a comment line)


# --- Images ---------------------------------------------------------------------------------


IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)  # how every image starts (safe_html refuses <image>)


def images_without_alt(html: str) -> list[tuple[str, str]]:
    """(src, alt) of each image whose alt text is missing (alt "") or says nothing (`says_nothing`).

    An image needs words in `alt`; a purely decorative one says so with the class `decorative`
    (`![](x.svg){ .decorative }`, or `<img src="x.svg" alt="" class="decorative">`).
    """
    if not IMG_TAG.search(html):  # most pages have no picture: nothing to read
        return []
    return [
        (attrs.get("src") or "", fault) for attrs in _images(html) if (fault := alt_fault(attrs)) is not None
    ]


def _images(html: str) -> list[dict[str, str]]:
    """The attributes of each <img> in `html`, read as a browser reads it (Lexbor, as in csp.py):
    of two attributes of one name the first counts, and one written with no value is ""."""
    return [{k: v or "" for k, v in image.attributes.items()} for image in LexborHTMLParser(html).css("img")]


def alt_fault(attrs: dict) -> str | None:
    """What is wrong with an <img>'s alt text: None when nothing is, "" when there is none (an
    empty alt is right only on a decorative image), else the alt text, which says nothing."""
    alt, classes = attrs.get("alt"), (attrs.get("class") or "").split()
    if alt is None or (not alt.strip() and DECORATIVE not in classes):
        return ""
    return alt if says_nothing(alt, attrs.get("src") or "") else None


def says_nothing(alt: str, src: str) -> bool:
    """True when the alt text, not blank, tells a listener nothing: no letters or digits, a word
    such as 'image' or 'diagram', or only the file name ('court-route.svg', 'Court route')."""
    if not alt.strip():
        return False
    words, name = plain_words(alt), file_name(src)
    names = (plain_words(name), plain_words(name.rsplit(".", 1)[0]))
    return not words or EMPTY_ALT.fullmatch(words) is not None or words in names


def plain_words(text: str) -> str:
    """The letters and digits of `text`, in lower case, a space between runs: 'Court-route.SVG' ->
    'court route svg'."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def file_name(src: str) -> str:
    """An image address's file name: '../images/x.svg?v=2#top' -> 'x.svg'."""
    return src.split("#")[0].split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def image_problem(display: str, raw: str, src: str, alt: str = "") -> tuple:
    """(path, line, problem, expected) for an image with no alt text (`alt` "") or with alt text
    that says nothing (`alt`, as the built page has it), its line found in `raw`.

    MkDocs rewrites an image's address for the built page, so the line is the first one in the
    page's text with an image of the same file name whose alt text has the same fault.
    """
    name = file_name(src)
    for number, line in enumerate(raw.split("\n"), start=1):
        for match in MD_IMAGE.finditer(line):
            written, words = match.group("src", "alt")
            if not alt and DECORATIVE in (match.group("attrs") or ""):
                continue
            same = says_nothing(words, name) if alt else not words.strip()
            if same and name and file_name(written) == name:
                return alt_problem(display, number, written, words.strip(), markdown=True)
        if "<img" in line.lower() and name and name in line:
            for attrs in _images(line):
                fault = alt_fault(attrs)
                same = fault is not None and bool(fault) == bool(alt)
                if same and file_name(attrs.get("src") or "") == name:
                    return alt_problem(display, number, src, fault, markdown=False)
    return alt_problem(display, None, src, alt, markdown=True)


def alt_problem(display: str, line: int | None, src: str, alt: str, *, markdown: bool) -> tuple:
    """(path, line, problem, expected) for the image `src`, written in Markdown or as an <img>
    tag, with no alt text (`alt` "") or with `alt`, which says nothing."""
    decorative = f"![]({src}){{ .{DECORATIVE} }}" if markdown else f'alt="" class="{DECORATIVE}"'
    if not alt:
        todo = (
            f"describe it in the brackets: ![What the picture shows]({src})"
            if markdown
            else 'add alt="what the picture shows" to the <img> tag'
        )
        return (display, line, f"the image '{src}' has no alt text", f"{todo}; {HINT} {decorative}")
    todo = (
        f"say in the brackets what the picture shows, e.g. ![{ALT_EXAMPLE}]({src})"
        if markdown
        else f'say in alt="..." what the picture shows, e.g. alt="{ALT_EXAMPLE}"'
    )
    return (
        display,
        line,
        f"the image '{src}' has the alt text '{alt}', which tells a screen reader user nothing",
        f"{todo}; {HINT} {decorative}",
    )


ALT_EXAMPLE = "Map of the county's three locality areas"
DECORATIVE = "decorative"
HINT = "for a purely decorative image write"
# Alt text that names nothing the picture shows (a screen reader already says it is an image)
EMPTY_ALT = re.compile(r"(?:(?:an?|the) )?(?:image|picture|diagram|photo|img|graphic|figure)")
MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)[^)]*\)(?P<attrs>\{[^}]*\})?")
