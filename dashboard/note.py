"""The briefing note: what the page shows, as a document. One model (`build`), several renderings.

The note says what the page says: the filters in words, the absolute link back to the view, the
matrix, and per issue each actor's reading (stance, basis mark, assessor, confidence, as-of, summary)
with its evidence quoted verbatim (speaker, role, whom they speak for, date, source). A view with
thousands of rows gives a note that says what it cut and how to narrow it, never a 500-page file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pandas as pd

from dashboard import compare as comparing
from dashboard import filters, matrix
from dashboard.briefing import Briefing
from dashboard.escape import is_missing, note_text, note_url
from dashboard.reading import capacity
from dashboard.records import UNKNOWN
from dashboard.selection import PARAM_BY_FIELD, PARAMS, Selection, encode
from dashboard.vocabulary import (
    BASIS_LABELS,
    BASIS_MARKS,
    CONFIDENCE_MARKS,
    GLYPHS,
    HIDDEN,
    STANCE_DOMAIN,
    STANCE_LABELS,
)

MAX_ISSUES = 30  # issues with their readings; more are cut, and the note says so
MAX_READINGS = 40  # readings per issue
MAX_QUOTES = 6  # evidence quotes per reading
MAX_TABLE_ROWS = 40  # matrix rows in the note's table
MAX_OTHER_QUOTES = 40  # quotes in view that no reading cites


@dataclass(frozen=True)
class NoteQuote:
    text: str
    kind: str
    speaker: str
    who: str  # role · speaks for … · affiliation
    capacity: str  # own, spokesperson, assessor, other
    date: str
    publisher: str
    source_title: str
    url: str  # as written in the record; renderers decide whether it may be a link
    context: str = ""


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
class NoteIssue:
    title: str
    statement: str
    readings: tuple[NoteReading, ...]
    more_readings: int = 0


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
    table_columns: list[str] = field(default_factory=list)
    table_rows: list[tuple[str, list[str]]] = field(default_factory=list)
    issues: list[NoteIssue] = field(default_factory=list)
    compare: list[str] = field(default_factory=list)  # compare summary lines, when comparing
    other_quotes: list[NoteQuote] = field(default_factory=list)  # in view, cited by no reading
    cuts: list[str] = field(default_factory=list)  # what the note left out, and how to see it


def describe_filters(briefing: Briefing, selection: Selection) -> list[str]:
    """The filters that made the view, in words, one a line."""
    query = encode(selection.with_(briefing=""))
    names = {"actor": briefing.actor_names, "compare": briefing.actor_names,
             "align": briefing.actor_names, "issue": briefing.issue_titles}
    lines = []
    for param in PARAMS:
        values = query.get(param.query)
        if not values or param.field in ("rows_page", "first_column"):
            continue
        shown = [names.get(param.query, {}).get(v, v) for v in values]
        if param.field == "stances":
            shown = [STANCE_LABELS.get(v, v) for v in values]
        lines.append(f"{_FILTER_NAMES.get(param.field, param.query)}: {', '.join(shown)}")
    return lines or ["none (the whole briefing)"]


_FILTER_NAMES = {"actors": "Actors", "spokespeople": "Including those who speak for them",
                 "issues": "Issues", "topics": "Topics", "stances": "Stances",
                 "kinds": "Actor kinds", "bases": "Basis", "date_from": "From", "date_to": "To",
                 "query": "Quote text contains", "view": "View", "compare": "Compared",
                 "group": "Columns", "align": "Rows sorted by agreement with",
                 "cell": "Open cell", "measure": "Agreement measure", "by": "Agreement by",
                 "pair": "Pair", "since": "Changes since", "vs": "Counterpart"}
assert set(_FILTER_NAMES) | {"briefing", "rows_page", "first_column"} == set(PARAM_BY_FIELD)


def _quote(briefing: Briefing, quotes: pd.DataFrame, quote_id: str, actor: str, assessor: str
           ) -> NoteQuote | None:
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
    when = q["when"]
    return NoteQuote(
        text=str(q["text"]), kind=str(q["kind"]),
        speaker=briefing.actor_names.get(str(q["speaker"]), str(q["speaker"])),
        who=" · ".join(who), capacity=capacity(briefing, actor, str(q["speaker"]), assessor),
        date="undated" if is_missing(when) else pd.Timestamp(when).strftime("%Y-%m-%d"),
        publisher=str(source.get("publisher", "")), source_title=str(source.get("title", "")),
        url="" if is_missing(source.get("url")) else str(source.get("url")),
        context="" if is_missing(q.get("context")) else str(q["context"]),
    )


def _issue_sections(briefing: Briefing, cells: pd.DataFrame, note: Note) -> None:
    quotes = briefing.quotes.set_index("id")
    evidence = briefing.evidence.groupby("position")["quote"].agg(list)
    issue_ids = list(dict.fromkeys(cells["issue"]))
    if len(issue_ids) > MAX_ISSUES:
        note.cuts.append(f"Readings are given for the first {MAX_ISSUES} of {len(issue_ids):,} "
                         "issues in view: narrow by issue, topic or date for the others.")
    statements = briefing.issues.set_index("id")["statement"]
    for issue in issue_ids[:MAX_ISSUES]:
        on_issue = cells[(cells["issue"] == issue)
                         & ~cells["stance"].astype(str).isin([UNKNOWN, HIDDEN])]
        readings = []
        for row in on_issue.head(MAX_READINGS).itertuples(index=False):
            ids = evidence.get(row.position, []) if row.position >= 0 else []
            found = [_quote(briefing, quotes, q, str(row.actor), str(row.assessed_by))
                     for q in ids[:MAX_QUOTES]]
            readings.append(NoteReading(str(row.actor_name), str(row.actor_kind), str(row.glyph),
                                        str(row.stance), str(row.reading), str(row.summary),
                                        tuple(q for q in found if q), max(0, len(ids) - MAX_QUOTES)))
        note.issues.append(NoteIssue(briefing.issue_titles.get(issue, issue),
                                     str(statements.get(issue, "")), tuple(readings),
                                     max(0, len(on_issue) - MAX_READINGS)))


def _table(cells: pd.DataFrame, note: Note) -> None:
    columns = list(dict.fromkeys(cells["issue_title"]))
    note.table_columns = columns
    rows = list(dict.fromkeys(cells["actor_name"]))
    glyphs = cells.set_index(["actor_name", "issue_title"])["glyph"]
    if len(rows) > MAX_TABLE_ROWS:
        note.cuts.append(f"The matrix table shows the first {MAX_TABLE_ROWS} of {len(rows):,} "
                         "rows: narrow by actor or kind for the others.")
    for actor in rows[:MAX_TABLE_ROWS]:
        note.table_rows.append((actor, [str(glyphs.get((actor, c), "")) for c in columns]))


def build(briefing: Briefing, selection: Selection, *, link: str = "", problems: int = 0,
          now: datetime | None = None) -> Note:
    """The note for a selection: the same subset, grid and comparison the page computes."""
    meta = briefing.meta
    note = Note(
        title=meta.title, classification=meta.classification,
        as_of=meta.as_of.isoformat() if meta.as_of else "unknown", summary=meta.summary,
        filters=describe_filters(briefing, selection), link=link,
        generated=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"), problems=problems,
    )
    if selection.view == "compare" and len(selection.compare) >= 2:
        subset, comparison = comparing.comparison_for(briefing, selection)
        note.compare = comparing.summary(briefing, comparison)
        cells = comparison.cells
    else:
        subset = filters.apply(briefing, selection)
        shown = matrix.grid_of(briefing, subset, selection.with_(group="issues"))
        cells = shown.cells
        window = shown.window
        if window.rows_pages > 1 or window.issues_shown < window.issues_total:
            last = window.first_issue + window.issues_shown - 1
            note.cuts.append(
                f"The page shows {window.actors_shown} of {window.actors_total:,} actors (rows page "
                f"{window.rows_page} of {window.rows_pages}) and issues {window.first_issue:,}–"
                f"{last:,} of {window.issues_total:,}; so does this note.")
    if cells.empty:
        return note
    _table(cells, note)
    _issue_sections(briefing, cells, note)
    _other_quotes(briefing, subset.quotes, note)
    return note


def _other_quotes(briefing: Briefing, quotes: pd.DataFrame, note: Note) -> None:
    cited = {q.text for issue in note.issues for r in issue.readings for q in r.evidence}
    by_id = briefing.quotes.set_index("id")
    rest = quotes[~quotes["text"].isin(cited)].sort_values("when", ascending=False, kind="stable")
    if len(rest) > MAX_OTHER_QUOTES:
        note.cuts.append(f"Other quotes: the {MAX_OTHER_QUOTES} most recent of {len(rest):,} are "
                         "given: narrow by actor, issue or date for the others.")
    for quote_id, speaker in zip(rest["id"].head(MAX_OTHER_QUOTES), rest["speaker"].head(
            MAX_OTHER_QUOTES), strict=True):
        found = _quote(briefing, by_id, quote_id, str(speaker), "")
        if found:
            note.other_quotes.append(found)


# ------------------------------------------------------------------------------------- Markdown

_BREAK = "\\\n   "  # a hard line break that keeps the text inside its list item


def _quote_md(q: NoteQuote) -> str:
    words = note_text(q.text, line_break=_BREAK)
    body = f"“{words}”" if q.kind == "direct" else (f"…“{words}”…" if q.kind == "partial" else
                                                    f"(paraphrase) {words}")
    who = f" ({note_text(q.who)})" if q.who else ""
    role = _CAPACITY_WORDS.get(q.capacity, "")
    source = f"{note_text(q.publisher)}, *{note_text(q.source_title)}*"
    url = f" {note_url(q.url)}" if q.url else ""
    context = f" Context: {note_text(q.context)}" if q.context else ""
    return (f"    - {body} — **{note_text(q.speaker)}**{who}{role}, {q.date}; {source}{url}."
            f"{context}")


_CAPACITY_WORDS = {"assessor": ", the reading's assessor", "other": ", cited as evidence"}


def legend_lines() -> list[str]:
    glyphs = "; ".join(f"`{GLYPHS[s]}` {STANCE_LABELS[s]}" for s in STANCE_DOMAIN)
    marks = "; ".join(f"`{m}` {BASIS_LABELS[b]}" for b, m in BASIS_MARKS.items() if m)
    return [f"Glyphs: {glyphs}.", "",
            f"Marks after a glyph: {marks}; no mark: the actor said it.", "",
            f"Confidence is given in words below (`{CONFIDENCE_MARKS['low']}` low, "
            f"`{CONFIDENCE_MARKS['medium']}` medium on the page)."]


def markdown(note: Note) -> str:
    lines = []
    if note.classification:
        lines += [f"**{note_text(note.classification)}**", ""]
    lines += [f"# {note_text(note.title)}", "", f"As of {note.as_of}. Generated {note.generated}.",
              ""]
    if note.problems:
        lines += [f"**This briefing has {note.problems} data error(s): the records with errors are "
                  "left out of this note.**", ""]
    if note.summary:
        lines += [note_text(note.summary), ""]
    lines += ["## Filters", "", *[f"- {note_text(f)}" for f in note.filters], ""]
    if note.link:
        lines += [f"View: {note_url(note.link)}", ""]
    for cut in note.cuts:
        lines += [f"*{note_text(cut)}*", ""]
    if note.compare:
        lines += ["## Comparison", "", *[f"- {note_text(c)}" for c in note.compare], ""]
    lines += ["## Stance matrix", ""]
    if not note.table_rows:
        lines += ["No positions match these filters.", ""]
    else:
        lines.append("| Actor | " + " | ".join(note_text(c) for c in note.table_columns) + " |")
        lines.append("|" + "---|" * (len(note.table_columns) + 1))
        for actor, glyphs in note.table_rows:
            lines.append(f"| {note_text(actor)} | " + " | ".join(note_text(g) for g in glyphs)
                         + " |")
        lines += ["", *legend_lines(), ""]
    if note.issues:
        lines += ["## Readings and evidence, by issue", ""]
    for issue in note.issues:
        lines += [f"### {note_text(issue.title)}", "", f"Proposition: {note_text(issue.statement)}",
                  ""]
        if not issue.readings:
            lines += ["No reading in view.", ""]
        for reading in issue.readings:
            lines.append(f"- **{note_text(reading.actor)}** ({note_text(reading.actor_kind)}): "
                         f"{note_text(reading.reading)}")
            if reading.summary:
                lines.append(f"  - Summary: {note_text(reading.summary)}")
            lines += [_quote_md(q) for q in reading.evidence]
            if reading.more_evidence:
                lines.append(f"    - … and {reading.more_evidence} more evidence quotes.")
        if issue.more_readings:
            lines.append(f"- … and {issue.more_readings} more readings: narrow by actor.")
        lines.append("")
    if note.other_quotes:
        lines += ["## Other quotes in view", "", "Words the view includes that no reading above cites.",
                  ""]
        lines += [_quote_md(q)[4:] for q in note.other_quotes]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
