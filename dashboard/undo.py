"""Undo one event of a briefing's history (or some of its records) by writing the records back as
they were before it, recorded as a new event: the history itself is never rewritten.

The same care as a save (dashboard/extract/saving.py): under the briefing's lock, what was changed
by hand is recorded first; each record must still be as the event left it, else the undo is refused
with the later event that changed it; only the undone records' lines are touched (every other byte
of each file stays); the result is checked with the loader and refused if it would add an error
(a quote still citing a source being removed: later work depends on it); files are replaced
atomically.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

from dashboard import ledger, store
from dashboard.extract.briefings import load_briefing
from dashboard.extract.saving import LOCK_TIMEOUT, _atomic_replace, _content_end, _line_after
from dashboard.identity import Identity
from dashboard.ledger import Change, Event, Record
from dashboard.problems import errors


class UndoRefused(RuntimeError):
    """Nothing was written; the message says why and what to do."""


def _matches(node: yaml.Node, change: Change) -> bool:
    if not isinstance(node, yaml.MappingNode):
        return False
    fields = {
        k.value: v.value
        for k, v in node.value
        if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
    }
    if change.table != "positions":
        return fields.get("id") == change.record_id.split("#", 1)[0]
    record = change.after or change.before or {}
    return all(
        str(fields.get(name) or "") == str(record.get(name) or "") for name in ("actor", "issue", "as_of")
    )


def _dumped(record: Record) -> str:
    return str(yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=10_000))


def rewrite(text: str, change: Change, path: Path) -> str:
    """`text` (a YAML list of records) with the record of `change` put back as it was before."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    except yaml.YAMLError:
        raise UndoRefused(
            f"nothing written: {path} cannot be read as YAML just now: fix or finish "
            "that file, then undo again"
        ) from None
    items = root.value if isinstance(root, yaml.SequenceNode) else []
    if root is not None and (not isinstance(root, yaml.SequenceNode) or root.flow_style):
        raise UndoRefused(
            f"nothing written: {path} is not a list of '- ' records, so the undo "
            "cannot touch one record alone; undo it by hand"
        )
    node = next((item for item in items if _matches(item, change)), None)
    if change.after is None:  # the event removed it: it comes back at the end
        tail = "" if not text or text.endswith("\n") else "\n"
        return text + tail + _dumped(change.before or {})
    if node is None:
        raise UndoRefused(f"nothing written: {path} no longer holds {change.key}")
    start = text.rfind("\n", 0, node.start_mark.index) + 1
    end = _line_after(text, _content_end(text, node.end_mark.index))
    return text[:start] + ("" if change.before is None else _dumped(change.before)) + text[end:]


def _check_still(event: Event, changes: list[Change], later: list[Event], now: ledger.Records) -> None:
    for change in changes:
        if now.get(change.key) == change.after:
            continue
        touched = [e for e in later if any(c.key == change.key for c in e.changes)]
        by = (
            f"event {touched[-1].seq}, {touched[-1].action} by {touched[-1].name} on {touched[-1].at}"
            if touched
            else "a change not yet recorded"
        )
        raise UndoRefused(
            f"nothing written: {change.key} has changed since event {event.seq} "
            f"({by}); undo that first, or undo the other records alone"
        )


def _new_texts(folder: Path, changes: list[Change]) -> dict[Path, str]:
    texts: dict[Path, str] = {}
    for change in changes:
        if change.key == ledger.META_KEY:
            raise UndoRefused(
                "nothing written: the briefing's own fields (briefing.yaml) are put back by hand"
            )
        path = folder / f"{change.table}.yaml"
        if not path.is_file() and change.after is not None:
            raise UndoRefused(
                f"nothing written: {change.table} is not kept in {path.name}; the "
                "dashboard undoes changes to .yaml tables only"
            )
        if path not in texts:
            texts[path] = path.read_text(encoding="utf-8") if path.is_file() else ""
        texts[path] = rewrite(texts[path], change, path)
    return texts


def _validate(folder: Path, texts: dict[Path, str]) -> None:
    _, before = load_briefing(folder)
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch) / folder.name
        shutil.copytree(folder, staged, symlinks=True, ignore=shutil.ignore_patterns(".*"))
        for path, text in texts.items():
            (staged / path.name).write_text(text, encoding="utf-8")
        _, after = load_briefing(staged)
    seen = {p.message for p in errors(before)}
    added = [str(p).replace(str(staged), str(folder)) for p in errors(after) if p.message not in seen]
    if added:
        raise UndoRefused(
            f"nothing written: later records depend on what this undo takes away: {'; '.join(added[:5])}"
        )


def undo(
    folder: Path,
    seq: int,
    person: Identity,
    *,
    keys: list[str] | None = None,
    comment: str = "",
    timeout: float = LOCK_TIMEOUT,
) -> Event:
    """Put the records event `seq` changed (or only `keys` of them) back as they were before it;
    returns the new event. Raises UndoRefused, with the reason, having written nothing."""
    try:
        with store.writing(folder, timeout):
            ledger.observe(folder)
            listed = ledger.events(folder)
            event = next((e for e in listed if e.seq == seq), None)
            if event is None:
                raise UndoRefused(f"nothing written: the history of {folder.name} has no event {seq}")
            if event.action == "baseline":
                raise UndoRefused(
                    "nothing written: the baseline is where the history starts; it cannot be undone"
                )
            changes = [c for c in event.changes if keys is None or c.key in keys]
            if not changes:
                raise UndoRefused(f"nothing written: event {seq} changed none of {', '.join(keys or [])}")
            _check_still(event, changes, [e for e in listed if e.seq > seq], ledger.records(folder))
            texts = _new_texts(folder, changes)
            _validate(folder, texts)
            for path, text in texts.items():
                _atomic_replace(path, text)
            why = comment or f"undo of event {seq} ({event.action} by {event.name})"
            try:
                written = ledger.record(folder, person, "undo", source=event.source, comment=why, reverts=seq)
            except ledger.LedgerError as error:
                raise UndoRefused(
                    f"undone in the files, but the history could not record it "
                    f"({error}): it will show as a change made outside the "
                    "dashboard"
                ) from None
    except store.StoreError as error:
        raise UndoRefused(str(error)) from None
    except ledger.LedgerError as error:
        raise UndoRefused(f"nothing written: {error}") from None
    if not written:
        raise UndoRefused("the files were already as before the event: nothing to record")
    return written[-1]
