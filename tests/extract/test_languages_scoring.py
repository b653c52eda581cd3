"""The development sets' comparison of a drafted speaker's name with the annotated one is the same in
every script: titles and roles aside, a part of the name that is its first or last word, a fuller
form (tests/support/speaker_names.py, used by benchmarks/extract_devset.py)."""

from __future__ import annotations

import pytest

from tests.support.speaker_names import name_words, same_name


@pytest.mark.parametrize(
    ("annotated", "drafted"),
    [
        # English, as the scorer always read it
        ("Secretary of State Antony Blinken", "Antony Blinken"),
        ("Blinken", "Secretary Blinken"),
        ("Lin Jian", "Lin"),
        # the same rules in the other scripts
        ("外交部发言人毛宁", "毛宁"),
        ("毛宁", "外交部發言人毛宁"),
        ("斯洛文尼亞總理戈洛布", "戈洛布"),
        ("新西蘭前總理約翰‧基", "約翰基"),
        ("岩屋毅外相", "岩屋"),
        ("セルゲイ・ラブロフ", "ラブロフ"),
        ("金正恩総書記の妹・与正(ヨジョン)氏", "与正"),
        ("朴正炫(Jung Pak)", "Jung Pak"),
        ("매튜 밀러 국무부 대변인", "밀러 대변인"),
        ("라브로프", "라브로프 장관"),
        ("Лавров", "министр Лавров"),
        ("Мария Захарова", "официальный представитель МИД Мария Захарова"),
        ("Baerbock", "Außenministerin Baerbock"),
        ("Annalena Baerbock", "Baerbock"),
        ("Jean-Noël Barrot", "ministre Jean-Noël Barrot"),
        # an office named and no one: the same office with its body or state
        ("Secretary-General", "UN Secretary-General"),
        ("Spokesperson", "Spokesperson of the Pakistan Ministry of Foreign Affairs"),
    ],
)
def test_a_name_with_or_without_its_title_is_the_same_speaker(annotated: str, drafted: str) -> None:
    assert same_name(annotated, [drafted])


@pytest.mark.parametrize(
    ("annotated", "drafted"),
    [
        ("外交部发言人毛宁", "林剑"),
        ("外交部发言人毛宁", "外交部"),  # the body, not its spokesperson
        ("外交部发言人毛宁", "发言人"),  # a role with no name is nobody in particular
        ("매튜 밀러 국무부 대변인", "대변인"),
        ("岩屋毅外相", "林芳正"),
        ("Лавров", "министр"),
        ("Мария Захарова", "Сергей Лавров"),
        ("Baerbock", "Außenministerin"),
        ("Annalena Baerbock", "Olaf Scholz"),
        ("Secretary of State Antony Blinken", "Matthew Miller"),
        ("Secretary-General", "Spokesperson for the Secretary-General Stéphane Dujarric"),
        ("Spokesperson", "Spokesperson Mao Ning"),  # a name the annotation does not give
        ("Secretary-General", "NATO Deputy Secretary-General"),
        ("Secretary-General", "UN Deputy Secretary-General"),
    ],
)
def test_another_person_or_a_bare_title_is_not(annotated: str, drafted: str) -> None:
    assert not same_name(annotated, [drafted])


def test_roles_cut_a_name_without_spaces_into_its_words() -> None:
    assert name_words("美国国务卿布林肯") == ["美国", "布林肯"]
    assert name_words("外交部发言人毛宁") == ["毛宁"]
    assert name_words("Außenministerin Annalena Baerbock") == ["annalena", "baerbock"]


def test_any_of_the_actors_mentions_may_carry_the_name() -> None:
    assert same_name("外交部发言人毛宁", ["外交部", "毛宁"])
