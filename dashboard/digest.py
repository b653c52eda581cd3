"""`python -m dashboard digest`: what changed in the briefings since the last run (or since a day),
from their histories (dashboard/ledger.py), printed or mailed, for cron.

Without `--since`, each briefing's digest starts after the last event the previous run reported
(kept in the data folder's `.history/digest-state.json`, written atomically, and only once the
digest was printed or the mail accepted). `--reader ADDRESS` limits it to the briefings that
person may read (access.yaml). Mail goes through the SMTP server the DASHBOARD_SMTP_* settings
name (docs/accounts.md, "Digest").

Exit codes: 0 printed or mailed (or nothing to say), 1 a history is broken or the mail failed,
2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dashboard import access, catalog, ledger
from dashboard.identity import Identity
from dashboard.ledger import Event
from dashboard.vocabulary import counted

STATE_FILE = "digest-state.json"
MAX_RECORDS_LISTED = 20  # per event; the history view has the rest
SMTP_SETTINGS = {
    "DASHBOARD_SMTP_HOST": "the mail server's name (required to mail)",
    "DASHBOARD_SMTP_PORT": "its port (default 587 with STARTTLS, else 25)",
    "DASHBOARD_SMTP_STARTTLS": "1 to require STARTTLS (default 1)",
    "DASHBOARD_SMTP_USER": "the account to log in as (optional)",
    "DASHBOARD_SMTP_PASSWORD": "its password (optional; from the environment, never the command line)",
    "DASHBOARD_DIGEST_FROM": "the sender's address (required to mail)",
    "DASHBOARD_DIGEST_TO": "the recipients, comma-separated (required to mail)",
}


class DigestError(RuntimeError):
    """Why the digest could not be made or sent, in words."""


@dataclass(frozen=True)
class Section:
    briefing: str
    events: tuple[Event, ...]


def state_path(data: Path) -> Path:
    return data / ledger.HISTORY_FOLDER / STATE_FILE


def read_state(data: Path) -> dict[str, int]:
    """Briefing id -> the last event the previous run reported ({} before the first run)."""
    try:
        found = json.loads(state_path(data).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise DigestError(
            f"{state_path(data)}: cannot be read ({error}); move it aside to start again from every change"
        ) from None
    if not isinstance(found, dict):
        raise DigestError(f"{state_path(data)}: not what the digest writes; move it aside")
    return {str(k): int(v) for k, v in found.items() if isinstance(v, int)}


def write_state(data: Path, state: dict[str, int]) -> None:
    path = state_path(data)
    path.parent.mkdir(exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(state, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sections(
    data: Path, after: dict[str, int], since: date | None, reader: str = ""
) -> tuple[list[Section], list[str]]:
    """Each briefing's new events (after `after[id]`, or made on or after `since`), and what is
    wrong with any history, in words. Baselines are not news and are left out."""
    briefings = catalog.scan(data).briefings
    if reader:
        person = Identity(subject=f"digest:{reader}", name=reader, email=reader)
        briefings = access.readable(briefings, access.roles(access.read(data), person, briefings))
    found, problems = [], []
    for briefing_id, folder in briefings.items():
        verdict = ledger.verify(folder)
        problems += verdict.problems
        events = [
            e
            for e in ledger.events(folder)
            if e.action != "baseline"
            and (e.at[:10] >= since.isoformat() if since else e.seq > after.get(briefing_id, 0))
        ]
        if events:
            found.append(Section(briefing_id, tuple(events)))
    return found, problems


def text(found: list[Section], since_words: str) -> str:
    """The digest as plain text: per briefing, each event and the records it touched."""
    if not found:
        return f"No changes to the briefings {since_words}.\n"
    lines = [f"Changes to the briefings {since_words}:", ""]
    for section in found:
        lines.append(f"{section.briefing}: {counted(len(section.events), 'changes')}")
        for event in section.events:
            when = event.at.replace("T", " ").replace("+00:00", " UTC")
            who = (
                "edited outside the dashboard"
                if event.action == "outside"
                else f"{event.action} by {event.name}"
            )
            lines.append(f"  #{event.seq} {when} {who}" + (f", from {event.source}" if event.source else ""))
            if event.comment:
                lines.append(f"      why: {event.comment}")
            for change in event.changes[:MAX_RECORDS_LISTED]:
                lines.append(f"      {change.kind} {change.key}")
            if len(event.changes) > MAX_RECORDS_LISTED:
                lines.append(f"      … and {len(event.changes) - MAX_RECORDS_LISTED} more")
        lines.append("")
    return "\n".join(lines)


def _setting(environ: dict[str, str], name: str) -> str:
    value = environ.get(name, "").strip()
    if not value:
        raise DigestError(f"{name} is not set: {SMTP_SETTINGS[name]}")
    return value


def mail(body: str, subject: str, environ: dict[str, str]) -> None:
    """Send the digest through the configured SMTP server; raises DigestError in words."""
    import smtplib  # only a run that mails pays for the mail modules
    import ssl
    from email.message import EmailMessage

    host = _setting(environ, "DASHBOARD_SMTP_HOST")
    sender = _setting(environ, "DASHBOARD_DIGEST_FROM")
    recipients = [a.strip() for a in _setting(environ, "DASHBOARD_DIGEST_TO").split(",") if a.strip()]
    starttls = environ.get("DASHBOARD_SMTP_STARTTLS", "1") != "0"
    try:
        port = int(environ.get("DASHBOARD_SMTP_PORT") or (587 if starttls else 25))
    except ValueError:
        raise DigestError("DASHBOARD_SMTP_PORT is not a number") from None
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, ", ".join(recipients), subject
    message.set_content(body)
    try:
        with smtplib.SMTP(host, port, timeout=30) as server:
            if starttls:
                server.starttls(context=ssl.create_default_context())
            if environ.get("DASHBOARD_SMTP_USER"):
                server.login(environ["DASHBOARD_SMTP_USER"], environ.get("DASHBOARD_SMTP_PASSWORD", ""))
            server.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise DigestError(f"the digest was not mailed: {host}:{port} said {error}") from None


def run(args: argparse.Namespace) -> int:
    data = Path(args.data) if args.data else catalog.data_folder()
    environ = dict(os.environ)
    try:
        after = {} if args.since else read_state(data)
        found, problems = sections(data, after, args.since, args.reader or "")
        for problem in problems:
            print(f"history broken: {problem}", file=sys.stderr)
        words = (
            f"since {args.since.isoformat()}"
            if args.since
            else ("since the last digest" if after else "so far")
        )
        body = text(found, words)
        if args.mail and found:
            mail(body, f"Briefings: {counted(sum(len(s.events) for s in found), 'changes')} {words}", environ)
        print(body, end="")
        if not args.since and not args.dry_run:
            write_state(data, {**after, **{s.briefing: s.events[-1].seq for s in found}})
    except DigestError as error:
        print(f"dashboard digest: {error}", file=sys.stderr)
        return 1
    return 1 if problems else 0


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day: write YYYY-MM-DD") from None


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "digest",
        help="what changed in the briefings since the last run",
        description="Prints (or mails, with --mail) the changes recorded in "
        "the briefings' histories since the last run, for cron.",
    )
    parser.add_argument("--data", metavar="FOLDER", help="the data folder (default: DASHBOARD_DATA or data/)")
    parser.add_argument(
        "--since",
        type=_day,
        metavar="YYYY-MM-DD",
        help="changes made on or after this day (the last run's mark is neither read nor moved)",
    )
    parser.add_argument(
        "--reader", metavar="ADDRESS", help="only the briefings this e-mail address may read (access.yaml)"
    )
    parser.add_argument(
        "--mail",
        action="store_true",
        help="mail it through the DASHBOARD_SMTP_* "
        "server to DASHBOARD_DIGEST_TO (nothing is sent when nothing changed)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print without moving the mark")
    parser.set_defaults(run=run)
