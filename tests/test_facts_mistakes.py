"""Mistakes a trainer can make with facts: a `{{ ... }}` placeholder typed wrongly, and a contact's
email address that is not one. Each stops the build with the file and line, never reaching readers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from induction.common import DataError
from induction.facts import check_placeholders, email_problems, fill_placeholders, load_facts

FACTS = {
    "contacts": {
        "front_door": {"name": "Front door", "phone": "01452 42 65 65", "email": "help@council.example"},
        "emergency": {"name": "Police", "phone": "999"},
    },
    "people": {"dcs": {"name": "A Person"}},
    "sources": {"act": {"title": "An Act"}},
}
NO_NAME = (
    "write a fact as {{ group.key.field }} with a name from data/contacts.yml, data/people.yml, "
    "data/sources.yml; to show braces as typed on a page, put a backslash before each: "
    r"\{\{ like this \}\}"
)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (
            "Call {{ contacts.emergency-phone }} now.",
            "docs/x.md:4: '{{ contacts.emergency-phone }}' is not a fact name: a name is words joined by "
            "dots, with no spaces or other signs (write {{ contacts.emergency.phone }})",
        ),
        (
            "Call {{ contacts.front_door.phone now.",
            "docs/x.md:4: '{{ contacts.front_door.phone now.' opens a fact with {{ but does not close it "
            "with }} (write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {{ contacts.front_door.phone } now.",
            "docs/x.md:4: '{{ contacts.front_door.phone }' closes the fact with one brace, not two "
            "(write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {{ contacts. front_door.phone }} now.",
            "docs/x.md:4: '{{ contacts. front_door.phone }}' is not a fact name: a name is words joined by "
            "dots, with no spaces or other signs (write {{ contacts.front_door.phone }})",
        ),
        (
            "Call contacts.front_door.phone }} now.",
            "docs/x.md:4: 'contacts.front_door.phone }}' closes a fact with }} that was not opened with {{ "
            "(write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {contacts.front_door.phone} now.",
            "docs/x.md:4: '{contacts.front_door.phone}' has one brace each side, so readers would see it "
            "as typed (write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {{ contacts.front_door.phon }} now.",
            "docs/x.md:4: unknown fact '{{ contacts.front_door.phon }}'",
        ),
        (
            "Ask {{ people.dcs.nmae }}, {{ contacts.front.door.phone }}.",
            "docs/x.md:4: unknown fact '{{ people.dcs.nmae }}'",
        ),
        ("Empty {{ }} braces.", f"docs/x.md:4: '{{{{ }}}}' has no fact name between the braces ({NO_NAME})"),
        (
            "A template {{ page.title | upper }} here.",
            "docs/x.md:4: '{{ page.title | upper }}' is not a fact name: a name is words joined by dots, "
            f"with no spaces or other signs ({NO_NAME})",
        ),
        (
            "Good {{ contacts.front_door.phone }}, bad {{ contacts.front_door-phone }}.",
            "docs/x.md:4: '{{ contacts.front_door-phone }}' is not a fact name",
        ),
        (
            "A list:\n\n- call {{ contacts.emergency.phone",
            "docs/x.md:6: '{{ contacts.emergency.phone' opens a fact with {{ but does not close it with }} "
            "(write {{ contacts.emergency.phone }})",
        ),
        (  # a code span wrapped over lines ends where it closes: what follows is checked
            "A `{{\nx }}` span, then {{ contacts.emergency-phone }}.",
            "docs/x.md:5: '{{ contacts.emergency-phone }}' is not a fact name",
        ),
        (  # a backtick alone opens no span; an escaped one neither
            "One ` tick, \\` and {{ contacts.emergency.phone",
            "docs/x.md:4: '{{ contacts.emergency.phone' opens a fact with {{ but does not close it with }}",
        ),
        (  # an escaped brace is typed, the placeholder after it still has to be right
            "\\{ then {{ contacts.emergency.phone }",
            "docs/x.md:4: '{{ contacts.emergency.phone }' closes the fact with one brace, not two",
        ),
        (  # a 4-space line that goes on a paragraph is not a code block
            "Text\n    {{ contacts.emergency.phone",
            "docs/x.md:5: '{{ contacts.emergency.phone' opens a fact with {{ but does not close it with }}",
        ),
        (  # text after a comment is checked
            "<!-- a -->\n<!-- b --> {{ contacts.emergency.phone",
            "docs/x.md:5: '{{ contacts.emergency.phone' opens a fact with {{ but does not close it with }}",
        ),
        (
            "Near: {{ contacts.front_dor.phone",
            "docs/x.md:4: '{{ contacts.front_dor.phone' opens a fact with {{ but does not close it with }} "
            "(write one of {{ contacts.front_door.phone }}, {{ contacts.front_door.name }}, ",
        ),
    ],
)
def test_a_mistyped_fact_names_file_line_and_what_to_write(markdown, message):
    with pytest.raises(DataError) as err:
        fill_placeholders(markdown, FACTS, "docs/x.md", 3)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("In code: `{{ contacts.front_door.phone`", "In code: `{{ contacts.front_door.phone`"),
        ("```yaml\nkey: {{ not a fact\n```", "```yaml\nkey: {{ not a fact\n```"),
        ("~~~\n}} {contacts.x}\n~~~", "~~~\n}} {contacts.x}\n~~~"),
        (
            'Attribute list {: .note } and { data-print="On paper" }',
            'Attribute list {: .note } and { data-print="On paper" }',
        ),
        ("One brace { and } alone, and {contact}", "One brace { and } alone, and {contact}"),
        ("`{{ kept }}` then {{ contacts.emergency.phone }}", "`{{ kept }}` then 999"),
        # a code span wrapped over two lines of a paragraph (pages are hard-wrapped)
        (
            "Write `{{\ncontacts.front_door.phone }}` there.",
            "Write `{{\ncontacts.front_door.phone }}` there.",
        ),
        (
            "Type ``` `{{ contacts.front_door.phone }}` ``` so.",
            "Type ``` `{{ contacts.front_door.phone }}` ``` so.",
        ),
        # backslash-escaped braces show as typed, and are not filled
        (
            r"Write \{\{ contacts.front_door.phone \}\} to show them.",
            r"Write \{\{ contacts.front_door.phone \}\} to show them.",
        ),
        # an indented code block, after a paragraph or inside an admonition
        (
            "Example:\n\n    Call {{ contacts.front_door.phone\n\nEnd.",
            "Example:\n\n    Call {{ contacts.front_door.phone\n\nEnd.",
        ),
        ("Example:\n\n    {{ contacts.emergency.phone }}", "Example:\n\n    {{ contacts.emergency.phone }}"),
        (
            '!!! note "N"\n\n    Text.\n\n        {{ x }\n\n    {{ contacts.emergency.phone }}',
            '!!! note "N"\n\n    Text.\n\n        {{ x }\n\n    999',
        ),
        # an HTML comment, on one line or several
        ("<!-- TODO: {{ use the new number }} -->", "<!-- TODO: {{ use the new number }} -->"),
        (
            "<!-- TODO:\n\n{{ contacts.x }\n-->\n{{ contacts.emergency.phone }}",
            "<!-- TODO:\n\n{{ contacts.x }\n-->\n999",
        ),
        # indented text of a list item or admonition is not code: filled
        (
            '!!! danger "Now"\n\n    - call **{{ contacts.emergency.phone }}**\n'
            "      ({{ contacts.emergency.name }})",
            '!!! danger "Now"\n\n    - call **999**\n      (Police)',
        ),
        ("- item\n\n    {{ contacts.emergency.phone }}", "- item\n\n    999"),
    ],
)
def test_braces_in_code_or_that_are_no_placeholder_stay_as_typed(markdown, expected):
    assert fill_placeholders(markdown, FACTS, "docs/x.md") == expected


def test_check_placeholders_takes_the_line_it_is_given():
    with pytest.raises(DataError) as err:
        check_placeholders("Call {{ contacts.emergency-phone }} now.", FACTS, "quizzes/t.yml", 6)
    assert (err.value.path, err.value.line) == ("quizzes/t.yml", 6)
    check_placeholders("Call {{ contacts.emergency.phone }} now.", FACTS, "quizzes/t.yml", 6)


@pytest.mark.parametrize(
    ("email", "problems"),
    [
        ("childrenshelpdesk@gloucestershire.gov.uk", []),
        ("first.last+cases@a-b.example.org", []),
        ("childrenshelpdesk gloucestershire.gov.uk", ["has a space in it", "has no @"]),
        ("help@council", ["has no dot in the domain after the @"]),
        ("help@@council.gov.uk", ["has 2 @ signs, not one"]),
        ("a@b@council.gov.uk", ["has 2 @ signs, not one"]),
        ("@council.gov.uk", ["has no mailbox name before the @"]),
        ("help.@council.gov.uk", ["has dots out of place before the @"]),
        ("help@council..gov.uk", ["has a domain after the @ that is not words joined by dots"]),
        ("help@.gov.uk", ["has a domain after the @ that is not words joined by dots"]),
        ("help@council.gov.", ["has a domain after the @ that is not words joined by dots"]),
        ("mailto:help@council.gov.uk", ["starts with mailto:, which the link adds itself"]),
        (
            "javascript:alert(1)",
            ["has ( ) : in it, which this site does not accept in an email address", "has no @"],
        ),
        (
            '"><script>@council.gov.uk',
            ['has " < > in it, which this site does not accept in an email address'],
        ),
        (
            "help@council.gov.uk?subject=x",
            ["has = ? in it, which this site does not accept in an email address"],
        ),
        ("o'brien%x@council.gov.uk", ["has % ' in it, which this site does not accept in an email address"]),
    ],
)
def test_email_addresses(email, problems):
    assert email_problems(email) == problems


def _data(tmp_path, email_line):
    data = tmp_path / "data"
    data.mkdir()
    contact = (
        f'front_door:\n  name: "Front door"\n  phone: "01452 42 65 65"\n{email_line}\n  when: "9 to 5"\n'
    )
    (data / "contacts.yml").write_text(contact)
    (data / "people.yml").write_text('p:\n  role: "R"\n  name: "N"\n  as_of: "June 2025"\n')
    (data / "sources.yml").write_text('s:\n  title: "T"\n  date: "2025"\n')
    return data


EMAIL_ADVICE = (
    "(write the whole address as the source gives it: the mailbox name, one @, then the domain with its "
    "dots, and no spaces)"
)


@pytest.mark.parametrize(
    ("email_line", "message"),
    [
        (
            '  email: "childrenshelpdesk gloucestershire.gov.uk"',
            "data/contacts.yml:4: 'front_door.email' 'childrenshelpdesk gloucestershire.gov.uk' is not an "
            f"email address: it has a space in it and has no @ {EMAIL_ADVICE}",
        ),
        (
            '  email: "help@council"',
            "data/contacts.yml:4: 'front_door.email' 'help@council' is not an email address: it has no dot "
            f"in the domain after the @ {EMAIL_ADVICE}",
        ),
    ],
)
def test_a_contact_email_that_is_not_an_address_names_file_and_line(tmp_path, email_line, message):
    with pytest.raises(DataError) as err:
        load_facts(_data(tmp_path, email_line), tmp_path)
    assert str(err.value) == message


def test_a_good_contact_email_loads(tmp_path):
    facts = load_facts(_data(tmp_path, '  email: "help@council.gov.uk"'), tmp_path)
    assert facts["contacts"]["front_door"]["email"] == "help@council.gov.uk"


# --- The real project, with each mistake planted, built in strict mode ------------------------


def _replace_line(path, number, old, new):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1], f"expected {old!r} on line {number} of {path.name}"
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


def _insert_line(path, number, text):
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(number - 1, text)
    path.write_text("\n".join(lines), encoding="utf-8")


def _fails_and_publishes_nothing(project, tmp_path, message):
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0, f"the strict build passed (run: nox -s build -- --strict):\n{build.output}"
    assert message in build.output
    assert not list((tmp_path / "site").rglob("*.html"))


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "Call {{ contacts.front_door.phone now.",
            "docs/index.md:13: '{{ contacts.front_door.phone now.' opens a fact with {{ but does not close "
            "it with }} (write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {{ contacts.front_door.phone } now.",
            "docs/index.md:13: '{{ contacts.front_door.phone }' closes the fact with one brace, not two "
            "(write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {{ contacts. front_door.phone }} now.",
            "docs/index.md:13: '{{ contacts. front_door.phone }}' is not a fact name: a name is words joined "
            "by dots, with no spaces or other signs (write {{ contacts.front_door.phone }})",
        ),
        (
            "Call {{ contacts.emergency-phone }} now.",
            "docs/index.md:13: '{{ contacts.emergency-phone }}' is not a fact name: a name is words joined "
            "by dots, with no spaces or other signs (write {{ contacts.emergency.phone }})",
        ),
    ],
)
def test_a_mistyped_fact_on_a_page_stops_the_build(project_copy, tmp_path, written, message):
    _insert_line(project_copy / "docs" / "index.md", 13, written)
    _fails_and_publishes_nothing(project_copy, tmp_path, message)


@pytest.mark.parametrize(
    ("path", "line", "old", "new", "message"),
    [
        (  # a self-check's answer: the message names the quiz file's line, not the page's
            "quizzes/thresholds.yml",
            10,
            "{{ contacts.emergency.phone }}",
            "{{ contacts.emergency-phone }}",
            "quizzes/thresholds.yml:10: '{{ contacts.emergency-phone }}' is not a fact name: a name is words "
            "joined by dots, with no spaces or other signs (write {{ contacts.emergency.phone }})",
        ),
        (
            "data/contacts.yml",
            9,
            "childrenshelpdesk@gloucestershire",
            "childrenshelpdesk gloucestershire",
            "data/contacts.yml:9: 'front_door.email' 'childrenshelpdesk gloucestershire.gov.uk' is not an "
            f"email address: it has a space in it and has no @ {EMAIL_ADVICE}",
        ),
    ],
    ids=["fact in a self-check", "email without @"],
)
def test_a_mistake_in_a_data_file_stops_the_build_at_its_line(
    project_copy, tmp_path, path, line, old, new, message
):
    _replace_line(project_copy / path, line, old, new)
    _fails_and_publishes_nothing(project_copy, tmp_path, message)


@pytest.mark.build
@pytest.mark.parametrize(
    ("path", "line", "old", "new", "error"),
    [
        (
            "docs/index.md",
            13,
            "",
            "Call {{ contacts.front_door.phone now.",
            "ERROR   docs/index.md:13: '{{ contacts.front_door.phone now.' opens a fact with {{ but does not "
            "close it with }} (write {{ contacts.front_door.phone }})",
        ),
        (
            "quizzes/thresholds.yml",
            10,
            "{{ contacts.emergency.phone }}",
            "{{ contacts.emergency-phone }}",
            "ERROR   quizzes/thresholds.yml:10: '{{ contacts.emergency-phone }}' is not a fact name",
        ),
    ],
    ids=["page", "self-check"],
)
def test_the_content_check_reports_a_mistyped_fact_at_its_line(tmp_path, path, line, old, new, error):
    project = copy_project(tmp_path / "project")
    if old:
        _replace_line(project / path, line, old, new)
    else:
        _insert_line(project / path, line, new)
    result = subprocess.run(
        [sys.executable, "-m", "check", "--project", str(project), "--html", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert error in result.stdout


AS_TYPED_ON_A_PAGE = """A page shows a number with `{{
contacts.front_door.phone }}`, which the build fills in.

Write \\{\\{ contacts.front_door.phone \\}\\} to show the braces.

Example:

    Call {{ contacts.front_door.phone

<!-- TODO: {{ use the new number }} -->

Today's number: {{ contacts.front_door.phone }}.
"""


def test_braces_markdown_shows_as_typed_build_and_are_not_filled(project_copy, tmp_path):
    """A code span wrapped over two lines, escaped braces, an indented code block and an HTML
    comment: Python-Markdown shows each as typed, so none stops the build, and none is filled. (On
    the trainer guide's page: a fact in a code span stops the build on a page readers see.)"""
    _insert_line(project_copy / "docs" / "trainers" / "contacts-and-people.md", 22, AS_TYPED_ON_A_PAGE)
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, f"the strict build failed (run: nox -s build -- --strict):\n{build.output}"
    html = (tmp_path / "site" / "trainers" / "contacts-and-people" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    codes = [code.get_text() for code in soup.find_all("code")]
    assert "{{\ncontacts.front_door.phone }}" in codes
    assert "Call {{ contacts.front_door.phone\n" in codes
    texts = [p.get_text() for p in soup.find_all("p")]
    assert "Write {{ contacts.front_door.phone }} to show the braces." in texts
    assert "Today's number: 01452 42 65 65." in texts  # a placeholder after them is still filled
    assert "<!-- TODO: {{ use the new number }} -->" in html


@pytest.mark.parametrize(
    ("line", "old", "new", "message"),
    [
        (
            9,
            "feedback: No. Do not investigate yourself; call the emergency number.",
            "feedback: No. Call {{ contacts.front_door.fax }}.",
            "quizzes/thresholds.yml:9: unknown fact '{{ contacts.front_door.fax }}'",
        ),
        (  # the third line of a folded explanation: its own line, not the 'explanation:' line (13)
            13,
            'explanation: "If a child is in immediate danger, call {{ contacts.emergency.phone }} now. '
            "For every other worry, phone the front door straight away; out of hours, the Emergency Duty "
            'Team, but only if it cannot wait until the next working day."',
            "explanation: >-\n      If a child is in immediate danger,\n      ring now. For every other "
            "worry,\n      call {{ contacts.front_door.phone now.",
            "quizzes/thresholds.yml:16: '{{ contacts.front_door.phone now.' opens a fact with {{ but does "
            "not close it with }} (write {{ contacts.front_door.phone }})",
        ),
    ],
    ids=["feedback", "folded explanation"],
)
def test_a_fact_typed_wrongly_in_a_self_check_is_reported_at_its_own_line(
    project_copy, tmp_path, line, old, new, message
):
    """Not at the question's first line (4), where the answer key, which fills every text of a
    question at once, used to find it."""
    _replace_line(project_copy / "quizzes" / "thresholds.yml", line, old, new)
    _fails_and_publishes_nothing(project_copy, tmp_path, message)
