"""Who said it, on small texts written for the purpose: continued quotes, "according to", pronouns,
appositive roles and titles, quotations in « » and 「 」, and what must not be attributed."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.extract.extractor import DraftQuote

Drafts = Callable[[str], list[DraftQuote]]


def quoted(found: list[DraftQuote]) -> list[DraftQuote]:
    return [q for q in found if q.kind != "paraphrase"]


def who(found: list[DraftQuote]) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker.name if q.speaker else None, q.how) for q in quoted(found)]


def test_a_continued_quote_keeps_the_speaker_of_the_one_before(drafts_of: Drafts) -> None:
    found = drafts_of(
        "“We will not accept this,” said Maria Keller, the foreign minister of Ruritania. "
        "“Our position has not changed.”"
    )
    assert who(found) == [
        ("We will not accept this", "Maria Keller", "named"),
        ("Our position has not changed.", "Maria Keller", "continued"),
    ]
    assert [q.kind for q in quoted(found)] == ["direct", "direct"]


def test_a_quote_opening_the_next_paragraph_continues_too(drafts_of: Drafts) -> None:
    found = drafts_of(
        "“Talks must resume soon,” Keller said on Monday.\n\n“There is no other way out of this crisis.”"
    )
    assert [q.how for q in quoted(found)] == ["named", "continued"]
    assert {q.speaker.name for q in quoted(found) if q.speaker} == {"Keller"}


def test_according_to_names_the_speaker(drafts_of: Drafts) -> None:
    text = "“The deal is dead,” according to Jonas Berg, a spokesman for the Ruritanian Foreign Ministry."
    [quote] = quoted(drafts_of(text))
    assert quote.speaker is not None and quote.speaker.name == "Jonas Berg"
    assert quote.cue_span is not None
    assert text[quote.cue_span[0] : quote.cue_span[1]] == "according"


def test_a_pronoun_is_the_person_who_spoke_last(drafts_of: Drafts) -> None:
    text = (
        "Foreign Minister Maria Keller said the offer was “serious and final.” Her deputy, Tom "
        "Hale, listened. Keller was asked again. “It stands,” she said."
    )
    found = quoted(drafts_of(text))
    assert [(q.text, q.speaker.name if q.speaker else None) for q in found] == [
        ("serious and final.", "Maria Keller"),
        ("It stands", "Maria Keller"),
    ]
    assert found[1].how == "pronoun"
    assert found[1].source_span is not None
    assert text[found[1].source_span[0] : found[1].source_span[1]] == "she"


def test_a_pronoun_before_anyone_is_named_stays_unattributed(drafts_of: Drafts) -> None:
    [quote] = quoted(drafts_of("“Nothing will change,” he said."))
    assert quote.speaker is None and quote.how == "unknown" and quote.confidence <= 0.2


def test_an_apposition_gives_the_role_and_the_organisation(drafts_of: Drafts) -> None:
    [quote] = quoted(
        drafts_of(
            "Jonas Berg, a spokesman for the Ruritanian Foreign Ministry, said the "
            "talks had been “productive and frank.”"
        )
    )
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role, quote.speaker.organization) == (
        "Jonas Berg",
        "spokesman",
        "Ruritanian Foreign Ministry",
    )
    assert quote.kind == "partial"


def test_a_title_before_the_name_is_the_role(drafts_of: Drafts) -> None:
    [quote] = quoted(
        drafts_of("Foreign Minister Maria Keller said the offer was “serious and final” after the meeting.")
    )
    assert quote.speaker is not None and quote.speaker.role == "Foreign Minister"


def test_a_role_before_an_apposed_name(drafts_of: Drafts) -> None:
    [quote] = quoted(
        drafts_of("The French envoy, Claire Dubois, said the offer was «serious and final» on Monday.")
    )
    assert quote.text == "serious and final"
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == ("Claire Dubois", "French envoy")


def test_corner_brackets_and_a_short_name_later(drafts_of: Drafts) -> None:
    text = (
        "Kenji Sato, a spokesman for the Japanese Foreign Ministry, said 「we regret the decision」 at "
        "a briefing in Tokyo. 「We expect an apology,」 Sato said."
    )
    found = quoted(drafts_of(text))
    assert [(q.text, q.speaker.name if q.speaker else None, q.how) for q in found] == [
        ("we regret the decision", "Kenji Sato", "named"),
        ("We expect an apology", "Kenji Sato", "short-name"),
    ]


def test_guillemets_after_a_colon_are_a_direct_quote(drafts_of: Drafts) -> None:
    [quote] = quoted(
        drafts_of("The ambassador, Paul Martin, added: « We will not sign this text under pressure. »")
    )
    assert quote.kind == "direct"
    assert quote.text == "We will not sign this text under pressure."
    assert quote.speaker is not None and quote.speaker.name == "Paul Martin"


def test_scare_quotes_around_a_word_are_nobodys_statement(drafts_of: Drafts) -> None:
    found = quoted(drafts_of("Beijing has forged a “no-holds-barred” partnership with Moscow, experts say."))
    [quote] = [q for q in found if q.text == "no-holds-barred"]
    assert quote.speaker is None and quote.how == "modifier"


def test_only_speech_cues_attribute_a_quote(drafts_of: Drafts) -> None:
    # "hopes" and "knows" are not speech: the quote is Blinken's, who said it
    text = (
        "Antony Blinken said Thursday that China knows the United States hopes “that they will "
        "use the influence they have.”"
    )
    [quote] = quoted(drafts_of(text))
    assert quote.speaker is not None and quote.speaker.name == "Antony Blinken"
