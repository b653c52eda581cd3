"""Speakers of marked quotations in other languages (dashboard/extract/marked.py,
dashboard/extract/languages.py) on reporting not seen before, by how each language reports speech.
Each text is written for the test."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.languages import LANGUAGES
from dashboard.extract.marked import extract_marked

FR_ACTORS = pd.DataFrame(
    [
        {"id": "france", "name": "France", "kind": "state", "aliases": ["Paris", "l'Élysée", "Élysée"]},
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russie", "Moscou"]},
        {
            "id": "martin",
            "name": "Anne Martin",
            "kind": "official",
            "aliases": ["Martin"],
            "role": "Spokesperson of the Russian Foreign Ministry",
            "represents": "russia",
        },
        {
            "id": "durand",
            "name": "Paul Durand",
            "kind": "official",
            "aliases": ["Durand"],
            "role": "President of France",
            "represents": "france",
        },
        {
            "id": "ministry",
            "name": "French Foreign Ministry",
            "kind": "organization",
            "aliases": ["ministère des Affaires étrangères", "Quai d'Orsay", "le Quai d'Orsay"],
            "represents": "france",
        },
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def _kinds(text: str, code: str, actors: pd.DataFrame) -> list[tuple[str, str]]:
    found, _ = extract_marked(text, code, actors)
    return [(q.kind, q.text) for q in found]


def test_fr_a_demonstrative_points_back_to_the_one_just_named() -> None:
    # "Celle-ci", "Celui-ci" open a sentence on the one named before, never a new speaker
    text = (
        "Paul Durand a parlé mardi. La porte-parole Anne Martin a critiqué le projet. « Nous refusons ce "
        "texte », a-t-elle déclaré.\n\nCelle-ci a dénoncé une « provocation ». « Ce texte est "
        "inacceptable », a-t-elle ajouté.\n"
    )
    drafts = _drafts(text, "fr", FR_ACTORS)
    assert drafts["provocation"] == "Anne Martin"
    assert drafts["Ce texte est inacceptable"] == "Anne Martin"
    text = (
        "Anne Martin a parlé mardi. « Nous resterons fermes », a déclaré Paul Durand.\n\nCelui-ci a "
        "accusé Moscou d'une « escalade ».\n"
    )
    assert _drafts(text, "fr", FR_ACTORS)["escalade"] == "Paul Durand"


def test_fr_any_verb_inverted_after_the_words_is_an_incise() -> None:
    # the incise inverts its pronoun after any verb and tense: "avait-il poursuivi", "poursuit-elle",
    # "estiment-ils"; its pronoun points back to the one speaking
    pattern = LANGUAGES["fr"].cue_pattern()
    for incise in ("avait-il", "poursuit-elle", "estiment-ils", "a-t-elle", "ajoute-t-il"):
        assert pattern.fullmatch(incise), incise
    text = (
        "« Nous resterons fermes », a déclaré Paul Durand. Anne Martin a répondu dans la soirée.\n\n"
        "« Et donc c'est une menace pour nous », avait-elle poursuivi.\n"
    )
    assert _drafts(text, "fr", FR_ACTORS)["Et donc c'est une menace pour nous"] == "Anne Martin"


def test_fr_verbs_of_saying_in_every_tense() -> None:
    # the imperfect of the regular verbs ("qualifiait", "déclarait", "lançait", "jugeait") and the
    # verbs of going on, describing and citing ("a poursuivi", "avait dépeint", "a cité")
    cues = LANGUAGES["fr"].cues
    for verb in ("qualifiait", "déclaraient", "lançait", "jugeait", "poursuivi", "dépeint", "cité"):
        assert verb in cues, verb
    text = (
        "Anne Martin a parlé mardi. Elle a évoqué les propos de Paul Durand, lorsqu'il qualifiait la "
        "Russie de « prédateur ».\n"
    )
    drafts = _drafts(text, "fr", FR_ACTORS)
    assert drafts["prédateur"] == "Paul Durand"
    # a name given in marks is a partial quotation, not also a paraphrase of all after the verb
    assert [k for k, _ in _kinds(text, "fr", FR_ACTORS)] == ["partial"]


def test_fr_the_subject_after_a_clause_set_off_by_a_comma_is_the_speaker() -> None:
    # French sets a clause of time or circumstance off by a comma before the subject: words in marks
    # with no cue in that sentence are the subject's, not the one quoted before
    text = (
        "« Nous resterons fermes », a déclaré Anne Martin.\n\nDans une interview à la télévision, "
        "enregistrée lundi, Paul Durand avait décrit la Russie comme un pays qui, « pour sa survie », "
        "aurait « besoin de s'étendre ».\n\nAprès que vingt pays ont « formalisé très précisément leur "
        "contribution », M. Durand a refusé de « révéler le détail de notre organisation ».\n"
    )
    drafts = _drafts(text, "fr", FR_ACTORS)
    assert drafts["pour sa survie"] == "Paul Durand"
    assert drafts["besoin de s'étendre"] == "Paul Durand"
    assert drafts["formalisé très précisément leur contribution"] == "Paul Durand"
    assert drafts["révéler le détail de notre organisation"] == "Paul Durand"


def test_fr_a_body_named_with_titles_in_its_name_is_the_subject_of_its_cue() -> None:
    # "le ministère des Affaires étrangères précise que …": a body whose name holds title words;
    # a verb joined by "et" shares the subject the sentence opens on
    text = (
        "En outre, le ministère des Affaires étrangères précise que la France « n'a pas participé à ces "
        "frappes ».\n"
    )
    assert _drafts(text, "fr", FR_ACTORS)["n'a pas participé à ces frappes"] == "French Foreign Ministry"
    text = "Le Quai d'Orsay a publié un communiqué dimanche et a exprimé sa « préoccupation ».\n"
    assert _drafts(text, "fr", FR_ACTORS)["préoccupation"] == "French Foreign Ministry"
    # a name complementing the subject's noun is not its head: "Le locataire de l'Élysée" is no state
    text = (
        "« Nous resterons fermes », a déclaré Paul Durand.\n\nLe locataire de l'Élysée a réitéré son "
        "appel à « une paix durable ».\n"
    )
    assert _drafts(text, "fr", FR_ACTORS)["une paix durable"] != "France"


def test_fr_a_connective_opening_a_sentence_is_no_speaker() -> None:
    # "Puis, il est ajouté :" — a connective capitalised at the sentence's start names nobody; the
    # statement quoted before goes on
    text = (
        "Le Quai d'Orsay a publié un communiqué dimanche : « La France appelle à la retenue. »\n\n"
        "Puis, il est ajouté : « La France reste prête à contribuer à une solution négociée. »\n"
    )
    drafts = _drafts(text, "fr", FR_ACTORS)
    assert drafts["La France reste prête à contribuer à une solution négociée."] == "French Foreign Ministry"


def test_fr_what_a_reply_was_to_is_not_what_was_said() -> None:
    # "a réagi aux bombardements": the object of a reaction is not a paraphrase of its words
    text = (
        "« Nous verrons », a déclaré Anne Martin.\n\nPaul Durand a réagi ce dimanche matin aux "
        "bombardements américains sur les sites nucléaires iraniens.\n"
    )
    assert _kinds(text, "fr", FR_ACTORS) == [("direct", "Nous verrons")]


DE_ACTORS = pd.DataFrame(
    [
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Russland", "Moskau"]},
        {"id": "nato", "name": "NATO", "kind": "organization", "aliases": ["Nato", "NATO", "Allianz"]},
        {
            "id": "sacharowa",
            "name": "Maria Sacharowa",
            "kind": "official",
            "aliases": ["Sacharowa"],
            "role": "Spokesperson of the Russian Foreign Ministry",
            "represents": "russia",
        },
        {
            "id": "peskow",
            "name": "Dmitri Peskow",
            "kind": "official",
            "aliases": ["Peskow"],
            "role": "Kremlin spokesman",
            "represents": "russia",
        },
        {
            "id": "putin",
            "name": "Wladimir Putin",
            "kind": "official",
            "aliases": ["Putin"],
            "role": "President of Russia",
            "represents": "russia",
        },
        {
            "id": "lang",
            "name": "Eva Lang",
            "kind": "official",
            "aliases": ["Lang"],
            "role": "Defence Minister",
        },
        {
            "id": "roth",
            "name": "Jan Roth",
            "kind": "official",
            "aliases": ["Roth"],
            "role": "Foreign Minister",
        },
    ]
)


def test_de_a_name_in_apposition_after_the_description_is_the_speaker() -> None:
    # "sagte die Sprecherin des Außenministeriums, Maria Sacharowa": the description is followed by
    # the name; it points back to nobody met before (here a body that spoke)
    text = (
        "NATO-Admiral Karl Weber hatte erklärt, die Allianz prüfe eine verschärfte Reaktion.\n"
        "Russland kritisiert die Äußerungen. Dies sei „ein extrem unverantwortlicher Schritt“, sagte die "
        "Sprecherin des Außenministeriums, Maria Sacharowa, am Montag.\n"
    )
    assert _drafts(text, "de", DE_ACTORS)["ein extrem unverantwortlicher Schritt"] == "Maria Sacharowa"


def test_an_apposition_between_the_subject_and_its_cue_names_nobody_new() -> None:
    # "X, Pressesprecher des russischen Präsidenten Wladimir Putin, sagte": the subject the sentence
    # opens on speaks, not the name inside the apposition set off by commas
    text = (
        "Die Nato prüft neue Schritte. Dmitri Peskow, Pressesprecher des russischen Präsidenten Wladimir "
        "Putin, sagte, dass eine „solche Rhetorik zunehmend zu hören ist“.\n"
    )
    assert _drafts(text, "de", DE_ACTORS)["solche Rhetorik zunehmend zu hören ist"] == "Dmitri Peskow"
    text = (
        "« Nous verrons », a déclaré Anne Martin. Paul Durand, qui a reçu la porte-parole Anne Martin, a "
        "déclaré que la France était « prête ».\n"
    )
    assert _drafts(text, "fr", FR_ACTORS)["prête"] == "Paul Durand"


def test_de_a_description_after_the_cue_points_back_to_the_one_just_introduced() -> None:
    # "Außenminister Jan Roth forderte … . „…“, sagte der CDU-Politiker": the person the sentence
    # before opens on, not the one quoted before them
    text = (
        "„Wir werden die Luftverteidigung stärken“, sagte Lang.\n\nAußenminister Jan Roth forderte eine "
        "entschlossene Reaktion. „Wir stehen zusammen“, sagte der CDU-Politiker vor seiner Abreise.\n"
    )
    assert _drafts(text, "de", DE_ACTORS)["Wir stehen zusammen"] == "Jan Roth"
    # and under a heading with no stop of its own
    text = text.replace(
        "\n\nAußenminister", "\n\nAußenminister: Geschlossen gegen jede Gefahr\n\nAußenminister"
    )
    assert _drafts(text, "de", DE_ACTORS)["Wir stehen zusammen"] == "Jan Roth"
    # a sentence opening on a pronoun introduces nobody: the one speaking goes on
    text = (
        "„Wir werden die Luftverteidigung stärken“, sagte Lang. Sie traf Roth in Berlin. „Wir stehen "
        "zusammen“, sagte die Ministerin.\n"
    )
    assert _drafts(text, "de", DE_ACTORS)["Wir stehen zusammen"] == "Eva Lang"


KO_ACTORS = pd.DataFrame(
    [
        {"id": "korea", "name": "South Korea", "kind": "state", "aliases": ["한국"]},
        {"id": "japan", "name": "Japan", "kind": "state", "aliases": ["일본"]},
        {
            "id": "lee",
            "name": "Lee Min-su",
            "kind": "official",
            "aliases": ["이민수"],
            "role": "President of South Korea",
            "represents": "korea",
        },
    ]
)


def test_ko_the_words_between_a_name_and_its_title_are_the_titles() -> None:
    # "이혁 신임 주일 대사는": the new ambassador to Japan, 이혁 — "신임" (new), "주일" (resident in
    # Japan) belong to the title, not the name; "이 대사는" then points back to him, not to the
    # president of the same surname
    text = (
        '이민수 대통령은 어제 일본을 방문했다.\n\n이정호 신임 주일 대사는 "양국 관계를 잘 관리할 것"이라고 '
        '밝혔습니다.\n\n이 대사는 "협력과 교류에 영향을 미치지 않도록 하겠다"고 말했습니다.\n'
    )
    drafts = _drafts(text, "ko", KO_ACTORS)
    assert drafts["양국 관계를 잘 관리할 것"] == "이정호"
    assert drafts["협력과 교류에 영향을 미치지 않도록 하겠다"] == "이정호"


def test_military_ranks_are_titles_before_a_name() -> None:
    # "NATO-Admiral Karl Weber", "L'amiral Pierre Leroy": a rank (with a body joined to it, or an
    # elided article) before the name is a title, the person after it speaks, not the body
    text = "NATO-Admiral Karl Weber hatte erklärt, die Allianz prüfe eine „verschärfte Reaktion“.\n"
    assert _drafts(text, "de", DE_ACTORS)["verschärfte Reaktion"] == "Karl Weber"
    text = "L'amiral Pierre Leroy a déclaré que l'Alliance étudiait une « réponse plus ferme ».\n"
    assert _drafts(text, "fr", FR_ACTORS)["réponse plus ferme"] == "Pierre Leroy"
