"""Speakers of quotations and reported speech in other languages (dashboard/extract/marked.py):
the mechanisms behind the eleventh round's wrong speakers, each on short texts written for the test,
in the shapes each language writes it (names are made up)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {
            "id": "norland",
            "name": "Norland",
            "kind": "state",
            "aliases": ["Norlande", "노르란드", "诺兰", "Норландия", "Norlands"],
        },
        {
            "id": "vesna",
            "name": "Ivo Vesna",
            "kind": "official",
            "represents": "norland",
            "role": "Spokesperson of the Ministry of Foreign Affairs of Norland",
            "aliases": ["Vesna", "베스나", "韦斯纳", "Весна"],
        },
        {
            "id": "dalen",
            "name": "Kari Dalen",
            "kind": "official",
            "represents": "norland",
            "role": "Minister of Defence of Norland",
            "aliases": ["Dalen", "달렌", "达伦", "Дален"],
        },
        {
            "id": "nna",
            "name": "Norland News Agency",
            "kind": "organization",
            "represents": "norland",
            "aliases": ["NNA"],
        },
    ]
)


def _speakers(text: str, code: str) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, ACTORS)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


# A lead that gives words to a state, and below it the one official of that state who said them:
# the lead is the reporter's summary of the official's statement (house reading of 2026-12-07, noon).
LEADS = {
    "fr": (
        "La Norlande a dénoncé mardi des « provocations inacceptables » à sa frontière.\n\n"
        "« Nous ne céderons à aucune pression », a déclaré le porte-parole Ivo Vesna.",
        "provocations inacceptables",
    ),
    "de": (
        "Norland hat am Dienstag „unannehmbare Provokationen“ an seiner Grenze verurteilt.\n\n"
        "„Wir werden keinem Druck nachgeben“, sagte Sprecher Ivo Vesna.",
        "unannehmbare Provokationen",
    ),
    "ko": (
        "노르란드는 화요일 국경에서의 “용납할 수 없는 도발”을 규탄했다.\n\n"
        "베스나 대변인은 “어떤 압력에도 굴복하지 않을 것”이라고 말했다.",
        "용납할 수 없는 도발",
    ),
    "zh": (
        "诺兰周二谴责边境发生的“不可接受的挑衅”。\n\n发言人韦斯纳表示：“我们不会屈服于任何压力。”",
        "不可接受的挑衅",
    ),
    "ru": (
        "Норландия осудила «неприемлемые провокации» на своей границе.\n\n"
        "«Мы не поддадимся никакому давлению», — заявил официальный представитель Иво Весна.",
        "неприемлемые провокации",
    ),
}


@pytest.mark.parametrize("code", sorted(LEADS))
def test_a_lead_given_to_a_state_is_its_officials_who_said_it(code: str) -> None:
    text, lead = LEADS[code]
    found = _speakers(text, code)
    assert found[lead] == "Ivo Vesna", found


@pytest.mark.parametrize("code", sorted(LEADS))
def test_a_lead_stays_the_states_when_two_of_its_officials_speak(code: str) -> None:
    # whose words the lead repeats is then not known
    text, lead = LEADS[code]
    second = {
        "fr": "\n\n« Nous sommes prêts », a ajouté le ministre Kari Dalen.",
        "de": "\n\n„Wir sind bereit“, sagte Minister Kari Dalen.",
        "ko": "\n\n달렌 장관은 “우리는 준비가 되어 있다”고 말했다.",
        "zh": "\n\n部长达伦说：“我们已经做好准备。”",
        "ru": "\n\n«Мы готовы», — добавил министр Кари Дален.",
    }[code]
    found = _speakers(text + second, code)
    assert found[lead] == "Norland", found


def test_a_lead_stays_the_states_when_only_a_medium_of_it_speaks() -> None:
    text = (
        "La Norlande a dénoncé mardi des « provocations inacceptables » à sa frontière.\n\n"
        "« Nous ne céderons pas », a rapporté l'agence NNA."
    )
    found = _speakers(text, "fr")
    assert found["provocations inacceptables"] == "Norland", found


def test_a_lead_stays_the_states_when_someone_the_briefing_does_not_know_speaks() -> None:
    # a person of no known state might be the one whose words the lead repeats
    text, lead = LEADS["fr"]
    text += "\n\nLe député Marc Fontaine a déclaré : « C'est une honte »."
    found = _speakers(text, "fr")
    assert found[lead] == "Norland", found


def test_words_given_to_the_state_after_its_official_spoke_stay_the_states() -> None:
    # the house reading is about the lead: a state's words after its official's are the state's
    text = (
        "« Nous ne céderons à aucune pression », a déclaré le porte-parole Ivo Vesna.\n\n"
        "La Norlande a par ailleurs dénoncé des « provocations inacceptables »."
    )
    found = _speakers(text, "fr")
    assert found["provocations inacceptables"] == "Norland", found


# A subject that names a state's body by the state's adjective, with no name ("la diplomatie
# norlandaise", "die norländische Regierung"): the state speaks, not a name inside the words that
# follow (fr-fresh9: "La diplomatie russe a dénoncé les « insultes » du président français X" went
# to X once the description among the spokesperson's aliases stopped giving "russe" as a surname).
BODY_ACTORS = pd.DataFrame(
    [
        {"id": "norland", "name": "Norland", "kind": "state", "aliases": ["Norlande", "Norlands"]},
        {"id": "sudmark", "name": "Sudmark", "kind": "state", "aliases": []},
        {
            "id": "berg",
            "name": "Olaf Berg",
            "kind": "official",
            "represents": "sudmark",
            "role": "President of Sudmark",
            "aliases": ["Berg"],
        },
    ]
)


def _body_speakers(text: str, code: str, actors: pd.DataFrame = BODY_ACTORS) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


@pytest.mark.parametrize(
    "text",
    [
        "La diplomatie norlandaise a dénoncé les « insultes vulgaires » du président Olaf Berg.",
        "Vendredi, la diplomatie norlandaise a dénoncé des « insultes vulgaires ».",
        "Le gouvernement norlandais a dénoncé vendredi des « insultes vulgaires ».",
        "Les autorités norlandaises ont dénoncé des « insultes vulgaires ».",
        "Le ministère norlandais a qualifié ces propos d'« insultes vulgaires ».",
    ],
)
def test_a_french_body_of_a_state_named_by_its_adjective_is_the_state(text: str) -> None:
    assert _body_speakers(text, "fr")["insultes vulgaires"] == "Norland"


def test_a_german_body_of_a_state_named_by_its_adjective_is_the_state() -> None:
    text = "Die norländische Regierung sprach von „vulgären Beleidigungen“ des Präsidenten Olaf Berg."
    assert _body_speakers(text, "de")["vulgären Beleidigungen"] == "Norland"


def test_an_office_of_a_states_body_is_no_body() -> None:
    # "le chef de la diplomatie norlandaise": an office, whose holder speaks, never the state itself
    text = "Le chef de la diplomatie norlandaise a dénoncé des « insultes vulgaires »."
    assert _body_speakers(text, "fr")["insultes vulgaires"] != "Norland"


def test_a_body_of_a_state_whose_official_the_article_quotes_is_the_officials() -> None:
    actors = pd.concat(
        [
            BODY_ACTORS,
            pd.DataFrame(
                [
                    {
                        "id": "lind",
                        "name": "Eva Lind",
                        "kind": "official",
                        "represents": "norland",
                        "role": "Spokesperson of the Ministry of Foreign Affairs of Norland",
                        "aliases": ["Lind", "Mme Lind"],
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    text = (
        "La diplomatie norlandaise a dénoncé vendredi les « insultes vulgaires » du président Olaf Berg.\n\n"
        "Ces propos « dépassent les limites de la décence », a déclaré la porte-parole Eva Lind."
    )
    found = _body_speakers(text, "fr", actors)
    assert found["insultes vulgaires"] == "Eva Lind", found


# A person the briefing does not know, named after a title in any words: the name is the speaker,
# not the one who spoke last (fr-fresh8: "…, a noté la Secrétaire générale adjointe aux affaires
# politiques et à la consolidation de la paix, Mme R. D."; fr-fresh9: "L'ambassadrice par intérim
# D. S. a justifié la position américaine : « … »", "L'ambassadeur d'Israël à l'ONU, D. D., a
# vivement critiqué la proposition : « … »").
KNOWN = pd.DataFrame(
    [
        {"id": "un", "name": "United Nations", "kind": "organization", "aliases": ["ONU", "Nations unies"]},
        {
            "id": "amari",
            "name": "Sami Amari",
            "kind": "official",
            "represents": "un",
            # (a holder of an office the long title also names, "Secretary-General", still takes
            # the words: the description is read before the name after it)
            "role": "President of the General Assembly",
            "aliases": ["Amari"],
        },
    ]
)
BEFORE = "Le Conseil de sécurité s'est réuni mardi. « Il faut agir », a dit Sami Amari.\n\n"


@pytest.mark.parametrize(
    ("text", "words", "who"),
    [
        ("« C'est une honte », a déclaré le député Marc Fontaine.", "C'est une honte", "Marc Fontaine"),
        ("« C'est une honte », a estimé lundi la sénatrice Anne Roy.", "C'est une honte", "Anne Roy"),
        (
            "« Les parties sont prêtes », a noté la Secrétaire générale adjointe aux affaires politiques "
            "et à la consolidation de la paix, Mme Rosa Diaz.",
            "Les parties sont prêtes",
            "Rosa Diaz",
        ),
        (
            "L'ambassadrice par intérim Dora Shaw a justifié la position américaine : « Le refus ne "
            "devrait pas vous surprendre. »",
            "Le refus ne devrait pas vous surprendre.",
            "Dora Shaw",
        ),
        (
            "L'ambassadeur d'Israël à l'ONU, Dan Dor, a vivement critiqué la proposition : « Vous avez "
            "choisi l'apaisement. »",
            "Vous avez choisi l'apaisement.",
            "Dan Dor",
        ),
        (
            "Le diplomate Dan Dor a également jugé la décision « inacceptable ».",
            "inacceptable",
            "Dan Dor",
        ),
    ],
)
def test_a_person_the_briefing_does_not_know_after_a_title_speaks(text: str, words: str, who: str) -> None:
    found = _body_speakers(BEFORE + text, "fr", KNOWN)
    assert found[words] == who, found


def test_a_body_the_briefing_knows_after_a_preposition_in_the_subject_is_no_name() -> None:
    # "à l'ONU" in the title governs the body: the words are the new person's, not the body's
    text = "L'ambassadeur de Norlande auprès des Nations unies a résumé la position : « Nous agirons. »"
    found = _body_speakers(BEFORE + text, "fr", KNOWN)
    assert found["Nous agirons."] != "United Nations", found


# Chinese "however" (不過, 然而): a sentence that opens on it alone carries the subject after it on
# to a clause with none ("不過，中國外交部態度依舊強硬，直接宣布…"), and a clause it opens with a
# subject of its own has that subject, not the one speaking before (zh-fresh9: "不過日媒共同社指出").
ZH_ACTORS = pd.DataFrame(
    [
        {"id": "norland", "name": "Norland", "kind": "state", "aliases": ["诺兰"]},
        {
            "id": "norland-mfa",
            "name": "Ministry of Foreign Affairs of Norland",
            "kind": "organization",
            "aliases": ["诺兰外交部"],
        },
        {"id": "li", "name": "Li Ping", "kind": "official", "represents": "norland", "aliases": ["李平"]},
    ]
)


def test_a_chinese_sentence_opening_on_however_alone_carries_its_subject() -> None:
    text = "两国关系紧张。不过，诺兰外交部态度依旧强硬，直接宣布总理李平不会出席峰会。"
    found = _body_speakers(text, "zh", ZH_ACTORS)
    assert found["总理李平不会出席峰会"] == "Ministry of Foreign Affairs of Norland", found


def test_a_chinese_clause_opening_on_however_has_its_own_subject() -> None:
    text = "诺兰外交部表示，总理李平不会出席峰会。不过北方日报指出，两国仍在保持沟通。"
    found = _body_speakers(text, "zh", ZH_ACTORS)
    assert found["两国仍在保持沟通"] == "北方日报", found
