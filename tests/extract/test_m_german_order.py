"""German puts the verb second: a sentence opening on a time or a place ("Am Mittwoch", "Im Juli",
"Nach langen Beratungen") has its subject after the verb, and that opening names nobody
(dashboard/extract/marked.py `_adverbial`, `_german_subject_after`). Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "germany", "name": "Germany", "kind": "state", "aliases": ["Deutschland"]},
        {
            "id": "european-parliament",
            "name": "European Parliament",
            "kind": "organization",
            "aliases": ["Europäisches Parlament", "Parlament", "EU-Parlament"],
        },
        {
            "id": "annalena-baerbock",
            "name": "Annalena Baerbock",
            "kind": "official",
            "role": "Minister for Foreign Affairs",
            "represents": "germany",
            "aliases": [],
        },
    ]
)


def _speakers(text: str) -> list[str | None]:
    found, _ = extract_marked(text, "de", ACTORS)
    return [q.speaker.name if q.speaker else None for q in found]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Am Donnerstag betonte die Außenministerin Annalena Baerbock, dass die Hilfe weitergehen werde.",
            "Annalena Baerbock",
        ),
        (
            "Im Juli bekräftigte das Parlament, dass die Sanktionen verlängert werden müssten.",
            "European Parliament",
        ),
        (
            "Nach einer langen Debatte forderte das Parlament am Dienstag, dass die Hilfe aufgestockt werde.",
            "European Parliament",
        ),
    ],
)
def test_the_subject_after_the_verb_when_a_time_opens_the_sentence(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_day_before_the_verb_is_no_speaker() -> None:
    """With nobody of the briefing after the verb, the day is still not a name."""
    speakers = _speakers("Am Freitag erklärte ein Sprecher, dass die Gespräche fortgesetzt würden.")
    assert "Am Freitag" not in speakers and "Freitag" not in speakers


def test_a_subject_opening_the_sentence_is_read_as_before() -> None:
    assert _speakers("Das Parlament erklärte am Mittwoch, dass die Sanktionen bleiben müssten.") == [
        "European Parliament"
    ]
