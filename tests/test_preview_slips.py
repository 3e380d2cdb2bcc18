"""A slip in mkdocs.yml while the live preview runs: named once, as the build names it, and the
preview keeps serving the last good site until the fix is saved (a trainer-workflow review found
two Python tracebacks and a preview whose pages hung until the file was fixed)."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, Recorded, copy_project, live_preview, tasks_file
from induction.pages import KEPT_LAST_GOOD_SITE, preview_rebuild
from test_escaping import plant_line

SETTINGS = "mkdocs.yml"
TAB = (  # as the build words it (python3 noxfile.py -s build)
    f"{SETTINGS}:{{line}}: this is not valid YAML: this line starts with a tab "
    "(indent with spaces only, lined up with the lines above)"
)


@pytest.mark.parametrize(
    ("settings", "rebuilt", "logged"),
    [
        ("site_name: Induction\nsite_author: Council\n", True, []),
        ("site_name: Induction\n\tsite_author: Council\n", False, [TAB.format(line=2), KEPT_LAST_GOOD_SITE]),
        (
            "site_name: Induction\nsite_name: Again\n",
            False,
            [f"{SETTINGS}:2: the key 'site_name' appears twice (give each key once)", KEPT_LAST_GOOD_SITE],
        ),
        (  # which MkDocs refuses and libyaml's parser would read (a review, 7 December 2026)
            "site_name: Member\tinduction\nsite_author: Council\n",
            False,
            [
                f"{SETTINGS}:1: this is not valid YAML: this line has a tab in it "
                "(use spaces instead of tabs)",
                KEPT_LAST_GOOD_SITE,
            ],
        ),
    ],
    ids=["readable", "tab", "key twice", "tab inside a line"],
)
def test_the_preview_rebuilds_only_from_readable_settings(tmp_path, caplog, settings, rebuilt, logged):
    (tmp_path / SETTINGS).write_text(settings, encoding="utf-8")
    rebuilds = []
    rebuild = preview_rebuild(
        lambda: rebuilds.append(1), tmp_path / SETTINGS, logging.getLogger("mkdocs.test")
    )

    with caplog.at_level(logging.INFO, logger="mkdocs.test"):
        rebuild()

    assert rebuilds == ([1] if rebuilt else [])
    assert [record.getMessage() for record in caplog.records] == logged


@pytest.mark.build
def test_a_tab_typed_into_mkdocs_yml_is_named_and_the_preview_keeps_the_last_good_site(
    project_copy, tmp_path
):
    output = tmp_path / "preview.txt"
    settings = project_copy / SETTINGS
    good = settings.read_text(encoding="utf-8")
    with live_preview(project_copy, output) as url:
        title = page_title(url)
        seen = len(output.read_text(encoding="utf-8"))
        line = plant_line(project_copy, SETTINGS, "site_author:", "\tsite_author: Council")
        printed = rebuilt(output, seen)

        named = [text for text in printed.splitlines() if text.endswith(TAB.format(line=line))]
        assert len(named) == 1 and named[0].startswith("ERROR"), printed
        assert "Traceback" not in printed, printed
        assert page_title(url) == title  # the last good site, served at once

        seen += len(printed)
        settings.write_text(good, encoding="utf-8")
        printed = rebuilt(output, seen)

        assert "Documentation built" in printed, printed  # from the fixed file
        assert page_title(url) == title
    assert "Traceback" not in output.read_text(encoding="utf-8")


def page_title(url: str) -> str:
    """The <title> of the preview's home page; a preview that holds its pages fails here."""
    with urllib.request.urlopen(url, timeout=60) as response:
        return BeautifulSoup(response.read(), "lxml").title.get_text()


def rebuilt(output: Path, seen: int) -> str:
    """What the preview printed after its first `seen` characters, once it has dealt with a
    change: told the browsers to reload, or said the rebuild failed."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        printed = output.read_text(encoding="utf-8")[seen:]
        if "Reloading browsers" in printed or "An error happened during the rebuild" in printed:
            return printed
        time.sleep(0.5)
    pytest.fail(
        f"the preview did not rebuild after a change; it printed:\n{output.read_text(encoding='utf-8')}"
    )


# What the preview's tasks run first (python -m export.build --settings-only): a recorded command,
# not run here
SETTINGS_CHECK = ("python", "-m", "export.build", "--settings-only")


@pytest.mark.parametrize("task", ["serve", "serve_trainer"])
@pytest.mark.parametrize(
    ("posargs", "config"),
    [
        ([], []),
        (["-a", "127.0.0.1:8765", "-f", "other.yml"], ["-f", "other.yml"]),
        (["--config-file=other.yml"], ["-f", "other.yml"]),
        (["-fother.yml", "-a", "127.0.0.1:8765"], ["-f", "other.yml"]),
        (["--config-file", "first.yml", "--config-file", "other.yml"], ["-f", "other.yml"]),
        (["-sfother.yml"], ["-f", "other.yml"]),  # flags before it, as Click reads them
        (["-w", "-fdocs", "-f", "other.yml"], ["-f", "other.yml"]),  # -fdocs is the folder -w watches
        (["-w", "-fdocs"], []),
    ],
)
def test_the_preview_checks_its_settings_before_it_starts(monkeypatch, task, posargs, config):
    """MkDocs reads mkdocs.yml before any hook, so a slip there when the preview starts was told
    in MkDocs' own words: the preview's tasks check the file first, as the build does. Before
    anything runs, each task also makes stopping it stop its server (_stop_on_terminate, tested
    with real signals in tests/test_small_things.py) and checks the port is free; here those two
    are stood in for, and each call recorded with how many commands had run by then."""
    session = Recorded(posargs)
    tasks = tasks_file()
    called = []
    for name in ("_stop_on_terminate", "_refuse_a_busy_address"):  # signals, the port
        monkeypatch.setattr(tasks, name, lambda *args, name=name: called.append((name, len(session.runs))))
    getattr(tasks, task)(session)
    assert called == [("_stop_on_terminate", 0), ("_refuse_a_busy_address", 0)]
    (check, _), (serve, _) = session.runs
    assert check == (*SETTINGS_CHECK, *config)
    assert serve[:2] == ("mkdocs", "serve")


@pytest.mark.parametrize(
    ("start", "change", "told"),
    [
        ("site_name: ", lambda line: "\t" + line, TAB),
        (
            "  - Services:",
            lambda line: line.rstrip(":"),
            "{line}: this is not valid YAML: '- Services' has no ':'",
        ),
    ],
    ids=["tab", "lost colon"],
)
@pytest.mark.build
def test_the_settings_check_names_the_line_and_changes_nothing(tmp_path, start, change, told):
    project = copy_project(tmp_path / "project")
    (old,) = [
        line
        for line in (project / SETTINGS).read_text(encoding="utf-8").split("\n")
        if line.startswith(start)
    ]
    line = plant_line(project, SETTINGS, start, change(old))
    run = subprocess.run(
        [sys.executable, "-m", "export.build", "--settings-only", "-f", str(project / SETTINGS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert told.format(line=line) in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert not (project / "site").exists()
    fine = subprocess.run(
        [sys.executable, "-m", "export.build", "--settings-only"], cwd=ROOT, capture_output=True
    )
    assert fine.returncode == 0, fine.stderr
