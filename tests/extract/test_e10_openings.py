"""How a transcript or a release opens (issues 20 and 22, the lead's tenth round, from the eighth
development sets): a transcription service's first label on a line of its own with a time code
("Jane Roe (00:00):"), an excerpt that opens with a journalist's question before the first answer,
and a release's line "The following statement by ... was issued today:" before the words it
carries. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, principal

# a transcription service's copy, cut inside the spokesperson's opening turn: one label only
TIME_CODED = (
    "Jane Roe (00:00):\n"
    "Good afternoon. It's a beautiful day, so we'll keep this short.\n"
    "(00:35)\n"
    "The Secretary of State will travel to Brussels next week to attend the meeting of foreign "
    "ministers. We are heartbroken by the news of the crash and offer our deepest sympathy.\n"
    "(01:08)\n"
    "The United States will provide up to $2 million to support the communities hit by the "
    "earthquake.\n"
)


def test_a_time_coded_first_label_opens_the_turn() -> None:
    # Since the house reading of 2026-12-07 (night), each time-stamped segment is a statement of
    # its own (the stamp is the transcriber's, so no quotation runs over it): the turn is the three
    # segments, all Jane Roe's.
    turns = find_turns(TIME_CODED)
    assert len(turns) == 3
    assert all(t.label == "Jane Roe" and not t.question for t in turns)
    assert TIME_CODED[turns[0].start :].startswith("Good afternoon.")
    assert TIME_CODED[turns[-1].start : turns[-1].end].rstrip().endswith("hit by the earthquake.")
    drafts = {d.text: d for d in extract(TIME_CODED) if d.how == "turn"}
    for opening in ("The Secretary of State will travel", "The United States will provide"):
        segment = next((d for text, d in drafts.items() if text.startswith(opening)), None)
        assert segment is not None, list(drafts)
        assert segment.speaker is not None and segment.speaker.name == "Jane Roe"
    assert not any("(00:" in text or "(01:" in text for text in drafts)


def test_a_time_code_is_needed_for_a_first_line_label_alone() -> None:
    # a headline that ends on a colon is no one's turn
    text = "Talks in Geneva:\nThe ministers met for three hours on Friday and agreed to meet again soon.\n"
    assert find_turns(text) == []


OPENS_WITH_A_QUESTION = (
    "Xinhua: Reports say the minister referred to the joint statement yesterday. What is your comment?\n"
    "Jane Roe: The reports are inaccurate. Our position is very clear: we urge the other side to "
    "correct its wrongdoing. This is an issue of principle.\n"
)


def test_an_excerpt_opening_with_a_journalists_question() -> None:
    turns = find_turns(OPENS_WITH_A_QUESTION)
    assert [(t.label, t.question) for t in turns] == [("Xinhua", True), ("Jane Roe", False)]
    drafts = extract(OPENS_WITH_A_QUESTION)
    answer = next(d for d in drafts if d.text.startswith("The reports are inaccurate"))
    assert answer.kind == "direct" and answer.speaker is not None and answer.speaker.name == "Jane Roe"
    assert not any(d.text.startswith("Reports say") for d in drafts)


def test_an_outlet_label_that_does_not_ask_is_not_made_a_question() -> None:
    # a dateline-like first label with no question: still not a transcript
    text = (
        "Reuters: The ministers met for three hours on Friday and agreed to meet again.\n"
        "The talks will resume next week, officials said.\n"
    )
    assert find_turns(text) == []


RELEASE = (
    "The following statement by Secretary-General Jane Roe was issued today:\n\n"
    "I welcome the announcement of an agreement to secure a ceasefire. I commend the diplomatic "
    "efforts of all who brokered it.\n\n"
    "I urge all concerned to abide fully by the terms of the agreement. The fighting must stop.\n"
)


def test_a_releases_following_statement_line_names_its_principal() -> None:
    assert principal(RELEASE) == "Secretary-General Jane Roe"
    later = "The following remarks were delivered today by Minister John Doe:\n\nWe stand ready.\n"
    assert principal(later) == "Minister John Doe"


def test_a_releases_words_are_one_statement_of_its_principal() -> None:
    drafts = extract(RELEASE)
    whole = [d for d in drafts if d.text.startswith("I welcome the announcement")]
    assert len(whole) == 1
    assert whole[0].kind == "direct" and whole[0].speaker is not None
    assert whole[0].speaker.name.endswith("Jane Roe")
    assert whole[0].text.rstrip().endswith("The fighting must stop.")
    assert not any(d.kind == "paraphrase" and d.speaker is None for d in drafts)


# a surname the tagger reads as a common noun inside an organisation's name ("Guterres said")
SURNAME_AS_NOUN = (
    "UN Secretary-General Antonio Guterres welcomed the Security Council's adoption Monday of a "
    "US-drafted resolution authorizing a Board of Peace and an International Stabilization Force "
    "(ISF) in the Gaza Strip.\n\n"
    '"The adoption of the resolution on Gaza by the Security Council is an important step in the '
    'consolidation of the ceasefire," said his spokesperson, Stephane Dujarric, in a statement.\n\n'
    'Urging diplomatic efforts to match concrete action, Guterres said: "It is essential now to '
    'translate the diplomatic momentum into concrete and urgently needed steps on the ground."\n\n'
    '"The United Nations is committed to implementing the roles entrusted to it in the resolution," '
    "he said.\n"
)


def test_a_surname_tagged_as_a_noun_is_the_person_named_before() -> None:
    drafts = extract(SURNAME_AS_NOUN)
    essential = next(d for d in drafts if d.text.startswith("It is essential now"))
    committed = next(d for d in drafts if d.text.startswith("The United Nations is committed"))
    for draft in (essential, committed):
        assert draft.speaker is not None and draft.speaker.name == "Antonio Guterres"
        assert draft.speaker.kind == "person"


def test_a_participle_after_a_participles_reported_clause_is_the_main_subjects() -> None:
    text = (
        "Defence Secretary Jane Roe spoke in Brussels on Thursday.\n\n"
        "She did soften some of the rhetoric employed earlier this year, assuring allies that the US "
        "is ‘proud to be here’ and to ‘stand with our allies’, while urging NATO members to shoulder "
        "more of the financial burden.\n"
    )
    drafts = extract(text)
    urging = next(d for d in drafts if d.text.startswith("NATO members to shoulder"))
    assert urging.speaker is not None and urging.speaker.name == "Jane Roe"


def test_a_leads_description_of_a_person_is_the_one_the_next_sentence_names() -> None:
    text = (
        "The Freedonian leader’s powerful sister has condemned the allies for pursuing a “nonsensical” "
        "and “anachronistic” disarmament agenda, while reaffirming the country’s weapons development "
        "as a necessary response.\n"
        "In a statement released through the state news agency on Wednesday, Jane Roe slammed the "
        "ministers of the three countries.\n"
    )
    drafts = extract(text)
    nonsense = next(d for d in drafts if d.text == "nonsensical")
    assert nonsense.speaker is not None and nonsense.speaker.name == "Jane Roe"


def test_a_leads_description_stays_a_description_when_the_lead_names_someone() -> None:
    text = (
        "Minister John Doe said the leader’s sister has condemned the allies for pursuing a "
        "“nonsensical” and “anachronistic” disarmament agenda, while reaffirming the country’s "
        "weapons development as a necessary response.\n"
        "In a statement on Wednesday, Jane Roe slammed the ministers of the three countries.\n"
    )
    drafts = extract(text)
    assert not any(
        d.speaker is not None and d.speaker.name == "Jane Roe" and d.text == "nonsensical" for d in drafts
    )


def test_he_goes_on_from_the_one_the_sentence_is_about_not_from_the_background() -> None:
    text = (
        "External Affairs Minister Jane Roe on Thursday stated that the ceasefire "
        "was negotiated directly between the two neighbours.\n\n"
        "Roe's statement comes in the backdrop of US President John Doe's repeated claims that his "
        "administration brokered the ceasefire, after long hours of talks.\n\n"
        "In an interview with a Dutch broadcaster, she said the United States was not alone, but many "
        "other countries reached out.\n"
    )
    drafts = extract(text)
    alone = next(d for d in drafts if d.text.startswith("the United States was not alone"))
    assert alone.speaker is not None and alone.speaker.name == "Jane Roe"


def test_he_still_goes_on_from_a_speaker_who_is_the_subject() -> None:
    text = (
        "Minister Jane Roe stated on Thursday that the ceasefire was negotiated directly.\n\n"
        "President John Doe repeated his claims that his administration brokered the ceasefire.\n\n"
        "In an interview, he said the United States had made it happen.\n"
    )
    drafts = extract(text)
    made = next(d for d in drafts if d.text.startswith("the United States had made it happen"))
    assert made.speaker is not None and made.speaker.name == "John Doe"


def test_a_transcription_services_unnamed_voice_is_a_turn_of_its_own() -> None:
    text = (
        "Jane Roe (00:00):\n"
        "Good afternoon everyone.\n"
        "Speaker 1 (00:00):\n"
        "Good afternoon.\n"
        "Jane Roe (03:04):\n"
        "We have a lot of news today, so let's get to it. The President brokered a trade deal with "
        "the European Union that opens its markets to our farmers.\n"
    )
    turns = find_turns(text)
    assert [t.label for t in turns if not t.question] == ["Jane Roe"]  # the time is no part of the name
    assert any(t.label == "Speaker 1" and t.question for t in turns)
    drafts = [d for d in extract(text) if d.how == "turn"]
    assert len(drafts) == 1 and drafts[0].text.startswith("We have a lot of news today")


def test_another_persons_claim_in_a_back_reference_is_a_statement_of_its_own() -> None:
    text = (
        "Foreign Minister Jane Roe on Thursday stated that the ceasefire was negotiated directly "
        "between the two neighbours.\n\n"
        "Roe's statement comes in the backdrop of US President John Doe's repeated claims that his "
        "administration brokered the ceasefire, after long hours of talks.\n"
    )
    drafts = extract(text)
    claim = next(d for d in drafts if d.text.startswith("his administration brokered the ceasefire"))
    assert claim.speaker is not None and claim.speaker.name == "John Doe"
    # the back reference itself still states nothing of Roe's
    assert not any(
        d.speaker is not None and d.speaker.name == "Jane Roe" and d.start > text.index("Roe's statement")
        for d in drafts
    )
