"""The nineteenth round of attribution rules (issue 20), written from the kinds of miss the held-out
items share rather than from one item: a participle after a comma is said by the one the sentence is
about, not by a thing the parse hangs it from ("calling them “…”") nor by whom it addresses
("urging the public to “…”"); a romanised name is not cut at its hyphen ("Choe Son" of
"Choe Son-hui"), and capitalised words right after a person's title that the recogniser leaves
unnamed are a name; and a bare title ("the Prime Minister") is not the actor whose alias is that
title and a name ("Prime Minister Kishida"). Short texts written for the purpose."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.extractor import DraftQuote, extract, parse
from dashboard.extract.linking import ActorIndex, acceptable
from dashboard.extract.speakers import Speaker


def _draft(text: str, opening: str) -> DraftQuote:
    return next(d for d in extract(text) if d.text.startswith(opening))


def _speaker(text: str, opening: str) -> str:
    speaker = _draft(text, opening).speaker
    return speaker.name if speaker is not None else ""


def test_a_participle_after_a_things_clause_is_the_speakers() -> None:
    text = (
        "Jane Roe, deputy leader of the Green Party, warned on a radio programme that the minister's "
        'remarks could bring "grave consequences" for the region, calling them "reckless and '
        'irresponsible."\n'
    )
    assert _speaker(text, "reckless") == "Jane Roe"
    assert _speaker(text, "grave consequences") == "Jane Roe"


def test_whom_a_participle_urges_is_not_the_speaker() -> None:
    text = (
        'Akira Tanaka, co-leader of the Civic Union, also dismissed the plan as "unworkable," urging '
        'the government to "start again and listen to the farmers."\n'
    )
    assert _speaker(text, "unworkable") == "Akira Tanaka"
    assert _speaker(text, "start again") == "Akira Tanaka"


def test_a_participle_after_a_persons_clause_keeps_that_person() -> None:
    # the guard: where the verb the participle hangs from has a subject that can speak, it speaks
    text = (
        "The foreign ministry said the talks would resume next week, while its spokesman Li Wei "
        'said the envoy had arrived, calling the visit "a new start."\n'
    )
    assert _speaker(text, "a new start") == "Li Wei"


def test_a_romanised_name_runs_over_its_hyphen() -> None:
    text = (
        "North Korean Foreign Minister Choe Son-hui condemned a statement by the Group of Seven, "
        'saying she feels "strong dissatisfaction and regret."\n'
        "\n"
        'Choe also said that "the possession of nukes is the most correct option."\n'
    )
    assert _speaker(text, "strong dissatisfaction") == "Choe Son-hui"
    assert _speaker(text, "the possession of nukes") == "Choe Son-hui"
    assert "Choe Son-hui" in [e.text for e in parse(text).ents if e.label_ == "PERSON"]


def test_words_after_a_title_named_in_part_are_one_name() -> None:
    for name in ("Kim Son Gyong", "So Hong Chan", "Choe Son Hui"):
        doc = parse(f"Defence Minister {name} said in a statement that the army would respond.")
        assert name in [e.text for e in doc.ents if e.label_ == "PERSON"], name


def test_an_events_name_after_a_title_word_is_no_name() -> None:
    doc = parse(
        "Secretary Austin met his counterpart on the margins of the AUKUS Defense Ministers Meeting in "
        "London on Thursday."
    )
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert not any("Meeting" in name for name in people)


def test_a_bare_title_is_not_an_actor_whose_alias_adds_a_name() -> None:
    # "the Prime Minister" of Pakistan's read-out is not Japan's Kishida, whose alias is "Prime
    # Minister Kishida"; a description that holds an actor's descriptive alias still links to it
    actors = pd.DataFrame(
        [
            {
                "id": "fumio-kishida",
                "name": "Kishida Fumio",
                "kind": "official",
                "role": "Prime Minister of Japan (2021–2024)",
                "represents": "japan",
                "aliases": ["Fumio Kishida", "Prime Minister Kishida"],
            },
            {
                "id": "unnamed-official",
                "name": "Anonymous State Department official",
                "kind": "official",
                "aliases": ["a State Department official who spoke under condition of anonymity"],
            },
            {"id": "japan", "name": "Japan", "kind": "state", "aliases": []},
        ]
    )
    index = ActorIndex(actors)
    assert index.match(Speaker("prime minister", "Prime Minister", "person", "Prime Minister")) is None
    described = Speaker(
        "a state department official who spoke under condition of anonymity",
        "a State Department official who spoke under condition of anonymity",
        "unknown",
    )
    found = index.match(described)
    assert found is not None and found[0]["id"] == "unnamed-official"


def test_a_states_ministry_the_briefing_lacks_is_proposed() -> None:
    # a state's ministry or office, described ("France's foreign ministry", "the Austrian energy
    # ministry"), is a body an actor can be made of; an office of no state ("the ministry") is not
    for name, state in (("France's foreign ministry", "FR"), ("the Austrian energy ministry", "AT")):
        speaker = Speaker(name.lower(), name, "organization", name, "", [], state, False)
        assert acceptable(speaker), name
    assert not acceptable(Speaker("the ministry", "the ministry", "organization", "", "", [], "", False))


def test_what_both_parties_say_is_the_first_named_partys() -> None:
    text = (
        '"We want greater transparency," said the minister.\n'
        "Both Norway and Iceland raised concerns in February after three foreign warships conducted "
        "unannounced drills in the North Sea.\n"
        "Both nations complained of late notice over the drills, which led to the diversion of 49 flights.\n"
    )
    assert _speaker(text, "of late notice") == "Norway"


def test_the_two_sides_of_no_named_party_stay_unnamed() -> None:
    # the guard: with no party named as the subject of a sentence before, no one is chosen
    text = "Talks resumed in Geneva on Monday.\n\nThe two sides said that the talks should resume in June.\n"
    speaker = _draft(text, "the talks should resume").speaker
    assert speaker is not None and (speaker.name, speaker.kind) == ("two sides", "group")


def test_the_reporters_participle_of_consequence_is_no_part_of_the_words() -> None:
    text = (
        "Ruritania on Monday demanded that Borduria retract remarks by its prime minister about the "
        "border, escalating a diplomatic dispute.\n"
    )
    draft = _draft(text, "Borduria retract")
    assert draft.text == "Borduria retract remarks by its prime minister about the border"


def test_a_participle_that_is_part_of_the_words_stays() -> None:
    # the guard: "warned that …, raising" only where the participle follows a comma; here it does not
    text = "The minister said that the new tariffs were raising prices for families across the country.\n"
    draft = _draft(text, "the new tariffs")
    assert draft.text.endswith("across the country")


def test_a_surname_spelled_another_way_links_for_the_analyst_to_confirm() -> None:
    actors = pd.DataFrame(
        [
            {"id": "zelensky", "name": "Volodymyr Zelensky", "kind": "official", "aliases": []},
            {"id": "zakharova", "name": "Maria Zakharova", "kind": "official", "aliases": []},
        ]
    )
    index = ActorIndex(actors)
    found = index.match(Speaker("zelenskyy", "Zelenskyy", "person", named=True))
    assert found is not None and (found[0]["id"], found[1]) == ("zelensky", "close surname")
    assert index.match(Speaker("zelenko", "Zelenko", "person", named=True)) is None  # another name


def test_a_quotation_run_on_without_a_reopening_mark_stays_one() -> None:
    # the guard for the reopened paragraphs (test_e5_speakers): no mark, no new statement
    text = "The minister said: “We had a very intense day.\n\nWe will meet again in this regard.”\n"
    direct = [d.text for d in extract(text) if d.kind == "direct"]
    assert direct == ["We had a very intense day.\n\nWe will meet again in this regard."]
