"""Speakers of marked quotations in Korean and Chinese reporting (dashboard/extract/marked.py): a
subject with 이 or 가 between two quotations joined by "-(이)라며" is inside the words, not a new
speaker; a statement "in the name of" someone (명의의 담화) is theirs; a title alone points back to
the body of the briefing named with it, drafted or not; a bare "statement" as the subject (聲明稱) is
the statement's author named before. Each text is written for the test."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.marked import extract_marked

KO_ACTORS = pd.DataFrame(
    [
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["미국"]},
        {"id": "north-korea", "name": "North Korea", "kind": "state", "aliases": ["북한"]},
        {"id": "kcna", "name": "KCNA", "kind": "organization", "aliases": ["조선중앙통신"]},
        {
            "id": "nk-foreign-ministry",
            "name": "North Korean Foreign Ministry",
            "kind": "organization",
            "aliases": ["외무성", "북한 외무성"],
        },
    ]
)


def _drafts(text: str, code: str, actors: pd.DataFrame) -> dict[str, str | None]:
    found, _ = extract_marked(text, code, actors)
    return {q.text: (q.speaker.name if q.speaker else None) for q in found}


def test_a_subject_between_quotations_joined_by_while_saying_is_inside_the_words() -> None:
    text = "외무성은 제재가 “완전히 실패한 정책”이라며 미국이 “대결을 고집하고 있다”고 밝혔다.\n"
    drafts = _drafts(text, "ko", KO_ACTORS)
    assert drafts["완전히 실패한 정책"] == "North Korean Foreign Ministry"
    assert drafts["대결을 고집하고 있다"] == "North Korean Foreign Ministry"


def test_a_statement_in_someones_name_is_theirs() -> None:
    text = "조선중앙통신에 따르면 북한 외무성 대변인 명의의 담화를 내고 “더는 협상할 가치가 없다”고 밝혔다.\n"
    assert _drafts(text, "ko", KO_ACTORS)["더는 협상할 가치가 없다"] == "North Korean Foreign Ministry"


def test_a_title_alone_points_back_to_the_body_named_with_it() -> None:
    text = "북한 외무성 대변인 명의의 담화가 18일 공개됐다.\n대변인은 “우리의 입장은 변함이 없다”고 말했다.\n"
    assert _drafts(text, "ko", KO_ACTORS)["우리의 입장은 변함이 없다"] == "North Korean Foreign Ministry"


ZH_ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中國", "北京"]},
        {"id": "russia", "name": "Russia", "kind": "state", "aliases": ["俄羅斯", "莫斯科"]},
        {
            "id": "china-foreign-ministry",
            "name": "Chinese Foreign Ministry",
            "kind": "organization",
            "aliases": ["中國外交部"],
        },
        {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
        {"id": "lavrov", "name": "Sergey Lavrov", "kind": "official", "aliases": ["拉夫羅夫"]},
    ]
)


def test_a_statement_alone_as_the_subject_is_its_authors() -> None:
    text = (
        "中國外交部周三發表了一份聲明。\n\n"
        "中國外交部的聲明顯示，雙方談到了地區局勢。聲明稱，“雙方達成高度共識”。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["雙方達成高度共識"] == "Chinese Foreign Ministry"


def test_words_told_to_someone_are_the_tellers() -> None:
    text = (
        "中國外交部周三發表聲明。\n\n"
        "根據中國外交部聲明，王毅告訴拉夫羅夫，北京將“繼續發揮建設性作用”，並保持溝通。\n"
    )
    assert _drafts(text, "zh", ZH_ACTORS)["繼續發揮建設性作用"] == "Wang Yi"


KO_PEOPLE = pd.concat(
    [
        KO_ACTORS,
        pd.DataFrame(
            [
                {
                    "id": "kim-yo-jong",
                    "name": "Kim Yo Jong",
                    "kind": "official",
                    "aliases": ["김여정", "김 부부장"],
                },
                {
                    "id": "presidential-office",
                    "name": "Presidential Office",
                    "kind": "organization",
                    "aliases": ["대통령실"],
                },
            ]
        ),
    ],
    ignore_index=True,
)


def test_words_given_as_an_example_in_a_clause_are_its_subjects() -> None:
    text = (
        "대통령실은 김여정 부부장이 “대화할 생각이 없다”고 하는 등 "
        "정부의 조치를 깎아내린 것과 관련해 유감을 표했다.\n"
    )
    assert _drafts(text, "ko", KO_PEOPLE)["대화할 생각이 없다"] == "Kim Yo Jong"


def test_an_outlet_as_the_topic_reports_the_subject_after_it() -> None:
    text = "조선중앙통신은 오늘, 김 부부장이 회의에서 “서울의 기대는 헛된 꿈”이라고 말했다고 전했다.\n"
    assert _drafts(text, "ko", KO_PEOPLE)["서울의 기대는 헛된 꿈"] == "Kim Yo Jong"
