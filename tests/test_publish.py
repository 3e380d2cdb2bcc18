"""`nox -s publish` (export/publish.py): a folder swapped in whole with the previous copy kept and
a roll back, a git branch through ghp-import with history kept, nothing published when the gate
fails, the `_headers` file, and the GitHub Actions workflow that publishes after the tests pass.

Most tests publish a small ready-made site with `--no-gate --site` (the gate is one build test
below), each in its own temporary folder."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from export.publish import HEADERS_FILE, MARKER, headers_text, main, parse_target, previous_of
from induction.csp import POLICY

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
TESTS_COMMAND = "python3 noxfile.py -s tests"


def make_site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    (folder / "about").mkdir()
    (folder / "about" / "index.html").write_text(f"<p>about {text}</p>", encoding="utf-8")
    return folder


def publish(site: Path, to: str, *extra: str) -> int:
    return main(["--to", to, "--no-gate", "--site", str(site), *extra])


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_folder_publish_swaps_the_site_in_and_keeps_the_previous_copy(tmp_path):
    target = tmp_path / "www" / "induction"
    assert publish(make_site(tmp_path / "one", "first"), str(target)) == 0
    assert (target / "index.html").read_text() == "<p>first</p>"
    assert not previous_of(target).exists()

    target.joinpath("stale.html").write_text("left over", encoding="utf-8")
    assert publish(make_site(tmp_path / "two", "second"), str(target)) == 0
    assert (target / "index.html").read_text() == "<p>second</p>"
    assert not (target / "stale.html").exists()  # the old site is replaced whole, not copied over
    assert (previous_of(target) / "index.html").read_text() == "<p>first</p>"
    # nothing half-written is left beside it: only the site and its previous copy
    assert sorted(p.name for p in target.parent.iterdir()) == [".induction-previous", "induction"]


def left_over(folder: Path, hours: float) -> Path:
    """A folder as a run stopped part way leaves it, last written `hours` ago."""
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<p>half copied</p>", encoding="utf-8")
    then = time.time() - hours * 3600
    os.utime(folder, (then, then))
    return folder


@pytest.mark.build
def test_a_trainers_new_phone_number_passes_the_gate(tmp_path):
    """The gate runs the tools' quick tests, not those that pin the pages' facts to the source
    documents' words: a trainer's new number (from a new source) failed publish with a test's
    assertion. The full suite still compares it with the sources and says what to change."""
    project = tmp_path / "project"  # the whole repository, its tests included, as a trainer has it
    skip = (".git", ".nox", ".*_cache", ".hypothesis", "*.egg-info", "__pycache__", "site", "dist", "reports")
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*skip, "node_modules"))
    contacts = project / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("01452 614194", "01452 614195"))
    target = tmp_path / "www" / "induction"
    assert main(["--to", str(target), "--project", str(project)]) == 0
    assert "01452 614195" in (target / "contacts" / "index.html").read_text(encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "content",
            "-k",
            "source_numbers",
        ],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "data/contacts.yml: emergency_duty_team: phone: 01452 614195 is in no source's words" in run.stdout


def test_what_an_interrupted_publish_left_is_cleared_by_the_next(tmp_path):
    """A publish stopped part way (the laptop switched off during the copy) leaves its half-copied
    folder beside the target, served wherever the target's folder is; each publish makes a folder
    of a new name, so nothing cleared it. The next publish clears such folders once they are an
    hour old, and never a folder a publish running now is writing, or one of another name."""
    target = tmp_path / "www" / "induction"
    assert publish(make_site(tmp_path / "one", "first"), str(target)) == 0
    www = target.parent
    stale = [
        left_over(www / ".induction-new-k2j4x9", hours=2),  # stopped during the copy
        left_over(www / ".induction-previous-older-4242", hours=26),  # stopped after the swap
        left_over(www / ".induction-empty-4242", hours=1.5),
    ]
    kept = [
        left_over(www / ".induction-new-a8b8c8", hours=0.1),  # another publish, writing now
        left_over(www / ".induction-newsletter", hours=48),  # not a name publish gives
        left_over(www / "induction-new-old", hours=48),
    ]
    assert publish(make_site(tmp_path / "two", "second"), str(target)) == 0
    assert [path.name for path in stale if path.exists()] == []
    assert [path.name for path in kept if not path.exists()] == []
    assert (target / "index.html").read_text() == "<p>second</p>"
    assert (previous_of(target) / "index.html").read_text() == "<p>first</p>"


def test_rollback_restores_the_previous_copy_and_can_be_undone(tmp_path):
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    publish(make_site(tmp_path / "two", "second"), str(target))

    assert main(["--to", str(target), "--rollback"]) == 0
    assert (target / "index.html").read_text() == "<p>first</p>"
    assert main(["--to", str(target), "--rollback"]) == 0
    assert (target / "index.html").read_text() == "<p>second</p>"


def test_rollback_works_when_the_site_folder_was_removed(tmp_path):
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    publish(make_site(tmp_path / "two", "second"), str(target))
    shutil.rmtree(target)
    assert main(["--to", str(target), "--rollback"]) == 0
    assert (target / "index.html").read_text() == "<p>first</p>"


def test_rollback_without_a_previous_copy_changes_nothing(tmp_path, capsys):
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    assert main(["--to", str(target), "--rollback"]) == 1
    assert "no previous copy" in capsys.readouterr().err
    assert (target / "index.html").read_text() == "<p>first</p>"


def test_a_folder_that_is_not_a_site_is_left_alone(tmp_path, capsys):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "letter.txt").write_text("keep me", encoding="utf-8")
    assert publish(make_site(tmp_path / "one", "first"), str(target)) == 1
    assert f"{target} holds files this command did not publish (letter.txt)" in capsys.readouterr().err
    assert [p.name for p in target.iterdir()] == ["letter.txt"]
    assert not previous_of(target).exists()


def test_a_web_servers_folder_with_its_own_index_page_is_never_replaced(tmp_path, capsys):
    """A web server's folder often holds a default index.html beside other content: publishing
    there must not move that content aside, and publishing again must not delete it."""
    target = tmp_path / "www" / "html"
    (target / "intranet").mkdir(parents=True)
    (target / "index.html").write_text("x", encoding="utf-8")
    (target / "intranet" / "important.txt").write_text("keep", encoding="utf-8")
    site = make_site(tmp_path / "one", "first")
    for _ in range(2):
        assert publish(site, str(target)) == 1
        err = " ".join(capsys.readouterr().err.split())
        assert err == (
            f"ERROR - {target} holds files this command did not publish (index.html, intranet/) and "
            f"no {MARKER} file, the mark it leaves in every site it publishes: nothing was changed. "
            "Publishing replaces the whole folder and keeps the copy it replaced beside it, in "
            f"{previous_of(target)}, so give a new or empty folder (for example {target / 'induction'}) "
            "or one this command published to before"
        )
    assert (target / "intranet" / "important.txt").read_text(encoding="utf-8") == "keep"
    assert (target / "index.html").read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in target.parent.iterdir()) == ["html"]


def test_a_folder_that_would_be_refused_is_refused_before_anything_is_built(tmp_path, capfd):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "letter.txt").write_text("keep me", encoding="utf-8")
    (project := tmp_path / "project").mkdir()
    assert main(["--to", str(target), "--project", str(project)]) == 1
    out, err = capfd.readouterr()
    assert "Gate 1" not in out
    assert err.startswith(f"ERROR    -  {target} holds files this command did not publish (letter.txt)")


def test_the_published_site_carries_the_mark_with_its_content_version(tmp_path):
    target = tmp_path / "induction"
    (project := tmp_path / "project").mkdir()
    assert publish(make_site(tmp_path / "one", "first"), str(target), "--project", str(project)) == 0
    mark = (target / MARKER).read_text(encoding="utf-8")
    assert "content version dev" in mark  # the project is no git repository: its version is 'dev'
    assert publish(make_site(tmp_path / "two", "second"), str(target)) == 0  # the mark allows it
    assert (previous_of(target) / MARKER).exists()


def test_a_previous_copy_this_command_did_not_keep_is_never_deleted(tmp_path, capsys):
    """Publishing deletes the older previous copy: only when this command made it."""
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    previous = previous_of(target)
    previous.mkdir()
    (previous / "notes.txt").write_text("keep", encoding="utf-8")
    assert publish(make_site(tmp_path / "two", "second"), str(target)) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert f"{previous} holds files this command did not keep there (notes.txt)" in err
    assert (previous / "notes.txt").read_text(encoding="utf-8") == "keep"
    assert (target / "index.html").read_text() == "<p>first</p>"


def test_a_target_that_cannot_be_written_is_a_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    import export.pipeline

    target = tmp_path / "share" / "induction"
    target.parent.mkdir()

    real = export.pipeline.tempfile.mkdtemp

    def refused(*args, **kwargs):  # the folder that holds the target may not be written
        if Path(kwargs.get("dir") or tmp_path) == target.parent:
            raise PermissionError(13, "Permission denied", str(target.parent))
        return real(*args, **kwargs)

    monkeypatch.setattr(export.pipeline.tempfile, "mkdtemp", refused)
    assert publish(make_site(tmp_path / "one", "first"), str(target)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ERROR    -  Could not publish to {target}: Permission denied ({target.parent}).")
    assert "Check that you may write to the folder that holds it" in err
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize("where", ["target", "inside", "previous"])
def test_a_file_where_a_folder_should_be_is_named_plainly(tmp_path, capsys, where):
    target = tmp_path / "induction"
    blocker = {"target": target, "inside": target, "previous": previous_of(target)}[where]
    blocker.write_text("not a folder", encoding="utf-8")
    to = target / "site" if where == "inside" else target
    assert publish(make_site(tmp_path / "one", "first"), str(to)) == 1
    expected = {
        "target": f"{target} is a file, not a folder (give a folder for the site, new or empty the "
        "first time): nothing was changed\n",
        "inside": f"{to} would be inside {target}, but {target} is a file, not a folder (give a folder "
        "for the site, new or empty the first time): nothing was changed\n",
        "previous": f"{blocker} is a file, not a folder: publishing to {target} keeps the copy it "
        "replaces under that name (move the file somewhere else first): nothing was changed\n",
    }[where]
    assert capsys.readouterr().err == "ERROR    -  " + expected
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["one", blocker.name])


@pytest.mark.parametrize("extra", [[], ["--rollback"]])
def test_the_top_folder_of_the_disk_is_refused_plainly(tmp_path, capsys, extra):
    assert main(["--to", "/", "--no-gate", "--site", str(tmp_path), *extra]) == 1
    assert capsys.readouterr().err == (
        "ERROR    -  / is the top folder of the disk, which publishing cannot replace (it keeps the "
        "copy it replaces beside the target): give a folder of the site's own inside it, for example "
        "/var/www/induction: nothing was changed\n"
    )


def test_a_folder_named_like_the_mark_is_not_the_mark(tmp_path, capsys):
    target = tmp_path / "documents"
    (target / MARKER).mkdir(parents=True)
    (target / "letter.txt").write_text("keep me", encoding="utf-8")
    assert publish(make_site(tmp_path / "one", "first"), str(target)) == 1
    assert f"{target} holds files this command did not publish" in capsys.readouterr().err
    assert (target / "letter.txt").read_text(encoding="utf-8") == "keep me"


def test_a_previous_copy_that_is_a_link_leaves_nothing_behind(tmp_path):
    """The older previous copy is deleted once the new site is in: a link is deleted, not the
    folder it leads to, and nothing is left beside the site."""
    target = tmp_path / "www" / "induction"
    kept = tmp_path / "kept"  # a copy published elsewhere, which the link leads to
    publish(make_site(tmp_path / "one", "first"), str(kept))
    publish(make_site(tmp_path / "two", "second"), str(target))
    previous_of(target).symlink_to(kept)
    assert publish(make_site(tmp_path / "three", "third"), str(target)) == 0
    assert sorted(p.name for p in target.parent.iterdir()) == [".induction-previous", "induction"]
    assert (previous_of(target) / "index.html").read_text() == "<p>second</p>"
    assert (kept / "index.html").read_text() == "<p>first</p>"  # what the link led to is kept


def failing_rename(monkeypatch, into: Path, times: int = 1) -> None:
    """The next `times` renames into `into` fail (a share that drops, say); the others happen."""
    import export.publish

    real = os.replace
    left = [times]

    def rename(source, destination):
        if Path(destination) == into and left[0] > 0:
            left[0] -= 1
            raise OSError(5, "Input/output error", str(destination))
        real(source, destination)

    monkeypatch.setattr(export.publish.os, "replace", rename)


def test_a_swap_that_fails_halfway_puts_every_folder_back(tmp_path, capsys, monkeypatch):
    """The older previous copy, then the published site, are moved aside before the new site is
    moved in; if that last move fails, both go back: readers keep the site they had, and the
    roll back still has its copy."""
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    publish(make_site(tmp_path / "two", "second"), str(target))
    failing_rename(monkeypatch, target)
    assert publish(make_site(tmp_path / "three", "third"), str(target)) == 1
    assert "Nothing was changed: readers see the site as it was" in capsys.readouterr().err
    assert (target / "index.html").read_text() == "<p>second</p>"
    assert (previous_of(target) / "index.html").read_text() == "<p>first</p>"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".induction-previous"]
    monkeypatch.undo()
    assert main(["--to", str(target), "--rollback"]) == 0
    assert (target / "index.html").read_text() == "<p>first</p>"


def test_a_roll_back_that_fails_halfway_puts_every_folder_back(tmp_path, capsys, monkeypatch):
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    publish(make_site(tmp_path / "two", "second"), str(target))
    failing_rename(monkeypatch, target)
    assert main(["--to", str(target), "--rollback"]) == 1
    assert "Could not roll back" in capsys.readouterr().err
    assert (target / "index.html").read_text() == "<p>second</p>"
    assert (previous_of(target) / "index.html").read_text() == "<p>first</p>"


def test_when_the_folders_cannot_be_put_back_the_message_says_where_they_are(tmp_path, capsys, monkeypatch):
    """Only if undoing fails too: the message names the folder to rename by hand."""
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    failing_rename(monkeypatch, target, times=2)  # the new site's move, then the undo's
    assert publish(make_site(tmp_path / "two", "second"), str(target)) == 1
    err = capsys.readouterr().err
    assert f"Could not publish to {target} (Input/output error)" in err
    assert f"rename {previous_of(target)} to {target}, by hand" in err
    assert "Nothing was changed" not in err


def test_a_roll_back_that_cannot_be_put_back_lists_every_rename_to_do_by_hand(tmp_path, capsys, monkeypatch):
    """Doing exactly what the message says brings back the site as it was."""
    target, previous = tmp_path / "induction", previous_of(tmp_path / "induction")
    publish(make_site(tmp_path / "one", "first"), str(target))
    publish(make_site(tmp_path / "two", "second"), str(target))
    failing_rename(monkeypatch, previous, times=2)  # the last step of the swap, then its undo
    assert main(["--to", str(target), "--rollback"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert f"Could not roll back {target}" in err
    steps = err.split("as they were: ")[1].removesuffix(", by hand").split(", then ")
    assert len(steps) == 2
    monkeypatch.undo()
    for step in steps:
        source, _, destination = step.removeprefix("rename ").partition(" to ")
        os.replace(source, destination)
    assert (target / "index.html").read_text() == "<p>second</p>"
    assert (previous / "index.html").read_text() == "<p>first</p>"


def test_publishing_into_an_empty_folder_keeps_no_empty_copy_to_roll_back_to(tmp_path):
    target = tmp_path / "induction"
    target.mkdir()
    target.chmod(0o2750)  # as an administrator might set it up for the web server's group
    assert publish(make_site(tmp_path / "one", "first"), str(target)) == 0
    assert (target / "index.html").read_text() == "<p>first</p>"
    assert not previous_of(target).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["induction", "one"]
    # the new folder has the permissions of the one it replaced, and keeps them publish after publish
    assert stat.S_IMODE(target.stat().st_mode) == 0o2750
    assert publish(make_site(tmp_path / "two", "second"), str(target)) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o2750


def test_a_copy_that_fails_leaves_the_empty_folder_and_says_why_plainly(tmp_path, capsys):
    target = tmp_path / "www" / "induction"
    target.mkdir(parents=True)
    site = make_site(tmp_path / "bad", "first")
    (site / "broken").symlink_to(tmp_path / "nowhere")  # a file that cannot be read
    assert publish(site, str(target)) == 1
    assert capsys.readouterr().err == (
        f"ERROR    -  Could not publish to {target}: the built site's file {site / 'broken'} could not "
        "be copied (No such file or directory). Nothing was changed: readers see the site as it was. "
        "Publish again; if it happens again, check there is room on the disk that holds the folder\n"
    )
    assert target.is_dir() and list(target.iterdir()) == []  # the folder is still there, as it was
    assert [p.name for p in target.parent.iterdir()] == ["induction"]


def test_the_published_site_sends_the_csp_as_a_header(tmp_path):
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    lines = (target / HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    headers = [line.strip().partition(": ")[::2] for line in lines[1:]]
    assert headers == [("Content-Security-Policy", POLICY), ("X-Content-Type-Options", "nosniff")]
    assert headers_text() == (target / HEADERS_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", ["README.md", "docs/trainers/preview-check-publish.md"])
def test_the_readme_and_the_guide_say_which_hosts_send_the_policy_as_a_header(doc):
    """Where publishing is described: the site carries `_headers`, hosts that read it send the
    policy as a header, and on GitHub Pages, which cannot, the policy in each page's meta tag
    applies (said in one paragraph, or in the README's row for publish)."""
    text = " ".join((ROOT / doc).read_text(encoding="utf-8").split())
    in_order = (f"`{HEADERS_FILE}`", "send the policy", "header", "GitHub Pages cannot", "meta tag")
    said = "[^|#]*?".join(re.escape(words) for words in in_order)  # no table cell or heading between
    assert re.search(said, text), f"{doc} no longer says that hosts reading {HEADERS_FILE} send the policy"


def test_targets_are_read_as_a_folder_or_a_git_branch(tmp_path):
    assert parse_target(str(tmp_path / "x")) == tmp_path / "x"
    branch = parse_target("git:gh-pages@origin")
    assert (branch.branch, branch.remote) == ("gh-pages", "origin")
    assert parse_target("git:pages").remote is None
    assert main(["--to", "git:", "--no-gate", "--site", str(tmp_path)]) == 1


def git_project(tmp_path: Path) -> tuple[Path, Path]:
    """A project repository with one commit, whose remote `origin` is a local bare repository."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    git(project, "config", "user.email", "trainer@example.invalid")
    git(project, "config", "user.name", "Trainer")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    git(project, "add", "mkdocs.yml")
    git(project, "commit", "-q", "-m", "content")
    git(project, "remote", "add", "origin", str(remote))
    return project, remote


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("gh-pages", " (to publish to the git branch gh-pages, write git:gh-pages)"),
        ("docs/published", ""),
        (".", ""),
    ],
)
def test_a_folder_inside_the_project_is_refused(tmp_path, capsys, monkeypatch, typed, advice):
    """`--to gh-pages` (git: left out) made a folder of the built site among the sources, which a
    commit of everything would put on main; `--to docs/published` made every later build stop at
    its pages with advice to rewrite them in Markdown."""
    project, _ = git_project(tmp_path)
    (project / "docs").mkdir()
    monkeypatch.chdir(project)
    before = sorted(path.relative_to(project) for path in project.rglob("*"))
    assert (
        main(
            [
                "--to",
                typed,
                "--no-gate",
                "--site",
                str(make_site(tmp_path / "site", "x")),
                "--project",
                str(project),
            ]
        )
        == 1
    )
    target = (project / typed).resolve()
    assert capsys.readouterr().err.strip() == (
        f"ERROR    -  {target} is inside the project's folder {project}, so the built site would sit "
        f"among the pages' sources: nothing was changed. Give a folder outside it, for example "
        f"/var/www/induction{advice}"
    )
    assert sorted(path.relative_to(project) for path in project.rglob("*")) == before


def test_the_hosting_workflows_own_target_is_allowed(tmp_path, monkeypatch):
    """The workflow publishes into a folder of the checkout that git ignores (_site), which the
    refusal of folders inside the project first refused too: no push reached readers."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    (command,) = [run for run in steps if "-s publish" in run]
    target = command.split("--to", 1)[1].split()[0]
    project, _ = git_project(tmp_path)
    shutil.copy2(ROOT / ".gitignore", project / ".gitignore")
    monkeypatch.chdir(project)
    site = make_site(tmp_path / "site", "built")
    assert main(["--to", target, "--no-gate", "--site", str(site), "--project", str(project)]) == 0
    assert (project / target / "index.html").read_text(encoding="utf-8") == "<p>built</p>"
    assert target not in git(project, "status", "--porcelain", "--untracked-files=all")  # nothing to commit


def test_a_remote_written_before_the_branch_is_refused(tmp_path, capfd):
    """`git:origin/gh-pages` made a local branch called origin/gh-pages, said it was published, and
    sent nothing to the remote."""
    project, remote = git_project(tmp_path)
    branches = git(project, "branch", "--list")
    assert main(["--to", "git:origin/gh-pages", "--project", str(project)]) == 1
    assert capfd.readouterr().err.strip() == (
        "ERROR    -  'git:origin/gh-pages' names a local branch called origin/gh-pages, and would send "
        "it nowhere: to publish the branch gh-pages to the remote origin, write git:gh-pages@origin "
        "(nothing was built or published)"
    )
    assert git(project, "branch", "--list") == branches


def test_git_publish_commits_the_site_to_the_branch_and_keeps_history(tmp_path):
    project, remote = git_project(tmp_path)
    version = git(project, "rev-parse", "--short=7", "HEAD").strip()

    git(project, "push", "-q", "origin", "HEAD:main")
    # the second publish comes from a clone of main only (as CI checks out), which knows no `pages`
    clone = tmp_path / "clone"
    for text, where in (("first", project), ("second", clone)):
        if where == clone:
            git(tmp_path, "clone", "-q", "--single-branch", "-b", "main", str(remote), str(clone))
            git(clone, "config", "user.email", "trainer@example.invalid")
            git(clone, "config", "user.name", "Trainer")
        site = make_site(tmp_path / text, text)
        assert publish(site, "git:pages@origin", "--project", str(where)) == 0

    files = git(remote, "ls-tree", "-r", "--name-only", "pages").split()
    assert sorted(files) == sorted([".nojekyll", HEADERS_FILE, MARKER, "about/index.html", "index.html"])
    assert git(remote, "show", "pages:index.html") == "<p>second</p>"
    log = git(remote, "log", "--format=%s", "pages").splitlines()
    assert len(log) == 2  # the first publish is still in the branch's history
    assert git(remote, "show", "pages~1:index.html") == "<p>first</p>"
    assert all(f"content version {version}" in message for message in log)
    assert git(project, "branch", "--show-current").strip() != "pages"  # the trainer's work is untouched


@pytest.mark.parametrize("branch", ["main", "drafts", "gh-pages"])
def test_a_source_branch_or_one_checked_out_is_refused_before_anything_is_built(tmp_path, capfd, branch):
    """main is checked out and holds the pages; drafts holds them too; gh-pages (built site only)
    is checked out in a second working folder. ghp-import would have committed the built site
    alone on each, deleting the sources, or changing the branch under that folder's files."""
    project, remote = git_project(tmp_path)
    git(project, "branch", "-M", "main")
    git(project, "branch", "drafts")
    git(project, "checkout", "-q", "--orphan", "gh-pages")
    git(project, "rm", "-rq", "--cached", ".")
    git(project, "commit", "-q", "--allow-empty", "-m", "built site")
    git(project, "checkout", "-q", "-f", "main")
    other = tmp_path / "other"
    git(project, "worktree", "add", "-q", str(other), "gh-pages")
    tips = git(project, "for-each-ref", "refs/heads")
    assert main(["--to", f"git:{branch}@origin", "--project", str(project)]) == 1
    out, err = capfd.readouterr()
    assert "Gate 1" not in out
    if branch == "gh-pages":
        assert err == (
            f"ERROR    -  'gh-pages' is the branch checked out in {other}: publishing there would change "
            "the branch under the files in that folder (switch that folder to another branch, such as "
            "main, or give another branch for the built site, such as gh-pages): nothing was built or "
            "published\n"
        )
    else:
        assert err == (
            f"ERROR    -  '{branch}' is the branch your pages are written on (it holds mkdocs.yml): "
            "publishing there would replace them with the built site (give a branch of its own for the "
            "built site, such as gh-pages): nothing was built or published\n"
        )
    site = make_site(tmp_path / "one", "first")
    assert publish(site, f"git:{branch}@origin", "--project", str(project)) == 1
    assert git(project, "for-each-ref", "refs/heads") == tips  # no branch moved
    assert git(remote, "for-each-ref") == ""  # nothing was pushed
    assert (project / "mkdocs.yml").exists()


def test_a_source_branch_known_only_on_the_remote_is_refused(tmp_path, capfd):
    """From a fresh clone the branch may exist only on the remote: ghp-import would build on it."""
    project, remote = git_project(tmp_path)
    git(project, "push", "-q", "origin", "HEAD:drafts")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(remote), str(clone))
    git(project, "push", "-q", "origin", "HEAD:later")  # pushed after the clone: found by the fetch
    for branch in ("drafts", "later"):
        site = make_site(tmp_path / branch, branch)
        assert publish(site, f"git:{branch}@origin", "--project", str(clone)) == 1
        assert capfd.readouterr().err == (
            f"ERROR    -  '{branch}' is the branch your pages are written on (it holds mkdocs.yml): "
            "publishing there would replace them with the built site (give a branch of its own for the "
            "built site, such as gh-pages): nothing was built or published\n"
        )
    assert git(remote, "ls-tree", "--name-only", "later") == "mkdocs.yml\n"


def test_a_remote_that_does_not_exist_is_named_before_anything_is_built(tmp_path, capfd):
    project, _ = git_project(tmp_path)
    assert main(["--to", "git:pages@origin2", "--project", str(project)]) == 1
    out, err = capfd.readouterr()
    assert err == (
        "ERROR    -  There is no remote called origin2 (`git remote -v` lists them): "
        "nothing was built or published\n"
    )
    assert "Gate 1" not in out
    assert git(project, "branch", "--list", "pages") == ""


def test_a_branch_name_git_refuses_is_a_message_not_a_traceback(tmp_path, capfd):
    project, _ = git_project(tmp_path)
    assert (
        publish(make_site(tmp_path / "one", "first"), "git:bad..name@origin", "--project", str(project)) == 1
    )
    err = capfd.readouterr().err
    assert err == (
        "ERROR    -  'bad..name' is not a name git allows for a branch (write a plain name such as "
        "gh-pages): nothing was built or published\n"
    )


def test_a_push_that_fails_is_one_message_and_leaves_the_local_branch_as_it_was(tmp_path, capfd):
    """A remote that cannot be reached stands for a failed log-in or no network."""
    project, remote = git_project(tmp_path)
    gone = tmp_path / "gone.git"
    failed = (
        "ERROR    -  Could not push the branch pages to origin (git's message above says why: no "
        "permission, no network or a wrong address): nothing was published, and the local branch "
        "pages is as it was\n"
    )
    git(project, "remote", "set-url", "origin", str(gone))
    assert publish(make_site(tmp_path / "one", "first"), "git:pages@origin", "--project", str(project)) == 1
    err = capfd.readouterr().err
    assert err.endswith(failed) and "Traceback" not in err
    assert git(project, "branch", "--list", "pages") == ""  # no branch was there, and none is now

    git(project, "remote", "set-url", "origin", str(remote))
    assert publish(make_site(tmp_path / "two", "second"), "git:pages@origin", "--project", str(project)) == 0
    published = git(project, "rev-parse", "pages")
    git(project, "remote", "set-url", "origin", str(gone))
    capfd.readouterr()
    assert publish(make_site(tmp_path / "three", "third"), "git:pages@origin", "--project", str(project)) == 1
    err = capfd.readouterr().err
    assert err.endswith(failed) and "Traceback" not in err
    assert git(project, "rev-parse", "pages") == published
    assert git(remote, "show", "pages:index.html") == "<p>second</p>"


def test_when_ghp_import_fails_its_reason_is_one_plain_line(tmp_path, capfd):
    """ghp-import stops (here: the branch is locked by another git command) with one message."""
    project, remote = git_project(tmp_path)
    assert publish(make_site(tmp_path / "one", "first"), "git:pages@origin", "--project", str(project)) == 0
    published = git(project, "rev-parse", "pages")
    (project / ".git" / "refs" / "heads" / "pages.lock").write_text("", encoding="utf-8")
    capfd.readouterr()
    assert publish(make_site(tmp_path / "two", "second"), "git:pages@origin", "--project", str(project)) == 1
    err = capfd.readouterr().err
    assert err.startswith("ERROR    -  ghp-import could not make the commit on the branch pages (")
    assert err.endswith("): nothing was published, and the local branch pages is as it was\n")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert git(project, "rev-parse", "pages") == published
    assert git(remote, "show", "pages:index.html") == "<p>first</p>"


@pytest.mark.build
def test_a_failing_gate_publishes_nothing(project_copy, tmp_path, capsys):
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")

    assert main(["--to", str(target), "--project", str(project_copy)]) == 1
    err = capsys.readouterr().err
    assert "The strict build failed (see above), so nothing was published." in err
    assert "site/" not in err  # publish builds into a folder of its own, never site/
    assert sorted(p.name for p in target.iterdir()) == sorted([MARKER, HEADERS_FILE, "about", "index.html"])
    assert (target / "index.html").read_text() == "<p>first</p>"
    assert not previous_of(target).exists()


def test_the_workflow_publishes_to_pages_only_after_the_readme_test_command():
    assert TESTS_COMMAND in (ROOT / "README.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "") for step in steps]
    tests_at = next(i for i, run in enumerate(runs) if TESTS_COMMAND in run)
    publish_at = next(i for i, run in enumerate(runs) if "-s publish" in run)
    deploy_at = next(i for i, use in enumerate(uses) if use.startswith("actions/deploy-pages@"))
    assert tests_at < publish_at < deploy_at
    deploy_job = next(
        job
        for job in workflow["jobs"].values()
        if any("deploy-pages" in s.get("uses", "") for s in job["steps"])
    )
    assert deploy_job.get("needs")  # deploying waits for the job that tested and built the site


@pytest.mark.build
def test_a_failing_quick_test_publishes_nothing(project_copy, tmp_path, capsys):
    """Build and check pass, a test marked unit fails: gate 3 stops the publish."""
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    (project_copy / "tests").mkdir()
    (project_copy / "tests" / "test_planted.py").write_text(
        "import pytest\n\npytestmark = pytest.mark.unit\n\n\n"
        "def test_planted_failure():\n    assert 1 == 2\n",
        encoding="utf-8",
    )

    assert main(["--to", str(target), "--project", str(project_copy)]) == 1
    output = capsys.readouterr()
    assert "Gate 3 of 3: the quick tests" in output.out
    assert "The quick tests failed (see above), so nothing was published." in output.err
    assert (target / "index.html").read_text() == "<p>first</p>"
    assert not previous_of(target).exists()


@pytest.mark.build
def test_a_failing_content_check_publishes_nothing(project_copy, tmp_path, capfd):
    """The build passes, the content check finds an error (a heading that skips a level, which the
    build lets through): gate 2 stops the publish."""
    target = tmp_path / "induction"
    publish(make_site(tmp_path / "one", "first"), str(target))
    page = project_copy / "docs" / "contacts.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n## Key takeaways\n", "\n#### Key takeaways\n", 1), encoding="utf-8")

    assert main(["--to", str(target), "--project", str(project_copy)]) == 1
    output = capfd.readouterr()  # the check runs in a process of its own
    assert "Gate 2 of 3: the content check (errors only)" in output.out
    assert "Gate 3 of 3" not in output.out
    assert "skips a level" in output.out + output.err  # the check's own reason
    assert "The content check failed (see above), so nothing was published." in output.err
    assert (target / "index.html").read_text() == "<p>first</p>"
    assert not previous_of(target).exists()
