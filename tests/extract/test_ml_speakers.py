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
