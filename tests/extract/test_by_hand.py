"""Quotes entered by hand, for a text the extractor cannot draft from (not English) or drafted
nothing from: the article is read in any language, and each statement is added from its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extract.briefings import load_briefing
from dashboard.extract.manual import by_hand, read_any_language
from dashboard.extract.readers import InputError, article_from_text
from dashboard.extract.review import Review
from dashboard.extract.saving import save
from dashboard.problems import errors

GERMAN = (
    "BERLIN, 1. November — Außenministerin Anna Berg sagte am Freitag, China müsse „seinen "
    "Einfluss nutzen, um Nordkorea zurückzuhalten“. Die Regierung werde „die Gespräche "
    "fortsetzen“, fügte sie hinzu."
)


POLISH = (
    "WARSZAWA, 1 listopada — Minister spraw zagranicznych Anna Nowak powiedziała w piątek, że Chiny "
    "muszą „wykorzystać swoje wpływy”."
)


def test_a_language_drafting_does_not_read_is_refused_and_read_by_hand() -> None:
    with pytest.raises(InputError, match="this reads as Polish, and drafting reads"):
        article_from_text(POLISH)
    assert read_any_language("pasted text", None, POLISH).text == POLISH
    assert article_from_text(GERMAN).language == "de"  # German is drafted, and can be read by hand
    article = read_any_language("pasted text", None, GERMAN)
    assert article.text == GERMAN
    with pytest.raises(InputError, match="no text in it"):
        read_any_language("pasted text", None, "  \n ")
    with pytest.raises(InputError, match=r"cannot read '\.pptx' files"):
        read_any_language("slides.pptx", b"whatever", "")


def test_quotes_entered_by_hand_in_german_are_saved_with_their_language(seed_copy: Path) -> None:
    briefing, _ = load_briefing(seed_copy)
    review = Review.start(
        by_hand(read_any_language("pasted text", None, GERMAN), briefing, "nk-troops-russia"),
        briefing,
        why_nothing="you chose to enter the quotes by hand",
    )
    assert review.quotes == [] and review.why_nothing
    assert "source: give the language of the text (en, de, fr, zh …)" in review.problems()
    berg = review.new_actor("Anna Berg", "official", "Außenministerin")
    assert not isinstance(berg, str)
    start = GERMAN.index("seinen Einfluss")
    end = GERMAN.index("“. Die")
    made = review.add_statement(start, end, berg.id, "partial", "2024-11-01", ["china-restrain-nk"])
    assert not isinstance(made, str) and made.text == "seinen Einfluss nutzen, um Nordkorea zurückzuhalten"
    review.source.update(
        title="Berg: China muss Einfluss nutzen",
        publisher="Beispiel-Zeitung",
        published="2024-11-01",
        language="de",
    )
    assert review.problems() == []
    result = save(seed_copy, review.accepted_records())
    saved, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    [quote_id] = result.added["quotes"]
    quote = saved.quotes.set_index("id").loc[quote_id]
    assert (quote["text"], quote["language"], quote["speaker"]) == (
        "seinen Einfluss nutzen, um Nordkorea zurückzuhalten",
        "de",
        "anna-berg",
    )
    assert saved.source_records[result.added["sources"][0]]["language"] == "de"
