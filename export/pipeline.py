"""The offline export for briefing sessions: one command makes everything a trainer takes along.

    nox -s export                 (or: python -m export --help)

Stages, each printed with its counts as it runs:

1. build the offline site (mkdocs-offline.yml) in strict mode: any warning stops the export;
2. read the learning pages and their self-check questions from the built site, and check them;
3. write the handout, the trainer pack and the Essentials handout as HTML (export/templates/);
4. zip the site (unzip anywhere, open "Open me first.html" beside the site's folder, no network
   needed), and again as the packages for a learning management system (SCORM 1.2 and 2004,
   export/lms.py), while Chromium prints;
5. wait for Chromium's A4 PDFs (large-print versions too), and add the Essentials to the zip;
6. move the new files into dist/ in one step.

Everything is made in temporary folders. dist/ changes only at the very end, when every stage
has worked, and then it holds the new export and nothing else; if any stage fails, the export
stops with the reason and a non-zero exit status, and dist/ keeps the previous export untouched.
Ctrl+C stops it the same way, with one line, after closing Chromium and deleting those folders.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import datetime as dt
import glob
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from export import documents, lms
from induction.building import build_in_process, build_messages, problem_of
from induction.common import DataError, LineDict, lines_outside_code, parse_yaml, read_source
from induction.dates import today, uk_date
from induction.glossary import GLOSSARY_PAGE
from induction.learning_path import learning_pages
from induction.nav import nav_setting_pages
from induction.text import HTML_START
from induction.trainer_notes import build_notes
from induction.versions import require

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_CONFIG = "mkdocs-offline.yml"
NAME = "member-induction"
STAGES = 6


class ExportError(Exception):
    """Why the export stopped, in words a trainer can act on: `summary`, and the `problems` found
    in what trainers wrote, each a DataError (path, line, problem, what to write) from the moment
    it is found. A line of another tool's output that carries no DataError (MkDocs' own warnings)
    is kept as its text. The message lists them under the summary, one a line."""

    def __init__(self, summary: str, problems: Iterable[DataError | str] = ()) -> None:
        self.summary, self.problems = summary, list(problems)
        super().__init__("\n".join([summary, *map(str, self.problems)]))


@dataclass
class Outputs:
    """The names of the files an export makes (all in dist/ at the end)."""

    day: dt.date
    version: str
    large_print: bool = True

    @property
    def stem(self) -> str:
        return f"{self.day.isoformat()}-{self.version}"

    @property
    def site_folder(self) -> str:
        return f"{NAME}-offline-{self.stem}"

    @property
    def zip(self) -> str:
        return f"{self.site_folder}.zip"

    @property
    def lms(self) -> str:
        return f"{NAME}-lms-{self.stem}.zip"

    @property
    def lms_scorm2004(self) -> str:
        return f"{NAME}-lms-scorm2004-{self.stem}.zip"

    def handout(self, large: bool = False) -> str:
        return f"{NAME}-handout{'-large-print' if large else ''}-{self.stem}.pdf"

    def trainer_pack(self, large: bool = False) -> str:
        return f"{NAME}-trainer-pack{'-large-print' if large else ''}-{self.stem}.pdf"

    def essentials(self, large: bool = False) -> str:
        return f"{NAME}-essentials-{self.stem}.pdf"


@dataclass
class BuiltSite:
    """What the export needs from the build, besides the files in `site`."""

    site: Path
    site_name: str
    organisation: str
    sections: list[dict]  # the learning path: [{title, pages: [{src, url, title}]}]
    glossary: tuple[str, str] | None  # (title, src) when the nav has the glossary page
    notes: list[dict] = field(default_factory=list)  # trainer-only notes: {page, page_title, title, html}
    contacts: dict = field(default_factory=dict)
    pass_mark: int | None = None  # mkdocs.yml `extra: lms: pass_mark:` (export/lms.py)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    project = args.project.resolve()
    dist = (args.dist or project / "dist").resolve()
    progress = Progress()
    try:
        outputs = Outputs(today(), content_version(project), large_print=args.large_print)
        version, day = outputs.version, uk_date(outputs.day)
        print(f"Offline export for briefing sessions: content version {version}, {day}", flush=True)
        made = make_export(project, dist, outputs, progress, args)
    except KeyboardInterrupt:
        print(f"\n{stopped(dist)}", file=sys.stderr)
        return STOPPED
    except Exception as error:  # every failure is reported the same way, with its reason
        if not isinstance(error, ExportError):
            traceback.print_exc()  # not a problem in the content: show where, for whoever fixes it
        reason = str(error) if isinstance(error, ExportError) else f"{type(error).__name__}: {error}"
        print(
            f"\nEXPORT FAILED at {progress.current}:\n{_indent(reason)}\n"
            f"Nothing in {dist} was changed (it still holds the previous export, if there was one).",
            file=sys.stderr,
        )
        return 1
    print(f"\nExport finished in {time.perf_counter() - started:.1f} s. Your files are in {dist}:")
    for name, what in made:
        size = (dist / name).stat().st_size
        print(f"  {name}  ({_megabytes(size)})\n      {what}")
    for warning in progress.warnings:
        print(f"\nWARNING: {warning}")
    return 0


def stopped(folder: Path) -> str:
    """What the export (and the build, export/build.py) says when Ctrl+C stops it before the
    swap: `folder` (dist/, site/) is as it was, and the temporary folders are gone."""
    return f"Stopped (Ctrl+C): nothing in {folder} was changed."


STOPPED = 130  # the exit status of a program stopped by Ctrl+C (128 + SIGINT), as shells give it


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m export",
        description="Make the offline export for briefing sessions, in dist/: the zipped offline site, "
        "its two packages for a learning management system (SCORM 1.2 and SCORM 2004), the printable "
        "handout, the trainer pack (both also in large print) and the Essentials handout.",
    )
    parser.add_argument("--project", type=Path, default=ROOT, help="the site's folder (default: this one)")
    parser.add_argument("--dist", type=Path, help="where the files go (default: dist/ in the project)")
    parser.add_argument("--chromium", help="the Chromium to print with (default: /usr/bin/chromium)")
    parser.add_argument(
        "--keep-html",
        type=Path,
        metavar="DIR",
        help="also keep the built site and the documents' HTML in DIR (to check the layout in a browser)",
    )
    parser.add_argument(
        "--no-large-print",
        dest="large_print",
        action="store_false",
        help="skip the large-print PDFs (a little faster)",
    )
    return parser.parse_args(argv)


def make_export(project: Path, dist: Path, outputs: Outputs, progress: Progress, args) -> list:
    """All the stages, in temporary folders; dist/ changes only in the last stage."""
    dist.parent.mkdir(parents=True, exist_ok=True)
    # Chromium starts first (its start-up overlaps the build) and is stopped first: a failed export
    # cancels its printing before the folders it prints into are removed.
    with (
        tempfile.TemporaryDirectory(prefix="induction-export-") as work,
        folder_beside(dist) as new,
        Printer(args.chromium) as printer,
    ):
        try:
            made = export(project, Path(work), new, outputs, progress, printer)
        finally:
            if args.keep_html:
                shutil.copytree(work, args.keep_html, dirs_exist_ok=True)
        with progress.stage("Moving the files into place"):
            move_into_place(new, dist)
            progress.detail(f"{dist} now holds this export and nothing else")
    return made


@contextmanager
def folder_beside(dist: Path) -> Iterator[Path]:
    """A new folder next to dist/ (same file system, so moving it into place is one rename).

    mkdtemp makes it readable by its owner only; it gets the permissions a folder made with
    mkdir would have, so a web server running as another user can still read the swapped-in site.
    Such folders that a run stopped part way left behind are cleared first (remove_leftovers).
    """
    start = f".{dist.name}-new-"
    remove_leftovers(dist.parent, start)
    new = Path(tempfile.mkdtemp(prefix=start, dir=dist.parent))
    new.chmod(0o777 & ~_umask())
    try:
        yield new
    finally:
        shutil.rmtree(new, ignore_errors=True)  # gone already once it has become dist/


def remove_leftovers(folder: Path, *starts: str) -> None:
    """Delete the folders in `folder` whose names start with one of `starts` (`.dist-new-`) that a
    run stopped part way (the machine switched off, the terminal closed) left behind, once nothing
    has been written in them for LEFTOVER_HOURS: a run still going writes in its own folder within
    seconds, and each run makes a folder of a new name, so nothing else would remove them."""
    stale = time.time() - LEFTOVER_HOURS * 3600
    for start in starts:
        for path in folder.glob(f"{glob.escape(start)}*"):
            if path.is_dir() and not path.is_symlink() and path.stat().st_mtime < stale:
                shutil.rmtree(path, ignore_errors=True)


LEFTOVER_HOURS = 1


def _umask() -> int:
    """The process's umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export(
    project: Path, work: Path, out: Path, outputs: Outputs, progress: Progress, printer: Printer
) -> list[tuple[str, str]]:
    """Run stages 1-5, writing the finished files into `out`; return [(file name, description)]."""
    config = project / OFFLINE_CONFIG
    if not config.exists():
        raise ExportError(
            "The offline build has no settings:",
            [
                DataError(
                    OFFLINE_CONFIG,
                    None,
                    "this file is missing",
                    "it configures the offline build: restore it from git",
                )
            ],
        )
    made = []

    with progress.stage("Building the offline site (strict)"):
        built = build_offline_site(config, work / "site")
        pages = sum(1 for _ in built.site.rglob("*.html"))
        progress.detail(f"{pages} HTML pages, {len(built.notes)} trainer-only notes taken out")

    with progress.stage("Reading the learning pages and self-checks"):
        sections, glossary = read_pages(built, asset_prefix="../site/")
        learning = [page for section in sections for page in section["pages"]]
        questions = [q for page in learning for q in page.questions]
        marked = {page["src"] for page in learning_pages(built.sections)}  # as the site counts them
        others = ", ".join(page.title for page in learning if page.src not in marked)
        progress.detail(
            f"{len(marked)} learning pages{f' (the handout also has {others})' if others else ''}, "
            f"{len(questions)} self-check questions on {sum(1 for p in learning if p.questions)} pages, "
            f"glossary: {'yes' if glossary else 'no'}"
        )

    with progress.stage("Writing the handouts and the trainer pack"):
        # Chromium prints in the background: the handouts and the trainer pack while the
        # Essentials is put together from them, then the Essentials
        writer = Documents(built, sections, glossary, learning, work / "print", outputs)
        handouts = writer.write(HANDOUTS)
        printer.start(handouts, out)
        last = writer.write([ESSENTIALS_DOCUMENT], essentials_parts(project, sections, glossary))
        printer.start(last, out)
        jobs = handouts + last
        progress.detail(f"{len(jobs)} documents ready to print: {', '.join(job.short for job in jobs)}")
    with progress.stage("Zipping the offline site (while the PDFs print)"):
        count, size = zip_site(built.site, out / outputs.zip, outputs.site_folder)
        progress.detail(f"{count} files, {_megabytes(size)}: {outputs.zip}")
        made.append((outputs.zip, f"the offline site: unzip it anywhere, then open '{START_FILE}'"))
        for name, edition, what in (
            (outputs.lms, lms.SCORM12, "upload it"),
            (outputs.lms_scorm2004, lms.SCORM2004, "upload it instead if the system prefers SCORM 2004"),
        ):
            count, size = lms.zip_package(
                built.site, out / name, built.site_name, outputs.version, built.pass_mark, edition
            )
            progress.detail(f"{count} files, {_megabytes(size)}: {name}")
            made.append((name, f"the package for a learning management system ({edition.label}): {what}"))

    with progress.stage("Printing the PDFs (A4)"):
        for job, pages in printer.finish():
            progress.detail(f"{job.pdf}: {pages} pages")
            if job.pdf == outputs.essentials() and pages > ESSENTIALS_MOST_PAGES:
                progress.warn(essentials_too_long(job.pdf, pages))
        made += [(job.pdf, job.label) for job in jobs]
        with zipfile.ZipFile(out / outputs.zip, "a", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(out / outputs.essentials(), f"{outputs.site_folder}/{ESSENTIALS_IN_ZIP}")
        progress.detail(f"the Essentials handout added to the zip as {ESSENTIALS_IN_ZIP}")
    return made


# --- stage 1: build ------------------------------------------------------------------------


def build_offline_site(config_file: Path, site_dir: Path) -> BuiltSite:
    """`mkdocs build --strict -f mkdocs-offline.yml`, in this process so that the build's data
    (the learning path, the trainer-only notes the build removed) can be read afterwards."""
    built = build_in_process(config_file, site_dir, strict=True)
    if built.error is not None:  # MkDocs aborts, or a hook raised
        raise ExportError(
            "The strict build of the site failed (`python3 noxfile.py -s build` runs the same checks):",
            build_failures(built),
        ) from None
    config = built.config

    sections = config.extra.get("learning_sections") or []
    if not sections:
        raise ExportError(
            "The build gave no learning path (hooks/learning_path.py in mkdocs.yml `hooks:` sets it)"
        )
    glossary = next(
        ((title, src) for title, src in nav_setting_pages(config.nav or []) if src == GLOSSARY_PAGE), None
    )
    return BuiltSite(
        site=site_dir,
        site_name=config.site_name,
        organisation=(config.site_author or "").split(",")[0].strip(),
        sections=sections,
        glossary=glossary,
        notes=list(build_notes(config)),
        contacts=config.extra.get("facts", {}).get("contacts", {}),
        pass_mark=lms_pass_mark(config.extra),
    )


def build_failures(built) -> list[DataError | str]:
    """What stopped a build, in the order found, each once (induction.building.build_messages): a
    trainer's problem as its DataError (a hook logged or raised it), MkDocs' own warnings as their
    text; and the reason MkDocs gave for stopping, when it is not a trainer's DataError."""
    found: list[DataError | str] = [
        told if isinstance(told, DataError) else f"{record.levelname} - {told}"
        for record, told in build_messages(built)
    ]
    if problem_of(built.error) is None and str(built.error).strip():
        found.append(str(built.error))
    return found


def lms_pass_mark(extra: dict) -> int | None:
    """The LMS package's pass mark from mkdocs.yml; a bad one stops the export, saying why."""
    try:
        return lms.pass_mark(extra)
    except DataError as error:
        raise ExportError("The export's settings in mkdocs.yml are not right:", [error]) from None


def built_file(src: str) -> str:
    """The file MkDocs writes for a page when directory URLs are off (the offline build)."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "README" or stem.endswith("/README"):
        stem = stem[: -len("README")] + "index"
    return stem + ".html"


# --- stage 2: read the pages ---------------------------------------------------------------


def read_pages(built: BuiltSite, asset_prefix: str):
    """The learning sections with each page ready for the handout, and the glossary page."""
    env = documents.environment()
    worksheet = documents.worksheet_renderer(env)
    sections, order = [], []
    for section in built.sections:
        several = len(section["pages"]) > 1
        pages = [
            documents.Page(p["src"], p["url"], p["title"], section["title"] if several else None)
            for p in section["pages"]
        ]
        sections.append({"title": section["title"], "pages": pages})
        order.extend(pages)
    glossary = None
    if built.glossary:
        title, src = built.glossary
        glossary = documents.Page(src, built_file(src), title)
        order.append(glossary)
    anchors = {page.url: page.anchor for page in order}
    for page in order:
        path = built.site / page.url
        if not path.exists():
            raise ExportError(
                "A page of the learning path has no built file:",
                [
                    DataError(
                        f"docs/{page.src}",
                        None,
                        f"the build wrote no {page.url} for this page of the menu",
                        "the export looks for the page's file in the wrong place, as after an update "
                        "of MkDocs: ask a developer to check built_file in export/pipeline.py",
                    )
                ],
            )
        documents.prepare_page(page, path.read_text(encoding="utf-8"), anchors, asset_prefix, worksheet)
    problems = documents.question_problems(order)
    if problems:
        raise ExportError("The handout could not read some self-checks from the built pages:", problems)
    broken = documents.broken_links(order)
    if broken:
        raise ExportError("Some links would be broken in the handout:", broken)
    return sections, glossary


# --- stage 4: zip --------------------------------------------------------------------------


def zip_site(site: Path, target: Path, folder: str) -> tuple[int, int]:
    """Zip the site into one folder holding START_FILE and the site's own folder (SITE_IN_ZIP),
    so that whoever unzips it sees at once which file to open (the Essentials PDF joins them
    later); return (files, bytes of the zip)."""
    files = sorted(path for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=lms.ZIP_LEVEL) as archive:
        lms.write_text(archive, f"{folder}/{START_FILE}", START_PAGE)
        for path in files:
            archive.write(path, f"{folder}/{SITE_IN_ZIP}/{path.relative_to(site).as_posix()}")
    return len(files) + 1, target.stat().st_size


START_FILE = "Open me first.html"  # at the top of the offline zip's folder: a link to the site
SITE_IN_ZIP = "site"  # the folder beside it that holds the whole site
START_PAGE = (
    HTML_START
    + f"""<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>Open me first: the member induction</title>
</head>
<body>
<main>
<h1>The member induction, offline</h1>
<p><a href="{SITE_IN_ZIP}/index.html">Open the member induction</a></p>
<p><a href="essentials-handout.pdf">The Essentials handout</a> to print: who to call, corporate
parenting and each page's key points.</p>
<p>It works without the internet. Keep this file, the PDF and the folder called {SITE_IN_ZIP} together,
with every file in that folder: the pages need them.</p>
</main>
</body>
</html>
"""
)


# --- stage 3: the documents as HTML --------------------------------------------------------


def essentials_terms(text: str) -> list[tuple[str, int]]:
    """The terms data/essentials.yml chooses, each with its line; a file that is not a mapping
    with a list of names under `terms:` is a DataError naming the line."""
    data = parse_yaml(text, ESSENTIALS_DATA)
    names = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
        line = data.line_of("terms") if isinstance(data, LineDict) else 1
        raise DataError(
            ESSENTIALS_DATA, line, "terms: must be a list of glossary terms", "write one '- term' per line"
        )
    first = data.line_of("terms")
    if len(names) != ESSENTIALS_TERMS:
        raise DataError(
            ESSENTIALS_DATA,
            first,
            f"terms: lists {len(names)} term{'' if len(names) == 1 else 's'}, and the Essentials handout "
            f"has {ESSENTIALS_TERMS}",
            f"list the {ESSENTIALS_TERMS} terms a new member hears first, one '- term' per line",
        )
    line_of: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()[first - 1 :], first):
        line_of.setdefault(line.strip().lstrip("-").strip(" '\""), number)
    return [(name.strip(), line_of.get(name.strip(), first)) for name in names]


def chosen_terms(project: Path, glossary_html: str) -> tuple[list[tuple[str, str]], list[DataError]]:
    """The entries data/essentials.yml chooses, as the Glossary page (`glossary_html`) shows them
    ([(headword, definition HTML)]), and an error at its line for each name that is no entry's
    term (another name of an entry is not enough: the handout prints the entry under its term).
    A file that is not a list of names is a DataError. The export and the content check both ask."""
    chosen = essentials_terms(read_source(project / ESSENTIALS_DATA, ESSENTIALS_DATA))
    terms, unknown = documents.glossary_entries(glossary_html, [name for name, _ in chosen])
    return terms, [
        DataError(
            ESSENTIALS_DATA,
            line,
            f"'{name}' is not a term in data/glossary.yml",
            "write it exactly as its term: line in data/glossary.yml, or add the term there first",
        )
        for name, line in chosen
        if name in unknown
    ]


def essentials_parts(project: Path, sections, glossary) -> dict:
    """What the Essentials handout prints, each part taken from a prepared page (or the glossary)
    by its heading, so that it always says what the site says. Raise ExportError naming what is
    missing (a heading renamed, a term not in the glossary) or a sentence that would send its
    reader to a page or section it does not hold (documents.essentials_html)."""
    pages = {page.src: page for section in sections for page in section["pages"]}
    names: dict[str, set[str]] = {}
    for page in [*pages.values(), *([glossary] if glossary else [])]:
        names |= documents.heading_names(page)
    places: dict[str, documents.Place] = {}  # what the Essentials holds, by its anchor in the handout
    taken: list[tuple[str, str, str]] = []  # (page, heading, HTML) for each part, to print
    problems = []

    def part(src: str, heading: str, anchor: str, shown: str, needed: str = "") -> int | None:
        """Take the part under `heading` of page `src`, printed under the Essentials heading
        `shown` (id `anchor`); its index in `taken`, or None (and a problem, `needed` saying
        why) when the page has no such heading."""
        page = pages.get(src)
        found = documents.section_html(page.html, heading) if page else None
        if found is None:
            problems.append(
                DataError(
                    f"docs/{src}",
                    None,
                    f"no heading '{heading}'",
                    needed
                    or "keep this heading on the page, or change export/pipeline.py with it: "
                    "the Essentials handout prints what is under it",
                )
            )
            return None
        places[documents.heading_anchor(page.html, heading) or page.anchor] = documents.Place(anchor, shown)
        places.setdefault(page.anchor, documents.Place(anchor, shown))  # a link to the page: its first part
        taken.append((src, heading, found))
        return len(taken) - 1

    fixed = {
        key: part(src, heading, essentials_anchor(key), shown)
        for key, src, heading, shown in ESSENTIALS_FIXED
    }
    learning = []
    for page in pages.values():
        takeaways = part(
            page.src,
            TAKEAWAYS,
            f"{page.anchor}-takeaways",
            f"{page.title}: {TAKEAWAYS}",
            f"keep the '## {TAKEAWAYS}' section on every learning page: the Essentials handout "
            "prints what is under it",
        )
        questions = None
        if documents.section_html(page.html, QUESTIONS) is not None:
            questions = part(page.src, QUESTIONS, f"{page.anchor}-questions", f"{page.title}: {QUESTIONS}")
        learning.append(
            {
                "src": page.src,
                "title": page.title,
                "anchor": page.anchor,
                "takeaways": takeaways,
                "questions": questions,
            }
        )
    try:
        terms, unknown = chosen_terms(project, glossary.html if glossary else "")
    except DataError as error:
        raise ExportError("The Essentials handout cannot be made:", [error]) from None
    problems += unknown
    printed = [
        essentials_part(project, src, heading, html, places, names, problems) for src, heading, html in taken
    ]

    def shown(index: int | None) -> str:
        return printed[index] if index is not None else ""

    parts = {key: shown(index) for key, index in fixed.items()}
    parts["learning"] = [
        {**page, "takeaways": shown(page["takeaways"]), "questions": shown(page["questions"])}
        for page in learning
    ]
    parts["terms"] = terms
    if problems:
        raise ExportError("The Essentials handout cannot be made:", problems)
    return parts


def essentials_part(
    project: Path, src: str, heading: str, html: str, places, names, problems: list[DataError]
) -> str:
    """A part as the Essentials prints it (documents.essentials_html); each sentence in it that
    sends its reader to a page or section the Essentials does not hold is added to `problems`, at
    its line."""
    printed, stray = documents.essentials_html(html, places, names)
    if stray:
        raw = (project / "docs" / src).read_text(encoding="utf-8")
        problems += [
            DataError(
                f"docs/{src}",
                source_line(raw, words, heading, sentence),
                f"the Essentials handout prints '{sentence}', but '{words}' is not in it",
                "on the line after the paragraph or list item, write what it should say there: "
                '{ data-essentials="..." }, or { data-essentials="" } to leave it out of the Essentials',
            )
            for sentence, words in stray
        ]
    return printed


def source_line(raw: str, words: str, heading: str, sentence: str = "") -> int:
    """The line of a page's source with the link `[words]` (else the words) in the part under its
    heading `heading` (else anywhere), one that also has the first words of `sentence` (as
    printed) first; else the heading's line; else 1."""
    lines = [(n, line.casefold()) for n, line in lines_outside_code(raw)]
    start = next((n for n, line in lines if line.lstrip().startswith("#") and heading.casefold() in line), 0)
    opening = " ".join(sentence.split()[:3]).casefold()
    found = []
    for begins in ([opening] if opening else []) + [""]:
        for written in (f"[{words}]".casefold(), words.casefold()):
            found = found or [n for n, line in lines if written in line and begins in line]
    return next((n for n in found if n > start), found[0] if found else start or 1)


@dataclass
class PrintJob:
    html: Path
    pdf: str
    label: str
    large: bool
    short: str = ""


class Documents:
    """Writes the documents as HTML into `folder`, each also in large print unless left out (all
    but the Essentials), from what they share, made once: the templates, the site's stylesheets
    and name, the trainer notes."""

    def __init__(self, built: BuiltSite, sections, glossary, learning, folder: Path, outputs: Outputs):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.outputs, self.env = folder, outputs, documents.environment()
        index = (built.site / "index.html").read_text(encoding="utf-8")
        self.common = {
            "site_name": built.site_name,
            "organisation": built.organisation,
            "built": uk_date(outputs.day),
            "version": outputs.version,
            "contacts": built.contacts,
            "stylesheets": documents.stylesheets(index, "../site/"),
            "print_css": (documents.TEMPLATES / "print.css").read_text(encoding="utf-8"),
            "sections": sections,
            "glossary": glossary,
            "pages": learning,
            "question_count": sum(len(p.questions) for p in learning),
            "notes": [
                {**note, "html": documents.note_html(note["html"], built_file(note["page"]))}
                for note in built.notes
            ],
        }

    def write(self, which, essentials: dict | None = None) -> list[PrintJob]:
        """Write the documents `which` (HANDOUTS, or [ESSENTIALS_DOCUMENT] with `essentials`, the
        parts essentials_parts chose); return a PrintJob for each file."""
        jobs = []
        for template, title, output, label, short, large_too in which:
            pdf_name = getattr(self.outputs, output)
            for large in (False, True) if self.outputs.large_print and large_too else (False,):
                page = self.env.get_template(template).render(
                    **self.common,
                    document_title=title,
                    large_print=large,
                    file_stem=pdf_name(large)[: -len(".pdf")],
                    essentials=essentials or {},
                )
                path = self.folder / pdf_name(large).replace(".pdf", ".html")
                path.write_text(page, encoding="utf-8")
                suffix = " in large print" if large else ""  # one name per document in a list
                jobs.append(PrintJob(path, pdf_name(large), label + suffix, large, short + suffix))
        return jobs


# --- stage 5: print ------------------------------------------------------------------------


def find_chromium(explicit: str | None) -> str:
    """The Chromium to print with: `explicit` when given, else the first of PRINTING_CHROMIUMS there."""
    if explicit:
        if Path(explicit).exists():
            return explicit
        raise ExportError(f"No Chromium at {explicit}: check the path given to --chromium")
    for candidate in PRINTING_CHROMIUMS:
        if Path(candidate).exists():
            return candidate
    raise ExportError(
        f"Chromium is needed to print the PDFs and was not found at {' or '.join(PRINTING_CHROMIUMS)} "
        "(install it with: sudo apt-get install -y chromium-headless-shell)"
    )


# Debian's chromium-headless-shell first: the same Chromium as the chromium package (same version,
# the same PDFs pixel for pixel, tags and bookmarks included), built for headless use only, it
# starts on half the CPU time and prints about a tenth faster (the whole export about a second
# faster, measured 7 December 2026). The chromium package, the browser readers use, prints them
# just as well when the other is missing.
PRINTING_CHROMIUMS = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium")


class Printer:
    """Chromium, started in the background when the export starts, with its tabs open (about a
    second's work, which overlaps the build), printing the documents as they are written.

    `start()` hands it documents, which it prints in the background, each to an A4 PDF with page
    numbers, bookmarks and tags (an accessible PDF), one on each tab at a time (PARALLEL_PRINTS
    tabs); it may be called again with more; `finish()` says there are no more and waits for
    them; leaving the `with` block because of an error cancels the printing.
    The browser may read only local files: any other request is blocked and stops the export.
    """

    def __init__(self, chromium: str | None) -> None:
        # Imported here, before the printing thread starts, not by it: Ctrl+C in the middle of an
        # import in this thread (the build imports as it goes) can leave Python's import lock
        # held, and the printing thread would then wait for it for ever at its first import.
        import playwright.async_api  # noqa: F401

        self._work: queue.Queue = queue.Queue()
        self._error: BaseException | None = None
        self._printed: list[tuple[PrintJob, int]] = []
        self._stop = threading.Event()  # the export failed: print nothing more
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Future | None = None  # the printing, once it has started
        # Set when the printing thread has ended, Chromium closed. Waited for instead of the
        # thread's join(): before Python 3.13, a join that Ctrl+C interrupts marks the thread as
        # ended while it runs on, and the export then left Chromium printing behind it.
        self._ended = threading.Event()
        threading.Thread(target=self._run, args=(chromium,), name="printer", daemon=True).start()

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, failure, *exc) -> None:
        if failure is not None:  # the export failed: stop printing into folders about to go
            self._stop.set()
            loop, task = self._loop, self._task
            if not self._ended.is_set() and loop is not None and task is not None:
                try:
                    loop.call_soon_threadsafe(task.cancel)
                except RuntimeError:  # the printing has just ended and its loop closed: nothing to stop
                    pass
        if not self._ended.is_set():
            self._work.put(None)  # ends the wait for more documents
            # not for ever: a printing thread stuck all the same ends with this process, and
            # Playwright's driver then closes Chromium when its input closes
            self._ended.wait(CLOSING_TIME)

    def start(self, jobs: list[PrintJob], out: Path) -> None:
        """Start printing `jobs` into `out` (as soon as a tab is free: call it again with more)."""
        self._work.put((list(jobs), out))  # a copy: the caller's list may grow

    def finish(self) -> list[tuple[PrintJob, int]]:
        """Wait for the printing; [(job, its number of pages)] in the order they were handed
        over, the longest of each batch first, or the reason it failed, raised."""
        self._work.put(None)  # no more documents
        self._ended.wait()
        if self._error is not None:
            raise self._error
        return self._printed

    def _run(self, chromium: str | None) -> None:
        try:
            with asyncio.Runner(loop_factory=OwnGroupLoop if os.name == "posix" else None) as runner:
                runner.run(self._main(chromium))
        except BaseException as error:  # handed to the main thread by finish()
            self._error = error
        finally:
            self._ended.set()

    async def _main(self, chromium: str | None) -> None:
        from playwright.async_api import Error as PlaywrightError
        from playwright.async_api import async_playwright

        chromium = find_chromium(chromium)
        try:
            async with async_playwright() as pw:
                browser = await pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                try:
                    tabs = await _open_tabs(browser, PARALLEL_PRINTS)  # ready while the site builds
                    self._loop = asyncio.get_running_loop()
                    self._task = asyncio.ensure_future(self._print_as_they_come(tabs))
                    await self._task
                finally:
                    await browser.close()
        except PlaywrightError as error:
            raise ExportError(f"Chromium ({chromium}) could not print the PDFs: {error}") from None

    async def _print_as_they_come(self, tabs: list[Tab]) -> None:
        """Print each batch of documents start() hands over, the longest first, on the first free
        tab, until finish() (or the end of the export) says there are no more."""
        free: asyncio.Queue[Tab] = asyncio.Queue()
        for tab in tabs:
            free.put_nowait(tab)
        printing: list[asyncio.Future] = []
        try:
            while (work := await asyncio.to_thread(self._work.get)) is not None and not self._stop.is_set():
                jobs, out = work
                for job in sorted(jobs, key=lambda job: job.html.stat().st_size, reverse=True):
                    printing.append(asyncio.ensure_future(_print_one(free, job, out)))
            self._printed = list(await asyncio.gather(*printing))
        finally:  # stopped, or one document failed: end the others before Chromium closes
            for task in printing:
                task.cancel()
            await asyncio.gather(*printing, return_exceptions=True)


require(
    "playwright",
    ">=1.65,<1.66",
    "export/pipeline.py's OwnGroupLoop, which puts Playwright's driver in a process group of its own "
    "through the event loop's subprocess_exec (how playwright/_impl/transport.py starts it, "
    "undocumented); tests/test_stopping.py fails if Ctrl+C reaches the driver again",
)


class OwnGroupLoop(asyncio.SelectorEventLoop):
    """The printer's event loop, whose programs (Playwright's driver, which starts Chromium) run
    in a process group of their own. Ctrl+C in a terminal interrupts its whole foreground group:
    the driver, stopped by it in the middle of a call, left asyncio's tracebacks under the
    export's own message. Now only the export is interrupted, and it stops the printing and
    closes Chromium itself (Printer.__exit__). If the export is killed, the driver sees its
    input close and closes Chromium."""

    async def subprocess_exec(self, *args, **kwargs):
        return await super().subprocess_exec(*args, process_group=0, **kwargs)


@dataclass
class Tab:
    """One tab that prints documents one after another, in a browser context of its own (its own
    renderer process, so that the tabs print at the same time), and the addresses outside the
    computer that its documents asked for (each refused)."""

    page: object
    outside: list[str] = field(default_factory=list)

    async def refuse(self, route) -> None:
        self.outside.append(route.request.url)
        await route.abort()


async def _open_tabs(browser, count: int) -> list[Tab]:
    tabs = []
    for _ in range(count):
        context = await browser.new_context()
        tab = Tab(await context.new_page())
        # only requests that leave the computer come here: the browser lets local files through itself
        await context.route(ELSEWHERE, tab.refuse)
        await context.add_init_script(NO_SCREEN_LAYOUT)
        tabs.append(tab)
    return tabs


async def _print_one(free: asyncio.Queue[Tab], job: PrintJob, out: Path) -> tuple[PrintJob, int]:
    """Print `job` on the first free tab: once to learn where each part starts, then again with
    the contents' page numbers. Return it with its number of pages."""
    target = out / job.pdf
    tab = await free.get()
    try:
        page = tab.page
        await page.goto(job.html.as_uri(), wait_until="load")
        hidden = await page.add_style_tag(content=NOTHING_PAINTED)
        await page.pdf(path=str(target), **LAYOUT_ONLY)  # first: where each part starts
        await hidden.evaluate("style => style.remove()")
        starts, _ = destinations_and_pages(target)  # a few milliseconds: on the loop
        unnumbered = await page.evaluate(NUMBER_THE_CONTENTS, starts)
        await page.pdf(path=str(target), **PDF_OPTIONS)  # then: the same pages, numbered
        outside, tab.outside = tab.outside, []
    finally:
        free.put_nowait(tab)
    if outside:
        raise ExportError(f"{job.label} tried to fetch from the network: {', '.join(outside)}")
    if unnumbered:
        missing = ", ".join(unnumbered)
        raise ExportError(f"{job.pdf}: no page found for the contents entries or references {missing}")
    final, count = destinations_and_pages(target)
    if final != starts:
        raise ExportError(f"{job.pdf}: the page numbers moved the pages (a contents entry is too long?)")
    if count < 3:
        raise ExportError(f"{job.pdf} has only {count} page(s); expected a cover, contents and pages")
    return job, count


def destinations_and_pages(pdf: Path) -> tuple[dict[str, int], int]:
    """({anchor: page number} for every place inside the PDF that one of its links goes to, and
    the PDF's number of pages). Chromium writes each such element's id as a named destination.
    Read with PDFium (pypdfium2), which the tests read the PDFs with too: a few milliseconds a
    PDF, where pypdf took up to a tenth of a second, twice for each PDF, between its printings.
    An anchor with letters beyond ASCII is read with pypdf."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    with PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            starts = {}
            for index in range(pdfium.FPDF_CountNamedDests(document.raw)):
                size = ctypes.c_long(0)  # the name's length in bytes, asked for first
                pdfium.FPDF_GetNamedDest(document.raw, index, None, ctypes.byref(size))
                name = ctypes.create_string_buffer(size.value)
                destination = pdfium.FPDF_GetNamedDest(document.raw, index, name, ctypes.byref(size))
                anchor = name.raw[: size.value].decode("utf-16-le").rstrip("\x00")  # UTF-16LE, ended by a 0
                starts[anchor] = pdfium.FPDFDest_GetDestPageIndex(document.raw, destination) + 1
            count = len(document)
        finally:
            document.close()
    if all(anchor.isascii() for anchor in starts):
        return starts, count
    # PDFium reads the bytes of a name as PDFDocEncoding; Chromium writes an id's letters beyond
    # ASCII (an anchor such as #café) in UTF-8, as pypdf reads them (slower, so only then)
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    return {
        str(name).lstrip("/"): reader.get_destination_page_number(destination) + 1
        for name, destination in reader.named_destinations.items()
    }, count


PDFIUM = threading.Lock()  # PDFium is not thread-safe (pypdfium2's documentation): one call at a time


# The contents' page numbers: Chromium prints each document twice. The first PDF says on which
# page each part starts (its links' destinations); the numbers are written into the contents
# (data-page, shown by print.css in a space kept for them, so that nothing else moves) and the
# document is printed again. The page numbers at the foot of each page are Chromium's own
# (`@page` margin boxes, _frame.html). One browser, no other engine: WeasyPrint runs no
# JavaScript, stopped on Material's stylesheets and took three times as long for the handout
# alone; Paged.js in Chromium worked but tripled the printing time and ignored break rules that
# name the body's classes.
NUMBER_THE_CONTENTS = """starts => {
  const unnumbered = [];
  for (const link of document.querySelectorAll(".contents a[href^='#'], a.xref[href^='#']")) {
    const page = starts[decodeURIComponent(link.hash.slice(1))];
    if (page) link.dataset.page = page; else unnumbered.push(link.hash);
  }
  return unnumbered;
}"""
PDF_OPTIONS = {"prefer_css_page_size": True, "print_background": True, "outline": True, "tagged": True}
# The first printing is read only for where each part starts: the same layout, without the tags,
# bookmarks and backgrounds that make up about a third of Chromium's printing time, and with
# nothing painted but the elements links go to (CSS visibility changes no layout): a large-print
# handout's first printing 0.7 s instead of 1.2 s, the same page for every one of its 212 anchors.
LAYOUT_ONLY = {"prefer_css_page_size": True, "print_background": False, "outline": False, "tagged": False}
NOTHING_PAINTED = "body * { visibility: hidden !important } [id] { visibility: visible !important }"
# Each tab's browser would lay a document out for the screen as it loads it, only to lay it out
# again for paper: a style sheet hiding it from the screen, set as the document starts (before
# the parser reaches <head>), saves that first layout (about 0.3 s of a large-print handout's
# 0.6 s load). Print is another medium, so the PDFs are the same.
NO_SCREEN_LAYOUT = """new MutationObserver((_, watching) => {
  if (!document.documentElement) return;
  const style = document.createElement("style");
  style.textContent = "@media screen { html { display: none !important } }";
  document.documentElement.append(style);
  watching.disconnect();
}).observe(document, { childList: true });"""
# Requests the browser may not make: anything but a file on this computer or data written inline.
ELSEWHERE = re.compile(r"^(?!(?:file|data|about):)")


HANDOUT = "the handout (every learning page, self-checks as worksheets, glossary)"
TRAINER_PACK = "the trainer pack (answer key and trainer notes: not for learners)"
ESSENTIALS_MOST_PAGES = 12  # what trainers hand out: the Essentials handout's length at most
ESSENTIALS_TERMS = 10  # the glossary terms it prints: the ten a new member hears first (issue 20)
ESSENTIALS = (
    f"the Essentials handout (at most {ESSENTIALS_MOST_PAGES} pages: who to call, corporate parenting, "
    "each page's key points)"
)
# The documents: (template, title, the Outputs method naming its PDF, label, short name, whether
# it also comes in large print)
HANDOUTS = [
    ("handout.html", "Handout for briefing sessions", "handout", HANDOUT, "handout", True),
    (
        "trainer-pack.html",
        "Trainer pack: answer key and trainer notes",
        "trainer_pack",
        TRAINER_PACK,
        "trainer pack",
        True,
    ),
]
ESSENTIALS_DOCUMENT = ("essentials.html", "Essentials", "essentials", ESSENTIALS, "Essentials", False)
ESSENTIALS_IN_ZIP = "essentials-handout.pdf"  # the Essentials PDF's name inside the offline zip
ESSENTIALS_DATA = "data/essentials.yml"
CONTACTS_PAGE = "contacts.md"
CORPORATE_PARENTING_PAGE = "corporate-parenting.md"
THRESHOLDS_PAGE = "thresholds.md"  # "What to do" and "What not to do" if a constituent is worried
TAKEAWAYS = "Key takeaways"
QUESTIONS = "Questions you could ask"
# The parts of pages the Essentials handout prints besides each learning page's TAKEAWAYS (and its
# QUESTIONS, when it has them): (key, page, heading there, heading in the handout). A part's id in the
# handout is its key with hyphens (essentials_anchor).
ESSENTIALS_FIXED = (
    ("worried", CONTACTS_PAGE, "Which number when?", "If you are worried about a child"),
    ("what_to_do", THRESHOLDS_PAGE, "What to do", "What to do"),
    ("what_not_to_do", THRESHOLDS_PAGE, "What not to do", "What not to do"),
    (
        "principles",
        CORPORATE_PARENTING_PAGE,
        "The seven principles in the law",
        "The seven principles in the law",
    ),
    (
        "priorities",
        CORPORATE_PARENTING_PAGE,
        "Gloucestershire's corporate parenting strategy",
        "The council's six priorities",
    ),
)


def essentials_too_long(pdf: str, pages: int) -> str:
    """The warning for an Essentials handout longer than ESSENTIALS_MOST_PAGES (still exported)."""
    return (
        f"{pdf} has {pages} pages, more than the {ESSENTIALS_MOST_PAGES} the Essentials handout should "
        f"have (it prints each learning page's '{TAKEAWAYS}' and '{QUESTIONS}', and the terms in "
        f"{ESSENTIALS_DATA}): shorten some of them"
    )


def essentials_anchor(key: str) -> str:
    """The id in the Essentials handout of the fixed part `key` (ESSENTIALS_FIXED)."""
    return key.replace("_", "-")


def essentials_headings(learning: list[str]) -> list[tuple[str, str]]:
    """(page, heading) of each part the Essentials handout needs, `learning` being the learning
    pages: without one the export stops (essentials_parts); the content check warns first."""
    return [(src, heading) for _, src, heading, _ in ESSENTIALS_FIXED] + [
        (src, TAKEAWAYS) for src in learning
    ]


# Documents printed at once: one per processor this process may use, at least two (about a third
# faster than one at a time on two cores, where three were no faster than two), and at most four
# (there are five documents, and the Essentials is small); each has a tab open from the start.
PROCESSORS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 2
PARALLEL_PRINTS = min(max(2, PROCESSORS), 4)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


CLOSING_TIME = 20  # seconds a failed or stopped export waits for Chromium to close, at most


# --- stage 6: move into place --------------------------------------------------------------


def move_into_place(new: Path, dist: Path) -> None:
    """Swap the finished folder in as dist/ with renames, so dist/ is never half written.

    `new` must be on the same file system as dist/ (it is made next to it).
    """
    old = dist.with_name(f".{dist.name}-old-{os.getpid()}")
    rename_all([*([(dist, old)] if dist.exists() else []), (new, dist)])
    shutil.rmtree(old, ignore_errors=True)


def rename_all(moves: list[tuple[Path, Path]]) -> None:
    """Rename each (from, to) in turn. If one fails, undo the ones made, last first, so that the
    folders are as they were, and raise its OSError; if an undo fails too, stop there and raise
    StuckRenames with every rename still to do by hand."""
    done: list[tuple[Path, Path]] = []
    try:
        for source, destination in moves:
            os.replace(source, destination)
            done.append((source, destination))
    except (OSError, KeyboardInterrupt) as error:  # Ctrl+C between two renames: undo them too
        while done:
            source, destination = done[-1]
            try:
                os.replace(destination, source)
            except OSError:
                raise StuckRenames(error, [(to, back) for back, to in reversed(done)]) from None
            done.pop()
        raise


class StuckRenames(Exception):
    """rename_all could not put the folders back: `error` is the failure it was undoing, `steps`
    the renames (from, to) still to do by hand, in order."""

    def __init__(self, error: BaseException, steps: list[tuple[Path, Path]]):
        self.error, self.steps = error, steps
        self.todo = ", then ".join(f"rename {source} to {target}" for source, target in steps)
        super().__init__(
            f"{getattr(error, 'strerror', None) or str(error) or 'stopped'}, and the folders could not "
            f"be put back as they were: {self.todo}, by hand"
        )


# --- names, dates, versions, progress ------------------------------------------------------


def content_version(project: Path) -> str:
    """The git commit of the content (short hash; '-modified' if files were changed since), or
    'dev' when the project is not a git repository of its own."""
    try:
        top = git_output(project, "rev-parse", "--show-toplevel")
        if top is None or Path(top).resolve() != project.resolve():
            return "dev"
        described = git_output(project, "describe", "--always", "--abbrev=7", "--dirty=-modified")
    except (OSError, subprocess.SubprocessError):
        return "dev"
    return safe_version(described or "") or "dev"


def git_output(project: Path, *args: str) -> str | None:
    """What `git ARGS` prints in the project, stripped; None when git fails."""
    result = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, timeout=20)
    return result.stdout.strip() if result.returncode == 0 else None


def safe_version(text: str) -> str:
    """A version that is safe in a file name on any system."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")


class Progress:
    """Prints each stage with its number, what it found, and how long it took."""

    def __init__(self, total: int = STAGES) -> None:
        self.total, self.number, self.current = total, 0, "the start"
        self.warnings: list[str] = []

    @contextmanager
    def stage(self, title: str):
        self.number += 1
        self.current = f"stage {self.number} of {self.total}, {title}"
        print(f"[{self.number}/{self.total}] {title} ...", flush=True)
        started = time.perf_counter()
        yield self
        print(f"      done in {time.perf_counter() - started:.1f} s", flush=True)

    def detail(self, text: str) -> None:
        print(f"      {text}", flush=True)

    def warn(self, text: str) -> None:
        """Say it now, and again after the list of files (main), where it is not missed."""
        self.warnings.append(text)
        self.detail(f"WARNING: {text}")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
