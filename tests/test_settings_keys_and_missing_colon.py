"""Trainer mistakes in YAML that used to be reported far from their cause, or not at all:

- a key written twice in mkdocs.yml (a second `extra:` added at the end, as the guide once showed
  the pass mark): MkDocs keeps the last one without a word, and the build then failed about
  self-checks on 15 pages, naming nothing in mkdocs.yml;
- a 'name: value' line that lost its ': ' just above another 'name: value' line (`title Fostering`
  as the first line of front matter, or the first field of a data file's entry): reported at the
  line below, as "indented further than the line above it";
- the missing-owner message suggested a job title, where the site names the team.
Each is a table over the pure function and a strict build of a copy of the real project that
must stop with the exact message, file and line, publishing nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from conftest import ROOT, copy_project, run_build
from export.lms import pass_mark
from induction.common import DataError, check_keys_once, parse_yaml
from induction.pages import REQUIRED, check_front_matter, check_settings_files, read_front_matter

TWICE = "the key '{}' appears twice (give each key once)"
NOT_A_NAME = (
    "this line is not a 'name: value' line (write it as 'name: value'; if it carries on the text of the "
    "line above, indent it further than that line's name)"
)
GUIDE = ROOT / "docs" / "trainers" / "preview-check-publish.md"
# The pass mark block as the guide showed it before: appended to mkdocs.yml, a second `extra:`.
APPENDED = "\nextra:\n  lms:\n    pass_mark: 80\n"


# --- A key written twice in mkdocs.yml --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "site_name: A\nextra:\n  a: 1\nnav: []\nextra:\n  lms: 2\n",
            "mkdocs.yml:5: " + TWICE.format("extra"),
        ),
        (
            "theme:\n  name: material\n  font: false\n  name: mkdocs\n",
            "mkdocs.yml:4: " + TWICE.format("name"),
        ),
        ("plugins:\n  - search:\n      lang: en\n      lang: fr\n", "mkdocs.yml:4: " + TWICE.format("lang")),
        # the first in the file, whatever the depth
        ("a:\n  b: 1\n  b: 2\nc: 1\nc: 2\n", "mkdocs.yml:3: " + TWICE.format("b")),
        ("a: 1\nc:\n  b: 1\n  b: 2\na: 2\n", "mkdocs.yml:4: " + TWICE.format("b")),
        ("extra: {a: 1, a: 2}\n", "mkdocs.yml:1: " + TWICE.format("a")),
        # MkDocs' own tags and Python names are left alone
        (
            "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative $config_dir\n"
            "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
            "site_url: !ENV [SITE_URL, 'http://localhost']\n",
            None,
        ),
        ("a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\ne: *x\n", None),  # anchors, a merge key, an alias twice
        ("a:\n  name: 1\nb:\n  name: 1\nc: [{name: 1}, {name: 2}]\n", None),  # one key in each mapping
        ("a: 1\n'1': 2\n1: 3\n", None),  # the text '1' and the number 1 are two keys
        ("", None),
        (
            "a: [unclosed\n",  # not YAML: told in the data files' words, not the parser's
            "mkdocs.yml:1: this is not valid YAML: the [ ] brackets that open on this line are not "
            "closed, or hold something YAML cannot read (close them with ']' on the same line, separate "
            "the items with ', ' and put an item that contains ': ' or a bracket in quotes)",
        ),
    ],
)
def test_a_key_written_twice_in_the_settings_is_named_at_its_second_line(text, message):
    if message is None:
        check_keys_once(text, "mkdocs.yml")
        return
    with pytest.raises(DataError) as raised:
        check_keys_once(text, "mkdocs.yml")
    assert str(raised.value) == message


def test_the_data_files_and_the_settings_say_the_same_for_a_key_given_twice():
    text = "front_door:\n  name: A\nfront_door:\n  name: B\n"
    with pytest.raises(DataError) as data_file:
        parse_yaml(text, "data/contacts.yml")
    with pytest.raises(DataError) as settings:
        check_keys_once(text, "data/contacts.yml")
    assert str(data_file.value) == str(settings.value) == "data/contacts.yml:3: " + TWICE.format("front_door")


@pytest.mark.parametrize(
    ("offline", "main", "message"),
    [
        ("INHERIT: mkdocs.yml\nextra:\n  a: 1\nextra:\n  b: 2\n", "site_name: A\n", "mkdocs-offline.yml:4: "),
        (
            "INHERIT: mkdocs.yml\nextra:\n  a: 1\n",
            "site_name: A\nextra: {}\nsite_name: B\n",
            "mkdocs.yml:3: ",
        ),
        (
            "INHERIT: mkdocs.yml\nextra:\n  a: 1\n",
            "INHERIT: mkdocs-offline.yml\nsite_name: A\n",
            None,
        ),  # a loop
    ],
)
def test_the_settings_a_file_inherits_are_checked_too(tmp_path, offline, main, message):
    (tmp_path / "mkdocs-offline.yml").write_text(offline, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(main, encoding="utf-8")
    if message is None:
        check_settings_files(tmp_path / "mkdocs-offline.yml")
        return
    with pytest.raises(DataError) as raised:
        check_settings_files(tmp_path / "mkdocs-offline.yml")
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs-offline.yml"])
def test_the_real_settings_give_each_key_once(name):
    check_settings_files(ROOT / name)


def _guide_block() -> list[str]:
    """The YAML block the guide shows for the pass mark."""
    guide = GUIDE.read_text(encoding="utf-8")
    start = guide.index('To have "passed" or "failed"')
    block = re.search(r"```yaml\n(.*?)```", guide[start:], re.DOTALL)
    return block.group(1).rstrip("\n").split("\n")


def without_pass_mark(text: str) -> str:
    """mkdocs.yml's text without an `lms:` block under `extra:` (the lines the guide adds): a
    trainer who has followed the guide has one, with the pass mark the council chose."""
    kept, inside = [], False
    for line in text.split("\n"):
        if re.fullmatch(r"  lms:\s*(#.*)?", line):
            inside = True
            continue
        if inside and line.startswith("   "):
            continue
        inside = False
        kept.append(line)
    return "\n".join(kept)


def follow_the_guide(settings: str) -> None:
    """Each line the guide shows is in `settings` (mkdocs.yml's text, without a pass mark), in
    order, but for the lines it marks '# added'; adding those where it shows them gives the pass
    mark and keeps the Essentials and the self-check settings."""
    lines = settings.split("\n")
    shown = _guide_block()
    assert shown[0] == "extra:" and "extra:" not in shown[1:]
    at = lines.index(shown[0])
    for line in shown:
        if line.endswith(" # added"):
            lines.insert(at, line.removesuffix(" # added").rstrip())
        else:
            assert lines[at] == line, f"the guide shows {line!r}, mkdocs.yml has {lines[at]!r}"
        at += 1
    text = "\n".join(lines)
    check_keys_once(text, "mkdocs.yml")
    settings_read = yaml_load(text, loader=get_yaml_loader(config=MkDocsConfig()))
    expected = yaml_load(settings, get_yaml_loader(config=MkDocsConfig()))
    assert pass_mark(settings_read["extra"]) == 80
    assert {**settings_read["extra"], "lms": None} == {**expected["extra"], "lms": None}


def test_following_the_guide_sets_the_pass_mark_and_keeps_the_other_settings():
    """The guide's lines for the pass mark fit mkdocs.yml as it is. Once a trainer has followed
    them (here with a pass mark of 70), they still do: this test runs in publish's quick tests,
    and must not stop a council that has set a pass mark from publishing."""
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    follow_the_guide(without_pass_mark(settings))
    followed = settings.replace("\nextra:\n", "\nextra:\n  lms: # the council's\n    pass_mark: 70\n", 1)
    assert followed != settings and without_pass_mark(followed) == without_pass_mark(settings)
    follow_the_guide(without_pass_mark(followed))


@pytest.mark.build
def test_a_second_extra_in_mkdocs_yml_stops_the_build_at_its_line(tmp_path):
    project = _copy(tmp_path)
    config = project / "mkdocs.yml"
    line = config.read_text(encoding="utf-8").count("\n") + 2  # APPENDED starts with a blank line
    with config.open("a", encoding="utf-8") as file:
        file.write(APPENDED)
    build = _fails_and_publishes_nothing(project, tmp_path, f"mkdocs.yml:{line}: " + TWICE.format("extra"))
    assert "self-check" not in build.output


@pytest.mark.build
def test_a_key_twice_in_the_offline_settings_stops_their_build_at_its_line(tmp_path):
    project = _copy(tmp_path)
    offline = project / "mkdocs-offline.yml"
    text = offline.read_text(encoding="utf-8")
    assert text.count("\nextra:\n") == 1
    offline.write_text(text + "\nextra:\n  generator: true\n", encoding="utf-8")
    line = text.count("\n") + 2
    build = _fails_and_publishes_nothing(
        project, tmp_path, f"mkdocs-offline.yml:{line}: " + TWICE.format("extra"), "-f", str(offline)
    )
    assert "mkdocs.yml:" not in build.output.replace("mkdocs-offline.yml:", "")


# --- A 'name: value' line with no ': ' --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        # the first field of front matter (line 2 of the page)
        ("title Fostering\ndescription: x\nowner: y\n", 2, NOT_A_NAME),
        ("title Fostering and more\n  words carried on\ndescription: x\n", 2, NOT_A_NAME),
        ("title Fostering\n\ndescription: x\n", 2, NOT_A_NAME),
        # a later field, and the last (as before)
        ("title: Fostering\ndescription x\nowner: y\n", 3, NOT_A_NAME),
        ("title: Fostering\ndescription: x\nowner y\n", 4, NOT_A_NAME),
        # text carried on at the name's own indent
        ("description: The front door\ntakes calls\nowner: y\n", 3, NOT_A_NAME),
        # the first field of a data file's entry, and of a list item
        ("front_door:\n  name Front door\n  phone: '01452'\n", 3, NOT_A_NAME),
        ("emergency:\n  name: Police\nfront_door:\n  name Front door\n  phone: '01452'\n", 5, NOT_A_NAME),
        ("- text Police\n  correct: true\n- text: Nobody\n", 2, NOT_A_NAME),
        # really indented further: unchanged
        (
            "title: x\n  description: y\n",
            3,
            "this line is indented further than the line above it (start it at the left edge, lined up "
            "with 'title:' on line 2; if it carries on the text of the line above, put that whole text "
            "in quotes)",
        ),
        (
            "description: The front\n  door team\n  owner: y\n",
            4,
            "this line is indented further than the line above it (start it at the left edge, lined up "
            "with 'description:' on line 2; if it carries on the text of the line above, put that whole "
            "text in quotes)",
        ),
        (
            "description: The front\n  door and the council: team\n",
            3,
            "this line carries on the text of 'description:' on line 2, and that text has ': ' in it",
        ),
    ],
)
def test_a_line_that_lost_its_colon_is_named_itself(text, line, problem):
    with pytest.raises(DataError) as raised:
        read_front_matter(f"---\n{text}---\n\n# Page\n", "docs/services/fostering.md")
    message = str(raised.value)
    assert message.startswith(
        f"docs/services/fostering.md:{line}: the front matter is not valid YAML: {problem}"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("# Contacts\n\nfront_door:\n  name Front door\n  phone: '01452'\n", 4),
        ("# Contacts\nfront_door\nemergency:\n  name: Police\n", 2),
        ("emergency:\n  name: Police\n  # the front door\nfront_door:\n  name Front door\n  when: x\n", 5),
        ("questions:\n  - question Who?\n    options: []\n", 2),
        ("questions:\n  - question: Who?\n    options:\n      - text Police\n        correct: true\n", 4),
    ],
)
def test_a_data_file_line_that_lost_its_colon_is_named_itself(text, line):
    with pytest.raises(DataError) as raised:
        parse_yaml(text, "data/contacts.yml")
    assert str(raised.value) == f"data/contacts.yml:{line}: this is not valid YAML: {NOT_A_NAME}"


@pytest.mark.build
def test_front_matter_whose_first_line_lost_its_colon_stops_the_build_at_that_line(tmp_path):
    project = _copy(tmp_path)
    page = project / "docs" / "services" / "fostering.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Fostering\n")
    page.write_text(text.replace("title: Fostering", "title Fostering", 1), encoding="utf-8")
    _fails_and_publishes_nothing(
        project, tmp_path, f"docs/services/fostering.md:2: the front matter is not valid YAML: {NOT_A_NAME}"
    )


@pytest.mark.build
def test_a_data_entry_whose_first_field_lost_its_colon_stops_the_build_at_that_line(tmp_path):
    project = _copy(tmp_path)
    data = project / "data" / "contacts.yml"
    lines = data.read_text(encoding="utf-8").split("\n")
    number = lines.index("front_door:") + 2
    assert lines[number - 1].startswith("  name: ")
    lines[number - 1] = lines[number - 1].replace("name: ", "name ", 1)
    data.write_text("\n".join(lines), encoding="utf-8")
    _fails_and_publishes_nothing(
        project, tmp_path, f"data/contacts.yml:{number}: this is not valid YAML: {NOT_A_NAME}"
    )


# --- A page with no owner ---------------------------------------------------------------------

OWNER = (
    "docs/services/fostering.md",
    1,
    "the front matter has no 'owner'",
    "add a line 'owner: Children's Social Care member induction team' between the --- lines",
)


def test_the_missing_owner_message_names_the_team_as_every_page_does():
    meta = {key: value for key, value in {**REQUIRED, "title": "Fostering"}.items() if key != "owner"}
    problems, _ = check_front_matter(meta, "docs/services/fostering.md", {}, dt.date(2026, 12, 6))
    assert problems == [OWNER]
    owners = {
        line
        for page in (ROOT / "docs").rglob("*.md")
        for line in page.read_text(encoding="utf-8").split("\n")[:8]
        if line.startswith("owner: ")
    }
    assert owners == {"owner: " + REQUIRED["owner"]}


@pytest.mark.build
def test_a_page_with_no_owner_stops_the_build_with_the_team_to_write(tmp_path):
    project = _copy(tmp_path)
    page = project / "docs" / "services" / "fostering.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    owner = [line for line in lines[:8] if line.startswith("owner: ")]
    assert len(owner) == 1
    lines.remove(owner[0])
    page.write_text("\n".join(lines), encoding="utf-8")
    _fails_and_publishes_nothing(project, tmp_path, "{}:{}: {} ({})".format(*OWNER))


# --- Helpers ----------------------------------------------------------------------------------


def _copy(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "mkdocs-offline.yml", project / "mkdocs-offline.yml")
    return project


def _fails_and_publishes_nothing(project, tmp_path, message, *extra):
    build = run_build(project, tmp_path / "site", *extra)
    assert build.returncode != 0, f"the strict build passed (run: nox -s build -- --strict):\n{build.output}"
    assert message in build.output, build.output
    assert not list((tmp_path / "site").rglob("*.html"))
    return build


@pytest.mark.build
def test_the_check_names_a_second_extra_and_nothing_it_would_cause(tmp_path):
    """The content check stops at the repeated key as the build does, instead of listing the pages
    that lost their settings (a second extra: drops quizzes: not_needed, so 15 pages would be
    "without a self-check")."""
    import subprocess
    import sys

    project = _copy(tmp_path)
    config = project / "mkdocs.yml"
    line = config.read_text(encoding="utf-8").count("\n") + 2
    with config.open("a", encoding="utf-8") as file:
        file.write(APPENDED)
    result = subprocess.run(
        [sys.executable, "-m", "check", "--project", str(project)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: " + TWICE.format("extra") in result.stdout, result.stdout
    assert "self-check" not in result.stdout, result.stdout
    assert "1 error" in result.stdout, result.stdout
