"""A quote carried by other sources too says so: on its card ("also in: publisher · title") and in
its citation, the other outlets named as the source is."""

from __future__ import annotations

from pathlib import Path

from dashboard.citation import citation
from dashboard.extract.briefings import load_briefing
from dashboard.extract.saving import add_to_list
from dashboard.markup import quote_card


def test_the_card_and_the_citation_name_the_other_sources(seed_copy: Path) -> None:
    quotes = seed_copy / "quotes.yaml"
    quotes.write_text(
        add_to_list(
            quotes.read_text(encoding="utf-8"), quotes, "q-lin-own-matter", "also_in", ["tass-2024-11-01"]
        ),
        encoding="utf-8",
    )
    briefing, _ = load_briefing(seed_copy)
    row = briefing.quotes[briefing.quotes["id"] == "q-lin-own-matter"].iloc[0]
    card = quote_card(briefing, row)
    assert (
        '<div class="q-meta q-also">also in: TASS (Beijing) · '
        '<a href="https://tass.com/world/1865877" rel="noopener noreferrer">Russia and North Korea free '
        "to decide"
    ) in card
    cited = citation(briefing, row)
    assert cited.endswith(
        "Also in: TASS (Beijing), “Russia and North Korea free to decide how to develop "
        "ties, says Chinese Foreign Ministry (title supplied: the stored copy of the "
        "report gives none)”, published 2024-11-01."
    )
    other = briefing.quotes[briefing.quotes["id"] == "q-china-not-know"].iloc[0]
    assert "also in" not in quote_card(briefing, other) and "Also in" not in citation(briefing, other)
