"""A page's front matter (the YAML between `---` lines at its top), read as MkDocs reads it.

Kept apart from induction.common because it uses MkDocs' own reader (mkdocs.utils.meta): the
glossary's Markdown extension imports induction.common and must work where MkDocs is not
installed (a host that runs Python-Markdown extensions only).
"""

from __future__ import annotations

import yaml
from mkdocs.utils import meta

from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "induction/front_matter.py's use of mkdocs.utils.meta (get_data and YAML_RE, to read front "
    "matter as MkDocs does)",
)


def split_front_matter(raw: str) -> tuple[dict, str, int]:
    """(front matter, body, offset) of a page's text: line n of the body is line n + offset of
    the file. MkDocs hands hooks the Markdown without its front matter, so a line number counted
    in that Markdown must have the offset added to name the line in the file the trainer opens.
    """
    raw = raw.removeprefix(BOM)  # MkDocs reads pages as utf-8-sig, dropping it
    body, front = meta.get_data(raw)
    return front, body, raw[: len(raw) - len(body)].count("\n")


def body_line_offset(raw: str) -> int:
    """How many lines the front matter (and the blank lines after it) take at the top of `raw`."""
    return split_front_matter(raw)[2]


def front_matter_text(raw: str) -> str | None:
    """The YAML between the `---` lines at the top of a page's text, or None when it has none."""
    match = meta.YAML_RE.match(raw.removeprefix(BOM))
    return match.group(1) if match else None


def front_matter_line(raw: str, *path) -> int:
    """The line in the page file of the front matter value at `path` (keys and list indexes),
    from the YAML parser's marks (the key's line when the value is a list, a mapping or empty); 1,
    the opening `---`, when it cannot be found."""
    mark = _front_matter_nodes(raw, path)[0]
    return mark.start_mark.line + 2 if mark is not None else 1  # + the opening `---` line


def front_matter_written(raw: str, *path) -> str | None:
    """The front matter value at `path` exactly as the trainer typed it, quotes and all
    (`"false"`, `high`), or None when it is not a single value on the page."""
    node = _front_matter_nodes(raw, path)[1]
    if not isinstance(node, yaml.ScalarNode) or node.start_mark.buffer is None:
        return None
    return node.start_mark.buffer[node.start_mark.index : node.end_mark.index]


def _front_matter_nodes(raw: str, path: tuple) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(the node whose line names the value at `path`, the value's own node); (None, None) when
    the front matter cannot be read or holds no such value."""
    text = front_matter_text(raw)
    if text is None:
        return None, None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None, None
    mark = None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            key, node = next(((k, v) for k, v in node.value if k.value == str(step)), (None, None))
            mark = node if isinstance(node, yaml.ScalarNode) and node.value else key
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = mark = node.value[step]
        else:
            node = None
        if node is None:
            return None, None
    return mark, node


BOM = "\ufeff"  # a byte-order mark, which Windows Notepad may save at the start of a file
