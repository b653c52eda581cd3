"""The history view's pure parts: the filters (person, record, dates) and each event's heading."""

from __future__ import annotations

from datetime import date

from dashboard.ledger import Change, Event
from dashboard.views.ledger import change_html, heading, matching, provenance_line

EVENTS = [
    Event(
        1,
        "2026-12-01T09:00:00+00:00",
        "baseline",
        "system",
        "the dashboard",
        changes=(Change("actors/blinken", None, {"id": "blinken"}),),
    ),
    Event(
        2,
        "2026-12-02T10:30:00+00:00",
        "save",
        "acct-ana",
        "Ana <ana@x.example>",
        "wire-1",
        changes=(Change("quotes/q-1", None, {"id": "q-1", "text": "<b>hi</b>"}),),
    ),
    Event(
        3,
        "2026-12-03T11:00:00+00:00",
        "outside",
        "outside",
        "edited outside the dashboard",
        changes=(Change("actors/blinken", {"id": "blinken", "name": "A"}, {"id": "blinken", "name": "B"}),),
    ),
    Event(
        4,
        "2026-12-04T12:00:00+00:00",
        "undo",
        "acct-ben",
        "Ben",
        reverts=2,
        changes=(Change("quotes/q-1", {"id": "q-1", "text": "<b>hi</b>"}, None),),
    ),
]


def test_the_filters_narrow_by_person_record_and_day() -> None:
    assert [e.seq for e in matching(EVENTS, "", "", None, None)] == [1, 2, 3, 4]
    assert [e.seq for e in matching(EVENTS, "Ben", "", None, None)] == [4]
    assert [e.seq for e in matching(EVENTS, "", "BLINKEN", None, None)] == [1, 3]
    assert [e.seq for e in matching(EVENTS, "", "", date(2026, 12, 2), date(2026, 12, 3))] == [2, 3]


def test_each_event_says_what_who_and_from_what() -> None:
    assert heading(EVENTS[1]) == (
        "#2 · 2026-12-02 10:30:00 UTC · save by Ana <ana@x.example> · 1 record · from wire-1"
    )
    assert heading(EVENTS[2]).startswith("#3 · 2026-12-03 11:00:00 UTC · edited outside the dashboard · ")
    assert "undo of #2 by Ben" in heading(EVENTS[3])


def test_a_change_shows_only_the_fields_that_differ_and_escapes_them() -> None:
    html = change_html(EVENTS[2].changes[0])
    assert "<th scope='row'>name</th><td>A</td><td>B</td>" in html and "scope='row'>id<" not in html
    assert "&lt;b&gt;hi&lt;/b&gt;" in change_html(EVENTS[1].changes[0])


def test_the_provenance_line_names_who_recorded_and_who_checked() -> None:
    checked = Event(
        5,
        "2026-12-05T08:00:00+00:00",
        "save",
        "acct-ana",
        "Ana",
        reviewed_by="Ben [acct-ben]",
        changes=(Change("quotes/q-2", None, {"id": "q-2"}),),
    )
    found = {
        "quotes/q-1": EVENTS[1],
        "quotes/q-2": checked,
        "actors/blinken": EVENTS[0],
        "positions/china~nk@2024-11-01": EVENTS[2],
    }
    line = provenance_line(
        found,
        [
            "positions/china~nk@2024-11-01",
            "quotes/q-1",
            "quotes/q-2",
            "actors/blinken",
            "quotes/not-recorded",
        ],
    )
    assert line == (
        "Recorded: position china~nk by hand, outside the dashboard on 2026-12-03; "
        "quote q-1 by Ana <ana@x.example> on 2026-12-02; quote q-2 by Ana on 2026-12-05, "
        "checked by Ben; 1 record before the history began"
    )
    assert provenance_line(found, ["quotes/unknown"]) == ""
