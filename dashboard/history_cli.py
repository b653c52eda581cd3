"""`python -m dashboard history BRIEFING [--record TEXT] [--person NAME]` lists a briefing's
history, newest first, with each record's change; `python -m dashboard undo BRIEFING N [--record
KEY ...] [--comment TEXT]` undoes event N (or some of its records) as a new event recorded as the
local user's (the login running the command). For admins at the server, and for scripts.

Exit codes: 0 done, 1 refused or a broken history (the message says why), 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dashboard import catalog, identity, ledger


def _folder(name: str) -> Path | None:
    folder = catalog.resolve(name)
    if folder is None or not folder.is_dir():
        print(f"dashboard: {catalog.not_found(name)}", file=sys.stderr)
        return None
    return folder


def _history(args: argparse.Namespace) -> int:
    folder = _folder(args.briefing)
    if folder is None:
        return 2
    verdict = ledger.verify(folder)
    for problem in verdict.problems:
        print(f"history broken: {problem}", file=sys.stderr)
    for event in reversed(ledger.events(folder)):
        if args.person and args.person.lower() not in event.name.lower():
            continue
        changes = [c for c in event.changes if args.record.lower() in c.key.lower()]
        if args.record and not changes:
            continue
        when = event.at.replace("T", " ").replace("+00:00", " UTC")
        print(
            f"#{event.seq} {when} {event.action} by {event.name} [{event.subject}]"
            + (f", from {event.source}" if event.source else "")
            + (f", checked by {event.reviewed_by}" if event.reviewed_by else "")
        )
        if event.comment:
            print(f"    why: {event.comment}")
        if event.action == "baseline":
            print(f"    {len(event.changes)} records: where the history starts")
            continue
        for change in changes[:50]:
            print(f"    {change.kind} {change.key}")
            for name, old, new in change.fields():
                print(f"        {name}: {old!r} -> {new!r}")
    return 1 if verdict.problems else 0


def _undo(args: argparse.Namespace) -> int:
    from dashboard.undo import UndoRefused, undo  # filelock: the extract extra

    folder = _folder(args.briefing)
    if folder is None:
        return 2
    try:
        event = undo(
            folder, args.event, identity.local_user(), keys=args.record or None, comment=args.comment
        )
    except UndoRefused as refusal:
        print(f"dashboard undo: {refusal}", file=sys.stderr)
        return 1
    print(f"undone as event #{event.seq}: " + ", ".join(f"{c.kind} {c.key}" for c in event.changes))
    return 0


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    history = commands.add_parser("history", help="a briefing's history of changes, newest first")
    history.add_argument("briefing", metavar="BRIEFING", help="briefing id or folder")
    history.add_argument(
        "--record",
        default="",
        metavar="TEXT",
        help="only records whose key holds TEXT (quotes/q-1, positions/china~…)",
    )
    history.add_argument("--person", default="", metavar="NAME", help="only events by this person")
    history.set_defaults(run=_history)
    reverse = commands.add_parser("undo", help="undo one event of a briefing's history, as a new one")
    reverse.add_argument("briefing", metavar="BRIEFING", help="briefing id or folder")
    reverse.add_argument("event", type=int, metavar="N", help="the event's number (history lists them)")
    reverse.add_argument(
        "--record",
        action="append",
        default=[],
        metavar="KEY",
        help="undo only this record of the event (repeatable)",
    )
    reverse.add_argument("--comment", default="", metavar="TEXT", help="why, for the history")
    reverse.set_defaults(run=_undo)
