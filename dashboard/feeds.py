"""Atom feeds of what changed in a briefing (its history, dashboard/ledger.py), each behind a
per-person token that can be revoked, and covering only the briefings that person may read.

Tokens are kept hashed (SHA-256) in the data folder's `.history/feed-tokens.json`: the token itself
is shown once, when issued. A feed is asked for with the token, the briefing and, optionally, the
link of a saved view (its actors and issues narrow the feed to the records about them) and a cursor
(`after=N`: only events after event N). `python -m dashboard feeds` issues, lists and revokes
tokens and serves the feeds (dashboard/feed_cli.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from dashboard import access, catalog, ledger
from dashboard.identity import Identity
from dashboard.ledger import Change, Event
from dashboard.titles import briefing_title
from dashboard.vocabulary import counted

TOKENS_FILE = "feed-tokens.json"
ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100  # newest first; older ones with the cursor
VIEW_KEYS = ("actor", "issue")  # the link parameters that narrow a feed to some records


class FeedError(RuntimeError):
    """A token that cannot be issued or revoked, or a token file that cannot be read: in words."""


@dataclass(frozen=True)
class Token:
    digest: str  # SHA-256 of the token; the token itself is never stored
    email: str
    created: str
    revoked: str = ""  # when, or '' while it is good
    groups: tuple[str, ...] = ()  # the holder's groups when it was issued (from their sign-in)

    @property
    def label(self) -> str:
        return f"{self.digest[:12]} {self.email} issued {self.created}" + (
            f", revoked {self.revoked}" if self.revoked else ""
        )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def tokens_path(data: Path) -> Path:
    return data / ledger.HISTORY_FOLDER / TOKENS_FILE


def read_tokens(data: Path) -> list[Token]:
    try:
        listed = json.loads(tokens_path(data).read_text(encoding="utf-8"))
        return [Token(**{**item, "groups": tuple(item.get("groups", ()))}) for item in listed]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError) as error:
        raise FeedError(
            f"{tokens_path(data)}: cannot be read ({error}); every feed is refused "
            "until it is fixed or moved aside"
        ) from None


def _write_tokens(data: Path, tokens: list[Token]) -> None:
    path = tokens_path(data)
    path.parent.mkdir(exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump([asdict(t) for t in tokens], out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def issue(data: Path, email: str, groups: tuple[str, ...] = ()) -> str:
    """A new token for `email` (shown once; only its hash is kept). `groups` are the holder's
    groups as their sign-in gave them, for `group:` entries of the access file."""
    email = email.strip().lower()
    if "@" not in email:
        raise FeedError(f"{email!r} is not an e-mail address: feeds are issued to a person")
    token = secrets.token_urlsafe(24)
    _write_tokens(data, [*read_tokens(data), Token(_digest(token), email, _now(), groups=groups)])
    return token


def revoke(data: Path, who: str) -> list[Token]:
    """Revoke the tokens of an e-mail address, or the one whose hash starts with `who` (at least
    8 characters, as `list` shows them); returns those revoked."""
    who = who.strip().lower()
    tokens = read_tokens(data)
    hits = [
        t
        for t in tokens
        if not t.revoked and (t.email == who or (len(who) >= 8 and t.digest.startswith(who)))
    ]
    if not hits:
        raise FeedError(f"no token in use matches {who!r}: `python -m dashboard feeds list` shows them")
    stamp = _now()
    _write_tokens(
        data, [Token(t.digest, t.email, t.created, stamp, t.groups) if t in hits else t for t in tokens]
    )
    return hits


def holder(data: Path, token: str) -> Token | None:
    """The token in use that `token` is (its holder's address and groups), or None: unknown or
    revoked."""
    digest = _digest(token)
    for known in read_tokens(data):
        if hmac.compare_digest(known.digest, digest) and not known.revoked:
            return known
    return None


def _about(change: Change, ids: set[str]) -> bool:
    """Whether a record's change concerns one of the view's actors or issues."""
    if not ids:
        return True
    for record in (change.before or {}, change.after or {}):
        values = [record.get(f) for f in ("id", "actor", "speaker", "issue", "issues", "assessed_by")]
        for value in values:
            if (isinstance(value, list) and ids & set(map(str, value))) or str(value) in ids:
                return True
    return False


def entries(events: list[Event], view: dict[str, list[str]], after: int) -> list[tuple[Event, list[Change]]]:
    """Events after the cursor touching the view's records, newest first, each with those changes."""
    ids = {v for key in VIEW_KEYS for v in view.get(key, [])}
    found = []
    for event in reversed(events):
        if event.seq <= after or event.action == "baseline":
            continue
        changes = [c for c in event.changes if _about(c, ids)]
        if changes:
            found.append((event, changes))
    return found[:MAX_ENTRIES]


def atom(
    briefing_id: str, title: str, found: list[tuple[Event, list[Change]]], self_url: str, page_url: str
) -> bytes:
    """The feed as Atom XML (RFC 4287); text is escaped by the XML writer."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, name: str, text: str = "", **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
        if text:
            element.text = text
        return element

    add(feed, "id", f"urn:positions-dashboard:{briefing_id}:changes")
    add(feed, "title", f"Changes: {title}")
    add(feed, "updated", found[0][0].at if found else _now())
    add(feed, "link", rel="self", href=self_url)
    if page_url:
        add(feed, "link", rel="alternate", href=page_url)
    add(add(feed, "author"), "name", "Positions briefing")
    for event, changes in found:
        entry = add(feed, "entry")
        add(entry, "id", f"urn:positions-dashboard:{briefing_id}:event:{event.seq}:{event.hash[:16]}")
        who = "edited outside the dashboard" if event.action == "outside" else event.name
        add(entry, "title", f"#{event.seq} {event.action}: {counted(len(changes), 'records')} by {who}")
        add(entry, "updated", event.at)
        add(add(entry, "author"), "name", who)
        lines = [
            f"{c.kind} {c.key}" + "".join(f"\n  {name}: {old} -> {new}" for name, old, new in c.fields())
            for c in changes
        ]
        summary = (f"From {event.source}. " if event.source else "") + (
            f"Why: {event.comment}" if event.comment else ""
        )
        if summary:
            add(entry, "summary", summary.strip())
        add(entry, "content", "\n".join(lines), type="text")
        if page_url:
            add(entry, "link", rel="alternate", href=page_url)
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"


def answer(data: Path, query: str, self_url: str, public_url: str = "") -> Answer:
    """The response to a feed request: the Atom feed, or why not (403 for a token not in use; 404,
    the same for a briefing this person may not read and for none at all)."""
    asked = parse_qs(query, keep_blank_values=False)
    token = (asked.pop("token", [""]) or [""])[0]
    try:
        held = holder(data, token) if token else None
    except FeedError as error:
        return Answer(503, f"{error}\n".encode())
    if held is None:
        return Answer(403, b"This feed's token is not in use (revoked, or mistyped): ask for a new one.\n")
    briefing_id = (asked.get("briefing") or [""])[0]
    briefings = catalog.scan(data).briefings
    person = Identity(subject=f"feed:{held.email}", name=held.email, email=held.email, groups=held.groups)
    rules = access.read(data)
    if briefing_id not in briefings or access.role(rules, person, briefing_id) is None:
        return Answer(404, b"No such feed for this token.\n")
    try:
        after = int((asked.pop("after", ["0"]) or ["0"])[0])
    except ValueError:
        return Answer(400, b"after= takes the number of the last event you have read.\n")
    folder = briefings[briefing_id]
    verdict = ledger.verify(folder)
    if verdict.problems:
        return Answer(
            503,
            (
                "The history of this briefing is broken; the feed is withheld until an "
                "admin has looked: " + "; ".join(verdict.problems[:3]) + "\n"
            ).encode(),
        )
    title = briefing_title(folder) or briefing_id
    page = f"{public_url}?{urlencode(asked, doseq=True)}" if public_url else ""
    found = entries(ledger.events(folder), asked, after)
    return Answer(200, atom(briefing_id, title, found, self_url, page), "application/atom+xml; charset=utf-8")
