"""Transcripts, nineteenth round (issues 20 and 22): an opening turn that only runs the briefing
(no opening remarks, nothing to announce, the floor to questions: "I will forgo any opening
remarks … If there are questions, I will gladly endeavour to answer them. You are welcome to
proceed.") says nothing on any matter, like "Thank you." (benchmarks/devsets/README.md); a turn
that says something after such words stays a statement. A "… Remarks to Press" headline names its
principal; "He" after a sentence about the Secretary-General is the Secretary-General; a finding
("assessments indicate that …") is no one's statement. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract
from dashboard.extract.turns import says_nothing


def test_a_turn_that_only_opens_the_floor_is_no_statement() -> None:
    text = (
        "Answers to media questions following the summit\n"
        "\n"
        "President of Ruritania Jan Novak: Good evening.\n"
        "\n"
        "I will forgo any opening remarks or statements. If there are questions, I will gladly "
        "endeavour to answer them.\n"
        "\n"
        "You are welcome to proceed.\n"
        "\n"
        "Question: Mr President, will the border reopen?\n"
        "\n"
        "Jan Novak: The border will reopen next month, once the commission has finished its work.\n"
    )
    turns = [d for d in extract(text) if d.how == "turn"]
    assert [d.text for d in turns] == [
        "The border will reopen next month, once the commission has finished its work."
    ]


def test_the_briefings_own_business_says_nothing() -> None:
    for words in (
        "I don't have anything at the top. Go ahead.",
        "I have no announcements today. Please feel free to ask your questions.",
        "This will be the final press conference of the year. I would like to express my appreciation "
        "for all your support and cooperation over the past two months.",
    ):
        assert says_nothing(words), words


def test_words_on_a_matter_after_the_briefings_business_are_said() -> None:
    for words in (
        "I have no announcements today. The sanctions on Ruritania are unlawful.",
        "Good afternoon. I would like to express my appreciation for your support of our sanctions.",
        "I will answer your questions about the sanctions later, but Ruritania is to blame.",
    ):
        assert not says_nothing(words), words


def test_a_remarks_headline_names_its_principal_without_remarks() -> None:
    text = (
        "Secretary Jane Roe Remarks to Press\n"
        "\n"
        "SECRETARY ROE: Good morning. We had productive talks today with our hosts in Riyadh.\n"
        "\n"
        "QUESTION: Madam Secretary, what do you expect tomorrow?\n"
        "\n"
        "SECRETARY ROE: We expect to hear what concessions they are prepared to make.\n"
    )
    turns = [d for d in extract(text) if d.how == "turn"]
    assert len(turns) == 2
    assert all(d.speaker is not None and d.speaker.name == "Jane Roe" for d in turns)


def test_he_after_a_sentence_about_the_secretary_general_is_the_secretary_general() -> None:
    text = (
        "The Secretary-General is deeply alarmed by the continued attacks on civilians. He "
        "reiterates his call for an immediate ceasefire and the release of all hostages.\n"
    )
    draft = next(d for d in extract(text) if d.text.startswith("his call for"))
    assert draft.speaker is not None and "Secretary-General" in draft.speaker.name


def test_a_finding_is_no_ones_statement() -> None:
    text = (
        "GENERAL JOHN DOE: The operation involved more than 125 aircraft. Initial battle damage "
        "assessments indicate that all three sites sustained extremely severe damage.\n"
    )
    assert not [d for d in extract(text) if d.kind == "paraphrase" and "sites sustained" in d.text]
