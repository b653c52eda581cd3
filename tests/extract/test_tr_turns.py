"""Transcripts (issue 22, letter tr): labels read as turns in the formats of presidential papers and
of defence and Kremlin transcripts, a page's date line never a speaker, and a publisher's
introduction never anyone's opening words. Short transcripts written for the purpose."""

from __future__ import annotations

from dashboard.extract.turns import find_turns

PAPERS = (
    "Remarks Prior to a Meeting With Prime Minister Ana Jones of Freedonia\n"
    "President Smith. Thank you very much. It's a great honor to have the Prime Minister here today.\n"
    "Prime Minister Jones. Thank you, President. We came to talk about trade, and about peace.\n"
    "President Smith. We talked about trade, and we will talk about it again this afternoon.\n"
    "Q. Mr. President, will you lift the tariffs on Freedonia?\n"
    "Prime Minister Jones. We have discussed that, and I think we are close.\n"
    "Q. Prime Minister, are you satisfied?\n"
)


def test_labels_closed_by_a_full_stop_are_turns_when_they_recur() -> None:
    turns = find_turns(PAPERS)
    assert [(t.label, t.question) for t in turns] == [
        ("President Smith", False),
        ("Prime Minister Jones", False),
        ("President Smith", False),
        ("Q", True),
        ("Prime Minister Jones", False),
        ("Q", True),
    ]
    assert PAPERS[turns[1].start : turns[1].end].startswith("Thank you, President.")


def test_a_sentence_opening_a_paragraph_is_no_full_stop_label() -> None:
    prose = (
        "Freedonia Votes Today\n"
        "President Smith. The name alone fills the square, where crowds gathered at dawn.\n"
        "Voters queued for hours. Officials said turnout was high across the country.\n"
    )
    assert find_turns(prose) == []


TITLED = (
    "Joint news event of the two presidents\n\n"
    "President of Freedonia Ivan Petrov: Ladies and gentlemen, we held our talks in a constructive "
    "atmosphere.\n\n"
    "I would like to thank my counterpart for the invitation to come here.\n"
)


def test_one_label_with_a_title_at_the_top_is_the_only_speaker() -> None:
    turns = find_turns(TITLED)
    assert [(t.label, t.question) for t in turns] == [("President of Freedonia Ivan Petrov", False)]
    assert TITLED[turns[0].start : turns[0].end].rstrip().endswith("to come here.")


def test_a_media_availability_is_a_briefing() -> None:
    text = (
        "Jane Roe Holds Media Availability in Springfield\n"
        "March 26, 2025\n\n"
        "JANE ROE: Good evening, everybody. It has been a great day here with the troops, and we "
        "look forward to many more.\n\n"
        "Happy to take a couple of questions.\n"
    )
    turns = find_turns(text)
    assert [(t.label, t.question) for t in turns] == [("JANE ROE", False)]


def test_a_pages_date_line_is_no_speaker() -> None:
    text = (
        "Foreign Ministry Spokesperson Li Ming’s Regular Press Conference on August 19, 2025\n"
        "Updated: August 19, 2025 19:10\n\n"
        "From August 20 to 22, the Foreign Minister will visit Freedonia.\n\n"
        "RT TV: Does China have information about the meeting?\n\n"
        "Li Ming: China believes that dialogue provides the only viable way out.\n"
    )
    turns = find_turns(text)
    assert "Updated" not in [t.label for t in turns]
    assert [(t.label, t.question) for t in turns] == [("", False), ("RT TV", True), ("Li Ming", False)]
    assert text[turns[0].start : turns[0].end].startswith("From August 20 to 22")


def test_a_publishers_introduction_is_nobodys_opening() -> None:
    text = (
        "Joint news conference of the two presidents\n\n"
        "Ivan Petrov and Ana Jones held a joint news conference following Freedonia-US talks.\n\n"
        "President of Freedonia Ivan Petrov: Ladies and gentlemen, we held our talks in a "
        "constructive atmosphere.\n\n"
        "President of Sylvania Ana Jones: Thank you. We agreed on a great deal today.\n"
    )
    turns = find_turns(text)
    assert [t.label for t in turns] == [
        "President of Freedonia Ivan Petrov",
        "President of Sylvania Ana Jones",
    ]
