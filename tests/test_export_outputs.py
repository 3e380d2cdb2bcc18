"""`nox -s export`: the zipped offline site, the handout and the trainer pack, checked by reading
the files (PDF text with PDFium, bookmarks and page sizes with pypdf) against the hosted site
built from the same sources."""

from __future__ import annotations

import re
import statistics
import zipfile

import pytest
import yaml
from mkdocs.utils import meta

from conftest import ROOT
from export.documents import POINTING_WORDS, pointing_patterns
from export.pipeline import ESSENTIALS_IN_ZIP, SITE_IN_ZIP, START_FILE, content_version
from export_support import (
    export_project,
    hosted_path,
    learning_pages,
    page_fills,
    pdf_outline,
    pdf_pages,
    pdf_reading_text,
    pdf_text,
    real_export,
    run_export,
    squash,
    trainer_note_openings,
    trainer_note_titles,
    unzipped,
    without_foot,
)
from induction.dates import uk_date
from test_foundation import css_urls, fetched_urls, is_external
from test_learner_experience import CONTACTS

GLOSSARY = "glossary.md"


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    return real_export(tmp_path_factory)


@pytest.fixture(scope="session")
def version(exported):
    """The content version the export printed (the git commit when it ran; tests compare with it,
    not with the commit now, as someone may commit while the tests run)."""
    return re.search(r"content version (\S+), ", exported.output).group(1)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    return unzipped(tmp_path_factory)


@pytest.fixture(scope="session")
def handout(exported):
    return pdf_text(exported.handout)


@pytest.fixture(scope="session")
def trainer_pack(exported):
    return pdf_text(exported.trainer_pack)


@pytest.fixture(scope="session")
def hosted_questions(real_site):
    """Every self-check question on the hosted site's learning pages, as learners see it."""
    questions = []
    for src in learning_pages():
        soup = real_site.html(hosted_path(src))
        for quiz in soup.select("article div.quiz"):
            body = quiz.select_one(".quiz-question")
            for blank in body.select("input.quiz-blank-input"):
                blank.replace_with(f" {{{blank['data-answer']}}} ")
            questions.append(
                {
                    "page": src,
                    "text": body.get_text(" ", strip=True),
                    "options": [label.get_text(" ", strip=True) for label in quiz.select("fieldset label")],
                    "correct": [
                        quiz.select_one(f"label[for='{i['id']}']").get_text(" ", strip=True)
                        for i in quiz.select("fieldset input[data-correct='true']")
                    ]
                    + re.findall(r"\{([^}]*)\}", body.get_text(" ", strip=True)),
                    "feedback": [f.get_text(" ", strip=True) for f in quiz.select(".answer-feedback")],
                    "explanation": quiz.select_one("section.content").get_text(" ", strip=True),
                }
            )
    return questions


def needs_quizzes(questions):
    if not questions:
        pytest.skip("no learning page has a self-check yet (needs quizzes/*.yml with hooks/quizzes.py)")


# --- what the command says and makes --------------------------------------------------------


def test_the_export_shows_each_stage_with_counts_and_where_the_files_are(exported):
    out = exported.output
    stages = re.findall(r"^\[(\d)/6\] (.+?) \.\.\.$", out, re.M)
    assert [int(n) for n, _ in stages] == [1, 2, 3, 4, 5, 6], out
    assert "Building the offline site (strict)" in out
    assert re.search(r"\d+ learning pages\b.*, \d+ self-check questions", out)
    assert re.search(r"\d+ files, [\d.]+ MB", out)
    assert f"Your files are in {exported.dist}" in out
    for made in exported.dist.iterdir():
        assert made.name in out


def test_the_export_counts_the_learning_pages_as_the_site_does(exported):
    """The pages that get a progress mark (front matter progress: false, as on Start here and
    Contacts, takes a page of the path out of the count), as My progress and the completion
    record count them."""
    marked = [
        src
        for src in learning_pages()
        if meta.get_data((ROOT / "docs" / src).read_text(encoding="utf-8"))[1].get("progress", True)
        is not False
    ]
    assert 0 < len(marked) < len(learning_pages())
    assert re.search(rf"\b{len(marked)} learning pages \(the handout also has ", exported.output)


def test_the_content_version_is_the_git_commit(version):
    if content_version(ROOT) == "dev":
        assert version == "dev"
    else:  # a short commit hash (or a tag), marked when files were changed since that commit
        assert re.fullmatch(r"[\w.]*?-?g?[0-9a-f]{7,}(-modified)?", version), version


def test_the_files_are_named_with_the_date_and_the_content_version(exported, version):
    stem = f"{exported.day.isoformat()}-{version}"
    assert sorted(p.name for p in exported.dist.iterdir()) == sorted(
        [
            f"member-induction-offline-{stem}.zip",
            f"member-induction-lms-{stem}.zip",
            f"member-induction-lms-scorm2004-{stem}.zip",
            f"member-induction-handout-{stem}.pdf",
            f"member-induction-handout-large-print-{stem}.pdf",
            f"member-induction-trainer-pack-{stem}.pdf",
            f"member-induction-trainer-pack-large-print-{stem}.pdf",
            f"member-induction-essentials-{stem}.pdf",
        ]
    )


# --- the offline site -------------------------------------------------------------------------


def test_the_zip_holds_one_folder_with_the_site_and_is_under_10_mb(exported):
    with zipfile.ZipFile(exported.zip) as archive:
        names = archive.namelist()
    folders = {name.split("/")[0] for name in names}
    assert folders == {exported.zip.stem}
    top = {name.split("/")[1] for name in names}  # the start file, the Essentials and the site
    assert top == {START_FILE, ESSENTIALS_IN_ZIP, SITE_IN_ZIP}
    assert f"{exported.zip.stem}/{SITE_IN_ZIP}/index.html" in names
    assert f"{exported.zip.stem}/{SITE_IN_ZIP}/search/search_index.js" in names  # the offline search index
    assert exported.zip.stat().st_size < 10_000_000


def test_the_vendored_search_shim_travels_with_its_licence(offline_site):
    folder = offline_site / "assets" / "vendor" / "iframe-worker"
    assert "MIT License" in (folder / "shim.js").read_text().splitlines()[0]
    assert "Permission is hereby granted" in (folder / "LICENSE").read_text()
    home = (offline_site / "index.html").read_text()
    assert 'src="assets/vendor/iframe-worker/shim.js"' in home
    assert "unpkg" not in home


def test_no_offline_page_fetches_anything_from_another_host(offline_site):
    from bs4 import BeautifulSoup

    offenders = []
    for page in offline_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        offenders += [f"{page.name}: {u}" for u in fetched_urls(soup) if is_external(u)]
    for css in offline_site.rglob("*.css"):
        offenders += [f"{css.name}: {u}" for u in css_urls(css.read_text()) if is_external(u)]
    assert offenders == []


def test_trainer_notes_are_nowhere_in_the_offline_site(offline_site):
    """Not on the pages, not in the search index."""
    from bs4 import BeautifulSoup

    openings = trainer_note_openings()
    if not openings:
        pytest.skip("no page has a trainer note")
    texts = [
        squash(BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").get_text(" "))
        for p in offline_site.rglob("*.html")
    ]
    texts.append(squash((offline_site / "search" / "search_index.js").read_text(encoding="utf-8")))
    found = [(page, opening) for page, opening in openings if any(squash(opening) in text for text in texts)]
    assert found == []


def test_the_offline_site_has_the_same_pages_and_content_as_the_hosted_site(offline_site, real_site):
    """Same sources, same build: every hosted page is in the export with the same text (links
    differ only in form: page.html instead of page/)."""
    from bs4 import BeautifulSoup

    def article_text(path):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        article = soup.select_one("article")
        return " ".join(article.get_text(" ").split()) if article else ""

    def key(relative: str) -> str:  # services/front-door/index.html and services/front-door.html
        return relative.removesuffix(".html").removesuffix("index").removesuffix("/")

    hosted = {key(p.relative_to(real_site.site).as_posix()): p for p in real_site.pages()}
    offline = {
        key(p.relative_to(offline_site).as_posix()): p
        for p in offline_site.rglob("*.html")
        if p.name not in ("404.html", START_FILE)  # the start file: only in the offline copy
    }
    assert sorted(offline) == sorted(hosted)
    assert [k for k in sorted(hosted) if article_text(hosted[k]) != article_text(offline[k])] == []


# --- the handout ------------------------------------------------------------------------------


def test_the_handout_cover_has_the_title_build_date_and_content_version(exported, version):
    cover = squash(pdf_pages(exported.handout)[0])
    assert squash("Member Induction: Children's Social Care") in cover
    assert squash(f"Built {uk_date(exported.day)}") in cover
    assert squash(f"Content version {version}") in cover
    assert squash("Handout for briefing sessions") in cover
    # the out-of-hours number only for what cannot wait, as the Contacts page and the slides say
    out_of_hours = CONTACTS["emergency_duty_team"]["phone"]
    assert squash(f"Out of hours: {out_of_hours} (only if it cannot wait") in cover


def test_the_handout_is_a4(exported):
    from pypdf import PdfReader

    box = PdfReader(exported.handout).pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)


def test_the_handout_has_every_learning_page_in_nav_order_then_the_glossary(exported, handout, real_site):
    titles = [
        real_site.html(hosted_path(src))
        .select_one("article h1")
        .get_text(" ", strip=True)
        .rstrip("¶")
        .strip()
        for src in learning_pages()
    ]
    text = squash(handout)
    missing = [t for t in titles if squash(t) not in text]
    assert missing == []
    bookmarks = [title for depth, title in pdf_outline(exported.handout) if depth == 0]
    glossary = real_site.html(hosted_path(GLOSSARY)).select_one("article h1").get_text(strip=True).rstrip("¶")
    assert bookmarks[1:] == [*titles, glossary]  # after the cover's title


def test_the_handout_prints_details_blocks_open(handout, real_site):
    hidden = []
    for src in learning_pages():
        for details in real_site.html(hosted_path(src)).select("article details"):
            body = " ".join(p.get_text(" ", strip=True) for p in details.find_all("p"))
            if body:
                hidden.append(body[:60])
    if not hidden:
        pytest.skip("no learning page has a details block")
    assert [h for h in hidden if squash(h) not in squash(handout)] == []


def test_the_handout_has_every_question_and_option_but_none_of_the_answers(handout, hosted_questions):
    needs_quizzes(hosted_questions)
    text = squash(handout)
    for q in hosted_questions:
        question = re.sub(r"\{[^}]*\}", " ", q["text"])  # a blank's answer is not shown
        for part in question.split("  "):
            assert squash(part) in text, f"{q['page']}: question missing: {q['text']}"
        for option in q["options"]:
            assert squash(option) in text, f"{q['page']}: option missing: {option}"
        assert squash(q["explanation"]) not in text, f"{q['page']}: explanation printed: {q['explanation']}"
        for feedback in q["feedback"]:
            if len(feedback) > 25:  # short ones ("Yes.") are ordinary words elsewhere in the handout
                assert squash(feedback) not in text, f"{q['page']}: feedback printed: {feedback}"
    assert "(correct)" not in handout
    assert squash("Correct answer") not in text


def test_the_handout_has_no_trainer_notes(handout):
    openings = trainer_note_openings()
    if not openings:
        pytest.skip("no page has a trainer note")
    assert [(page, o) for page, o in openings if squash(o) in squash(handout)] == []


def test_the_large_print_handout_is_bigger_type_on_more_pages(exported):
    from pypdf import PdfReader

    normal = len(PdfReader(exported.handout).pages)
    large = len(PdfReader(exported.one("member-induction-handout-large-print-*.pdf")).pages)
    assert large > normal * 1.2


def column_edge(page) -> int:
    """How many pieces of text on a PDF page start at the same place in the page's right half:
    the left edge of a second column (a page in one column has one or two there, where a table
    or a sentence happens to leave them; a glossary page in two has twenty or more)."""
    from collections import Counter

    width, starts = float(page.mediabox.width), Counter()

    def start(text, cm, tm, font, size):
        if text.strip():
            starts[round(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])] += 1

    page.extract_text(visitor_text=start)
    return max((count for x, count in starts.items() if x > width / 2), default=0)


def test_the_handouts_glossary_is_in_two_columns_on_fewer_pages(exported):
    """Issue 20: in one column the glossary took 44 of the handout's 171 pages. In two, every
    glossary page but the last (which may hold a few entries) has a second column, in the
    handout and in large print, and the handout and its glossary are shorter than they were."""
    from pypdf import PdfReader

    for pdf, was in (
        (exported.handout, 44),
        (exported.one("member-induction-handout-large-print-*.pdf"), None),
    ):
        reader = PdfReader(pdf)
        tops = {
            o.title: reader.get_destination_page_number(o) for o in reader.outline if not isinstance(o, list)
        }
        first = tops["Glossary"]
        assert first == max(tops.values()), "the glossary is the handout's last part"
        one_column = [n + 1 for n in range(first, len(reader.pages) - 1) if column_edge(reader.pages[n]) < 10]
        assert one_column == [], f"{pdf.name}: pages in one column"
        if was:
            assert len(reader.pages) - first < was and len(reader.pages) < 171
        # the measure tells one column from two: the learning pages, in one, mostly have no edge
        # (every fourth is enough to show that; reading every one was most of the test's time)
        assert statistics.median(column_edge(page) for page in reader.pages[2:first:4]) < 3


# --- the trainer pack -------------------------------------------------------------------------


def test_the_trainer_pack_has_every_question_with_its_correct_answers_and_explanation(
    exported, trainer_pack, hosted_questions
):
    needs_quizzes(hosted_questions)
    text = squash(pdf_reading_text(exported.trainer_pack))  # an answer may run on to the next page
    for q in hosted_questions:
        question = re.sub(r"\{[^}]*\}", " ", q["text"])
        for part in question.split("  "):
            assert squash(part) in text, f"{q['page']}: question missing: {q['text']}"
        assert q["correct"], f"{q['page']}: no correct answer on the site: {q['text']}"
        for correct in q["correct"]:
            assert squash(correct) in text
        assert squash(q["explanation"]) in text, f"{q['page']}: explanation missing: {q['explanation']}"
    marked = len(re.findall(r"\(correct\)", trainer_pack)) + len(re.findall(r"Answers?:", trainer_pack))
    assert marked >= len(hosted_questions)


def test_the_trainer_pack_has_every_trainer_note(trainer_pack):
    titles = trainer_note_titles()
    if not titles:
        pytest.skip("no page has a trainer note")
    text = squash(trainer_pack)
    assert [(page, t) for page, t in titles if squash(t) not in text] == []
    assert [page for page, _ in titles if squash(f"(docs/{page})") not in text] == []
    assert [opening for _, opening in trainer_note_openings() if squash(opening) not in text] == []


def test_the_trainer_pack_says_it_is_for_trainers_only(exported, version):
    cover = squash(pdf_pages(exported.trainer_pack)[0])
    assert squash("For trainers only.") in cover
    assert squash(f"Content version {version}") in cover


# --- every document on paper ------------------------------------------------------------------

# Wording that only makes sense on a screen (the pages give these sentences a print form with
# `{ data-print="..." }`, or leave them out of print with `{ data-print="" }`).
SCREEN_ONLY_PHRASES = [
    "point at it",
    "tab key",
    "tab to it",
    "press esc",
    "esc to close",
    "select each one",
    "top of every page",
    "top of the page",
    "click",
    "hover",
    "press the button",
    "tap it",
    "scroll",
    "pick an answer",
    "open each",  # phrases exact enough not to catch ordinary words ("the service will expand")
    "open it to",
    "select it",
    "to expand",
    "expand it",
    "expand each",
    "mouse",
    "on the keyboard",
    "with the keyboard",
    "jump to it",
    "to jump to",
    "without leaving the page",
    "the site remembers",
    "this browser",
    "this device",
]


@pytest.fixture(scope="session")
def page_texts(exported) -> dict[str, list[str]]:
    """{PDF's name: the text of each of its pages, each run of spaces and line breaks one space}."""
    return {path.name: [" ".join(text.split()) for text in pdf_pages(path)] for path in exported.pdfs}


def test_no_pdf_tells_its_reader_to_do_something_only_a_screen_can(page_texts):
    found = [
        f"{name} page {number}: {phrase}"
        for name, pages in page_texts.items()
        for number, text in enumerate(pages, start=1)
        for phrase in SCREEN_ONLY_PHRASES
        if phrase in text.casefold()
    ]
    assert found == []


def test_every_page_of_every_pdf_says_which_page_it_is_and_of_how_many(page_texts):
    missing = [
        f"{name} page {number}"
        for name, pages in page_texts.items()
        for number, text in enumerate(pages, start=1)
        if squash(f"Page {number} of {len(pages)}") not in squash(text)
    ]
    assert missing == []


def test_the_contents_gives_the_page_each_part_starts_on(exported):
    """Every entry of each document's contents ends with the number of the page its bookmark
    (its heading) is on."""
    from pypdf import PdfReader

    checked = 0
    for path in exported.pdfs:
        reader = PdfReader(path)
        parts = [item for item in reader.outline[1:] if not isinstance(item, list)]  # after the cover's
        first = reader.get_destination_page_number(parts[0]) + 1  # the contents ends on this page
        contents = squash(" ".join(pdf_pages(path)[:first]))
        for item in parts:
            number = reader.get_destination_page_number(item) + 1
            assert squash(item.title) + str(number) in contents, (
                f"{path.name}: {item.title} is on page {number}"
            )
            checked += 1
    assert checked >= len(learning_pages())


QUESTION_LABEL = re.compile(r"Question \d+ (?:Tick one answer|Tick all that apply|Fill in the blank)")
HALF = 0.5  # a sheet holding one question alone, or a question's end, is printed at least this far down


def lone_question_pages(
    pages: list[str], name: str, starts: set[int], tops: set[int], fills: list[float]
) -> list[str]:
    """The pages (of a PDF's `pages` text, numbered from 1) that hold one self-check question and
    nothing else on less than half of the sheet (`fills`: how far down each page is printed, 1
    to its foot): a page that begins with a question's label (or only the heading 'Check your
    understanding' before it), has no other and holds its end (the next page does not go on
    with it: it begins with a label, or with a part of the document, `tops`); or the end of a
    question alone (no label on a page after a page with one, and no part of the document
    starting on it: `starts`, the pages with a bookmark). The foot of the page (its file name
    and "Page N of M") does not count.

    A sheet mostly blank but for one question looks like a printing fault and wastes paper. A
    sheet that one question or the end of one fills is ordinary print, and no layout can avoid
    it: an answer that runs on from one sheet fills the next alone whenever its end and the
    next answer's beginning (its label, question and first option, never parted) are longer
    than a sheet, whatever the wording."""
    bodies = []
    for number, text in enumerate(pages, start=1):
        body = without_foot(text, number, len(pages), name.removesuffix(".pdf"))
        bodies.append(body.removeprefix("Check your understanding").strip())
    alone = []
    for number, body in enumerate(bodies, start=1):
        labels = QUESTION_LABEL.findall(body)
        before = QUESTION_LABEL.findall(bodies[number - 2]) if number > 1 else []
        after = bodies[number] if number < len(bodies) else ""
        runs_on = bool(after) and not QUESTION_LABEL.match(after) and number + 1 not in tops
        lone = (len(labels) == 1 and QUESTION_LABEL.match(body) and not runs_on) or (
            not labels and before and number not in starts and body
        )
        if lone and fills[number - 1] < HALF:
            alone.append(f"{name} page {number} (printed {fills[number - 1]:.0%} down): {body[:60]}")
    return alone


@pytest.mark.parametrize(
    ("pages", "starts", "alone"),
    [
        (["Question 1 Tick one answer. Q? A. a B. b Question 2 Tick one answer. R?"], set(), 0),
        (["Key takeaways x Question 1 Tick one answer. Q?", "Question 2 Fill in the blank. R"], set(), 1),
        (["Question 1 Tick one answer. Q? Question 2 Tick one answer. R? A.", "B. b"], set(), 1),
        (["Question 1 Tick one answer. Q? Question 2 Tick one answer. R?", "Front door What"], {2}, 0),
        (["Check your understanding Question 1 Tick one answer. Q?"], set(), 1),
        (["Check your understanding Question 1 Tick one answer. Q? Question 2 Tick one answer."], set(), 0),
        (["Page 1 of 1doc Question 3 Tick all that apply. Q? A. a B. b"], set(), 1),
        (["Question 7 Tick one answer. A long one", "its end Question 8 Tick one answer."], set(), 0),
        (
            ["Question 7 Tick one answer. Q?", "Question 8 Tick one answer. Question 9 Fill in the blank."],
            set(),
            1,
        ),
        (["Question 7 Tick one answer. Q?", "Children in care"], {2}, 1),  # begins page 2
    ],
)
@pytest.mark.parametrize(("fill", "found"), [(0.3, True), (0.49, True), (0.5, False), (0.9, False)])
def test_a_lone_question_is_found_on_a_sheet_it_leaves_half_blank(pages, starts, alone, fill, found):
    fills = [fill] * len(pages)
    assert len(lone_question_pages(pages, "doc.pdf", starts, tops=starts, fills=fills)) == alone * found


def lone_pages_of(export) -> list[str]:
    """The pages of an export's PDFs that hold a self-check question alone (lone_question_pages)."""
    from pypdf import PdfReader

    alone = []
    for path in export.pdfs:
        reader = PdfReader(path)
        marks = [
            (reader.get_destination_page_number(item) + 1, float(item.top))
            for item in flat_outline(reader.outline)
        ]
        height = float(reader.pages[0].mediabox.height)
        starts = {page for page, _ in marks}
        tops = {page for page, top in marks if top > height - 80}  # in the top margin's first line
        pages = [" ".join(text.split()) for text in pdf_pages(path)]
        # worksheets are kept two by two, so a handout's sheet never holds one alone, however full;
        # the answer key's answers run on, so a sheet that one answer's end fills is ordinary print
        fills = page_fills(path) if "trainer-pack" in path.name else [0.0] * len(pages)
        alone += lone_question_pages(pages, path.name, starts, tops, fills)
    return alone


def test_no_page_holds_a_self_check_question_alone(exported):
    """No page of any PDF holds one question alone, or only a question's end: no sheet of the
    handouts' worksheets at all, and no sheet of the trainer packs' answers left half blank."""
    assert lone_pages_of(exported) == []


# A trainer's longer wording: the Thresholds self-check (whose longer explanation once left the
# end of an answer alone on a page of the large-print trainer pack) with every explanation four
# sentences longer, every option's feedback one, and its first question four more options.
LONGER_EXPLANATION = (
    " Your trainer can say more about this in the session. Ask if any part of it is unclear."
    " The page itself gives the detail. Councillors often ask about this point."
)
LONGER_FEEDBACK = " The page says more about it."
MORE_OPTIONS = 4


@pytest.fixture(scope="module")
def wordier_export(tmp_path_factory):
    project = export_project(tmp_path_factory.mktemp("wordier") / "project")
    path = project / "quizzes" / "thresholds.yml"
    quiz = yaml.safe_load(path.read_text(encoding="utf-8"))
    for question in quiz["questions"]:
        question["explanation"] = f"{question['explanation']}{LONGER_EXPLANATION}"
        for option in question.get("options", []):
            option["feedback"] = f"{option.get('feedback', 'No.')}{LONGER_FEEDBACK}"
    first = quiz["questions"][0]
    assert len(first["options"]) == 3, "the planted options expect the first question to have three"
    first["options"] += [
        {"text": f"Another answer that is not right ({n})", "feedback": f"No.{LONGER_FEEDBACK}"}
        for n in range(1, MORE_OPTIONS + 1)
    ]
    path.write_text(yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    run = run_export(project, project / "dist")
    assert run.returncode == 0, f"the export of the wordier copy failed:\n{run.output}"
    return run


def test_longer_wording_in_a_self_check_leaves_no_question_alone(wordier_export):
    """The layout, not the wording, keeps questions together: a trainer may lengthen a
    self-check's explanations and feedback, or give a question more options, and still no
    worksheet holds one question alone, and no sheet of the answers holds the end of one half blank."""
    assert squash(LONGER_EXPLANATION) in squash(pdf_text(wordier_export.trainer_pack))
    assert lone_pages_of(wordier_export) == []


def flat_outline(outline: list) -> list:
    """Every bookmark of a PDF's outline, nested ones too."""
    return [found for item in outline for found in (flat_outline(item) if isinstance(item, list) else [item])]


# --- the Essentials handout -------------------------------------------------------------------


@pytest.fixture(scope="session")
def essentials(exported):
    return squash(pdf_text(exported.essentials))


def test_the_essentials_handout_is_at_most_12_a4_pages(exported):
    from pypdf import PdfReader

    reader = PdfReader(exported.essentials)
    assert len(reader.pages) <= 12
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)


def print_text(tag) -> str:
    """An element's text as it is printed (its data-print form, when it has one)."""
    if tag.has_attr("data-print"):
        return str(tag["data-print"])
    return tag.get_text(" ", strip=True)


def section_items(soup, heading: str, selector: str) -> list[str]:
    """The texts of `selector` under the h2 or h3 `heading` of a built page, in print form."""
    title = next(
        (h for h in soup.select("article :is(h2, h3)") if h.get_text(strip=True).rstrip("¶") == heading),
        None,
    )
    if title is None:
        return []
    ends = ("h1", "h2", "aside") if title.name == "h2" else ("h1", "h2", "h3", "aside")
    items = []
    for sibling in title.find_next_siblings():
        if sibling.name in ends:  # aside: the review dates and sources, not printed
            break
        items += [
            print_text(tag) for tag in ([sibling] if sibling.name == selector else sibling.select(selector))
        ]
    return items


def test_the_essentials_handout_has_every_part_taken_from_the_site(essentials, real_site):

    from export.pipeline import ESSENTIALS_DATA, ESSENTIALS_TERMS

    wanted = {}
    contacts = real_site.html(hosted_path("contacts.md"))
    wanted["who to call"] = section_items(contacts, "Which number when?", "td")
    thresholds = real_site.html(hosted_path("thresholds.md"))
    wanted["what to do"] = section_items(thresholds, "What to do", "li")
    wanted["what not to do"] = section_items(thresholds, "What not to do", "li")
    assert len(wanted["what to do"]) >= 5 and len(wanted["what not to do"]) >= 3
    assert any("answering machine" in item for item in wanted["what to do"])  # out of hours
    corporate = real_site.html(hosted_path("corporate-parenting.md"))
    principles = section_items(corporate, "The seven principles in the law", "blockquote p")
    priorities = section_items(corporate, "Gloucestershire's corporate parenting strategy", "li")
    assert (len(principles), len(priorities)) == (7, 6)
    wanted["principles"], wanted["priorities"] = principles, priorities
    for src in learning_pages():
        soup = real_site.html(hosted_path(src))
        takeaways = section_items(soup, "Key takeaways", "li")
        assert takeaways, f"docs/{src} has no key takeaways"
        wanted[f"{src} takeaways"] = takeaways
        wanted[f"{src} questions"] = section_items(soup, "Questions you could ask", "li")
    terms = yaml.safe_load((ROOT / ESSENTIALS_DATA).read_text(encoding="utf-8"))["terms"]
    glossary = {
        entry["term"].casefold(): entry["definition"]
        for entry in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    }
    assert len(terms) == ESSENTIALS_TERMS == 10  # the ten terms a new member hears first (issue 20)
    wanted["terms"] = [*terms] + [glossary[term.casefold()] for term in terms]
    missing = {part: [t for t in texts if squash(t) not in essentials] for part, texts in wanted.items()}
    assert {part: texts for part, texts in missing.items() if texts} == {}


def test_the_offline_copy_carries_the_essentials_handout(exported):
    with zipfile.ZipFile(exported.zip) as archive:
        inside = archive.read(f"{exported.zip.stem}/{ESSENTIALS_IN_ZIP}")
        start = archive.read(f"{exported.zip.stem}/{START_FILE}").decode("utf-8")
    assert inside == exported.essentials.read_bytes()
    assert f'href="{ESSENTIALS_IN_ZIP}"' in start  # linked from the start page


# A reference in the Essentials: pointing words (the export's one list, POINTING_WORDS) and a
# name (a capital, after "the" or not) up to the end of its sentence ("see the current threshold
# document" is not one), or any words in "the ... page" / "the ... section" (never one of its own).
REFERENCES = list(
    zip(
        POINTING_WORDS,
        pointing_patterns(r"[A-Z][^.;!?]*", r"(?:[^\s.;:!?()]+\s+){0,3}?[^\s.;:!?()]+"),
        strict=True,
    )
)
REFERENCE_TO_PAGE = re.compile(r"(.+?)\s*\(page (\d+)\)")
# Words that point to a place only the site or the whole handout has.
ELSEWHERE_PHRASES = ["this page", "the next page", "the page before", "this section", "above", "below"]


def headings_and_pages(outline: list, reader, parent: str = "") -> dict[str, int]:
    """{heading: page} for every bookmark of a PDF (its headings), a nested one also under
    'parent: heading' (e.g. 'Fostering: Key takeaways')."""
    found: dict[str, int] = {}
    last = ""
    for item in outline:
        if isinstance(item, list):
            found |= headings_and_pages(item, reader, last)
            continue
        last = " ".join(item.title.split())
        page = reader.get_destination_page_number(item) + 1
        found[last] = page if last not in found else found[last]
        if parent:
            found[f"{parent}: {last}"] = page
    return found


def stray_references(text: str, headings: dict[str, int]) -> list[str]:
    """The places in a document's `text` that send its reader somewhere it does not hold: a
    "see ...", "read ..." (POINTING_WORDS) that is not one of its `headings` followed by the page
    it is on ("see What to do (page 2)"), any "the ... page", and words that only make sense on
    the site or in the whole handout."""
    flat = " ".join(text.split())
    stray = []
    for phrase, pattern in REFERENCES:
        for match in pattern.finditer(flat):
            named = REFERENCE_TO_PAGE.match(match.group("place"))
            if not phrase.endswith("...") or not named or headings.get(named.group(1)) != int(named.group(2)):
                stray.append(match.group(0))
    stray += [phrase for phrase in ELSEWHERE_PHRASES if re.search(rf"\b{phrase}\b", flat, re.I)]
    return stray


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("Call 999. See What to do (page 2).", []),
        ("see Fostering: Key takeaways (page 7)", []),
        ("To learn more, see Thresholds and when to act.", ["see Thresholds and when to act"]),
        ("see What to do (page 3).", ["see What to do (page 3)"]),  # the wrong page
        ("see the Glossary.", ["see the Glossary"]),
        ("see Early\nhelp (page 4)", ["see Early help (page 4)"]),  # not a heading
        ("Can I see the current threshold document?", []),
        ("Read the front door page before your first surgery.", ["the front door page"]),
        ("Read Fostering: Key takeaways (page 7) first.", []),
        ("Go to Key numbers. Look at What to do (page 2).", ["Go to Key numbers"]),
        ("Find out more on the Contacts page.", ["Find out more on the Contacts page", "the Contacts page"]),
        ("Turn to What to do (page 2), or read the sections in any order.", []),
        ("The induction on a few pages. In the words of section 1(1) of the Act.", []),
        ("The numbers on this page. As shown above.", ["The numbers on this page", "this page", "above"]),
    ],
)
def test_a_stray_reference_is_found(text, stray):
    headings = {"What to do": 2, "Fostering": 7, "Key takeaways": 7, "Fostering: Key takeaways": 7}
    assert stray_references(text, headings) == stray


def test_the_essentials_handout_sends_its_reader_only_to_its_own_headings(exported):
    """The Essentials holds parts of pages: a sentence taken from a page that says "see" another
    page or section must name one of the Essentials' own headings and the page it is on, and no
    sentence may point "above", "below" or to "this page" (give it an Essentials wording:
    { data-essentials="..." })."""
    from pypdf import PdfReader

    reader = PdfReader(exported.essentials)
    headings = headings_and_pages(reader.outline, reader)
    assert "What to do" in headings
    pages = pdf_pages(exported.essentials)
    assert [
        f"page {number}: {found}"
        for number, text in enumerate(pages, start=1)
        for found in stray_references(text, headings)
    ] == []
