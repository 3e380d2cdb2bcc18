"""Small things that make a newcomer stumble (issue 20, part 6): the offline zip's start file, the
export summary's names, dist/'s permissions, stopping the preview, and the essentials' time."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from conftest import ROOT, tasks_file
from export.pipeline import SITE_IN_ZIP, START_FILE, folder_beside, move_into_place, zip_site
from export_support import real_export


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    return real_export(tmp_path_factory)


def test_the_offline_zip_opens_to_one_clearly_named_start_file(tmp_path):
    site = tmp_path / "site"
    for name in ("index.html", "404.html", "sitemap.xml", "about/index.html", "assets/x.css"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", encoding="utf-8")
    count, _ = zip_site(site, tmp_path / "offline.zip", "offline")
    with zipfile.ZipFile(tmp_path / "offline.zip") as archive:
        names = archive.namelist()
        start = archive.read(f"offline/{START_FILE}").decode("utf-8")
    assert count == 6 and len(names) == 6
    top = {n.split("/")[1] for n in names}  # a folder holding the start file and the site's folder
    assert top == {START_FILE, SITE_IN_ZIP}
    assert f"offline/{SITE_IN_ZIP}/about/index.html" in names
    assert re.findall(r'href="([^"]+)"', start)[0] == f"{SITE_IN_ZIP}/index.html"  # the first link: the site
    assert "<script" not in start and "default-src 'none'" in start


def test_the_export_summary_gives_each_document_one_name(exported):
    """ "handout, trainer pack, handout, large print, ..." read as six names for four documents."""
    line = re.search(r"(\d+) documents ready to print: (.*)", exported.output)
    assert line, exported.output
    names = line.group(2).split(", ")
    assert len(names) == int(line.group(1)) and len(set(names)) == len(names), names


def readable_bits() -> int:
    """The read permissions a file made by this user gets (those its umask leaves)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o444 & ~mask


def test_dist_and_its_files_are_readable_like_any_other_output(tmp_path):
    """The export is made in a folder beside dist/ (tempfile's, readable by its owner only) and
    swapped in: dist/ and its files end up as readable as any folder and file the user makes."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("x", encoding="utf-8")
    dist = tmp_path / "dist"
    with folder_beside(dist) as new:
        zip_site(site, new / "offline.zip", "offline")
        (new / "handout.pdf").write_bytes(b"%PDF")
        move_into_place(new, dist)
    readable = readable_bits()
    paths = [dist, *dist.rglob("*")]
    assert len(paths) == 3
    assert [p.name for p in paths if p.stat().st_mode & readable != readable] == []


def test_every_file_in_the_zips_unzips_readable_by_everyone(exported):
    """The offline zip and the LMS packages: each file, the ones the export writes into them
    (the start file, the manifest, the packaged lms.js) as well as the site's, unzips readable by
    other users (a web server, an LMS, a colleague on a shared machine), as any file the trainer
    makes would be."""
    readable = readable_bits()
    zips = sorted(exported.dist.glob("*.zip"))
    assert len(zips) == 3, zips
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            modes = {i.filename: i.external_attr >> 16 for i in archive.infolist() if not i.is_dir()}
        assert len(modes) > 100, path.name
        unreadable = {name: oct(mode) for name, mode in modes.items() if mode & readable != readable}
        assert unreadable == {}, path.name


def test_an_export_stopped_part_way_leaves_nothing_for_long(tmp_path):
    """An export (or a build) stopped part way leaves its folder beside dist/ (or site/); the next
    run clears it once nothing has been written in it for an hour."""
    dist = tmp_path / "dist"
    old, recent = tmp_path / ".dist-new-x1y2z3", tmp_path / ".dist-new-q9r8s7"
    for folder, hours in ((old, 2), (recent, 0.1)):
        folder.mkdir()
        (folder / "handout.pdf").write_bytes(b"%PDF")
        then = time.time() - hours * 3600
        os.utime(folder, (then, then))
    with folder_beside(dist) as new:
        (new / "handout.pdf").write_bytes(b"%PDF")
        move_into_place(new, dist)
    assert not old.exists() and recent.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == [".dist-new-q9r8s7", "dist"]


def test_the_essentials_time_agrees_with_its_pages(real_site):
    home = real_site.html("index.html").select_one("article")
    heading = next(h for h in home.select("h2") if "essentials" in h.get_text().lower())
    text = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        text.append(node.get_text(" "))
    part = heading.get_text(" ") + " " + " ".join(text)
    each = [int(n) for n in re.findall(r"about (\d+) min\)", part)]
    together = re.findall(r"Together: about (\d+) minutes", part)
    assert len(each) == 3 and together == [str(sum(each))], part
    assert not re.search(rf"half an hour|\b(?!{sum(each)})\d+ minutes", part), part


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_a_second_preview_on_a_busy_address_says_what_to_do_in_one_sentence():
    """A trainer starting the preview twice got MkDocs' 35-line traceback ending in 'Address
    already in use' (a trainer-workflow review, December 2026): the task now says what to do."""
    import socket

    tasks = tasks_file()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        problem = tasks.busy_address(["-a", f"127.0.0.1:{port}"])
        assert problem == (
            f"The preview's address 127.0.0.1:{port} is in use: a preview may be running already (open "
            f"http://127.0.0.1:{port} in the browser, or press Ctrl+C in its window to stop it), or start "
            f"this one at another address: python3 noxfile.py -s serve -- -a 127.0.0.1:{port + 1}"
        )
        assert tasks.busy_address([f"--dev-addr=127.0.0.1:{port}"]) == problem
        assert tasks.busy_address([f"-a127.0.0.1:{port}", "-f", "mkdocs.yml"]) == problem
        assert tasks.busy_address(["-sa", f"127.0.0.1:{port}"]) == problem  # -s, then -a ADDRESS
        assert (
            tasks.busy_address(["-a", "127.0.0.1:1", "--dev-addr", f"127.0.0.1:{port}"]) == problem
        )  # the last
        assert tasks.busy_address(["-a", f"127.0.0.1:{port}"], "serve-trainer").endswith(
            f"python3 noxfile.py -s serve-trainer -- -a 127.0.0.1:{port + 1}"
        )
    assert tasks.busy_address(["-a", f"127.0.0.1:{port}"]) is None  # free again


def test_a_preview_just_stopped_does_not_count_as_running():
    """After a served page the system holds the address for a minute (TIME_WAIT); MkDocs' server
    binds it all the same, so the task must not call it busy (found by a review of the change)."""
    import http.server
    import threading
    import urllib.request

    tasks = tasks_file()
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    port = server.server_address[1]
    threading.Thread(target=server.handle_request, daemon=True).start()
    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()
    server.server_close()
    assert tasks.busy_address(["-a", f"127.0.0.1:{port}"]) is None


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["stopped", "terminal closed"])
def test_stopping_the_preview_task_stops_its_server(tmp_path, stop):
    """The serve sessions run the server with nox; a task stopped with SIGTERM (an editor's Stop
    button, a job runner) or SIGHUP (its terminal closed, as the README says) takes it along.
    (That both serve sessions call _stop_on_terminate: tests/test_preview_slips.py.)"""
    pid_file = tmp_path / "server.pid"
    task = (
        "import sys, noxfile, nox.popen\n"
        "noxfile._stop_on_terminate()\n"
        "server = 'import os, sys, time; open(sys.argv[1], \"w\").write(str(os.getpid())); time.sleep(60)'\n"
        "nox.popen.popen([sys.executable, '-c', server, sys.argv[1]])\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", task, str(pid_file)], cwd=ROOT, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.1)
    server = int(pid_file.read_text())
    parent.send_signal(stop)
    parent.wait(timeout=10)
    for _ in range(50):
        try:
            os.kill(server, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(server, signal.SIGKILL)
    pytest.fail("the server kept running after its task was stopped")


def test_the_readme_says_how_to_stop_the_preview_and_how_long_the_tests_take():
    """The quick start says how to stop the preview (closing the terminal too: SIGHUP, tested
    above) and, beside the command that runs the test suite, how long it takes."""
    quick_start = (ROOT / "README.md").read_text(encoding="utf-8").split("## Other tasks")[0]
    assert "Ctrl+C" in quick_start and "stops the preview's web server too" in quick_start
    assert "closing the terminal" in quick_start
    tests = [line for line in quick_start.split("\n") if line.startswith("python3 noxfile.py -s tests ")]
    assert len(tests) == 1, tests
    time = re.search(r"# run the whole test suite \((\d+) to (\d+) minutes on a 2-core machine\)$", tests[0])
    assert time and int(time[1]) < int(time[2]), tests[0]
