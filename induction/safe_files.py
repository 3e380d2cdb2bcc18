"""Safe files: the files under docs/ that MkDocs publishes as they are (pictures, style sheets)
cannot run script in a reader's browser or make it fetch anything from another website.

Why they need checks of their own: MkDocs copies every file under docs/ that is not a Markdown
page into the site unchanged, and a reader may open one directly, where no page's security
policy holds. A picture is only a file to a trainer, but an SVG picture can hold script. So the
build stops, with the file, the line and what to do instead, when:

- a file under docs/ is a symbolic link, or is reached through one (MkDocs follows links and
  would publish whatever they point at), or lies outside the project;
- it is an HTML or XML file, or a script outside docs/javascripts/ (the site's own scripts);
- an SVG picture, read with lxml (entities not expanded, no network), holds anything but
  drawing: script, an `on...=` attribute, HTML, or an address outside the picture (#name) and
  the site;
- a style sheet, or the styles in a picture, read with tinycss2 (escapes and comments as a
  browser reads them), load anything (`url(...)`, `@import`) but files of the site.

Pages themselves are checked by hooks/safe_html.py.
"""

from __future__ import annotations

from pathlib import Path

import tinycss2
from lxml import etree as lxml_etree

from induction.addresses import SCHEME, as_browser_reads, short
from induction.common import read_source


def link_problem(path: Path, docs: Path, root: Path):
    """(path, None, problem, expected) for DataError when `path`, a file MkDocs found under
    `docs`, is a symbolic link or is reached through a linked folder; None when it is safe."""
    try:
        parts = path.relative_to(docs).parts
    except ValueError:
        return None  # not a page file (made by a plugin)
    for depth in range(1, len(parts) + 1):
        part = docs.joinpath(*parts[:depth])
        if part.is_symlink():
            kind = "file" if depth == len(parts) else "folder"
            return (
                "docs/" + "/".join(parts[:depth]),
                None,
                f"this {kind} is a link to {_link_target(part, root)}",
                f"copy the {kind} into docs/ instead",
            )
    if not _inside(path.resolve(), root.resolve()):
        return (
            "docs/" + "/".join(parts),
            None,
            "this file is outside the project",
            "make docs/ a real folder in the project, not a link",
        )
    return None


def file_problem(src_uri: str, path: Path):
    """(path, line, problem, expected) for DataError when a file under docs/ that MkDocs copies
    as it is (not a Markdown page) could run script or fetch from another website; None when it
    is safe. `src_uri` is its path under docs/, with forward slashes."""
    display = f"docs/{src_uri}"
    suffix = Path(src_uri).suffix.lower()
    if suffix in (".js", ".mjs") and not (suffix == ".js" and src_uri.startswith("javascripts/")):
        return (display, None, "a script file would run in a reader's browser", _SCRIPT_FILE_HINT)
    if suffix in REFUSED_FILES:
        return (display, None, *REFUSED_FILES[suffix])
    if suffix == ".svg":
        found = svg_problems(path.read_bytes())
    elif suffix == ".css":
        found = css_problems(read_source(path, display), "the style sheet")
    else:
        return None
    return (display, *found[0]) if found else None


def read_svg(data: bytes):
    """The SVG picture `data` as lxml's root element, read with entities left unexpanded, no DTD
    and no network, comments dropped; lxml's XMLSyntaxError when it is not well-formed XML."""
    parser = lxml_etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True
    )
    return lxml_etree.fromstring(data, parser)


def svg_problems(data: bytes) -> list[tuple]:
    """What an SVG picture holds that could run script or fetch from another website, as
    (line, problem, expected), in the order of the file. The picture is read by lxml with
    entities left unexpanded and no network, and checked element by element: only drawing,
    and addresses within the picture (#name) or to files of this site (relative)."""
    try:
        tree = read_svg(data).getroottree()
    except lxml_etree.XMLSyntaxError as error:
        return [(error.lineno, f"the diagram is not a valid SVG file: {error.msg}", _SAVE_AGAIN)]
    found = []
    doctype = tree.docinfo.doctype
    if doctype and not lxml_etree.tostring(tree, encoding=str).startswith(doctype):  # <!DOCTYPE svg [...]>
        line = data[: data.find(b"<!DOCTYPE")].count(b"\n") + 1
        found.append(
            (
                line,
                "the diagram has declarations of its own in <!DOCTYPE ... [...]>",
                "remove the <!DOCTYPE ...> part: a picture needs none",
            )
        )
    root = tree.getroot()
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        found.append(
            (
                root.sourceline,
                f"the file is not an SVG picture: it starts with <{_local(root.tag)}>",
                _SAVE_AGAIN,
            )
        )
    for node in [*root.itersiblings(preceding=True), *root.iter(), *root.itersiblings()]:
        found += _svg_node_problems(node)
    return sorted(found, key=lambda problem: problem[0] or 0)


def _svg_node_problems(node) -> list[tuple]:
    line = node.sourceline
    if node.tag is lxml_etree.ProcessingInstruction:  # lxml's documented test, as for comments
        return [
            (
                line,
                f"the diagram has <?{node.target} ...?>",
                "remove it: styles go in a <style> element inside the picture",
            )
        ]
    if node.tag is lxml_etree.Entity:
        return [(line, f"the diagram uses the entity &{node.name};", "write the character itself instead")]
    if not isinstance(node.tag, str):
        return []
    name = _local(node.tag)
    if name.lower() in SVG_SCRIPT_ELEMENTS:
        return [(line, f"the diagram has {_a(name)} <{name}> element", _NO_SCRIPT_PICTURE)]
    if name.lower() in SVG_REFUSED_ELEMENTS or node.tag.startswith(f"{{{XHTML_NAMESPACE}}}"):
        return [(line, f"the diagram has {_a(name)} <{name}> element", _DRAWING_ONLY)]
    found = []
    for key, value in node.attrib.items():
        attribute = _local(key)
        if attribute.lower().startswith("on"):
            found.append((line, f"the diagram has an {attribute}= attribute", _NO_SCRIPT_PICTURE))
        elif attribute in ("href", "src") or key == XML_BASE:
            problem = _svg_address_problem(value, link=name == "a" and attribute == "href")
            if problem:
                found.append((line, *problem))
        elif name in SVG_ANIMATIONS and attribute == "attributeName" and _changes_address(value):
            found.append(
                (
                    line,
                    f"the diagram has {_a(name)} <{name}> that changes {value}=",
                    "remove it: a picture may not change its links or addresses as it plays",
                )
            )
        elif "(" in value:  # fill="url(#gradient)", style="..."
            found += [(line, *problem) for _, *problem in css_problems(value, "the diagram")]
    if name == "style":
        found += [
            (line + relative - 1, *problem)
            for relative, *problem in css_problems("".join(node.itertext()), "the diagram")
        ]
    return found


def _svg_address_problem(value: str, link: bool):
    if _is_local(value):
        return None
    if link and _is_web(value):
        return (
            f"the diagram links to {short(value)}",
            "put the link in the page, under the picture: a picture may only link within this site",
        )
    return _address_problem("the diagram", value)


def css_problems(css: str, what: str) -> list[tuple]:
    """Every address in the style sheet `css` that is not relative (a file of this site) or a
    `#name`: what `url(...)`, `@import` and the functions that load pictures (`image-set(...)`)
    ask the browser to fetch, as (line in `css`, problem, expected). The problem names `what`
    holds it ("the style sheet", "the diagram")."""
    return [
        (line, *_address_problem(what, address))
        for line, address in css_addresses(css)
        if not _is_local(address)
    ]


def css_addresses(css: str) -> list[tuple[int, str]]:
    """(line, address) for every address in `css` that the browser would fetch: each `url(...)`,
    and each string given to `@import` or inside a function that loads a file (`url("...")`,
    `image-set("...")`). tinycss2 reads the CSS as a browser does: comments skipped, names and
    strings read with their escapes (`\\75 rl(` is `url(`), so nothing hides. It is read as a
    list of tokens and blocks, not as a style sheet, so that the same walk reads a picture's
    `style="..."` and `fill="url(...)"` attributes, which hold no rules."""
    return list(_addresses_in(tinycss2.parse_component_value_list(css, skip_comments=True)))


def _addresses_in(tokens: list, loading: bool = False):
    """The (line, address) pairs in `tokens`, and in the blocks and functions in them; `loading`
    when they are inside a function that loads a file."""
    after_import = False
    # The value of a custom property (`--x: "..."`) may be handed to a function that loads a file
    # elsewhere (`image-set(var(--x) 1x)`): its strings count as addresses too.
    name = custom = False
    for token in tokens:
        if token.type == "whitespace":
            continue
        if token.type == "url" or (token.type == "string" and (loading or after_import)):
            yield token.source_line, token.value
        elif token.type == "string" and custom and _could_load(token.value):  # not words: "Note: ..."
            yield token.source_line, token.value
        elif token.type == "function":
            loads = loading or custom or token.lower_name in CSS_LOADING_FUNCTIONS
            yield from _addresses_in(token.arguments, loads)
        elif token.type in ("() block", "[] block", "{} block"):
            yield from _addresses_in(token.content, loading or custom)
        after_import = token.type == "at-keyword" and token.lower_value == "import"
        if token.type == "literal" and token.value in ";{}":
            custom = False
        custom = custom or (name and token.type == "literal" and token.value == ":")
        # a custom property, or the value @property gives one before the page sets it
        name = token.type == "ident" and (
            token.value.startswith("--") or token.lower_value == "initial-value"
        )


def _address_problem(what: str, value: str) -> tuple:
    if _is_web(value):
        return (
            f"{what} loads {short(value)} from another website",
            "draw it into the picture or copy it into docs/images/"
            if what == "the diagram"
            else "copy the file into docs/ and give its address from this file, such as ../images/x.svg",
        )
    return (
        f"{what} uses the address {short(value)}",
        "a picture or style sheet may only point to its own parts (#name) or to files of this site, "
        "such as ../images/x.svg",
    )


def _is_local(value: str) -> bool:
    """True for `#name` and a relative address (a file of this site), as a browser reads it."""
    url = as_browser_reads(value)
    return not SCHEME.match(url) and not url.startswith("//")


def _could_load(value: str) -> bool:
    """Whether a string a browser may be handed as an address would load something: from another
    website, or a scheme that loads from elsewhere or runs (data:, javascript:, ...)."""
    return _is_web(value) or as_browser_reads(value).lower().startswith(LOADING_SCHEMES)


def _is_web(value: str) -> bool:
    return as_browser_reads(value).lower().startswith(("http:", "https:", "//"))


def _changes_address(attribute: str) -> bool:
    name = attribute.strip().rpartition(":")[2].lower()
    return name in ("href", "src", "base") or name.startswith("on")


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _link_target(path: Path, root: Path) -> str:
    target = path.resolve()
    return target.relative_to(root.resolve()).as_posix() if _inside(target, root.resolve()) else str(target)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


# --- Messages and constants -------------------------------------------------------------------

_AS_PAGE = (
    "an HTML file would be published as it is, without the checks a page gets",
    "write the page in Markdown, as a .md file",
)
_XML = (
    "an XML file would be published as it is, and a browser can run script in it",
    "remove it, or put what it says into a Markdown page (.md)",
)
REFUSED_FILES = {
    **dict.fromkeys((".html", ".htm", ".xhtml", ".xht", ".shtml"), _AS_PAGE),
    **dict.fromkeys((".xml", ".xsl", ".xslt"), _XML),
    ".svgz": ("a compressed SVG picture cannot be checked", "save the picture as a plain .svg file"),
}
_SCRIPT_FILE_HINT = "remove it: the site's own scripts are in docs/javascripts/, written by a developer"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
SVG_SCRIPT_ELEMENTS = {"script", "handler", "listener"}
SVG_REFUSED_ELEMENTS = {
    *("foreignobject", "iframe", "object", "embed", "audio", "video", "frame", "frameset", "applet"),
    *("base", "link", "meta", "portal", "fencedframe"),
}
SVG_ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform", "animateColor"}
# Functions whose strings are addresses the browser fetches (`url("...")`, `image-set("...")`).
CSS_LOADING_FUNCTIONS = {
    *("url", "src", "image", "image-set", "-webkit-image-set"),
    *("cross-fade", "-webkit-cross-fade"),
}
LOADING_SCHEMES = ("data:", "javascript:", "vbscript:", "blob:", "file:", "ftp:", "ws:", "wss:")
_NO_SCRIPT_PICTURE = "remove it: a picture cannot run scripts"
_DRAWING_ONLY = "remove it: a picture may hold only shapes, lines, text and pictures from docs/images/"
_SAVE_AGAIN = "save the picture again from the drawing program as plain SVG"
