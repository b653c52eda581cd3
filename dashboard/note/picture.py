"""The stance matrix as a picture (SVG, PNG) for the note and for slides: the page's own chart spec
(`charts.stance_matrix_spec`) with the note's cells, and its full legend drawn beneath, rendered by
the Vega team's converter (vl-convert: Vega-Lite and a renderer in one wheel, no browser, no network).

Fonts: the picture names DejaVu Sans (Debian's fonts-dejavu-core: Latin, Cyrillic, Greek and every
glyph and mark the matrix draws), so the converter measures labels with the font the PDF later draws
them in and no row name is cut or overlaps; Chinese, Japanese and Korean fall back to Debian's
fonts-noto-cjk. (Naming Noto Sans CJK itself made each picture two to three times slower to draw.)
"""

from __future__ import annotations

import json
import textwrap
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from dashboard import charts
from dashboard.controls import visible
from dashboard.vocabulary import (
    BASIS_LABELS,
    BASIS_MARKS,
    CONFIDENCE_MARKS,
    DARK_FILLS,
    GLYPHS,
    SELECTED_OUTLINE,
    STANCE_COLOURS,
    STANCE_DOMAIN,
    STANCE_LABELS,
    STANCE_MEANINGS,
)

if TYPE_CHECKING:
    from dashboard.note.model import Note

FONT = "DejaVu Sans"  # the PDF's body font too: one measure for the picture and the page
LABEL_LIMIT = 260  # row names get more room on paper than on a laptop screen
PADDING = {"left": 8, "top": 8, "right": 140, "bottom": 8}  # the last slanted column name
PNG_SCALE = 2  # 2 x the chart's pixels: sharp on a projector and in Word at full width


def _vl_version() -> str:
    """Altair's Vega-Lite version as the converter names it ('v6.4.1' -> '6.4')."""
    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _legend_rows() -> pd.DataFrame:
    rows = [
        {
            "kind": "stance",
            "stance": s,
            "glyph": GLYPHS[s],
            "label": f"{STANCE_LABELS[s]}: {STANCE_MEANINGS[s]}",
            "dark": s in DARK_FILLS,
        }
        for s in STANCE_DOMAIN
    ]
    rows.append(
        {
            "kind": "mark",
            "glyph": "",
            "label": "No mark after the glyph: the actor said it, itself or through one who speaks for it "
            "(the reading says whether quoted or paraphrased)",
        }
    )
    rows += [
        {"kind": "mark", "glyph": m, "label": f"after the glyph: {BASIS_LABELS[b]}"}
        for b, m in BASIS_MARKS.items()
        if m
    ]
    rows += [
        {
            "kind": "dashed",
            "glyph": "",
            "label": "Dashed outline: someone else's reading (inferred or reported), or no record at all",
        },
        {
            "kind": "mark",
            "glyph": CONFIDENCE_MARKS["low"],
            "label": f"under the glyph: confidence, {CONFIDENCE_MARKS['medium']} medium, "
            f"{CONFIDENCE_MARKS['low']} low; no dots: high",
        },
        {"kind": "ring", "glyph": "", "label": "Red ring: the cell whose evidence is open"},
    ]
    frame = pd.DataFrame(rows)
    frame["order"] = range(len(frame))
    frame["stance"] = frame["stance"].fillna("")
    frame["dark"] = frame["dark"].fillna(False).astype(bool)
    return frame


def legend_chart() -> alt.LayerChart | alt.FacetChart:
    """Every colour, glyph and outline the matrix draws, with what each means (the page's legend)."""
    base = alt.Chart(_legend_rows()).encode(y=alt.Y("order:O", axis=None))
    swatch = (
        base.transform_filter("datum.kind == 'stance'")
        .mark_rect(stroke="#8a8a8a", width=34, height=20, cornerRadius=2)
        .encode(
            x=alt.value(20),
            color=alt.Color(
                "stance:N",
                legend=None,
                scale=alt.Scale(domain=STANCE_DOMAIN, range=[STANCE_COLOURS[s] for s in STANCE_DOMAIN]),
            ),
        )
    )
    dashed = (
        base.transform_filter("datum.kind == 'dashed'")
        .mark_rect(filled=False, strokeDash=[3, 2], stroke="#4a4a4a", strokeWidth=1.3, width=34, height=20)
        .encode(x=alt.value(20))
    )
    ring = (
        base.transform_filter("datum.kind == 'ring'")
        .mark_rect(filled=False, stroke=SELECTED_OUTLINE, strokeWidth=3, width=34, height=20)
        .encode(x=alt.value(20))
    )
    glyph = base.mark_text(fontSize=12, fontWeight="bold").encode(
        x=alt.value(20),
        text="glyph:N",
        color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#1a1a1a")),
    )
    label = base.mark_text(align="left", fontSize=12, color="#1a1a1a").encode(x=alt.value(46), text="label:N")
    return alt.layer(swatch, dashed, ring, glyph, label).properties(
        width=560, height=alt.Step(24), title=alt.Title("How to read the matrix", anchor="start", fontSize=13)
    )


def _matrix_values(cells: pd.DataFrame, selected: tuple[str, str] | None) -> list[dict[str, Any]]:
    """The chart's rows, every text with its control characters shown as signs: the converter's SVG
    parser refuses a character XML forbids (and once aborted the process on it)."""
    data = charts.matrix_data(cells, selected)
    rows = json.loads(data.to_json(orient="records"))
    return [{k: visible(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def _cell_width(n_issues: int) -> int:
    return 44 if n_issues <= 8 else 30  # as the page draws it (views.matrix.cell_width)


def _legend_spec() -> dict[str, Any]:
    """The legend's part of a picture's spec, a fresh copy each time: Altair builds and validates it
    once per process (about half a second; it depends on no data)."""
    return dict(json.loads(_legend_json()))


@lru_cache(maxsize=1)
def _legend_json() -> str:
    legend = legend_chart().to_dict()
    legend.pop("$schema", None)
    legend.pop("config", None)
    legend_data = legend.pop("datasets")
    legend["data"] = {"values": legend_data[legend["data"]["name"]]}
    return json.dumps(legend)


def _top_level(parts: list[dict[str, Any]], schema: str, config: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": schema,
        "vconcat": parts,
        "spacing": 28,
        "padding": PADDING,
        "background": "white",
        "config": {**config, "font": FONT},
    }


def _uncut(spec: Any) -> None:
    """Every axis label whole: a picture has no tooltip to read a cut name in (labelLimit 0 is no
    limit; the converter measures each label and the picture grows to hold it)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "labelLimit":
                spec[key] = 0
            else:
                _uncut(value)
    elif isinstance(spec, list):
        for value in spec:
            _uncut(value)


WRAP = 110  # characters a header line holds before it wraps (the picture is at least ~560 px wide)
MAX_SOURCES = 6  # publishers the source line names; the rest are counted


def header_lines(note: Note) -> list[str]:
    """What a picture cut from its note must still say: the date the records held and the day it
    was made, the filters in words, the sources and where the view lives."""
    lines = [
        f"Records as of {note.as_of} · picture made {note.generated}",
        "Filters: " + "; ".join(note.filters),
    ]
    if note.sources:
        named = "; ".join(note.sources[:MAX_SOURCES])
        more = len(note.sources) - MAX_SOURCES
        lines.append(
            f"Sources: {named}"
            + (f"; and {more} more (the briefing note lists every quote's source)" if more > 0 else "")
        )
    if note.link:
        lines.append(f"View: {note.link}")
    if note.problems:
        lines.append(f"{note.problems:,} records with errors are left out of the briefing.")
    return [
        visible(part) for line in lines for part in textwrap.wrap(line, WRAP, break_on_hyphens=False) or [""]
    ]


def _title(note: Note) -> dict[str, Any]:
    """The picture's title block: the marking above the title, the header lines beneath."""
    text = [visible(note.classification.upper())] if note.classification else []
    return {
        "text": [*text, visible(note.title)],
        "subtitle": header_lines(note),
        "anchor": "start",
        "fontSize": 15,
        "subtitleFontSize": 11,
        "subtitleColor": "#333333",
        "subtitlePadding": 6,
        "offset": 14,
    }


def picture_spec(
    cells: pd.DataFrame,
    selected: tuple[str, str] | None = None,
    *,
    legend: bool = True,
    note: Note | None = None,
) -> dict[str, Any]:
    """The page's matrix spec with these cells, and (unless `legend` is False) the legend beneath
    it, as one Vega-Lite spec; with `note`, the note's title, marking, dates, filters and sources
    above it (a picture that travels alone: a slide, an e-mail)."""
    matrix = charts.stance_matrix_spec(_cell_width(cells["issue"].nunique()), label_limit=LABEL_LIMIT)
    config = matrix.pop("config", {})
    schema = matrix.pop("$schema")
    matrix.pop("params", None)  # the click selection: a picture has nothing to click
    _uncut(matrix)
    matrix["data"] = {"values": _matrix_values(cells, selected)}
    spec = _top_level([matrix, _legend_spec()] if legend else [matrix], schema, config)
    if note is not None:
        spec["title"] = _title(note)
    return spec


def svg(
    cells: pd.DataFrame,
    selected: tuple[str, str] | None = None,
    *,
    legend: bool = True,
    note: Note | None = None,
) -> str:
    """The matrix and its legend as SVG: text stays text, shapes stay vectors."""
    import vl_convert

    return str(
        vl_convert.vegalite_to_svg(
            picture_spec(cells, selected, legend=legend, note=note), vl_version=_vl_version()
        )
    )


@lru_cache(maxsize=1)
def legend_svg() -> str:
    """The legend alone (it depends on no data: drawn once per process), for a document that
    places it apart from the matrix."""
    import vl_convert

    page_spec = charts.stance_matrix_spec()
    spec = _top_level([_legend_spec()], page_spec["$schema"], page_spec.get("config", {}))
    return str(vl_convert.vegalite_to_svg(spec, vl_version=_vl_version()))


def png(
    cells: pd.DataFrame,
    selected: tuple[str, str] | None = None,
    scale: float = PNG_SCALE,
    *,
    note: Note | None = None,
) -> bytes:
    import vl_convert

    return bytes(
        vl_convert.vegalite_to_png(
            picture_spec(cells, selected, note=note), scale=scale, vl_version=_vl_version()
        )
    )
