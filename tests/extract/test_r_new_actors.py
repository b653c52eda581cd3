"""New actors proposed from the article (issue 20, letter r): a person whose title names a
government body is an official who speaks for its state, with the whole title as role. Short texts
written for the purpose."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.linking import ActorDraft
from tests.extract.support import drafted_against

BRIEFING = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "country": "CN", "aliases": []},
        {"id": "france", "name": "France", "kind": "state", "country": "FR", "aliases": []},
    ]
)


def _proposed(text: str, name: str) -> ActorDraft:
    drafts = drafted_against(BRIEFING, text)
    return next(a for a in drafts.actors if a.name == name and not a.matched)


def test_a_title_naming_a_government_body_makes_an_official_of_its_state() -> None:
    actor = _proposed(
        "Talks\n\nThe talks ended on Monday.\n\nDeputy spokesperson of the Chinese Foreign Ministry Mao Xia "
        "said China opposed the move.",
        "Mao Xia",
    )
    # was kind "other", role "Chinese Foreign Ministry", speaking for nobody
    assert (actor.kind, actor.role, actor.represents) == (
        "official",
        "Deputy spokesperson of the Chinese Foreign Ministry",
        "china",
    )


def test_a_role_set_off_before_the_name_stays_the_role() -> None:
    actor = _proposed(
        "Talks\n\nThe French envoy, Claire Dubois, said the talks would resume.", "Claire Dubois"
    )
    assert (actor.kind, actor.role, actor.represents) == ("official", "French envoy", "france")
