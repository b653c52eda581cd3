"""Checks every development-set annotation (benchmarks/devsets/README.md).

python benchmarks/devsets/check.py [SET ...]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = ("direct", "partial", "paraphrase")
ITEM_KINDS = ("wire", "state-media", "transcript", "think-tank", "ministry-news", "news", "statement")
FIELDS = ("id", "url", "title", "publisher", "published", "kind", "language", "licence", "statements")


def locate(text: str, words: str, occurrence: int) -> int:
    """The offset of the `occurrence`-th `words` in `text`, or -1."""
    at = -1
    for _ in range(occurrence):
        at = text.find(words, at + 1)
        if at < 0:
            return -1
    return at


def actor_ids(folder: Path) -> set[str]:
    actors = yaml.safe_load((folder / "briefing" / "actors.yaml").read_text(encoding="utf-8")) or []
    return {actor["id"] for actor in actors}


def check_statement(where: str, statement: dict, text: str, text_file: Path, ids: set[str]) -> list[str]:
    problems: list[str] = []
    words = statement.get("text") or ""
    if locate(text, words, int(statement.get("occurrence", 1))) < 0:
        problems.append(f"{where}: text not found in {text_file.name}: {words[:60]!r}")
    if statement.get("kind") not in KINDS:
        problems.append(f"{where}: kind {statement.get('kind')!r}")
    if not statement.get("speaker"):
        problems.append(f"{where}: no speaker")
    if statement.get("link") != "new" and statement.get("link") not in ids:
        problems.append(f"{where}: link {statement.get('link')!r} is neither an actor of briefing/ nor new")
    speaks_for = statement.get("speaks_for")
    if speaks_for is not None and speaks_for not in ids:
        problems.append(f"{where}: speaks_for {speaks_for!r} is not an actor of briefing/")
    return problems


def check_item(path: Path, ids: set[str]) -> list[str]:
    problems: list[str] = []
    item = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [name for name in FIELDS if name not in item]
    if missing:
        problems.append(f"{path}: missing {', '.join(missing)}")
    if item.get("id") != path.stem:
        problems.append(f"{path}: id {item.get('id')!r} is not the file's stem")
    text_file = path.with_suffix(".txt")
    if not text_file.exists():
        return [*problems, f"{path}: no {text_file.name}"]
    text = text_file.read_text(encoding="utf-8")
    try:
        date.fromisoformat(str(item.get("published")))
    except ValueError:
        problems.append(f"{path}: published {item.get('published')!r} is not YYYY-MM-DD")
    if item.get("kind") not in ITEM_KINDS:
        problems.append(f"{path}: kind {item.get('kind')!r} is not one of {ITEM_KINDS}")
    for number, statement in enumerate(item.get("statements") or [], 1):
        problems += check_statement(f"{path}: statement {number}", statement, text, text_file, ids)
    return problems


def all_sets() -> list[Path]:
    """Every set: the shipped ones, then those in unshipped/ that are on this machine."""
    shipped = sorted(p for p in HERE.iterdir() if (p / "briefing").is_dir())
    unshipped = HERE / "unshipped"
    local = sorted(p for p in unshipped.iterdir() if (p / "briefing").is_dir()) if unshipped.is_dir() else []
    return shipped + local


def set_folder(name: str) -> Path:
    """A set by its name under benchmarks/devsets (`unshipped/en-fresh4`), or by a path to it as
    given (`benchmarks/devsets/unshipped/en-fresh4` from the project's root)."""
    given = Path(name)
    return given.resolve() if (given / "briefing").is_dir() else HERE / name


def main(sets: list[str]) -> int:
    folders = [set_folder(name) for name in sets] if sets else all_sets()
    problems: list[str] = []
    counted = 0
    for folder in folders:
        ids = actor_ids(folder)
        for path in sorted(folder.glob("*.yaml")):
            counted += 1
            problems += check_item(path, ids)
    print("\n".join(problems))
    print(f"{counted} items checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
