"""Every test has one kind (unit, build, browser, export; see pyproject.toml), and `pytest -m unit`
runs no build, no export and no browser.

The kinds are given in tests/conftest.py from the fixtures each test uses. This file checks them
another way: it reads the code each `unit` test runs (the test, the fixtures it asks for and the
helpers under tests/ that they call) for a call to something that builds, exports or starts
Chromium. Collection only: nothing is built here.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import conftest
from conftest import ROOT

TESTS = ROOT / "tests"
KINDS = {"unit", "build", "browser", "export"}

# What builds the site, runs the check or the export, by the module and name it is defined under.
BUILDERS = {
    "conftest.run_build",
    "export_support.run_export",
    "export.build.main",
    "export.build.build_site",
    "export.pipeline.main",
    "export.pipeline.export",
    "export.pipeline.make_export",
    "export.pipeline.build_offline_site",
    "export.pipeline.Documents",
    "check.report.main",
    "check.report.run_checks",
    "check.report.build_site",
    "mkdocs.commands.build.build",
}
# `python -m X` in a subprocess, for these X, is a build, a check or an export.
BUILDING_MODULES = {"mkdocs", "properdocs", "check", "export", "export.build"}

# Writes each collected test's kinds to the file named in KINDS_REPORT (loaded with -p).
REPORTER = """
import json, os

def pytest_collection_finish(session):
    kinds = {"unit", "build", "browser", "export"}
    report = {item.nodeid: sorted({m.name for m in item.iter_markers()} & kinds) for item in session.items}
    with open(os.environ["KINDS_REPORT"], "w", encoding="utf-8") as file:
        json.dump(report, file)
"""


@pytest.fixture(scope="module")
def kinds(tmp_path_factory) -> dict[str, list[str]]:
    """Each test's kinds, as `pytest --collect-only` marks them."""
    folder = tmp_path_factory.mktemp("kinds")
    (folder / "kinds_report.py").write_text(REPORTER, encoding="utf-8")
    report = folder / "kinds.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "kinds_report",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])),
            "KINDS_REPORT": str(report),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def test_every_test_has_exactly_one_kind(kinds):
    assert len(kinds) > 1000
    assert {nodeid: found for nodeid, found in kinds.items() if len(found) != 1} == {}
    assert {found[0] for found in kinds.values()} == KINDS


def test_no_unit_test_builds_exports_or_opens_a_browser(kinds):
    units = [nodeid for nodeid, found in kinds.items() if found == ["unit"]]
    assert len(units) > 500
    wrong = {nodeid: sorted(found) for nodeid in units if (found := heavy_work(nodeid))}
    assert wrong == {}, (
        "these tests are marked unit but build, export or open a browser: give them "
        "@pytest.mark.build, or add their fixture to FIXTURE_KINDS in tests/conftest.py"
    )


# What needs Chromium: a browser, or an export (it prints its PDFs with Chromium).
NEEDS_CHROMIUM = {
    "Chromium",
    "python -m export",
    "export_support.run_export",
    "export.pipeline.main",
    "export.pipeline.export",
    "export.pipeline.make_export",
}


def test_no_build_test_exports_or_opens_a_browser(kinds):
    """`-m build` runs without Chromium (noxfile.py's needs_chromium does not install it): a
    test that prints or opens a browser is an export or browser test."""
    builds = [nodeid for nodeid, found in kinds.items() if found == ["build"]]
    assert len(builds) > 100
    wrong = {nodeid: sorted(found) for nodeid in builds if (found := heavy_work(nodeid) & NEEDS_CHROMIUM)}
    assert wrong == {}, "these tests are marked build but export or open a browser: mark them so"


# The reader must find each kind of heavy work, however deep the call (it proves the check above).
KNOWN = [
    ("test_trainer_notes.py::test_a_strict_build_refuses_the_trainer_view", "conftest.run_build"),
    ("test_trainer_check.py::test_a_site_with_only_warnings_passes", "python -m check"),
    ("test_escaping.py::test_hostile_values_never_run_when_built_with_properdocs", "python -m properdocs"),
    ("test_bad_input.py::test_a_good_build_replaces_the_site", "export.build.build_site"),
    ("test_glossary_build.py::test_first_occurrences_are_linked_and_nothing_else", "conftest.run_build"),
    ("test_glossary_build.py::test_the_real_site_search_knows_mash_by_both_names", "conftest.run_build"),
    (
        "test_export_failures.py::test_a_broken_link_fails_the_export_naming_the_page",
        "export_support.run_export",
    ),
    ("test_export_outputs.py::test_the_handout_has_no_trainer_notes", "export_support.run_export"),
    ("test_glossary_browser.py::test_hovering_a_glossary_link_shows_its_definition_beside_it", "Chromium"),
]


@pytest.mark.parametrize(("nodeid", "work"), KNOWN, ids=[k[0].split("::")[1] for k in KNOWN])
def test_the_reader_finds_heavy_work_in_known_tests(nodeid, work):
    assert work in heavy_work(f"tests/{nodeid}")


def test_the_reader_finds_none_in_a_pure_test():
    assert heavy_work("tests/test_kinds.py::test_the_reader_finds_none_in_a_pure_test") == set()


def heavy_work(nodeid: str) -> set[str]:
    """What builds, exports or starts a browser in the code the test `nodeid` runs."""
    path, *names = nodeid.split("[")[0].split("::")
    module = importlib.import_module(Path(path).stem)
    test = module
    for name in names:
        test = getattr(test, name)
    return _reached(test, module, set())


def _reached(obj, module: types.ModuleType, seen: set) -> set[str]:
    obj = inspect.unwrap(obj)  # a fixture's own function
    if not _under_tests(obj) or obj in seen:
        return set()
    seen.add(obj)
    if inspect.isclass(obj):
        return set().union(*(_reached(f, module, seen) for f in vars(obj).values() if inspect.isfunction(f)))
    found = set()
    for name in inspect.signature(obj).parameters:  # fixtures: the test module's, then conftest's
        fixture = getattr(module, name, None) or getattr(conftest, name, None)
        if fixture is not None:
            found |= _reached(fixture, module, seen)
    for code in _codes(obj.__code__):
        words = {c for c in code.co_consts if isinstance(c, str)}
        if "-m" in words:
            found |= {f"python -m {m}" for m in words & BUILDING_MODULES}
        if any("playwright" in name for name in code.co_names):
            found.add("Chromium")
        for name in code.co_names:
            called = obj.__globals__.get(name)
            where = f"{getattr(called, '__module__', '')}.{getattr(called, '__qualname__', '')}"
            if where in BUILDERS:
                found.add(where)
            elif called is not None:
                found |= _reached(called, sys.modules.get(getattr(called, "__module__", "")) or module, seen)
    return found


def _codes(code: types.CodeType):
    """A function's code and the code of the functions, lambdas and comprehensions inside it."""
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _codes(const)


def _under_tests(obj) -> bool:
    if not (inspect.isfunction(obj) or inspect.isclass(obj)):
        return False
    try:
        return Path(inspect.getsourcefile(obj)).resolve().is_relative_to(TESTS)
    except TypeError:
        return False


def test_the_quick_tests_need_no_chromium_and_the_others_do():
    """`python3 noxfile.py -s tests -- -m unit` (or `-m build`) neither installs nor asks for
    Chromium, so they run on a laptop without it; any selection that may hold a browser or an
    export test still makes sure it is there."""
    noxfile = conftest.tasks_file()
    assert {"unit", "build", *noxfile.CHROMIUM_KINDS} == set(conftest.KINDS) == KINDS
    quick = (
        ["-m", "unit"],
        ["-m", "build", "-q"],
        ["-munit"],
        ["-m", "unit or build"],
        ["-m", "not browser and not export"],
        ["-m", "browser", "-m", "unit"],  # pytest keeps the last -m
    )
    for args in quick:
        assert not noxfile.needs_chromium(args), args
    others = ([], ["-q", "-x"], ["-m", "browser"], ["-m", "export or unit"], ["-m", "not unit"])
    unreadable = (["-m", "unit", "-m", "unit or export"], ["-m", "unit or"], ["-m", "slow"], ["-m"])
    for args in others + unreadable:
        assert noxfile.needs_chromium(args), args


class Stopped(Exception):
    pass


class Session(conftest.Recorded):
    """The nox session stand-in, with the log and the stop (session.error) _ensure_chromium uses."""

    def log(self, *args):
        pass

    def error(self, message):
        raise Stopped(message)


@pytest.mark.parametrize(
    ("there", "root", "either", "installed", "stops"),
    [
        (("chromium", "chromium-headless-shell"), False, False, None, False),
        (("chromium",), True, False, ["chromium-headless-shell"], False),
        ((), True, False, ["chromium", "chromium-headless-shell"], False),
        (("chromium",), False, True, None, False),  # the export prints with chromium instead
        (("chromium",), True, True, None, False),  # even as root: no apt when one will do
        (("chromium-headless-shell",), True, True, None, False),
        ((), True, True, ["chromium-headless-shell"], False),  # the export needs only the shell
        (("chromium-headless-shell",), False, True, None, False),
        (("chromium",), False, False, None, True),  # the export tests print with the headless shell
        ((), False, True, None, True),
    ],
)
def test_the_tasks_install_debians_chromium_and_its_headless_shell_or_say_how(
    tmp_path, monkeypatch, there, root, either, installed, stops
):
    """The tests need both (the browser tests use chromium, the export's printing the headless
    shell); the export needs either. As root they are installed with apt; otherwise the task stops
    with the command to run, unless what is there will do."""
    noxfile = conftest.tasks_file()
    browsers = tuple((tmp_path / package, package) for package in ("chromium", "chromium-headless-shell"))
    for path, package in browsers:
        if package in there:
            path.touch()
    monkeypatch.setattr(noxfile, "DEBIAN_CHROMIUMS", browsers)
    monkeypatch.setattr(noxfile.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(noxfile.os, "geteuid", lambda: 0 if root else 1000)
    session = Session([])
    needs = noxfile.EXPORT_NEEDS if either else noxfile.TESTS_NEED
    if stops:
        with pytest.raises(Stopped) as stopped:
            noxfile._ensure_chromium(session, needs, either=either)
        assert "sudo apt-get install -y chromium" in str(stopped.value)
        assert session.runs == []
        return
    noxfile._ensure_chromium(session, needs, either=either)
    installs = [args[4:] for args, _ in session.runs if args[1] == "install"]
    assert installs == ([] if installed is None else [tuple(installed)])
