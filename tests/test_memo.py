"""views/memo.py: a result is reused only for the very objects it was made from."""

from __future__ import annotations

import gc
from functools import partial

import pandas as pd

from dashboard.views import memo


def test_the_same_objects_and_values_reuse_what_was_made() -> None:
    memo.clear()
    frame = pd.DataFrame({"a": [1, 2]})
    calls: list[int] = []

    def make() -> int:
        calls.append(1)
        return int(frame["a"].sum())

    assert memo.kept("sum", (frame,), (), make) == 3
    assert memo.kept("sum", (frame,), (), make) == 3
    assert len(calls) == 1
    assert memo.kept("sum", (frame,), ("other",), make) == 3  # other values: made again
    assert len(calls) == 2


def test_a_new_object_never_gets_a_result_made_for_another() -> None:
    memo.clear()
    first = pd.DataFrame({"a": [1]})
    assert memo.kept("sum", (first,), (), lambda: 1) == 1
    del first
    gc.collect()
    # Whatever address the new frame gets (perhaps the old one's), its result is its own.
    second = pd.DataFrame({"a": [2]})
    assert memo.kept("sum", (second,), (), lambda: 2) == 2


def test_it_keeps_at_most_its_size() -> None:
    memo.clear()
    frames = [pd.DataFrame({"a": [i]}) for i in range(memo.SIZE + 10)]
    for i, frame in enumerate(frames):
        memo.kept("n", (frame,), (), partial(int, i))
    assert len(memo._kept) == memo.SIZE
    memo.clear()
