"""Shared by the export tests: run `python -m export` as a trainer would, read its PDFs and zip.

The real export (about half a minute) runs once per test run, however many test modules use it
and however many workers run the tests (`nox -s tests` runs them on every processor with
pytest-xdist): the first worker to ask makes it in the run's shared temporary folder while any
other waits, then each reads it from there.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from filelock import FileLock
from mkdocs.utils import meta

from conftest import ROOT, copy_project
from export.pipeline import SITE_IN_ZIP


@dataclass
class ExportRun:
    returncode: int
    output: str
    dist: Path
    day: dt.date | None = None  # the day the export was made for (its files' names, the cover)

    def one(self, pattern: str) -> Path:
        found = sorted(self.dist.glob(pattern))
        assert len(found) == 1, f"expected one {pattern} in {self.dist}, found {[p.name for p in found]}"
        return found[0]

    @property
    def zip(self) -> Path:
        return self.one("member-induction-offline-*.zip")

    @property
    def handout(self) -> Path:
        return self.one("member-induction-handout-2*.pdf")

    @property
    def trainer_pack(self) -> Path:
        return self.one("member-induction-trainer-pack-2*.pdf")

    @property
    def essentials(self) -> Path:
        return self.one("member-induction-essentials-2*.pdf")

    @property
    def pdfs(self) -> list[Path]:
        return sorted(self.dist.glob("*.pdf"))


def run_export(project: Path, dist: Path, *extra: str) -> ExportRun:
    """`python -m export` on `project`, into `dist`, for today: the day is fixed when it starts
    (INDUCTION_TODAY), so an export that runs past midnight still matches what the tests expect."""
    day = dt.date.fromisoformat(os.environ.get("INDUCTION_TODAY") or dt.date.today().isoformat())
    result = subprocess.run(
        [sys.executable, "-m", "export", "--project", str(project), "--dist", str(dist), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "INDUCTION_TODAY": day.isoformat()},
        timeout=900,
    )
    return ExportRun(result.returncode, result.stdout + result.stderr, dist, day)


_runs: dict[str, object] = {}


SHARED_EXPORT = "real-export"  # the folder, in the run's shared temporary folder, of the real export


def shared_folder(tmp_path_factory) -> Path:
    """The temporary folder of this test run that every pytest-xdist worker sees."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def real_export(tmp_path_factory) -> ExportRun:
    """The export of the real project, made once per test run (by the first worker to ask)."""
    if "real" not in _runs:
        folder = shared_folder(tmp_path_factory) / SHARED_EXPORT
        with FileLock(f"{folder}.lock"):
            made = folder / "run.json"
            if not made.exists():
                run = run_export(ROOT, folder / "dist")
                made.write_text(
                    json.dumps([run.returncode, run.output, run.day.isoformat()]), encoding="utf-8"
                )
            returncode, output, day = json.loads(made.read_text(encoding="utf-8"))
        _runs["real"] = ExportRun(returncode, output, folder / "dist", dt.date.fromisoformat(day))
    run = _runs["real"]
    assert run.returncode == 0, f"the export failed (run: nox -s export):\n{run.output}"
    return run


def unzipped(tmp_path_factory) -> Path:
    """The real export's zip, unzipped once per test run; returns the site's folder inside it."""
    if "unzipped" not in _runs:
        target = tmp_path_factory.mktemp("usb-stick")
        with zipfile.ZipFile(real_export(tmp_path_factory).zip) as archive:
            archive.extractall(target)
        (folder,) = target.iterdir()
        _runs["unzipped"] = folder / SITE_IN_ZIP
    return _runs["unzipped"]


def export_project(dest: Path) -> Path:
    """A copy of the project that an export can run on (and a test can break)."""
    copy_project(dest)
    shutil.copy2(ROOT / "mkdocs-offline.yml", dest / "mkdocs-offline.yml")
    return dest


@cache
def pdf_pages(path: Path) -> tuple[str, ...]:
    """The text of each page of a PDF, as PDFium (the PDF engine of Chromium, through pypdfium2)
    reads it: about two seconds for all five of the real export's PDFs, where pypdf took forty.
    PDFium ends its lines with "\\r\\n" and writes a hyphen at which a line wraps as U+FFFE, joining
    the two halves of the word: both are given back as printed ("\\n", "-")."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return tuple(
            page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\ufffe", "-")
            for page in document
        )
    finally:
        document.close()


@cache
def page_fills(path: Path) -> tuple[float, ...]:
    """How much of each page of a PDF is printed on: from the top of the text (the sheet's top
    margin) down to the lowest text or line above the foot, as a share of the text's height on
    a sheet (1: printed down to the foot). The foot's file name and page number do not count,
    nor a background as tall as the text, which Chromium paints on every page."""
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        fills = []
        for page in document:
            top = page.get_height() - TOP_MARGIN
            height = top - FOOT_MARGIN
            lowest = [
                bottom
                for _, bottom, _, up in (thing.get_bounds() for thing in page.get_objects(max_depth=5))
                if bottom > FOOT and up - bottom < 0.9 * height
            ]
            fills.append(round((top - min(lowest)) / height, 2) if lowest else 0.0)
        return tuple(fills)
    finally:
        document.close()


POINTS_PER_MM = 72 / 25.4
TOP_MARGIN = 16 * POINTS_PER_MM  # print.css's @page margins
FOOT_MARGIN = 18 * POINTS_PER_MM  # (20 mm in large print: its full pages count a little under 1)
FOOT = 16 * POINTS_PER_MM  # the foot's file name and page number are printed below this


def pdf_text(path: Path) -> str:
    """The text of a whole PDF, page after page."""
    return "\n".join(pdf_pages(path))


def pdf_reading_text(path: Path) -> str:
    """The text of a whole PDF as a reader reads on from page to page, without the feet."""
    pages = pdf_pages(path)
    return "\n".join(without_foot(text, n, len(pages), path.stem) for n, text in enumerate(pages, start=1))


def without_foot(text: str, number: int, count: int, stem: str) -> str:
    """Page `number` (of `count`) of the PDF named `stem`: its text without its foot, the file's
    name and "Page N of M" (PDFium reads the foot first)."""
    return text.split(f"Page {number} of {count}")[-1].split(stem)[-1].strip()


def squash(text: str) -> str:
    """Text without spaces or line breaks, for finding one text in another extracted from a PDF
    (PDF text extraction drops or adds spaces where lines wrap)."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u00ad", "")
    return re.sub(r"\s+", "", text)


def pdf_outline(path: Path) -> list[str]:
    """The PDF's top-level bookmarks (made from the h1 headings), in order."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    titles = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            elif depth <= 1:
                titles.append((depth, item.title))

    walk(reader.outline, 0)
    return titles


def nav_sources(nav: list) -> list[str]:
    pages = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, str):
                pages.append(value)
            elif isinstance(value, list):
                pages += nav_sources(value)
    return pages


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def learning_pages() -> list[str]:
    """The pages in the learning path, in nav order (front matter in_learning_path, default yes)."""
    pages = []
    for src in nav_pages():
        _, front = meta.get_data((ROOT / "docs" / src).read_text(encoding="utf-8"))
        if front.get("in_learning_path", True) is not False:
            pages.append(src)
    return pages


def hosted_path(src: str) -> str:
    """Where the hosted build (directory URLs) writes a page."""
    stem = src[: -len(".md")]
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html".lstrip("/")


def nav_pages() -> list[str]:
    return nav_sources(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"])


def trainer_note_titles() -> list[tuple[str, str]]:
    """(page, title) of every `!!! trainer "Title"` block in the pages of the nav."""
    found = []
    for src in nav_pages():
        for match in TRAINER_NOTE.finditer((ROOT / "docs" / src).read_text(encoding="utf-8")):
            found.append((src, match.group(1)))
    return found


def trainer_note_openings() -> list[tuple[str, str]]:
    """(page, the first words of the note's text) for every trainer note in the pages of the nav."""
    found = []
    for src in nav_pages():
        for match in TRAINER_NOTE_BODY.finditer((ROOT / "docs" / src).read_text(encoding="utf-8")):
            words = re.sub(r"[*_`\[\]]", "", match.group(1)).split()[:8]
            found.append((src, " ".join(words)))
    return found


TRAINER_NOTE = re.compile(r'^\s*(?:!!!|\?\?\?\+?) trainer "([^"]+)"', re.M)
TRAINER_NOTE_BODY = re.compile(
    r'^\s*(?:!!!|\?\?\?\+?) trainer(?: "[^"]*")?\s*\n(?:\s*\n)*[ \t]+(\S.*)$', re.M
)
