"""Korean quotations of a whole statement (issue 22, the lead's twelfth round, from the thirteenth
development sets): a quotation closed by "이라며" or "이라면서" is the speaker's whole statement
(`direct`), as one closed by "라고" or "며" is; a headline's name and its quotation to the end of the
line (李 "…") is too. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.marked import extract_marked


def _kinds(text: str) -> dict[str, str]:
    found, _ = extract_marked(text, "ko", None)
    return {d.text: d.kind for d in found}


def test_a_quotation_closed_by_irami_is_direct() -> None:
    text = (
        '우장하오 대사는 "다카이치 총리의 발언은 중국 측의 레드라인을 넘어서는 무력 위협"이라며 '
        '"잘못을 인정하지 않으면 모든 결과를 책임져야 할 것"이라고 말했습니다.\n'
    )
    kinds = _kinds(text)
    assert kinds.get("다카이치 총리의 발언은 중국 측의 레드라인을 넘어서는 무력 위협") == "direct", kinds


def test_a_headlines_name_and_quotation_is_direct() -> None:
    text = (
        "李 “김정은도 만나고 北에 트럼프 타워 세워 골프 치게 해달라”\n"
        "이재명 대통령은 25일 정상회담에서 이같이 말했다.\n"
    )
    kinds = _kinds(text)
    assert kinds.get("김정은도 만나고 北에 트럼프 타워 세워 골프 치게 해달라") == "direct", kinds
