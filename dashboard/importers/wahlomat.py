"""One election's Wahl-O-Mat, as qual-o-mat-data stores it, turned into a briefing.

Parties are actors, theses are issues, each party's answer is a position (Stimme zu -> support,
Stimme nicht zu -> oppose, Neutral -> neutral; basis 'stated'), and each party's justification
(Begründung) is a direct quote by that party, cited as the position's evidence. Quote text is the
party's words exactly as the data has them: only the quotation marks the Wahl-O-Mat puts round every
justification are taken off, as the page draws its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.problems import Problems
from dashboard.records import TABLE_BY_NAME, BriefingMeta, Kind
from dashboard.text import slug

PUBLISHER = "Bundeszentrale für politische Bildung (Wahl-O-Mat), via qual-o-mat-data"
REPOSITORY_URL = "https://github.com/gockelhahn/qual-o-mat-data"
STANCE_OF_ANSWER = {"stimme zu": "support", "stimme nicht zu": "oppose", "neutral": "neutral"}
# Notes the Wahl-O-Mat shows where a party sent no justification. They are the bpb's words, not the
# party's, so they are not quotes; the position's summary repeats them. Party text always comes
# wrapped in quotation marks, these notes never are.
EDITORS_NOTES = (
    "Zu dieser These hat die Partei keine Begründung vorgelegt",
    "Die Begründung der Partei zu ihrem Abstimmverhalten wird nachgereicht",
)
FOLDER_FILES = ("party.json", "statement.json", "answer.json", "opinion.json", "comment.json")

_INT = (int,)
_TEXT = (str,)
# Fields of each file (from qual-o-mat-data's schema/) and the JSON types each may hold.
SCHEMA: dict[str, dict[str, tuple[type, ...]]] = {
    "party.json": {"id": _INT, "name": _TEXT, "longname": _TEXT},
    "statement.json": {"id": _INT, "category": (int, type(None)), "label": _TEXT, "text": _TEXT},
    "answer.json": {"id": _INT, "message": _TEXT},
    "opinion.json": {
        "id": _INT,
        "party": _INT,
        "statement": _INT,
        "answer": _INT,
        "comment": (int, type(None)),
    },
    "comment.json": {"id": _INT, "text": _TEXT},
    "category.json": {"id": _INT, "label": _TEXT},
}
_TYPE_NAMES = {int: "a whole number", str: "text", type(None): "null"}


@dataclass(frozen=True)
class Record:
    values: dict[str, Any]
    line: int


@dataclass(frozen=True)
class Election:
    name: str  # "Bundestagswahl"
    day: date
    url: str | None

    @property
    def label(self) -> str:
        return f"{self.name} {self.day.year}"

    @property
    def briefing_id(self) -> str:
        """'Bundestagswahl' 2025 -> 'bundestag-2025'; 'Landtagswahl Bayern' 2023 -> 'landtag-bayern-2023';
        'Bürgerschaftswahl Hamburg' 2025 -> 'buergerschaft-hamburg-2025': the body, not the vote."""
        # Bundestag, Landtag and Bürgerschaft take a linking s before -wahl; Abgeordnetenhaus keeps its s.
        words = [
            re.sub(r"(?<=\w)(?:(?:(?<=tag)|(?<=schaft))s)?wahl$", "", w, flags=re.IGNORECASE)
            for w in self.name.split()
        ]
        return f"{slug(' '.join(words))}-{self.day.year}".strip("-")


def build(src: Path) -> Briefing:
    problems = Problems()
    files = {
        name: _read(src / name, problems, required=name not in ("comment.json", "category.json"))
        for name in (*FOLDER_FILES, "category.json")
    }
    problems.raise_if_errors()
    records = {name: recs or [] for name, recs in files.items()}
    for name, recs in records.items():
        _check_ids(src / name, recs, problems)
    election = _election(src, problems)
    opinions = records["opinion.json"]
    if files["comment.json"] is None and any(o.values["comment"] is not None for o in opinions):
        problems.error(
            src / "comment.json",
            None,
            "file not found, but opinion.json refers to comments: the justifications are missing",
        )
    problems.raise_if_errors()
    assert election is not None

    parties = {r.values["id"]: r for r in records["party.json"]}
    statements = {r.values["id"]: r for r in records["statement.json"]}
    answers = {r.values["id"]: r for r in records["answer.json"]}
    comments = {r.values["id"]: r for r in records["comment.json"]}
    categories = {r.values["id"]: r.values["label"] for r in records["category.json"]}
    stance_of = _answer_stances(src / "answer.json", records["answer.json"], problems)
    actor_of = _party_ids(src / "party.json", records["party.json"], problems)
    _check_opinions(src, opinions, parties, statements, answers, comments, problems)
    _check_statements(src / "statement.json", records["statement.json"], categories, problems)
    problems.raise_if_errors()

    source_id = f"wahlomat-{election.briefing_id}"
    actors = [
        {
            "id": actor_of[pid],
            "name": r.values["name"],
            "kind": "organization",
            "country": "DE",
            "aliases": [r.values["longname"]]
            if r.values["longname"].strip() not in ("", r.values["name"].strip())
            else [],
        }
        for pid, r in parties.items()
    ]
    issues = [
        {
            "id": f"thesis-{sid + 1}",
            "title": r.values["label"],
            "statement": r.values["text"],
            "topic": categories.get(r.values["category"]),
            "description": f"Thesis {sid + 1} of the Wahl-O-Mat for the {election.label}.",
        }
        for sid, r in statements.items()
    ]
    quotes: list[dict[str, Any]] = []
    positions: list[dict[str, Any]] = []
    for opinion in opinions:
        values = opinion.values
        comment = comments[values["comment"]].values["text"] if values["comment"] is not None else ""
        position, quote = _answer(
            actor_of[values["party"]],
            values["statement"],
            answers[values["answer"]].values["message"],
            stance_of[values["answer"]],
            comment,
            election,
            source_id,
        )
        positions.append(position)
        if quote:
            quotes.append(quote)
    meta = BriefingMeta(
        id=election.briefing_id,
        title=f"{election.label}: Wahl-O-Mat positions",
        as_of=election.day,
        summary=(
            f"Where {len(parties)} parties stand on the {len(statements)} theses of the Wahl-O-Mat "
            f"for the {election.label} ({election.day.isoformat()}), as the parties answered them: "
            "Stimme zu is shown as support, Stimme nicht zu as oppose, Neutral as neutral; each "
            "party's own justification (Begründung) is quoted word for word, in German. Data: "
            "Wahl-O-Mat of the Bundeszentrale für politische Bildung (bpb), as collected in "
            "gockelhahn/qual-o-mat-data; the data belong to the parties and the bpb, and no "
            "licence is applied."
        ),
    )
    source = {
        "id": source_id,
        "title": f"Wahl-O-Mat zur {election.label}",
        "publisher": PUBLISHER,
        "published": pd.Timestamp(election.day),
        "url": election.url or REPOSITORY_URL,
        "kind": "dataset",
        "language": "de",
    }
    return Briefing.from_frames(
        meta,
        actors=_frame("actors", actors),
        issues=_frame("issues", issues),
        sources=_frame("sources", [source]),
        quotes=_frame("quotes", quotes),
        positions=_frame("positions", positions),
    )


def _answer(
    party: str,
    statement: int,
    message: str,
    stance: str,
    comment: str,
    election: Election,
    source_id: str,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """One party's answer to one thesis: the position and, if the party justified it, the quote."""
    number = statement + 1
    words, note = _justification(comment)
    quote = (
        {
            "id": f"q-{party}-{number}",
            "speaker": party,
            "text": words,
            "source": source_id,
            "kind": "direct",
            "issues": [f"thesis-{number}"],
            "context": f"Begründung der Partei zur These {number} im Wahl-O-Mat",
            "language": "de",
        }
        if words
        else None
    )
    summary = f"Wahl-O-Mat answer: {message.strip()}."
    if not words:
        summary += f" Wahl-O-Mat note: “{note}”" if note else " The party gave no justification."
    position = {
        "actor": party,
        "issue": f"thesis-{number}",
        "stance": stance,
        "as_of": pd.Timestamp(election.day),
        "basis": "stated",
        "confidence": "high",
        "summary": summary,
        "evidence": [quote["id"]] if quote else [],
        "source": source_id,  # the answer itself is recorded in the Wahl-O-Mat, words or not
    }
    return position, quote


def _justification(text: str) -> tuple[str, str]:
    """(the party's words, '') or ('', the Wahl-O-Mat's note that there are none). A justification
    with no letter or digit in it ('""', '"-"') is no justification, and is not quoted."""
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
        stripped = stripped[1:-1]
    elif stripped.startswith(EDITORS_NOTES):
        return "", stripped
    return (stripped, "") if any(c.isalnum() for c in stripped) else ("", "")


def _frame(table: str, records: list[dict[str, Any]]) -> pd.DataFrame:
    names = list(TABLE_BY_NAME[table].field_names)
    frame = (
        pd.DataFrame.from_records(records, columns=names)
        if records
        else pd.DataFrame({n: pd.Series(dtype=object) for n in names})
    )
    for spec in TABLE_BY_NAME[table].fields:
        if spec.kind in (Kind.LIST, Kind.REFS):
            frame[spec.name] = frame[spec.name].map(lambda v: v if isinstance(v, list) else [])
    return frame


# ------------------------------------------------------------------------------------------ reading


# Over the complexity cap: each way a file can be unreadable gets its own message (missing, not JSON, wrong
# shape).
def _read(path: Path, problems: Problems, *, required: bool) -> list[Record] | None:  # noqa: C901
    """The file's records with the line each starts on, or None (and a problem) if unreadable."""
    if not path.is_file():
        if required:
            problems.error(
                path,
                None,
                "file not found: a Wahl-O-Mat election folder (e.g. "
                "qual-o-mat-data/data/2025/deutschland) holds " + ", ".join(FOLDER_FILES),
            )
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(
            path,
            data[: exc.start].count(b"\n") + 1,
            f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8",
        )
        return None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.error(path, exc.lineno, f"cannot parse JSON: {exc.msg} (column {exc.colno})")
        return None
    if not isinstance(document, list):
        problems.error(path, 1, f"expected a JSON list of records, found {type(document).__name__}")
        return None
    schema = SCHEMA[path.name]
    records = []
    for item, line in _items_with_lines(text):
        if not isinstance(item, dict):
            problems.error(path, line, f"expected a record ({{...}}), found {item!r:.40}")
            continue
        wrong = False
        for field, types in schema.items():
            if field not in item:
                problems.error(path, line, f"record has no '{field}' (fields are {', '.join(schema)})")
                wrong = True
            elif not isinstance(item[field], types) or isinstance(item[field], bool):
                expected = " or ".join(_TYPE_NAMES[t] for t in types)
                problems.error(
                    path,
                    line,
                    f"'{field}' must be {expected}, found {json.dumps(item[field], ensure_ascii=False)[:40]}",
                )
                wrong = True
        if not wrong:
            records.append(Record(item, line))
    return records


def _items_with_lines(text: str) -> Iterator[tuple[Any, int]]:
    """Items of a top-level JSON list with the line each starts on (json itself keeps no lines)."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return
        item, end = decoder.raw_decode(text, pos)
        yield item, text.count("\n", 0, pos) + 1
        pos = end


def _check_ids(path: Path, records: list[Record], problems: Problems) -> None:
    first: dict[int, int] = {}
    for record in records:
        rid = record.values["id"]
        if rid in first:
            problems.error(path, record.line, f"id {rid} is given twice (first at line {first[rid]})")
        elif rid < 0:
            problems.error(path, record.line, f"id {rid} is negative: ids are whole numbers from 0")
        else:
            first[rid] = record.line


# ----------------------------------------------------------------------------------------- election


def _election(src: Path, problems: Problems) -> Election | None:
    """Name and date from qual-o-mat-data's election.json (the entry whose path ends in this
    folder's year/region), else from the folder's own overview.json."""
    folder = f"{src.resolve().parent.name}/{src.resolve().name}"
    overview = _overview(src / "overview.json", problems)
    url = overview.get("data_source") if overview else None
    for parent in list(src.resolve().parents)[:3]:
        listing = parent / "election.json"
        if not listing.is_file():
            continue
        entries = _read_listing(listing, problems)
        if entries is None:
            return None
        for entry, line in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if isinstance(path, str) and path.rstrip("/").endswith(folder):
                return _dated(listing, line, entry.get("name"), entry.get("date"), url, problems)
        break
    if overview is not None:
        return _dated(src / "overview.json", 1, overview.get("title"), overview.get("date"), url, problems)
    problems.error(
        src,
        None,
        f"cannot tell which election this is: no election.json above it lists "
        f"'{folder}', and there is no overview.json with its title and date",
    )
    return None


def _read_listing(path: Path, problems: Problems) -> list[tuple[Any, int]] | None:
    """election.json's entries with their lines."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
        problems.error(path, line, f"cannot read the election list: {exc}")
        return None
    if not isinstance(document, list):
        problems.error(path, 1, "expected a JSON list of elections")
        return None
    return list(_items_with_lines(text))


def _overview(path: Path, problems: Problems) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
        problems.error(path, line, f"cannot read the election overview: {exc}")
        return None
    return document if isinstance(document, dict) else None


def _dated(
    path: Path, line: int, name: object, day: object, url: object, problems: Problems
) -> Election | None:
    if not isinstance(name, str) or not name.strip():
        problems.error(path, line, f"the election has no name (found {name!r})")
        return None
    try:
        parsed = date.fromisoformat(day) if isinstance(day, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        problems.error(path, line, f"election date {day!r} is not a date: expected YYYY-MM-DD")
        return None
    return Election(name.strip(), parsed, url if isinstance(url, str) and url.strip() else None)


# ------------------------------------------------------------------------------------------- checks


def _answer_stances(path: Path, answers: list[Record], problems: Problems) -> dict[int, str]:
    stances = {}
    for record in answers:
        message = " ".join(record.values["message"].split()).casefold()
        stance = STANCE_OF_ANSWER.get(message)
        if stance is None:
            problems.error(
                path,
                record.line,
                f"answer {record.values['id']}: message "
                f"'{record.values['message']}' is not one of 'Stimme zu', "
                "'Stimme nicht zu', 'Neutral'",
            )
            continue
        stances[record.values["id"]] = stance
    return stances


def _party_ids(path: Path, parties: list[Record], problems: Problems) -> dict[int, str]:
    """Party id -> actor id: a slug of the short name ('CDU / CSU' -> 'cdu-csu'), made unique."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for record in parties:
        values = record.values
        actor_id = slug(values["name"]) or slug(values["longname"])
        if not actor_id:
            problems.error(
                path,
                record.line,
                f"party {values['id']}: its names "
                f"('{values['name']}', '{values['longname']}') have no letters or digits "
                "to make an id from",
            )
            continue
        if actor_id in taken:
            actor_id = f"{actor_id}-{values['id']}"
        taken.add(actor_id)
        ids[values["id"]] = actor_id
    return ids


def _check_opinions(
    src: Path,
    opinions: list[Record],
    parties: dict[int, Record],
    statements: dict[int, Record],
    answers: dict[int, Record],
    comments: dict[int, Record],
    problems: Problems,
) -> None:
    path = src / "opinion.json"
    seen: dict[tuple[int, int], int] = {}
    for record in opinions:
        values = record.values
        for field, table, file in (
            ("party", parties, "party.json"),
            ("statement", statements, "statement.json"),
            ("answer", answers, "answer.json"),
            ("comment", comments, "comment.json"),
        ):
            if values[field] is not None and values[field] not in table:
                problems.error(
                    path,
                    record.line,
                    f"opinion {values['id']}: {field} {values[field]} is not an id in {file}",
                )
        pair = (values["party"], values["statement"])
        if pair in seen:
            problems.error(
                path,
                record.line,
                f"opinion {values['id']}: a second answer of party "
                f"{pair[0]} to statement {pair[1]} (first at line {seen[pair]})",
            )
        else:
            seen[pair] = record.line


def _check_statements(
    path: Path, statements: list[Record], categories: dict[int, str], problems: Problems
) -> None:
    for record in statements:
        values = record.values
        for field in ("label", "text"):
            if not values[field].strip():
                problems.error(path, record.line, f"statement {values['id']}: '{field}' is empty")
        category = values["category"]
        if category is not None and categories and category not in categories:
            problems.error(
                path,
                record.line,
                f"statement {values['id']}: category {category} is not an id in category.json",
            )
