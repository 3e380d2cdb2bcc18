"""Helpers shared by the build hooks, the content check (check/) and the export (export/).

Everything here is a pure function or a small value type, so the hooks stay thin and the tests
can call these directly: trainer errors as objects (DataError, and `warn` for a warning that
carries one), reading trainer files and YAML with line numbers, and the lines of a page outside
its fenced code. Nothing here needs MkDocs (the glossary's Markdown extension imports it); a
page's front matter, read as MkDocs reads it, is in induction.front_matter.
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import yaml

try:  # MkDocs stops a build cleanly on a PluginError; a Markdown-only host (Zensical) has none
    from mkdocs.exceptions import PluginError as StopBuild
except ImportError:

    class StopBuild(Exception):
        """What stops the build: MkDocs' PluginError where MkDocs is installed."""


# Trainer-only notes (`!!! trainer`, `??? trainer`): the admonition type is their class. The
# glossary skips elements with it (in the trainer view the notes stay in the page).
NOTE_CLASS = "trainer"


class DataError(StopBuild):
    """A problem in a file a trainer edits, reported as `path:line: problem (expected)`.

    `subject` is the word or name the problem is about, when there is one (an acronym missing
    from the glossary), so a report can list them without reading the text.
    """

    def __init__(
        self, path: str | Path, line: int | None, problem: str, expected: str, *, subject: str | None = None
    ):
        self.path, self.line, self.problem, self.expected = str(path), line, problem, expected
        self.subject = subject
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem} ({expected})")


def warn(log: logging.Logger, error: DataError) -> None:
    """Log `error` as a warning in the house form (`path:line: problem (expected)`), with the
    error object attached as the record's `problem`, so that whoever collects the build's
    warnings (the content check) reads its parts instead of parsing the text. Log under
    `mkdocs.` so that a strict build counts it."""
    log.warning("%s", error, extra={"problem": error})


def read_source(path: str | Path, display: str | None = None) -> str:
    """A trainer's file as text; bytes that are not UTF-8 are a DataError naming their line.

    `display` names the file in messages; by default its path from the project folder (the
    nearest folder above it that holds mkdocs.yml).
    """
    path = Path(path)
    text = decode_text(path.read_bytes(), display or project_display(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as read_text() does


def page_source(page) -> tuple[str, str]:
    """(name in messages, text) of an MkDocs page's file as the trainer wrote it, front matter
    included: `docs/<path>`, and "" for a page no file holds (made by a plugin)."""
    display = f"docs/{page.file.src_uri}"
    return display, read_source(page.file.abs_src_path, display) if page.file.abs_src_path else ""


def decode_text(data: bytes, display: str) -> str:
    """`data` as UTF-8 text, or a DataError naming the line of the first byte that is not UTF-8.

    A byte-order mark at the start (Windows Notepad may save one) is dropped, as MkDocs drops it
    (it reads pages as utf-8-sig): otherwise the page's `---` line is not its first line, and its
    front matter is neither found nor counted in the line numbers of its text.
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError(
            display,
            line,
            f"this file is not UTF-8 text: this line has a character saved in another encoding "
            f"(byte 0x{data[error.start]:02X})",
            "save the file as UTF-8 (in your editor: Save As, encoding 'UTF-8'), then check the "
            "accented letters and quotes on this line",
        ) from None


def project_display(path: str | Path) -> str:
    """`path` from the nearest folder above it that holds mkdocs.yml (the project), for messages."""
    path = Path(path).resolve()
    for folder in path.parents:
        if (folder / "mkdocs.yml").is_file():
            return path.relative_to(folder).as_posix()
    return str(path)


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping, so errors can name it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    return _mapping(loader, node, lambda child: loader.construct_object(child, deep=True))


def _mapping(loader, node: yaml.MappingNode, value) -> LineDict:
    """A YAML mapping as a LineDict, each key and value made by `value`; a key given twice is
    an error naming its second line."""
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        if isinstance(key_node, (yaml.MappingNode, yaml.SequenceNode)):  # {{ fact }} reads as {{fact: }: }
            raise _NotText(node.start_mark)
        key = value(key_node)
        if key in mapping:
            raise key_twice(loader.name, key_node, key)
        try:
            mapping[key] = value(value_node)
        except _NotADate as bad:
            if bad.node is not value_node:
                raise
            raise bad.error(loader.name, key) from None
        mapping.lines[key] = value_node.start_mark.line + 1
    return mapping


def key_twice(display: str, key_node: yaml.Node, key) -> DataError:
    """The error for a key given twice in one mapping, at its second line: YAML keeps only the
    last value without a word, so whatever the first held is silently lost."""
    line = key_node.start_mark.line + 1
    return DataError(display, line, f"the key '{key}' appears twice", "give each key once")


def check_keys_once(text: str, display: str) -> yaml.Node | None:
    """The YAML node tree of `text` (a settings file another program reads, such as mkdocs.yml);
    a DataError at the second of any key written twice in one mapping, at any depth.

    Only nodes are made, so tags of any kind (`!relative`, `!!python/name:`) are left as they
    are; None when there is no document. A DataError at the line of a YAML syntax error, in the
    data files' words (MkDocs' own message gives the parser's words).
    """
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text, display) from None
    todo, seen, twice = [root] if root is not None else [], set(), []
    while todo:
        node = todo.pop()
        if id(node) in seen or not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            continue
        seen.add(id(node))  # an alias is the same node again: walk it once
        pairs = node.value if isinstance(node, yaml.MappingNode) else [(None, child) for child in node.value]
        keys = set()
        for key_node, value_node in pairs:
            todo.append(value_node)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != MERGE:
                key = (key_node.tag, key_node.value)
                twice += [key_node] if key in keys else []
                keys.add(key)
    if twice:  # the first in the file
        first = min(twice, key=lambda node: node.start_mark.index)
        raise key_twice(display, first, first.value)
    return root


@functools.lru_cache(maxsize=8)  # mkdocs.yml, read by several checks in one build (only read)
def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of `text` (None when it holds no document): only nodes are made, so tags
    of any kind need no constructor. Read by PyYAML's own parser, as MkDocs reads mkdocs.yml:
    libyaml's accepts what MkDocs refuses (a tab inside a line), which the checks must tell."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


MERGE = "tag:yaml.org,2002:merge"  # '<<:', which copies the keys of another mapping into this one


_STR, _SEQ, _MAP = (
    yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
)
_DATE = "tag:yaml.org,2002:timestamp"


class _NotADate(Exception):
    """A YAML date the calendar does not have; made into a DataError where its key is known."""

    def __init__(self, node: yaml.ScalarNode):
        super().__init__(node.value)
        self.node = node

    def error(self, display: str, key=None) -> DataError:
        text = f"{key}: {self.node.value}" if key is not None else self.node.value
        return DataError(
            display,
            self.node.start_mark.line + 1,
            f"'{text}' is not a real date",
            f"{why_not_a_date(self.node.value)}; write a day that exists, as YYYY-MM-DD",
        )


class _NotText(Exception):
    """A value that starts with '{' or '[' and so reads as a list or mapping used as a name (what
    `text: {{ contacts.emergency.phone }}` is to YAML); made into a DataError where the text is."""

    def __init__(self, mark: yaml.Mark):
        super().__init__(mark.line)
        self.mark = mark

    def error(self, display: str, text: str) -> DataError:
        line = text.split("\n")[self.mark.line]
        problem, expected = not_text(line, line[self.mark.column])
        return DataError(display, self.mark.line + 1, problem, expected)


def not_text(line: str, sign: str) -> tuple[str, str]:
    """(problem, what to write) for a value on `line` that starts with `sign` ('{', '[' or '*'),
    which YAML reads as something of its own where the trainer meant text: the whole value in
    double quotes, shown with the line's own name and value."""
    found = VALUE_START.match(line)
    name, value = found.group("name"), line[found.end() :].rstrip()
    whose = f"the value of '{name}'" if name else "the value on this line"
    reads = "a reference to another value" if sign == "*" else "something other than text"
    lead = f"{name}: " if name else "- " if line.lstrip().startswith("-") else ""
    if '"' not in value and value.startswith(sign):
        expected = f'put the whole value in double quotes: {lead}"{value}"'
    elif "'" not in value and value.startswith(sign):  # it has double quotes in it
        expected = f"put the whole value in single quotes, as it has double quotes in it: {lead}'{value}'"
    else:
        expected = 'put the whole value in double quotes, with a \\ before each " inside it'
    return f"{whose} starts with '{sign}', which YAML reads as {reads}", expected


# Where the value on a line of YAML starts: after the '- ' of list items and the 'name: ' (a
# name that starts with a letter, digit or other sign YAML leaves as text).
VALUE_START = re.compile(r"[ \t]*(?:-[ \t]+)*(?:(?P<name>[^\s'\"{}\[\]#&*!|>%@`-][^:]*?):(?:[ \t]+|$))?")


def why_not_a_date(text: str) -> str:
    """Why `text` (YYYY-MM-DD, which YAML read as a date) is not a day on the calendar."""
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not match:
        return "the calendar has no such day"
    year, month, _day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}: months go from 01 to 12"
    days = calendar.monthrange(year, month)[1]
    return f"{MONTHS[month - 1]} {year} has {days} days"


MONTHS = "January February March April May June July August September October November December".split()


def refuse_aliases(text: str, display: str) -> None:
    """Refuse YAML aliases (`*name`, which repeat an `&name` anchor): trainers never need them,
    and a few lines of them can stand for billions of values (the "billion laughs" file).

    Only the parser's events are read, so nothing is expanded; a syntax error is left for
    parse_yaml to report in the shared wording.
    """
    if "*" not in text:  # every alias starts with *
        return
    loader = _FastLineLoader(text)
    anchors = set()
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.NodeEvent) and event.anchor and not isinstance(event, yaml.AliasEvent):
                anchors.add(event.anchor)
            if isinstance(event, yaml.AliasEvent) and event.anchor not in anchors:
                mark = event.start_mark  # no '&' before it: *emphasis* at the start of a value
                raise DataError(display, mark.line + 1, *not_text(text.split("\n")[mark.line], "*"))
            if isinstance(event, yaml.AliasEvent):
                raise DataError(
                    display,
                    event.start_mark.line + 1,
                    "YAML anchors and aliases (&name, *name) are not allowed",
                    "write the value out in full",
                )
    except yaml.MarkedYAMLError:
        return
    finally:
        loader.dispose()


def _plain(loader, node: yaml.Node, open_nodes: set):
    """The value of a YAML node: text, lists and mappings (LineDicts) made here, which costs
    half of what the loader's general machinery does on the glossary's 500 terms; any other
    value (numbers, true/false, dates, null) is made by the loader itself."""
    kind = type(node)
    if kind is yaml.ScalarNode and node.tag == _STR:
        return node.value
    if kind is yaml.ScalarNode and node.tag == _DATE:
        try:
            return loader.construct_object(node, deep=True)
        except ValueError:  # looks like a date, but the calendar has no such day (2026-02-31)
            raise _NotADate(node) from None
    if kind not in (yaml.SequenceNode, yaml.MappingNode) or node.tag not in (_SEQ, _MAP):
        return loader.construct_object(node, deep=True)
    if node in open_nodes:  # an alias inside itself: the loader's error, and so the shared message
        raise yaml.constructor.ConstructorError(None, None, "found a recursive node", node.start_mark)
    open_nodes.add(node)
    if kind is yaml.SequenceNode:
        value = [_plain(loader, child, open_nodes) for child in node.value]
    else:
        value = _mapping(loader, node, lambda child: _plain(loader, child, open_nodes))
    open_nodes.discard(node)
    return value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _FastLineLoader(getattr(yaml, "CSafeLoader", _LineLoader)):
    """The same loader on libyaml's parser where PyYAML has it (seven times faster on the
    glossary's 500 terms); syntax errors are re-read with _LineLoader for the shared wording."""


_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class LineDict(dict):
    """A dict from YAML that knows its own line (`.line`) and each value's line (`.lines`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


def load_yaml(path: str | Path, display: str | None = None):
    """Load a YAML file with line numbers; a syntax error becomes a DataError naming the line."""
    display = display or project_display(path)
    text = read_source(path, display)
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, first_line: int = 1, what: str = "this"):
    """The YAML in `text` with line numbers (LineDicts); every problem is a DataError.

    `first_line` is the file's line where `text` starts (front matter starts on line 2);
    `what` names the text in the message ("this", "the front matter").
    """
    return parse_yaml_nodes(text, display, first_line, what)[0]


def parse_yaml_nodes(text: str, display: str, first_line: int = 1, what: str = "this"):
    """(parse_yaml's reading of `text`, the YAML nodes it was read from): the nodes keep each
    value as it was typed (induction.quizzes.as_typed). (None, None) for a text with no YAML."""
    # Blank lines before a YAML document change nothing but the marks, which then count from
    # the file's first line, in both parsers and in every LineDict.
    text = "\n" * (first_line - 1) + text
    refuse_aliases(text, display)
    fast = _FastLineLoader(text)
    fast.name = display
    try:
        node = fast.get_single_node()
        return (None, None) if node is None else (_plain(fast, node, set()), node)
    except yaml.MarkedYAMLError:
        pass  # libyaml words its errors differently: read it again below for the shared message
    except _NotADate as bad:  # a date that is not in a mapping (one in a list)
        raise bad.error(display) from None
    except _NotText as bad:
        raise bad.error(display, text) from None
    finally:
        fast.dispose()
    loader = _LineLoader(text)
    loader.name = display
    try:
        node = loader.get_single_node()
        return (None, None) if node is None else (loader.construct_document(node), node)
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text, display, what) from None
    except _NotText as bad:
        raise bad.error(display, text) from None
    finally:
        loader.dispose()


def syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str, what: str = "this") -> DataError:
    """The DataError for a YAML syntax error in `text` (the file `display`), at its line."""
    sign = sign_mistake(exc, text)
    if sign:  # the trainer wrote text that starts with a sign of YAML's own
        return DataError(display, *sign)
    line, problem, expected = yaml_mistake(exc, text)
    return DataError(display, line, f"{what} is not valid YAML: {problem}", expected)


def sign_mistake(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str] | None:
    """(line, problem, what to write) when a YAML syntax error comes from text that starts with
    a sign YAML reads as its own: '*' (*emphasis*, a reference to YAML), '{' ({{ a fact }} with
    something after it or left open, a mapping) or '[' (a list with text after it); else None."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    at = mark  # where the value starts: where the alias or mapping opened, else the problem's line
    if exc.context in ("while scanning an alias", "while parsing a flow mapping"):
        at = exc.context_mark
    line = text.split("\n")[at.line]
    found = VALUE_START.match(line)
    value = line[found.end() :]
    if exc.context == "while scanning an alias":
        signs = "*"
    elif exc.context == "while parsing a flow mapping":
        signs = "{"  # an unclosed '[' keeps the brackets' advice: lists in brackets are usual
    elif (exc.problem or "").startswith(("expected <block end>", "did not find expected")):
        signs = "{[" if found.end() < mark.column else ""  # something after a value that ended
    else:
        signs = ""
    if value[:1] and value[0] in signs:
        return (at.line + 1, *not_text(line, value[0]))
    return None


def yaml_mistake(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str, str]:
    """(line, problem, what to write) for a YAML syntax error in `text`, in plain English for
    the mistakes trainers make: a tab, a line indented unlike the lines around it, a second
    ': ' in a value, a quote or bracket left open. Anything else keeps the parser's words."""
    said = exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark or mark  # where an unclosed quote or bracket, or a keyless line, is
    if mark is None:
        return None, said, YAML_ADVICE
    run_on = _quote_run_on(text, mark)
    if run_on:  # a value's closing quote left out: the quote opening a later value closed it
        return run_on
    line = mark.line + 1
    lines = text.split("\n")
    before = lines[mark.line][: mark.column]  # the line's text before the mistake
    dashes = _list_item_slip(lines, mark.line)
    if dashes:
        return dashes
    if said.startswith("found character '\\t'"):
        if before.strip():
            return line, "this line has a tab in it", "use spaces instead of tabs"
        return line, "this line starts with a tab", "indent with spaces only, lined up with the lines above"
    if said.endswith("that cannot start any token"):
        char = said.split("'")[1]
        return (
            line,
            f"a value on this line starts with '{char}'",
            f'put the whole value in double quotes: "{char}..."',
        )
    if said.startswith("mapping values are not allowed"):
        if ": " in before:
            return (
                line,
                "this line has a second ': ' in it",
                "put text that contains ': ' in quotes: owner: \"Team: fostering\"",
            )
        moved = _moved_under(lines, mark.line)
        if moved:  # the line above lost its ':', or a list item moved right
            return moved
        keyless = _keyless_above(lines, mark.line)
        if keyless:  # 'title Fostering' above 'description: ...': YAML read both as one text
            return keyless, NOT_A_NAME, NOT_A_NAME_ADVICE
        carried = _carried_on(lines, mark.line)
        if carried and (out_of_line := _item_out_of_line(lines, carried[1] - 1, mark.line)):
            return out_of_line
        if carried and not re.fullmatch(r"[-\w]+", before.strip().lstrip("- ")):  # words, not a name
            name, start = carried
            return (
                line,
                f"this line carries on the text of '{name}:' on line {start}, and that text has ': ' in it",
                f'put the whole text in double quotes, a " before its first word on line {start} and a '
                f"\" after its last word, or write '{name}: >-' on line {start} and the text on the lines "
                "below it, indented",
            )
        return (
            line,
            "this line is indented further than the line above it",
            _line_up(text, mark, open_only=True)
            + ("; if it carries on the text of the line above, put that whole text in quotes"),
        )
    if said.startswith(("expected <block end>", "did not find expected")):
        if before.strip():  # the line starts well: something after its value cannot be read
            return (
                line,
                "YAML cannot tell where the value on this line ends",
                "put the whole value in double quotes, or in single quotes if it contains double "
                'quotes: title: "The council\'s duties"',
            )
        item = _nearest(lines, mark.line, -1)
        first = item is not None and _first_item_moved(lines, item, mark.line)
        if first:  # the first item of a list moved right: YAML stops at the line after it
            return first
        own = _is_item(lines[mark.line]) and _out_of_its_list(lines, mark.line, _own_column(lines, mark.line))
        if own:  # moved right, left of its own 'name:' lines
            return own
        if said.endswith("'-'"):
            if item is not None and (out_of_line := _item_out_of_line(lines, item, mark.line)):
                return out_of_line  # moved right, under the item above: YAML reads it as part of that item
            return (
                line,
                "this list item ('- ') is not under a name",
                "indent it further than the 'name:' line it belongs to, lined up with the other items",
            )
        return line, "this line is indented differently from the lines above it", _line_up(text, mark)
    if exc.context in ("while scanning a block scalar", "while scanning an anchor"):
        sign = lines[opened.line][opened.column]  # the '>', '|' or '&' that starts the value
        if sign == "&":
            why = "'&' at the start of a value marks a YAML anchor"
        else:
            why = "after '>-' or '|' the text goes on the lines below it, indented"
        return (
            line,
            f"YAML reads the '{sign}' at the start of the value on this line as a sign of its own",
            f"{why}; or put the whole value in double quotes",
        )
    if said == "could not find expected ':'":
        return opened.line + 1, NOT_A_NAME, NOT_A_NAME_ADVICE
    if exc.context == "while scanning a quoted scalar":
        return opened.line + 1, *never_closed(text.split("\n")[opened.line][opened.column])
    if exc.context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        pair = "[ ]" if "sequence" in exc.context else "{ }"
        return (
            opened.line + 1,
            f"the {pair} brackets that open on this line are not closed, or hold something YAML cannot read",
            f"close them with '{pair[-1]}' on the same line, separate the items with ', ' and put an item "
            "that contains ': ' or a bracket in quotes",
        )
    return line, said, YAML_ADVICE


def never_closed(quote: str) -> tuple[str, str]:
    """(problem, what to write) for a value whose opening `quote` has no closing one."""
    return (
        "the quote that opens on this line is never closed",
        f"add the closing {quote} at the end of the value",
    )


def _quote_run_on(text: str, mark: yaml.Mark) -> tuple[int, str, str] | None:
    """(line, problem, what to write) when the value just before the parser's mistake at `mark`
    is a quoted value that opened on an earlier line and ran on to a quote in a later 'name:
    value' or '- item' line (its own closing quote left out, it ends at the opening quote of the
    next quoted value, or at an apostrophe): YAML stops at the words after that quote, so the
    mistake is named at the line where the quote opened. None otherwise."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.end_mark.index > mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass  # the tokens up to the scanner's own mistake are enough
    if not isinstance(last, yaml.ScalarToken) or last.style not in ('"', "'"):
        return None
    start, end = last.start_mark, last.end_mark
    if start.line == end.line:
        return None
    closing = text.split("\n")[end.line][: end.column - 1]  # the line's text before the closing quote
    found = VALUE_START.match(closing)
    if not (found.group("name") or closing[: found.end()].strip().startswith("-")):
        return None  # a value that runs over lines on purpose, with something after its end
    return start.line + 1, *never_closed(last.style)


NOT_A_NAME = "this line is not a 'name: value' line"
NOT_A_NAME_ADVICE = (
    "write it as 'name: value'; if it carries on the text of the line above, indent it further "
    "than that line's name"
)


def _keyless_above(lines: list[str], index: int) -> int | None:
    """The line (from 1) of the text with no 'name:' that the 'name: value' line at `index`
    follows at the same indent, which YAML reads as one text running on into that name (so it
    complains at the name, not at the line that lost its ': '); None when the line above has a
    name, or starts left of this line (this line is then indented further than it), or when that
    text carries on the text of a 'name: text' line further left."""
    indent = _indent(lines[index])
    found = None
    for number in range(index - 1, -1, -1):
        above = lines[number]
        if not above.strip():
            continue
        start = VALUE_START.match(above)
        if start.group("name"):
            if start.start("name") < indent and above[start.end() :].strip():
                return None  # 'description: text' with more text on the lines below it
            break
        if above.lstrip().startswith("#") or start.end() < indent:
            break
        if start.end() == indent:  # where the text starts (lines further right carry it on)
            found = number + 1
    return found


def _list_item_slip(lines: list[str], index: int) -> tuple[int, str, str] | None:
    """A list item with no space after its '-' (`-Early help: ...`) at or just above the line
    `index` that YAML stopped at, beside items of the same list: (line, problem, what to write)."""
    for number in range(index, max(index - 2, -1), -1):
        bare = lines[number].lstrip(" ")
        indent = len(lines[number]) - len(bare)
        if re.match(r"-[^\s-]", bare) and any(
            other.startswith(" " * indent + "- ") for other in lines[max(number - 3, 0) : number + 4]
        ):
            return (
                number + 1,
                "this list item has no space after its '-'",
                f"write a space between the '-' and the text: - {bare[1:].strip()}",
            )
    return None


def _indent(line: str) -> int:
    """How many spaces start `line`."""
    return len(line) - len(line.lstrip(" "))


def _item_out_of_line(lines: list[str], start: int, index: int) -> tuple[int, str, str] | None:
    """When YAML cannot read the list items at `start` and `index` (below it, indented
    differently) as one list, the one out of line with its list (see _odd_item): (line, problem,
    what to write), or None when either line is no list item or no other item lines up."""
    if not (_is_item(lines[start]) and _is_item(lines[index])):
        return None
    odd, other = (start, index) if _odd_item(lines, start, index) == start else (index, start)
    return _out_of_its_list(lines, odd, _indent(lines[other]))


def _odd_item(lines: list[str], start: int, index: int) -> int:
    """Of the list items at `start` and `index` below it, indented differently, the one out of line:
    `start` when the item before it lines up with `index`, or when the item after `index` does and
    the one before `start` does not line up with `start`; else `index`. Only items of the same
    block count: a 'name:' line no further right than either item ends it."""
    low = min(_indent(lines[start]), _indent(lines[index]))

    def level(n: int, step: int, line: int) -> bool:
        n = _nearest(lines, n, step, lambda text: _is_item(text) or _indent(text) <= low)
        return n is not None and _is_item(lines[n]) and _indent(lines[n]) == _indent(lines[line])

    if level(start, -1, index) or (level(index, 1, index) and not level(start, -1, start)):
        return start
    return index


def _moved_under(lines: list[str], index: int) -> tuple[int, str, str] | None:
    """For the line at `index`, which YAML reads as carrying on the text above it (its ': ' then
    stops it): (line, problem, what to write) when the line above, with no ':', was meant to hold
    it and the lines below it ('- Services' over the menu entries under it), or when it is a list
    item that moved right. Else None."""
    indent, item = _indent(lines[index]), _is_item(lines[index])
    above = _nearest(lines, index, -1, lambda line: _indent(line) < indent)
    if above is None:
        return None
    below = _nearest(lines, index, 1, lambda line: _indent(line) <= indent)
    lined_up = below is not None and (_indent(lines[below]), _is_item(lines[below])) == (indent, item)
    if lined_up and not VALUE_START.match(lines[above]).group("name"):  # the lines under it line up
        text = re.sub(r"\s+#.*", "", lines[above].strip())
        return (
            above + 1,
            f"'{text}' has no ':' after it, so YAML reads the lines indented under it as more of its text",
            f"write it as '{text}:', with a ':' at the end, so that the lines below it are under it",
        )
    if not item:
        return None
    if _is_item(lines[above]):
        return _item_out_of_line(lines, above, index)
    return _out_of_its_list(lines, index, _own_column(lines, index))


def _first_item_moved(lines: list[str], item: int, index: int) -> tuple[int, str, str] | None:
    """When the list item at `item`, the first of its list, moved right and YAML stops at the line
    after it (`index`): (line, problem, what to write) naming `item`, with the column its own
    'name:' lines, or the items around it (_odd_item), give its '-'. Else None."""
    if not _is_item(lines[item]):
        return None
    column = _own_column(lines, item)
    if column is None and _is_item(lines[index]) and _odd_item(lines, item, index) == item:
        column = _indent(lines[index])
    return _out_of_its_list(lines, item, column)


def _own_column(lines: list[str], index: int) -> int | None:
    """Where the '-' of the list item at `index` belongs by its own 'name:' lines: two spaces left
    of the line after it, when that is a 'name:' line left of the item's own name (so YAML cannot
    read it as the item's); None otherwise."""
    after = _nearest(lines, index, 1)
    if after is None or _is_item(lines[after]) or not VALUE_START.match(lines[after]).group("name"):
        return None
    if not VALUE_START.match(lines[index]).group("name"):
        return None
    return _indent(lines[after]) - 2 if 2 <= _indent(lines[after]) < _indent(lines[index]) + 2 else None


def _out_of_its_list(lines: list[str], index: int, column: int | None) -> tuple[int, str, str] | None:
    """`_out_of_line` for the item at `index` when another item of a list has its '-' at `column`
    (its own column aside); else None."""
    if column is None or column == _indent(lines[index]):
        return None
    if _item_at(lines, index, -1, column) is None and _item_at(lines, index, 1, column) is None:
        return None
    return _out_of_line(lines, index, column)


def _out_of_line(lines: list[str], index: int, column: int) -> tuple[int, str, str]:
    """(line, problem, what to write) for the list item at `index`, whose list has its '-' at
    `column`, naming the nearest other items of that list."""
    near = [n + 1 for n in (_item_at(lines, index, step, column) for step in (-1, 1)) if n is not None]
    which = f"lines {near[0]} and {near[1]}" if len(near) == 2 else f"line {near[0]}"
    where = f"{_spaces(column)} from the left edge" if column else "at the left edge"
    return (
        index + 1,
        f"this list item is indented {_spaces(_indent(lines[index]))}, out of line with the other items "
        f"of its list on {which}",
        f"start its '-' {where}, like the other items of its list",
    )


def _item_at(lines: list[str], index: int, step: int, column: int) -> int | None:
    """The nearest list item from `index` in direction `step` (-1 up, 1 down) with its '-' at
    `column` and only lines indented further between (an item of the same list); else None."""
    n = _nearest(lines, index, step, lambda line: _indent(line) <= column)
    return n if n is not None and _indent(lines[n]) == column and _is_item(lines[n]) else None


def _nearest(lines: list[str], index: int, step: int, fits=lambda line: True) -> int | None:
    """The nearest line from `index` in direction `step` (-1 up, 1 down) that holds YAML (is not
    blank or a comment) and `fits`; None."""
    n = index + step
    while 0 <= n < len(lines):
        if lines[n].strip() and not lines[n].lstrip().startswith("#") and fits(lines[n]):
            return n
        n += step
    return None


def _is_item(line: str) -> bool:
    """Whether `line` is a list item: '- ' (or a bare '-') after its indent."""
    return line.lstrip().startswith("- ") or line.strip() == "-"


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _carried_on(lines: list[str], index: int) -> tuple[str, int] | None:
    """(name, line) of the 'name: text' line whose text the line at `index` carries on (it is
    indented further than that name, as are any lines between), or None."""
    indent = _indent(lines[index])
    for number in range(index - 1, -1, -1):
        above = lines[number]
        if not above.strip() or _indent(above) >= indent:
            continue
        found = VALUE_START.match(above)
        if found.group("name") and above[found.end() :].strip():
            return found.group("name"), number + 1
        return None
    return None


def _line_up(text: str, mark: yaml.Mark, open_only: bool = False) -> str:
    """Advice to line up the line at `mark` with the block it belongs to: for a list item, the
    '-' of the list; for a 'name: value' line, the nearest name of the mapping. The block is the
    one that line ended (a line indented less than the lines above), else the innermost open."""
    dash = text.split("\n")[mark.line].lstrip().startswith("-")
    loader = yaml.SafeLoader(text)
    blocks: list = []  # the open blocks: [is a list, event to line up with, children so far]
    ended = None
    try:
        while loader.check_event():
            event = loader.get_event()
            if blocks and isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
                parent = blocks[-1]
                if not parent[0] and parent[2] % 2 == 0 and isinstance(event, yaml.ScalarEvent):
                    parent[1] = event  # a name of the mapping (its keys come at even places)
                parent[2] += 1
            if isinstance(event, yaml.CollectionStartEvent):
                is_list = isinstance(event, yaml.SequenceStartEvent)
                blocks.append([is_list, event if is_list and not event.flow_style else None, 0])
            elif isinstance(event, yaml.CollectionEndEvent):
                block = blocks.pop()
                if event.start_mark.line == mark.line and block[0] == dash and block[1]:
                    ended = block
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    found = [] if open_only else [ended]
    found += [b for b in reversed(blocks) if b[0] == dash and b[1]]
    block = next((b for b in found if b), None)
    if block is None:
        return "line it up with the lines above it, using spaces"
    at = block[1].start_mark
    where = f"{at.column} spaces from the left edge" if at.column else "at the left edge"
    if dash:
        return f"start its '-' {where}, under the '-' on line {at.line + 1}"
    return f"start it {where}, lined up with '{block[1].value}:' on line {at.line + 1}"


YAML_ADVICE = "check the indentation (spaces, never tabs) and put text that contains ': ' in quotes"


def relative_display(path: str | Path, root: str | Path) -> str:
    """`path` relative to the project root, with forward slashes, for messages."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def lines_outside_code(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) for each line of `markdown` outside fenced code blocks (the fences
    themselves left out too), so a check of what a trainer wrote skips their code examples."""
    return ((number, line) for number, line, code in lines_with_code(markdown) if not code)


def lines_with_code(markdown: str, start: int = 1) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, whether it is code) for each line of `markdown`, numbered from
    `start`: a line is code when it is a ``` or ~~~ fence or inside a fenced block."""
    fence = None
    for number, line in enumerate(markdown.split("\n"), start=start):
        stripped = line.lstrip()
        match = FENCE.match(stripped)
        if match and (fence is None or stripped.startswith(fence)):
            fence = None if fence else match.group(0)
            yield number, line, True
            continue
        yield number, line, fence is not None


FENCE = re.compile(r"^(`{3,}|~{3,})")


def read_html(fragment: str) -> HtmlPieces:
    """The start tags of an HTML fragment (with their attributes, in order) and its comments and
    other `<!...>`/`<?...>` markup, as Python's html.parser reads them."""
    pieces = HtmlPieces()
    pieces.feed(fragment)
    pieces.close()
    return pieces


class HtmlPieces(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.comments: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.comments.append(("<!--", data))

    def handle_decl(self, decl):
        self.comments.append(("<!", decl))

    def unknown_decl(self, data):
        self.comments.append(("<![", data))

    def handle_pi(self, data):
        self.comments.append(("<?", data))


def html_text(fragment: str) -> str:
    """The words of an HTML fragment as Python's html.parser reads it: each piece of text between
    tags, stripped, joined by single spaces (so a tag parts two words), entities decoded, and a
    `<` that starts no tag kept as text. The content check reads a line's words with it, and the
    trainer notes a note's title."""
    pieces = _TextPieces()
    pieces.feed(fragment)
    pieces.close()
    return " ".join(pieces.text)


class _TextPieces(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())
