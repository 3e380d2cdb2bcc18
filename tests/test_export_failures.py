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


def test_a_failure_inside_the_printing_is_told_as_itself(project, earlier_export, monkeypatch, capsys):
    """A problem found while Chromium prints (here: no page found for the contents' entries) is
    the message the trainer reads; stopping the printing after it had ended raised "Event loop
    is closed" in its place, with the real reason only inside a traceback."""
    from export import pipeline

    monkeypatch.setattr(pipeline, "destinations_and_pages", lambda pdf: ({}, 5))
    before = snapshot(earlier_export)

    code = pipeline.main(["--project", str(project), "--dist", str(earlier_export), "--no-large-print"])
    output = capsys.readouterr()
    run = ExportRun(code, output.out + output.err, earlier_export)

    assert_failed_and_untouched(
        run,
        earlier_export,
        before,
        "at stage 5 of 6, Printing the PDFs (A4)",
        "no page found for the contents entries or references #",
    )
    assert "Event loop is closed" not in run.output and "Traceback" not in run.output, run.output


def plant_takeaway(
    project, line: str, page: str = "services/early-help.md", heading: str = "Key takeaways"
) -> int:
    """Add `line` as the first item under `heading` (its key takeaways) of `page` of `project`;
    its line number."""
    path = project / "docs" / page
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"## {heading}") + 3
    lines.insert(at - 1, line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return at


def test_a_key_point_sending_the_reader_to_a_part_the_essentials_lacks_stops_the_export(
    project, earlier_export
):
    """The Essentials holds only parts of the pages: a sentence in them whose pointing words
    ("read", "look at": documents.POINTING_WORDS) send the reader to a section it does not hold,
    with a link or without, names the page and line, and what to write; nothing is published."""
    line = plant_takeaway(
        project,
        "- To know when to call, read [the continuum of need](../thresholds.md#the-continuum-of-need).\n"
        "- For the figures, look at Key numbers on the site.\n"
        "- Details are in [Key numbers](#key-numbers).",
    )
    expected = (
        "on the line after the paragraph or list item, write what it should say there: "
        '{ data-essentials="..." }, or { data-essentials="" } to leave it out of the Essentials'
    )
    assert_export_fails_and_keeps(
        project,
        earlier_export,
        f"docs/services/early-help.md:{line}: the Essentials handout prints 'To know when to call, read the "
        f"continuum of need.', but 'the continuum of need' is not in it ({expected})",
        f"docs/services/early-help.md:{line + 1}: the Essentials handout prints 'For the figures, look "
        f"at Key numbers on the site.', but 'Key numbers' is not in it ({expected})",
        f"docs/services/early-help.md:{line + 2}: the Essentials handout prints 'Details are in Key "
        f"numbers.', but 'Key numbers' is not in it ({expected})",
    )


@pytest.mark.export
def test_a_reference_to_a_part_the_essentials_holds_names_its_heading_and_page(project, tmp_path):
    """Pointing words to a section or page the Essentials holds a part of send the reader to that
    part's heading there, and the print says the page; one with an Essentials wording prints that;
    a link that is only words of the sentence (a page's title too) is its words."""
    from pypdf import PdfReader

    from test_export_outputs import headings_and_pages, stray_references

    plant_takeaway(
        project, "- If you are worried, see [Thresholds and when to act](../thresholds.md#what-to-do)."
    )
    plant_takeaway(
        project,
        "- Judging the level of help: see "
        "[Thresholds and when to act](../thresholds.md#the-continuum-of-need).\n"
        '  { data-essentials="The full handout says how the level of help is judged." }',
    )
    plant_takeaway(
        project,
        "- If you are worried about a child, call the front door: see [Contacts](../contacts.md).\n"
        "- Before your first surgery, read the [front door page](front-door.md).",
    )
    plant_takeaway(  # the reviewer's sentences: a link or a name that is words of the sentence
        project,
        "- Ask how often social workers see [Children in care](services/children-in-care.md) on their own.\n"
        "- The steps are explained in [Corporate parenting](corporate-parenting.md) training each year.\n"
        "- Read the [Children in care](services/children-in-care.md) page notes before a visit.\n"
        "- The admin teams who take your calls are in Business Support.",
        "thresholds.md",
    )
    plant_takeaway(
        project,
        "- Many families are first offered [early help](early-help.md), which is voluntary.\n"
        "- Ask how often social workers see [children in care](children-in-care.md) on their own.\n"
        "- Read [early help](early-help.md) plans too.",
        "services/children-in-need.md",
    )
    plant_takeaway(
        project,
        "- How many [care leavers](care-leavers.md) are in education, employment or training?",
        "services/children-in-care.md",
        "Questions you could ask",
    )

    run = run_export(project, tmp_path / "dist", "--no-large-print")

    assert run.returncode == 0, run.output
    reader = PdfReader(run.essentials)
    assert len(reader.pages) <= 12
    headings = headings_and_pages(reader.outline, reader)
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert "If you are worried, see What to do (page 2)." in text
    assert "The full handout says how the level of help is judged." in text
    assert "Judging the level of help" not in text
    worried, front_door = "If you are worried about a child", "Front door and MASH: Key takeaways"
    assert f"call the front door: see {worried} (page {headings[worried]})." in text
    assert f"Before your first surgery, read {front_door} (page {headings[front_door]})." in text
    assert "Many families are first offered early help, which is voluntary." in text
    assert "Ask how often social workers see children in care on their own." in text  # words
    assert "Read early help plans too." in text
    assert "How many care leavers are in education, employment or training?" in text
    everyday = [  # the reviewer's sentences: words of the sentence, not references
        "Ask how often social workers see Children in care on their own.",
        "The steps are explained in Corporate parenting training each year.",
        "Read the Children in care page notes before a visit.",
        "The admin teams who take your calls are in Business Support.",
    ]
    assert [sentence for sentence in everyday if sentence not in text] == []
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    found = [found for page in pages for found in stray_references(page, headings)]
    assert [stray for stray in found if not any(stray in sentence for sentence in everyday)] == []


@pytest.mark.export
def test_an_essentials_handout_over_12_pages_is_exported_with_a_warning_naming_what_to_shorten(
    project, tmp_path
):
    """The Essentials is what trainers hand out, at most 12 pages: key takeaways grown past that
    still export (nothing is wrong with them), and the export says so twice, with what to shorten."""
    from pypdf import PdfReader

    from export.pipeline import ESSENTIALS_MOST_PAGES

    sentence = "Members ask about this at every session, so this key point is written out in full here."
    plant_takeaway(project, "\n".join(f"- {sentence} ({n})" for n in range(90)))
    dist = tmp_path / "dist"
    run = run_export(project, dist, "--no-large-print")  # the Essentials has no large print
    assert run.returncode == 0, run.output
    essentials = next(dist.glob("member-induction-essentials-*.pdf"))
    pages = len(PdfReader(essentials).pages)
    assert pages > ESSENTIALS_MOST_PAGES
    warning = (
        f"WARNING: {essentials.name} has {pages} pages, more than the 12 the Essentials handout should "
        "have (it prints each learning page's 'Key takeaways' and 'Questions you could ask', and the "
        "terms in data/essentials.yml): shorten some of them"
    )
    assert run.output.count(warning) == 2, run.output
    assert run.output.rstrip().endswith(warning)


@pytest.mark.build
def test_the_builds_problems_reach_the_export_as_objects_each_told_once(project, tmp_path):
    """What stops the export's build is kept as the DataError each hook made (file, line, problem,
    what to write), not as text to be read back: a broken link, which the build warns of at its
    line, and a quiz with no right answer, which stops the build (MkDocs logs that error as well
    as raising it: it is told once)."""
    from export import pipeline
    from induction.common import DataError

    page = project / "docs" / "contacts.md"
    text = page.read_text(encoding="utf-8")
    link_line = text.count("\n") + 2
    page.write_text(text + "\nSee [the missing page](missing.md) or [this](missing.md).\n", encoding="utf-8")
    with pytest.raises(pipeline.ExportError) as stopped:
        pipeline.build_offline_site(project / "mkdocs-offline.yml", tmp_path / "site")
    [link] = [p for p in stopped.value.problems if isinstance(p, DataError)]  # the same link once
    assert (link.path, link.line) == ("docs/contacts.md", link_line)
    assert "missing.md" in link.problem and link.expected
    assert stopped.value.summary.startswith("The strict build of the site failed")

    # a page hook's error: told once, without MkDocs' line that only introduces it
    page.write_text(text + "\nCall 01452 426566 now.\n", encoding="utf-8")
    with pytest.raises(pipeline.ExportError) as stopped:
        pipeline.build_offline_site(project / "mkdocs-offline.yml", tmp_path / "site")
    assert [str(p) for p in stopped.value.problems if "426566" in str(p)] == [
        str(next(p for p in stopped.value.problems if isinstance(p, DataError)))
    ]
    assert not [p for p in stopped.value.problems if "Error reading page" in str(p)], stopped.value.problems
    page.write_text(text, encoding="utf-8")

    quiz = sorted((project / "quizzes").glob("*.yml"))[0]
    data = yaml.safe_load(quiz.read_text(encoding="utf-8"))
    for option in next(q for q in data["questions"] if q.get("options"))["options"]:
        option["correct"] = False
    quiz.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(pipeline.ExportError) as stopped:
        pipeline.build_offline_site(project / "mkdocs-offline.yml", tmp_path / "site")
    problems = stopped.value.problems
    told = [p for p in problems if isinstance(p, DataError) and p.path == f"quizzes/{quiz.name}"]
    assert len(told) == 1 and isinstance(told[0].line, int) and "no correct answer" in told[0].problem
    assert str(stopped.value).count(told[0].problem) == 1, str(stopped.value)


def test_a_project_without_the_offline_settings_is_told_in_the_house_form(tmp_path, capsys):
    """Without mkdocs-offline.yml the export stops before it starts anything, naming the file in
    the house form (`path: problem (what to write)`), as a DataError in the export's error."""
    from export import pipeline

    code = pipeline.main(["--project", str(tmp_path), "--dist", str(tmp_path / "dist")])

    told = capsys.readouterr().err
    assert code == 1 and "EXPORT FAILED at the start" in told
    expected = "it configures the offline build: restore it from git"
    assert f"  mkdocs-offline.yml: this file is missing ({expected})\n" in told
    assert not (tmp_path / "dist").exists()
