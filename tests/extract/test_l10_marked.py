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


ZH_ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中国", "中國", "中方"]},
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["美国", "美國"]},
        {
            "id": "he",
            "name": "He Lin",
            "kind": "official",
            "represents": "china",
            "role": "Spokesperson, Ministry of Foreign Affairs of China",
            "aliases": ["何林"],
        },
        {
            "id": "parker",
            "name": "Tom Parker",
            "kind": "official",
            "represents": "united-states",
            "role": "President of the United States",
            "aliases": ["帕克"],
        },
    ]
)


def test_zh_a_cue_and_a_colon_before_the_words_introduce_them() -> None:
    # "X說：「…」" then the reporter's own clause naming someone else with a word of reply
    # ("回應", "表示"): the words are the one the colon introduces, in either script and either mark
    for text in (
        "美國總統帕克表示他不擔心。\n\n發言人何林說：「台灣是中國領土的一部分。」完全閃躲了對帕克的回應。\n",
        "美国总统帕克表示他不担心。\n\n发言人何林表示：“台湾是中国领土的一部分。”没有回应帕克的说法。\n",
        "美国总统帕克表示他不担心。\n\n发言人何林强调: “台湾是中国领土的一部分。”帕克此前表示不担心。\n",
    ):
        drafts = _drafts(text, "zh", ZH_ACTORS)
        quoted = next(v for k, v in drafts.items() if k.startswith(("台灣是", "台湾是")))
        assert quoted == "He Lin", text
    # with no colon, a speaker named after the words still reports them ("「…」帕克說")
    drafts = _drafts("「我們不擔心。」帕克說。\n", "zh", ZH_ACTORS)
    assert drafts["我們不擔心。"] == "Tom Parker"


def test_zh_a_dateline_and_its_byline_name_no_speaker() -> None:
    # an agency's dateline and its reporters ("…8日电（记者 X）", "【據新華社…廿八日電】",
    # "（法新社华盛顿10日电）", "中評社北京25日電／", "本报讯（记者 X）") filed the words; the one the
    # sentence names after it said them
    for dateline in (
        "新华社北京7月8日电（记者 王小明）",
        "中国青年报客户端北京7月8日电(中青报·中青网记者 赵明)",
        "【據新華社北京八日電】",
        "（法新社华盛顿8日电） ",
        "中評社北京7月8日電／",
        "本报讯（记者 王小明）",
    ):
        text = f"外交部例行记者会\n{dateline}中国外交部发言人何林8日表示，关税战、贸易战没有赢家。\n"
        drafts = _drafts(text, "zh", ZH_ACTORS)
        assert drafts == {"关税战、贸易战没有赢家": "He Lin"}, dateline
        found, _ = extract_marked(text, "zh", ZH_ACTORS)
        assert all(text[q.start : q.end] == q.text for q in found)
    # a day's call ("8日電話") is no dateline
    text = "标题\n何林8日電話表示，关税战、贸易战没有赢家。\n"
    assert _drafts(text, "zh", ZH_ACTORS) == {"关税战、贸易战没有赢家": "He Lin"}


def test_zh_a_label_that_says_someone_asked_is_a_question() -> None:
    # "记者会上，有记者提问：…吗？" ("a reporter asked"), then the answer reported in the next
    # paragraph: the question is nobody's statement, and it ends with its paragraph
    for asked in ("记者会上,有记者提问:", "有记者问：", "另有記者問道：", "记者追问："):
        text = (
            "外交部例行记者会\n"
            "何林8日主持例行记者会。\n"
            f"{asked}美国总统帕克7日表示将加征关税。外交部对此有何评论?\n"
            "对此,何林表示,关税战、贸易战没有赢家。“建议你向主管部门了解。”\n"
            f"{asked}帕克透露他将与中方官员会面。中方能否证实?\n"
            "据报道,帕克7日称新关税将不包括其他行业关税。\n"
        )
        drafts = _drafts(text, "zh", ZH_ACTORS)
        assert drafts.get("关税战、贸易战没有赢家") == "He Lin", asked
        assert drafts.get("建议你向主管部门了解。") == "He Lin", asked
        assert drafts.get("新关税将不包括其他行业关税") == "Tom Parker", asked
        assert not any(k.startswith(("美国总统帕克", "帕克透露")) for k in drafts), asked


def test_zh_a_subject_carried_on_by_its_clauses_is_the_speaker() -> None:
    # "中方…，除了重述…帕克…，也…，警告「…」": every clause after the first goes on with the
    # sentence's subject (除了, 也, 并, 还), a state as well as a person; a name in a clause's object
    # is no speaker
    for text in (
        "標題\n中方這次進行軍演，除了重述要打擊帕克與其盟友的老調，也罕見點名了「外部勢力」，警告「引火燒身」。\n",
        "标题\n中方今天举行演习，除了批评帕克的政策，还点名了「外部势力」，并警告「引火烧身」。\n",
    ):
        drafts = _drafts(text, "zh", ZH_ACTORS)
        burnt = next(v for k, v in drafts.items() if k.startswith("引火"))
        assert burnt == "China", text
    # a clause with a subject of its own between them: that subject speaks
    text = "標題\n中國上週結束軍演，美國週六發表聲明敦促北京克制，警告「有可能導致局勢升級」。\n"
    assert _drafts(text, "zh", ZH_ACTORS)["有可能導致局勢升級"] == "United States"


def test_fr_an_office_introduced_without_a_name_speaks_as_the_ministre() -> None:
    # a ministry's own news names its minister by the office only ("Le ministre de l'Europe et des
    # Affaires étrangères a participé …"); "le Ministre a salué …" after it is that office, not
    # nobody, nor a person named since under another title ("la Haute Représentante")
    actors = pd.concat(
        [
            FR_ACTORS,
            pd.DataFrame(
                [
                    {
                        "id": "vidal",
                        "name": "Anna Vidal",
                        "kind": "official",
                        "aliases": ["Vidal", "haute représentante"],
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    text = (
        "Conseil des affaires étrangères\n"
        "Le ministre de l’Europe et des Affaires étrangères a participé aujourd’hui au Conseil.\n"
        "Sur l’Ukraine, le Ministre a salué l’adoption de nouvelles sanctions contre la Russie.\n"
        "Les ministres ont pris connaissance des leviers identifiés par la Haute Représentante. "
        "Le Ministre a insisté pour que les sanctions contre les colons soient adoptées au plus vite.\n"
    )
    drafts = _drafts(text, "fr", actors)
    office = "Le ministre de l’Europe et des Affaires étrangères"
    assert drafts["l’adoption de nouvelles sanctions contre la Russie"] == office
    assert drafts["les sanctions contre les colons soient adoptées au plus vite"] == office
    # introduced with a name, the name speaks
    text = text.replace("Affaires étrangères a participé", "Affaires étrangères, Luc Morel, a participé")
    drafts = _drafts(text, "fr", actors)
    assert drafts["l’adoption de nouvelles sanctions contre la Russie"] == "Luc Morel"
