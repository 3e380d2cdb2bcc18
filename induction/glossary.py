"""The glossary: every acronym and specialist term explained where the reader meets it.

Trainers keep the terms in `data/glossary.yml` (`load_glossary` reads and checks it). On every
page the first use of a term links to its entry on the Glossary page, with the definition as the
link's title (docs/javascripts/glossary-tooltip.js shows it). `GlossaryExtension` does the
linking, in the spirit of Python-Markdown's own `abbr`: one compiled pattern (`Glossary.pattern`,
a trie of every name), one walk over the element tree (`_LinkTerms`), a skip set, the first use only;
it knows nothing of MkDocs. It also reports the words with two or more capitals that neither the
glossary nor its `allow:` list explains. `glossary_markdown` writes the Glossary page's A to Z.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import html as htmllib
import itertools
import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import NamedTuple

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, STX

from induction.common import NOTE_CLASS, DataError, LineDict, parse_yaml, warn
from induction.learner_text import learner_lines
from induction.text import markdown_line
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/glossary.py's reading of raw HTML placeholders (markdown.util.HTML_PLACEHOLDER_RE, "
    "md.htmlStash.rawHtmlBlocks) and of which entities its serializer leaves alone (as_written)",
)

log = logging.getLogger("mkdocs.hooks.glossary")

DATA_FILE = "data/glossary.yml"
GLOSSARY_PAGE = "glossary.md"
MARKER = "<!-- glossary -->"
MARKER_HINT = f"keep docs/{GLOSSARY_PAGE} with a {MARKER} line where the A to Z entries go"
EXPLAIN_IT = f"add it to {DATA_FILE}, or to the allow: list there if it is not jargon"
# Readers never see a source's note (for trainers) or url (the footer: title, date), or a contact's source key
NOT_SHOWN = {("sources", "note"), ("sources", "url"), ("contacts", "source")}


@dataclass(eq=False)
class Entry:
    """One entry of the glossary file, as `load_glossary` has checked it."""

    term: str
    definition: str
    expansion: str = ""
    aliases: tuple[str, ...] = ()
    plurals: tuple[str, ...] = ()
    case: str = ""  # "exact", "any", or "" for the default per name
    see: tuple[str, ...] = ()
    line: int = 0
    see_line: int = 0
    lines: dict[str, int] = dataclasses.field(default_factory=dict)  # each field's line: "aliases" -> 12

    def __post_init__(self):
        self.id = anchor(self.term)
        # Every way a page may write this term, as the trainer wrote them
        self.names = (self.term, *filter(None, [self.expansion]), *self.aliases, *self.plurals)
        # The link's title (tooltip): "Multi-Agency Safeguarding Hub (MASH): The part of ..."
        label = f"{self.expansion} ({self.term})" if self.expansion else self.term
        self.tooltip = as_written(f"{label[:1].upper()}{label[1:]}: {self.definition}")


class Glossary:
    """The entries, and one regular expression, a trie of all their names (names sharing a start
    share its branch), that reads a text in one pass, a longer name before a shorter one. It runs
    on the text in lower case; the case rules (acronyms as written) are checked on each match."""

    def __init__(self, entries: list[Entry], allow: tuple[str, ...], lines: list[str]):
        self.entries = sorted(entries, key=lambda e: sort_key(e.term))
        self.by_id = {e.id: e for e in self.entries}
        self.allow = frozenset(allow)
        self.lines = lines  # the data file's lines, to name the line of a bad `see:`
        self._known_exact: set[str] = set()
        self._known_any: set[str] = set()
        self._unknown_in = functools.cache(self._unknown_in)  # each run of letters judged once a build
        self.reported: set[str] = set()  # words told at a fact's line (check_facts): not told again
        # (lower-case words, separators) of each way of writing a name -> [(made up?, exact?,
        # words as written, entry)], a name as written before a made-up plural ("+s", "+'s")
        self._forms: dict[tuple, list[tuple[bool, bool, tuple[str, ...], Entry]]] = {}
        trie: dict = {}
        for entry in self.entries:
            for name in entry.names:
                acronym = is_acronym(name)
                exact = entry.case == "exact" if entry.case else acronym  # the entry's case rule
                known, as_known = (self._known_exact, str) if exact else (self._known_any, str.lower)
                words, seps = split_name(name)
                known.update(map(as_known, words))
                # Each name matches as written, +s and +'s ("+s" only when it does not end in s).
                for ending in ("",) if name.endswith("s") and not acronym else ("", "s", "'s"):
                    form = [*words[:-1], words[-1] + ending]
                    known.add(as_known(form[-1]))  # EHCP's, as a part of EHCP's-based
                    key = (tuple(w.lower() for w in form), tuple(seps))
                    self._forms.setdefault(key, []).append((bool(ending), exact, tuple(form), entry))
                    node = trie
                    for step in _steps(*key):
                        node = node.setdefault(step, {})
                    node[""] = {}  # a name ends here
        for forms in self._forms.values():
            forms.sort(key=lambda form: form[0])
        self.pattern = re.compile(WORD_BEFORE + _trie_regex(trie) + WORD_AFTER) if trie else None

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every glossary term in `text` as (start, end, entry): whole words, longest name first."""
        if self.pattern is None or text.isspace():  # half the texts of a page: a line break
            return []
        text = normal(text)
        low = lowered(text)
        found, at = [], 0
        while (match := self.pattern.search(low, at)) is not None:
            start, end = match.span()
            entry = self._entry_at(text, start, end)
            if entry is None:  # the case rules rule the longest out: a shorter name there?
                for short in reversed([m.end() for m in WORD.finditer(low, start, end)][:-1]):
                    if (entry := self._entry_at(text, start, short)) is not None:
                        end = short
                        break
            if entry is None:
                at = start + 1
            else:
                found.append((start, end, entry))
                at = end
        return found

    def _entry_at(self, text: str, start: int, end: int) -> Entry | None:
        words, seps = split_name(text[start:end])
        for _, exact, written, entry in self._forms.get((tuple(w.lower() for w in words), tuple(seps)), ()):
            if not exact or tuple(words) == written:
                return entry
        return None

    def knows(self, word: str) -> bool:
        """True when `word` is a glossary name (or a word of one), a plural of one, or allowed."""
        word = normal(word)
        forms = (word, word[:-1]) if word.endswith("s") and len(word) > 2 else (word,)
        return any(w in self.allow or w in self._known_exact or w.lower() in self._known_any for w in forms)

    def unknown_words(self, text: str) -> list[str]:
        """Acronym-like words in `text` that the glossary does not explain (a hyphenated word
        is checked part by part unless it is a name itself: C-SPA, Multi-Agency)."""
        unknown = {}
        for run in RUNS.findall(normal(text)):
            unknown.update(dict.fromkeys(self._unknown_in(run)))
        return [word for word in unknown if word not in self.reported]  # not those in facts

    def check_facts(self, facts: dict, read: Callable[[str], str]) -> None:
        """Warn of each unexplained acronym in a fact a reader may see (load_facts: stem -> key ->
        field -> text), at its line in data/<stem>.yml (`read` gives that file's text); pages and
        self-checks are not told of it again, so a word also typed in a page is told once, at the
        fact's line (adding it to the glossary mends both)."""
        reported = set()
        for group, entries in facts.items():
            display = f"data/{group}.yml"
            raw = read(display)
            for entry in entries.values():
                for field, value in entry.items():
                    if (group, field) not in NOT_SHOWN:
                        words = self.unknown_words(value)
                        warn_unknown_words(words, display, raw, entry.line_of(field))
                        reported.update(words)
        self.reported |= reported

    def _unknown_in(self, run: str) -> tuple[str, ...]:
        unknown = []
        for word in (w.removesuffix("'s") for w in WORD.findall(run) if len(ASCII_CAPITALS.findall(w)) > 1):
            parts = [word] if "-" not in word or self.knows(word) else word.split("-")
            for part in parts:
                if sum(c.isupper() for c in part) >= 2 and not self.knows(part) and part not in unknown:
                    unknown.append(part)
        return tuple(unknown)


def _steps(words: tuple[str, ...], seps: tuple[str, ...]) -> list[str]:
    """A name as the steps of the trie, each a regular expression: its letters one by one, and
    between two words the separator's characters (spaces and line breaks are free around them)."""
    steps = [re.escape(c) for c in words[0]]
    for sep, word in zip(seps, words[1:], strict=True):
        steps.append("".join(rf"\s*{re.escape(c)}" for c in sep) + r"\s*" if sep else r"\s+")
        steps += map(re.escape, word)
    return steps


def _trie_regex(node: dict) -> str:
    """The trie as a regular expression: at each step the branches, then (optional) the end."""
    branches = [step + _trie_regex(child) for step, child in sorted(node.items()) if step]
    if sorted(branches) == ["'s", "s"]:  # the usual ending: +'s or +s
        branches = ["'?s"]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
    return group + "?" if "" in node else group


def load_glossary(text: str, display: str) -> Glossary:
    """Read and check the glossary file; every problem is a DataError naming its line."""
    error = functools.partial(DataError, display)  # error(line, problem, expected)
    data = parse_yaml(text, display)
    if not isinstance(data, LineDict) or not isinstance(data.get("terms"), list):
        raise error(1, "the file has no 'terms:' list", "start the list of entries with 'terms:'")
    for key in (key for key in data if key not in ("terms", "allow")):  # the first in the file
        raise error(data.line_of(key), f"unknown top-level key '{key}'", "use only terms: and allow:")
    allow = _strings(data, "allow", error, "allow: [UK, PDF]")
    lines = text.split("\n")
    entries, owners, anchors = [], {}, {}
    item_lines = _item_lines(lines, data.line_of("terms"), len(data["terms"]))
    for number, raw in enumerate(data["terms"], start=1):
        entry = _entry(raw, number, error, item_lines[number - 1])
        keys = ["term", "expansion"][: 1 + bool(entry.expansion)]
        keys += ["aliases"] * len(entry.aliases) + ["plurals"] * len(entry.plurals)
        for n, (name, key) in enumerate(zip(entry.names, keys, strict=True)):
            at = _line_in(lines, raw.line_of(key), len(entry.names), name)  # the name's own line
            if "<" in name or ">" in name:
                problem = f"'{name}' (in '{entry.term}') has < or > in it, which a page reads as HTML"
                raise error(at, problem, "write plain text: no HTML tags, < or > in a name")
            if not (WORD.match(name) and WORD.match(name[-1])):
                problem = f"'{name}' (in '{entry.term}') cannot be found in a page's text"
                raise error(at, problem, "start and end each name with a letter or digit")
            if name in entry.names[:n]:
                raise error(at, f"'{entry.term}' lists '{name}' twice", "list each name once")
            own = key in ("term", "expansion")  # the entry's own name, not one added to it
            other, other_at, other_name, other_own = owners.setdefault(
                normal(" ".join(name.split())).lower(), (entry, at, name, own)
            )
            if other is not entry:
                if own and not other_own:  # an alias above is this entry's own name: the alias's line
                    at, name, other = other_at, other_name, entry
                problem = f"'{name}' is already a name of the entry '{other.term}' (line {other.line})"
                expected = "give each term, expansion and alias to one entry only; capitals are ignored"
                raise error(at, problem, expected)
        if (other := anchors.setdefault(entry.id, entry)) is not entry:
            problem = f"'{entry.term}' would have the same anchor '#{entry.id}' as '{other.term}'"
            raise error(entry.line, problem, "make the two terms differ in their letters or digits")
        entries.append(entry)
    glossary = Glossary(entries, allow, lines)
    for n, (entry, raw) in enumerate(zip(entries, data["terms"], strict=True)):
        first = min(raw.line_of(key) for key in ("expansion", "definition") if key in raw)
        below = entries[n + 1].line if n + 1 < len(entries) else None  # the next entry's first line
        for word in glossary.unknown_words(f"{entry.expansion} {entry.definition}"):
            problem = f"the entry '{entry.term}' uses '{word}', which is not in the glossary"
            at = word_line(text, word, first)  # its own line, in a folded text too
            at = first if below is not None and at is not None and at >= below else at  # not another's
            warn(log, error(at, problem, "add it as a term, or spell it out"))
    return glossary


FIELDS = ("term", "expansion", "definition", "aliases", "plurals", "case", "see")


def _item_lines(lines: list[str], first: int, count: int) -> list[int]:
    """The "- " line of each item of `terms:` (an item that is not a group of fields has no line)."""
    indent = re.match(r"\s*", lines[first - 1]).group() if 0 < first <= len(lines) else ""
    item = re.compile(rf"{re.escape(indent)}-(\s|$)")
    found = [n for n in range(first, len(lines) + 1) if item.match(lines[n - 1])]
    return found if len(found) == count else [first] * count


def _entry(raw, number: int, error, list_line: int) -> Entry:
    if not isinstance(raw, LineDict):
        expected = "start each entry with '- term: ...' and indent its other fields under it"
        raise error(list_line, f"entry {number} in 'terms:' is not a group of fields", expected)
    for key in (key for key in raw if key not in FIELDS):  # the first in the file
        raise error(raw.line_of(key), f"unknown field '{key}'", f"use only: {', '.join(FIELDS)}")
    term = raw.get("term")
    if not isinstance(term, (str, int)) or not str(term).strip():
        raise error(raw.line, f"entry {number} has no term", "write 'term: ...' first")
    term = " ".join(str(term).split())
    texts = {}
    for key in ("expansion", "definition"):
        if (value := raw.get(key)) is not None and not isinstance(value, str):
            raise error(raw.line_of(key), f"the {key} of '{term}' is not text", "write it as text")
        texts[key] = " ".join((value or "").split())
    if not texts["definition"]:
        expected = "write one to three plain sentences after 'definition: >-'"
        raise error(raw.line_of("definition"), f"the definition of '{term}' is empty", expected)
    if (case := raw.get("case", "")) not in ("", "exact", "any"):
        raise error(raw.line_of("case"), f"'{term}' has case: {case}", "write case: exact or case: any")
    see = _strings(raw, "see", error, "see: [services/front-door.md]")
    return Entry(
        term=term,
        definition=texts["definition"],
        expansion=texts["expansion"],
        aliases=_strings(raw, "aliases", error, "aliases: [CiC, CIC]"),
        plurals=_strings(raw, "plurals", error, "plurals: [children in need]"),
        case=case,
        see=tuple(s.strip().lstrip("/").removeprefix("docs/") for s in see),
        line=raw.line,
        see_line=raw.line_of("see"),
        lines=dict(raw.lines),
    )


def _strings(mapping: LineDict, key: str, error, example: str) -> tuple[str, ...]:
    """A list of words (or one word), each with its spaces made single."""
    if (value := mapping.get(key)) is None:
        return ()
    value = [value] if isinstance(value, (str, int)) else value
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
        raise error(mapping.line_of(key), f"'{key}' is not a list of words", f"write e.g. {example}")
    return tuple(" ".join(str(v).split()) for v in value)


def check_see_links(glossary: Glossary, pages: set[str]) -> None:
    """Every `see:` must name a page under docs/; the error names the line of the bad path."""
    for entry in glossary.entries:
        for target in (target for target in entry.see if target not in pages):
            line = _line_in(glossary.lines, entry.see_line, len(entry.see), target)
            problem = f"'{entry.term}' has see: {target}, which is not a page"
            expected = "give the path of a page under docs/, e.g. services/front-door.md"
            raise DataError(DATA_FILE, line, problem, expected)


def _line_in(lines: list[str], first: int, count: int, value: str) -> int:
    """The line of `value`, one of `count` items of a list that starts on line `first` (else `first`)."""
    last = min(first + count + 2, len(lines) + 1)
    return next((n for n in range(first, last) if value in lines[n - 1]), first)


# --- Linking terms in a page's element tree --------------------------------------------------


class Linked(NamedTuple):
    """What linking found on a page: the entries linked, in order, and the unexplained acronyms."""

    used: list[Entry]
    unknown: list[str]


class GlossaryExtension(Extension):
    """Links the first use of each term in the page Python-Markdown converts next.

    Call `start(url)` just before a page is converted (`url`: the Glossary page, relative to that
    page; `linking=False` only looks for unexplained acronyms), and `take()` after, for what it
    found. Markdown converted later for the same page (by another plugin) is left alone."""

    def __init__(self, glossary: Glossary):
        super().__init__()
        self.glossary = glossary
        self.job: tuple[str, bool] | None = None
        self.result: Linked | None = None
        self.used_by: dict[str, list[Entry]] = {}  # page -> the entries linked there, by `take`

    def start(self, url: str, linking: bool = True) -> None:
        self.job, self.result = (url, linking), None

    def take(self, page: str = "") -> Linked:
        result, self.result = self.result or Linked([], []), None
        if page:
            self.used_by[page] = result.used
        return result

    def extendMarkdown(self, md):
        # After MkDocs' link rewriting and "unescape" (0), before safe_html's judge (-5) and the
        # trainer notes' removal (-10).
        md.treeprocessors.register(_LinkTerms(md, self), "glossary", -1)


def glossary_extension(config) -> GlossaryExtension | None:
    """The glossary's extension in the build made with `config` (what each page linked, the
    entries), or None when that build had no glossary."""
    return next((e for e in config["markdown_extensions"] if isinstance(e, GlossaryExtension)), None)


class _LinkTerms(Treeprocessor):
    """One walk over a page's element tree: links each term's first use, and gathers the text
    that is checked for unexplained acronyms (`check`, with a line break between blocks)."""

    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension, self.glossary = extension, extension.glossary

    def run(self, root):
        if self.extension.job is None:
            return
        (self.url, linking), self.extension.job = self.extension.job, None
        if not linking:  # the Glossary page: its entries were checked when the file was read
            _definitions_boxed(root, self.glossary)
        self.stash = self.md.htmlStash.rawHtmlBlocks
        self.linked: set[str] = set()  # entries linked on the page (or by a link written in it)
        self.used: list[Entry] = []
        self.check: list[str] = []
        self.raw: list[tuple[str, bool, bool]] = []  # raw HTML tags open: (tag, no links, no check)
        self.content(root, linking, True)
        self.extension.result = Linked(self.used, self.glossary.unknown_words("".join(self.check)))

    def content(self, parent, link: bool, check: bool) -> None:
        open_raw, children = len(self.raw), list(parent)
        if parent.text:
            parent.text, links = self.text(parent.text, link, check, alone=len(parent) == 0)
            parent[0:0] = links
        for child in children:
            self.element(child, link, check)
            if child.tail:
                child.tail, links = self.text(child.tail, link, check)
                if links:
                    at = list(parent).index(child) + 1
                    parent[at:at] = links
        del self.raw[open_raw:]  # raw HTML left open ends with its element

    def element(self, element, link: bool, check: bool) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in VOID_TAGS:  # a comment, <br>, <img>: a boundary
            self.boundary()
            return
        classes = (element.get("class") or "").split()
        skip = SKIP_ATTRIBUTE in element.attrib or not SKIP_CLASSES.isdisjoint(classes)
        link = link and not skip and tag not in SKIP_TAGS and "quiz" not in classes
        check_inside = check and not skip and tag not in NO_CHECK_TAGS
        # Where nothing is linked or checked (code, the Glossary page's definitions), the walk
        # needs only the glossary links written inside, and does not go in.
        inside = link or check_inside
        for a in element.iter("a") if not inside else (element,) if tag == "a" else ():
            if "glossary-term" in (a.get("class") or "").split():  # a glossary link written in the page
                self.linked.add((a.get("href") or "").rpartition("#")[2])
        if not inside:
            self.boundary()
            return
        apart = tag not in INLINE_TAGS or not check_inside  # a term's letters never run across it
        if apart:
            self.boundary()
        self.content(element, link, check_inside)
        if apart:
            self.boundary()

    def boundary(self) -> None:
        if self.check and self.check[-1] != "\n":
            self.check.append("\n")

    def text(self, value: str, link: bool, check: bool, alone: bool = False) -> tuple[str, list]:
        """`value` (an element's text or tail) up to its first link, and the links, each with
        the text after it as its tail. Raw HTML kept in the text as a placeholder ends a run of
        text; an entity (&nbsp;) is read as its character; a tag that must not hold links
        (<kbd>, <a>) turns linking off until it closes."""
        spans: list[tuple[int, int, Entry]] = []
        run: list[tuple[int, int, str]] = []  # (start, end in `value`, text as read)
        cut = 0
        for match in HTML_PLACEHOLDER_RE.finditer(value) if STX in value else ():
            if match.start() > cut:
                run.append((cut, match.start(), value[cut : match.start()]))
            cut = match.end()
            number = int(match.group(1))
            raw = self.stash[number] if number < len(self.stash) else ""
            raw = raw if isinstance(raw, str) else ""
            if ENTITY.fullmatch(raw):
                run.append((match.start(), cut, htmllib.unescape(raw)))
                continue
            spans += self.read(run, link, check)
            run = []
            self.boundary()
            if not (alone and value.strip() == match.group()):  # a block of raw HTML is closed within itself
                self.raw_tags(raw)
        if len(value) > cut:
            run.append((cut, len(value), value[cut:]))
        spans += self.read(run, link, check)
        links = []
        for start, end, entry in reversed(spans):
            href = f"{self.url}#{entry.id}"
            a = etree.Element("a", {"class": "glossary-term", "href": href, "title": entry.tooltip})
            a.text, a.tail, value = value[start:end], value[end:], value[:start]
            links.insert(0, a)
        return value, links

    def read(self, run: list[tuple[int, int, str]], link: bool, check: bool) -> list:
        """Check and link one run of text; the places of its links in the element's text."""
        text = "".join(piece for _, _, piece in run)
        if not text or any(skip for _, skip, _ in self.raw):
            link = False
        if check and not any(no_check for _, _, no_check in self.raw):
            self.check.append(text)
        if not link:
            return []
        offsets = list(itertools.accumulate((len(piece) for _, _, piece in run[:-1]), initial=0))
        spans = []  # `offsets`: where each piece of the run starts in `text`
        for start, end, entry in self.glossary.find(text):
            if entry.id not in self.linked:
                self.linked.add(entry.id)
                self.used.append(entry)
                spans.append((_place(run, offsets, start, False), _place(run, offsets, end, True), entry))
        return spans

    def raw_tags(self, raw: str) -> None:
        tags: list[tuple[bool, str, list]] = []  # (opening?, tag, attributes), as html.parser reads them
        reader = HTMLParser(convert_charrefs=True)
        reader.handle_starttag = lambda tag, attrs: tags.append((True, tag, attrs))
        reader.handle_endtag = lambda tag: tags.append((False, tag, []))
        reader.feed(raw)
        reader.close()
        for opening, tag, attrs in tags:
            if opening and tag not in VOID_TAGS:
                every = any(key == SKIP_ATTRIBUTE for key, _ in attrs)
                self.raw.append((tag, every or tag in SKIP_TAGS, every or tag in NO_CHECK_TAGS))
            elif not opening and any(open_tag == tag for open_tag, _, _ in self.raw):
                while self.raw.pop()[0] != tag:
                    pass


def _place(run: list[tuple[int, int, str]], offsets: list[int], at: int, end: bool) -> int:
    """Where `at` (a place in the run's text) is in the element's text, an entity read whole."""
    n = (bisect.bisect_left if end else bisect.bisect_right)(offsets, at) - 1
    start, stop, piece = run[n]
    if stop - start == len(piece):
        return start + at - offsets[n]
    return stop if end else start


def warn_unknown_words(words: list[str], display: str, raw: str, first: int | None = None) -> None:
    """Warn of each unexplained acronym, naming the line where the file's text (`raw`) has it:
    the first from line `first` on, else `first` (a word that came from a filled-in fact). In a
    page, not where it is code, a comment or a trainer note, which are not checked
    (`learner_lines`)."""
    if display.endswith(".md"):  # only what learners read, each line where it was
        raw = "\n".join(text for _, text in learner_lines(raw))
    for word in words:
        problem = f"'{word}' looks like an acronym but is not in the glossary"
        warn(log, DataError(display, word_line(raw, word, first), problem, EXPLAIN_IT, subject=word))


def word_line(raw: str, word: str, first: int | None) -> int | None:
    """The line where `word` is first in `raw` from line `first` on, else `first`: standing
    alone, else as a part of a hyphenated word (LIVE-EDIT-QZX)."""
    start = sum(len(line) + 1 for line in raw.split("\n")[: (first or 1) - 1])
    alone, part = (re.compile(rf"(?<!{b}){re.escape(word)}(?!\w)") for b in (r"[\w-]", r"\w"))
    match = alone.search(raw, start) or part.search(raw, start)
    return raw.count("\n", 0, match.start()) + 1 if match else first


# --- The Glossary page ----------------------------------------------------------------------


def glossary_markdown(glossary: Glossary, used_on: dict[str, list[str]], titles: dict[str, str]) -> str:
    """The A to Z as Markdown: a heading for each letter and for each entry (so that search finds
    each entry on its own), its definition and other names, and links to the pages that explain
    it (`see:`) and that use it (`used_on`: entry id -> src_uris). `titles` maps a src_uri to the
    page's title. Everything a trainer wrote is shown as typed, never run as Markdown or HTML."""
    groups: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        first = entry.term[:1].upper()
        groups.setdefault(first if first.isalpha() else "0-9", []).append(entry)
    letters = (["0-9"] if "0-9" in groups else []) + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    anchors = {x: f"letter-{x.lower()}" for x in letters}
    jump = " ".join(
        f'<a href="#{anchors[x]}">{x}</a>' if x in groups else f'<span class="glossary-az__none">{x}</span>'
        for x in letters
    )
    out = [f'<nav class="glossary-az" aria-label="Glossary from A to Z">{jump}</nav>', ""]
    for letter in [x for x in letters if x in groups]:
        out += [f"## {letter} {{ #{anchors[letter]} }}", ""]
        for entry in groups[letter]:
            out += [f"### {markdown_line(entry.term)} {{ .{ENTRY_CLASS} #{entry.id} }}", ""]
            if entry.expansion:
                out += [f"**{markdown_line(entry.expansion)}**", "{ .glossary-expansion }", ""]
            out += [markdown_line(entry.definition), ""]
            if entry.aliases:
                out += [markdown_line("Also written: " + ", ".join(entry.aliases)), ""]
            for label, pages in (("Find out more", entry.see), ("Used on", used_on.get(entry.id, ()))):
                if pages:
                    links = (f"[{markdown_line(titles.get(s) or s)}]({s})" for s in pages)
                    out += [f"{label}: {', '.join(links)}", f"{{ .{PAGES_CLASS} }}", ""]
    return "\n".join(out)


def _definitions_boxed(root, glossary: Glossary) -> None:
    """What follows each entry's heading, up to the next heading, put in one element for the
    page's CSS (md_in_html would cost more than the page). No other heading may take its anchor."""
    seen: set[str] = set()
    for id_ in (el.get("id") for el in root.iter() if el.get("id") in glossary.by_id):
        if id_ in seen:
            entry = glossary.by_id[id_]
            problem = f"a heading there has the id '{id_}', which is the anchor of the entry '{entry.term}'"
            expected = f"give the heading an id of its own, e.g. {{ #about-{id_} }}"
            raise DataError(f"docs/{GLOSSARY_PAGE}", None, problem, expected)
        seen.add(id_)
    out, box = [], None
    for child in root:
        if child.tag in HEADING_TAGS:
            out.append(child)
            box = None
            if ENTRY_CLASS in (child.get("class") or "").split():
                box = etree.Element("div", {"class": DEFINITION_CLASS})
                box.tail = "\n"
                out.append(box)
        elif box is not None:
            box.append(child)
            child.tail = None
            if child.get("class") == PAGES_CLASS:  # one class on the paragraph, not one attr_list a link
                del child.attrib["class"]
                # Not searched: Material would show "Used on: ..." as the entry's preview, not its definition.
                child.set("data-search-exclude", "")
                for a in child.iter("a"):
                    a.set("class", PAGE_LINK_CLASS)
        else:
            out.append(child)
    root[:] = out


# --- Words, names and anchors ---------------------------------------------------------------


def normal(text: str) -> str:
    return text.replace("\u2019", "'")


def lowered(text: str) -> str:
    """`text` in lower case, keeping every character at its offset."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def split_name(name: str) -> tuple[list[str], list[str]]:
    """A name's words and, between each pair, what separates them without spaces."""
    parts = WORD_SPLIT.split(normal(name))  # [before, word, between, word, ..., after]
    return parts[1::2], ["".join(between.split()) for between in parts[2:-1:2]]


def is_acronym(name: str) -> bool:
    """A single word written mostly in capitals: MASH, CiC, KCSiE, DfE, C-SPA (not Multi-Agency)."""
    if len(WORD.findall(name)) != 1:
        return False
    letters = [c for c in name if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def anchor(term: str) -> str:
    slug = NOT_SLUG.sub("-", normal(term).lower().replace("'", "")).strip("-")
    return slug or "term"


def sort_key(term: str):
    """A to Z ignoring case, with numbers in number order (section 11 before section 136)."""
    return [int(p) if p.isdigit() else p for p in NUMBERS.split(term.lower())]


def as_written(value: str) -> str:
    """Text for the element tree that shows exactly as written: Python-Markdown's serializer
    leaves `&amp;` and the like alone (it takes them for entities already written), so their
    `&` is escaped here and a trainer's "&lt;b&gt;" reads as typed."""
    return ENTITY_START.sub("&amp;", value) if "&" in value else value


# --- Constants ------------------------------------------------------------------------------

WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
WORD_SPLIT = re.compile(f"({WORD.pattern})")
# A name stands as a whole word: no word character, or ' or - joined to one, either side.
WORD_BEFORE, WORD_AFTER = r"(?<!\w)(?<!\w['\-])", r"(?!\w|['\-]\w)"
# A run of word characters, hyphens and apostrophes with two capital letters in it.
# (It starts at the start of a run: tried inside a word as well, it took twice as long.)
RUNS = re.compile(r"(?<![\w'\-])[\w'\-]*[A-Z][\w'\-]*[A-Z][\w'\-]*")
ASCII_CAPITALS = re.compile("[A-Z]")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
SKIP_ATTRIBUTE = "data-glossary-skip"
NUMBERS = re.compile(r"(\d+)")
ENTRY_CLASS = "glossary-entry"  # the heading of an entry on the Glossary page
DEFINITION_CLASS = "glossary-definition"  # the box round its definition
PAGES_CLASS = "glossary-pages"  # its "Find out more" and "Used on" paragraphs, until the links take it
PAGE_LINK_CLASS = "glossary-page"  # each of their links, to a page of the site
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Never linked or checked: trainer-only notes, a definition's box.
SKIP_CLASSES = frozenset({NOTE_CLASS, DEFINITION_CLASS})
# Never linked inside: headings, links, code, abbreviations, navigation, form controls, etc.
SKIP_TAGS = frozenset(
    "a abbr button code dt h1 h2 h3 h4 h5 h6 kbd label math nav option pre samp script select style "
    "summary svg textarea title".split()
)
# Never checked for unexplained acronyms: code and what is not prose.
NO_CHECK_TAGS = frozenset("abbr code kbd math pre samp script style svg textarea".split())
# Inline tags: the acronym check reads the text on both sides as one (MA<b>SH</b> is MASH).
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u "
    "var".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Python-Markdown keeps an entity written in the text (&nbsp;) as raw HTML until the very end.
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# An "&" that Python-Markdown's serializer would leave alone, as the start of an entity.
ENTITY_START = re.compile(r"&(?=(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
