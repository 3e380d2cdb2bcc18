"""Trainers' slips that once built and published something wrong (review, 6 December 2026).

1. `python3 noxfile.py -s build -- -q`: MkDocs' --quiet drops the warnings strict mode counts,
   so a broken link built with exit status 0 and replaced site/.
2. A stray quote or full stop in a phone number was shown on every page.
3. A date in numbers only (11/24/2022, 09/01/2027) in data/sources.yml or data/people.yml; and
   (third reading) a date in words that is no date: "31 November 2026", "Novmber 2026",
   as_of: "Janaury 2027", published as typed.
6. (third reading) A new glossary entry whose alias is an older entry's own name, added above it,
   was reported at the older entry's line: the alias's line is named now, with the other's line.
7. (third reading) data/people.yml holds one person under two roles; the trainer guide said to
   change "that role's entry", which left the old name on another page. It now says to search
   the file for the old name and change every entry that holds it.
4. A quote left open in a data file was reported at a later line, with advice that did not fit.
5. A page without its opening `---` was reported as a wrong field ('sources' is not a list).

Second reading (6 December 2026): brackets round the area code, "(01452) 614194", are common UK
style and fine again, while "+44 (0)1452 ..." and "+44 01452 ..." (nobody dials both) are refused
and never suggested; a first line of other dashes ('----', '—-') says what line 1 should be; a
year without quotes (`date: 2017`) is told as a number, not as a missing date; and a pass mark in
quotes (`pass_mark: "80"`) says to write it without them.

Pure functions first (tables), then one strict build of a copy of the real project per slip:
the exact message with file and line, and that nothing was published.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, copy_project, run_build
from export.build import build_site, refused_option
from export.lms import pass_mark
from induction.common import DataError, check_keys_once, parse_yaml
from induction.facts import PhoneError, dialable, load_facts
from induction.glossary import load_glossary
from induction.pages import read_front_matter
from test_trainer_check import run_check

QUIET = (
    "hides MkDocs' warnings, and strict mode stops the build only for the warnings it sees, so a "
    "broken link or a page past its review date would be published in site/ (build without -q: when "
    "all is well, the build prints only a few lines)"
)
DIGITS_ONLY = "which a phone number cannot have (write only the digits and spaces, as it is dialled, e.g."
NO_STRICT = (
    "the option --no-strict turns strict mode off, so a warning (a broken link, a page past its review "
    "date) would no longer stop the build and the broken site would replace site/ (build without "
    "--no-strict; to look at a site with warnings, use python3 noxfile.py -s serve)"
)
# The out-of-hours number's line in data/contacts.yml as it is today: the slips are planted in its
# place, so a trainer changing the number (as the guide shows) leaves these tests working.
EDT_LINE = f'phone: "{load_facts(ROOT / "data", ROOT)["contacts"]["emergency_duty_team"]["phone"]}"'
NEVER_CLOSED = "this is not valid YAML: the quote that opens on this line is never closed"
NOT_A_MONTH = "which is not the name of a month"
CHECK_THE_DAY = (
    'check the day against the source, and write the date as it gives it, e.g. date: "24 November 2022"'
)


def _line_of(path, text: str) -> int:
    """The line (from 1) of `path` that holds `text`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _assert_stopped(build, message: str) -> None:
    """The build failed, said `message` (file:line: problem (advice)) and published no page."""
    assert build.returncode != 0
    assert message in build.output, build.output
    assert not build.site.exists() or not list(build.site.rglob("*.html")), "pages were published"


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"expected {old!r} once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _planted(tmp_path, file: str, old: str, new: str):
    """(build, line): the strict build of a copy of the project with `old` replaced by `new` in
    `file` (a path in the project), and the line of `file` that now holds `new` (its first line)."""
    project = copy_project(tmp_path / "project")
    _replace(project / file, old, new)
    return run_build(project, tmp_path / "site"), _line_of(project / file, new.split("\n")[0])


# --- 1. Options that would let strict mode miss a warning ------------------------------------


@pytest.mark.parametrize(
    ("extra", "refused"),
    [
        (["-q"], f"the option -q (--quiet) {QUIET}"),
        (["--quiet"], f"the option -q (--quiet) {QUIET}"),
        (["-cq"], f"the option -q (--quiet) in -cq {QUIET}"),
        (["-v", "-qs"], f"the option -q (--quiet) in -qs {QUIET}"),
        (["--no-strict"], NO_STRICT),
        ([], None),
        (["-v"], None),
        (["--dirty", "-c"], None),
        (["-t", "material"], None),
        (["-tq"], None),  # the theme 'q' (MkDocs refuses it), not --quiet
        (["--", "-q"], None),  # not an option after -- (and MkDocs refuses it)
    ],
)
def test_options_that_hide_warnings_are_refused(extra, refused):
    assert refused_option(extra) == refused


@pytest.mark.build
def test_a_quiet_build_with_a_broken_link_stops_and_leaves_the_site(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    _replace(project / "docs" / "contacts.md", "](thresholds.md).", "](no-such-page.md).")
    assert build_site(project / "mkdocs.yml", site, ["-q"]) != 0
    assert capsys.readouterr().err == f"ERROR    -  the option -q (--quiet) {QUIET}\n"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "the last good build"
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["data", "docs", "hooks", "mkdocs.yml", "overrides", "quizzes", "site"]
    ), "a temporary folder was left behind"


# --- 2. Phone numbers: digits, spaces, a + at the start, a hyphen between digits ----------------


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ('01452 614194"', f'\'01452 614194"\' has a double quote (") in it, {DIGITS_ONLY} "01452 614194")'),
        ("01452 614194.", f"'01452 614194.' has a full stop (.) in it, {DIGITS_ONLY} \"01452 614194\")"),
        ("'01452 614194", f"''01452 614194' has an apostrophe (') in it, {DIGITS_ONLY} \"01452 614194\")"),
        (
            "(01452) 614194.",
            f"'(01452) 614194.' has a full stop (.) in it, {DIGITS_ONLY} \"(01452) 614194\")",
        ),
        ("+44 [0] 1452 614194", None),  # told as (0) after +44 below, never "+44 0 1452 ..."
        ("01452 614194,", f"'01452 614194,' has a comma (,) in it, {DIGITS_ONLY} \"01452 614194\")"),
        ("01452 614194-", f"'01452 614194-' has a hyphen (-) in it, {DIGITS_ONLY} \"01452 614194\")"),
        (
            "01452\u00a0614194",
            f"'01452\u00a0614194' has a non-breaking space (U+00A0) in it, {DIGITS_ONLY} \"01452 614194\")",
        ),
        (  # invisible signs are named with their code: the message cannot show them
            "01452\u2009614194",
            f"'01452\u2009614194' has a thin space (U+2009) in it, {DIGITS_ONLY} \"01452 614194\")",
        ),
        (
            "01452 614\u200b194",
            f"'01452 614\u200b194' has a zero-width space (U+200B) in it, {DIGITS_ONLY} \"01452 614194\")",
        ),
        (
            "01452\u202f614194\u2060",
            f"'01452\u202f614194\u2060' has a narrow non-breaking space (U+202F) and a word joiner (U+2060) "
            f'in it, {DIGITS_ONLY} "01452 614194")',
        ),
        (
            "01452\u3000614194",
            f"'01452\u3000614194' has an invisible sign (U+3000, ideographic space) in it, {DIGITS_ONLY} "
            '"01452 614194")',
        ),
        ("01452 614194+", f"'01452 614194+' has a plus sign (+) in it, {DIGITS_ONLY} \"01452 614194\")"),
        ("999.", f"'999.' has a full stop (.) in it, {DIGITS_ONLY} \"999\")"),
        ("01452 6141#4", f"'01452 6141#4' has the sign # in it, {DIGITS_ONLY} \"01452 61414\")"),
    ],
)
def test_a_phone_number_with_a_stray_sign_names_it(phone, message):
    with pytest.raises(PhoneError) as caught:
        dialable(phone)
    assert str(caught.value) == message if message else "+44 0" not in str(caught.value)


def test_digits_spaces_a_leading_plus_and_hyphens_between_digits_are_fine():
    written = ["01452 614194", "01452-614194", "01452 - 614194", "+44 1452 614194"]
    assert [dialable(phone) for phone in written] == ["+441452614194"] * len(written)


@pytest.mark.parametrize(
    ("phone", "tel"),
    [
        ("(01452) 614194", "+441452614194"),
        ("(01452) 42 65 65", "+441452426565"),
        ("(01452)614194", "+441452614194"),
        ("(020) 7946 0000", "+442079460000"),
        ("(0300) 456 4546", "+443004564546"),
    ],
)
def test_brackets_round_the_area_code_are_fine(phone, tel):
    assert dialable(phone) == tel


BOTH_WAYS = "after +44, but a number is dialled with +44 (from abroad) or with the 0 (in the UK), never both"
BRACKETS = (
    "and brackets can go only round the area code at the start of a number (leave them out, as it is "
    'dialled: "{0}"; or put them round the area code only, as in "(01452) 42 65 65")'
)


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        (
            "+44 (0)1452 614194",
            f"'+44 (0)1452 614194' has (0) {BOTH_WAYS} (write it as it is dialled in the UK, starting "
            'with 0: "01452 614194")',
        ),
        (
            "+44 (0) 1452 614194",
            f"'+44 (0) 1452 614194' has (0) {BOTH_WAYS} (write it as it is dialled in the UK, starting "
            'with 0: "01452 614194")',
        ),
        (
            "+44 01452 614194",
            f"'+44 01452 614194' has a 0 {BOTH_WAYS} (write it as it is dialled in the UK, starting "
            'with 0: "01452 614194")',
        ),
        (
            "+44 0 1452 614194",
            f"'+44 0 1452 614194' has a 0 {BOTH_WAYS} (write it as it is dialled in the UK, starting "
            'with 0: "01452 614194")',
        ),
        (
            "+44 [0] 1452 614194.",
            f"'+44 [0] 1452 614194.' has [0] {BOTH_WAYS} (write it as it is dialled in the UK, starting "
            'with 0: "01452 614194")',
        ),
        (
            "01452 (614194)",
            "'01452 (614194)' has a bracket ( and a bracket ) in it, " + BRACKETS.format("01452 614194"),
        ),
        ("(01452 614194", "'(01452 614194' has a bracket ( in it, " + BRACKETS.format("01452 614194")),
        (
            "+44 (1452) 614194",
            "'+44 (1452) 614194' has a bracket ( and a bracket ) in it, "
            + BRACKETS.format("+44 1452 614194"),
        ),
    ],
)
def test_a_0_after_plus_44_and_brackets_elsewhere_are_refused(phone, message):
    with pytest.raises(PhoneError) as caught:
        dialable(phone)
    assert str(caught.value) == message
    assert "+44 0" not in caught.value.expected


@pytest.mark.build
@pytest.mark.parametrize(
    ("slip", "shown", "sign"),
    [
        ('"01452 614194."', "01452 614194.", "a full stop (.)"),
        ("'01452 614194\"'", '01452 614194"', 'a double quote (")'),
        ('"01452\u2009614194"', "01452\u2009614194", "a thin space (U+2009)"),
        ('"01452 6141\u200b94"', "01452 6141\u200b94", "a zero-width space (U+200B)"),
    ],
)
def test_a_stray_sign_in_a_phone_number_stops_the_build_at_its_line(tmp_path, slip, shown, sign):
    project = copy_project(tmp_path / "project")
    contacts = project / "data" / "contacts.yml"
    _replace(contacts, EDT_LINE, f"phone: {slip}")
    line = _line_of(contacts, f"phone: {slip}")
    build = run_build(project, tmp_path / "site")
    _assert_stopped(
        build,
        (
            f"data/contacts.yml:{line}: 'emergency_duty_team.phone' '{shown}' has {sign} in it, "
            f'{DIGITS_ONLY} "01452 614194")'
        ),
    )


@pytest.mark.build
def test_plus_44_and_0_stop_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    contacts = project / "data" / "contacts.yml"
    _replace(contacts, EDT_LINE, 'phone: "+44 (0)1452 614194"')
    line = _line_of(contacts, "+44 (0)1452")
    build = run_build(project, tmp_path / "site")
    _assert_stopped(
        build,
        (
            f"data/contacts.yml:{line}: 'emergency_duty_team.phone' '+44 (0)1452 614194' has (0) {BOTH_WAYS} "
            '(write it as it is dialled in the UK, starting with 0: "01452 614194")'
        ),
    )


@pytest.mark.build
def test_brackets_round_the_area_code_are_published_as_written(tmp_path):
    project = copy_project(tmp_path / "project")
    _replace(project / "data" / "contacts.yml", EDT_LINE, 'phone: "(01452) 614194"')
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    links = build.html("contacts/index.html").select('a[href="tel:+441452614194"]')
    assert "(01452) 614194" in [link.get_text() for link in links]


# --- 3. Dates in numbers only, or in words but no date, in data/sources.yml and people.yml ------


def _data(tmp_path, people='  as_of: "June 2025"', source_date='  date: "24 November 2022"'):
    data = tmp_path / "data"
    data.mkdir()
    (data / "contacts.yml").write_text('front_door:\n  name: "F"\n  phone: "999"\n  when: "always"\n')
    (data / "people.yml").write_text(f'p:\n  role: "R"\n  name: "N"\n{people}\n')
    (data / "sources.yml").write_text(f's:\n  title: "T"\n{source_date}\n')
    return data


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '  date: "11/24/2022"',
            "data/sources.yml:3: 's.date' '11/24/2022' is a date in numbers only, which readers may read "
            "another way (write the date in words, e.g. 24 November 2022)",
        ),
        (
            '  date: "24-11-2022"',
            "data/sources.yml:3: 's.date' '24-11-2022' is a date in numbers only, which readers may read "
            "another way (write the date in words, e.g. 24 November 2022)",
        ),
        (
            '  date: "2022-11-24"',
            "data/sources.yml:3: 's.date' '2022-11-24' is a date in numbers only, which readers may read "
            "another way (write the date in words, e.g. 24 November 2022)",
        ),
        (
            '  date: "published 1/4/22"',
            "data/sources.yml:3: 's.date' 'published 1/4/22' has a date ('1/4/22') in numbers only, which "
            "could be 1 April 2022 or 4 January 2022 (write the date in words, e.g. 1 April 2022 or "
            "4 January 2022, whichever is meant)",
        ),
        (
            "  date: 2022-11-24",
            "data/sources.yml:3: 's.date' is the date 2022-11-24, written in numbers without quotes "
            '(write the date in words, in quotes: date: "24 November 2022")',
        ),
        (
            '  as_of: "09/01/2027"',
            "data/people.yml:4: 'p.as_of' '09/01/2027' is a date in numbers only, which could be "
            "9 January 2027 or 1 September 2027 (write the date in words, e.g. 9 January 2027 or "
            "1 September 2027, whichever is meant)",
        ),
        (
            '  as_of: "31.12.2026"',
            "data/people.yml:4: 'p.as_of' '31.12.2026' is a date in numbers only, which readers may read "
            "another way (write the date in words, e.g. 31 December 2026)",
        ),
        (
            "  as_of: 2027-09-01",
            "data/people.yml:4: 'p.as_of' is the date 2027-09-01, written in numbers without quotes "
            '(write the date in words, in quotes: as_of: "1 September 2027")',
        ),
        (
            "  date: 2017",
            "data/sources.yml:3: 's.date' is 2017 without quotes, so it is read as a number, not as text "
            '(write it in quotes: date: "2017")',
        ),
        (
            "  as_of: 2025",
            "data/people.yml:4: 'p.as_of' is 2025 without quotes, so it is read as a number, not as text "
            '(write it in quotes: as_of: "2025")',
        ),
        (
            "  date: 2017\n  note: 12",
            "data/sources.yml:3: 's.date' is 2017 without quotes, so it is read as a number, not as text "
            '(write it in quotes: date: "2017")',
        ),
        (
            '  date: "31 November 2026"',
            f"data/sources.yml:3: 's.date' '31 November 2026' is not a real date: November 2026 has 30 days "
            f"({CHECK_THE_DAY})",
        ),
        (
            '  date: "29 February 2027"',
            f"data/sources.yml:3: 's.date' '29 February 2027' is not a real date: February 2027 has 28 days "
            f"({CHECK_THE_DAY})",
        ),
        (
            '  date: "31st June"',
            "data/sources.yml:3: 's.date' '31st June' is not a real date: June has 30 days "
            f"({CHECK_THE_DAY})",
        ),
        (
            '  date: "Novmber 2026"',
            f"data/sources.yml:3: 's.date' 'Novmber 2026' has 'Novmber', {NOT_A_MONTH} "
            '(did you mean November? write date: "November 2026")',
        ),
        (
            '  date: "published 4 Decmber 2025"',
            f"data/sources.yml:3: 's.date' 'published 4 Decmber 2025' has 'Decmber', {NOT_A_MONTH} "
            '(did you mean December? write date: "published 4 December 2025")',
        ),
        (
            '  date: "Sept 2025"',
            f"data/sources.yml:3: 's.date' 'Sept 2025' has 'Sept', {NOT_A_MONTH} "
            '(did you mean September? write date: "September 2025")',
        ),
        (
            '  as_of: "Janaury 2027"',
            f"data/people.yml:4: 'p.as_of' 'Janaury 2027' has 'Janaury', {NOT_A_MONTH} "
            '(did you mean January? write as_of: "January 2027")',
        ),
        (
            '  as_of: "Jnue 2025"',
            f"data/people.yml:4: 'p.as_of' 'Jnue 2025' has 'Jnue', {NOT_A_MONTH} "
            '(did you mean June? write as_of: "June 2025")',
        ),
    ],
)
def test_a_date_slip_or_a_year_without_quotes_is_refused(tmp_path, line, message):
    field = "people" if "as_of" in line else "source_date"
    with pytest.raises(DataError) as caught:
        load_facts(_data(tmp_path, **{field: line}), tmp_path)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "date",
    [
        "June 2025",
        "24 November 2022",
        "2017",
        "2004 (sections 16M to 16Q added by the Children and Social Work Act 2017)",
        "strategy period 2022 to 2025",
        "2022-25",
        "29 February 2028",
        "30 November 2026",
        "1st June 2025",
        "June, 2025",
        "june 2025",
        "May 2025",
        "Spring 2025",
        "Summer term 2025",
        "Children and Social Work Act 2017",
    ],
)
def test_dates_in_words_and_years_are_fine(tmp_path, date):
    facts = load_facts(
        _data(tmp_path, people=f'  as_of: "{date}"', source_date=f'  date: "{date}"'), tmp_path
    )
    assert facts["sources"]["s"]["date"] == facts["people"]["p"]["as_of"] == date


@pytest.mark.build
@pytest.mark.parametrize(
    ("file", "field", "slip", "problem"),
    [
        (
            "sources.yml",
            'date: "24 November 2022"',
            'date: "11/24/2022"',
            "'scrutiny_2022.date' '11/24/2022' is a date in numbers only, which readers may read another "
            "way (write the date in words, e.g. 24 November 2022)",
        ),
        (
            "people.yml",
            'as_of: "July 2025"',
            'as_of: "09/01/2027"',
            "'ad_north.as_of' '09/01/2027' is a date in numbers only, which could be 9 January 2027 or "
            "1 September 2027 (write the date in words, e.g. 9 January 2027 or 1 September 2027, "
            "whichever is meant)",
        ),
        (
            "sources.yml",
            'date: "1989"',
            "date: 1989",
            "'children_act_1989.date' is 1989 without quotes, so it is read as a number, not as text "
            '(write it in quotes: date: "1989")',
        ),
        (
            "sources.yml",
            'date: "24 November 2022"',
            'date: "31 November 2022"',
            "'scrutiny_2022.date' '31 November 2022' is not a real date: November 2022 has 30 days "
            f"({CHECK_THE_DAY})",
        ),
        (
            "people.yml",
            'as_of: "July 2025"',
            'as_of: "Janaury 2027"',
            f"'ad_north.as_of' 'Janaury 2027' has 'Janaury', {NOT_A_MONTH} "
            '(did you mean January? write as_of: "January 2027")',
        ),
    ],
)
def test_a_date_slip_stops_the_build_at_its_line(tmp_path, file, field, slip, problem):
    build, line = _planted(tmp_path, f"data/{file}", field, slip)
    _assert_stopped(build, f"data/{file}:{line}: {problem}")


# --- 3b. A pass mark in quotes (mkdocs.yml extra: lms:) ---------------------------------------

PASS_MARK_IN_QUOTES = (
    "extra: lms: pass_mark is '80' in quotes, which is text, not a number "
    "(write it without quotes: pass_mark: 80)"
)


@pytest.mark.parametrize(("value", "shown"), [("80", "80"), ("0", "0"), ("100", "100")])
def test_a_pass_mark_in_quotes_says_to_write_it_without(value, shown):
    with pytest.raises(DataError) as caught:
        pass_mark({"lms": {"pass_mark": value}})
    assert str(caught.value) == "mkdocs.yml: " + PASS_MARK_IN_QUOTES.replace("80", shown)


@pytest.mark.build
def test_the_check_names_a_pass_mark_in_quotes_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    _replace(settings, "  generator: false", '  lms:\n    pass_mark: "80"\n  generator: false')
    report = run_check(project)
    assert report.returncode != 0
    assert f"mkdocs.yml:{_line_of(settings, 'pass_mark')}: {PASS_MARK_IN_QUOTES}" in report.stdout, (
        report.stdout + report.stderr
    )


# --- 4. A quote left open: named where it opens ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "quote"),
    [
        ('a:\n  name: "Front\n  phone: "999"\n  when: "x"\n', 2, '"'),  # runs on to phone's quote
        ('a:\n  name: "F"\n  when: "9 to 5\n  note: "Leave a message."\n', 3, '"'),
        ('a:\n  name: \'Front\n  phone: "999"\n  note: "The council\'s"\n', 2, "'"),  # to an apostrophe
        ('items:\n  - "one\n  - "two"\n', 2, '"'),
        ('a:\n  name: "Front\n', 2, '"'),  # to the end of the file
        ("a:\n  name: 'Front\n", 2, "'"),
    ],
)
def test_a_quote_left_open_is_named_where_it_opens(text, line, quote):
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "data/x.yml")
    assert str(caught.value) == (
        f"data/x.yml:{line}: {NEVER_CLOSED} (add the closing {quote} at the end of the value)"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('a:\n  text: "a long\n    value" extra\n', 3),  # over two lines on purpose, words after it
        ('a:\n  text: "one" two\n', 2),
    ],
)
def test_words_after_a_closing_quote_keep_their_message(text, line):
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "data/x.yml")
    assert str(caught.value).startswith(
        f"data/x.yml:{line}: this is not valid YAML: YAML cannot tell where the value on this line ends"
    )


def test_a_value_over_two_lines_in_quotes_is_still_read():
    assert parse_yaml('a:\n  text: "a long\n    value"\n  b: "c"\n', "data/x.yml") == {
        "a": {"text": "a long value", "b": "c"}
    }


def test_a_quote_left_open_in_mkdocs_yml_is_named_where_it_opens():
    with pytest.raises(DataError) as caught:
        check_keys_once('site_name: "Member induction\nsite_url: "https://example.org/"\n', "mkdocs.yml")
    assert str(caught.value) == f'mkdocs.yml:1: {NEVER_CLOSED} (add the closing " at the end of the value)'


@pytest.mark.build
@pytest.mark.parametrize("field", [EDT_LINE, 'when: "outside'])
def test_a_quote_left_open_in_a_data_file_stops_the_build_where_it_opens(tmp_path, field):
    project = copy_project(tmp_path / "project")
    contacts = project / "data" / "contacts.yml"
    line = _line_of(contacts, field)
    lines = contacts.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].endswith('"')
    lines[line - 1] = lines[line - 1][:-1]  # the closing quote left out
    contacts.write_text("\n".join(lines), encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    _assert_stopped(
        build, f'data/contacts.yml:{line}: {NEVER_CLOSED} (add the closing " at the end of the value)'
    )


# --- 5. Front matter without its opening --- --------------------------------------------------

NOT_OPENED = (
    "the page starts with the front matter field '{0}:' but has no '---' line above it "
    "(add a line with only --- above '{0}:')"
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("title: T\nowner: O\nsources: [induction_2025]\n---\n\n# T\n", "title"),
        ("title: T\nsearch:\n  boost: 3\n---\n\n# T\n", "title"),
        ("\ufeffdescription: D\ntitle: T\n---\n", "description"),  # a byte-order mark first
        ("Title: T\n---\n", "Title"),  # MkDocs reads it as 'title'
    ],
)
def test_front_matter_without_its_opening_line_says_so(raw, key):
    with pytest.raises(DataError) as caught:
        read_front_matter(raw, "docs/x.md")
    assert str(caught.value) == "docs/x.md:1: " + NOT_OPENED.format(key)


@pytest.mark.parametrize(
    "raw", ["# Title\n\ntitle: not front matter\n", "Note: a page without front matter\n", ""]
)
def test_a_page_that_does_not_start_with_a_field_is_left_alone(raw):
    assert read_front_matter(raw, "docs/x.md") == {}


@pytest.mark.build
@pytest.mark.parametrize("page", ["thresholds.md", "contacts.md"])
def test_a_page_without_its_opening_line_stops_the_build_at_line_1(tmp_path, page):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle:")
    path.write_text(text.removeprefix("---\n"), encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    _assert_stopped(build, f"docs/{page}:1: {NOT_OPENED.format('title')}")


WRONG_OPENING = (
    "the page starts with '{0}', not ---, so the front matter under it is not read "
    "(line 1 should be exactly --- (three hyphens), with nothing else on it)"
)


@pytest.mark.parametrize("first", ["----", "-- -", "\u2014-", "\u2013\u2013\u2013", " ---", "--", "- - -"])
def test_an_opening_line_of_other_dashes_says_what_line_1_should_be(first):
    with pytest.raises(DataError) as caught:
        read_front_matter(f"{first}\ntitle: T\nowner: O\n---\n\n# T\n", "docs/x.md")
    assert str(caught.value) == "docs/x.md:1: " + WRONG_OPENING.format(first)


@pytest.mark.parametrize("raw", ["----\n\nSome text.\n", "----\nNote: a rule, then text\n", "---\n"])
def test_a_rule_at_the_top_without_fields_under_it_is_left_alone(raw):
    try:
        assert read_front_matter(raw, "docs/x.md") == {}
    except DataError as error:  # '---' alone is front matter never closed, not this message
        assert "three hyphens" not in str(error)


@pytest.mark.build
@pytest.mark.parametrize("first", ["----", "-- -", "\u2014-"])
def test_a_wrong_opening_line_stops_the_build_at_line_1(tmp_path, first):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "thresholds.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle:")
    path.write_text(first + text.removeprefix("---"), encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    _assert_stopped(build, f"docs/thresholds.md:1: {WRONG_OPENING.format(first)}")
    assert "has no 'title'" not in build.output


# --- 6. A name given to two glossary entries: named at the line being added -------------------

TWO_ENTRIES = "(give each term, expansion and alias to one entry only; capitals are ignored)"
IRO = (
    "  - term: IRO\n"
    "    expansion: Independent Reviewing Officer\n"
    "    definition: Chairs the reviews of a child's care plan.\n"
)
REVIEWER = "  - term: reviewing officer\n    aliases: [CRO, IRO]\n    definition: Reviews a plan.\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (  # the new entry's alias above the old entry's own name: the alias's line, not line 5
            "terms:\n" + REVIEWER + IRO,
            f"data/glossary.yml:3: 'IRO' is already a name of the entry 'IRO' (line 5) {TWO_ENTRIES}",
        ),
        (  # below it: its own line, as before
            "terms:\n" + IRO + REVIEWER,
            f"data/glossary.yml:6: 'IRO' is already a name of the entry 'IRO' (line 2) {TWO_ENTRIES}",
        ),
        (  # an alias above an expansion: the alias's line
            "terms:\n  - term: reviewer\n    aliases: [independent reviewing officer]\n    definition: R.\n"
            + IRO,
            "data/glossary.yml:3: 'independent reviewing officer' is already a name of the entry 'IRO' "
            f"(line 5) {TWO_ENTRIES}",
        ),
        (  # two entries' own names: the later one
            "terms:\n" + IRO + "  - term: iro\n    definition: Again.\n",
            f"data/glossary.yml:5: 'iro' is already a name of the entry 'IRO' (line 2) {TWO_ENTRIES}",
        ),
        (  # two aliases: the later one
            "terms:\n  - term: A\n    aliases: [XY]\n    definition: A.\n"
            "  - term: B\n    aliases: [xy]\n    definition: B.\n",
            f"data/glossary.yml:6: 'xy' is already a name of the entry 'A' (line 2) {TWO_ENTRIES}",
        ),
    ],
)
def test_a_name_of_two_entries_is_named_where_it_is_added(text, message):
    with pytest.raises(DataError) as caught:
        load_glossary(text, "data/glossary.yml")
    assert str(caught.value) == message


@pytest.mark.build
def test_a_new_alias_that_is_an_entrys_name_stops_the_build_at_the_alias(tmp_path):
    new = "  - term: reviewing officer\n    aliases: [IRO]\n    definition: >-\n      Reviews a plan.\n\n"
    build, line = _planted(tmp_path, "data/glossary.yml", "  - term: IRO\n", new + "  - term: IRO\n")
    text = (tmp_path / "project" / "data" / "glossary.yml").read_text(encoding="utf-8").split("\n")
    iro = text.index("  - term: IRO") + 1
    _assert_stopped(
        build,
        f"data/glossary.yml:{line + 1}: 'IRO' is already a name of the entry 'IRO' (line {iro}) "
        f"{TWO_ENTRIES}",
    )


# --- 7. One person, two entries in data/people.yml: the guide says to change both --------------


def test_the_guide_says_to_change_every_entry_that_holds_the_old_name():
    people = load_facts(ROOT / "data", ROOT)["people"]
    holders = {}
    for key, entry in people.items():
        holders.setdefault(entry["name"], []).append(key)
    shared = {name: keys for name, keys in holders.items() if len(keys) > 1}
    assert shared, "no one holds two entries now: the guide's sentence can go"
    guide = (ROOT / "docs" / "trainers" / "contacts-and-people.md").read_text(encoding="utf-8")
    section = guide.split("## Someone new in a role", 1)[1].split("\n## ", 1)[0]
    words = " ".join(section.split())
    assert "search `data/people.yml` for the old name and change every entry that holds it" in words
    for keys in shared.values():
        assert any(f"`{key}`" in section for key in keys), f"name one of {keys} as an example"
