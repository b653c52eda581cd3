"""The audit of reading (optional, per deployment): sign-ins, briefings opened by link, and every
refusal (no access, access withdrawn, a sign-in too old), one JSON object a line, appended to the
file `[accounts] audit_file` names. Lines are only ever appended (O_APPEND: two servers writing at
once never interleave inside a line); rotate the file with the system's logrotate.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from dashboard.identity import Identity

MAX_FIELD = 2_000  # characters: a link longer than this is cut (said with '…')


class AuditError(RuntimeError):
    """The audit file cannot be written: said on the page and in the server's log."""


def line(event: str, person: Identity, **fields: str) -> str:
    """One audit line: when (UTC), what, who (subject and name), and the fields given."""
    record = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "event": event,
        "subject": person.subject,
        "name": person.label,
    }
    record.update({k: v if len(v) <= MAX_FIELD else v[:MAX_FIELD] + "…" for k, v in fields.items()})
    return json.dumps(record, ensure_ascii=False) + "\n"


def append(path: Path, text: str) -> None:
    """Append one line to the audit file, creating it (readable by the server's user only)."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(handle, text.encode("utf-8"))
        finally:
            os.close(handle)
    except OSError as error:
        raise AuditError(
            f"{path}: the audit of reading cannot be written ({error.strerror or error})"
        ) from None
