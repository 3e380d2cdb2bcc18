"""Shared fixtures: build the real site (or a fixture project) with the real MkDocs CLI."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from material.plugins.search.plugin import Parser as SearchParser

from induction.front_matter import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The parts of the repository a build reads; copied when a test needs to change something.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data", "quizzes")
# The Markdown extensions of mkdocs.yml that shape a page's text, for the tests that convert a
# snippet of Markdown without a build (the glossary linker, the self-check's Markdown).
TEXT_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def html(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / relative).read_text(encoding="utf-8"), "lxml")

    def pages(self) -> list[Path]:
        return sorted(p for p in self.site.rglob("*.html") if p.name != "404.html")


def run_build(project: Path, site: Path, *extra: str, env: dict | None = None, strict: bool = True) -> Build:
    """`mkdocs build --strict` on `project` into `site`, as a trainer or CI would run it
    (`strict=False` for a preview build, such as the trainer view, that warns on purpose)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *(["--strict"] if strict else []),
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def search_sections(html: str) -> list[tuple]:
    """What Material's own search parser keeps of `html`: each section's id, title and text."""
    parser = SearchParser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data]


@functools.cache
def tasks_file():
    """noxfile.py as a module, loaded by its path once a process (the repository's folder is not
    on the import path under nox; loading it twice would register its sessions twice)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("noxfile", ROOT / "noxfile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # nox is installed in the test environment
    return module


class Recorded:
    """A stand-in for nox's session that records the commands a task runs: (args, options)."""

    def __init__(self, posargs: list[str]):
        self.posargs, self.runs = posargs, []

    def install(self, *args, **kwargs):
        pass

    def run(self, *args, **kwargs):
        self.runs.append((args, kwargs))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path from there, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """Copy the real project (without built output) to `dest` so a test can break it safely."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def last_review_day(project: Path) -> str:
    """The latest `last_reviewed` date of the project's pages (YYYY-MM-DD): a "today"
    (INDUCTION_TODAY) that no page's review date is after, whatever day a trainer last reviewed
    one, for a test that must build the real pages on a day of its choosing."""
    fronts = (
        split_front_matter(page.read_text(encoding="utf-8"))[0] for page in (project / "docs").rglob("*.md")
    )
    return max(front["last_reviewed"] for front in fronts if "last_reviewed" in front).isoformat()


@contextmanager
def live_preview(project: Path, output: Path | None = None) -> Iterator[str]:
    """`mkdocs serve` on `project`, as a trainer previews the site, on a free local port; its
    address. What it prints goes to the file `output`, if given."""
    with socketserver.TCPServer(("127.0.0.1", 0), None) as probe:
        port = probe.server_address[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml")]
    with open(output or os.devnull, "w", encoding="utf-8") as printed:
        process = subprocess.Popen(
            [*command, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=printed,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"},
        )
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    urllib.request.urlopen(url, timeout=5).close()
                    break
                except OSError:
                    assert process.poll() is None and time.monotonic() < deadline, (
                        "mkdocs serve did not start"
                    )
                    time.sleep(0.5)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real site, built once per test run in strict mode into a temporary folder."""
    build = run_build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert build.returncode == 0, f"strict build failed (run: nox -s build):\n{build.output}"
    return build


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site on a local web server (127.0.0.1, random port) for browser tests."""
    handler = partial(_QuietHandler, directory=str(real_site.site))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browser here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: run `sudo apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# --- Kinds of test ---------------------------------------------------------------------------
# Each test is marked with one kind (described in pyproject.toml), so that `pytest -m unit` runs
# only the quick ones. A test's kind comes from the fixtures it uses (FIXTURE_KINDS, below) or
# from a `@pytest.mark.build` on a test that runs a build by itself; when several apply, the first
# in KINDS wins. tests/test_kinds.py checks that no test marked `unit` builds, exports or opens
# a browser: a new fixture that does one of those belongs in FIXTURE_KINDS.
KINDS = ("export", "browser", "build", "unit")
FIXTURE_KINDS = {
    # Chromium driven by Playwright
    "browser": "browser",
    # the offline export of the real project (tests/export_support.py: real_export, unzipped)
    "exported": "export",
    "offline_site": "export",
    "published": "export",
    "earlier_export": "export",
    "wordier_export": "export",
    # real builds: the real site, a copy of the project for a build, fixture projects built
    "real_site": "build",
    "served_site": "build",
    "project_copy": "build",
    "fixture_builds": "build",
    "offline_build": "build",
    "fixture_site": "build",
    "quiz_site": "build",
    "fixture_report": "build",
    "hostile_site": "build",
    "examples_site": "build",
    "without_glossary_entry": "build",
    "trainer_site": "build",
    "offline_copy": "build",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        found = {FIXTURE_KINDS.get(name) for name in item.fixturenames}
        found |= {mark.name for mark in item.iter_markers()}
        kind = next(kind for kind in KINDS if kind in found or kind == "unit")
        if not item.get_closest_marker(kind):
            item.add_marker(kind)
