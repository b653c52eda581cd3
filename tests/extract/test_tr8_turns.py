"""Turns that hold on material not yet seen (issues 20 and 22, letter tr8): prose is not read as a
transcript because of the labels an article's layout puts before its paragraphs ("Details:",
"Quote:", "Background:") or the place it was filed from ("New York:", "BRUSSELS:", "BEIJING,
Dec. 3 (Xinhua):"); a turn label is a speaker. Short texts written for the purpose."""

from __future__ import annotations

import pytest

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, not_a_speaker, principal

# a news site that labels its paragraphs by what they hold
LABELLED_PARAGRAPHS = (
    "Only talks on a ceasefire are possible, says State Department\n"
    "Jane Roe, Friday, 11 April 2025\n"
    "The US State Department spokeswoman Jane Roe has stated that only a ceasefire can be discussed.\n"
    "Source: Roe during a press briefing\n"
    "Details: Roe stated that Washington sees no point in talks until a ceasefire is reached.\n"
    "“It is a meat grinder. Nothing else can be discussed until the shooting stops,” she said.\n"
    "Quote: “All of our leadership has made it clear what is at stake in this war.”\n"
    "Details: Roe also emphasised that the US would be watching Freedonia's behaviour closely.\n"
    "Background:\n"
    "On 4 April, the Secretary of State said that the administration would not wait forever.\n"
)


def test_an_articles_paragraph_labels_are_no_turns() -> None:
    assert find_turns(LABELLED_PARAGRAPHS) == []
    drafts = extract(LABELLED_PARAGRAPHS)
    assert drafts and not any(d.how == "turn" for d in drafts)
    meat = next(d for d in drafts if d.text.startswith("It is a meat grinder"))
    assert meat.how != "turn" and meat.speaker is not None and meat.speaker.name == "Jane Roe"


@pytest.mark.parametrize(
    "label",
    [
        "Details",
        "More details",
        "Quote",
        "Quotes",
        "Context",
        "For reference",
        "Prehistory",
        "Background",
        "Reaction",
        "Analysis",
        "Why it matters",
        "The big picture",
        "What they're saying",
        "Key points",
        "Monday",
        "January 5",
        "Updated",
    ],
)
def test_a_label_of_the_layout_is_not_a_speaker(label: str) -> None:
    assert not_a_speaker(label)


@pytest.mark.parametrize(
    "label",
    [
        "New York",
        "BRUSSELS",
        "Kuala Lumpur",
        "NEW DELHI",
        "Sichuan",
        "BEIJING, Dec. 3 (Xinhua)",
        "SEOUL, March 3",
        "KADUGLI (AFP)",
        "NEW YORK (Reuters)",
    ],
)
def test_a_dateline_is_not_a_speaker(label: str) -> None:
    assert not_a_speaker(label)


@pytest.mark.parametrize(
    "label",
    [
        "Lin Jian",
        "MR MILLER",
        "Reuters",
        "Q",
        "QUESTION",
        "Mr. Fu Cong (China)",
        "April Ryan",
        "Jordan",  # a person's name too: no place on its own
        "THE PRESIDENT",
        "Sanam Vakil, Director of the Middle East Programme",
        "Detailed Answer Team",  # only a whole label is the layout's
    ],
)
def test_a_speaker_stays_a_label(label: str) -> None:
    assert not not_a_speaker(label)


# a dateline on a line of its own, and one before the lead, then a label-like heading further down
DATELINES = (
    "UN chief seeks a permanent ceasefire\n"
    "New York:\n"
    "United Nations Secretary-General Jan Novak has expressed anguish over ‘reckless disruptions’ in "
    "the current age.\n"
    "In a message to leaders, Novak said that humanity and justice must prevail.\n"
)
WIRE = (
    "Freedonia warns of retaliation\n"
    "BRUSSELS, May 25 (Reuters): The European Commission urged Freedonia on Friday to bring respect, "
    "not threats, to the talks.\n"
    "Details: the Commission said it stood ready to defend its interests.\n"
    "“We stand ready to defend our interests,” Trade Commissioner Jan Novak wrote on X.\n"
)


@pytest.mark.parametrize("text", [DATELINES, WIRE])
def test_a_dateline_makes_no_transcript(text: str) -> None:
    assert find_turns(text) == []
    drafts = extract(text)
    assert drafts and not any(d.how == "turn" for d in drafts)


# guards: real transcripts keep their turns
FOREIGN_MINISTRY = (
    "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 3, 2025\n"
    "Reuters: Freedonia said yesterday that it would close its border. What is China's comment?\n"
    "Lin Jian: We have noted the reports. China always supports dialogue and consultation.\n"
    "Bloomberg: Will the Foreign Minister visit Freedonia next week?\n"
    "Lin Jian: I have no information to release at the moment.\n"
)
COUNCIL = (
    "Security Council, 9999th meeting\n"
    "Mr. Fu Cong (China): China supports the draft resolution and calls on all parties to show restraint.\n"
    "Mr. Jan Novak (Freedonia): We thank the presidency and will vote in favour of the resolution.\n"
)


def test_a_transcripts_labels_are_still_turns() -> None:
    turns = find_turns(FOREIGN_MINISTRY)
    assert [(t.label, t.question) for t in turns] == [
        ("Reuters", True),
        ("Lin Jian", False),
        ("Bloomberg", True),
        ("Lin Jian", False),
    ]
    assert [t.label for t in find_turns(COUNCIL)] == ["Mr. Fu Cong (China)", "Mr. Jan Novak (Freedonia)"]


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        (
            "Briefing by the official representative of the Freedonian Foreign Ministry, Jane Roe "
            "(June 26, 2025)",
            "Jane Roe",
        ),
        ("Briefing by a spokeswoman of the Foreign Ministry, Jane Roe", "Jane Roe"),
        ("Press Conference by Prime Minister Jan Novak, Tokyo", "Prime Minister Jan Novak"),
    ],
)
def test_a_headline_names_its_principal_in_apposition_after_a_description(headline: str, name: str) -> None:
    text = f"{headline}\nOn the talks\n“We welcome the reports of readiness to observe the ceasefire.”\n"
    assert principal(text) == name
