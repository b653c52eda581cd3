"""Words announced before their quotation with no verb next to it (dashboard/extract/marked.py): a
name and a colon alone before the quotation on its line ("毛宁：“…”", "밀러 대변인: “…”"), and a
Japanese sentence announcing what follows ("次のように述べた。「…」"). Each text is written for the
test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "mao-ning", "name": "Mao Ning", "kind": "official", "aliases": ["毛宁", "毛寧"]},
        {"id": "matthew-miller", "name": "Matthew Miller", "kind": "official", "aliases": ["밀러"]},
        {
            "id": "hayashi-yoshimasa",
            "name": "Hayashi Yoshimasa",
            "kind": "official",
            "aliases": ["林官房長官", "林"],
        },
    ]
)


def _drafts(text: str, code: str) -> list[tuple[str | None, str]]:
    found, _ = extract_marked(text, code, ACTORS)
    return [(q.speaker.name if q.speaker else None, q.text) for q in found]


@pytest.mark.parametrize(
    ("code", "text", "speaker", "words"),
    [
        (
            "zh",
            "毛宁：“中方一贯主张通过对话协商解决争端。”",
            "Mao Ning",
            "中方一贯主张通过对话协商解决争端。",
        ),
        (
            "ko",
            "오늘 브리핑에서 나온 발언입니다.\n밀러 대변인: “우리는 동맹국들과 계속 협력할 것입니다.”",
            "Matthew Miller",
            "우리는 동맹국들과 계속 협력할 것입니다.",
        ),
        (
            "ja",
            "林官房長官は記者会見で次のように述べた。「政府として緊張感を持って対応していく。」",
            "Hayashi Yoshimasa",
            "政府として緊張感を持って対応していく。",
        ),
        (
            "ja",
            "林官房長官は以下のように語った。「引き続き情報収集に努める。」",
            "Hayashi Yoshimasa",
            "引き続き情報収集に努める。",
        ),
    ],
)
def test_the_words_are_the_announced_speakers(code: str, text: str, speaker: str, words: str) -> None:
    assert (speaker, words) in _drafts(text, code)


def test_an_askers_label_names_no_speaker() -> None:
    assert _drafts("记者：“中方对此有何评论？”", "zh") == [(None, "中方对此有何评论？")]
