"""The development-set scorer counts its misses by category, without words, so a blind set's misses
can be counted without anyone reading them (benchmarks/extract_devset.py --causes)."""

from __future__ import annotations

from benchmarks.extract_devset import Gold, Offered, Score, _near, _wrong_speaker


def gold(start: int, end: int, speaker: str) -> Gold:
    return Gold(start, end, "x" * (end - start), "direct", speaker, "new", None)


def draft(start: int, end: int, name: str) -> Offered:
    return Offered(
        start, end, "x" * (end - start), "direct", "a" if name else None, name, [name], False, False
    )


def test_a_wrong_speaker_is_named_by_its_kind_not_its_words() -> None:
    golds = [gold(0, 40, "Lin Jian"), gold(100, 140, "Antony Blinken")]
    assert _wrong_speaker(golds[0], draft(0, 40, "Blinken"), golds) == "another speaker of the item"
    assert _wrong_speaker(golds[0], draft(0, 40, "Reuters"), golds) == "nobody the item's gold names"
    assert _wrong_speaker(golds[0], draft(0, 40, ""), golds) == "no speaker"


def test_how_near_a_miss_came() -> None:
    golds = [gold(1000, 1100, "Lin Jian")]
    assert _near(draft(1090, 1300, "Lin"), golds) == "overlapping"
    assert _near(draft(1200, 1250, "Lin"), golds) == "within 300 characters"
    assert _near(draft(5000, 5050, "Lin"), golds) == "elsewhere"


def test_causes_add_up_across_items_and_reach_the_figures() -> None:
    one, two = Score(), Score()
    one.causes["missed/direct/elsewhere"] += 2
    two.causes["missed/direct/elsewhere"] += 1
    two.causes["extra/paraphrase/named/overlapping"] += 1
    one.add(two)
    assert one.figures()["causes"] == {"missed/direct/elsewhere": 3, "extra/paraphrase/named/overlapping": 1}
