"""The site's security policy (hooks/csp.py) in Chromium: every feature works under it, served
over http and opened from file:// (the offline copy), with no violation
reported; and a script planted in a built page does not run."""

from __future__ import annotations

import shutil
import socketserver
import subprocess
import sys
import threading
from contextlib import contextmanager, nullcontext
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, _QuietHandler, live_preview
from induction import csp

QUIZ_PAGE = "services/front-door"  # has a self-check and glossary links
DIAGRAM_PAGE = "thresholds"  # has an SVG diagram
PLANTED = "<script>window.planted = 'ran';</script><img src='x.png' alt='' onerror=\"window.planted='ran'\">"
# Each violation the page sees, and console messages about the policy (these include frames).
REPORTER = """
addEventListener("securitypolicyviolation", e => window.cspReport(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber}`
), true);
"""


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    """The offline copy as the export builds it (mkdocs-offline.yml)."""
    site = tmp_path_factory.mktemp("csp-offline") / "site"
    code = (
        "import sys; from pathlib import Path; from export.pipeline import build_offline_site;"
        "build_offline_site(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "mkdocs-offline.yml"), str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"offline build failed (run: nox -s export):\n{result.stderr}"
    return site


class Watched:
    """A browser context that records policy violations and requests to anywhere but `allowed`."""

    def __init__(self, browser, allowed: tuple[str, ...]):
        self.violations: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1300, "height": 900})
        self.context.set_default_timeout(10000)
        self.context.expose_function("cspReport", lambda text: self.violations.append(text))
        self.context.add_init_script(REPORTER)

        def route(request_route):
            if request_route.request.url.startswith(allowed + ("data:", "blob:", "about:")):
                request_route.continue_()
            else:
                self.outside.append(request_route.request.url)
                request_route.abort()

        self.context.route("**/*", route)

    def page(self):
        page = self.context.new_page()
        page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and self.violations.append(f"console: {m.text}"),
        )
        return page


def exercise_every_feature(watched: Watched, url) -> None:
    """Search, a self-check (answered, marked, kept after a reload), My progress, a glossary
    tooltip, a diagram and the dark scheme, on pages found through `url(page)`."""
    page = watched.page()
    page.goto(url("index"), wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("MASH")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() > 0

    page.goto(url(QUIZ_PAGE), wait_until="load")
    quiz = page.locator("div.quiz:has(fieldset input[data-correct])").first
    quiz_id = quiz.get_attribute("id")
    quiz.locator("input[data-correct] + label").first.click()
    quiz.locator("button.quiz-button[type=submit]").click()
    expect(quiz.locator(".quiz-feedback")).to_contain_text("Correct")  # written just after the click
    assert "quiz-auto-number" in page.locator("article").get_attribute("class")  # quiz-settings.js
    page.reload(wait_until="load")
    quiz = page.locator(f"[id='{quiz_id}']")
    assert quiz.locator("input[data-correct]").first.is_checked()
    expect(quiz.locator(".quiz-feedback")).to_contain_text("Correct")  # written just after the click

    page.locator("article a.glossary-term").first.hover()
    page.locator("#glossary-tooltip").wait_for(state="visible")

    page.goto(url("progress"), wait_until="load")
    assert "You have finished 0 of" in page.locator("#progress-summary").inner_text()  # progress.js ran
    row = page.locator(f'tr[data-page-id^="{QUIZ_PAGE}"]')
    assert row.locator('[data-col="state"]').inner_text().strip().endswith("Started")  # opened, 1 right
    assert row.locator('[data-col="quiz"]').inner_text().startswith("1 of ")  # the answer above

    page.goto(url(DIAGRAM_PAGE), wait_until="load")
    diagram = page.locator("article img[src$='.svg']").first
    assert diagram.evaluate("img => img.complete && img.naturalWidth > 0")

    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload(wait_until="load")  # the scheme is restored by the theme's palette script
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_every_feature_works_under_the_policy_online(browser, served_site):
    watched = Watched(browser, (served_site,))
    exercise_every_feature(watched, lambda page: f"{served_site}/{'' if page == 'index' else page + '/'}")
    watched.context.close()
    assert watched.violations == []
    assert watched.outside == []


def test_every_feature_works_under_the_policy_from_the_file_system(browser, offline_copy):
    watched = Watched(browser, ("file:",))
    exercise_every_feature(watched, lambda page: (offline_copy / f"{page}.html").as_uri())
    watched.context.close()
    assert watched.violations == []
    assert watched.outside == []


@contextmanager
def serve(folder: Path):
    """`folder` on a local web server (127.0.0.1, random port), as conftest's served_site."""
    with socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder))
    ) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


@pytest.mark.parametrize("online", [True, False], ids=["served", "file"])
def test_a_script_planted_in_a_built_page_does_not_run(browser, real_site, tmp_path, online):
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    target = site / "contacts" / "index.html"
    html = target.read_text(encoding="utf-8")
    target.write_text(html.replace("</article>", PLANTED + "</article>", 1), encoding="utf-8")
    assert PLANTED in target.read_text(encoding="utf-8")
    with serve(site) if online else nullcontext("file:") as root:
        watched = Watched(browser, (root,))
        page = watched.page()
        page.goto(f"{root}/contacts/" if online else target.as_uri(), wait_until="load")
        page.wait_for_timeout(300)  # time for the image to fail and its onerror to be refused
        ran = page.evaluate("window.planted")
        assert page.locator(".worried").count() == 1  # the site's own page still works
        watched.context.close()
    assert ran is None
    blocked = [
        v for v in watched.violations if v.startswith(("script-src-elem blocked inline", "script-src-attr"))
    ]
    assert len(blocked) == 2, watched.violations  # the <script> and the onerror= attribute


def test_the_live_preview_has_the_built_sites_policy_and_still_reloads_on_save(browser, project_copy):
    """`mkdocs serve` adds its live-reload script inline to every page it serves: the policy
    blocks it (no 'unsafe-inline', which would let planted handlers run in the preview too), and
    the page reloads on save through induction/live_reload.js instead."""
    with live_preview(project_copy) as url:
        watched = Watched(browser, (url.rstrip("/"),))
        page = watched.page()
        page.goto(url, wait_until="load")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        page.evaluate("window.before_the_save = true")
        page.wait_for_timeout(1000)  # the first poll learns which build the page came from
        index = project_copy / "docs" / "index.md"
        with page.expect_event("load", timeout=120000):
            index.write_text(
                index.read_text(encoding="utf-8") + "\nSaved in the preview.\n", encoding="utf-8"
            )
        reloaded = page.evaluate("window.before_the_save === undefined")
        shown = page.get_by_text("Saved in the preview.").count()
        watched.context.close()
    assert policy == csp.POLICY
    assert reloaded
    assert shown == 1
    # MkDocs' own inline script, and nothing else
    reported = [v for v in watched.violations if not v.startswith("console: ")]
    assert reported, "MkDocs no longer adds its script inline: induction/live_reload.js may go"
    assert all(v.startswith("script-src-elem blocked inline") for v in reported), watched.violations
