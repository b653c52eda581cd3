"""Korean, thirteenth round (issue 22), from the eleventh Korean set opened as development material:
a subject described by someone else before it ("김정은 북한 국무위원장의 여동생인 김여정은 …", Kim Jong
Un's sister, Kim Yo Jong) is the one described, not the one her description names first. Short texts
written for the purpose."""

from __future__ import annotations

from pathlib import Path

from dashboard.extract.briefings import load_briefing
from dashboard.extract.marked import extract_marked

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "devsets"


def _speakers(text: str) -> dict[str, str | None]:
    briefing = load_briefing(SETS / "ko" / "briefing")[0]
    assert briefing is not None
    found, _ = extract_marked(text, "ko", briefing.actors)
    return {d.text: (d.speaker.name if d.speaker else None) for d in found}


def test_the_sister_described_by_her_brother_is_the_subject() -> None:
    text = (
        "제목\n\n"
        "조선중앙통신에 따르면 김정은 북한 국무위원장의 여동생인 김여정은 회의에서 관계 개선이 "
        "“불가능하다”고 밝혔다.\n"
    )
    assert _speakers(text).get("불가능하다") == "Kim Yo Jong"


def test_the_brother_named_as_subject_stays_the_subject() -> None:
    text = "제목\n\n김정은 북한 국무위원장은 회의에서 관계 개선이 “불가능하다”고 밝혔다.\n"
    assert _speakers(text).get("불가능하다") == "Kim Jong Un"
