"""HTML for quote cards, readings, actor cards and the legend. Record text is escaped here, once,
with `escape.html_text`; only safe http(s) URLs become links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import pandas as pd
import pyarrow as pa

from dashboard import translations
from dashboard.briefing import Briefing
from dashboard.citation import citation, said_day_text
from dashboard.escape import html_text, is_missing, safe_url
from dashboard.reading import capacity_words, spoken_through
from dashboard.records import UNKNOWN
from dashboard.vocabulary import (
    BASIS_LABELS,
    BASIS_MARKS,
    BASIS_SHORT,
    CONFIDENCE_MARKS,
    DARK_FILLS,
    GLYPHS,
    HIDDEN,
    QUOTE_KIND_LABELS,
    STANCE_COLOURS,
    STANCE_DOMAIN,
    STANCE_LABELS,
    STANCE_MEANINGS,
)


def _date(value: object) -> str:
    if is_missing(value):
        return "undated"
    return str(pd.Timestamp(value).strftime("%Y-%m-%d"))


def who_line(briefing: Briefing, actor: str) -> str:
    """Role, who they speak for, affiliation: plain escaped HTML, for cards and speaker lines."""
    row = briefing.actor_records.get(actor)
    if row is None:
        return ""
    parts = []
    if isinstance(row["role"], str):
        parts.append(html_text(row["role"]))
    if isinstance(row["represents"], str):
        parts.append("speaks for " + html_text(briefing.actor_names.get(row["represents"], "")))
    if isinstance(row["affiliation"], str):
        parts.append(html_text(row["affiliation"]))
    return " · ".join(parts)


def speaker_line(briefing: Briefing, speaker: str) -> str:
    row = briefing.actor_records.get(speaker)
    if row is None:
        return html_text(speaker)
    who = who_line(briefing, speaker)
    return f"<strong>{html_text(row['name'])}</strong>" + (f" · {who}" if who else "")


def capacity_badge(
    briefing: Briefing, capacity: str, about: str, quote: Mapping[str, Any] | pd.Series | None = None
) -> str:
    """'speaks for China', 'Shi Yinhong's reading', 'reported by AFP, not quoted', 'China's own
    words': how a quote bears on `about` (reading.capacity_words, the one wording)."""
    if not capacity or not about:
        return ""
    speaker = publisher = ""
    through: tuple[str, ...] = ()
    if quote is not None:
        speaker = briefing.actor_names.get(str(quote["speaker"]), str(quote["speaker"]))
        publisher = str(briefing.source_records.get(str(quote["source"]), {}).get("publisher", ""))
        # 'speaks for Embassy of …, which speaks for China': the body the byline names comes first
        through = spoken_through(briefing, str(quote["speaker"]), about)
    text = capacity_words(
        capacity,
        briefing.actor_names.get(about, about),
        speaker=speaker,
        publisher=publisher,
        through=through,
    )
    return f'<span class="capacity c-{html_text(capacity)}">{html_text(text)}</span>' if text else ""


def source_html(briefing: Briefing, source_id: str) -> str:
    source = briefing.source_records.get(source_id)
    if source is None:
        return html_text(source_id)
    url = safe_url(source["url"])
    title = html_text(source["title"])
    linked = f'<a href="{html_text(url)}" rel="noopener noreferrer">{title}</a>' if url else title
    shown_url = "" if url or is_missing(source["url"]) else f" ({html_text(source['url'])})"
    return f"{html_text(source['publisher'])} · {linked}{shown_url}"


def quote_card(
    briefing: Briefing,
    quote: Mapping[str, Any] | pd.Series,
    *,
    evidence: bool = False,
    capacity: str = "",
    about: str = "",
) -> str:
    kind = str(quote["kind"])
    issues = quote["issues"] if isinstance(quote["issues"], list) else []
    issue_chips = "".join(
        f'<span class="chip">{html_text(briefing.issue_titles.get(i, i))}</span>' for i in issues
    )
    body = html_text(quote["text"])
    if kind == "direct":
        body = f"“{body}”"
    elif kind == "partial":
        body = f"…“{body}”…"
    context = quote.get("context")
    context_html = (
        f'<div class="q-context">Context: {html_text(context)}</div>' if isinstance(context, str) else ""
    )
    rendering = translations.rendering_label(quote)  # the source is named on the card's next lines
    rendering_html = f'<div class="q-rendering">{html_text(rendering)}</div>' if rendering else ""
    translated = translations.of(quote)
    translation_html = (
        f'<div class="q-translation" lang="{html_text(translated.language or "und")}">'
        f'<span class="q-tr-label">{html_text(translated.label)}</span> '
        f'<span class="q-tr-text">{html_text(translated.text)}</span></div>'
        if translated
        else ""
    )
    badge = '<span class="evidence">evidence for this reading</span>' if evidence else ""
    also = quote.get("also_in")  # other sources carrying the same words
    also_html = (
        f'<div class="q-meta q-also">also in: {"; ".join(source_html(briefing, str(s)) for s in also)}</div>'
        if isinstance(also, list) and also
        else ""
    )
    speaker_name = briefing.actor_names.get(str(quote["speaker"]), str(quote["speaker"]))
    cite_name = f"the words of {speaker_name}, {said_day_text(quote)}"  # one "Cite" among many, named
    cite = (
        f'<details class="q-cite"><summary aria-label="Cite {html_text(cite_name)}">Cite</summary>'
        '<code tabindex="0">'
        f"{html_text(citation(briefing, quote))}</code><span>Click the citation to select it, "
        "then copy.</span></details>"
    )
    return (
        f'<div class="quote q-{html_text(kind)}">'
        f'<div class="q-head"><span class="q-kind">{QUOTE_KIND_LABELS.get(kind, html_text(kind))}'
        f"</span>{badge}{capacity_badge(briefing, capacity, about, quote)}</div>"
        f'<blockquote class="q-text">{body}</blockquote>'
        f"{rendering_html}{translation_html}"
        f'<div class="q-speaker">{speaker_line(briefing, str(quote["speaker"]))}</div>'
        f'<div class="q-meta">{html_text(said_day_text(quote))} · '
        f"{source_html(briefing, str(quote['source']))}</div>"
        f"{also_html}"
        f"{context_html}"
        f'<div class="chips">{issue_chips}</div>'
        f"{cite}"
        "</div>"
    )


def quote_cards(
    briefing: Briefing,
    quotes: pd.DataFrame,
    *,
    evidence: Iterable[str] = (),
    capacities: Mapping[str, str] | None = None,
    about: str = "",
) -> str:
    """Cards for `quotes` in order; those whose id is in `evidence` are badged, and each is labelled
    with its capacity towards `about` when one is given."""
    cited = set(evidence)
    capacities = capacities or {}
    return "".join(
        quote_card(
            briefing,
            row,
            evidence=row["id"] in cited,
            capacity=capacities.get(str(row["id"]), ""),
            about=about,
        )
        # Plain records, the values as `citation.citations` reads them: a pandas Series per row
        # (iterrows) cost about 0.15 ms a card on the seed (issue 24).
        for row in _records(quotes)
    )


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """`frame.to_dict("records")` made from each column's `tolist()` (the same Python values): pandas
    boxes every value of every row on its own, about 0.8 ms a card on Arrow strings."""
    columns = [str(name) for name in frame.columns]
    values = [_listed(frame[name]) for name in frame.columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def _listed(column: pd.Series) -> list[Any]:
    """A column's values as `to_dict` gives them: pandas' NA as None."""
    dtype = column.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow" and dtype.na_value is pd.NA:
        # Arrow's own list: str, and None where a value is missing. pandas' `tolist` goes through
        # NumPy and costs 0.5-0.6 ms a column of 20 missing values (the translation's four columns
        # of a page of cards, mostly empty), Arrow's a few µs.
        return list(pa.array(column.array).to_pylist())
    if isinstance(dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        if not len(codes) or codes.min() >= 0:  # nothing missing: each code's category (the kind)
            categories = _listed(pd.Series(dtype.categories))
            return [categories[code] for code in codes.tolist()]
    listed: list[Any] = column.tolist()
    if getattr(dtype, "na_value", None) is pd.NA:  # to_dict gives None for pandas' NA
        listed = [None if value is pd.NA else value for value in listed]
    return listed


def stance_chip(stance: str, glyph_text: str) -> str:
    """The cell's glyph and basis mark, coloured as the matrix draws it."""
    return f'<span class="stance s-{html_text(stance)}" aria-hidden="true">{html_text(glyph_text)}</span>'


def reading_line(title: str, stance: str, glyph_text: str, reading: str) -> str:
    """A reading spelled out: chip, the issue, then the reading's words (basis, assessor, date)."""
    return (
        f'<li class="reading">{stance_chip(stance, glyph_text)} '
        f'<span class="r-issue">{html_text(title)}</span>: '
        f'<span class="r-text">{html_text(reading)}</span></li>'
    )


def actor_card(
    briefing: Briefing,
    actor: pd.Series,
    readings: pd.DataFrame,
    *,
    total: int,
    n_quoted: int,
    n_reported: int,
    latest_quote: str | None,
    latest_by: str | None,
    made: list[str],
    latest_rendering: str = "",
    latest_kind: str = "direct",
    latest_context: str = "",
) -> str:
    """readings: reading.grid rows of this actor, most recent first; total: positions in view;
    n_quoted / n_reported: quotes (direct or partial) and paraphrases by the actor or those who
    speak for it; latest_quote: the latest words in marks, said by `latest_by` when that is one
    who speaks for the actor (None: the actor), marked …“…”… when `latest_kind` is partial as the
    quote cards mark it, with the record's context beneath (a note on the words, such as a garbled
    translation, is never left off); made: readings this actor gave of others
    ("China on the alliance (inferred)")."""
    lines = "".join(
        reading_line(str(r.issue_title), str(r.stance), str(r.glyph), str(r.reading))
        for r in readings.itertuples(index=False)
    )
    more = total - int((~readings["stance"].astype(str).isin([UNKNOWN, HIDDEN])).sum())
    more_html = f'<div class="a-count">and {more:,} more positions: see the matrix</div>' if more > 0 else ""
    made_html = ""
    if made:
        made_html = (
            '<div class="a-made"><strong>Readings of others:</strong> '
            + "; ".join(html_text(m) for m in made)
            + "</div>"
        )
    latest = ""
    if latest_quote:
        by = (
            f" ({html_text(briefing.actor_names.get(latest_by, latest_by))}, who speaks for it)"
            if latest_by
            else ""
        )
        rendering = f" ({html_text(latest_rendering)})" if latest_rendering else ""
        words = f"“{html_text(latest_quote)}”"
        if latest_kind == "partial":
            words = f"…{words}…"
        context = (
            f'<div class="q-context">Context: {html_text(latest_context)}</div>' if latest_context else ""
        )
        latest = f'<div class="latest">Latest quoted words{by}: {words}{rendering}{context}</div>'
    if n_quoted or n_reported:
        words = (
            "Words on record, of this actor or those who speak for it: "
            f"{n_quoted} quoted, {n_reported} paraphrased (the reporter's words)"
        )
    else:
        words = "No words of this actor or those who speak for it on record"
    who = who_line(briefing, str(actor["id"]))
    return (
        '<div class="actor-card">'
        f'<div class="a-head"><strong>{html_text(actor["name"])}</strong>'
        f'<span class="kind k-{html_text(actor["kind"])}">{html_text(actor["kind"])}</span></div>'
        f'<div class="a-who">{who or "&nbsp;"}</div>'
        f'<ul class="readings">{lines}</ul>{more_html}{made_html}'
        f'<div class="a-count">{words}</div>'
        f"{latest}"
        "</div>"
    )


@cache  # made of constants only: made once, not on every run of the matrix (about 0.5 ms each)
def legend() -> str:
    """Every colour, glyph and outline the matrix draws, with what each means."""
    swatches = "".join(
        f"<li>{stance_chip(s, GLYPHS[s])} <strong>{html_text(STANCE_LABELS[s])}</strong>: "
        f"{html_text(STANCE_MEANINGS[s])}</li>"
        for s in STANCE_DOMAIN
    )
    marks = "".join(
        f"<li><code>{html_text(m)}</code> after the glyph: {html_text(BASIS_LABELS[b])}</li>"
        for b, m in BASIS_MARKS.items()
        if m
    )
    return (
        '<div class="legend" role="group" aria-label="How to read the matrix">'
        f'<ul class="l-stances">{swatches}</ul>'
        '<ul class="l-marks">'
        "<li>No mark after the glyph: the actor said it, itself or through one who speaks for it "
        "(the reading says whether quoted or paraphrased).</li>"
        f"{marks}"
        '<li><span class="l-dashed"></span> Dashed outline: someone else\'s reading (inferred or '
        "reported), or no record at all.</li>"
        f"<li><code>{CONFIDENCE_MARKS['medium']}</code> / <code>{CONFIDENCE_MARKS['low']}</code> "
        "under the glyph: medium / low confidence. No dots: high confidence.</li>"
        '<li><span class="l-ring"></span> Red ring: the cell whose evidence is open.</li>'
        "</ul></div>"
    )


@cache  # made of constants only, as `legend`
def legend_line() -> str:
    """The legend in one wrapping line, always in view: each glyph with its stance, and the marks."""
    chips = "".join(
        f'<span class="l-item">{stance_chip(s, GLYPHS[s])} {html_text(STANCE_LABELS[s])}</span>'
        for s in STANCE_DOMAIN
    )
    marks = "".join(
        f'<span class="l-item"><code>{html_text(m)}</code> {html_text(BASIS_SHORT[b])}</span>'
        for b, m in BASIS_MARKS.items()
        if m
    )
    return (
        f'<div class="legend-line" role="note" aria-label="Legend">{chips}{marks}'
        '<span class="l-item"><span class="l-dashed"></span> second-hand or no record</span>'
        f'<span class="l-item"><code>{CONFIDENCE_MARKS["low"]}</code> low confidence</span>'
        '<span class="l-item"><span class="l-ring"></span> open cell</span></div>'
    )


def stance_css() -> str:
    """Chip colours, from the same table the chart uses."""
    return "\n".join(
        f".stance.s-{s} {{ background: {c}; color: {'#fff' if s in DARK_FILLS else '#1a1a1a'}; }}"
        for s, c in STANCE_COLOURS.items()
    )
