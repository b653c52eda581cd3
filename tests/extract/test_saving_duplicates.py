"""Saving what the briefing already has: an article that is one of its sources (its address written
another way, its text pasted again) is refused with the source named; words it already has go to
that quote's `also_in`, changed in place with every other byte of the file kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dashboard.extract.briefings import load_briefing
from dashboard.extract.duplicates import words_key
from dashboard.extract.saving import FINGERPRINTS, Accepted, DuplicateSource, SaveRefused, add_to_list, save
from dashboard.problems import errors

AFP_URL = "https://sinodaily.com/reports/China_says_growing_Russia-North_Korea_ties_their_own_matter_999.html"
LIN_WORDS = (
    "North Korea and Russia are two independent sovereign states. How they develop bilateral "
    "relations is their own matter"
)
ELSEWHERE = (
    f"BEIJING (AFP) - As carried by the Example Daily: foreign ministry spokesman Lin Jian said "
    f"“{LIN_WORDS}.” He added that Beijing “is watching closely”."
)


def accepted_source(url: str = "", text: str = ELSEWHERE) -> Accepted:
    source = {
        "id": "daily-2024-11-01",
        "title": "Beijing calls ties their own matter",
        "publisher": "Example Daily",
        "published": date(2024, 11, 1),
        "kind": "news",
        "language": "en",
        **({"url": url} if url else {}),
    }
    quote = {
        "speaker": "lin-jian",
        "text": "is watching closely",
        "source": "daily-2024-11-01",
        "kind": "partial",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    return Accepted(source, [], [quote], [], label="a test", text=text)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    "url",
    [AFP_URL.replace("https://", "http://www.") + "/?utm_campaign=x", "https://tass.com/world/1865877/"],
)
def test_the_same_source_at_another_spelling_of_its_address_is_refused(seed_copy: Path, url: str) -> None:
    before = snapshot(seed_copy)
    with pytest.raises(DuplicateSource) as refused:
        save(seed_copy, accepted_source(url))
    message = str(refused.value)
    assert message.startswith("nothing written: this article is already in the briefing as ")
    if "tass" in url:
        assert "tass-2024-11-01: TASS (Beijing), Russia and North Korea free to decide" in message
    else:
        assert "afp-2024-11-01: AFP (by AFP Staff Writers" in message and "(the same address)" in message
    assert snapshot(seed_copy) == before


def test_the_same_text_pasted_again_is_refused_the_second_time(seed_copy: Path) -> None:
    first = save(seed_copy, accepted_source())
    assert first.added["sources"] == ["daily-2024-11-01"]
    assert (seed_copy / FINGERPRINTS).is_file()
    before = snapshot(seed_copy)
    again = accepted_source(text=ELSEWHERE.replace(" - ", "  -  ").upper())  # re-pasted, re-spaced
    again.source = {**(again.source or {}), "id": "daily-again", "title": "Another title typed"}
    said = (
        r"already in the briefing as daily-2024-11-01: Example Daily, Beijing calls ties their own "
        r"matter \(the same text\)"
    )
    with pytest.raises(DuplicateSource, match=said):
        save(seed_copy, again)
    assert snapshot(seed_copy) == before
    briefing, _ = load_briefing(seed_copy)
    assert (briefing.quotes["text"] == "is watching closely").sum() == 1


LIST_CASES = {
    "absent": (
        "- id: q1\n  text: a\n  issues: [x]\n# a comment about q2\n- id: q2\n  text: b\n",
        "- id: q1\n  text: a\n  issues: [x]\n  also_in: [s9]\n# a comment about q2\n- id: q2\n  text: b\n",
    ),
    "flow": (
        "- id: q1\n  also_in: [s1]  # kept\n- id: q2\n",
        "- id: q1\n  also_in: [s1, s9]  # kept\n- id: q2\n",
    ),
    "block": (
        "- id: q1\n  also_in:\n    - s1\n\n- id: q2\n",
        "- id: q1\n  also_in:\n    - s1\n    - s9\n\n- id: q2\n",
    ),
    "one id": ("- id: q1\n  also_in: s1\n", "- id: q1\n  also_in: [s1, s9]\n"),
    "empty": ("- id: q1\n  also_in:\n- id: q2\n", "- id: q1\n  also_in: [s9]\n- id: q2\n"),
    "last record, no newline": (
        "- id: q0\n- id: q1\n  text: a",
        "- id: q0\n- id: q1\n  text: a\n  also_in: [s9]\n",
    ),
    "block text": (
        "- id: q1\n  text: |\n    two\n    lines\n- id: q2\n",
        "- id: q1\n  text: |\n    two\n    lines\n  also_in: [s9]\n- id: q2\n",
    ),
}


@pytest.mark.parametrize("case", list(LIST_CASES))
def test_one_field_of_one_record_is_changed_in_place(case: str) -> None:
    text, expected = LIST_CASES[case]
    assert add_to_list(text, Path("quotes.yaml"), "q1", "also_in", ["s9"]) == expected


def test_an_in_place_change_to_a_record_that_is_gone_writes_nothing() -> None:
    with pytest.raises(SaveRefused, match="no longer holds the record q7"):
        add_to_list("- id: q1\n", Path("quotes.yaml"), "q7", "also_in", ["s9"])
    assert add_to_list("- id: q1\n  also_in: [s9]\n", Path("q.yaml"), "q1", "also_in", ["s9"]) == (
        "- id: q1\n  also_in: [s9]\n"
    )
    tricky = add_to_list("- id: q1\n  also_in: []\n", Path("q.yaml"), "q1", "also_in", ["2024-11-02", "no"])
    assert yaml.safe_load(tricky) == [{"id": "q1", "also_in": ["2024-11-02", "no"]}]  # quoted as needed


def test_the_same_words_from_another_outlet_are_saved_as_another_source(seed_copy: Path) -> None:
    accepted = accepted_source()
    accepted.also_in = [("q-lin-own-matter", "daily-2024-11-01")]
    quotes_before = (seed_copy / "quotes.yaml").read_text(encoding="utf-8")
    result = save(seed_copy, accepted)
    assert result.also_in == ["q-lin-own-matter: also in daily-2024-11-01"]
    assert len(result.added["quotes"]) == 1  # the other words are new
    after = (seed_copy / "quotes.yaml").read_text(encoding="utf-8")
    # every byte of the other records kept: only the one record gained a line, and the new quote
    # was appended
    start = quotes_before.index("- id: q-lin-own-matter\n")
    end = quotes_before.index("- id: q-china-not-know\n")
    assert after.startswith(quotes_before[:start])
    record = after[start : after.index("- id: q-china-not-know\n")]
    # the new field goes after the record's last field (its comment kept), before the blank line
    kept = quotes_before[start:end]
    last = len(kept.rstrip("\n")) + 1
    assert record == kept[:last] + "  also_in: [daily-2024-11-01]\n" + kept[last:]
    assert after[after.index("- id: q-china-not-know\n") :].startswith(quotes_before[end:])
    briefing, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    lin = briefing.quotes.set_index("id").loc["q-lin-own-matter"]
    assert list(lin["also_in"]) == ["daily-2024-11-01"]
    assert (briefing.quotes["text"].map(words_key) == words_key(LIN_WORDS)).sum() == 1


def test_a_speaker_gone_since_the_review_began_is_refused_by_name(seed_copy: Path) -> None:
    accepted = accepted_source()
    accepted.quotes[0]["speaker"] = "lin-jian-old"
    accepted.names = {"lin-jian-old": "Lin Jian"}
    before = snapshot(seed_copy)
    with pytest.raises(SaveRefused) as refused:
        save(seed_copy, accepted)
    assert str(refused.value) == (
        "nothing written: the speaker 'Lin Jian' (lin-jian-old) is no longer in the briefing — a "
        "colleague may have renamed or removed it: choose the speaker again"
    )
    assert snapshot(seed_copy) == before
