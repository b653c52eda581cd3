"""Speakers to the briefing's actors: by name, alias in any script, close spelling; never a stranger."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.linking import ActorIndex, link_speakers
from dashboard.extract.speakers import Speaker

ACTORS = pd.DataFrame(
    [
        {
            "id": "xi-jinping",
            "name": "Xi Jinping",
            "kind": "official",
            "role": "President of China",
            "represents": "china",
            "aliases": ["习近平", "President Xi"],
        },
        {
            "id": "lu-chao",
            "name": "Lu Chao",
            "kind": "expert",
            "affiliation": "Liaoning University",
            "aliases": ["吕超"],
        },
        {
            "id": "blinken",
            "name": "Antony Blinken",
            "kind": "official",
            "represents": "united-states",
            "aliases": [],
        },
        {"id": "china", "name": "China", "kind": "state", "aliases": ["Beijing", "中国"]},
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["U.S."]},
        {
            "id": "chinese-embassy",
            "name": "Embassy of China in the United States",
            "kind": "organization",
            "represents": "china",
            "aliases": ["Chinese Embassy in Washington"],
        },
        {
            "id": "unnamed-official",
            "name": "Anonymous State Department official",
            "kind": "official",
            "aliases": ["a State Department official who spoke under condition of anonymity"],
        },
    ]
)


@pytest.fixture
def index() -> ActorIndex:
    return ActorIndex(ACTORS)


@pytest.mark.parametrize(
    ("speaker", "actor_id", "how"),
    [
        (Speaker("xi jinping", "Xi Jinping", "person"), "xi-jinping", "exact"),
        (Speaker("习近平", "习近平", "person"), "xi-jinping", "alias"),
        (Speaker("吕超", "吕超", "person"), "lu-chao", "alias"),
        (Speaker("the united states", "the United States", "place"), "united-states", "exact"),
        (Speaker("beijing", "Beijing", "place"), "china", "alias"),
        (Speaker("anthony blinken", "Anthony Blinken", "person"), "blinken", "fuzzy"),
        (Speaker("blinken", "Blinken", "person"), "blinken", "surname"),
        (
            Speaker("state department official who spoke", "State Department official who spoke", "unknown"),
            "unnamed-official",
            "description",
        ),
    ],
)
def test_a_speaker_finds_the_actor(index: ActorIndex, speaker: Speaker, actor_id: str, how: str) -> None:
    found = index.match(speaker)
    assert found is not None
    actor, found_how, score = found
    assert (actor["id"], found_how) == (actor_id, how)
    assert score >= 88


@pytest.mark.parametrize(
    "speaker",
    [
        Speaker("lu kang", "Lu Kang", "person"),  # same surname, another person
        Speaker("xi mingze", "Xi Mingze", "person"),
        Speaker("china", "China", "person"),  # a person is never matched to a state
        Speaker("antony blinkenberg", "Antony Blinkenberg", "person"),
    ],
)
def test_a_different_person_is_never_merged_in(index: ActorIndex, speaker: Speaker) -> None:
    assert index.match(speaker) is None


def test_a_new_official_is_proposed_with_whom_they_speak_for(index: ActorIndex) -> None:
    speaker = Speaker("liu pengyu", "Liu Pengyu", "person", "spokesperson", "Chinese Embassy in Washington")
    [draft] = link_speakers([speaker], index).values()
    assert (draft.id, draft.kind, draft.role, draft.represents, draft.matched) == (
        "liu-pengyu",
        "official",
        "Spokesperson",
        "chinese-embassy",
        False,
    )


def test_a_new_expert_is_proposed_with_an_affiliation(index: ActorIndex) -> None:
    speaker = Speaker(
        "shi yinhong", "Shi Yinhong", "person", "international relations expert", "Renmin University of China"
    )
    [draft] = link_speakers([speaker], index).values()
    assert (draft.kind, draft.affiliation, draft.represents) == ("expert", "Renmin University of China", "")


def test_a_new_id_never_takes_an_existing_one() -> None:
    index = ActorIndex(
        pd.DataFrame([{"id": "lu-chao", "name": "Lu Chao (another)", "kind": "state", "aliases": []}])
    )
    [draft] = link_speakers([Speaker("lu chao", "Lu Chao", "person", "director")], index).values()
    assert draft.id == "lu-chao-2" and not draft.matched


def test_two_mentions_of_one_actor_give_one_draft(index: ActorIndex) -> None:
    drafts = link_speakers(
        [Speaker("xi jinping", "Xi Jinping", "person"), Speaker("习近平", "习近平", "person")], index
    )
    assert len({id(d) for d in drafts.values()}) == 1


NAMESAKES = pd.DataFrame(
    [
        {"id": "ruritania", "name": "Ruritania", "kind": "state", "aliases": []},
        {"id": "osterlich", "name": "Osterlich", "kind": "state", "aliases": []},
        {
            "id": "park-min-ho",
            "name": "Park Min-ho",
            "kind": "official",
            "role": "President of Ruritania",
            "represents": "ruritania",
            "aliases": [],
        },
        {
            "id": "park-ji-won",
            "name": "Park Ji-won",
            "kind": "official",
            "role": "Vice President of Ruritania",
            "represents": "ruritania",
            "aliases": [],
        },
        {
            "id": "park-sung-jin",
            "name": "Park Sung-jin",
            "kind": "official",
            "role": "President of Ruritania (2015–2020)",
            "represents": "ruritania",
            "aliases": [],
        },
    ]
)


def test_a_surname_several_actors_share_is_the_one_who_leads_a_state_now() -> None:
    index = ActorIndex(NAMESAKES)
    found = index.match(Speaker("park", "Park", "person"))
    assert found is not None and (found[0]["id"], found[1]) == ("park-min-ho", "shared surname")


def test_a_shared_surname_is_never_guessed_between_two_leaders_or_against_the_role_given() -> None:
    two_leaders = pd.concat(
        [
            NAMESAKES,
            pd.DataFrame(
                [
                    {
                        "id": "park-hae-in",
                        "name": "Park Hae-in",
                        "kind": "official",
                        "role": "Prime Minister of Osterlich",
                        "represents": "osterlich",
                        "aliases": [],
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    assert ActorIndex(two_leaders).match(Speaker("park", "Park", "person")) is None
    # the article's role decides, not the leader: a foreign minister Park is none of them
    assert ActorIndex(NAMESAKES).match(Speaker("park", "Park", "person", "Foreign Minister")) is None
    for role, actor_id in [("Vice President", "park-ji-won"), ("President", "park-min-ho")]:
        found = ActorIndex(NAMESAKES).match(Speaker("park", "Park", "person", role))
        assert found is not None and found[0]["id"] == actor_id


BODIES = pd.DataFrame(
    [
        {"id": "freedonia", "name": "Freedonia", "kind": "state", "aliases": ["Freedonian Front government"]},
        {"id": "sylvania", "name": "Sylvania", "kind": "state", "aliases": ["Sylvanian Front"]},
        {"id": "tomainia-league", "name": "Tomainia League", "kind": "organization", "aliases": []},
        {"id": "european-union", "name": "European Union", "kind": "organization", "aliases": []},
    ]
)


def test_an_official_described_by_a_name_one_body_has_speaks_for_it() -> None:
    index = ActorIndex(BODIES)
    official = Speaker("a senior league official", "a senior League official", "person", named=False)
    found = index.match(official)
    assert found is not None and (found[0]["id"], found[1]) == ("tomainia-league", "body")
    # a word two bodies' names share names neither; a group of leaders is not one body's official
    front = Speaker("a senior front official", "a senior Front official", "person", named=False)
    leaders = Speaker("european leaders", "European leaders", "group", named=False)
    assert index.match(front) is None and index.match(leaders) is None
