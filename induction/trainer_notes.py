"""Trainer-only notes: kept in the Markdown, never shown to learners.

A trainer writes a note for other trainers (a doubt in a source, a figure to re-check) as

    !!! trainer "Check this figure"
        The slide says "22,00 contacts"; we show 22,000. Confirm with the front door.

`TrainerNotes`, a Python-Markdown extension, takes every such block out of the page's element
tree while the page is converted, so the note never reaches the page's HTML, the search index,
the offline copy or the handout. It keeps each note (title and HTML) for the trainer pack. It
runs last of the tree processors, once MkDocs has checked and rewritten the note's links and
induction/safe_html.py has judged them, so a note's HTML is what the page would have shown. A
note whose text is not indented would be published as an ordinary paragraph, and a first line
typed slightly wrong (`!!! trainer “Title”`, `!!! trainers`) would publish the whole note, so
`check_note_lines` stops the build at its line.

Trainer view: with the environment variable INDUCTION_TRAINER_VIEW=1 (`nox -s serve-trainer`)
the notes stay on the page, marked "Trainer note - not shown to learners". A build in trainer
view logs a warning (hooks/trainer_notes.py), so a strict build (`nox -s build`, the export)
refuses to make one: a site with trainer notes in it cannot be published by mistake.

The last safety net: after the notes are taken out, any line the page would still show that
starts like a note (`!!` or `??` and the word trainer, outside code) stops the build
(`leaked_lines`), whatever kept the note from being read as one.

The glossary never links inside a note: its tree processor skips elements with NOTE_CLASS.
"""

from __future__ import annotations

import functools
import itertools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html.parser import HTMLParser
from typing import NamedTuple

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from induction.common import NOTE_CLASS, DataError, html_text, lines_outside_code, read_html
from induction.markdown_parts import code_lines
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/trainer_notes.py's reading of the raw HTML Python-Markdown sets aside "
    "(md.htmlStash.rawHtmlBlocks) and its writing of a note's HTML as Markdown.convert does "
    "(md.serializer, then md.postprocessors)",
)


class TrainerNotes(Extension):
    """Takes trainer notes out of each converted document (or, with `show`, marks them as the
    trainer view shows them). After each conversion, `page` holds what it found (PageNotes):
    that document's notes as {"title", "html"} in page order, the first line of any note written
    as raw HTML, which the tree does not hold (see `raw_html_note_error`), every line the page
    would still show that starts like a trainer note (see `leaked_lines`), and every such line
    the page shows only as code (see `note_left_on_page`)."""

    def __init__(self, show: bool = False):
        super().__init__()
        self.show = show
        self.page = PageNotes([], [], [], [])
        self.kept: list[dict] = []  # the build's notes with their pages, for the trainer pack

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_TakeNotes(md, self), "trainer_notes", TREE_PRIORITY)

    def take(self) -> PageNotes:
        """What the last conversion found (see PageNotes), forgotten here."""
        taken, self.page = self.page, PageNotes([], [], [], [])
        return taken


class PageNotes(NamedTuple):
    """What TrainerNotes found in one page's conversion."""

    found: list[dict]  # the notes taken out (or kept, in the trainer view): {title, html, ...}
    in_raw_html: list[str]  # first lines of notes inside raw HTML, which cannot be taken out
    leaked: list[str]  # first lines of notes left on the page as text (`leaked_lines`)
    in_code: list[str]  # ... and those left on it only as code


def notes_extension(config) -> TrainerNotes | None:
    """The build's TrainerNotes, which hooks/trainer_notes.py adds to the Markdown extensions."""
    return next((e for e in config.markdown_extensions if isinstance(e, TrainerNotes)), None)


def build_notes(config) -> list[dict]:
    """The trainer notes a build took out, for the trainer pack: {page, page_title, title, html}
    in the order the pages were built ([] when the hook is not in mkdocs.yml `hooks:`)."""
    notes = notes_extension(config)
    return notes.kept if notes else []


class _TakeNotes(Treeprocessor):
    def __init__(self, md: Markdown, extension: TrainerNotes):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        found = []
        for parent, note in list(_notes_in(root)):
            title = _title_of(note)
            title_text = (
                html_text(self._html(title.text, list(title))) if title is not None else "Trainer note"
            )
            after_title = list(note)[1:] if title is not None else list(note)
            text = (note.text or "") + ((title.tail or "") if title is not None else "")
            found.append({"title": title_text, "html": self._html(text, after_title)})
            if self.extension.show:
                _mark_for_trainers(note, title, title_text)
            else:
                _remove(parent, note)
        raw, is_block = self.md.htmlStash.rawHtmlBlocks, self.md.is_block_level
        self.extension.page = PageNotes(
            found,
            [piece.strip().split("\n")[0] for piece in raw if _holds_a_note(piece)],
            leaked_lines(root, raw, is_block),
            leaked_lines(root, raw, is_block, code=True),
        )

    def _html(self, text: str | None, children: list[etree.Element]) -> str:
        """The HTML these nodes become in the page: serialised, then Python-Markdown's
        postprocessors (which put back raw HTML and entities), as Markdown.convert does."""
        box = etree.Element("div")
        box.text = text
        box.extend(children)
        html = self.md.serializer(box)[len("<div>") : -len("</div>")]
        for postprocessor in self.md.postprocessors:
            html = postprocessor.run(html)
        return html.strip()


def leaked_lines(
    root: etree.Element, raw_html: list, is_block: Callable[[str], bool], code: bool = False
) -> list[str]:
    """The last safety net: each line a converted page would still show (its tree outside code
    and trainer notes, and the raw HTML Python-Markdown set aside, comments included) that starts
    like a trainer note (`!!` or `??` and the word trainer). Whatever kept that note from being
    read as one (a tag left open above it, an indent of two spaces, a note inside HTML or an
    HTML comment), its text is in the page's file.
    With `code`, the lines of code blocks (<pre>) instead, where a note indented four spaces
    too far would be shown."""
    is_block = functools.cache(is_block)  # a few tags, asked of each element: not a list's scan each time
    shown = _ShownText(is_block, code)
    _tree_text(root, shown.parts, is_block, code)
    for raw in raw_html:
        if isinstance(raw, str):
            shown.feed(raw)
            shown.close()
            shown.reset()
    text = "".join(shown.parts)
    if "!!" not in text and "??" not in text:  # most pages: no line can start like a note
        return []
    lines = text.split("\n")
    return [line.strip() for line in lines if _starts_like_a_note(line) and not _learner_box(_bare(line))]


def _tree_text(
    element: etree.Element,
    parts: list[str],
    is_block: Callable[[str], bool],
    code: bool,
    in_pre: bool = False,
) -> None:
    """The text of `element` into `parts`, a line break around each block, leaving out trainer
    notes (still in the tree in the trainer view) and code, or, with `code`, all but code blocks."""
    if is_note(element.tag, element.items()) or (not code and element.tag in CODE_TAGS):
        return
    in_pre = in_pre or element.tag == "pre"
    keep, around = in_pre or not code, "\n" if is_block(element.tag) else ""
    parts.append(around + ((element.text or "") if keep else ""))
    for child in element:
        _tree_text(child, parts, is_block, code, in_pre)
        parts.append((child.tail or "") if keep else "")
    parts.append(around)


class _ShownText(HTMLParser):
    """The text of raw HTML outside code (with `code`, inside <pre> only), a line break around
    each block tag, into `parts`."""

    def __init__(self, is_block: Callable[[str], bool], code: bool):
        super().__init__(convert_charrefs=True)
        self.is_block, self.code, self.parts = is_block, code, []
        self.depth = dict.fromkeys(CODE_TAGS, 0)

    def reset(self):
        super().reset()
        self.depth = dict.fromkeys(CODE_TAGS, 0)

    def handle_starttag(self, tag, attrs):
        if tag in self.depth:
            self.depth[tag] += 1
        self.parts.append("\n" if self.is_block(tag) else "")

    def handle_endtag(self, tag):
        if self.depth.get(tag):
            self.depth[tag] -= 1
        self.parts.append("\n" if self.is_block(tag) else "")

    def handle_data(self, data):
        if (self.depth["pre"] > 0) if self.code else not any(self.depth.values()):
            self.parts.append(data)

    def handle_comment(self, data):
        """A note inside `<!-- ... -->` is not on the page, but it is in the published file."""
        if not self.code:
            self.parts.append(f"\n{data}\n")


def _starts_like_a_note(line: str) -> bool:
    """Whether `line` (after any indent or quote marks `>`) starts with `!!` or `??` and mentions
    a trainer: the first line of a trainer note, or a slip of one."""
    bare = _bare(line)
    return bare.startswith(("!!", "??")) and "trainer" in bare.lower()


def _learner_box(bare: str) -> str | None:
    """The box type(s) of `bare` (a line without indent or `>`) when it is, or was meant to be, the
    first line of a box for learners whose title mentions trainers: `!!! note “Ask your trainer”`,
    `!! tip 'Ask your trainer'` (no word before the title names a trainer), or whose title has no
    quotes: `!!! note Ask your trainer` (the box's types, then words that mention a trainer and so
    were meant as its title; not `!!! warning trainer`, a trainer note). Else None."""
    if split := _unquoted(bare):
        types, title = split
        words = [word.lower() for word in title]
        note = NOTE_CLASS in (word.lower() for word in types)
        if types and not note and "trainer" in " ".join(words) and any(w != NOTE_CLASS for w in words):
            return " ".join(types)
    quote = _ANY_QUOTE.search(bare)
    before = bare[: quote.start()] if quote else bare
    box = _BOX_TYPE.match(before)
    return box.group("types") if box and "trainer" not in before.lower() else None


def _unquoted(bare: str) -> tuple[list[str], list[str]] | None:
    """(the words that are the box's type, the words after them) when `bare` (a line without
    indent or `>`) is a box's first line with no title in quotes, else None."""
    box = NOTE_LINE.match(bare)
    if not box or box.group("title") is not None:
        return None
    words = box.group("classes").split()
    types = _types(words)
    return types, words[len(types) :]


def _bare(line: str) -> str:
    """`line` without its indent and quote marks (`>`)."""
    return _QUOTE_MARKS.sub("", line.expandtabs(4)).strip()


def _notes_in(parent: etree.Element):
    """(parent, note) for each trainer note under `parent`, in page order, not looking inside one."""
    for child in parent:
        if is_note(child.tag, child.items()):
            yield parent, child
        else:
            yield from _notes_in(child)


def is_note(tag, attributes) -> bool:
    """A trainer note is an admonition (`!!! trainer`: <div class="admonition trainer">) or a
    collapsible block (`??? trainer`: <details class="trainer">)."""
    if tag not in ("div", "details"):
        return False
    classes = next((value or "" for key, value in attributes if key == "class"), "").split()
    return NOTE_CLASS in classes and (tag == "details" or "admonition" in classes)


def _holds_a_note(raw) -> bool:
    """Whether a piece of raw HTML Python-Markdown set aside opens a trainer note."""
    return isinstance(raw, str) and NOTE_CLASS in raw and any(is_note(*tag) for tag in read_html(raw).tags)


def _title_of(note: etree.Element) -> etree.Element | None:
    """The note's title: the admonition's first paragraph of class admonition-title, or the
    collapsible block's <summary>."""
    first = note[0] if len(note) else None
    if first is None:
        return None
    if note.tag == "details":
        return first if first.tag == "summary" else None
    return first if "admonition-title" in (first.get("class") or "").split() else None


def _mark_for_trainers(note: etree.Element, title: etree.Element | None, title_text: str) -> None:
    """Trainer view: keep the note, titled so nobody mistakes it for learner content."""
    note.set("class", " ".join([note.get("class", ""), *VIEW_CLASSES]))
    if title is None:
        title = etree.Element("summary" if note.tag == "details" else "p")
        title.tail = "\n"
        note.insert(0, title)
    if title.tag == "p":
        title.set("class", "admonition-title")
    for child in list(title):
        title.remove(child)
    title.text = f"{VIEW_LABEL}: {title_text}"


def _remove(parent: etree.Element, element: etree.Element) -> None:
    """Take `element` out of `parent`, keeping the text after it (its tail) in place."""
    index = list(parent).index(element)
    if element.tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def trainer_view(environ) -> bool:
    """True when the environment asks for the trainer view (INDUCTION_TRAINER_VIEW=1, yes or true)."""
    return environ.get(VIEW_ENV, "").strip().lower() in ("1", "yes", "true")


def searched_in_trainer_view(meta: dict) -> dict:
    """A page's front matter for the trainer view, whose search finds every page: the trainers'
    own pages (this guide, the answer key) leave only the learners' search (`search: exclude`)."""
    search = meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return {**meta, "search": {**search, "exclude": False}}
    return meta


def note_start(line: str) -> re.Match | None:
    """NOTE_LINE's match when `line` starts a trainer-only note (`!!!`, `???` or `???+` with the
    class `trainer`), else None."""
    note = NOTE_LINE.match(line.expandtabs(4))
    return note if note and NOTE_CLASS in note.group("classes").lower().split() else None


def check_note_lines(markdown: str, display: str, offset: int | Callable[[], int] = 0) -> None:
    """Stop at the first line (outside code, fenced or indented) that would publish a trainer note
    to learners: a line that looks like a note's first line but that Markdown does not read as a
    trainer note (`note_slip`), a note whose next line with text is not indented under it
    (Markdown would end the note there and publish that text as an ordinary paragraph), or a line
    not indented straight after a note's text, with no blank line between (`_note_end`). A line
    shown as code is left to the safety net (`note_left_on_page`), which allows it only in the
    trainer guide. `offset` (the front matter's lines) may be a function, called only when there
    is an error to place."""
    lines = markdown.split("\n")
    code = code_lines(markdown)
    for number, line in enumerate(lines, start=1):
        if code[number - 1]:
            continue
        note = note_start(line)
        problem = note_slip(line)
        if note and not problem:
            indent = len(note.group("indent")) + 4
            title = note.group("title") or "Trainer"
            text = next((nxt.expandtabs(4) for nxt in lines[number:] if nxt.strip()), "")
            if len(text) - len(text.lstrip()) < indent:
                problem = (
                    f"the trainer note '{title}' has no indented text, so the text below it would be "
                    "published to learners",
                    "indent the note's text by four spaces on the lines after the '!!! trainer' line",
                )
            elif end := _note_end(lines, number, indent):
                number = end
                problem = (
                    f"'{lines[end - 1].strip()}' comes straight after the text of the trainer note "
                    f"'{title}', not indented and with no blank line between, so Markdown ends the note "
                    "above it and publishes this line to learners",
                    "indent it by four spaces to keep it in the note, or leave a blank line above it "
                    "if it is for learners",
                )
        if problem:
            raise DataError(display, number + (offset() if callable(offset) else offset), *problem)


def _note_end(lines: list[str], start: int, indent: int) -> int | None:
    """The number of the line that ends the note started at line `start` when it comes straight
    after a line of the note's text: less indented than `indent`, with no blank line above it.
    Markdown ends the note there and publishes that line (often the last words of a sentence the
    trainer meant for the note), so it is a slip. None when a blank line ends the note."""
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1].expandtabs(4)
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            # A line that starts a block of its own (a heading, a list item, another box) is read
            # as the trainer meant it: only text that runs on from the note's text is a slip.
            return number if lines[number - 2].strip() and not NEW_BLOCK.match(line.lstrip()) else None
    return None


NEW_BLOCK = re.compile(r"#{1,6}\s|[-*+]\s|\d+[.)]\s|!!!|\?\?\?|```|~~~|\||<|\{")


def unquoted_title(line: str) -> tuple[str, str] | None:
    """(problem, expected) when `line` (after any indent or `>`) starts a box whose title has no
    quotes: Markdown reads every word after `!!!` as the box's type, so the box is titled after
    its first word and the title is lost (`!!! note Worried about a child` is a box titled 'Note',
    `!!! trainer Check the figure` a trainer note titled 'Trainer'); with the word trainer among
    the title's words of a box for learners (`!!! note Ask your trainer`), the build would hide
    the box as a trainer note. Words that are box types or place a box (`inline end`) and
    `trainer` are the box's type, not its title. A first word that is a slip of `trainer`
    (`trainers`, `trainer-note`) is left to `note_slip`'s other rules."""
    bare = _bare(line)
    types, rest = _unquoted(bare) or ([], [])
    title, words = " ".join(rest), types + rest
    if not title or (not types and (len(words) == 1 or _starts_like_a_note(bare))):
        return None  # a box of a type of its own (`!!! abuse`), or a slip of `trainer`
    note = NOTE_CLASS in (word.lower() for word in types)
    if not note and NOTE_CLASS in title.lower().split():
        shown = ", 'trainer' among them, and the box would be hidden from learners as a trainer note"
    elif note:
        shown = f": the trainer note would be titled '{words[0].capitalize()}', not '{title}'"
    else:
        shown = f": learners would see the box titled '{words[0].capitalize()}', not '{title}'"
    written = f'{_marker(bare)} {" ".join(types) or "note"} "{title}"'
    return (
        f"'{bare}' has its title without quotes, so Markdown reads the title's words as the box's type"
        + shown,
        f"write it as {written}, with the title in straight double quotes"
        + ("" if note else ": a box for learners"),
    )


def _types(words: list[str]) -> list[str]:
    """The words of a box's first line that are its type, not a title without quotes: a box type
    or `trainer` first, then only words that place the box (`inline end`) or `trainer`."""
    first = words[:1] if words and words[0].lower() in FIRST_WORDS else []
    rest = itertools.takewhile(lambda word: word.lower() in LATER_WORDS, words[len(first) :])
    return first + list(rest) if first else []


def _marker(bare: str) -> str:
    """The marks that start the box `bare`, as they should be typed: `!!!`, `???` or `???+`."""
    return "???+" if bare.startswith("???+") else "???" if bare.startswith("?") else "!!!"


def note_slip(line: str) -> tuple[str, str] | None:
    """(problem, expected) when `line` (after any indent or `>`) is the first line of a box whose
    title has no quotes (`unquoted_title`), or when it starts with `!!` or `??`, mentions a
    trainer, and yet is not the first line of a trainer note as Python-Markdown's admonition and
    pymdownx.details read one: curly or single quotes round the title, a quote missing, two marks,
    `trainers`, `trainer-note`, `trainer:`. Markdown would publish it, with the note's text, as a
    paragraph or as a box of another kind. A box of another kind whose title only mentions trainers
    (`!!! note "Ask your trainer"`) is not a slip; one that Markdown does not read as a box
    (`!!! note “Ask your trainer”`) is told as a box for learners, keeping its type."""
    bare = _bare(line)
    if not bare.startswith(("!!", "??")):  # most lines: neither rule below can hold
        return None
    if unquoted := unquoted_title(bare):
        return unquoted
    if not _starts_like_a_note(bare):
        return None
    box = NOTE_LINE.match(bare)
    marker = _marker(bare)
    if box and "trainer" not in box.group("classes").lower():
        return None  # an ordinary box (note, warning, ...): its title is for learners
    if box and NOTE_CLASS in box.group("classes").lower().split():
        return None  # a trainer note (inside a quote); note_start reads it where it can
    quote = _ANY_QUOTE.search(bare)
    if types := _learner_box(bare):  # the title names a trainer, the box is for learners
        title = bare[quote.start() :].strip(" :" + _QUOTES) if quote else ""
        written = f"{marker} {types}" + (f' "{title}"' if title else "")
        return (
            f"'{bare}' is not read as a box, so learners would see this line as typed, with the box's "
            "text as an ordinary paragraph",
            f"write it as {written}, with the title in straight double quotes: a box for learners",
        )
    after = bare[quote.start() :] if quote else bare[_TRAINER_WORD.search(bare).end() :]
    title = after.strip(" :" + _QUOTES) or "Title"
    written = f'{marker} trainer "{title}"'
    return (
        f"'{bare}' looks like the first line of a trainer note, but Markdown does not read it as "
        "one, so the note would be published to learners",
        f"write it as {written}, with the title in straight double quotes",
    )


def raw_html_note_error(first_line: str, markdown: str, display: str, offset: int = 0) -> DataError:
    """A note written as raw HTML (`<div class="admonition trainer">`) stays one piece of text in
    the Markdown tree, so it cannot be taken out: the build stops at the line that starts it."""
    line = next((n for n, text in lines_outside_code(markdown) if text.strip() == first_line.strip()), None)
    return DataError(
        display,
        line + offset if line else None,
        "this trainer note is written in HTML, so the build cannot keep it from learners",
        "write it as '!!! trainer \"Title\"' with its text indented by four spaces on the lines below",
    )


def note_left_on_page(
    leaked: list[str], in_code: list[str], src_uri: str, markdown: str, display: str, offset: int = 0
) -> DataError | None:
    """The error for the first line starting like a trainer note that the page would still show
    (`leaked_lines`), placed at the line of `markdown` that reads the same (or holds it); else
    for the first shown only as code, except on the trainer guide's pages (docs/trainers/), whose
    examples of notes are code on purpose: on a page learners read, it is a note indented four
    spaces too far. None when there is neither."""
    if leaked:
        lines, line = lines_outside_code(markdown), leaked[0]
        problem = f"'{line}' is not read as the start of a trainer note here"
        expected = (
            "start the note on a line of its own at the left edge, with a blank line before it (or "
            "indented by four spaces under a list item or box), and outside any HTML tag or comment "
            "(<div> ... </div>, <!-- ... -->)"
        )
    elif in_code and not src_uri.startswith(SHOWS_NOTE_EXAMPLES):
        lines, line = enumerate(markdown.split("\n"), start=1), in_code[0]
        problem = f"'{line}' is shown as code on a page learners read"
        expected = (
            "start the note's first line at the left edge: four spaces before it make it code, "
            "except under a list item or box; show examples of notes in the trainer guide (docs/trainers/)"
        )
    else:
        return None
    bare = [(n, _bare(text)) for n, text in lines]
    at = next((n for n, text in bare if text == line), None) or next(
        (n for n, text in bare if line in text), None
    )
    return DataError(
        display,
        at + offset if at else None,
        f"{problem}, so the note would be published to learners",
        expected,
    )


# After MkDocs' own tree processors (its link rewriting is at 0, the page title at 1) and every
# other extension's, so the note's HTML is final and its links are checked like any other: the
# glossary (-1) and safe_html's judge (-5) see the notes before they are taken out.
TREE_PRIORITY = -10
# The first line of an admonition (`!!! type "Title"`) or a collapsible block (`??? type`, `???+`),
# as Python-Markdown's admonition and pymdownx.details read it: the classes, then a quoted title.
NOTE_LINE = re.compile(
    r'^(?P<indent> *)(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$'
)
# What `note_slip` reads around a slipped first line: quote marks (`>`) before it, quotes of any
# kind round its title (straight, curly, single), and the word that was meant to be `trainer`.
_QUOTE_MARKS = re.compile(r"^[ \t>]*")
_QUOTES = "\"'\u201c\u201d\u2018\u2019`"
_ANY_QUOTE = re.compile(f"[{_QUOTES}]")
_TRAINER_WORD = re.compile(r"trainer\S*", re.IGNORECASE)
_BOX_TYPE = re.compile(r"^[!?]{2,}\+? ?(?P<types>[\w-]+(?: +[\w-]+)*)")  # the words before a title
# The words before a box's title: one of Material's box types or `trainer` first, then only the
# words that place a box beside the text (`inline end`) or `trainer` (see _types).
PLACES = frozenset({"inline", "end"})
FIRST_WORDS = (
    frozenset(
        "note abstract summary tldr info todo tip hint important success check done question help faq "
        "warning caution attention failure fail missing danger error bug example quote cite".split()
    )
    | PLACES
    | {NOTE_CLASS}
)
LATER_WORDS = PLACES | {NOTE_CLASS}
CODE_TAGS = ("code", "pre")  # text shown as typed, never read as Markdown
SHOWS_NOTE_EXAMPLES = ("trainers/",)  # the trainer guide's pages (under docs/), which teach notes
VIEW_ENV = "INDUCTION_TRAINER_VIEW"
VIEW_SUFFIX = "(trainer view)"
VIEW_LABEL = "Trainer note \N{EM DASH} not shown to learners"
VIEW_CLASSES = ("warning", "trainer-view")  # Material's warning colours; no extra CSS needed
