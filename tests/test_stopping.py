"""Ctrl+C stops the build and the export with one line and exit status 130, and leaves site/ or
dist/ exactly as it was, with no temporary folder and no Chromium left behind (a trainer-workflow
review found a KeyboardInterrupt traceback, and asyncio's, in their place).

Ctrl+C in a terminal interrupts every process of its foreground group: here the command runs in a
group of its own, which gets SIGINT as a terminal would send it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, Recorded, copy_project, snapshot, tasks_file
from export.pipeline import STOPPED, stopped
from export_support import export_project

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="POSIX signals, /proc")


@dataclass
class Stopped:
    returncode: int
    output: str  # all it printed (stdout and stderr)
    after: str  # what it printed once Ctrl+C had been pressed
    started: dict[int, str]  # the processes it had started by then, by name (MkDocs, Chromium, ...)


def press_ctrl_c(command: list[str], when: str, temporary: Path) -> Stopped:
    """Run `command` (temporary files in `temporary`) until it prints a line holding `when`,
    then interrupt its process group as Ctrl+C in a terminal does; what it did after."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a process group of its own, as a terminal gives a command
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1", "TMPDIR": str(temporary)},
    )
    before = ""
    for line in process.stdout:
        before += line
        if when in line:
            break
    else:
        process.wait()
        pytest.fail(f"it ended before printing '{when}':\n{before}")
    started = descendants(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    after = process.stdout.read()
    process.wait(timeout=300)
    return Stopped(process.returncode, before + after, after, started)


def descendants(pid: int) -> dict[int, str]:
    """The processes `pid` started, and the ones they started, by name, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (state := process_state(int(entry.name))):
            children.setdefault(int(state[1]), []).append(int(entry.name))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = process_name(child)
            todo.append(child)
    return found


def process_state(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the name (state, parent, ...); [] once it has ended."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return []


def process_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def running(started: dict[int, str]) -> list[str]:
    """The names of the processes of `started` still running (one that has ended but not been
    waited for is a zombie, state Z)."""
    return [
        name
        for pid, name in started.items()
        if process_state(pid)[:1] not in ([], ["Z"]) and process_name(pid) == name
    ]


def assert_stopped_quietly(run: Stopped, folder: Path, before: dict[str, bytes], temporary: Path) -> None:
    # 130, or killed by SIGINT, which a shell and nox report as 130 too: Python ends so, after
    # the export has said its line, when Ctrl+C lands inside code that Python's exec() runs (a
    # dataclass being made as the build imports a module), though the KeyboardInterrupt was caught
    assert run.returncode in (STOPPED, -signal.SIGINT), run.output
    assert run.after.strip() == stopped(folder), run.output  # the one line, no traceback
    assert "Traceback" not in run.output, run.output
    assert snapshot(folder) == before
    beside = sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}-"))
    assert beside == [], "a temporary folder was left beside it"
    assert sorted(p.name for p in temporary.iterdir() if p.name.startswith("induction-")) == []
    deadline = time.monotonic() + 30  # a child process may take a moment to go after its parent
    while running(run.started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running(run.started) == [], "a process it started is still running"


@pytest.fixture
def temporary():
    """A folder for the command's temporary files (TMPDIR), with a short name: Chromium cannot
    start with its socket's path longer than 107 characters, as under pytest's own tmp_path."""
    folder = Path(tempfile.mkdtemp(prefix="ctrl-c-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.export
@pytest.mark.parametrize(
    "when",
    ["[2/6] Reading the learning pages", "[4/6] Zipping the offline site", "[5/6] Printing the PDFs"],
    ids=["chromium-ready", "zipping", "printing"],
)
def test_ctrl_c_stops_the_export_in_one_line_and_dist_is_as_it_was(tmp_path, temporary, when):
    """Once Chromium has started (beside the build), while the first documents print and the
    site is zipped, and while the last ones print: Playwright's driver, which started Chromium,
    got the Ctrl+C too and died under the export, with asyncio's tracebacks; and prints cut off
    when Chromium closed told theirs."""
    project = export_project(tmp_path / "project")
    dist = project / "dist"
    dist.mkdir()
    (dist / "member-induction-handout-2026-01-10-abc1234.pdf").write_bytes(b"the earlier export")
    before = snapshot(dist)

    run = press_ctrl_c(
        [sys.executable, "-m", "export", "--project", str(project), "--dist", str(dist)], when, temporary
    )

    # it was running (chromium, or chromium-headless-shell: "chromium-headle"), and is closed
    assert any(name.startswith("chromium") for name in run.started.values()), run.started
    assert_stopped_quietly(run, dist, before, temporary)


@pytest.mark.build
def test_ctrl_c_stops_the_build_in_one_line_and_site_is_as_it_was(tmp_path, temporary):
    project = copy_project(tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    before = snapshot(site)

    run = press_ctrl_c(
        [sys.executable, "-m", "export.build", "-f", str(project / "mkdocs.yml")],
        "Building documentation",
        temporary,
    )

    assert_stopped_quietly(run, site, before, temporary)
    assert "Aborted!" not in run.output  # MkDocs' own word for Ctrl+C


@pytest.mark.parametrize("task", ["build", "export"])
def test_the_tasks_give_the_build_and_the_export_time_to_stop_after_ctrl_c(task):
    """nox ends a command 0.3 s after Ctrl+C unless told otherwise: the export then stopped
    before it had closed Chromium and deleted its temporary folders, and without its line."""
    session = Recorded(["--chromium", "/usr/bin/chromium"] if task == "export" else [])
    getattr(tasks_file(), task)(session)
    ((command, options),) = session.runs  # the build or the export itself
    assert options["interrupt_timeout"] >= 10, command
