"""The note as Markdown (CommonMark): record text escaped with `escape.note_text`, so it renders as
the characters written and can open no element; only safe http(s) URLs become links."""

from __future__ import annotations

from dashboard.escape import note_text, note_url
from dashboard.note.counterpart import NoteBrief
from dashboard.note.model import Note, NoteIssue, NoteQuote, quote_body
from dashboard.vocabulary import (
    BASIS_LABELS,
    BASIS_MARKS,
    CONFIDENCE_MARKS,
    GLYPHS,
    STANCE_DOMAIN,
    STANCE_LABELS,
    counted,
)

_BREAK = "\\\n   "  # a hard line break that keeps the text inside its list item


def _quote_md(q: NoteQuote) -> str:
    body = quote_body(q.kind, note_text(q.text, line_break=_BREAK), q.cut)
    who = f" ({note_text(q.who)})" if q.who else ""
    # The capacity once: "speaks for China" already stands in the who line of its spokesman.
    role = f" ({note_text(q.capacity_text)})" if q.capacity_text and q.capacity_text not in q.who else ""
    source = f"{note_text(q.publisher)}, *{note_text(q.source_title)}*"
    url = f" {note_url(q.url)}" if q.url else ""
    context = f" Context: {note_text(q.context)}" if q.context else ""
    translation = (
        f"{_BREAK}*{note_text(q.translation_label)}:* {note_text(q.translation, line_break=_BREAK)}"
        if q.translation
        else ""
    )
    return (
        f"    - {body}{translation} — **{note_text(q.speaker)}**{who}{role}, {q.date}; {source}{url}."
        f"{context}"
    )


def legend_lines() -> list[str]:
    glyphs = "; ".join(f"`{GLYPHS[s]}` {STANCE_LABELS[s]}" for s in STANCE_DOMAIN)
    marks = "; ".join(f"`{m}` {BASIS_LABELS[b]}" for b, m in BASIS_MARKS.items() if m)
    return [
        f"Glyphs: {glyphs}.",
        "",
        f"Marks after a glyph: {marks}; no mark: the actor said it.",
        "",
        f"Confidence is given in words below (`{CONFIDENCE_MARKS['low']}` low, "
        f"`{CONFIDENCE_MARKS['medium']}` medium on the page).",
    ]


def _brief_md(brief: NoteBrief) -> list[str]:
    lines = [
        f"## Counterpart brief: {note_text(brief.actor)} meeting {note_text(brief.counterpart)}",
        "",
        note_text(brief.summary),
        "",
        note_text(brief.rules),
        "",
    ]
    for group in brief.groups:
        lines += [f"### {note_text(group.title)} · {len(group.rows) + group.more}", ""]
        if not group.rows:
            lines += ["None.", ""]
        changed = group.title.startswith("What changed")  # rows of actor: change, then stances
        for row in group.rows:
            if changed:
                lines.append(f"- **{note_text(row.issue)}**: {note_text(row.ours)}: {note_text(row.theirs)}")
                continue
            lines.append(
                f"- **{note_text(row.issue)}**: {note_text(brief.actor)}: "
                f"{note_text(row.ours)}; {note_text(brief.counterpart)}: "
                f"{note_text(row.theirs)}"
            )
        if group.more:
            lines.append(f"- … and {group.more:,} more: narrow by topic or date.")
        lines.append("")
    if brief.said_did:
        lines += ["### Said one thing, did another", "", *[f"- {note_text(s)}" for s in brief.said_did], ""]
    return lines


def _issue_md(issue: NoteIssue) -> list[str]:
    lines = [f"### {note_text(issue.title)}", "", f"Proposition: {note_text(issue.statement)}", ""]
    if not issue.readings and not issue.alike:
        lines += ["No reading in view.", ""]
    for reading in issue.readings:
        lines.append(
            f"- **{note_text(reading.actor)}** ({note_text(reading.actor_kind)}): "
            f"{note_text(reading.reading)}"
        )
        if reading.summary:
            lines.append(f"  - Summary: {note_text(reading.summary)}")
        lines += [_quote_md(q) for q in reading.evidence]
        if reading.more_evidence:
            lines.append(f"    - … and {counted(reading.more_evidence, 'more evidence quotes')}.")
    for alike in issue.alike:
        lines.append(
            f"- {note_text(alike.reading)}: "
            + ", ".join(f"**{note_text(a)}**" for a in alike.actors)
            + f" ({len(alike.actors)})"
        )
    if issue.more_readings:
        lines.append(f"- … and {issue.more_readings} more readings: narrow by actor.")
    lines.append("")
    return lines


def _matrix_md(note: Note) -> list[str]:
    lines = ["## Stance matrix", ""]
    if not note.table_rows:
        return [*lines, "No positions match these filters.", ""]
    lines.append("| Actor | " + " | ".join(note_text(c) for c in note.table_columns) + " |")
    lines.append("|" + "---|" * (len(note.table_columns) + 1))
    for actor, glyphs in note.table_rows:
        lines.append(f"| {note_text(actor)} | " + " | ".join(note_text(g) for g in glyphs) + " |")
    return [*lines, "", *legend_lines(), ""]


def _front_md(note: Note) -> list[str]:
    lines = [f"# {note_text(note.title)}", "", f"As of {note.as_of}. Generated {note.generated}.", ""]
    if note.problems:
        lines += [
            f"**This briefing has {counted(note.problems, 'data errors')}: the records with errors are "
            "left out of this note.**",
            "",
        ]
    if note.summary:
        lines += [note_text(note.summary), ""]
    lines += ["## Filters", "", *[f"- {note_text(f)}" for f in note.filters], ""]
    if note.link:
        lines += [f"View: {note_url(note.link)}", ""]
    for line in [*note.remarks, *note.cuts]:
        lines += [f"*{note_text(line)}*", ""]
    return lines


def markdown(note: Note) -> str:
    marking = [f"**{note_text(note.classification)}**", ""] if note.classification else []
    lines = [*marking, *_front_md(note)]
    if note.brief:
        lines += _brief_md(note.brief)
    if note.compare:
        lines += ["## Comparison", "", *[f"- {note_text(c)}" for c in note.compare], ""]
    lines += _matrix_md(note)
    if note.issues:
        lines += ["## Readings and evidence, by issue", ""]
    for issue in note.issues:
        lines += _issue_md(issue)
    if note.other_quotes:
        lines += [
            "## Other quotes in view",
            "",
            "Words the view includes that no reading above cites.",
            "",
            *[_quote_md(q)[4:] for q in note.other_quotes],
            "",
        ]
    return "\n".join([*lines, *marking]).rstrip("\n") + "\n"
