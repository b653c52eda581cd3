"""A quote's citation: who said it and for whom, when, the words as recorded and their kind, the
outlet, title, publication day, the address and when it was read there; the same in the quote
card's "Cite" and the quotes CSV."""

from __future__ import annotations

import io

import pandas as pd

from dashboard import escape, filters, markup
from dashboard.citation import citation, citations
from dashboard.export import quotes_csv
from dashboard.selection import Filters
from dashboard.views import sidebar


def test_a_direct_quote_names_speaker_role_state_day_words_outlet_and_title(seed) -> None:
    row = seed.quotes[seed.quotes["kind"] == "direct"].iloc[0]
    cited = citation(seed, row)
    speaker = seed.actor_records[row["speaker"]]
    source = seed.source_records[row["source"]]
    assert cited.startswith(speaker["name"])
    assert f"“{row['text']}”" in cited  # the words as recorded, whole
    assert source["publisher"] in cited and f"“{source['title']}”" in cited
    assert f"published {pd.Timestamp(source['published']):%Y-%m-%d}" in cited
    if isinstance(speaker.get("represents"), str):
        assert "speaking for " + seed.actor_names[speaker["represents"]] in cited


def test_a_paraphrase_is_said_to_be_the_publishers_words_and_a_partial_quote_partial(seed) -> None:
    paraphrase = seed.quotes[seed.quotes["kind"] == "paraphrase"].iloc[0]
    cited = citation(seed, paraphrase)
    assert "(paraphrase: the publisher's words about" in cited and "not a quotation" in cited
    assert "“" + paraphrase["text"] not in cited
    partial = seed.quotes[seed.quotes["kind"] == "partial"].iloc[0]
    assert f"…“{partial['text']}”… (partial quotation)" in citation(seed, partial)


def test_an_address_comes_with_the_day_it_was_read_or_says_that_day_is_not_recorded(
    seed, monkeypatch
) -> None:
    row = seed.quotes.iloc[0]
    source = seed.source_records[row["source"]]
    with_url = {**source, "url": "https://example.org/a", "accessed": pd.Timestamp("2024-11-03")}
    monkeypatch.setitem(seed.source_records, row["source"], with_url)
    assert "https://example.org/a (accessed 2024-11-03)." in citation(seed, row)
    monkeypatch.setitem(seed.source_records, row["source"], {**with_url, "accessed": None})
    assert "https://example.org/a (access date not recorded)." in citation(seed, row)


def test_every_quote_card_has_its_citation_to_copy_and_the_csv_too(seed) -> None:
    subset = filters.apply(seed, Filters())
    expected = citations(seed, subset.quotes)
    for (_, row), cited in zip(subset.quotes.iterrows(), expected, strict=True):
        card = markup.quote_card(seed, row)
        # Each "Cite" is named for its quote: a screen reader's list of controls tells them apart.
        speaker = seed.actor_names[str(row["speaker"])]
        assert (
            f'<details class="q-cite"><summary aria-label="Cite the words of {escape.html_text(speaker)}, '
            in card
        )
        assert escape.html_text(cited) in card
    frame = pd.read_csv(io.BytesIO(quotes_csv(seed, subset)), keep_default_na=False)
    assert frame["citation"].tolist() == expected.tolist()


def test_links_use_the_public_address_when_one_is_set(monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://briefing.example.org/desk")
    assert sidebar.absolute_link("actor=china") == "https://briefing.example.org/desk/?actor=china"
