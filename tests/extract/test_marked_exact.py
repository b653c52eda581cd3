"""Quotations in marks drafted with their exact words, kind and speaker (issue 20, English
reporting the rules were not tuned on): each general cause on a short text written for it."""

from __future__ import annotations

import pandas as pd

from dashboard.extract.drafts import Drafts, QuoteDraft
from tests.extract.support import drafted_against

ACTORS = pd.DataFrame(
    [
        *(
            {"id": actor_id, "name": name, "kind": "state", "country": code, "aliases": []}
            for actor_id, name, code in [
                ("israel", "Israel", "IL"),
                ("united-states", "United States", "US"),
                ("norway", "Norway", "NO"),
                ("chile", "Chile", "CL"),
            ]
        ),
        {
            "id": "dan-mercer",
            "name": "Dan Mercer",
            "kind": "official",
            "role": "US special envoy for the Middle East",
            "represents": "united-states",
            "aliases": [],
        },
    ]
)


def drafted(text: str) -> Drafts:
    return drafted_against(ACTORS, text)


def the_draft(drafts: Drafts, words: str) -> QuoteDraft:
    found = [q for q in drafts.quotes if words in q.text and q.is_speech]
    assert found, f"no draft holds {words!r}: {[q.text for q in drafts.quotes]}"
    return found[0]


def speaker_name(drafts: Drafts, words: str) -> str | None:
    quote = the_draft(drafts, words)
    actor = drafts.actor(quote.speaker) if quote.speaker else None
    return actor.name if actor is not None else None


def test_a_copy_quoting_in_straight_single_marks_has_its_quotations_read() -> None:
    drafts = drafted(
        "The two leaders agreed to an 'unconditional' halt in fighting on Monday.\n"
        "'Such attacks are a breach of the agreement,' army spokesman Tom Berg said in a statement.\n"
        "Norway's foreign minister Eva Lund called the truce a 'first step towards peace.'"
    )
    whole = the_draft(drafts, "Such attacks are a breach")
    assert (whole.text, whole.kind) == ("Such attacks are a breach of the agreement", "direct")
    assert speaker_name(drafts, "Such attacks are a breach") == "Tom Berg"
    part = the_draft(drafts, "first step towards peace")
    assert (part.text, part.kind) == ("first step towards peace.", "partial")
    assert speaker_name(drafts, "first step towards peace") == "Eva Lund"


def test_an_apostrophe_is_no_quotation_where_the_copy_quotes_in_double_marks() -> None:
    drafts = drafted("Norway's minister Eva Lund said the 'talks' went well. \"We are hopeful,\" she said.\n")
    assert not any(q.text == "talks" for q in drafts.quotes)
    assert speaker_name(drafts, "We are hopeful") == "Eva Lund"


def test_a_relative_clause_with_its_own_subject_is_that_subjects_words() -> None:
    drafts = drafted(
        "The talks turn on the exchange of prisoners held by Israel, which Chilean Foreign "
        "Minister Rosa Vidal said on Sunday her country wants to see “very fast” progress on."
    )
    assert speaker_name(drafts, "very fast") == "Rosa Vidal"


def test_a_quotation_after_a_relative_clause_cue_is_partial() -> None:
    drafts = drafted(
        "A second deployment, which is what both governments have claimed, “could destabilise the "
        "front and speed up the advance,” said Lars Holm, an analyst in Oslo."
    )
    quote = the_draft(drafts, "could destabilise the front")
    assert quote.kind == "partial"
    assert speaker_name(drafts, "could destabilise the front") == "Lars Holm"


def test_a_description_nobody_named_before_holds_is_the_one_named_after_with_that_post() -> None:
    drafts = drafted(
        "Missiles struck the capital overnight in an attack that the US special envoy on Ukraine "
        "said undermined the peace efforts.\n"
        "At least ten people were killed, officials said.\n"
        "US special envoy Mark Talbot wrote on X: “The targets were homes, not soldiers.”"
    )
    assert speaker_name(drafts, "undermined the peace efforts") == "Mark Talbot"


def test_posted_after_the_quotation_is_the_cue_and_its_subject_outside_the_marks_speaks() -> None:
    drafts = drafted(
        "Norway's foreign minister Eva Lund welcomed the truce. “We are relieved,” she said.\n"
        "“After a long night of talks, I am pleased to announce a full ceasefire. Congratulations to "
        "both countries for showing common sense,” Chilean President Pablo Rojas posted on X."
    )
    assert speaker_name(drafts, "After a long night of talks") == "Pablo Rojas"


def test_an_outlet_quoting_someone_as_saying_gives_the_words_to_the_one_quoted() -> None:
    drafts = drafted(
        "Chilean President Pablo Rojas backed closer ties with Norway, the Oslo Daily reported.\n"
        "“We are ready to join hands with our partners,” the Oslo Daily quoted Rojas’s message as "
        "saying.\n"
        '"Right now it seems far away," Politico quoted Eva Lund as saying at a meeting.'
    )
    assert speaker_name(drafts, "ready to join hands") == "Pablo Rojas"
    assert speaker_name(drafts, "Right now it seems far away") == "Eva Lund"


def test_a_quotation_paragraph_with_no_attribution_goes_on_from_whoever_spoke_last() -> None:
    drafts = drafted(
        "Norway's foreign minister Eva Lund welcomed the truce. “We are relieved,” she said.\n"
        "Chilean President Pablo Rojas said on Monday that his country would send observers.\n"
        "“We will do everything we can to keep the peace,” he added.\n"
        "“The region has suffered enough from this war.”\n"
        "Lund said separately that the talks would resume next week in Oslo.\n"
        "“Our doors remain open to both sides of the conflict.”"
    )
    assert speaker_name(drafts, "The region has suffered enough") == "Pablo Rojas"
    assert speaker_name(drafts, "Our doors remain open") == "Eva Lund"
    assert "speaker" in the_draft(drafts, "Our doors remain open").flags  # a guess: not in bulk
