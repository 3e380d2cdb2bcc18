"""Run every check over the project, build the site once, and print the trainers' report.

    nox -s check                        (or: python -m check)
    nox -s check -- --today 2027-10-01  (pretend it is another day, e.g. to see what falls due)

The build runs in this process, into a temporary folder, with the same hooks and settings as
`nox -s build`, except that a page without a self-check does not stop it (the report lists those
pages itself), so one missing quiz does not hide every broken link. If the build still stops
(an error in a data file or in a page's front matter), the report says so: fix that error and
run the check again to see the links, images without alt text, glossary terms and reading levels
of the pages after it (the report takes those from the build, rather than finding them a second
time: the reading level is measured on each page's HTML as the build made it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from check import content
from check.content import ERROR, WARNING, Problem
from induction.building import InProcessBuild, build_in_process, mkdocs_log_to, problem_of
from induction.common import DataError, read_source
from induction.dates import today, uk_date
from induction.front_matter import split_front_matter
from induction.glossary import GLOSSARY_PAGE
from induction.learner_text import learner_lines
from induction.learning_path import path_pages, reading_minutes
from induction.nav import nav_paths
from induction.text import HTML_START
from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "check/report.py's build_site, which adds its PageHtml plugin to a loaded config's plugins "
    "(MkDocs' PluginCollection registers a plugin's events when it is set: its docstring says so, "
    "the plugin guide does not)",
)

ROOT = Path(__file__).resolve().parent.parent
HTML_REPORT = Path("reports") / "content-check.html"


@dataclass
class PageReport:
    src: str  # e.g. services/front-door.md
    title: str
    in_nav: bool
    review: str = ""
    grade: float | None = None
    built: bool = True  # False when the build stopped before this page: no reading level
    quiz: str = ""
    glossary: str = ""
    problems: list[Problem] = field(default_factory=list)
    display: str = field(init=False)  # the page as messages name it: docs/services/front-door.md

    def __post_init__(self) -> None:
        self.display = f"docs/{self.src}"

    def count(self, level: str) -> int:
        return sum(p.level == level for p in self.problems)


@dataclass
class Report:
    site_name: str
    on: dt.date
    pages: list[PageReport] = field(default_factory=list)
    other: list[Problem] = field(default_factory=list)  # data files, mkdocs.yml, the build
    notes: list[str] = field(default_factory=list)

    def all_problems(self) -> list[Problem]:
        return [p for page in self.pages for p in page.problems] + self.other

    def count(self, level: str) -> int:
        return sum(p.level == level for p in self.all_problems())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 noxfile.py -s check --",
        description="Check every page and data file and print a report a trainer can act on.",
    )
    parser.add_argument("--today", help="pretend it is this day (YYYY-MM-DD) for the review dates")
    parser.add_argument("--project", default=str(ROOT), help="the project folder (default: this one)")
    parser.add_argument("--html", help=f"where to write the HTML report (default: {HTML_REPORT})")
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    try:
        on = dt.date.fromisoformat(args.today) if args.today else today()
    except ValueError:
        parser.error(f"--today {args.today} is not a date: write it as YYYY-MM-DD")
    report = run_checks(project, on)
    print(render_text(report))
    out = Path(args.html) if args.html else project / HTML_REPORT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(report), encoding="utf-8")
    print(f"The same report as a web page: {out}")
    return 1 if report.count(ERROR) else 0


# --- Gathering ------------------------------------------------------------------------------


def run_checks(project: Path, on: dt.date) -> Report:
    """Every check on every page of `project`, plus one build of the site, whose findings (links,
    images without alt text, acronyms missing from the glossary, data errors) the report reuses."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from export.lms import pass_mark
    from induction.pages import check_settings_files

    config_file = project / "mkdocs.yml"
    report = Report(site_name=project.name, on=on)
    try:
        read_source(config_file, "mkdocs.yml")
        # a key given twice: MkDocs keeps the last, and every check that reads the settings would
        # then report what the lost one held (15 pages "without a self-check" for a second extra:)
        check_settings_files(config_file)
    except DataError as error:  # MkDocs would stop with a traceback, or far from the cause
        report.other.append(Problem.of(error, kind="data"))
        return report
    try:
        with mkdocs_log_to():
            config = load_config(config_file=str(config_file))
    except Exception as error:  # a broken mkdocs.yml: nothing else can be checked
        report.other.append(
            Problem(
                "mkdocs.yml", None, ERROR, "build", f"the settings cannot be read: {error}", SETTINGS_TODO
            )
        )
        return report
    report.site_name = config.site_name
    try:  # a slip here drops the LMS packages' pass mark: the export stops on it, so say so now
        pass_mark(config.extra)
    except DataError as error:
        report.other.append(Problem.of(error, kind="data"))

    settings = config.extra.get("quizzes") if isinstance(config.extra.get("quizzes"), dict) else {}

    docs = Path(config.docs_dir)

    built, built_html = build_site(config_file, on)
    quizzes, broken_quizzes = quiz_files(project, built, report)
    sources = known_sources(built)
    # Each problem once, in the order the build found them.
    found = list({p.where_and_what: p for p in content.build_problems(built.records, built.error)}.values())
    used = glossary_usage(built)
    acronyms = glossary_acronyms(built)

    nav = nav_paths(config.nav)
    files = get_files(config)
    srcs = [f.src_uri for f in files.documentation_pages()]
    ordered = [s for s in nav if s in srcs] + sorted(s for s in srcs if s not in nav)
    texts, not_text = page_texts(docs, ordered)
    front = front_matter(built, texts, sources, on)
    for src in ordered:
        display = f"docs/{src}"
        unreadable = not_text.get(src) or front.unreadable.get(display)
        if unreadable:
            page = PageReport(src=src, title=src, in_nav=src in nav, review="not checked", quiz="not checked")
            page.problems = [Problem.of(unreadable, kind="encoding" if src in not_text else "front matter")]
            report.pages.append(page)
            continue
        page = check_page(
            src,
            texts[src],
            src in nav,
            on,
            (front.problems.get(display, []), front.overdue.get(display)),
            quizzes.get(src),
            settings,
            broken_quizzes,
            html=built_html.get(src),
            acronyms=acronyms,
        )
        page.problems = sorted(
            page.problems + [p for p in found if p.path == page.display and p.kind in PAGE_KINDS],
            key=lambda p: (p.line or 0, p.level != ERROR),
        )
        if used is not None:
            missing = [p.subject for p in found if p.path == page.display and p.kind == "glossary"]
            page.glossary = content.glossary_status(used.get(src, 0), missing)
        report.pages.append(page)

    by_page = {page.display: page for page in report.pages}
    for problem in essentials_gaps(built, built_html):
        if problem.path in by_page:
            by_page[problem.path].problems.append(problem)
    report.other += essentials_term_gaps(project, built_html.get(GLOSSARY_PAGE))
    seen = {p.where_and_what for p in report.all_problems()}
    for problem in found:
        if problem.where_and_what in seen:  # the build stopped at a problem the page's checks found
            continue
        seen.add(problem.where_and_what)
        page = by_page.get(problem.path)
        (page.problems if page else report.other).append(problem)
    if built.error is not None:
        skipped = (
            "the links, images, glossary terms and reading levels of the pages after it were not checked"
            if sources is not None
            else "the sources each page names in its front matter, and the links, images, glossary "
            "terms and reading levels of every page, were not checked (it stopped before it read "
            "the data files)"
        )
        report.notes.append(
            f"The site build stopped at an error, so {skipped}. Fix the errors, then run the check again."
        )
    elif sources is None:
        report.notes.append("Sources were not checked: the project has no hooks/facts.py.")
    if used is None and built.error is None:
        report.notes.append(
            "Glossary terms were not checked: the project has no hooks/glossary.py or data/glossary.yml."
        )
    return report


def essentials_gaps(built: InProcessBuild, pages_html: dict[str, str]) -> list[Problem]:
    """A warning for each heading the Essentials handout prints that a built page lacks (a
    learning page's Key takeaways, Contacts' "Which number when?", ...): the website is fine
    without it, but the export stops there."""
    from export.documents import section_html
    from export.pipeline import essentials_headings

    extra = getattr(built.config, "extra", None) or {}
    learning = [page["src"] for page in path_pages(extra.get("learning_sections") or [])]
    return [
        Problem(
            f"docs/{src}",
            None,
            WARNING,
            "export",
            f"no heading '{heading}', which the Essentials handout prints",
            "keep the heading, or the export (python3 noxfile.py -s export) stops here: the handout "
            "prints what is under it",
        )
        for src, heading in essentials_headings(learning)
        if src in pages_html and section_html(pages_html[src], heading) is None
    ]


def essentials_term_gaps(project: Path, glossary_html: str | None) -> list[Problem]:
    """A warning for each term data/essentials.yml chooses that the Glossary page (as the build
    made it) has no entry for: the website is fine, but the export stops there."""
    from export.pipeline import ESSENTIALS_DATA, chosen_terms

    if glossary_html is None or not (project / ESSENTIALS_DATA).exists():
        return []
    try:
        _, unknown = chosen_terms(project, glossary_html)
    except DataError as error:
        unknown = [error]
    return [Problem.of(error, WARNING, kind="export") for error in unknown]


def check_page(
    src,
    raw,
    in_nav,
    on,
    front_matter,
    quiz,
    settings,
    broken_quizzes=frozenset(),
    html=None,
    acronyms=None,
) -> PageReport:
    """The checks of one page's text that the build does not make: reading level, figures without
    a date, acronyms used before they are spelled out (`acronyms`: the glossary's, term ->
    expansion), the self-check; and its review status, with what the build found in its front
    matter (`front_matter`: its problems and overdue review, from FrontMatterFindings). `html` is
    the page's HTML as the build made it (None when the build stopped before the page): the
    reading level is measured on it."""
    display = f"docs/{src}"
    meta, body, offset = split_front_matter(raw)
    title = str(meta.get("title") or src)
    page = PageReport(src=src, title=title, in_nav=in_nav)
    lines = learner_lines(body, offset)
    page.review, problems = content.review_status(meta, raw, display, on, *front_matter)
    page.built = html is not None
    page.grade = content.reading_grade(html) if page.built else None
    explained = bool(meta.get("reading_level_note"))
    problems += content.reading_problems(page.grade, display, content.title_line(lines), explained)
    problems += content.undated_figures(lines, display)
    problems += content.skipped_headings(lines, display)
    if in_nav and is_learning_page(src, meta):
        problems += content.learning_points(lines, display)
        problems += content.long_page(reading_minutes(body), display, content.title_line(lines))
    problems += content.unexplained_acronyms(lines, display, acronyms or {})
    page.quiz, found = content.quiz_status(src, quiz, in_nav, settings, broken_quizzes)
    problems += found
    page.problems = problems
    return page


def is_learning_page(src: str, meta: dict) -> bool:
    """A page of the learning path (Start here, Contacts and every learning page; not My
    progress, the Glossary, About this site or the trainer guide): the pages the house style's
    "What you will learn" rules are for."""
    in_path = meta.get("in_learning_path", True) is not False
    return in_path and src != GLOSSARY_PAGE and not src.startswith("trainers/")


def page_texts(docs: Path, srcs: list[str]) -> tuple[dict[str, str], dict[str, DataError]]:
    """Each page's text by its path under docs/, and the error for each page that is not UTF-8
    text (the build stops at the first, before it reads any page's front matter)."""
    texts, not_text = {}, {}
    for src in srcs:
        try:
            texts[src] = read_source(docs / src, f"docs/{src}")
        except DataError as error:
            not_text[src] = error
    return texts, not_text


def front_matter(built: InProcessBuild, texts: dict[str, str], sources: dict | None, on: dt.date):
    """Every page's front matter as the build checked it before converting any page
    (induction.pages.FrontMatterFindings, which hooks/pages.py keeps in the settings' extra). Only
    when the build stopped before it got to the pages (at a file that is not UTF-8, a data or quiz
    file's error) are they checked here, the same way, so that every page's problems are listed.
    `texts`: each page's text by its path under docs/; `sources` None: the data files did not load."""
    from induction.pages import FrontMatterFindings

    extra = getattr(built.config, "extra", None) or {}
    found = extra.get("front_matter")
    if isinstance(found, FrontMatterFindings):
        return found
    facts = extra.get("facts")
    contacts = facts.get("contacts") if isinstance(facts, dict) else None  # None: data not loaded
    return FrontMatterFindings.of(
        ((f"docs/{src}", text) for src, text in texts.items()), sources, on, contacts
    )


def quiz_files(project: Path, built: InProcessBuild, report: Report) -> tuple[dict, set[str]]:
    """The quizzes by page, and the names of quiz files that have an error (each in the report).

    The build reads every quiz file one by one, so one broken file does not hide the quizzes of
    every other page, and keeps what it read even when it stops at the first problem
    (induction.quizzes.built_quiz_files): the report takes that. Only when the build stopped before
    it got to the quiz files (at an error in a data file) are they read here, the same way.
    """
    from induction.quizzes import QUIZ_DIR, built_quiz_files, read_quiz_files

    files = built_quiz_files(built.config, problem_of(built.error))
    if files is None:
        files = read_quiz_files(project / QUIZ_DIR, project)
    report.other += [Problem.of(error, kind="data") for error in files.errors]
    return {quiz.page: quiz for quiz in files.quizzes}, files.broken


def known_sources(built: InProcessBuild) -> dict | None:
    """The sources in data/sources.yml as the build read them (hooks/facts.py puts the data files
    in config.extra["facts"]), or None when the build stopped before it read them: then which
    sources exist is not known, and the build's own error says what is wrong with the data."""
    facts = built.config.extra.get("facts") if built.config is not None else None
    return facts.get("sources", {}) if isinstance(facts, dict) else None


def glossary_usage(built: InProcessBuild) -> dict[str, int] | None:
    """How many glossary entries each page links, as the build's glossary counted them; None when
    the build had no glossary (or stopped before it was set up)."""
    found = _glossary(built)
    return {page: len(entries) for page, entries in found.used_by.items()} if found else None


def glossary_acronyms(built: InProcessBuild) -> dict[str, str]:
    """The acronyms of the build's glossary, each with the words it stands for ({} when the build
    had no glossary, or stopped before it was set up)."""
    found = _glossary(built)
    return {e.term: e.expansion for e in found.glossary.entries if e.expansion} if found else {}


def _glossary(built: InProcessBuild):
    from induction.glossary import glossary_extension

    return glossary_extension(built.config) if built.config is not None else None


def build_site(config_file: Path, on: dt.date) -> tuple[InProcessBuild, dict[str, str]]:
    """Build the site in a temporary folder, keeping its warnings and errors and what stopped it,
    and each page's HTML as the build made it (by its path under docs/).

    Not strict, so that every warning is collected rather than the first; a missing self-check
    does not stop it (the report has its own line for that); never in trainer view.
    """
    pages = PageHtml()

    def adjust(config) -> None:
        quizzes = config.extra.get("quizzes")
        if isinstance(quizzes, dict):
            config.extra["quizzes"] = {**quizzes, "require": False}
        config.plugins["content-check/page-html"] = pages  # registers its event, as for any plugin

    env = {"INDUCTION_TODAY": on.isoformat(), "INDUCTION_TRAINER_VIEW": None}
    with tempfile.TemporaryDirectory(prefix="content-check-") as site:
        return build_in_process(config_file, Path(site), env=env, adjust=adjust), pages.html


class PageHtml(BasePlugin):
    """Keeps each page's HTML as the build made it, after every hook and plugin has changed it."""

    def __init__(self) -> None:
        self.html: dict[str, str] = {}

    @event_priority(-100)  # after every other page_content event
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.html[page.file.src_uri] = html
        return html


# --- Writing the report ---------------------------------------------------------------------


def render_text(report: Report) -> str:
    errors, warnings = report.count(ERROR), report.count(WARNING)
    lines = [
        f"Content check: {report.site_name}",
        f"{uk_date(report.on)}: {len(report.pages)} pages, {_n(errors, 'error')}, {_n(warnings, 'warning')}.",
        "",
    ]
    if report.other:
        lines.append("Whole site (data files, settings, build)")
        lines += [f"  {_label(p)} {p}" for p in report.other]
        lines.append("")
    for page in report.pages:
        lines.append(f"{page.display}  ({page.title})")
        lines.append(f"  review:      {page.review}")
        lines.append(f"  reading:     {_grade(page)}")
        lines.append(f"  self-check:  {page.quiz}")
        if page.glossary:
            lines.append(f"  glossary:    {page.glossary}")
        if not page.in_nav:
            lines.append(
                "  note:        not in the nav (mkdocs.yml), so readers cannot find it from the menu"
            )
        lines += [f"  {_label(p)} {p}" for p in page.problems] or ["  no problems"]
        lines.append("")
    lines += [f"Note: {note}" for note in report.notes]
    if report.notes:
        lines.append("")
    if errors:
        lines.append(f"{_n(errors, 'error')} to fix before publishing:")
        lines += [f"  {p}" for p in report.all_problems() if p.level == ERROR]
        lines.append("")
    lines.append(
        f"Summary: {_n(errors, 'error')}, {_n(warnings, 'warning')} on {len(report.pages)} pages. "
        + (
            "Errors stop the site from being published: fix each one at the file and line shown, "
            "then run `python3 noxfile.py -s check` again. Warnings are advice."
            if errors
            else "No errors: the site can be published. Warnings are advice."
        )
    )
    return "\n".join(lines)


def _label(problem: Problem) -> str:
    return "ERROR  " if problem.level == ERROR else "WARNING"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _grade(page: PageReport) -> str:
    grade = page.grade
    if not page.built:
        return "not measured: the site build stopped before this page"
    if grade is None:
        return "too few words to measure"
    verdict = "fine" if grade <= 9 else ("a little hard" if grade <= content.READING_GRADE_LIMIT else "hard")
    return f"grade {grade} ({verdict}; aim for 9 or lower)"


def render_html(report: Report) -> str:
    """The report as one self-contained web page (no request to any other file or host)."""
    esc = html.escape
    errors, warnings = report.count(ERROR), report.count(WARNING)

    def problem_items(problems: list[Problem]) -> str:
        if not problems:
            return "<p>No problems.</p>"
        items = "".join(
            f'<li class="{p.level}"><strong>{"Error" if p.level == ERROR else "Warning"}</strong> '
            f"<code>{esc(p.path)}{':' + str(p.line) if p.line else ''}</code>: {esc(p.problem)}. "
            f"<span class='todo'>What to do: {esc(p.todo)}.</span></li>"
            for p in problems
        )
        return f"<ul>{items}</ul>"

    rows = "".join(
        f"<tr><th scope='row'><a href='#{_anchor(page.src)}'>{esc(page.title)}</a><br>"
        f"<code>{esc(page.display)}</code></th><td>{esc(page.review)}</td><td>{esc(_grade(page))}</td>"
        f"<td>{esc(page.quiz)}</td><td>{esc(page.glossary or '-')}</td>"
        f"<td>{page.count(ERROR)}</td><td>{page.count(WARNING)}</td></tr>"
        for page in report.pages
    )
    sections = "".join(
        f"<section id='{_anchor(page.src)}'><h3>{esc(page.title)} <code>{esc(page.display)}</code></h3>"
        f"{problem_items(page.problems)}</section>"
        for page in report.pages
        if page.problems
    )
    other = f"<h2>Whole site</h2>{problem_items(report.other)}" if report.other else ""
    notes = "".join(f"<p class='note'>{esc(note)}</p>" for note in report.notes)
    verdict = (
        "Errors stop the site from being published: fix each one at the file and line shown, then run "
        "<code>python3 noxfile.py -s check</code> again. Warnings are advice."
        if errors
        else "No errors: the site can be published. Warnings are advice."
    )
    return HTML_PAGE.format(
        title=esc(f"Content check: {report.site_name}"),
        day=esc(uk_date(report.on)),
        pages=len(report.pages),
        errors=_n(errors, "error"),
        warnings=_n(warnings, "warning"),
        verdict=verdict,
        other=other,
        notes=notes,
        rows=rows,
        sections=sections or "<p>No problems on any page.</p>",
    )


def _anchor(src: str) -> str:
    return "page-" + "".join(c if c.isalnum() else "-" for c in src)


PAGE_KINDS = {"image", "glossary"}  # found by the build, listed by line with the page's own checks
SETTINGS_TODO = (
    "undo the last change to mkdocs.yml, or run `python3 noxfile.py -s build` to see the message in context"
)
HTML_PAGE = (
    HTML_START
    + """<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; margin: 2rem auto; max-width: 70rem;
  padding: 0 1rem; color: #1a1a1a; background: #fff; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #767676; padding: 0.4rem; text-align: left; vertical-align: top; }}
thead th {{ background: #e8eef3; }}
li {{ margin-bottom: 0.5rem; }}
li.error strong {{ color: #a4000f; }}
li.warning strong {{ color: #6b4b00; }}
.summary {{ font-size: 1.15rem; }}
.note {{ border-left: 4px solid #1d4f73; padding-left: 0.75rem; }}
a {{ color: #1d4f73; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="summary">Checked on {day}: {pages} pages, {errors}, {warnings}.</p>
<p>{verdict}</p>
{notes}
{other}
<h2>Pages</h2>
<table>
<caption>Each page's review status, reading level (Flesch-Kincaid grade), self-check and problems</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Review</th><th scope="col">Reading level</th>
<th scope="col">Self-check</th><th scope="col">Glossary</th><th scope="col">Errors</th>
<th scope="col">Warnings</th></tr></thead>
<tbody>{rows}</tbody>
</table>
<h2>Problems, page by page</h2>
{sections}
</main>
</body>
</html>
"""
)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
