"""Scores for attribution spans against PolNeAR's own: exact, token-overlap and source–content pairs.

Spans are compared as sets of token indices into the same parse. *Exact*: a predicted span counts
when its first and last tokens are a gold span's. *Overlap*: each predicted span earns the share of
its tokens inside the best-matching gold span (precision), each gold span the share of its tokens
that the best-matching prediction covers (recall). *Pair*: a predicted (source, content) pair counts
when both spans reach token F1 >= 0.5 with one gold attribution's, each gold pair matched once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

Tokens = frozenset[int]


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _token_f1(a: Tokens, b: Tokens) -> float:
    common = len(a & b)
    return 0.0 if not common else f1(common / len(a), common / len(b))


@dataclass
class Tally:
    """Running sums over articles for one role, or for pairs."""

    predicted: int = 0
    gold: int = 0
    exact: int = 0
    overlap_p: float = 0.0  # summed over predicted spans
    overlap_r: float = 0.0  # summed over gold spans
    pairs_matched: int = 0

    def exact_f1(self) -> float:
        p = self.exact / self.predicted if self.predicted else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        return f1(p, r)

    def overlap_f1(self) -> float:
        p = self.overlap_p / self.predicted if self.predicted else 0.0
        r = self.overlap_r / self.gold if self.gold else 0.0
        return f1(p, r)

    def pair_f1(self) -> float:
        p = self.pairs_matched / self.predicted if self.predicted else 0.0
        r = self.pairs_matched / self.gold if self.gold else 0.0
        return f1(p, r)


def add_spans(tally: Tally, predicted: Sequence[Tokens], gold: Sequence[Tokens]) -> None:
    predicted = [p for p in predicted if p]
    gold = [g for g in gold if g]
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    gold_edges = {(min(g), max(g)) for g in gold}
    tally.exact += sum((min(p), max(p)) in gold_edges for p in predicted)
    for p in predicted:
        tally.overlap_p += max((len(p & g) / len(p) for g in gold), default=0.0)
    for g in gold:
        tally.overlap_r += max((len(p & g) / len(g) for p in predicted), default=0.0)


def add_pairs(
    tally: Tally, predicted: Sequence[tuple[Tokens, Tokens]], gold: Sequence[tuple[Tokens, Tokens]]
) -> None:
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    unmatched = list(gold)
    for source, content in predicted:
        for i, (g_source, g_content) in enumerate(unmatched):
            if _token_f1(source, g_source) >= 0.5 and _token_f1(content, g_content) >= 0.5:
                tally.pairs_matched += 1
                del unmatched[i]
                break


@dataclass
class Scores:
    roles: dict[str, Tally] = field(
        default_factory=lambda: {r: Tally() for r in ("source", "cue", "content")}
    )
    pairs: Tally = field(default_factory=Tally)

    def table(self) -> dict[str, float]:
        out = {}
        for role, tally in self.roles.items():
            out[f"{role}_exact_f1"] = round(100 * tally.exact_f1(), 1)
            out[f"{role}_overlap_f1"] = round(100 * tally.overlap_f1(), 1)
        out["pair_f1"] = round(100 * self.pairs.pair_f1(), 1)
        return out
