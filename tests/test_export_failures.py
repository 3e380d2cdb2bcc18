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


def assert_export_fails_and_keeps(project, dist, *reasons):
    """Export `project` into `dist`, which holds an earlier export: it fails, giving `reasons`,
    and leaves `dist` as it was."""
    before = snapshot(dist)
    run = run_export(project, dist)
    assert_failed_and_untouched(run, dist, before, *reasons)


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

    assert_export_fails_and_keeps(
        project,
        earlier_export,
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


def plant_takeaway(project, line: str) -> int:
    """Add `line` to the key takeaways of the Early help page of `project`; its line number."""
    page = project / "docs" / "services" / "early-help.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    at = lines.index("## Key takeaways") + 3
    lines.insert(at - 1, line)
    page.write_text("\n".join(lines), encoding="utf-8")
    return at


def test_a_key_point_sending_the_reader_to_a_page_the_essentials_lacks_stops_the_export(
    project, earlier_export
):
    """The Essentials holds only each page's key points: a sentence in them that says "see" a
    page names the page and line, and what to write; nothing is published."""
    line = plant_takeaway(
        project, "- To know when to call, see [Thresholds and when to act](../thresholds.md)."
    )
    assert_export_fails_and_keeps(
        project,
        earlier_export,
        f"docs/services/early-help.md:{line}: the Essentials handout prints 'To know when to call, see "
        "Thresholds and when to act.', but 'Thresholds and when to act' is not in it (on the line after "
        'the paragraph or list item, write what it should say there: { data-essentials="..." }, or '
        '{ data-essentials="" } to leave it out of the Essentials)',
    )


@pytest.mark.export
def test_a_reference_to_a_part_the_essentials_holds_names_its_heading_and_page(project, tmp_path):
    """A link to a section the Essentials prints goes to its heading there, and the print says
    the page; one with an Essentials wording prints that."""
    from pypdf import PdfReader

    from test_export_outputs import headings_and_pages, stray_references

    plant_takeaway(
        project, "- If you are worried, see [Thresholds and when to act](../thresholds.md#what-to-do)."
    )
    plant_takeaway(
        project,
        "- Judging the level of help: see [Thresholds and when to act](../thresholds.md).\n"
        '  { data-essentials="The full handout says how the level of help is judged." }',
    )

    run = run_export(project, tmp_path / "dist", "--no-large-print")

    assert run.returncode == 0, run.output
    reader = PdfReader(run.essentials)
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert "If you are worried, see What to do (page 2)." in text
    assert "The full handout says how the level of help is judged." in text
    assert "Judging the level of help" not in text
    headings = headings_and_pages(reader.outline, reader)
    assert [found for page in reader.pages for found in stray_references(page.extract_text(), headings)] == []
