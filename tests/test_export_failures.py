"""A failed export stops with the reason and a non-zero exit, and leaves the previous export in
dist/ exactly as it was: a broken quiz, a broken link, or the PDF step failing."""

from __future__ import annotations

import hashlib
import shutil
import time

import pytest
import yaml

from export_support import ExportRun, export_project, real_export, run_export


@pytest.fixture
def project(tmp_path):
    return export_project(tmp_path / "project")


@pytest.fixture
def earlier_export(tmp_path_factory, project):
    """dist/ holding a real, earlier export (a copy of this test run's export)."""
    dist = project / "dist"
    shutil.copytree(real_export(tmp_path_factory).dist, dist)
    return dist


def snapshot(folder):
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()
    }


def assert_failed_and_untouched(run, dist, before, *reasons):
    assert run.returncode != 0, run.output
    assert "EXPORT FAILED" in run.output
    for reason in reasons:
        assert reason in run.output, run.output
    assert f"Nothing in {dist} was changed" in run.output
    assert snapshot(dist) == before
    leftovers = [p.name for p in dist.parent.iterdir() if p.name.startswith(".dist")]
    assert leftovers == [], "the failed export left temporary folders behind"


def test_a_broken_quiz_fails_the_export_and_keeps_the_earlier_one(project, earlier_export):
    quiz_files = sorted((project / "quizzes").glob("*.yml"))
    if not quiz_files:
        pytest.skip("no quiz file in quizzes/ yet (needs quizzes/*.yml with hooks/quizzes.py)")
    broken = quiz_files[0]
    data = yaml.safe_load(broken.read_text(encoding="utf-8"))
    question = next(q for q in data["questions"] if q.get("options"))
    for option in question["options"]:
        option["correct"] = False  # a question with no right answer
    broken.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    before = snapshot(earlier_export)

    run = run_export(project, earlier_export)

    assert_failed_and_untouched(
        run,
        earlier_export,
        before,
        "at stage 1 of 6, Building the offline site (strict)",
        f"quizzes/{broken.name}",
    )


def test_a_broken_link_fails_the_export_naming_the_page(project, earlier_export):
    page = project / "docs" / "contacts.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the missing page](missing.md).\n")
    before = snapshot(earlier_export)

    run = run_export(project, earlier_export)

    assert_failed_and_untouched(run, earlier_export, before, "contacts.md", "missing.md")


def test_a_failing_pdf_step_keeps_the_earlier_export(project, earlier_export):
    before = snapshot(earlier_export)

    run = run_export(project, earlier_export, "--chromium", str(project / "no-such-chromium"))

    assert_failed_and_untouched(
        run, earlier_export, before, "at stage 5 of 6, Printing the PDFs (A4)", "Chromium"
    )
    assert "[4/6] Zipping the offline site" in run.output  # it failed after the zip was made


def test_a_failure_while_the_pdfs_print_stops_the_printing_and_leaves_nothing_behind(
    project, earlier_export, monkeypatch, capsys
):
    """Chromium prints in the background while the site is zipped. When the zipping fails, the
    printing is cancelled before the export's folders are removed: no half-made folder of PDFs
    is left beside dist/ (printing on would write into it again after it was removed)."""
    from export import pipeline

    def full_disk(*args, **kwargs):
        time.sleep(1.5)  # long enough for Chromium to be printing
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline, "zip_site", full_disk)
    before = snapshot(earlier_export)

    code = pipeline.main(["--project", str(project), "--dist", str(earlier_export)])
    output = capsys.readouterr()

    assert_failed_and_untouched(
        ExportRun(code, output.out + output.err, earlier_export),
        earlier_export,
        before,
        "at stage 4 of 6, Zipping the offline site",
        "No space left on device",
    )
