"""A description with an indefinite article ("ein hoher Diplomat", "un ministre européen", "один из
министров") is someone the article does not name: not the person named before, nor the holder of the
office (dashboard/extract/marked.py `_unnamed`). Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "germany", "name": "Germany", "kind": "state", "aliases": ["Deutschland"]},
        {
            "id": "olaf-scholz",
            "name": "Olaf Scholz",
            "kind": "official",
            "role": "Chancellor of Germany",
            "represents": "germany",
            "aliases": [],
        },
        {
            "id": "jean-noel-barrot",
            "name": "Jean-Noël Barrot",
            "kind": "official",
            "role": "Minister for Europe and Foreign Affairs",
            "aliases": [],
        },
        {
            "id": "sergey-lavrov",
            "name": "Sergey Lavrov",
            "kind": "official",
            "role": "Minister of Foreign Affairs",
            "aliases": ["Сергей Лавров", "Лавров"],
        },
    ]
)


def _speakers(text: str, code: str) -> list[str | None]:
    found, _ = extract_marked(text, code, ACTORS)
    assert found, text
    return [q.speaker.name if q.speaker else None for q in found]


@pytest.mark.parametrize(
    ("code", "text", "unnamed"),
    [
        (
            "de",
            "Olaf Scholz empfing die Gäste in Berlin. Eine hochrangige Ministerin sagte, man sei einer "
            "Einigung nahe.",
            "Eine hochrangige Ministerin",
        ),
        (
            "de",
            "Olaf Scholz empfing die Gäste in Berlin. „Wir sind einer Einigung nahe“, sagte ein "
            "beteiligter Minister.",
            "ein beteiligter Minister",
        ),
        (
            "fr",
            "Jean-Noël Barrot a reçu ses homologues à Paris. Une ministre africaine a affirmé que "
            "l'accord était proche.",
            "Une ministre africaine",
        ),
        (
            "fr",
            "Jean-Noël Barrot a reçu ses homologues à Paris. « L'accord est proche », a affirmé un "
            "ministre africain.",
            "un ministre africain",
        ),
        (
            "ru",
            "Сергей Лавров провел переговоры в Москве. Один из министров сказал, что соглашение близко.",
            "Один из министров",
        ),
    ],
)
def test_an_indefinite_description_is_not_the_one_named_before(code: str, text: str, unnamed: str) -> None:
    assert _speakers(text, code) == [unnamed]


@pytest.mark.parametrize(
    ("code", "text", "speaker"),
    [
        (
            "fr",
            "Jean-Noël Barrot a reçu ses homologues à Paris. Le ministre a affirmé que l'accord était "
            "proche.",
            "Jean-Noël Barrot",
        ),
        (
            "ru",
            "Сергей Лавров провел переговоры в Москве. Министр сказал, что соглашение близко.",
            "Sergey Lavrov",
        ),
    ],
)
def test_a_definite_description_still_points_back(code: str, text: str, speaker: str) -> None:
    assert _speakers(text, code) == [speaker]
