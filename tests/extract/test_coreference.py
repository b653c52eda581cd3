"""Who a pronoun, a role description or a state's body stands for (issue 20, English reporting the
rules were not tuned on): each rule on a short text written for the purpose."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.drafts import Drafts
from tests.extract.support import drafted_against

STATES = pd.DataFrame(
    [
        *(
            {"id": actor_id, "name": name, "kind": "state", "country": code, "aliases": []}
            for actor_id, name, code in [
                ("india", "India", "IN"),
                ("thailand", "Thailand", "TH"),
                ("china", "China", "CN"),
                ("united-states", "United States", "US"),
            ]
        ),
        {"id": "united-nations", "name": "United Nations", "kind": "organization", "aliases": []},
        {
            "id": "maria-santos",
            "name": "Maria Santos",
            "kind": "official",
            "role": "UN Secretary-General",
            "represents": "united-nations",
            "aliases": [],
        },
        {
            "id": "paul-weber",
            "name": "Paul Weber",
            "kind": "official",
            "role": "Spokesman for the UN Secretary-General",
            "represents": "united-nations",
            "aliases": [],
        },
    ]
)


def drafted(text: str) -> Drafts:
    return drafted_against(STATES, text)


def name_of(drafts: Drafts, actor_id: str | None) -> str | None:
    actor = drafts.actor(actor_id) if actor_id else None
    return actor.name if actor is not None else None


def speaker_name(drafts: Drafts, words: str) -> str | None:
    found = [q for q in drafts.quotes if words in q.text]
    assert found, f"no draft holds {words!r}: {[q.text for q in drafts.quotes]}"
    actor = drafts.actor(found[0].speaker) if found[0].speaker else None
    return actor.name if actor is not None else None


def test_a_pronoun_before_anyone_spoke_is_the_subject_the_text_is_about_not_the_last_named() -> None:
    drafts = drafted(
        "Ana Lopes, president of Brazil, held talks with Bruno Keller, chancellor of Austria, in "
        "the capital on Monday.\n"
        "Ana Lopes shook hands with Bruno Keller and had a photo taken with him.\n"
        "She thanked the Austrian government for its hospitality. She said that Austria had shown "
        "its commitment to peace."
    )
    assert speaker_name(drafts, "for its hospitality") == "Ana Lopes"
    assert speaker_name(drafts, "Austria had shown its commitment") == "Ana Lopes"


def test_he_said_is_the_spokesperson_not_someone_named_in_his_words() -> None:
    drafts = drafted(
        'Foreign Office spokesperson Tariq Aziz called the agreement a positive step. "We urge '
        'restraint," he told the media.\n'
        '"We also support President Trump\'s offer to mediate the dispute," the spokesperson said.\n'
        "The spokesperson said the two armies kept in contact. Both sides have agreed on a "
        "mechanism for de-escalation, he said.\n"
        "He further said that the region needs stability."
    )
    assert speaker_name(drafts, "Both sides have agreed") == "Tariq Aziz"
    assert speaker_name(drafts, "the region needs stability") == "Tariq Aziz"


def test_a_states_envoy_is_the_representative_the_article_names_before_or_just_after() -> None:
    drafts = drafted(
        "A Chinese envoy on Wednesday called on the parties to return to talks.\n"
        "The conflict has gone on too long, said Fu Cong, China's permanent representative to the "
        "United Nations.\n"
        "China calls on all sides to stop the fighting, the Chinese envoy said, adding that aid must "
        "reach civilians."
    )
    assert speaker_name(drafts, "to return to talks") == "Fu Cong"
    assert speaker_name(drafts, "China calls on all sides") == "Fu Cong"
    assert not any("envoy" in a.name.lower() for a in drafts.actors)


def test_a_states_government_ministry_or_army_speaks_for_the_state() -> None:
    drafts = drafted(
        "India struck targets across the border on Wednesday. The Indian government said the "
        "strikes were a response to an attack.\n"
        "More than 1,000 people have been evacuated from Thailand's border areas, its health "
        "ministry said.\n"
        "The Thai army said it had responded with supporting fire."
    )
    assert speaker_name(drafts, "the strikes were a response") == "India"
    assert speaker_name(drafts, "have been evacuated") == "Thailand"
    assert speaker_name(drafts, "it had responded") == "Thailand"


def test_the_office_a_spokesman_serves_is_not_the_spokesman() -> None:
    # a briefing by the Secretary-General's spokesman, reporting the Secretary-General's words
    drafts = drafted(
        "The following is a transcript of today's briefing by Paul Weber, Spokesman for the "
        "Secretary-General.\n\n"
        "Good afternoon. I will start with a statement we issued last night. The Secretary-General "
        "said that the attack on the city was abhorrent. On this day, he said, let us remember all "
        "those who were killed. Later, Mrs. Maria Santos said, the hostages must be released."
    )
    # a copy with no headline opens with the introduction: the read-out is the spokesman's turn
    # (turns.principal), and the Secretary-General's words inside it are drafted again, as hers
    turn = next(q for q in drafts.quotes if q.text.startswith("Good afternoon"))
    assert name_of(drafts, turn.speaker) == "Paul Weber"
    nested = [q for q in drafts.quotes if q is not turn]
    for words in ("the attack on the city was abhorrent", "let us remember"):
        assert [name_of(drafts, q.speaker) for q in nested if words in q.text] == ["Maria Santos"]


def test_a_briefing_introduced_as_by_its_spokesman_is_his_turn_and_the_office_he_reports_its_own() -> None:
    drafts = drafted(
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n"
        "The following is a near-verbatim transcript of today's briefing by Paul Weber, Spokesman "
        "for the Secretary-General.\n\n"
        "Good afternoon, everyone.\n\n"
        "**Middle East\n\n"
        "I will start with a statement we issued last night. The Secretary-General said that the "
        "attack on the city was abhorrent. On this day, he said, let us remember all those who were "
        "killed.\n\n"
        "Later, Mrs. Maria Santos said, the hostages must be released."
    )
    turn = next(q for q in drafts.quotes if q.text.startswith("Good afternoon"))
    assert name_of(drafts, turn.speaker) == "Paul Weber"
    assert "The following is" not in turn.text
    # the Secretary-General's words inside the turn are drafted again, as hers
    nested = [q for q in drafts.quotes if q is not turn and "the attack on the city" in q.text]
    assert [name_of(drafts, q.speaker) for q in nested] == ["Maria Santos"]
