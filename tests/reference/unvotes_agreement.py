"""Reference figures for tests/test_alignment.py, computed independently of dashboard/ in plain Python.

Reads the raw CSVs in ../shared/data/unvotes with the csv module (no pandas, no numpy, nothing from
dashboard/) and prints coincidence, agreement index and weighted kappa for a few pairs: all years,
one year, one topic. Slow on purpose: one dictionary lookup per vote. Not collected by pytest.

Run: python tests/reference/unvotes_agreement.py
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "unvotes"
Z = 1.959963984540054
CREDIT = {
    ("yes", "yes"): 1.0,
    ("no", "no"): 1.0,
    ("abstain", "abstain"): 1.0,
    ("yes", "abstain"): 0.5,
    ("abstain", "yes"): 0.5,
    ("no", "abstain"): 0.5,
    ("abstain", "no"): 0.5,
    ("yes", "no"): 0.0,
    ("no", "yes"): 0.0,
}
PAIRS = [("us", "gb"), ("us", "il"), ("ru", "cn"), ("in", "pk"), ("us", "cu")]


def read() -> tuple[dict[tuple[str, str], str], dict[str, str], dict[str, str]]:
    votes: dict[tuple[str, str], str] = {}
    with open(SHARED / "unvotes.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            votes[(row["rcid"], row["country_code"].lower())] = row["vote"]
    year: dict[str, str] = {}
    with open(SHARED / "roll_calls.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year[row["rcid"]] = row["date"][:4]
    topic: dict[str, str] = {}
    with open(SHARED / "issues.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            topic.setdefault(row["rcid"], row["issue"])  # the first issue listed is the topic
    return votes, year, topic


def wilson(k: float, n: int) -> tuple[float, float]:
    p = k / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def measures(votes: dict[tuple[str, str], str], rcids: list[str], a: str, b: str) -> dict[str, object]:
    sided = same = 0
    shared = []
    no_record = neutral = 0
    for rc in rcids:
        va, vb = votes.get((rc, a)), votes.get((rc, b))
        if va is None or vb is None:
            no_record += 1
            continue
        shared.append((va, vb))
        if va == "abstain" or vb == "abstain":
            neutral += 1
            continue
        sided += 1
        same += va == vb
    n = len(shared)
    observed = sum(CREDIT[p] for p in shared) / n
    options = ("yes", "abstain", "no")
    share_a = {o: sum(1 for p in shared if p[0] == o) / n for o in options}
    share_b = {o: sum(1 for p in shared if p[1] == o) / n for o in options}
    expected = sum(CREDIT[(x, y)] * share_a[x] * share_b[y] for x in options for y in options)
    low, high = wilson(observed * n, n)
    return {
        "issues": len(rcids),
        "no_record": no_record,
        "coincidence": (same / sided, sided, *wilson(same, sided), neutral),
        "index": (observed, n, low, high),
        "kappa": (
            (observed - expected) / (1 - expected),
            n,
            (low - expected) / (1 - expected),
            (high - expected) / (1 - expected),
        ),
    }


def main() -> None:
    votes, year, topic = read()
    voted = sorted({rc for rc, _ in votes}, key=int)
    scopes = {
        "all": voted,
        "2019": [rc for rc in voted if year[rc] == "2019"],
        "1985": [rc for rc in voted if year[rc] == "1985"],
        "Human rights": [rc for rc in voted if topic.get(rc, "Other") == "Human rights"],
    }
    for label, rcids in scopes.items():
        for a, b in PAIRS:
            print(label, a, b, measures(votes, rcids, a, b))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
