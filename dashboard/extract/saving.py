"""Write reviewed records into a briefing's YAML files without losing anything already there.

New records are appended as text after each file's existing content, so the records already in
the file keep their order, comments and quoting byte for byte. A save holds a lock on the
briefing, re-reads its files, gives new records ids that are free *now* (a colleague may have
saved a minute ago), checks the result with the same loader `python -m dashboard check` uses,
and only then replaces each file atomically (temporary file + os.replace), referenced tables
first. A save that would add an error writes nothing and says why; so does one naming an actor a
colleague renamed or removed meanwhile, or one of an article the briefing already has as a source.

Two changes touch records already there, each one field of one record, made in place with every
other byte kept and read back to be sure: a quote's `also_in` (another source for its words) and an
actor's `aliases` (names a merge brought). Each saved article's fingerprint is kept beside the tables
(FINGERPRINTS), to recognise it when it is pasted again.
"""

from __future__ import annotations

import json
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

from dashboard import ledger, proposals, store
from dashboard.extract.briefings import load_briefing
from dashboard.extract.duplicates import Fingerprint, SameSource, fingerprint, same_source, words_key
from dashboard.identity import Identity
from dashboard.problems import Problem, errors
from dashboard.records import TABLE_BY_NAME
from dashboard.text import fold, slug

WRITE_ORDER = ("sources", "actors", "issues", "quotes", "positions")  # targets before references
LOCK_TIMEOUT = 30.0


FINGERPRINTS = ".article-fingerprints.json"  # beside the tables; hidden, so no loader reads it


class SaveRefused(RuntimeError):
    """Nothing was written; the message says why and what to do."""


class DuplicateSource(SaveRefused):
    """The article is a source the briefing already has: nothing was written."""

    def __init__(self, match: SameSource) -> None:
        super().__init__(
            f"nothing written: this article is {match.message()}: add its records to {match.id} instead"
        )
        self.match = match


@dataclass
class Accepted:
    """What the analyst accepted from one article's drafts, ids still provisional."""

    source: dict[str, Any] | None  # a new source record, or None when it is already in the briefing
    actors: list[dict[str, Any]] = field(default_factory=list)  # new actors only
    quotes: list[dict[str, Any]] = field(default_factory=list)  # without "id": given at save time
    positions: list[dict[str, Any]] = field(default_factory=list)  # "evidence" holds quote indexes
    label: str = ""  # named in the comment above the appended records
    # Words the briefing already has, from this source too: (quote id, source id) to add to that
    # quote's `also_in`. A position's "evidence" holds indexes into `quotes`, or such a quote's id.
    also_in: list[tuple[str, str]] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # existing actor id -> names to add
    names: dict[str, str] = field(default_factory=dict)  # actor id -> the name the review knew
    text: str = ""  # the article's text: to recognise it when it is pasted again
    another_copy: bool = False  # the analyst says: nearly the same text, but another outlet's copy


@dataclass
class SaveResult:
    added: dict[str, list[str]]  # table -> ids (positions: "actor/issue")
    skipped: list[str]  # records already there, with the reason
    files: list[str]
    renamed: dict[str, str]  # provisional id -> the id it got, where a colleague took the first
    also_in: list[str] = field(default_factory=list)  # "q-x: also in source-y"
    notes: list[str] = field(default_factory=list)  # what else the analyst should know


def _table_file(folder: Path, table: str) -> Path:
    others = [
        p for p in folder.iterdir() if p.stem.lower() == table and p.is_file() and p.suffix.lower() != ".yaml"
    ]
    if others:
        raise SaveRefused(
            f"{others[0]}: the app saves into .yaml tables only; convert the briefing "
            f"with `python -m dashboard convert {folder} NEW_FOLDER --format yaml`"
        )
    if (folder / "briefing.yaml").is_file():
        document = yaml.safe_load((folder / "briefing.yaml").read_text(encoding="utf-8")) or {}
        if isinstance(document, dict) and table in document:
            raise SaveRefused(
                f"{folder / 'briefing.yaml'}: holds the {table} table itself; the app "
                "saves into one .yaml file per table (convert with --format yaml)"
            )
    return folder / f"{table}.yaml"


def _is_block_sequence(text: str) -> bool:
    """True when the file is a YAML list written one '- ' item at a time (what appending extends)."""
    body = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return not body or body[0].startswith("- ")


def _dump(records: list[dict[str, Any]]) -> str:
    return str(
        yaml.safe_dump(
            [_dated(r) for r in records],
            allow_unicode=True,
            sort_keys=False,
            width=10_000,
            default_flow_style=False,
        )
    )


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
            raise SaveRefused(
                f"nothing written: {where} cannot be read as YAML just now (someone "
                "may be editing it, or it was left half-written). Fix or finish "
                "that file, then save again: your review is kept"
            ) from None
        except (OSError, UnicodeDecodeError) as error:
            raise SaveRefused(
                f"nothing written: {path} cannot be read ({error}); try again in a "
                "moment: your review is kept"
            ) from None
        out[table] = [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
    return out


def _quote_id(quote: dict[str, Any], taken: set[str]) -> str:
    words = [
        w
        for w in re.findall(r"[a-z0-9]+", fold(str(quote["text"])))
        if w not in {"the", "a", "an", "of", "to", "and", "that", "is", "it", "in", "this"}
    ][:4]
    return slug("q-" + str(quote["speaker"]) + "-" + "-".join(words), taken)


def _comment(label: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    clean = re.sub(r"[\r\n]+", " ", label)[:120]
    return f"\n# --- Added {stamp} from {clean} (reviewed in Add a source) ---\n"


# Over the complexity cap: one branch per table's id rule (free, renamed, skipped as already there).
def _prepare(  # noqa: C901
    accepted: Accepted,
    current: dict[str, list[dict[str, Any]]],
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
        same = next(
            (
                a
                for a in current["actors"]
                if a.get("id") == record["id"] and fold(str(a.get("name"))) == fold(str(record["name"]))
            ),
            None,
        )
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
        record["evidence"] = [
            i if isinstance(i, str) else quote_ids[i]
            for i in record.get("evidence", [])
            if isinstance(i, str) or quote_ids[i]
        ]
        if (record["actor"], record["issue"], str(record.get("as_of"))) in held:
            skipped.append(
                f"position of {record['actor']} on {record['issue']} as of "
                f"{record.get('as_of')}: the briefing already has one; add the quote to "
                "its evidence by hand"
            )
            continue
        held.add((record["actor"], record["issue"], str(record.get("as_of"))))
        new["positions"].append(record)
    return new, skipped, renamed


def _missing_actors(accepted: Accepted, current: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every actor the records name that is neither in the briefing now nor new in this save: a
    colleague may have renamed or removed it since the review began."""
    have = _current_ids(current, "actors") | {str(a["id"]) for a in accepted.actors}
    named: list[tuple[str, str]] = []
    named += [(str(q.get("speaker") or ""), "speaker") for q in accepted.quotes]
    for position in accepted.positions:
        named += [
            (str(position.get("actor") or ""), "position's actor"),
            (str(position.get("assessed_by") or ""), "position's assessor"),
        ]
    named += [(str(a.get("represents") or ""), f"body {a['name']} speaks for") for a in accepted.actors]
    named += [(actor_id, "actor given new aliases") for actor_id in accepted.aliases]
    out: list[str] = []
    for actor_id, what in named:
        if actor_id and actor_id not in have:
            line = (
                f"the {what} '{accepted.names.get(actor_id, actor_id)}' ({actor_id}) is no longer in "
                f"the briefing — a colleague may have renamed or removed it: choose the {what} again"
            )
            if line not in out:
                out.append(line)
    return out


def _refuse_same_source(folder: Path, accepted: Accepted, current: dict[str, list[dict[str, Any]]]) -> None:
    if accepted.source is None:
        return
    match = same_source(
        str(accepted.source.get("url") or ""),
        accepted.text,
        current["sources"],
        read_fingerprints(folder),
        current["quotes"],
    )
    if match is not None and (match.certain or not accepted.another_copy):
        raise DuplicateSource(match)


# ------------------------------------------------------------------ one field of one record, in place


def _flow(values: list[str]) -> str:
    """A YAML flow list of ids, each quoted only where YAML would read it as something else."""
    return str(yaml.safe_dump(values, default_flow_style=True, allow_unicode=True, width=10_000)).strip()


def _line_after(text: str, index: int) -> int:
    """Where the line after the one holding `index - 1` begins (the end of the text if none)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _content_end(text: str, index: int) -> int:
    """Where the content before `index` ends: blank and comment lines after it (a comment above the
    next record) are not part of the record."""
    head = text[:index]
    while True:
        stripped = head.rstrip(" \t\r\n")
        line_start = stripped.rfind("\n") + 1
        if not stripped[line_start:].lstrip().startswith("#"):
            return len(stripped)
        head = stripped[:line_start]


def _record_node(root: yaml.Node | None, record_id: str, path: Path) -> yaml.MappingNode:
    items = root.value if isinstance(root, yaml.SequenceNode) else []
    for node in items:
        if isinstance(node, yaml.MappingNode) and any(
            isinstance(k, yaml.ScalarNode)
            and k.value == "id"
            and isinstance(v, yaml.ScalarNode)
            and v.value == record_id
            for k, v in node.value
        ):
            return node
    raise SaveRefused(
        f"nothing written: {path} no longer holds the record {record_id} (a colleague "
        "may have removed or renamed it): draft again"
    )


def add_to_list(text: str, path: Path, record_id: str, key: str, values: list[str]) -> str:
    """`text` (a YAML list of records) with `values` added to the list `key` of the record whose id
    is `record_id`; every byte outside that record's `key` stays as it was. The result is read back
    and compared with the original, record by record: anything else changed, nothing is written."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        before = yaml.safe_load(text)
    except yaml.YAMLError:
        raise SaveRefused(
            f"nothing written: {path} cannot be read as YAML just now: fix or finish "
            "that file, then save again: your review is kept"
        ) from None
    node = _record_node(root, record_id, path)
    pairs = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    found = next((v for k, v in pairs if k.value == key), None)
    old: list[str] = []
    if isinstance(found, yaml.SequenceNode):
        old = [str(item.value) for item in found.value if isinstance(item, yaml.ScalarNode)]
    elif isinstance(found, yaml.ScalarNode) and found.tag != "tag:yaml.org,2002:null" and found.value:
        old = [str(found.value)]
    wanted = old + [v for v in dict.fromkeys(values) if v not in old]
    if wanted == old:
        return text
    if found is None:
        indent = " " * pairs[0][0].start_mark.column
        at = _line_after(text, _content_end(text, pairs[-1][1].end_mark.index))
        line = f"{indent}{key}: {_flow(wanted)}\n"
        edited = text[:at] + ("" if at == 0 or text[at - 1] == "\n" else "\n") + line + text[at:]
    elif isinstance(found, yaml.SequenceNode) and not found.flow_style and found.value:
        first = found.value[0].start_mark.index
        line_start = text.rfind("\n", 0, first) + 1
        dash = " " * (text.index("-", line_start) - line_start)
        at = _line_after(text, _content_end(text, found.value[-1].end_mark.index))
        added = "".join(f"{dash}- {_flow([v])[1:-1]}\n" for v in wanted[len(old) :])
        edited = text[:at] + ("" if at == 0 or text[at - 1] == "\n" else "\n") + added + text[at:]
    else:
        start, end = found.start_mark.index, found.end_mark.index
        lead = "" if start > 0 and text[start - 1] in " \t" else " "
        edited = text[:start] + lead + _flow(wanted) + text[end:]
    after = yaml.safe_load(edited)
    expected = [
        dict(r, **{key: wanted}) if isinstance(r, dict) and r.get("id") == record_id else r for r in before
    ]
    if after != expected:
        raise SaveRefused(
            f"nothing written: {path}: the record {record_id} could not be given its "
            f"{key} without changing others; add {', '.join(values)} by hand"
        )
    return edited


def _also_in(
    accepted: Accepted, current: dict[str, list[dict[str, Any]]], renamed: dict[str, str]
) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """Quote id -> sources to add to its `also_in`; what is said of each; and what is skipped."""
    by_id = {str(q.get("id")): q for q in current["quotes"]}
    adds: dict[str, list[str]] = {}
    said: list[str] = []
    skipped: list[str] = []
    for quote_id, source_id in accepted.also_in:
        source_id = renamed.get(source_id, source_id)
        quote = by_id.get(quote_id)
        if quote is None:
            raise SaveRefused(
                f"nothing written: quote {quote_id}, which was to carry this source too, "
                "is no longer in the briefing (a colleague may have removed it): "
                "choose again for those words"
            )
        held = quote.get("also_in")
        held_ids = [str(v) for v in held] if isinstance(held, list) else [str(held)] if held else []
        if str(quote.get("source")) == source_id or source_id in held_ids:
            skipped.append(f"quote {quote_id}: already has source {source_id}")
            continue
        if source_id not in adds.setdefault(quote_id, []):
            adds[quote_id].append(source_id)
            said.append(f"{quote_id}: also in {source_id}")
    return adds, said, skipped


def read_fingerprints(folder: Path) -> dict[str, Fingerprint]:
    """The fingerprints of the articles saved into this briefing; none when the file is missing or
    unreadable (it only helps to recognise an article pasted again)."""
    try:
        document = json.loads((folder / FINGERPRINTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    held = document.get("sources") if isinstance(document, dict) else None
    if not isinstance(held, dict):
        return {}
    found = {str(k): Fingerprint.from_record(v) for k, v in held.items()}
    return {k: v for k, v in found.items() if v is not None}


def _keep_fingerprint(folder: Path, source_id: str, text: str) -> str:
    """Record the article's fingerprint beside the tables; a note if it could not be (the save
    itself stands: the fingerprint only helps to recognise the article again)."""
    held = read_fingerprints(folder)
    held[source_id] = fingerprint(text)
    document = {
        "about": "fingerprints of article texts saved with Add a source, to recognise an "
        "article pasted again; not records of the briefing; safe to delete",
        "sources": {k: v.as_record() for k, v in sorted(held.items())},
    }
    try:
        _atomic_replace(folder / FINGERPRINTS, json.dumps(document, separators=(",", ":")) + "\n")
    except OSError as error:
        return (
            f"the article's fingerprint could not be kept ({error.strerror or error}): the same "
            "text pasted again will be recognised by its quotes only"
        )
    return ""


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


def save(
    folder: Path,
    accepted: Accepted,
    timeout: float = LOCK_TIMEOUT,
    *,
    author: Identity | None = None,
    comment: str = "",
    reviewed_by: Identity | None = None,
) -> SaveResult:
    """Append the accepted records to the briefing in `folder`; raises SaveRefused with the reason.
    The history (dashboard/ledger.py) records the save as `author`'s, with `comment` (why); what
    was changed by hand before it is recorded first, as its own event. Where the briefing asks for
    a second pair of eyes, an unreviewed save waits as a proposal instead (dashboard/proposals.py)."""
    if not (folder / "briefing.yaml").is_file():
        raise SaveRefused(f"{folder}: not a briefing folder with a briefing.yaml")
    if reviewed_by is None and proposals.required(folder):
        return _propose(folder, accepted, author or ledger.UNKNOWN_EDITOR, comment)
    try:
        with store.writing(folder, timeout):
            result = _save_locked(folder, accepted)
            _record(folder, result, accepted, author, comment, reviewed_by)
            return result
    except store.StoreError as error:
        raise SaveRefused(str(error)) from None


def _propose(folder: Path, accepted: Accepted, author: Identity, comment: str) -> SaveResult:
    try:
        with store.writing(folder, LOCK_TIMEOUT):
            number = proposals.submit(folder, accepted, author, comment)
    except (ledger.LedgerError, store.StoreError) as error:
        raise SaveRefused(f"nothing written: {error}") from None
    return SaveResult(
        {t: [] for t in WRITE_ORDER},
        [],
        [],
        {},
        notes=[
            f"Sent for review as proposal #{number}: this briefing asks a second editor to approve "
            "each save, so nothing reaches it until then (History of changes, Review)"
        ],
    )


def _record(
    folder: Path,
    result: SaveResult,
    accepted: Accepted,
    author: Identity | None,
    comment: str,
    reviewed_by: Identity | None = None,
) -> None:
    """The save into the history; a history that cannot be written now leaves a note (the change
    is recorded at the next look, as made outside the dashboard)."""
    source = ", ".join(result.added.get("sources", [])) or accepted.label
    try:
        ledger.record(
            folder,
            author or ledger.UNKNOWN_EDITOR,
            "save",
            source=source,
            comment=comment or accepted.label,
            reviewed_by=reviewed_by,
        )
    except ledger.LedgerError as error:
        result.notes.append(f"saved, but not recorded in the history: {error}")


def _edits(
    accepted: Accepted,
    current: dict[str, list[dict[str, Any]]],
    texts: dict[str, str],
    paths: dict[str, Path],
    renamed: dict[str, str],
) -> tuple[dict[str, str], list[str], list[str]]:
    """The tables whose existing records change in place (a quote's `also_in`, an actor's
    `aliases`), as their new text; what is said of each change; what was already so."""
    adds, said, skipped = _also_in(accepted, current, renamed)
    edited: dict[str, str] = {}
    for quote_id, sources in adds.items():
        edited["quotes"] = add_to_list(
            edited.get("quotes", texts["quotes"]), paths["quotes"], quote_id, "also_in", sources
        )
    actors = {str(a.get("id")): a for a in current["actors"]}
    for actor_id, names in accepted.aliases.items():
        record = actors.get(actor_id, {})
        held = record.get("aliases")
        known = {words_key(str(n)) for n in [record.get("name"), *(held if isinstance(held, list) else [])]}
        fresh = [n for n in names if words_key(n) not in known]
        if fresh:
            edited["actors"] = add_to_list(
                edited.get("actors", texts["actors"]), paths["actors"], actor_id, "aliases", fresh
            )
            said.append(f"{actor_id}: also called {', '.join(fresh)}")
    return edited, said, skipped


# Over the complexity cap: the checks that must all pass, under the lock, before any file is
# replaced.
def _save_locked(folder: Path, accepted: Accepted) -> SaveResult:  # noqa: C901
    paths = {table: _table_file(folder, table) for table in WRITE_ORDER}
    try:
        texts = {t: p.read_text(encoding="utf-8") if p.is_file() else "" for t, p in paths.items()}
    except (OSError, UnicodeDecodeError) as error:
        raise SaveRefused(
            f"nothing written: a briefing file cannot be read ({error}); try again "
            "in a moment: your review is kept"
        ) from None
    for table, text in texts.items():
        if not _is_block_sequence(text):
            raise SaveRefused(
                f"{paths[table]}: not a list of '- ' records at the top level, so new "
                "records cannot be appended; write it as a YAML list"
            )
    current = _read_tables(folder, WRITE_ORDER)  # re-read under the lock: what is there now
    missing = _missing_actors(accepted, current)
    if missing:
        raise SaveRefused("nothing written: " + "; ".join(missing))
    _refuse_same_source(folder, accepted, current)
    new, skipped, renamed = _prepare(accepted, current)
    _check_fields(new)
    contents, also_in, already = _edits(accepted, current, texts, paths, renamed)
    skipped += already
    for table, records in new.items():
        if not records:
            continue
        text = contents.get(table, texts[table])
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
        shutil.copytree(folder, staged, symlinks=True, ignore=shutil.ignore_patterns(".*"))
        for table, content in contents.items():
            (staged / paths[table].name).write_text(content, encoding="utf-8")
        _, after = load_briefing(staged)
    added_errors = _new_errors(before, after)
    if added_errors:
        listed = "; ".join(str(p).replace(str(staged), str(folder)) for p in added_errors[:5])
        raise SaveRefused(
            f"nothing written: the new records would add {len(added_errors)} error(s): {listed}"
        )
    try:
        ledger.observe(folder)  # what was changed by hand before this save is not this save
    except ledger.LedgerError as error:
        raise SaveRefused(f"nothing written: {error}") from None
    for table in WRITE_ORDER:
        if table in contents:
            _atomic_replace(paths[table], contents[table])
    added = {
        t: [str(r.get("id") or f"{r.get('actor')}/{r.get('issue')}") for r in new[t]] for t in WRITE_ORDER
    }
    notes = []
    if new["sources"] and accepted.text:
        note = _keep_fingerprint(folder, str(new["sources"][0]["id"]), accepted.text)
        notes += [note] if note else []
    return SaveResult(
        added, skipped, [str(paths[t]) for t in WRITE_ORDER if t in contents], renamed, also_in, notes
    )
