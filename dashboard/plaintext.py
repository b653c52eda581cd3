"""Text from files and links, made inert for Streamlit calls that read Markdown.

Titles, subheaders, captions, button labels and notices are Markdown in Streamlit. Record text and
link values are written by other people: unescaped, `![x](https://elsewhere/pixel.png)` would load
an image from the internet, `[Sign in](https://elsewhere)` would plant a link, `:red[...]` would
colour the page. `literal()` returns Markdown that reads as the value, character for character.
"""

from __future__ import annotations

import re

_MARKDOWN_PUNCTUATION = re.compile(r"([!-&(-,./:-@\[-`{-~])")  # ASCII punctuation but - and '
_AUTOLINK_STARTS = re.compile(r"(?=\\[:@])|(?i:(?<=www)(?=\\\.))")


def literal(value: str) -> str:
    """Markdown that reads as `value`.

    A backslash makes each ASCII punctuation mark literal (not the hyphen or the apostrophe: ids and
    names are full of them and neither means anything inside a sentence). A word joiner (U+2060,
    invisible) before each colon and at-sign, and after "www", stops the bare web and e-mail
    addresses, emoji and icon codes that Streamlit looks for in plain text after the escapes are read.
    """
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", value)
    return _AUTOLINK_STARTS.sub("\u2060", escaped)
