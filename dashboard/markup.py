"""HTML for quote and actor cards. Every piece of record text is escaped here, once.

Quotes, names and titles come from files other people write; they are shown as text, never
interpreted. Only http(s) URLs become links.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import urlsplit

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.matrix import GLYPHS
from dashboard.records import STANCE_LABELS

QUOTE_KIND_LABELS = {
    "direct": "Direct quote",
    "partial": "Partial quote",
    "paraphrase": "Paraphrase",
}


def text(value: object) -> str:
    """Record text as safe HTML: escaped, with bidi overrides made visible rather than obeyed."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    escaped = html.escape(str(value), quote=True)
    # Right-to-left override and friends would reorder what the analyst reads: isolate them.
    for char in ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                 "\u2069"):
        escaped = escaped.replace(char, f"<bdi>&#x{ord(char):04x};</bdi>")
    return escaped


def safe_url(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    parts = urlsplit(candidate)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return candidate
    return None


def _date(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return "undated"
    return pd.Timestamp(value).strftime("%Y-%m-%d")  # type: ignore[arg-type]


def speaker_line(briefing: Briefing, speaker: str) -> str:
    row = briefing.actor_records.get(speaker)
    if row is None:
        return text(speaker)
    parts = [f"<strong>{text(row['name'])}</strong>"]
    if isinstance(row["role"], str):
        parts.append(text(row["role"]))
    if isinstance(row["represents"], str):
        parts.append("speaks for " + text(briefing.actor_names.get(row["represents"], "")))
    elif isinstance(row["affiliation"], str):
        parts.append(text(row["affiliation"]))
    return " · ".join(parts)


def quote_card(briefing: Briefing, quote: pd.Series, *, evidence: bool = False) -> str:
    kind = str(quote["kind"])
    source = briefing.source_records[str(quote["source"])]
    url = safe_url(source["url"])
    title = text(source["title"])
    source_html = f'<a href="{text(url)}" rel="noopener noreferrer">{title}</a>' if url else title
    issues = quote["issues"] if isinstance(quote["issues"], list) else []
    issue_chips = "".join(
        f'<span class="chip">{text(briefing.issue_titles.get(i, i))}</span>' for i in issues
    )
    body = text(quote["text"])
    if kind == "direct":
        body = f"“{body}”"
    elif kind == "partial":
        body = f"…“{body}”…"
    context = quote.get("context")
    context_html = (
        f'<div class="q-context">{text(context)}</div>' if isinstance(context, str) else ""
    )
    badge = '<span class="evidence">evidence for this cell</span>' if evidence else ""
    return (
        f'<div class="quote q-{text(kind)}">'
        f'<div class="q-head"><span class="q-kind">{QUOTE_KIND_LABELS.get(kind, text(kind))}'
        f"</span>{badge}</div>"
        f'<blockquote class="q-text">{body}</blockquote>'
        f'<div class="q-speaker">{speaker_line(briefing, str(quote["speaker"]))}</div>'
        f'<div class="q-meta">{_date(quote["when"])} · {text(source["publisher"])} · '
        f"{source_html}</div>"
        f"{context_html}"
        f'<div class="chips">{issue_chips}</div>'
        "</div>"
    )


def quote_cards(briefing: Briefing, quotes: pd.DataFrame) -> str:
    evidence = quotes["is_evidence"] if "is_evidence" in quotes else pd.Series(False, quotes.index)
    return "".join(
        quote_card(briefing, row, evidence=bool(evidence.loc[index]))
        for index, row in quotes.iterrows()
    )


def stance_chip(stance: str, basis: object = None) -> str:
    label = STANCE_LABELS.get(stance, stance)
    mark = f" ({text(basis)})" if isinstance(basis, str) and basis != "stated" else ""
    return (
        f'<span class="stance s-{text(stance)}" title="{text(label)}{mark}">'
        f"{text(GLYPHS.get(stance, '?'))}</span>"
    )


def actor_card(
    briefing: Briefing,
    actor: pd.Series,
    stances: Iterable[tuple[str, str, str]],
    n_quotes: int,
    latest_quote: str | None,
) -> str:
    """stances: (issue title, stance, basis) per issue in view."""
    who = []
    if isinstance(actor["role"], str):
        who.append(text(actor["role"]))
    if isinstance(actor["represents"], str):
        who.append("speaks for " + text(briefing.actor_names.get(actor["represents"], "")))
    if isinstance(actor["affiliation"], str):
        who.append(text(actor["affiliation"]))
    row = "".join(
        f'<span class="stance-cell" title="{text(title)}">{stance_chip(stance, basis)}</span>'
        for title, stance, basis in stances
    )
    latest = (
        f'<div class="latest">Latest: “{text(latest_quote)}”</div>' if latest_quote else ""
    )
    return (
        '<div class="actor-card">'
        f'<div class="a-head"><strong>{text(actor["name"])}</strong>'
        f'<span class="kind k-{text(actor["kind"])}">{text(actor["kind"])}</span></div>'
        f'<div class="a-who">{" · ".join(who) or "&nbsp;"}</div>'
        f'<div class="a-stances">{row}</div>'
        f'<div class="a-count">{n_quotes} quote{"s" if n_quotes != 1 else ""}</div>'
        f"{latest}"
        "</div>"
    )
