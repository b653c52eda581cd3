"""The reading of actor A on issue I: one notion of a cell, used by every view and every download.

A reading is the latest position in view — stance, basis, confidence, as-of, summary, who assessed it —
and the quotes it rests on, each with the capacity its speaker spoke in (the actor's own words, one who
speaks for it, the assessor's reading, or someone else the record cites). Where there is no position
the reading says why: no record at all, or a record the filters hide. `describe` is the one sentence a
reading becomes in text; the matrix tooltip, cards, compare, the quotes panel, the note and the CSVs
all print it, so no view can say more or less than another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import Subset, id_mask, kept_for, latest_rows, places_in, row_of_id
from dashboard.records import UNKNOWN
from dashboard.selection import filter_word
from dashboard.vocabulary import (
    BASIS_LABELS,
    CONFIDENCE_LABELS,
    HIDDEN,
    KIND_LABELS,
    QUOTED_KINDS,
    SAID_HOW_LABELS,
    SECOND_HAND_BASES,
    STANCE_DOMAIN,
    STANCE_LABELS,
    glyph,
)


@dataclass(frozen=True)
class Evidence:
    """One quote behind a reading, and in what capacity its speaker spoke about the actor."""

    quote: str
    speaker: str
    capacity: str  # own, spokesperson, assessor, other (see vocabulary.CAPACITY_LABELS)


@dataclass(frozen=True)
class Reading:
    actor: str
    issue: str
    stance: str  # a stance, or UNKNOWN (no record at all), or HIDDEN (the filters hide it)
    basis: str = ""
    confidence: str = ""
    as_of: str = ""  # YYYY-MM-DD, "" when undated
    summary: str = ""
    assessed_by: str = ""  # actor id
    assessor_name: str = ""
    position: int = -1  # the position's row id, -1 when there is none
    n_positions: int = 0  # how many positions (over time) the cell has in view
    hidden_by: str = ""  # which filters hide it, in words
    evidence: tuple[Evidence, ...] = ()
    said: str = ""  # for a stated position: quoted, unquoted or uncited (Briefing.said_how)

    @property
    def glyph(self) -> str:
        return glyph(self.stance, self.basis)

    @property
    def text(self) -> str:
        return describe(
            self.stance,
            self.basis,
            self.confidence,
            self.as_of,
            self.assessor_name,
            self.hidden_by,
            self.said,
        )


def describe(
    stance: str,
    basis: str = "",
    confidence: str = "",
    as_of: str = "",
    assessor: str = "",
    hidden_by: str = "",
    said: str = "",
) -> str:
    """The reading in words: 'Opposes (−?) — inferred by Shi Yinhong · low confidence · as of 2024-11-02'.

    The glyph and basis mark lead, as in the matrix cell, so text and picture say the same. `said`
    (Briefing.said_how) tells, for a position the actor stated, whether its words are quoted: "said it
    (not quoted: a paraphrase or others' words)" never reads as the actor's own words.
    """
    if stance == HIDDEN:
        return f"{STANCE_LABELS[HIDDEN]} ({hidden_by})" if hidden_by else STANCE_LABELS[HIDDEN]
    if stance == UNKNOWN:
        return "No record in this briefing"
    # the glyph in parentheses: "Opposes (−) — said it", where "Opposes − —" read like "−−"
    parts = [f"{STANCE_LABELS.get(stance, stance)} ({glyph(stance, basis)})"]
    how = []
    if basis == "inferred":
        how.append(f"inferred by {assessor}" if assessor else "inferred by someone else (assessor not named)")
    elif basis:
        label = BASIS_LABELS.get(basis, basis)
        if basis == "stated" and said in SAID_HOW_LABELS:
            label += f" ({SAID_HOW_LABELS[said]})"
        how.append(label + (f", assessed by {assessor}" if assessor else ""))
    if confidence:
        how.append(CONFIDENCE_LABELS.get(confidence, confidence))
    if as_of:
        how.append(f"as of {as_of}")
    return parts[0] + (" — " + " · ".join(how) if how else "")


def _hidden_reason(hides: tuple[str, ...]) -> str:
    words = [f"the {filter_word(h)} filter" for h in hides]
    return "hidden by " + (" or ".join(words) if words else "a filter")


def grid(
    briefing: Briefing, subset: Subset, actors: pd.DataFrame | None = None, issues: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every actor x issue cell of `actors` (rows, in order) and `issues` (columns, in order), as
    readings: one frame row per cell with the columns the matrix, cards, compare and downloads read.

    Default rows and columns: all in the subset. Only their positions are touched, so a page of a huge
    briefing stays cheap. Each position's cell is found from its actor's and issue's category codes
    and the frame is made once (the pandas index, reindex and assign this took before cost 35 ms a
    grid of the seed's 168 cells; issue 24).
    """
    actors = subset.actors if actors is None else actors
    issues = subset.issues if issues is None else issues
    actor_ids = actors["id"].to_numpy(dtype=object)
    issue_ids = issues["id"].to_numpy(dtype=object)
    size = len(actor_ids) * len(issue_ids)

    # Each position's cell found once (two category lookups a frame), and the cells of the latest
    # positions, of the scope and of the history counts taken from it where they are the same rows.
    at = _cells(subset.positions, actor_ids, issue_ids)
    on_grid = at >= 0
    in_grid, in_cells = subset.positions[on_grid], at[on_grid]
    latest, latest_cells = _latest_cells(subset, in_grid, in_cells, actor_ids, issue_ids)
    row = np.full(size, -1, dtype=np.int64)  # each cell's row in `latest`, -1: no position in view
    row[latest_cells] = np.arange(len(latest))
    stance = _taken(latest["stance"].astype(object).to_numpy(), row, np.nan)
    has = pd.notna(stance)
    scope = at if subset.scope is subset.positions else _cells(subset.scope, actor_ids, issue_ids)
    scoped = np.bincount(scope[scope >= 0], minlength=size) > 0
    state = np.where(has, stance, np.where(scoped | subset.unknown_hidden, HIDDEN, UNKNOWN))
    basis = np.where(has, _taken(latest["basis"].astype(object).to_numpy(), row, ""), "").astype(object)
    names = briefing.actor_names
    assessed = latest["assessed_by"].astype(object)
    position = _taken(latest["position"].to_numpy(dtype=np.int64), row, -1).astype(int)
    cited = _cited_counts(briefing)
    # Plain dict lookups over lists, not `Series.map` on Arrow strings (about 1.5 ms a map on the
    # seed's few rows); the same values (tests/test_p7_grid_plain.py).
    kinds = np.array([KIND_LABELS.get(k, np.nan) for k in actors["kind"].astype(str).tolist()], dtype=object)
    titles = briefing.issue_titles
    confidence = _taken(_text(latest["confidence"]), row, "")
    as_of = _taken(_days(latest["as_of"]), row, "")
    assessor_name = _taken(_mapped(assessed.to_numpy(dtype=object), names), row, "")
    hidden_by = np.where(state == HIDDEN, _hidden_reason(subset.hides), "")
    said_how = briefing.said_how
    said = np.where(
        (basis == "stated") & (position >= 0), said_how[np.maximum(position, 0)] if len(said_how) else "", ""
    ).astype(object)
    out = pd.DataFrame(
        {
            "actor": np.repeat(actor_ids, len(issue_ids)),
            "issue": np.tile(issue_ids, len(actor_ids)),
            "stance": _stances(state),
            "basis": basis,
            "confidence": confidence,
            "as_of": as_of,
            "summary": _taken(_text(latest["summary"]), row, ""),
            "assessed_by": _taken(_text(assessed), row, ""),
            "assessor_name": assessor_name,
            "position": position,
            "n_quotes": np.where(position >= 0, cited[position], 0).astype(int),
            "n_positions": np.bincount(in_cells, minlength=size).astype(int)
            if subset.history
            else has.astype(int),
            "second_hand": np.isin(basis, SECOND_HAND_BASES),
            "actor_name": np.repeat(
                np.array([names.get(a, np.nan) for a in actor_ids], dtype=object), len(issue_ids)
            ),
            "actor_kind": np.repeat(kinds, len(issue_ids)),
            "issue_title": np.tile(
                np.array([titles.get(i, np.nan) for i in issue_ids], dtype=object), len(actor_ids)
            ),
            "hidden_by": hidden_by,
            "said": said,
            "glyph": _each_of(glyph, (state, basis)),
            "reading": _each_of(describe, (state, basis, confidence, as_of, assessor_name, hidden_by, said)),
        }
    )
    return out


_STANCE_TYPE = pd.CategoricalDtype(STANCE_DOMAIN)
_STANCE_CODES = {stance: code for code, stance in enumerate(STANCE_DOMAIN)}


def _stances(state: np.ndarray) -> pd.Categorical:
    """`pd.Categorical(state, categories=STANCE_DOMAIN)` from each value's code (one outside the
    domain missing, as there): the factorizing and the categories' index cost about 1 ms a grid."""
    if len(state) < _FACTORIZE_FROM:
        codes = np.fromiter(
            (_STANCE_CODES.get(s, -1) for s in state.tolist()), dtype=np.int8, count=len(state)
        )
    else:  # each distinct value looked up once (the UN votes: 1.2 million cells, a few stances)
        found, uniques = pd.factorize(np.asarray(state, dtype=object))  # missing values: -1
        code_of = [_STANCE_CODES.get(s, -1) for s in uniques]
        codes = np.array([*code_of, -1], dtype=np.int8)[found]
    return pd.Categorical.from_codes(codes, dtype=_STANCE_TYPE)


def _cited_counts(briefing: Briefing) -> np.ndarray:
    """How many evidence quotes each position has (by row number), counted once per briefing (its
    evidence and its number of positions), not once a grid: a count over all 870,109 UN positions
    for each page."""
    evidence = briefing.evidence
    count = len(briefing.positions)
    return kept_for(
        evidence,
        f"cited-counts-{count}",
        lambda: _read_only(np.bincount(evidence["position"].to_numpy(dtype=np.int64), minlength=count)),
    )


def _read_only(values: np.ndarray) -> np.ndarray:
    values.setflags(write=False)  # kept and shared by every grid of the briefing
    return values


def _mapped(values: np.ndarray, mapping: dict[str, str]) -> np.ndarray:
    """Each value's entry in `mapping`, "" where it has none or is missing: what
    `_text(Series(values).map(mapping))` gives, without pandas' map. Each distinct value is looked up
    once (the UN votes: 870,109 values, a handful of assessors)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))  # missing values: code -1
    found = [mapping.get(value) if isinstance(value, str) else None for value in uniques]
    entry = ["" if one is None or pd.isna(one) else one for one in found]
    out: np.ndarray = np.array([*entry, ""], dtype=object)[codes]
    return out


def _days(column: pd.Series) -> np.ndarray:
    """Dates as YYYY-MM-DD text, "" where missing: a datetime64 column by NumPy, any other as
    `pd.to_datetime(...).dt.strftime` reads it."""
    values = column.to_numpy()
    if values.dtype.kind == "M":
        text = np.datetime_as_string(values, unit="D").astype(object)
        text[np.isnat(values)] = ""
        return np.asarray(text)
    return _text(pd.to_datetime(column).dt.strftime("%Y-%m-%d"))


def _each(function: Callable[..., str], rows: Iterable[tuple[Any, ...]]) -> list[str]:
    """function(*row) for each row, worked out once per distinct row: the UN votes' 1.2 million
    cells hold a few thousand distinct readings."""
    done: dict[tuple[Any, ...], str] = {}
    return [done[row] if row in done else done.setdefault(row, function(*row)) for row in rows]


# Below this many cells a grid's readings are worked out row by row (`_each`): pandas' factorize
# costs more than it saves on a page of a few hundred cells.
_FACTORIZE_FROM = 20_000


def _each_of(function: Callable[..., str], columns: tuple[np.ndarray, ...]) -> list[str] | np.ndarray:
    """`_each(function, zip(*columns))`, with the distinct rows found by pandas' factorize (in C)
    rather than a dictionary of tuples: 1.2 million tuples of the UN votes' cells cost seconds.
    Rows with a missing value (None, NaN), which factorize would group together, go through `_each`."""
    size = len(columns[0])
    if size < _FACTORIZE_FROM:
        return _each(function, zip(*columns, strict=True))  # a list, as before (an empty grid's column)
    key = np.zeros(size, dtype=np.int64)
    missing = np.zeros(size, dtype=bool)
    for column in columns:
        codes, uniques = pd.factorize(np.asarray(column, dtype=object))
        missing |= codes < 0
        key, _ = pd.factorize(key * (len(uniques) + 1) + codes + 1)
    first = np.unique(key, return_index=True)[1]  # each distinct row's first cell, by its code
    made = np.array([function(*(column[at] for column in columns)) for at in first.tolist()], dtype=object)
    out = made[key]
    if missing.any():
        at = np.flatnonzero(missing)
        out[at] = _each(function, zip(*(column[at] for column in columns), strict=True))
    return out


def _cells(positions: pd.DataFrame, actor_ids: np.ndarray, issue_ids: np.ndarray) -> np.ndarray:
    """Each position's cell number in the grid (row by row), -1 when it is not on the grid."""
    actor = places_in(positions["actor"], actor_ids)
    issue = places_in(positions["issue"], issue_ids)
    return np.where((actor >= 0) & (issue >= 0), actor * len(issue_ids) + issue, -1)


def _taken(values: np.ndarray, row: np.ndarray, missing: object) -> np.ndarray:
    """values[row] for each cell, `missing` where the cell has no row (-1)."""
    out = np.full(len(row), missing, dtype=values.dtype if values.dtype != object else object)
    found = row >= 0
    out[found] = values[row[found]]
    return out


def _text(values: pd.Series) -> np.ndarray:
    """A column as text, missing values (None, NaN, NA) as empty text."""
    return np.asarray(values.astype(object).fillna("").to_numpy(dtype=object))


def _latest_cells(
    subset: Subset, in_grid: pd.DataFrame, in_cells: np.ndarray, actor_ids: np.ndarray, issue_ids: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """`subset.latest(in_grid)` and each of its positions' cell, taken from `in_cells` (the cells of
    `in_grid`'s rows) where the latest rows are known by number."""
    if not subset.history or in_grid.empty:
        return in_grid, in_cells
    rows = latest_rows(in_grid)
    if rows is None:
        latest = subset.latest(in_grid)
        return latest, _cells(latest, actor_ids, issue_ids)
    return in_grid.iloc[rows], in_cells[rows]


# ------------------------------------------------------------------------------- one cell's words


CAPACITIES: tuple[str, ...] = ("own", "spokesperson", "reported", "assessor", "other")


def capacity(
    briefing: Briefing, actor: str, speaker: str, assessed_by: str = "", kind: str = "direct"
) -> str:
    """How a quote bears on `actor`, from its speaker and its kind together: the actor's own words
    (a direct or partial quote of the actor), a spokesperson's (quoted), reported (a paraphrase of
    the actor or its spokesperson: the reporter's words, not theirs), an assessor's reading, or
    other words cited for it."""
    if speaker == actor or speaker in briefing.spokespeople.get(actor, []):
        if kind not in QUOTED_KINDS:
            return "reported"
        return "own" if speaker == actor else "spokesperson"
    if assessed_by and speaker == assessed_by:
        return "assessor"
    return "other"


# The same capacities counted, as the header says them: "3 in their own words, 2 paraphrased (…)".
CAPACITY_COUNT_WORDS: dict[str, str] = {
    "own": "in their own words",
    "spokesperson": "by those who speak for them",
    "reported": "paraphrased (not their words)",
    "assessor": "readings by assessors",
    "other": "cited by others",
}


def possessive(name: str) -> str:
    """'China's', 'United States'' (a name ending in s takes the apostrophe alone)."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def principals(briefing: Briefing, speaker: str) -> tuple[str, ...]:
    """Whom `speaker` speaks for, by the `represents` of each record in turn, nearest first:
    ('chinese-embassy-washington', 'china') for Liu Pengyu. A loop (which validation reports)
    stops at the first repeat."""
    chain: list[str] = []
    principal = briefing.actor_records.get(speaker, {}).get("represents")
    while isinstance(principal, str) and principal not in chain and principal != speaker:
        chain.append(principal)
        principal = briefing.actor_records.get(principal, {}).get("represents")
    return tuple(chain)


def spoken_through(briefing: Briefing, speaker: str, about: str) -> tuple[str, ...]:
    """The names of the bodies a spokesperson speaks for `about` through, nearest first: Liu Pengyu
    speaks for the embassy, which speaks for China, so towards China ('Embassy of …',); empty when
    the speaker speaks for `about` directly, or not through `represents` at all."""
    chain = principals(briefing, speaker)
    if about not in chain:
        return ()
    return tuple(briefing.actor_names.get(body, body) for body in chain[: chain.index(about)])


def chain_words(names: Sequence[str]) -> str:
    """'Embassy of …, which speaks for China': whom one speaks for, nearest first."""
    return ", which speaks for ".join(names)


def speaks_for_words(about: str, through: Sequence[str] = ()) -> str:
    """'speaks for China', or along the chain: 'speaks for Embassy of …, which speaks for China'."""
    return "speaks for " + chain_words([*through, about])


def capacity_words(
    code: str, about: str, *, speaker: str = "", publisher: str = "", through: Sequence[str] = ()
) -> str:
    """The one wording of a capacity, for every view, the header, the CSV and the notes: `about` is
    the actor's name, `speaker` the speaker's, `publisher` the source's; `through`, for a
    spokesperson, the bodies between the speaker and `about` (spoken_through), so the words name the
    one the speaker's own record says they speak for, as the byline does."""
    if code == "own":
        return f"{possessive(about)} own words"
    if code == "spokesperson":
        return speaks_for_words(about, through)
    if code == "reported":
        return f"reported by {publisher}, not quoted" if publisher else "reported, not quoted"
    if code == "assessor":
        return f"{possessive(speaker)} reading" if speaker else f"a reading of {about}"
    if code == "other":
        return f"cited for {about}"
    return ""


@dataclass(frozen=True)
class _Quotes:
    """A briefing's quotes as plain maps, made once per briefing: a click reads a cell's few quotes
    through them, not through pandas selections over the whole frames (each 1-3 ms even on the
    seed's 36 quotes: `==` and `isin` on Arrow strings, `set_index`, `reindex`; issue 24)."""

    row: dict[str, int]  # quote id -> its row in briefing.quotes
    speaker: list[Any]  # by row, as the frame holds it (a missing speaker is NA)
    kind: list[str]  # by row, as text
    cited: dict[int, list[str]]  # position row id -> its evidence quotes, in the record's order
    on_issue: dict[str, list[str]]  # issue id -> the quotes linked to it


def _quotes_of(briefing: Briefing) -> _Quotes:
    """The maps. Where a quote id repeats (a briefing made from frames: the loader reports the
    repeat and keeps the first record), the first record of the id counts, as in Briefing.said_how."""

    def made() -> _Quotes:
        row = row_of_id(briefing.quotes)
        if row is None:
            row = {}
            for number, quote in enumerate(briefing.quotes["id"].tolist()):
                row.setdefault(str(quote), number)
        cited: dict[int, list[str]] = {}
        for position, quote in zip(
            briefing.evidence["position"].tolist(), briefing.evidence["quote"].tolist(), strict=True
        ):
            cited.setdefault(int(position), []).append(quote)
        on_issue: dict[str, list[str]] = {}
        for quote, issue in zip(
            briefing.quote_issues["quote"].tolist(), briefing.quote_issues["issue"].tolist(), strict=True
        ):
            on_issue.setdefault(issue, []).append(quote)
        return _Quotes(
            row,
            briefing.quotes["speaker"].tolist(),
            briefing.quotes["kind"].astype(str).tolist(),
            cited,
            on_issue,
        )

    return kept_for(briefing, "reading-quotes", made)


def _cell_rows(cells: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Each (actor, issue) of a page's grid rows: its first row (kept per grid frame)."""

    def made() -> dict[tuple[str, str], int]:
        rows: dict[tuple[str, str], int] = {}
        for number, key in enumerate(zip(cells["actor"].tolist(), cells["issue"].tolist(), strict=True)):
            rows.setdefault(key, number)
        return rows

    return kept_for(cells, "cell-rows", made)


_READING_FIELDS = (
    "stance",
    "basis",
    "confidence",
    "as_of",
    "summary",
    "assessed_by",
    "assessor_name",
    "position",
    "n_positions",
    "hidden_by",
    "said",
)


def _holds(frame: pd.DataFrame, id_: str) -> bool:
    """Whether a briefing frame (actors, issues) has a record of this id."""
    rows = row_of_id(frame)
    return id_ in rows if rows is not None else bool(id_mask(frame, [id_]).any())


def reading_of(
    briefing: Briefing, subset: Subset, actor: str, issue: str, cells: pd.DataFrame | None = None
) -> Reading:
    """The reading of one cell, with its evidence quotes in the order the record lists them.

    `cells`: `grid` rows already made for this subset (the matrix's page); the cell's row is read
    from them when it is there, instead of computing the cell again (most of a click's server time).
    """
    if not (_holds(briefing.actors, actor) and _holds(briefing.issues, issue)):
        return Reading(actor, issue, UNKNOWN)
    at = None if cells is None else _cell_rows(cells).get((actor, issue))
    if cells is not None and at is not None:
        row: dict[str, Any] = {name: cells[name].iat[at] for name in _READING_FIELDS}
    else:
        actors = briefing.actors[id_mask(briefing.actors, [actor])]
        issues = briefing.issues[id_mask(briefing.issues, [issue])]
        made = grid(briefing, subset, actors, issues)
        row = {name: made[name].iat[0] for name in _READING_FIELDS}
    evidence: tuple[Evidence, ...] = ()
    if row["position"] >= 0:
        evidence = _evidence(briefing, actor, int(row["position"]), str(row["assessed_by"]))
    return Reading(
        actor,
        issue,
        str(row["stance"]),
        str(row["basis"]),
        str(row["confidence"]),
        str(row["as_of"]),
        str(row["summary"]),
        str(row["assessed_by"]),
        str(row["assessor_name"]),
        int(row["position"]),
        int(row["n_positions"]),
        str(row["hidden_by"]),
        evidence,
        str(row["said"]),
    )


def _evidence(briefing: Briefing, actor: str, position: int, assessed_by: str) -> tuple[Evidence, ...]:
    """A position's evidence quotes that the briefing holds, in the record's order."""
    found = _quotes_of(briefing)
    out = []
    for quote in found.cited.get(position, []):
        row = found.row.get(quote)
        if row is None:
            continue
        speaker = str(found.speaker[row])
        out.append(Evidence(quote, speaker, capacity(briefing, actor, speaker, assessed_by, found.kind[row])))
    return tuple(out)


def cell_quotes(briefing: Briefing, subset: Subset, reading: Reading) -> pd.DataFrame:
    """The quotes behind a cell: its evidence first, then the actor's other words on the issue (its
    own and those of whoever speaks for it). Columns: the quote's, plus `capacity` and `is_evidence`."""
    evidence_ids = [e.quote for e in reading.evidence]
    speakers = [reading.actor, *briefing.spokespeople.get(reading.actor, [])]
    quotes = briefing.quotes
    found_maps = _quotes_of(briefing)
    rows, speaker_of = found_maps.row, found_maps.speaker
    wanted = set(speakers)
    related_rows = sorted(
        {
            rows[q]
            for q in found_maps.on_issue.get(reading.issue, [])
            if q in rows and speaker_of[rows[q]] in wanted
        }
    )
    order = list(dict.fromkeys([*evidence_ids, *(quotes["id"].iat[r] for r in related_rows)]))
    # In that order, without the ids the briefing does not hold or quotes without a speaker.
    taken = [rows[q] for q in order if q in rows and not pd.isna(speaker_of[rows[q]])]
    found = quotes.iloc[taken].reset_index(drop=True)
    if taken:  # the ids as a column of the default text type, as pandas' reindex left them
        found["id"] = pd.Index(found["id"].tolist())
    found["is_evidence"] = np.array([q in evidence_ids for q in found["id"].tolist()], dtype=bool)
    found["capacity"] = [  # with its kind: a paraphrase of the actor is reported, never its own words
        capacity(briefing, reading.actor, str(s), reading.assessed_by, str(k))
        for s, k in zip(found["speaker"].tolist(), found["kind"].astype(str).tolist(), strict=True)
    ]
    return found


def _evidence_lists(briefing: Briefing) -> tuple[np.ndarray, list[object]]:
    """The briefing's evidence as its positions (an array) and its quotes (a list), made once."""
    evidence = briefing.evidence
    return kept_for(
        evidence,
        "evidence-lists",
        lambda: (evidence["position"].to_numpy(dtype=np.int64), evidence["quote"].tolist()),
    )


def _texts_at(column: pd.Series, rows: np.ndarray | None, missing: str) -> list[str]:
    """`column.iloc[rows]` (None: every row) as texts, a missing value as `missing`, without pandas'
    per-operation cost on an Arrow column: a categorical one through its codes."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = [str(c) for c in column.cat.categories.tolist()]
        codes = column.cat.codes.to_numpy()
        return [
            categories[c] if c >= 0 else missing for c in (codes if rows is None else codes[rows]).tolist()
        ]
    values = column.to_numpy(dtype=object)
    return [missing if _missing(v) else str(v) for v in (values if rows is None else values[rows]).tolist()]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _cited_in_view(
    briefing: Briefing, positions: pd.DataFrame
) -> tuple[dict[object, str], dict[object, str]]:
    """Each quote cited for a position in view: that position's actor, and its assessor ("" when
    none); a quote cited for several, the last in the evidence's order. What the evidence merged
    with the positions gave (tests/test_p8_capacities.py), by NumPy and dicts: the merge and two
    Arrow casts cost most of the 6 ms a new seed selection spent here (issue 24)."""
    cited, quotes = _evidence_lists(briefing)
    held = positions["position"].to_numpy(dtype=np.int64)
    if not len(cited) or not len(held):
        return {}, {}
    order = np.argsort(held, kind="stable")
    ranked = held[order]
    at = np.searchsorted(ranked, cited, side="right") - 1  # the last row holding the position
    found = (at >= 0) & (ranked[np.maximum(at, 0)] == cited)
    rows = order[at[found]]
    actors = _texts_at(positions["actor"], rows, "nan")
    assessors = _texts_at(positions["assessed_by"], rows, "")
    subject: dict[object, str] = {}
    assessor: dict[object, str] = {}
    for quote, actor, by in zip(
        (quotes[i] for i in np.flatnonzero(found).tolist()), actors, assessors, strict=True
    ):
        subject[quote] = actor
        assessor[quote] = by
    return subject, assessor


def quote_capacities(briefing: Briefing, subset: Subset, quotes: pd.DataFrame) -> pd.Series:
    """For the quotes panel of a view about chosen actors: each quote's capacity towards them."""
    if not subset.authors:
        return pd.Series("", index=quotes.index, dtype=object)
    subject, assessor = _cited_in_view(briefing, subset.positions)
    out = []
    for quote, speaker, kind in zip(
        quotes["id"].tolist(), quotes["speaker"].tolist(), _texts_at(quotes["kind"], None, "nan"), strict=True
    ):
        about = subject.get(quote) or next(
            (a for a in subset.authors if speaker == a or speaker in briefing.spokespeople.get(a, [])),
            str(speaker),
        )
        out.append(capacity(briefing, about, str(speaker), assessor.get(quote, ""), kind))
    return pd.Series(out, index=quotes.index, dtype=object)


def capacity_counts(capacities: pd.Series) -> dict[str, int]:
    """How many quotes in view (their `quote_capacities`) are the chosen actors' own words, their
    spokespeople's, reported (paraphrased) words, assessors' readings, or other cited words: what
    the header's count is made of."""
    counts = capacities.value_counts()
    return {k: int(counts.get(k, 0)) for k in CAPACITIES}
