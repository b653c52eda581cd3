"""Words that point back to the one just named, per language (dashboard/extract/languages.py
`pronouns`): Japanese 同 with the title ("同外相は"), Korean 그가, Chinese 该/該 with a title ("该部长").
They were read as new speakers named "同外相", "그", "该部长". Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
        {"id": "iwaya-takeshi", "name": "Iwaya Takeshi", "kind": "official", "aliases": ["岩屋外相", "岩屋"]},
        {
            "id": "matthew-miller",
            "name": "Matthew Miller",
            "kind": "official",
            "aliases": ["밀러 대변인", "밀러"],
        },
    ]
)


@pytest.mark.parametrize(
    ("code", "text", "speaker"),
    [
        (
            "ja",
            "岩屋外相は記者会見で「日本の立場は変わらない」と述べた。同外相は「引き続き努力する」とも語った。",
            "Iwaya Takeshi",
        ),
        (
            "ko",
            "밀러 대변인은 “우리는 우려한다”고 말했습니다. 그가 “북한은 도발을 멈춰야 한다”고 덧붙였습니다.",
            "Matthew Miller",
        ),
        ("zh", "王毅表示，中方愿同美方加强沟通。该部长强调，“台湾问题是中国内政”。", "Wang Yi"),
        ("zh", "王毅表示，中方願同美方加強溝通。該部長強調，「台灣問題是中國內政」。", "Wang Yi"),
    ],
)
def test_the_second_quotation_is_the_one_named_before(code: str, text: str, speaker: str) -> None:
    found, _ = extract_marked(text, code, ACTORS)
    assert [q.speaker.name if q.speaker else None for q in found] == [speaker, speaker]
    assert found[-1].how == "pronoun"  # pointed back: flagged for the reviewer
    assert "speaker" in found[-1].flags


def test_a_state_pointed_back_to_is_not_a_person() -> None:
    """ "该国" (that country) is not among them: it names no one who spoke."""
    text = "王毅表示，中方愿同美方加强沟通。该国外交部强调，“台湾问题是中国内政”。"
    found, _ = extract_marked(text, "zh", ACTORS)
    assert found[-1].how != "pronoun"
