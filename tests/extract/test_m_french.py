"""French reporting (dashboard/extract/marked.py): a name after a cue that follows the sentence's own
words, not a quotation nor a comma, is whom the cue names, not who speaks ("… remercie la Chine
pour …"); a cue whose subject is the impersonal "on" ("on l'a souvent répété", "dit-on") is nobody's
statement. Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "aliases": ["Chine"]},
        {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": []},
        {"id": "jean-noel-barrot", "name": "Jean-Noël Barrot", "kind": "official", "aliases": []},
        {"id": "sergey-lavrov", "name": "Sergey Lavrov", "kind": "official", "aliases": ["Sergueï Lavrov"]},
    ]
)


def _drafts(text: str) -> list[tuple[str | None, str]]:
    found, _ = extract_marked(text, "fr", ACTORS)
    return [(q.speaker.name if q.speaker else None, q.text) for q in found]


def test_the_name_after_a_cue_in_the_sentence_is_its_object() -> None:
    text = "Le ministre reçoit son homologue au Quai d'Orsay et remercie la Chine pour son rôle de médiateur."
    assert "China" not in [speaker for speaker, _ in _drafts(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« La médiation avance », a déclaré Jean-Noël Barrot.", "Jean-Noël Barrot"),
        (
            "La médiation avance bien selon nous, a déclaré Jean-Noël Barrot devant la presse.",
            "Jean-Noël Barrot",
        ),
        ("Jean-Noël Barrot a remercié la Chine pour son rôle de médiateur.", "Jean-Noël Barrot"),
    ],
)
def test_a_name_after_a_quotation_or_a_comma_still_speaks(text: str, speaker: str) -> None:
    assert [s for s, _ in _drafts(text)] == [speaker]


def test_the_impersonal_on_is_nobodys_statement() -> None:
    text = (
        "Nous le savons, et on l'a souvent répété, se joue en Ukraine la sécurité du continent, et nous "
        "en avons parlé avec Sergueï Lavrov."
    )
    assert _drafts(text) == []


def test_a_named_speaker_reporting_what_on_says_still_speaks() -> None:
    text = "Sergueï Lavrov a souligné que la situation restait fragile dans toute la région."
    assert [s for s, _ in _drafts(text)] == ["Sergey Lavrov"]
