"""Text a trainer typed, made safe to put into Markdown (shared by the hooks; the leading
underscore keeps it out of `hooks:`)."""

from __future__ import annotations

import html


def markdown_text(value) -> str:
    """`value` as Markdown that shows exactly as typed wherever it lands: in running text, a
    link's text or address, or an attribute of raw HTML. Tags, links (`[x](javascript:...)`),
    code spans, attribute lists (`{: onclick=... }`) and a `"` that would end an attribute are
    written as character references, which read as the characters themselves."""
    return html.escape(str(value), quote=False).translate(MARKDOWN_SPECIAL)


MARKDOWN_SPECIAL = str.maketrans({char: f"&#{ord(char)};" for char in '"\\`[]{}'})
