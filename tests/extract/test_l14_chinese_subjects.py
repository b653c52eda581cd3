"""Chinese subjects, nineteenth round (issue 20's "never a noun phrase as an actor", issue 22): a
clause, a time or an adverb read as the subject ("出席峰會期間", "…想要重启…", "7日）在…時") names no
one and proposes no actor; "兩位領袖再次強調" is the two leaders named before, as "两人" is. Short
texts written for the purpose."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.marked import extract_marked

ACTORS = pd.DataFrame(
    [
        {
            "id": "von-der-leyen",
            "name": "Ursula von der Leyen",
            "kind": "official",
            "represents": "european-union",
            "aliases": ["馮德萊恩", "冯德莱恩"],
        },
        {
            "id": "zelensky",
            "name": "Volodymyr Zelensky",
            "kind": "official",
            "represents": "ukraine",
            "aliases": ["澤連斯基", "泽连斯基"],
        },
        {"id": "european-union", "name": "European Union", "kind": "organization", "aliases": ["歐盟"]},
        {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": ["烏克蘭"]},
    ]
)


def _drafted(text: str) -> list[tuple[str, str]]:
    found, _ = extract_marked(text, "zh", ACTORS)
    return [(d.text, d.speaker.name if d.speaker is not None else "") for d in found]


def test_a_clause_read_as_the_subject_is_no_actor() -> None:
    text = "該國總理在歐盟領袖召開緊急會議後，出席峰會期間告訴媒體：「和平談判出現新的動能。」\n"
    speakers = [speaker for _, speaker in _drafted(text)]
    assert not any("期間" in speaker or "出席" in speaker for speaker in speakers)


def test_the_two_leaders_are_the_two_named_before() -> None:
    # as for "两人" and "兩國外長": each of the two gets the words, the first named first
    text = (
        "馮德萊恩周一在布魯塞爾會見澤連斯基。\n兩位領袖再次強調，歐盟將持續以外交及財政支援方式協助烏克蘭。\n"
    )
    words = "歐盟將持續以外交及財政支援方式協助烏克蘭"
    assert _drafted(text) == [(words, "Ursula von der Leyen"), (words, "Volodymyr Zelensky")]
