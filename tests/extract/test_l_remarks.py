"""Remarks announced by a heading in each language (dashboard/extract/languages.py `remarks`): a
speech, opening words, an address, a lecture, an article in one's own name, whose prose after the
heading is the speaker's own words, one statement. Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import LANGUAGE_FLAG, extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
        {
            "id": "sergey-lavrov",
            "name": "Sergey Lavrov",
            "kind": "official",
            "aliases": ["Сергей Лавров", "Лавров"],
        },
        {
            "id": "matthew-miller",
            "name": "Matthew Miller",
            "kind": "official",
            "aliases": ["매튜 밀러", "밀러"],
        },
        {
            "id": "iwaya-takeshi",
            "name": "Iwaya Takeshi",
            "kind": "official",
            "aliases": ["岩屋外務大臣", "岩屋"],
        },
        {"id": "annalena-baerbock", "name": "Annalena Baerbock", "kind": "official", "aliases": []},
        {"id": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "official", "aliases": []},
    ]
)

WANG = (
    "我很高兴再次来到慕尼黑，同大家交流看法。中国始终是世界和平的建设者、全球发展的贡献者、国际秩序的维护者。"
)
LAVROV = (
    "Уважаемые коллеги, мы рады приветствовать вас в Москве. Наши страны связывают давние отношения дружбы."
)
MILLER = (
    "여러분, 반갑습니다. 저는 오늘 이 자리에 함께하게 되어 매우 기쁩니다. "
    "한미 동맹은 그 어느 때보다 굳건합니다."
)
IWAYA = (
    "皆様、こんにちは。本日はこのような機会をいただき、大変光栄に思います。"
    "私は日本外交の方針についてお話しします。"
)
BAERBOCK = (
    "Wir erleben eine Zeitenwende. Ich bin überzeugt, dass Europa jetzt zusammenstehen muss, um die Ukraine "
    "zu unterstützen."
)
MACRON = (
    "Nous vivons un moment décisif pour l'Europe. Je suis convaincu que nous devons rester unis aux côtés de "
    "l'Ukraine."
)


@pytest.mark.parametrize(
    ("code", "heading", "words", "speaker"),
    [
        ("zh", "外交部长王毅在慕尼黑安全会议上的演讲\n2024年2月17日", WANG, "Wang Yi"),
        (
            "ru",
            "Вступительное слово Министра иностранных дел России С.В.Лаврова в ходе переговоров\n"
            "Москва, 5 ноября 2024 года",
            LAVROV,
            "Sergey Lavrov",
        ),
        ("ko", "매튜 밀러 대변인 축사\n2024년 11월 4일", MILLER, "Matthew Miller"),
        ("ja", "岩屋外務大臣講演\n令和7年3月1日", IWAYA, "Iwaya Takeshi"),
        (
            "de",
            "Gastbeitrag von Außenministerin Annalena Baerbock\n4. November 2024",
            BAERBOCK,
            "Annalena Baerbock",
        ),
        ("fr", "Tribune d'Emmanuel Macron\n4 novembre 2024", MACRON, "Emmanuel Macron"),
    ],
)
def test_remarks_under_a_heading_that_announces_them(
    code: str, heading: str, words: str, speaker: str
) -> None:
    text = f"{heading}\n{words}"
    found, _ = extract_marked(text, code, ACTORS)
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in found] == [
        ("direct", words, speaker)
    ]
    assert LANGUAGE_FLAG in found[0].flags


@pytest.mark.parametrize(
    ("code", "text"),
    [
        # a report of a speech, in the third person: no one's remarks
        (
            "zh",
            "王毅在慕尼黑发表演讲\n2024年2月17日\n王毅17日在慕尼黑安全会议上发表演讲，阐述中国对当前国际形势的看法，"
            "呼吁各方加强对话与合作。",
        ),
        (
            "de",
            "Gastbeitrag von Außenministerin Annalena Baerbock erschienen\n4. November 2024\n"
            "Die Außenministerin hat in einer Zeitung einen Gastbeitrag veröffentlicht, "
            "in dem es um die Ukraine geht.",
        ),
    ],
)
def test_a_report_under_such_a_heading_is_not_remarks(code: str, text: str) -> None:
    found, _ = extract_marked(text, code, ACTORS)
    assert all(q.how != "title" for q in found)
