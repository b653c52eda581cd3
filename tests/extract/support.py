"""Paths the extractor's tests share (a plain module: test modules do not import conftest)."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = PROJECT.parent / "shared" / "seed" / "000_89e82746e79ff99c.txt"
SEED_BRIEFING = PROJECT / "data" / "nk-troops-russia"
POLNEAR = PROJECT.parent / "shared" / "data" / "polnear" / "data"
