"""The history of the open briefing (dashboard/ledger.py), in a dialog opened from the sidebar:
every event newest first, who and when and from what, each record before and after; filtered by
person, record and date; a broken chain said at the top; and, for editors on an editing server,
Undo, which writes a new event (dashboard/undo.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import ledger, proposals, serving
from dashboard.escape import html_text, markdown_literal
from dashboard.ledger import Change, Event
from dashboard.views import account
from dashboard.vocabulary import counted

SHOWN_EVENTS = 200  # newest first; older ones by narrowing the dates
SHOWN_CHANGES = 50  # per event


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def change_html(change: Change) -> str:
    """One record's change as an HTML table of its fields, before and after (text escaped)."""
    rows = "".join(
        f"<tr><th scope='row'>{html_text(name)}</th><td>{html_text(_value(old))}</td>"
        f"<td>{html_text(_value(new))}</td></tr>"
        for name, old, new in change.fields()
    )
    return (
        f"<div class='ledger-change'><strong>{html_text(change.kind)}</strong> "
        f"<code>{html_text(change.key)}</code><table><thead><tr><th>field</th><th>before</th>"
        f"<th>after</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def heading(event: Event) -> str:
    """'#5 · 2026-12-06 02:06 UTC · save by Ana <ana@…> · 3 records · from wire-1'."""
    when = event.at.replace("T", " ").replace("+00:00", " UTC")
    what = {
        "baseline": "history starts",
        "outside": "edited outside the dashboard",
        "undo": f"undo of #{event.reverts}",
    }.get(event.action, event.action)
    said = f"#{event.seq} · {when} · {what}"
    if event.action != "outside":
        said += f" by {event.name}"
    said += f" · {counted(len(event.changes), 'records')}"
    if event.source:
        said += f" · from {event.source}"
    if event.reviewed_by:
        said += f" · checked by {event.reviewed_by.rsplit(' [', 1)[0]}"
    return said


def matching(
    events: list[Event], person: str, record: str, start: date | None, end: date | None
) -> list[Event]:
    """The events of `person` (a name as listed, or '' for anyone) touching a record whose key
    holds `record`, made between `start` and `end` (inclusive, UTC days)."""
    found = []
    for event in events:
        day = date.fromisoformat(event.at[:10])
        if person and event.name != person:
            continue
        if record and not any(record.lower() in c.key.lower() for c in event.changes):
            continue
        if (start and day < start) or (end and day > end):
            continue
        found.append(event)
    return found


def _render_event(folder: Path, event: Event, record: str, may_undo: bool) -> None:
    with st.expander(heading(event), key=f"ledger-event-{event.seq}"):
        if event.comment:
            st.caption(f"Why: {markdown_literal(event.comment)}")
        st.caption(f"Subject id: {markdown_literal(event.subject)} · hash {event.hash[:16]}")
        if event.action == "baseline":
            st.write(f"The {len(event.changes)} records the history starts from.")
            return
        changes = [c for c in event.changes if not record or record.lower() in c.key.lower()]
        st.html("".join(change_html(c) for c in changes[:SHOWN_CHANGES]))
        if len(changes) > SHOWN_CHANGES:
            st.caption(f"… and {len(changes) - SHOWN_CHANGES} more records.")
        if not may_undo:
            return
        only = st.multiselect(
            "Undo only these records (all when none is chosen)",
            [c.key for c in event.changes],
            key=f"ledger-only-{event.seq}",
        )
        total = len(event.changes)
        which = (
            f"{len(only)} of {total} records" if only else f"all {total} record{'' if total == 1 else 's'}"
        )
        if st.button(
            f"Undo #{event.seq}: {which}",  # the label says what the press will undo
            key=f"ledger-undo-{event.seq}",
            help="Puts these records back as they were before it, as a new event; "
            "refused if later work depends on them",
        ):
            _undo(folder, event, only or None)


def _undo(folder: Path, event: Event, keys: list[str] | None) -> None:
    from dashboard.undo import UndoRefused, undo

    try:
        written = undo(folder, event.seq, account.current(), keys=keys)
    except UndoRefused as refusal:
        st.error(markdown_literal(str(refusal)), icon=":material/block:")
        return
    st.success(
        f"Undone as event #{written.seq}. Reload the page to see the briefing as it is now.",
        icon=":material/undo:",
    )


@st.dialog("History of changes", width="large")
def _render_dialog(folder: Path, may_undo: bool) -> None:
    try:
        verdict = ledger.verify(folder)
        events = ledger.events(folder)
        waiting = ledger.pending(folder)
    except ledger.LedgerError as error:
        st.error(markdown_literal(str(error)), icon=":material/error:")
        return
    for problem in verdict.problems:
        st.error(markdown_literal(problem), icon=":material/gpp_bad:")
    if waiting:
        st.warning(
            f"{counted(len(waiting), 'records')} {'was' if len(waiting) == 1 else 'were'} changed "
            "outside the dashboard since the last event; the next save records them: "
            + markdown_literal(", ".join(c.key for c in waiting[:10])),
            icon=":material/edit_note:",
        )
    if not events:
        st.info(
            "No change has been recorded in this briefing yet: its history starts with the first save.",
            icon=":material/history:",
        )
        return
    people = sorted({e.name for e in events})
    by_person, by_record, since, until = st.columns([3, 3, 2, 2])
    person = by_person.selectbox(
        "Person", ["", *people], key="ledger-person", format_func=lambda name: name or "anyone"
    )
    record = by_record.text_input("Record id contains", key="ledger-record")
    start = since.date_input("From", value=None, key="ledger-from")
    end = until.date_input("To", value=None, key="ledger-to")
    shown = matching(events, person, record.strip(), start, end)[::-1]
    st.caption(
        f"{len(shown)} of {len(events)} events, newest first; the chain is "
        + ("broken: see above." if verdict.problems else f"intact (head {verdict.head[:16]}).")
    )
    for event in shown[:SHOWN_EVENTS]:
        _render_event(folder, event, record.strip(), may_undo and event.action != "baseline")


def _writes() -> bool:
    """Whether this server may write into briefings: started for editing (`make edit`), and not
    refused on a network address without sign-in (the server-wide switch)."""
    from dashboard.extract import editing_enabled

    address = str(st.get_option("server.address") or "")
    return editing_enabled() and not serving.editing_refusal(address)


def proposal_html(proposal: proposals.Proposal) -> str:
    """What a proposal would add, record by record (text escaped)."""
    records = proposal.accepted
    items = (
        [
            f"<li>source <code>{html_text(str(records['source'].get('id', '')))}</code>: "
            f"{html_text(str(records['source'].get('title', '')))}</li>"
        ]
        if records.get("source")
        else []
    )
    items += [
        f"<li>actor <code>{html_text(str(a.get('id', '')))}</code>: {html_text(str(a.get('name', '')))}</li>"
        for a in records.get("actors", [])
    ]
    items += [
        f"<li>quote by <code>{html_text(str(q.get('speaker', '')))}</code>: "
        f"“{html_text(str(q.get('text', '')))}”</li>"
        for q in records.get("quotes", [])
    ]
    items += [
        f"<li>position <code>{html_text(str(p.get('actor', '')))}</code> on "
        f"<code>{html_text(str(p.get('issue', '')))}</code>: {html_text(str(p.get('stance', '')))}"
        "</li>"
        for p in records.get("positions", [])
    ]
    return f"<ul class='proposal'>{''.join(items)}</ul>"


def _decide(folder: Path, proposal: proposals.Proposal) -> None:
    from dashboard.extract.saving import SaveRefused  # an editing server's: the viewer lacks filelock

    me = account.current()
    own = proposal.subject == me.subject
    if own:
        st.caption("Yours: another editor approves it.")
    approve, reject = st.columns(2)
    if approve.button("Approve and save", key=f"review-approve-{proposal.id}", disabled=own, type="primary"):
        try:
            result = proposals.approve(folder, proposal.id, me)
        except (proposals.ReviewRefused, SaveRefused) as refusal:
            st.error(markdown_literal(str(refusal)), icon=":material/block:")
            return
        added = sum(len(ids) for ids in result.added.values())
        st.success(
            f"Approved and saved: {counted(added, 'records')}, recorded as checked by you.",
            icon=":material/task_alt:",
        )
    reason = reject.text_input("Why reject it", key=f"review-reason-{proposal.id}", disabled=own)
    if reject.button("Reject", key=f"review-reject-{proposal.id}", disabled=own):
        try:
            proposals.reject(folder, proposal.id, me, reason)
        except proposals.ReviewRefused as refusal:
            st.error(markdown_literal(str(refusal)), icon=":material/block:")
            return
        st.success("Rejected; the reason is in the history.", icon=":material/cancel:")


@st.dialog("Waiting for a second pair of eyes", width="large")
def _render_review(folder: Path, may_decide: bool) -> None:
    waiting = proposals.listed(folder)
    if not waiting:
        st.info("Nothing is waiting for review.", icon=":material/task_alt:")
        return
    for proposal in waiting:
        when = proposal.at.replace("T", " ").replace("+00:00", " UTC")
        with st.expander(
            f"#{proposal.id} · {when} · by {proposal.name} · {proposal.label}", key=f"review-{proposal.id}"
        ):
            if proposal.comment:
                st.caption(f"Why: {markdown_literal(proposal.comment)}")
            records, article = st.columns(2)
            records.html(proposal_html(proposal))
            article.text_area(
                "The article",
                proposal.article or "(no text kept)",
                height=240,
                disabled=True,
                key=f"review-article-{proposal.id}",
            )
            if may_decide:
                _decide(folder, proposal)


_FOLDER = "ledger:folder"  # the open briefing's folder, for the regions that rerun alone


def provenance_line(found: dict[str, Event], keys: list[str]) -> str:
    """'Recorded: quote q-1 by Ana on 2026-12-06, checked by Ben; …' for the records `keys` names
    that have a history ('' when none has)."""
    said, before = [], 0
    for key in keys:
        event = found.get(key)
        if event is None:
            continue
        if event.action == "baseline":
            before += 1
            continue
        what = key.split("/", 1)[0].rstrip("s") + " " + key.split("/", 1)[1].split("@")[0]
        who = "by hand, outside the dashboard" if event.action == "outside" else f"by {event.name}"
        line = f"{what} {who} on {event.at[:10]}"
        if event.reviewed_by:
            line += f", checked by {event.reviewed_by.rsplit(' [', 1)[0]}"
        said.append(line)
    if before:
        said.append(f"{counted(before, 'records')} before the history began")
    return ("Recorded: " + "; ".join(said)) if said else ""


def render_provenance(keys: list[str]) -> None:
    """Who recorded the records behind what is shown, and who checked them (once the open
    briefing has a history)."""
    folder = st.session_state.get(_FOLDER)
    if not isinstance(folder, Path) or not ledger.store_path(folder).is_file():
        return
    try:
        line = provenance_line(ledger.provenance(folder), keys)
    except ledger.LedgerError:
        return
    if line:
        st.caption(markdown_literal(line))


def render_history(folder: Path, briefing_id: str) -> None:
    """The sidebar's buttons that open the open briefing's history (once it has one) and the saves
    waiting for review; Undo, Approve and Reject are offered to those who may edit it, on a server
    that writes."""
    st.session_state[_FOLDER] = folder
    if not ledger.store_path(folder).is_file():
        return
    may_edit = account.may_edit(briefing_id)
    if st.sidebar.button("History of changes", key="ledger-open", icon=":material/history:"):
        _render_dialog(folder, _writes() and may_edit)
    if may_edit and proposals.required(folder):
        waiting = len(proposals.listed(folder))
        if st.sidebar.button(f"Review ({waiting} waiting)", key="review-open", icon=":material/rate_review:"):
            _render_review(folder, _writes())
