"""`nox -s export`: the zipped offline site, the handout and the trainer pack, checked by reading
the files (PDF text with pypdf) against the hosted site built from the same sources."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest

from conftest import ROOT
from export.pipeline import content_version
from export_support import (
    hosted_path,
    learning_pages,
    pdf_outline,
    pdf_text,
    real_export,
    squash,
    trainer_note_openings,
    trainer_note_titles,
    unzipped,
)
from induction.dates import uk_date
from test_foundation import css_urls, fetched_urls, is_external

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
    assert re.search(r"\d+ learning pages, \d+ self-check questions", out)
    assert re.search(r"\d+ files, [\d.]+ MB", out)
    assert f"Your files are in {exported.dist}" in out
    for made in exported.dist.iterdir():
        assert made.name in out


def test_the_content_version_is_the_git_commit(version):
    if content_version(ROOT) == "dev":
        assert version == "dev"
    else:  # a short commit hash (or a tag), marked when files were changed since that commit
        assert re.fullmatch(r"[\w.]*?-?g?[0-9a-f]{7,}(-modified)?", version), version


def test_the_files_are_named_with_the_date_and_the_content_version(exported, version):
    stem = f"{dt.date.today().isoformat()}-{version}"
    assert sorted(p.name for p in exported.dist.iterdir()) == sorted(
        [
            f"member-induction-offline-{stem}.zip",
            f"member-induction-handout-{stem}.pdf",
            f"member-induction-handout-large-print-{stem}.pdf",
            f"member-induction-trainer-pack-{stem}.pdf",
            f"member-induction-trainer-pack-large-print-{stem}.pdf",
        ]
    )


# --- the offline site -------------------------------------------------------------------------


def test_the_zip_holds_one_folder_with_the_site_and_is_under_10_mb(exported):
    with zipfile.ZipFile(exported.zip) as archive:
        names = archive.namelist()
    folders = {name.split("/")[0] for name in names}
    assert folders == {exported.zip.stem}
    assert f"{exported.zip.stem}/index.html" in names
    assert f"{exported.zip.stem}/search/search_index.js" in names  # the offline plugin's search index
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
    """Not on the pages, not in the print page, not in the search index."""
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
        if p.name not in ("404.html", "print_page.html")  # print_page.html: print-site, offline only
    }
    assert sorted(offline) == sorted(hosted)
    assert [k for k in sorted(hosted) if article_text(hosted[k]) != article_text(offline[k])] == []


# --- the handout ------------------------------------------------------------------------------


def test_the_handout_cover_has_the_title_build_date_and_content_version(exported, version):
    from pypdf import PdfReader

    cover = squash(PdfReader(exported.handout).pages[0].extract_text())
    assert squash("Member Induction: Children's Social Care") in cover
    assert squash(f"Built {uk_date(dt.date.today())}") in cover
    assert squash(f"Content version {version}") in cover
    assert squash("Handout for briefing sessions") in cover


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


# --- the trainer pack -------------------------------------------------------------------------


def test_the_trainer_pack_has_every_question_with_its_correct_answers_and_explanation(
    trainer_pack, hosted_questions
):
    needs_quizzes(hosted_questions)
    text = squash(trainer_pack)
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
    from pypdf import PdfReader

    cover = squash(PdfReader(exported.trainer_pack).pages[0].extract_text())
    assert squash("For trainers only.") in cover
    assert squash(f"Content version {version}") in cover
