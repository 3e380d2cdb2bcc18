"""Trainer-only notes: never on a learner's page or in the search index; shown, clearly marked, in
the trainer view; and a strict build refuses to make a trainer view."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, Build, run_build
from trainer_notes import VIEW_LABEL, remove_trainer_notes, show_trainer_notes, trainer_view

NOTE_START = re.compile(r"^( *)(?:!!!|\?\?\?\+?) trainer(?: \"([^\"]*)\")?[ \t]*$")


def trainer_notes_in(text: str) -> list[tuple[str, str]]:
    """(title, plain text) of every trainer note written in a page's Markdown, outside code."""
    notes, lines, fence, i = [], text.split("\n"), None, 0
    while i < len(lines):
        stripped = lines[i].lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence else stripped[:3]
        match = None if fence else NOTE_START.match(lines[i])
        i += 1
        if not match:
            continue
        indent, body = len(match.group(1)), []
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
            body.append(lines[i])
            i += 1
        html = markdown.markdown(textwrap.dedent("\n".join(body)))
        notes.append((match.group(2) or "", " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())))
    return notes


def learner_pages() -> list[Path]:
    """Pages whose trainer notes must never reach learners (the guide's examples are in code)."""
    return [p for p in sorted((ROOT / "docs").rglob("*.md")) if "trainers" not in p.relative_to(ROOT).parts]


ALL_NOTES = [(page, *note) for page in learner_pages() for note in trainer_notes_in(page.read_text("utf-8"))]


def _text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def test_the_pages_have_trainer_notes_to_hide():
    assert len(ALL_NOTES) >= 3, "expected the known doubts in the sources as trainer notes"
    assert all(body for _, _, body in ALL_NOTES)


def test_trainer_notes_are_on_no_learner_page(real_site):
    texts = {p: _text(real_site.html(str(p.relative_to(real_site.site)))) for p in real_site.pages()}
    for page in real_site.pages():
        soup = real_site.html(str(page.relative_to(real_site.site)))
        assert not soup.select("div.admonition.trainer, details.trainer, .trainer-view"), page
    for src, title, body in ALL_NOTES:
        for page, text in texts.items():
            assert body[:80] not in text, f"{src.relative_to(ROOT)}: note '{title}' is on {page}"


def test_trainer_notes_are_not_in_the_search_index(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(" ".join(BeautifulSoup(d["text"], "lxml").get_text(" ").split()) for d in index["docs"])
    titles = " ".join(d["title"] for d in index["docs"])
    for src, title, body in ALL_NOTES:
        assert body[:80] not in text, f"{src.relative_to(ROOT)}: note '{title}' is in the search index"
        assert title not in titles or title in _learner_headings(), title


def _learner_headings() -> str:
    return " ".join(re.findall(r"^#+ (.+)$", "\n".join(p.read_text("utf-8") for p in learner_pages()), re.M))


def trainer_view_build(site: Path) -> Build:
    """The real site built as `serve-trainer` shows it (not strict: the trainer view warns)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "INDUCTION_TRAINER_VIEW": "1"},
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="module")
def trainer_site(tmp_path_factory) -> Build:
    build = trainer_view_build(tmp_path_factory.mktemp("trainer-view") / "site")
    assert build.returncode == 0, build.output
    return build


def test_the_trainer_view_shows_every_note_marked_as_not_for_learners(trainer_site):
    for src, title, body in ALL_NOTES:
        rel = src.relative_to(ROOT / "docs").as_posix()
        url = (
            "index.html"
            if rel == "index.md"
            else rel.removesuffix(".md").removesuffix("/index") + "/index.html"
        )
        soup = trainer_site.html(url)
        notes = soup.select(".admonition.trainer, details.trainer")
        labels = [n.select_one(".admonition-title").get_text(" ", strip=True) for n in notes]
        assert f"{VIEW_LABEL}: {title}" in labels, (rel, labels)
        assert body[:80] in _text(soup)
    home = trainer_site.html("index.html")
    assert "(trainer view)" in home.title.get_text()


def test_a_strict_build_refuses_the_trainer_view(tmp_path):
    build = run_build(ROOT, tmp_path / "site", env={"INDUCTION_TRAINER_VIEW": "1"})
    assert build.returncode != 0
    assert (
        "trainer view (INDUCTION_TRAINER_VIEW=1): trainer-only notes are shown on the pages" in build.output
    )


NOTE_HTML = (
    '<p>Before.</p><div class="admonition trainer"><p class="admonition-title">Check this</p>'
    "<p>The slide says 22,00.</p></div><p>After.</p>"
)
DETAILS_HTML = '<details class="trainer"><summary>Folded</summary><p>Hidden text.</p></details>'


@pytest.mark.parametrize(
    ("html", "kept", "notes"),
    [
        (
            NOTE_HTML,
            "<p>Before.</p><p>After.</p>",
            [{"title": "Check this", "html": "<p>The slide says 22,00.</p>"}],
        ),
        (
            DETAILS_HTML,
            "",
            [{"title": "Trainer note", "html": "<summary>Folded</summary><p>Hidden text.</p>"}],
        ),
        (
            '<div class="admonition note"><p>Keep me.</p></div>',
            '<div class="admonition note"><p>Keep me.</p></div>',
            [],
        ),
        ("<p>A trainer is a person.</p>", "<p>A trainer is a person.</p>", []),
    ],
)
def test_remove_trainer_notes(html, kept, notes):
    cleaned, found = remove_trainer_notes(html)
    assert cleaned == kept
    assert found == notes


def test_show_trainer_notes_keeps_each_note_with_a_warning_title():
    shown, found = show_trainer_notes(NOTE_HTML)
    soup = BeautifulSoup(shown, "html.parser")
    (note,) = soup.select("div.admonition.trainer")
    assert "warning" in note["class"]
    assert note.select_one(".admonition-title").get_text() == f"{VIEW_LABEL}: Check this"
    assert "The slide says 22,00." in note.get_text()
    assert found == remove_trainer_notes(NOTE_HTML)[1]


@pytest.mark.parametrize(
    ("value", "on"),
    [("1", True), ("yes", True), ("TRUE", True), ("0", False), ("", False), (None, False)],
)
def test_trainer_view_is_switched_on_by_the_environment(value, on):
    environ = {} if value is None else {"INDUCTION_TRAINER_VIEW": value}
    assert trainer_view(environ) is on
