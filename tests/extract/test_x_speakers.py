"""Whose words (issue 20, letter x): a headline that ends in a dash and a name gives its words in
marks to that name; the words inside a claim's own that-clause are the claim's owner's, whatever
verb governs the claim; "in X's words" and "the words of X:" name whose words follow. Short texts
written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import DraftQuote, extract


def _speaker_of(text: str, words: str) -> str | None:
    drafts: list[DraftQuote] = extract(text)
    draft = next(d for d in drafts if d.text.rstrip(".") == words.rstrip("."))
    return draft.speaker.name if draft.speaker is not None else None


def test_a_headline_ending_in_a_dash_and_a_name_gives_its_words_in_marks_to_that_name() -> None:
    text = (
        "Ties with Russia “their own matter” — Lin Jian\n\n"
        "The Chinese Foreign Ministry spokesperson Lin Jian spoke on Monday in Beijing."
    )
    assert _speaker_of(text, "their own matter") == "Lin Jian"


def test_a_headline_dash_name_wins_over_the_headlines_own_subject() -> None:
    text = (
        "US says troops in Kursk: “We expect them to enter combat” – Austin\n\n"
        "Defense Secretary Lloyd Austin spoke to reporters in Rome on Thursday."
    )
    assert _speaker_of(text, "We expect them to enter combat") == "Lloyd Austin"


def test_a_headline_without_a_dash_and_a_name_keeps_its_subject() -> None:
    # guard: no name after a dash, the headline's own cue and subject stand
    text = (
        "Holm says talks “a waste of time”\n\nForeign Minister Ida Holm spoke to reporters in Oslo on Monday."
    )
    assert _speaker_of(text, "a waste of time") == "Ida Holm"


def test_a_dash_and_a_lowercase_word_at_a_headlines_end_names_nobody() -> None:
    # guard: "— analysis" is no name; the headline's own subject stands
    text = (
        "Holm says talks “a waste of time” — analysis\n\nForeign Minister Ida Holm spoke in Oslo on Monday."
    )
    assert _speaker_of(text, "a waste of time") == "Ida Holm"


def test_the_words_in_a_claims_own_that_clause_are_the_claims_owners() -> None:
    text = "Foreign Minister Ida Holm rejected Lund's claim that “the deal is dead.”"
    assert _speaker_of(text, "the deal is dead.") == "Lund"


def test_the_words_a_speaker_calls_anothers_comments_stay_the_speakers() -> None:
    # guard: the words are the object complement of "called", not the comments' own words
    text = "Foreign Minister Ida Holm called Lund's comments “deeply irresponsible.”"
    assert _speaker_of(text, "deeply irresponsible.") == "Ida Holm"


def test_words_after_a_claim_but_outside_its_clause_are_the_speakers() -> None:
    # guard: the claim is the subject of the speaker's verdict; the verdict is hers
    text = "Foreign Minister Ida Holm said Lund's claim that the deal is dead was “simply absurd.”"
    assert _speaker_of(text, "simply absurd.") == "Ida Holm"


def test_in_someones_words_names_whose_words_follow() -> None:
    text = "Foreign Minister Ida Holm said that, in Lund's words, the talks were “a waste of time.”"
    assert _speaker_of(text, "a waste of time.") == "Lund"


def test_in_the_words_of_someone_names_whose_words_follow() -> None:
    text = "Foreign Minister Ida Holm said that, in the words of Lund, the talks were “a waste of time.”"
    assert _speaker_of(text, "a waste of time.") == "Lund"


def test_the_words_of_someone_before_a_colon_are_that_persons() -> None:
    text = "Foreign Minister Ida Holm recalled the words of her predecessor, Anders Dahl: “Never give up.”"
    assert _speaker_of(text, "Never give up.") == "Anders Dahl"


def test_someones_words_named_away_from_the_quotation_do_not_take_it() -> None:
    # guard: "Lund's words" are the object of her reply, not a frame over the quotation
    text = "Foreign Minister Ida Holm answered Lund's words on Monday, saying “the talks will go on.”"
    assert _speaker_of(text, "the talks will go on.") == "Ida Holm"
