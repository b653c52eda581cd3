"""A second pair of eyes: where `access.yaml` says `review: required` for a briefing, a save does not
reach its files. It waits here, as a proposal with the article's text beside it, until an editor
other than its author approves it (then it is saved, and the history records both: who recorded
it and who checked it) or rejects it, with a reason (recorded too). Readers never see a record
nobody has checked: it is not in the briefing until approved.

Proposals are kept in the briefing's history database (dashboard/ledger.py), in their own table.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard import access, ledger, store
from dashboard.identity import Identity

if TYPE_CHECKING:  # the saver imports this module: only its types here
    from dashboard.extract.saving import Accepted, SaveResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    subject TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    comment TEXT NOT NULL,
    accepted TEXT NOT NULL,
    state TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
"""


class ReviewRefused(RuntimeError):
    """Nothing was decided; the message says why."""


@dataclass(frozen=True)
class Proposal:
    id: int
    at: str
    subject: str  # who proposed it
    name: str
    label: str  # the article, as the save named it
    comment: str
    accepted: dict[str, Any]  # the save's records, as the saver takes them
    state: str  # pending, approved, rejected
    decided_by: str = ""
    decided_at: str = ""
    reason: str = ""

    @property
    def article(self) -> str:
        return str(self.accepted.get("text") or "")


def required(folder: Path) -> bool:
    """Whether saves into the briefing in `folder` wait for a second editor (access.yaml beside
    the briefings says `review: required` for it, or for every briefing by default)."""
    return access.review_required(access.read(folder.parent), folder.name)


def _jsonable(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be kept in a proposal")


def submit(folder: Path, accepted: Accepted, author: Identity, comment: str) -> int:
    """Keep a save for review; returns the proposal's number."""
    body = json.dumps(dataclasses.asdict(accepted), default=_jsonable, ensure_ascii=False)
    with ledger.connect(folder) as connection:
        connection.executescript(SCHEMA)
        cursor = connection.execute(
            "INSERT INTO proposals (at, subject, name, label, comment, accepted, state) "
            "VALUES (?, ?, ?, ?, ?, ?, 'pending')",
            (
                datetime.now(UTC).isoformat(timespec="seconds"),
                author.subject,
                author.label,
                accepted.label,
                comment,
                body,
            ),
        )
        return int(cursor.lastrowid or 0)


def listed(folder: Path, state: str = "pending") -> list[Proposal]:
    """The proposals in `state`, oldest first ([] when the briefing has no history yet)."""
    if not ledger.store_path(folder).is_file():
        return []
    with ledger.connect(folder) as connection:
        connection.executescript(SCHEMA)
        rows = connection.execute(
            "SELECT id, at, subject, name, label, comment, accepted, state, "
            "decided_by, decided_at, reason FROM proposals WHERE state = ? "
            "ORDER BY id",
            (state,),
        ).fetchall()
    return [
        Proposal(
            int(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            json.loads(str(r[6])),
            str(r[7]),
            str(r[8]),
            str(r[9]),
            str(r[10]),
        )
        for r in rows
    ]


def _pending(folder: Path, number: int, reviewer: Identity) -> Proposal:
    found = next((p for p in listed(folder) if p.id == number), None)
    if found is None:
        raise ReviewRefused(
            f"proposal #{number} is not waiting for review (decided already, or no such proposal)"
        )
    if found.subject == reviewer.subject:
        raise ReviewRefused(
            f"proposal #{number} is yours: a second pair of eyes means another editor approves it"
        )
    return found


def _decide(folder: Path, number: int, state: str, reviewer: Identity, reason: str) -> None:
    with ledger.connect(folder) as connection:
        changed = connection.execute(
            "UPDATE proposals SET state = ?, decided_by = ?, decided_at = ?, reason = ? "
            "WHERE id = ? AND state = 'pending'",
            (
                state,
                f"{reviewer.label} [{reviewer.subject}]",
                datetime.now(UTC).isoformat(timespec="seconds"),
                reason,
                number,
            ),
        ).rowcount
    if changed != 1:
        raise ReviewRefused(f"proposal #{number} was decided meanwhile by someone else")


def accepted_of(proposal: Proposal) -> Accepted:
    """The proposal's records as the saver takes them (dashboard.extract.saving.Accepted)."""
    from dashboard.extract.saving import Accepted

    fields = dict(proposal.accepted)
    fields["also_in"] = [tuple(pair) for pair in fields.get("also_in", [])]
    return Accepted(**fields)


def approve(folder: Path, number: int, reviewer: Identity) -> SaveResult:
    """Save proposal `number` into the briefing as its author's, checked by `reviewer` (who may
    not be its author); returns the saver's result. Raises ReviewRefused, or the saver's
    SaveRefused (then the proposal stays pending)."""
    from dashboard.extract.saving import LOCK_TIMEOUT, SaveRefused, save

    try:
        with store.writing(folder, LOCK_TIMEOUT):  # the save and the decision commit together
            proposal = _pending(folder, number, reviewer)
            author = Identity(subject=proposal.subject, name=proposal.name)
            result = save(
                folder,
                accepted_of(proposal),
                author=author,
                reviewed_by=reviewer,
                comment=proposal.comment or proposal.label,
            )
            _decide(folder, number, "approved", reviewer, "")
    except store.StoreError as error:
        raise SaveRefused(str(error)) from None
    return result


def reject(folder: Path, number: int, reviewer: Identity, reason: str) -> None:
    """Turn proposal `number` down, with the reason, recorded in the history; nothing is saved."""
    if not reason.strip():
        raise ReviewRefused("say why it is rejected: its author reads the reason")
    from dashboard.extract.saving import LOCK_TIMEOUT

    try:
        with store.writing(folder, LOCK_TIMEOUT):
            proposal = _pending(folder, number, reviewer)
            _decide(folder, number, "rejected", reviewer, reason.strip())
            ledger.record(
                folder,
                reviewer,
                "reject",
                source=proposal.label,
                always=True,
                comment=f"rejected proposal #{number} by {proposal.name}: {reason.strip()}",
            )
    except store.StoreError as error:
        raise ReviewRefused(str(error)) from None
