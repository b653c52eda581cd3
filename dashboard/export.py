"""Downloads of the current view: positions and quotes as CSV, and a Markdown briefing note."""

from __future__ import annotations

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import View
from dashboard.matrix import as_table
from dashboard.selection import Selection, encode


def positions_csv(briefing: Briefing, view: View) -> bytes:
    frame = view.positions.drop(columns=["position"]).assign(
        actor_name=lambda f: f["actor"].map(briefing.actor_names),
        issue_title=lambda f: f["issue"].map(briefing.issue_titles),
        evidence=lambda f: f["evidence"].map(lambda v: "; ".join(v) if isinstance(v, list) else ""),
        as_of=lambda f: pd.to_datetime(f["as_of"]).dt.strftime("%Y-%m-%d"),
    )
    return frame.to_csv(index=False).encode("utf-8")


def quotes_csv(briefing: Briefing, view: View) -> bytes:
    sources = briefing.sources.set_index("id")
    frame = view.quotes.drop(columns=["when"]).assign(
        speaker_name=lambda f: f["speaker"].map(briefing.actor_names),
        issues=lambda f: f["issues"].map(lambda v: "; ".join(v) if isinstance(v, list) else ""),
        date=view.quotes["when"].dt.strftime("%Y-%m-%d"),
        source_title=lambda f: f["source"].map(sources["title"]),
        source_publisher=lambda f: f["source"].map(sources["publisher"]),
        source_url=lambda f: f["source"].map(sources["url"]),
    )
    return frame.to_csv(index=False).encode("utf-8")


def _md(value: object) -> str:
    """Record text inside a Markdown note: no markup, no table breaks, no links that run."""
    if not isinstance(value, str):
        return ""
    out = value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for char in "`*_[]<>#":
        out = out.replace(char, "\\" + char)
    return out


def describe_filters(briefing: Briefing, selection: Selection) -> list[str]:
    query = encode(selection.with_(briefing=""))
    lines = []
    names = {"actor": briefing.actor_names, "compare": briefing.actor_names,
             "issue": briefing.issue_titles}
    for param, values in query.items():
        shown = [names.get(param, {}).get(v, v) for v in values]
        lines.append(f"- {param}: {', '.join(_md(v) for v in shown)}")
    return lines or ["- none (the whole briefing)"]


def markdown_note(
    briefing: Briefing, view: View, selection: Selection, cells: pd.DataFrame, link: str = ""
) -> str:
    meta = briefing.meta
    lines = [f"# {_md(meta.title)}", ""]
    if meta.classification:
        lines += [f"**{_md(meta.classification)}**", ""]
    as_of = meta.as_of.isoformat() if meta.as_of else "unknown"
    lines += [f"As of {as_of}.", "", _md(meta.summary), "", "## Filters", ""]
    lines += describe_filters(briefing, selection)
    if link:
        lines += ["", f"View: <{link}>"]
    lines += ["", "## Stance matrix", ""]
    table = as_table(cells)
    if table.empty:
        lines.append("No positions match these filters.")
    else:
        header = ["Actor", *[_md(c) for c in table.columns]]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for actor, row in table.iterrows():
            lines.append("| " + " | ".join([_md(actor), *[_md(v) for v in row]]) + " |")
    lines += ["", "## Quotes", ""]
    sources = briefing.sources.set_index("id")
    if view.quotes.empty:
        lines.append("No quotes match these filters.")
    for quote in view.quotes.itertuples(index=False):
        source = sources.loc[quote.source]
        when = quote.when.strftime("%Y-%m-%d") if pd.notna(quote.when) else "undated"
        url = f" <{source['url']}>" if isinstance(source["url"], str) and source["url"].startswith(
            ("http://", "https://")) else ""
        lines.append(
            f"- **{_md(briefing.actor_names.get(quote.speaker, quote.speaker))}** "
            f"({quote.kind}, {when}): “{_md(quote.text)}” — {_md(source['publisher'])}, "
            f"*{_md(source['title'])}*{url}"
        )
    return "\n".join(lines) + "\n"
