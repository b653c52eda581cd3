"""Speakers of marked quotations in other languages (dashboard/extract/marked.py,
dashboard/extract/languages.py): the mechanisms that gave words to the wrong name, each on short texts
written for the test, in every language where the same choice is made."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.languages import LANGUAGES
from dashboard.extract.marked import NameBook, extract_marked

BODIES = pd.DataFrame(
    [
        {"id": "un", "name": "United Nations", "kind": "organization", "aliases": ["UN", "UNO", "ООН"]},
        {"id": "eu", "name": "European Union", "kind": "organization", "aliases": ["EU", "UE", "ЕС"]},
        {"id": "au", "name": "African Union", "kind": "organization", "aliases": ["AU", "UA"]},
        {"id": "mid", "name": "Russian Foreign Ministry", "kind": "organization", "aliases": ["МИД"]},
        {
            "id": "weber",
            "name": "Klara Weber",
            "kind": "official",
            "aliases": ["Weber"],
            "role": "Foreign Minister of Germany",
        },
        {
            "id": "morel",
            "name": "Luc Morel",
            "kind": "official",
            "aliases": ["Morel"],
            "role": "Foreign Minister of France",
        },
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def _found(text: str, code: str) -> list[str]:
    book = NameBook.of(BODIES, LANGUAGES[code])
    return [text[m.start : m.end] for m in book.find(text, 0, len(text))]


def test_a_name_in_capitals_is_no_ordinary_word() -> None:
    # "UN" with a case ending is not "Und", "AU" not "aux" or "Au", "UN" not "une", "EU" not "eu"
    assert _found("Und sage er auch: die UN und die EU, die UNO oder die Uno.", "de") == [
        "UN",
        "EU",
        "UNO",
        "Uno",
    ]
    assert _found("Au sommet de l'UA, une délégation de l'UE a eu aux Nations unies un rôle.", "fr") == [
        "UA",
        "UE",
    ]
    # a Russian case ending after capitals is the name: "МИДа", "ООН"
    assert _found("Представитель МИДа и ООН заявили.", "ru") == ["МИДа", "ООН"]


def test_de_a_pronoun_after_und_speaks_not_the_un() -> None:
    text = (
        "Weber sagte am Montag: „Wir sind auf einem guten Weg.“ Und sage er auch allen Partnern in der "
        "Region: „Diese Chance müssen sie ergreifen.“\n"
    )
    assert _drafts(text, "de", BODIES)["Diese Chance müssen sie ergreifen."] == "Klara Weber"
    text = "Weber sagte am Montag: „Wir sind bereit.“ Und fügte hinzu: „Die Zeit drängt.“\n"
    assert _drafts(text, "de", BODIES)["Die Zeit drängt."] == "Klara Weber"
