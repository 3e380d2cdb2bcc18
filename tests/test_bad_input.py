"""Every bad input gets the house message, and the last good output survives (issue 17, part 4).

Pure functions first (table-driven), then one build of a copy of the real project per kind of
mistake: the exit status, the exact message (file, line, what to write) and that nothing was
half built.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from check import content
from conftest import ROOT, copy_project, run_build, snapshot
from export.build import build_site
from induction.common import DataError, decode_text, parse_yaml, why_not_a_date
from induction.pages import check_front_matter, image_problem, images_without_alt, read_front_matter

NOT_UTF8 = "this file is not UTF-8 text: this line has a character saved in another encoding"
SAVE_AS = (
    "(save the file as UTF-8 (in your editor: Save As, encoding 'UTF-8'), then check the accented letters"
)
ALIASES = "YAML anchors and aliases (&name, *name) are not allowed (write the value out in full)"
FM_NOT_YAML = (
    "the front matter is not valid YAML: this line has a second ': ' in it "
    "(put text that contains ': ' in quotes: owner: \"Team: fostering\")"
)
FM_INDENTED = (
    "the front matter is not valid YAML: this line is indented further than the line above it (start it "
    "at the left edge, lined up with 'title:' on line 2; if it carries on the text of the line above, "
    "put that whole text in quotes)"
)


# --- Bytes that are not UTF-8 ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "byte"),
    [
        (b"caf\xe9\n", 1, "E9"),  # Latin-1 / Windows-1252 e-acute
        (b"one\ntwo\n\x93quoted\x94\n", 3, "93"),  # Windows curly quotes
        (b"a\nb\nc\nd \xc3(\n", 4, "C3"),  # a broken two-byte letter
        (b"\xff\xfet\x00i\x00", 1, "FF"),  # UTF-16
    ],
)
def test_bytes_that_are_not_utf8_name_their_line(data, line, byte):
    with pytest.raises(DataError) as caught:
        decode_text(data, "data/x.yml")
    assert str(caught.value).startswith(f"data/x.yml:{line}: {NOT_UTF8} (byte 0x{byte}) {SAVE_AS}")


@pytest.mark.parametrize("data", [b"", b"plain\n", "café – “quoted”\n".encode()])
def test_utf8_text_is_read_as_it_is(data):
    assert decode_text(data, "x") == data.decode("utf-8")


# --- Front matter and dates -----------------------------------------------------------------

GOOD = "---\ntitle: T\nowner: O\nreview_due: 2027-11-22\n---\n\n# T\n"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "---\ntitle: T\nowner: Team: fostering\n---\n",
            f"docs/x.md:3: {FM_NOT_YAML}",
        ),
        (
            "---\ntitle: T\n  owner: O\n---\n",
            f"docs/x.md:3: {FM_INDENTED}",
        ),
        (
            "---\ntitle: [T\n---\n",
            "docs/x.md:2: the front matter is not valid YAML: the [ ] brackets that open on this line ",
        ),
        (
            "---\ntitle: T\nreview_due: 2026-02-31\n---\n",
            "docs/x.md:3: 'review_due: 2026-02-31' is not a real date (February 2026 has 28 days; "
            "write a day that exists, as YYYY-MM-DD)",
        ),
        (
            "---\nlast_reviewed: 2026-13-01\n---\n",
            "docs/x.md:2: 'last_reviewed: 2026-13-01' is not a real date (there is no month 13: months go "
            "from 01 to 12; write a day that exists, as YYYY-MM-DD)",
        ),
        ("---\ntitle: &t T\nowner: *t\n---\n", f"docs/x.md:3: {ALIASES}"),
        (
            "---\njust some words\n---\n",
            "docs/x.md:2: the front matter is not a list of 'name: value' lines (write each field on its own "
            "line between the --- lines, e.g. 'title: Fostering')",
        ),
    ],
)
def test_front_matter_problems_name_the_yaml_problem_and_line(raw, message):
    with pytest.raises(DataError) as caught:
        read_front_matter(raw, "docs/x.md")
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(("raw", "title"), [(GOOD, "T"), ("# No front matter\n", None)])
def test_good_front_matter_is_read(raw, title):
    assert read_front_matter(raw, "docs/x.md").get("title") == title


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-02-31", "February 2026 has 28 days"),
        ("2028-02-30", "February 2028 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-13-01", "there is no month 13: months go from 01 to 12"),
        ("2026-00-10", "there is no month 00: months go from 01 to 12"),
        ("2026-02-31 10:00:00", "February 2026 has 28 days"),
    ],
)
def test_why_a_date_is_not_real(text, why):
    assert why_not_a_date(text) == why


def test_an_impossible_date_in_a_list_names_its_line():
    with pytest.raises(DataError) as caught:
        parse_yaml("dates:\n  - 2026-06-01\n  - 2026-06-31\n", "data/x.yml")
    assert str(caught.value).startswith(
        "data/x.yml:3: '2026-06-31' is not a real date (June 2026 has 30 days"
    )


def test_a_badly_formatted_date_is_still_not_a_date():
    """'next year' is text, not an impossible date: the old message, which says how to write it."""
    raw = "---\nreview_due: next year\n---\n"
    problems, _ = check_front_matter(
        read_front_matter(raw, "docs/x.md"), "docs/x.md", {}, dt.date(2026, 1, 1), raw
    )
    expected = "write it as YYYY-MM-DD, e.g. 'review_due: 2026-11-22'"
    assert ("docs/x.md", 2, "'review_due: next year' is not a date", expected) in problems


# --- YAML aliases ---------------------------------------------------------------------------


def billion_laughs(levels: int = 12) -> str:
    """A YAML file whose last key stands for 9**levels copies of 'lol'."""
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: &x 1\nb: *x\n", 2),
        ("base: &base {phone: '01452'}\nother:\n  <<: *base\n", 3),
        ("- &x [1]\n- *x\n", 2),
        ("terms:\n  - term: A\n    see: &s [a.md]\n  - term: B\n    see: *s\n", 5),
        (billion_laughs(), 2),
    ],
)
def test_yaml_aliases_are_refused_with_their_line(text, line):
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "data/glossary.yml")
    assert str(caught.value) == f"data/glossary.yml:{line}: {ALIASES}"


def test_a_billion_laughs_file_fails_at_once():
    text = billion_laughs(30)  # 9**30 values if it were expanded
    start = time.perf_counter()
    with pytest.raises(DataError, match="anchors and aliases"):
        parse_yaml(text, "data/glossary.yml")
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize("text", ["a: 2 * 3\n", "a: '*x'\n", "a: &x 1\n", "# *x\na: 1\n"])
def test_a_star_that_is_not_an_alias_is_fine(text):
    parse_yaml(text, "data/x.yml")


# --- Images without alt text, or with alt text that says nothing ---------------------------


@pytest.mark.parametrize(
    ("html", "missing"),
    [
        ('<p><img alt="" src="a.svg" /></p>', [("a.svg", "")]),
        ('<img src="a.svg">', [("a.svg", "")]),
        ('<img alt="  " src="a.svg">', [("a.svg", "")]),
        ('<img alt="Map" src="a.svg">', []),
        ('<img alt="" class="decorative" src="a.svg">', []),
        ('<img alt="" class="wide decorative" src="a.svg">', []),
        ('<img class="decorative" src="a.svg">', [("a.svg", "")]),  # decoration still needs alt=""
        ("<pre><code>&lt;img src=a.svg&gt;</code></pre>", []),
        ('<P><IMG SRC="a.svg"></P>', [("a.svg", "")]),  # typed in capitals: still an image
        ('<p>A picture:<img\nsrc="a.svg"></p>', [("a.svg", "")]),
        ("<p>No picture, an image of a page</p>", []),
        # read as a browser reads it: of two alt attributes the first counts, text in a <textarea> is text
        ('<img alt="Map" alt="" src="a.svg">', []),
        ('<img alt="" alt="Map" src="a.svg">', [("a.svg", "")]),
        ('<textarea><img src="a.svg"></textarea>', []),
        # alt written with no value is alt="": right on a decorative image only
        ('<img alt class="decorative" src="a.svg">', []),
        ('<img alt src="a.svg">', [("a.svg", "")]),
        # Alt text that a screen reader reads out but that says nothing about the picture
        ('<img alt="image" src="../images/a.svg">', [("../images/a.svg", "image")]),
        ('<img alt="An image." src="a.svg">', [("a.svg", "An image.")]),
        ('<img alt="Diagram" src="a.svg">', [("a.svg", "Diagram")]),
        ('<img alt="the photo" src="a.svg">', [("a.svg", "the photo")]),
        ('<img alt="img" src="a.svg">', [("a.svg", "img")]),
        ('<img alt="graphic" src="a.svg">', [("a.svg", "graphic")]),
        ('<img alt="Figure" src="a.svg">', [("a.svg", "Figure")]),
        # marked decorative, but a screen reader reads 'picture' out all the same
        ('<img alt="picture" class="decorative" src="a.svg">', [("a.svg", "picture")]),
        (
            '<img alt="court-route.svg" src="../images/court-route.svg">',
            [("../images/court-route.svg", "court-route.svg")],
        ),
        ('<img alt="court-route" src="court-route.svg?v=2">', [("court-route.svg?v=2", "court-route")]),
        ('<img alt="Court route" src="court-route.svg">', [("court-route.svg", "Court route")]),
        ('<img alt="-" src="a.svg">', [("a.svg", "-")]),  # no letters: "dash"
        # Words that describe: fine, even with 'diagram' or the file's words among them
        ('<img alt="Diagram of the partnership" src="a.svg">', []),
        ('<img alt="Image of the court route" src="court-route.svg">', []),
        ('<img alt="Court route from plan to order" src="court-route.svg">', []),
        ('<img alt="Pictures" src="a.svg">', []),  # the list is short: exact words only
    ],
)
def test_images_without_alt(html, missing):
    assert images_without_alt(html) == missing


DECORATIVE_HINT = "for a purely decorative image write"


@pytest.mark.parametrize(
    ("raw", "src", "line", "written"),
    [
        ("# T\n\n![](../images/a.svg)\n", "../../images/a.svg", 3, "../images/a.svg"),
        ("# T\n\n![](a.svg){ .decorative }\n\n![ ](a.svg)\n", "../a.svg", 5, "a.svg"),
        ("x\n![Map](a.svg)\n![](b.svg)\n", "../b.svg", 3, "b.svg"),
        ("x\n![image](a.svg)\n![](a.svg)\n", "../a.svg", 3, "a.svg"),  # the one with no alt text
    ],
)
def test_an_image_without_alt_is_found_on_its_line(raw, src, line, written):
    path, found, problem, todo = image_problem("docs/p.md", raw, src)
    assert (path, found, problem) == ("docs/p.md", line, f"the image '{written}' has no alt text")
    assert todo == (
        f"describe it in the brackets: ![What the picture shows]({written}); "
        f"{DECORATIVE_HINT} ![]({written}){{ .decorative }}"
    )


def test_an_html_image_without_alt_says_what_to_add():
    _, line, problem, todo = image_problem("docs/p.md", 'a\n\n<img src="x.png">\n', "x.png")
    assert (line, problem) == (3, "the image 'x.png' has no alt text")
    assert todo == (
        'add alt="what the picture shows" to the <img> tag; '
        'for a purely decorative image write alt="" class="decorative"'
    )


def test_an_html_image_is_found_at_its_line_read_as_the_check_reads_it():
    """Of two alt attributes the first counts, in finding the line as in finding the image."""
    raw = 'a\n<img alt="Map" alt="" src="x.png">\n<img alt="" alt="Map" src="x.png">\n'
    assert image_problem("docs/p.md", raw, "x.png")[1] == 3
    assert images_without_alt(raw) == [("x.png", "")]


SAYS_NOTHING = "which tells a screen reader user nothing"
EXAMPLE = "Map of the county's three locality areas"


@pytest.mark.parametrize(
    ("raw", "src", "alt", "line", "written", "typed"),
    [
        ("# T\n\n![image](../images/a.svg)\n", "../../images/a.svg", "image", 3, "../images/a.svg", "image"),
        # the image with a description, or with no alt text, is not the one meant
        ("x\n![Map](a.svg)\n![](a.svg)\n![ Picture ](a.svg)\n", "a.svg", "Picture", 4, "a.svg", "Picture"),
        ("x\n![*image*](a.svg)\n", "a.svg", "image", 2, "a.svg", "*image*"),  # as typed
        ("x\n\n![a.svg](a.svg){ .decorative }\n", "a.svg", "a.svg", 3, "a.svg", "a.svg"),
        ("x\n![Map](ba.svg)\n![ba](a.svg)\n![a](a.svg)\n", "a.svg", "a", 4, "a.svg", "a"),  # 'ba' is not 'a'
    ],
)
def test_an_image_whose_alt_says_nothing_is_found_on_its_line(raw, src, alt, line, written, typed):
    assert image_problem("docs/p.md", raw, src, alt) == (
        "docs/p.md",
        line,
        f"the image '{written}' has the alt text '{typed}', {SAYS_NOTHING}",
        f"say in the brackets what the picture shows, e.g. ![{EXAMPLE}]({written}); "
        f"{DECORATIVE_HINT} ![]({written}){{ .decorative }}",
    )


def test_an_html_image_whose_alt_says_nothing_is_found_on_its_line():
    raw = 'a\n<img src="x.png" alt="Map">\n<img src="x.png">\n<p><img alt="photo" src="x.png"></p>\n'
    assert image_problem("docs/p.md", raw, "x.png", "photo") == (
        "docs/p.md",
        4,
        f"the image 'x.png' has the alt text 'photo', {SAYS_NOTHING}",
        f'say in alt="..." what the picture shows, e.g. alt="{EXAMPLE}"; '
        'for a purely decorative image write alt="" class="decorative"',
    )


# --- The check's self-check line when a quiz file is broken --------------------------------


@pytest.mark.parametrize(
    ("broken", "status", "problems"),
    [
        (set(), "none", 1),
        (
            {"services-fostering.yml"},
            "not checked: quizzes/services-fostering.yml has an error (see above)",
            0,
        ),
        ({"other.yml"}, "none", 1),
    ],
)
def test_a_page_whose_quiz_file_is_broken_is_not_called_missing(broken, status, problems):
    found = content.quiz_status("services/fostering.md", None, True, {}, broken)
    assert found[0] == status and len(found[1]) == problems


# --- Builds of the real project with one mistake --------------------------------------------


def _replace(path: Path, old: bytes, new: bytes) -> int:
    """Replace the first `old` in `path` by `new`; return the line it is on."""
    data = path.read_bytes()
    assert old in data, f"{path} no longer contains {old!r}: update the test"
    path.write_bytes(data.replace(old, new, 1))
    return data[: data.index(old)].count(b"\n") + 1


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().split("\n"), 1) if text in line)


def _assert_failed(build, message: str) -> None:
    assert build.returncode != 0, build.output
    assert message in build.output, build.output
    assert "Traceback" not in build.output, build.output
    assert not list(build.site.rglob("*.html")), "the failed build wrote pages"


@pytest.mark.parametrize(
    ("file", "old"),
    [
        ("docs/services/fostering.md", b"# Fostering"),
        ("docs/trainers/errors.md", b"# Error messages"),
        ("data/glossary.yml", b"terms:"),
        ("data/contacts.yml", b"name:"),
        ("quizzes/services-fostering.yml", b"page:"),
        ("quizzes/interface-text.en-GB.po", b"msgid"),
    ],
)
def test_a_file_that_is_not_utf8_fails_the_build_naming_its_line(project_copy, tmp_path, file, old):
    line = _replace(project_copy / file, old, old + b" caf\xe9")
    build = run_build(project_copy, tmp_path / "site")
    _assert_failed(build, f"{file}:{line}: {NOT_UTF8} (byte 0xE9) {SAVE_AS}")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            b"owner: Children's Social Care member induction team",
            b"owner: Team: fostering",
            f"docs/services/fostering.md:4: {FM_NOT_YAML}",
        ),
        (
            b"review_due: 2027-11-22",
            b"review_due: 2026-02-31",
            "docs/services/fostering.md:6: 'review_due: 2026-02-31' is not a real date (February 2026 has 28 "
            "days; write a day that exists, as YYYY-MM-DD)",
        ),
        (
            b"title: Fostering",
            b"title: &t Fostering\nsection: *t",
            f"docs/services/fostering.md:3: {ALIASES}",
        ),
    ],
    ids=["not-yaml", "not-a-real-date", "alias"],
)
def test_bad_front_matter_fails_the_build_with_the_yaml_problem(project_copy, tmp_path, old, new, message):
    _replace(project_copy / "docs" / "services" / "fostering.md", old, new)
    build = run_build(project_copy, tmp_path / "site")
    _assert_failed(build, message)
    assert "has no 'title'" not in build.output


def test_a_billion_laughs_data_file_fails_the_build_at_once(project_copy, tmp_path):
    glossary = project_copy / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text() + "\n" + billion_laughs(30).replace("lol0:", "extra0:", 1))
    line = _line_of(glossary, "lol1: &lol1")
    start = time.perf_counter()
    build = run_build(project_copy, tmp_path / "site")
    _assert_failed(build, f"data/glossary.yml:{line}: {ALIASES}")
    assert time.perf_counter() - start < 30  # a whole MkDocs start-up; expanded, it would never end


COURT_ROUTE = b"![Four steps from a child protection plan to a court decision](../images/court-route.svg)"


def test_an_image_without_alt_text_fails_the_strict_build(project_copy, tmp_path):
    page = project_copy / "docs" / "services" / "court-proceedings.md"
    old = COURT_ROUTE
    line = _replace(page, old, b"![](../images/court-route.svg)")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert (
        f"docs/services/court-proceedings.md:{line}: the image '../images/court-route.svg' has no alt text "
        "(describe it in the brackets: ![What the picture shows](../images/court-route.svg); for a purely "
        "decorative image write ![](../images/court-route.svg){ .decorative })"
    ) in build.output


@pytest.mark.parametrize(
    ("typed", "problem", "todo"),
    [
        (
            "![image](../images/court-route.svg)",
            f"the image '../images/court-route.svg' has the alt text 'image', {SAYS_NOTHING}",
            f"say in the brackets what the picture shows, e.g. ![{EXAMPLE}](../images/court-route.svg); "
            f"{DECORATIVE_HINT} ![](../images/court-route.svg){{ .decorative }}",
        ),
        (
            "![court-route.svg](../images/court-route.svg)",
            f"the image '../images/court-route.svg' has the alt text 'court-route.svg', {SAYS_NOTHING}",
            f"say in the brackets what the picture shows, e.g. ![{EXAMPLE}](../images/court-route.svg); "
            f"{DECORATIVE_HINT} ![](../images/court-route.svg){{ .decorative }}",
        ),
        (
            '<img src="../images/court-route.svg" alt="Diagram">',
            f"the image '../images/court-route.svg' has the alt text 'Diagram', {SAYS_NOTHING}",
            f'say in alt="..." what the picture shows, e.g. alt="{EXAMPLE}"; '
            f'{DECORATIVE_HINT} alt="" class="decorative"',
        ),
    ],
    ids=["word", "file-name", "img-tag"],
)
def test_alt_text_that_says_nothing_fails_the_strict_build(project_copy, tmp_path, typed, problem, todo):
    page = project_copy / "docs" / "services" / "court-proceedings.md"
    line = _replace(page, COURT_ROUTE, typed.encode())
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0, build.output
    assert f"docs/services/court-proceedings.md:{line}: {problem} ({todo})" in build.output, build.output


def test_alt_text_that_describes_the_picture_builds(project_copy, tmp_path):
    """Words such as 'diagram' or the file's own words are fine inside a real description."""
    page = project_copy / "docs" / "services" / "court-proceedings.md"
    alt = "Diagram of the court route: four steps from a child protection plan to a court decision"
    _replace(page, COURT_ROUTE, f"![{alt}](../images/court-route.svg)".encode())
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    (img,) = build.html("services/court-proceedings/index.html").select("img[src$='court-route.svg']")
    assert img["alt"] == alt


def test_a_decorative_image_builds_with_empty_alt(project_copy, tmp_path):
    page = project_copy / "docs" / "services" / "court-proceedings.md"
    old = COURT_ROUTE
    _replace(page, old, b"![](../images/court-route.svg){ .decorative }")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    (img,) = build.html("services/court-proceedings/index.html").select("img[src$='court-route.svg']")
    assert img["alt"] == "" and "decorative" in img["class"]


# --- python -m check --------------------------------------------------------------------------


def _run_check(project: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check", "--project", str(project), "--html", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_the_check_reports_one_broken_quiz_file_once(project_copy, tmp_path):
    quiz = project_copy / "quizzes" / "services-fostering.yml"
    line = _replace(quiz, b"    options:", b"   options:")
    result = _run_check(project_copy, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    errors = [text for text in result.stdout.split("\n") if text.startswith("  ERROR")]
    assert len({text.strip() for text in errors}) == 1, result.stdout
    assert f"quizzes/services-fostering.yml:{line}: this is not valid YAML" in errors[0]
    assert "this file is missing" not in result.stdout
    assert (
        "self-check:  not checked: quizzes/services-fostering.yml has an error (see above)" in result.stdout
    )


_SETTINGS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")  # where the slip goes


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "docs/services/fostering.md",
            b"# Fostering",
            b"# Fostering caf\xe9",
            f"docs/services/fostering.md:10: {NOT_UTF8} (byte 0xE9)",
        ),
        (
            "docs/services/fostering.md",
            b"review_due: 2027-11-22",
            b"review_due: 2026-02-31",
            "docs/services/fostering.md:6: 'review_due: 2026-02-31' is not a real date",
        ),
        ("data/glossary.yml", b"terms:", b"terms: caf\xe9", "data/glossary.yml:"),
        ("mkdocs.yml", b"site_name:", b"site_name: caf\xe9", "mkdocs.yml:"),
        # a YAML slip in the settings: at its line, in the data files' words (it gave MkDocs'
        # "the settings cannot be read: ... while parsing a block collection ...", no line of ours)
        (
            "mkdocs.yml",
            b"  - hooks/facts.py\n",
            b"  - hooks/facts.py\n - hooks/pages.py\n",
            f"mkdocs.yml:{_SETTINGS.index('  - hooks/facts.py') + 2}: this is not valid YAML: this line is "
            "indented differently from the lines above it (start its '-' 2 spaces from the left edge, "
            f"under the '-' on line {_SETTINGS.index('hooks:') + 2})",
        ),
    ],
    ids=["page-utf8", "page-date", "data-utf8", "settings-utf8", "settings-yaml"],
)
def test_the_check_reports_unreadable_files_with_their_line(project_copy, tmp_path, file, old, new, message):
    _replace(project_copy / file, old, new)
    result = _run_check(project_copy, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert f"ERROR   {message}" in result.stdout, result.stdout
    assert "has no 'title'" not in result.stdout


def test_the_check_reports_a_pass_mark_slip_that_would_stop_the_export(project_copy, tmp_path):
    """The export stops on a slip in `extra: lms:` (the packages would lose their pass mark);
    the check says so first, at the same line."""
    settings = project_copy / "mkdocs.yml"
    line = _replace(settings, b"extra:\n", b"extra:\n  lms:\n    pass_mark 80\n") + 2
    result = _run_check(project_copy, tmp_path)
    assert result.returncode == 1
    assert (
        f"ERROR   mkdocs.yml:{line}: extra: lms: holds the text 'pass_mark 80', not a pass mark ("
        in result.stdout
    ), result.stdout


def test_settings_without_attr_list_stop_the_build_and_the_check_in_the_house_form(project_copy, tmp_path):
    """The glossary's links take their class from attr_list: without it listed, the build stops
    (and the check says so) with the settings file, the problem and what to write."""
    _replace(project_copy / "mkdocs.yml", b"  - attr_list\n", b"")
    message = (
        "mkdocs.yml: the glossary needs the attr_list Markdown extension "
        "(list attr_list under markdown_extensions)"
    )
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0 and message in build.output, build.output
    result = _run_check(project_copy, tmp_path)
    assert result.returncode == 1
    assert f"ERROR   {message}" in result.stdout, result.stdout


def test_the_check_warns_of_an_essentials_term_that_would_stop_the_export(project_copy, tmp_path):
    """data/essentials.yml naming another name of an entry (its alias), not its term: the site is
    fine and the check passes, but warns at the line with the export's own words, where the export
    would stop."""
    line = _replace(
        project_copy / "data" / "essentials.yml", b"  - corporate parenting\n", b"  - corporate parent\n"
    )
    result = _run_check(project_copy, tmp_path)
    assert result.returncode == 0, result.stdout
    assert (
        f"WARNING data/essentials.yml:{line}: 'corporate parent' is not a term in data/glossary.yml "
        in result.stdout
    ), result.stdout


# --- nox -s build: site/ keeps the last good build -----------------------------------------


@pytest.mark.build
def test_a_failed_build_leaves_the_last_good_site_exactly_as_it_was(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    site = project / "site"
    assert build_site(project / "mkdocs.yml", site) == 0
    good = snapshot(site)
    assert "services/court-proceedings/index.html" in good

    # A strict-mode warning (an image without alt text), then an error (a page that is not UTF-8).
    page = project / "docs" / "services" / "court-proceedings.md"
    _replace(page, b"![Four steps from a child protection plan to a court decision]", b"![]")
    assert build_site(project / "mkdocs.yml", site) != 0
    assert snapshot(site) == good
    _replace(page, b"# ", b"# caf\xe9 ")
    assert build_site(project / "mkdocs.yml", site) != 0
    assert snapshot(site) == good
    settings = project / "mkdocs.yml"
    _replace(settings, b"site_name:", b"site_name: caf\xe9")
    assert build_site(settings, site) == 1
    assert snapshot(site) == good
    settings.write_bytes(
        settings.read_bytes().replace(b"site_name: caf\xe9", b"site_name: [Member induction")
    )
    capsys.readouterr()
    assert build_site(settings, site) == 1  # a YAML slip: told at its line, before MkDocs reads it
    line = (
        settings.read_text(encoding="utf-8").count(
            "\n", 0, settings.read_text(encoding="utf-8").index("site_name: [")
        )
        + 1
    )
    assert capsys.readouterr().err.startswith(
        f"ERROR    -  mkdocs.yml:{line}: this is not valid YAML: the [ ]"
    )
    assert snapshot(site) == good
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["data", "docs", "hooks", "mkdocs.yml", "overrides", "quizzes", "site"]
    ), "a temporary folder was left behind"


@pytest.mark.build
def test_a_good_build_replaces_the_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("old")
    assert build_site(project / "mkdocs.yml", site) == 0
    assert not (site / "stale.html").exists() and (site / "index.html").exists()
    # readable by a web server running as another user, as a folder made by mkdir would be
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~umask


def test_a_config_named_relative_to_the_folder_builds(project_copy, tmp_path):
    """`mkdocs build -f mkdocs.yml` from the project folder, as trainers type it (the early UTF-8
    check once failed with a traceback when the config's folder was '')."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "-d",
            str(tmp_path / "site"),
        ],
        cwd=project_copy,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").exists()
