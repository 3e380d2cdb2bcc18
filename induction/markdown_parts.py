"""Which parts of a page's Markdown are code (shown as typed, not read as prose) and which are
comments: the one place that decides it.

Python-Markdown shows code as typed: fenced blocks, indented blocks (also inside a list item,
admonition, tab, definition or quote) and code spans (also when wrapped over two lines, but
never past the end of a table row or into the next list item, also in a quote, definition or
heading); a
backslash-escaped brace, backtick or backslash shows as itself; an HTML comment is never shown.
A raw HTML block (a block-level tag at the start of a line of the page) is passed on as typed, so
its indented lines are not code and a backtick in it opens no code span. The facts leave all of
these alone (induction/facts.py fills placeholders only in the rest), and the words a learner
reads leave out code and comments (induction/learner_text.py, for the reading time and the content
check's figures without a date). Fences are found by induction.common.lines_with_code, the one
fence tracker.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import html
import re
from collections.abc import Callable

from markdown import Extension
from markdown.util import BLOCK_LEVEL_ELEMENTS

from induction.common import lines_with_code
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/markdown_parts.py's use of markdown.util.BLOCK_LEVEL_ELEMENTS (the tags Python-Markdown "
    "passes on as a raw HTML block: a default it does not document, which a Markdown instance copies)",
)

# The kind of each piece of typed_parts() that is not prose.
CODE_BLOCK = "code block"  # a line of a fenced (fences included) or indented code block
CODE_SPAN = "code span"
ESCAPE = "escape"  # \{ \} \` \\
COMMENT = "comment"  # <!-- ... -->
RAW_HTML = "raw HTML"  # a line of a raw HTML block (only in _line_kinds: its text is prose)


def typed_parts(markdown: str) -> list[tuple[int, str, str | None]]:
    """`markdown` cut into (start, text, kind) pieces, in order: `kind` is CODE_BLOCK (one line
    of a code block, without its line end), CODE_SPAN, ESCAPE or COMMENT for what Python-Markdown
    shows as typed or leaves out, and None for the prose around them."""
    return list(_typed_parts(markdown))


# Several hooks and checks ask the same of one page's text in one build: each answer is worked
# out once (the page's text is the key), and each asker is given its own list. Some ask of every
# page before the first is converted (the reading times, in on_nav), so the caches hold more
# texts than a build asks of (about three a page: 110 for the real site); with fewer, each page's
# answer was gone before it was asked again. In the live preview, unchanged pages are then read
# from the cache on the next build.
CACHED_TEXTS = 256


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _typed_parts(markdown: str) -> tuple[tuple[int, str, str | None], ...]:
    lines = markdown.split("\n")
    kinds = _line_kinds(markdown)
    code = [kind == CODE_BLOCK for kind in kinds]
    # the same text with code lines blanked, so spans and comments are found around them
    masked = "\n".join(
        " " * len(line) if is_code else line for line, is_code in zip(lines, code, strict=True)
    )
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    stops = _span_stops(lines, kinds, starts)
    typed, position = [], 0
    while (match := AS_TYPED.search(masked, position)) is not None:
        if match.lastgroup == "span" and (
            kinds[bisect.bisect_right(starts, match.start()) - 1] == RAW_HTML
            or bisect.bisect_left(stops, match.start()) < bisect.bisect_left(stops, match.end())
        ):  # no span: Python-Markdown reads this backtick as itself
            position = match.start() + 1
            continue
        typed.append((match.start(), match.end(), KINDS[match.lastgroup]))
        position = match.end()
    typed += [(starts[n], starts[n] + len(lines[n]), CODE_BLOCK) for n, is_code in enumerate(code) if is_code]
    parts, position = [], 0
    for begin, end, kind in sorted(typed):
        if begin < position:  # a comment or span over a code line: the code line is already typed
            begin = position
        if begin > position:
            parts.append((position, markdown[position:begin], None))
        if end > begin:
            parts.append((begin, markdown[begin:end], kind))
        position = max(position, end)
    if position < len(markdown):
        parts.append((position, markdown[position:], None))
    return tuple(parts)


def code_lines(markdown: str) -> list[bool]:
    """Whether each line of `markdown` is code: a fence or inside fenced code (`lines_with_code`),
    or an indented code block: a line indented 4 spaces more than the text it belongs to (the
    page, a list item, an admonition, tab or definition, a quote), after a blank line or more
    code. The lines of a raw HTML block are not code."""
    return [kind == CODE_BLOCK for kind in _line_kinds(markdown)]


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _line_kinds(markdown: str) -> tuple[str | None, ...]:
    """CODE_BLOCK, RAW_HTML or None (text) for each line of `markdown` (see `code_lines`)."""
    lines = markdown.split("\n")
    kinds: list[str | None] = [CODE_BLOCK if is_code else None for _, _, is_code in lines_with_code(markdown)]
    content = [0]  # the indent of the text of each open list item, admonition, tab or definition
    blank_before, code_before = True, False
    quote_blank, quote_code = True, False  # the same inside a quote (> lines)
    raw_tag, raw_depth = None, 0  # the tag of the raw HTML block the lines are in, how deep
    for n, line in enumerate(lines):
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip()
        if raw_tag is not None:  # passed on as typed until the block's tag is closed
            kinds[n] = RAW_HTML
            raw_depth += _tag_depth(raw_tag, line)
            if raw_depth <= 0:
                raw_tag, content, blank_before, code_before = None, [0], True, False
            continue
        if not stripped:
            blank_before = True
            continue
        indent = len(expanded) - len(stripped)
        if kinds[n] == CODE_BLOCK:
            blank_before, code_before = False, False
            continue
        if blank_before or code_before:
            while len(content) > 1 and indent < content[-1]:
                content.pop()
            if indent >= content[-1] + 4:
                kinds[n] = CODE_BLOCK
                code_before, blank_before = True, False
                continue
        html = HTML_BLOCK.match(line)
        if html and html["tag"].lower() in BLOCK_LEVEL_ELEMENTS:
            if html["markdown"] is None:  # raw HTML, up to its closing tag (or the page's end)
                kinds[n], raw_tag, raw_depth = RAW_HTML, html["tag"], _tag_depth(html["tag"], line)
                if raw_depth <= 0:
                    raw_tag, content, blank_before, code_before = None, [0], True, False
                continue
            content, blank_before, code_before = [0], True, False  # Markdown inside: a fresh start
            continue
        if stripped.startswith(">"):  # a quote: its text starts after > and one space
            inner = stripped[1:]
            while inner.lstrip().startswith(">"):  # a quote in a quote
                inner = inner.lstrip()[1:]
            inner = inner[1:] if inner.startswith(" ") else inner
            if not inner.strip():
                quote_blank, quote_code = True, False
            elif (quote_blank or quote_code) and len(inner) - len(inner.lstrip()) >= 4:
                kinds[n], quote_code, quote_blank = CODE_BLOCK, True, False
            else:
                quote_blank = quote_code = False
            blank_before = code_before = False
            continue
        quote_blank, quote_code = True, False
        if CONTAINER.match(stripped):
            content.append(indent + 4)
        blank_before = code_before = False
    return tuple(kinds)


def _tag_depth(tag: str, line: str) -> int:
    """How many more `tag` elements `line` opens than it closes (a void one closes itself)."""
    opened = len(re.findall(rf"<{tag}(?=[\s/>]|$)", line, re.IGNORECASE))
    closed = len(re.findall(rf"</{tag}\s*>", line, re.IGNORECASE))
    if tag.lower() in VOID or line.rstrip().endswith("/>"):
        return 0
    return opened - closed


def _span_stops(lines: list[str], kinds: list[str | None], starts: list[int]) -> list[int]:
    """The positions of the line ends a code span cannot run past, in order (blank lines and code
    lines stop it anyway): each row of a table, list item, definition (`:`), heading and the title
    line of an admonition, collapsible block or tab is read on its own, and so is a raw HTML block
    and a quote that starts under a paragraph. Inside a quote the same holds for its list items,
    and its blank lines ('>') end a paragraph."""
    stops = set()
    first = None  # the first line of the block of text (lines with no blank line between)
    table = listed = False
    for n, line in enumerate(lines):
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip()
        inner = _unquoted(stripped)  # a quote's own text: its list items are read as outside one
        indent = len(expanded) - len(stripped)
        if kinds[n] is not None or not inner:
            if kinds[n] == RAW_HTML:
                stops.update((starts[n] - 1, starts[n] + len(line)))
            elif stripped:  # a quote's blank line ('>') ends its paragraph
                stops.add(starts[n] - 1)
            first = None
            continue
        own_line = stripped.startswith("#") or TITLED.match(stripped) is not None
        if first is None:
            first, first_indent = n, indent
            table, listed = False, LIST_ITEM.match(inner) is not None
        else:
            own_line = own_line and indent <= first_indent
            if n == first + 1 and table_starts(lines[first], stripped):
                table = True
            previous = lines[n - 1].lstrip()
            if (
                table
                or (listed and LIST_ITEM.match(inner))
                or DEFINITION.match(stripped)
                or own_line
                or (stripped.startswith(">") and not previous.startswith(">"))
            ):
                stops.add(starts[n] - 1)
        if own_line:
            stops.add(starts[n] + len(line))
    return sorted(stops)


def unquoted(line: str) -> str:
    """`line` as a paragraph in a quote has it: without its indent and its quote marks (`> `); a
    line in no quote as it is."""
    stripped = line.lstrip()
    return _unquoted(stripped) if stripped.startswith(">") else line


def _unquoted(stripped: str) -> str:
    """The text of a line (without its indent) inside the quotes it is in: after each `>` and one
    space (`> > - item` is `- item`); a line in no quote as it is."""
    while stripped.startswith(">"):
        stripped = stripped[1:]
        stripped = stripped[1:] if stripped.startswith(" ") else stripped
        stripped = stripped.lstrip() if stripped.lstrip().startswith(">") else stripped
    return stripped.strip() and stripped


# What Python-Markdown shows as typed inside a block of text: a code span (the same run of
# backticks each side, within one paragraph), an escaped brace, backtick or backslash, and an HTML
# comment (one left open is shown as text, so it is no comment).
AS_TYPED = re.compile(
    r"(?P<span>(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\2(?!`))|(?P<escape>\\[\\`{}])|(?P<comment><!--.*?-->)",
    re.DOTALL,
)
KINDS = {"span": CODE_SPAN, "escape": ESCAPE, "comment": COMMENT}  # AS_TYPED's group names
# A line that starts a list item, admonition, collapsible block, tab or footnote: the indented
# lines after it are its text, not code.
CONTAINER = re.compile(r"([-*+]|\d+[.)])(\s|$)|(!!!|\?\?\?\+?|===\+?)\s|\[\^[^\]]+\]:|:[ \t]")
LIST_ITEM = re.compile(r"([-*+]|\d+\.)[ \t]")  # what starts a list item (Python-Markdown's rule)
TITLED = re.compile(r"(!!!|\?\?\?\+?|===[+!]?)(\s|$)")  # an admonition, collapsible block or tab
DEFINITION = re.compile(r":[ \t]")  # a definition (def_list): `Term`, then `:   Text.`
_LINE_START = re.compile(r"^(?:[ \t]*(?:>|[-*+:](?=[ \t])|\d+[.)](?=[ \t])))*")  # bare_line's
TABLE_RULE = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")  # | --- | :---: |


def table_starts(first: str, second: str) -> bool:
    """Whether two lines start a table: a heading row with a `|`, then a `---` row (with or without
    pipes at the ends of its rows)."""
    return "|" in first and TABLE_RULE.match(second.strip()) is not None


# The start of a raw HTML block: a tag at the start of a line (Python-Markdown passes the block on
# as typed when the tag is a block-level one, unless it has a markdown attribute: md_in_html).
HTML_BLOCK = re.compile(r"<(?P<tag>[A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)(?:[^>]*?\s(?P<markdown>markdown)\b)?")
VOID = {"hr"}  # block-level tags with no closing tag


class PageCheck(Extension):
    """A Python-Markdown extension that checks each page inside its conversion (the facts' safety
    net, safe_html). `start` is given the trainer's Markdown of the page about to be converted
    (for the lines in messages) and, in a build, `where`: a function giving the page's name in
    messages and how many lines its front matter takes. Every conversion is checked, with what
    other hooks and plugins added to the page; `problems` holds what the last one found; each kind
    says in `found` how the first stops a build."""

    def __init__(self):
        super().__init__()
        self.start("")

    def start(self, text: str, where: Callable[[], tuple[str, int]] | None = None) -> None:
        self.text, self.where, self.problems = text, where, []


def included_texts(lines: list[str], result: list[str]) -> list[tuple[str, str]]:
    """(the --8<-- line, the text it brought in) for each `--8<--` of the page's Markdown (`lines`)
    whose files pymdownx.snippets pasted in (`result`): every line of `result` that is not one of
    the page's own, with the last --8<-- line at or above its place. (An included file's blank line
    may be matched with one of the page's: its text is then in two runs, joined here.)"""
    if not any("--8<--" in line for line in lines):  # most pages: nothing to compare (difflib is
        return []  # quadratic in a long page's blank lines: 0.1 s on the Glossary page)
    runs: dict[int, list[str]] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, lines, result, autojunk=False).get_opcodes():
        directive = next(
            (i for i in reversed(range(i2 if op == "replace" else i1)) if "--8<--" in lines[i]), None
        )
        if op in ("replace", "insert") and directive is not None:
            runs.setdefault(directive, []).extend(result[j1:j2])
    return [(lines[i].strip(), "\n".join(runs[i])) for i in sorted(runs)]


def all_text(root, stash: list) -> str:
    """Everything a converted page (`root`, with `stash`, the raw HTML Python-Markdown set aside)
    holds as text, in one string: the texts and attribute values of its tree and the raw HTML,
    character references read. It holds more than a reader sees (code, tags, comments), so what is
    not in it is nowhere on the page: a quick test before a slower walk that looks for it."""
    return "".join(text_pieces(root, stash))


def text_pieces(root, stash: list) -> list[str]:
    """all_text's pieces, each text, attribute value and piece of raw HTML apart."""
    trees = [root, *(piece for piece in stash if not isinstance(piece, str))]
    parts = [html.unescape(piece) for piece in stash if isinstance(piece, str)]
    for tree in trees:
        parts += tree.itertext()
        for element in tree.iter():
            parts += filter(None, element.attrib.values())  # attr_list: a bare word has no value
            if not isinstance(element.tag, str) and element.text:  # a comment: itertext leaves it out
                parts.append(element.text)
    return parts


def bare_line(line: str) -> str:
    """`line` without its indent, quote marks (`>`), list markers and a definition's `:`, as the
    paragraph or table row that holds it has it after Markdown reads the containers."""
    return _LINE_START.sub("", line).strip()
