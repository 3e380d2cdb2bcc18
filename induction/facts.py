"""Facts kept in one place: contact numbers, named people and sources, from `data/*.yml`.

A page writes `{{ contacts.front_door.phone }}` or `{{ people.director_childrens_services.name }}`
and the reader sees the value from the data file, so a changed number or a new post-holder is
edited once and every page, the banner and the handouts follow. Templates read the same values as
`config.extra.facts`. hooks/facts.py loads the files and fills the pages; the rules are here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import phonenumbers
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from phonenumbers import shortnumberinfo

from induction.common import MONTHS, DataError, compose, load_yaml, relative_display, why_not_a_date
from induction.dates import uk_date
from induction.front_matter import front_matter_line
from induction.learner_text import joined, learner_lines, note_lines
from induction.markdown_parts import (
    CODE_BLOCK,
    CODE_SPAN,
    PageCheck,
    all_text,
    code_lines,
    text_pieces,
    typed_parts,
    unquoted,
)
from induction.text import markdown_text
from induction.trainer_notes import is_note
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/facts.py's reading of md.htmlStash.rawHtmlBlocks (strings and elements) and of "
    "their places in the tree (markdown.util.HTML_PLACEHOLDER_RE), before the tree processor "
    "'unescape' (priority 0) puts back the backslash-escaped characters",
)


def load_facts(data_dir: Path, root: Path) -> dict:
    """Read every facts file and check its shape; return {file stem: data}."""
    facts = {}
    for name, check in FACT_FILES.items():
        path = data_dir / f"{name}.yml"
        display = relative_display(path, root)
        if not path.exists():
            raise DataError(display, None, "this file is missing", f"restore data/{name}.yml")
        data = load_yaml(path, display)
        if not isinstance(data, dict) or not data:
            raise DataError(display, 1, "the file has no entries", "write 'key:' lines")
        for key, entry in data.items():
            check(display, key, entry, data.line_of(key))
        facts[name] = data
    for name, data in facts.items():  # a number only on its contact's phone: line
        shown = [
            (entry.line_of(field), f"the {field} of '{key}'", value)
            for key, entry in data.items()
            for field, value in entry.items()
            if isinstance(value, str) and (name, field) not in NUMBERS_KEPT
        ]
        check_data_numbers(shown, facts["contacts"], relative_display(data_dir / f"{name}.yml", root))
    return facts


def check_data_numbers(texts: list[tuple[int, str, str]], contacts: dict, display: str) -> None:
    """Stop at the first phone number typed into a data file's text a reader sees ((line, what it
    is, text)): the glossary's definitions, a contact's note, a person's name. A security review
    (7 December 2026) published one so; it is kept only on its contact's phone: line, where it
    is checked and made a link."""
    for line, what, text in texts:
        _refuse_number(text, what, display, line, contacts)


def front_matter_number(meta: dict, raw: str, display: str, contacts: dict) -> DataError | None:
    """The error for a phone number typed into a page's title or description (front matter, `raw`
    the page's file for the line), or None: the title names the page in the menu, the browser's
    tab and the search results, the description sums the page up where it is linked (a red-team
    of 7 December 2026 published one there). induction.pages.FrontMatterFindings asks."""
    for field in ("title", "description"):
        value = meta.get(field)
        found = typed_number(value, contacts, f"the page's {field}") if isinstance(value, str) else None
        if found:
            return DataError(display, front_matter_line(raw, field), found[0], NUMBER_IN_DATA)
    return None


def check_settings_numbers(config, menu: list, contacts: dict) -> None:
    """Stop at a phone number typed into what mkdocs.yml (or the settings file that holds the
    menu, `menu` its items) shows on every page: the menu's titles, the site's name, description,
    author and copyright line (a red-team of 7 December 2026 published one in a menu title)."""
    from induction.escaping import SETTINGS, nav_file, nav_title_lines, nav_titles, setting_lines

    config_file = Path(config.config_file_path)
    menu_file = nav_file(config_file)
    title_lines = nav_title_lines(menu_file.read_text(encoding="utf-8"))
    menu_display = relative_display(menu_file, config_file.parent)
    for title in nav_titles(menu):
        _refuse_number(title, "the menu title", menu_display, title_lines.get(title), contacts)
    for settings_file in dict.fromkeys((menu_file, config_file)):
        text = settings_file.read_text(encoding="utf-8")
        lines = setting_lines(text)
        for key in (*SETTINGS, "copyright"):
            if key in lines and isinstance(config.get(key), str):
                found = _typed_number_at(config[key], contacts, SETTING_NAMES.get(key, key))
                if found:
                    at, problem, _ = found
                    where = relative_display(settings_file, config_file.parent)
                    line = _value_line(text, key, config[key][at:].split()[0]) or lines[key]
                    raise DataError(where, line, problem, NUMBER_IN_DATA)


def _value_line(text: str, key: str, word: str) -> int | None:
    """The line of the settings file `text` where the top-level setting `key`'s value holds `word`
    (a number's first group): a folded value (`key: >-`) runs on over the lines below its key.
    None when it cannot be told."""
    import yaml

    try:
        root = compose(text)
    except yaml.YAMLError:
        return None
    value = next((v for k, v in getattr(root, "value", []) if getattr(k, "value", None) == key), None)
    if value is None:
        return None
    lines = text.split("\n")
    first, last = value.start_mark.line, value.end_mark.line
    return next((n + 1 for n in range(first, min(last, len(lines) - 1) + 1) if word in lines[n]), None)


def check_svg_numbers(data: bytes, display: str, contacts: dict) -> None:
    """Stop at a phone number typed into the words of an SVG diagram (`data`, the file `display`):
    its words are drawn as they are typed, and nothing fills them from data/contacts.yml (a
    red-team of 7 December 2026 published one in a <text>). Each <text>, <title> and <desc> is
    read whole, at its line. The file is read as induction/safe_files.py reads it (read_svg); one
    that cannot be read is left to that check, which names what is wrong."""
    from lxml import etree

    from induction.safe_files import read_svg

    try:
        root = read_svg(data)
    except etree.XMLSyntaxError:
        return
    for element in root.iter("{*}text", "{*}title", "{*}desc"):
        parts = list(element.itertext())  # <tspan>s drawn side by side, or one under another
        for words in (" ".join(parts), "".join(parts)):
            _refuse_number(" ".join(words.split()), "the diagram", display, element.sourceline, contacts)


SETTING_NAMES = {
    "site_name": "the site's name",
    "site_description": "the site's description",
    "site_author": "the site's author",
    "copyright": "the site's copyright line",
}


def _refuse_number(text: str, what: str, display: str, line: int | None, contacts: dict) -> None:
    found = typed_number(text, contacts, what)
    if found:
        raise DataError(display, line, found[0], NUMBER_IN_DATA)


# Fields that hold a number on purpose, or a key or an address. (A source's note is checked: a
# page may show it with a placeholder, a review of the change found.)
NUMBERS_KEPT = {("contacts", "phone"), ("contacts", "tel"), ("contacts", "source"), ("sources", "url")}
NUMBER_IN_DATA = (
    "keep each phone number only on its contact's phone: line in data/contacts.yml (see the trainer "
    "guide, Contacts and people), and name the contact here instead: readers find every number on "
    "the Contacts page"
)


def _check_fields(display, key, entry, line, required, optional=()):
    if not isinstance(entry, dict):
        raise DataError(
            display,
            line,
            f"'{key}' is not a group of fields",
            f"indent its fields under '{key}:', e.g. '  {required[0]}: ...'",
        )
    for field, value in entry.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):  # `date: 2017`
            raise DataError(
                display,
                entry.line_of(field),
                f"'{key}.{field}' is {value} without quotes, so it is read as a number, not as text",
                f'write it in quotes: {field}: "{value}"',
            )
    for field in required:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise DataError(
                display,
                entry.line_of(field),
                f"'{key}' has no {field}",
                f"write '{field}: ...' as text in quotes",
            )
    for field, value in entry.items():
        if field not in (*required, *optional):
            allowed = ", ".join((*required, *optional))
            raise DataError(
                display,
                entry.line_of(field),
                f"'{key}' has an unknown field '{field}'",
                f"use only: {allowed}",
            )
        if not isinstance(value, str):
            raise DataError(
                display,
                entry.line_of(field),
                f"'{key}.{field}' is not text",
                'put the value in quotes, e.g. phone: "01452 000000"',
            )


def _check_contact(display, key, entry, line):
    phone = entry.get("phone") if isinstance(entry, dict) else None
    if isinstance(phone, (int, float)) and not isinstance(phone, bool):  # before "not text"
        raise DataError(
            display,
            entry.line_of("phone"),
            f"'{key}.phone' is not in quotes, so it was read as the number {phone}",
            'put the number in quotes, exactly as it is dialled: phone: "01452 42 65 65"',
        )
    _check_fields(display, key, entry, line, ("name", "phone", "when"), ("email", "note", "source"))
    try:
        entry["tel"] = dialable(entry["phone"])
    except PhoneError as error:
        line = entry.line_of("phone")
        raise DataError(display, line, f"'{key}.phone' {error.problem}", error.expected) from None
    email = entry.get("email")
    problems = email_problems(email) if email is not None else []
    if problems:
        raise DataError(
            display,
            entry.line_of("email"),
            f"'{key}.email' '{email}' is not an email address: it {' and '.join(problems)}",
            "write the whole address as the source gives it: the mailbox name, one @, then the "
            "domain with its dots, and no spaces",
        )


def email_problems(email: str) -> list[str]:
    """What makes `email` not an email address that a `mailto:` link can use, as phrases to follow
    "it" ("has no @"); [] for a good one. A small rule, not the whole standard: one @, letters,
    digits and . _ + - before it, a domain with a dot after it; no spaces and no sign that
    could end a link or an attribute or change what it means (< > " ' % ? and the like)."""
    problems = []
    if email.lower().startswith("mailto:"):
        return ["starts with mailto:, which the link adds itself"]
    if any(char.isspace() for char in email):
        problems.append("has a space in it")
    signs = sorted({char for char in email if not char.isspace() and not EMAIL_CHARACTER.match(char)})
    if signs:
        problems.append(f"has {' '.join(signs)} in it, which this site does not accept in an email address")
    ats = email.count("@")
    if ats != 1:
        problems.append("has no @" if ats == 0 else f"has {ats} @ signs, not one")
    elif not problems:
        mailbox, domain = email.split("@")
        if not EMAIL_MAILBOX.fullmatch(mailbox):
            problems.append(
                "has no mailbox name before the @" if not mailbox else "has dots out of place before the @"
            )
        if "." not in domain:
            problems.append("has no dot in the domain after the @")
        elif not EMAIL_DOMAIN.fullmatch(domain):
            problems.append("has a domain after the @ that is not words joined by dots")
    return problems


class PhoneError(ValueError):
    """A phone number that is not a valid UK number: what is wrong and what to write."""

    def __init__(self, problem: str, expected: str):
        super().__init__(f"{problem} ({expected})")
        self.problem, self.expected = problem, expected


def dialable(phone: str) -> str:
    """The `tel:` form of a UK phone number written as it is dialled: E.164 (`+441452426565`),
    or the digits of an emergency or short number (`999`). Anything else raises PhoneError."""
    written = phone.strip()
    letters = sorted({c for c in written if c.isalpha()})
    if letters:
        if set(letters) <= {"O", "o"}:
            raise PhoneError(
                f"'{written}' has the letter O where a zero belongs",
                f'write the digit 0, not the letter O: "{re.sub("[Oo]", "0", written)}"',
            )
        raise PhoneError(
            f"'{written}' has the letter{'s' if len(letters) > 1 else ''} {', '.join(letters)} in it",
            'write the number in digits only, as it is dialled, e.g. "01452 42 65 65"',
        )
    zero = PLUS_44_ZERO.match(written)
    if zero:
        shown, rest = "".join(zero.group(1).split()), written[zero.end() :]  # (0), [0] or 0
        raise PhoneError(
            f"'{written}' has {'a 0' if shown == '0' else shown} after +44, but a number is "
            "dialled with +44 (from abroad) or with the 0 (in the UK), never both",
            f'write it as it is dialled in the UK, starting with 0: "0{_without_signs(rest)}"',
        )
    signs = _stray_signs(written)
    if signs and set(signs) <= {SIGN_NAMES["("], SIGN_NAMES[")"]}:
        raise PhoneError(
            f"'{written}' has {' and '.join(signs)} in it, and brackets can go only round the area "
            "code at the start of a number",
            f'leave them out, as it is dialled: "{_without_signs(written)}"; or put them round the area '
            f'code only, as in "{AREA_CODE_EXAMPLE}"',
        )
    if signs:
        raise PhoneError(
            f"'{written}' has {' and '.join(signs)} in it, which a phone number cannot have",
            f'write only the digits and spaces, as it is dialled, e.g. "{_without_signs(written)}"'
            if any(c in ASCII_DIGITS for c in written)
            else 'write only the digits and spaces, as it is dialled, e.g. "01452 42 65 65"',
        )
    digits = re.sub(r"\D", "", written)
    if re.fullmatch(r"[\d ]{3,7}", written) and _short_number(digits):
        return digits
    national = digits
    if written.startswith("+"):
        if not digits.startswith("44"):
            raise PhoneError(f"'{written}' is not a UK number", 'write a UK number, e.g. "01452 42 65 65"')
        national = "0" + digits[2:]
    try:
        number = phonenumbers.parse(written, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number_for_region(number, "GB"):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    example = 'as it is dialled, e.g. "01452 42 65 65"'
    if len(national) < UK_DIGITS:
        raise PhoneError(
            f"'{written}' has too few digits ({len(national)}) for a UK phone number",
            f"write all {UK_DIGITS} digits, starting with 0, {example}",
        )
    if len(national) > UK_DIGITS:
        raise PhoneError(
            f"'{written}' has too many digits ({len(national)}) for a UK phone number",
            f"write the {UK_DIGITS} digits, starting with 0, {example}",
        )
    raise PhoneError(
        f"'{written}' is not a valid UK phone number",
        f"copy the number exactly from the source, {example}",
    )


ASCII_DIGITS = "0123456789"
SIGN_NAMES = {
    '"': 'a double quote (")',
    "'": "an apostrophe (')",
    "\u201c": "a curly quote (\u201c)",
    "\u201d": "a curly quote (\u201d)",
    "\u2018": "a curly quote (\u2018)",
    "\u2019": "a curly quote (\u2019)",
    ".": "a full stop (.)",
    ",": "a comma (,)",
    ";": "a semicolon (;)",
    ":": "a colon (:)",
    "(": "a bracket (",
    ")": "a bracket )",
    "/": "a slash (/)",
    "+": "a plus sign (+)",
    "-": "a hyphen (-)",
    "\u2013": "a dash (\u2013)",
    "\u2014": "a dash (\u2014)",
    "\t": "a tab",
    # signs a reader cannot see in the message, named with their code (what a text editor's
    # "go to character" or a search for the code finds)
    "\u00a0": "a non-breaking space (U+00A0)",
    "\u202f": "a narrow non-breaking space (U+202F)",
    "\u2002": "an en space (U+2002)",
    "\u2003": "an em space (U+2003)",
    "\u2007": "a figure space (U+2007)",
    "\u2009": "a thin space (U+2009)",
    "\u200a": "a hair space (U+200A)",
    "\u200b": "a zero-width space (U+200B)",
    "\u200c": "a zero-width non-joiner (U+200C)",
    "\u200d": "a zero-width joiner (U+200D)",
    "\u2060": "a word joiner (U+2060)",
    "\ufeff": "a zero-width no-break space (U+FEFF)",
    "\u00ad": "a soft hyphen (U+00AD)",
}


# Brackets round the area code at the start, "(01452) 614194", are common UK style: shown as
# written, left out of the tel: form. "+44 (0)1452 ..." and "+44 01452 ..." mix the two ways of
# dialling (from abroad the 0 is not dialled), so they are refused and never suggested.
AREA_CODE = re.compile(r"\((0\d{2,5})\) ?(?=\d)")
AREA_CODE_EXAMPLE = "(01452) 42 65 65"
PLUS_44_ZERO = re.compile(r"\+\s*44\s*(\(\s*0\s*\)|\[\s*0\s*\]|0)\s*")


def _stray_signs(written: str) -> list[str]:
    """The characters of `written` (a phone number without letters) that are not digits, spaces,
    a + at the start, brackets round the area code at the start ("(01452) 614194") or a hyphen
    between digits (01452-426565), named ("a full stop (.)"), in the order they come; [] for none.
    A stray quote or full stop would be shown on every page as part of the number."""
    found = []
    area = AREA_CODE.match(written)
    body = f"{area.group(1)} {written[area.end() :]}" if area else written.removeprefix("+")
    for at, char in enumerate(body):
        before, after = body[:at].rstrip()[-1:], body[at + 1 :].lstrip()[:1]
        between_digits = bool(before and after) and before in ASCII_DIGITS and after in ASCII_DIGITS
        if char == "-" and between_digits:
            continue
        if char not in ASCII_DIGITS and char != " ":
            name = SIGN_NAMES.get(char) or _sign_name(char)
            if name not in found:
                found.append(name)
    return found


def _sign_name(char: str) -> str:
    """A sign SIGN_NAMES does not name: shown as it is, or, when a reader cannot see it (a space
    or a control or format character), by its code and Unicode name."""
    if char.isprintable() and not char.isspace():
        return f"the sign {char}"
    return f"an invisible sign (U+{ord(char):04X}, {unicodedata.name(char, 'no name').lower()})"


def _without_signs(written: str) -> str:
    """`written` with only its digits, its spaces (one at a time), a + at the start and brackets
    round the area code at the start; never "+44 0...": that is written from 0 ("01452 ...")."""
    area = AREA_CODE.match(written)
    if area:
        return f"({area.group(1)}) {_without_signs(written[area.end() :])}"
    body = written.removeprefix("+")
    kept = "".join(c if c in ASCII_DIGITS else " " if c.isspace() else "" for c in body)
    plain = ("+" if written.startswith("+") else "") + " ".join(kept.split())
    return re.sub(r"^\+44 ?0 ?", "0", plain)


def _short_number(digits: str) -> bool:
    """999, 112, 111, 101 and the other short numbers that work across the UK."""
    if shortnumberinfo.is_emergency_number(digits, "GB"):
        return True
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        return False
    return shortnumberinfo.is_valid_short_number_for_region(number, "GB")


def _check_person(display, key, entry, line):
    _check_date_in_words(display, key, entry, "as_of")
    _check_fields(display, key, entry, line, ("role", "name", "as_of"), ("organisation",))


def _check_source(display, key, entry, line):
    _check_date_in_words(display, key, entry, "date")
    _check_fields(display, key, entry, line, ("title", "date"), ("note", "url"))
    url = entry.get("url")
    if url is not None and not is_web_address(url):
        raise DataError(
            display,
            entry.line_of("url"),
            f"'{key}.url' is not a web address",
            "write the document's full address, starting https://",
        )


def _check_date_in_words(display, key, entry, field):
    """Stop at a date written in numbers only (11/24/2022, 09-01-2027, or 2027-09-01 without
    quotes, which YAML reads as a date): pages show it as typed, and 09/01/2027 is 9 January to
    some readers and 1 September to others. Today's data writes "24 November 2022", "June 2025",
    "2017" or words round a year, all of which pass."""
    value = entry.get(field) if isinstance(entry, dict) else None
    if isinstance(value, dt.date):  # `as_of: 2027-09-01` without quotes
        raise DataError(
            display,
            entry.line_of(field),
            f"'{key}.{field}' is the date {value.isoformat()}, written in numbers without quotes",
            f'write the date in words, in quotes: {field}: "{uk_date(value)}"',
        )
    found = NUMBER_DATE.search(value) if isinstance(value, str) else None
    if not found:
        _check_date_words(display, key, entry, field)
        return
    days = _days_meant(found)
    meant = " or ".join(uk_date(day) for day in days)
    written = "is a date" if found.group() == value.strip() else f"has a date ('{found.group()}')"
    if len(days) > 1:
        problem, example = f"which could be {meant}", f"{meant}, whichever is meant"
    else:
        problem, example = "which readers may read another way", uk_date(days[0]) if days else EXAMPLE_DAY
    raise DataError(
        display,
        entry.line_of(field),
        f"'{key}.{field}' '{value}' {written} in numbers only, {problem}",
        f"write the date in words, e.g. {example}",
    )


EXAMPLE_DAY = "24 November 2022"


def _check_date_words(display, key, entry, field):
    """Stop at a date in words that is no date: a month misspelt or cut short ("Novmber 2026",
    "Janaury 2027", "Sept 2025") or a day the month does not have ("31 November 2026"). Pages
    show the date as typed. Only a word next to a day or a year is read as a month, so the words
    round a year ("Children and Social Work Act 2017", "strategy period 2022 to 2025") pass."""
    value = entry.get(field)
    for found in DATE_WORDS.finditer(value if isinstance(value, str) else ""):
        word, day, year = found.group("word", "day", "year")
        if not (day or year):
            continue
        month = next((m for m in MONTHS if m.lower() == word.lower()), None)
        if month is None:
            near = [m for m in MONTHS if len(word) >= 3 and m.lower().startswith(word.lower())]
            near = near or difflib.get_close_matches(word.capitalize(), MONTHS, n=1, cutoff=0.75)
            if near:
                fixed = value[: found.start("word")] + near[0] + value[found.end("word") :]
                raise DataError(
                    display,
                    entry.line_of(field),
                    f"'{key}.{field}' '{value}' has '{word}', which is not the name of a month",
                    f'did you mean {near[0]}? write {field}: "{fixed}"',
                )
            continue
        number = MONTHS.index(month) + 1
        if day and not _real_day(int(day), number, int(year) if year else None):
            why = (
                why_not_a_date(f"{year}-{number:02d}-01")
                if year
                else f"{month} has {calendar.monthrange(2000, number)[1]} days"
            )
            raise DataError(
                display,
                entry.line_of(field),
                f"'{key}.{field}' '{value}' is not a real date: {why}",
                "check the day against the source, and write the date as it gives it, e.g. "
                f'{field}: "{EXAMPLE_DAY}"',
            )


def _real_day(day: int, month: int, year: int | None) -> bool:
    """Whether the month has that day (in a leap year when no year is given)."""
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


# A word that may be a month: with the day before it ("31 November", "1st June") and/or the year
# after it ("Novmber 2026", "June, 2025")
DATE_WORDS = re.compile(
    r"(?:(?<![\w.])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?\b(?P<word>[A-Za-z]+)\b\.?(?:,?\s+(?P<year>\d{4})(?!\d))?"
)


def _days_meant(found: re.Match) -> list[dt.date]:
    """The days a date in numbers can be: year first (2022-11-24) or last, with day and month
    either way round (11/24/2022 can only be 24 November; 09/01/2027 is 9 January or 1 September)."""
    first, second, third = (int(part) for part in found.group("a", "b", "c"))
    if len(found.group("a")) == 4:
        orders = [(first, second, third)]
    else:
        year = third if len(found.group("c")) == 4 else 2000 + third
        orders = [(year, second, first), (year, first, second)]
    days = []
    for year, month, day in orders:
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    return list(dict.fromkeys(days))


NUMBER_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,4})([/.-])(?P<b>\d{1,2})\2(?P<c>\d{2}|\d{4})(?![\d/.-])")


def is_web_address(url: str) -> bool:
    """An https (or http) address with a host and no spaces: never javascript: or a file path."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("https", "http") and bool(parts.hostname) and url == "".join(url.split())


FACT_FILES = {"contacts": _check_contact, "people": _check_person, "sources": _check_source}


def lookup(facts: dict, dotted: str):
    value = facts
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value if isinstance(value, str) else None


def fill_placeholders(
    markdown: str, facts: dict, display: str, offset: int = 0, line_at: Callable[[int], int] | None = None
) -> str:
    """Replace `{{ group.key.field }}` with the fact's text, outside what Markdown shows as typed.
    An unknown name, or braces that look like a placeholder but are not one
    (`check_placeholders`), stop the build at line `offset` + the line in `markdown` (or, with
    `line_at`, at `line_at(position in markdown)`, for a text whose lines are elsewhere). Shown as
    typed, never filled nor checked (induction.markdown_parts.typed_parts): code spans (also when
    wrapped over lines), fenced and indented code blocks, backslash-escaped braces and HTML
    comments."""
    out = []
    for start, piece, kind in typed_parts(markdown):
        if kind is not None:
            out.append(piece)
            continue
        for part in _line_parts(piece, start):
            if "{" not in part[1] and "}" not in part[1]:  # most lines: nothing to fill or check
                out.append(part[1])
                continue
            where = _where(markdown, part[0], offset, line_at)
            check_placeholders(part[1], facts, display, where)
            out.append(PLACEHOLDER.sub(lambda m, w=where: _value(m, facts, display, w), part[1]))
    return "".join(out)


def check_code_spans(markdown: str, display: str, offset: int = 0) -> None:
    """Stop at a fact placeholder in a code span of a page readers see (`shows_placeholders` says
    which pages show them as typed on purpose): readers would see its braces. On such a page it is
    almost always two backticks typed for apostrophes ("a child`s worry, call {{ ... }} at the
    council`s door"), which make the words between them code; a span of the placeholder alone is
    meant as code, and is told how to show a fact's name instead. Trainer-only notes are left
    alone: learners never see them. `offset` lines are above `markdown`."""
    read = _read_lines(markdown)
    for start, piece, kind in typed_parts(markdown):
        names = PLACEHOLDER.finditer(piece) if kind == CODE_SPAN else ()
        match = next((m for m in names if m.group(1).split(".")[0] in FACT_FILES), None)
        if match is None or markdown.count("\n", 0, start) + 1 not in read:
            continue
        alone = piece.strip("`").strip() == match.group(0)
        raise DataError(
            display,
            markdown.count("\n", 0, start + match.start()) + 1 + offset,
            f"'{_shorten(match.group(0))}' is inside a code span "
            f"({_shorten(' '.join(piece.split()), most=100)}), "
            "so readers would see the braces, not the fact",
            SPAN_ALONE if alone else SPAN_APOSTROPHES,
        )


def _read_lines(markdown: str) -> set[int]:
    """The lines (from 1) of `markdown` that learners read: learner_lines blanks trainer
    notes (and code blocks, comments) to "", and makes a code span one space, so a line where a
    span starts is read unless it lies in a trainer note."""
    return {number for number, text in learner_lines(markdown) if text}


SPAN_APOSTROPHES = (
    "two backticks (`) typed for apostrophes make the words between them code: write ' "
    "for each apostrophe, and leave the fact outside backticks"
)
SPAN_ALONE = (
    "to show the fact, leave out the backticks; to show a fact's name on a page readers see, "
    "write a backslash before each brace, outside backticks: \\{\\{ like this \\}\\}"
)


def check_typed_numbers(
    markdown: str,
    contacts: dict,
    display: str,
    offset: int = 0,
    code_spans: bool = True,
    where: str = "the page",
) -> None:
    """Stop at the first phone number typed into the text learners read of a page (outside code,
    trainer notes and {{ placeholders }}), or a `tel:` link typed with its number. Nothing checks
    a typed number against data/contacts.yml, so one digit wrong would be published, and a link
    could show one number and ring another (a security review of December 2026 did both on a
    page that built without a word). Each paragraph is read whole, as Markdown joins its lines,
    so a number wrapped over two lines is found too, at the line where it starts. `offset` lines
    are above `markdown`. `code_spans` false: the code spans are not read (the trainer guide's
    show examples of what the checks say). `where`: what messages say the number is typed into."""
    paragraph: list[tuple[int, str]] = []
    lines = learner_lines(markdown)
    # [label]: tel:{{ contacts.key.tel }} lines anywhere on the page: label -> key
    labels = {
        m.group("label").lower(): m.group("key")
        for m in TEL_REFERENCE.finditer("\n".join(text for _, text in lines))
    }
    for number, text in [*lines, (0, "")]:
        text = unquoted(text)  # a quote's paragraph is read without its > marks, as it shows
        if text.strip():
            paragraph.append((number, text))
            continue
        text, line_at = joined(paragraph)
        found = (
            (_typed_number_at(text, contacts, where) or _crossed_link_at(text, labels)) if paragraph else None
        )
        if found:
            at, problem, expected = found
            raise DataError(display, line_at(at) + offset, problem, expected)
        paragraph = []
    # A number in code is shown to readers too, as typed: in a code span (a security review of 7
    # December 2026 published a wrong one so) or on a line of a code block outside trainer notes.
    if not code_spans:
        return
    read, in_note = _read_lines(markdown), note_lines(markdown)
    for start, piece, kind in typed_parts(markdown):
        line = markdown.count("\n", 0, start) + 1 if kind in (CODE_SPAN, CODE_BLOCK) else 0
        if kind == CODE_SPAN and line in read:
            shown = " ".join(piece.strip("`").split())  # a span shows its spaces as one
            found, out_of_code = _typed_number_at(shown, contacts, where), OUT_OF_BACKTICKS
        elif kind == CODE_BLOCK and not in_note[line - 1]:
            found, out_of_code = _typed_number_at(piece, contacts, where), OUT_OF_CODE_BLOCK
        else:
            continue
        if found:
            raise DataError(display, line + offset, found[1], f"{found[2]}; {out_of_code}")


def _crossed_link_at(text: str, labels: dict[str, str]) -> tuple[int, str, str] | None:
    """(where, problem, expected) for a phone link that shows one contact's number and rings
    another's: [{{ contacts.a.phone }}](tel:{{ contacts.b.tel }}), as a line copied from another
    contact and changed in one place would; else None. `labels`: the contact each reference
    definition on the page rings ([label]: tel:{{ contacts.key.tel }})."""
    links = [
        (m.start(), m.group("key") or m.group("key2") or m.group("key3"), m.group("text") or m.group("html"))
        for m in TEL_LINK.finditer(text)
    ]
    for m in REFERENCE_LINK.finditer(text) if labels else ():
        key = labels.get((m.group("label") or m.group("text")).lower())
        if key is not None:
            links.append((m.start(), key, m.group("text")))
    for at, rings, words in sorted(links):
        shown = sorted({m.group(1) for m in CONTACT_PLACEHOLDER.finditer(words)} - {rings})
        if shown:
            return (
                at,
                f"the phone link shows contacts.{shown[0]} but rings contacts.{rings}",
                f"use the same contact in both places: either [{{{{ contacts.{shown[0]}.phone }}}}]"
                f"(tel:{{{{ contacts.{shown[0]}.tel }}}}) or [{{{{ contacts.{rings}.phone }}}}]"
                f"(tel:{{{{ contacts.{rings}.tel }}}})",
            )
    return None


def typed_number(text: str, contacts: dict, where: str = "the page") -> tuple[str, str] | None:
    """(problem, expected) for the first UK phone number written out in `text` (not filled in from
    a {{ placeholder }}) or the first `tel:` link address not written as a placeholder, else None.
    A number of one of `contacts` is told its placeholder."""
    found = _typed_number_at(text, contacts, where)
    return found[1:] if found else None


def _typed_number_at(text: str, contacts: dict, where: str = "the page") -> tuple[int, str, str] | None:
    """typed_number's finding, with where in `text` it starts. `text` is read as readers see it
    (a security review of 7 December 2026 published wrong numbers past a check of the text as
    typed): character references decoded (`&#54;` is a 6, `&#116;el:` is tel:), a run of spaces one
    space, a backslash before punctuation dropped; and three times over, as markup may show: its
    tags as typed (a number ends where one starts), each tag as a space (a line break, a table
    cell), and the inline markup a number can be split by and still show whole taken out
    (`01452 **426566**`, `0145<span>2</span>`). The first number any reading finds is told."""
    decoded, from_decoded = as_shown(text, CHARACTER_REFERENCE)
    link = TYPED_TEL.search(decoded)
    if link:
        typed = link.group(1)
        return (
            from_decoded[link.start(1)],
            f"the phone link '{typed}' rings a placeholder that is not a contact's tel, which may not "
            "be the number the page shows"
            if "{{" in typed
            else f"the phone link '{typed}' is typed with its number, which may not be the number "
            "the page shows",
            "write the contact's placeholder after tel:, for example "
            "[{{ contacts.front_door.phone }}](tel:{{ contacts.front_door.tel }}), or leave the link "
            "out: a number from data/contacts.yml is made a link by itself",
        )
    by_placeholder = "{{" in text and DIGIT.search(decoded)  # a contact's number and a digit
    both = [(decoded, from_decoded), as_shown(text, INLINE_MARKUP)] if by_placeholder else []
    touching = next(((m, places) for reading, places in both if (m := _touching(reading))), None)
    if touching:  # `{{ contacts.front_door.phone }}9` shows a number with one more digit
        match, places = touching
        placeholder = " ".join(match.group(0).split())
        return (
            places[match.start()],
            f"a digit is typed next to {placeholder}, so readers would see another number",
            "leave the placeholder on its own, with a space or a word between it and any figure",
        )
    if len(DIGIT.findall(decoded)) < SHORTEST:  # most paragraphs: too few digits for a number
        return None
    readings = (AS_TYPED, INLINE_MARKUP, TAGS_AS_SPACES)  # at one place, the first reading's words
    found = [_first_number(*as_shown(text, markup)) for markup in readings]
    first = min((number for number in found if number is not None), key=lambda n: n[0], default=None)
    if first is None:
        return None
    at, raw, dialled = first
    known = [key for key, entry in contacts.items() if entry.get("tel") == dialled]
    expected = (
        f"write {{{{ contacts.{known[0]}.phone }}}} instead: the number then comes from data/contacts.yml"
        if known
        else "this number is not in data/contacts.yml: add it there with a name and when to call "
        "(see the trainer guide, Contacts and people), then write its placeholder, for example "
        "{{ contacts.front_door.phone }}"
    )
    return at, f"'{' '.join(raw.split())}' is a phone number typed into {where}", expected


def _first_number(shown: str, places: Sequence[int]) -> tuple[int, str, str] | None:
    """(place in the text as typed, the number as shown, the number to dial) of the first UK
    phone number in `shown` outside {{ placeholders }}, or None. `places`: as_shown's."""
    # a number pasted with odd spaces (non-breaking, narrow, zero-width) is still one; same length
    bare = OTHER_SPACE.sub(" ", PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), shown))
    if not bare.isascii():  # a format character (Cf: zero-width space, joiner) is never ASCII
        # nor a mark that joins the character before it (Mn: a variation selector), showing nothing
        bare = NOT_ASCII.sub(
            lambda m: " " if unicodedata.category(m.group()) in ("Cf", "Mn") else m.group(), bare
        )
    found = _number_in(bare)
    return (places[found[0]], *found[1:]) if found else None


@functools.lru_cache(maxsize=4096)
def _number_in(bare: str) -> tuple[int, str, str] | None:
    """(start, the number as shown, the number to dial) of the first UK phone number in `bare`, or
    None. Kept for each text: a paragraph's three readings are mostly the same text. A short
    number (999, 116 123) is one only where SHORT_NUMBER says: alone, three digits are a count."""
    found = []
    if len(DIGIT.findall(bare)) >= FEWEST_DIGITS:  # else too few digits for libphonenumber's numbers
        for match in phonenumbers.PhoneNumberMatcher(bare, "GB", leniency=phonenumbers.Leniency.VALID):
            found.append((match.start, match.raw_string, phonenumbers.format_number(match.number, E164)))
            break
        found += _among_figures(bare)
    for match in SHORT_NUMBER.finditer(bare):
        if SHORT_NUMBERS.fullmatch(dialled := match.group("number").replace(" ", "")):
            found.append((match.start("number"), match.group("number"), dialled))
            break
    return min(found, default=None)


def _among_figures(bare: str) -> list[tuple[int, str, str]]:
    """libphonenumber reads a run of figures as one number, and a run that is too long (or one with
    a letter touching it) as none, so a number with a figure typed after or before it ('01452
    426565 24 hours a day', 'in 2025 01452 426565') or a letter against it ('on01452 426565') was
    not found (a second reading and a red-team, 7 December 2026). So each run of groups of figures
    is also read part by part, the longest first, a part that starts as a phone number is written
    (an area code of 3 digits or more from 0, as 020 or 01452, or + and a country code; not a
    year, an ISBN, a time or a row of counts): [(start, as shown, dialled)] of the first number
    found this way, or []."""
    for run in FIGURE_RUN.finditer(bare):
        text = run.group()
        groups = [(m.start(), m.end()) for m in FIGURE_GROUP.finditer(text)]
        # a number is written in at most MOST_GROUPS groups: parts of more are not read (a long run
        # of figures, a table of them, would take the square of its length). The first part to
        # start, the longest there: a number is not passed over for one later in the run.
        for i in range(len(groups)):
            head = text[groups[i][0] : groups[i][1]]  # how a part starting here starts
            local = head.startswith(("0", "(0"))  # a UK number from 0: an area code of 3 digits or more
            if not head.startswith(UK_STARTS) or (local and len(DIGIT.findall(head)) < 3):
                continue  # '2019/20', '0.80 0.28 25.07', '08.00 09.30 11.00': not numbers
            fewest = UK_FEWEST if local else FEWEST_DIGITS
            for j in range(min(len(groups), i + MOST_GROUPS), i, -1):
                written = text[groups[i][0] : groups[j - 1][1]]
                if not fewest <= len(DIGIT.findall(written)) <= MOST_DIGITS:
                    continue
                try:
                    number = phonenumbers.parse(written, "GB")
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(number):
                    return [(run.start() + groups[i][0], written, phonenumbers.format_number(number, E164))]
    return []


def as_shown(text: str, markup: re.Pattern) -> tuple[str, Sequence[int]]:
    """`text` with each match of `markup` replaced by what it shows: a character reference (group
    `reference`) its character, a match of group `space` or `tag` one space, any other match
    nothing; and for each character of the result (and its end) its place in `text`."""
    if not markup.search(text):  # most texts: nothing to read differently
        return text, range(len(text) + 1)
    shown, places, position = [], [], 0
    for match in markup.finditer(text):
        shown.append(text[position : match.start()])
        places += range(position, match.start())
        groups = match.groupdict()
        value = html.unescape(groups["reference"]) if groups.get("reference") else ""
        value = " " if groups.get("space") or groups.get("tag") else value
        shown.append(value)
        places += [match.start()] * len(value)
        position = match.end()
    shown.append(text[position:])
    places += range(position, len(text) + 1)
    return "".join(shown), places


OUT_OF_BACKTICKS = "write the placeholder outside the backticks, which would show its braces"
OUT_OF_CODE_BLOCK = "write the placeholder outside the code block, which would show its braces"
# What a reader does not see as typed (as_shown): a character reference, shown as its character;
# a run of spaces, shown as one; a backslash before punctuation, not shown (AS_TYPED). Then every
# tag as a space (TAGS_AS_SPACES), or (INLINE_MARKUP) the tags that style a few words and
# Markdown's emphasis marks as nothing (`_` only at a word's edge: inside a word it shows).
CHARACTER_REFERENCE = re.compile(r"(?P<reference>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
_AS_TYPED = rf"{CHARACTER_REFERENCE.pattern}|(?P<space>[ \t]{{2,}})|\\(?=[!-/:-@\[-`{{-~])"
AS_TYPED = re.compile(_AS_TYPED)
TAGS_AS_SPACES = re.compile(rf"{_AS_TYPED}|(?P<tag><[A-Za-z/][^<>]*>)")
_STYLE_TAGS = (
    "a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|"
    "time|u|var|wbr"
)
STYLE_TAGS = frozenset(_STYLE_TAGS.split("|"))  # inline: the text runs on across them
INLINE_MARKUP = re.compile(
    rf"</?(?:{_STYLE_TAGS})\b[^<>]*>|(?<!\\)\*+|(?<![\w\\])_+|_+(?!\w)|{_AS_TYPED}", re.IGNORECASE
)
OTHER_SPACE = re.compile(r"[^\S ]")  # a space of any kind (str.isspace) but the plain one
NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# A short number is taken for one when a word that rings it comes first, with at most four words
# between ("call 999", "call the police on 999", "ring them any time on 116 123", "phone: 101"),
# and no word follows that makes it a count ("call 101 carers"). Only the short numbers a page
# would give count (SHORT_NUMBERS): libphonenumber knows 44 three-digit ones, 100 and 150 among
# them, and two reviews of 7 December 2026 found counts and page numbers refused by looser rules
# ("we call 300 families", "based on 100.").
SHORT_NUMBER = re.compile(
    r"\b(?:call(?:ed|ing)?|ring(?:ing)?|rang|dial(?:led|ling)?|(?:tele)?phon(?:e|ed|ing)|text(?:ed|ing)?|tel"
    r"|contact(?:ed|ing)?)\b[.:]?(?:\s+[^\W\d][\w'’-]*){0,4}?\s+\(?"
    r"(?P<number>\d(?:[ ]?\d){2,5})(?![\d,.]\d)(?=\)?\s*(?:$|[.,;:!?()—–-]"
    r"|(?:now|if|or|and|to|about|straight|immediately|at|any|free|for|in|when|day|from|before|24)\b))",
    re.IGNORECASE,
)
# Emergency, police, NHS and helpline numbers: 999 and 112, 101 (police), 105 (power cut), 111 (NHS),
# 119, the 116 helplines (116 123 Samaritans, 116 000, 116 111 Childline, 116 117), text relay
# (18000, 18001) and Shout (85258)
SHORT_NUMBERS = re.compile(r"999|112|101|105|111|119|116\d{3}|1800[01]|85258")
SHORTEST = 3  # digits of a short number (999)
CONTACT_NUMBER = re.compile(r"\{\{\s*contacts\.[\w-]+\.(?:phone|tel)\s*\}\}")


def _touching(reading: str) -> re.Match | None:
    """The first contact's number placeholder in `reading` with a digit typed right next to it,
    which readers would see run into the number, else None."""
    for match in CONTACT_NUMBER.finditer(reading):
        before, after = reading[match.start() - 1 : match.start()], reading[match.end() : match.end() + 1]
        if before.isdigit() or after.isdigit():
            return match
    return None


E164 = phonenumbers.PhoneNumberFormat.E164
DIGIT = re.compile(r"\d")  # any decimal digit (Unicode's Nd), as libphonenumber reads them
# The fewest digits of a number libphonenumber counts valid, its country code with them (+43 1234 56,
# Austria); a UK number written without one has at least eight (0800 1111). Counted in the text with its
# character references read. tests/test_typed_numbers.py checks this against libphonenumber's own data.
FEWEST_DIGITS = 6
# Groups of figures as a number is written ("+44 (0)1452 426565", "01452-426-565"), one space,
# hyphen or dot between two; each group on its own. Possessive (*+, ++): a long run of figures is
# read once, not tried again from every digit.
FIGURE_GROUP = re.compile(r"\(?\+?\d++\)?(?:\(0\)\d*+)?|\(0\)\d++")  # 01452, (01452), +44(0)1452, (+44)
FIGURE_RUN = re.compile(rf"(?<![\d+])(?:{FIGURE_GROUP.pattern})(?:[ \-.](?:{FIGURE_GROUP.pattern}))*+")
MOST_GROUPS = 6  # "+44 (0) 1452 42 65 65"
UK_STARTS = ("0", "(0", "+", "(+")  # how a phone number starts: not a year, an ISBN or a count
# digits of a UK number written from 0 (0800 1111), and of any with its country code (E.164: 15)
UK_FEWEST, MOST_DIGITS = 8, 15


# A phone link whose address is a contact's placeholder, with the text it shows: in Markdown,
# [text](tel:{{ contacts.key.tel }}) or [text](#){ href="tel:{{ contacts.key.tel }}" } (the text
# may hold [brackets] once over), or in HTML, href="tel:{{ contacts.key.tel }}" ...>text</a>
def _tel_key(group: str) -> str:
    """`tel:{{ contacts.KEY.tel }}`, with KEY in the named group `group` (a pattern may name a
    group once, and TEL_LINK has three ways to the key)."""
    return rf"tel:\s*\{{\{{\s*contacts\.(?P<{group}>[\w-]+)\.tel\s*\}}\}}"


_LINK_TEXT = r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
TEL_LINK = re.compile(
    rf"""{_LINK_TEXT}\(\s*<?(?:{_tel_key("key")}|[^)]*\)\{{[^}}]*\bhref\s*=\s*["']?{_tel_key("key2")})"""
    rf"""|href\s*=\s*["']?{_tel_key("key3")}[^>]*>(?P<html>.*?)</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
# [label]: tel:{{ contacts.key.tel }}, and the links that use such a definition: [text][label],
# [text][] and [text]
TEL_REFERENCE = re.compile(
    rf"""^[ ]{{0,3}}\[(?P<label>[^\]]+)\]:\s*<?{_tel_key("key")}""", re.IGNORECASE | re.MULTILINE
)
REFERENCE_LINK = re.compile(rf"""{_LINK_TEXT}(?:\[(?P<label>[^\]]*)\])?(?![(:])""")
CONTACT_PLACEHOLDER = re.compile(r"\{\{\s*contacts\.([\w-]+)\.")
# A link to a phone number whose address is not a {{ placeholder }}: [text](tel:...) or href="tel:..."
# (or whose placeholder is not a contact's tel: {{ contacts.emergency.phone }} would ring 999), in a
# link, an HTML address or a reference definition ([label]: tel:...)
TYPED_TEL = re.compile(
    r"""(?:\]\(\s*<?|href\s*=\s*["']?\s*|^[ \t]*\[[^\]]+\]:[ \t]*<?)"""
    r"""(tel:(?!\s*\{\{\s*contacts\.[\w-]+\.tel\s*\}\})(?:\{\{[^}]*\}\}|[^)\s"'>])*)""",
    re.IGNORECASE | re.MULTILINE,
)


def shows_placeholders(src_uri: str) -> bool:
    """Whether the page (its path under docs/) shows fact placeholders as typed on purpose: the
    trainer guide, which teaches them."""
    return src_uri.startswith(SHOWS_PLACEHOLDERS)


SHOWS_PLACEHOLDERS = ("trainers/",)


def _line_parts(piece: str, start: int) -> list[tuple[int, str]]:
    """(start, text) of each line of `piece`, a piece of the page that starts at `start`."""
    parts = []
    for text in piece.split("\n"):
        parts.append((start, text))
        start += len(text) + 1
    return [(begin, text + "\n") for begin, text in parts[:-1]] + parts[-1:]


def _where(markdown: str, position: int, offset: int, line_at: Callable[[int], int] | None):
    """The line of `position` in `markdown` (with `offset` lines above it), or a function giving the
    line of a position in a text that starts there, for `check_placeholders` and `_value`."""
    if line_at is not None:
        return lambda at: line_at(position + at)
    return markdown.count("\n", 0, position) + 1 + offset


def check_placeholders(text: str, facts: dict, display: str, line: int | Callable[[int], int]) -> None:
    """Stop at braces in `text` that look like a fact placeholder but are not a well-formed one,
    which readers would otherwise see as typed: `{{ name` never closed, `{{ name }`, `name }}`,
    `{{ contacts. front_door.phone }}`, `{{ contacts.emergency-phone }}`, `{contacts.x.phone}`.
    `text` is what the trainer wrote, without code (the caller leaves code out); `line` is its
    line, or a function giving the line of a position in `text`."""
    if "{" not in text and "}" not in text:
        return
    text = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)  # same length: positions stay
    match = NEAR_PLACEHOLDER.search(text)
    if match is None:
        return
    if callable(line):
        line = line(match.start())
    written = _shorten(" ".join(match.group(0).split()))
    if match["single"] is not None:
        guess = match["single"]
        problem = f"'{written}' has one brace each side, so readers would see it as typed"
    elif match["inside"] is None:  # a }} alone: show it with the word before it
        before = text[: match.start()].rstrip()
        guess = (before.split() or [""])[-1]
        written = _shorten(guess + " " * (match.start() > len(before)) + "}}", end=True)
        problem = f"'{written}' closes a fact with }}}} that was not opened with {{{{"
    elif match["close"] is None:
        guess = (match["inside"].split() or [""])[0]
        problem = f"'{written}' opens a fact with {{{{ but does not close it with }}}}"
    elif match["close"] == "}":
        guess = "".join(match["inside"].split())
        problem = f"'{written}' closes the fact with one brace, not two"
    elif not match["inside"].strip():
        guess = ""
        problem = f"'{written}' has no fact name between the braces"
    else:
        guess = "".join(match["inside"].split())
        problem = (
            f"'{written}' is not a fact name: a name is words joined by dots, with no spaces or other signs"
        )
    raise DataError(display, line, problem, _write_instead(guess, facts))


def _shorten(written: str, end: bool = False, most: int = 60) -> str:
    """At most `most` characters of what was written, keeping its start (or, with `end`, its end)."""
    if len(written) <= most:
        return written
    return "..." + written[3 - most :] if end else written[: most - 3] + "..."


def _write_instead(guess: str, facts: dict) -> str:
    names = fact_names(facts)
    guess = guess.strip(".")
    exact = [name for name in (guess, guess.replace("-", "."), guess.replace("-", "_")) if name in names]
    found = exact[:1] or difflib.get_close_matches(guess, names, n=3, cutoff=0.6)
    if len(found) == 1:
        return f"write {{{{ {found[0]} }}}}"
    if found:
        return "write one of " + ", ".join(f"{{{{ {name} }}}}" for name in found)
    files = ", ".join(f"data/{group}.yml" for group in facts)
    return (
        f"write a fact as {{{{ group.key.field }}}} with a name from {files}; "
        "to show braces as typed on a page, put a backslash before each: \\{\\{ like this \\}\\}"
    )


def fact_names(facts: dict) -> list[str]:
    """Every name a placeholder can use (`contacts.front_door.phone`), in file order."""
    return [
        f"{group}.{key}.{field}"
        for group, entries in facts.items()
        for key, entry in entries.items()
        if isinstance(entry, dict)
        for field, value in entry.items()
        if isinstance(value, str)
    ]


def _value(match: re.Match, facts: dict, display: str, line: int | Callable[[int], int]) -> str:
    name = match.group(1)
    if callable(line):
        line = line(match.start())
    value = lookup(facts, name)
    if value is None:
        group = name.split(".")[0]
        hint = (
            f"see data/{group}.yml for the names you can use"
            if group in facts
            else "start with contacts., people. or sources."
        )
        raise DataError(display, line, f"unknown fact '{{{{ {name} }}}}'", hint)
    return markdown_text(value)


class UnfilledFacts(PageCheck):
    """Python-Markdown extension, the safety net behind `fill_placeholders`: nothing that looks
    like a fact placeholder (`{{ contacts.front_door.phone }}`) reaches readers unfilled.

    fill_placeholders leaves alone what induction.markdown_parts judges to be shown as typed
    (code). Should that judgement ever differ from Python-Markdown's, a placeholder it took for
    code would be shown to readers as raw braces. So, inside each conversion, once the
    inline Markdown has been read (a tree processor after 'inline', before 'unescape'), every text
    and attribute of the page outside code (`code`, `pre`, `kbd`, `samp`), including the raw HTML
    Python-Markdown passes on (its htmlStash), is searched for one. `start` is given the trainer's
    Markdown of the page that fill_placeholders filled (for the lines in messages) and, in a
    build, `where`: a function giving the page's name in messages and how many lines its front
    matter takes. Every conversion is searched. `problems` holds what was found as (line or None,
    placeholder); in a build the first stops it as a DataError (with no line, one not in the
    page's own text: from a file included with `--8<--`, which is not filled, the one place such
    text comes from in a build).
    """

    def start(self, text: str, where=None, contacts: dict | None = None) -> None:
        """As PageCheck's; with `contacts`, the files the page includes are read for typed phone
        numbers too (not on the trainer guide, whose examples show what the checks refuse)."""
        super().start(text, where)
        self.contacts = contacts

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Unfilled(md, self), "unfilled_facts", TREE_PRIORITY)
        if "snippet" in md.preprocessors:
            snippets = md.preprocessors["snippet"]
            # pymdownx's own step pastes each --8<-- in again: not through another extension's
            # wrapper of it (safe_html's), which would take that one file for the page's all
            self.paste = functools.partial(type(snippets).run, snippets)
            snippets.run = functools.partial(self.snippets, snippets.run)

    def snippets(self, run, lines: list[str]) -> list[str]:
        """pymdownx.snippets' step: a phone number typed into a file the page includes with
        `--8<--` would be published unchecked, as the page check reads the page's own text (facts
        are not filled in there, so no number may be shown). Each --8<-- that learners read (not
        in a trainer note or a comment) is pasted in again on its own and its text read as a
        page's; in a build the first number stops it at that --8<-- line."""
        result = run(lines)
        if self.contacts is None or self.where is None or not any("--8<--" in line for line in lines):
            return result
        display, offset = self.where()
        page = self.text.split("\n")
        # learners never read a --8<-- in a trainer note or a comment (learner_lines blanks those, and
        # code, where the file's text is shown as typed)
        kinds = zip(note_lines(self.text), learner_lines(self.text), code_lines(self.text), strict=True)
        hidden = [note or (not words.strip() and not code) for note, (_, words), code in kinds]
        for first, end in snippet_directives(lines):
            # the same line of the trainer's text: the as many-th one that reads the same
            same = sum(line.strip() == lines[first].strip() for line in lines[:first])
            at = [n for n, line in enumerate(page) if line.strip() == lines[first].strip()][same:][:1]
            if at and hidden[at[0]]:
                continue
            try:
                check_typed_numbers(
                    "\n".join(self.paste(lines[first:end])), self.contacts, display, where=INCLUDED
                )
            except DataError as error:
                raise DataError(
                    display, at[0] + 1 + offset if at else None, error.problem, NUMBER_INCLUDED
                ) from None
        return result

    def numbers_shown(self, root: Element, stash: list) -> None:
        """The last net for a wrong phone number: the page check reads the trainer's Markdown,
        and where its reading of a quote, a trainer note's indent, a comment or a fence differs
        from Python-Markdown's, a number may be shown that it never read (a red-team of 7 December
        2026 found 19 such places). So every text the converted page shows (code too, not trainer
        notes or comments), and the attributes readers see (READER_ATTRIBUTES), is read for phone
        numbers, and one that is no contact's number in data/contacts.yml stops the build, at the
        first line outside trainer notes that has its digits (digits_line)."""
        known = {entry.get("tel") for entry in self.contacts.values()}

        def unknown(piece: str) -> list[tuple[str, str]]:
            found = numbers_in(piece) if len(DIGIT.findall(piece)) >= SHORTEST else ()
            return [(raw, dialled) for raw, dialled in found if dialled not in known]

        def read(pieces: list[str]) -> Iterator[tuple[str, str]]:
            """Each piece, and each run of pieces that figures join: 01452 **42**65**99** is four
            texts of the tree, a figure at the end of one and the start of the next."""
            run: list[str] = []
            for n, piece in enumerate(pieces):
                yield from unknown(piece)
                run.append(piece)
                if n + 1 < len(pieces) and DIGIT.search(piece[-3:]) and DIGIT.search(pieces[n + 1][:3]):
                    continue
                yield from unknown("".join(run)) if len(run) > 1 else ()
                run = []

        def raw_text(match: re.Match) -> str:  # a piece of raw HTML in a text: what it shows, roughly
            raw = stash[int(match.group(1))] if int(match.group(1)) < len(stash) else ""
            return html.unescape(ANY_TAG.sub(" ", raw)) if isinstance(raw, str) else " "

        # first a quick look at all the page holds (notes, comments, tags too), with the raw HTML
        # in its texts read in its place: most pages hold no such number, and are not walked
        pieces = [HTML_PLACEHOLDER_RE.sub(raw_text, piece) for piece in text_pieces(root, stash)]
        if next(read(pieces), None) is None:
            return
        shown = next(read([piece for piece, _ in _shown(root, False, stash, set(), True)]), None)
        if shown:
            raw, _ = shown
            display, offset = self.where()
            line = digits_line(self.text, raw, note_lines(self.text))
            problem = f"'{raw}' is a phone number readers would see, and it is not in data/contacts.yml"
            raise DataError(display, line and line + offset, problem, NOT_A_CONTACT)

    def found(self, problems: list[tuple[int | None, str]]) -> None:
        self.problems = problems
        if problems and self.where is not None:
            display, offset = self.where()
            line, written = problems[0]
            if line is None:
                raise DataError(display, None, f"'{written}' was not filled in", UNFILLED_INCLUDED)
            raise DataError(display, line + offset, f"'{written}' was not filled in", UNFILLED)


def numbers_in(text: str) -> list[tuple[str, str]]:
    """(the number as shown, the number to dial) of every UK phone number in `text`, read as
    _first_number reads one (a run of spaces, or a line break, one space)."""
    found, rest = [], " ".join(text.split())
    while number := _first_number(rest, range(len(rest) + 1)):
        at, raw, dialled = number
        found.append((raw, dialled))
        rest = rest[at + len(raw) :]
    return found


def digits_line(text: str, raw: str, notes: Sequence[bool] = ()) -> int | None:
    """The line of `text` where the digits of `raw` first stand in order, with a few other
    characters at most between two of them (spaces, a line break and its indent, > or markup),
    else None; a line that is not in a trainer note (`notes`: note_lines) first."""
    digits = DIGIT.findall(raw)  # a reference (&#57;) read as the digit it shows, each line apart
    text = "\n".join(html.unescape(line).replace("\n", " ") for line in text.split("\n"))
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"\D{0,24}?".join(digits), text)]
    return next((n for n in lines if not (n <= len(notes) and notes[n - 1])), lines[0] if lines else None)


NOT_A_CONTACT = (
    "write the contact's placeholder instead, for example {{ contacts.front_door.phone }}; a number "
    "that is not there yet goes into data/contacts.yml first, with a name and when to call (see the "
    "trainer guide, Contacts and people). If the line is meant for trainers only, check that its "
    "comment is closed with --> in the same paragraph and that a trainer note's lines are indented "
    "by 4 spaces"
)
TREE_PRIORITY = 1  # after 'inline' (20), attr_list, abbr and toc; before 'unescape' (0)
UNFILLED = (
    "readers would see the braces, as the page shows this part as text although the site took it "
    "for code: look on this line and the lines near it for a lone backtick (`) typed for an "
    "apostrophe (write ' instead) or a line indented by 4 spaces; to show braces as typed, put a "
    "backslash before each: \\{\\{ like this \\}\\}"
)
INCLUDED = "a file the page includes with --8<--"
SNIPPET_BLOCK = re.compile(r"-+8<-+")  # a line of its own that opens or closes a block of file names
SNIPPET_LINE = re.compile(r"""-+8<-+[ \t]+(["']).+\1""")  # --8<-- "file"


def snippet_directives(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each `--8<--` of `lines`, as pymdownx.snippets reads them: one line naming a
    file in quotes, or a block of file names between two lines of --8<-- alone."""
    found, n = [], 0
    while n < len(lines):
        bare = lines[n].strip()
        end = next((m for m in range(n + 1, len(lines)) if SNIPPET_BLOCK.fullmatch(lines[m].strip())), None)
        if SNIPPET_BLOCK.fullmatch(bare) and end is not None:
            found.append((n, end + 1))
            n = end
        elif SNIPPET_LINE.fullmatch(bare):
            found.append((n, n + 1))
        n += 1
    return found


NUMBER_INCLUDED = (
    "facts are not filled in inside included files, so a number there cannot come from "
    "data/contacts.yml: write the sentence in the page itself, with the contact's placeholder, for "
    "example {{ contacts.front_door.phone }}"
)
UNFILLED_INCLUDED = (
    "it is not in the page's own text but in a file it includes with --8<--, and facts are not "
    "filled in inside included files: write the sentence with the fact in the page itself"
)


class _Unfilled(Treeprocessor):
    def __init__(self, md, facts: UnfilledFacts):
        super().__init__(md)
        self.facts = facts

    def run(self, root):
        stash = self.md.htmlStash.rawHtmlBlocks
        self.facts.found(unfilled_placeholders(root, stash, self.facts.text))
        if self.facts.contacts is not None and self.facts.where is not None:
            self.facts.numbers_shown(root, stash)


def unfilled_placeholders(root: Element, stash: list, text: str) -> list[tuple[int | None, str]]:
    """(line in `text`, placeholder) for each fact placeholder the converted page (`root`, with
    `stash`, Python-Markdown's raw HTML) shows outside code, in the page's order. `text` is the
    page as fill_placeholders was given it: what it left as typed is left in the page, in code or
    not, in the same order, among the placeholders of the files the page includes (`--8<--`,
    pasted in after the filling); the two lists are matched in order (difflib), so each has the
    line of the one it matches. One that matches none has the line of a placeholder of the same
    name left as typed that no other matched, or else of one in the prose (which the filling fills:
    only a text not filled has one), or else None: it is not in `text`."""
    if "{{" not in all_text(root, stash):  # most pages: no braces left anywhere
        return []
    shown = [
        (" ".join(match.group(0).split()), in_code)
        for piece, in_code in _shown(root, False, stash, set())
        for match in PLACEHOLDER.finditer(piece)
    ]
    if all(in_code for _, in_code in shown):  # the usual case: nothing left unfilled to place
        return []
    written_in = [
        (text.count("\n", 0, start + match.start()) + 1, " ".join(match.group(0).split()), kind)
        for start, piece, kind in typed_parts(text)
        for match in PLACEHOLDER.finditer(piece)
    ]
    left = [(line, written) for line, written, kind in written_in if kind in (CODE_BLOCK, CODE_SPAN)]
    prose = [(line, written) for line, written, kind in written_in if kind is None]  # filled in a build
    matcher = difflib.SequenceMatcher(None, [written for written, _ in shown], [w for _, w in left], False)
    matched = {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}
    spare = [left[b] for b in sorted(set(range(len(left))) - set(matched.values()))]
    problems = []
    for n, (written, in_code) in enumerate(shown):
        if not in_code:
            line = left[matched[n]][0] if n in matched else None
            line = line or next((line for line, typed in spare + prose if typed == written), None)
            problems.append((line, written))
    return problems


def _shown(
    element: Element, in_code: bool, stash: list, seen: set, readers: bool = False
) -> Iterator[tuple[str, bool]]:
    """(text or attribute value, whether it is code) of `element` and all inside it, in order,
    with the raw HTML Python-Markdown stashed read where it stands. `readers`: only what readers
    see: not a trainer note (the build takes notes out after this; one in raw HTML is refused,
    induction/trainer_notes.py), no attribute but those shown (READER_ATTRIBUTES: not an id or a
    link's address), and character references read as their characters."""
    if readers and is_note(element.tag, element.items()):
        return
    in_code = in_code or element.tag in AS_TYPED_TAGS
    for key, value in element.attrib.items():
        if value and (not readers or key in READER_ATTRIBUTES):  # attr_list: a bare word, no value
            yield value, in_code
    yield from _text(element.text, in_code, stash, seen, readers)
    for child in element:
        yield from _shown(child, in_code, stash, seen, readers)
        if readers and isinstance(child.tag, str) and child.tag not in STYLE_TAGS:
            yield " ", in_code  # a line break, a cell or a block: the texts either side stay apart
        yield from _text(child.tail, in_code, stash, seen, readers)


def _text(
    text: str | None, in_code: bool, stash: list, seen: set, readers: bool = False
) -> Iterator[tuple[str, bool]]:
    """The pieces of one text of the tree, with the raw HTML stashed in it read in its place, as
    one piece of HTML (an inline `<kbd>` and its `</kbd>` are stashed apart)."""
    reader, position = _RawHtml(in_code, readers), 0
    for match in HTML_PLACEHOLDER_RE.finditer(text or ""):
        reader.feed(html.escape(text[position : match.start()], quote=False))
        position, number = match.end(), int(match.group(1))
        if number >= len(stash) or number in seen:
            continue
        seen.add(number)
        if isinstance(stash[number], Element):  # Markdown in HTML: a tree of its own
            yield from reader.done(stash, seen)
            yield from _shown(stash[number], in_code, stash, seen, readers)
            reader = _RawHtml(in_code, readers)
        else:
            reader.feed(str(stash[number]))
    reader.feed(html.escape((text or "")[position:], quote=False))
    yield from reader.done(stash, seen)


class _RawHtml(HTMLParser):
    """The texts and attribute values of raw HTML, each with whether it is inside code. Character
    references are left out (`&#123;&#123;` shows braces on purpose), and so are comments; with
    `readers`, only attributes readers see, and references read as what they show."""

    def __init__(self, in_code: bool, readers: bool = False):
        super().__init__(convert_charrefs=readers)
        self.parts: list[tuple[str, bool]] = []
        self.in_code, self.code, self.readers = in_code, 0, readers

    def handle_starttag(self, tag, attrs):
        code = self.in_code or self.code > 0 or tag in AS_TYPED_TAGS
        shown = (value for key, value in attrs if value and (not self.readers or key in READER_ATTRIBUTES))
        self.parts.extend((value, code) for value in shown)
        self.code += tag in AS_TYPED_TAGS
        self.apart(tag)

    def handle_endtag(self, tag):
        self.code = max(0, self.code - (tag in AS_TYPED_TAGS))
        self.apart(tag)

    def apart(self, tag: str) -> None:
        """For readers: a line break, a cell or a block keeps the texts either side apart."""
        if self.readers and tag not in STYLE_TAGS:
            self.parts.append((" ", self.in_code))

    def handle_data(self, data):
        self.parts.append((data, self.in_code or self.code > 0))

    def done(self, stash: list, seen: set) -> Iterator[tuple[str, bool]]:
        """The parts read, with the raw HTML stashed inside them (nested) read too."""
        self.close()
        for part, code in self.parts:
            if HTML_PLACEHOLDER_RE.search(part):
                yield from _text(part, code, stash, seen, self.readers)
            else:
                yield part, code


AS_TYPED_TAGS = {"code", "pre", "kbd", "samp"}  # what a page shows as typed
ANY_TAG = re.compile(r"<[^<>]*>")  # a tag or comment, for numbers_shown's quick look (not to change HTML)
# The attributes whose values readers see (a tooltip, an image's text) or hear (a screen reader)
READER_ATTRIBUTES = {"title", "alt", "aria-label", "aria-description", "placeholder", "value", "label"}

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
# What is left of a line once its well-formed placeholders are taken out, that still looks like
# one: an opening {{ (closed by } or }} or not at all), a closing }} alone, or one brace before the
# name of a facts file.
NEAR_PLACEHOLDER = re.compile(
    r"\{\{(?P<inside>[^{}]*)(?P<close>\}\}?)?"
    r"|\}\}"
    rf"|\{{\s*(?P<single>(?:{'|'.join(FACT_FILES)})\.[^{{}}\s]*)\s*\}}?"
)
EMAIL_CHARACTER = re.compile(r"[A-Za-z0-9.@_+-]")
EMAIL_MAILBOX = re.compile(r"[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*")
EMAIL_DOMAIN = re.compile(r"([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
UK_DIGITS = 11  # a UK number as dialled: 0 and ten digits ("0800 1111" and a few others are shorter)
