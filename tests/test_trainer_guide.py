"""The trainer guide (docs/trainers/): its worked examples are real files that these tests apply
to a copy of the project and build strictly, so the guide cannot drift from the code; its table
of error messages covers every message the hooks and the check can give."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.utils import meta

from conftest import ROOT, Build, copy_project, run_build, tasks_file
from induction.front_matter import split_front_matter
from induction.learner_text import learner_lines
from test_law import trainer_notes  # a page's trainer notes, as the law's tests read them

GUIDE = ROOT / "docs" / "trainers"
EXAMPLES = GUIDE / "examples"
NEW_PAGE = "services/new-page.md"
VPN_LINE = "Staff who work away from the office use the council's VPN."


def example(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


EXAMPLE_DAY = "2027-06-01"  # after the examples' last_reviewed, before their review_due


def code_lines(text: str) -> list[str]:
    """An example file without its comment lines (the notes to the trainer)."""
    return [line for line in text.rstrip("\n").split("\n") if not line.lstrip().startswith("#")]


def guide_text_block(page: str, contains: str) -> str:
    """The ```text block of a guide page that contains `contains`."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    blocks = re.findall(r"^```text\n(.*?)\n```", text, re.S | re.M)
    return next(b for b in blocks if contains in b)


# --- Applying the worked examples, as the guide tells a trainer to ---------------------------


def add_new_page(project: Path) -> None:
    """Edit and add pages, steps 1 and 3: the template as a page, and its line in the nav."""
    (project / "docs" / NEW_PAGE).write_text(example("learning-page.md"), encoding="utf-8")
    *_, context, entry = code_lines(example("nav-entry.yml"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"\n{context}\n" in text, (
        f"docs/trainers/examples/nav-entry.yml: the line {context.strip()!r} is not in mkdocs.yml's nav any "
        "more: update the example to show a line that is"
    )
    config.write_text(text.replace(f"\n{context}\n", f"\n{context}\n{entry}\n", 1), encoding="utf-8")


def add_quiz(project: Path) -> None:
    (project / "quizzes" / "services-new-page.yml").write_text(example("quiz.yml"), encoding="utf-8")


def without_vpn(project: Path) -> None:
    """The copy's glossary without a VPN entry: a trainer who has added the guide's example for
    real keeps the examples' tests working (they start from a glossary that lacks it)."""
    glossary = project / "data" / "glossary.yml"
    lines = glossary.read_text(encoding="utf-8").split("\n")
    start = next(
        (n for n, line in enumerate(lines) if re.fullmatch(r"  - term: [\"']?VPN[\"']?", line)), None
    )
    if start is not None:
        end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("  - term:")), len(lines))
        del lines[start:end]
        glossary.write_text("\n".join(lines), encoding="utf-8")


def mention_vpn(project: Path) -> None:
    """The page that, in the glossary example, uses an acronym the glossary lacks (at line 20)."""
    without_vpn(project)
    page = project / "docs" / NEW_PAGE
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[19:19] = [VPN_LINE, ""]
    page.write_text("\n".join(lines), encoding="utf-8")


def add_glossary_term(project: Path) -> None:
    without_vpn(project)
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    entry = "\n".join(code_lines(example("glossary-term.yml")))
    assert "\nterms:\n" in text
    glossary.write_text(text.replace("\nterms:\n", f"\nterms:\n{entry}\n\n", 1), encoding="utf-8")


def change_person(project: Path) -> None:
    people = project / "data" / "people.yml"
    key, *fields = code_lines(example("person.yml"))
    blocks = people.read_text(encoding="utf-8").split("\n\n")
    index = next(i for i, block in enumerate(blocks) if block.lstrip().startswith(key))
    blocks[index] = "\n".join([key, *fields])
    people.write_text("\n\n".join(blocks), encoding="utf-8")


def add_trainer_note(project: Path) -> None:
    page = project / "docs" / NEW_PAGE
    text = page.read_text(encoding="utf-8")
    after = "(April 2025, Members Induction slides).\n"
    assert after in text
    page.write_text(text.replace(after, after + "\n" + example("trainer-note.md"), 1), encoding="utf-8")


def give_example_dates(page: Path) -> None:
    """Set the review dates example's dates in `page`'s front matter (its first lines of them)."""
    text = page.read_text(encoding="utf-8")
    for line in code_lines(example("review-dates.yml")):
        field, value = line.split(": ", 1)
        text = re.sub(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.M)
    page.write_text(text, encoding="utf-8")


def same_review_dates(project: Path) -> None:
    """Give every page of the copy the review dates example's dates, in its front matter: the
    examples are built on fixed days (EXAMPLE_DAY, and one past the example's review_due), which
    the real pages' dates, moving as trainers review them, must not make a page reviewed "in the
    future" or overdue."""
    for path in (project / "docs").rglob("*.md"):
        if path.read_text(encoding="utf-8").startswith("---\n"):  # front matter comes first
            give_example_dates(path)


def set_review_dates(project: Path) -> None:
    give_example_dates(project / "docs" / NEW_PAGE)


NEW_FRONT_DOOR = "020 7946 0000"  # kept by Ofcom for drama (valid in form, never in use): it rings no one


def change_phone(project: Path) -> None:
    contacts = project / "data" / "contacts.yml"
    data = yaml.safe_load(contacts.read_text(encoding="utf-8"))
    old = data["front_door"]["phone"]
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(f'"{old}"', f'"{NEW_FRONT_DOOR}"', 1))


def page_url(src: str) -> str:
    return (
        "index.html" if src == "index.md" else src.removesuffix(".md").removesuffix("/index") + "/index.html"
    )


@pytest.fixture(scope="module")
def examples_project(tmp_path_factory) -> Path:
    """A copy of the project with every worked example applied except the glossary entry."""
    project = copy_project(tmp_path_factory.mktemp("guide") / "project")
    same_review_dates(project)
    add_new_page(project)
    add_quiz(project)
    mention_vpn(project)
    change_person(project)
    add_trainer_note(project)
    set_review_dates(project)
    change_phone(project)
    return project


@pytest.fixture(scope="module")
def without_glossary_entry(examples_project, tmp_path_factory) -> Build:
    return run_build(
        examples_project, tmp_path_factory.mktemp("no-term") / "site", env={"INDUCTION_TODAY": EXAMPLE_DAY}
    )


@pytest.fixture(scope="module")
def examples_site(examples_project, without_glossary_entry, tmp_path_factory) -> Build:
    add_glossary_term(examples_project)
    build = run_build(
        examples_project, tmp_path_factory.mktemp("examples") / "site", env={"INDUCTION_TODAY": EXAMPLE_DAY}
    )
    assert build.returncode == 0, (
        f"the guide's worked examples do not build (run: nox -s build):\n{build.output}"
    )
    return build


def test_glossary_example_the_build_asks_for_the_term(without_glossary_entry):
    assert without_glossary_entry.returncode != 0
    message = guide_text_block("glossary-terms.md", "looks like an acronym")
    assert message in without_glossary_entry.output


def test_glossary_example_the_new_term_is_explained(examples_site):
    page = examples_site.html(page_url(NEW_PAGE))
    link = page.select_one("article a.glossary-term[href$='#vpn']")
    assert link is not None and "virtual private network" in link["title"].lower()
    glossary = examples_site.html("glossary/index.html")
    assert glossary.find(id="vpn") is not None


def test_new_page_example_builds_with_every_part(examples_site):
    soup = examples_site.html(page_url(NEW_PAGE))
    article = soup.select_one("article")
    assert article.find("h1").get_text(strip=True).rstrip("¶") == "Title of the page"
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")]
    assert headings[0] == "What you will learn"
    assert headings[-2:] == ["Key takeaways", "Check your understanding"]
    assert "Questions you could ask" in headings
    nav = soup.select_one("nav.md-nav--primary")
    assert "Title of the page" in nav.get_text(" "), "the nav-entry example did not put the page in the menu"
    text = article.get_text(" ")
    assert "{{" not in text and NEW_FRONT_DOOR in text


def test_quiz_example_becomes_the_pages_self_check(examples_site):
    soup = examples_site.html(page_url(NEW_PAGE))
    questions = soup.select("article .quiz")
    assert len(questions) == len(yaml.safe_load(example("quiz.yml"))["questions"]) == 3
    assert NEW_FRONT_DOOR in soup.select_one("article").get_text(" ")  # facts work in feedback too


def test_contact_example_a_changed_number_reaches_every_page(examples_site):
    for page in examples_site.pages():
        soup = examples_site.html(str(page.relative_to(examples_site.site)))
        if soup.select_one(".md-banner .worried") is None:
            continue
        assert NEW_FRONT_DOOR in soup.select_one(".md-banner .worried").get_text(" "), page
    contacts = examples_site.html("contacts/index.html").select_one("article").get_text(" ")
    assert NEW_FRONT_DOOR in contacts


def test_person_example_every_page_shows_the_new_name(examples_site):
    key, *fields = code_lines(example("person.yml"))
    entry = yaml.safe_load("\n".join([key, *fields]))[key.rstrip(":")]
    pages = [
        p for p in (ROOT / "docs").rglob("*.md") if f"people.{key.rstrip(':')}.name" in p.read_text("utf-8")
    ]
    assert pages, "no page shows the example's person: choose a role a page names"
    for src in pages:
        rel = src.relative_to(ROOT / "docs").as_posix()
        if rel.startswith("trainers/"):
            continue
        assert entry["name"] in examples_site.html(page_url(rel)).select_one("article").get_text(" "), rel


def test_trainer_note_example_is_hidden_from_learners(examples_site):
    note_text = "Ask the service which month it counts"
    assert note_text in example("trainer-note.md")
    assert note_text not in examples_site.html(page_url(NEW_PAGE)).get_text(" ")
    index = json.loads((examples_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("services/new-page/")]
    assert entries and not [d for d in entries if note_text in d["text"]]


def test_trainer_note_example_shows_in_the_trainer_view(examples_project, examples_site, tmp_path):
    trainer_view = {"INDUCTION_TRAINER_VIEW": "1", "INDUCTION_TODAY": EXAMPLE_DAY}
    build = run_build(examples_project, tmp_path, env=trainer_view, strict=False)
    assert build.returncode == 0, build.output
    page = build.html(page_url(NEW_PAGE))
    note = page.select_one("article .admonition.trainer")
    assert note is not None
    assert "Trainer note — not shown to learners: Ask the service for the date" in note.get_text(" ")


def test_review_dates_example_shows_at_the_foot_of_the_page(examples_site):
    review = examples_site.html(page_url(NEW_PAGE)).select_one(".page-review").get_text(" ", strip=True)
    assert "Page last reviewed: 1 March 2027" in review
    assert "Next review due: 1 March 2028" in review


def test_review_dates_example_an_overdue_page_stops_the_build(examples_project, examples_site, tmp_path):
    build = run_build(examples_project, tmp_path / "site", env={"INDUCTION_TODAY": "2028-03-02"})
    assert build.returncode != 0
    message = guide_text_block("review-dates.md", "past its review date")
    assert message in build.output


def test_review_dates_example_the_check_warns_60_days_ahead(examples_project, examples_site, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "check", "--project", str(examples_project), "--today", "2028-01-15"]
        + ["--html", str(tmp_path / "report.html")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert f"WARNING docs/{NEW_PAGE}:6: review is due within 60 days (review_due 2028-03-01)" in result.stdout


# --- The guide itself ------------------------------------------------------------------------

NAV_SECTION = re.search(
    r"^      - Trainer guide:\n((?:          - .*\n)+)", (ROOT / "mkdocs.yml").read_text(), re.M
)


def guide_pages() -> list[str]:
    return sorted(p.relative_to(ROOT / "docs").as_posix() for p in GUIDE.glob("*.md"))


def test_every_guide_page_is_in_the_nav_under_about_this_site():
    assert NAV_SECTION, "mkdocs.yml has no 'Trainer guide:' section under 'About this site:'"
    listed = re.findall(r"(trainers/[\w-]+\.md)", NAV_SECTION.group(1))
    assert sorted(listed) == guide_pages()


@pytest.mark.parametrize("src", guide_pages())
def test_guide_pages_are_left_out_of_the_learning_path(src):
    _, front = meta.get_data((ROOT / "docs" / src).read_text(encoding="utf-8"))
    assert front.get("in_learning_path") is False
    for field in ("title", "description", "owner", "last_reviewed", "review_due"):
        assert front.get(field), f"docs/{src}: no {field}"


def test_the_learning_path_and_progress_table_have_no_guide_pages(real_site):
    for url in ("index.html", "progress/index.html"):
        links = [a.get("href", "") for a in real_site.html(url).select("article a")]
        assert not [href for href in links if "trainers/" in href], url


def test_every_example_file_is_shown_in_the_guide():
    shown = set(re.findall(r'--8<-- "docs/trainers/examples/([^"]+)"', "".join(_guide_sources())))
    files = {p.name for p in EXAMPLES.iterdir()}
    assert files == shown, f"examples not shown in the guide: {files - shown}; missing: {shown - files}"


def _guide_sources() -> list[str]:
    return [(GUIDE / Path(src).name).read_text(encoding="utf-8") for src in guide_pages()]


def test_the_guide_is_built_with_its_examples_included(real_site):
    page = real_site.html("trainers/pages/index.html").get_text(" ")
    assert "--8<--" not in page
    assert "title: Title of the page" in page  # the template, from its file
    assert "{{ contacts.front_door.phone }}" in page  # shown as written, not filled in


def nox_sessions() -> set[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and getattr(deco.func, "attr", "") == "session":
                    given = [k.value.value for k in deco.keywords if k.arg == "name"]
                    names.add(given[0] if given else node.name)
                elif getattr(deco, "attr", "") == "session":
                    names.add(node.name)
    return names


def test_every_command_in_the_guide_and_readme_exists():
    texts = [*_guide_sources(), (ROOT / "README.md").read_text(encoding="utf-8")]
    used = set(re.findall(r"python3 noxfile\.py -s ([\w-]+)", "\n".join(texts)))
    assert {"serve", "serve-trainer", "check", "build", "export"} <= used
    missing = used - nox_sessions()
    assert not missing, f"the guide or README names nox sessions that noxfile.py does not have: {missing}"


def test_readme_points_to_the_trainer_guide_and_the_check():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "About this site → Trainer guide (`docs/trainers/`)" in readme
    assert "python3 noxfile.py -s check" in readme


# --- The table of error messages -------------------------------------------------------------


def _template(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "\0" for v in node.values)
    return None


def message_templates() -> list[tuple[str, str]]:
    """(where, problem text with \\0 for each filled-in value) of every message a trainer can get:
    each DataError in hooks/*.py, induction/*.py, check/ and export/ (pipeline, documents), each problem
    pages.py and check/ report, and each warning written as `{display}:{line}: ...`."""
    found = []
    sources = [
        *sorted((ROOT / "hooks").glob("*.py")),
        *sorted((ROOT / "induction").glob("*.py")),
        *sorted((ROOT / "check").glob("*.py")),
        ROOT / "export" / "pipeline.py",
        ROOT / "export" / "documents.py",
    ]
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("DataError", "Problem"):
                index = 2 if node.func.id == "DataError" else 4
                if len(node.args) > index and _template(node.args[index]):
                    found.append((where, _template(node.args[index])))
            elif path.name == "pages.py" and isinstance(node, ast.Tuple) and len(node.elts) == 4:
                if _template(node.elts[2]):
                    found.append((where, _template(node.elts[2])))
            elif (
                isinstance(node, ast.JoinedStr) and path.name != "documents.py"
            ):  # its others: for developers
                text = _template(node)
                located = re.match(r"^\0(?::\0)?: (.+?)(?: \(.*)?$", text or "", re.S)
                if located and len(located.group(1)) > 12:
                    found.append((where, located.group(1)))
    return found


def error_table_messages() -> list[str]:
    text = (GUIDE / "errors.md").read_text(encoding="utf-8")
    rows = [line for line in text.split("\n") if line.startswith("| ") and not line.startswith("| ---")]
    return [cell for row in rows for cell in re.findall(r"`([^`]+)`", row.split(" | ")[1])]


TEMPLATES = message_templates()


def test_the_error_table_lists_messages():
    assert len(error_table_messages()) >= 60
    assert len(TEMPLATES) >= 60


@pytest.mark.parametrize(("where", "template"), TEMPLATES, ids=[w for w, _ in TEMPLATES])
def test_every_message_a_trainer_can_get_is_in_the_error_table(where, template):
    pattern = re.compile(".*?".join(re.escape(part) for part in template.split("\0")))
    assert any(pattern.search(message) for message in error_table_messages()), (
        f"{where}: the message '{template.replace(chr(0), '…')}' is not in the table in "
        "docs/trainers/errors.md: add a row with an example of it and what to write instead"
    )


def test_without_debians_chromium_the_export_says_how_to_name_another_one():
    """The export's task, with no /usr/bin/chromium, tells the trainer how to point it at their own
    Chromium or Chrome; the option it names is one the real export takes, and the guide says so."""
    from export.pipeline import ExportError, find_chromium, parse_args

    advice = tasks_file().EXPORT_NEEDS
    command = re.search(r"python3 noxfile\.py -s export -- (--chromium) PATH", advice)
    assert command, advice
    assert "apt-get install -y chromium" in advice and "browser tests" not in advice
    assert parse_args([command.group(1), "/opt/chrome/chrome"]).chromium == "/opt/chrome/chrome"
    # a path given is the one used, and the message says to check it (not to install a package)
    with pytest.raises(
        ExportError, match="^No Chromium at /opt/chrome/chrome: check the path given to --chromium$"
    ):
        find_chromium("/opt/chrome/chrome")
    guide = (GUIDE / "preview-check-publish.md").read_text(encoding="utf-8")
    assert "python3 noxfile.py -s export -- --chromium PATH" in guide


def test_the_readme_and_the_guide_describe_the_marks_the_essentials_and_the_search():
    """Issue 20: the README and the trainer guide describe the progress marks (with the marks and
    words progress.js shows), the Essentials handout and the search tips."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = (ROOT / "docs" / "javascripts" / "progress.js").read_text(encoding="utf-8")
    shown = re.findall(r'symbol: "\\u([0-9A-Fa-f]{4})", word: "([^"]+)"', script)
    assert len(shown) == 3, shown
    marks = (GUIDE / "self-checks.md").read_text(encoding="utf-8")
    for code, word in shown:
        mark = chr(int(code, 16))
        assert f"**{word.lower()}** ({mark}" in readme, (word, mark)
        assert re.search(rf"{mark} \*\*{word.lower()}\*\*", marks), (word, mark)
    assert "## Progress marks" in readme and "## Progress marks" in marks
    guide = (GUIDE / "index.md").read_text(encoding="utf-8")
    assert "## Search tips" in guide and "search" in guide.split("## Search tips")[1][:400]
    assert "### The Essentials handout" in (GUIDE / "preview-check-publish.md").read_text(encoding="utf-8")
    from export.pipeline import ESSENTIALS_MOST_PAGES

    assert f"the Essentials handout to give out, at most {ESSENTIALS_MOST_PAGES} A4 pages" in readme


# --- The law to check at each review (docs/trainers/review-dates.md) -----------------------------

LAW_ANCHOR = re.compile(r"\b[Ss]ections? (\d+[A-Z]*)(?: (?:and|to) (\d+[A-Z]*))?|Working Together")


def law_checklist() -> list[tuple[str, list[str]]]:
    """(what the site says, the src of each page named as saying it), a row of the guide's table each."""
    text = (GUIDE / "review-dates.md").read_text(encoding="utf-8")
    part = text.split("## Check the law as you review", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip().strip("|").split(" | ") for line in part.splitlines() if line.startswith("| ")]
    rows = [row for row in rows if not re.fullmatch(r"\s*:?-+:?\s*", row[0])][1:]  # no rule, no header
    return [(says, re.findall(r"\]\(\.\./([^)]+\.md)\)", where)) for says, where in rows]


def learner_reads(markdown: str) -> str:
    """A page's text as learners read it: no front matter, trainer notes, code or comments."""
    return "\n".join(line for _, line in learner_lines(split_front_matter(markdown)[1]))


def learner_sees(src: str) -> str:
    """A page's Markdown as learners read it, and its self-check's file without comments."""
    text = learner_reads((ROOT / "docs" / src).read_text(encoding="utf-8"))
    quiz = ROOT / "quizzes" / (src.removesuffix(".md").replace("/", "-") + ".yml")
    if quiz.exists():
        text += "\n".join(
            line
            for line in quiz.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
    return text


def cites(text: str, anchor: str) -> bool:
    if anchor == "Working Together":
        return anchor in text
    return re.search(rf"(?<![\w'’])[Ss]ections? (?:[\dA-Z]+,? (?:and |to )?)*{anchor}\b", text) is not None


def test_the_law_checklist_names_pages_that_state_that_law():
    """Each page the trainer guide sends a reviewer to, for a statement of law, states that law
    where learners read it: the page (not its trainer notes) or its self-check cites one of the
    row's sections or guidance, and each of them is cited by one of the row's pages."""
    rows = law_checklist()
    assert len(rows) >= 6
    for says, pages in rows:
        anchors = [group for match in LAW_ANCHOR.finditer(says) for group in match.groups() if group]
        anchors += ["Working Together"] * ("Working Together" in says)
        assert anchors and pages, says
        texts = {src: learner_sees(src) for src in pages}
        for src, text in texts.items():
            assert any(cites(text, a) for a in anchors), (
                f"docs/{src} cites none of {anchors} ({says[:50]}...)"
            )
        for anchor in anchors:
            assert any(cites(text, anchor) for text in texts.values()), (
                f"no page cites {anchor} ({says[:50]}...)"
            )


def test_the_law_checklist_reads_sections_as_learners_do():
    assert cites("under section 47 of the Act", "47") and cites("Sections 23C and 23CZB", "23CZB")
    assert cites("sections 16M to 16Q", "16Q") and not cites("the council's 17 teams", "17")
    assert not cites("section 470", "47") and "trainer" not in learner_reads(
        'a\n!!! trainer "x"\n    b\n\nc\n'
    )


def test_every_new_law_note_is_one_the_guide_tells_trainers_to_search_for():
    """The guide says to search for "New law to check": each such note carries those words first."""
    guide = (GUIDE / "review-dates.md").read_text(encoding="utf-8")
    assert "Search the `docs/` folder for `New law to check`" in guide
    notes = [
        (path, line)
        for path in (ROOT / "docs").rglob("*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "New law to check" in line and not path.is_relative_to(GUIDE)
    ]
    assert len(notes) >= 3
    assert all(re.match(r'!!! trainer "New law to check: ', line) for _, line in notes), notes
    # and every trainer note on law that has not started yet carries that title
    waiting = [
        (path, note)
        for path in (ROOT / "docs").rglob("*.md")
        if not path.is_relative_to(GUIDE)
        for note in trainer_notes(path.relative_to(ROOT / "docs").as_posix())
        if re.search(r"Wellbeing and Schools Act|date set by regulations", " ".join(note.split()))
    ]
    assert len(waiting) == len(notes), [str(path) for path, _ in waiting]
    assert all(note.startswith('!!! trainer "New law to check: ') for _, note in waiting)
