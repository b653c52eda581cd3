"""From contingency counts to the three measures, each with n, a Wilson interval and a note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.alignment.table import (
    COLUMNS,
    CREDIT,
    MEASURES,
    MIXED,
    N_STANCES,
    NEUTRAL,
    ON_LINE,
    SIDE,
    SILENT,
    Z_95,
    AgreementError,
)

# ----------------------------------------------------------------------------- counts -> measures


def _dates(days: np.ndarray | None, size: int) -> np.ndarray:
    if days is None:
        return np.full(size, np.datetime64("NaT"), dtype="datetime64[D]")
    return np.asarray(days, dtype="datetime64[D]").ravel()


def contingency(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Counts[i, j, a, b]: issues where row i of `left` holds stance a and row j of `right` stance b.

    Both are stance-code tables over the same issues. No-record cells count nowhere (they are what is
    missing from the total). One float32 matrix product of one-hot tables (exact below 2**24 issues),
    or for a single left row a direct count of code pairs.
    """

    def one_hot(codes: np.ndarray) -> np.ndarray:
        hot = codes[:, None, :] == np.arange(N_STANCES, dtype=np.int8)[None, :, None]
        return np.asarray(hot.reshape(len(codes) * N_STANCES, codes.shape[1]).astype(np.float32))

    if left.shape[1] == 0:
        return np.zeros((len(left), len(right), N_STANCES, N_STANCES), dtype=np.int64)
    if len(left) == 1:  # one actor against many: count code pairs directly, no one-hot tables
        mine = np.broadcast_to(left, right.shape)
        both = (mine >= 0) & (right >= 0)
        rows = np.broadcast_to(np.arange(len(right))[:, None], right.shape)
        cell = (rows[both] * N_STANCES + mine[both]) * N_STANCES + right[both]
        counts = np.bincount(cell, minlength=len(right) * N_STANCES * N_STANCES)
        return counts.reshape(1, len(right), N_STANCES, N_STANCES).astype(np.int64)
    product = one_hot(left) @ one_hot(right).T
    counts = product.reshape(len(left), N_STANCES, len(right), N_STANCES).transpose(0, 2, 1, 3)
    return np.asarray(np.rint(counts).astype(np.int64))


def wilson(successes: np.ndarray, n: np.ndarray, z: float = Z_95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for successes / n (successes may be fractional); NaN where n is 0."""
    successes = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = successes / n
        denominator = 1.0 + z * z / n
        centre = (p + z * z / (2.0 * n)) / denominator
        half = z * np.sqrt(np.clip(p * (1.0 - p), 0.0, None) / n + z * z / (4.0 * n * n)) / denominator
    low = np.where(n > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
    high = np.where(n > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return low, high


@dataclass(frozen=True)
class Rates:
    """One measure over an array of pairs: value, n, interval and what was left out, elementwise."""

    value: np.ndarray
    n: np.ndarray
    low: np.ndarray
    high: np.ndarray
    issues: np.ndarray  # issues in scope
    neutral: np.ndarray  # left out as neutral (coincidence only: the index and kappa count neutral)
    mixed: np.ndarray  # left out: one or both mixed (neither silent)
    silent: np.ndarray  # left out: one or both silent (both have a record)
    no_record: np.ndarray  # left out: one or both have no record
    own_reading: np.ndarray  # left out: one side's position is the other's reading of it
    undefined: np.ndarray  # bool: kappa has no value (both took one and the same stance throughout)


def rates(
    counts: np.ndarray, issues: int | np.ndarray, measure: str, own_reading: np.ndarray | None = None
) -> Rates:
    """The measure from contingency counts (..., 7, 7) over `issues` issues in scope; `own_reading`
    (shaped like the counts' leading axes) the issues taken out of the counts before them because
    one side's position is the other's reading (both hold a position there).

    Left out, in this order of precedence (each issue lands in one bucket, so n and the buckets add
    up to `issues`): no record, own reading, silent, mixed, and for coincidence neutral.
    """
    if measure not in MEASURES:
        raise AgreementError(f"no such measure '{measure}': use one of {', '.join(MEASURES)}")
    counts = np.asarray(counts, dtype=np.int64)
    issues_arr = np.broadcast_to(np.asarray(issues, dtype=np.int64), counts.shape[:-2])
    total = counts.sum(axis=(-1, -2))
    own = np.zeros_like(total) if own_reading is None else np.asarray(own_reading, dtype=np.int64)
    no_record = issues_arr - total - own
    silent = counts[..., SILENT, :].sum(-1) + counts[..., :, SILENT].sum(-1) - counts[..., SILENT, SILENT]
    mixed = (
        counts[..., MIXED, :MIXED].sum(-1) + counts[..., :MIXED, MIXED].sum(-1) + counts[..., MIXED, MIXED]
    )
    line = counts[..., :ON_LINE, :ON_LINE]
    undefined = np.zeros(counts.shape[:-2], dtype=bool)
    neutral = np.zeros_like(total)
    if measure == "coincidence":
        neutral = line[..., NEUTRAL, :].sum(-1) + line[..., :, NEUTRAL].sum(-1) - line[..., NEUTRAL, NEUTRAL]
        same = SIDE[:ON_LINE, None] * SIDE[None, :ON_LINE]
        n = (line * (same != 0)).sum(axis=(-1, -2))
        agreed = (line * (same > 0)).sum(axis=(-1, -2))
        with np.errstate(invalid="ignore", divide="ignore"):
            value = np.where(n > 0, agreed / np.maximum(n, 1), np.nan)
        low, high = wilson(agreed, n)
    else:
        n = line.sum(axis=(-1, -2))
        safe_n = np.maximum(n, 1)
        observed = (line * CREDIT).sum(axis=(-1, -2)) / safe_n
        low, high = wilson(observed * n, n)
        value = np.where(n > 0, observed, np.nan)
        if measure == "kappa":
            first = line.sum(-1) / safe_n[..., None]  # each actor's own share of each stance
            second = line.sum(-2) / safe_n[..., None]
            expected = np.einsum("...k,kl,...l->...", first, CREDIT, second)
            room = 1.0 - expected
            undefined = (n > 0) & (room <= 1e-12)
            with np.errstate(invalid="ignore", divide="ignore"):
                value = np.where((n > 0) & ~undefined, (observed - expected) / room, np.nan)
                low = np.where(np.isnan(value), np.nan, (low - expected) / room)
                high = np.where(np.isnan(value), np.nan, (high - expected) / room)
    low = np.where(np.isnan(value), np.nan, low)
    high = np.where(np.isnan(value), np.nan, high)
    own = np.broadcast_to(own, total.shape)
    return Rates(value, n, low, high, issues_arr, neutral, mixed, silent, no_record, own, undefined)


def _note(n: int, undefined: bool, min_n: int) -> str:
    if n == 0:
        return "no shared issues"
    if undefined:
        return "undefined: both took one and the same stance on every shared issue"
    if n < min_n:
        return f"too thin: n={n} < {min_n}"
    return ""


def _frame(
    actor: Sequence[str] | np.ndarray,
    other: Sequence[str] | np.ndarray,
    group: Sequence[str] | np.ndarray,
    measure: str,
    result: Rates,
    min_n: int,
    first: np.ndarray | None = None,
    last: np.ndarray | None = None,
) -> pd.DataFrame:
    """Rows in COLUMNS order, one per element of the (flattened) rates; `first` and `last` are the
    earliest and latest as-of of the positions the measure counted, either side's (NaT where none)."""
    n = result.n.ravel()
    undefined = result.undefined.ravel()
    value = result.value.ravel()
    thin = (n < min_n) | np.isnan(value)
    return pd.DataFrame(
        {
            "actor": list(actor),
            "other": list(other),
            "group": list(group),
            "measure": measure,
            "value": value,
            "n": n,
            "first": _dates(first, len(n)),
            "last": _dates(last, len(n)),
            "low": result.low.ravel(),
            "high": result.high.ravel(),
            "thin": thin,
            "issues": result.issues.ravel(),
            "neutral": result.neutral.ravel(),
            "mixed": result.mixed.ravel(),
            "silent": result.silent.ravel(),
            "no_record": result.no_record.ravel(),
            "own_reading": result.own_reading.ravel(),
            "note": [_note(int(k), bool(u), min_n) for k, u in zip(n, undefined, strict=True)],
        },
        columns=list(COLUMNS),
    )
