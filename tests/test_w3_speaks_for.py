"""Review v10, finding 6: Liu Pengyu's quote cards named two principals, the badge "speaks for
China" and the byline "speaks for Embassy of …". His record represents the embassy, which represents
China: the badge, the notes and the quotes CSV now follow that chain, as the byline does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import export, filters, note
from dashboard.escape import html_text
from dashboard.markup import quote_cards
from dashboard.reading import capacity, capacity_words, principals, quote_capacities, spoken_through
from dashboard.selection import Selection

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
EMBASSY = "Embassy of the People's Republic of China in the United States"
CHAIN = f"speaks for {EMBASSY}, which speaks for China"


def test_the_chain_is_read_from_each_records_represents(seed) -> None:
    assert principals(seed, "liu-pengyu") == ("chinese-embassy-washington", "china")
    assert principals(seed, "lin-jian") == ("china",)
    assert principals(seed, "china") == ()
    assert spoken_through(seed, "liu-pengyu", "china") == (EMBASSY,)
    assert spoken_through(seed, "liu-pengyu", "chinese-embassy-washington") == ()  # directly
    assert spoken_through(seed, "lin-jian", "china") == ()
    assert spoken_through(seed, "liu-pengyu", "united-states") == ()  # not on his chain at all


def test_the_words_name_each_body_on_the_way() -> None:
    assert capacity_words("spokesperson", "China") == "speaks for China"
    assert capacity_words("spokesperson", "China", through=(EMBASSY,)) == CHAIN
    assert (
        capacity_words("spokesperson", "C", through=("A", "B"))
        == "speaks for A, which speaks for B, which speaks for C"
    )
    # only a spokesperson's words go along a chain
    assert capacity_words("own", "China", through=(EMBASSY,)) == "China's own words"


def _badges(html: str, speaker: str) -> list[str]:
    """The capacity badge of each quote card whose speaker line names `speaker`."""
    cards = html.split('<div class="quote q-')[1:]
    return [
        match.group(1)
        for card in cards
        if f"<strong>{speaker}</strong>" in card
        for match in [re.search(r'<span class="capacity c-[a-z]+">(.*?)</span>', card)]
        if match
    ]


def test_liu_pengyus_badge_names_the_embassy_his_byline_names(seed) -> None:
    quotes = seed.quotes[seed.quotes["id"].isin(["q-liu-peace-talks", "q-lin-own-matter"])]
    caps = {
        q: capacity(seed, "china", s, kind=str(k))
        for q, s, k in zip(quotes["id"], quotes["speaker"], quotes["kind"], strict=True)
    }
    assert set(caps.values()) == {"spokesperson"}
    html = quote_cards(seed, quotes, capacities=caps, about="china")
    assert _badges(html, "Liu Pengyu") == [html_text(CHAIN)]
    assert f"speaks for {html_text(EMBASSY)}</div>" in html  # his byline: the same embassy
    assert _badges(html, "Lin Jian") == ["speaks for China"]  # the ministry's spokesman, directly
    # towards the embassy itself, he speaks for it directly
    embassy = quote_cards(
        seed,
        quotes.iloc[[list(quotes["id"]).index("q-liu-peace-talks")]],
        capacities=caps,
        about="chinese-embassy-washington",
    )
    assert _badges(embassy, "Liu Pengyu") == [f"speaks for {html_text(EMBASSY)}"]


@pytest.mark.parametrize(
    "link",
    [
        {"view": "brief", "actor": "united-states", "vs": "china", "since": "2024-10-31"},
        {"actor": "china", "cell": "china~ukraine-political-settlement"},
    ],
)
def test_on_the_page_no_card_of_his_says_he_speaks_for_china_directly(link) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in link.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    page = " ".join(str(h.proto.body) for h in at.get("html")) + " ".join(m.value for m in at.markdown)
    badges = _badges(page, "Liu Pengyu")
    assert badges and set(badges) == {html_text(CHAIN)}


def test_the_note_and_the_quotes_csv_say_the_same_chain(seed) -> None:
    built = note.build(seed, Selection(actors=("china",), view="cards"))
    text = note.markdown(built)
    assert f"({CHAIN})" in text
    assert "**Liu Pengyu** (Spokesperson, Chinese Embassy in Washington · speaks for " + EMBASSY + ")" in text
    lines = [line for line in text.splitlines() if "**Liu Pengyu**" in line]
    assert lines and not any("(speaks for China)" in line for line in lines)
    subset = filters.apply(seed, Selection(actors=("china",)).filters)
    frame = export.quotes_frame(seed, subset, quote_capacities(seed, subset, subset.quotes))
    liu = frame[frame["speaker"] == "liu-pengyu"]
    assert len(liu) == 2 and set(liu["capacity"]) == {"spokesperson"}
    assert set(liu["speaks_for"]) == {f"{EMBASSY}, which speaks for China"}
