"""Speakers on reporting not yet seen (issue 20, letter e7): shapes of English reporting found in
several development items, each on a short text written for the purpose, with guards for the
shapes that must not change."""

from __future__ import annotations

from dashboard.extract.extractor import DraftQuote, extract, parse


def _drafts(text: str) -> list[DraftQuote]:
    return extract(text)


def _speaker_of(text: str, words: str) -> str | None:
    draft = next(d for d in _drafts(text) if words in d.text)
    return draft.speaker.name if draft.speaker is not None else None


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
    assert _speaker_of(TWO_SPEAKERS_IN_PARAGRAPHS, "I thank our hosts") == "Karim Nasser"


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
    texts = [d.text for d in _drafts(TOPICS)]
    for topic in (
        "disappointment with",
        "the current development",
        "the threat of an additional tariff",
        "the situation of the fishermen",
    ):
        assert not any(topic in words for words in texts), (topic, texts)


def test_what_was_spoken_of_or_called_for_is_still_drafted() -> None:
    texts = [d.text for d in _drafts(TOPICS)]
    assert any(t.startswith("China will fight to the end") for t in texts)
    assert any("the need for an immediate ceasefire" in t for t in texts)
    assert any("the release of all hostages" in t for t in texts)
