"""Transcripts (issue 22, letter tr, seventh round): every statement inside an answer, the right
spokesperson. Short transcripts written for the purpose, in the formats of the UN noon briefing (as
a news site reposts it, with header lines), the State Department and the Pentagon."""

from __future__ import annotations

import pytest

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, principal, says_nothing

# a reposted noon briefing: the department's line and the date come between the headline and the
# introduction that names who gives the briefing
NOON = (
    "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n"
    "Department of Public Information . News and Media Division . New York\n"
    "3 March 2025\n"
    "The following is a near-verbatim transcript of today's briefing by Jane Roe, Deputy Spokeswoman "
    "for the Secretary-General.\n"
    "**Freedonia\n"
    "Good afternoon. The Secretary-General is following the situation in Freedonia closely. "
    "The Secretary-General urges all parties to return to the negotiating table without delay.\n"
    "**Climate\n"
    "Yesterday, in a message, the Secretary-General welcomed that the conference had reached an "
    "agreement on adaptation finance.\n"
)


def test_the_introduction_after_header_lines_names_who_gives_the_briefing() -> None:
    assert principal(NOON) == "Jane Roe"


def test_the_read_out_is_the_briefers_and_the_secretary_generals_words_inside_it_are_his() -> None:
    drafts = extract(NOON)
    turn = [d for d in drafts if d.how == "turn"]
    assert len(turn) == 1 and turn[0].speaker is not None and turn[0].speaker.name == "Jane Roe"
    nested = [d for d in drafts if d.how != "turn" and d.kind == "paraphrase"]
    said = {
        d.text for d in nested if d.speaker is not None and "Secretary" in d.speaker.name + d.speaker.role
    }
    assert "all parties to return to the negotiating table without delay" in said
    assert "the conference had reached an agreement on adaptation finance" in said


# the presidents' papers: an exchange broken by interjections, each turn its own; the ones that
# say nothing are no statement
EXCHANGE = (
    "Remarks Prior to a Meeting With Prime Minister Jan Novak of Freedonia\n"
    "President Smith. Thank you very much. We will talk about trade and about the war today.\n"
    "Prime Minister Novak. Thank you so much, Mr. President. If I can, first of all——\n"
    "President Smith. Please.\n"
    "Prime Minister Novak. ——thank you for the invitation and for your efforts to stop the war.\n"
    "President Smith. Oh.\n"
    "Prime Minister Novak. ——and we will sign the agreement tomorrow.\n"
    "President Smith. Thank you very much for being here.\n"
)


@pytest.mark.parametrize(
    ("words", "nothing"),
    [
        ("Oh.", True),  # an interjection
        ("Thank you very much for being here.", True),  # thanks for coming
        ("Well, thank you for joining us this morning.", True),
        ("Thank you very much, thank you very much. Hi, everybody.", True),  # courtesies in a row
        ("Thank you so much, Mr. President. If I can, first of all——", True),  # broken off
        ("Oh. [Laughter] I want it. I want it.", False),
        ("Thank you for your efforts to stop the war.", False),  # thanks for something done
        ("First of all, we oppose the resolution.", False),
        ("If I can, first of all, the ceasefire must hold.", False),
        ("Yes.", False),  # an answer
    ],
)
def test_interjections_thanks_for_coming_and_broken_off_lead_ins_say_nothing(
    words: str, nothing: bool
) -> None:
    assert says_nothing(words) is nothing


def test_an_exchange_drafts_the_turns_with_content_only() -> None:
    drafts = [d.text for d in extract(EXCHANGE) if d.how == "turn"]
    assert drafts == [
        "Thank you very much. We will talk about trade and about the war today.",
        "——thank you for the invitation and for your efforts to stop the war.",
        "——and we will sign the agreement tomorrow.",
    ]


def test_a_text_that_opens_with_its_first_turn_has_no_headline() -> None:
    text = (  # an excerpt whose headline was not kept: the first line is a turn
        "SECRETARY OF DEFENSE JOHN DOE: Well, thank you for joining us this morning. Last night our "
        "forces struck three sites in Freedonia to end the threat to our troops.\n"
        "The operation was a success, and no civilians were harmed.\n"
    )
    turns = find_turns(text)
    assert [(t.label, t.question) for t in turns] == [("SECRETARY OF DEFENSE JOHN DOE", False)]
    assert text[turns[0].start : turns[0].end].startswith("Well, thank you for joining us")
    assert principal(text) == ""  # the turn is no headline naming a principal
    drafts = [d for d in extract(text) if d.how == "turn"]
    assert len(drafts) == 1 and drafts[0].speaker is not None and drafts[0].speaker.name == "John Doe"


def test_a_briefing_that_opens_with_its_first_turn_reads_every_turn() -> None:
    text = (
        "MS ROE: Thank you very much. Hi, everybody.\n"
        "QUESTION: Hello.\n"
        "MS ROE: Today the department issued a travel warning for Freedonia. Do not travel there.\n"
        "QUESTION: Will the embassy close?\n"
        "MS ROE: The embassy stays open for now.\n"
    )
    turns = find_turns(text)
    assert [(t.label, t.question) for t in turns] == [
        ("QUESTION", True),
        ("MS ROE", False),
        ("QUESTION", True),
        ("MS ROE", False),
    ]  # the opening courtesies say nothing
    first = (
        "MS ROE: Thank you. Today the department issued a travel warning for Freedonia.\n"
        "QUESTION: Will the embassy close?\n"
        "MS ROE: The embassy stays open for now.\n"
    )
    answers = [first[t.start : t.end].strip() for t in find_turns(first) if not t.question]
    assert answers == [
        "Thank you. Today the department issued a travel warning for Freedonia.",
        "The embassy stays open for now.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "NEW DELHI: The foreign minister said on Monday that the talks will go on.\nMore follows.\n",
        "Jane Roe: “Freedonia is still playing games with the talks”\nThe minister said so.\n",
        "BREAKING NEWS: The talks collapsed in Geneva on Monday evening.\nMore follows.\n",
    ],
)
def test_a_dateline_or_a_headlines_label_is_no_first_turn(text: str) -> None:
    assert find_turns(text) == []


def test_the_spokespersons_turn_that_ends_on_a_question_is_still_theirs() -> None:
    text = (  # the journalists are "QUESTION"; the spokeswoman's banter ends on a question
        "Department Press Briefing\n"
        "MS ROE: Good afternoon. It's musical chairs in here today. I was thinking, what is going "
        "on? All right, though, this is good. Who was outside recently?\n"
        "QUESTION: It's raining.\n"
        "MS ROE: Today the department issued a travel warning for Freedonia.\n"
        "QUESTION: Will the embassy close?\n"
        "MS ROE: The embassy stays open for now.\n"
    )
    turns = find_turns(text)
    assert [(t.label, t.question) for t in turns] == [
        ("MS ROE", False),
        ("QUESTION", True),
        ("MS ROE", False),
        ("QUESTION", True),
        ("MS ROE", False),
    ]


def test_a_journalist_named_by_a_label_still_asks() -> None:
    text = (  # a journalist labelled by name, once, among "QUESTION" turns: their turn asks
        "Department Press Briefing\n"
        "MS ROE: Today the department issued a travel warning for Freedonia.\n"
        "QUESTION: Will the embassy close?\n"
        "MS ROE: The embassy stays open for now.\n"
        "MR SMITH: The talks collapsed yesterday, and the ministers left Geneva early. Will the "
        "Secretary go back?\n"
        "MS ROE: He will, next week.\n"
    )
    assert [t.question for t in find_turns(text)] == [False, True, False, True, False]
