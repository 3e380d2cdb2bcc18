"""Facts from data/*.yml and the front matter every page must carry."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import last_review_day, run_build
from induction.common import DataError, parse_yaml
from induction.dates import format_date
from induction.facts import PhoneError, dialable, fill_placeholders, load_facts
from induction.front_matter import body_line_offset
from induction.pages import check_front_matter

FACTS = {
    "contacts": {"front_door": {"phone": "01452 42 65 65", "name": "Front <door>"}},
    "people": {"dcs": {"name": "A Person"}},
}


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Call {{ contacts.front_door.phone }}.", "Call 01452 42 65 65."),
        ("Call {{contacts.front_door.phone}}.", "Call 01452 42 65 65."),
        ("{{ people.dcs.name }} and {{ people.dcs.name }}", "A Person and A Person"),
        ("Escaped: {{ contacts.front_door.name }}", "Escaped: Front &lt;door&gt;"),
        ("In code: `{{ contacts.front_door.phone }}`", "In code: `{{ contacts.front_door.phone }}`"),
        ("```\n{{ contacts.front_door.phone }}\n```", "```\n{{ contacts.front_door.phone }}\n```"),
        ("No placeholders here.", "No placeholders here."),
    ],
)
def test_fill_placeholders(markdown, expected):
    assert fill_placeholders(markdown, FACTS, "docs/x.md") == expected


@pytest.mark.parametrize(
    ("markdown", "offset", "message"),
    [
        (
            "line one\n{{ contacts.front_door.fax }}",
            0,
            "docs/x.md:2: unknown fact '{{ contacts.front_door.fax }}' (see data/contacts.yml",
        ),
        (
            "{{ contact.front_door.phone }}",
            7,
            "docs/x.md:8: unknown fact '{{ contact.front_door.phone }}' (start with contacts., people. or",
        ),
    ],
)
def test_unknown_fact_names_file_and_line(markdown, offset, message):
    with pytest.raises(DataError) as err:
        fill_placeholders(markdown, FACTS, "docs/x.md", offset)
    assert str(err.value).startswith(message)


def test_front_matter_offset_counts_the_lines_above_the_body():
    raw = "---\ntitle: T\nowner: O\n---\n\n# Heading\n"
    assert body_line_offset(raw) == 5
    assert body_line_offset("# Heading\n") == 0


def _write_data(tmp_path, contacts):
    data = tmp_path / "data"
    data.mkdir()
    (data / "contacts.yml").write_text(contacts)
    (data / "people.yml").write_text('p:\n  role: "R"\n  name: "N"\n  as_of: "June 2025"\n')
    (data / "sources.yml").write_text('s:\n  title: "T"\n  date: "2025"\n')
    return data


GOOD_CONTACT = 'front_door:\n  name: "Front door"\n  phone: "01452 42 65 65"\n  when: "9 to 5"\n'


def test_contacts_load_and_get_a_dialable_number(tmp_path):
    facts = load_facts(_write_data(tmp_path, GOOD_CONTACT), tmp_path)
    assert facts["contacts"]["front_door"]["tel"] == "+441452426565"


@pytest.mark.parametrize(
    ("contacts", "message"),
    [
        (
            'front_door:\n  name: "Front door"\n  when: "9 to 5"\n',
            "data/contacts.yml:2: 'front_door' has no phone (write 'phone: ...' as text in quotes)",
        ),
        (
            'front_door:\n  name: "F"\n  phone: 999\n  when: "always"\n',
            "data/contacts.yml:3: 'front_door.phone' is not in quotes, so it was read as the number 999 "
            '(put the number in quotes, exactly as it is dialled: phone: "01452 42 65 65")',
        ),
        (
            'front_door:\n  name: "F"\n  phone: 01452426565\n  when: "always"\n',
            "data/contacts.yml:3: 'front_door.phone' is not in quotes, so it was read as the number 2124",
        ),
        (
            'front_door:\n  name: "F"\n  phone: 01452.426565\n  when: "always"\n',
            "data/contacts.yml:3: 'front_door.phone' is not in quotes, so it was read as the number 1452.4",
        ),
        (
            'front_door:\n  name: "F"\n  phone: "O1452 42 65 65"\n  when: "always"\n',
            "data/contacts.yml:3: 'front_door.phone' 'O1452 42 65 65' has the letter O where a zero belongs "
            '(write the digit 0, not the letter O: "01452 42 65 65")',
        ),
        (
            GOOD_CONTACT + '  fax: "1"\n',
            "data/contacts.yml:5: 'front_door' has an unknown field 'fax' (use only: name, phone, when",
        ),
        ('front_door:\n  name: "F"\n   phone: "1"\n', "data/contacts.yml:3: this is not valid YAML"),
        (
            GOOD_CONTACT + 'front_door:\n  name: "again"\n',
            "data/contacts.yml:5: the key 'front_door' appears twice",
        ),
        ('front_door: "01452"\n', "data/contacts.yml:1: 'front_door' is not a group of fields"),
    ],
)
def test_bad_contacts_fail_with_file_line_and_advice(tmp_path, contacts, message):
    with pytest.raises(DataError) as err:
        load_facts(_write_data(tmp_path, contacts), tmp_path)
    assert str(err.value).startswith(message)


EXAMPLE = 'as it is dialled, e.g. "01452 42 65 65"'


@pytest.mark.parametrize(
    ("phone", "tel"),
    [
        ("01452 42 65 65", "+441452426565"),
        ("01452 614194", "+441452614194"),
        ("01452614194", "+441452614194"),
        ("+44 1452 426565", "+441452426565"),
        ("0300 456 4546", "+443004564546"),
        ("0800 1111", "+448001111"),
        ("999", "999"),
        ("112", "112"),
        ("111", "111"),
        ("101", "101"),
        ("116 123", "116123"),
    ],
)
def test_a_valid_uk_number_gets_its_dialable_form(phone, tel):
    assert dialable(phone) == tel


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        (
            "O1452 42 65 65",
            "'O1452 42 65 65' has the letter O where a zero belongs "
            '(write the digit 0, not the letter O: "01452 42 65 65")',
        ),
        (
            "01452 4o 65 65",
            "'01452 4o 65 65' has the letter O where a zero belongs "
            '(write the digit 0, not the letter O: "01452 40 65 65")',
        ),
        (
            "0l452 42 65 65",
            f"'0l452 42 65 65' has the letter l in it (write the number in digits only, {EXAMPLE})",
        ),
        (
            "01452 42 65",
            "'01452 42 65' has too few digits (9) for a UK phone number "
            f"(write all 11 digits, starting with 0, {EXAMPLE})",
        ),
        (
            "12345",
            "'12345' has too few digits (5) for a UK phone number "
            f"(write all 11 digits, starting with 0, {EXAMPLE})",
        ),
        (
            "01452 42 65 65 65",
            "'01452 42 65 65 65' has too many digits (13) for a UK phone number "
            f"(write the 11 digits, starting with 0, {EXAMPLE})",
        ),
        (
            "01534 123456",
            "'01534 123456' is not a valid UK phone number "
            f"(copy the number exactly from the source, {EXAMPLE})",
        ),
        (
            "+33 1 42 68 53 00",
            "'+33 1 42 68 53 00' is not a UK number (write a UK number, e.g. \"01452 42 65 65\")",
        ),
    ],
)
def test_a_phone_number_that_is_not_a_valid_uk_number_says_what_to_write(phone, message):
    with pytest.raises(PhoneError) as err:
        dialable(phone)
    assert str(err.value) == message


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            '  phone: "O1452 42 65 65"',
            "data/contacts.yml:8: 'front_door.phone' 'O1452 42 65 65' has the letter O where a zero belongs "
            '(write the digit 0, not the letter O: "01452 42 65 65")',
        ),
        (
            "  phone: 01452426565",
            "data/contacts.yml:8: 'front_door.phone' is not in quotes, "
            "so it was read as the number 212479349 "
            '(put the number in quotes, exactly as it is dialled: phone: "01452 42 65 65")',
        ),
    ],
)
def test_a_wrong_phone_number_fails_the_build_with_its_line(project_copy, tmp_path, written, message):
    contacts = project_copy / "data" / "contacts.yml"
    lines = contacts.read_text(encoding="utf-8").split("\n")
    assert lines[7] == '  phone: "01452 42 65 65"', "expected the front door's number on line 8"
    lines[7] = written
    contacts.write_text("\n".join(lines), encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert message in build.output
    assert not list((tmp_path / "site").rglob("*.html"))


def test_yaml_lines_are_recorded_for_mappings_in_lists():
    data = parse_yaml("items:\n  - a: 1\n  - a: 2\n    b: 3\n", "x.yml")
    assert [item.line for item in data["items"]] == [2, 3]
    assert data["items"][1].line_of("b") == 4


TODAY = dt.date(2026, 11, 22)
SOURCES = {"induction_2025": {}}
GOOD_META = {
    "title": "T",
    "description": "D",
    "owner": "O",
    "last_reviewed": dt.date(2026, 11, 1),
    "review_due": dt.date(2027, 11, 1),
    "sources": ["induction_2025"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"owner": None}, "the front matter has no 'owner'"),
        ({"description": " "}, "the front matter has no 'description'"),
        ({"review_due": "next year"}, "'review_due: next year' is not a date"),
        ({"review_due": dt.date(2026, 10, 1)}, "review_due 2026-10-01 is not after last_reviewed"),
        ({"last_reviewed": dt.date(2027, 1, 1)}, "last_reviewed 2027-01-01 is in the future"),
        ({"sources": ["slides"]}, "unknown source 'slides'"),
        ({"sources": "induction_2025"}, "'sources' is not a list"),
    ],
)
def test_front_matter_problems(change, message):
    meta = {k: v for k, v in {**GOOD_META, **change}.items() if v is not None}
    problems, _ = check_front_matter(meta, "docs/p.md", SOURCES, TODAY)
    assert [p[2] for p in problems if p[2].startswith(message)], problems


def test_good_front_matter_has_no_problems_and_is_not_overdue():
    assert check_front_matter(GOOD_META, "docs/p.md", SOURCES, TODAY) == ([], None)


def test_overdue_page_names_path_line_and_date():
    raw = "---\ntitle: T\nreview_due: 2026-11-21\n---\n"
    meta = {**GOOD_META, "review_due": dt.date(2026, 11, 21)}
    _, overdue = check_front_matter(meta, "docs/p.md", SOURCES, TODAY, raw)
    assert (overdue.path, overdue.line) == ("docs/p.md", 3)
    assert str(overdue).startswith("docs/p.md:3: page is past its review date (review_due 2026-11-21) (")


def test_dates_are_written_the_uk_way():
    assert format_date(dt.date(2027, 5, 5)) == "5 May 2027"
    assert format_date("2026-11-22") == "22 November 2026"


def test_a_page_past_its_review_date_fails_the_strict_build(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    text, changed = re.subn(
        r"^last_reviewed: .*$", "last_reviewed: 2025-11-22", page.read_text(), count=1, flags=re.M
    )
    text, changed_too = re.subn(r"^review_due: .*$", "review_due: 2026-01-31", text, count=1, flags=re.M)
    assert changed == changed_too == 1
    page.write_text(text)
    build = run_build(project_copy, tmp_path / "site", env={"INDUCTION_TODAY": last_review_day(project_copy)})
    assert build.returncode != 0
    assert "docs/index.md:6: page is past its review date (review_due 2026-01-31)" in build.output


def test_a_missing_front_matter_field_fails_the_build_naming_the_field(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text().replace("owner: Children's Social Care member induction team\n", ""))
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/index.md:1: the front matter has no 'owner'" in build.output


def test_an_unknown_fact_in_a_page_fails_the_build_with_its_line(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    lines = page.read_text().split("\n")
    lines.insert(12, "Call {{ contacts.front_door.fax }} now.")
    page.write_text("\n".join(lines))
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/index.md:13: unknown fact '{{ contacts.front_door.fax }}'" in build.output
