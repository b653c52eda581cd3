"""The reading of actor A on issue I: one notion of a cell, used by every view and every download.

A reading is the latest position in view — stance, basis, confidence, as-of, summary, who assessed it —
and the quotes it rests on, each with the capacity its speaker spoke in (the actor's own words, one who
speaks for it, the assessor's reading, or someone else the record cites). Where there is no position
the reading says why: no record at all, or a record the filters hide. `describe` is the one sentence a
reading becomes in text; the matrix tooltip, cards, compare, the quotes panel, the note and the CSVs
all print it, so no view can say more or less than another.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.briefing import Briefing
from dashboard.filters import Subset, members
from dashboard.records import UNKNOWN
from dashboard.selection import filter_word
from dashboard.vocabulary import (
    BASIS_LABELS,
    CONFIDENCE_LABELS,
    HIDDEN,
    KIND_LABELS,
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

    @property
    def glyph(self) -> str:
        return glyph(self.stance, self.basis)

    @property
    def text(self) -> str:
        return describe(
            self.stance, self.basis, self.confidence, self.as_of, self.assessor_name, self.hidden_by
        )


def describe(
    stance: str,
    basis: str = "",
    confidence: str = "",
    as_of: str = "",
    assessor: str = "",
    hidden_by: str = "",
) -> str:
    """The reading in words: 'Opposes ? — inferred by Shi Yinhong · low confidence · as of 2024-11-02'.

    The glyph and basis mark lead, as in the matrix cell, so text and picture say the same.
    """
    if stance == HIDDEN:
        return f"{STANCE_LABELS[HIDDEN]} ({hidden_by})" if hidden_by else STANCE_LABELS[HIDDEN]
    if stance == UNKNOWN:
        return "No record in this briefing"
    parts = [f"{STANCE_LABELS.get(stance, stance)} {glyph(stance, basis)}"]
    how = []
    if basis == "inferred":
        how.append(f"inferred by {assessor}" if assessor else "inferred by someone else (assessor not named)")
    elif basis:
        how.append(BASIS_LABELS.get(basis, basis) + (f", assessed by {assessor}" if assessor else ""))
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
    briefing stays cheap.
    """
    actors = subset.actors if actors is None else actors
    issues = subset.issues if issues is None else issues
    actor_ids = actors["id"].to_numpy(dtype=object)
    issue_ids = issues["id"].to_numpy(dtype=object)
    cells = pd.DataFrame(
        {"actor": np.repeat(actor_ids, len(issue_ids)), "issue": np.tile(issue_ids, len(actor_ids))}
    )
    keys = pd.MultiIndex.from_arrays([cells["actor"], cells["issue"]])
    shown = _latest_by_cell(subset, subset.positions, actor_ids, issue_ids).reindex(keys)
    in_scope = _cells_with_records(subset.scope, actor_ids, issue_ids).reindex(keys, fill_value=0)
    stance = shown["stance"].astype(object).to_numpy()
    has = pd.notna(stance)
    scoped = in_scope.to_numpy() > 0
    state = np.where(has, stance, np.where(scoped | subset.unknown_hidden, HIDDEN, UNKNOWN))
    basis = shown["basis"].astype(object).where(has, "").to_numpy()
    names = briefing.actor_names
    assessor = shown["assessed_by"].astype(object)
    evidence_count = briefing.evidence.groupby("position").size()
    kind_label = actors["kind"].astype(str).map(KIND_LABELS)
    out = cells.assign(
        stance=pd.Categorical(state, categories=STANCE_DOMAIN),
        basis=basis,
        confidence=shown["confidence"].astype(object).fillna("").to_numpy(),
        as_of=pd.to_datetime(shown["as_of"]).dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
        summary=shown["summary"].astype(object).fillna("").to_numpy(),
        assessed_by=assessor.fillna("").to_numpy(),
        assessor_name=assessor.map(names).fillna("").to_numpy(),
        position=shown["position"].fillna(-1).astype(int).to_numpy(),
        n_quotes=shown["position"].map(evidence_count).fillna(0).astype(int).to_numpy(),
        n_positions=_positions_per_cell(subset, keys, has),
        second_hand=np.isin(basis, SECOND_HAND_BASES),
        actor_name=cells["actor"].map(names).to_numpy(),
        actor_kind=cells["actor"].map(dict(zip(actors["id"], kind_label, strict=True))).to_numpy(),
        issue_title=cells["issue"].map(briefing.issue_titles).to_numpy(),
    )
    hidden_by = _hidden_reason(subset.hides)
    out["hidden_by"] = np.where(state == HIDDEN, hidden_by, "")
    out["glyph"] = [glyph(s, b) for s, b in zip(state, basis, strict=True)]
    out["reading"] = [
        describe(*r)
        for r in zip(
            state, basis, out["confidence"], out["as_of"], out["assessor_name"], out["hidden_by"], strict=True
        )
    ]
    return out


def _latest_by_cell(
    subset: Subset, positions: pd.DataFrame, actor_ids: np.ndarray, issue_ids: np.ndarray
) -> pd.DataFrame:
    """The latest position of each (actor, issue) among `positions`, indexed by the pair as text."""
    if len(actor_ids) * len(issue_ids) < len(positions):
        positions = positions[members(positions["actor"], actor_ids) & members(positions["issue"], issue_ids)]
    latest = subset.latest(positions)
    return latest.set_index([latest["actor"].astype(str), latest["issue"].astype(str)])


def _cells_with_records(scope: pd.DataFrame, actor_ids: np.ndarray, issue_ids: np.ndarray) -> pd.Series:
    if scope.empty:
        return pd.Series(dtype=int, index=pd.MultiIndex.from_arrays([[], []]))
    scope = scope[members(scope["actor"], actor_ids) & members(scope["issue"], issue_ids)]
    counts = scope.groupby([scope["actor"].astype(str), scope["issue"].astype(str)]).size()
    return counts


def _positions_per_cell(subset: Subset, cells: pd.MultiIndex, has: np.ndarray) -> np.ndarray:
    """How many positions (over time) each cell has in view: one per record unless there is history."""
    if not subset.history:
        return has.astype(int)
    history = subset.positions.groupby(["actor", "issue"], observed=True).size()
    if history.empty:
        return np.zeros(len(cells), dtype=int)
    history.index = history.index.set_levels(
        [history.index.levels[0].astype(str), history.index.levels[1].astype(str)]
    )
    return np.asarray(history.reindex(cells).fillna(0).astype(int).to_numpy())


# ------------------------------------------------------------------------------- one cell's words


CAPACITIES: tuple[str, ...] = ("own", "spokesperson", "reported", "assessor", "other")
QUOTED_KINDS: tuple[str, ...] = ("direct", "partial")  # the speaker's words; a paraphrase is not


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


# The same capacities counted, as the header says them: "3 own words, 2 reported, not quoted".
CAPACITY_COUNT_WORDS: dict[str, str] = {
    "own": "own words",
    "spokesperson": "by those who speak for them",
    "reported": "paraphrased (not their words)",
    "assessor": "readings by assessors",
    "other": "cited by others",
}


def possessive(name: str) -> str:
    """'China's', 'United States'' (a name ending in s takes the apostrophe alone)."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def capacity_words(code: str, about: str, *, speaker: str = "", publisher: str = "") -> str:
    """The one wording of a capacity, for every view, the header, the CSV and the notes: `about` is
    the actor's name, `speaker` the speaker's, `publisher` the source's."""
    if code == "own":
        return f"{possessive(about)} own words"
    if code == "spokesperson":
        return f"speaks for {about}"
    if code == "reported":
        return f"reported by {publisher}, not quoted" if publisher else "reported, not quoted"
    if code == "assessor":
        return f"{possessive(speaker)} reading" if speaker else f"a reading of {about}"
    if code == "other":
        return f"cited for {about}"
    return ""


def reading_of(
    briefing: Briefing, subset: Subset, actor: str, issue: str, cells: pd.DataFrame | None = None
) -> Reading:
    """The reading of one cell, with its evidence quotes in the order the record lists them.

    `cells`: `grid` rows already made for this subset (the matrix's page); the cell's row is read
    from them when it is there, instead of computing the cell again (most of a click's server time).
    """
    actors = briefing.actors[briefing.actors["id"] == actor]
    issues = briefing.issues[briefing.issues["id"] == issue]
    if actors.empty or issues.empty:
        return Reading(actor, issue, UNKNOWN)
    found = None if cells is None else cells[(cells["actor"] == actor) & (cells["issue"] == issue)]
    row = (
        found.iloc[0] if found is not None and len(found) else grid(briefing, subset, actors, issues).iloc[0]
    )
    evidence: tuple[Evidence, ...] = ()
    if row["position"] >= 0:
        ids = briefing.evidence.loc[briefing.evidence["position"] == row["position"], "quote"]
        speakers = briefing.quotes.set_index("id")["speaker"]
        kinds = briefing.quotes.set_index("id")["kind"].astype(str)
        evidence = tuple(
            Evidence(
                q,
                str(speakers[q]),
                capacity(briefing, actor, str(speakers[q]), str(row["assessed_by"]), str(kinds[q])),
            )
            for q in ids
            if q in speakers.index
        )
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
    )


def cell_quotes(briefing: Briefing, subset: Subset, reading: Reading) -> pd.DataFrame:
    """The quotes behind a cell: its evidence first, then the actor's other words on the issue (its
    own and those of whoever speaks for it). Columns: the quote's, plus `capacity` and `is_evidence`."""
    evidence_ids = [e.quote for e in reading.evidence]
    speakers = [reading.actor, *briefing.spokespeople.get(reading.actor, [])]
    on_issue = briefing.quote_issues.loc[briefing.quote_issues["issue"] == reading.issue, "quote"]
    quotes = briefing.quotes
    related = quotes.loc[quotes["speaker"].isin(speakers) & quotes["id"].isin(on_issue), "id"]
    order = list(dict.fromkeys([*evidence_ids, *related]))
    found = quotes.set_index("id").reindex(order).dropna(subset=["speaker"]).reset_index()
    found["is_evidence"] = found["id"].isin(evidence_ids)
    found["capacity"] = [
        capacity(briefing, reading.actor, str(s), reading.assessed_by) for s in found["speaker"]
    ]
    return found


def quote_capacities(briefing: Briefing, subset: Subset, quotes: pd.DataFrame) -> pd.Series:
    """For the quotes panel of a view about chosen actors: each quote's capacity towards them."""
    if not subset.authors:
        return pd.Series("", index=quotes.index, dtype=object)
    cited = briefing.evidence.merge(subset.positions[["position", "actor", "assessed_by"]], on="position")
    subject = dict(zip(cited["quote"], cited["actor"].astype(str), strict=False))
    assessor = dict(zip(cited["quote"], cited["assessed_by"].fillna("").astype(str), strict=False))
    out = []
    for quote, speaker, kind in zip(quotes["id"], quotes["speaker"], quotes["kind"].astype(str), strict=True):
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
