"""Speakers on reporting not yet seen (issue 20, letter e7): shapes of English reporting found in
several development items, each on a short text written for the purpose, with guards for the
shapes that must not change."""

from __future__ import annotations

from dashboard.extract.extractor import extract, parse
from tests.extract.support import speaker_of

# -- a paragraph break after a full stop ends the sentence ----------------------------------------

TWO_SPEAKERS_IN_PARAGRAPHS = (
    "The spokesman, Omar Haddad, said on Monday that the envoy had left for Geneva.\n"
    "Haddad said the country welcomed “all neighbouring states that played a role in this process.”\n"
    "Earlier, the envoy, Karim Nasser, said in a post on X that “talks will be held in Geneva on "
    "Friday.”\n"
    "“I thank our hosts for providing all the necessary arrangements,” he said."
)


def test_he_after_a_paragraph_break_is_the_one_who_spoke_in_the_paragraph_before() -> None:
    # the parser ran the last three paragraphs into one sentence, whose subject (Haddad) then
    # stood for "he"
    assert speaker_of(TWO_SPEAKERS_IN_PARAGRAPHS, "I thank our hosts") == "Karim Nasser"


def test_each_paragraph_that_ends_a_sentence_starts_a_new_one() -> None:
    doc = parse(TWO_SPEAKERS_IN_PARAGRAPHS)
    starts = {s.start_char for s in doc.sents}
    for line in TWO_SPEAKERS_IN_PARAGRAPHS.split("\n")[1:]:
        assert TWO_SPEAKERS_IN_PARAGRAPHS.index(line) in starts


def test_a_line_wrapped_inside_a_sentence_is_no_sentence_start() -> None:
    text = (
        "The ministry said the visit of the U.S.\n"
        "President would go ahead, and the spokesman said the attempt was the\n"
        "Anachronistic folly of a declining power."
    )
    starts = {s.start_char for s in parse(text).sents}
    assert text.index("President") not in starts
    assert text.index("Anachronistic") not in starts


# -- what a speaker commented or spoke on is the topic, not the words -----------------------------

TOPICS = (
    "Ministers meet on the ceasefire\n"
    "In an interview, Foreign Minister Ivan Petrov commented on the president's disappointment with "
    "the lack of progress in the talks.\n"
    "External Affairs Minister Ravi Menon also spoke on the current development in the region.\n"
    "China will fight to the end, a foreign ministry spokesperson said on Tuesday when commenting on "
    "the threat of an additional tariff on imports.\n"
    "The minister touched upon the situation of the fishermen held in the port.\n"
    "The envoy spoke of the need for an immediate ceasefire in the region.\n"
    "The president called for the release of all hostages held in the city."
)


def test_the_topic_commented_or_spoken_on_is_not_drafted() -> None:
    texts = [d.text for d in extract(TOPICS)]
    for topic in (
        "disappointment with",
        "the current development",
        "the threat of an additional tariff",
        "the situation of the fishermen",
    ):
        assert not any(topic in words for words in texts), (topic, texts)


def test_what_was_spoken_of_or_called_for_is_still_drafted() -> None:
    texts = [d.text for d in extract(TOPICS)]
    assert any(t.startswith("China will fight to the end") for t in texts)
    assert any("the need for an immediate ceasefire" in t for t in texts)
    assert any("the release of all hostages" in t for t in texts)


# -- "he" or "she" after a sentence whose subject is a newly named person -------------------------

COUNCIL = (
    "Council vote fails\n"
    "“Due to the shielding by one country, these violations have not been stopped,” Ambassador "
    "Li Wei said.\n"
    "Britain’s U.N. Ambassador Jane Marsh, a usual U.S. ally, took the floor next.\n"
    "“The decisions to expand its military operations are unjustifiable,” she stated."
)


def test_she_is_the_person_the_sentence_before_brought_in_as_its_subject() -> None:
    draft = next(d for d in extract(COUNCIL) if "unjustifiable" in d.text)
    assert draft.speaker is not None and draft.speaker.name == "Jane Marsh"
    assert "speaker" in draft.flags  # a reading of a pronoun past the last speaker: a guess


def test_a_person_named_as_an_object_leaves_he_to_the_last_speaker() -> None:
    text = (
        "Change of command\n"
        "“This is a proud day,” Defense Secretary Tom Grant said.\n"
        "Grant praised Admiral Paul Reyes for his leadership of the command.\n"
        "“He has served with distinction,” he said."
    )
    assert speaker_of(text, "He has served with distinction") == "Tom Grant"


def test_the_last_speaker_keeps_he_when_nobody_new_is_a_subject() -> None:
    text = (
        "Talks in Geneva\n"
        "“We are ready to talk,” Foreign Minister Omar Haddad said.\n"
        "The talks will be held on Friday in the presence of observers.\n"
        "“We will not accept conditions,” he said."
    )
    assert speaker_of(text, "We will not accept conditions") == "Omar Haddad"


# -- an attribution set aside right after the marks names whose words they are ------------------

EXPERTS = (
    "What the summit changed\n"
    "On Monday, US President Tom Grant welcomed seven European leaders.\n"
    "Among the panel was Jane Alder, senior director of the Europe Center.\n"
    "Any “satisfaction” Moscow took from the meeting “has likely been wiped away,” Jane tells us.\n"
    "While Grant did reiterate “his readiness to put a ceasefire aside, which so pleased "
    "Moscow,” Jane notes, the US president “focused with great energy on security guarantees.”\n"
)


def test_a_quotation_followed_by_name_notes_is_that_persons_not_the_cue_before_it() -> None:
    assert speaker_of(EXPERTS, "his readiness to put a ceasefire aside") == "Jane Alder"


def test_words_in_marks_after_the_aside_in_the_same_sentence_are_the_asides_speakers() -> None:
    assert speaker_of(EXPERTS, "focused with great energy") == "Jane Alder"


def test_a_quotation_the_subjects_own_verb_reports_stays_theirs() -> None:
    text = (
        "Leaders meet\n"
        "President Tom Grant reiterated “our readiness to talk at any time,” and the minister "
        "welcomed the offer.\n"
        "“We are ready,” said Foreign Minister Omar Haddad, “and we will not wait.”"
    )
    assert speaker_of(text, "our readiness to talk") == "Tom Grant"
    assert speaker_of(text, "We are ready") == "Omar Haddad"
    assert speaker_of(text, "and we will not wait") == "Omar Haddad"


# -- a description of a post nobody held before is the one named with that post right after -----


def _envoy_text(between: str) -> str:
    return (
        "Council vote fails\n\n"
        "The acting U.S. Ambassador Mary Stone said the text would undermine the talks.\n\n"
        "The Chinese ambassador to the U.N. said the strikes have “crossed every red line” of the law."
        f"\n\n{between}"
        "“These violations have not been stopped or held accountable,” Ambassador Li Wei said."
    )


def test_the_chinese_ambassador_is_the_ambassador_named_in_the_next_paragraph() -> None:
    assert speaker_of(_envoy_text(""), "crossed every red line") == "Li Wei"


def test_an_ambassador_named_paragraphs_later_is_not_taken_for_the_description() -> None:
    between = "The vote was delayed twice.\n\nDiplomats met late into the night.\n\n"
    assert speaker_of(_envoy_text(between), "crossed every red line") != "Li Wei"
