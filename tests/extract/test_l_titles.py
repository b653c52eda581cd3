"""Titles before a name, per language (dashboard/extract/languages.py `titles`): German "Premier",
"Oppositionsführer", "der Hohe Vertreter"; French the state's adjective between the office and the
name ("le Premier ministre britannique Keir Starmer"); Russian the state's adjective and "верховный"
before the office ("британский премьер Кир Стармер"). The speaker is the name, without its title.
Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

# none of them in the briefing: each is proposed by the name as written, less its title
ACTORS = pd.DataFrame(columns=["id", "name", "kind", "aliases"])


@pytest.mark.parametrize(
    ("code", "text", "speaker"),
    [
        (
            "de",
            "„Wir stehen an der Seite der Ukraine“, sagte der britische Premier Keir Starmer.",
            "Keir Starmer",
        ),
        ("de", "Der Hohe Vertreter Josep Borrell erklärte: „Europa muss mehr tun.“", "Josep Borrell"),
        ("de", "„Wir werden nicht nachgeben“, sagte Oppositionsführer Friedrich Merz.", "Friedrich Merz"),
        (
            "fr",
            "« L'Europe doit faire plus », a déclaré le Premier ministre britannique Keir Starmer.",
            "Keir Starmer",
        ),
        (
            "fr",
            "« L'Europe doit faire plus », a déclaré la ministre allemande Annalena Baerbock.",
            "Annalena Baerbock",
        ),
        # Russian: the state's adjective and "верховный" before the office
        (
            "ru",
            "«Европа должна делать больше», — заявил британский премьер Кир Стармер.",
            "Кир Стармер",
        ),
        (
            "ru",
            "«Европа должна делать больше», — заявил верховный представитель ЕС Жозеп Боррель.",
            "Жозеп Боррель",
        ),
    ],
)
def test_the_speaker_is_the_name_after_its_title(code: str, text: str, speaker: str) -> None:
    found, _ = extract_marked(text, code, ACTORS)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in found] == [("direct", speaker)]


def test_a_state_adjective_with_no_name_after_it_is_a_description() -> None:
    """ "le président français" after Macron was named: still the one met before."""
    actors = pd.DataFrame(
        [{"id": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "official", "aliases": []}]
    )
    text = "Emmanuel Macron a rencontré Olaf Scholz. « Nous sommes unis », a déclaré le président français."
    found, _ = extract_marked(text, "fr", actors)
    assert [(q.speaker.name if q.speaker else None, q.how) for q in found] == [
        ("Emmanuel Macron", "description")
    ]
