"""How a rate and its interval are written on the page, in the brief and in the note: a percentage for
coincidence and the index, a signed number for kappa (it runs from -1 to 1), and a range written
with "to", so a kappa interval reads "-0.12 to -0.08" rather than "-0.12–-0.08"."""

from __future__ import annotations

import pandas as pd


def rate_text(value: float | None, measure: str) -> str:
    """'67%', or '+0.41' for kappa; '—' when the rate is undefined."""
    if pd.isna(value):
        return "—"
    return f"{value:+.2f}" if measure == "kappa" else f"{value:.0%}"


def interval_text(low: float | None, high: float | None, measure: str) -> str:
    """'30% to 90%', '-0.12 to -0.08'; '—' when either end is undefined."""
    if pd.isna(low) or pd.isna(high):
        return "—"
    return f"{rate_text(low, measure)} to {rate_text(high, measure)}"
