"""Problems: "did you mean" suggestions, exact over few choices and bounded over many."""

from __future__ import annotations

import difflib

import pytest

from dashboard import problems
from dashboard.problems import Suggestions, suggest


@pytest.mark.parametrize(("word", "choices", "expected"), [
    ("suport", ("support", "oppose", "neutral"), " (did you mean 'support'?)"),
    ("organisation", ("state", "organization", "official"), " (did you mean 'organization'?)"),
    ("zzz", ("state", "organization"), ""),
    ("x", (), ""),
])
def test_few_choices_are_all_compared(word: str, choices: tuple[str, ...], expected: str) -> None:
    assert suggest(word, choices) == expected
    assert suggest(word, Suggestions(choices)) == expected


def test_up_to_the_bound_every_choice_is_a_candidate() -> None:
    ids = [f"actor-{n}" for n in range(problems.SCAN_ALL)]
    assert Suggestions(ids).candidates("actor-7") == ids


def test_past_the_bound_the_candidates_are_bounded_and_hold_the_neighbours() -> None:
    ids = [f"state-{n:05d}" for n in range(50_000)]
    index = Suggestions(ids)
    for word, meant in (("state-1234x", "state-12340"), ("xtate-01234", "state-01234"),
                        ("state-01234", "state-01234")):
        candidates = index.candidates(word)
        assert len(candidates) <= 4 * problems.NEAREST
        assert meant in candidates
    # Where the answer is among the candidates, it is difflib's own answer over all the ids.
    word = "stat-25000"
    best = difflib.get_close_matches(word, ids, n=1, cutoff=0.6)
    assert suggest(word, index) == f" (did you mean '{best[0]}'?)"
