"""Blocs an importer is told about on the command line (`--bloc 'Governing coalition=spd,gruene'`):
membership comes from the person running the import and the source they name, never from the data,
so an imported briefing declares only the blocs someone can point to a source for."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.records import SOURCE_KINDS, TABLE_BY_NAME
from dashboard.text import slug

EXAMPLE = "--bloc 'Governing coalition=spd,gruene'"


class BlocError(ValueError):
    """A --bloc the importer cannot declare: the message says which and what would be right."""


@dataclass(frozen=True)
class BlocRequest:
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class BlocSource:
    """Where the membership comes from: a coalition agreement, a parliament's list of groups."""

    title: str
    publisher: str
    as_of: date  # when the membership held; also the source's date
    url: str = ""
    kind: str = "other"


def parse_bloc(text: str) -> BlocRequest:
    """'Governing coalition=spd, gruene' -> the name and the member actor ids."""
    name, sep, members = text.partition("=")
    ids = tuple(dict.fromkeys(m.strip() for m in members.split(",") if m.strip()))
    if not sep or not name.strip() or len(ids) < 2:
        raise BlocError(f"--bloc {text!r}: write NAME=ID,ID (two or more actor ids), e.g. {EXAMPLE}")
    return BlocRequest(name.strip(), ids)


def declare(briefing: Briefing, requests: list[BlocRequest], source: BlocSource) -> Briefing:
    """The briefing with these blocs declared, citing `source` (added to its sources)."""
    if not requests:
        return briefing
    actors = set(briefing.actors["id"])
    for request in requests:
        unknown = [m for m in request.members if m not in actors]
        if unknown:
            raise BlocError(
                f"--bloc {request.name!r}: no actor {', '.join(map(repr, unknown))} in "
                f"the imported data; its actor ids are {', '.join(sorted(actors))}"
            )
    if not source.title.strip() or not source.publisher.strip():
        raise BlocError(
            "--bloc needs the source of its membership: --bloc-source-title and "
            "--bloc-source-publisher (and --bloc-as-of, the date it held)"
        )
    if source.kind not in SOURCE_KINDS:
        raise BlocError(f"--bloc-source-kind {source.kind!r}: one of {', '.join(SOURCE_KINDS)}")
    ids = [slug(r.name) for r in requests]
    if any(not re.fullmatch(r"[a-z0-9-]+", i) for i in ids) or len(set(ids)) < len(ids):
        raise BlocError(
            "--bloc names must differ and hold letters or digits: "
            + ", ".join(repr(r.name) for r in requests)
        )
    source_id = f"blocs-{slug(source.publisher)}-{source.as_of.isoformat()}"
    if source_id in set(briefing.sources["id"]):
        raise BlocError(f"the imported data already has a source {source_id!r}")
    day = pd.Timestamp(source.as_of)
    new_source = {
        "id": source_id,
        "title": source.title.strip(),
        "publisher": source.publisher.strip(),
        "published": day,
        "url": source.url.strip() or None,
        "kind": source.kind,
        "language": None,
    }
    sources = pd.concat(
        [briefing.sources.astype({"kind": object}), pd.DataFrame([new_source])], ignore_index=True
    )
    sources["kind"] = pd.Categorical(sources["kind"], categories=list(SOURCE_KINDS), ordered=True)
    blocs = pd.DataFrame(
        [
            {
                "id": bloc_id,
                "name": r.name,
                "members": list(r.members),
                "kind": None,
                "description": "Membership as given when the briefing was imported, citing the source.",
                "as_of": day,
                "source": source_id,
            }
            for bloc_id, r in zip(ids, requests, strict=True)
        ],
        columns=list(TABLE_BY_NAME["blocs"].field_names),
    )
    return replace(briefing, sources=sources, blocs=blocs)
