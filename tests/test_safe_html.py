"""Safe pages (hooks/safe_html.py): raw HTML is judged by nh3 against the allowlist, links and
pictures are checked whether written as HTML or Markdown, and no file under docs/ is a link.
Each mistake a trainer could make stops the build with the file, the line and what to write."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from mkdocs.config import load_config
from mkdocs.utils import meta

from conftest import ROOT, run_build
from induction.markdown_parts import included_texts
from induction.safe_files import css_addresses, css_problems, file_problem, link_problem, svg_problems
from induction.safe_html import (
    TYPED,
    SafeHtml,
    find_line,
    html_problems,
    page_problems,
    url_problem,
)

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
NO_SCRIPT = "remove it: a page cannot run scripts"
EMBED = "remove it and link to the video or page instead: [Watch the video](https://...)"
NO_FORM = "remove it: a page cannot send anything anywhere; link to the form instead"
ALLOWED = "use Markdown, or only the tags listed in the trainer guide under Edit and add pages"
LINK = (
    "link to a web page (https://...), an email address (mailto:...), a phone number (tel:...) "
    "or another page of this site"
)
STYLE = "remove it: give the tag a class and style the class in docs/stylesheets/extra.css"
COMMENT = "write a comment as <!-- words -->, with no <, > or -- in the words"
PICTURE = "copy the picture into docs/images/ and show it with ![what it shows](../images/picture.svg)"
THEME = (
    "remove it, or use a name of your own that does not start with data-md- or __ (a heading's id "
    "comes from its words: give it one of your own after them, { #settings })"
)
MERMAID = (
    "draw the diagram as an SVG picture in docs/images/ and show it with "
    "![what it shows](../images/diagram.svg)"
)


def check(text: str) -> list[tuple]:
    """Every problem in a page's Markdown (without front matter), as (line in `text` or None,
    problem, expected), in the order of the page: found by SafeHtml inside the page's conversion
    with mkdocs.yml's extensions, as in a build (hooks/safe_html.py adds it to them)."""
    judge = SafeHtml()
    judge.start(text)
    md = markdown.Markdown(
        extensions=[*CONFIG.markdown_extensions, judge], extension_configs=CONFIG.mdx_configs
    )
    md.convert(text)
    return judge.problems


# --- Raw HTML, judged by nh3 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "problem", "expected"),
    [
        ("<script>alert(1)</script>", "the tag <script> is not allowed in a page", NO_SCRIPT),
        ("<SCRIPT SRC=/x.js>", "the tag <script> is not allowed in a page", NO_SCRIPT),
        ("<noscript>hi</noscript>", "the tag <noscript> is not allowed in a page", NO_SCRIPT),
        (
            "<style>p { color: red }</style>",
            "the tag <style> is not allowed in a page",
            "remove it: styles go in docs/stylesheets/extra.css",
        ),
        (
            '<link rel="stylesheet" href="/a.css">',
            "the tag <link> is not allowed in a page",
            "remove it: styles go in docs/stylesheets/extra.css",
        ),
        (
            '<iframe src="https://video.example/v"></iframe>',
            "the tag <iframe> is not allowed in a page",
            EMBED,
        ),
        ('<object data="a.swf"></object>', "the tag <object> is not allowed in a page", EMBED),
        ('<embed src="a.swf">', "the tag <embed> is not allowed in a page", EMBED),
        ('<video src="a.mp4"></video>', "the tag <video> is not allowed in a page", EMBED),
        ('<audio src="a.mp3"></audio>', "the tag <audio> is not allowed in a page", EMBED),
        ('<form action="/send">', "the tag <form> is not allowed in a page", NO_FORM),
        ("<textarea></textarea>", "the tag <textarea> is not allowed in a page", NO_FORM),
        ("<select><option>a</option></select>", "the tag <select> is not allowed in a page", NO_FORM),
        ('<svg><a href="javascript:x()">x</a></svg>', "the tag <svg> is not allowed in a page", ALLOWED),
        ('<meta http-equiv="refresh" content="0">', "the tag <meta> is not allowed in a page", ALLOWED),
        ('<base href="/">', "the tag <base> is not allowed in a page", ALLOWED),
        (
            "<img src=x onerror=alert(1)>",
            "the attribute onerror= on <img> is not allowed in a page",
            NO_SCRIPT,
        ),
        ('<p onclick="go()">x</p>', "the attribute onclick= on <p> is not allowed in a page", NO_SCRIPT),
        (
            '<div style="color: red">',
            "the attribute style= on <div> is not allowed in a page",
            "remove it: give the tag a class and style the class in docs/stylesheets/extra.css",
        ),
        ('<a href="/x" target="_blank">', "the attribute target= on <a> is not allowed in a page", ALLOWED),
        (
            '<input type="hidden" name="x">',
            '<input type="hidden"> is not allowed in a page',
            'write type="text"',
        ),
        (
            '<button type="submit">Go</button>',
            '<button type="submit"> is not allowed in a page',
            'write type="button"',
        ),
        (
            '<a href="javascript:alert(1)">x</a>',
            "the address javascript:alert(1) starts with javascript:, which a page may not use",
            LINK,
        ),
        (
            '<a href="  JavaScript:alert(1)">x</a>',
            "the address JavaScript:alert(1) starts with javascript:, which a page may not use",
            LINK,
        ),
        (
            '<a href="java&#9;script:alert(1)">x</a>',
            "the address java script:alert(1) starts with javascript:, which a page may not use",
            LINK,
        ),
        (
            '<a href="vbscript:x">x</a>',
            "the address vbscript:x starts with vbscript:, which a page may not use",
            LINK,
        ),
        (
            '<a href="data:text/html,hi">x</a>',
            "the address data:text/html,hi starts with data:, which a page may not use",
            LINK,
        ),
        (
            '<a href="file:///etc/passwd">x</a>',
            "the address file:///etc/passwd starts with file:, which a page may not use",
            LINK,
        ),
        (
            '<img src="https://other.example/a.png" alt="A">',
            "the picture https://other.example/a.png is loaded from another website",
            PICTURE,
        ),
        (
            '<img src="//other.example/a.png" alt="A">',
            "the picture //other.example/a.png is loaded from another website",
            PICTURE,
        ),
        (
            '<img src="/\\other.example/a.png" alt="A">',
            "the picture /\\other.example/a.png is loaded from another website",
            PICTURE,
        ),
        (
            '<img src="data:image/png;base64,AAAA" alt="A">',
            "the address data:image/png;base64,AAAA starts with data:, which a page may not use",
            LINK,
        ),
        (
            '<img srcset="a.png 1x, https://other.example/b.png 2x" alt="A">',
            "the attribute srcset= on <img> is not allowed in a page",
            ALLOWED,
        ),
        # nh3 is the judge: its parser drops a table cell outside a table, which the walk that
        # names problems cannot see, so the page fails with the piece itself.
        ("<td>1", "this HTML is not allowed in a page: <td>1", ALLOWED),
        # A comment a browser ends earlier than Python's parser does: the rest is a script.
        (
            "<!--><script>alert(1)</script>-->",
            "this HTML is not allowed in a page: <!--><script>alert(1)</script>-->",
            COMMENT,
        ),
        (
            "<!--->x<script>alert(1)</script>-->",
            "this HTML is not allowed in a page: <!--->x<script>alert(1)</script>-->",
            COMMENT,
        ),
        (
            "<![CDATA[><img src=x onerror=alert(1)>]]>",
            "this HTML is not allowed in a page: <![CDATA[><img src=x onerror=alert(1)>]]>",
            COMMENT,
        ),
        (
            "<![CDATA[><script>alert(1)</script>]]>",
            "this HTML is not allowed in a page: <![CDATA[><script>alert(1)</script>]]>",
            COMMENT,
        ),
        (
            "<!-- a --!><script>alert(1)</script>-->",
            "this HTML is not allowed in a page: <!-- a --!><script>alert(1)</script>-->",
            COMMENT,
        ),
    ],
)
def test_html_that_is_not_allowed_is_named_with_what_to_write(fragment, problem, expected):
    assert [found[1:] for found in html_problems(fragment, TYPED)][:1] == [(problem, expected)]


@pytest.mark.parametrize(
    "fragment",
    [
        # What the real pages hold today.
        "<!-- quiz -->\n",
        "<!-- learning-path -->\n",
        "<!---->",
        "<!-- a note\n   over two lines -->",
        '<p id="progress-summary" role="status">Your progress appears here when JavaScript is on.</p>\n',
        '<button type="button" class="md-button md-button--primary" id="certificate-print">',
        "</button>",
        '<span id="progress-status" role="status">',
        '<label for="certificate-name">',
        '<input type="text" id="certificate-name" name="certificate-name" autocomplete="name">',
        '<div class="certificate">',
        '<strong id="certificate-name-out">',
        "&ndash;",
        # What the trainer guide allows.
        '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>',
        "<details open><summary>More</summary><p>Text</p></details>",
        '<figure><img src="../images/a.svg" alt="A route"><figcaption>The route</figcaption></figure>',
        '<img src="../images/a.svg" alt="">',
        '<a href="https://www.gov.uk/" title="GOV.UK">GOV.UK</a>',
        '<a href="mailto:someone@council.example">Email</a>',
        '<a href="tel:+441452426565">01452 42 65 65</a>',
        '<a href="//other.example/page">a link to another site is fine</a>',
        '<span aria-hidden="true" data-note="x" class="y">',
        "<table><thead><tr><th scope=col>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
        "<kbd>Ctrl</kbd> <sup>1</sup> <sub>2</sub> <mark>m</mark> <br> <hr>",
        # A hand-written quiz gets hooks/quizzes.py's own message.
        "<quiz>",
    ],
)
def test_html_the_pages_use_is_allowed(fragment):
    assert html_problems(fragment, TYPED) == []


@pytest.mark.parametrize(
    ("tag", "name", "value", "problem"),
    [
        ("a", "href", "https://www.gov.uk/", None),
        ("a", "href", "../contacts.md#front-door", None),
        ("a", "href", "mailto:x@council.example", None),
        ("a", "href", "tel:+441452426565", None),
        ("a", "href", "//other.example/", None),
        ("img", "src", "../images/a.svg", None),
        ("img", "src", "/images/a.svg", None),
        (
            "a",
            "href",
            "javascript:alert(1)",
            "the address javascript:alert(1) starts with javascript:, which a page may not use",
        ),
        (
            "a",
            "href",
            "\x01javascript:alert(1)",
            "the address \x01javascript:alert(1) starts with javascript:, which a page may not use",
        ),
        (
            "img",
            "src",
            "https://other.example/a.png",
            "the picture https://other.example/a.png is loaded from another website",
        ),
        (
            "img",
            "src",
            "HTTP://other.example/a.png",
            "the picture HTTP://other.example/a.png is loaded from another website",
        ),
        (
            "video",
            "poster",
            "https://other.example/a.png",
            "<video poster=https://other.example/a.png> loads a file from another website",
        ),
        (
            "source",
            "src",
            "https://other.example/a.mp4",
            "<source src=https://other.example/a.mp4> loads a file from another website",
        ),
    ],
)
def test_addresses(tag, name, value, problem):
    found = url_problem(tag, name, value)
    assert (found[0] if found else None) == problem


# --- Whole pages: raw HTML and Markdown, with the line -------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "# T\n\nText.\n\n<script>alert(1)</script>\n",
            [(5, "the tag <script> is not allowed in a page", NO_SCRIPT)],
        ),
        (
            "# T\n\nSome <b onmouseover=x()>bold</b> text.\n",
            [(3, "the attribute onmouseover= on <b> is not allowed in a page", NO_SCRIPT)],
        ),
        (
            "# T\n\n[Click](javascript:alert(1))\n",
            [(3, "the address javascript:alert(1) starts with javascript:, which a page may not use", LINK)],
        ),
        (
            "# T\n\nText.\n\n![A map](https://other.example/a.png)\n",
            [(5, "the picture https://other.example/a.png is loaded from another website", PICTURE)],
        ),
        (
            "# T\n\n[ref]: javascript:alert(1)\n\nSee [this][ref].\n",
            [(3, "the address javascript:alert(1) starts with javascript:, which a page may not use", LINK)],
        ),
        (
            '# T\n\n<div class="x" markdown onclick="go()">\n*Hi*\n</div>\n',
            [(3, "the attribute onclick= on <div> is not allowed in a page", NO_SCRIPT)],
        ),
        # md_in_html's elements are in the finished tree, which meets PAGE.
        (
            '# T\n\n<div markdown style="color: red">\n*Hi*\n</div>\n',
            [(3, "the attribute style= on <div> is not allowed in a page", STYLE)],
        ),
        (
            '# T\n\n<details markdown>\n<summary onclick="go()">S</summary>\n\nText\n</details>\n',
            [(4, "the attribute onclick= on <summary> is not allowed in a page", NO_SCRIPT)],
        ),
        (
            '# T\n\n<div markdown>\n<form markdown action="https://other.example/">\nHi\n</form>\n</div>\n',
            [(4, "the tag <form> is not allowed in a page", NO_FORM)],
        ),
        (
            "# T\n\n<details markdown>\n<summary>S</summary>\n\nText <iframe src=x></iframe>\n</details>\n",
            [(6, "the tag <iframe> is not allowed in a page", EMBED)],
        ),
        # A comment that a browser ends at once, so that what follows runs.
        (
            "# T\n\nText.\n\n<!--><script>alert(1)</script>-->\n",
            [(5, "this HTML is not allowed in a page: <!--><script>alert(1)</script>-->", COMMENT)],
        ),
        # Character references in a Markdown address are read as the browser reads them.
        (
            "# T\n\nText.\n\n[Click](java&#115;cript:alert(1))\n",
            [(5, "the address javascript:alert(1) starts with javascript:, which a page may not use", LINK)],
        ),
        (
            "# T\n\nText.\n\n![A map](/&Tab;/other.example/a.png)\n",
            [(5, "the picture / /other.example/a.png is loaded from another website", PICTURE)],
        ),
        (
            "# T\n\n![A map][map]\n\n[map]: /&#92;other.example/a.png\n",
            [(5, "the picture /\\other.example/a.png is loaded from another website", PICTURE)],
        ),
        (
            "# T\n\n![A map](&#104;ttps://other.example/a.png)\n",
            [(3, "the picture https://other.example/a.png is loaded from another website", PICTURE)],
        ),
        ('# T\n\n<someone@council.example> or [the form](https://x.example/?a=1&b=2 "Tom & Jo")\n', []),
        # Attributes written in Markdown (attr_list) meet the same allowlist.
        (
            '# T\n\n[Apply](apply.md){ onclick="alert(1)" }\n',
            [(3, "the attribute onclick= on <a> is not allowed in a page", NO_SCRIPT)],
        ),
        (
            '# T\n\nText.\n\n## Heading { style="color: red" }\n',
            [(5, "the attribute style= on <h2> is not allowed in a page", STYLE)],
        ),
        (
            '# T\n\n![A map](map.svg){ srcset="https://other.example/a.png 2x" }\n',
            [(3, "the attribute srcset= on <img> is not allowed in a page", ALLOWED)],
        ),
        # (the page's tags are written with `<img ...>` for `<img ... />`, as nh3 writes them)
        (
            '# T\n\n![A map](map.svg)\n\n![A map](map.svg){ onerror="alert(1)" }\n',
            [(5, "the attribute onerror= on <img> is not allowed in a page", NO_SCRIPT)],
        ),
        (
            "# T\n\nText <input type=radio> here.\n",
            [(3, '<input type="radio"> is not allowed in a page', 'write type="text"')],
        ),
        # Names the theme's script acts on (found by a security review, 7 December 2026): its
        # settings, search program included, come from the element with the id __config; a
        # data-md-component="source" link asks GitHub about it; class="mermaid" loads Mermaid.
        (
            '# T\n\nText.\n\n<div id="__config" hidden>{"search": "../stylesheets/x.css"}</div>\n',
            [(5, "the id __config is the theme's own: its script reads its settings from it", THEME)],
        ),
        (
            "# T\n\n## Settings { #__config }\n",
            [(3, "the id __config is the theme's own: its script reads its settings from it", THEME)],
        ),
        (
            '# T\n\n<a href="https://github.com/x/y" class="md-source" data-md-component="source">y</a>\n',
            [(3, "the attribute data-md-component= is the theme's own: its script acts on it", THEME)],
        ),
        (
            '# T\n\n[Menu](index.md){ data-md-toggle="drawer" }\n',
            [(3, "the attribute data-md-toggle= is the theme's own: its script acts on it", THEME)],
        ),
        (
            '# T\n\nText.\n\n<pre class="x Mermaid">graph LR; A-->B</pre>\n',
            [(5, 'the class "mermaid" makes the theme load a diagram program from another website', MERMAID)],
        ),
        ('# T\n\n<p id="config" class="mermaid-free" data-md="x">Fine.</p>\n', []),
        # What Markdown itself writes: aligned table columns, content tabs, a link's title.
        ("# T\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n", []),
        ('# T\n\n=== "One"\n\n    Text.\n\n=== "Two"\n\n    More.\n', []),
        ('# T\n\n[Home](../index.md "The start")\n\n*[MASH]: Multi-Agency Safeguarding Hub\n\nMASH\n', []),
        # Shown as code, never run: allowed.
        ("# T\n\n```html\n<script>alert(1)</script>\n```\n\nWrite `<iframe>` never.\n", []),
        ("# T\n\n    <script>alert(1)</script>\n", []),
        # What the real pages do.
        ("# T\n\n![A route](../images/front-door-route.svg)\n\n[Contacts](../contacts.md)\n", []),
        (
            '# T\n\n<div class="certificate" markdown>\n<p class="x">Hi <strong id="y">__</strong></p>\n'
            "</div>\n",
            [],
        ),
    ],
)
def test_pages(markdown, expected):
    assert check(markdown) == expected


@pytest.mark.parametrize(
    ("text", "needle", "piece", "line"),
    [
        ("a\nb <x>\nc", "<x>", "", 2),
        ("a\n[x](JavaScript:go())\n", "javascript:go()", "", 2),
        ("a\n[x](java&#115;cript:go())\n", "javascript:go()", "", 2),
        # Written with character references: found in the line read as a browser reads it.
        ("a\nb\n![x](/&Tab;/evil.example/a.png)\n", "/\t/evil.example/a.png", "", 3),
        ("a\nb\n![x](/&#10;/evil.example/a.png)\n", "/\n/evil.example/a.png", "", 3),
        ("a\nb\n![x](/&#92;evil.example/a.png)\n", "/\\evil.example/a.png", "", 3),
        ("![x][r]\n\n[r]: /&Tab;/evil.example/a.png\n", "/\t/evil.example/a.png", "", 3),
        ("![x][r]\n\n[r]: <//ev&#105;l.example/a.png>\n", "//evil.example/a.png", "", 3),
        # A Markdown escape: found by the host name.
        ("a\n![x](/\\\\evil.example/a.png)\n", "/\\evil.example/a.png", "", 2),
        # Inside the raw HTML it came from, on the attribute's own line.
        ('a\n<p>\n<img alt="a"\n src="/&Tab;/evil.example/a.png">\n</p>', "/\t/evil.example/a.png", "<p>", 4),
        # Not found: the line of the piece, or none.
        ("a\n<p>\nb</p>", "zzz", "<p>", 2),
        ("a\nb", "zzz", "", None),
    ],
)
def test_find_line(text, needle, piece, line):
    assert find_line(text, needle, piece) == line


SNIPPET = (
    "check the file name after --8<--: snippets are read from the project folder, "
    "for example docs/trainers/examples/quiz.yml"
)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            '# T\n\nText.\n\n--8<-- "no/such/file.md"\n',
            [(5, "the snippet 'no/such/file.md' does not exist", SNIPPET)],
        ),
        # The name also in the text before: the line is the --8<-- line's.
        (
            '# T\n\nSee no/such/file.md.\n\n--8<-- "docs/index.md"\n\n--8<-- "no/such/file.md"\n',
            [(7, "the snippet 'no/such/file.md' does not exist", SNIPPET)],
        ),
        # A block of snippets: the line naming the missing file.
        (
            "# T\n\n--8<--\ndocs/index.md\nno/such/file.md\n--8<--\n",
            [(5, "the snippet 'no/such/file.md' does not exist", SNIPPET)],
        ),
        (
            '# T\n\n--8<-- "docs/index.md:no-such-part"\n',
            [
                (
                    3,
                    "the snippet section 'no-such-part' does not exist",
                    "check the name after the ':' in the --8<-- line; the file must mark the section with "
                    "--8<-- [start:no-such-part] and --8<-- [end:no-such-part]",
                )
            ],
        ),
    ],
)
def test_a_missing_snippet_names_its_line(markdown, expected):
    assert check(markdown) == expected


def test_after_a_missing_snippet_the_next_conversion_is_judged_again():
    judge = SafeHtml()
    judge.start('# T\n\n--8<-- "no/such/file.md"\n')
    extensions = [*CONFIG.markdown_extensions, judge]
    md = markdown.Markdown(extensions=extensions, extension_configs=CONFIG.mdx_configs)
    md.convert(judge.text)
    assert [problem for _, problem, _ in judge.problems] == ["the snippet 'no/such/file.md' does not exist"]
    md.reset().convert("<script>alert(1)</script>\n")
    assert [problem for _, problem, _ in judge.problems] == ["the tag <script> is not allowed in a page"]


def test_every_real_page_passes():
    pages = sorted(p for p in (ROOT / "docs").rglob("*.md") if "examples" not in p.parts)
    assert len(pages) > 20
    problems = {}
    for page in pages:
        body, _ = meta.get_data(page.read_text(encoding="utf-8"))
        found = check(body)
        if found:
            problems[page.relative_to(ROOT).as_posix()] = found
    assert problems == {}


# --- Links under docs/ -----------------------------------------------------------------------


def test_links_under_docs(tmp_path):
    root = tmp_path / "project"
    docs = root / "docs"
    (docs / "images").mkdir(parents=True)
    (docs / "page.md").write_text("# Page\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret\n")
    (docs / "leak.md").symlink_to(outside / "secret.md")
    (docs / "copy.md").symlink_to(docs / "page.md")
    (docs / "shared").symlink_to(outside, target_is_directory=True)

    assert link_problem(docs / "page.md", docs, root) is None
    assert link_problem(docs / "leak.md", docs, root) == (
        "docs/leak.md",
        None,
        f"this file is a link to {outside / 'secret.md'}",
        "copy the file into docs/ instead",
    )
    assert link_problem(docs / "copy.md", docs, root) == (
        "docs/copy.md",
        None,
        "this file is a link to docs/page.md",
        "copy the file into docs/ instead",
    )
    assert link_problem(docs / "shared" / "secret.md", docs, root) == (
        "docs/shared",
        None,
        f"this folder is a link to {outside}",
        "copy the folder into docs/ instead",
    )
    assert link_problem(root / "generated.md", docs, root) is None


# --- Files under docs/ that are published as they are ---------------------------------------

AS_PAGE = (
    "an HTML file would be published as it is, without the checks a page gets",
    "write the page in Markdown, as a .md file",
)
XML = (
    "an XML file would be published as it is, and a browser can run script in it",
    "remove it, or put what it says into a Markdown page (.md)",
)
SCRIPT_FILE = (
    "a script file would run in a reader's browser",
    "remove it: the site's own scripts are in docs/javascripts/, written by a developer",
)
NO_SCRIPT_PICTURE = "remove it: a picture cannot run scripts"
DRAWING_ONLY = "remove it: a picture may hold only shapes, lines, text and pictures from docs/images/"
FROM_ELSEWHERE = "draw it into the picture or copy it into docs/images/"
OWN_PARTS = (
    "a picture or style sheet may only point to its own parts (#name) or to files of this site, "
    "such as ../images/x.svg"
)
SAVE_AGAIN = "save the picture again from the drawing program as plain SVG"
CSS_ELSEWHERE = "copy the file into docs/ and give its address from this file, such as ../images/x.svg"


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("evil.html", AS_PAGE),
        ("services/EVIL.HTM", AS_PAGE),
        ("a.xhtml", AS_PAGE),
        ("a.shtml", AS_PAGE),
        ("data/feed.xml", XML),
        ("a.xsl", XML),
        (
            "images/map.svgz",
            ("a compressed SVG picture cannot be checked", "save the picture as a plain .svg file"),
        ),
        ("evil.js", SCRIPT_FILE),
        ("images/evil.js", SCRIPT_FILE),
        ("stylesheets/javascripts/evil.js", SCRIPT_FILE),
        ("javascripts/evil.mjs", SCRIPT_FILE),
        # The site's own scripts, and files that cannot run anything.
        ("javascripts/progress.js", None),
        ("images/photo.png", None),
        ("trainers/examples/quiz.yml", None),
        ("trainers/examples/check-report.txt", None),
    ],
)
def test_files_that_could_run_script(src_uri, expected):
    # These are judged by their names alone: the file is never opened.
    found = file_problem(src_uri, Path("/no/such/file"))
    assert found == ((f"docs/{src_uri}", None, *expected) if expected else None)


def svg(body: str, head: str = "") -> bytes:
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        f"{body}\n</svg>\n"
    ).encode()


@pytest.mark.parametrize(
    ("picture", "expected"),
    [
        (svg("<script>alert(1)</script>"), (2, "the diagram has a <script> element", NO_SCRIPT_PICTURE)),
        (
            svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
            (2, "the diagram has a <script> element", NO_SCRIPT_PICTURE),
        ),
        (
            svg("<foreignObject><p>x</p></foreignObject>"),
            (2, "the diagram has a <foreignObject> element", DRAWING_ONLY),
        ),
        (svg('<iframe src="x.html"/>'), (2, "the diagram has an <iframe> element", DRAWING_ONLY)),
        (svg('<object data="x.swf"/>'), (2, "the diagram has an <object> element", DRAWING_ONLY)),
        (svg('<embed src="x.swf"/>'), (2, "the diagram has an <embed> element", DRAWING_ONLY)),
        (svg('<audio src="x.mp3"/>'), (2, "the diagram has an <audio> element", DRAWING_ONLY)),
        (svg('<video src="x.mp4"/>'), (2, "the diagram has a <video> element", DRAWING_ONLY)),
        (
            svg('<div xmlns="http://www.w3.org/1999/xhtml">x</div>'),
            (2, "the diagram has a <div> element", DRAWING_ONLY),
        ),
        (svg('<rect onclick="go()"/>'), (2, "the diagram has an onclick= attribute", NO_SCRIPT_PICTURE)),
        (svg('<g\n  ONLOAD="go()"/>'), (3, "the diagram has an ONLOAD= attribute", NO_SCRIPT_PICTURE)),
        (
            svg('<image href="https://other.example/a.png"/>'),
            (2, "the diagram loads https://other.example/a.png from another website", FROM_ELSEWHERE),
        ),
        (
            svg('<image xlink:href=" //other.example/a.png"/>'),
            (2, "the diagram loads //other.example/a.png from another website", FROM_ELSEWHERE),
        ),
        (
            svg('<use href="https&#58;//other.example/a.svg#x"/>'),
            (2, "the diagram loads https://other.example/a.svg#x from another website", FROM_ELSEWHERE),
        ),
        (
            svg('<image href="data:image/png;base64,AAAA"/>'),
            (2, "the diagram uses the address data:image/png;base64,AAAA", OWN_PARTS),
        ),
        (
            svg('<a href="java&#9;script:alert(1)"><text>x</text></a>'),
            (2, "the diagram uses the address java script:alert(1)", OWN_PARTS),
        ),
        (
            svg('<a xlink:href="https://www.gov.uk/"><text>x</text></a>'),
            (
                2,
                "the diagram links to https://www.gov.uk/",
                "put the link in the page, under the picture: a picture may only link within this site",
            ),
        ),
        (
            svg('<g xml:base="https://other.example/"><image href="a.png"/></g>'),
            (2, "the diagram loads https://other.example/ from another website", FROM_ELSEWHERE),
        ),
        (
            svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'),
            (
                2,
                "the diagram has a <set> that changes href=",
                "remove it: a picture may not change its links or addresses as it plays",
            ),
        ),
        (
            svg('<rect fill="url(https://other.example/p.svg#g)"/>'),
            (2, "the diagram loads https://other.example/p.svg#g from another website", FROM_ELSEWHERE),
        ),
        (
            svg("<rect style=\"fill: URL( 'https://other.example/p.svg#g' )\"/>"),
            (2, "the diagram loads https://other.example/p.svg#g from another website", FROM_ELSEWHERE),
        ),
        (
            svg("<style>\n  rect { fill: red }\n  @import '//other.example/a.css';\n</style>"),
            (4, "the diagram loads //other.example/a.css from another website", FROM_ELSEWHERE),
        ),
        (
            svg("<style><![CDATA[\nrect { fill: \\75 rl(https://other.example/p.svg#g) }\n]]></style>"),
            (3, "the diagram loads https://other.example/p.svg#g from another website", FROM_ELSEWHERE),
        ),
        (
            svg(
                "<rect/>",
                head='<?xml version="1.0"?>\n<?xml-stylesheet href="https://other.example/a.css"?>\n',
            ),
            (
                2,
                "the diagram has <?xml-stylesheet ...?>",
                "remove it: styles go in a <style> element inside the picture",
            ),
        ),
        (
            svg("<rect/>", head='<!DOCTYPE svg [<!ATTLIST rect onclick CDATA "alert(1)">]>\n'),
            (
                1,
                "the diagram has declarations of its own in <!DOCTYPE ... [...]>",
                "remove the <!DOCTYPE ...> part: a picture needs none",
            ),
        ),
        (
            svg("<text>&x;</text>", head='<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>\n'),
            (
                1,
                "the diagram has declarations of its own in <!DOCTYPE ... [...]>",
                "remove the <!DOCTYPE ...> part: a picture needs none",
            ),
        ),
        (
            svg(
                "<text>&nbsp;</text>",
                head='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
            ),
            (3, "the diagram uses the entity &nbsp;", "write the character itself instead"),
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>\n',
            (
                3,
                "the diagram is not a valid SVG file: Opening and ending tag mismatch: rect line 2 and svg, "
                "line 3, column 7",
                SAVE_AGAIN,
            ),
        ),
        (
            b'<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>',
            (1, "the file is not an SVG picture: it starts with <html>", SAVE_AGAIN),
        ),
    ],
)
def test_what_a_diagram_may_not_hold(picture, expected):
    assert svg_problems(picture)[:1] == [expected]


@pytest.mark.parametrize(
    "picture",
    [
        svg(
            '<title id="t">A route</title><desc>Steps</desc><defs><marker id="m"><path d="M0,0"/></marker>'
            "</defs><style>text { font: 16px sans-serif } rect { fill: url(#g) }</style>"
            '<line marker-end="url(#m)"/><rect style="fill: url(#g)"/><text>1. A contact (url: none)</text>'
            '<a href="../services/front-door.html"><text>More</text></a><use href="#m"/>'
            '<image href="other.png"/><animate attributeName="opacity" to="0"/><!-- a note -->'
        ),
        svg(
            "<rect/>",
            head='<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd">\n',
        ),
    ],
)
def test_what_a_diagram_may_hold(picture):
    assert svg_problems(picture) == []


def test_every_real_picture_passes():
    pictures = sorted((ROOT / "docs" / "images").glob("*.svg"))
    assert len(pictures) >= 7
    assert {p.name: svg_problems(p.read_bytes()) for p in pictures} == {p.name: [] for p in pictures}


@pytest.mark.parametrize(
    ("css", "addresses"),
    [
        ("a { background: url(x.png) }", ["x.png"]),
        ("a { background: URL( 'x.png' ) }", ["x.png"]),
        ('@import "https://other.example/a.css";', ["https://other.example/a.css"]),
        ("@import url(//other.example/a.css) screen;", ["//other.example/a.css"]),
        ("@IMPORT '//other.example/a.css';", ["//other.example/a.css"]),
        ("a { b: \\75 rl(https://other.example/x) }", ["https://other.example/x"]),
        ("a { b: u\\rl(https://other.example/x) }", ["https://other.example/x"]),
        ("@\\69mport 'https://other.example/x';", ["https://other.example/x"]),
        (
            'a { b: image-set("https://other.example/a.png" 1x, "b.png" 2x) }',
            ["https://other.example/a.png", "b.png"],
        ),
        ("a { b: url(https\\3a //other.example/x) }", ["https://other.example/x"]),
        ('@font-face { src: local("Arial"), url("f.woff2") format("woff2") }', ["f.woff2"]),
        # A custom property's value may reach a function that loads it: image-set(var(--x) 1x)
        # (found by a security review, 7 December 2026).
        (
            ':root { --x: "https://other.example/a.png"; } a { b: image-set(var(--x) 1x) }',
            ["https://other.example/a.png"],
        ),
        ("a { --y: 'Note: read this'; --z: f('//other.example/b') } b { c: 'x' }", ["//other.example/b"]),
        (
            '@property --x { syntax: "*"; inherits: false; initial-value: "https://other.example/a.png" }',
            ["https://other.example/a.png"],
        ),
        ("a { --d: 'data:image/png,AA' }", ["data:image/png,AA"]),
        # Not addresses: comments, strings shown as text, selectors.
        ("/* url(https://other.example/x) */ a { color: red }", []),
        ('a[href^="mailto:"]::after { content: " (" attr(href) ")" }', []),
        ('a::after { content: "url(https://other.example/x)" }', []),
        ("a { b: url (x) }", []),
    ],
)
def test_css_addresses(css, addresses):
    assert [address for _, address in css_addresses(css)] == addresses


def test_every_real_style_sheet_passes():
    sheets = sorted((ROOT / "docs").rglob("*.css"))
    assert len(sheets) >= 2
    assert {p.name: css_problems(p.read_text(encoding="utf-8"), "the style sheet") for p in sheets} == {
        p.name: [] for p in sheets
    }


def test_css_problems_name_the_line():
    css = "a { color: red }\n\n@import url(https://other.example/a.css);\nb { c: url(data:image/png,AA) }\n"
    assert css_problems(css, "the style sheet") == [
        (3, "the style sheet loads https://other.example/a.css from another website", CSS_ELSEWHERE),
        (4, "the style sheet uses the address data:image/png,AA", OWN_PARTS),
    ]


def test_what_the_sites_hooks_add_meets_the_same_rules_and_counts_without_a_line():
    """The page's one conversion also holds what the site's hooks added (the Glossary page's A to
    Z, the learning path) and what the files it includes with --8<-- hold. A problem counts even
    where the trainer's Markdown does not have it: with no line if it is in none of them (before
    December 2026 such problems were let through, and a security review got a redirect onto a
    page from an included file)."""
    added = '<nav class="glossary-az" aria-label="Glossary from A to Z"><a href="#a">A</a></nav>'
    assert page_problems("A page.\n", [added], "<div><nav></nav><p>a@<wbr>b</p></div>") == []
    assert page_problems("A page.\n", ["<marquee>Added</marquee>"], "") == [
        (None, "the tag <marquee> is not allowed in a page", ALLOWED)
    ]
    tree = '<div><img src="https://x.example/a.png"></div>'
    assert page_problems("A page.\n\n<p>Typed</p>\n", [], tree) == [
        (None, "the picture https://x.example/a.png is loaded from another website", PICTURE)
    ]


def test_a_problem_in_an_included_file_has_the_line_that_includes_it():
    text = 'Intro.\n\n--8<-- "data/notes.md"\n\nMore.\n'
    lines = text.split("\n")
    result = [*lines[:2], "Some words.", "", '<meta http-equiv="refresh" content="0">', *lines[3:]]
    included = included_texts(lines, result)
    assert included == [('--8<-- "data/notes.md"', 'Some words.\n\n<meta http-equiv="refresh" content="0">')]
    assert page_problems(text, ['<meta http-equiv="refresh" content="0">'], "", included) == [
        (3, "the tag <meta> is not allowed in a page", ALLOWED)
    ]


def test_a_problem_after_a_blank_line_of_an_included_file_has_the_line_that_includes_it():
    """The file's blank line is matched with the page's, so what follows it is a run of its own."""
    text = 'Intro.\n\n--8<-- "data/notes.md"\n'
    lines = text.split("\n")
    result = [*lines[:2], "# Notes", "", '<meta http-equiv="refresh" content="0">', "", ""]
    included = included_texts(lines, result)
    assert [(line, block.split()) for line, block in included] == [
        ('--8<-- "data/notes.md"', ["#", "Notes", "<meta", 'http-equiv="refresh"', 'content="0">'])
    ]
    assert page_problems(text, ['<meta http-equiv="refresh" content="0">'], "", included) == [
        (3, "the tag <meta> is not allowed in a page", ALLOWED)
    ]


def test_every_conversion_is_judged_and_what_the_page_does_not_hold_has_no_line():
    """What a hook or plugin adds to a page's Markdown, or converts with the site's extensions on
    its own, meets the same rules: a problem the trainer's text does not hold counts, with no line."""
    page = "A page.\n\n<script>alert(1)</script>\n"
    judge = SafeHtml()
    judge.start(page)
    extensions = [*CONFIG.markdown_extensions, judge]
    markdown.Markdown(extensions=extensions).convert('<iframe src="a.html"></iframe>')
    assert judge.problems == [(None, "the tag <iframe> is not allowed in a page", EMBED)]
    markdown.Markdown(extensions=extensions).convert(page + "<!-- added by a hook -->\n")
    assert judge.problems == [(3, "the tag <script> is not allowed in a page", NO_SCRIPT)]


# --- Bad input in a copy of the real project, built strictly -------------------------------

PAGE = "docs/services/fostering.md"
PLANTED_LINE = 36  # a new paragraph after line 35, the blank line before '### The rules ...'


@pytest.mark.parametrize(
    ("planted", "message"),
    [
        (
            "<script>alert('planted')</script>",
            f"{PAGE}:36: the tag <script> is not allowed in a page ({NO_SCRIPT})",
        ),
        (
            "Carers <img src=x onerror=\"alert('planted')\"> say.",
            f"{PAGE}:36: the attribute onerror= on <img> is not allowed in a page ({NO_SCRIPT})",
        ),
        (
            '<iframe src="https://video.example/planted"></iframe>',
            f"{PAGE}:36: the tag <iframe> is not allowed in a page ({EMBED})",
        ),
        (
            "[Apply now](javascript:alert(1)) (planted)",
            f"{PAGE}:36: the address javascript:alert(1) starts with javascript:, which a page may not use "
            f"({LINK})",
        ),
        (
            "![A carer](https://other.example/planted.png)",
            f"{PAGE}:36: the picture https://other.example/planted.png is loaded from another website "
            f"({PICTURE})",
        ),
        (
            "<style>body { display: none } /* planted */</style>",
            f"{PAGE}:36: the tag <style> is not allowed in a page "
            "(remove it: styles go in docs/stylesheets/extra.css)",
        ),
        (
            '<form action="https://other.example/planted"><input name="n"></form>',
            f"{PAGE}:36: the tag <form> is not allowed in a page ({NO_FORM})",
        ),
        (
            "![A carer](/&Tab;/other.example/planted.png)",
            f"{PAGE}:36: the picture / /other.example/planted.png is loaded from another website ({PICTURE})",
        ),
        (
            '--8<-- "no/such/planted.md"',
            f"{PAGE}:36: the snippet 'no/such/planted.md' does not exist ({SNIPPET})",
        ),
        (
            # Judged in the page's one conversion, after hooks/facts.py has filled the placeholder:
            # the piece is no longer word for word what the trainer wrote.
            "<script>alert('{{ contacts.emergency.phone }} planted')</script>",
            f"{PAGE}:36: the tag <script> is not allowed in a page ({NO_SCRIPT})",
        ),
        (
            # found by a security review, December 2026: the file's HTML was let through
            '--8<-- "data/planted.md"',
            f"{PAGE}:36: the tag <meta> is not allowed in a page ({ALLOWED})",
        ),
        (
            '--8<-- "data/planted-script.md"',
            f"{PAGE}:36: the tag <script> is not allowed in a page ({NO_SCRIPT})",
        ),
        (
            '<div id="__config" hidden>{"base": "..", "search": "../stylesheets/extra.css"}</div>',
            f"{PAGE}:36: the id __config is the theme's own: its script reads its settings from it ({THEME})",
        ),
        (
            # a browser reads an address without the line breaks inside it
            '<div><img alt="x" src="//oth\ner.exam\nple/planted.png"></div>',
            f"{PAGE}:36: the picture",
        ),
    ],
    ids=[
        *("script", "onerror", "iframe", "javascript link", "picture from another site", "style", "form"),
        *("picture address with a character reference", "missing snippet", "script around a fact"),
        *("redirect in an included file", "script in an included file", "theme settings"),
        "address over lines",
    ],
)
def test_unsafe_html_in_a_page_fails_the_build(project_copy, tmp_path, planted, message):
    (project_copy / "data" / "planted.md").write_text(
        'Words.\n\n<meta http-equiv="refresh" content="0;url=https://other.example/planted">\n',
        encoding="utf-8",
    )
    (project_copy / "data" / "planted-script.md").write_text(
        'Words.\n\n<script src="../../javascripts/progress.js"></script>\n', encoding="utf-8"
    )
    page = project_copy / PAGE
    lines = page.read_text(encoding="utf-8").split("\n")
    assert lines[PLANTED_LINE - 2] == "" and lines[PLANTED_LINE - 1].startswith("### The rules"), (
        f"{PAGE} has changed: choose another blank line for the planted text"
    )
    lines[PLANTED_LINE - 1 : PLANTED_LINE - 1] = [planted, ""]
    page.write_text("\n".join(lines), encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert message in build.output
    assert "Traceback" not in build.output
    assert_nothing_unsafe(tmp_path / "site", "planted")


NOTE_FIRST_LINE = '!!! trainer "Check this figure"'


@pytest.mark.parametrize(
    ("planted", "expected"),
    [
        (
            "See [the old slides](javascript:alert(document.domain)).",
            "the address javascript:alert(document.domain) starts with javascript:, which a page may "
            f"not use ({LINK})",
        ),
        (
            "See [the data](data:text/html,x).",
            "the address data:text/html,x starts with data:, which a page may not use",
        ),
        (
            'See [the slides](../images/continuum-of-need.svg){ onclick="alert(2)" }.',
            f"the attribute onclick= on <a> is not allowed in a page ({NO_SCRIPT})",
        ),
        (
            "![A chart](https://other.example/chart.png)",
            f"the picture https://other.example/chart.png is loaded from another website ({PICTURE})",
        ),
    ],
    ids=["javascript link", "data link", "onclick", "picture from another site"],
)
def test_what_a_trainer_types_in_a_note_is_judged_like_the_page(project_copy, tmp_path, planted, expected):
    """A trainer note is taken out of the page but printed in the trainer pack, links and all; its
    Markdown was taken out before it was judged, so a javascript: link in a note reached the
    trainer pack's PDF and a picture from another website stopped only the export's printing."""
    page = project_copy / "docs" / "corporate-parenting.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    at = lines.index(NOTE_FIRST_LINE) + 2  # the note's first line of text, as a file line
    lines.insert(at, f"    {planted}")
    page.write_text("\n".join(lines), encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert f"docs/corporate-parenting.md:{at + 1}: {expected}" in build.output, build.output
    assert "Traceback" not in build.output
    assert not list((tmp_path / "site").rglob("*.html"))


@pytest.mark.parametrize(
    ("link", "target", "message"),
    [
        (
            "images/planted.svg",
            "outside.svg",
            "docs/images/planted.svg: this file is a link to {target} (copy the file into docs/ instead)",
        ),
        (
            "images/planted",
            "outside",
            "docs/images/planted: this folder is a link to {target} (copy the folder into docs/ instead)",
        ),
    ],
    ids=["file", "folder"],
)
def test_a_link_to_something_outside_the_project_fails_the_build(
    project_copy, tmp_path, link, target, message
):
    # A picture: MkDocs copies it as it is, so no page check would ever see it.
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text("<svg><!-- planted-secret --></svg>", encoding="utf-8")
    (tmp_path / "outside.svg").write_text("<svg><!-- planted-secret --></svg>", encoding="utf-8")
    (project_copy / "docs" / link).symlink_to(tmp_path / target)
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert message.format(target=tmp_path / target) in build.output
    assert_nothing_unsafe(tmp_path / "site", "planted-secret")


@pytest.mark.parametrize(
    ("planted", "content", "message"),
    [
        (
            "evil.html",
            '<p>planted</p><script>alert(1)</script><img src="https://other.example/a.png">',
            "docs/evil.html: {} ({})".format(*AS_PAGE),
        ),
        (
            "images/evil.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<!-- planted -->\n<script>alert(1)</script>\n'
            '<image href="https://other.example/a.png"/>\n</svg>\n',
            f"docs/images/evil.svg:3: the diagram has a <script> element ({NO_SCRIPT_PICTURE})",
        ),
        (
            "images/map.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<!-- planted -->\n'
            '<image href="https://other.example/a.png"/>\n</svg>\n',
            f"docs/images/map.svg:3: the diagram loads https://other.example/a.png from another website "
            f"({FROM_ELSEWHERE})",
        ),
        ("images/evil.js", "alert('planted')", "docs/images/evil.js: {} ({})".format(*SCRIPT_FILE)),
        (
            "stylesheets/planted.css",
            "/* planted */\na { color: red }\n@import url(https://other.example/a.css);\n",
            "docs/stylesheets/planted.css:3: the style sheet loads https://other.example/a.css from another "
            f"website ({CSS_ELSEWHERE})",
        ),
        (
            "stylesheets/planted.css",
            '/* planted */\n:root { --x: "https://other.example/a.png" }\n'
            ".md-header { background: image-set(var(--x) 1x) }\n",
            "docs/stylesheets/planted.css:2: the style sheet loads https://other.example/a.png from another "
            f"website ({CSS_ELSEWHERE})",
        ),
    ],
    ids=[
        *(
            "html",
            "svg with script",
            "svg with a picture from elsewhere",
            "script outside javascripts",
            "css",
        ),
        "css custom property",
    ],
)
def test_an_unsafe_file_under_docs_fails_the_build(project_copy, tmp_path, planted, content, message):
    # MkDocs copies these as they are: no page check would ever see them.
    (project_copy / "docs" / planted).write_text(content, encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert message in build.output
    assert "Traceback" not in build.output
    assert_nothing_unsafe(tmp_path / "site", "planted")
    assert not (tmp_path / "site" / planted).exists()


def test_the_error_table_shows_these_messages():
    """docs/trainers/errors.md gives each message as the build writes it."""
    table = (ROOT / "docs" / "trainers" / "errors.md").read_text(encoding="utf-8")
    examples = [
        *html_problems("<script>", TYPED),
        *html_problems("<img onerror=x>", TYPED),
        *html_problems('<button type="submit">', TYPED),
        ("", *url_problem("a", "href", "javascript:alert(1)")),
        ("", *url_problem("img", "src", "https://other.example/carers.png")),
        ("", *url_problem("video", "poster", "https://other.example/still.png")),
    ]
    for _, problem, _ in examples:
        assert f": {problem}`" in table, problem
    assert "this HTML is not allowed in a page: " in table
    assert ": the snippet 'docs/trainers/examples/learnig-page.md' does not exist`" in table
    files = [
        file_problem("carers.html", Path("/no/such/file")),
        file_problem("images/menu.js", Path("/no/such/file")),
        (None, *svg_problems(svg("<script>alert(1)</script>"))[0]),
        (None, *svg_problems(svg('<image href="https://other.example/a.png"/>'))[0]),
        (None, *svg_problems(svg('<a href="https://www.gov.uk/"><text>x</text></a>'))[0]),
        (None, *css_problems("@import url(https://other.example/a.css);", "the style sheet")[0]),
    ]
    for *_, problem, _ in files:
        assert f": {problem}`" in table, problem
    assert (
        "this folder is a link to" in table
        and "`docs/services/fostering.md: this file is outside the project`" in table
    )


def assert_nothing_unsafe(site: Path, unsafe: str) -> None:
    """No page was written, and no file in the site holds the planted text."""
    assert not list(site.rglob("*.html")), "a failed build wrote pages"
    for path in site.rglob("*"):
        if path.is_file():
            assert unsafe.encode() not in path.read_bytes(), f"{path} holds the planted text"


# --- Python-Markdown names that are not its documented interface ----------------------------


def test_markdown_internals_are_as_pinned():
    """induction/safe_html.py reads `md.htmlStash.rawHtmlBlocks` (the raw HTML a trainer typed)
    and `markdown.util.AMP_SUBSTITUTE` (the serializer's stand-in for `&`), which Python-Markdown
    does not document. When Markdown moves from the pinned version, re-check both (the comment
    in induction.safe_html._Judge.run says how), then widen the range in its require(...) call."""
    assert markdown.__version__ == "3.11.3", "Markdown moved: re-check safe_html's use of its internals"
    hrefs = []

    class Hrefs(Treeprocessor):
        def run(self, root):
            hrefs.extend(a.get("href") for a in root.iter("a"))

    md = markdown.Markdown(extensions=["md_in_html"])
    md.treeprocessors.register(Hrefs(md), "hrefs", -100)
    md.convert("Text.\n\n<script>alert(1)</script>\n\n<div markdown>\n*a*\n</div>\n\n<a@b.example>\n")
    typed = [piece.strip() for piece in md.htmlStash.rawHtmlBlocks if isinstance(piece, str)]
    assert "<script>alert(1)</script>" in typed
    assert hrefs[0].startswith(f"{AMP_SUBSTITUTE}#109;{AMP_SUBSTITUTE}#97;")  # "ma" of mailto:
