"""Tasks for the Member Induction site: preview, build, check, test and export.

Run with `python3 noxfile.py -s SESSION` on a machine that has only Python and pip (the file
installs nox for itself the first time), or with `nox -s SESSION` where nox is installed.
`python3 noxfile.py --list` shows every session with its description.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REQUIREMENTS = ROOT / "requirements.txt"
BOOTSTRAP_VENV = ROOT / ".nox" / "_bootstrap"
CHROMIUM = Path("/usr/bin/chromium")  # the browser tests' Chromium, the one readers use
# the export prints with it (the same PDFs as CHROMIUM's, made faster: export/pipeline.py)
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")


def _bootstrap() -> None:
    """Install nox (at the version pinned in requirements.txt) in a private venv and re-run there."""
    bindir = BOOTSTRAP_VENV / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    if not python.exists():
        print("First run: installing nox into .nox/_bootstrap (one minute) ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(BOOTSTRAP_VENV)], check=True)
    if subprocess.run([str(python), "-c", "import nox"], capture_output=True).returncode != 0:
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-c", str(REQUIREMENTS), "nox"],
            check=True,
        )
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


try:
    import nox
except ImportError:
    if __name__ != "__main__":
        raise
    _bootstrap()

nox.options.sessions = ["lint", "tests", "build"]
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = False


def _install(session: nox.Session) -> None:
    session.install("-q", "-r", str(REQUIREMENTS))
    session.install("-q", "--no-deps", "-e", ".")  # the induction package (hooks, check, export use it)


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview for trainers: serves the site at http://127.0.0.1:8000 and reloads on save."""
    _install(session)
    _stop_on_terminate()
    _refuse_a_busy_address(session)
    _check_settings(session)
    session.run("mkdocs", "serve", "--livereload", *session.posargs)


@nox.session(name="serve-trainer")
def serve_trainer(session: nox.Session) -> None:
    """Live preview with trainer-only notes shown on the pages (never publish this view)."""
    _install(session)
    _stop_on_terminate()
    _refuse_a_busy_address(session)
    _check_settings(session)
    session.run("mkdocs", "serve", "--livereload", *session.posargs, env={"INDUCTION_TRAINER_VIEW": "1"})


def _check_settings(session: nox.Session) -> None:
    """Before the preview starts: a slip in mkdocs.yml (a tab, a lost colon) told at its line with
    what to write, as the build and the running preview tell it, not in MkDocs' own words."""
    config = option_value(session.posargs, "-f", "--config-file")
    session.run("python", "-m", "export.build", "--settings-only", *(["-f", config] if config else []))


def option_value(args: list[str], short: str, long: str) -> str | None:
    """The value an option of `mkdocs serve` takes in `args`, read as MkDocs reads them (`-f FILE`,
    `-fFILE`, `-sfFILE` with flags before it, `--config-file FILE`, `--config-file=FILE`; the last
    one counts), or None when it is not given. The value of another option (`-w -fdocs`: the folder
    -fdocs is watched) is not taken for it."""
    found, rest = None, list(args)
    while rest:
        arg = rest.pop(0)
        if arg.startswith("--"):
            name, equals, value = arg.partition("=")
            if name in TAKES_A_VALUE.values():
                value = value if equals else (rest.pop(0) if rest else None)
                found = value if name == long else found
        elif arg.startswith("-"):
            for at, letter in enumerate(arg[1:], start=2):  # flags, then perhaps one option with a value
                if f"-{letter}" in TAKES_A_VALUE:
                    value = arg[at:] or (rest.pop(0) if rest else None)
                    found = value if f"-{letter}" == short else found
                    break
    return found


# The options of `mkdocs serve` that take a value, short and long
TAKES_A_VALUE = {"-f": "--config-file", "-a": "--dev-addr", "-t": "--theme", "-w": "--watch"}


def _refuse_a_busy_address(session: nox.Session) -> None:
    """Stop with one plain sentence, not MkDocs' traceback, when the preview's address is taken."""
    problem = busy_address(session.posargs, session.name)
    if problem:
        session.error(problem)


def busy_address(args: list[str], task: str = "serve") -> str | None:
    """What to do when the address the preview would serve at (`-a HOST:PORT` or `--dev-addr`,
    else 127.0.0.1:8000) is in use, often by a preview already running; None when it is free.
    It binds as MkDocs' server does (SO_REUSEADDR), so a preview just stopped, whose address the
    system holds for a minute, is not taken for a running one."""
    import socket

    address = option_value(args, "-a", "--dev-addr") or "127.0.0.1:8000"
    host, _, port = address.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit():
        return None  # MkDocs says what is wrong with the address itself
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, int(port)))
        except OSError:
            other = f"{address.rpartition(':')[0] or '127.0.0.1'}:{int(port) + 1}"
            return (
                f"The preview's address {address} is in use: a preview may be running already (open "
                f"http://{address} in the browser, or press Ctrl+C in its window to stop it), or start "
                f"this one at another address: python3 noxfile.py -s {task} -- -a {other}"
            )
    return None


def _stop_on_terminate() -> None:
    """Stopping the preview's task stops its server too. nox stops the server it started when it
    gets Ctrl+C (KeyboardInterrupt), but an editor or job runner that stops the task sends
    SIGTERM (closing its terminal, SIGHUP), which would end nox and leave the server running."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # Windows has no SIGHUP
            signal.signal(getattr(signal, name), interrupt)


@nox.session
def check(session: nox.Session) -> None:
    """Content report for trainers, page by page, naming the file and line to change (fails only on errors).

    Review dates, reading level, glossary terms, self-checks, images without alt text, figures
    without a date and broken links; also written to reports/content-check.html. To see what falls
    due later: python3 noxfile.py -s check -- --today 2027-10-01
    """
    _install(session)
    session.run("python", "-m", "check", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the site into site/ in strict mode: any warning (broken link, bad quiz) fails, and then
    site/ keeps the last good build (the new one is made beside it and swapped in when it works)."""
    _install(session)
    session.run("python", "-m", "export.build", *session.posargs, interrupt_timeout=STOPPING_TIME)


# Seconds nox gives the build and the export to stop after Ctrl+C (they end MkDocs, close Chromium
# and delete their temporary folders, then say what is left as it was) before it ends them; nox's
# own 0.3 s cut them off half way through.
STOPPING_TIME = 30


@nox.session(name="build-properdocs")
def build_properdocs(session: nox.Session) -> None:
    """Build the same mkdocs.yml with ProperDocs (the maintained MkDocs 1.x fork), strict."""
    _install(session)
    session.run(
        "properdocs",
        "build",
        "-f",
        "mkdocs.yml",
        "--strict",
        "--site-dir",
        str(Path(session.create_tmp()) / "properdocs-site"),
        *session.posargs,
    )


@nox.session
def export(session: nox.Session) -> None:
    """Offline export for briefing sessions, into dist/: the site zipped for a USB stick, its two
    LMS packages (SCORM 1.2 and 2004), the handout and the trainer pack as PDFs (and large print) and
    the Essentials handout. Prints with Chromium (Debian's, or -- --chromium PATH). Options: -- --help
    """
    if "--chromium" not in " ".join(session.posargs):  # a Chromium of the trainer's own choosing
        _ensure_chromium(session, EXPORT_NEEDS, either=True)
    _install(session)
    session.run("python", "-m", "export", *session.posargs, interrupt_timeout=STOPPING_TIME)


@nox.session
def publish(session: nox.Session) -> None:
    """Check the site as CI does (strict build, content check errors, quick tests), then publish it:
    -- --to FOLDER (swapped in whole; -- --to FOLDER --rollback puts the previous copy back) or
    -- --to git:BRANCH[@REMOTE] (a commit on a branch for a static host). Options: -- --help
    """
    _install(session)
    session.run("python", "-m", "export.publish", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run every test: unit, build, browser, export (needs Debian's chromium and its headless shell).

    Only the quick ones: python3 noxfile.py -s tests -- -m unit (these need no Chromium)
    The tests run on every processor at once (pytest-xdist); -- -n 0 runs them one at a time.
    """
    if needs_chromium(session.posargs):
        _ensure_chromium(session)
    _install(session)
    # worksteal: each worker starts on its own half of the suite (a file's tests, which may share a
    # build, stay together) and takes tests from the other when it runs out
    session.run("pytest", "-n", "auto", "--dist", "worksteal", *(session.posargs or ["-q"]))


@nox.session
def lint(session: nox.Session) -> None:
    """Check the Python code (hooks, tests, scripts) with ruff."""
    _install(session)
    session.run("ruff", "check", ".", *session.posargs)
    session.run("ruff", "format", "--check", ".")


TESTS_NEED = (
    "The browser and export tests need Debian's Chromium at /usr/bin/chromium and its headless shell "
    "at /usr/bin/chromium-headless-shell. Install them with: "
    "sudo apt-get install -y chromium chromium-headless-shell"
)
EXPORT_NEEDS = (
    "The export prints its PDFs with the Chromium browser and did not find it at "
    "/usr/bin/chromium-headless-shell or /usr/bin/chromium. On Debian or Ubuntu, install it with: "
    "sudo apt-get install -y chromium-headless-shell. Elsewhere, give the "
    "path of a Chromium or Google Chrome: python3 noxfile.py -s export -- --chromium PATH"
)


# The kinds of test that open Chromium (each test has one kind: tests/conftest.py).
CHROMIUM_KINDS = ("browser", "export")


def needs_chromium(args: list[str]) -> bool:
    """Whether the tests that pytest `args` select may need Chromium: unless a marker expression
    (-m EXPR) rules out every kind in CHROMIUM_KINDS, as `-m unit` or `-m "not browser and not
    export"` do. pytest's -m takes the words and, or, not, brackets and kind names, which read
    the same in Python; an expression this cannot read counts as needing it."""
    following = [*args[1:], ""]  # the argument after each one
    given = [following[i] if a == "-m" else a[2:] for i, a in enumerate(args) if a.startswith("-m")]
    if not given:
        return True
    expression = given[-1]  # pytest keeps the last -m
    for kind in CHROMIUM_KINDS:
        marks = {name: name == kind for name in ("unit", "build", *CHROMIUM_KINDS)}
        try:
            if eval(compile(expression, "-m", "eval"), {"__builtins__": {}}, marks):
                return True
        except Exception:  # not an expression of kinds (-m "export.x"): install it to be safe
            return True
    return False


def _ensure_chromium(session: nox.Session, needs: str = TESTS_NEED, either: bool = False) -> None:
    """The tests need Debian's chromium (the browser tests) and its chromium-headless-shell (the
    export's printing); the export (`either`) needs one of them, the headless shell first. Install
    what is needed and missing when we can (as root, with apt), else stop and say how (`needs`)."""
    missing = [package for path, package in DEBIAN_CHROMIUMS if not path.exists()]
    if either:  # an export prints with whichever is there: nothing to install then
        missing = [] if len(missing) < len(DEBIAN_CHROMIUMS) else ["chromium-headless-shell"]
    if not missing:
        return
    apt = shutil.which("apt-get")
    if not (apt and os.geteuid() == 0):
        session.error(needs)
    session.log(f"Installing Debian's {' and '.join(missing)} (missing) ...")
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run(apt, "update", "-q", external=True, env=env)
    session.run(apt, "install", "-y", "-q", *missing, external=True, env=env)


DEBIAN_CHROMIUMS = ((CHROMIUM, "chromium"), (HEADLESS_SHELL, "chromium-headless-shell"))


if __name__ == "__main__":
    nox.main()
