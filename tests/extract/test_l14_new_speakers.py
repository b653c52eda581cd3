"""Speakers the briefing lacks, in the languages read by their marks (issue 20's "a proposed new
actor is a person, an office or an organisation", issue 22): a state named by its name or its
capital ("Pyongyang a qualifié …") is proposed as that state, not as a person called Pyongyang; a
body named with its article before the verb ("Le Conseil fédéral a annoncé …") is a body, not the
last speaker going on; "Selon X, présidente de …, « … »" is X's, and the reported words start
after the title in apposition. Short texts written for the purpose."""

from __future__ import annotations

from pathlib import Path

from dashboard.extract.briefings import load_briefing
from dashboard.extract.drafts import draft
from dashboard.extract.marked import extract_marked
from dashboard.extract.readers import article_from_text

BRIEFING = Path(__file__).resolve().parents[2] / "benchmarks" / "devsets" / "fr" / "briefing"


def _found(text: str) -> list[tuple[str, str, str]]:
    briefing, _ = load_briefing(BRIEFING)
    found, _ = extract_marked(text, "fr", briefing.actors)
    return [(d.text, d.speaker.name, d.speaker.kind) if d.speaker else (d.text, "", "") for d in found]


def test_a_capital_the_briefing_lacks_is_its_state() -> None:
    text = (
        "La Corée du Nord rejette l'offre de dialogue\n"
        "\n"
        "Pyongyang a qualifié le président sud-coréen d'« hypocrite » dans un communiqué.\n"
    )
    briefing, _ = load_briefing(BRIEFING)
    drafts = draft(article_from_text(text), briefing, "fr-test")
    [quote] = drafts.quotes
    actor = next(a for a in drafts.actors if a.id == quote.speaker)
    assert (actor.name, actor.kind, actor.match) == ("North Korea", "state", "new")


def test_a_body_named_with_its_article_is_a_body() -> None:
    text = (
        "« C'est une provocation », a réagi Kim Yo-jong dans un communiqué.\n"
        "\n"
        "Le Conseil fédéral a annoncé jeudi que « les négociations se poursuivront ».\n"
    )
    assert _found(text)[1] == ("les négociations se poursuivront", "Conseil fédéral", "organization")


def test_according_to_a_name_and_her_title_the_words_are_hers() -> None:
    text = "Selon Karin Keller-Sutter, présidente de la Confédération, la Suisse reste ouverte au dialogue.\n"
    assert _found(text) == [
        ("la Suisse reste ouverte au dialogue", "Karin Keller-Sutter", "person"),
    ]


def test_a_title_with_its_article_is_no_body() -> None:
    # the guard: "Le Président a déclaré" is a description of a person, never a body "Président"
    text = (
        "Emmanuel Macron est arrivé à Berlin.\n\nLe Président a déclaré que « l'Europe doit rester unie ».\n"
    )
    assert _found(text)[0][1:] == ("Emmanuel Macron", "person")


def _found_in(text: str, language: str) -> list[tuple[str, str, str]]:
    briefing, _ = load_briefing(BRIEFING.parent.parent / language / "briefing")
    found, _ = extract_marked(text, language, briefing.actors)
    return [(d.text, d.speaker.name, d.speaker.role) if d.speaker else (d.text, "", "") for d in found]


def test_a_russian_title_keeps_its_state_out_of_the_name() -> None:
    text = "«Мы должны действовать сейчас», заявила министр иностранных дел Канады Анита Ананд.\n"
    assert _found_in(text, "ru") == [
        ("Мы должны действовать сейчас", "Анита Ананд", "министр иностранных дел Канады")
    ]


def test_a_russian_name_in_the_genitive_stays_a_name() -> None:
    # the guard: "Марии" ends as a state's genitive may, and is a person's name
    text = "По словам официального представителя МИД Марии Захаровой, «переговоры продолжатся».\n"
    [(_, name, _)] = _found_in(text, "ru")
    assert "Захаров" in name or name == "Maria Zakharova"


def test_a_german_body_by_its_names_ending() -> None:
    text = (
        "„Das ist eine Provokation“, erklärte Kim Yo-jong.\n"
        "\n"
        "Der Bundesrat teilte am Donnerstag mit, „die Verhandlungen werden fortgesetzt“.\n"
    )
    assert _found_in(text, "de")[1][:2] == ("die Verhandlungen werden fortgesetzt", "Bundesrat")


def test_a_chinese_name_after_its_title_less_gloss_and_day() -> None:
    text = (
        "加拿大外長安南德（Anita Anand）週一在紐約表示：「我們必須立即行動。」\n"
        "瑞士聯邦主席凱勒-祖特表示，瑞士仍對對話持開放態度。\n"
        "瑞士聯邦委員會週四宣布，「談判將繼續進行」。\n"
    )
    assert _found_in(text, "zh") == [
        ("我們必須立即行動。", "安南德", "加拿大外長"),
        ("瑞士仍對對話持開放態度", "凱勒-祖特", "瑞士聯邦主席"),
        ("談判將繼續進行", "瑞士聯邦委員會", ""),
    ]


def test_a_korean_name_before_its_state_and_title() -> None:
    text = (
        "아니타 아난드 캐나다 외교장관은 월요일 뉴욕에서 “우리는 지금 행동해야 한다”고 말했다.\n"
        "스위스 연방평의회는 목요일 “협상이 계속될 것”이라고 발표했다.\n"
    )
    assert _found_in(text, "ko") == [
        ("우리는 지금 행동해야 한다", "아니타 아난드", "캐나다 외교장관"),
        ("협상이 계속될 것", "스위스 연방평의회", ""),
    ]


def _new_actors(text: str, language: str) -> list[tuple[str, str, str]]:
    briefing, _ = load_briefing(BRIEFING.parent.parent / language / "briefing")
    drafts = draft(article_from_text(text), briefing, f"{language}-test")
    return [(a.name, a.kind, a.represents) for a in drafts.actors if a.match == "new"]


def test_a_new_official_represents_the_state_the_role_names() -> None:
    korean = "알렉산드르 그루시코 러시아 외무차관은 “나토의 확장은 위협”이라고 말했다.\n"
    assert _new_actors(korean, "ko") == [("알렉산드르 그루시코", "official", "russia")]
    assert _new_actors("俄罗斯外交部副部长格鲁什科表示：“北约扩张是威胁。”\n", "zh") == [
        ("格鲁什科", "official", "russia")
    ]


def test_a_name_after_a_title_the_briefing_knows_is_someone_else() -> None:
    # "министр иностранных дел России" is Lavrov's office; his deputy, named after it, is not Lavrov
    text = (
        "Заместитель министра иностранных дел России Александр Грушко заявил, что «расширение "
        "НАТО — угроза».\n"
    )
    assert _new_actors(text, "ru") == [("Александр Грушко", "official", "russia")]


def test_french_to_whom_or_where_between_the_verb_and_who() -> None:
    text = (
        "« Nous ne négocierons pas sous la pression », a martelé Abbas Araghchi.\n"
        "\n"
        "« Les discussions sont dans l'impasse », a déclaré à l'AFP un diplomate européen sous "
        "couvert d'anonymat.\n"
        "\n"
        "« Nous restons mobilisés », a écrit sur X le président ukrainien.\n"
    )
    found = _found(text)
    assert found[1][:2] == ("Les discussions sont dans l'impasse", "un diplomate européen")
    assert found[2][:2] == ("Nous restons mobilisés", "Volodymyr Zelensky")


def test_a_french_incise_in_the_present_names_its_speaker() -> None:
    text = (
        "« Nous ne céderons pas », a déclaré Jean-Noël Barrot.\n"
        "\n"
        "« Nous n'accepterons pas cette pression », tranche Karin Keller-Sutter.\n"
        "\n"
        "« La paix est possible », juge pour sa part le chancelier Friedrich Merz.\n"
    )
    assert [name for _, name, _ in _found(text)] == [
        "Jean-Noël Barrot",
        "Karin Keller-Sutter",
        "Friedrich Merz",
    ]
