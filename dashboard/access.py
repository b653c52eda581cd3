"""Who may read, edit and administer each briefing: the `access.yaml` file beside the briefings.

    default:                  # briefings the file does not name
      readers: ["*@ministry.example"]
    briefings:
      nk-troops-russia:       # named: these grants replace the default for this briefing
        readers: ["group:asia-desk"]
        editors: ["ana@ministry.example"]
        admins: ["head-of-desk@ministry.example"]
    revoked: ["former.colleague@ministry.example"]

`review: required` under a briefing (or under `default`) asks for a second pair of eyes: each save
waits, out of the briefing, until another editor approves it (dashboard/proposals.py).

An entry is an e-mail address, `*@domain` (any verified address there), `group:NAME` (the
identity provider's group claim), `sub:SUBJECT` (one account, whatever its address) or `*` (anyone
signed in). An editor may also read, an admin also edit. Nobody is let in by default: a briefing
neither named nor covered by `default` is readable by no one, and an access file that cannot be
read lets no one in (the page says why). `revoked` wins over every grant. The file is read again
on every run of the page, so a change takes effect at the next click.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dashboard.identity import Identity

ACCESS_FILE = "access.yaml"
MAX_BYTES = 1_000_000  # an access file is a few hundred lines; past this it is not one
_ROLE_KEYS = ("readers", "editors", "admins")


class Role(enum.IntEnum):
    """What a person may do with one briefing; each role includes those below it."""

    READER = 1
    EDITOR = 2
    ADMIN = 3

    @property
    def word(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Grants:
    """Who holds each role for a briefing, and whether a second editor must approve each save."""

    readers: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    admins: tuple[str, ...] = ()
    review: bool = False  # `review: required`: saves wait for another editor's approval


@dataclass(frozen=True)
class Access:
    """The whole access file. `problems` say what in it was wrong; a file that could not be read
    at all is `unreadable`, and then nobody is let in."""

    default: Grants | None = None
    briefings: dict[str, Grants] = field(default_factory=dict)
    revoked: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    unreadable: bool = False


def _entries(value: object, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(f"{where}: write a list of e-mail addresses, group:NAME, sub:SUBJECT or *")
        return ()
    kept: list[str] = []
    for entry in value:
        if not isinstance(entry, str) or not entry.strip():
            problems.append(
                f"{where}: {entry!r} is not an entry (an e-mail address, group:NAME, "
                "sub:SUBJECT, *@domain or *)"
            )
            continue
        entry = entry.strip()
        if not (entry == "*" or entry.startswith(("group:", "sub:")) or "@" in entry):
            problems.append(
                f"{where}: {entry!r} is neither an e-mail address nor group:NAME, sub:SUBJECT, *@domain or *"
            )
            continue
        kept.append(entry)
    return tuple(kept)


def _grants(value: object, where: str, problems: list[str]) -> Grants | None:
    if not isinstance(value, dict):
        problems.append(f"{where}: write readers, editors and admins under it")
        return None
    for key in value:
        if key not in (*_ROLE_KEYS, "review"):
            problems.append(f"{where}.{key}: not a role (readers, editors, admins) nor review")
    review = value.get("review", False)
    if review == "required":  # YAML reads a bare `off` (or no) as false, `on` as true
        review = True
    if not isinstance(review, bool):
        problems.append(
            f"{where}.review: write required (a second editor approves each save) or off; taken as required"
        )
    readers, editors, admins = (_entries(value.get(key), f"{where}.{key}", problems) for key in _ROLE_KEYS)
    return Grants(readers, editors, admins, review=review is not False)


def parse(text: str, name: str = ACCESS_FILE) -> Access:
    """The access file's text as grants; never raises (what is wrong is in `problems`)."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        return Access(
            problems=(f"{name}{line}: cannot be read as YAML, so nobody is let in",), unreadable=True
        )
    if document is None:
        document = {}
    if not isinstance(document, dict):
        return Access(
            problems=(
                f"{name}: write default, briefings and revoked at the top level; "
                "nobody is let in until it is fixed",
            ),
            unreadable=True,
        )
    problems: list[str] = []
    for key in document:
        if key not in ("default", "briefings", "revoked"):
            problems.append(f"{name}: {key}: not a section (default, briefings, revoked)")
    default = (
        _grants(document["default"], f"{name}: default", problems)
        if document.get("default") is not None
        else None
    )
    briefings: dict[str, Grants] = {}
    listed = document.get("briefings") or {}
    if not isinstance(listed, dict):
        problems.append(f"{name}: briefings: write one entry per briefing id")
        listed = {}
    for briefing_id, value in listed.items():
        grants = _grants(value, f"{name}: briefings.{briefing_id}", problems)
        if grants is not None:
            briefings[str(briefing_id)] = grants
    revoked = _entries(document.get("revoked"), f"{name}: revoked", problems)
    return Access(default, briefings, revoked, tuple(problems))


def read(folder: Path) -> Access:
    """The access file of the data folder `folder`; a missing one lets nobody in."""
    path = folder / ACCESS_FILE
    try:
        if path.stat().st_size > MAX_BYTES:
            return Access(
                problems=(f"{path}: larger than {MAX_BYTES:,} bytes, so not read; nobody is let in",),
                unreadable=True,
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Access(
            problems=(f"{path}: no access file, so nobody is let in: write one (docs/accounts.md)",),
            unreadable=True,
        )
    except (OSError, UnicodeDecodeError) as error:
        return Access(problems=(f"{path}: cannot be read ({error}), so nobody is let in",), unreadable=True)
    return parse(text, str(path))


def matches(entry: str, person: Identity) -> bool:
    """Whether one entry of the file names this person."""
    if person.local or not person.subject:
        return False
    if entry == "*":
        return True
    if entry.startswith("group:"):
        return entry[len("group:") :] in person.groups
    if entry.startswith("sub:"):
        return entry[len("sub:") :] == person.subject
    if not person.email or not person.email_verified:
        return False
    email = person.email.strip().lower()
    if entry.startswith("*@"):
        return email.endswith(entry[1:].lower())
    return email == entry.lower()


def _named(entries: Iterable[str], person: Identity) -> bool:
    return any(matches(entry, person) for entry in entries)


def revoked(access: Access, person: Identity) -> bool:
    return _named(access.revoked, person)


def role(access: Access, person: Identity, briefing_id: str) -> Role | None:
    """This person's role for one briefing, or None: no access."""
    if access.unreadable or revoked(access, person):
        return None
    grants = access.briefings.get(briefing_id, access.default)
    if grants is None:
        return None
    for level, entries in (
        (Role.ADMIN, grants.admins),
        (Role.EDITOR, grants.editors),
        (Role.READER, grants.readers),
    ):
        if _named(entries, person):
            return level
    return None


def roles(access: Access, person: Identity, briefing_ids: Iterable[str]) -> dict[str, Role]:
    """Briefing id -> role, for the briefings this person may read at all (in the given order)."""
    found = ((b, role(access, person, b)) for b in briefing_ids)
    return {briefing_id: level for briefing_id, level in found if level is not None}


def readable(available: Mapping[str, Path], granted: Mapping[str, Role]) -> dict[str, Path]:
    """The briefings of `available` this person may read, in their order."""
    return {briefing_id: path for briefing_id, path in available.items() if briefing_id in granted}


def review_required(access: Access, briefing_id: str) -> bool:
    """Whether saves into this briefing wait for a second editor's approval."""
    grants = access.briefings.get(briefing_id, access.default)
    return bool(grants and grants.review)
