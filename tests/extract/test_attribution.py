"""Who said it, on short texts written for the purpose: each failure the drafts made on real
international reporting, pinned (descriptions tied to the named person, transcript turns, titles
split from names, nested clauses, negation kept, one draft per statement, states by short form,
new officials with whom they speak for, and no junk actor proposed)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.drafts import Drafts, draft
from dashboard.extract.linking import ActorIndex, link_speakers
from dashboard.extract.speakers import Speaker
from tests.extract.support import SEED_BRIEFING, drafted_against

ACTORS = pd.DataFrame(
    [
        {
            "id": "united-states",
            "name": "United States",
            "kind": "state",
            "country": "US",
            "aliases": ["U.S."],
        },
        {"id": "china", "name": "China", "kind": "state", "country": "CN", "aliases": []},
        {"id": "south-korea", "name": "South Korea", "kind": "state", "country": "KR", "aliases": []},
        {"id": "ukraine", "name": "Ukraine", "kind": "state", "country": "UA", "aliases": []},
        {
            "id": "lin-jian",
            "name": "Lin Jian",
            "kind": "official",
            "represents": "china",
            "role": "Spokesperson, Ministry of Foreign Affairs",
            "aliases": [],
        },
        {
            "id": "lloyd-austin",
            "name": "Lloyd Austin",
            "kind": "official",
            "represents": "united-states",
            "role": "Secretary of Defense",
            "aliases": [],
        },
        {
            "id": "volodymyr-zelenskyy",
            "name": "Volodymyr Zelenskyy",
            "kind": "official",
            "represents": "ukraine",
            "role": "President of Ukraine",
            "aliases": [],
        },
        {
            "id": "kim-yong-hyun",
            "name": "Kim Yong-hyun",
            "kind": "official",
            "represents": "south-korea",
            "role": "Minister of National Defense",
            "aliases": [],
        },
    ]
)


def drafted(text: str) -> Drafts:
    return drafted_against(ACTORS, text)


def said(drafts: Drafts) -> list[tuple[str, str | None]]:
    """(words, speaker id) of each draft offered as a statement."""
    return [(q.text, q.speaker) for q in drafts.quotes if q.is_speech]


def speaker_of(drafts: Drafts, words: str) -> str | None:
    found = [q.speaker for q in drafts.quotes if words in q.text]
    assert found, f"no draft holds {words!r}: {[q.text for q in drafts.quotes]}"
    return found[0]


def test_a_role_description_is_the_person_named_before() -> None:
    drafts = drafted(
        "Chinese Foreign Ministry spokesman Lin Jian was asked about the troops on Friday.\n\n"
        "“The Chinese side is not aware of the situation,” the diplomat said.\n\n"
        "China hopes all parties will work for de-escalation, said the official representative of "
        "the Chinese Foreign Ministry."
    )
    assert speaker_of(drafts, "The Chinese side is not aware") == "lin-jian"
    assert speaker_of(drafts, "all parties will work for de-escalation") == "lin-jian"
    assert not any(a.name.lower() in ("diplomat", "the diplomat") for a in drafts.actors)


def test_an_answer_turn_is_the_spokespersons_and_the_question_nobodys() -> None:
    drafts = drafted(
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on November 1, 2024\n\n"
        "AFP: A question about the reported presence of North Korean soldiers in Russia. "
        "Ukraine's president said he was surprised by China's \"silence\". What is China's "
        "response?\n\n"
        "Lin Jian: China's position on the Ukraine crisis is consistent and clear. We hope all "
        "parties will work for de-escalation.\n\n"
        "Q: Will the minister visit Seoul?\n\n"
        "Lin Jian: I have no information to share."
    )
    answers = [q for q in drafts.quotes if q.speaker_found_by == "turn"]
    assert [(q.text, q.speaker, q.kind) for q in answers] == [
        (
            "China's position on the Ukraine crisis is consistent and clear. We hope all parties "
            "will work for de-escalation.",
            "lin-jian",
            "direct",
        ),
        ("I have no information to share.", "lin-jian", "direct"),
    ]
    # nothing drafted from a question: not the quoted "silence", not the journalist's words
    assert not any("silence" in q.text or "surprised" in q.text or "Seoul" in q.text for q in drafts.quotes)


def test_a_title_glued_to_the_name_is_split_off() -> None:
    drafts = drafted(
        "Defense Secretary Lloyd Austin said the troops were “a very, very serious issue” for Europe."
    )
    assert speaker_of(drafts, "very serious") == "lloyd-austin"
    assert not any("Defense Lloyd" in a.name for a in drafts.actors)


def test_the_subject_of_a_clause_inside_the_statement_is_not_the_speaker() -> None:
    drafts = drafted(
        "China on Friday insisted that ties between Moscow and Pyongyang were their "
        "own matter, although the United States has urged Beijing to use its "
        "influence."
    )
    assert speaker_of(drafts, "ties between Moscow and Pyongyang") == "china"


def test_a_denial_keeps_its_negation_and_is_flagged() -> None:
    drafts = drafted(
        "The Pentagon has not confirmed that these troops have engaged in combat against Ukrainian forces."
    )
    [quote] = [q for q in drafts.quotes if "engaged in combat" in q.text]
    assert quote.text.startswith("has not confirmed that")
    assert "negation" in quote.flags
    assert quote.speaker == "united-states"


def test_a_partial_quote_and_the_paraphrase_around_it_are_one_draft() -> None:
    drafts = drafted(
        "Austin said Monday that North Korean troops were “likely to be used in "
        "combat” in Russia's Kursk region within weeks."
    )
    quoted = [q for q in drafts.quotes if "combat" in q.text]
    assert [(q.text, q.kind) for q in quoted] == [("likely to be used in combat", "partial")]


def test_narration_is_not_drafted_as_speech() -> None:
    drafts = drafted(
        "North Korea sent about 10,000 troops to Russia in October. The soldiers "
        "trained in the far east before moving west by train."
    )
    assert said(drafts) == []


@pytest.mark.parametrize(
    ("text", "words", "actor"),
    [
        ("The US said the deployment was dangerous.", "the deployment was dangerous", "united-states"),
        ("Washington said the deployment was dangerous.", "the deployment was dangerous", "united-states"),
        ("Beijing said the deployment was not its concern.", "the deployment was not its concern", "china"),
        (
            "Zelenskyy said the soldiers had been captured alive.",
            "the soldiers had been captured",
            "volodymyr-zelenskyy",
        ),
        (
            "South Korean Defense Minister said the North may send more troops.",
            "the North may send more troops",
            "kim-yong-hyun",
        ),
    ],
)
def test_short_forms_capitals_surnames_and_offices_link_to_the_actor(
    text: str, words: str, actor: str
) -> None:
    assert speaker_of(drafted(text), words) == actor


def test_a_new_official_speaks_for_the_state_the_role_names() -> None:
    drafts = drafted(
        "South Korean President Yoon Suk Yeol said the cooperation “poses a "
        "significant security threat to the international community.”"
    )
    [actor] = [a for a in drafts.actors if not a.matched]
    assert (actor.name, actor.kind, actor.represents) == ("Yoon Suk Yeol", "official", "south-korea")
    assert actor.role == "South Korean President" or actor.role == "President"


@pytest.mark.parametrize(
    "speaker",
    [
        Speaker("diplomat", "Diplomat", "person", named=False),
        Speaker("north korean troops", "North Korean troops", "group", named=False),
        Speaker("german daily", "German daily", "unknown", named=False),
        Speaker("secretary", "Secretary", "person"),
    ],
)
def test_no_actor_is_proposed_for_a_title_a_noun_phrase_or_a_newspaper(speaker: Speaker) -> None:
    assert link_speakers([speaker], ActorIndex(ACTORS)) == {}


def test_the_seed_article_proposes_no_junk_actor() -> None:
    from dashboard.extract.readers import read_article
    from tests.extract.support import SEED_ARTICLE

    drafts = draft(read_article(SEED_ARTICLE), None, "")
    names = [a.name for a in drafts.actors]
    assert all(len(name.split()) <= 8 and "\n" not in name for name in names), names
    assert not {n.lower() for n in names} & {
        "diplomat",
        "the diplomat",
        "official",
        "secretary",
        "president",
        "experts say",
    }
    assert SEED_BRIEFING.is_dir()
