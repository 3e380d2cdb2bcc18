"""Safe pages: nothing typed into a page can run as script in a reader's browser, or make the
reader's browser fetch anything from another website.

A page may hold a little raw HTML (the My progress page's name box and buttons, a `<div
markdown>` around a certificate, `<!-- quiz -->` lines). Everything else stops the build with
the file, the line and what to write instead; nothing is ever quietly removed, so the trainer
knows. The checks:

- Every piece of raw HTML the trainer typed is given to nh3 (the Ammonia sanitiser) with the
  allowlist `TYPED`. nh3 is the judge: if its clean copy has other tags or attributes than the
  original, the page fails. nh3 does not say what it removed, so `explain` walks the original
  with the same allowlist to name the tag or attribute for the message.
- Then every tag Markdown made from the page goes to nh3 with `PAGE` (the same, plus what the
  Markdown extensions write themselves: aligned table columns, content tabs). That catches what
  Python-Markdown lets through in Markdown syntax: `[x](javascript:...)`,
  `![x](https://elsewhere/a.png)`, `{ onclick="..." }` attributes.
- Addresses, in both: a link may go to http(s), mailto: or tel: addresses or within the site; a
  picture or any other file the browser loads by itself must come from the site (a relative
  address). nh3 checks the schemes; `url_problem`, which nh3 calls on every address it keeps,
  refuses the rest.
- A file under docs/ that is a symbolic link, or is reached through one, fails (MkDocs follows
  links and would publish whatever they point at).
- The other files under docs/ are published as they are, and a reader may open one directly,
  where no page's security policy holds, so each is checked by `file_problem`: HTML and XML
  files and scripts fail (except the site's own scripts in docs/javascripts/); every SVG picture
  is read with lxml (entities not expanded, no network) and may hold only drawing, with no
  script, no `on...=` attribute and no address outside the picture and the site; every style
  sheet is read by a small CSS tokeniser, and `url(...)` or `@import` may only name files of
  the site.

Why a second Markdown conversion, at the very start of `on_page_markdown`: the HTML to judge is
what the trainer wrote, and only that. The other hooks and plugins add HTML of their own to the
same Markdown afterwards (the self-check, whose plugin writes inline script; the learning path;
glossary links), so a check inside MkDocs' own conversion could not tell the trainer's HTML from
theirs. Converting the trainer's Markdown alone with the site's own extensions finds raw HTML
exactly as Python-Markdown does (the pieces it stashes in `md.htmlStash`, never `<` inside
code, which is shown, not run); a `<div markdown>` element that md_in_html makes is in the
finished tree, which meets `PAGE`. It costs about 20 ms a page on the 2-core build machine
(0.6 s for the site's 33 pages, measured under load), three quarters of it the conversion itself.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3
from lxml import etree as lxml_etree
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pymdownx.snippets import SnippetMissingError

from _common import DataError, body_line_offset, read_source


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    docs, root = Path(config.docs_dir), Path(config.config_file_path).parent
    for file in files:
        if file.abs_src_path:
            path = Path(file.abs_src_path)
            problem = link_problem(path, docs, root)
            if not problem and path.is_relative_to(docs) and not file.is_documentation_page():
                problem = file_problem(file.src_uri, path)
            if problem:
                raise DataError(*problem)
    return files


@event_priority(100)  # first: the trainer's own Markdown, before any hook or plugin adds HTML
def on_page_markdown(markdown_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = check_markdown(markdown_text, config.markdown_extensions, config.mdx_configs)
    if problems:
        src = page.file.abs_src_path
        offset = body_line_offset(read_source(src)) if src else 0
        line, problem, expected = problems[0]
        raise DataError(f"docs/{page.file.src_uri}", line + offset if line else None, problem, expected)
    return markdown_text


# --- Files ----------------------------------------------------------------------------------


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


def svg_problems(data: bytes) -> list[tuple]:
    """What an SVG picture holds that could run script or fetch from another website, as
    (line, problem, expected), in the order of the file. The picture is read by lxml with
    entities left unexpanded and no network, and checked element by element: only drawing,
    and addresses within the picture (#name) or to files of this site (relative)."""
    parser = lxml_etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True
    )
    try:
        tree = lxml_etree.fromstring(data, parser).getroottree()
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
    if isinstance(node, lxml_etree._ProcessingInstruction):
        return [
            (
                line,
                f"the diagram has <?{node.target} ...?>",
                "remove it: styles go in a <style> element inside the picture",
            )
        ]
    if isinstance(node, lxml_etree._Entity):
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
            f"the diagram links to {_short(value)}",
            "put the link in the page, under the picture: a picture may only link within this site",
        )
    return _address_problem("the diagram", value)


def css_problems(css: str, what: str) -> list[tuple]:
    """Every address in the style sheet `css` that is not relative (a file of this site) or a
    `#name`: what `url(...)`, `@import` and the
    functions that load pictures (`image-set(...)`) ask the browser to fetch, as (line in `css`,
    problem, expected). The problem names
    `what` holds it ("the style sheet", "the diagram")."""
    return [
        (css.count("\n", 0, at) + 1, *_address_problem(what, address))
        for at, address in css_addresses(css)
        if not _is_local(address)
    ]


def css_addresses(css: str) -> list[tuple[int, str]]:
    """(offset, address) for every address in `css` that the browser would fetch: each `url(...)`,
    and each string given to `@import` or inside a function that loads a file (`url("...")`,
    `image-set("...")`). A small tokeniser after CSS Syntax Level 3: comments are skipped,
    strings and names read with their escapes (`\\75 rl(` is `url(`), so nothing hides."""
    found, functions, at_import = [], [], False
    at, size = 0, len(css)
    while at < size:
        char = css[at]
        if css.startswith("/*", at):
            end = css.find("*/", at + 2)
            at = size if end < 0 else end + 2
        elif char in "\"'":
            start = at
            value, at = _css_string(css, at + 1, char)
            if at_import or any(name in CSS_LOADING_FUNCTIONS for name in functions):
                found.append((start, value))
            at_import = False
        elif char == "@" or _css_name_start(css, at):
            start = at
            name, at = _css_name(css, at + 1 if char == "@" else at)
            name = name.lower()
            if char == "@":
                at_import = name == "import"
            elif at < size and css[at] == "(":
                after = at + 1
                while after < size and css[after] in _CSS_SPACE:
                    after += 1
                if name == "url" and after < size and css[after] not in "\"'":
                    value, at = _css_unquoted_url(css, after)
                    found.append((start, value))
                    at_import = False
                else:
                    functions.append(name)
                    at += 1
        else:
            if char == "(":
                functions.append("")
            elif char == ")" and functions:
                functions.pop()
            elif char in ";{}":
                at_import, functions = False, []
            at += 1
    return found


def _css_string(css: str, at: int, quote: str) -> tuple[str, int]:
    value = []
    while at < len(css) and css[at] != quote:
        if css[at] == "\n":  # a bad string: CSS ends it here
            return "".join(value), at
        if css[at] == "\\":
            if css.startswith("\n", at + 1):
                at += 2
                continue
            char, at = _css_escape(css, at + 1)
            value.append(char)
        else:
            value.append(css[at])
            at += 1
    return "".join(value), at + 1


def _css_unquoted_url(css: str, at: int) -> tuple[str, int]:
    value = []
    while at < len(css) and css[at] != ")":
        if css[at] == "\\":
            char, at = _css_escape(css, at + 1)
            value.append(char)
        else:
            value.append(css[at])
            at += 1
    return "".join(value).strip(_CSS_SPACE), at + 1


def _css_name(css: str, at: int) -> tuple[str, int]:
    name = []
    while at < len(css):
        char = css[at]
        if char == "\\" and not css.startswith("\\\n", at):
            char, at = _css_escape(css, at + 1)
            name.append(char)
        elif char.isalnum() or char in "-_" or ord(char) > 0x7F:
            name.append(char)
            at += 1
        else:
            break
    return "".join(name), at


def _css_name_start(css: str, at: int) -> bool:
    char = css[at]
    return (
        char.isalpha()
        or char in "-_"
        or ord(char) > 0x7F
        or css.startswith("\\", at)
        and not css.startswith("\\\n", at)
    )


def _css_escape(css: str, at: int) -> tuple[str, int]:
    """The character a CSS escape stands for (`at` is just after the backslash), and where the
    text goes on: up to six hex digits and one space after them, or any one other character."""
    digits = re.match(r"[0-9a-fA-F]{1,6}", css[at : at + 6])
    if not digits:
        return css[at : at + 1], at + 1
    at += len(digits.group())
    if css[at : at + 1] in _CSS_SPACE and at < len(css):
        at += 1
    code = int(digits.group(), 16)
    return (chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"), at


def _address_problem(what: str, value: str) -> tuple:
    if _is_web(value):
        return (
            f"{what} loads {_short(value)} from another website",
            "draw it into the picture or copy it into docs/images/"
            if what == "the diagram"
            else "copy the file into docs/ and give its address from this file, such as ../images/x.svg",
        )
    return (
        f"{what} uses the address {_short(value)}",
        "a picture or style sheet may only point to its own parts (#name) or to files of this site, "
        "such as ../images/x.svg",
    )


def _is_local(value: str) -> bool:
    """True for `#name` and a relative address (a file of this site), as a browser reads it."""
    url = _as_browser_reads(value)
    return not _SCHEME.match(url) and not url.startswith("//")


def _is_web(value: str) -> bool:
    return _as_browser_reads(value).lower().startswith(("http:", "https:", "//"))


def _as_browser_reads(value: str) -> str:
    """An address as a browser's URL parser takes it: tabs and newlines dropped, control
    characters and spaces around it stripped, a backslash read as a slash."""
    return _TAB_OR_NEWLINE.sub("", value).strip(_C0_OR_SPACE).replace("\\", "/")


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


# --- Pages ----------------------------------------------------------------------------------


def check_markdown(text: str, extensions, extension_configs) -> list[tuple]:
    """Every problem in a page's Markdown (without front matter), as (line in `text` or None,
    problem, expected), in the order of the page."""
    recorder = _Recorder()
    md = markdown.Markdown(extensions=[*extensions, recorder], extension_configs=extension_configs)
    try:
        md.convert(text)
    except SnippetMissingError as error:
        return [snippet_problem(text, str(error))]
    # `htmlStash.rawHtmlBlocks` (and `AMP_SUBSTITUTE` below) are not Python-Markdown's documented
    # interface. Pinned at Markdown 3.11.3; test_markdown_internals_are_as_pinned fails when the
    # version moves: then re-check that typed raw HTML still lands in rawHtmlBlocks as strings,
    # and that the serializer still writes `&` in attributes as AMP_SUBSTITUTE.
    pieces = [piece for piece in md.htmlStash.rawHtmlBlocks if isinstance(piece, str)]
    problems = [
        (find_line(text, needle, piece), problem, expected)
        for piece in pieces
        for needle, problem, expected in html_problems(piece, TYPED)
    ]
    if not problems:  # then what Markdown made: [links](...), ![pictures](...), { attributes }
        problems = [
            (find_line(text, needle), *found) for needle, *found in html_problems(recorder.tree, PAGE)
        ]
    return sorted(problems, key=lambda p: (p[0] is None, p[0] or 0))


def snippet_problem(text: str, message: str) -> tuple:
    """(line in `text` or None, problem, expected) for a `--8<--` snippet that pymdownx could not
    find. Its error carries only a message, so the name is read from the quotes in it; the line
    is the first `--8<--` line naming it (or, in a block of snippets, the first line naming it)."""
    quoted = _QUOTED.search(message)
    name = quoted.group(1) if quoted else ""
    if message.startswith("Snippet section"):
        needle = f":{name}"
        problem = f"the snippet section '{name}' does not exist"
        expected = (
            f"check the name after the ':' in the --8<-- line; the file must mark the section with "
            f"--8<-- [start:{name}] and --8<-- [end:{name}]"
        )
    else:
        needle = name
        problem = f"the snippet '{name}' does not exist"
        expected = (
            "check the file name after --8<--: snippets are read from the project folder, "
            "for example docs/trainers/examples/quiz.yml"
        )
    lines = text.split("\n")
    found = [n for n, line in enumerate(lines, 1) if needle and needle in line and "--8<--" in line] or [
        n for n, line in enumerate(lines, 1) if needle and needle in line
    ]
    return (found[0] if found else None, problem, expected)


def html_problems(fragment: str, allowlist: Allowlist) -> list[tuple]:
    """What `allowlist` does not allow in `fragment`, as (text to find it by, problem, expected).

    nh3 decides: the fragment is allowed when nh3's clean copy keeps every tag and attribute.
    Then a walk with the same allowlist names what nh3 took out, for the message.
    """
    if _tags(fragment) == _tags(allowlist.cleaner.clean(fragment)):
        return []
    piece = fragment.strip()
    hint = COMMENT_HINT if piece.startswith(("<!", "<?")) else ALLOWED_HINT
    return explain(fragment, allowlist) or [
        (piece, f"this HTML is not allowed in a page: {_short(piece)}", hint)
    ]


def explain(fragment: str, allowlist: Allowlist) -> list[tuple]:
    found = []
    for tag, attrs in _start_tags(fragment):
        if tag not in allowlist.tags:
            found.append(
                (f"<{tag}", f"the tag <{tag}> is not allowed in a page", TAG_HINTS.get(tag, ALLOWED_HINT))
            )
            continue
        for name, value in attrs:
            problem = _attribute_problem(tag, name, value or "", allowlist)
            if problem:
                found.append(problem)
    return found


def url_problem(tag: str, name: str, value: str):
    """(problem, expected) when an address in a page is not allowed, else None.

    A link may use http(s), mailto: or tel:, or be relative; a file the browser loads by itself
    (an image's src, a video's poster, ...) must be relative: from this site."""
    url = _as_browser_reads(value)
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in URL_SCHEMES:
        return (
            f"the address {_short(value)} starts with {scheme.group(1).lower()}:, which a page may not use",
            "link to a web page (https://...), an email address (mailto:...), a phone number (tel:...) "
            "or another page of this site",
        )
    if name in RESOURCE_ATTRIBUTES and (scheme or url.startswith("//")):
        if tag == "img" or name == "srcset":
            return (
                f"the picture {_short(value)} is loaded from another website",
                "copy the picture into docs/images/ and show it with ![what it shows](../images/picture.svg)",
            )
        return (
            f"<{tag} {name}={_short(value)}> loads a file from another website",
            "link to it instead: [Watch the video](https://...)",
        )
    return None


def find_line(text: str, needle: str, piece: str = "") -> int | None:
    """The line of `text` where `needle` is, looked for first inside `piece` (the raw HTML it
    came from) when that can be found. An address written with character references
    (`java&#115;cript:x`, `/&Tab;/host`) is found by what follows its scheme, or in the line
    read as a browser reads it, or by its longest word (the host name: a Markdown escape such
    as `/\\host` is read before the address reaches the checks). Then the line of `piece`;
    None when nothing is found."""
    lowered = text.lower()
    start = lowered.find(piece.strip().lower()) if piece.strip() else -1
    at = lowered.find(needle.lower(), max(start, 0))
    after_scheme = needle.partition(":")[2]
    if at < 0 and len(after_scheme) > 3:
        at = lowered.find(after_scheme.lower(), max(start, 0))
    if at >= 0:
        return text.count("\n", 0, at) + 1
    first = text.count("\n", 0, start) if start >= 0 else 0
    lines = [html.unescape(line).lower() for line in text.split("\n")]
    words = sorted(_WORD_SEPARATORS.split(needle), key=len)
    for look in (needle, words[-1] if len(words[-1]) > 3 else ""):
        for number in range(first, len(lines)):
            if look and look.lower() in lines[number]:
                return number + 1
    return first + 1 if start >= 0 else None


def _tags(fragment: str) -> list[tuple]:
    """The start tags of `fragment` with their attributes, and its comments, to compare with
    nh3's copy. Sorted, because nh3's HTML parser moves misplaced tags (text in a table goes
    before it); without a bare <tbody>, which it adds to a table that has none. The comments
    count because Python's parser and a browser's end an odd comment in different places:
    `<!--><script>...` is all comment to one and a script to the other (and to nh3)."""
    walker = _walk(fragment)
    tags = [(tag, sorted((n, v or "") for n, v in attrs)) for tag, attrs in walker.tags]
    return sorted(tag for tag in tags if tag != ("tbody", [])) + sorted(walker.comments)


def _start_tags(fragment: str) -> list[tuple[str, list]]:
    return _walk(fragment).tags


def _walk(fragment: str) -> _Walker:
    walker = _Walker()
    walker.feed(fragment)
    walker.close()
    return walker


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _address_filter(tag: str, name: str, value: str):
    """nh3's attribute filter: drops an address url_problem refuses, such as a picture from
    another website (nh3's own check knows only the allowed schemes)."""
    return None if name in URL_ATTRIBUTES and url_problem(tag, name, value) else value


class _Walker(HTMLParser):
    """Every start tag of an HTML fragment, with its attributes, in order; and its comments and
    other `<!...>` and `<?...>` markup."""

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


def _attribute_problem(tag: str, name: str, value: str, allowlist: Allowlist):
    if name in allowlist.attributes.get(tag, set()) | allowlist.attributes["*"]:
        found = url_problem(tag, name, value) if name in URL_ATTRIBUTES else None
        return (value, *found) if found else None
    if any(name.startswith(prefix) for prefix in GENERIC_PREFIXES):
        return None
    allowed_values = allowlist.values.get(tag, {}).get(name)
    if allowed_values is not None and value in allowed_values:
        return None
    if name.startswith("on"):
        expected = _NO_SCRIPT
    elif name == "style":
        expected = "remove it: give the tag a class and style the class in docs/stylesheets/extra.css"
    elif allowed_values is not None:
        return (
            name,
            f'<{tag} {name}="{value}"> is not allowed in a page',
            f'write {name}="{min(allowed_values)}"',
        )
    else:
        expected = ALLOWED_HINT
    return (name, f"the attribute {name}= on <{tag}> is not allowed in a page", expected)


class _Recorder(Extension):
    """Records, while Python-Markdown converts a page, the tags of the finished element tree
    (`tree`: every tag Markdown made, with its attributes, without the text, which is quicker to
    check than the whole page). The `<div markdown>`-style elements md_in_html makes from typed
    HTML are in it too, so their attributes meet `PAGE` there."""

    def __init__(self):
        super().__init__()
        self.tree = ""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        # After every other tree processor.
        md.treeprocessors.register(_TreeSnapshot(md, self), "safe_html_tree", -100)


class _TreeSnapshot(Treeprocessor):
    def __init__(self, md, recorder: _Recorder):
        super().__init__(md)
        self.recorder = recorder

    def run(self, root):
        # Written by Python-Markdown's own serializer, which keeps a character reference as it is
        # (`java&#115;cript:`), so nh3 reads an address as the browser will (`javascript:`); with
        # its stand-in for `&` (in the addresses of <someone@council.example> links) put back,
        # as its last step does.
        skeleton = _skeleton(root)
        self.recorder.tree = self.md.serializer(skeleton).replace(AMP_SUBSTITUTE, "&")


def _skeleton(element: etree.Element) -> etree.Element:
    """A copy of `element` and the elements in it, with their attributes but without any text."""
    copy = etree.Element(element.tag, element.attrib)
    copy.extend(_skeleton(child) for child in element if isinstance(child.tag, str))
    return copy


# --- The allowlists -------------------------------------------------------------------------


class Allowlist:
    """Tags, attributes (by tag; "*" for any tag) and attributes allowed only with given values,
    and the nh3 cleaner made from them."""

    def __init__(self, tags: set, attributes: dict, values: dict):
        self.tags, self.attributes, self.values = tags, attributes, values
        self.cleaner = nh3.Cleaner(
            tags=tags,
            clean_content_tags={"script", "style"},
            attributes=attributes,
            tag_attribute_values=values,
            generic_attribute_prefixes=GENERIC_PREFIXES,
            url_schemes=URL_SCHEMES,
            attribute_filter=_address_filter,
            strip_comments=False,
            link_rel=None,
        )


GENERIC_PREFIXES = {"aria-", "data-"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "action", "formaction", "cite", "background"}
# Addresses the browser loads by itself, without the reader choosing to follow them.
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background"}

# Raw HTML a trainer may type: what the pages use today (the My progress page, <div markdown>,
# <!-- marker --> lines) and what Python-Markdown's extensions put in the stash themselves
# (highlighted code: div, pre, span, code).
TYPED = Allowlist(
    tags={
        *("a", "abbr", "b", "blockquote", "br", "button", "caption", "code", "dd", "del", "details"),
        *("div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr"),
        *("i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s"),
        *("small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "tr", "u", "ul"),
        # A hand-written <quiz> block gets hooks/quizzes.py's own message, which says what to do.
        "quiz",
    },
    attributes={
        "*": {"class", "id", "title", "role", "lang", "dir", "hidden"},
        "a": {"href"},
        "img": {"src", "alt", "width", "height", "loading"},
        "label": {"for"},
        "input": {"name", "autocomplete", "placeholder", "maxlength", "size"},
        "details": {"open"},
        "ol": {"start", "reversed"},
        "td": {"colspan", "rowspan"},
        "th": {"colspan", "rowspan", "scope"},
        **dict.fromkeys(("blockquote", "q", "del", "ins"), {"cite"}),
    },
    # The My progress page has a name box and buttons for its own script. A text box and a button
    # that only runs the site's script send nothing anywhere: there is no <form>.
    values={"button": {"type": {"button"}}, "input": {"type": {"text"}}},
)
# The whole page as Markdown makes it from the trainer's text (the typed HTML in it already
# checked): the same, plus what the site's Markdown extensions write themselves. Attributes
# written in Markdown as `{ name="value" }` (attr_list) meet this list.
_ALIGN = {f"text-align: {side};" for side in ("left", "center", "right")}  # tables' :--: columns
PAGE = Allowlist(
    tags=TYPED.tags,
    attributes={**TYPED.attributes, "input": TYPED.attributes["input"] | {"checked"}},  # content tabs
    values={
        **TYPED.values,
        "input": {"type": {"text", "radio"}},
        "th": {"style": _ALIGN},
        "td": {"style": _ALIGN},
    },
)

# --- Files under docs/ that MkDocs copies as they are --------------------------------------

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
_CSS_SPACE = " \t\n\r\f"
_NO_SCRIPT_PICTURE = "remove it: a picture cannot run scripts"
_DRAWING_ONLY = "remove it: a picture may hold only shapes, lines, text and pictures from docs/images/"
_SAVE_AGAIN = "save the picture again from the drawing program as plain SVG"

# --- Messages about pages ---------------------------------------------------------------------

ALLOWED_HINT = "use Markdown, or only the tags listed in the trainer guide under Edit and add pages"
_NO_SCRIPT = "remove it: a page cannot run scripts"
COMMENT_HINT = "write a comment as <!-- words -->, with no <, > or -- in the words"
_EMBED = "remove it and link to the video or page instead: [Watch the video](https://...)"
_NO_FORM = "remove it: a page cannot send anything anywhere; link to the form instead"
TAG_HINTS = {
    "script": _NO_SCRIPT,
    "noscript": _NO_SCRIPT,
    "style": "remove it: styles go in docs/stylesheets/extra.css",
    "link": "remove it: styles go in docs/stylesheets/extra.css",
    **dict.fromkeys(("iframe", "object", "embed", "video", "audio", "source", "track", "frame"), _EMBED),
    **dict.fromkeys(("form", "select", "textarea", "option", "fieldset", "output"), _NO_FORM),
}

_QUOTED = re.compile(r"'(.*)'")  # the name in pymdownx's message about a missing snippet
_WORD_SEPARATORS = re.compile(r"[^\w.\-]+")  # a host name is one word
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop tabs and newlines anywhere in an address (java\tscript:), and control
# characters and spaces around it.
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
