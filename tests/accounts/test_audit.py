"""The audit of reading: one JSON object a line, appended, never rewritten; a file that cannot be
written is said in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard import audit, identity
from dashboard.identity import Identity

ANA = Identity(subject="acct-ana", name="Ana", email="ana@x.example")


def test_lines_are_appended_one_object_each(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    audit.append(log, audit.line("sign-in", ANA))
    audit.append(log, audit.line("view", ANA, briefing="b", link="actor=x" * 500))
    first, second = (json.loads(text) for text in log.read_text(encoding="utf-8").splitlines())
    assert (first["event"], first["subject"], first["name"]) == ("sign-in", "acct-ana", "Ana <ana@x.example>")
    assert second["briefing"] == "b" and second["link"].endswith("…") and len(second["link"]) == 2001
    assert log.stat().st_mode & 0o777 == 0o600


def test_a_file_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    with pytest.raises(audit.AuditError, match="the audit of reading cannot be written"):
        audit.append(tmp_path / "no-such-folder" / "audit.jsonl", audit.line("view", ANA))


def test_the_setting_is_read() -> None:
    assert identity.settings({"audit_file": "/var/log/b.jsonl"}).audit_file == "/var/log/b.jsonl"
    assert "write the file's path" in identity.settings({"audit_file": 3}).problems[0]
