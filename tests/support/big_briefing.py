"""A quote-heavy briefing of any size, written for the note's bounds (tests and benchmarks): every
actor has a position with a summary and evidence quotes on every issue, the case where a note would
grow fastest if nothing bounded it. Invented records, JSON files (quick to write and read)."""

from __future__ import annotations

import json
from pathlib import Path

STANCES = ("strongly_support", "support", "neutral", "oppose", "strongly_oppose")


def write_quote_heavy(folder: Path, *, actors: int = 80, issues: int = 25, quotes: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "briefing.yaml").write_text(
        "id: quote-heavy\ntitle: Quote-heavy test briefing\nas_of: 2024-12-31\n"
        "classification: TEST // NOT A REAL BRIEFING\n",
        encoding="utf-8",
    )
    tables: dict[str, list[dict[str, object]]] = {
        "actors": [{"id": f"state-{a}", "name": f"State {a}", "kind": "state"} for a in range(actors)],
        "issues": [
            {
                "id": f"issue-{i}",
                "title": f"Issue {i}",
                "statement": f"The assembly should adopt measure {i}.",
                "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            }
            for i in range(issues)
        ],
        "sources": [
            {
                "id": "record",
                "title": "Verbatim record",
                "publisher": "Test assembly",
                "published": "2024-12-31",
                "kind": "statement",
                "url": "https://example.org/record",
            }
        ],
        "quotes": [],
        "positions": [],
    }
    for a in range(actors):
        for i in range(issues):
            ids = [f"q-{a}-{i}-{k}" for k in range(quotes)]
            tables["quotes"] += [
                {
                    "id": q,
                    "speaker": f"state-{a}",
                    "source": "record",
                    "kind": "direct",
                    "date": "2024-12-01",
                    "issues": [f"issue-{i}"],
                    "text": f"State {a} on measure {i}, statement {k}: we have "
                    "considered the draft with care and state our position.",
                }
                for k, q in enumerate(ids)
            ]
            tables["positions"].append(
                {
                    "actor": f"state-{a}",
                    "issue": f"issue-{i}",
                    "stance": STANCES[(a + i) % 5],
                    "as_of": "2024-12-01",
                    "basis": "stated",
                    "confidence": "high",
                    "summary": f"State {a}'s reading of measure {i}.",
                    "evidence": ids,
                }
            )
    for name, records in tables.items():
        (folder / f"{name}.json").write_text(json.dumps(records), encoding="utf-8")
    return folder
