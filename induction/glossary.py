"""The glossary: every acronym and specialist term explained where the reader meets it.

Trainers keep the terms in one file, `data/glossary.yml`. On every page the first time a term
appears it becomes a link to its entry on the Glossary page, with the definition as the link's
title, which docs/javascripts/glossary-tooltip.js shows on hover and keyboard focus; a tap follows
the link to the entry. Later mentions stay plain text. Headings, links, code, `abbr`, quizzes and any
block marked `{ data-glossary-skip }` are never linked. The Glossary page (`docs/glossary.md`,
at its `<!-- glossary -->` line) is generated from the same file: A to Z, one anchor per entry,
and the pages that use each term. Search finds a page by the acronyms and the expansions of the
terms it uses, whichever of the two it spells out: the search plugin reads each page with those
words added and with the glossary's links taken out, which it would throw away.

A word with two or more capitals that is neither in the glossary nor in its `allow:` list is a
warning naming the page and line, so the strict build fails until someone explains it.

How: the links are made in Python-Markdown's element tree, by a tree processor the hook adds to
the page's Markdown conversion (`GlossaryExtension`), not by reading the finished HTML again.
The tree is the parse Markdown has already done, so linking costs one walk over it; parsing every
page's HTML a second time with html.parser cost more than the 10% build-time budget
(benchmarks/README.md). Raw HTML written in a page stays as Python-Markdown keeps it (a
placeholder in the text): it ends a run of text, and a tag that must not hold links (<kbd>, <a>)
turns linking off until it closes. The Glossary page's entries are written as HTML in one go
(`add_entries`), with headings as the toc extension writes them, and put in once Python-Markdown
has written the page (`_PutEntries`); only the letters go through Markdown, so the side contents
list the letters. Material's search plugin reads the Glossary
page without its entries, and their sections go straight into its index (`index_entries`), as
its parser would have made them: parsing five hundred entries tag by tag was the costliest
part of the page.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
import xml.etree.ElementTree as etree
from bisect import bisect_right
from html.parser import HTMLParser
from itertools import filterfalse
from pathlib import Path
from types import SimpleNamespace

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE, STX
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from induction.common import NOTE_CLASS, DataError, LineDict, parse_yaml, read_source, relative_display

log = logging.getLogger("mkdocs.hooks.glossary")

DATA_FILE = "data/glossary.yml"
GLOSSARY_PAGE = "glossary.md"
MARKER = "<!-- glossary -->"

_glossary: Glossary | None = None
_extension: GlossaryExtension | None = None
_usage: dict[str, list[str]] = {}  # entry id -> src_uris of the pages that link it, in build order
_nav_pages: list[str] = []
# src_uri -> (hidden words for search, as HTML; the page's HTML; where its first h2 starts)
_search_blocks: dict[str, tuple[str, str, int]] = {}
# src_uri -> (the page readers get, the page the search plugin reads, the words block in it)
_for_readers: dict[str, tuple[str, str, str]] = {}
# the Glossary page's entries: a `Letter` for each letter
_entry_pieces: list[Letter] = []
# Material's search index (found once a build, in on_nav), or None with another search plugin
_material_index = None
# src_uri -> how many entries Material's search index held before its plugin read the page
_index_at: dict[str, int] = {}


def on_config(config):
    global _glossary, _extension
    root = Path(config.config_file_path).parent
    path = root / DATA_FILE
    display = relative_display(path, root)
    if not path.exists():
        raise DataError(display, None, "the glossary file is missing", f"restore {DATA_FILE}")
    _glossary = load_glossary(read_source(path), display)
    _usage.clear()
    _nav_pages.clear()
    _search_blocks.clear()
    _for_readers.clear()
    _entry_pieces.clear()
    _index_at.clear()
    global _material_index
    _material_index = None
    if "attr_list" not in config.markdown_extensions:
        raise PluginError(
            "the glossary needs the attr_list Markdown extension (list it under markdown_extensions)"
        )
    _extension = GlossaryExtension()
    config.markdown_extensions.append(_extension)
    return config


@event_priority(-100)  # after every other on_files handler, so the glossary page stays last
def on_files(files, config):
    page = files.get_file_from_path(GLOSSARY_PAGE)
    if page is None:
        raise DataError(f"docs/{GLOSSARY_PAGE}", None, "the glossary page is missing", MARKER_HINT)
    check_see_links(_glossary, {f.src_uri for f in files.documentation_pages()})
    # Pages are rendered in this order: the glossary last, so its "Used on" lists are complete.
    files.remove(page)
    files.append(page)
    return files


def on_nav(nav, config, files):
    global _material_index
    _nav_pages[:] = [p.file.src_uri for p in nav.pages]
    _material_index = material_search_index(config)  # made by its plugin's on_config
    return nav


@event_priority(-100)  # last, just before MkDocs converts the page: the links go in then
def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    glossary_url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.file.url)
    _extension.result = _extension.entries = None
    if src != GLOSSARY_PAGE:
        _extension.job = Job(_glossary, glossary_url)
        return markdown
    if MARKER not in markdown:
        raise DataError(f"docs/{GLOSSARY_PAGE}", None, f"the page has no {MARKER} line", MARKER_HINT)
    _extension.job = Job(_glossary, glossary_url, linking=False, entries=_glossary_links(page, files))
    return markdown.replace(MARKER, glossary_markdown(_glossary), 1)


def _glossary_links(page, files):
    """The "Used on" pages of each entry, and every page's title and URL from the glossary."""
    pages = {}
    for src in set(_nav_pages) | {s for e in _glossary.entries for s in e.see}:
        file = files.get_file_from_path(src)
        if file is not None:
            title = (file.page.title if file.page else None) or src
            pages[src] = (title, get_relative_url(file.url, page.file.url))
    order = {src: n for n, src in enumerate(_nav_pages)}
    used_on = {
        eid: sorted((s for s in set(srcs) if s in order), key=order.get) for eid, srcs in _usage.items()
    }
    return used_on, pages


@event_priority(40)  # after trainer notes are removed (50): records the HTML the search copy is made from
def on_page_content(html, page, config, files):
    src = page.file.src_uri
    linked, _extension.result = _extension.result or Linked(), None
    if src == GLOSSARY_PAGE and _extension.entries:
        placed, _entry_pieces[:] = _extension.entries
        if page.present_anchor_ids is not None:  # MkDocs checks links to them (validation: anchors)
            page.present_anchor_ids.update(placed)
    for entry in linked.used:
        _usage.setdefault(entry.id, []).append(src)
    if linked.unknown:
        raw = read_source(page.file.abs_src_path) if page.file.abs_src_path else ""
        for message in unknown_word_messages(linked.unknown, f"docs/{src}", raw):
            log.warning(message)
    if linked.used:
        first_h2 = html.find("<h2")
        _search_blocks[src] = (search_words(linked.used), html, len(html) if first_h2 < 0 else first_h2)
    return html


@event_priority(10)  # before the search plugin indexes page.content (0)
def _before_search(context, page, config, nav):
    """Hand the search plugin the page it should index: without the glossary's own links
    (`for_search`), and with the hidden search words. Material's plugin, when the page has no
    data-search-* attributes, reads the page as it is (and the Glossary page without its
    entries): `_after_search` puts the words and the entries straight into its index. Any other
    reads the words in the page. `_after_search` gives readers their page back."""
    src = page.file.src_uri
    readers = page.content
    block = ""
    index = None if SEARCH_ATTRIBUTE in readers else _material_index
    if index is not None:
        if src in _search_blocks or src == GLOSSARY_PAGE:
            _index_at[src] = len(index.entries)
        page.content = for_search(
            without_entries(readers, _entry_pieces) if src == GLOSSARY_PAGE else readers
        )
    else:
        if src in _search_blocks:
            words, html, offset = _search_blocks[src]
            block = search_block(words)
            if readers == html:  # unchanged since it was linked: the first h2 is still there
                page.content = html[:offset] + block + html[offset:]
            else:
                page.content = insert_before_first(readers, SECTION_TAGS, block)
        if SEARCH_ATTRIBUTE not in page.content:  # else the search plugin edits what it reads
            if src == GLOSSARY_PAGE:
                page.content = entries_for_search(page.content, _entry_pieces)
            page.content = for_search(page.content)
    if page.content is not readers:
        _for_readers[src] = (readers, page.content, block)
    return context


@event_priority(-10)  # after the search plugin (0) has indexed the page
def _after_search(context, page, config, nav):
    src = page.file.src_uri
    if src in _for_readers:
        readers, indexed, block = _for_readers.pop(src)
        if page.content == indexed:
            page.content = readers
        elif SEARCH_ATTRIBUTE in indexed:  # the search plugin took out its data-search-* attributes
            page.content = page.content.replace(block, "", 1)
        else:
            raise PluginError(
                f"docs/{src}: the page was changed while the search plugin read it, so the glossary "
                "cannot give readers back the page with its links (hooks/glossary.py does not work with "
                "a plugin that edits page.content in on_page_context between priorities 10 and -10)"
            )
    if src in _index_at:
        start = _index_at.pop(src)
        if src == GLOSSARY_PAGE:
            index_entries(_material_index, start, page, _entry_pieces)
        elif src in _search_blocks:
            add_search_words(_material_index, start, _search_blocks[src][0])
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


# --- The glossary data -----------------------------------------------------------------------


class Entry:
    """One entry of the glossary file, as `load_glossary` has checked it. Read-only by custom:
    nothing changes an entry once it is made. (A plain class, not a dataclass: see Linked.)"""

    __slots__ = (
        *("term", "definition", "expansion", "aliases", "plurals", "case", "see", "line", "see_line"),
        *("id", "title", "tooltip", "search_words"),
    )

    def __init__(
        self,
        term: str,
        definition: str,
        expansion: str = "",
        aliases: tuple[str, ...] = (),
        plurals: tuple[str, ...] = (),
        case: str = "",  # "exact", "any", or "" for the default per name
        see: tuple[str, ...] = (),
        line: int = 0,
        see_line: int = 0,
    ):
        self.term, self.definition, self.expansion = term, definition, expansion
        self.aliases, self.plurals, self.case, self.see = aliases, plurals, case, see
        self.line, self.see_line = line, see_line
        self.id = anchor(term)
        # The tooltip: "Multi-Agency Safeguarding Hub (MASH): The part of ..."
        label = f"{expansion} ({term})" if expansion else term
        self.title = f"{label[:1].upper()}{label[1:]}: {definition}"
        self.tooltip = as_written(self.title)  # as the value of a link's title attribute
        # The term and its other names for the hidden search words, as HTML (`search_block`)
        self.search_words = escape_text(" ".join(dict.fromkeys(n for n in (term, expansion, *aliases) if n)))

    def __repr__(self) -> str:
        return f"Entry({self.term!r}, line {self.line})"

    @property
    def names(self) -> tuple[str, ...]:
        """Every way a page may write this term, as the trainer wrote them."""
        return (self.term, *((self.expansion,) if self.expansion else ()), *self.aliases, *self.plurals)


class _Name:
    """A way of writing an entry's name that ends at a step of the automaton."""

    __slots__ = ("words", "exact", "entry", "written")

    def __init__(self, words: tuple[str, ...], exact: bool, entry: Entry, written: bool):
        self.words = words  # as written (compared exactly when `exact`)
        self.exact = exact
        self.entry = entry
        self.written = written  # False for the "+s" and "'s" forms made automatically


class _Node:
    """One step in the word automaton: the names that end here and the words that may follow."""

    __slots__ = ("names", "next")

    def __init__(self):
        self.names: list[_Name] = []
        self.next: dict[tuple[str, str], _Node] = {}  # (separator without spaces, lower word)


class Glossary:
    """The terms as an automaton over words (a trie keyed by lower-case words), so a page is
    matched in one pass over its words whatever the number of terms."""

    def __init__(self, entries: list[Entry], allow: tuple[str, ...] = (), lines: list[str] | None = None):
        self.entries = sorted(entries, key=lambda e: sort_key(e.term))
        self.by_id = {e.id: e for e in self.entries}
        self.allow = frozenset(allow)
        self.lines = lines or []  # the data file's lines, to name the line of a bad `see:`
        self._roots: dict[str, _Node] = {}
        self._known_exact: set[str] = set()
        self._known_any: set[str] = set()
        self._verdicts: dict[str, tuple[str, ...]] = {}  # run of letters -> its unexplained words
        crowded = []  # nodes where more than one name ends
        roots = self._roots
        for entry in self.entries:
            for name in entry.names:
                acronym = is_acronym(name)
                exact = entry.case == "exact" if entry.case else acronym  # the entry's case rule
                words, seps = split_name(name)
                known, as_known = (self._known_exact, str) if exact else (self._known_any, str.lower)
                known.update(map(as_known, words))
                # The name's words but the last lead to `parent`; each form of the last word
                # (as written, +s, +'s) then ends a name of its own.
                parent, *before = words
                if before:
                    parent = roots.get(parent.lower()) or roots.setdefault(parent.lower(), _Node())
                    for sep, word in zip(seps[:-1], words[1:-1], strict=True):
                        key = (sep, word.lower())
                        parent = parent.next.get(key) or parent.next.setdefault(key, _Node())
                    steps = parent.next
                else:
                    steps = roots
                last = words[-1]
                for ending in ("",) if name.endswith("s") and not acronym else ("", "s", "'s"):
                    form = last + ending
                    key = (seps[-1], form.lower()) if before else form.lower()
                    node = steps.get(key) or steps.setdefault(key, _Node())
                    node.names.append(_Name((*words[:-1], form), exact, entry, not ending))
                    if ending:  # EHCP's, as a part of EHCP's-based
                        known.add(as_known(form))
                    if len(node.names) == 2:
                        crowded.append(node)
        for node in crowded:
            node.names.sort(key=lambda n: not n.written)  # a written name before a made-up plural
        self._firsts = frozenset(self._roots)

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every glossary term in `text` as (start, end, entry): whole words, longest name first.

        The words that can start a term are found first (`first_words`); from each of those places
        the automaton reads word by word, so the cost grows with the text, not with the number of
        terms.
        """
        text = normal(text)
        low = lowered(text)
        firsts = self.first_words(low)
        if not firsts:
            return []
        starts = sorted(whole_words(low, firsts))
        found, resume = [], 0
        for start, word in starts:
            if start < resume:
                continue
            match = self._longest(self._roots[word], start, start + len(word), text)
            if match:
                found.append((start, match[0], match[1]))
                resume = match[0]
        return found

    def first_words(self, low: str) -> set[str]:
        """The words of `low` (as WORD splits it) that can start a name, found in C: the text is
        split at spaces, the plain words are matched as a set, and only the pieces that are not
        a plain word (punctuation, hyphens, the breaks between runs) go through WORD."""
        pieces = set(low.split())
        found = set(self._firsts.intersection(pieces))
        odd = " ".join(filterfalse(str.isalnum, pieces))
        if odd:
            found.update(self._firsts.intersection(WORD.findall(odd)))
        return found

    @staticmethod
    def _longest(node: _Node, start: int, end: int, text: str):
        """(end, entry) of the longest name written at `start`, or None."""
        written = [text[start:end]]
        best = None
        while True:
            for name in node.names:
                if not name.exact or tuple(written) == name.words:
                    best = (end, name.entry)
                    break
            if not node.next:
                return best
            following = SEP_AND_WORD.match(text, end)
            if following is None:
                return best
            node = node.next.get(("".join(following.group(1).split()), following.group(2).lower()))
            if node is None:
                return best
            written.append(following.group(2))
            end = following.end()

    def knows(self, word: str) -> bool:
        """True when `word` is a glossary name (or a word of one), a plural of one, or allowed."""
        word = normal(word)
        forms = (word, word[:-1]) if word.endswith("s") and len(word) > 2 else (word,)
        return any(w in self.allow or w in self._known_exact or w.lower() in self._known_any for w in forms)

    def unknown_words(self, text: str) -> list[str]:
        """Acronym-like words in `text` that the glossary does not explain (a hyphenated word
        is checked part by part unless it is a name itself: C-SPA, Multi-Agency)."""
        unknown = {}
        verdicts = self._verdicts
        for run in acronym_runs(text):
            parts = verdicts.get(run)
            if parts is None:  # each run of letters is judged once per build, however many pages use it
                parts = verdicts[run] = self._unknown_in(run)
            unknown.update(dict.fromkeys(parts))
        return list(unknown)

    def _unknown_in(self, run: str) -> tuple[str, ...]:
        unknown = []
        for word in acronym_like(run):
            parts = [word] if "-" not in word or self.knows(word) else word.split("-")
            for part in parts:
                if sum(c.isupper() for c in part) >= 2 and not self.knows(part) and part not in unknown:
                    unknown.append(part)
        return tuple(unknown)


def load_glossary(text: str, display: str) -> Glossary:
    """Read and check the glossary file; every problem is a DataError naming its line."""
    data = parse_yaml(text, display)
    if not isinstance(data, LineDict) or not isinstance(data.get("terms"), list):
        raise DataError(
            display, 1, "the file has no 'terms:' list", "start the list of entries with 'terms:'"
        )
    for key in data:
        if key not in ("terms", "allow"):
            raise DataError(
                display, data.line_of(key), f"unknown top-level key '{key}'", "use only terms: and allow:"
            )
    allow = _strings(data, "allow", display, "allow: [UK, PDF]")
    lines = text.split("\n")
    entries, owners, anchors = [], {}, {}
    item_lines = _item_lines(lines, data.line_of("terms"), len(data["terms"]))
    for number, raw in enumerate(data["terms"], start=1):
        entry = _entry(raw, number, display, item_lines[number - 1])
        seen = set()
        for name in entry.names:
            _check_name(name, entry, display)
            if name in seen:
                raise DataError(
                    display, entry.line, f"'{entry.term}' lists '{name}' twice", "list each name once"
                )
            seen.add(name)
            key = normal(" ".join(name.split())).lower()
            other = owners.get(key)
            if other is not None and other is not entry:
                raise DataError(
                    display,
                    entry.line,
                    f"'{name}' is already a name of the entry '{other.term}' (line {other.line})",
                    "give each term, expansion and alias to one entry only; capitals are ignored",
                )
            owners[key] = entry
        if entry.id in anchors:
            raise DataError(
                display,
                entry.line,
                f"'{entry.term}' would have the same anchor '#{entry.id}' as '{anchors[entry.id].term}'",
                "make the two terms differ in their letters or digits",
            )
        anchors[entry.id] = entry
        entries.append(entry)
    glossary = Glossary(entries, allow, lines)
    for entry in entries:
        for word in glossary.unknown_words(f"{entry.expansion} {entry.definition}"):
            log.warning(
                f"{display}:{entry.line}: the entry '{entry.term}' uses '{word}', "
                "which is not in the glossary (add it as a term, or spell it out)"
            )
    return glossary


FIELDS = ("term", "expansion", "definition", "aliases", "plurals", "case", "see")
FIELD_SET = frozenset(FIELDS)


def _item_lines(lines: list[str], first: int, count: int) -> list[int]:
    """The line of each item of the `terms:` list (its "- " line), for items that are not
    groups of fields and so carry no line of their own."""
    indent = re.match(r"\s*", lines[first - 1]).group() if 0 < first <= len(lines) else ""
    item = re.compile(rf"{re.escape(indent)}-(\s|$)")
    found = [n for n in range(first, len(lines) + 1) if item.match(lines[n - 1])]
    return found if len(found) == count else [first] * count


def _entry(raw, number: int, display: str, list_line: int) -> Entry:
    if not isinstance(raw, LineDict):
        raise DataError(
            display,
            list_line,
            f"entry {number} in 'terms:' is not a group of fields",
            "start each entry with '- term: ...' and indent its other fields under it",
        )
    if not FIELD_SET.issuperset(raw):
        key = next(key for key in raw if key not in FIELD_SET)  # the first in the file
        raise DataError(display, raw.line_of(key), f"unknown field '{key}'", f"use only: {', '.join(FIELDS)}")
    term = raw.get("term")
    if not isinstance(term, (str, int)) or not str(term).strip():
        raise DataError(display, raw.line, f"entry {number} has no term", "write 'term: ...' first")
    term = " ".join(str(term).split())
    texts = {}
    for key in ("expansion", "definition"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise DataError(
                display, raw.line_of(key), f"the {key} of '{term}' is not text", "write it as text"
            )
        texts[key] = " ".join((value or "").split())
    if not texts["definition"]:
        raise DataError(
            display,
            raw.line_of("definition"),
            f"the definition of '{term}' is empty",
            "write one to three plain sentences after 'definition: >-'",
        )
    case = raw.get("case", "")
    if case not in ("", "exact", "any"):
        raise DataError(
            display, raw.line_of("case"), f"'{term}' has case: {case}", "write case: exact or case: any"
        )
    see = _strings(raw, "see", display, "see: [services/front-door.md]")
    see_line = raw.line_of("see")
    return Entry(
        term=term,
        definition=texts["definition"],
        expansion=texts["expansion"],
        aliases=_one_spaced(_strings(raw, "aliases", display, "aliases: [CiC, CIC]")),
        plurals=_one_spaced(_strings(raw, "plurals", display, "plurals: [children in need]")),
        case=case,
        see=tuple(s.strip().lstrip("/").removeprefix("docs/") for s in see) if see else (),
        line=raw.line,
        see_line=see_line,
    )


def _one_spaced(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(name.split()) for name in names) if names else ()


def _strings(mapping: LineDict, key: str, display: str, example: str) -> tuple[str, ...]:
    value = mapping.get(key)
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
        raise DataError(
            display, mapping.line_of(key), f"'{key}' is not a list of words", f"write e.g. {example}"
        )
    return tuple(str(v) for v in value)


def _check_name(name: str, entry: Entry, display: str) -> None:
    words = WORD.findall(name)
    if not words or not WORD.match(name) or not name.endswith(words[-1]) or "<" in name or ">" in name:
        raise DataError(
            display,
            entry.line,
            f"'{name}' (in '{entry.term}') cannot be found in a page's text",
            "start and end each name with a letter or digit",
        )


def check_see_links(glossary: Glossary, pages: set[str], display: str = DATA_FILE) -> None:
    """Every `see:` must name a page under docs/; the error names the line of the bad path."""
    lines = glossary.lines
    for entry in glossary.entries:
        for target in entry.see:
            if target in pages:
                continue
            line = entry.see_line
            for number in range(entry.see_line, min(entry.see_line + len(entry.see) + 2, len(lines) + 1)):
                if target in lines[number - 1]:
                    line = number
                    break
            raise DataError(
                display,
                line,
                f"'{entry.term}' has see: {target}, which is not a page",
                "give the path of a page under docs/, e.g. services/front-door.md",
            )


# --- Linking terms in a page's element tree --------------------------------------------------


class Linked:
    """What linking found on a page. (Plain classes, not dataclasses: making a dataclass runs
    generated code when the hook is loaded, a cost every build pays.)"""

    __slots__ = ("used", "unknown")

    def __init__(self, used: list[Entry] | None = None, unknown: list[str] | None = None):
        self.used = [] if used is None else used  # entries linked on the page, in order
        self.unknown = [] if unknown is None else unknown  # acronym-like words not in the glossary


class Job:
    """What the tree processor does to the next page it is given."""

    __slots__ = ("glossary", "url", "linking", "entries")

    def __init__(self, glossary: Glossary, url: str, linking: bool = True, entries: tuple | None = None):
        self.glossary = glossary
        self.url = url  # the glossary page, relative to the page
        self.linking = linking  # False: only look for unexplained acronyms (the glossary page itself)
        self.entries = entries  # the Glossary page: ("Used on" lists, page titles and URLs)


class GlossaryExtension(Extension):
    """Links terms in Python-Markdown's element tree, after every other tree processor has run
    (so after MkDocs has rewritten the page's own links) and before the tree is written as HTML.

    The hook sets `job` just before MkDocs converts a page; the processor takes it, so Markdown
    converted later for the same page (mkdocs-quiz renders its questions on their own) is left
    alone. The outcome is left in `result`.
    """

    def __init__(self):
        super().__init__()
        self.job: Job | None = None
        self.result: Linked | None = None
        self.entries: tuple[list[str], list[tuple[str, str]]] | None = None  # from `add_entries`

    def extendMarkdown(self, md):
        md.treeprocessors.register(_LinkTerms(md, self), "glossary", TREE_PRIORITY)
        md.postprocessors.register(_PutEntries(md, self), "glossary_entries", ENTRIES_PRIORITY)


class _PutEntries(Postprocessor):
    """Puts the Glossary page's entries in place of their markers (`add_entries`), after
    Python-Markdown has put back the raw HTML: it reads every piece of raw HTML again with a
    regular expression, which on the entries (some 300 kB) cost more than the rest of the page."""

    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, text):
        pieces = self.extension.entries[1] if self.extension.entries else ()
        for letter in pieces:
            text = text.replace(entries_marker(letter.anchor), letter.readers, 1)
        return text


class _LinkTerms(Treeprocessor):
    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        job, self.extension.job = self.extension.job, None
        if job is not None:
            stash = self.md.htmlStash.rawHtmlBlocks
            self.extension.result = link_tree(root, job.glossary, job.url, job.linking, stash)
            if job.entries is not None:  # after the check: load_glossary has checked the entries
                self.extension.entries = add_entries(root, self.md, job.glossary, *job.entries)


def link_markdown(
    text: str, glossary: Glossary, url: str, linking: bool = True, extensions=()
) -> tuple[str, Linked]:
    """`text` converted to HTML with its glossary links, and what was linked and found."""
    extension = GlossaryExtension()
    md = Markdown(extensions=[*extensions, extension])
    extension.job = Job(glossary, url, linking)
    html = md.convert(text)
    return html, extension.result or Linked()


def link_tree(root, glossary: Glossary, url: str, linking: bool = True, stash=()) -> Linked:
    """Link the first occurrence of each glossary term under `root` (an ElementTree element) to
    its entry, changing the tree in place.

    Only text a reader reads as prose is linked: never inside SKIP_TAGS, quizzes, trainer notes
    or an element with `data-glossary-skip`. A term may run across inline elements (`<em>looked
    after</em> children`) when the link can wrap those elements whole. Existing glossary links
    count as the first occurrence, so running this twice changes nothing more. `stash` is
    Python-Markdown's store of raw HTML, whose placeholders may sit in the text.
    """
    linker = _TreeLinker(glossary, url, linking, stash)
    linker.content(root)
    linker.flush_run()
    linker.link()
    for start, end, link in reversed(linker.wraps):  # from the end, so earlier places stay put
        _wrap(linker.parents, start, end, link)
    unknown = glossary.unknown_words("".join(linker.check))
    return Linked(linker.used, unknown)


# Token kinds in a run of inline content: (kind, tag or text, source text, where).
START, END, TEXT = range(3)


class _TreeLinker:
    """Walks the tree once; runs of inline text (across inline elements) are matched whole."""

    def __init__(self, glossary: Glossary, url: str, linking: bool, stash):
        self.glossary, self.url, self.stash = glossary, url, stash
        self.no_link = 0 if linking else 1
        self.no_check = 0
        self.run: list[tuple] = []
        self.check: list[str] = []  # the text for the acronym check; "\n" between blocks
        self.raw_skips: list[tuple[str, bool, bool]] = []  # raw HTML tags open in the text
        self.parents: dict = {}
        self.wraps: list[tuple] = []  # (start, end, <a> element), in page order
        self.texts: list[str] = []  # the text of every run, each followed by RUN_BREAK
        self.runs: list[tuple] = []  # (where its text starts, run, spans), in page order
        self.size = 0  # the length of the text in `texts`
        self.linked: set[str] = set()  # entries linked by this pass
        self.existing: dict[str, int] = {}  # entry id -> where a link already in the page is
        self.used: list[Entry] = []

    def content(self, element):
        raw_open = len(self.raw_skips)
        if element.text:
            self.text(element, "text")
        parents = self.parents
        for child in element:
            parents[child] = element
            self.element(child)
            if child.tail:
                self.text(child, "tail")
        while len(self.raw_skips) > raw_open:  # raw HTML left open ends with its element
            self._close_raw()

    def element(self, element):
        tag = element.tag
        if not isinstance(tag, str) or tag in VOID_TAGS:  # a comment, <br>, <img>: a boundary
            self.boundary()
            return
        skip_link, skip_check = tag in SKIP_TAGS, tag in NO_CHECK_TAGS
        if SKIP_ATTRIBUTE in element.attrib:
            skip_link = skip_check = True
        classes = (element.get("class") or "").split()
        if classes:
            if NOTE_CLASS in classes:  # trainer-only notes are taken out before readers see them
                skip_link = skip_check = True
            skip_link = skip_link or "quiz" in classes
            if tag == "a" and "glossary-term" in classes:
                fragment = (element.get("href") or "").rpartition("#")[2]
                if fragment in self.glossary.by_id:  # it covers the run it ends and all after it
                    self.existing.setdefault(fragment, self.size)
        inline = tag in INLINE_TAGS
        in_run = self.no_link == 0 and inline and not skip_link
        if skip_check or not inline:
            self.flush_check()
        if in_run:
            self.run.append((START, tag, None, element))
        else:
            self.flush_run()
        self.no_link += skip_link
        self.no_check += skip_check
        self.content(element)
        self.no_link -= skip_link
        self.no_check -= skip_check
        if in_run:
            self.run.append((END, tag, None, element))
        else:
            self.flush_run()
        if skip_check or not inline:
            self.flush_check()

    def text(self, owner, slot):
        value = getattr(owner, slot)
        if not value or (self.no_link and self.no_check and not self.raw_skips):
            return
        if STX not in value:
            self._text(value, value, (owner, slot, 0))
            return
        cut = 0
        for match in HTML_PLACEHOLDER_RE.finditer(value):
            if match.start() > cut:
                self._text(value[cut : match.start()], value[cut : match.start()], (owner, slot, cut))
            number = int(match.group(1))
            raw = self.stash[number] if number < len(self.stash) else None
            if isinstance(raw, str) and re.fullmatch(ENTITY, raw):  # &nbsp; or &#8217;: a character
                self._text(htmllib.unescape(raw), match.group(), (owner, slot, match.start()))
            elif slot == "text" and len(owner) == 0 and value.strip() == match.group():
                self.boundary()  # a block of raw HTML, closed within itself
            else:
                self.raw_html(raw if isinstance(raw, str) else "")
            cut = match.end()
        if cut < len(value):
            self._text(value[cut:], value[cut:], (owner, slot, cut))

    def _text(self, text, raw, where):
        if self.no_check == 0:
            self.check.append(text)
        if self.no_link == 0:
            self.run.append((TEXT, text, raw, where))

    def raw_html(self, raw: str):
        """Raw HTML written in the text ends the run; an opening tag that must not hold links
        (<kbd>, <a>, a tag with data-glossary-skip) keeps linking off until it closes."""
        self.boundary()
        for opening, tag, attrs in _tags(raw):
            if opening and tag not in VOID_TAGS:
                every = any(key == SKIP_ATTRIBUTE for key, _ in attrs)
                skip_link, skip_check = every or tag in SKIP_TAGS, every or tag in NO_CHECK_TAGS
                self.raw_skips.append((tag, skip_link, skip_check))
                self.no_link += skip_link
                self.no_check += skip_check
            elif not opening and any(open_tag == tag for open_tag, _, _ in self.raw_skips):
                while self._close_raw() != tag:
                    pass

    def _close_raw(self) -> str:
        tag, skip_link, skip_check = self.raw_skips.pop()
        self.no_link -= skip_link
        self.no_check -= skip_check
        return tag

    def boundary(self):
        self.flush_check()
        self.flush_run()

    def flush_check(self):
        if self.check and self.check[-1] != "\n":
            self.check.append("\n")

    def flush_run(self):
        """End the current run of inline text; its text joins the page's text to be matched."""
        if not self.run:
            return
        run, self.run = self.run, []
        spans, pos = [], self.size  # (run index, start, end in the page's text) of each text
        for index, token in enumerate(run):
            if token[0] == TEXT:
                spans.append((index, pos, pos + len(token[1])))
                self.texts.append(token[1])
                pos += len(token[1])
        if pos > self.size:
            self.texts.append(RUN_BREAK)
            self.runs.append((self.size, run, spans))
            self.size = pos + len(RUN_BREAK)

    def link(self):
        """Match the whole page's text at once and link each term's first occurrence."""
        if not self.runs:
            return
        starts = [start for start, _, _ in self.runs]
        for start, end, entry in self.glossary.find("".join(self.texts)):
            if entry.id in self.linked or self.existing.get(entry.id, self.size) <= start:
                continue
            _, run, spans = self.runs[bisect_right(starts, start) - 1]
            index, a, b = next(span for span in spans if span[1] <= start < span[2])
            _, text, raw, (owner, slot, base) = run[index]
            if end <= b and raw == text:  # the common case: the term is inside one piece of text
                begin, finish = (owner, slot, base + start - a), (owner, slot, base + end - a)
            else:
                bounds = _link_bounds(run, {i: (x, y) for i, x, y in spans}, start, end)
                if bounds is None:
                    continue
                (open_at, open_off), (close_at, close_off) = bounds
                begin = self.position(run, open_at, open_off, opening=True)
                finish = self.position(run, close_at, close_off, opening=False)
            self.wraps.append((begin, finish, self.link_element(entry)))
            self.linked.add(entry.id)
            self.used.append(entry)

    def position(self, run, index, offset, opening):
        """A place in the tree as (element, "text" or "tail", offset in that string)."""
        if index < len(run) and run[index][0] == TEXT:
            _, text, raw, (owner, slot, base) = run[index]
            return owner, slot, base + (offset if raw == text or offset == 0 else len(raw))
        if not opening:  # just after the element whose end is the token before
            return run[index - 1][3], "tail", 0
        element = run[index][3]  # just before this element
        parent = self.parents[element]
        at = list(parent).index(element)
        if at == 0:
            return parent, "text", len(parent.text or "")
        before = parent[at - 1]
        return before, "tail", len(before.tail or "")

    def link_element(self, entry: Entry):
        return etree.Element(
            "a",
            {"class": "glossary-term", "href": f"{self.url}#{entry.id}", "title": entry.tooltip},
        )


def _wrap(parents: dict, start, end, link) -> None:
    """Put `link` around everything from `start` to `end`, which share a parent element."""
    owner, slot, at = start
    last_owner, last_slot, last_at = end
    container = owner if slot == "text" else parents[owner]
    children = list(container)
    first = 0 if slot == "text" else children.index(owner) + 1
    before = getattr(owner, slot) or ""
    if owner is last_owner and slot == last_slot:
        link.text, link.tail = before[at:last_at], before[last_at:]
    else:
        last = children.index(last_owner)
        after = last_owner.tail or ""
        link.text, link.tail = before[at:], after[last_at:]
        last_owner.tail = after[:last_at]
        for child in children[first : last + 1]:
            container.remove(child)
            link.append(child)
            parents[child] = link
    setattr(owner, slot, before[:at])
    container.insert(first, link)
    parents[link] = container


def _tags(raw: str) -> list[tuple[bool, str, list]]:
    """The tags in a piece of raw HTML, as (opening?, tag, attributes), read by html.parser."""
    reader = _TagReader()
    reader.feed(raw)
    reader.close()
    return reader.tags


class _TagReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[bool, str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((True, tag, attrs))

    def handle_endtag(self, tag):
        self.tags.append((False, tag, []))


def _link_bounds(run, spans, start, end):
    """Where the link's start and end tags go, as (run index, text offset), or None if the term
    crosses tags that a link cannot wrap whole (then a later occurrence is linked instead)."""
    first = next(i for i, (a, b) in spans.items() if a <= start < b)
    last = next(i for i, (a, b) in spans.items() if a < end <= b)
    open_at, open_off = first, start - spans[first][0]
    close_at, close_off = last, end - spans[last][0]
    open_stack, unmatched_close = [], []
    for kind, name, *_ in run[first + 1 : last]:
        if kind == START:
            open_stack.append(name)
        elif kind == END:
            if open_stack and open_stack[-1] == name:
                open_stack.pop()
            else:
                unmatched_close.append(name)
    if unmatched_close:  # e.g. <em>Multi-Agency</em> Safeguarding Hub: start before the <em>
        if open_off != 0 or spans[first][0] != start:
            return None
        before = run[first - len(unmatched_close) : first] if len(unmatched_close) <= first else []
        if [(k, n) for k, n, *_ in before] != [(START, n) for n in reversed(unmatched_close)]:
            return None
        open_at, open_off = first - len(unmatched_close), 0
    if open_stack:  # e.g. Multi-Agency <em>Safeguarding Hub</em>: end after the </em>
        if end != spans[last][1]:
            return None
        after = run[last + 1 : last + 1 + len(open_stack)]
        if [(k, n) for k, n, *_ in after] != [(END, n) for n in reversed(open_stack)]:
            return None
        close_at, close_off = last + len(open_stack) + 1, 0
    if open_at == first and run[first][2] != run[first][1] and open_off:  # inside an entity
        return None
    if close_at == last and run[last][2] != run[last][1] and close_off not in (0, len(run[last][1])):
        return None
    return (open_at, open_off), (close_at, close_off)


# --- Words, names and anchors ---------------------------------------------------------------


def normal(text: str) -> str:
    return text.replace("\u2019", "'")


def whole_words(text: str, words) -> list[tuple[int, str]]:
    """(where, word) for each place one of `words` stands in `text` as a whole word (as WORD
    splits text): str.find, then a look at the characters either side."""
    places = []
    for word in words:
        size, start = len(word), text.find(word)
        while start >= 0:
            end = start + size
            before, after = text[start - 1 : start], text[end : end + 1]  # "" at either end
            joined_before = (
                before.isalnum()
                or before == "_"
                or (before in ("'", "-") and _word_char(text[start - 2 : start - 1]))
            )
            joined_after = (
                after.isalnum()
                or after == "_"
                or (after in ("'", "-") and _word_char(text[end + 1 : end + 2]))
            )
            if not (joined_before or joined_after):
                places.append((start, word))
            start = text.find(word, start + 1)
    return places


def _word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def lowered(text: str) -> str:
    """`text` in lower case, keeping every character at its offset."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def split_name(name: str) -> tuple[list[str], list[str]]:
    """A name's words and, between each pair, what separates them without spaces."""
    parts = WORD_SPLIT.split(name)  # [before, word, between, word, ..., after]
    words = [normal(word) for word in parts[1::2]]
    seps = ["".join(between.split()) for between in parts[2:-1:2]]
    return words, seps


def is_acronym(name: str) -> bool:
    """A single word written mostly in capitals: MASH, CiC, KCSiE, DfE, C-SPA (not Multi-Agency)."""
    if len(WORD.findall(name)) != 1:
        return False
    letters = [c for c in name if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def acronym_like(text: str) -> list[str]:
    """Words with two or more capitals, without a final 's, in order of first appearance."""
    found = {}
    for run in acronym_runs(text):
        for word in WORD.findall(run):
            if sum(c in ASCII_CAPITALS for c in word) >= 2:
                found[word.removesuffix("'s")] = None
    return list(found)


def acronym_runs(text: str):
    """Each run of word characters, hyphens and apostrophes in `text` with two capitals in it."""
    text = normal(text)
    for match in CAPITALS.finditer(text):  # two capitals in one word; then the whole of that word
        start, end = match.span()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'-"):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] in "_'-"):
            end += 1
        yield text[start:end]


def anchor(term: str) -> str:
    slug = NOT_SLUG.sub("-", normal(term).lower().replace("'", "")).strip("-")
    return slug or "term"


def sort_key(term: str):
    """A to Z ignoring case, with numbers in number order (section 11 before section 136)."""
    return [int(p) if p.isdigit() else p for p in NUMBERS.split(term.lower())]


def unknown_word_messages(words: list[str], display: str, raw: str) -> list[str]:
    messages = []
    for word in words:
        match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w])", raw) if raw else None
        where = f"{display}:{raw.count(chr(10), 0, match.start()) + 1}" if match else display
        messages.append(
            f"{where}: '{word}' looks like an acronym but is not in the glossary "
            f"(add it to {DATA_FILE}, or to the allow: list there if it is not jargon)"
        )
    return messages


# --- The Glossary page and search -----------------------------------------------------------


def letter_groups(glossary: Glossary) -> dict[str, list[Entry]]:
    """The entries under each letter of the A to Z ("0-9" for terms that start with a number)."""
    groups: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        first = entry.term[:1].upper()
        groups.setdefault(first if first.isalpha() else "0-9", []).append(entry)
    return groups


def glossary_markdown(glossary: Glossary) -> str:
    """The A to Z and a heading for each letter, in Markdown (for the contents and permalinks).
    The entries go in under the letters later, as HTML (`add_entries`)."""
    groups = letter_groups(glossary)
    letters = (["0-9"] if "0-9" in groups else []) + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    jump = " ".join(
        f'<a href="#{letter_anchor(x)}">{x}</a>'
        if x in groups
        else f'<span class="glossary-az__none">{x}</span>'
        for x in letters
    )
    out = [f'<nav class="glossary-az" aria-label="Glossary from A to Z">{jump}</nav>', ""]
    for letter in [x for x in letters if x in groups]:
        out += [f"## {letter} {{ #{letter_anchor(letter)} }}", ""]
    return "\n".join(out)


def add_entries(root, md, glossary: Glossary, used_on: dict[str, list[str]], pages: dict[str, tuple]):
    """Put the entries under their letters' headings in the Glossary page's element tree, as
    raw HTML in Python-Markdown's stash (written once as a string: five hundred entries through
    Markdown and its contents list cost more than the rest of a hundred-page site's linking).
    Everything a trainer wrote is escaped, so it shows as typed and never runs as HTML.

    `pages` maps a page's src_uri to (title, URL relative to the glossary page). Returns the
    ids of the entries put in and a `Letter` for each letter, in page order.
    """
    groups = {letter_anchor(x): entries for x, entries in letter_groups(glossary).items()}
    taken = {el.get("id") for el in root.iter() if el.get("id")} & glossary.by_id.keys()
    if taken:
        entry = glossary.by_id[sorted(taken)[0]]
        raise DataError(
            f"docs/{GLOSSARY_PAGE}",
            None,
            f"a heading there has the id '{entry.id}', which is the anchor of the entry '{entry.term}'",
            f"give the heading an id of its own, e.g. {{ #about-{entry.id} }}",
        )
    heading = entry_heading(md)
    links = page_links(pages)
    placed: list[str] = []
    pieces: list[Letter] = []
    for index in range(len(root) - 1, -1, -1):  # from the end, so each insert leaves the rest in place
        letter = root[index]
        entries = groups.get(letter.get("id")) if letter.tag in HEADING_TAGS else None
        if entries:
            html = [entry_html(entry, used_on.get(entry.id, ()), links, heading) for entry in entries]
            readers, sections = "\n".join(r for r, _ in html), [s for _, s in html]
            holder = etree.Element("p")  # Python-Markdown swaps <p>placeholder</p> for the marker,
            # which _PutEntries swaps for the entries
            holder.text, holder.tail = md.htmlStash.store(entries_marker(letter.get("id"))), "\n"
            root.insert(index + 1, holder)
            placed += [entry.id for entry in entries]
            pieces.append(Letter(letter.get("id"), readers, sections))
    return placed, pieces[::-1]


def entries_marker(anchor: str) -> str:
    """What stands for a letter's entries until Python-Markdown has written the page (an HTML
    comment, which Python-Markdown does not wrap in a paragraph)."""
    return f"<!-- glossary entries under #{anchor} {MARKER_TOKEN} -->"


def entry_heading(md) -> str:
    """An entry's heading as Python-Markdown's toc extension writes headings on this site (its
    level, anchor link and permalink as configured), with {id} and {term} to fill in."""
    heading = etree.Element("h3", {"class": ENTRY_CLASS, "id": ID_SLOT})
    heading.text = TERM_SLOT
    toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
    if toc is not None:
        toc.set_level(heading)
        if toc.use_anchors:
            toc.add_anchor(heading, ID_SLOT)
        if toc.use_permalinks not in (False, None):
            toc.add_permalink(heading, ID_SLOT)
    html = md.serializer(heading).replace(AMP_SUBSTITUTE, "&")
    html = html.replace("{", "{{").replace("}", "}}")
    return html.replace(ID_SLOT, "{id}").replace(TERM_SLOT, "{term}")


def page_links(pages: dict[str, tuple]) -> dict[str, tuple[str, str]]:
    """Each page's link from the Glossary page and its title as search text, written once for
    all the entries that list it. `pages` maps a src_uri to (title, URL)."""
    return {
        src: (
            f'<a class="glossary-page" href="{escape_attribute(url)}">{escape_text(title)}</a>',
            escape_text(title),
        )
        for src, (title, url) in pages.items()
    }


def entry_html(entry: Entry, used_on, links: dict[str, tuple[str, str]], heading: str) -> tuple[str, Section]:
    """One entry as readers get it, under `heading` (`entry_heading`), and the section Material's
    search plugin makes of that: the same words in the same paragraphs, without the permalink,
    the wrapper and the links, which it throws away. `links` comes from `page_links`."""
    term = escape_text(entry.term)
    text = f"<p>{escape_text(entry.definition)}</p>"
    if entry.aliases:
        text += f"<p>{escape_text('Also written: ' + ', '.join(entry.aliases))}</p>"
    readers, search = text, text
    if entry.expansion:
        expansion = escape_text(entry.expansion)
        readers = f'<p class="glossary-expansion"><strong>{expansion}</strong></p>{readers}'
        search = f"<p>{expansion}</p>{search}"
    for label, sources in (("Find out more: ", entry.see), ("Used on: ", used_on)):
        if sources:
            pages, titles = zip(
                *(links.get(src) or page_links({src: (src, src)})[src] for src in sources), strict=True
            )
            readers += f"<p>{label}{', '.join(pages)}</p>"
            search += f"<p>{label}{', '.join(titles)}</p>"
    readers = f'{heading.format(id=entry.id, term=term)}\n<div class="glossary-definition">{readers}</div>'
    # Material's parser reads a line break in text as a space (a page title may hold one)
    return readers, Section(entry.id, term, search.replace("\n", " "))


class Section:
    """An entry as Material's search parser reads it: its anchor, title and text, as HTML."""

    __slots__ = ("id", "title", "text")

    def __init__(self, id: str, title: str, text: str):
        self.id, self.title, self.text = id, title, text


class Letter:
    """A letter's entries on the Glossary page: the letter's anchor, the entries' HTML as
    readers get it (one piece, right after the letter's heading) and their search sections."""

    __slots__ = ("anchor", "readers", "sections")

    def __init__(self, anchor: str, readers: str, sections: list[Section]):
        self.anchor, self.readers, self.sections = anchor, readers, sections


def entries_for_search(html: str, pieces: list[Letter]) -> str:
    """The Glossary page `html` with each letter's entries as a search plugin should read them:
    without permalinks, wrappers and links (`add_entries` gives the pieces). For a search plugin
    other than Material's, which is given the sections directly (`index_entries`)."""
    for letter in pieces:
        search = "\n".join(f'<h3 id="{s.id}">{s.title}</h3>\n{s.text}' for s in letter.sections)
        html = html.replace(letter.readers, search, 1)
    return html


def without_entries(html: str, pieces: list[Letter]) -> str:
    """The Glossary page `html` without its entries, for Material's search plugin to read: each
    entry's section then goes straight into its index (`index_entries`)."""
    for letter in pieces:
        html = html.replace(letter.readers, "", 1)
    return html


def material_search_index(config):
    """Material's search index, if its search plugin is on: it reads pages tag by tag with
    html.parser, which cost more than everything else the glossary does to a hundred-page site."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if callable(getattr(index, "create_entry_for_section", None)) and isinstance(
            getattr(index, "entries", None), list
        ):
            return index
    return None


def index_entries(index, start: int, page, pieces: list[Letter]) -> None:
    """Put the entries' sections into Material's search `index`, after the sections its plugin
    has just made of the rest of the Glossary page (`index.entries[start:]`), as its parser
    would: each letter's entries after the letter, by the plugin's own `create_entry_for_section`
    (which also applies the page's tags and boost). Nothing is added when the plugin left the
    page out (`search: exclude`); a letter whose section it did not make has its entries last."""
    made = index.entries[start:]
    if not made:
        return
    del index.entries[start:]
    letters = {letter.anchor: letter.sections for letter in pieces}
    add = _SectionAdder(index, page)
    for entry in made:
        index.entries.append(entry)
        location = entry.get("location", "") if isinstance(entry, dict) else ""
        for section in letters.pop(location.rpartition("#")[2] if "#" in location else None, ()):
            add(section)
    for sections in letters.values():
        for section in sections:
            add(section)


def add_search_words(index, start: int, words: str) -> None:
    """Add the page's hidden search words (`search_words`) to the first section Material's search
    plugin has made of it (`index.entries[start]`), as its parser would read `search_block` there."""
    if len(index.entries) > start and isinstance(index.entries[start], dict):
        first = index.entries[start]
        first["text"] = f"{first.get('text', '')} <p>{words}</p>".strip()


class _SectionAdder:
    """Adds a section to Material's search index with the plugin's own `create_entry_for_section`.
    When what it made of the first section holds that section's anchor, title and text as
    given, the rest are added as copies of it with their own anchor, title and text (its other
    fields, the page's tags and boost in Material 9.8, are the same for every section of a page),
    which costs a tenth; if it changed them (Chinese word splitting), every section goes through
    it. A later Material that added a field of its own for each section would need this looked at
    again: the build tests compare the index with what Material makes of the whole page."""

    def __init__(self, index, page):
        self.index, self.page, self.same = index, page, None

    def __call__(self, section: Section) -> None:
        where = f"{self.page.url}#{section.id}"
        if self.same is not None:
            self.index.entries.append(
                {**self.same, "location": where, "title": section.title, "text": section.text}
            )
            return
        # No contents: the plugin would look the entry's anchor up there, but entries are never in
        # the contents (add_entries stops the build if a heading there has an entry's anchor).
        self.index.create_entry_for_section(
            SimpleNamespace(id=section.id, title=[section.title], text=[section.text]),
            [],
            self.page.url,
            self.page,
        )
        made = self.index.entries[-1]
        if isinstance(made, dict) and (made.get("location"), made.get("title"), made.get("text")) == (
            where,
            section.title,
            section.text,
        ):
            self.same = made


def escape_text(value: str) -> str:
    """Text as HTML that shows exactly as written (what Python-Markdown's serializer makes of
    text `as_written`)."""
    return htmllib.escape(value, quote=False)


def escape_attribute(value: str) -> str:
    return escape_text(value).replace('"', "&quot;")


def as_written(value: str) -> str:
    """Text for the element tree that shows exactly as written: Python-Markdown's serializer
    leaves `&amp;` and the like alone (it takes them for entities already written), so their
    `&` is escaped here and a trainer's "&lt;b&gt;" reads as typed."""
    return re.sub(ENTITY_START, "&amp;", value, flags=re.IGNORECASE) if "&" in value else value


def letter_anchor(letter: str) -> str:
    return "letter-" + ("0-9" if letter == "0-9" else letter.lower())


def search_words(entries: list[Entry]) -> str:
    """Words for the search index, as HTML: each term the page uses, with its other names."""
    return "; ".join(e.search_words for e in entries)


def search_block(words: str) -> str:
    """The hidden paragraph that carries `search_words` in a page for a search plugin to read."""
    return f'<p class="glossary-search" hidden>{words}</p>'


def for_search(html: str) -> str:
    """`html` without the glossary's own links (`<a class="glossary-term" ...>` on pages and
    `<a class="glossary-page" ...>` on the Glossary page), their text kept, for Material's search
    plugin. It reads a page tag by tag and keeps only the text and a few tags (p, li, code, pre,
    sub, sup), so it indexes the same words either way, but the glossary's links double its work
    (some twenty on a page, thousands on the Glossary page). The links are found by the exact
    opening Python-Markdown's serializer writes for the elements this hook made (it writes a
    title's ">" as "&gt;"), and no link of ours holds another `<a`; anything else is left for
    the search plugin to read as it is."""
    parts, cut = [], 0
    for match in OWN_LINK.finditer(html):
        opened = html.find(">", match.end())
        closed = html.find("</a>", opened)
        if opened < 0 or closed < 0 or html.find("<a", opened, closed) >= 0:
            continue
        parts += [html[cut : match.start()], html[opened + 1 : closed]]
        cut = closed + len("</a>")
    return "".join(parts) + html[cut:] if parts else html


def insert_before_first(html: str, tags: frozenset[str], snippet: str) -> str:
    """`html` with `snippet` placed just before the first of `tags` (or at the end)."""
    finder = _FirstTag(tags)
    finder.feed(html)
    finder.close()
    if finder.position is None:
        return html + snippet
    line, column = finder.position
    offset = sum(len(x) for x in html.splitlines(keepends=True)[: line - 1]) + column
    return html[:offset] + snippet + html[offset:]


class _FirstTag(HTMLParser):
    def __init__(self, tags):
        super().__init__(convert_charrefs=True)
        self.tags, self.position = tags, None

    def handle_starttag(self, tag, attrs):
        if self.position is None and tag in self.tags:
            self.position = self.getpos()


# --- Constants ------------------------------------------------------------------------------

WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
# Two capital letters with only word characters, hyphens or apostrophes between them.
CAPITALS = re.compile(r"[A-Z][\w'\-]*[A-Z]")
ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
NUMBERS = re.compile(r"(\d+)")
WORD_SPLIT = re.compile(f"({WORD.pattern})")
SEP_AND_WORD = re.compile(r"(\W*?)(\w+(?:['\-]\w+)*)")
SKIP_ATTRIBUTE = "data-glossary-skip"
# Material's search plugin takes attributes starting with this out of page.content as it reads it.
SEARCH_ATTRIBUTE = "data-search-"
# The start of the links this hook makes, as Python-Markdown's serializer writes them.
OWN_LINK = re.compile(r'<a class="glossary-(?:term|page)" href="')
# Never linked inside: headings, links, code, abbreviations, navigation, form controls, etc.
SKIP_TAGS = frozenset(
    "a abbr button code dt h1 h2 h3 h4 h5 h6 kbd label math nav option pre samp script select style "
    "summary svg textarea title".split()
)
# Never checked for unexplained acronyms: code and what is not prose.
NO_CHECK_TAGS = frozenset("abbr code kbd math pre samp script style svg textarea".split())
# Inline tags do not break a run of text, so a term may run across them.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u "
    "var".split()
)
# Between runs of text in the page's text: not a space or a word, so no term can span it.
RUN_BREAK = "\x00\n"
# Python-Markdown keeps an entity written in the text (&nbsp;) as raw HTML until the very end.
# An "&" that Python-Markdown's serializer would leave alone, as the start of an entity.
# (Patterns used now and then are compiled when first used, not each time the hook loads.)
ENTITY_START = r"&(?=(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)"  # with re.IGNORECASE
ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
# After every other tree processor, including MkDocs' link rewriting and "unescape" (both 0).
TREE_PRIORITY = -1
# Just after Python-Markdown puts the raw HTML back (30), before its "&" and escapes (20, 10).
ENTRIES_PRIORITY = 25
MARKER_TOKEN = "b7f3c1e0"  # so that no comment a trainer writes is taken for a marker
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
SECTION_TAGS = frozenset({"h2"})
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
ID_SLOT, TERM_SLOT = "glossary-slot-for-the-id", "glossary-slot-for-the-term"
ENTRY_CLASS = "glossary-entry"
MARKER_HINT = f"keep docs/{GLOSSARY_PAGE} with a {MARKER} line where the A to Z entries go"
