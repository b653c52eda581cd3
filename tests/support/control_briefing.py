"""The seed briefing with every character XML forbids (and the other controls) in its names,
titles and quotes: what text pasted out of Word can bring, and what once aborted the server."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[2]
SEED = PROJECT / "data" / "nk-troops-russia"
# Every character XML 1.0 forbids in a document: C0 controls but tab, LF and CR, and U+FFFE/U+FFFF.
FORBIDDEN = (
    [chr(c) for c in range(0x09)]
    + ["\x0b", "\x0c"]
    + [chr(c) for c in range(0x0E, 0x20)]
    + ["\ufffe", "\uffff"]
)


def control_briefing(folder: Path, characters: list[str] = FORBIDDEN) -> Path:
    """A copy of the seed in `folder`/controls: China's name, every issue's title and the first
    quote each hold one of `characters` (in turn); the rest is the seed's."""
    target = folder / "controls"
    shutil.copytree(SEED, target)
    turn = iter(characters * 4)

    def rewrite(table: str, field: str, limit: int | None = None) -> None:
        path = target / f"{table}.yaml"
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        for record in records[:limit]:
            text = str(record[field])
            record[field] = f"{text[:3]}{next(turn)}{text[3:]}"
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")

    rewrite("actors", "name")
    rewrite("issues", "title")
    rewrite("quotes", "text", limit=3)
    meta = yaml.safe_load((target / "briefing.yaml").read_text(encoding="utf-8"))
    meta["id"] = "controls"
    (target / "briefing.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    return target
