"""Progress kept in the browser (docs/javascripts/progress.js), in real Chromium: each learning
page is not started, started (opened) or finished (every self-check question answered correctly
at least once; a page without a self-check read to the end); the marks agree in the menu, the
home page's learning path and My progress, and My progress's sentence on what each means; the
Continue button; the completion record's wording (a started page "Started" in it), its one A4
page, no web-only marks in it and nothing sent anywhere when it is made or printed; saved
progress from before (version 1) moved over; reset; and surviving a move of the offline folder
(file://)."""

from __future__ import annotations

import io
import json
import re
import shutil
import unicodedata

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from conftest import ROOT, copy_project, run_build

KEY = "member-induction-progress-v2"
OLD_KEY = "member-induction-progress-v1"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
    "resultTypes": ["violations"],
}
# Answer one self-check question right or wrong, as a reader would choose (mkdocs-quiz marks the
# right options data-correct; a blank keeps its answer in data-answer).
ANSWER = """([id, right]) => {
  const quiz = document.getElementById(id);
  quiz.querySelectorAll('.quiz-blank-input').forEach(blank => {
    blank.value = right ? blank.getAttribute('data-answer') : 'not this';
  });
  const options = Array.from(quiz.querySelectorAll('input[name="answer"]'));
  options.forEach(option => { option.checked = false; });
  if (right) options.filter(o => o.hasAttribute('data-correct')).forEach(o => { o.checked = true; });
  else if (options.length) options.find(o => !o.hasAttribute('data-correct')).checked = true;
}"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(5000)
    yield context.new_page()
    context.close()


def learning_pages(real_site) -> list[dict]:
    """The learning pages and their questions, as the build gives them to progress.js."""
    script = real_site.html("index.html").select_one("script[data-pages]")
    return json.loads(script["data-pages"])


def answer(page, quiz_id: str, right: bool) -> None:
    again = page.locator(f"#{quiz_id} .quiz-reset-button")
    if again.is_visible():  # answered before: "Try again" first
        again.click()
    page.evaluate(ANSWER, [quiz_id, right])
    page.click(f"#{quiz_id} button[type=submit]")


def answer_all(page, right: bool = True) -> None:
    for quiz_id in page.eval_on_selector_all(".quiz", "quizzes => quizzes.map(q => q.id)"):
        answer(page, quiz_id, right)


def menu_mark(page, href: str) -> str:
    """The words a screen reader hears after a menu link's title: '(finished)', or '' for none."""
    link = page.locator(f'.md-nav--primary a.md-nav__link[href="{href}"]').first
    mark = link.locator(".progress-mark")
    return " ".join(mark.text_content().split()) if mark.count() else ""


def seed(page, url: str, state: dict) -> None:
    """Open `url` with `state` as the saved progress (as the reader's earlier visits left it)."""
    page.goto(url, wait_until="load")
    page.evaluate(
        "([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }",
        [KEY, json.dumps(state)],
    )
    page.reload(wait_until="load")


def finished_entry(questions: int) -> dict:
    return {"opened": "2026-12-01", "right": [f"quiz-{i}" for i in range(questions)]}


def test_opening_a_learning_page_starts_it_and_only_learning_pages_get_marks(page, served_site):
    page.goto(f"{served_site}/services/fostering/", wait_until="load")
    assert menu_mark(page, "./") == "◐ (started)"
    assert menu_mark(page, "../kinship-care/") == "○ (not started)"
    for other in ("../..", "../../contacts/", "../../progress/", "../../glossary/", "../../about/"):
        assert menu_mark(page, other) == "", other
    page.goto(f"{served_site}/", wait_until="load")  # Start here, a first visit: no mark anywhere
    assert page.locator(".md-nav--primary a.md-nav__link--active .progress-mark").count() == 0
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert list(stored["pages"]) == ["services/fostering/"]


def test_a_wrong_answer_keeps_a_page_started_and_every_question_right_once_finishes_it(page, served_site):
    page.goto(f"{served_site}/services/children-in-need/", wait_until="load")
    answer(page, "quiz-0", right=False)
    assert menu_mark(page, "./") == "◐ (started)"
    answer_all(page, right=False)
    assert menu_mark(page, "./") == "◐ (started)"  # every question answered, none right
    answer(page, "quiz-0", right=True)  # "Try again" then right: retries are allowed
    assert menu_mark(page, "./") == "◐ (started)"
    for quiz_id in page.eval_on_selector_all(".quiz", "qs => qs.map(q => q.id).slice(1)"):
        answer(page, quiz_id, right=True)
    assert menu_mark(page, "./") == "✓ (finished)"
    # Right at least once is enough: a later wrong answer does not undo it.
    answer(page, "quiz-0", right=False)
    page.reload(wait_until="load")
    assert menu_mark(page, "./") == "✓ (finished)"


def test_marks_agree_in_the_menu_the_learning_path_and_my_progress(page, served_site, real_site):
    pages = learning_pages(real_site)
    first, second = pages[0], pages[1]
    seed(
        page,
        f"{served_site}/",
        {
            "pages": {
                first["id"]: finished_entry(first["questions"]),
                second["id"]: {"opened": "2026-12-01", "right": ["quiz-0"]},
            }
        },
    )
    expected = {p["id"]: "not started" for p in pages} | {first["id"]: "finished", second["id"]: "started"}
    home = {}
    for link in page.locator("a.learning-path__page").all():
        home[link.get_attribute("href")] = (
            link.locator("xpath=..").locator(":scope > .progress-mark").inner_text()
        )
    assert {href: words.split(" ", 1)[1].lower() for href, words in home.items()} == expected
    menu = {p["id"]: menu_mark(page, p["id"]).split("(")[1].rstrip(")") for p in pages}
    assert menu == expected
    page.goto(f"{served_site}/progress/", wait_until="load")
    table = {
        row.get_attribute("data-page-id"): row.locator('[data-col="state"]')
        .inner_text()
        .split(" ", 1)[1]
        .lower()
        for row in page.locator(".progress-table tr[data-page-id]").all()
    }
    assert table == expected
    assert page.locator(f'tr[data-page-id="{second["id"]}"] [data-col="quiz"]').inner_text() == (
        f"1 of {second['questions']}"
    )
    total = sum(p["questions"] for p in pages)
    assert page.inner_text("#progress-summary") == (
        f"You have finished 1 of {len(pages)} learning pages and started 1 more. "
        f"Self-check questions answered correctly: {first['questions'] + 1} of {total}."
    )
    # The page's one sentence on the marks: each mark as the page draws it, with what it means.
    drawn = [
        page.locator(f".progress-table .progress-mark--{state}").first.inner_text() for state in MEANINGS
    ]
    meant = [f"{mark.lower()} ({meaning})" for mark, meaning in zip(drawn, MEANINGS.values(), strict=True)]
    sentence = " ".join(page.locator("article p", has_text="has a mark").inner_text().split())
    assert f"{meant[0]}, {meant[1]} and {meant[2]}." in sentence


# What each state's mark means, as My progress says in one sentence (progress.js's three states).
MEANINGS = {
    "none": "you have not opened it yet",
    "started": "you have opened it, but not yet answered every self-check question correctly",
    "finished": (
        "you have answered every self-check question correctly at least once, or read to the end of "
        "a page that has no self-check"
    ),
}


def test_continue_goes_to_the_first_page_not_finished(page, served_site, real_site):
    pages = learning_pages(real_site)
    page.goto(f"{served_site}/", wait_until="load")
    assert page.inner_text("#learning-continue") == "Start with Gloucestershire's children"
    assert page.get_attribute("#learning-continue", "href").endswith(f"/{pages[0]['id']}")
    seed(page, f"{served_site}/", {"pages": {p["id"]: finished_entry(p["questions"]) for p in pages[:2]}})
    assert page.is_hidden("#learning-done")
    button = page.locator("#learning-continue")
    assert button.inner_text() == "Continue with Front door and MASH"
    button.click()
    page.wait_for_url(f"{served_site}/{pages[2]['id']}")


def test_when_every_page_is_finished_the_home_page_says_so_and_links_to_the_record(
    page, served_site, real_site
):
    pages = learning_pages(real_site)
    seed(page, f"{served_site}/", {"pages": {p["id"]: finished_entry(p["questions"]) for p in pages}})
    assert page.is_hidden("#learning-continue")
    assert (
        page.inner_text("#learning-done")
        == "You have finished every learning page. See your completion record"
    )
    page.click("#learning-done a")
    page.wait_for_url(f"{served_site}/progress/#completion-record")


def print_record(page, name: str, header_footer: bool = False) -> tuple[str, int]:
    """Print the completion record to an A4 PDF, as the Print button does: its text and pages
    (with `header_footer`, Chromium's own header and footer asked for, as its print dialog can)."""
    reader = PdfReader(io.BytesIO(record_pdf(page, name, header_footer)))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return text, len(reader.pages)


def record_pdf(page, name: str, header_footer: bool = False) -> bytes:
    page.fill("#certificate-name", name)
    page.evaluate("window.print = () => {}")  # headless Chromium: page.pdf() prints instead
    page.click("#certificate-print")
    return page.pdf(format="A4", display_header_footer=header_footer)


def text_places(pdf: bytes) -> list[tuple[float, float, str]]:
    """Where each piece of text of a one-page PDF starts: millimetres from the left and from the
    top of the page."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    places = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            places.append((x * MM, (height - y) * MM, text.strip()))

    page.extract_text(visitor_text=visit)
    return places


MM = 25.4 / 72  # millimetres in a PDF unit (a point)


def test_the_record_at_1_of_n_says_exactly_that(page, served_site, real_site):
    pages = learning_pages(real_site)
    n = len(pages)
    assert [p["id"] for p in pages[3:5]] == ["services/early-help/", "services/children-in-need/"]
    seed(
        page,
        f"{served_site}/progress/",
        {
            "pages": {
                pages[3]["id"]: finished_entry(pages[3]["questions"]),
                pages[4]["id"]: {"opened": "2026-12-01", "right": ["quiz-0"]},  # started
            }
        },
    )
    record = page.locator("#completion-record")
    assert record.locator("a").count() == 0, "no glossary (or any) links in the record"
    text, count = print_record(page, "Councillor Test Name")
    assert count == 1, "the record must print on one A4 page"
    assert f"Councillor Test Name has finished 1 of {n} learning pages of the Gloucestershire County" in text
    assert "completed" not in text and "worked through" not in text
    total = sum(p["questions"] for p in pages)
    assert (
        "Self-check questions answered correctly (each at least once): "
        f"{pages[3]['questions'] + 1} of {total}." in text
    )
    assert re.search(r"Date: \d{1,2} [A-Z][a-z]+ \d{4}", text)
    assert f"Early help Finished {pages[3]['questions']} of {pages[3]['questions']}" in text
    assert f"Children in need Started 1 of {pages[4]['questions']}" in text
    assert f"Gloucestershire's children Not started 0 of {pages[0]['questions']}" in text
    assert not re.search(r"Clear my progress|Print my record|Your name|Key takeaways", text), text


def test_nothing_is_sent_anywhere_when_the_record_is_made_or_printed(page, served_site, real_site):
    """The record says "Nothing was sent anywhere": every request the page makes (its tab and any
    other it opens) while My progress is opened, the name typed and the record printed goes to the
    site's own server, and nowhere else."""
    pages = learning_pages(real_site)
    sent: list[str] = []
    page.context.on("request", lambda request: sent.append(request.url))
    seed(page, f"{served_site}/progress/", {"pages": {pages[0]["id"]: finished_entry(pages[0]["questions"])}})
    text, _ = print_record(page, "Councillor Test Name")
    assert "Councillor Test Name has finished 1 of" in text and text.endswith("Nothing was sent anywhere.")
    assert f"{served_site}/progress/" in sent and any(url.endswith("/progress.js") for url in sent), sent
    assert [url for url in sent if not url.startswith(f"{served_site}/")] == []


@pytest.mark.parametrize("where", ["http", "file"])
def test_the_printed_record_has_no_room_for_the_browsers_header_and_footer(
    page, served_site, real_site, tmp_path, where
):
    """Chromium's print puts the date, the page's title, its address (offline, the folder on
    the learner's computer) and the page number in the page's margins, when it has room: the
    record leaves it none, and still prints on one A4 page with nothing cut off."""
    pages = learning_pages(real_site)
    if where == "http":
        url = f"{served_site}/progress/"
    else:
        url = (shutil.copytree(real_site.site, tmp_path / "site") / "progress" / "index.html").as_uri()
    seed(page, url, {"pages": {p["id"]: finished_entry(p["questions"]) for p in pages[:2]}})
    text, count = print_record(page, "Councillor Test Name", header_footer=True)
    text = unicodedata.normalize("NFKC", text)  # Chromium's PDF may write "file" with a ligature
    assert count == 1, "the record must print on one A4 page"
    assert not re.search(r"https?:|file:|127\.0\.0\.1|/progress/", text), text  # the address
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2}|\d:\d\d\s?[AP]M", text), text  # the date and time
    assert "My progress - " not in text, text  # the page's title
    assert f"Councillor Test Name has finished 2 of {len(pages)} learning pages" in text
    last_page = page.locator(".progress-table tr[data-page-id] a").last.inner_text()
    assert f"{last_page} Not started 0 of {pages[-1]['questions']}" in text  # the record's last row
    assert text.endswith("Nothing was sent anywhere.")  # and the note under it
    places = text_places(record_pdf(page, "Councillor Test Name", header_footer=True))
    # Nothing cut off, nothing crammed against the edge of the paper (A4: 210 by 297 mm).
    assert all(10 <= x <= 200 and 10 <= y <= 287 for x, y, _ in places), places


def test_the_record_at_n_of_n_says_the_induction_is_completed(page, served_site, real_site):
    pages = learning_pages(real_site)
    seed(
        page, f"{served_site}/progress/", {"pages": {p["id"]: finished_entry(p["questions"]) for p in pages}}
    )
    text, count = print_record(page, "Councillor Test Name")
    assert count == 1
    assert (
        "Councillor Test Name has completed the Gloucestershire County Council member induction on "
        f"children's social care: all {len(pages)} learning pages finished."
    ) in text
    assert page.locator("#completion-record a").count() == 0


def test_progress_saved_by_the_earlier_version_is_moved_over(page, served_site, real_site):
    old = {
        "pages": {
            "services/fostering/": {
                "visited": "2026-11-30",
                "quiz": {"total": 9, "answered": 9, "correct": 9},
            },
            "services/children-in-need/": {
                "visited": "2026-11-30",
                "quiz": {"total": 6, "answered": 2, "correct": 1},
                "answers": json.dumps(
                    {
                        "quiz-0": {"answered": True, "correct": True, "selectedValues": ["0"]},
                        "quiz-1": {"answered": True, "correct": False, "selectedValues": ["1"]},
                    }
                ),
            },
            "contacts/": {"visited": "2026-11-30"},
        }
    }
    page.goto(f"{served_site}/", wait_until="load")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [OLD_KEY, json.dumps(old)])
    page.goto(f"{served_site}/progress/", wait_until="load")
    assert page.inner_text('tr[data-page-id="services/fostering/"] [data-col="state"]') == "✓ Finished"
    assert page.inner_text('tr[data-page-id="services/children-in-need/"] [data-col="state"]') == "◐ Started"
    assert page.inner_text('tr[data-page-id="services/children-in-need/"] [data-col="quiz"]') == "1 of 6"
    assert page.evaluate(f"localStorage.getItem('{OLD_KEY}')") is None
    # The saved answers still come back on the page itself.
    page.goto(f"{served_site}/services/children-in-need/", wait_until="load")
    assert page.is_checked("#quiz-0-0")


def test_clear_my_progress_with_the_keyboard(page, served_site):
    page.goto(f"{served_site}/services/fostering/", wait_until="load")
    page.goto(f"{served_site}/progress/", wait_until="load")
    cell = page.locator('tr[data-page-id="services/fostering/"] [data-col="state"]')
    assert cell.inner_text() == "◐ Started"
    page.on("dialog", lambda dialog: dialog.accept())
    page.focus("#progress-reset")
    page.keyboard.press("Enter")
    assert cell.inner_text() == "○ Not started"
    assert page.locator("#progress-status").inner_text() == "Your progress has been cleared."
    assert "services/fostering/" not in page.evaluate(f"localStorage.getItem('{KEY}') || ''")


# Storage refused, as a locked-down browser does: every use of localStorage throws.
NO_STORAGE = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});"""


def test_my_progress_says_when_this_browser_keeps_no_progress(browser, served_site):
    """With storage switched off the self-checks still work, but nothing is kept: My progress
    says so (found by a learner's review, December 2026, which saw 0 of 18 and no word why)."""
    context = browser.new_context()
    context.add_init_script(NO_STORAGE)
    blocked = context.new_page()
    blocked.goto(f"{served_site}/progress/")
    blocked.wait_for_load_state("load")
    notice = blocked.locator("#progress-not-kept")
    assert notice.is_visible() and "not keeping your progress" in notice.inner_text()
    context.close()


def test_my_progress_has_no_such_notice_when_the_browser_keeps_progress(page, served_site):
    page.goto(f"{served_site}/progress/")
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => !document.getElementById('progress-summary').textContent.includes('JavaScript')"
    )
    assert not page.locator("#progress-not-kept").is_visible()


def test_the_record_shows_the_typed_name_and_does_not_store_it(page, served_site):
    page.goto(f"{served_site}/progress/", wait_until="load")
    page.fill("#certificate-name", "Councillor Test Name")
    assert page.locator("#certificate-name-out").inner_text() == "Councillor Test Name"
    storage = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "Test Name" not in storage


def test_progress_survives_moving_the_offline_folder(page, real_site, tmp_path):
    first = tmp_path / "usb-stick" / "site"
    shutil.copytree(real_site.site, first)
    page.goto((first / "services" / "fostering" / "index.html").as_uri(), wait_until="load")
    moved = tmp_path / "desktop" / "induction"
    shutil.move(str(first), str(moved))
    page.goto((moved / "progress" / "index.html").as_uri(), wait_until="load")
    assert page.inner_text('tr[data-page-id="services/fostering/"] [data-col="state"]') == "◐ Started"


def test_a_page_without_a_self_check_is_finished_when_read_to_the_end(browser, tmp_path):
    """A trainer's learning page with no self-check, opened from file:// under the site's
    security policy: started when opened, finished once its end has been on the screen."""
    project = copy_project(tmp_path / "project")
    page_text = (project / "docs/services/fostering.md").read_text(encoding="utf-8")
    (project / "docs/services/reading-only.md").write_text(
        page_text.replace("title: Fostering", "title: Reading only").replace("# Fostering", "# Reading only"),
        encoding="utf-8",
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      - Fostering: services/fostering.md\n",
        "      - Fostering: services/fostering.md\n      - Reading only: services/reading-only.md\n",
    ).replace("not_needed: [index.md,", "not_needed: [services/reading-only.md, index.md,")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    pages = json.loads(build.html("index.html").select_one("script[data-pages]")["data-pages"])
    assert {"id": "services/reading-only/", "questions": 0} in pages

    context = browser.new_context(viewport={"width": 1280, "height": 600})
    context.set_default_timeout(5000)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto((build.site / "services" / "reading-only" / "index.html").as_uri(), wait_until="load")
    tab.wait_for_timeout(300)
    assert menu_mark(tab, "./") == "◐ (started)"
    tab.locator("article > *:not(.page-review)").last.scroll_into_view_if_needed()
    tab.locator('.md-nav--primary a.md-nav__link[href="./"] .progress-mark--finished').first.wait_for(
        state="attached"
    )
    assert menu_mark(tab, "./") == "✓ (finished)"
    assert not [error for error in errors if "progress" in error]
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["", "progress/"])
def test_axe_finds_nothing_with_marks_shown(page, served_site, real_site, path, scheme):
    """Home and My progress with every kind of mark showing, in the light and dark schemes."""
    pages = learning_pages(real_site)
    seed(
        page,
        f"{served_site}/{path}",
        {
            "pages": {
                pages[0]["id"]: finished_entry(pages[0]["questions"]),
                pages[1]["id"]: {"opened": "2026-12-01"},
            }
        },
    )
    assert page.locator(".progress-mark--finished").count() >= 2
    assert page.locator(".progress-mark--started").count() >= 2
    assert page.locator(".progress-mark--none").count() >= 2
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    page.wait_for_timeout(50)
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, results.generate_report()


def test_progress_works_in_the_offline_copy_from_file(page, tmp_path):
    """The offline copy (mkdocs-offline.yml: pages are .html files, opened from file:// under the
    site's security policy): marks, Continue and the record work there too."""
    build = run_build(ROOT, tmp_path / "site", "-f", str(ROOT / "mkdocs-offline.yml"))
    assert build.returncode == 0, build.output
    pages = json.loads(build.html("index.html").select_one("script[data-pages]")["data-pages"])
    assert pages[0]["id"] == "gloucestershire.html"
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((build.site / "gloucestershire.html").as_uri(), wait_until="load")
    answer_all(page, right=True)
    assert menu_mark(page, "gloucestershire.html") == "✓ (finished)"
    page.goto((build.site / "index.html").as_uri(), wait_until="load")
    assert page.inner_text("#learning-continue") == "Continue with How children's services work"
    page.click("#learning-continue")
    page.wait_for_url((build.site / "how-services-work.html").as_uri())
    assert menu_mark(page, "how-services-work.html") == "◐ (started)"
    page.goto((build.site / "progress.html").as_uri(), wait_until="load")
    assert f"has finished 1 of {len(pages)} learning pages" in page.inner_text("#certificate-statement")
    assert not [error for error in errors if "progress" in error]


@pytest.mark.parametrize(("width", "height"), [(390, 844), (768, 1024)])
def test_the_menu_on_a_phone_or_tablet_marks_the_page_you_are_on(
    browser, served_site, real_site, width, height
):
    """Below 76.25em Material shows the page you are on in the menu as a label (it opens the
    page's contents) and hides its link: the label carries the mark, with the same words for
    screen readers, as every other learning page's link does."""
    pages = learning_pages(real_site)
    assert [p["id"] for p in pages[:3]] == ["gloucestershire/", "how-services-work/", "services/front-door/"]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(5000)
    tab = context.new_page()
    state = {
        "pages": {
            pages[0]["id"]: finished_entry(pages[0]["questions"]),
            pages[2]["id"]: {"opened": "2026-12-01", "right": ["quiz-0"]},
        }
    }
    seed(tab, f"{served_site}/services/front-door/", state)
    tab.click('label.md-header__button[for="__drawer"]')
    menu = tab.locator(".md-nav--primary")
    here = menu.locator("label.md-nav__link--active")
    here.wait_for(state="visible")
    assert menu.locator('a.md-nav__link--active[href="./"]').is_hidden()  # Material's, at this width
    mark = here.locator(":scope > .progress-mark")
    assert mark.is_visible()
    assert " ".join(mark.text_content().split()) == "◐ (started)"
    # The same mark, words for screen readers and all, as the page's link (hidden here) gets, and
    # in the same place as on the other learning pages' links beside it.
    link_mark = menu.locator('a.md-nav__link--active[href="./"] > .progress-mark')
    assert mark.evaluate("m => m.outerHTML") == link_mark.evaluate("m => m.outerHTML")
    assert mark.locator(".visually-hidden").text_content() == " (started)"
    other = menu.locator('a.md-nav__link[href="../early-help/"]')
    assert other.is_visible()
    assert other.locator(":scope > .progress-mark").text_content() == "○ (not started)"
    assert " ".join(here.inner_text().split()).startswith("Front door and MASH ◐")
    # Marks change in place: every question right finishes the page, in the menu at once.
    tab.evaluate("document.getElementById('__drawer').checked = false")  # close the menu
    answer_all(tab, right=True)
    assert " ".join(here.locator(":scope > .progress-mark").text_content().split()) == "✓ (finished)"
    assert here.locator(".progress-mark").count() == 1
    context.close()


# The right edge of each mark shown in the menu's entries that open a page (not the label of the
# page you are on, whose contents icon comes after its mark), with the list the entry is in (on a
# phone a section's list is a panel of its own, slid in from the right when it is opened).
MARK_EDGES = """() => {
  const lists = [...document.querySelectorAll(".md-nav--primary .md-nav__list")];
  return [...document.querySelectorAll(".md-nav--primary a.md-nav__link > .progress-mark")]
    .filter(mark => mark.offsetParent && !mark.closest(".md-nav__link--active"))
    .map(mark => [
      lists.indexOf(mark.closest(".md-nav__list")),
      mark.closest("a").querySelector(".md-ellipsis").textContent.trim(),
      Math.round(mark.getBoundingClientRect().right),
    ]);
}"""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_the_menus_marks_stand_in_one_column(browser, served_site, width, height):
    """Each mark stands at the right end of its menu entry, whether the entry's title fits on one
    line ("Corporate parenting ○") or wraps onto two ("Thresholds and when to act", its mark at the
    far right): on a phone the marks were scattered along the lines."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(f"{served_site}/gloucestershire/", wait_until="load")
    if width < 1220:  # a phone: the menu is in the drawer
        tab.click('label.md-header__button[for="__drawer"]')
    edges = tab.evaluate(MARK_EDGES)
    context.close()
    lists: dict[int, list] = {}
    for index, title, right in edges:
        lists.setdefault(index, []).append((title, right))
    assert len(edges) >= 10 and len(lists) >= 2, edges
    for entries in lists.values():
        assert max(right for _, right in entries) - min(right for _, right in entries) <= 1, entries


def test_on_a_phone_continue_is_straight_under_the_learning_path_heading(browser, served_site, real_site):
    """At 390 by 844 the Continue button (and the line that replaces it once every page is
    finished) comes straight under "Your learning path", above the list of pages."""
    pages = learning_pages(real_site)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(5000)
    tab = context.new_page()
    seed(tab, f"{served_site}/", {"pages": {pages[0]["id"]: finished_entry(pages[0]["questions"])}})
    under_heading = "e => e.closest('p').previousElementSibling.id"
    button = tab.locator("#learning-continue")
    first_item = tab.locator("a.learning-path__page").first
    assert button.inner_text() == "Continue with How children's services work"
    assert button.evaluate(under_heading) == "your-learning-path"
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= first_item.bounding_box()["y"]
    seed(tab, f"{served_site}/", {"pages": {p["id"]: finished_entry(p["questions"]) for p in pages}})
    done = tab.locator("#learning-done")
    assert done.is_visible() and button.is_hidden()
    assert done.evaluate("e => e.previousElementSibling.previousElementSibling.id") == "your-learning-path"
    assert done.bounding_box()["y"] + done.bounding_box()["height"] <= first_item.bounding_box()["y"]
    context.close()
