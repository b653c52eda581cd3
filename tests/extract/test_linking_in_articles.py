"""Speakers linked to the briefing's actors in whole English texts written for the purpose (issue
20, right link on reporting the rules were not tuned on): a body that is the subject of a relative
clause, a surname several actors share."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.drafts import Drafts
from tests.extract.support import drafted_against

ACTORS = pd.DataFrame(
    [
        *(
            {"id": actor_id, "name": name, "kind": "state", "country": code, "aliases": []}
            for actor_id, name, code in [
                ("united-states", "United States", "US"),
                ("north-korea", "North Korea", "KP"),
                ("south-korea", "South Korea", "KR"),
            ]
        ),
        {
            "id": "kim-jong-un",
            "name": "Kim Jong Un",
            "kind": "official",
            "role": "Leader of North Korea",
            "represents": "north-korea",
            "aliases": [],
        },
        {
            "id": "kim-yo-jong",
            "name": "Kim Yo Jong",
            "kind": "official",
            "role": "Vice department director of the Workers' Party of Korea Central Committee",
            "represents": "north-korea",
            "aliases": [],
        },
        {
            "id": "kim-yong-hyun",
            "name": "Kim Yong-hyun",
            "kind": "official",
            "role": "Minister of National Defense of South Korea",
            "represents": "south-korea",
            "aliases": [],
        },
    ]
)


def speaker_of(drafts: Drafts, words: str) -> tuple[str | None, list[str]]:
    """The id of the actor a draft holding `words` is linked to, and the draft's flags."""
    found = [q for q in drafts.quotes if words in q.text]
    assert found, f"no draft holds {words!r}: {[q.text for q in drafts.quotes]}"
    return found[0].speaker, found[0].flags


def test_a_body_that_is_the_subject_of_a_relative_clause_keeps_its_whole_name() -> None:
    drafts = drafted_against(
        ACTORS,
        "The two ministers signed a text that the White House described as a “framework for lasting peace.”",
    )
    speaker, _ = speaker_of(drafts, "framework for lasting peace")
    assert speaker == "united-states"
    assert not [a for a in drafts.actors if not a.matched]  # no actor "White" proposed


def test_a_shared_surname_with_no_fuller_name_is_the_leader_and_the_analyst_confirms_it() -> None:
    drafts = drafted_against(
        ACTORS,
        "In his speech, Kim said, “Our army is ready for any war.”\n\n“The enemy will pay,” Kim added.",
    )
    assert speaker_of(drafts, "Our army is ready") == ("kim-jong-un", ["speaker"])
    assert speaker_of(drafts, "The enemy will pay")[0] == "kim-jong-un"
    assert not [a for a in drafts.actors if not a.matched]  # no actor "Kim" proposed


def test_a_shared_surname_with_a_role_is_the_namesake_who_holds_it() -> None:
    drafts = drafted_against(
        ACTORS,
        "South Korean Defense Minister Kim said on Monday that “the border is calm.”",
    )
    assert speaker_of(drafts, "the border is calm")[0] == "kim-yong-hyun"
