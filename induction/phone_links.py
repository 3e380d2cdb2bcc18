"""Contact numbers and the contact email in a page's text become links a phone can act on.

A page writes `call {{ contacts.front_door.phone }}` and, once the facts are filled in, the reader
sees "call 01452 42 65 65": on a phone that number should ring when tapped, as the ones in the
"Worried about a child?" bar do. This Python-Markdown extension is given the contacts of
data/contacts.yml (each with `phone`, its dialable `tel` form, and perhaps `email`) and, in each
page's conversion, links each number and email address it finds in the text: `tel:` with the
dialable form, `mailto:` with the address. Never inside a link (the Contacts page writes its own),
a heading, code, a form control or a self-check (hooks/quizzes.py writes it after this step: its
answers are labels of radio buttons). hooks/facts.py adds it next to the facts.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote
from xml.etree.ElementTree import Element, SubElement

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from induction.common import DataError
from induction.markdown_parts import PageCheck
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/phone_links.py's reading of md.htmlStash.rawHtmlBlocks and of their places in the "
    "text (markdown.util.HTML_PLACEHOLDER_RE, STX/ETX placeholders), before 'unescape' (priority 0)",
)


class PhoneLinks(Extension):
    """Links the contacts' numbers and email addresses in a page's text. `contacts` is
    {key: {"phone": shown, "tel": dialable, "email": address (optional), ...}}."""

    def __init__(self, contacts: dict):
        super().__init__()
        self.hrefs = contact_hrefs(contacts)
        self.pattern = contact_pattern(self.hrefs)

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_LinkContacts(md, self), "phone_links", TREE_PRIORITY)


def contact_hrefs(contacts: dict) -> dict[str, str]:
    """{text as the facts show it: link address} for every contact's phone and email."""
    hrefs = {}
    for entry in contacts.values():
        hrefs[entry["phone"].strip()] = f"tel:{entry['tel']}"
        if entry.get("email"):
            hrefs[entry["email"].strip()] = f"mailto:{entry['email'].strip()}"
    return hrefs


def contact_pattern(hrefs: dict[str, str]) -> re.Pattern | None:
    """One pattern for all of `hrefs`' texts, longest first, each standing on its own (not part of
    a longer number, word or address: `999` is not linked in `1999` or `£999,000`); a space in a
    number also matches a line break, where a paragraph wraps it."""
    if not hrefs:
        return None
    texts = sorted(hrefs, key=len, reverse=True)
    either = "|".join(r"\s+".join(re.escape(part) for part in text.split()) for text in texts)
    return re.compile(rf"(?<![\w@+£$])(?<!\w[.,])({either})(?![\w@])(?![.,]\w)")


def link_contacts(
    root: Element, pattern: re.Pattern, hrefs: dict[str, str], stash: list | None = None
) -> None:
    """Link each match of `pattern` in the text inside `root` to its address in `hrefs`, outside
    the elements it must not go in (SKIP_TAGS, SKIP_CLASSES), whether written in Markdown or as
    raw HTML in a paragraph (`<a href="...">call 999</a>`: Python-Markdown keeps each tag in
    `stash`, its htmlStash, and a placeholder for it in the text)."""
    _Walk(pattern, hrefs, stash or []).element(root)


class _Walk:
    """One walk over a tree in the reader's order, knowing how many raw HTML tags that must not
    hold a link are open (`inside`)."""

    def __init__(self, pattern: re.Pattern, hrefs: dict[str, str], stash: list):
        self.pattern, self.hrefs, self.stash = pattern, hrefs, stash
        self.raw = _RawTags()

    def element(self, element: Element) -> None:
        if element.text and not isinstance(element.text, AtomicString):
            element.text, links = self.split(element.text)
            element[0:0] = links
        for child in list(element):
            if not _skipped(child):  # a tag written in it opens and closes in it
                self.element(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, links = self.split(child.tail)
                if links:  # (its place looked up only then: a paragraph may have many children)
                    place = list(element).index(child) + 1
                    element[place:place] = links

    def split(self, text: str) -> tuple[str, list[Element]]:
        """`text` up to its first link, and the links, each with the text after it as its tail.
        Placeholders (raw HTML, escaped characters) are never split; raw HTML is read as it
        comes, so text inside a raw `<a>` or `<code>` is left alone."""
        head, links = "", []
        for piece in PLACEHOLDERS.split(text):
            if PLACEHOLDERS.fullmatch(piece):
                self.raw.feed_placeholder(piece, self.stash)
                new = []
            elif self.raw.inside:
                new = []
            else:
                piece, new = _split(piece, self.pattern, self.hrefs)
            if links:
                links[-1].tail += piece
            else:
                head += piece
            links.extend(new)
        return head, links


class _RawTags(HTMLParser):
    """Counts the raw HTML tags open that must not hold a link (SKIP_TAGS), read placeholder by
    placeholder."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inside = 0

    def feed_placeholder(self, piece: str, stash: list) -> None:
        match = HTML_PLACEHOLDER_RE.fullmatch(piece)
        if match and int(match.group(1)) < len(stash) and isinstance(stash[int(match.group(1))], str):
            self.feed(stash[int(match.group(1))])

    def handle_starttag(self, tag, attrs):
        self.inside += tag in SKIP_TAGS

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        self.inside = max(0, self.inside - (tag in SKIP_TAGS))


def _skipped(element: Element) -> bool:
    classes = set(element.get("class", "").split())
    return element.tag in SKIP_TAGS or not SKIP_CLASSES.isdisjoint(classes)


def _split(text: str, pattern: re.Pattern, hrefs: dict[str, str]) -> tuple[str, list[Element]]:
    """`text` up to its first match, and a link for each match, with the text after it as its tail
    (an email address with a line-break opportunity, <wbr>, after its @)."""
    pieces = pattern.split(text)  # text, match, text, match, ..., text
    links = []
    for shown, after in zip(pieces[1::2], pieces[2::2], strict=True):
        link = Element("a", {"href": hrefs[" ".join(shown.split())], "class": LINK_CLASS})
        mailbox, at, domain = shown.rpartition("@")
        link.text = AtomicString(mailbox + at or shown)
        if at:  # a narrow screen wraps an address after its @, not in the middle of a word
            SubElement(link, "wbr").tail = AtomicString(domain)
        link.tail = after
        links.append(link)
    return pieces[0], links


class _LinkContacts(Treeprocessor):
    def __init__(self, md, links: PhoneLinks):
        super().__init__(md)
        self.links = links

    def run(self, root):
        if self.links.pattern is not None:
            link_contacts(root, self.links.pattern, self.links.hrefs, self.md.htmlStash.rawHtmlBlocks)


# After 'inline' (20), attr_list (8), abbr (7) and toc (5), so the text is the text readers see;
# before the facts' safety net (1), the glossary (-1) and the trainer notes (-10).
TREE_PRIORITY = 2
LINK_CLASS = "contact-link"  # styled in docs/stylesheets/extra.css (a long email wraps)
# Never linked inside: links, headings, code, form controls and the like (as the glossary).
SKIP_TAGS = frozenset(
    "a abbr button code h1 h2 h3 h4 h5 h6 kbd label math nav option pre samp script select style "
    "summary svg textarea title".split()
)
# A self-check's markup (should it ever be in a page's tree), a box's title bar.
SKIP_CLASSES = frozenset({"quiz", "admonition-title"})
PLACEHOLDERS = re.compile(r"(\x02[^\x02\x03]*\x03)")  # raw HTML, escaped characters: never split


class RingsWhatItShows(PageCheck):
    """Python-Markdown extension, the safety net behind the page check of typed numbers
    (induction.facts.check_typed_numbers, which reads the trainer's Markdown): every phone link
    in the converted page, however it was written (an attribute list's href=, a reference
    definition, raw HTML), rings a contact's number from data/contacts.yml, and the contact
    whose number it shows, if it shows one. A red-team of 7 December 2026 built links that
    showed the front door's number and rang 999, or another line, past the Markdown check.
    `start` as PageCheck; in a build the first problem stops it, at the line of the page that
    writes the placeholders or the address of that link (written_at)."""

    def __init__(self, contacts: dict):
        self.hrefs = contact_hrefs(contacts)
        self.pattern = contact_pattern(self.hrefs)
        self.keys = {f"tel:{entry['tel']}": key for key, entry in contacts.items()}  # address -> contact
        self.keys |= {
            " ".join(entry["phone"].split()): key for key, entry in contacts.items()
        }  # shown -> contact
        super().__init__()

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_CheckPhoneLinks(md, self), "phone_link_check", CHECK_PRIORITY)

    def found(self, problems: list[tuple[list[tuple[str, ...]], str, str]]) -> None:
        self.problems = problems
        if problems and self.where is not None:
            display, offset = self.where()
            clues, problem, expected = problems[0]
            line = written_at(self.text, clues)
            raise DataError(display, line + offset if line else None, problem, expected)


def phone_link_problems(root: Element, stash: list, check: RingsWhatItShows) -> list:
    """(clues, problem, expected) for each phone link of a converted page (`root`, with `stash`,
    the raw HTML Python-Markdown set aside) that rings a number no contact has, or shows one
    contact's number and rings another's. The clues are what the page's Markdown holds on the
    line that wrote the link, most telling first (written_at)."""
    rings = {href: text for text, href in check.hrefs.items() if href.startswith("tel:")}
    links = [
        (element.get("href", ""), "".join(element.itertext()))
        for tree in [root, *(piece for piece in stash if isinstance(piece, Element))]
        for element in tree.iter("a")
    ]
    reader = _RawLinks()
    for piece in stash:
        if isinstance(piece, str):
            reader.feed(piece)
    links += reader.links
    problems = []
    for href, text in links:
        address = unquote(html.unescape(href)).strip()
        if not address.lower().startswith("tel:"):
            continue
        shown = " ".join(HTML_PLACEHOLDER_RE.sub(" ", text).split())
        dialled = "tel:" + "".join(address[4:].split())
        if dialled not in rings:
            clues = [(href.strip(),), (address,), (address[4:].strip(),)]
            problems.append(
                (
                    clues + ([(shown.split()[0],)] if shown else []),
                    f"{f'the phone link {shown!r}' if shown else 'a phone link'} rings "
                    f"{address[4:].strip()}, which is no contact's number in data/contacts.yml",
                    "write the contact's placeholders, for example [{{ contacts.front_door.phone }}]"
                    "(tel:{{ contacts.front_door.tel }}), or add the number to data/contacts.yml first",
                )
            )
            continue
        numbers = (
            [" ".join(m.group(0).split()) for m in check.pattern.finditer(shown)] if check.pattern else []
        )
        # a contact's number shown that is not the one rung (an email address shown is no number)
        other = next(
            (n for n in numbers if check.hrefs[n] != dialled and check.hrefs[n].startswith("tel:")), None
        )
        if other is not None:
            rung, seen = f"contacts.{check.keys[dialled]}.tel", f"contacts.{check.keys[other]}.phone"
            problems.append(
                (
                    [(rung, seen), (rung,), (seen,)],
                    f"the phone link shows {other} but rings {rings[dialled]}",
                    "make the link ring the number it shows: write the same contact in both places, "
                    "[{{ contacts.KEY.phone }}](tel:{{ contacts.KEY.tel }})",
                )
            )
    return problems


def written_at(text: str, clues: list[tuple[str, ...]]) -> int | None:
    """The first line (from 1) of `text` that holds every part of the first clue any line holds,
    else the first line with a phone link (tel:), else None."""
    lines = text.split("\n")
    for clue in clues:
        found = next((n for n, line in enumerate(lines, 1) if all(part in line for part in clue)), None)
        if found is not None:
            return found
    return next((n for n, line in enumerate(lines, 1) if "tel:" in line.lower()), None)


class _RawLinks(HTMLParser):
    """The addresses of the raw HTML links read (`links`: (href, "")): the words such a link
    shows are in the page's tree between its stashed tags, and the Markdown check reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links += [(value or "", "") for name, value in attrs if name == "href"]


class _CheckPhoneLinks(Treeprocessor):
    def __init__(self, md, check: RingsWhatItShows):
        super().__init__(md)
        self.check = check

    def run(self, root):
        stash = self.md.htmlStash.rawHtmlBlocks
        self.check.found(phone_link_problems(root, stash, self.check))


CHECK_PRIORITY = 0.5  # after the links are made (TREE_PRIORITY) and the unfilled facts told (1)
