"""A seat's epithet before the verb names its holder (issue 22, thirteenth round, from the eleventh
French set opened as development material): "Le locataire de l'Élysée a réitéré son appel à « … »"
is the briefing's President of France, with the apostrophe straight or curly; the tenant of a
flat is no one's office. Short texts written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extract.briefings import load_briefing
from dashboard.extract.marked import extract_marked

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "devsets"


def _speakers(text: str, language: str) -> dict[str, str | None]:
    briefing = load_briefing(SETS / language / "briefing")[0]
    assert briefing is not None
    found, _ = extract_marked(text, language, briefing.actors)
    return {d.text: (d.speaker.name if d.speaker else None) for d in found}


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_the_tenant_of_the_elysee_is_the_president_of_france(apostrophe: str) -> None:
    text = (
        "Macron à Washington\n\n"
        "Le ministre Jean-Noël Barrot accompagnait ce lundi Emmanuel Macron à Washington. "
        f"Le locataire de l{apostrophe}Élysée a réitéré son appel à "
        '"une paix solide et durable" en Ukraine.\n'
    )
    assert _speakers(text, "fr").get("une paix solide et durable") == "Emmanuel Macron"


def test_a_tenant_of_no_seat_names_no_one() -> None:
    text = 'Titre\n\nLe locataire de l\'appartement a réitéré son appel à "une paix solide et durable".\n'
    assert _speakers(text, "fr").get("une paix solide et durable") is None


def test_a_headlines_statement_the_body_quotes_is_the_bodys() -> None:
    text = (
        "Gaza: La France appelle toutes les parties à respecter le cessez-le-feu\n\n"
        "Le ministre français des Affaires étrangères Jean-Noël Barrot a exprimé mardi sa préoccupation, "
        "appelant « toutes les parties à respecter le cessez-le-feu » en vigueur depuis le 10 octobre.\n"
    )
    briefing = load_briefing(SETS / "fr" / "briefing")[0]
    assert briefing is not None
    found, _ = extract_marked(text, "fr", briefing.actors)
    headline_end = text.index("\n")
    assert not any(d.start < headline_end for d in found), found
    said = [d for d in found if d.text == "toutes les parties à respecter le cessez-le-feu"]
    assert [(d.kind, d.speaker.name if d.speaker else None) for d in said] == [
        ("partial", "Jean-Noël Barrot")
    ], said
    # a lead on the first line (no headline) keeps its own words
    lead = text.split("\n\n", 1)[1]
    kept, _ = extract_marked(lead, "fr", briefing.actors)
    assert any(d.text == "toutes les parties à respecter le cessez-le-feu" for d in kept)


def test_answers_under_a_headline_naming_an_unnamed_spokesperson_are_theirs() -> None:
    text = (
        "Point de presse live du porte-parole adjoint du MEAE\n\n"
        "Q - Quelle est votre réaction à la situation en Haïti ?\n\n"
        "R - La France suit la situation avec la plus grande attention et appelle au calme.\n"
    )
    found, _ = extract_marked(text, "fr", None)
    [answer] = [d for d in found if d.how == "turn"]
    assert answer.speaker is not None and answer.speaker.name == "porte-parole adjoint du MEAE"
    # with no spokesperson in the headline, nobody is made up
    plain, _ = extract_marked(text.replace("du porte-parole adjoint du MEAE", "du 14 mars"), "fr", None)
    assert all(d.speaker is None for d in plain if d.how in ("turn", "unknown"))
