"""Korean reporting (dashboard/extract/marked.py): a subject inside a clause the sentence speaks
about is not the speaker, and a sentence with no subject goes on from the one before; a noun after 의
or a body after a state is the subject's head; a title alone points back to the body met with it; a
noun clause ("…할 것으로 예상했다", "…라는 점을 분명히 했다") is what was said. Each text is
written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["미국"]},
        {"id": "south-korea", "name": "South Korea", "kind": "state", "aliases": ["한국"]},
        {"id": "north-korea", "name": "North Korea", "kind": "state", "aliases": ["북한"]},
        {"id": "china", "name": "China", "kind": "state", "aliases": ["중국"]},
        {
            "id": "us-state-department",
            "name": "US State Department",
            "kind": "organization",
            "aliases": ["국무부", "미국 국무부"],
        },
    ]
)


def _drafts(text: str) -> list[tuple[str | None, str]]:
    found, _ = extract_marked(text, "ko", ACTORS)
    return [(q.speaker.name if q.speaker else None, q.text) for q in found]


def test_a_subject_inside_a_clause_spoken_about_is_not_the_speaker() -> None:
    text = (
        "미국 국무부는 한미 동맹이 어느 때보다 굳건하다고 밝혔습니다. "
        "중국이 북한에 대한 제재를 느슨하게 한 데 대해선 우려스러운 일이라면서, "
        "상황을 계속 지켜보겠다고 말했습니다."
    )
    (said,) = [speaker for speaker, words in _drafts(text) if words.endswith("상황을 계속 지켜보겠다")]
    assert said == "US State Department"


def test_a_sentence_without_a_subject_goes_on_from_the_one_before() -> None:
    text = (
        "미국 국무부는 북한의 도발이 용납될 수 없다고 밝혔습니다. "
        "동맹국들과 긴밀히 협력하겠다고 덧붙였습니다."
    )
    assert _drafts(text) == [
        ("US State Department", "북한의 도발이 용납될 수 없다"),
        ("US State Department", "동맹국들과 긴밀히 협력하겠다"),
    ]


def test_a_sentence_without_a_subject_after_another_speaker_topic_is_not_drafted() -> None:
    text = (
        "미국 국무부는 북한의 도발이 용납될 수 없다고 밝혔습니다. 한국은 별도의 입장을 내지 않았습니다. "
        "동맹국들과 긴밀히 협력하겠다고 덧붙였습니다."
    )
    assert _drafts(text) == [("US State Department", "북한의 도발이 용납될 수 없다")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("미국의 안보 전문가들은 북한이 곧 추가 도발에 나설 것이라고 전망했습니다.", "미국의 안보 전문가들"),
        ("한국 국가정보원은 북한이 러시아에 병력을 더 보냈다고 밝혔습니다.", "한국 국가정보원"),
        ("미국 정부는 북한이 곧 추가 도발에 나설 것이라고 밝혔습니다.", "United States"),
    ],
)
def test_the_head_of_a_subject_beyond_its_state(text: str, speaker: str) -> None:
    assert [s for s, _ in _drafts(text)] == [speaker]


def test_a_title_alone_points_back_to_the_body_met_with_it() -> None:
    text = (
        "미국 국무부 대변인은 북한의 미사일 발사를 규탄한다고 밝혔습니다. "
        "대변인은 “국제사회가 한목소리로 대응해야 한다”고 강조했습니다."
    )
    assert [s for s, _ in _drafts(text)] == ["US State Department", "US State Department"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "미국 정부는 북한군이 머지않아 전선에 배치될 것으로 예상했습니다.",
            "북한군이 머지않아 전선에 배치될 것",
        ),
        (
            "미국 정부는 긴장을 높이는 쪽은 병력을 보낸 북한이라는 점을 분명히 했습니다.",
            "긴장을 높이는 쪽은 병력을 보낸 북한",
        ),
        ("미국 정부는 대화의 문이 열려 있다는 점을 분명히 했습니다.", "대화의 문이 열려 있다"),
    ],
)
def test_a_noun_clause_is_what_was_said(text: str, said: str) -> None:
    assert _drafts(text) == [("United States", said)]
