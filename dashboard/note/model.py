"""The briefing note's model: what the page shows, as a document, before any format is chosen.

The note says what the page says: the filters in words, the absolute link back to the view, the
matrix, and per issue each actor's reading (stance, basis mark, assessor, confidence, as-of, summary)
with its evidence quoted verbatim (speaker, role, whom they speak for, date, source). A counterpart
brief leads with its groups, a comparison with its counts. A view with thousands of rows gives a note
that says what it cut and how to narrow it, never a 500-page file: every list below has a bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

import pandas as pd

from dashboard import compare as comparing
from dashboard import filters, matrix, translations
from dashboard.briefing import Briefing
from dashboard.citation import said_day_text
from dashboard.escape import is_missing
from dashboard.note.counterpart import NoteBrief, brief_view
from dashboard.pages import VIEW_BY_ID
from dashboard.reading import capacity, capacity_words, spoken_through
from dashboard.records import UNKNOWN
from dashboard.selection import PARAMS, Selection
from dashboard.vocabulary import HIDDEN, STANCE_LABELS

MAX_ISSUES = 30  # issues with their readings; more are cut, and the note says so
MAX_READINGS = matrix.MAX_ACTORS  # readings per issue: every row of the page's matrix
MAX_DETAILED = 100  # readings with a summary or evidence, in all; more are listed by name only
MAX_QUOTES = 6  # evidence quotes per reading
MAX_EVIDENCE = 100  # evidence quotes in all
MAX_TABLE_ROWS = 40  # matrix rows in the note's table and picture
MAX_TABLE_COLUMNS = matrix.MAX_ISSUES  # matrix columns: as many as the page draws at once
MAX_OTHER_QUOTES = 40  # quotes in view that no reading cites
MAX_QUOTE_CHARACTERS = 4_000  # of one quote (about a page); the rest is said to be in the briefing
MAX_FIELD_CHARACTERS = 2_000  # of one summary or context
MAX_QUOTED_CHARACTERS = 100_000  # of quotes in the whole note (about 30 pages); more are left out
NO_MARKING = "No classification marking given in the briefing"  # printed where a marking goes
BOUNDS = {
    "issues": MAX_ISSUES,
    "readings per issue": MAX_READINGS,
    "readings with summary or evidence": MAX_DETAILED,
    "evidence quotes per reading": MAX_QUOTES,
    "evidence quotes": MAX_EVIDENCE,
    "matrix rows": MAX_TABLE_ROWS,
    "matrix columns": MAX_TABLE_COLUMNS,
    "other quotes": MAX_OTHER_QUOTES,
    "characters of one quote": MAX_QUOTE_CHARACTERS,
    "characters of one summary or context": MAX_FIELD_CHARACTERS,
    "characters of quotes in all": MAX_QUOTED_CHARACTERS,
}


@dataclass(frozen=True)
class NoteQuote:
    text: str
    kind: str
    speaker: str
    who: str  # role · speaks for … · affiliation
    capacity: str  # own, spokesperson, reported, assessor, other (reading.capacity)
    date: str
    publisher: str
    source_title: str
    url: str  # as written in the record; renderers decide whether it may be a link
    context: str = ""
    cut: int = 0  # characters of the quote past MAX_QUOTE_CHARACTERS, not printed
    capacity_text: str = ""  # the capacity in words, towards the reading's actor ("" when none)
    translation: str = ""  # an analyst's or a tool's translation, beside the words, never for them
    translation_label: str = ""  # "Translation into English by …, 2026-12-06 — not the speaker's words"


@dataclass(frozen=True)
class NoteReading:
    actor: str
    actor_kind: str
    glyph: str
    stance: str
    reading: str  # reading.describe: stance, basis, assessor, confidence, as-of
    summary: str
    evidence: tuple[NoteQuote, ...] = ()
    more_evidence: int = 0


@dataclass(frozen=True)
class NoteAlike:
    """Readings with neither summary nor evidence that read the same (a roll call's yes votes):
    one line naming every actor, instead of one line each."""

    glyph: str
    stance: str
    reading: str
    actors: tuple[str, ...]


@dataclass(frozen=True)
class NoteIssue:
    title: str
    statement: str
    readings: tuple[NoteReading, ...]
    more_readings: int = 0
    alike: tuple[NoteAlike, ...] = ()


@dataclass
class Note:
    title: str
    classification: str
    as_of: str
    summary: str
    filters: list[str]
    link: str
    generated: str
    problems: int  # data problems (errors) in the briefing: records left out
    view: str = "matrix"
    table_columns: list[str] = field(default_factory=list)
    table_rows: list[tuple[str, list[str]]] = field(default_factory=list)
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)  # the table's cells, for the picture
    selected: tuple[str, str] | None = None  # the open cell, ringed in the picture
    issues: list[NoteIssue] = field(default_factory=list)
    brief: NoteBrief | None = None  # when the view is a counterpart brief
    compare: list[str] = field(default_factory=list)  # compare summary lines, when comparing
    other_quotes: list[NoteQuote] = field(default_factory=list)  # in view, cited by no reading
    cuts: list[str] = field(default_factory=list)  # what the note left out, and how to see it
    remarks: list[str] = field(default_factory=list)  # what the view shows that the note does not
    sources: list[str] = field(default_factory=list)  # publishers behind the cells, most cited first
    budget: _Budget | None = field(default=None, repr=False)  # what is left of the note's bounds


def quote_body(kind: str, words: str, cut: int = 0) -> str:
    """A quote's words marked by kind, in every format: a direct quote in quotation marks, a partial
    one with ellipses around, a paraphrase said to be one; a quote cut for length says so after its
    closing mark (the words printed are the record's, never shortened inside the marks unsaid)."""
    said = (
        (
            f" [the note prints the first {MAX_QUOTE_CHARACTERS:,} characters of a quote: "
            f"{cut:,} more of this one are in the briefing]"
        )
        if cut
        else ""
    )
    if kind == "direct":
        return f"“{words}”{said}"
    if kind == "partial":
        return f"…“{words}”…{said}"
    return f"(paraphrase) {words}{said}"


def shortened(text: str, limit: int = MAX_FIELD_CHARACTERS) -> str:
    """A summary or context as the note prints it: whole up to `limit` characters, else cut and
    said to be."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit:,} more characters in the briefing]"


# Parameters whose values are actor ids, and the one whose values are issue ids: named in words.
_ACTOR_VALUED = ("actors", "compare", "align", "partners", "vs", "members")
_NOT_DESCRIBED = ("briefing", "rows_page", "first_column")  # the note's own cuts say these


def _in_words(briefing: Briefing, name: str, value: object) -> list[str]:
    names, titles = briefing.actor_names, briefing.issue_titles
    if name == "cell" and isinstance(value, tuple):
        return [f"{names.get(value[0], value[0])} on {titles.get(value[1], value[1])}"]
    if name == "pair" and isinstance(value, tuple):
        return [f"{names.get(value[0], value[0])} and {names.get(value[1], value[1])}"]
    values = list(value) if isinstance(value, tuple) else [value]
    shown = [v.isoformat() if isinstance(v, date) else ("yes" if v is True else str(v)) for v in values]
    if name in _ACTOR_VALUED:
        return [names.get(v, v) for v in shown]
    if name == "issues":
        return [titles.get(v, v) for v in shown]
    if name == "stances":
        return [STANCE_LABELS.get(v, v) for v in shown]
    return shown


def describe_filters(briefing: Briefing, selection: Selection) -> list[str]:
    """The filters and settings that made the view, in words, one a line (each parameter's label
    from the one table, selection.PARAMS)."""
    default = Selection()
    lines = []
    for param in PARAMS:
        value = selection.value(param.name)
        if param.name in _NOT_DESCRIBED or value == default.value(param.name):
            continue
        lines.append(f"{param.label}: {', '.join(_in_words(briefing, param.name, value))}")
    return lines or ["none (the whole briefing)"]


def note_quote(
    briefing: Briefing, quotes: pd.DataFrame, quote_id: str, actor: str, assessor: str
) -> NoteQuote | None:
    """A quote as the note prints it; `quotes` is the briefing's quotes indexed by id."""
    if quote_id not in quotes.index:
        return None
    q = quotes.loc[quote_id]
    source = briefing.source_records.get(str(q["source"]), {})
    record = briefing.actor_records.get(str(q["speaker"]), {})
    who = [str(record[k]) for k in ("role",) if isinstance(record.get(k), str)]
    if isinstance(record.get("represents"), str):
        who.append("speaks for " + briefing.actor_names.get(str(record["represents"]), ""))
    if isinstance(record.get("affiliation"), str):
        who.append(str(record["affiliation"]))
    words = str(q["text"])
    translated = translations.of(q)
    speaker = briefing.actor_names.get(str(q["speaker"]), str(q["speaker"]))
    publisher = str(source.get("publisher", ""))
    code = capacity(briefing, actor, str(q["speaker"]), assessor, str(q["kind"]))
    return NoteQuote(
        text=words[:MAX_QUOTE_CHARACTERS],
        cut=max(0, len(words) - MAX_QUOTE_CHARACTERS),
        kind=str(q["kind"]),
        speaker=briefing.actor_names.get(str(q["speaker"]), str(q["speaker"])),
        who=" · ".join(who),
        capacity=code,
        capacity_text=capacity_words(
            code,
            briefing.actor_names.get(actor, actor),
            speaker=speaker,
            publisher=publisher,
            through=spoken_through(briefing, str(q["speaker"]), actor),
        ),
        date=said_day_text(q),
        publisher=str(source.get("publisher", "")),
        source_title=str(source.get("title", "")),
        url="" if is_missing(source.get("url")) else str(source.get("url")),
        context=" ".join(
            part
            for part in (
                translations.rendering_label(q) + "." if translations.rendering_label(q) else "",
                "" if is_missing(q.get("context")) else shortened(str(q["context"])),
            )
            if part
        ),
        translation=shortened(translated.text) if translated else "",
        translation_label=translated.label if translated else "",
    )


@dataclass
class _Budget:
    """What is left of the note-wide bounds while the issues are written."""

    detailed: int = MAX_DETAILED
    evidence: int = MAX_EVIDENCE
    characters: int = MAX_QUOTED_CHARACTERS
    readings_cut: int = 0
    evidence_cut: int = 0
    long_cut: int = 0  # quotes left out because the note's quoted characters ran out

    def fits(self, quote: NoteQuote) -> bool:
        """Whether the quote still fits in the note's characters of quotes (and takes them)."""
        if len(quote.text) > self.characters:
            self.long_cut += 1
            return False
        self.characters -= len(quote.text)
        return True


def _issue_sections(briefing: Briefing, cells: pd.DataFrame, note: Note) -> None:
    quotes = briefing.quotes.set_index("id")
    evidence = briefing.evidence.groupby("position")["quote"].agg(list)
    issue_ids = list(dict.fromkeys(cells["issue"]))
    if len(issue_ids) > MAX_ISSUES:
        note.cuts.append(
            f"Readings are given for the first {MAX_ISSUES} of {len(issue_ids):,} "
            "issues in view: narrow by issue, topic or date for the others."
        )
    statements = briefing.issues.set_index("id")["statement"]
    budget = _Budget()
    for issue in issue_ids[:MAX_ISSUES]:
        on_issue = cells[(cells["issue"] == issue) & ~cells["stance"].astype(str).isin([UNKNOWN, HIDDEN])]
        readings, alike = _readings(briefing, on_issue.head(MAX_READINGS), quotes, evidence, budget)
        note.issues.append(
            NoteIssue(
                briefing.issue_titles.get(issue, issue),
                str(statements.get(issue, "")),
                readings,
                max(0, len(on_issue) - MAX_READINGS),
                alike,
            )
        )
    if budget.readings_cut:
        note.cuts.append(
            f"{budget.readings_cut:,} readings past the first {MAX_DETAILED} with a "
            "summary or evidence are named without them: narrow by actor or issue."
        )
    if budget.evidence_cut:
        note.cuts.append(
            f"{budget.evidence_cut:,} evidence quotes past the first {MAX_EVIDENCE} "
            "are left out: narrow by actor or issue to read them."
        )
    note.budget = budget


def _readings(
    briefing: Briefing, rows: pd.DataFrame, quotes: pd.DataFrame, evidence: pd.Series, budget: _Budget
) -> tuple[tuple[NoteReading, ...], tuple[NoteAlike, ...]]:
    readings: list[NoteReading] = []
    alike: dict[tuple[str, str, str], list[str]] = {}
    for row in rows.itertuples(index=False):
        ids = evidence.get(row.position, []) if row.position >= 0 else []
        if (not ids and not row.summary) or budget.detailed <= 0:
            budget.readings_cut += bool(ids or row.summary)
            key = (str(row.glyph), str(row.stance), str(row.reading))
            alike.setdefault(key, []).append(str(row.actor_name))
            continue
        budget.detailed -= 1
        taken = ids[: min(MAX_QUOTES, budget.evidence)]
        budget.evidence -= len(taken)
        budget.evidence_cut += max(0, min(len(ids), MAX_QUOTES) - len(taken))
        found = [note_quote(briefing, quotes, q, str(row.actor), str(row.assessed_by)) for q in taken]
        kept = tuple(q for q in found if q is not None and budget.fits(q))
        readings.append(
            NoteReading(
                str(row.actor_name),
                str(row.actor_kind),
                str(row.glyph),
                str(row.stance),
                str(row.reading),
                shortened(str(row.summary)),
                kept,
                max(0, len(ids) - len(kept)),
            )
        )
    return tuple(readings), tuple(NoteAlike(*key, tuple(names)) for key, names in alike.items())


def _table(cells: pd.DataFrame, note: Note) -> None:
    columns = list(dict.fromkeys(cells["issue"]))
    rows = list(dict.fromkeys(cells["actor"]))
    if len(rows) > MAX_TABLE_ROWS:
        note.cuts.append(
            f"The matrix shows the first {MAX_TABLE_ROWS} of {len(rows):,} rows: "
            "narrow by actor or kind for the others."
        )
    if len(columns) > MAX_TABLE_COLUMNS:
        note.cuts.append(
            f"The matrix shows the first {MAX_TABLE_COLUMNS} of {len(columns):,} "
            "issues: narrow by issue, topic or date for the others."
        )
    shown = cells[
        cells["actor"].isin(rows[:MAX_TABLE_ROWS]) & cells["issue"].isin(columns[:MAX_TABLE_COLUMNS])
    ]
    if "actor_label" not in shown:
        shown = shown.assign(actor_label=shown["actor_name"])
    note.cells = shown.reset_index(drop=True)
    titles = dict(zip(shown["issue"], shown["issue_title"], strict=True))
    note.table_columns = [str(titles[c]) for c in columns[:MAX_TABLE_COLUMNS]]
    glyphs = shown.set_index(["actor", "issue"])["glyph"]
    labels = dict(zip(shown["actor"], shown["actor_label"], strict=True))
    for actor in rows[:MAX_TABLE_ROWS]:
        note.table_rows.append(
            (str(labels[actor]), [str(glyphs.get((actor, c), "")) for c in columns[:MAX_TABLE_COLUMNS]])
        )


def _matrix_view(briefing: Briefing, selection: Selection, note: Note) -> tuple[filters.Subset, pd.DataFrame]:
    """The page's matrix for a selection: the same subset, page of rows and window of columns."""
    subset = filters.apply(briefing, selection.filters)
    shown = matrix.grid_of(briefing, subset, selection.filters, replace(selection.matrix, group="issues"))
    window = shown.window
    if window.rows_pages > 1 or window.issues_shown < window.issues_total:
        last = window.first_issue + window.issues_shown - 1
        note.cuts.append(
            f"The page shows {window.actors_shown} of {window.actors_total:,} actors (rows page "
            f"{window.rows_page} of {window.rows_pages}) and issues {window.first_issue:,}–"
            f"{last:,} of {window.issues_total:,}; so does this note."
        )
    if selection.matrix.group == "topics":
        note.remarks.append(
            "The page groups the matrix's columns by topic; this note gives the issues one by one."
        )
    return subset, shown.cells


def _compare_view(
    briefing: Briefing, selection: Selection, note: Note
) -> tuple[filters.Subset, pd.DataFrame]:
    """Compare's subset and cells, issues divergent first, as the compare view lists them."""
    subset, comparison = comparing.comparison_for(briefing, selection.filters, selection.comparison.actors)
    note.compare = comparing.summary(briefing, comparison)
    ignored = comparing.ignored(selection.filters)
    if ignored:
        note.compare.append("Compare does not apply the sidebar's " + ", ".join(ignored) + " filters.")
    order = list(comparing.divergent_first(comparison)["issue"])
    cells = comparison.cells
    rank = cells["issue"].map({issue: i for i, issue in enumerate(order)})
    cells = cells.assign(_rank=rank.to_numpy()).sort_values(["_rank"], kind="stable")
    return subset, cells.drop(columns="_rank")


def build(
    briefing: Briefing,
    selection: Selection,
    *,
    link: str = "",
    problems: int = 0,
    now: datetime | None = None,
) -> Note:
    """The note for a selection: the same subset, grid, comparison or brief the page computes."""
    meta = briefing.meta
    note = Note(
        title=meta.title,
        classification=meta.classification,
        as_of=meta.as_of.isoformat() if meta.as_of else "unknown",
        summary=meta.summary,
        filters=describe_filters(briefing, selection),
        link=link,
        generated=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        problems=problems,
        view=selection.view,
        selected=selection.matrix.cell,
    )
    actors, vs = selection.filters.actors, selection.brief.vs
    if selection.view == "compare" and len(selection.comparison.actors) >= 2:
        subset, cells = _compare_view(briefing, selection, note)
    elif selection.view == "brief" and actors and vs not in ("", actors[0]):
        subset, cells, note.brief = brief_view(briefing, selection)
    else:
        if selection.view in ("compare", "brief"):
            note.remarks.append(
                "The view needs two actors (compare: two to four; brief: the actor "
                "briefed and the counterpart); the link names too few, so this "
                "note gives the matrix."
            )
        remark = VIEW_BY_ID[selection.view].note
        note.remarks.extend([remark] if remark else [])
        subset, cells = _matrix_view(briefing, selection, note)
    if cells.empty:
        return note
    _table(cells, note)
    note.sources = cell_sources(briefing, note.cells)
    _issue_sections(briefing, cells, note)
    _other_quotes(briefing, subset.quotes, note)
    return note


def cell_sources(briefing: Briefing, cells: pd.DataFrame) -> list[str]:
    """The publishers of what the cells rest on (each position's own source and its evidence
    quotes' sources), the most cited first: the picture's source line."""
    held = cells.loc[cells["position"] >= 0, "position"].astype(int)
    positions = briefing.positions[briefing.positions["position"].isin(held)]
    quote_ids = briefing.evidence.loc[briefing.evidence["position"].isin(held), "quote"]
    quoted = briefing.quotes.loc[briefing.quotes["id"].isin(quote_ids), "source"]
    ids = pd.concat([positions["source"].dropna(), quoted.dropna()]).astype(str)
    publishers = briefing.sources.set_index("id")["publisher"]
    named = [str(publishers.get(i)) if not is_missing(publishers.get(i)) else i for i in ids]
    return [str(n) for n in pd.Series(named, dtype=object).value_counts(sort=True).index]


def _other_quotes(briefing: Briefing, quotes: pd.DataFrame, note: Note) -> None:
    cited = {q.text for issue in note.issues for r in issue.readings for q in r.evidence}
    by_id = briefing.quotes.set_index("id")
    rest = quotes[~quotes["text"].isin(cited)].sort_values("when", ascending=False, kind="stable")
    if len(rest) > MAX_OTHER_QUOTES:
        note.cuts.append(
            f"Other quotes: the {MAX_OTHER_QUOTES} most recent of {len(rest):,} are "
            "given: narrow by actor, issue or date for the others."
        )
    budget = note.budget or _Budget()
    for quote_id, speaker in zip(
        rest["id"].head(MAX_OTHER_QUOTES), rest["speaker"].head(MAX_OTHER_QUOTES), strict=True
    ):
        found = note_quote(briefing, by_id, quote_id, str(speaker), "")
        if found is not None and budget.fits(found):
            note.other_quotes.append(found)
    if budget.long_cut:
        note.cuts.append(
            f"{budget.long_cut:,} quotes are left out: the note prints at most "
            f"{MAX_QUOTED_CHARACTERS:,} characters of quotes. Narrow by actor, issue "
            "or date to read them."
        )
