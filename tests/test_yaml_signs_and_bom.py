"""YAML values that start with a sign of YAML's own, wrapped text with ': ' in it, front matter
that runs on to a '---' rule, and files saved with a byte-order mark.

A value that starts with '{' ({{ a fact }}), '[' or '*' (*emphasis*) is read by YAML as a
mapping, a list or a reference, not as text: the trainer is told to put the whole value in
double quotes, at its line, never shown a traceback. A file that starts with a byte-order mark
(Windows Notepad may save one) is read as MkDocs reads it, so its front matter is found and its
line numbers are right. Table-driven tests of the pure functions, then real strict builds and
the content check of a copy of the project with each mistake planted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_build
from induction.common import DataError, parse_yaml, read_source
from induction.front_matter import body_line_offset, front_matter_line
from induction.pages import read_front_matter, unknown_keys

OTHER = "which YAML reads as something other than text (put the whole value in double quotes"
REFERENCE = "which YAML reads as a reference to another value (put the whole value in double quotes"
UNCLOSED = (
    "the front matter starts with '---' on this line but has no closing '---' line (add a line with "
    "only --- after the last field, before the page's first heading)"
)


# --- Values that start with '{', '[' or '*' -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "questions:\n  - options:\n      - text: {{ contacts.emergency.phone }}\n",
            f"q.yml:3: the value of 'text' starts with '{{', {OTHER}: "
            'text: "{{ contacts.emergency.phone }}")',
        ),
        (
            "owner: {{ people.director.name }}\n",
            f"q.yml:1: the value of 'owner' starts with '{{', {OTHER}: "
            'owner: "{{ people.director.name }}")',
        ),
        (
            "aliases:\n  - {{ x }}\n",
            f"q.yml:2: the value on this line starts with '{{', {OTHER}: - \"{{{{ x }}}}\")",
        ),
        (  # left open: closing it with '}' would only lead to the mistake above
            "feedback: {{ contacts.front_door.phone now.\n",
            f"q.yml:1: the value of 'feedback' starts with '{{', {OTHER}: feedback: "
            '"{{ contacts.front_door.phone now.")',
        ),
        (
            "a: 1\nfeedback: {{ contacts.front_door.phone }} now.\n",
            f"q.yml:2: the value of 'feedback' starts with '{{', {OTHER}: feedback: "
            '"{{ contacts.front_door.phone }} now.")',
        ),
        (
            "- text: [See] the page.\n",
            f"q.yml:1: the value of 'text' starts with '[', {OTHER}: text: \"[See] the page.\")",
        ),
        (
            "feedback: *Yes.* Immediate danger comes first.\n",
            f"q.yml:1: the value of 'feedback' starts with '*', {REFERENCE}: feedback: "
            '"*Yes.* Immediate danger comes first.")',
        ),
        (
            "feedback: *Never go alone*\n",
            f"q.yml:1: the value of 'feedback' starts with '*', {REFERENCE}: feedback: \"*Never go alone*\")",
        ),
        (
            '  - explanation: *Never* say "no"\n',
            "q.yml:1: the value of 'explanation' starts with '*', which YAML reads as a reference to another "
            "value (put the whole value in single quotes, as it has double quotes in it: explanation: "
            "'*Never* say \"no\"')",
        ),
        (  # a real anchor and alias keep their own message
            "a: &x 1\nb: *x\n",
            "q.yml:2: YAML anchors and aliases (&name, *name) are not allowed (write the value out in full)",
        ),
        (  # an unclosed list keeps the brackets' advice
            "aliases: [M\n",
            "q.yml:1: this is not valid YAML: the [ ] brackets that open on this line are not closed",
        ),
    ],
    ids=[
        "fact-in-a-list",
        "fact-front-matter",
        "fact-list-item",
        "fact-left-open",
        "fact-then-text",
        "bracket-then-text",
        "emphasis-then-text",
        "emphasis-whole-value",
        "emphasis-with-double-quotes",
        "real-alias",
        "unclosed-list",
    ],
)
def test_a_value_starting_with_a_yaml_sign_says_to_quote_it(text, message):
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "q.yml")
    assert str(caught.value).startswith(message), str(caught.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('text: "{{ contacts.emergency.phone }}"\n', {"text": "{{ contacts.emergency.phone }}"}),
        ("aliases: [M, N]\n", {"aliases": ["M", "N"]}),
        ('feedback: "*Yes.* Immediate."\n', {"feedback": "*Yes.* Immediate."}),
        ("feedback: Yes, *always*.\n", {"feedback": "Yes, *always*."}),
    ],
)
def test_quoted_values_and_lists_read_as_before(text, value):
    assert parse_yaml(text, "q.yml") == value


# --- Wrapped text with ': ' in it -----------------------------------------------------------------

QUESTION = (
    "questions:\n  - question: What do you do?\n"
    "    explanation: If a child is in danger, call 999. For every\n"
    "      other worry, contact the front door: it is open on weekdays.\n"
    "    section: What to do\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            QUESTION,
            "q.yml:4: this is not valid YAML: this line carries on the text of 'explanation:' on line 3, "
            "and that text has ': ' in it (put the whole text in double quotes, a \" before its first word "
            "on line 3 and a \" after its last word, or write 'explanation: >-' on line 3 and the text on "
            "the lines below it, indented)",
        ),
        (  # a name indented too far is still told so
            "title: T\n  owner: O\n",
            "q.yml:2: this is not valid YAML: this line is indented further than the line above it (start "
            "it at the left edge, lined up with 'title:' on line 1; if it carries on the text of the line "
            "above, put that whole text in quotes)",
        ),
    ],
    ids=["words-then-colon", "name-too-deep"],
)
def test_wrapped_text_with_a_colon_says_to_quote_the_whole_text(text, message):
    with pytest.raises(DataError) as caught:
        parse_yaml(text, "q.yml")
    assert str(caught.value) == message


def test_the_quoted_or_folded_text_reads_as_one_value():
    quoted = QUESTION.replace("tion: If", 'tion: "If').replace("weekdays.", 'weekdays."')
    folded = QUESTION.replace("tion: If", "tion: >-\n      If")
    text = (
        "If a child is in danger, call 999. For every other worry, contact the front door: it is open on "
        "weekdays."
    )
    for fixed in (quoted, folded):
        assert parse_yaml(fixed, "q.yml")["questions"][0]["explanation"] == text


# --- Front matter that runs on to a '---' rule ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "---\ntitle: T\nowner: O\n\n# T\n\n- a list item\n\n---\n\nLast updated.\n",
            f"docs/x.md:1: {UNCLOSED}",
        ),
        ("---\ntitle: T\n\n# T\n\nSome text.\n\n---\n", f"docs/x.md:1: {UNCLOSED}"),
        (  # a mistake above a comment line is the mistake
            "---\ntitle: T\n\towner: O\n# a note\n---\n",
            "docs/x.md:3: the front matter is not valid YAML: this line starts with a tab",
        ),
    ],
    ids=["list-in-the-body", "text-in-the-body", "comment-after-the-mistake"],
)
def test_front_matter_running_past_a_heading_is_reported_unclosed(raw, message):
    with pytest.raises(DataError) as caught:
        read_front_matter(raw, "docs/x.md")
    assert str(caught.value).startswith(message)


# --- A byte-order mark ----------------------------------------------------------------------------

BOM = "\ufeff"
PAGE = "---\ntitle: T\nowner: O\nprogres: false\n---\n\n# T\n"


def test_read_source_drops_a_byte_order_mark(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(BOM.encode() + b"---\r\ntitle: T\r\n---\r\n")
    assert read_source(path, "docs/x.md") == "---\ntitle: T\n---\n"


@pytest.mark.parametrize(
    ("work", "expected"),
    [
        (lambda raw: read_front_matter(raw, "d"), {"title": "T", "owner": "O", "progres": False}),
        (lambda raw: body_line_offset(raw), 6),
        (lambda raw: front_matter_line(raw, "progres"), 4),
        (lambda raw: unknown_keys(read_front_matter(raw, "d"), "d", raw)[0][1], 4),
    ],
    ids=["front-matter", "body-offset", "key-line", "unknown-key-line"],
)
def test_front_matter_after_a_byte_order_mark_is_found(work, expected):
    assert work(BOM + PAGE) == work(PAGE) == expected


# --- Real strict builds and the content check ----------------------------------------------------


def _plant(path: Path, old: str, new: str, bom: bool = False) -> int:
    """Replace the first `old` in `path` by `new` (and start the file with a byte-order mark);
    return the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update the test"
    path.write_text(BOM * bom + text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _errors(build) -> list[str]:
    assert build.returncode != 0, f"the strict build passed (run: nox -s build -- --strict):\n{build.output}"
    assert "Traceback" not in build.output, build.output
    assert not list(build.site.rglob("*.html")), "the failed build wrote pages"
    return [line for line in build.output.split("\n") if line.startswith("ERROR")]


def _check(project: Path, tmp_path: Path) -> str:
    command = [sys.executable, "-m", "check", "--project", str(project), "--html", str(tmp_path / "r.html")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result.stdout


@pytest.mark.build
@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        (
            "quizzes/thresholds.yml",
            '- text: "Call {{ contacts.emergency.phone }} now."',
            "- text: {{ contacts.emergency.phone }}",
            f"the value of 'text' starts with '{{', {OTHER}: text: \"{{{{ contacts.emergency.phone }}}}\")",
        ),
        (
            "docs/thresholds.md",
            "owner: Children's Social Care member induction team",
            "owner: {{ people.director_childrens_services.name }}",
            f"the value of 'owner' starts with '{{', {OTHER}: owner: "
            '"{{ people.director_childrens_services.name }}")',
        ),
    ],
    ids=["self-check", "front-matter"],
)
def test_a_fact_at_the_start_of_a_yaml_value_stops_the_build_and_the_check(tmp_path, path, old, new, message):
    project = copy_project(tmp_path / "project")
    line = _plant(project / path, old, new)
    errors = _errors(run_build(project, tmp_path / "site"))
    assert errors == [f"ERROR   -  {path}:{line}: {message}"], errors
    assert f"{path}:{line}: {message}" in _check(project, tmp_path)


@pytest.mark.build
@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        (
            "owner: Children's",
            "owner: Team: Children's",
            "the front matter is not valid YAML: this line has a second ': ' in it",
        ),
        ("review_due:", "progres: false\nreview_due:", "unknown front matter key 'progres'"),
    ],
    ids=["yaml-mistake", "unknown-key"],
)
def test_a_page_saved_with_a_byte_order_mark_is_reported_at_the_right_line(tmp_path, old, new, error):
    project = copy_project(tmp_path / "project")
    line = _plant(project / "docs" / "thresholds.md", old, new, bom=True)
    errors = [e for e in _errors(run_build(project, tmp_path / "site")) if "docs/thresholds.md:" in e]
    assert len(errors) == 1 and errors[0].startswith(f"ERROR   -  docs/thresholds.md:{line}: {error}"), errors


@pytest.mark.build
def test_a_body_line_after_a_byte_order_mark_keeps_its_number(tmp_path):
    project = copy_project(tmp_path / "project")
    typo = "Call {{ contacts.emergency-phone }} now."
    line = _plant(project / "docs" / "thresholds.md", "\n## ", f"\n\n{typo}\n\n## ", bom=True) + 2
    errors = _errors(run_build(project, tmp_path / "site"))
    expected = f"docs/thresholds.md:{line}: '{{{{ contacts.emergency-phone }}}}' is not a fact name"
    assert expected in "\n".join(errors), errors


@pytest.mark.build
@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        (
            "quizzes/thresholds.yml",
            "feedback: Yes. Immediate",
            "feedback: *Yes.* Immediate",
            f"the value of 'feedback' starts with '*', {REFERENCE}: feedback: ",
        ),
        (
            "quizzes/thresholds.yml",
            '    explanation: "If a child is in immediate danger, call {{ contacts.emergency.phone }} now. '
            "For every other worry, phone the front door straight away; out of hours, the Emergency Duty "
            'Team, but only if it cannot wait until the next working day."',
            "    explanation: If a child is in immediate danger, call 999 now. For every\n"
            "      other worry, contact the front door: it is open on weekdays.",
            "this is not valid YAML: this line carries on the text of 'explanation:' on line ",
        ),
        ("docs/thresholds.md", "\n---\n", "\n", f"{UNCLOSED}"),
    ],
    ids=["emphasis", "wrapped-colon", "front-matter-to-a-rule"],
)
def test_signs_wrapped_colons_and_runaway_front_matter_stop_the_build_at_their_line(
    project_copy, tmp_path, path, old, new, message
):
    line = _plant(project_copy / path, old, new)
    if old == "\n---\n":  # the closing line gone, and a rule further down the page
        line = 1
        page = project_copy / path
        page.write_text(page.read_text(encoding="utf-8") + "\n---\n\nLast updated.\n", encoding="utf-8")
    elif "\n" in new:
        line += 1  # the wrapped text's second line
    errors = [e for e in _errors(run_build(project_copy, tmp_path / "site")) if path in e]
    assert len(errors) == 1 and errors[0].startswith(f"ERROR   -  {path}:{line}: {message}"), errors
