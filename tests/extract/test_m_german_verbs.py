"""German verbs of saying (dashboard/extract/marked.py): a verb split from its particle ("kündigte …
an") reports its object, past a date ("am 4. März 2024") and a name's initial that end no sentence;
"Das hat X … erklärt" and "Das sagte X" report the sentence before, X speaking. Each text is written
for the test."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "germany", "name": "Germany", "kind": "state", "aliases": ["Deutschland"]},
        {"id": "steffen-hebestreit", "name": "Steffen Hebestreit", "kind": "official", "aliases": []},
        {"id": "annalena-baerbock", "name": "Annalena Baerbock", "kind": "official", "aliases": []},
    ]
)


def _drafts(text: str) -> list[tuple[str | None, str]]:
    found, _ = extract_marked(text, "de", ACTORS)
    return [(q.speaker.name if q.speaker else None, q.text) for q in found]


def test_a_separable_verb_reports_its_object() -> None:
    text = (
        "Regierungssprecher Steffen Hebestreit kündigte am 4. März 2024 die Reise von Olaf W. Scholz "
        "nach Paris an."
    )
    assert _drafts(text) == [("Steffen Hebestreit", "die Reise von Olaf W. Scholz nach Paris")]


def test_a_verb_without_its_particle_reports_nothing_of_itself() -> None:
    assert (
        _drafts("Annalena Baerbock sprach am Montag mit dem Außenminister über die Lage in der Region.") == []
    )


def test_das_hat_x_erklaert_reports_the_sentence_before() -> None:
    text = (
        "Deutschland wird die humanitäre Hilfe für die Region um 50 Millionen Euro erhöhen. "
        "Das hat Annalena Baerbock am Wochenende in Kairo erklärt."
    )
    assert _drafts(text) == [
        (
            "Annalena Baerbock",
            "Deutschland wird die humanitäre Hilfe für die Region um 50 Millionen Euro erhöhen",
        )
    ]


def test_das_sagte_x_reports_the_sentence_before() -> None:
    text = (
        "Die Gespräche werden in der kommenden Woche fortgesetzt. "
        "Das sagte Steffen Hebestreit am Montag in Berlin."
    )
    assert _drafts(text) == [
        ("Steffen Hebestreit", "Die Gespräche werden in der kommenden Woche fortgesetzt")
    ]
