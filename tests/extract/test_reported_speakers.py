"""Who reported speech is of, on short texts written for the purpose (issue 20, rules meant for
any reporting, not for the items they were found on)."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.drafts import Drafts
from tests.extract.support import drafted_against

ACTORS = pd.DataFrame(
    [
        {"id": actor_id, "name": name, "kind": "state", "country": code, "aliases": []}
        for actor_id, name, code in [
            ("india", "India", "IN"),
            ("pakistan", "Pakistan", "PK"),
            ("norway", "Norway", "NO"),
            ("chile", "Chile", "CL"),
        ]
    ]
)


def drafted(text: str) -> Drafts:
    return drafted_against(ACTORS, text)


def speakers_of(drafts: Drafts, words: str) -> list[str]:
    names = []
    for quote in drafts.quotes:
        if words in quote.text and quote.is_speech:
            actor = drafts.actor(quote.speaker) if quote.speaker else None
            names.append(actor.name if actor is not None else "")
    return names


def test_an_agreement_reported_according_to_someone_is_their_statement_not_the_parties() -> None:
    drafts = drafted(
        "India and Pakistan have agreed to a ceasefire on all fronts, according to Foreign "
        "Secretary Ravi Menon.\n"
        "The ministers agreed to remain in close contact."
    )
    assert speakers_of(drafts, "to a ceasefire on all fronts") == ["Ravi Menon"]
    assert speakers_of(drafts, "remain in close contact")  # a readout's agreement: a statement


def test_someones_remarks_came_gives_the_paragraph_before_to_them_flagged() -> None:
    drafts = drafted(
        "OSLO — Norway's foreign ministry on Wednesday urged both sides not to make unfounded "
        "claims about the border, warning that escalation would harm everyone.\n\n"
        "Ministry spokesperson Eva Lund's remarks at a regular press conference came in response to "
        "a question about the talks."
    )
    assert speakers_of(drafts, "not to make unfounded claims") == ["Eva Lund"]
    quote = next(q for q in drafts.quotes if "not to make unfounded claims" in q.text)
    assert "speaker" in quote.flags  # read from the sentence after: a guess, not in bulk


def test_termed_is_a_cue_and_a_conjoined_claim_to_have_done_reports_its_own_words() -> None:
    drafts = drafted(
        "Foreign Office spokesperson Ravi Menon termed the announcement of the ceasefire a positive "
        "development.\n"
        "Pakistan responded with artillery fire and claimed to have shot down five fighter jets.\n"
        "Observers noticed that the wording is a rare diplomatic term in such protests."
    )
    assert speakers_of(drafts, "the announcement of the ceasefire a positive") == ["Ravi Menon"]
    claimed = [q.text for q in drafts.quotes if q.is_speech and "shot down" in q.text]
    assert claimed == ["to have shot down five fighter jets"]  # not "responded with artillery fire"
    assert speakers_of(drafts, "rare diplomatic") == []  # a term, the noun: no cue


def test_a_title_in_marks_inside_reported_words_leaves_them_a_statement() -> None:
    drafts = drafted(
        "Minister Eva Lund stated that Norway would cooperate with the efforts of the “Peace Formula” "
        "promoted by the president."
    )
    assert speakers_of(drafts, "Norway would cooperate with the efforts") == ["Eva Lund"]
    title = next(q for q in drafts.quotes if q.text == "Peace Formula")
    assert not title.is_speech  # the plan's name: nobody's words
