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
are undone, so the folders are as they were. What a publish stopped part way (the machine
switched off) left beside the target is cleared by the next one, once an hour old. Every
published site carries MARKER, and a folder that holds files but no MARKER is never replaced (nor
a previous copy without it deleted): a web server's folder often holds a default index.html
beside other content that is not ours to move.
The new folder gets the permissions and group of the folder it replaces (an empty folder an
administrator made for the web server included: it stays where it is until the final rename).

A git branch is published with ghp-import, as `mkdocs gh-deploy` does: one new commit on the
branch holding the built site (history kept), with a message naming the content version. The
remote and the branch are checked before anything is built (a branch holding mkdocs.yml, the
sources, or checked out in a working folder is refused); ghp-import makes the commit
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
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from export.build import build_site
from export.pipeline import (
    StuckRenames,
    content_version,
    folder_beside,
    git_output,
    remove_leftovers,
    rename_all,
)
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
    """The `_headers` file: every path gets the site's Content-Security-Policy, and
    `X-Content-Type-Options: nosniff`, so a browser runs a file as a script only when the host
    says it is one (a security review of 7 December 2026 had Chromium start a style sheet of the
    site as a script, from a server that sent no such header)."""
    return f"/*\n  Content-Security-Policy: {policy}\n  X-Content-Type-Options: nosniff\n"


def parse_target(text: str) -> Path | GitTarget:
    """`git:BRANCH[@REMOTE]` is a git branch; anything else is a folder."""
    if not text.startswith("git:"):
        folder = Path(text).expanduser().resolve()
        if not folder.name:
            raise PublishError(
                f"{folder} is the top folder of the disk, which publishing cannot replace (it keeps "
                "the copy it replaces beside the target): give a folder of the site's own inside it, "
                "for example /var/www/induction: nothing was changed"
            )
        return folder
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
    if not folder.is_dir() or (folder / MARKER).is_file():
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
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", QUICK_TESTS],
            "quick tests",
        ),
    ]
    for title, command, name in steps:
        print(title, flush=True)
        if subprocess.run(command, cwd=project).returncode != 0:
            raise PublishError(f"The {name} failed (see above), so nothing was published.")


# The gate's quick tests (no build, browser or export), without those marked `content`, which pin
# today's content a trainer may change (the contact numbers against the source documents' words,
# the law's wording, the flagged doubts, self-check questions): the whole suite (CI) runs those.
QUICK_TESTS = "unit and not content"


# --- a folder ----------------------------------------------------------------------------------


def publish_folder(site: Path, target: Path, version: str) -> None:
    """Copy `site` beside `target`, then swap it in; the replaced copy becomes previous_of(target)."""
    previous = previous_of(target)
    older_start, empty_start = f"{previous.name}-older-", f".{target.name}-empty-"
    older = previous.with_name(f"{older_start}{os.getpid()}")  # removed once all is done
    empty = target.with_name(f"{empty_start}{os.getpid()}")  # an empty target, moved aside
    with folder_errors("publish to", target):
        check_folder_target(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target.parent, older_start, empty_start)
        with folder_beside(target) as new:
            copy_site(site, new, target)
            add_publish_files(new, version)
            note = take_folder_settings(target, new)
            # an empty folder is no copy to keep for a roll back: it is moved aside only at the
            # swap (and put back if the swap fails), so a failed publish leaves it where it was
            replacing = target.exists() and any(target.iterdir())
            moves = [(previous, older)] if replacing and previous_exists(previous) else []
            moves += [(target, previous if replacing else empty)] if target.exists() else []
            rename_all([*moves, (new, target)])
    remove(older)
    remove(empty)
    kept = f" (the copy it replaced is kept in {previous})" if replacing else ""
    print(f"Published to {target}{kept}{note}")


def previous_exists(previous: Path) -> bool:
    """Whether there is a previous copy to move aside (a link that leads nowhere counts too)."""
    return previous.exists() or previous.is_symlink()


def remove(path: Path) -> None:
    """Delete a folder publish moved aside; a link to a folder is deleted, not what it leads to."""
    if path.is_symlink():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def copy_site(site: Path, new: Path, target: Path) -> None:
    """Copy the built site into `new`; a file that cannot be copied is one plain sentence."""
    failed: list[OSError] = []

    def copy(source: str, destination: str) -> object:
        try:
            return shutil.copy2(source, destination)
        except OSError as error:
            failed.append(error)
            raise

    try:
        shutil.copytree(site, new, dirs_exist_ok=True, copy_function=copy)
    except shutil.Error as error:
        problems = error.args[0] if error.args and isinstance(error.args[0], list) else []
        source = problems[0][0] if problems else site
        reason = failed[0].strerror if failed and failed[0].strerror else "it could not be read"
        more = f"; {len(problems) - 1} more files could not be copied either" if len(problems) > 1 else ""
        raise PublishError(
            f"Could not publish to {target}: the built site's file {source} could not be copied "
            f"({reason}{more}). Nothing was changed: readers see the site as it was. Publish again; "
            "if it happens again, check there is room on the disk that holds the folder"
        ) from None


def take_folder_settings(target: Path, new: Path) -> str:
    """Give `new` the permissions and group of the folder it replaces (an administrator may have
    set them up for the web server), when the group can be given too: permissions without their
    group could shut the web server out. Says, after the publish message, when it could not."""
    if os.name != "posix" or not target.is_dir():
        return ""
    found = target.stat()
    if new.stat().st_gid != found.st_gid:
        try:
            os.chown(new, -1, found.st_gid)
        except OSError:
            return (
                f". Note: {target} belonged to a group you are not in, so the new folder has your own "
                "group and the usual permissions: ask whoever runs the web server to check it can "
                "read the site"
            )
    new.chmod(stat.S_IMODE(found.st_mode))
    return ""


def check_folder_target(target: Path) -> None:
    """Refuse a target, or a previous copy beside it, that holds files this command did not put
    there (checked before the gate, and again just before the swap)."""
    previous = previous_of(target)
    with folder_errors("publish to", target):
        file_in_the_way(target)
        if previous.exists() and not previous.is_dir():
            raise PublishError(
                f"{previous} is a file, not a folder: publishing to {target} keeps the copy it "
                "replaces under that name (move the file somewhere else first): nothing was changed"
            )
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


def check_outside_project(target: Path, project: Path, typed: str) -> None:
    """Refuse a folder inside the project (`--to gh-pages` with `git:` left out, `--to
    docs/published`): the built site would sit among the sources, where a commit of everything
    would put it in the repository and, under docs/, every later build would stop at its pages.
    A folder git ignores (.gitignore), outside docs/, is allowed: the hosting workflow's `_site`."""
    if not target.is_relative_to(project):
        return
    if (
        target != project
        and not target.is_relative_to(project / "docs")
        and git_ok(project, "check-ignore", "-q", str(target / "index.html"))  # a page in it
    ):
        return
    plain = typed.strip(".") and not any(sign in typed for sign in "/\\")  # a branch, git: left out?
    branch = f" (to publish to the git branch {typed}, write git:{typed})" if plain else ""
    raise PublishError(
        f"{target} is inside the project's folder {project}, so the built site would sit among the "
        "pages' sources: nothing was changed. Give a folder outside it, for example "
        f"/var/www/induction{branch}"
    )


def file_in_the_way(target: Path) -> None:
    """Refuse a target that is a file, or that is inside one."""
    blocker = next((folder for folder in [target, *target.parents] if folder.exists()), None)
    if blocker is not None and not blocker.is_dir():
        inside = "" if blocker == target else f"{target} would be inside {blocker}, but "
        raise PublishError(
            f"{inside}{blocker} is a file, not a folder (give a folder for the site, new or empty the "
            "first time): nothing was changed"
        )


def rollback_folder(target: Path) -> None:
    """Swap the target and its previous copy (a second roll back undoes the first)."""
    previous = previous_of(target)
    with folder_errors("roll back", target):
        file_in_the_way(target)
        if not previous.is_dir():
            why = "is a file, not a folder" if previous.exists() else "does not exist"
            raise PublishError(f"There is no previous copy to go back to ({previous} {why})")
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
    remote, _, branch = target.branch.partition("/")
    if branch and not target.remote and git_ok(project, "remote", "get-url", remote):
        raise PublishError(
            f"'git:{target.branch}' names a local branch called {target.branch}, and would send it "
            f"nowhere: to publish the branch {branch} to the remote {remote}, write git:{branch}@{remote} "
            f"({nothing})"
        )
    if target.remote and not git_ok(project, "remote", "get-url", target.remote):
        raise PublishError(
            f"There is no remote called {target.remote} (`git remote -v` lists them): {nothing}"
        )
    fetch_branch(project, target)
    check_not_a_source_branch(project, target, nothing)


def fetch_branch(project: Path, target: GitTarget) -> None:
    """Fetch REMOTE's BRANCH: ghp-import builds on REMOTE/BRANCH when it knows it, so history is kept
    from a fresh clone. It fails harmlessly the first time, when the branch does not exist yet."""
    if target.remote:
        branch = target.branch
        git_ok(project, "fetch", "-q", target.remote, f"+{branch}:refs/remotes/{target.remote}/{branch}")


def check_not_a_source_branch(project: Path, target: GitTarget, nothing: str) -> None:
    """Refuse a branch that holds the site's sources (ghp-import would make a commit holding only
    the built site, deleting them all), or one checked out in a working folder (the commit would
    change the branch under the files there)."""
    branch = target.branch
    # ghp-import builds on REMOTE/BRANCH when git knows it (REMOTE is origin when none is given),
    # else on the local branch: neither may hold the sources
    for ref in (f"refs/heads/{branch}", f"refs/remotes/{target.remote or 'origin'}/{branch}"):
        if git_ok(project, "cat-file", "-e", f"{ref}:mkdocs.yml"):
            raise PublishError(
                f"'{branch}' is the branch your pages are written on (it holds mkdocs.yml): publishing "
                "there would replace them with the built site (give a branch of its own for the built "
                f"site, such as gh-pages): {nothing}"
            )
    if folder := checked_out_in(project, branch):
        raise PublishError(
            f"'{branch}' is the branch checked out in {folder}: publishing there would change the "
            "branch under the files in that folder (switch that folder to another branch, such as "
            f"main, or give another branch for the built site, such as gh-pages): {nothing}"
        )


def checked_out_in(project: Path, branch: str) -> str | None:
    """The working folder that has `branch` checked out, if one has."""
    folder = None
    for line in (git_output(project, "worktree", "list", "--porcelain") or "").splitlines():
        if line.startswith("worktree "):
            folder = line.removeprefix("worktree ")
        elif line == f"branch refs/heads/{branch}":
            return folder
    return None


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
            fetch_branch(project, target)  # again: the build took a while
            command += ["-r", target.remote]
        check_not_a_source_branch(project, target, "nothing was published")  # as fetched just now
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
    return git_output(project, "rev-parse", "--verify", "-q", f"refs/heads/{branch}")


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
            check_outside_project(target, project, args.to)
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
