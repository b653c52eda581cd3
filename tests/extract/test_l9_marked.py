"""Speakers of quotations and reported speech in other languages (dashboard/extract/marked.py): the
mechanisms behind the ninth round's wrong speakers, each on short texts written for the test, in
every shape the language writes it."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.marked import extract_marked

KO_ACTORS = pd.DataFrame(
    [
        {"id": "south-korea", "name": "South Korea", "kind": "state", "aliases": ["한국", "대한민국"]},
        {"id": "north-korea", "name": "North Korea", "kind": "state", "aliases": ["북한", "북측"]},
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["미국"]},
        {
            "id": "lee",
            "name": "Lee Jae-myung",
            "kind": "official",
            "represents": "south-korea",
            "aliases": ["이재명", "이재명 대통령", "이 대통령"],
        },
        {
            "id": "kang",
            "name": "Kang Yu-jung",
            "kind": "official",
            "represents": "south-korea",
            "aliases": ["강유정", "강 대변인"],
        },
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found if q.is_speech}


def test_ko_a_thing_as_a_clause_subject_is_no_speaker() -> None:
    # the subject of a clause of circumstance ("… 시한이 예정된 가운데"): a deadline, not a speaker;
    # the subject after it speaks
    text = (
        "8월 1일로 관세협상 시한이 예정된 가운데 이재명 대통령이 “끝까지 최선을 다해달라”며 당부했습니다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["끝까지 최선을 다해달라"] == "Lee Jae-myung"
    # an event ("내달 열리는 회의"): its adnominal -는 is no topic; the one speaking goes on
    text = (
        "강유정 대변인은 “협상은 계속된다”고 말했다. 내달 서울에서 열리는 회의 가능성에 대해서는 "
        "“예단하지 않겠다”고 했다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["예단하지 않겠다"] == "Kang Yu-jung"


def test_ko_the_topic_of_the_reported_words_is_no_speaker() -> None:
    # no subject of the sentence's own: "조정은" is the topic inside what was said; the speaker of
    # the sentence before goes on
    text = (
        "강유정 대변인은 한국과 협의할 의지가 있다고 밝혔습니다. 연합훈련 일정 조정은 평가받을 일이 "
        "못 된다고 밝혔습니다.\n"
    )
    drafts = _drafts(text, "ko", KO_ACTORS)
    assert drafts["평가받을 일이 못 된다"] == "Kang Yu-jung"
    assert "연합훈련 일정 조정" not in drafts.values()
    # a thing of a state's ("북한의 … 지위는"), with two quotations in it
    text = (
        "북한은 핵무기를 포기하지 않을 것이라고 밝혔다. 북한의 핵보유국 지위는 “적대적 위협”을 반영한 "
        "“필연적 선택”이라고 덧붙였다.\n"
    )
    drafts = _drafts(text, "ko", KO_ACTORS)
    assert drafts["적대적 위협"] == drafts["필연적 선택"] == "North Korea"
    # a place as the topic ("빈은"), then a subject after a place of its own ("이사회에서 미국 대표는")
    text = (
        "빈은 국제기구 소재지로, 최근 열린 이사회에서 미국 대표는 “계속 전념하고 있다”는 입장을 밝혔습니다.\n"
    )
    assert _drafts(text, "ko", KO_ACTORS)["계속 전념하고 있다"] != "빈"


def test_ko_people_and_names_stay_speakers() -> None:
    # groups, authorities and names the briefing lacks are speakers still
    for subject, name in (
        ("군 관계자는", "군 관계자"),
        ("미국의 한반도 전문가들은", "미국의 한반도 전문가들"),
        ("마이클 매콜 하원 외교위원장은", "마이클 매콜"),
        ("한국 합동참모본부는", "한국 합동참모본부"),
    ):
        text = f"{subject} “대화의 문은 열려 있다”고 말했다.\n"
        assert _drafts(text, "ko", KO_ACTORS)["대화의 문은 열려 있다"] == name, subject
    # a name with no title where the article gives it one elsewhere
    text = "이혁 신임 주일 대사가 20일 부임했다. 이혁은 “양국 관계를 발전시키겠다”고 말했다.\n"
    assert _drafts(text, "ko", KO_ACTORS)["양국 관계를 발전시키겠다"] == "이혁"


KO_BODIES = pd.concat(
    [
        KO_ACTORS,
        pd.DataFrame(
            [
                {
                    "id": "mou",
                    "name": "Ministry of Unification of South Korea",
                    "kind": "organization",
                    "represents": "south-korea",
                    "aliases": ["통일부"],
                },
                {
                    "id": "koo",
                    "name": "Koo Byoung-sam",
                    "kind": "official",
                    "represents": "south-korea",
                    "aliases": ["구병삼", "구 대변인"],
                },
                {
                    "id": "kcna",
                    "name": "Korean Central News Agency",
                    "kind": "organization",
                    "represents": "north-korea",
                    "aliases": ["조선중앙통신"],
                },
                {
                    "id": "kim-yo-jong",
                    "name": "Kim Yo Jong",
                    "kind": "official",
                    "represents": "north-korea",
                    "aliases": ["김여정", "김 부부장"],
                },
            ]
        ),
    ],
    ignore_index=True,
)


def test_ko_a_body_written_as_one_word_with_its_state_speaks_itself() -> None:
    # "북한대표부" (the mission), "북한대사관": the body, not North Korea; an outlet reporting it is
    # no part of its name
    for body, particle in (("오스트리아 빈 주재 북한대표부", "가"), ("주중 북한대사관", "이")):
        said = "공보문을 통해 “의무를 성실히 이행해 나갈 것”이라고 밝혔다고 전했다.\n"
        text = f"조선중앙통신은 {body}{particle} {said}"
        assert _drafts(text, "ko", KO_BODIES)["의무를 성실히 이행해 나갈 것"] == body


def test_ko_so_said_points_back_and_he_is_a_person() -> None:
    # "이처럼 말했다" (said so), like "이같이", "이렇게": the quotation before is the named subject's;
    # "그는" after it is that person, not the ministry the lead named
    for so in ("이처럼", "이같이", "이 같이", "이렇게"):
        text = (
            "통일부는 “평화적 관계 발전을 추진해 나갈 것”이라고 22일 밝혔다.\n"
            f"구병삼 통일부 대변인은 이날 정례 브리핑에서 {so} 말했다.\n"
            "그는 “흡수통일을 추구하지 않을 것”이라고 했다.\n"
        )
        drafts = _drafts(text, "ko", KO_BODIES)
        assert drafts["평화적 관계 발전을 추진해 나갈 것"] == "Koo Byoung-sam", so
        assert drafts["흡수통일을 추구하지 않을 것"] == "Koo Byoung-sam", so


def test_ko_in_the_name_of_a_person_over_the_state() -> None:
    # a statement a state issues in a person's name ("북한이 김여정 … 명의로"): the person's words
    for of in ("명의로", "명의의 담화에서"):
        text = f"북한이 김여정 노동당 부부장 {of} ‘서울의 희망은 어리석은 꿈’이라고 밝혔습니다.\n"
        assert _drafts(text, "ko", KO_BODIES)["서울의 희망은 어리석은 꿈"] == "Kim Yo Jong", of


RU_ACTORS = pd.DataFrame(
    [
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["Россия", "РФ"]},
        {
            "id": "zakharova",
            "name": "Maria Zakharova",
            "kind": "official",
            "represents": "russia",
            "aliases": ["Мария Захарова", "Захарова"],
        },
        {
            "id": "tikhanovskaya",
            "name": "Sviatlana Tsikhanouskaya",
            "kind": "other",
            "aliases": ["Светлана Тихановская", "Тихановская"],
        },
        {
            "id": "zelensky",
            "name": "Volodymyr Zelensky",
            "kind": "official",
            "aliases": ["Владимир Зеленский", "Зеленский"],
        },
    ]
)


def test_ru_a_name_in_another_case_is_the_name() -> None:
    # a surname in -ова, -ская, -ский and a first name in -ия change their ending in the other cases:
    # "по словам Захаровой", "слова Марии Захаровой", "по мнению Тихановской", "по словам Зеленского"
    for named, who in (
        ("Захаровой", "Maria Zakharova"),
        ("Марии Захаровой", "Maria Zakharova"),
        ("Тихановской", "Sviatlana Tsikhanouskaya"),
        ("Зеленского", "Volodymyr Zelensky"),
    ):
        text = f"Вместе с тем, по словам {named}, решение не принесет для страны «особых проблем».\n"
        assert _drafts(text, "ru", RU_ACTORS)["особых проблем"] == who, named


OFFICES = pd.DataFrame(
    [
        {
            "id": "russia",
            "name": "Russia",
            "kind": "state",
            "aliases": ["Россия", "РФ", "Russie", "Russland"],
        },
        {"id": "iran", "name": "Iran", "kind": "state", "aliases": ["Iran", "Иран", "iranien"]},
        {
            "id": "mid",
            "name": "Russian Foreign Ministry",
            "kind": "organization",
            "aliases": ["МИД РФ", "МИД России", "МИД"],
        },
        {
            "id": "lavrov",
            "name": "Sergey Lavrov",
            "kind": "official",
            "role": "Foreign Minister of Russia",
            "represents": "russia",
            "aliases": ["Сергей Лавров", "Лавров"],
        },
        {
            "id": "araghchi",
            "name": "Abbas Araghchi",
            "kind": "official",
            "role": "Foreign Minister of Iran",
            "represents": "iran",
            "aliases": ["Abbas Araghchi", "Araghchi"],
        },
    ]
)


def test_an_office_of_a_body_is_its_holder_not_the_body() -> None:
    # "– пояснил глава МИД РФ", "глава МИД России заявил": an office named with its body and no
    # name is the one who holds it (introduced with it, else the briefing's holder), not the ministry
    for office in ("глава МИД РФ", "глава МИД России"):
        text = (
            f"Об этом заявил {office} Сергей Лавров в интервью.\n"
            f"«Европа поставила на кон свою убежденность», – пояснил {office}.\n"
        )
        assert _drafts(text, "ru", OFFICES)["Европа поставила на кон свою убежденность"] == "Sergey Lavrov"
    text = "Лавров прибыл в Москву. Глава МИД РФ заявил: «Мы подумаем».\n"
    assert _drafts(text, "ru", OFFICES)["Мы подумаем"] == "Sergey Lavrov"
    # "le ministre iranien a souligné": the minister introduced so, not Iran
    text = (
        "Le ministre iranien des Affaires étrangères, Abbas Araghchi, a parlé à CBS. « Je ne pense pas "
        "que les négociations reprendront », a déclaré Abbas Araghchi. Le ministre iranien a souligné "
        "que « le programme est une source de fierté nationale ».\n"
    )
    assert _drafts(text, "fr", OFFICES)["le programme est une source de fierté nationale"] == "Abbas Araghchi"
    # the body itself, with no office, speaks for itself
    text = "«Мы не согласны», – заявил МИД РФ.\n"
    assert _drafts(text, "ru", OFFICES)["Мы не согласны"] == "Russian Foreign Ministry"


def test_ko_so_said_keeps_a_persons_words_relayed() -> None:
    # "강유정 대변인은 … 이같이 밝혔다" after the president's own words: she relays them, they stay his
    for so in ("이같이", "이처럼", "이렇게"):
        text = (
            "이재명 대통령이 협상단에 “당당한 자세로 임해 달라”고 당부했다.\n"
            f"강유정 대변인은 30일 서면 브리핑을 통해 “대통령이 보고를 받았다”며 {so} 밝혔다.\n"
        )
        drafts = _drafts(text, "ko", KO_ACTORS)
        assert drafts["당당한 자세로 임해 달라"] == "Lee Jae-myung", so
        assert drafts["대통령이 보고를 받았다"] == "Kang Yu-jung", so


ZH_ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中国", "中國", "中方"]},
        {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
        {"id": "kallas", "name": "Kaja Kallas", "kind": "official", "aliases": ["卡拉斯"]},
        {"id": "lavrov", "name": "Sergey Lavrov", "kind": "official", "aliases": ["拉夫罗夫", "拉夫羅夫"]},
        {"id": "mao-ning", "name": "Mao Ning", "kind": "official", "aliases": ["毛宁", "毛寧"]},
        {"id": "trump", "name": "Donald Trump", "kind": "official", "aliases": ["特朗普", "川普"]},
    ]
)


def test_zh_a_name_governed_in_its_clause_is_no_subject() -> None:
    # a clause opening on a preposition or an occasion ("在同…会见时", "针对…就…提问时"): whom the
    # speaker met or was asked about, not the speaker
    for clause in (
        "昨天在同欧盟外交与安全政策高级代表卡拉斯举行会见时强调",
        "在与卡拉斯会谈时强调",
        "同卡拉斯会见时强调",
    ):
        text = f"标题\n中国外长王毅,{clause},“不能因为有差异就视为对手”。\n"
        assert _drafts(text, "zh", ZH_ACTORS)["不能因为有差异就视为对手"] == "Wang Yi", clause
    text = (
        "标题\n据报道，外交部发言人毛宁在例行记者会上，针对有记者就特朗普访华提问时表示，"
        "「目前没有可以提供的信息」。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["目前没有可以提供的信息"] == "Mao Ning"
    # someone named after the subject in its clause is its object ("王毅欢迎拉夫罗夫…，表示…")
    for verb in ("欢迎拉夫罗夫来华出席会议", "会见拉夫罗夫"):
        text = f"标题\n王毅{verb},表示中俄关系是当今世界最稳定的一组大国关系。\n"
        drafts = _drafts(text, "zh", ZH_ACTORS)
        assert drafts["中俄关系是当今世界最稳定的一组大国关系"] == "Wang Yi", verb


FR_ACTORS = pd.DataFrame(
    [
        {"id": "france", "name": "France", "kind": "state", "aliases": ["France"]},
        {
            "id": "macron",
            "name": "Emmanuel Macron",
            "kind": "official",
            "role": "President of France",
            "represents": "france",
            "aliases": ["Emmanuel Macron", "Macron"],
        },
        {
            "id": "barrot",
            "name": "Jean-Noël Barrot",
            "kind": "official",
            "role": "Minister for Europe and Foreign Affairs of France",
            "represents": "france",
            "aliases": ["Jean-Noël Barrot", "Barrot"],
        },
    ]
)


def test_fr_a_sentence_opening_on_a_description_is_its_holders() -> None:
    # a sentence opening on an article and an office, or the seat's tenant, and words in marks with
    # no verb of saying: the office's holder, not the one quoted before
    for opening in (
        "Le président français, qui s'était entretenu avec son homologue,",
        "Le locataire de l'Élysée",
    ):
        text = (
            "Titre\n« La France réplique avec fermeté », a déclaré Jean-Noël Barrot.\n"
            f"{opening} a personnellement décidé de « rappeler pour consultations l'ambassadeur de France "
            "à Alger ».\n"
        )
        drafts = _drafts(text, "fr", FR_ACTORS)
        assert drafts["rappeler pour consultations l'ambassadeur de France à Alger"] == "Emmanuel Macron", (
            opening
        )
