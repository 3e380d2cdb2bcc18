"""The self-checks' buttons and messages in UK English, from `quizzes/interface-text.en-GB.po`.

The build reads that file (named under `custom_translations` in mkdocs.yml) with mkdocs-quiz's
own reader (polib) and writes its texts into every quiz page: into the HTML and attributes such
as `aria-label="..."` (escaped), and into the settings block, from which mkdocs-quiz's script puts
some of them back into the page as HTML. A broken or unsafe text there would break the page or
run as script, and mkdocs-quiz reports neither. So before any page is built
hooks/quiz_interface_text.py reads the file the same way and stops with
`quizzes/<file>.po:<line>: what is wrong (what to write)` when:

- the file is not UTF-8, or polib cannot read it (polib's own reason, with its line);
- a text is not in one pair of double quotes (polib would quietly drop the last letter of a text
  whose closing quote is missing);
- a text mkdocs-quiz needs (NEEDED) is missing or empty, or is given twice, or a msgid is not
  one mkdocs-quiz uses (someone edited the English instead of the msgstr under it);
- a text has `<`, `>`, `&` or `"`, which are HTML or end an attribute or the script's string;
- 'Question {n}' has braces other than `{n}` (mkdocs-quiz fills it in with Python's format);
- a text has a phone number typed into it (no fact is filled in here, so nothing keeps it right).
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from induction.common import DataError, decode_text, relative_display
from induction.facts import typed_number
from induction.versions import require

require(
    "polib",
    "==1.2.0",
    "induction/quiz_interface_text.py's reading of polib's errors: polib.pofile raises OSError with "
    "text such as 'Syntax error in po file (line 3): unescaped double quote found', from which "
    "POLIB_LINE takes the line and the reason; and each entry's linenum, the line polib started it "
    "on, from which _first looks for its msgid and msgstr",
)


def check_interface_files(root: Path, files: dict[str, str]) -> None:
    """Check each translation file mkdocs_quiz's `custom_translations` names ({language: path})."""
    for name in files.values():
        path = root / name
        check_interface_text(path.read_bytes(), relative_display(path, root))


def check_interface_text(data: bytes, display: str) -> dict[str, str]:
    """Read a .po file's bytes as mkdocs-quiz would; return {msgid: msgstr}, or raise DataError."""
    text = decode_text(data, display)
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        string = STRING_LINE.match(line.strip())
        if string and not QUOTED.fullmatch(string.group("text")):
            raise DataError(
                display,
                number,
                "the text on this line does not start and end with a double quote, or has one inside it",
                'write it as msgstr "Check my answer", with ‘ ’ or “ ” for quotes inside it',
            )
    try:
        entries = [e for e in polib.pofile(text) if e.msgid]
    except OSError as error:
        where = POLIB_LINE.search(str(error))
        reason = (where.group(2) or "").strip() if where else ""
        raise DataError(
            display,
            int(where.group(1)) if where else None,
            f"this is not a valid .po file{': ' + reason if reason else ''}",
            "each text is msgid or msgstr and then one line in double quotes; use ‘ ’ or “ ” inside it",
        ) from None
    found: dict[str, str] = {}
    for entry in entries:
        line = _msgstr_line(lines, entry.linenum)
        if entry.msgid not in NEEDED:
            raise DataError(
                display,
                _msgid_line(lines, entry.linenum),
                f"the msgid '{entry.msgid}' is not a text the self-checks use",
                "change only the msgstr lines; put the msgid back as it was",
            )
        if entry.msgid in found:
            raise DataError(display, line, f"the text for '{entry.msgid}' is given twice", "keep one")
        if not entry.msgstr.strip():
            raise DataError(
                display,
                line,
                f"the text for '{entry.msgid}' is empty",
                'write what readers see: msgstr "..."',
            )
        _check_safe(entry.msgid, entry.msgstr, display, line)
        found[entry.msgid] = entry.msgstr
    missing = [msgid for msgid in NEEDED if msgid not in found]
    if missing:
        raise DataError(
            display,
            None,
            f"the text for '{missing[0]}' is missing",
            f'add msgid "{missing[0]}" and, on the next line, msgstr "..." with the words readers see',
        )
    return found


def _check_safe(msgid: str, msgstr: str, display: str, line: int) -> None:
    number = typed_number(msgstr, {}, f"the text for '{msgid}'")
    if number:  # shown on every self-check, and no fact is filled in here to keep it right
        raise DataError(display, line, number[0], NUMBER_IN_BUTTONS)
    unsafe = sorted(set(msgstr) & set(UNSAFE), key=UNSAFE.index)
    if unsafe:
        shown = " ".join(unsafe)
        raise DataError(
            display,
            line,
            f"the text for '{msgid}' has {shown}, which the self-checks would write into the page as HTML",
            'use plain words only, without < > & or "; for quotes write ‘ ’ or “ ”',
        )
    if "{n}" in msgid:
        try:
            msgstr.format(n=1)
        except (KeyError, IndexError, ValueError):
            raise DataError(
                display,
                line,
                f"the text for '{msgid}' has braces other than {{n}}",
                "write {n} where the question's number goes, and no other { or }",
            ) from None


def _msgid_line(lines: list[str], start: int) -> int:
    return _first(lines, start, "msgid")


def _msgstr_line(lines: list[str], start: int) -> int:
    return _first(lines, start, "msgstr")


def _first(lines: list[str], start: int, keyword: str) -> int:
    """The line number of the first line from `start` (polib's entry line) that starts `keyword`."""
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].lstrip("#~ ").startswith(keyword + " "):
            return number
    return start


# Every text mkdocs-quiz 1.7.1 looks up (its locales/mkdocs_quiz.pot; a test compares the two).
NEEDED = (
    "Quiz Progress",
    "Answered:",
    "Correct:",
    "Reset",
    "Answer",
    "Question {n}",
    "Submit",
    "questions answered",
    "correct",
    "Quiz Complete!",
    "Reset quiz",
    "Quiz results are saved to your browser's local storage and will persist between sessions.",
    "Outstanding! You aced it!",
    "Great job! You really know your stuff!",
    "Good effort! Keep learning!",
    "Not bad, but there's room for improvement!",
    "Better luck next time! Keep trying!",
    "Are you sure you want to reset the quiz? This will clear your progress.",
    "Correct answer!",
    "Incorrect answer. Please try again.",
    "Incorrect answer.",
    "Try Again",
    "(empty)",
)
UNSAFE = '<>&"'
NUMBER_IN_BUTTONS = (
    "the self-checks' buttons and messages cannot show a contact from data/contacts.yml, so a "
    "number typed here could go wrong unseen: use words only, and give the number on the page"
)
# A line holding a text (after msgid, msgstr, ..., or a continuation line), and a whole text.
STRING_LINE = re.compile(
    r'^(?:#~\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?(?P<text>".*)$'
)
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
