"""The note as one HTML document with its print stylesheet, for the PDF renderer.

The markup and the stylesheet are Jinja2 templates beside this module (`templates/note.html.j2` with
its partials and macros, `templates/note.css`), rendered with autoescape on: whatever reaches the page
is escaped unless it is markup made here. Record text goes through the templates' `text` filter
(`escape.html_text`: escaped, bidi overrides shown rather than obeyed, control characters as signs);
a source URL becomes a link only when `escape.safe_url` allows it, else it is printed as text. Quote
cards and stance chips use the page's class names and colours (`markup.stance_chip`,
`markup.stance_css`), so paper and screen read alike. The matrix picture is embedded as an SVG image
(a data: URL), never as markup of this document.
"""

from __future__ import annotations

import base64
import re

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from dashboard.escape import document_text, html_text, safe_url
from dashboard.markup import stance_chip, stance_css
from dashboard.note.model import NO_MARKING, Note, quote_body
from dashboard.note.picture import FONT, _legend_rows
from dashboard.vocabulary import QUOTE_KIND_LABELS

TALL_ROWS = 10  # a matrix of more rows than this starts a page, to be drawn as large as it fits


def _text(value: object) -> Markup:
    """The `text` filter, for record text: `escape.html_text` (escaped, bidi overrides made visible
    as `<bdi>&#x202e;</bdi>`, control characters as their signs), marked safe so autoescape leaves
    it as it is."""
    return Markup(html_text(value))


def _base64(svg: str) -> str:
    """The `base64` filter: an SVG picture as the payload of a data: URL."""
    return base64.b64encode(svg.encode("utf-8")).decode("ascii")


# A link's text may break after '?', '&', '=', '/' and '#' only: a line that ends on one plainly goes
# on. Never at a hyphen inside an id ('united-' / 'states' cannot be read back off paper).
_URL_BREAK = re.compile(r"(?<=[?&=/#])")
_LONG_PIECE = 60  # a piece longer than this may break anywhere rather than run off the page


def _url_text(url: str) -> Markup:
    """The `url_text` filter: a link's text in pieces that are never broken inside (each escaped),
    with a break allowed between them."""
    pieces = [piece for piece in _URL_BREAK.split(url) if piece]
    return Markup("<wbr>").join(
        Markup(f'<span class="{"url-long" if len(piece) > _LONG_PIECE else "url-piece"}">')
        + _text(piece)
        + Markup("</span>")
        for piece in pieces
    )


def _chip(stance: str, glyph: str) -> Markup:
    """The page's stance chip (`markup.stance_chip` escapes its own words)."""
    return Markup(stance_chip(stance, glyph))


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("dashboard.note", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(text=_text, base64=_base64, url_text=_url_text)
    environment.globals.update(
        safe_url=safe_url,
        chip=_chip,
        quote_body=quote_body,
        kind_labels=QUOTE_KIND_LABELS,
        tall_rows=TALL_ROWS,
        # The matrix picture's key as text beside it on paper (the picture's own legend is drawn too
        # small on an A4 page to read): the same rows, from one table.
        legend_rows=_legend_rows().to_dict("records"),
        font=FONT,
        stance_css=Markup(stance_css()),  # built from the fixed colour table, never from records
    )
    return environment


ENVIRONMENT = _environment()  # once: each template is compiled on first use, then cached


def document(note: Note, matrix_svg: str | None, legend_svg: str) -> str:
    """The whole note as HTML; `matrix_svg` is the matrix picture (None: no cell to draw) and
    `legend_svg` its legend."""
    # The page margins repeat the marking as a plain string: bidi overrides dropped, so the banner
    # and every margin read the same.
    marking = document_text(note.classification or NO_MARKING)
    return ENVIRONMENT.get_template("note.html.j2").render(
        note=note, marking=marking, matrix_svg=matrix_svg, legend_svg=legend_svg
    )
