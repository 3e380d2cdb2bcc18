"""Helpers shared by the build hooks (the leading underscore keeps it out of `hooks:`).

Everything here is a pure function or a small value type, so the hooks stay thin and the tests
can call these directly.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta

# Trainer-only notes (`!!! trainer`, `??? trainer`): the admonition type is their class. Here, not
# in trainer_notes.py, so the glossary hook on its own does not import BeautifulSoup (a tenth of
# a second; this site's trainer_notes hook still imports it).
NOTE_CLASS = "trainer"


class DataError(PluginError):
    """A problem in a file a trainer edits, reported as `path:line: problem (expected)`."""

    def __init__(self, path: str | Path, line: int | None, problem: str, expected: str):
        self.path, self.line, self.problem, self.expected = str(path), line, problem, expected
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem} ({expected})")


def body_line_offset(raw: str) -> int:
    """How many lines the front matter (and the blank lines after it) take at the top of `raw`.

    MkDocs hands hooks the Markdown without its front matter, so a line number counted in that
    Markdown must have this added to name the line in the file the trainer opens.
    """
    body, _ = meta.get_data(raw)
    return raw[: len(raw) - len(body)].count("\n")


def read_source(path: str | Path) -> str:
    return Path(path).read_text(encoding="utf-8")


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
        key = value(key_node)
        if key in mapping:
            raise DataError(
                loader.name,
                key_node.start_mark.line + 1,
                f"the key '{key}' appears twice",
                "give each key once",
            )
        mapping[key] = value(value_node)
        mapping.lines[key] = value_node.start_mark.line + 1
    return mapping


_STR, _SEQ, _MAP = (
    yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
)


def _plain(loader, node: yaml.Node, open_nodes: set):
    """The value of a YAML node: text, lists and mappings (LineDicts) made here, which costs
    half of what the loader's general machinery does on the glossary's 500 terms; any other
    value (numbers, true/false, dates, null) is made by the loader itself."""
    kind = type(node)
    if kind is yaml.ScalarNode and node.tag == _STR:
        return node.value
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
    display = display or str(path)
    text = read_source(path)
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str):
    fast = _FastLineLoader(text)
    fast.name = display
    try:
        node = fast.get_single_node()
        return None if node is None else _plain(fast, node, set())
    except yaml.MarkedYAMLError:
        pass  # libyaml words its errors differently: read it again below for the shared message
    finally:
        fast.dispose()
    loader = _LineLoader(text)
    loader.name = display
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(
            display,
            line,
            f"this is not valid YAML: {exc.problem}",
            "check the indentation and that text containing ': ' is in quotes",
        ) from None
    finally:
        loader.dispose()


def relative_display(path: str | Path, root: str | Path) -> str:
    """`path` relative to the project root, with forward slashes, for messages."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)
