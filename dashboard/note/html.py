"""The note as one HTML document with its print stylesheet, for the PDF renderer.

Record text goes through `escape.html_text` once, here; a source URL becomes a link only when
`escape.safe_url` allows it, else it is printed as text. Quote cards and stance chips use the page's
class names and colours (`markup.stance_chip`, `markup.stance_css`), so paper and screen read alike.
The matrix picture is embedded as an SVG image (a data: URL), never as markup of this document.
"""

from __future__ import annotations

import base64

from dashboard.escape import document_text, html_text, safe_url
from dashboard.markup import stance_chip, stance_css
from dashboard.note.counterpart import NoteBrief
from dashboard.note.model import NO_MARKING, Note, NoteIssue, NoteQuote, NoteReading, quote_body
from dashboard.note.picture import FONT
from dashboard.vocabulary import QUOTE_KIND_LABELS

TALL_ROWS = 10  # a matrix of more rows than this starts a page, to be drawn as large as it fits
CSS = f"""
@page {{
  size: A4; margin: 21mm 15mm 20mm 15mm;
  @top-center {{ content: string(marking); font: bold 8.5pt "{FONT}", sans-serif; color: #1f4e79;
                 letter-spacing: .06em; width: 90%; }}
  @bottom-center {{ content: string(marking); font: bold 8.5pt "{FONT}", sans-serif;
                    color: #1f4e79; letter-spacing: .06em; width: 60%; }}
  @bottom-left {{ content: string(generated); font: 7pt "{FONT}", sans-serif; color: #444;
                  width: 20%; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages);
                   font: 7pt "{FONT}", sans-serif; color: #444; width: 20%; }}
}}
html {{ font-family: "{FONT}", "Noto Sans CJK SC", sans-serif; font-size: 9.5pt; line-height: 1.4;
        color: #1a1a1a; }}
.marking-source {{ string-set: marking content(); }}
.generated-source {{ string-set: generated content(); }}
.banner {{ background: #1f4e79; color: #fff; text-align: center; font-weight: bold;
           letter-spacing: .06em; padding: 1.5mm 3mm; border-radius: 1mm; margin: 0 0 3mm; }}
h1 {{ font-size: 16pt; line-height: 1.25; margin: 0 0 2mm; }}
h2 {{ font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: .4pt solid #8a8a8a;
      break-after: avoid; }}
h3 {{ font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }}
p {{ margin: 1mm 0; }}
.meta {{ color: #444; }}
.problems {{ border: 1.2pt solid #b00020; background: #fdecee; padding: 2mm 3mm; margin: 2mm 0;
             font-weight: bold; }}
.cuts {{ border-left: 2pt solid #8a8a8a; padding: .5mm 3mm; margin: 2mm 0; font-style: italic; }}
.link {{ overflow-wrap: anywhere; }}
a {{ color: #1f4e79; }}
ul {{ margin: 1mm 0; padding-left: 5mm; }}
table.brief {{ border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 1mm 0 3mm; }}
table.brief th, table.brief td {{ border: .4pt solid #b0b0b0; padding: 1mm 1.5mm;
                                   vertical-align: top; text-align: left; }}
table.brief th {{ background: #f2f0ea; }}
table.brief tr {{ break-inside: avoid; }}
.matrix {{ text-align: center; margin: 2mm 0; }}
.matrix.tall {{ break-before: page; }}  /* a tall picture gets a page of its own */
.matrix img {{ max-width: 100%; max-height: 238mm; }}
.legend {{ text-align: center; break-inside: avoid; margin: 2mm 0; }}
.legend img {{ max-width: 100%; width: 130mm; }}
.matrix h2 {{ text-align: left; }}
.statement {{ margin: 0 0 1.5mm; }}
.reading-box {{ border: .5pt solid #b0b0b0; border-radius: 1mm; padding: 1.5mm 2.5mm;
                margin: 1.5mm 0; }}
.r-head {{ break-after: avoid; }}
.r-summary {{ margin: .8mm 0; }}
.alike {{ margin: 1mm 0; }}
.quote {{ border: .5pt solid #c8c8c8; border-left: 2.5pt solid #1f4e79; border-radius: 1mm;
          padding: 1.2mm 2.5mm; margin: 1.5mm 0 1.5mm 3mm; break-inside: avoid;
          overflow-wrap: anywhere; }}
.quote.q-partial {{ border-left: 2.5pt double #6a8caf; }}
.quote.q-paraphrase {{ border-left: 2.5pt dotted #9a9a9a; }}
.q-head {{ font-size: 7.5pt; letter-spacing: .03em; color: #444; }}
.q-kind {{ text-transform: uppercase; }}
.capacity {{ border: .4pt solid #8a8a8a; border-radius: .8mm; padding: 0 1mm; margin-left: 1.5mm; }}
.capacity.c-assessor, .capacity.c-other {{ border-style: dashed; }}
.q-text {{ margin: .8mm 0; font-size: 9.5pt; }}
.q-paraphrase .q-text {{ font-style: italic; }}
.q-speaker, .q-meta, .q-context {{ font-size: 8pt; }}
.q-meta, .q-context {{ color: #444; }}
.stance {{ display: inline-block; min-width: 6mm; text-align: center; font-weight: bold;
           border: .5pt solid #8a8a8a; border-radius: .8mm; padding: 0 .8mm; }}
.stance.s-unknown {{ border-style: dashed; }}
{stance_css()}
"""

_CAPACITY = {"own": "{}'s own words", "spokesperson": "speaks for {}", "assessor": "reading of {}",
             "other": "cited for {}"}


def _link(url: str) -> str:
    """A link when the URL is a safe http(s) one; its text otherwise (a javascript: URL links
    nowhere)."""
    safe = safe_url(url)
    if safe is None:
        return f'<span class="url">{html_text(url)}</span>'
    return f'<a href="{html_text(safe)}">{html_text(safe)}</a>'


def _quote(quote: NoteQuote, about: str) -> str:
    kind = quote.kind if quote.kind in QUOTE_KIND_LABELS else "paraphrase"
    capacity = _CAPACITY.get(quote.capacity, "")
    badge = (f'<span class="capacity c-{html_text(quote.capacity)}">'
             f"{html_text(capacity.format(about))}</span>" if capacity and about else "")
    who = f" · {html_text(quote.who)}" if quote.who else ""
    source = f"{html_text(quote.publisher)} · <em>{html_text(quote.source_title)}</em>"
    url = f" · {_link(quote.url)}" if quote.url else ""
    context = (f'<div class="q-context">Context: {html_text(quote.context)}</div>'
               if quote.context else "")
    return (f'<div class="quote q-{kind}"><div class="q-head"><span class="q-kind">'
            f"{QUOTE_KIND_LABELS.get(kind, kind)}</span>{badge}</div>"
            f'<div class="q-text">{quote_body(quote.kind, html_text(quote.text), quote.cut)}</div>'
            f'<div class="q-speaker"><strong>{html_text(quote.speaker)}</strong>{who}</div>'
            f'<div class="q-meta">{html_text(quote.date)} · {source}{url}</div>{context}</div>')


def _reading(reading: NoteReading) -> str:
    summary = (f'<div class="r-summary">Summary: {html_text(reading.summary)}</div>'
               if reading.summary else "")
    more = (f"<p>… and {reading.more_evidence} more evidence quotes: open the link.</p>"
            if reading.more_evidence else "")
    quotes = "".join(_quote(q, reading.actor) for q in reading.evidence)
    return (f'<div class="reading-box"><div class="r-head">'
            f"{stance_chip(reading.stance, reading.glyph)} <strong>{html_text(reading.actor)}"
            f"</strong> ({html_text(reading.actor_kind)}): {html_text(reading.reading)}</div>"
            f"{summary}{quotes}{more}</div>")


def _issue(issue: NoteIssue) -> str:
    parts = [f"<h3>{html_text(issue.title)}</h3>",
             f'<p class="statement"><strong>Proposition:</strong> {html_text(issue.statement)}</p>']
    if not issue.readings and not issue.alike:
        parts.append("<p>No reading in view.</p>")
    parts += [_reading(r) for r in issue.readings]
    for alike in issue.alike:
        names = ", ".join(html_text(a) for a in alike.actors)
        parts.append(f'<p class="alike">{stance_chip(alike.stance, alike.glyph)} '
                     f"{html_text(alike.reading)}: {names} ({len(alike.actors)})</p>")
    if issue.more_readings:
        parts.append(f"<p>… and {issue.more_readings} more readings: narrow by actor.</p>")
    return "".join(parts)


def _brief(brief: NoteBrief) -> str:
    actor, counterpart = html_text(brief.actor), html_text(brief.counterpart)
    parts = [f"<h2>Counterpart brief: {actor} meeting {counterpart}</h2>",
             f"<p>{html_text(brief.summary)}</p>", f'<p class="meta">{html_text(brief.rules)}</p>']
    for group in brief.groups:
        parts.append(f"<h3>{html_text(group.title)} · {len(group.rows) + group.more}</h3>")
        if not group.rows:
            parts.append("<p>None.</p>")
            continue
        heads = ("Actor", "Change") if group.title.startswith("What changed") else (actor,
                                                                                    counterpart)
        rows = "".join(f"<tr><td><strong>{html_text(r.issue)}</strong></td><td>"
                       f"{html_text(r.ours)}</td><td>{html_text(r.theirs)}</td></tr>"
                       for r in group.rows)
        parts.append(f'<table class="brief"><thead><tr><th>Issue</th><th>{heads[0]}</th>'
                     f"<th>{heads[1]}</th></tr></thead><tbody>{rows}</tbody></table>")
        if group.more:
            parts.append(f"<p>… and {group.more:,} more: narrow by topic or date.</p>")
    if brief.said_did:
        parts.append("<h3>Said one thing, did another</h3><ul>"
                     + "".join(f"<li>{html_text(s)}</li>" for s in brief.said_did) + "</ul>")
    return "".join(parts)


def _front(note: Note) -> str:
    """The first page's top: marking, title, dates, problems, summary, filters, link, cuts."""
    # The page margins repeat this text as a plain string: bidi overrides dropped, so the banner
    # and every margin read the same.
    marking = html_text(document_text(note.classification or NO_MARKING))
    parts = [f'<div class="banner marking-source">{marking}</div>',
             f"<h1>{html_text(note.title)}</h1>",
             f'<p class="meta">As of {html_text(note.as_of)} · <span class="generated-source">'
             f"Generated {html_text(note.generated)}</span></p>"]
    if note.problems:
        parts.append(f'<p class="problems">This briefing has {note.problems} data error(s): the '
                     "records with errors are left out of this note.</p>")
    if note.summary:
        parts.append(f"<p>{html_text(note.summary)}</p>")
    parts.append("<p><strong>Filters:</strong></p><ul>"
                 + "".join(f"<li>{html_text(f)}</li>" for f in note.filters) + "</ul>")
    if note.link:
        parts.append(f'<p class="link"><strong>This view:</strong> {_link(note.link)}</p>')
    if note.remarks or note.cuts:
        parts.append('<div class="cuts">' + "".join(f"<p>{html_text(c)}</p>" for c in
                                                    [*note.remarks, *note.cuts]) + "</div>")
    return "".join(parts)


def _svg_image(svg: str, alt: str, css_class: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="{css_class}" src="data:image/svg+xml;base64,{data}" alt="{html_text(alt)}">'


def _matrix(note: Note, matrix_svg: str | None, legend_svg: str) -> str:
    if not matrix_svg:
        return "<h2>Stance matrix</h2><p>No positions match these filters.</p>"
    tall = " tall" if len(note.table_rows) > TALL_ROWS else ""
    alt = f"Stance matrix of {len(note.table_rows)} actors by {len(note.table_columns)} issues"
    return (f'<div class="matrix{tall}"><h2>Stance matrix</h2>'
            f'{_svg_image(matrix_svg, alt, "picture")}</div>'
            f'<div class="legend">{_svg_image(legend_svg, "How to read the matrix", "key")}</div>')


def document(note: Note, matrix_svg: str | None, legend_svg: str) -> str:
    """The whole note as HTML; `matrix_svg` is the matrix picture (None: no cell to draw) and
    `legend_svg` its legend."""
    parts = [_front(note)]
    if note.brief:
        parts.append(_brief(note.brief))
    if note.compare:
        parts.append("<h2>Comparison</h2><ul>"
                     + "".join(f"<li>{html_text(c)}</li>" for c in note.compare) + "</ul>")
    parts.append(_matrix(note, matrix_svg, legend_svg))
    if note.issues:
        parts.append("<h2>Readings and evidence, by issue</h2>")
    parts += [_issue(i) for i in note.issues]
    if note.other_quotes:
        parts.append("<h2>Other quotes in view</h2><p>Words the view includes that no reading "
                     "above cites.</p>" + "".join(_quote(q, "") for q in note.other_quotes))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{html_text(note.title)}</title><style>{CSS}</style></head>"
            f"<body>{''.join(parts)}</body></html>")
