"""The export's printer (export.pipeline.Printer), on small documents of its own: it prints what
it is handed in batches, numbers each contents list from where its parts start, gives each PDF its
number of pages, and stops the export when a document asks for anything outside the computer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from export.pipeline import PRINTING_CHROMIUMS, ExportError, Printer, PrintJob, find_chromium

pytestmark = pytest.mark.export

# A document as the export writes one: a contents list linking to parts that start on pages of
# their own, with a space kept for each part's page number (print.css shows `data-page` there).
DOCUMENT = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<style>
  @page {{ size: A4; }}
  .part {{ break-before: page; }}
  .contents a::after {{ content: " " attr(data-page); }}
</style></head>
<body>
<h1>{title}</h1>
<ul class="contents">{entries}</ul>
{parts}
{extra}
</body></html>
"""


def write_document(folder, name, parts, extra=""):
    entries = "".join(f'<li><a href="#part-{n}">Part {n}</a></li>' for n in range(1, parts + 1))
    body = "".join(
        f'<section class="part" id="part-{n}"><h2>Part {n}</h2>' + "<p>Words.</p>" * (40 * n) + "</section>"
        for n in range(1, parts + 1)
    )
    html = folder / f"{name}.html"
    html.write_text(DOCUMENT.format(title=name, entries=entries, parts=body, extra=extra), encoding="utf-8")
    return PrintJob(html, f"{name}.pdf", f"the {name}", large=False, short=name)


def contents_numbers(pdf):
    """{link's words: the page number printed after them} on the PDF's first page."""
    first = PdfReader(pdf).pages[0].extract_text()
    numbers = {}
    for line in first.splitlines():
        words, _, number = line.rpartition(" ")
        if words.startswith("Part") and number.isdigit():
            numbers[words] = int(number)
    return numbers


def part_starts(pdf):
    """{"Part N": the page on which that part's heading is printed}, from the pages after the first."""
    starts = {}
    for number, page in enumerate(PdfReader(pdf).pages[1:], start=2):
        heading = page.extract_text().splitlines()[0]
        if heading.startswith("Part"):
            starts.setdefault(heading, number)
    return starts


def test_documents_handed_over_in_two_batches_are_all_printed_and_numbered(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = [write_document(tmp_path, "long", 3), write_document(tmp_path, "short", 1)]
    later = [write_document(tmp_path, "later", 2)]
    with Printer(None) as printer:
        printer.start(first, out)
        printer.start(later, out)
        printed = {job.pdf: pages for job, pages in printer.finish()}
    assert set(printed) == {"long.pdf", "short.pdf", "later.pdf"}
    for name, pages in printed.items():
        assert pages == len(PdfReader(out / name).pages)
    for name, parts in (("long.pdf", 3), ("short.pdf", 1), ("later.pdf", 2)):
        numbers = contents_numbers(out / name)
        assert numbers == part_starts(out / name), name
        assert sorted(numbers) == [f"Part {n}" for n in range(1, parts + 1)], name
    assert contents_numbers(out / "long.pdf")["Part 3"] > 4  # parts 1 and 2 take more than a page each


def test_a_document_that_asks_for_an_address_elsewhere_stops_the_export(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    image = tmp_path / "local.svg"
    square = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    image.write_text(square, encoding="utf-8")
    local = write_document(tmp_path, "local", 1, extra='<img alt="A square" src="local.svg">')
    elsewhere = write_document(
        tmp_path, "elsewhere", 1, extra='<img alt="A square" src="http://192.0.2.1/x.png">'
    )
    with Printer(None) as printer:
        printer.start([local], out)
        assert [job.pdf for job, _ in printer.finish()] == ["local.pdf"]  # a file beside it is fine
    with pytest.raises(
        ExportError, match=r"the elsewhere tried to fetch from the network: http://192\.0\.2\.1/x\.png"
    ):
        with Printer(None) as printer:
            printer.start([elsewhere], out)
            printer.finish()


# A stage that fails while the first documents print, in a process of its own: what it leaves
# on stderr is what a trainer would see under the export's own message.
FAILING_STAGE = """
import sys, time
from pathlib import Path
from export.pipeline import Printer, PrintJob
out, jobs = Path(sys.argv[1]), [PrintJob(Path(p), Path(p).stem + ".pdf", p, False) for p in sys.argv[2:]]
try:
    with Printer(None) as printer:
        printer.start(jobs, out)
        deadline = time.monotonic() + 120
        while not (out / jobs[0].pdf).exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # until the first printing of the first document is written
        raise RuntimeError("a stage failed")
except RuntimeError:
    print("stopped")
"""


def test_a_stage_that_fails_while_documents_print_ends_the_printing_without_tracebacks(tmp_path):
    """A stage failing (or Ctrl+C) after the documents are handed over, while the printer still
    waits for more (the Essentials, stage 3; the zips, stage 4): the printing stops and Chromium
    closes, and nothing else is told: no "Task exception was never retrieved" from a print cut
    off when Chromium closed."""
    out = tmp_path / "out"
    out.mkdir()
    jobs = [write_document(tmp_path, "long", 30), write_document(tmp_path, "short", 20)]
    run = subprocess.run(
        [sys.executable, "-c", FAILING_STAGE, str(out), *(str(job.html) for job in jobs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and run.stdout == "stopped\n", run.stdout + run.stderr
    assert run.stderr == "", run.stderr


def page_texts_and_tags(pdf):
    reader = PdfReader(pdf)
    return [page.extract_text() for page in reader.pages], "/StructTreeRoot" in reader.trailer["/Root"]


def test_the_export_prints_with_debians_headless_shell_and_its_pdfs_are_the_browsers_own(tmp_path):
    """The export prints with chromium-headless-shell, which starts and prints faster than the
    chromium package (both are installed by the tasks), and gives the same pages: the same text
    on each, tagged, numbered from the same places. (Checked by hand on the real handouts too:
    every page the same, pixel for pixel.)"""
    assert find_chromium(None) == PRINTING_CHROMIUMS[0] == "/usr/bin/chromium-headless-shell"
    printed = {}
    for chromium in PRINTING_CHROMIUMS:
        out = tmp_path / Path(chromium).name
        out.mkdir()
        job = write_document(tmp_path, "document", 3, extra="<table><tr><th>A</th><td>1</td></tr></table>")
        with Printer(chromium) as printer:
            printer.start([job], out)
            ((_, pages),) = printer.finish()
        printed[chromium] = (pages, *page_texts_and_tags(out / job.pdf), contents_numbers(out / job.pdf))
    shell, browser = printed.values()
    assert shell == browser
    assert shell[0] > 4 and shell[2] is True  # several pages, tagged


def test_the_pages_of_named_places_are_read_whatever_their_letters(tmp_path):
    """Chromium writes each place a link goes to as a named destination, its name in UTF-8: an
    anchor such as #café is read as written (PDFium alone read it as PDFDocEncoding, cafÃ©)."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    from export.pipeline import destinations_and_pages

    def pdf_with(places: dict[str, int], name: str) -> Path:
        """A PDF of three pages naming `places` (name: page) in its /Dests, as Chromium does."""
        writer = PdfWriter()
        for _ in range(3):
            writer.add_blank_page(200, 200)
        dests = {
            NameObject(f"/{place}"): ArrayObject(
                [writer.pages[page - 1].indirect_reference, NameObject("/Fit")]
            )
            for place, page in places.items()
        }
        writer.root_object[NameObject("/Dests")] = DictionaryObject(dests)
        path = tmp_path / name
        with path.open("wb") as out:
            writer.write(out)
        return path

    names = {"plain": 2, "caf\u00e9": 3, "\u4e2d": 1}
    assert destinations_and_pages(pdf_with(names, "places.pdf")) == (names, 3)
    assert destinations_and_pages(pdf_with({"plain": 2}, "ascii.pdf")) == ({"plain": 2}, 3)
