"""Cue words of each language (dashboard/extract/languages.py): reported speech after a verb of
saying that the tables did not hold was not drafted at all. Each text is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.marked import LANGUAGE_FLAG, extract_marked

ACTORS = pd.DataFrame(
    [
        {"id": "wang-yi", "name": "Wang Yi", "kind": "official", "aliases": ["王毅"]},
        {
            "id": "sergey-lavrov",
            "name": "Sergey Lavrov",
            "kind": "official",
            "aliases": ["Сергей Лавров", "Лавров"],
        },
        {
            "id": "iwaya-takeshi",
            "name": "Iwaya Takeshi",
            "kind": "official",
            "aliases": ["岩屋外務大臣", "岩屋"],
        },
        {"id": "roberta-metsola", "name": "Roberta Metsola", "kind": "official", "aliases": []},
        {"id": "emmanuel-macron", "name": "Emmanuel Macron", "kind": "official", "aliases": []},
        {
            "id": "us-defense-department",
            "name": "US Department of Defense",
            "kind": "organization",
            "aliases": ["미국 국방부", "국방부"],
        },
    ]
)


@pytest.mark.parametrize(
    ("code", "text", "words", "speaker"),
    [
        # Korean: a forecast, a dismissal, a demand ("…다고 전망했다", "…다고 일축했다", "…다고 요구했다")
        (
            "ko",
            "미국 국방부는 북한군이 곧 전투에 투입될 수 있다고 전망했습니다.",
            "북한군이 곧 전투에 투입될 수 있다",
            "US Department of Defense",
        ),
        (
            "ko",
            "미국 국방부는 러시아의 주장은 근거가 없다고 일축했습니다.",
            "러시아의 주장은 근거가 없다",
            "US Department of Defense",
        ),
        (
            "ko",
            "미국 국방부는 북한이 도발을 즉각 중단해야 한다고 요구했습니다.",
            "북한이 도발을 즉각 중단해야 한다",
            "US Department of Defense",
        ),
        # French: a present participle going on from the sentence's verb, and a proposal
        (
            "fr",
            "Roberta Metsola a ouvert la session plénière en réitérant le soutien du Parlement européen à "
            "l'Ukraine.",
            "le soutien du Parlement européen à l'Ukraine",
            "Roberta Metsola",
        ),
        (
            "fr",
            "Emmanuel Macron a proposé la création d'une Communauté politique européenne.",
            "la création d'une Communauté politique européenne",
            "Emmanuel Macron",
        ),
        # Russian: a promise, an account given to journalists
        (
            "ru",
            "Сергей Лавров пообещал, что Россия ответит на новые санкции.",
            "Россия ответит на новые санкции",
            "Sergey Lavrov",
        ),
        (
            "ru",
            "Сергей Лавров рассказал журналистам, что переговоры продолжатся на следующей неделе.",
            "переговоры продолжатся на следующей неделе",
            "Sergey Lavrov",
        ),
        # Chinese: a charge, a rebuttal, a denial
        ("zh", "王毅指责美方干涉中国内政。", "美方干涉中国内政", "Wang Yi"),
        ("zh", "王毅驳斥所谓中国威胁论毫无根据。", "所谓中国威胁论毫无根据", "Wang Yi"),
        ("zh", "王毅否认中方向俄罗斯提供武器。", "中方向俄罗斯提供武器", "Wang Yi"),
        # Japanese: a rebuttal, a statement made plain, with the quotative と before the cue
        (
            "ja",
            "岩屋外務大臣は、ロシアの主張は受け入れられないと反論した。",
            "ロシアの主張は受け入れられない",
            "Iwaya Takeshi",
        ),
        (
            "ja",
            "岩屋外務大臣は、日本の立場は変わらないと明言した。",
            "日本の立場は変わらない",
            "Iwaya Takeshi",
        ),
    ],
)
def test_reported_speech_after_a_cue_of_the_language(code: str, text: str, words: str, speaker: str) -> None:
    found, _ = extract_marked(text, code, ACTORS)
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in found] == [
        ("paraphrase", words, speaker)
    ]
    assert LANGUAGE_FLAG in found[0].flags  # drafted without a parse: always read


@pytest.mark.parametrize(
    ("code", "text"),
    [
        # a noun, not a verb: "la proposition", and a participle with no words after it
        ("fr", "Emmanuel Macron a rejeté la proposition."),
        # "指责" as a noun (the charges someone faces), with no one's words after it
        ("zh", "面对外界的指责。"),
    ],
)
def test_no_reported_speech_without_words_said(code: str, text: str) -> None:
    found, _ = extract_marked(text, code, ACTORS)
    assert found == []
