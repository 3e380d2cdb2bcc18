"""Content-Security-Policy: a reader's browser runs only the script files the site ships.

Every page carries POLICY in a `<meta http-equiv="Content-Security-Policy">`, the first thing in
its <head> (overrides/main.html writes it from `config.extra.csp`, set here), so the policy holds
on a web server and in the offline copy opened from file:// alike.
POLICY is the one place the policy is written: a web server can send the same text as a header.

The policy lets scripts, stylesheets, images, fonts, workers and connections come from the site
itself only ('self'), plus `data:` images (Material draws its icons with data: SVGs in its
stylesheet); no plugins, no <base>, no form submission. It has no 'unsafe-inline', no
'unsafe-eval' and no hashes, so no inline script, style or event handler runs: a <script> or an
onerror= that a trainer's text smuggled into a page is blocked like everything else inline.

Why no hashes: allowing each inline script found in a built page by its hash would allow a
planted one too, and picking out the trusted ones at build time means matching text. Instead,
everything the site's own tools wrote inline is now in files, so trust is decided by the files
the site ships:
- Material's inline scripts (partials/javascripts/base, palette and content): the partials in
  overrides/partials/javascripts/ load copies from overrides/assets/javascripts/theme/
  (tests/test_csp.py fails when the installed Material's differ).
- mkdocs-quiz's script, stylesheet, settings and `onsubmit` handlers: hooks/quizzes.py writes the
  self-checks without them, serves the script as a file, and writes the settings as a JSON block
  (`type="application/json"` is data and never runs, like Material's own `__config`), read by
  docs/javascripts/quiz-settings.js.
- The offline search shim (overrides/assets/vendor/iframe-worker/shim.js) starts its frame from a
  file instead of writing an inline script into it.

Checked in Chromium (tests/test_browser_csp.py): 'self' covers the site's own files opened from
file:// too (the offline copy loads with no violation, and a script planted in it is blocked);
JSON data blocks are not checked by the policy; the frame the search shim writes inherits the
policy, so its inline script was blocked until it became frame.js.

`mkdocs serve`, the trainers' live preview, has the same policy. MkDocs adds its live-reload
script inline to each page it serves, after the build, with numbers that change with every build
and every request, so no hash computed at build time could allow it, and 'unsafe-inline' would
also let inline on...= handlers and javascript: links run in the preview. So the policy blocks
it (the one violation the preview reports) and, in serve only, the pages load induction/live_reload.js
instead: the same polling of MkDocs' server, from a file.

Under the policy the browser would silently block anything inline still left, and the feature it
belongs to would stop working. So every built page (404.html too) is read as a browser reads it
(by Lexbor, an HTML parser that follows the HTML standard), and an inline script, <style>,
style= or on...= attribute or javascript: URL is reported as a warning naming the page, which
fails the strict build. So is what the policy
cannot stop, or should never meet: a <meta http-equiv> other than the policy's own (a refresh
sends the reader to another website), <base> and frames. The checks of each page's text stop
these at their line; this is the net under them, for templates, settings and plugins.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from induction.common import DataError, warn
from induction.versions import require

require(
    "mkdocs-material",
    "==9.8.1",
    "the copies of Material's partials under overrides/partials/ (search.html, languages/en.html, "
    "javascripts/*.html) and of its inline scripts under overrides/assets/javascripts/theme/",
)
require(
    "selectolax",
    "==1.0.2",
    'induction/csp.py\'s reading of which Lexbor nodes are elements (a comment is named "-comment", '
    'the document "-document", a processing instruction has no name) and of template_fragments()',
)
require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "induction/live_reload.js, which polls mkdocs serve's /livereload/ address as MkDocs' inline script does",
)

log = logging.getLogger("mkdocs.hooks.csp")


def set_policy(config, serving: bool) -> None:
    """The policy for overrides/main.html; in `mkdocs serve`, the live-reload script as a file."""
    config.extra["csp"] = POLICY
    if serving and LIVE_RELOAD not in config.extra_javascript:
        config.extra_javascript.append(LIVE_RELOAD)  # written into the served site by write_live_reload


def write_live_reload(site_dir: str) -> None:
    """Put induction/live_reload.js into the served site, where set_policy's address points."""
    target = Path(site_dir, LIVE_RELOAD)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(Path(__file__).with_name("live_reload.js").read_bytes())


def report(display: str, found: list[str]) -> None:
    """Warn (under `mkdocs.`, so a strict build fails) about each thing the policy would block."""
    for what in dict.fromkeys(found):
        if what == NO_POLICY:
            problem = "the built page does not open its <head> with the site's security policy"
            expected = (
                "keep the site_meta block in overrides/main.html and hooks/csp.py in the hooks: of mkdocs.yml"
            )
        elif what.startswith(ELSEWHERE):
            problem = (
                f"the built page has {what}, which could send the reader to another page or website "
                "or put one inside the page, and the site's security policy cannot stop it"
            )
            expected = (
                "the checks of pages stop such tags at their line, so it came from a template in "
                "overrides/, a setting or a plugin: ask a developer"
            )
        else:
            problem = f"the built page has {what}, which the site's security policy blocks"
            expected = (
                "write no script, style or on...= attributes in pages; a feature's script or "
                "style goes in a file under docs/javascripts/ or docs/stylesheets/"
            )
        warn(log, DataError(display, None, problem, expected))


# --- Checking a built page ------------------------------------------------------------------


def inline_code(html_text: str, policy: str | None = None) -> list[str]:
    """What in this page the policy would block: inline scripts (not JSON data blocks), <style>
    elements, style= and on...= attributes, javascript: URLs; and a missing or changed policy.

    The page is read as a browser reads it, by Lexbor (selectolax), an HTML parser that follows
    the HTML standard: what the browser would take for a tag or an attribute is one here too
    (`<a/onclick=...>`, a duplicate attribute, a tag inside a <textarea>), and the content of a
    <template>, which a script may copy into the page, is read as well."""
    tree = LexborHTMLParser(html_text)
    first = next((node for node in tree.head.iter() if _is_element(node)), None)  # in <head>
    found = [] if first is not None and _is_policy(first, policy or POLICY) else [NO_POLICY]
    _find_inline(tree.root, found)
    return found


def _is_element(node) -> bool:
    """Not a comment, a processing instruction (read as a comment) or the document: Lexbor names
    those "-comment", None, "-document"; an element's name starts with a letter."""
    return bool(node.tag) and not node.tag.startswith("-")


def _is_policy(element, policy: str) -> bool:
    attributes = element.attributes
    equiv = (attributes.get("http-equiv") or "").strip().lower()
    return (
        element.tag == "meta" and equiv == "content-security-policy" and attributes.get("content") == policy
    )


def _find_inline(top, found: list[str]) -> None:
    for element in top.traverse(include_text=False):
        if not _is_element(element):
            continue
        tag = element.tag
        attributes = element.attributes
        equiv = (attributes.get("http-equiv") or "").strip().lower()
        if tag == "meta" and equiv and equiv != "content-security-policy":
            found.append(f'a <meta http-equiv="{equiv}">')
        elif tag in ELSEWHERE_TAGS:
            found.append(f"a <{tag}>")
        if tag == "script" and "src" not in attributes and _runs(attributes.get("type")):
            found.append("an inline <script>")
        elif tag == "style":
            found.append("a <style> element")
        for name, value in attributes.items():
            name = name.lower()
            if name == "style":
                found.append(f"a style= attribute on <{tag}>")
            elif name.startswith("on"):
                found.append(f"an {name}= attribute on <{tag}>")
            elif name in URL_ATTRIBUTES and JAVASCRIPT_URL.match(value or ""):
                found.append(f"a javascript: link in {name}= on <{tag}>")
        if tag == "template":  # its content is a fragment of its own, outside the tree
            for fragment in element.template_fragments():
                _find_inline(fragment, found)


def _runs(script_type: str | None) -> bool:
    """Whether a <script> of this type is run (the HTML standard's JavaScript MIME types)."""
    kind = (script_type or "").strip().lower()
    return kind in ("", "module") or kind in JAVASCRIPT_TYPES


POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    )
)
# `mkdocs serve` only: the preview's pages reload on save with this file (induction/live_reload.js),
# not with the script MkDocs adds inline, which the policy blocks.
LIVE_RELOAD = "javascripts/live-reload.js"
NO_POLICY = "no security policy first in its <head>"
JAVASCRIPT_TYPES = {
    f"{kind}/{name}"
    for kind in ("application", "text")
    for name in (
        "ecmascript javascript x-ecmascript x-javascript javascript1.0 javascript1.1 javascript1.2 "
        "javascript1.3 javascript1.4 javascript1.5 jscript livescript"
    ).split()
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
# Tags that send the reader elsewhere or put another page inside this one: a refresh (the policy
# cannot stop a <meta http-equiv="refresh">), <base> and frames. No page of the site has any.
ELSEWHERE_TAGS = {"base", "iframe", "frame", "frameset", "object", "embed", "portal"}
ELSEWHERE = ("a <meta http-equiv=", *(f"a <{tag}>" for tag in ELSEWHERE_TAGS))
JAVASCRIPT_URL = re.compile(r"[\x00-\x20]*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
