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
            "aliases": ["Сергей Лавров", "Лавров", "Sergej Lawrow", "Sergueï Lavrov"],
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
        # Japanese: a view shown after the quotative と and の, an answer
        (
            "ja",
            "岩屋外務大臣は、引き続き状況の改善に寄与していくとの考えを示しました。",
            "引き続き状況の改善に寄与していく",
            "Iwaya Takeshi",
        ),
        (
            "ja",
            "岩屋外務大臣は、日本の立場は変わらないと答えました。",
            "日本の立場は変わらない",
            "Iwaya Takeshi",
        ),
        # Chinese: an admission, words written
        ("zh", "王毅坦承，双方在一些问题上仍存在分歧。", "双方在一些问题上仍存在分歧", "Wang Yi"),
        ("zh", "王毅在社交媒体上写道，中方愿同各方加强沟通与合作。", "中方愿同各方加强沟通与合作", "Wang Yi"),
        # Korean: a denial, a confirmation
        (
            "ko",
            "미국 국방부는 북한군이 전투에 참여했다는 보도는 사실이 아니라고 부인했습니다.",
            "북한군이 전투에 참여했다는 보도는 사실이 아니라",
            "US Department of Defense",
        ),
        (
            "ko",
            "미국 국방부는 북한군 병력이 약 1만 명에 이른다고 확인했습니다.",
            "북한군 병력이 약 1만 명에 이른다",
            "US Department of Defense",
        ),
        # Russian: an objection, an insistence
        (
            "ru",
            "Сергей Лавров возразил, что Россия не нарушала никаких договоренностей.",
            "Россия не нарушала никаких договоренностей",
            "Sergey Lavrov",
        ),
        (
            "ru",
            "Лавров настаивал, что переговоры должны проходить без предварительных условий.",
            "переговоры должны проходить без предварительных условий",
            "Sergey Lavrov",
        ),
        # German: a denial, an explanation
        (
            "de",
            "Sergej Lawrow bestritt, dass Russland Waffen aus Nordkorea erhalten habe.",
            "Russland Waffen aus Nordkorea erhalten habe",
            "Sergey Lavrov",
        ),
        (
            "de",
            "Sergej Lawrow erläuterte, Russland sei zu Gesprächen ohne Vorbedingungen bereit.",
            "Russland sei zu Gesprächen ohne Vorbedingungen bereit",
            "Sergey Lavrov",
        ),
        # French: a denial, a remark
        (
            "fr",
            "Sergueï Lavrov a démenti que la Russie ait reçu des armes de Corée du Nord.",
            "la Russie ait reçu des armes de Corée du Nord",
            "Sergey Lavrov",
        ),
        (
            "fr",
            "Sergueï Lavrov a noté que les discussions se poursuivraient la semaine prochaine.",
            "les discussions se poursuivraient la semaine prochaine",
            "Sergey Lavrov",
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


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("王毅强调说，中方的立场始终是一贯的和明确的。", "强调说"),
        ("王毅解释说，中方的立场始终是一贯的和明确的。", "解释说"),
        ("王毅補充說，中方的立場始終是一貫的和明確的。", "補充說"),
        ("王毅回应称，中方的立场始终是一贯的和明确的。", "回应称"),
    ],
)
def test_chinese_verb_of_saying_joined_to_one_that_opens_the_words(text: str, cue: str) -> None:
    """ "强调说", "回应称": one cue; the words start after both (they started at "说，")."""
    found, _ = extract_marked(text, "zh", ACTORS)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in found] == [("paraphrase", "Wang Yi")]
    assert found[0].text.startswith(("中方的立场", "中方的立場"))
    assert found[0].cue_span is not None
    assert text[found[0].cue_span[0] : found[0].cue_span[1]] == cue


def test_chinese_second_verb_is_not_a_word_of_its_own() -> None:
    """ "强调道德": 道 opens a word of its own, not the words said."""
    text = "王毅强调道德建设的重要性，中方愿同各方加强合作。"
    found, _ = extract_marked(text, "zh", ACTORS)
    assert found
    assert found[0].text.startswith("道德建设")
