"""A subject that lists several of the briefing's actors, in the languages read by their marks
(issue 22): what they say together is the first named's (benchmarks/devsets/README.md, "a
statement made jointly by two parties is one statement, spoken by the first named"), not the
last one's, which stands next to the verb. Short texts written for the purpose."""

from __future__ import annotations

from pathlib import Path

from dashboard.extract.briefings import load_briefing
from dashboard.extract.marked import extract_marked

BRIEFINGS = Path(__file__).resolve().parents[2] / "benchmarks" / "devsets"


def _speakers(text: str, language: str) -> list[str]:
    briefing, _ = load_briefing(BRIEFINGS / language / "briefing")
    found, _ = extract_marked(text, language, briefing.actors)
    return [d.speaker.key if d.speaker is not None else "" for d in found]


def test_a_french_list_of_states_speaks_as_the_first() -> None:
    text = (
        "Nucléaire iranien : les pays européens saluent le retour des sanctions\n"
        "- « Le retour des sanctions ne met pas fin au dialogue », affirment la France, le "
        "Royaume-Uni et l’Allemagne\n"
        "\n"
        "L’Allemagne, la France et le Royaume-Uni ont salué dimanche l’activation des sanctions "
        "contre l’Iran dans un communiqué conjoint.\n"
        "« Nous saluons la réactivation des résolutions », indique le communiqué.\n"
    )
    speakers = _speakers(text, "fr")
    assert speakers[1:] == ["actor:germany", "actor:germany"]


def test_one_state_named_alone_keeps_its_words() -> None:
    # the guard: no list, the one state named before the verb
    text = "Le Royaume-Uni a affirmé dimanche que « la diplomatie continue ».\n"
    assert _speakers(text, "fr") == ["actor:united-kingdom"]


def test_a_list_after_a_plural_verb_speaks_as_the_first() -> None:
    # "affirment", "déclarent": the present's plural is a cue too; the list after it, the first
    text = (
        "« Nous restons prêts », a déclaré Jean-Noël Barrot.\n"
        "\n"
        "« Le retour des sanctions ne met pas fin au dialogue », affirment la France, le Royaume-Uni "
        "et l’Allemagne.\n"
    )
    assert _speakers(text, "fr") == ["actor:jean-noel-barrot", "actor:france"]
    text = "Les trois pays déclarent que « la porte du dialogue reste ouverte ».\n"
    assert len(_speakers(text, "fr")) == 1
