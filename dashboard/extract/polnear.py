"""PolNeAR (Newell, Margolin and Ruths, LREC 2018): read its articles and stand-off attributions.

Each attribution links a cue to its content and, usually, its source; a span may be in pieces
("start end;start end"). Where an article has several annotators' files, the first by name is used,
the same rule for training and scoring. Only the train and dev splits are ever read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")
SPLITS = ("train", "dev")  # the test split is kept apart for an independent evaluation


@dataclass(frozen=True)
class Span:
    start: int  # first character of the first piece
    end: int  # end of the last piece
    pieces: tuple[tuple[int, int], ...]


@dataclass
class Attribution:
    cue: Span | None
    content: Span | None
    source: Span | None = None


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def _span(ranges: str) -> Span:
    pieces = tuple((int(a), int(b)) for a, b in (r.split() for r in ranges.split(";")))
    return Span(pieces[0][0], pieces[-1][1], pieces)


def parse_ann(text: str) -> list[Attribution]:
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[parts[0]] = _span(ranges)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        cue, content = spans.get(roles.get("Cue", "")), spans.get(roles.get("Content", ""))
        if cue is None and content is None:
            continue
        out.append(Attribution(cue, content, spans.get(roles.get("Source", ""))))
    return out


def read_split(root: Path, split: str, limit: int | None = None) -> list[Article]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    folder = root / split
    annotations: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(Article(text_path.stem, text, parse_ann(ann.read_text(encoding="utf-8"))))
        if limit is not None and len(articles) >= limit:
            break
    return articles
