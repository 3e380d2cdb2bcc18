"""`python -m export.publish`: check the site as CI does, then publish it in one step.

    nox -s publish -- --to /var/www/induction       a folder (a web server's document root, a share)
    nox -s publish -- --to git:gh-pages@origin      a git branch for a static host, pushed to origin
    nox -s publish -- --to /var/www/induction --rollback     put the previous copy back

The gate comes first, the same checks as CI: the strict build (into a temporary folder), the
content check (errors only) and the quick tests (`pytest -m unit`). If any of them fails,
nothing is published and the target is left exactly as it was.

A folder is published atomically: the new site is written into a new folder beside the target and
swapped in with renames at the end (export/pipeline.py's folder_beside and rename_all, as the
export moves dist/ into place), so a reader never sees a half-copied site. The copy it replaced
is kept beside it as `.NAME-previous` (in the same folder as the target: where that folder is
served, so is the copy), and `--rollback` swaps the two back. If a rename fails, the ones made
are undone, so the folders are as they were. Every published site carries MARKER, and a folder
that holds files but no MARKER is never replaced (nor a previous copy without it deleted): a web
server's folder often holds a default index.html beside other content that is not ours to move.

A git branch is published with ghp-import, as `mkdocs gh-deploy` does: one new commit on the
branch holding the built site (history kept), with a message naming the content version. The
remote and the branch name are checked before anything is built; ghp-import makes the commit
and git pushes it, and if either fails the local branch is put back as it was.

Every published site also carries `_headers`, which hosts that read it (Netlify, Cloudflare
Pages and the like) turn into HTTP headers: the Content-Security-Policy from induction.csp.POLICY,
the one place it is written. GitHub Pages cannot send headers; there the meta tag every page
carries holds the same policy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from export.build import build_site
from export.pipeline import StuckRenames, content_version, folder_beside, rename_all
from induction.csp import POLICY
from induction.dates import today

ROOT = Path(__file__).resolve().parent.parent
HEADERS_FILE = "_headers"
MARKER = ".member-induction-site"  # in every published site: only a folder holding it is replaced


class PublishError(Exception):
    """A reason to stop before anything is published (printed as it is)."""


@dataclass(frozen=True)
class GitTarget:
    branch: str
    remote: str | None  # None: commit to the local branch only, push nowhere


def headers_text(policy: str = POLICY) -> str:
    """The `_headers` file: every path gets the site's Content-Security-Policy."""
    return f"/*\n  Content-Security-Policy: {policy}\n"


def parse_target(text: str) -> Path | GitTarget:
    """`git:BRANCH[@REMOTE]` is a git branch; anything else is a folder."""
    if not text.startswith("git:"):
        return Path(text).expanduser().resolve()
    branch, _, remote = text[len("git:") :].partition("@")
    if not branch:
        raise PublishError(
            f"'{text}' names no branch (write git:BRANCH or git:BRANCH@REMOTE, e.g. git:gh-pages)"
        )
    return GitTarget(branch, remote or None)


def previous_of(target: Path) -> Path:
    """Where the copy a publish replaced is kept: beside the target (a dot hides it from file
    listings, but where the folder holding the target is served, the copy can be reached too)."""
    return target.with_name(f".{target.name}-previous")


def marker_text(version: str) -> str:
    return (
        f"Published by `python3 noxfile.py -s publish`: content version {version}, {today().isoformat()}.\n"
        "Publishing replaces a folder only when it holds this file.\n"
    )


def not_ours(folder: Path) -> list[str]:
    """What `folder` holds when it holds files but no MARKER (this command did not publish it);
    [] when it is missing, empty or ours."""
    if not folder.exists() or (folder / MARKER).exists():
        return []
    return sorted(f"{entry.name}/" if entry.is_dir() else entry.name for entry in folder.iterdir())


def listing(names: list[str], most: int = 4) -> str:
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return ", ".join(names[:most]) + more


def add_publish_files(tree: Path, version: str) -> None:
    """The files every published site carries beside the built pages."""
    (tree / HEADERS_FILE).write_text(headers_text(), encoding="utf-8")
    (tree / MARKER).write_text(marker_text(version), encoding="utf-8")


# --- the gate ----------------------------------------------------------------------------------


def run_gate(project: Path, site: Path, run_checks: bool = True) -> None:
    """The strict build into `site`, then (unless skipped) the content check and the quick tests."""
    print("Gate 1 of 3: the strict build", flush=True)
    if build_site(project / "mkdocs.yml", site) != 0:
        raise PublishError("The strict build failed (see above), so nothing was published.")
    if not run_checks:
        print("Gate 2 and 3 skipped (--no-gate): the content check and the quick tests did not run.")
        return
    steps = [
        (
            "Gate 2 of 3: the content check (errors only)",
            [sys.executable, "-m", "check", "--project", str(project)],
            "content check",
        ),
        (
            "Gate 3 of 3: the quick tests",
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "unit"],
            "quick tests",
        ),
    ]
    for title, command, name in steps:
        print(title, flush=True)
        if subprocess.run(command, cwd=project).returncode != 0:
            raise PublishError(f"The {name} failed (see above), so nothing was published.")


# --- a folder ----------------------------------------------------------------------------------


def publish_folder(site: Path, target: Path, version: str) -> None:
    """Copy `site` beside `target`, then swap it in; the replaced copy becomes previous_of(target)."""
    previous = previous_of(target)
    with folder_errors("publish to", target):
        check_folder_target(target)
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()  # an empty folder is no copy to keep for a roll back
        older = previous.with_name(f"{previous.name}-older-{os.getpid()}")  # removed once all is done
        target.parent.mkdir(parents=True, exist_ok=True)
        with folder_beside(target) as new:
            shutil.copytree(site, new, dirs_exist_ok=True)
            add_publish_files(new, version)
            replacing = target.exists()
            moves = [(previous, older)] if replacing and previous.exists() else []
            moves += [(target, previous)] if replacing else []
            rename_all([*moves, (new, target)])
    shutil.rmtree(older, ignore_errors=True)
    kept = f" (the copy it replaced is kept in {previous})" if replacing else ""
    print(f"Published to {target}{kept}")


def check_folder_target(target: Path) -> None:
    """Refuse a target, or a previous copy beside it, that holds files this command did not put
    there (checked before the gate, and again just before the swap)."""
    previous = previous_of(target)
    with folder_errors("publish to", target):
        if found := not_ours(target):
            raise PublishError(
                f"{target} holds files this command did not publish ({listing(found)}) and no {MARKER} "
                "file, the mark it leaves in every site it publishes: nothing was changed. Publishing "
                f"replaces the whole folder and keeps the copy it replaced beside it, in {previous}, so "
                f"give a new or empty folder (for example {target / 'induction'}) or one this command "
                "published to before"
            )
        if found := not_ours(previous):
            raise PublishError(
                f"{previous} holds files this command did not keep there ({listing(found)}) and no "
                f"{MARKER} file: nothing was changed. Publishing to {target} keeps the copy it replaces "
                "in that folder and deletes the one kept before, so move that folder somewhere else first"
            )


def rollback_folder(target: Path) -> None:
    """Swap the target and its previous copy (a second roll back undoes the first)."""
    previous = previous_of(target)
    with folder_errors("roll back", target):
        if not previous.is_dir():
            raise PublishError(f"There is no previous copy to go back to ({previous} does not exist)")
        swap = target.with_name(f".{target.name}-swap-{os.getpid()}")
        replacing = target.exists()
        rename_all(
            [(target, swap), (previous, target), (swap, previous)] if replacing else [(previous, target)]
        )
    kept = f" (the one it replaced is in {previous})" if replacing else ""
    print(f"Rolled back: {target} holds the previous copy again{kept}")


@contextmanager
def folder_errors(doing: str, target: Path) -> Iterator[None]:
    """A folder that cannot be read, written or renamed becomes a PublishError saying what to do:
    rename_all has put everything back (or says which renames are left to do by hand)."""
    try:
        yield
    except StuckRenames as stuck:
        raise PublishError(
            f"Could not {doing} {target} ({stuck.error.strerror or stuck.error}), and could not put "
            f"the folders back as they were: {stuck.todo}, by hand"
        ) from None
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise PublishError(
            f"Could not {doing} {target}: {error.strerror or error}{where}. Nothing was changed: readers "
            "see the site as it was. Check that you may write to the folder that holds it, and give a "
            "folder inside a mounted share, not the share's own top folder (it cannot be renamed)"
        ) from None


# --- a git branch ------------------------------------------------------------------------------


def commit_message(version: str) -> str:
    return f"Publish the site: content version {version}, {today().isoformat()}"


def check_git_target(project: Path, target: GitTarget) -> None:
    """Before anything is built: the project is a git repository, git allows the branch's name,
    and the remote exists."""
    nothing = "nothing was built or published"
    if not git_ok(project, "rev-parse", "--git-dir"):
        raise PublishError(
            f"{project} is not a git repository, so it has no branch to publish to: {nothing} "
            "(publish from the site's repository, or to a folder)"
        )
    if not git_ok(project, "check-ref-format", "--branch", target.branch):
        raise PublishError(
            f"'{target.branch}' is not a name git allows for a branch (write a plain name such as "
            f"gh-pages): {nothing}"
        )
    if target.remote and not git_ok(project, "remote", "get-url", target.remote):
        raise PublishError(
            f"There is no remote called {target.remote} (`git remote -v` lists them): {nothing}"
        )


def publish_git(site: Path, target: GitTarget, project: Path, version: str) -> None:
    """One commit on target.branch holding `site` (ghp-import), pushed to target.remote if given.
    If making or pushing the commit fails, the local branch is put back as it was."""
    message = commit_message(version)
    branch = target.branch
    before = branch_commit(project, branch)
    with tempfile.TemporaryDirectory(prefix="publish-git-") as work:
        tree = Path(work) / "site"
        shutil.copytree(site, tree)
        add_publish_files(tree, version)
        command = [sys.executable, "-m", "ghp_import", "--no-jekyll", "-m", message, "-b", branch]
        if target.remote:
            # ghp-import builds on REMOTE/BRANCH when it knows it, so history is kept from a fresh
            # clone; the fetch fails harmlessly the first time, when the branch does not exist yet
            git_ok(project, "fetch", "-q", target.remote, f"+{branch}:refs/remotes/{target.remote}/{branch}")
            command += ["-r", target.remote]
        # ghp-import only commits: it stops with a traceback or a usage text, so its last line is
        # shown as the reason; git pushes, and its own message (no traceback) shows as it is
        made = subprocess.run([*command, str(tree)], cwd=project, capture_output=True, text=True)
    if made.returncode != 0:
        said = [line for line in (made.stderr + made.stdout).splitlines() if line.strip()]
        reason = said[-1] if said else "it gave no reason"
        raise PublishError(
            f"ghp-import could not make the commit on the branch {branch} ({reason}): "
            f"nothing was published, and {put_back(project, branch, before)}"
        )
    if target.remote and subprocess.run(["git", "push", target.remote, branch], cwd=project).returncode != 0:
        raise PublishError(
            f"Could not push the branch {branch} to {target.remote} (git's message above says why: no "
            f"permission, no network or a wrong address): nothing was published, and "
            f"{put_back(project, branch, before)}"
        )
    where = f"{target.remote}'s branch {branch}" if target.remote else f"the local branch {branch}"
    print(f"Published to {where}: {message}")


def branch_commit(project: Path, branch: str) -> str | None:
    """The commit the local branch points to, None when there is no such branch."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "-q", f"refs/heads/{branch}"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() if found.returncode == 0 else None


def put_back(project: Path, branch: str, before: str | None) -> str:
    """Point the local branch at `before` again (delete it if there was none); says what it holds."""
    ref = f"refs/heads/{branch}"
    if branch_commit(project, branch) == before or git_ok(
        project, "update-ref", *([ref, before] if before else ["-d", ref])
    ):
        return f"the local branch {branch} is as it was"
    undo = f"git branch -f {branch} {before}" if before else f"git branch -D {branch}"
    return (
        f"the local branch {branch} holds a commit that was not published (`{undo}` puts it back as it was)"
    )


def git_ok(project: Path, *args: str) -> bool:
    """Whether `git ARGS` succeeds in the project (its output is not shown)."""
    try:
        return subprocess.run(["git", *args], cwd=project, capture_output=True).returncode == 0
    except OSError as error:
        raise PublishError(
            f"Could not run git ({error.strerror}): install git to publish to a branch"
        ) from None


# --- the command -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 noxfile.py -s publish --",
        description="Check the site as CI does (strict build, content check errors, quick tests), then "
        "publish it to TARGET in one step. Nothing is published if any check fails.",
    )
    parser.add_argument(
        "--to",
        required=True,
        metavar="TARGET",
        help="a folder of the site's own (e.g. /var/www/induction: new or empty the first time; the new "
        "site is swapped in whole and the copy it replaced is kept beside it as .NAME-previous, served "
        "too if the folder holding it is), or git:BRANCH[@REMOTE] (e.g. git:gh-pages@origin: "
        "one new commit on BRANCH holding the site, pushed to REMOTE if given; history is kept)",
    )
    parser.add_argument(
        "--rollback",
        action="store_true",
        help="folder only: put the previous copy back (run it again to undo the roll back); nothing is built",
    )
    parser.add_argument(
        "--no-gate",
        action="store_true",
        help="for tests and emergencies only: skip the content check and the quick tests "
        "(the strict build still runs)",
    )
    parser.add_argument(
        "--site",
        metavar="FOLDER",
        help="for tests only: publish this already built folder instead of building (needs --no-gate)",
    )
    parser.add_argument("--project", default=str(ROOT), help=argparse.SUPPRESS)  # tests: a project copy
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    try:
        target = parse_target(args.to)
        if isinstance(target, GitTarget) and not args.rollback:
            check_git_target(project, target)
        elif not args.rollback:
            check_folder_target(target)  # before the gate: a refused folder costs no build
        if args.rollback:
            if isinstance(target, GitTarget):
                raise PublishError(
                    "--rollback works for a folder; for a git branch, revert the commit on the branch"
                )
            rollback_folder(target)
            return 0
        if args.site and not args.no_gate:
            raise PublishError("--site skips the build, so it needs --no-gate")
        with tempfile.TemporaryDirectory(prefix="publish-") as work:
            if args.site:
                site = Path(args.site).resolve()
            else:
                site = Path(work) / "site"
                run_gate(project, site, run_checks=not args.no_gate)
            version = content_version(project)
            if isinstance(target, GitTarget):
                publish_git(site, target, project, version)
            else:
                publish_folder(site, target, version)
    except PublishError as error:
        print(f"ERROR    -  {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
