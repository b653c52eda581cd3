"""Write reviewed records into a briefing's YAML files without losing anything already there.

New records are appended as text after each file's existing content, so the records already in
the file keep their order, comments and quoting byte for byte. A save holds a lock on the
briefing, re-reads its files, gives new records ids that are free *now* (a colleague may have
saved a minute ago), checks the result with the same loader `python -m dashboard check` uses,
and only then replaces each file atomically (temporary file + os.replace), referenced tables
first. A save that would add an error writes nothing and says why.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock, Timeout

from dashboard.extract.briefings import load_briefing
from dashboard.problems import Problem, errors
from dashboard.records import TABLE_BY_NAME
from dashboard.text import fold, slug

WRITE_ORDER = ("sources", "actors", "issues", "quotes", "positions")  # targets before references
LOCK_TIMEOUT = 30.0


class SaveRefused(RuntimeError):
    """Nothing was written; the message says why and what to do."""


@dataclass
class Accepted:
    """What the analyst accepted from one article's drafts, ids still provisional."""

    source: dict[str, Any] | None  # a new source record, or None when it is already in the briefing
    actors: list[dict[str, Any]] = field(default_factory=list)  # new actors only
    quotes: list[dict[str, Any]] = field(default_factory=list)  # without "id": given at save time
    positions: list[dict[str, Any]] = field(default_factory=list)  # "evidence" holds quote indexes
    label: str = ""  # named in the comment above the appended records


@dataclass
class SaveResult:
    added: dict[str, list[str]]  # table -> ids (positions: "actor/issue")
    skipped: list[str]  # records already there, with the reason
    files: list[str]
    renamed: dict[str, str]  # provisional id -> the id it got, where a colleague took the first


def lock_path(folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
    locks = Path(tempfile.gettempdir()) / "positions-dashboard-locks"
    locks.mkdir(exist_ok=True)
    return locks / f"{key}.lock"


def _table_file(folder: Path, table: str) -> Path:
    others = [p for p in folder.iterdir() if p.stem.lower() == table and p.is_file()
              and p.suffix.lower() != ".yaml"]
    if others:
        raise SaveRefused(f"{others[0]}: the app saves into .yaml tables only; convert the briefing "
                          f"with `python -m dashboard convert {folder} NEW_FOLDER --format yaml`")
    if (folder / "briefing.yaml").is_file():
        document = yaml.safe_load((folder / "briefing.yaml").read_text(encoding="utf-8")) or {}
        if isinstance(document, dict) and table in document:
            raise SaveRefused(f"{folder / 'briefing.yaml'}: holds the {table} table itself; the app "
                              "saves into one .yaml file per table (convert with --format yaml)")
    return folder / f"{table}.yaml"


def _is_block_sequence(text: str) -> bool:
    """True when the file is a YAML list written one '- ' item at a time (what appending extends)."""
    body = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return not body or body[0].startswith("- ")


def _dump(records: list[dict[str, Any]]) -> str:
    return yaml.safe_dump([_dated(r) for r in records], allow_unicode=True, sort_keys=False, width=10_000,
                          default_flow_style=False)


def _dated(record: dict[str, Any]) -> dict[str, Any]:
    """Dates written as YAML dates (2024-11-02), as the shipped files write them, not as strings."""
    out = dict(record)
    for key in ("published", "date", "as_of"):
        value = out.get(key)
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            out[key] = date.fromisoformat(value)
    return out


def _current_ids(briefing_tables: dict[str, list[dict[str, Any]]], table: str) -> set[str]:
    return {str(r.get("id")) for r in briefing_tables.get(table, []) if isinstance(r, dict)}


def _read_tables(folder: Path, tables: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        path = folder / f"{table}.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"{path} line {mark.line + 1}" if mark is not None else str(path)
            raise SaveRefused(f"nothing written: {where} cannot be read as YAML just now (someone "
                              "may be editing it, or it was left half-written). Fix or finish "
                              "that file, then save again: your review is kept") from None
        except (OSError, UnicodeDecodeError) as error:
            raise SaveRefused(f"nothing written: {path} cannot be read ({error}); try again in a "
                              "moment: your review is kept") from None
        out[table] = [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
    return out


def _quote_id(quote: dict[str, Any], taken: set[str]) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", fold(str(quote["text"])))
             if w not in {"the", "a", "an", "of", "to", "and", "that", "is", "it", "in", "this"}][:4]
    return slug("q-" + str(quote["speaker"]) + "-" + "-".join(words), taken)


def _comment(label: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    clean = re.sub(r"[\r\n]+", " ", label)[:120]
    return f"\n# --- Added {stamp} from {clean} (reviewed in Add a source) ---\n"


# Over the complexity cap: one branch per table's id rule (free, renamed, skipped as already there).
def _prepare(accepted: Accepted, current: dict[str, list[dict[str, Any]]]  # noqa: C901
             ) -> tuple[dict[str, list[dict[str, Any]]], list[str], dict[str, str]]:
    """Records to append per table, with ids free in the files as they are now."""
    renamed: dict[str, str] = {}
    skipped: list[str] = []
    new: dict[str, list[dict[str, Any]]] = {t: [] for t in WRITE_ORDER}
    if accepted.source is not None:
        source = dict(accepted.source)
        existing = next((s for s in current["sources"] if s.get("id") == source["id"]), None)
        if existing is not None and fold(str(existing.get("title"))) == fold(str(source["title"])):
            skipped.append(f"source {source['id']}: already in the briefing")
        else:
            taken = _current_ids(current, "sources")
            fresh = slug(source["id"], taken) if source["id"] in taken else source["id"]
            if fresh != source["id"]:
                renamed[source["id"]] = fresh
                source["id"] = fresh
            new["sources"].append(source)
    actor_taken = _current_ids(current, "actors")
    for actor in accepted.actors:
        record = dict(actor)
        same = next((a for a in current["actors"] if a.get("id") == record["id"]
                     and fold(str(a.get("name"))) == fold(str(record["name"]))), None)
        if same is not None:  # a colleague added the same person a moment ago: use theirs
            skipped.append(f"actor {record['id']}: already in the briefing")
            continue
        if record["id"] in actor_taken:
            fresh = slug(record["id"], actor_taken)
            renamed[record["id"]] = fresh
            record["id"] = fresh
        actor_taken.add(record["id"])
        new["actors"].append(record)
    quote_taken = _current_ids(current, "quotes")
    known = {(q.get("speaker"), q.get("text"), q.get("source")): q.get("id") for q in current["quotes"]}
    quote_ids: list[str | None] = []
    for quote in accepted.quotes:
        record = dict(quote)
        for key in ("speaker", "source"):
            record[key] = renamed.get(record[key], record[key])
        twin = known.get((record["speaker"], record["text"], record["source"]))
        if twin is not None:
            skipped.append(f"quote {twin}: already in the briefing ({str(record['text'])[:40]}…)")
            quote_ids.append(str(twin))
            continue
        record = {"id": _quote_id(record, quote_taken), **record}
        quote_taken.add(record["id"])
        quote_ids.append(record["id"])
        new["quotes"].append(record)
    held = {(p.get("actor"), p.get("issue"), str(p.get("as_of"))) for p in current["positions"]}
    for position in accepted.positions:
        record = dict(position)
        record["actor"] = renamed.get(record["actor"], record["actor"])
        for key in ("assessed_by",):
            if key in record:
                record[key] = renamed.get(record[key], record[key])
        record["evidence"] = [quote_ids[i] for i in record.get("evidence", []) if quote_ids[i]]
        if (record["actor"], record["issue"], str(record.get("as_of"))) in held:
            skipped.append(f"position of {record['actor']} on {record['issue']} as of "
                           f"{record.get('as_of')}: the briefing already has one; add the quote to "
                           "its evidence by hand")
            continue
        held.add((record["actor"], record["issue"], str(record.get("as_of"))))
        new["positions"].append(record)
    return new, skipped, renamed


def _check_fields(new: dict[str, list[dict[str, Any]]]) -> None:
    for table, records in new.items():
        names = set(TABLE_BY_NAME[table].field_names)
        for record in records:
            extra = set(record) - names
            if extra:
                raise SaveRefused(f"{table}: unknown field(s) {', '.join(sorted(extra))}")


def _atomic_replace(path: Path, content: str) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _new_errors(before: list[Problem], after: list[Problem]) -> list[Problem]:
    seen = {(p.message) for p in errors(before)}
    return [p for p in errors(after) if p.message not in seen]


def save(folder: Path, accepted: Accepted, timeout: float = LOCK_TIMEOUT) -> SaveResult:
    """Append the accepted records to the briefing in `folder`; raises SaveRefused with the reason."""
    if not (folder / "briefing.yaml").is_file():
        raise SaveRefused(f"{folder}: not a briefing folder with a briefing.yaml")
    try:
        with FileLock(str(lock_path(folder)), timeout=timeout):
            return _save_locked(folder, accepted)
    except Timeout:
        raise SaveRefused(f"{folder}: another save into this briefing has held it for {timeout:.0f} s; "
                          "nothing was written: try again in a moment") from None

# Over the complexity cap: the checks that must all pass, under the lock, before any file is
# replaced.
def _save_locked(folder: Path, accepted: Accepted) -> SaveResult:  # noqa: C901
    paths = {table: _table_file(folder, table) for table in WRITE_ORDER}
    try:
        texts = {t: p.read_text(encoding="utf-8") if p.is_file() else "" for t, p in paths.items()}
    except (OSError, UnicodeDecodeError) as error:
        raise SaveRefused(f"nothing written: a briefing file cannot be read ({error}); try again "
                          "in a moment: your review is kept") from None
    for table, text in texts.items():
        if not _is_block_sequence(text):
            raise SaveRefused(f"{paths[table]}: not a list of '- ' records at the top level, so new "
                              "records cannot be appended; write it as a YAML list")
    current = _read_tables(folder, WRITE_ORDER)  # re-read under the lock: what is there now
    new, skipped, renamed = _prepare(accepted, current)
    _check_fields(new)
    contents: dict[str, str] = {}
    for table, records in new.items():
        if not records:
            continue
        text = texts[table]
        if text.strip() in ("[]", ""):
            text = ""
        elif not text.endswith("\n"):
            text += "\n"
        contents[table] = text + _comment(accepted.label) + _dump(records)
    if not contents:
        return SaveResult({t: [] for t in WRITE_ORDER}, skipped, [], renamed)
    _, before = load_briefing(folder)
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch) / folder.name
        shutil.copytree(folder, staged, symlinks=True,
                        ignore=shutil.ignore_patterns(".*"))
        for table, content in contents.items():
            (staged / paths[table].name).write_text(content, encoding="utf-8")
        _, after = load_briefing(staged)
    added_errors = _new_errors(before, after)
    if added_errors:
        listed = "; ".join(str(p).replace(str(staged), str(folder)) for p in added_errors[:5])
        raise SaveRefused(f"nothing written: the new records would add {len(added_errors)} "
                          f"error(s): {listed}")
    for table in WRITE_ORDER:
        if table in contents:
            _atomic_replace(paths[table], contents[table])
    added = {t: [str(r.get("id") or f"{r.get('actor')}/{r.get('issue')}") for r in new[t]]
             for t in WRITE_ORDER}
    return SaveResult(added, skipped, [str(paths[t]) for t in WRITE_ORDER if t in contents], renamed)
