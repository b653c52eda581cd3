"""Speakers of quotations and reported speech in other languages (dashboard/extract/marked.py,
dashboard/extract/languages.py): the mechanisms behind the tenth round's wrong speakers, each on
short texts written for the test, in the shapes the language writes it (names are made up)."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.languages import LANGUAGES
from dashboard.extract.marked import NameBook, extract_marked

FR_ACTORS = pd.DataFrame(
    [
        {"id": "france", "name": "France", "kind": "state", "aliases": ["Paris"]},
        {"id": "iran", "name": "Iran", "kind": "state", "aliases": ["Téhéran"]},
        {
            "id": "morel",
            "name": "Luc Morel",
            "kind": "official",
            "represents": "france",
            "role": "Minister for Europe and Foreign Affairs of France",
            "aliases": ["Morel"],
        },
        {
            # a spokesperson the analyst also wrote down by description: titles, no names
            "id": "garnier",
            "name": "Paul Garnier",
            "kind": "official",
            "represents": "france",
            "role": "Spokesperson of the French Ministry for Europe and Foreign Affairs",
            "aliases": [
                "Garnier",
                "porte-parole du Quai d'Orsay",
                "porte-parole du ministère de l’Europe et des affaires étrangères",
            ],
        },
        {
            "id": "rahimi",
            "name": "Ali Rahimi",
            "kind": "official",
            "represents": "iran",
            "aliases": ["Rahimi", "porte-parole de la diplomatie iranienne"],
        },
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def test_a_description_among_the_aliases_gives_no_surname() -> None:
    # the last word of an alias that is a description ("… des affaires étrangères", "… du Quai
    # d'Orsay") is no one's surname: "Affaires étrangères" in the minister's title, the ministry's
    # seat, name no spokesperson (a state's adjective, "… de la diplomatie iranienne", still names
    # that office's holder)
    names = NameBook.of(FR_ACTORS, LANGUAGES["fr"])
    for text in (
        "Le ministre français de l'Europe et des Affaires étrangères a parlé.",
        "Le Quai d'Orsay a parlé.",
        "Le ministre des affaires étrangères a parlé.",
    ):
        found = {str(m.record["id"]) for m in names.find(text, 0, len(text))}
        assert not found & {"garnier", "rahimi"}, text
    # the names themselves, and the whole description, still are theirs
    text = "Paul Garnier, porte-parole du Quai d'Orsay, et Rahimi."
    assert {str(m.record["id"]) for m in names.find(text, 0, len(text))} == {"garnier", "rahimi"}
    drafts = _drafts(
        "Le ministre français de l'Europe et des Affaires étrangères, Luc Morel, a annoncé un "
        "nouveau paquet de sanctions pour « épuiser l'économie de guerre » russe.\n"
        "« Un paquet est en préparation », a-t-il déclaré.\n"
        "Le ministre des Affaires étrangères a également appelé « toutes les parties à la retenue ».\n",
        "fr",
        FR_ACTORS,
    )
    assert drafts["épuiser l'économie de guerre"] == "Luc Morel"
    assert drafts["Un paquet est en préparation"] == "Luc Morel"
    assert drafts["toutes les parties à la retenue"] == "Luc Morel"
