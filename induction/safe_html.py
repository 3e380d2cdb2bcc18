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

The files under docs/ that MkDocs copies as they are (pictures, style sheets) are checked by
hooks/safe_files.py.

Where: inside MkDocs' own conversion of each page, by the Markdown extension `SafeHtml` (a tree
processor after every other one), so each page is converted once. hooks/safe_html.py gives it
the page's Markdown as the trainer wrote it, before other hooks and plugins add to it. The
conversion finds raw HTML exactly as Python-Markdown does (the pieces it stashes in
`md.htmlStash`, never `<` inside code, which is shown, not run); a `<div markdown>` element
that md_in_html makes is in the finished tree, which meets `PAGE`. The conversion also holds
what the other hooks and plugins added (the self-check, the learning path, the Glossary page's
entries, glossary links, filled-in {{ facts }}) and the files the page includes with `--8<--`:
they meet the same rules. A problem's line is where the trainer's own Markdown has it (for a
file it includes, the `--8<--` line); one that is in neither still stops the build, with no line.

The same judge stops a line of attributes (`{ .class }`, `{ data-glossary-skip }`) that attaches
to nothing and would reach readers as typed (`stray_attributes`), and, before anything else, a
block tag (`<div>`) opened in raw HTML and never closed, which would publish the rest of the page
as typed, trainer notes included (`unclosed_blocks`).
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html.parser import HTMLParser

import nh3
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from pymdownx.snippets import SnippetMissingError

from induction.addresses import SCHEME, as_browser_reads, short
from induction.common import DataError, read_html
from induction.markdown_parts import PageCheck, bare_line, code_lines, included_texts
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/safe_html.py's reading of md.htmlStash.rawHtmlBlocks and markdown.util.AMP_SUBSTITUTE",
)
require(
    "pymdown-extensions",
    "==13.1",
    "induction/safe_html.py's reading of the snippet's name from the message of "
    "pymdownx.snippets.SnippetMissingError, and its wrapping of the run of the preprocessor "
    "pymdownx.snippets registers as 'snippet'",
)


# --- Pages ----------------------------------------------------------------------------------


def page_problems(
    text: str, pieces: list[str], tree: str, included: list[tuple[str, str]] | None = None
) -> list[tuple]:
    """The problems of a page whose Markdown is `text` (as the trainer wrote it), with the raw
    HTML `pieces` Python-Markdown stashed and the tags Markdown made (`tree`), sorted by line.

    Each problem's line is where it is in `text`; for one in a file the page includes with
    `--8<--` (`included`: (the --8<-- line, the text it brought in)), that --8<-- line. The
    conversion also holds what the site's hooks added to the page's Markdown (the self-check,
    the learning path, the Glossary page), which meet the same rules: a problem whose line cannot
    be found still counts, with no line (the review of December 2026 found pieces from an
    included file, and an address split over lines, let through for want of a line)."""

    def line_of(needle: str, piece: str = "") -> int | None:
        line = find_line(text, needle, piece)
        if line is None:
            for directive, block in included or []:
                if find_line(block, needle, piece) is not None:
                    return find_line(text, directive)
        return line

    problems = [
        (line_of(needle, piece), problem, expected)
        for piece in pieces
        for needle, problem, expected in html_problems(piece, TYPED)
    ]
    if not problems:  # then what Markdown made: [links](...), ![pictures](...), { attributes }
        problems = [(line_of(needle), *found) for needle, *found in html_problems(tree, PAGE)]
    return sorted(problems, key=lambda p: (p[0] is None, p[0] or 0))


def unclosed_blocks(text: str, pieces: list[str], is_block: Callable[[str], bool]) -> list[tuple]:
    """(line, problem, expected) for each block tag (`is_block`: <div>, <details>, <p>, ...) that
    opens a piece of raw HTML and is never closed. Python-Markdown's raw HTML block ends at the
    end tag of the tag that opened it (markdown.htmlparser.HTMLExtractor); without one it runs to
    the end of the page, and everything after the tag, headings, lists and trainer notes alike,
    is published as typed. Pieces of one line (a tag inside a paragraph, stashed alone) are
    left out. Its line is where the piece starts in `text` (see `_piece_line`)."""
    problems = []
    for piece in pieces:
        if "\n" not in piece.strip():
            continue
        reader = _OpenTags()
        reader.feed(piece)
        reader.close()
        if reader.opened and is_block(tag := reader.opened[0]) and reader.open:
            if (line := _piece_line(text, piece)) is not None:
                problems.append(
                    (
                        line,
                        f"<{tag}> is opened here but never closed, so the rest of the page would be "
                        "published as typed, trainer notes included",
                        f"add </{tag}> on a line of its own after the part it holds, with a blank line "
                        "before it",
                    )
                )
    return problems


def _piece_line(text: str, piece: str) -> int | None:
    """The line of `text` (outside code) where a piece of raw HTML starts: of the lines that read
    as its first line, the one from which most of the following lines read as the piece's
    (another hook may have added to the page, so the piece need not match to its end)."""
    want = [bare_line(line) for line in piece.strip().split("\n")]
    lines, code = [bare_line(line) for line in text.split("\n")], code_lines(text)
    best, found = 0, None
    for n, line in enumerate(lines):
        if code[n] or line != want[0]:
            continue
        run = next((k for k in range(len(want)) if n + k >= len(lines) or lines[n + k] != want[k]), len(want))
        if run > best:
            best, found = run, n + 1
    return found


class _OpenTags(HTMLParser):
    """Reads a piece of raw HTML as Python-Markdown's HTMLExtractor does: every start tag but
    <hr> and `<x />` is opened; an end tag closes the latest tag of its name and all opened after
    it. `opened` names every start tag in order; `open` what is left open."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.opened: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.opened.append(tag)
        if tag != "hr":
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.opened.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def stray_attributes(text: str, paragraphs: list[str]) -> list[tuple]:
    """(line, problem, expected) for each of the finished page's `paragraphs` (the text of each
    paragraph and list item) that attr_list left for readers to see: a line of attributes alone
    (`{ data-glossary-skip }`), which came after a blank line, a heading or a box; or a list of
    attributes at the end that goes over more than one line, which attr_list never reads. Its
    line is the first in `text` outside code where it starts, after a blank or a more indented
    line if one does."""
    lines, code = [bare_line(line) for line in text.split("\n")], code_lines(text)
    problems, used = [], set()
    for paragraph in paragraphs:
        if not (last := LAST_ATTRIBUTES.search(paragraph)):
            continue
        parts = [part.strip() for part in last.group(1).split("\n")]
        if len(parts) == 1 and last.start(1) > 0:
            continue  # on the last line of a paragraph: attr_list read it
        found = [
            n
            for n in range(len(lines) - len(parts) + 1)
            if lines[n : n + len(parts)] == parts and not code[n] and n not in used
        ]
        alone = [n for n in found if n == 0 or _indent(lines[n - 1]) > _indent(lines[n])]
        if found := alone + found:
            used.add(found[0])
            problems.append((found[0] + 1, *_stray_problem(parts)))
    return problems


def note_attributes(text: str, root: etree.Element) -> list[tuple]:
    """(line, problem, expected) for each element attr_list gave a drafting note in braces as
    its attributes (`{ add the date here }` on the line after a paragraph: bare words, none an
    attribute the site uses), which would vanish from the page. The note's words are taken off
    the element, so that they are not also told as attributes HTML does not allow. Its line is
    the first outside code holding those words in braces."""
    lines, code = text.split("\n"), code_lines(text)
    problems = []
    for element in root.iter():
        words = [name for name, value in element.attrib.items() if value is None]
        if not words or not _is_note(" ".join(words)):
            continue
        for word in words:
            del element.attrib[word]
        typed = re.compile(r"\{[^}\n]*?\b" + r"\s+".join(map(re.escape, words)) + r"\b[^}\n]*\}")
        line = next((n + 1 for n, seen in enumerate(lines) if not code[n] and typed.search(seen)), None)
        note = "{ " + " ".join(words) + " }"
        problems.append(
            (
                line,
                f"'{note}' is in braces, which make its words read as settings, so readers do not see them",
                NOTE,
            )
        )
    return problems


def unread_boxes(text: str, paragraphs: list[str]) -> list[tuple]:
    """(line, problem, expected) for each paragraph that starts like a box (`!!! note "Title"`,
    `??? tip`) but that the admonition and details extensions did not read as one (curly or
    single quotes round the title, pasted from a word processor): readers see the line as typed.
    Its line is the first outside code that starts with it. A line that mentions a trainer is left
    to induction/trainer_notes.py, whose messages say whether a trainer note would be published."""
    lines, code = text.split("\n"), code_lines(text)
    problems = []
    for paragraph in paragraphs:
        first = paragraph.split("\n", 1)[0].strip()
        if not BOX_START.match(first) or "trainer" in first.lower():
            continue  # (a line that mentions a trainer is judged by the trainer notes' own rules)
        line = next((n + 1 for n, seen in enumerate(lines) if not code[n] and bare_line(seen) == first), None)
        problems.append(
            (
                line,
                f"'{first}' is not read as a box, so readers see this line as typed",
                'write it as !!! note "Title", with the title in straight double quotes (not curly or '
                "single ones), and the box's text on the lines below it, indented four spaces",
            )
        )
    return problems


def _stray_problem(parts: list[str]) -> tuple[str, str]:
    """(problem, expected) for a list of attributes written on the lines `parts`."""
    one_line = " ".join(parts)
    if _is_note(one_line):
        return (
            f"'{one_line}' is in braces, which make its words read as settings, so readers see the braces",
            NOTE,
        )
    if len(parts) == 1:
        return f"the line '{parts[0]}' attaches to nothing, so readers see it", STRAY
    return (
        f"the attributes '{one_line}' go over {len(parts)} lines, so they attach to nothing and "
        "readers see them",
        f"write them on one line, straight after the paragraph or list item they are for: {one_line}",
    )


def _is_note(attributes: str) -> bool:
    """Whether a list of attributes is only bare words, none an attribute the site uses
    (`{ see below }`, `{ to be confirmed }`): a drafting note, not settings."""
    words = attributes.strip("{}").removeprefix(":").split()
    return all(_BARE_WORD.fullmatch(word) for word in words) and not any(
        word in KNOWN_BARE or word.startswith("data-") for word in words
    )


def _indent(line: str) -> int:
    """How far `line` is indented; a blank line counts as indented without end."""
    return len(line) - len(line.lstrip()) if line.strip() else 1_000


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

    nh3 decides: the fragment is allowed when nh3's clean copy keeps every tag and attribute
    (most often the copy is the fragment itself, and nothing needs comparing). Then a walk with
    the same allowlist names what nh3 took out, for the message.
    """
    clean = allowlist.cleaner.clean(fragment)
    if clean == fragment or _tags(fragment) == _tags(clean):
        return []
    piece = fragment.strip()
    hint = COMMENT_HINT if piece.startswith(("<!", "<?")) else ALLOWED_HINT
    return explain(fragment, allowlist) or [
        (piece, f"this HTML is not allowed in a page: {short(piece)}", hint)
    ]


def explain(fragment: str, allowlist: Allowlist) -> list[tuple]:
    found = []
    for tag, attrs in read_html(fragment).tags:
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
    url = as_browser_reads(value)
    scheme = SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in URL_SCHEMES:
        return (
            f"the address {short(value)} starts with {scheme.group(1).lower()}:, which a page may not use",
            "link to a web page (https://...), an email address (mailto:...), a phone number (tel:...) "
            "or another page of this site",
        )
    if name in RESOURCE_ATTRIBUTES and (scheme or url.startswith("//")):
        if tag == "img" or name == "srcset":
            return (
                f"the picture {short(value)} is loaded from another website",
                "copy the picture into docs/images/ and show it with ![what it shows](../images/picture.svg)",
            )
        return (
            f"<{tag} {name}={short(value)}> loads a file from another website",
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
    if start < 0:  # an address a browser reads without the tabs and line breaks inside it
        kept = [i for i, char in enumerate(lowered) if char not in "\t\n\r"]
        at = "".join(lowered[i] for i in kept).find(re.sub(r"[\t\n\r]", "", needle.lower()))
        if at >= 0:
            return text.count("\n", 0, kept[at]) + 1
    return first + 1 if start >= 0 else None


def _tags(fragment: str) -> list[tuple]:
    """The start tags of `fragment` with their attributes, and its comments, to compare with
    nh3's copy. Sorted, because nh3's HTML parser moves misplaced tags (text in a table goes
    before it); without a bare <tbody>, which it adds to a table that has none. The comments
    count because Python's parser and a browser's end an odd comment in different places:
    `<!--><script>...` is all comment to one and a script to the other (and to nh3)."""
    walker = read_html(fragment)
    tags = [(tag, sorted((n, v or "") for n, v in attrs)) for tag, attrs in walker.tags]
    return sorted(tag for tag in tags if tag != ("tbody", [])) + sorted(walker.comments)


def _address_filter(tag: str, name: str, value: str):
    """nh3's attribute filter: drops an address url_problem refuses, such as a picture from
    another website (nh3's own check knows only the allowed schemes), and a name the theme's
    script reads (theme_problem)."""
    if theme_problem(name, value) or (name in URL_ATTRIBUTES and url_problem(tag, name, value)):
        return None
    return value


def theme_problem(name: str, value: str):
    """(text to find it by, problem, expected) when an attribute is one Material's script acts
    on, else None: a page that had them could change what the script loads (its settings are read
    from the element with the id __config, its search program included) or make it fetch from
    another website (a data-md-component="source" link asks GitHub about the repository; a
    <pre class="mermaid"> loads the Mermaid program from a public server)."""
    if name.startswith("data-md-"):
        return (name, f"the attribute {name}= is the theme's own: its script acts on it", THEME_HINT)
    if name == "id" and value.strip() == "__config":
        return (
            value,
            "the id __config is the theme's own: its script reads its settings from it",
            THEME_HINT,
        )
    if name == "class" and "mermaid" in value.lower().split():
        return (
            "mermaid",
            'the class "mermaid" makes the theme load a diagram program from another website',
            "draw the diagram as an SVG picture in docs/images/ and show it with "
            "![what it shows](../images/diagram.svg)",
        )
    return None


def _attribute_problem(tag: str, name: str, value: str, allowlist: Allowlist):
    if theme := theme_problem(name, value):
        return theme
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


class SafeHtml(PageCheck):
    """Python-Markdown extension that judges each page inside its conversion.

    `start` is given the trainer's Markdown of the page about to be converted (for the lines in
    messages) and, in a build, `where`: a function giving the page's name in messages and how
    many lines its front matter takes. Every conversion is judged: the page's Markdown with what
    other hooks and plugins added to it (their problems count too, with no line if the trainer's
    text does not have them). At its
    end (a tree processor after every step that reads the page's text; only the trainer notes'
    removal and the self-check, made from quiz files by induction/quizzes.py, come after it) the
    raw HTML Python-Markdown stashed and the tags of the finished tree are judged; `problems`
    holds what was found, and in a build the first stops it as a DataError. A missing `--8<--`
    snippet in the page becomes a problem of the same kind.
    """

    def start(self, text: str, where=None) -> None:
        super().start(text, where)
        self.included: list[tuple[str, str]] = []  # (--8<-- line, text) of the files the page includes
        self.missing = False  # this conversion's --8<-- file is missing: that is its problem

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Judge(md, self), "safe_html", JUDGE_PRIORITY)
        if "snippet" in md.preprocessors:
            snippets = md.preprocessors["snippet"]
            snippets.run = functools.partial(self.snippets, snippets.run)

    def snippets(self, run, lines):
        """pymdownx.snippets' step, which also names a `--8<--` file that is missing."""
        self.missing = False
        try:
            result = run(lines)
        except SnippetMissingError as error:
            self.found([snippet_problem(self.text, str(error))])  # in a build, it stops here
            self.missing = True
            return []
        self.included = included_texts(lines, result)
        return result

    def found(self, problems: list[tuple]) -> None:
        self.problems = problems
        if problems and self.where is not None:
            display, offset = self.where()
            line, problem, expected = problems[0]
            raise DataError(display, line + offset if line else None, problem, expected)


class _Judge(Treeprocessor):
    def __init__(self, md, judge: SafeHtml):
        super().__init__(md)
        self.judge = judge

    def run(self, root):
        if self.judge.missing:
            return
        # `htmlStash.rawHtmlBlocks` (and `AMP_SUBSTITUTE` below) are not Python-Markdown's
        # documented interface. Pinned at Markdown 3.11.3; test_markdown_internals_are_as_pinned
        # fails when the version moves: then re-check that typed raw HTML still lands in
        # rawHtmlBlocks as strings, and that the serializer still writes `&` in attributes as
        # AMP_SUBSTITUTE.
        pieces = [piece for piece in self.md.htmlStash.rawHtmlBlocks if isinstance(piece, str)]
        # The tree is written by Python-Markdown's own serializer, which keeps a character
        # reference as it is (`java&#115;cript:`), so nh3 reads an address as the browser will
        # (`javascript:`); with its stand-in for `&` (in the addresses of <someone@council.example>
        # links) put back, as its last step does. A void tag is written `<img ... />`, which a
        # browser reads as `<img ...>`, as nh3 writes it: so a page with a picture is the same as
        # nh3's copy when nothing is taken out (no attribute value holds " />": `>` is `&gt;`; no
        # tag or attribute name holds a space: attr_list's and html.parser's names cannot).
        text = self.judge.text
        notes = note_attributes(text, root)
        tree = self.md.serializer(_skeleton(root)).replace(AMP_SUBSTITUTE, "&").replace(" />", ">")
        paragraphs = [_own_text(self.md, e) for e in root.iter() if e.tag in ("p", "li")]
        problems = (
            page_problems(text, pieces, tree, self.judge.included)
            + stray_attributes(text, paragraphs)
            + notes
            + unread_boxes(text, paragraphs)
        )
        # A tag left open publishes the rest of the page as typed: told first, as the cause of
        # anything else found after it.
        unclosed = unclosed_blocks(text, pieces, self.md.is_block_level)
        self.judge.found(unclosed or sorted(problems, key=lambda p: p[0] or 0))


def _own_text(md, element: etree.Element) -> str:
    """The text of a paragraph or list item up to its first block (a list item's paragraphs and
    lists are met on their own); "" when it holds code, which shows braces as typed."""
    parts = [element.text or ""]
    for child in element:
        if md.is_block_level(child.tag):
            break
        if child.tag == "code" or child.find(".//code") is not None:
            return ""
        parts += ["".join(child.itertext()), child.tail or ""]
    return "".join(parts).strip()


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
        "nav",  # the Glossary page's A to Z (induction/glossary.py)
    },
    attributes={
        "*": {"class", "id", "title", "role", "lang", "dir", "hidden"},
        "a": {"href"},
        "nav": {"aria-label"},
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
    tags=TYPED.tags | {"wbr"},  # a line-break opportunity after an email address's @ (phone_links)
    attributes={**TYPED.attributes, "input": TYPED.attributes["input"] | {"checked"}},  # content tabs
    values={
        **TYPED.values,
        "input": {"type": {"text", "radio"}},
        # aligned table columns (| :--: |) as align= (mkdocs.yml's tables: use_align_attribute)
        "th": {"style": _ALIGN, "align": {"left", "center", "right"}},
        "td": {"style": _ALIGN, "align": {"left", "center", "right"}},
    },
)

# --- Messages about pages ---------------------------------------------------------------------

ALLOWED_HINT = "use Markdown, or only the tags listed in the trainer guide under Edit and add pages"
_NO_SCRIPT = "remove it: a page cannot run scripts"
THEME_HINT = (
    "remove it, or use a name of your own that does not start with data-md- or __ (a heading's id "
    "comes from its words: give it one of your own after them, { #settings })"
)
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

# A list of attributes as attr_list reads one (markdown/extensions/attr_list.py: its `_scanner`
# reads `key="quoted value"`, `key='quoted value'`, `key=value` and a bare word, between spaces
# in `{ }` or `{: }`): `.class`, `#id` and attribute names as pages write them, so braces round
# a sentence (`{ We mean it: a child comes first. }`), numbers (`{1, 2}`) or JSON are left alone.
_NAME = r"[a-z_][a-z0-9_]*(?:[-:][a-z0-9_]+)*"
_ATTRIBUTE = rf"""(?:\.-?[A-Za-z_][\w-]*|\#[A-Za-z_][\w:.-]*|{_NAME}(?:="[^"]*"|='[^']*'|=[^\s=}}"']+)?)"""
ATTRIBUTES = rf"\{{:?\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}"
# ... at the end of a paragraph, from the start of a line, on one line or more: attr_list reads
# only a list on one line (its BLOCK_RE), so one that goes over lines reaches readers.
LAST_ATTRIBUTES = re.compile(rf"(?:^|\n)[ \t]*({ATTRIBUTES})\s*\Z")
_BARE_WORD = re.compile(_NAME)
# After every tree processor that adds to the page (MkDocs' link rewriting at 0, the glossary's
# links at -1), before the trainer notes are taken out (-10, induction.trainer_notes): what a
# trainer types in a note reaches the trainer pack, so it is judged like the rest of the page.
JUDGE_PRIORITY = -5
BOX_START = re.compile(
    r"(?:!!!|\?\?\?\+?)[ \t]*[A-Za-z]"
)  # a box's first line, as admonition/details read it
# Bare attribute names the site's pages use, besides any data-* (data-glossary-skip).
KNOWN_BARE = {"markdown"}
NOTE = "remove the braces (or the note) and write the words as ordinary text"
STRAY = (
    "put it on the line straight after the paragraph or list item it is for, with no blank line "
    "between, or at the end of a heading's line; for a whole box, put the box between a line "
    "<div markdown> and a line </div> and write it in that tag: <div data-glossary-skip markdown>"
)
_QUOTED = re.compile(r"'(.*)'")  # the name in pymdownx's message about a missing snippet
_WORD_SEPARATORS = re.compile(r"[^\w.\-]+")  # a host name is one word
