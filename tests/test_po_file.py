"""The self-checks' interface text (quizzes/interface-text.en-GB.po, hooks/quiz_interface_text.py):
read with polib as mkdocs-quiz reads it; a broken, incomplete or unsafe file stops the build and
the check with `quizzes/<file>.po:<line>: ...`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import mkdocs_quiz
import polib
import pytest

from conftest import ROOT, run_build
from induction.common import DataError
from induction.quiz_interface_text import NEEDED, check_interface_text

PO = "quizzes/interface-text.en-GB.po"
TEXT = (ROOT / PO).read_text(encoding="utf-8")
EMPTY = TEXT.split("\n").index("#: js/quiz.js:781") + 2  # a second text planted there: its msgstr line
ABOUT = (
    '"Your answers are saved only in this web browser, on this device. Nothing is "\n'
    '"sent to the council or to anyone else. You can clear them at any time."'
)
SYNTAX = "each text is msgid or msgstr and then one line in double quotes; use ‘ ’ or “ ” inside it"
QUOTES = 'write it as msgstr "Check my answer", with ‘ ’ or “ ” for quotes inside it'
UNSAFE = 'use plain words only, without < > & or "; for quotes write ‘ ’ or “ ”'


def test_the_site_needs_every_text_mkdocs_quiz_looks_up():
    """NEEDED is mkdocs-quiz's own template: this fails when an upgrade adds or renames a text."""
    template = Path(mkdocs_quiz.__file__).parent / "locales" / "mkdocs_quiz.pot"
    assert sorted(NEEDED) == sorted(e.msgid for e in polib.pofile(str(template)) if e.msgid)


def test_the_real_file_has_every_needed_text_and_nothing_unsafe():
    texts = check_interface_text(TEXT.encode(), PO)
    assert sorted(texts) == sorted(NEEDED)
    assert texts["Submit"] == "Check my answer"


def test_the_line_numbers_below_are_the_real_files():
    lines = TEXT.split("\n")
    assert lines[22] == 'msgstr "Right:"' and lines[39] == 'msgstr "Check my answer"'
    assert lines[35] == 'msgstr "Question {n}"' and lines[38] == 'msgid "Submit"'


BAD = [
    (
        "closing quote missing (polib would drop the last letter)",
        'msgstr "Right:"',
        'msgstr "Right:',
        f"{PO}:23: the text on this line does not start and end with a double quote, or has one inside it "
        f"({QUOTES})",
    ),
    (
        "a double quote inside the text",
        'msgstr "Right:"',
        'msgstr "Ri"ght"',
        f"{PO}:23: the text on this line does not start and end with a double quote, or has one inside it "
        f"({QUOTES})",
    ),
    (
        "a misspelt keyword (polib's syntax error, with its line)",
        'msgstr "Right:"',
        'msgtr "Right:"',
        f"{PO}:23: this is not a valid .po file ({SYNTAX})",
    ),
    (
        "stray words (polib's syntax error, with its line)",
        'msgstr "Right:"',
        'msgstr "Right:"\nRight',
        f"{PO}:24: this is not a valid .po file ({SYNTAX})",
    ),
    (
        "an empty text",
        'msgstr "Right:"',
        'msgstr ""',
        f"{PO}:23: the text for 'Correct:' is empty (write what readers see: msgstr \"...\")",
    ),
    (
        "an empty text over several lines",
        ABOUT,
        "",
        f"{PO}:62: the text for 'Quiz results are saved to your browser's local storage and will persist "
        'between sessions.\' is empty (write what readers see: msgstr "...")',
    ),
    (
        "a missing text",
        'msgid "Submit"\nmsgstr "Check my answer"\n',
        "",
        f"{PO}: the text for 'Submit' is missing "
        '(add msgid "Submit" and, on the next line, msgstr "..." with the words readers see)',
    ),
    (
        "a missing msgstr line",
        'msgstr "Right:"\n',
        "",
        f"{PO}: the text for 'Correct:' is missing "
        '(add msgid "Correct:" and, on the next line, msgstr "..." with the words readers see)',
    ),
    (
        "an edited msgid",
        'msgid "Submit"',
        'msgid "Check my answer"',
        f"{PO}:39: the msgid 'Check my answer' is not a text the self-checks use "
        "(change only the msgstr lines; put the msgid back as it was)",
    ),
    (
        "a text given twice",
        '#: js/quiz.js:781\nmsgid "(empty)"',
        'msgid "Reset"\nmsgstr "Start again"\n\n#: js/quiz.js:781\nmsgid "(empty)"',
        f"{PO}:{EMPTY}: the text for 'Reset' is given twice (keep one)",
    ),
    (
        "a text given twice in an old entry",
        '#: js/quiz.js:781\nmsgid "(empty)"',
        '#~ msgid "Reset"\n#~ msgstr "<b>Reset</b>"\n\n#: js/quiz.js:781\nmsgid "(empty)"',
        f"{PO}:{EMPTY}: the text for 'Reset' is given twice (keep one)",
    ),
    (
        "a script in a text",
        'msgstr "Check my answer"',
        'msgstr "<img src=x onerror=alert(1)>"',
        f"{PO}:40: the text for 'Submit' has < >, which the self-checks would write into the page as HTML "
        f"({UNSAFE})",
    ),
    (
        "a character reference",
        'msgstr "Right:"',
        'msgstr "Right &amp; done:"',
        f"{PO}:23: the text for 'Correct:' has &, which the self-checks would write into the page as HTML "
        f"({UNSAFE})",
    ),
    (
        "an escaped double quote (it would end an aria-label attribute)",
        'msgstr "Right:"',
        'msgstr "Right\\" onfocus=\\"alert(1)"',
        f"{PO}:23: the text for 'Correct:' has \", which the self-checks would write into the page as HTML "
        f"({UNSAFE})",
    ),
    (
        "a phone number (no fact is filled in here to keep it right)",
        'msgstr "Right:"',
        'msgstr "Right: or ring 01452 42 65 66"',
        f"{PO}:23: '01452 42 65 66' is a phone number typed into the text for 'Correct:' (the "
        "self-checks' buttons and messages cannot show a contact from data/contacts.yml, so a number "
        "typed here could go wrong unseen: use words only, and give the number on the page)",
    ),
    (
        "braces other than {n}",
        'msgstr "Question {n}"',
        'msgstr "Question {number}"',
        f"{PO}:36: the text for 'Question {{n}}' has braces other than {{n}} "
        "(write {n} where the question's number goes, and no other { or })",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_a_bad_interface_text_file_is_an_error_naming_its_line(old, new, message):
    assert old in TEXT
    with pytest.raises(DataError) as error:
        check_interface_text(TEXT.replace(old, new, 1).encode(), PO)
    assert str(error.value) == message


def test_bytes_that_are_not_utf8_are_an_error_naming_their_line():
    data = TEXT.encode().replace(b'msgstr "Right:"', b'msgstr "Right\xff"')
    with pytest.raises(DataError) as error:
        check_interface_text(data, PO)
    assert str(error.value).startswith(f"{PO}:23: this file is not UTF-8 text: ")


@pytest.mark.parametrize(
    "text",
    [
        "Don't worry: you can try again.",
        "Question {n} of the self-check",
        "Right – well done",
        "‘Check’ my answer",
        "Back\\slash",
        "Question {n} of 12, 2026",
    ],
)
def test_plain_words_apostrophes_and_typographic_quotes_are_fine(text):
    escaped = text.replace("\\", "\\\\")
    po = TEXT.replace('msgstr "Question {n}"', f'msgstr "{escaped}"', 1)
    assert check_interface_text(po.encode(), PO)["Question {n}"] == text


# --- Real builds and the check ----------------------------------------------------------------

BAD_BUILDS = [
    ("syntax", 'msgstr "Right:"', 'msgtr "Right:"', f"{PO}:23: this is not a valid .po file ({SYNTAX})"),
    (
        "missing",
        'msgid "Submit"\nmsgstr "Check my answer"\n',
        "",
        f"{PO}: the text for 'Submit' is missing (add msgid",
    ),
    (
        "unsafe",
        'msgstr "Check my answer"',
        'msgstr "<img src=x onerror=alert(1)>"',
        f"{PO}:40: the text for 'Submit' has < >, which the self-checks would write into the page as HTML "
        f"({UNSAFE})",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "message"), [b[1:] for b in BAD_BUILDS], ids=[b[0] for b in BAD_BUILDS]
)
def test_a_bad_interface_text_file_fails_the_real_build_before_any_page(
    project_copy, tmp_path, old, new, message
):
    po = project_copy / PO
    po.write_text(po.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert message in build.output
    assert "Traceback" not in build.output
    assert not list((tmp_path / "site").rglob("*.html"))


def test_the_content_check_reports_an_unsafe_interface_text_with_its_line(project_copy, tmp_path):
    po = project_copy / PO
    po.write_text(TEXT.replace('msgstr "Check my answer"', 'msgstr "<b>Check</b>"', 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "check", "--project", str(project_copy), "--html", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert (
        f"ERROR   {PO}:40: the text for 'Submit' has < >, which the self-checks would write" in result.stdout
    )
