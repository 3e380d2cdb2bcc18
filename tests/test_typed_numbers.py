"""A phone number is never typed into a page or a self-check: it comes from data/contacts.yml
through its placeholder, so a digit typed wrong cannot be published. A security review (December
2026) typed the front door's number with its last digit wrong on a page, and a link that showed
the right number and rang another; both built without a word. Now each stops the build at its
line, saying which placeholder to write."""

from __future__ import annotations

import markdown
import phonenumbers
import pytest
from phonenumbers import PhoneMetadata

from conftest import TEXT_EXTENSIONS, copy_project, run_build
from induction.common import DataError
from induction.facts import FEWEST_DIGITS, UnfilledFacts, check_typed_numbers, typed_number
from induction.safe_html import SafeHtml
from test_escaping import plant_line

FULL_WIDTH = "01452 426565".translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})  # ０１４５２ ...

GUJARATI = "01452 426566".translate({ord(d): 0x0AE6 + int(d) for d in "0123456789"})
GUJARATI_REFERENCES = "".join(c if c == " " else f"&#x{ord(c):x};" for c in GUJARATI)

CONTACTS = {
    "front_door": {"phone": "01452 42 65 65", "tel": "+441452426565"},
    "emergency_duty_team": {"phone": "01452 614194", "tel": "+441452614194"},
    "emergency": {"phone": "999", "tel": "999"},
}
KNOWN = "write {{ contacts.front_door.phone }} instead: the number then comes from data/contacts.yml"
EMERGENCY = KNOWN.replace("front_door", "emergency")
EDT = KNOWN.replace("front_door", "emergency_duty_team")
TYPED = "is a phone number typed into the page"
FD = "{{ contacts.front_door.phone }}"
RUNS_ON = "so readers would see another number"
SPACE = "leave the placeholder on its own, with a space or a word between it and any figure"
UNKNOWN = (
    "this number is not in data/contacts.yml: add it there with a name and when to call (see the "
    "trainer guide, Contacts and people), then write its placeholder, for example "
    "{{ contacts.front_door.phone }}"
)
OUT_OF_BACKTICKS = "write the placeholder outside the backticks, which would show its braces"
IN_DATA = (
    "keep each phone number only on its contact's phone: line in data/contacts.yml (see the trainer "
    "guide, Contacts and people), and name the contact here instead: readers find every number on "
    "the Contacts page"
)
TEL = (
    "write the contact's placeholder after tel:, for example "
    "[{{ contacts.front_door.phone }}](tel:{{ contacts.front_door.tel }}), or leave the link out: "
    "a number from data/contacts.yml is made a link by itself"
)


def typed_link(address: str) -> tuple[str, str]:
    return (
        f"the phone link '{address}' is typed with its number, which may not be the number the page shows",
        TEL,
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the review's two slips
        (
            "call the Children and Families Front Door on 01452 42 65 66",
            ("'01452 42 65 66' is a phone number typed into the page", UNKNOWN),
        ),
        ("[01452 42 65 65](tel:+441452426566)", typed_link("tel:+441452426566")),
        # a contact's own number typed out: its placeholder is named
        ("Phone 01452 426565 now.", ("'01452 426565' is a phone number typed into the page", KNOWN)),
        # pasted from a document with non-breaking and narrow spaces
        (
            "Phone 01452\u202f42\u00a065\u00a065.",
            ("'01452 42 65 65' is a phone number typed into the page", KNOWN),
        ),
        # ... or with a zero-width space or word joiner (format characters) between its digits
        (
            "Phone 01452\u200b426565\u2060 now.",
            ("'01452 426565' is a phone number typed into the page", KNOWN),
        ),
        ("Phone +44 1452 42 65 65.", ("'+44 1452 42 65 65' is a phone number typed into the page", KNOWN)),
        # in full-width digits (pasted from a document in another script): still a number to dial
        (f"Phone {FULL_WIDTH}.", (f"'{FULL_WIDTH}' is a phone number typed into the page", KNOWN)),
        ('<a href="tel:01452426565">call</a>', typed_link("tel:01452426565")),
        # disguised by markup that readers do not see (a security review, 7 December 2026): the
        # number is read as shown
        ("Phone 01452 **426566**.", ("'01452 426566' is a phone number typed into the page", UNKNOWN)),
        ("Phone 01452 __426565__.", ("'01452 426565' is a phone number typed into the page", KNOWN)),
        # ... and where the markup ends a number, as the check of the text as typed found it (a
        # review of the change): a line break, a footnote mark, a table cell
        (
            "Phone: 01452 426566<br>Email: x",
            ("'01452 426566' is a phone number typed into the page", UNKNOWN),
        ),
        ("Call 01452 426566<sup>1</sup>", ("'01452 426566' is a phone number typed into the page", UNKNOWN)),
        (
            "<td>01452 426566</td><td>24 hours</td>",
            ("'01452 426566' is a phone number typed into the page", UNKNOWN),
        ),
        ("team<br>01452 426584.", ("'01452 426584' is a phone number typed into the page", UNKNOWN)),
        # a backslash before punctuation and a run of spaces (an indented line joined on) show so
        ("Phone 01452\\-426566.", ("'01452-426566' is a phone number typed into the page", UNKNOWN)),
        ("Phone 01452      426566.", ("'01452 426566' is a phone number typed into the page", UNKNOWN)),
        # a phone link whose placeholder is not a contact's tel (this one rings 999), or written as
        # a reference definition, or with a space before tel:
        (
            "[{{ contacts.front_door.phone }}](tel:{{ contacts.emergency.phone }})",
            (
                "the phone link 'tel:{{ contacts.emergency.phone }}' rings a placeholder that is not a "
                "contact's tel, which may not be the number the page shows",
                TEL,
            ),
        ),
        ("[fd]: tel:0%31452426572", typed_link("tel:0%31452426572")),
        ('<a href=" tel:01452426573">x</a>', typed_link("tel:01452426573")),
        # a number in a link's address or a picture's file name is not shown
        ("![chart](images/01452_426566.png)", None),
        (
            "Phone 0145<span>2</span> 426566.",
            ("'01452 426566' is a phone number typed into the page", UNKNOWN),
        ),
        ("Phone &#48;1452 42656&#x36;.", ("'01452 426566' is a phone number typed into the page", UNKNOWN)),
        ("Phone 01452&nbsp;426566.", ("'01452 426566' is a phone number typed into the page", UNKNOWN)),
        ('<a href="&#116;el:+441452426566">call</a>', typed_link("tel:+441452426566")),
        # digits of another script as references whose hex has few digits of its own (&#xaea; is a
        # Gujarati 4): the digits are counted as shown, not as typed
        (f"Phone {GUJARATI_REFERENCES}.", (f"'{GUJARATI}' is a phone number typed into the page", UNKNOWN)),
        # the shortest UK number, seven digits
        ("Childline: 0800 1111.", ("'0800 1111' is a phone number typed into the page", UNKNOWN)),
        # markup near digits that makes no number, and a placeholder's braces as references
        ("Pick *2* of the 3 options; a_1 and 2*3 = 6 in 2026.", None),
        ("&#123;&#123; contacts.front_door.phone &#125;&#125;", None),
        # a short number after a word that rings it (three digits alone are a count)
        ("In an emergency, call 999.", ("'999' is a phone number typed into the page", EMERGENCY)),
        (
            "If a child is in danger, call the police on 999.",
            ("'999' is a phone number typed into the page", EMERGENCY),
        ),
        ("Call NHS 111 for advice.", ("'111' is a phone number typed into the page", UNKNOWN)),
        ("Police (not an emergency), phone: 101", ("'101' is a phone number typed into the page", UNKNOWN)),
        ("Young people can text SHOUT to 85258.", ("'85258' is a phone number typed into the page", UNKNOWN)),
        ("Call 9\u200b9&#57; now.", ("'9 99' is a phone number typed into the page", EMERGENCY)),  # 0 width
        ("Ring them on 116 123 at night.", ("'116 123' is a phone number typed into the page", UNKNOWN)),
        ("Call **999**.", ("'999' is a phone number typed into the page", EMERGENCY)),
        ("999 referrals, 111 children; we call 2026 a year of change; call 999,000 people.", None),
        # counts after a word that rings (a red-team of the first rule, 7 December 2026)
        ("Each year we call 300 families; we phone 101 carers and text 160 characters or fewer.", None),
        ("Home visits 120, calls 300, texts 85. The number of carers rose to 100. Score: 100.", None),
        ("We call 999 households on the list; social workers call 300 to 400 families a year.", None),
        # page numbers, scores and statistics (a review of the second rule, 7 December 2026)
        ("Thresholds are based on 100. The form is on page 111; the plan depends on 112.", None),
        ("Home visits 120, calls 150, texts 85. Calls: 150. The phone bill was 150. Phone 100 or so.", None),
        # ... and numbers it missed, with 'to', 'about' or a bracket after them
        ("Ring 101 to report a crime.", ("'101' is a phone number typed into the page", UNKNOWN)),
        ("Call 999 (police) now.", ("'999' is a phone number typed into the page", EMERGENCY)),
        ("Contact the police on 101 about it.", ("'101' is a phone number typed into the page", UNKNOWN)),
        ("Call {{ contacts.emergency.phone }} at once.", None),
        # a digit typed next to a contact's number, which readers see run into it (a red-team)
        ("Call {{ contacts.front_door.phone }}9 now.", (f"a digit is typed next to {FD}, {RUNS_ON}", SPACE)),
        ("Call 0{{ contacts.front_door.phone }}.", (f"a digit is typed next to {FD}, {RUNS_ON}", SPACE)),
        ("Call {{ contacts.front_door.phone }}**9**.", (f"a digit is typed next to {FD}, {RUNS_ON}", SPACE)),
        (f"Call {FD} 24 hours a day, or {FD}, 9 to 5.", None),
        # placeholders, years, figures and sections of law are not phone numbers
        ("Call [{{ contacts.front_door.phone }}](tel:{{ contacts.front_door.tel }}).", None),
        ("In 2021-22 there were 22,000 contacts, 111 children and 1,452 visits (section 47).", None),
        ("The Children Act 1989 (1989/41) and 18,582 children.", None),
        # a figure typed after or before a number: libphonenumber read the run as one number, too
        # long, and so as none (a second reading, 7 December 2026)
        (
            "Call 01452 426599 24 hours a day.",
            ("'01452 426599' is a phone number typed into the page", UNKNOWN),
        ),
        ("Ring 01452 614194 7 days a week.", ("'01452 614194' is a phone number typed into the page", EDT)),
        (
            "In 2025 01452 426599 was the number.",
            ("'01452 426599' is a phone number typed into the page", UNKNOWN),
        ),
        (
            "Text 0800 111 1111 7 days a week.",
            ("'0800 111 1111' is a phone number typed into the page", UNKNOWN),
        ),
        ("In 2021 2022 2023 there were 1 000 000 visits on 01 02 2025.", None),
        # ... but not a year, an ISBN or a time read as one (a review and a red-team of that change)
        ("Spending in 2019/20 2020/21 and 2016-17 2017-18 rose; met 12.12.2025 14.30.", None),
        ("Working Together 2023 (ISBN 978-1-5286-4634-3), 978 1 5286 4634 3.", None),
        ("Timetable 08.00 09.30 11.00 12.30 14.00; counts 0 331 0 126 452 735.", None),
        # a letter against a number, a mark that shows nothing inside it (a red-team)
        (
            "Call the helpline on01452 426599.",
            ("'01452 426599' is a phone number typed into the page", UNKNOWN),
        ),
        ("Call 01452 42\ufe066599.", ("'01452 42 6599' is a phone number typed into the page", UNKNOWN)),
        ("Call +44(0)1452 426599 24 hours a day.", (f"'+44(0)1452 426599' {TYPED}", UNKNOWN)),
        ("Call (+44) 1452 426599 24 hours a day.", (f"'(+44) 1452 426599' {TYPED}", UNKNOWN)),
        # the first number of a run, not a contact's after it (a review)
        ("Lines: 01452 426599 01452 42 65 65 now.", (f"'01452 426599' {TYPED}", UNKNOWN)),
    ],
)
def test_a_number_typed_into_a_text_is_found_with_what_to_write(text, found):
    assert typed_number(text, CONTACTS) == found


@pytest.mark.parametrize(
    ("markdown", "line"),
    [
        ("Intro.\n\nPhone the front door on 01452\n42 65 66 now.\n", 3),
        ("Intro.\n\nLine.\nPhone the front door on <b>01452</b>\n42 65 6&#54; now.\n", 4),
        # in an admonition: its lines joined keep their indent (a review of the change)
        ('!!! note "Fostering"\n\n    To ask, call the team on 01452\n    426596, Monday to Friday.\n', 3),
        ("Intro.\n\nPhone the front door on 01452 42\n65 66 now, or\nlater.\n", 3),
        ("Intro.\n\nOne line.\nPhone [{{ contacts.front_door.phone }}](tel:+441452426566)\nnow.\n", 4),
    ],
)
def test_a_number_wrapped_over_two_lines_is_found_at_the_line_it_starts(markdown, line):
    """Markdown joins a paragraph's lines, so readers see one number (found by a review of the change)."""
    with pytest.raises(DataError) as error:
        check_typed_numbers(markdown, CONTACTS, "docs/x.md")
    assert str(error.value).startswith(f"docs/x.md:{line}: ")


@pytest.mark.parametrize(
    ("markdown", "line"),
    [
        # a quote's paragraph is read without its > marks, as readers see it
        ("Intro.\n\n> If you are worried, call 01452\n> 426599 today.\n", 3),
        ("> > Nested: call 01452\n> > 426599.\n", 1),
        # a line indented less than 4 spaces more than its note is not in the note: readers see it
        ('!!! trainer "A note"\n    Note text.\n\n  If you are worried, call 01452 426599 today.\n', 4),
        ('!!! trainer "A note"\n    Note text.\n\n   Call 01452\n   426599 today.\n', 4),
        ('- Item\n\n    !!! trainer "A note"\n        Note.\n\n      Call 01452 426599.\n', 6),
        ('!!! trainer "A note"\n    Note text.\n\n  ```text\n  call 01452 426599\n  ```\n', 5),
    ],
    ids=["quote", "nested quote", "after a note, 2 spaces", "after a note, wrapped", "in a list", "fence"],
)
def test_a_number_in_a_quote_or_below_a_note_is_found_as_readers_see_it(markdown, line):
    """A red-team (7 December 2026) published these: the check read the > marks into the number,
    and took any line indented more than a note's first line for the note's."""
    with pytest.raises(DataError) as error:
        check_typed_numbers(markdown, CONTACTS, "docs/x.md")
    assert str(error.value).startswith(f"docs/x.md:{line}: '01452")


def test_a_note_keeps_its_lines_indented_4_spaces_more():
    # a quote inside a note is the note's (a review of the quoted-note change)
    check_typed_numbers(
        '!!! trainer "Old"\n    > The old line was 01452 426599.\n\n    Or 01452 426599.\n', CONTACTS, "x"
    )
    check_typed_numbers('> !!! trainer "Old number"\n>     The old line was 01452 426599.\n', CONTACTS, "x")
    check_typed_numbers(
        '!!! trainer "A note"\n    Call 01452 426599.\n\n    And 01452 426599.\n', CONTACTS, "x"
    )
    check_typed_numbers('- Item\n\n    !!! trainer "A note"\n        Call 01452 426599.\n', CONTACTS, "x")


@pytest.mark.parametrize(
    ("markdown", "line"),
    [
        (f"Call {FD} in the day,\nor out of hours\nphone {FD}9.\n", 3),
        (f"- two {FD}\n- three {FD}1\n", 2),
        (f"| a | b |\n| --- | --- |\n| x | {FD} |\n| y | {FD}2 |\n", 4),
    ],
    ids=["paragraph", "list", "table"],
)
def test_a_digit_next_to_a_placeholder_is_told_at_that_placeholders_line(markdown, line):
    """Not at the line of the same placeholder earlier in the paragraph (a review of the change)."""
    with pytest.raises(DataError) as error:
        check_typed_numbers(markdown, CONTACTS, "docs/x.md")
    assert str(error.value).startswith(f"docs/x.md:{line}: a digit is typed next to {FD}")


def test_the_page_check_names_the_line_and_leaves_trainer_notes_and_comments_alone():
    markdown = (
        "Intro.\n\n<!--\n```\n01452 42 65 66\n```\n-->\n"
        '!!! trainer "Check"\n    The slide says 01452 42 65 66, or `01452 42 65 66`.\n\n'
        "    ```\n    01452 42 65 66\n    ```\n\n"
        "Ring the front door in the example.\n\nOr 01452 614194 out of hours.\n"
    )
    with pytest.raises(DataError) as error:
        check_typed_numbers(markdown, CONTACTS, "docs/x.md", 4)
    assert str(error.value) == (
        "docs/x.md:21: '01452 614194' is a phone number typed into the page (write "
        "{{ contacts.emergency_duty_team.phone }} instead: the number then comes from data/contacts.yml)"
    )


def test_a_number_in_a_code_span_is_shown_to_readers_and_found():
    """Found by a security review (7 December 2026): `01452 42 65 66` was published."""
    markdown = "Intro.\n\nRing\n`01452 42 65 66` in the example.\n"
    with pytest.raises(DataError) as error:
        check_typed_numbers(markdown, CONTACTS, "docs/x.md", 4)
    assert str(error.value) == (
        f"docs/x.md:8: '01452 42 65 66' is a phone number typed into the page ({UNKNOWN}; {OUT_OF_BACKTICKS})"
    )


@pytest.mark.parametrize(
    ("markdown", "line"),
    [
        ("Intro.\n\n```\nPhone: 0800\n01452 42 65 66\n```\n", 9),
        ("Intro.\n\n~~~text\n01452 42 65 66\n~~~\n", 8),
        ("Intro.\n\n    01452 42 65 66\n", 7),  # indented by four spaces: a code block
        ('!!! note "Call"\n\n    ```\n    01452 42 65 66\n    ```\n', 8),  # in a note readers see
    ],
    ids=["fenced", "tildes", "indented", "in an admonition"],
)
def test_a_number_in_a_code_block_is_shown_to_readers_and_found(markdown, line):
    """A code block shows its lines as typed: a number in one is published as typed."""
    with pytest.raises(DataError) as error:
        check_typed_numbers(markdown, CONTACTS, "docs/x.md", 4)
    assert str(error.value) == (
        f"docs/x.md:{line}: '01452 42 65 66' is a phone number typed into the page ({UNKNOWN}; "
        "write the placeholder outside the code block, which would show its braces)"
    )


def test_a_code_block_without_a_number_passes():
    markdown = "```\n{{ contacts.front_door.phone }} since 2026, 1989 Act\n```\n"
    check_typed_numbers(markdown, CONTACTS, "docs/x.md")


FRONT, EDT = "contacts.front_door", "contacts.emergency_duty_team"
BOTH = (  # what to write instead: one contact or the other
    f"use the same contact in both places: either [{{{{ {FRONT}.phone }}}}](tel:{{{{ {FRONT}.tel }}}}) "
    f"or [{{{{ {EDT}.phone }}}}](tel:{{{{ {EDT}.tel }}}})"
)


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        (
            f"Call [{{{{ {FRONT}.phone }}}}](tel:{{{{ {EDT}.tel }}}}) now.",
            "the phone link shows contacts.front_door but rings contacts.emergency_duty_team",
        ),
        (
            f'Call <a class="x" href="tel:{{{{ {EDT}.tel }}}}">\n{{{{ {FRONT}.phone }}}}</a>.',
            "the phone link shows contacts.front_door but rings contacts.emergency_duty_team",
        ),
        # other ways to write a link (found by a review of the change)
        (
            f"Call [{{{{ {FRONT}.phone }}}}][edt] now.\n\n[EDT]: tel:{{{{ {EDT}.tel }}}}",
            "the phone link shows contacts.front_door but rings contacts.emergency_duty_team",
        ),
        (
            f"Call [{{{{ {FRONT}.phone }}}}] now.\n\n[{{{{ {FRONT}.phone }}}}]: tel:{{{{ {EDT}.tel }}}}",
            "the phone link shows contacts.front_door but rings contacts.emergency_duty_team",
        ),
        (
            f'Call [{{{{ {FRONT}.phone }}}}](#){{ href="tel:{{{{ {EDT}.tel }}}}" }} now.',
            "the phone link shows contacts.front_door but rings contacts.emergency_duty_team",
        ),
        (
            f"Call [ring [now] {{{{ {FRONT}.phone }}}}](tel:{{{{ {EDT}.tel }}}}).",
            "the phone link shows contacts.front_door but rings contacts.emergency_duty_team",
        ),
    ],
    ids=["Markdown", "HTML", "reference", "shortcut reference", "attribute", "brackets in the text"],
)
def test_a_link_that_shows_one_contact_and_rings_another_is_found(markdown, problem):
    """Found by a security review (7 December 2026): a line copied from another contact and
    changed in one place showed the front door's number and rang the out-of-hours team."""
    with pytest.raises(DataError) as error:
        check_typed_numbers(f"Intro.\n\n{markdown}\n", CONTACTS, "docs/x.md")
    assert str(error.value) == f"docs/x.md:3: {problem} ({BOTH})"


def test_links_that_show_and_ring_one_contact_pass():
    check_typed_numbers(
        "Call [{{ contacts.front_door.phone }}](tel:{{ contacts.front_door.tel }}) or "
        "[the team](tel:{{ contacts.emergency_duty_team.tel }}), or "
        '<a href="tel:{{ contacts.emergency.tel }}">{{ contacts.emergency.phone }}</a>, or '
        "[{{ contacts.emergency_duty_team.phone }}][EDT] or [a page][p].\n\n"
        "[edt]: tel:{{ contacts.emergency_duty_team.tel }}\n[p]: other.md\n",
        CONTACTS,
        "docs/x.md",
    )


PAGE = "docs/services/fostering.md"


@pytest.mark.build
@pytest.mark.parametrize(
    ("relative", "start", "new", "message"),
    [
        (
            PAGE,
            "## How the service is organised",
            "Call the front door on 01452 42 65 66.\n\n## How the service is organised",
            f"{PAGE}:{{line}}: '01452 42 65 66' is a phone number typed into the page ({UNKNOWN})",
        ),
        (
            PAGE,
            "## How the service is organised",
            "Call [{{ contacts.front_door.phone }}](tel:+441452426566).\n\n## How the service is organised",
            f"{PAGE}:{{line}}: the phone link 'tel:+441452426566' is typed with its number",
        ),
        (
            PAGE,
            "## How the service is organised",
            "Call [{{ contacts.front_door.phone }}](tel:{{ contacts.emergency_duty_team.tel }}).\n\n"
            "## How the service is organised",
            f"{PAGE}:{{line}}: the phone link shows contacts.front_door but rings "
            "contacts.emergency_duty_team",
        ),
        (
            PAGE,
            "## How the service is organised",
            "Call the front door on 01452 **42 65 66**.\n\n## How the service is organised",
            f"{PAGE}:{{line}}: '01452 42 65 66' is a phone number typed into the page ({UNKNOWN})",
        ),
        (
            PAGE,
            "## How the service is organised",
            "Call the front door on `01452 42 65 66`.\n\n## How the service is organised",
            f"{PAGE}:{{line}}: '01452 42 65 66' is a phone number typed into the page ({UNKNOWN}; "
            f"{OUT_OF_BACKTICKS})",
        ),
        (
            PAGE,
            "## How the service is organised",
            "    01452 42 65 66\n\n## How the service is organised",  # four spaces in: a code block
            f"{PAGE}:{{line}}: '01452 42 65 66' is a phone number typed into the page ({UNKNOWN}; "
            "write the placeholder outside the code block, which would show its braces)",
        ),
        (
            PAGE,
            "## How the service is organised",
            "If a child is in danger now, call 999.\n\n## How the service is organised",
            f"{PAGE}:{{line}}: '999' is a phone number typed into the page ({EMERGENCY})",
        ),
        (
            PAGE,
            "## How the service is organised",
            f"Call the front door on {FD}9.\n\n## How the service is organised",
            f"{PAGE}:{{line}}: a digit is typed next to {FD}, {RUNS_ON} ({SPACE})",
        ),
        (  # told as a typed number, not as a title that differs from the heading (a review)
            PAGE,
            "title: Fostering",
            "title: Fostering, 01452 42 65 66",
            f"{PAGE}:{{line}}: '01452 42 65 66' is a phone number typed into the page's title ({IN_DATA})",
        ),
        (  # the page's summary where it is linked (a red-team, 7 December 2026)
            PAGE,
            "description: How the council's fostering service",
            "description: How to foster. Call the fostering line on 01452 42 65 66.",
            f"{PAGE}:{{line}}: '01452 42 65 66' is a phone number typed into the page's description "
            f"({IN_DATA})",
        ),
        (
            "quizzes/services-kinship-care.yml",
            '        feedback: "Yes: {{ contacts.front_door.phone }}."',
            '        feedback: "Yes: 01452 42 65 65."',
            "quizzes/services-kinship-care.yml:{line}: '01452 42 65 65' is a phone number typed into the "
            f"self-check ({KNOWN})",
        ),
        (
            "data/contacts.yml",
            '  note: "This is an answering machine.',
            '  note: "Or call the front door on 01452 42 65 65."',
            "data/contacts.yml:{line}: '01452 42 65 65' is a phone number typed into the note of "
            f"'emergency_duty_team' ({IN_DATA})",
        ),
        (  # a page may show a source's note with a placeholder (found by a review of the change)
            "data/sources.yml",
            '  note: "Shown to newly elected councillors.',
            '  note: "Shown to councillors. Questions: 01452 42 65 65."',
            "data/sources.yml:{line}: '01452 42 65 65' is a phone number typed into the note of "
            f"'induction_2025' ({IN_DATA})",
        ),
    ],
    ids=[
        *("number in a page", "tel: link in a page", "crossed link", "number in bold", "code span"),
        "code block",
        "short number",
        "digit next to a placeholder",
        "number in a page's title",
        "number in a page's description",
        "number in a self-check",
        *("number in a contact's note", "number in a source's note"),
    ],
)
def test_a_typed_number_stops_the_build_at_its_line(tmp_path, relative, start, new, message):
    project = copy_project(tmp_path / "project")
    number = plant_line(project, relative, start, new)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert message.replace("{line}", str(number)) in build.output
    assert "Traceback" not in build.output


@pytest.mark.build
def test_a_number_typed_into_a_glossary_entrys_other_names_stops_the_build_at_their_line(tmp_path):
    """Its other names are shown on the Glossary page ("Also written"; a red-team, 7 December 2026)."""
    project = copy_project(tmp_path / "project")
    line = plant_line(
        project, "data/glossary.yml", "    aliases: [academies]", "    aliases: [academies, 01452 426566]"
    )
    message = "'01452 426566' is a phone number typed into the entry 'academy school'"
    assert_stops(project, tmp_path / "site", f"data/glossary.yml:{line}: {message}")


@pytest.mark.build
def test_a_number_typed_into_a_glossary_definition_stops_the_build_at_the_definitions_line(tmp_path):
    """Shown in the Glossary page and in every link's tooltip (a security review, 7 December 2026)."""
    project = copy_project(tmp_path / "project")
    plant_line(
        project,
        "data/glossary.yml",
        "      next working day. Its number is",
        "      next working day. 01452 614194.",
    )
    line = plant_line(project, "data/glossary.yml", "  - term: EDT", "  - term: EDT") + 2
    assert (project / "data" / "glossary.yml").read_text(encoding="utf-8").split("\n")[line - 1] == (
        "    definition: >-"
    )
    message = f"'01452 614194' is a phone number typed into the entry 'EDT' ({IN_DATA})"
    assert_stops(project, tmp_path / "site", f"data/glossary.yml:{line}: {message}")


# --- The safety net: every phone link of the converted page rings what it shows ----------------


NO_CONTACTS = "which is no contact's number in data/contacts.yml"


def converted_link_problems(markdown_text: str) -> list[str]:
    """The problems RingsWhatItShows finds in `markdown_text` (its facts already filled in),
    converted by Python-Markdown with the site's attribute lists and the contacts' links."""
    import markdown

    from induction.phone_links import PhoneLinks, RingsWhatItShows

    check = RingsWhatItShows(CONTACTS)
    markdown.markdown(markdown_text, extensions=["attr_list", "admonition", PhoneLinks(CONTACTS), check])
    return [problem for _, problem, _ in check.problems]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        # the red-team's links (7 December 2026), each past the check of the Markdown as typed
        (
            '[01452 42 65 65](tel:+441452426565){ href="tel:+441452614194" }',
            ["the phone link shows 01452 42 65 65 but rings 01452 614194"],
        ),
        (
            "Call [01452 42 65 65][edt] now.\n\n[ edt]: tel:+441452614194\n",
            ["the phone link shows 01452 42 65 65 but rings 01452 614194"],
        ),
        (
            '!!! note "x"\n\n    Call [01452 42 65 65][edt2].\n\n    [edt2]: tel:+441452614194\n',
            ["the phone link shows 01452 42 65 65 but rings 01452 614194"],
        ),
        (
            "[Ring the front door](tel:0%31452426566)",
            [f"the phone link 'Ring the front door' rings 01452426566, {NO_CONTACTS}"],
        ),
        (
            'Or <a href=" tel:+441452426566">call us</a>.',
            [f"a phone link rings +441452426566, {NO_CONTACTS}"],
        ),
        # links that ring what they show, and one that shows no number
        ("[01452 42 65 65](tel:+441452426565) or [01452 614194](tel:+441452614194)", []),
        ("Call 01452 42 65 65 or 999.", []),  # the contacts' links, made by PhoneLinks
        ("[Ring the front door](tel:+441452426565)", []),
        ("[Email us](mailto:x@example.org)", []),
    ],
    ids=["href in braces", "label with a space", "in an admonition", "percent-encoded", "raw HTML", *"abcd"],
)
def test_every_phone_link_of_the_converted_page_rings_what_it_shows(text, problems):
    assert converted_link_problems(text) == problems


@pytest.mark.build
@pytest.mark.parametrize(
    ("relative", "start", "new", "told"),
    [
        (
            PAGE,
            "## How the service is organised",
            "Call [{{ contacts.front_door.phone }}](tel:{{ contacts.front_door.tel }})"
            '{ href="tel:{{ contacts.emergency_duty_team.tel }}" }.\n\n## How the service is organised',
            "the phone link shows 01452 42 65 65 but rings 01452 614194",
        ),
        (  # below other phone links, at its own line (a review of the change found the first's)
            "docs/contacts.md",
            "  [{{ contacts.emergency_duty_team.phone }}](tel:{{ contacts.emergency_duty_team.tel }}) and",
            "  [{{ contacts.emergency_duty_team.phone }}](tel:{{ contacts.emergency_duty_team.tel }})"
            '{ href="tel:{{ contacts.front_door.tel }}" } and leave a message.',
            "the phone link shows 01452 614194 but rings 01452 42 65 65",
        ),
    ],
    ids=["on a page with no other", "below other phone links"],
)
def test_a_link_that_rings_another_number_through_its_attributes_stops_the_build_at_its_line(
    tmp_path, relative, start, new, told
):
    """Found by a red-team (7 December 2026): `{ href="..." }` after a link replaces its address,
    so this link showed one contact's number and rang another's."""
    project = copy_project(tmp_path / "project")
    line = plant_line(project, relative, start, new)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert f"{relative}:{line}: {told}" in build.output


@pytest.mark.build
def test_a_number_typed_into_the_trainer_guides_text_stops_the_build_and_its_examples_do_not(tmp_path):
    """The trainer guide is in every reader's menu (a red-team, 7 December 2026, published a typed
    number there). Its code spans show what the checks say, numbers included: those stay."""
    project = copy_project(tmp_path / "project")
    relative = "docs/trainers/contacts-and-people.md"
    assert '`"01452 42 65 65"`' in (project / relative).read_text(encoding="utf-8")  # an example, kept
    heading = next(
        line
        for line in (project / relative).read_text(encoding="utf-8").split("\n")
        if line.startswith("## ")
    )
    line = plant_line(project, relative, heading, f"Or ring the fostering line on 01452 426599.\n\n{heading}")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert f"{relative}:{line}: '01452 426599' is a phone number typed into the page" in build.output


@pytest.mark.build
@pytest.mark.parametrize(
    ("start", "new", "told"),
    [
        (
            "  - Gloucestershire's children: gloucestershire.md",
            "  - Ring 01452 426566: gloucestershire.md",
            "'01452 426566' is a phone number typed into the menu title",
        ),
        (
            "  Gloucestershire County Council. Written for the induction of elected members.",
            "  Gloucestershire County Council, 01452 426566. Written for the induction of elected members.",
            "'01452 426566' is a phone number typed into the site's copyright line",
        ),
    ],
    ids=["menu title", "copyright"],
)
def test_a_number_typed_into_what_mkdocs_yml_shows_on_every_page_stops_the_build(tmp_path, start, new, told):
    """The menu and the copyright line are on every page (a red-team, 7 December 2026)."""
    project = copy_project(tmp_path / "project")
    line = plant_line(project, "mkdocs.yml", start, new)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert f"mkdocs.yml:{line}: {told} ({IN_DATA})" in build.output  # a folded value's own line


@pytest.mark.build
def test_a_number_typed_into_a_diagrams_words_stops_the_build_at_its_line(tmp_path):
    """A diagram's words are drawn as typed (a red-team, 7 December 2026, published one so)."""
    project = copy_project(tmp_path / "project")
    line = plant_line(
        project,
        "docs/images/front-door-route.svg",
        '    <text x="360" y="72">Someone gets in touch about a child</text>',
        '    <text x="360" y="72">Someone calls <tspan>01452</tspan><tspan dy="1em">426566</tspan></text>',
    )
    message = f"'01452 426566' is a phone number typed into the diagram ({IN_DATA})"
    assert_stops(project, tmp_path / "site", f"docs/images/front-door-route.svg:{line}: {message}")


def assert_stops(project, site, message: str) -> None:
    """The project's build stops, telling `message`."""
    build = run_build(project, site)
    assert build.returncode == 1, build.output
    assert message in build.output


def test_no_number_libphonenumber_counts_valid_has_fewer_digits_than_the_check_first_looks_for():
    """The check reads a text for numbers only when it has FEWEST_DIGITS digits: no region's
    shortest number with its country code, nor a UK number written without one, may have fewer."""
    shortest = min(
        len(str(metadata.country_code)) + min(metadata.general_desc.possible_length)
        for metadata in map(PhoneMetadata.metadata_for_region, phonenumbers.SUPPORTED_REGIONS)
    )
    shortest_uk = min(PhoneMetadata.metadata_for_region("GB").general_desc.possible_length)
    assert FEWEST_DIGITS <= min(shortest, shortest_uk)
    assert typed_number("Ring +43 1234 56.", {}) is not None  # six digits, Austria's shortest


INCLUDED = (
    "facts are not filled in inside included files, so a number there cannot come from "
    "data/contacts.yml: write the sentence in the page itself, with the contact's placeholder, for "
    "example {{ contacts.front_door.phone }}"
)


def _include(tmp_path, page: str, included: str, contacts: dict | None) -> None:
    """Convert `page`, which includes the file ring.md (holding `included`) with --8<--, as a build
    does: pymdownx.snippets with the facts' net, told the page and (or not) the contacts."""
    (tmp_path / "ring.md").write_text(included, encoding="utf-8")
    net = UnfilledFacts()
    net.start(page, lambda: ("docs/x.md", 3), contacts)
    snippets = {"pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True}}
    extensions = ["admonition", "pymdownx.snippets", net]  # trainer notes are admonitions
    markdown.Markdown(extensions=extensions, extension_configs=snippets).convert(page)


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ('Intro.\n\n--8<-- "ring.md"\n', 6),
        ("Intro.\n\n  --8<-- 'ring.md'\n\nMore.\n", 6),
        ("Intro.\n\n--8<--\nring.md\n--8<--\n", 6),  # a block of files: told at its first line
    ],
    ids=["line", "indented, single quotes", "block"],
)
def test_a_number_typed_into_a_file_the_page_includes_is_found_at_the_line_that_includes_it(
    tmp_path, page, line
):
    """The page check reads the page's own Markdown; a file it includes with --8<-- is pasted in
    later, inside the conversion, so the facts' net reads it there."""
    with pytest.raises(DataError) as error:
        _include(tmp_path, page, "# Ring\n\nRing the team on 01452 426599.\n", CONTACTS)
    assert str(error.value) == (
        f"docs/x.md:{line}: '01452 426599' is a phone number typed into a file the page includes with "
        f"--8<-- ({INCLUDED})"
    )


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ('--8<-- "ring.md"\n--8<-- "plain.md"\n', 1),  # side by side (a review of the change)
        ('--8<-- "plain.md"\n--8<-- "ring.md"\n', 2),
        ("Top.\n\n--8<--\nplain.md\n--8<--\n\nMid.\n\n--8<--\nplain.md\nring.md\n--8<--\n", 9),
        ('--8<-- "ring.md"\n\nText.\n\n--8<-- "ring.md"\n', 1),
    ],
    ids=["first of two", "second of two", "second block", "the same file twice"],
)
def test_a_number_in_an_included_file_is_told_at_the_line_that_includes_that_file(tmp_path, page, line):
    (tmp_path / "plain.md").write_text("Ring the front door.\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        _include(tmp_path, page, "Ring 01452 426599.\n", CONTACTS)
    assert str(error.value).startswith(
        f"docs/x.md:{line + 3}: '01452 426599' is a phone number typed into a file"
    )


NOTE_AND_COMMENT = '!!! trainer "For you"\n    Ring 01452 426599.\n\n<!-- 01452 426599 -->\n\nWords.\n'


@pytest.mark.parametrize(
    ("page", "included"),
    [
        ('Text.\n\n!!! trainer "For you"\n\n    --8<-- "ring.md"\n', "Ring 01452 426599.\n"),
        ('Text.\n\n<!--\n--8<-- "ring.md"\n-->\n', "Ring 01452 426599.\n"),
        ('Text.\n\n--8<-- "ring.md"\n', NOTE_AND_COMMENT),
    ],
    ids=["in a trainer note", "in a comment", "the file's own note and comment"],
)
def test_what_learners_never_read_of_an_included_file_is_not_read_for_numbers(tmp_path, page, included):
    """As on the page itself (a review of the change found these read more strictly)."""
    _include(tmp_path, page, included, CONTACTS)


def test_an_included_file_is_not_read_for_numbers_on_the_trainer_guide_or_without_one(tmp_path):
    _include(tmp_path, 'Intro.\n\n--8<-- "ring.md"\n', "Ring 01452 426599.\n", None)  # the guide
    _include(tmp_path, 'Intro.\n\n--8<-- "ring.md"\n', "Ring the front door: 2026, 1989 Act.\n", CONTACTS)


@pytest.mark.build
def test_a_number_typed_into_an_included_file_stops_the_build_and_the_guide_may_include_it(tmp_path):
    project = copy_project(tmp_path / "project")
    example = project / "docs" / "trainers" / "examples" / "ring.md"
    example.write_text("Ring the team on 01452 426599.\n", encoding="utf-8")
    guide = project / "docs" / "trainers" / "contacts-and-people.md"
    guide.write_text(
        guide.read_text(encoding="utf-8") + '\n```text\n--8<-- "docs/trainers/examples/ring.md"\n```\n',
        encoding="utf-8",
    )
    assert run_build(project, tmp_path / "guide").returncode == 0  # the guide shows it as an example
    number = plant_line(
        project,
        PAGE,
        "## How the service is organised",
        '--8<-- "docs/trainers/examples/ring.md"\n\n## How the service is organised',
    )
    message = f"'01452 426599' is a phone number typed into a file the page includes with --8<-- ({INCLUDED})"
    assert_stops(project, tmp_path / "site", f"{PAGE}:{number}: {message}")


def test_reading_each_included_file_again_leaves_safe_htmls_reading_of_the_page_alone(tmp_path):
    """The facts' net pastes each --8<-- in again on its own; safe_html, which wraps the same step,
    still has every file the page includes, so a tag in the first file is told at its line."""
    (tmp_path / "a.md").write_text('<meta http-equiv="refresh" content="0">\n', encoding="utf-8")
    (tmp_path / "b.md").write_text("Ring the front door.\n", encoding="utf-8")
    page = 'Intro.\n\n--8<-- "a.md"\n\n--8<-- "b.md"\n'
    judge, net = SafeHtml(), UnfilledFacts()
    judge.start(page)
    net.start(page, lambda: ("docs/x.md", 0), CONTACTS)
    snippets = {"pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True}}
    markdown.Markdown(extensions=["pymdownx.snippets", judge, net], extension_configs=snippets).convert(page)
    assert [line for line, *_ in judge.problems] == [3]


# --- The last net: the converted page is read for numbers (a red-team of 7 December 2026) ----------

SEEN = "'01452 426599' is a phone number readers would see, and it is not in data/contacts.yml"


def _converted(page: str, contacts: dict | None = CONTACTS) -> None:
    """Convert `page` with the site's text extensions and the facts' net, as a build does."""
    net = UnfilledFacts()
    net.start(page, lambda: ("docs/x.md", 3), contacts)
    markdown.Markdown(extensions=[*TEXT_EXTENSIONS, net]).convert(page)


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ("Read this <!-- not closed here\n\nCall 01452 426599 today.\n\nLater text --> ends it.\n", 3),
        (
            "- Item\n\n    <!-- a note for trainers\n\n    Call 01452 426599 today.\n\n    end of note -->\n",
            5,
        ),
        ("<!-- trainers: check this -- >\n\nCall 01452 426599 today.\n\n<!-- a real comment -->\n", 3),
        ("Call the front door <!-- old: 01452 426599 <!-- checked --> today.\n", 1),
        ('See [the guide](https://example.org/ "<!-- guide") here.\n\nCall 01452 426599.\n\n<!-- x -->\n', 3),
        ("```\n\nIf you are worried, call 01452\n426599 today.\n", 3),
        ("```inline``` is code.\n\nIf you are worried, call 01452\n426599 today.\n", 3),
        ("Read this <!-- not closed\n\nCall 01452 **426599** now.\n\nx -->\n", 3),
        ("Read this <!-- not closed\n\nCall 01452 **42**65**99** now.\n\nx -->\n", 3),
        ("Read this <!-- not closed\n\nCall 01452 4265&#x39;9 now.\n\nx -->\n", 3),
        ('!!! trainer "Old"\n    Was 01452 426599.\n\nRead <!-- open\n\nCall 01452 426599.\n\nx -->\n', 6),
        # raw HTML with a figure after the number: the quick look read them as one run (a review)
        ("Read this <!-- not closed\n\nCall 01452 426599<br>24 hours a day.\n\nx -->\n", 3),
        ("Read this <!-- not closed\n\nCall 01452 426599<sup>1</sup>.\n\nx -->\n", 3),
        ("Read <!-- open\n\n<table><tr><td>Line 01452 426599</td><td>2019</td></tr></table>\n\nx -->\n", 3),
    ],
    ids=["comment left open", "comment in a list", "-- >", "comment in a comment", "<!-- in a title"]
    + [
        "stray fence",
        "fence on one line",
        "split by bold",
        "split twice",
        "a reference",
        "after a note with it",
    ]
    + ["<br> and a figure", "<sup>", "table"],
)
def test_a_number_the_page_check_misread_is_found_in_the_converted_page(page, line):
    """The page check reads the Markdown as typed; where its idea of a comment or a fence differs
    from Python-Markdown's, the number is shown, and the converted page's net stops the build."""
    check_typed_numbers(page, CONTACTS, "docs/x.md")  # the page check misreads each of these
    with pytest.raises(DataError) as error:
        _converted(page)
    assert str(error.value).startswith(f"docs/x.md:{line + 3}: {SEEN} (write the contact's placeholder")


@pytest.mark.parametrize(
    "page",
    [
        '!!! trainer "Check"\n    The slide says 01452 426599.\n\nWords.\n',
        "<!-- the old number: 01452 426599 -->\n\nWords.\n",
        "Call 01452 42 65 65 or, out of hours, 01452 614194; in danger, call 999.\n",
        '<a href="tel:+441452426565">01452 42 65 65</a>\n',
        # what readers never see: an address, an id (a heading's, made of its words: a red-team)
        '[The form](https://example.org/forms/01452426599) and <span id="n-2019-20-2020">it</span>.\n',
        # figures either side of a line break or in cells are read apart, as readers see them
        "<p>Ages 0<br>20 7946 0000</p>\n",
        "Ages 0  \n20 7946 0000 cases\n",
        "<table><tr><td>0</td><td>20</td><td>7946</td><td>0000</td></tr></table>\n",
    ],
    ids=["trainer note", "comment", "contacts' numbers", "a contact's link", "address and id"]
    + ["line break", "hard break", "table cells"],
)
def test_a_number_in_a_note_or_comment_or_a_contacts_number_passes_the_net(page):
    _converted(page)


def test_the_net_is_not_cast_on_the_trainer_guide():
    _converted("Read this <!-- not closed\n\nCall 01452 426599.\n\nx -->\n", contacts=None)


@pytest.mark.build
def test_a_number_shown_past_the_page_check_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    heading, left_open = "## Which number when?", "Read <!-- not closed\n\nCall 01452 426599.\n\nLater -->."
    line = plant_line(project, "docs/contacts.md", heading, f"{left_open}\n\n{heading}")
    assert_stops(project, tmp_path / "site", f"docs/contacts.md:{line + 2}: {SEEN}")
