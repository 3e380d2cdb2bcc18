"""Text a trainer typed, made safe to put into Markdown. Three purposes, three functions:

- `markdown_text`: shows exactly as typed, wherever it lands (facts, titles, link text);
- `markdown_line`: shows exactly as typed as a line of its own, even where a line's first
  character would start a heading, list or quote (the Glossary page's terms and definitions);
- `trainer_markdown`: a trainer's sentence (quiz questions, answers, feedback) that may use
  *emphasis* and {{ fact }} placeholders, and nothing else of Markdown or HTML.

For HTML, not Markdown, use `html.escape` (Jinja's `|e` in templates).
"""

from __future__ import annotations

import html
import re


def markdown_text(value) -> str:
    """`value` as Markdown that shows exactly as typed wherever it lands: in running text, a
    link's text or address, or an attribute of raw HTML. Tags, links (`[x](javascript:...)`),
    code spans, attribute lists (`{: onclick=... }`) and a `"` or `'` that would end an attribute
    are written as character references, which read as the characters themselves."""
    return html.escape(str(value), quote=False).translate(MARKDOWN_SPECIAL)


def markdown_line(value: str) -> str:
    """`value` as one line of Markdown that shows exactly as written: spaces and line breaks as one
    space, & and < as entities, the signs of inline Markdown escaped, and a first character that
    would start a block written as a character reference."""
    value = MARKDOWN_SIGNS.sub(r"\\\g<0>", html.escape(" ".join(value.split()), quote=False))
    return f"&#{ord(value[0])};{value[1:]}" if BLOCK_START.match(value) else value


def trainer_markdown(value: str, line_start: bool = True) -> str:
    """Trainer text as text: no HTML, links, attribute lists or block syntax; *emphasis* and
    {{ placeholders }} stay. With `line_start`, the text starts a line, so what would make it a
    heading, list, rule or admonition there is written as a character reference."""
    value = " ".join(value.split())
    pieces = PLACEHOLDER.split(value)
    for i in range(0, len(pieces), 2):  # even pieces are outside {{ placeholders }}
        piece = html.escape(pieces[i], quote=False)
        piece = INLINE_SPECIAL.sub(r"\\\g<0>", piece)
        pieces[i] = piece.replace("{", "&#123;").replace("}", "&#125;")
    value = "".join(pieces)
    if line_start and LINE_START.match(value):  # a heading, list, rule or admonition: not any more
        value = f"&#{ord(value[0])};" + value[1:]
    return value


MARKDOWN_SPECIAL = str.maketrans({char: f"&#{ord(char)};" for char in "\"'\\`[]{}"})
PLACEHOLDER = re.compile(r"(\{\{\s*[A-Za-z_][\w.]*\s*\}\})")
INLINE_SPECIAL = re.compile(r"[\\`\[\]]")
# What `markdown_line` escapes: Markdown's inline signs, and what would start a block at a line's start.
MARKDOWN_SIGNS = re.compile(r"[\\`*_{}\[\]]")
BLOCK_START = re.compile(r"[#>:|=+*~?!-]|\d+[.)]\s")
LINE_START = re.compile(r"#|\d+\.\s|[-+*]\s|[-*_](\s*[-*_]){2,}\s*$|!!!|\?\?\?|~~~|:")


# How every stand-alone HTML page the project writes itself opens (the check's report, the
# offline zip's start file); each adds its own <title> and the rest.
HTML_START = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
"""
