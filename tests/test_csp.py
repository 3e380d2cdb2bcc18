"""The site's security policy (hooks/csp.py) at build time: every built page has the policy first
in its <head> and nothing inline that it would block; mkdocs-quiz's inline code
is moved into files only when it is exactly theirs; the theme's scripts match the installed
Material. The browser side is tests/test_browser_csp.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from induction import csp
from induction import quizzes as q

META = f'<meta http-equiv="Content-Security-Policy" content="{csp.POLICY}">'


def page(head: str = "", body: str = "", meta: str = META) -> str:
    return f"<!doctype html><html><head>{meta}{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (page('<script src="a.js"></script>', '<script defer src="b.js"></script>'), []),
        (page(body='<script type="application/json" id="__config">{"a": 1}</script>'), []),
        (page(body='<script type="text/plain">not run</script><a href="https://x.test/">x</a>'), []),
        (page(body="<script>alert(1)</script>"), ["an inline <script>"]),
        (page(body='<script type="module">alert(1)</script>'), ["an inline <script>"]),
        (page(body='<script type="text/javascript">alert(1)</script>'), ["an inline <script>"]),
        (page("<style>p{}</style>"), ["a <style> element"]),
        (page(body='<p style="color:red">x</p>'), ["a style= attribute on <p>"]),
        (page(body='<img src="a.png" alt="" onerror="alert(1)">'), ["an onerror= attribute on <img>"]),
        (page(body='<a href=" JavaScript:alert(1)">x</a>'), ["a javascript: link in href= on <a>"]),
        (
            page(body='<form action="java\tscript:void(0)"></form>'),
            ["a javascript: link in action= on <form>"],
        ),
        (page('<meta charset="utf-8">' + META, meta=""), ["no security policy first in its <head>"]),
        (page(meta=META.replace("'none'", "'self'")), ["no security policy first in its <head>"]),
        (page(meta=""), ["no security policy first in its <head>"]),
        # what the policy cannot stop, or should never meet (a security review, December 2026)
        (
            page('<meta http-equiv="Refresh" content="0;url=https://x.test/">'),
            ['a <meta http-equiv="refresh">'],
        ),
        (
            page(body='<iframe src="a.html"></iframe><base href="/"><embed src="a.swf">'),
            ["a <iframe>", "a <base>", "a <embed>"],
        ),
        (page('<meta charset="utf-8"><meta name="viewport" content="width=device-width">'), []),
        # read as the browser reads it (the HTML standard's parser, Lexbor)
        (
            page(body='<a/onclick="x">y</a><a href="x"onmouseover=y>z</a>'),
            [
                "an onclick= attribute on <a>",
                "an onmouseover= attribute on <a>",
            ],
        ),
        (  # the content of a <template>, which a script may put in the page, nested ones too
            page(body="<template><p ONCLICK=x><template><style></style></template></p></template>"),
            ["an onclick= attribute on <p>", "a <style> element"],
        ),
        (
            page(body='<svg viewBox="0 0 1 1" onLoad="x"><a xlink:href="javascript:1"></a></svg>'),
            [
                "an onload= attribute on <svg>",
                "a javascript: link in xlink:href= on <a>",
            ],
        ),
        (page(body='<a href="java&#115;cript:alert(1)">x</a>'), ["a javascript: link in href= on <a>"]),
        # what the browser reads as text, or ignores, runs nowhere: a <script> in a <textarea>, a
        # second attribute of the same name (the browser keeps the first)
        (page(body='<textarea><script>x</script></textarea><a href="x" href="javascript:y">z</a>'), []),
        (f"{META}<p>x", []),  # no <head> tag: the browser puts the policy in the head it makes
        # a comment or a processing instruction (read as a comment) is not an element
        (page("<?php x ?>", "<?php y ?><svg><?p?></svg><template><?q?></template>"), []),
        (page(meta=f"<!-- the policy -->{META}"), []),
        (page(meta=f"<title>x</title>{META}"), ["no security policy first in its <head>"]),
    ],
)
def test_inline_code_finds_what_the_policy_would_block(html, found):
    assert csp.inline_code(html) == found


def test_the_policy_has_no_inline_or_eval_and_allows_only_the_site():
    directives = dict(d.split(" ", 1) for d in csp.POLICY.split("; "))
    assert "unsafe" not in csp.POLICY and "sha256" not in csp.POLICY and "http" not in csp.POLICY
    for name in ("default-src", "script-src", "style-src", "font-src", "worker-src", "connect-src"):
        assert directives[name] == "'self'"
    assert directives["img-src"] == "'self' data:"
    for name in ("object-src", "base-uri", "form-action"):
        assert directives[name] == "'none'"


@pytest.mark.parametrize("serving", [False, True], ids=["build", "serve"])
def test_the_live_preview_has_the_same_policy_and_reloads_with_a_file(serving):
    """MkDocs' live-reload script, added inline to each page `mkdocs serve` sends, is blocked like
    anything inline; in serve only, the pages load induction/live_reload.js instead (tested in
    Chromium in tests/test_browser_csp.py)."""
    config = SimpleNamespace(extra={}, extra_javascript=[])
    for _ in range(2):  # serve runs on_config again for every rebuild
        csp.set_policy(config, serving)
    assert config.extra["csp"] == csp.POLICY
    assert config.extra_javascript == ([csp.LIVE_RELOAD] if serving else [])
    assert "/livereload/" in (ROOT / "induction" / "live_reload.js").read_text(encoding="utf-8")


def test_every_page_of_the_real_site_has_the_policy_first_and_nothing_inline(real_site):
    for path in sorted(real_site.site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert csp.inline_code(html) == [], path
        head = BeautifulSoup(html, "lxml").head
        assert head.find(True).get("content") == csp.POLICY, path


@pytest.mark.parametrize("partial", ["base.html", "palette.html", "content.html"])
def test_the_theme_scripts_are_the_installed_materials(partial):
    """overrides/assets/javascripts/theme/ holds Material's inline scripts: when a Material
    upgrade changes one, copy it again (and re-check overrides/partials/javascripts/)."""
    installed = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / partial
    scripts = re.findall(r"<script>(.*?)</script>", installed.read_text(encoding="utf-8"), re.S)
    files = {
        "base.html": ["base.js"],
        "palette.html": ["palette.js"],
        "content.html": ["tabs-link.js", "content.js"],
    }
    assert len(scripts) == len(files[partial])
    for script, name in zip(scripts, files[partial], strict=True):
        ours = (ROOT / "overrides" / "assets" / "javascripts" / "theme" / name).read_text(encoding="utf-8")
        code = ours.split("*/\n", 1)[1].strip()
        scope = '"{{ config.extra.scope | d(base_url) }}"'
        assert code == script.replace(scope, "document.currentScript.dataset.scope"), name


def test_an_inline_script_in_a_template_fails_the_strict_build(project_copy, tmp_path):
    main = project_copy / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("{% block extrahead %}", "{% block extrahead %}<script>1</script>", 1))
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert (
        "WARNING -  docs/index.md: the built page has an inline <script>, which the site's security "
        "policy blocks (write no script, style or on...= attributes in pages; a feature's script "
        "or style goes in a file under docs/javascripts/ or docs/stylesheets/)"
    ) in build.output


def test_a_refresh_in_a_template_fails_the_strict_build(project_copy, tmp_path):
    main = project_copy / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    refresh = '<meta http-equiv="refresh" content="3;url=https://x.test/">'
    main.write_text(text.replace("{% block extrahead %}", "{% block extrahead %}" + refresh, 1))
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert (
        'WARNING -  docs/index.md: the built page has a <meta http-equiv="refresh">, which could send '
        "the reader to another page or website or put one inside the page, and the site's security "
        "policy cannot stop it (the checks of pages stop such tags at their line, so it came from a "
        "template in overrides/, a setting or a plugin: ask a developer)"
    ) in build.output


def test_a_page_without_the_policy_fails_the_strict_build(project_copy, tmp_path):
    main = project_copy / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("{% block site_meta %}", "{% block site_meta_gone %}", 1))
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert (
        "WARNING -  docs/index.md: the built page does not open its <head> with the site's security "
        "policy (keep the site_meta block in overrides/main.html and hooks/csp.py in the hooks: of "
        "mkdocs.yml)"
    ) in build.output


# --- mkdocs-quiz's settings, as data (hooks/quizzes.py) -------------------------------------


def test_mkdocs_quizs_settings_are_a_json_block_and_its_scripts_are_files():
    """mkdocs-quiz writes its settings as inline scripts, which the policy does not run: the page
    gets them as data, then the script that reads them and mkdocs-quiz's, both from files."""
    setup = q.Setup(
        dict(q.QUIZ_OPTIONS, auto_number=True, show_progress=False), {"Submit": "Check my answer"}
    )
    html = setup.settings_html(setup.page_options({}), "../javascripts/quiz-settings.js", "../m.js")
    scripts = BeautifulSoup(html, "html.parser").find_all("script")
    assert [(s.get("type"), s.get("src"), s.has_attr("defer")) for s in scripts] == [
        ("application/json", None, False),
        (None, "../javascripts/quiz-settings.js", True),
        (None, "../m.js", True),
    ]
    assert json.loads(scripts[0].string) == {
        "translations": {"Submit": "Check my answer"},
        "config": {"confetti": False, "showProgress": False, "progressSidebarPosition": "top"},
        "autoNumber": True,
    }
    without = setup.settings_html(setup.page_options({"quiz": {"auto_number": False}}), "s.js", "m.js")
    assert "autoNumber" not in without


def test_json_for_html_cannot_end_its_script_block():
    value = {"a": "</script><script>alert(1)</script> & <!--"}
    text = q.json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value
