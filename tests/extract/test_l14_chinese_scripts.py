"""Chinese names in either script (issue 22, and the domain's "names come in many scripts"): a
briefing that writes a name in simplified characters finds it in an article set in traditional
ones, and the other way round, by OpenCC's character table (the pinned opencc-purepy wheel); the
quoted words stay as the article writes them. Short texts written for the purpose."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.marked import _folded, extract_marked

ACTORS = pd.DataFrame(
    [
        {
            "id": "lin-jian",
            "name": "Lin Jian",
            "kind": "official",
            "represents": "china",
            "aliases": ["林剑"],  # simplified only
        },
        {
            "id": "zelensky",
            "name": "Volodymyr Zelensky",
            "kind": "official",
            "represents": "ukraine",
            "aliases": ["澤連斯基"],  # traditional only
        },
        {"id": "china", "name": "China", "kind": "state", "aliases": ["中国"]},
        {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": ["乌克兰"]},
    ]
)


def _drafted(text: str) -> list[tuple[str, str]]:
    found, _ = extract_marked(text, "zh", ACTORS)
    return [(d.text, d.speaker.key if d.speaker is not None else "") for d in found]


def test_a_simplified_alias_finds_a_traditional_name() -> None:
    text = "外交部發言人林劍表示：「中方的立場一以貫之，清清楚楚。」\n"
    assert _drafted(text) == [("中方的立場一以貫之，清清楚楚。", "actor:lin-jian")]


def test_a_traditional_alias_finds_a_simplified_name() -> None:
    text = "乌克兰总统泽连斯基说：“我们希望和平早日到来。”\n"
    assert _drafted(text) == [("我们希望和平早日到来。", "actor:zelensky")]


def test_folding_keeps_every_offset() -> None:
    text = "外交部發言人林劍、烏克蘭總統澤連斯基與Ａ國"
    assert len(_folded(text)) == len(text)
    assert _folded("林劍") == _folded("林剑")
