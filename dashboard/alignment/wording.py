"""How a rate and its interval are written on the page, in the brief and in the note: a percentage for
coincidence and the index, a signed number for kappa (it runs from -1 to 1), and a range written
with "to", so a kappa interval reads "-0.12 to -0.08" rather than "-0.12–-0.08"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.alignment.table import LEFT_OUT


def rate_text(value: float | None, measure: str) -> str:
    """'67%', or '+0.41' for kappa; '—' when the rate is undefined."""
    if pd.isna(value):
        return "—"
    return f"{value:+.2f}" if measure == "kappa" else f"{value:.0%}"


def period_text(first: object, last: object) -> str:
    """'1946–2020', '2024-10-31' (one day), 'undated' when no shared issue carries a date."""
    if pd.isna(first) or pd.isna(last):
        return "undated"
    start, end = pd.Timestamp(first), pd.Timestamp(last)
    if start.year != end.year:
        return f"{start.year}–{end.year}"
    if start.date() == end.date():
        return str(start.strftime("%Y-%m-%d"))
    return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"


def figure_text(
    value: float | None, measure: str, n: int, first: object, last: object, *, thin: bool = False
) -> str:
    """A rate with what it counts: '74% (1946–2020, n = 857)'; a thin one says so instead of a
    rate: 'too few shared issues to rate (2024-10-31, n = 3)'."""
    counted = f"{period_text(first, last)}, n = {int(n):,}"
    if thin or pd.isna(value):
        return f"too few shared issues to rate ({counted})"
    return f"{rate_text(value, measure)} ({counted})"


def interval_text(low: float | None, high: float | None, measure: str) -> str:
    """'30% to 90%', '-0.12 to -0.08'; '—' when either end is undefined."""
    if pd.isna(low) or pd.isna(high):
        return "—"
    return f"{rate_text(low, measure)} to {rate_text(high, measure)}"


def left_out_text(counts: Mapping[str, Any]) -> str:
    """What a figure left out, each kind with its count: '1 neutral, 5 no record, 1 own reading'
    (LEFT_OUT's order, kinds at 0 omitted; '' when nothing was). With the figure's n these add up to
    the issues in scope. `counts` is an agreement row (a Series or a dict of its columns)."""
    said = []
    for field, words in LEFT_OUT:
        value = counts.get(field)
        if value is not None and not pd.isna(value) and int(value):
            said.append(f"{int(value):,} {words}")
    return ", ".join(said)
