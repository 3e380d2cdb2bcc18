"""Trainer-only notes: kept in the Markdown, never shown to learners.

A trainer writes a note for other trainers (a doubt in a source, a figure to re-check) as

    !!! trainer "Check this figure"
        The slide says "22,00 contacts"; we show 22,000. Confirm with the front door.

`TrainerNotes`, a Python-Markdown extension, takes every such block out of the page's element
tree while the page is converted, so the note never reaches the page's HTML, the search index,
the offline copy or the handout. It keeps each note (title and HTML) for the trainer pack. It
runs last of the tree processors, once MkDocs has checked and rewritten the note's links, so a
note's HTML is what the page would have shown. A note whose text is not indented would be
published as an ordinary paragraph, so `check_note_text_is_indented` stops the build at its line.

Trainer view: with the environment variable INDUCTION_TRAINER_VIEW=1 (`nox -s serve-trainer`)
the notes stay on the page, marked "Trainer note - not shown to learners". A build in trainer
view logs a warning (hooks/trainer_notes.py), so a strict build (`nox -s build`, the export)
refuses to make one: a site with trainer notes in it cannot be published by mistake.

The glossary never links inside a note: its tree processor skips elements with NOTE_CLASS.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from induction.common import NOTE_CLASS, DataError, html_text, lines_outside_code, read_html
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
    trainer view shows them). After each conversion, `found` holds that document's notes as
    {"title", "html"} in page order, and `in_raw_html` the first line of any note written as raw
    HTML, which the tree does not hold (see `raw_html_note_error`)."""

    def __init__(self, show: bool = False):
        super().__init__()
        self.show = show
        self.found: list[dict] = []
        self.in_raw_html: list[str] = []
        self.kept: list[dict] = []  # the build's notes with their pages, for the trainer pack

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_TakeNotes(md, self), "trainer_notes", TREE_PRIORITY)

    def take(self) -> tuple[list[dict], list[str]]:
        """The notes (and raw HTML notes) of the last conversion, forgotten here."""
        found, raw = self.found, self.in_raw_html
        self.found, self.in_raw_html = [], []
        return found, raw


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
        self.extension.found = found
        self.extension.in_raw_html = [
            raw.strip().split("\n")[0] for raw in self.md.htmlStash.rawHtmlBlocks if _holds_a_note(raw)
        ]

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


def _notes_in(parent: etree.Element):
    """(parent, note) for each trainer note under `parent`, in page order, not looking inside one."""
    for child in parent:
        if _is_note(child.tag, child.items()):
            yield parent, child
        else:
            yield from _notes_in(child)


def _is_note(tag, attributes) -> bool:
    """A trainer note is an admonition (`!!! trainer`: <div class="admonition trainer">) or a
    collapsible block (`??? trainer`: <details class="trainer">)."""
    if tag not in ("div", "details"):
        return False
    classes = next((value or "" for key, value in attributes if key == "class"), "").split()
    return NOTE_CLASS in classes and (tag == "details" or "admonition" in classes)


def _holds_a_note(raw) -> bool:
    """Whether a piece of raw HTML Python-Markdown set aside opens a trainer note."""
    return isinstance(raw, str) and NOTE_CLASS in raw and any(_is_note(*tag) for tag in read_html(raw).tags)


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


def check_note_text_is_indented(markdown: str, display: str, offset: int | Callable[[], int] = 0) -> None:
    """Stop at a trainer note (outside code) whose next line with text is not indented under it:
    Markdown would end the note there and publish that text as an ordinary paragraph. `offset`
    (the front matter's lines) may be a function, called only when there is an error to place."""
    lines = markdown.split("\n")
    for number, line in lines_outside_code(markdown):
        note = note_start(line)
        if not note:
            continue
        indent = len(note.group("indent"))
        text = next((nxt.expandtabs(4) for nxt in lines[number:] if nxt.strip()), "")
        if len(text) - len(text.lstrip()) < indent + 4:
            title = note.group("title") or "Trainer"
            raise DataError(
                display,
                number + (offset() if callable(offset) else offset),
                f"the trainer note '{title}' has no indented text, so the text below it would be "
                "published to learners",
                "indent the note's text by four spaces on the lines after the '!!! trainer' line",
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


# After MkDocs' own tree processors (its link rewriting is at 0, the page title at 1) and every
# other extension's, so the note's HTML is final and its links are checked like any other.
TREE_PRIORITY = -10
# The first line of an admonition (`!!! type "Title"`) or a collapsible block (`??? type`, `???+`),
# as Python-Markdown's admonition and pymdownx.details read it: the classes, then a quoted title.
NOTE_LINE = re.compile(
    r'^(?P<indent> *)(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$'
)
VIEW_ENV = "INDUCTION_TRAINER_VIEW"
VIEW_SUFFIX = "(trainer view)"
VIEW_LABEL = "Trainer note \N{EM DASH} not shown to learners"
VIEW_CLASSES = ("warning", "trainer-view")  # Material's warning colours; no extra CSS needed
