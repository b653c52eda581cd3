"""Who speaks (issue 20, ninth round): the outlet a person talks to is not the speaker, a document
owned by a body says what that body said, and an act of speech denied introduces no one's words;
each rule on a short text written for the purpose."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.drafts import Drafts, QuoteDraft
from dashboard.extract.places import state_in
from dashboard.extract.review import Review
from tests.extract.support import drafted_against, quote_of

BRIEFING = pd.DataFrame(
    [
        {"id": actor_id, "name": name, "kind": "state", "country": code, "aliases": []}
        for actor_id, name, code in [
            ("iran", "Iran", "IR"),
            ("russia", "Russia", "RU"),
            ("denmark", "Denmark", "DK"),
        ]
    ]
)


def drafted(text: str) -> Drafts:
    return drafted_against(BRIEFING, text)


def speaker_name(drafts: Drafts, quote: QuoteDraft) -> str:
    actor = drafts.actor(quote.speaker)
    return actor.name if actor is not None else ""


def test_a_described_person_who_told_an_outlet_is_the_speaker_not_the_outlet() -> None:
    drafts = drafted(
        "The delegations meet on Wednesday.\n\n"
        "In Copenhagen, “this is the big national news,” Karen Holm, a Danish political analyst and "
        "former diplomat, told Reuters.\n\n"
        "Peter Dahl, a senior researcher at a Danish institute, told the BBC that the dispute is "
        "prompting deeper questions about old ties."
    )
    assert speaker_name(drafts, quote_of(drafts, "big national news")) == "Karen Holm"
    assert speaker_name(drafts, quote_of(drafts, "prompting deeper questions")) == "Peter Dahl"


def test_a_name_after_the_verb_still_speaks_when_the_verb_has_no_subject_before_it() -> None:
    drafts = drafted(
        "The talks resume next week.\n\n"
        "“We are ready to talk about everything,” said Karen Holm, who leads the delegation."
    )
    assert speaker_name(drafts, quote_of(drafts, "ready to talk")) == "Karen Holm"


def test_the_statement_of_a_body_says_what_the_body_said() -> None:
    drafts = drafted(
        "Talks ended on Saturday.\n\n"
        "“The talks will go on,” the Iranian Foreign Ministry said on Saturday.\n\n"
        "The two sides held discussions “in a calm and respectful atmosphere”, the ministry's statement "
        "on its channel added."
    )
    quote = quote_of(drafts, "calm and respectful")
    assert quote.speaker == "iran"  # the ministry, a body of its state, as the sets link it
    assert quote.id not in Review.start(drafts).confident().accepted  # a description: never in bulk


def test_a_quotation_after_a_denied_act_of_speech_is_not_the_denier_s() -> None:
    drafts = drafted(
        "The aide spoke on Sunday.\n\n"
        'Calls happen often, but Russia never discloses such conversations to the media: "I do not '
        'comment on the conversations."'
    )
    quote = quote_of(drafts, "I do not comment")
    assert quote.speaker != "russia"
    assert quote.id not in Review.start(drafts).confident().accepted


def test_a_quotation_after_an_act_of_speech_not_denied_is_its_subject_s() -> None:
    drafts = drafted(
        "The aide spoke on Sunday.\n\n"
        'Russia repeated its position to the media: "We do not comment on the conversations."'
    )
    assert quote_of(drafts, "We do not comment").speaker == "russia"


def test_the_full_name_of_north_korea_is_north_korea_not_the_republic_inside_it() -> None:
    assert state_in("the official news agency of the Democratic People's Republic of Korea") == "KP"
    assert state_in("the Democratic People’s Republic of Korea (DPRK)") == "KP"
    assert state_in("the Republic of Korea") == "KR"  # still the South
    assert state_in("the People's Republic of China") == "CN"


def test_a_body_described_before_the_article_names_it_is_that_body() -> None:
    drafts = drafted(
        "Drills condemned\n\n"
        "The official news agency of the Democratic People's Republic of Korea on Saturday condemned "
        "the recent joint drills, saying that “the balance of power will never be destroyed.”\n\n"
        "The hostile forces are intensifying military cooperation, the Korean Central News Agency "
        "(KCNA) said in a commentary."
    )
    quote = quote_of(drafts, "balance of power")
    assert speaker_name(drafts, quote) == "Korean Central News Agency"
    assert quote.id not in Review.start(drafts).confident().accepted  # a description: never in bulk


def test_a_body_described_is_not_read_as_one_of_two_bodies_named_after_it() -> None:
    drafts = drafted(
        "Drills condemned\n\n"
        "The official news agency of the Democratic People's Republic of Korea on Saturday condemned "
        "the recent joint drills, saying that “the balance of power will never be destroyed.”\n\n"
        "The Yonhap News Agency and the Kyodo News Agency both reported the commentary."
    )
    quote = quote_of(drafts, "balance of power")
    assert speaker_name(drafts, quote) not in ("Yonhap News Agency", "Kyodo News Agency")


def test_a_commentary_says_what_its_author_said() -> None:
    drafts = drafted(
        "Drills condemned\n\n"
        "The hostile forces are intensifying military cooperation, the Korean Central News Agency said "
        "in a commentary.\n\n"
        "“Such actions will never be tolerated,” the commentary added."
    )
    assert speaker_name(drafts, quote_of(drafts, "never be tolerated")) == "Korean Central News Agency"


def test_the_document_after_an_inverted_said_is_not_the_words_said() -> None:
    drafts = drafted(
        "Drills condemned\n\n"
        "The United States and Japan are staging maneuvers on the largest scale ever seen from Thursday, "
        "the Korean Central News Agency said in a commentary.\n\n"
        "The United States, Japan and the ROK will also launch the third multi-domain joint military "
        "exercises Freedom Edge, said the commentary."
    )
    assert drafts.quotes, "the first statement is drafted"
    assert not [q.text for q in drafts.quotes if q.text.strip().lower() == "the commentary"]


def test_what_the_commentary_said_is_drafted_as_its_author_s() -> None:
    drafts = drafted(
        "Drills condemned\n\n"
        "The United States and Japan are staging maneuvers on the largest scale ever seen from Thursday, "
        "the Korean Central News Agency said in a commentary.\n\n"
        "The United States, Japan and the ROK will also launch the third multi-domain joint military "
        "exercises Freedom Edge, said the commentary."
    )
    quote = quote_of(drafts, "will also launch the third")
    assert speaker_name(drafts, quote) == "Korean Central News Agency"
    assert quote.id not in Review.start(drafts).confident().accepted  # a description: never in bulk
