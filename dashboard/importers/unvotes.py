"""UN General Assembly roll-call votes, as the unvotes R package ships them, turned into a briefing.

States are actors, roll calls are issues, each recorded vote is a position (yes -> support, no ->
oppose, abstain -> neutral; basis 'action'). Work over the 870,000 votes is vectorised: columns are
read as categoricals and every check and mapping runs on the few hundred distinct values.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard import controls
from dashboard.briefing import Briefing
from dashboard.problems import Problems
from dashboard.records import STANCES, TABLE_BY_NAME, BriefingMeta
from dashboard.text import fold, slug

BRIEFING_ID = "unvotes"
SOURCE_ID = "unga-voting-data"
PUBLISHER = "United Nations General Assembly (via Voeten et al., unvotes R package)"
HANDLE_URL = "https://hdl.handle.net/1902.1/12379"
STANCE_OF_VOTE = {"yes": "support", "no": "oppose", "abstain": "neutral"}
# Roll calls the dataset files under none of its six issues. A topic, not a blank, so the page's topic
# filter can still reach them; each such issue's description says it is unclassified.
NO_TOPIC = "Other"
# The CSVs were converted from R, which writes a missing value as NA. That clashes with Namibia's ISO
# code, NA: the code is read as Namibia's only on Namibia's rows and as missing everywhere else.
R_MISSING = "NA"
TITLE_LENGTH = 100  # a title cut from a long description stops at a word before this many characters
# Some roll calls (417 of 6,203, 1990s-2010s) are described by an excerpt of the meeting record ('The
# President: … The First Committee adopted it without a vote. May I take it that the Assembly wishes to
# do likewise?'), which may name other drafts taken at the same meeting. Such a description is quoted
# whole and labelled, never cut into a title, so no one reads it as the roll call's own outcome.
# The speaker's label, its colon sometimes lost ('The Acting President I shall now put …'); not 'The
# President of …', which would be a title.
MEETING_RECORD = r"^\s*The (?:Acting )?President(?: \([^)]*\))?(?:\s*:|\s+(?!of\b))"
MEETING_RECORD_WORDS = (
    "a recorded vote. The dataset describes it by an excerpt of the meeting record, which may name "
    "other drafts taken at the same meeting"
)
MEETING_RECORD_NOTE = (
    "The dataset's description of this roll call is an excerpt of the meeting record: drafts it says "
    "were adopted without a vote are others taken at the same meeting; this roll call was a recorded vote."
)

FILES = ("unvotes.csv", "roll_calls.csv", "issues.csv")
COLUMNS = {
    "unvotes.csv": ("rcid", "country", "country_code", "vote"),
    "roll_calls.csv": (
        "rcid",
        "session",
        "importantvote",
        "date",
        "unres",
        "amend",
        "para",
        "short",
        "descr",
    ),
    "issues.csv": ("rcid", "short_name", "issue"),
}
CATEGORICAL = {"unvotes.csv": ("rcid", "country", "country_code", "vote")}
FLAG_SENTENCES = {
    "importantvote": "Classified as an important vote by the U.S. State Department report "
    "'Voting Practices in the United Nations'.",
    "amend": "A vote on an amendment.",
    "para": "A vote on a paragraph only, not on the whole resolution.",
}


def build(src: Path) -> Briefing:
    problems = Problems()
    frames = {name: _read_csv(src / name, problems) for name in FILES}
    problems.raise_if_errors()
    votes, roll_calls, issue_rows = (frames[name] for name in FILES)
    assert votes is not None and roll_calls is not None and issue_rows is not None
    rc = _roll_calls(roll_calls, src / "roll_calls.csv", problems)
    topics = _topics(issue_rows, rc, src / "issues.csv", problems)
    positions, actors = _positions(votes, rc, src / "unvotes.csv", problems)
    problems.raise_if_errors()
    issues = _issues(rc, topics)
    last = rc["date"].max().date()
    first = rc["date"].min().date()
    meta = BriefingMeta(
        id=BRIEFING_ID,
        title=f"UN General Assembly roll-call votes, {first.year}–{last.year}",
        as_of=last,
        summary=(
            f"How each state voted in the {len(issues):,} recorded roll calls of the UN General "
            f"Assembly from {first.isoformat()} to {last.isoformat()}: yes is shown as support, no as "
            "oppose, abstain as neutral. States that were absent or not yet members have no position "
            "on that roll call. Topics are the dataset's six issue codes; other roll calls are under "
            f"'{NO_TOPIC}'. Each roll call's proposition quotes the dataset's description of it; for "
            "some roll calls that is an excerpt of the meeting record, which may mention other drafts "
            "the Assembly adopted without a vote at the same meeting: the roll call itself was a "
            "recorded vote. Data: Erik Voeten et al., United Nations General Assembly Voting Data, "
            "Harvard Dataverse, hdl:1902.1/12379, as packaged in the unvotes R package "
            "(dgrtwo/unvotes, MIT licence) and converted to CSV."
        ),
        coverage=(
            "Roll-call votes only: resolutions the General Assembly adopted by consensus, "
            "without a vote, are not in the data, so agreement here is agreement on contested "
            "votes. " + " ".join(note for _, _, note in POOLED.values())
        ).strip(),
    )
    return Briefing.from_frames(
        meta,
        actors=actors,
        issues=issues,
        sources=_source(last),
        quotes=_empty("quotes"),
        positions=positions,
    )


# ------------------------------------------------------------------------------------------ reading


def _read_csv(path: Path, problems: Problems) -> pd.DataFrame | None:
    """The file's rows as text (categoricals where listed), blank lines dropped, plus `_line`."""
    columns = COLUMNS[path.name]
    if not path.is_file():
        problems.error(path, None, f"file not found: the unvotes folder must hold {', '.join(FILES)}")
        return None
    categorical = CATEGORICAL.get(path.name, ())
    try:
        # Read as text, then categorise: read_csv's own "category" would parse '3' as a number.
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=False, encoding="utf-8"
        )
    except UnicodeDecodeError:
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.error(
                path,
                data[: exc.start].count(b"\n") + 1,
                f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8",
            )
        return None
    except pd.errors.EmptyDataError:
        problems.error(path, 1, f"the file is empty: expected the header {','.join(columns)}")
        return None
    except pd.errors.ParserError as exc:
        line, message = _ragged_row(path)
        problems.error(path, line, message or f"cannot parse CSV: {exc}")
        return None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        problems.error(
            path, 1, f"missing column(s) {', '.join(missing)}: the header must name {', '.join(columns)}"
        )
        return None
    frame = frame[list(columns)].astype(dict.fromkeys(categorical, "category"))
    frame["_line"] = _lines(frame, columns)
    for column in columns:  # trim, and collapse runs of spaces and line breaks into one space
        if column in categorical:
            frame[column] = _collapsed_categorical(frame[column])
        else:
            frame[column] = frame[column].str.split().str.join(" ")
    blank = np.ones(len(frame), dtype=bool)
    for column in columns:
        blank &= (frame[column] == "").to_numpy(dtype=bool)
    return frame[~blank].reset_index(drop=True) if blank.any() else frame


def _collapsed_categorical(values: pd.Series) -> pd.Series:
    """Whitespace-collapsed categories; ' yes' and 'yes' become one category."""
    collapsed = pd.Index(values.cat.categories).str.split().str.join(" ")
    new_codes, uniques = pd.factorize(collapsed)
    codes = values.cat.codes.to_numpy()
    return pd.Series(pd.Categorical.from_codes(new_codes[codes], categories=uniques), index=values.index)


def _lines(frame: pd.DataFrame, columns: tuple[str, ...]) -> np.ndarray:
    """The line each row starts on: the header is line 1, and a cell quoted over several lines
    pushes every later row down."""
    breaks = np.zeros(len(frame), dtype=np.int64)
    for column in columns:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            per_category = pd.Index(values.cat.categories).str.count("\n").to_numpy(dtype=np.int64)
            if per_category.any():
                breaks += per_category[values.cat.codes.to_numpy()]
        else:
            breaks += values.str.count("\n").to_numpy(dtype=np.int64)
    return np.arange(2, len(frame) + 2, dtype=np.int64) + np.cumsum(breaks) - breaks


def _ragged_row(path: Path) -> tuple[int | None, str | None]:
    """The line of the first row whose cell count differs from the header's (pandas counts records,
    not lines, in its own message)."""
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    header = next(reader, [])
    start = 2
    try:
        for row in reader:
            if row and len(row) != len(header):
                return start, (
                    f"row has {len(row)} cells but the header has {len(header)}: check "
                    "for a missing or extra comma (quote cells that contain commas)"
                )
            start = reader.line_num + 1
    except csv.Error as exc:
        return reader.line_num, f"cannot parse CSV: {exc}"
    return None, None


# ------------------------------------------------------------------------------------ roll calls


def _numbers(values: pd.Series) -> pd.Series:
    """Whole numbers as Int64, anything else as NA."""
    return pd.to_numeric(values.where(values.str.fullmatch(r"\d+")), errors="coerce").astype("Int64")


def _missing(values: pd.Series) -> pd.Series:
    return values.isin(["", R_MISSING])


def _roll_calls(frame: pd.DataFrame, path: Path, problems: Problems) -> pd.DataFrame:
    """Roll calls indexed by rcid, with `date` parsed and the three flags as 0/1/NA."""
    lines = frame["_line"]
    rcid = _numbers(frame["rcid"])
    bad = rcid.isna()
    problems.rows(
        path,
        lines[bad],
        lambda i: f"rcid '{frame['rcid'][bad].iat[i]}' is not a roll call number (a whole number)",
    )
    twice = rcid.notna() & rcid.duplicated(keep="first")
    first_line = pd.Series(lines.to_numpy(), index=rcid).groupby(level=0).first()
    problems.rows(
        path,
        lines[twice],
        lambda i: (
            f"roll call {rcid[twice].iat[i]} is given twice (first at line {first_line[rcid[twice].iat[i]]})"
        ),
    )
    when = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    bad = when.isna()
    problems.rows(
        path, lines[bad], lambda i: f"date '{frame['date'][bad].iat[i]}' is not a date: expected YYYY-MM-DD"
    )
    session = _numbers(frame["session"])
    bad = session.isna() & ~_missing(frame["session"])
    problems.rows(
        path, lines[bad], lambda i: f"session '{frame['session'][bad].iat[i]}' is not a session number"
    )
    out = pd.DataFrame({"rcid": rcid, "session": session, "date": when, "_line": lines})
    for flag in FLAG_SENTENCES:
        out[flag] = _flag(frame, flag, path, problems)
    for column in ("unres", "short", "descr"):
        # The descriptions were cut from meeting records: a page break there is a control
        # character (U+0008 in 8 roll calls of 2017-2019), read as the space it stood for.
        text = frame[column].mask(_missing(frame[column]), "")
        out[column] = text.str.replace(controls.COLUMN_PATTERN, " ", regex=True)
    return out[rcid.notna() & ~twice].set_index("rcid", drop=False)


def _flag(frame: pd.DataFrame, flag: str, path: Path, problems: Problems) -> pd.Series:
    value = frame[flag]
    bad = ~(value.isin(["0", "1"]) | _missing(value))
    wrong = value[bad]
    problems.rows(
        path, frame["_line"][bad], lambda i: f"{flag} '{wrong.iat[i]}' is not 0, 1 or {R_MISSING} (missing)"
    )
    return value == "1"


def _topics(frame: pd.DataFrame, rc: pd.DataFrame, path: Path, problems: Problems) -> pd.DataFrame:
    """Per rcid: the first issue in file order as the topic, and the others."""
    lines = frame["_line"]
    rcid = _numbers(frame["rcid"])
    bad = rcid.isna()
    problems.rows(
        path,
        lines[bad],
        lambda i: f"rcid '{frame['rcid'][bad].iat[i]}' is not a roll call number (a whole number)",
    )
    unknown = rcid.notna() & ~rcid.isin(rc.index)
    problems.rows(
        path, lines[unknown], lambda i: f"roll call {rcid[unknown].iat[i]} is not in roll_calls.csv"
    )
    empty = frame["issue"] == ""
    problems.rows(path, lines[empty], lambda i: "missing issue name in column 'issue'")
    kept = pd.DataFrame({"rcid": rcid, "issue": frame["issue"]})[~(bad | unknown | empty)]
    kept = kept.drop_duplicates()
    grouped = kept.groupby("rcid", sort=False)["issue"]
    return pd.DataFrame({"topic": grouped.first(), "others": grouped.agg(lambda s: list(s)[1:])})


# ----------------------------------------------------------------------------------------- votes


def _positions(
    votes: pd.DataFrame, rc: pd.DataFrame, path: Path, problems: Problems
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Positions and the actors they name, built on the categories rather than the 870,000 rows."""
    lines = votes["_line"].to_numpy()
    # rcid -> row of `rc`, worked out once per distinct rcid.
    rcid_text = pd.Index(votes["rcid"].cat.categories)
    rcid_number = pd.to_numeric(pd.Series(rcid_text).where(rcid_text.str.fullmatch(r"\d+")), errors="coerce")
    row_of_category = pd.Index(rc.index).get_indexer(rcid_number.fillna(-1).astype("int64"))
    rc_row = row_of_category[votes["rcid"].cat.codes.to_numpy()]
    bad = rc_row < 0
    not_number = rcid_number.isna().to_numpy()[votes["rcid"].cat.codes.to_numpy()]
    bad_rows = np.flatnonzero(bad)
    problems.rows(
        path,
        lines[bad],
        lambda i: (
            f"rcid '{votes['rcid'].iat[bad_rows[i]]}' is not a roll call number"
            if not_number[bad_rows[i]]
            else f"roll call {votes['rcid'].iat[bad_rows[i]]} is not in roll_calls.csv"
        ),
    )

    vote_text = pd.Index(votes["vote"].cat.categories)
    stances = pd.Index(STANCES)
    stance_of_category = stances.get_indexer(vote_text.str.lower().map(lambda v: STANCE_OF_VOTE.get(v, "")))
    stance_code = stance_of_category[votes["vote"].cat.codes.to_numpy()]
    wrong = stance_code < 0
    wrong_votes = votes["vote"].to_numpy()[wrong]
    problems.rows(
        path,
        lines[wrong],
        lambda i: (
            f"vote '{wrong_votes[i]}' is not yes/no/abstain"
            if wrong_votes[i]
            else "missing vote: expected yes, no or abstain"
        ),
    )

    actors, actor_code = _actors(votes, path, problems)
    ok = ~bad & ~wrong & (actor_code >= 0)
    # One vote per state and roll call.
    key = pd.Series(rc_row.astype(np.int64) * (len(actors) + 1) + actor_code)
    twice = ok & key.duplicated(keep="first").to_numpy() & key.duplicated(keep=False).to_numpy()
    if twice.any():
        first_line = pd.Series(lines[ok]).groupby(key[ok].to_numpy()).first()
        rows = np.flatnonzero(twice)
        problems.rows(
            path,
            lines[twice],
            lambda i: (
                f"a second vote by {actors['name'].iat[actor_code[rows[i]]]} in roll call "
                f"{rc.index[rc_row[rows[i]]]} (first at line {first_line[key.iat[rows[i]]]})"
            ),
        )
    if problems.problems:
        return pd.DataFrame(), actors
    issue_ids = "rc-" + rc.index.astype(str)
    n = len(votes)
    positions = pd.DataFrame(
        {
            "actor": pd.Categorical.from_codes(actor_code, categories=actors["id"]),
            "issue": pd.Categorical.from_codes(rc_row, categories=issue_ids),
            "stance": pd.Categorical.from_codes(stance_code, categories=STANCES, ordered=True),
            "as_of": rc["date"].to_numpy()[rc_row],
            "basis": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=["action"]),
            "confidence": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=["high"]),
            "summary": pd.Series(pd.NA, index=range(n), dtype="string"),
            "evidence": pd.Series([[]] * n, dtype=object),  # one shared empty list; never mutated
            "assessed_by": pd.Series(pd.NA, index=range(n), dtype="string"),
            # The vote is recorded in the dataset: the position's source, as no quote carries it.
            "source": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[SOURCE_ID]),
        }
    )
    _summarise(actors, positions, actor_code)
    return positions, actors


def _actors(votes: pd.DataFrame, path: Path, problems: Problems) -> tuple[pd.DataFrame, np.ndarray]:
    """One actor per state: id from the ISO code, else from the name. Returns actors sorted by name
    and each vote's actor row (-1 for a vote with no country name)."""
    names, codes = votes["country"], votes["country_code"]
    pair = names.cat.codes.to_numpy().astype(np.int64) * (len(codes.cat.categories) + 1) + (
        codes.cat.codes.to_numpy()
    )
    pairs, first_row, pair_of_vote = np.unique(pair, return_index=True, return_inverse=True)
    records: dict[str, dict[str, object]] = {}
    actor_of_pair = np.full(len(pairs), -1, dtype=np.int64)
    ids: list[str] = []
    for p, row in enumerate(first_row):
        name, code = str(names.iat[row]), str(codes.iat[row])
        if not name:
            problems.rows(
                path,
                votes["_line"].to_numpy()[pair_of_vote == p],
                lambda i: "missing country name in column 'country'",
            )
            continue
        iso = code.upper() if _is_iso(code, name) else None
        actor_id = iso.lower() if iso else slug(name)
        if not actor_id:
            problems.error(
                path,
                int(votes["_line"].iat[row]),
                f"country '{name}' has no ISO code and "
                "no letters to make an id from: give it a two-letter country_code",
            )
            continue
        record = records.get(actor_id)
        if record is None:
            summary = (
                ""
                if iso
                else (f"The dataset gives no ISO country code ('{code}'); the id is made from the name. ")
            )
            records[actor_id] = {
                "id": actor_id,
                "name": name,
                "kind": "state",
                "country": iso,
                "aliases": [],
                "summary": summary,
            }
            ids.append(actor_id)
        elif name != record["name"]:
            aliases = record["aliases"]
            assert isinstance(aliases, list)
            if name not in aliases:
                aliases.append(name)
        actor_of_pair[p] = ids.index(actor_id)
    for actor_id, (aliases, summary, _) in POOLED.items():  # a code the dataset gives two states
        if actor_id in records:
            held = records[actor_id]["aliases"]
            assert isinstance(held, list)
            held.extend(a for a in aliases if a not in held)
            records[actor_id]["summary"] = summary + str(records[actor_id]["summary"])
    order = sorted(range(len(ids)), key=lambda i: (fold(str(records[ids[i]]["name"])), ids[i]))
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    actor_of_pair = np.where(actor_of_pair >= 0, rank[np.maximum(actor_of_pair, 0)], -1)
    frame = _empty("actors")
    frame = pd.concat([frame, pd.DataFrame([records[ids[i]] for i in order])], ignore_index=True)
    return frame[list(TABLE_BY_NAME["actors"].field_names)], actor_of_pair[pair_of_vote]


# Codes under which the dataset records a predecessor state too: every figure of the actor pools
# both, and the briefing says so (its coverage, shown beside every agreement figure).
POOLED: dict[str, tuple[tuple[str, ...], str, str]] = {
    "ru": (
        ("Soviet Union", "USSR"),
        "The dataset records the Soviet Union's votes (1946–1991) under Russia's code: this "
        "record holds both. ",
        "Russia's record includes the Soviet Union's votes (1946–1991), which the dataset gives "
        "under the same code.",
    ),
}


def _is_iso(code: str, name: str) -> bool:
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return False
    return code.upper() != R_MISSING or name.casefold() == "namibia"


def _summarise(actors: pd.DataFrame, positions: pd.DataFrame, actor_code: np.ndarray) -> None:
    """Each actor's summary says how many votes it has and over which years."""
    dates = pd.Series(positions["as_of"].to_numpy()).groupby(actor_code)
    first, last, count = dates.min(), dates.max(), dates.size()
    actors["summary"] = [
        f"{prefix}{count[i]:,} recorded votes from {first[i]:%Y-%m-%d} to {last[i]:%Y-%m-%d}."
        if count[i] > 1
        else f"{prefix}One recorded vote, on {first[i]:%Y-%m-%d}."
        for i, prefix in enumerate(actors["summary"])
    ]


# ---------------------------------------------------------------------------------------- issues


def _issues(rc: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    topics = topics.reindex(rc.index)
    number = pd.Series(rc.index.astype(str), index=rc.index)
    short, descr = rc["short"], rc["descr"]
    excerpt = descr.str.contains(MEETING_RECORD, regex=True)
    reference = (" (" + rc["unres"] + ")").where(rc["unres"] != "", "")
    title = short.where(short != "", descr.map(_title_from_description))
    title = title.where(~(excerpt & (short == "")), "Roll call " + number + reference)
    title = title.where(title != "", "Roll call " + number)
    # A stance needs a proposition: a yes vote supports adopting the draft put to the vote.
    subject = descr.where(descr != "", short).str.rstrip(". ")
    motion = "The General Assembly should adopt the proposal put to roll call " + number + reference
    statement = (motion + ": " + subject + ".").where(
        subject != "", motion + "; the dataset gives no description of it."
    )
    # The meeting record's words whole, in quotation marks, after what the roll call was.
    statement = statement.where(
        ~excerpt, motion + ", " + MEETING_RECORD_WORDS + ": “" + descr.str.strip() + "”"
    )
    session = rc["session"].astype("string")
    parts = [
        ("General Assembly session " + session + ", roll call " + number + ".").fillna(
            "Roll call " + number + "."
        ),
    ]
    for flag, sentence in FLAG_SENTENCES.items():
        parts.append(pd.Series(np.where(rc[flag], sentence, ""), index=rc.index))
    parts.append(pd.Series(np.where(excerpt, MEETING_RECORD_NOTE, ""), index=rc.index))
    others = topics["others"].map(lambda v: "; ".join(v) if isinstance(v, list) else "")
    parts.append(("Also filed under: " + others + ".").where(others != "", ""))
    parts.append(
        pd.Series(
            np.where(
                topics["topic"].isna(),
                f"Not filed under any of the dataset's six issues (topic '{NO_TOPIC}').",
                "",
            ),
            index=rc.index,
        )
    )
    description = parts[0]
    for part in parts[1:]:
        description = (description + " " + part).str.strip()
    return pd.DataFrame(
        {
            "id": ("rc-" + number).to_numpy(),
            "title": title.to_numpy(),
            "statement": statement.to_numpy(),
            "topic": topics["topic"].fillna(NO_TOPIC).to_numpy(),
            "description": description.to_numpy(),
            "date": rc["date"].to_numpy(),
            "reference": rc["unres"].mask(rc["unres"] == "").to_numpy(),
        }
    )


def _title_from_description(descr: str) -> str:
    """For roll calls with no short name: the description up to ' : ' ('Jerusalem : resolution /
    adopted by the General Assembly'), else its first words, cut at a word with an ellipsis."""
    head = descr.split(" : ", 1)[0]
    if len(head) <= TITLE_LENGTH:
        return head
    cut = head[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _source(last: date) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": SOURCE_ID,
                "title": "United Nations General Assembly Voting Data (roll-call votes)",
                "publisher": PUBLISHER,
                "published": pd.Timestamp(last),
                "url": HANDLE_URL,
                "kind": "dataset",
                "language": "en",
            }
        ]
    )


def _empty(table: str) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in TABLE_BY_NAME[table].field_names})
