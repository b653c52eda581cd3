"""Korean, nineteenth round (issue 22): a ministry the briefing lacks ("국방부", "대통령실") is a
body, not a person, so the words a lead gives it go to the spokesperson the next sentence names
as having said so ("… 대변인은 … 이처럼 말했다"), and "그는" after that sentence points back to
that spokesperson, not to someone named in what they spoke of. Short texts written for the
purpose."""

from __future__ import annotations

from pathlib import Path

from dashboard.extract.briefings import load_briefing
from dashboard.extract.marked import extract_marked

BRIEFING = Path(__file__).resolve().parents[2] / "benchmarks" / "devsets" / "ko" / "briefing"


def _drafted(text: str) -> list[tuple[str, str]]:
    briefing, _ = load_briefing(BRIEFING)
    found, _ = extract_marked(text, "ko", briefing.actors)
    return [(d.text, d.speaker.name if d.speaker is not None else "") for d in found]


TEXT = (
    "국방부는 “군은 어떤 도발에도 단호하게 대응할 준비가 돼 있다”고 23일 밝혔다.\n"
    "\n"
    "정하늘 국방부 대변인은 이날 정례 브리핑에서 김정은 북한 국무위원장의 연설과 관련해 이처럼 말했다.\n"
    "\n"
    "그는 “우리 군은 한미 연합 훈련을 계획대로 진행할 것”이라고 말했다.\n"
)


def test_a_ministrys_words_are_the_spokesperson_who_said_so() -> None:
    drafted = _drafted(TEXT)
    assert drafted[0] == ("군은 어떤 도발에도 단호하게 대응할 준비가 돼 있다", "정하늘")


def test_he_after_the_spokespersons_sentence_is_the_spokesperson() -> None:
    drafted = _drafted(TEXT)
    assert drafted[1] == ("우리 군은 한미 연합 훈련을 계획대로 진행할 것", "정하늘")


def test_a_three_syllable_name_ending_like_a_body_is_a_person() -> None:
    text = "박지원 의원은 “정부는 대화를 서둘러야 한다”고 말했다.\n"
    assert _drafted(text) == [("정부는 대화를 서둘러야 한다", "박지원")]


def test_a_stated_position_is_reported_speech() -> None:
    # "…하겠다는 입장을 밝혔다": the position stated is what was said; the government stays a body,
    # so "그는" after it goes back to the person who spoke before
    text = (
        "조현 외교부 장관은 “한미 동맹은 굳건하다”고 말했다.\n"
        "정부는 북한의 도발에 단호히 대응하겠다는 입장을 밝혔다.\n"
        "그는 한반도 비핵화 원칙에는 변함이 없다고 강조했다.\n"
    )
    drafted = _drafted(text)
    assert ("북한의 도발에 단호히 대응하겠다", "정부") in drafted
    assert drafted[-1] == ("한반도 비핵화 원칙에는 변함이 없다", "Cho Hyun")
