"""Transcripts (issue 22, letter tr, sixth round): official formats whose labels are a title alone
("THE PRESIDENT:", "The President.", "THE SECRETARY:"). Short transcripts written for the purpose,
in the formats of the White House, the presidents' papers and the State Department."""

from __future__ import annotations

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, principal

WHITE_HOUSE = (
    "Remarks by President Smith Before Marine One Departure\n\n"
    "THE PRESIDENT: We're going to Pennsylvania to announce a great steel deal.\n\n"
    "Q Mr. President, will you meet the Russian president this month?\n\n"
    "THE PRESIDENT: We'll see. We want the killing to stop.\n"
)


def test_a_title_case_headline_word_ends_the_principals_name() -> None:
    assert principal(WHITE_HOUSE) == "President Smith"
    assert (
        principal("Remarks by President Smith In Press Gaggle\n\nTHE PRESIDENT: Hello.\n")
        == "President Smith"
    )


def test_the_president_alone_is_the_president_the_headline_names() -> None:
    turns = find_turns(WHITE_HOUSE)
    assert [(t.label, t.question) for t in turns] == [
        ("President Smith", False),
        ("Q", True),
        ("President Smith", False),
    ]
    # the label's place in the text is still the transcript's "THE PRESIDENT"
    assert {WHITE_HOUSE[t.label_start : t.label_end] for t in turns if not t.question} == {"THE PRESIDENT"}


def test_each_answer_of_the_president_alone_is_drafted_as_his() -> None:
    drafts = [d for d in extract(WHITE_HOUSE) if d.how == "turn"]
    assert [d.text for d in drafts] == [
        "We're going to Pennsylvania to announce a great steel deal.",
        "We'll see. We want the killing to stop.",
    ]
    assert all(d.speaker is not None and d.speaker.role == "President" for d in drafts)
    assert all(d.speaker is not None and d.speaker.name == "Smith" for d in drafts)
    assert all(d.confidence == 0.9 for d in drafts)


def test_the_presidents_papers_the_president_closed_by_a_full_stop() -> None:
    text = (
        "Remarks by President Smith Prior to a Meeting With Prime Minister Ana Jones of Freedonia\n\n"
        "The President. Thank you very much. The Prime Minister and I will talk about trade.\n\n"
        "Q. Mr. President, will you lift the tariffs?\n\n"
        "The President. We are talking, and I think we'll have a deal soon.\n\n"
        "Q. Prime Minister, is that so?\n"
    )
    assert [t.label for t in find_turns(text) if not t.question] == ["President Smith", "President Smith"]


def test_the_secretary_alone_is_the_secretary_the_headline_names() -> None:
    text = (
        "Secretary of State Jane Roe Remarks to the Press\n\n"
        "THE SECRETARY: We had very productive talks with our partners today on Gaza.\n\n"
        "QUESTION: Madam Secretary, is there a ceasefire?\n\n"
        "THE SECRETARY: Not yet. We are working on it every day, and we will keep working on it.\n"
    )
    answers = [t.label for t in find_turns(text) if not t.question]
    assert answers == ["Secretary of State Jane Roe", "Secretary of State Jane Roe"]


def test_a_title_alone_is_not_a_lower_title_nor_a_guess() -> None:
    vice = (
        "Remarks by Vice President Doe Before Air Force Two Departure\n\n"
        "THE PRESIDENT: We are glad to host the summit in our country this year.\n\n"
        "Q Will the talks succeed?\n\n"
        "THE VICE PRESIDENT: They will, because both sides want them to.\n"
    )
    assert [t.label for t in find_turns(vice) if not t.question] == ["THE PRESIDENT", "Vice President Doe"]
    unnamed = (  # no one named with the title: the label stays as written
        "Press Gaggle Aboard Air Force One\n\n"
        "THE PRESIDENT: We are talking with both sides about a ceasefire.\n\n"
        "Q Will there be a deal?\n\n"
        "THE PRESIDENT: I think so, and soon.\n"
    )
    assert [t.label for t in find_turns(unnamed) if not t.question] == ["THE PRESIDENT", "THE PRESIDENT"]


def test_the_introductions_name_ends_before_its_full_stop() -> None:
    text = (
        "Department Press Briefing by the Office of the Spokesperson\n\n"
        "The following is a transcript of today's briefing by Jane Roe.\n\n"
        "MS ROE: Good afternoon. We welcome the ceasefire agreed today in Gaza.\n\n"
        "QUESTION: Will it hold?\n\n"
        "MS ROE: We believe it will.\n"
    )
    assert principal(text) == "Jane Roe"  # was "Jane Roe.", drafted as "Jane Roe ."


# the UN's noon briefing: the spokesperson's turns are labelled by the title alone, the
# introduction names who gives the briefing, with that title after the name
NOON_BRIEFING = (
    "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n"
    "The following is a near-verbatim transcript of today's noon briefing by Jean Dupont, "
    "Spokesman for the Secretary-General.\n\n"
    "SUDAN\n\n"
    "The Secretary-General is deeply alarmed by the attacks on civilians in the city, and he calls "
    "on the parties to stop the fighting at once.\n\n"
    "QUESTIONS AND ANSWERS\n\n"
    "Question: Thank you, Jean. Does the Secretary-General have any reaction to the strikes?\n\n"
    "Spokesman: I have nothing to add to what I said yesterday.\n\n"
    "Question: Will the envoy travel to the region next week\n\n"
    "Spokesman: The envoy will travel to the region next week, and he will meet both sides.\n\n"
    "Deputy Spokesman: We will share more details on the envoy's travel as soon as we have them.\n"
)


def test_the_spokesman_alone_is_the_spokesperson_the_introduction_names() -> None:
    turns = find_turns(NOON_BRIEFING)
    assert [(t.label, t.question) for t in turns] == [
        ("", False),  # the briefing's opening, the principal's
        ("Question", True),
        ("Jean Dupont, Spokesman for the Secretary-General", False),
        ("Question", True),  # no question mark: the label says it asks
        ("Jean Dupont, Spokesman for the Secretary-General", False),
        ("Deputy Spokesman", False),  # another, lower title: not the spokesman's
    ]


def test_the_deputy_spokesman_alone_is_the_deputy_the_introduction_names() -> None:
    text = NOON_BRIEFING.replace("Jean Dupont, Spokesman", "Ana Lopez, Deputy Spokesperson")
    labels = [t.label for t in find_turns(text) if t.label and not t.question]
    assert labels == ["Spokesman", "Spokesman", "Ana Lopez, Deputy Spokesperson for the Secretary-General"]


def test_the_spokesmans_answers_are_drafted_as_his_and_nothing_else_in_them() -> None:
    drafts = extract(NOON_BRIEFING)
    answers = [d for d in drafts if d.how == "turn" and d.text.startswith(("I have", "The envoy"))]
    assert len(answers) == 2
    assert all(d.speaker is not None and d.speaker.name == "Jean Dupont" for d in answers)
    assert all(
        d.speaker is not None and d.speaker.role == "Spokesman for the Secretary-General" for d in answers
    )
    assert not [d for d in drafts if "Thank you, Jean" in d.text or "any reaction" in d.text]  # questions
    # "I said" in his own answer is his own words, not a third party "Spokesman"'s
    assert not [d for d in drafts if d.speaker is not None and d.speaker.name == "Spokesman"]


def test_the_spokesman_alone_under_an_introduction_without_the_title_is_its_principal() -> None:
    text = NOON_BRIEFING.replace(", Spokesman for the Secretary-General.", ".")
    drafts = [d for d in extract(text) if d.how == "turn" and d.text.startswith(("I have", "The envoy"))]
    assert len(drafts) == 2
    assert all(d.speaker is not None and d.speaker.name == "Jean Dupont" for d in drafts)
