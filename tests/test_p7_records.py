"""A page of quote cards reads its rows as `to_dict("records")` gives them, made from whole columns
(issue 24, p7: pandas boxed each value of each row on its own): the same values of the same types,
pandas' NA as None, on every quote of the seed."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.markup import _records, quote_cards


def same(left: object, right: object) -> bool:
    if type(left) is not type(right):
        return False
    if isinstance(left, float) and math.isnan(left):
        return isinstance(right, float) and math.isnan(right)
    return bool(left is right or left == right)


def test_records_are_to_dicts_records_value_for_value(seed):
    quotes = seed.quotes
    na_columns = [name for name in quotes.columns if getattr(quotes[name].dtype, "na_value", None) is pd.NA]
    assert na_columns, "the seed has a column of pandas' NA: the None it becomes is compared"
    for start in range(0, len(quotes), 7):
        part = quotes.iloc[start : start + 7]
        expected, made = part.to_dict("records"), _records(part)
        assert len(made) == len(expected)
        for row, want in zip(made, expected, strict=True):
            assert list(row) == list(want)
            assert all(same(row[name], want[name]) for name in want), (start, row, want)
    assert _records(quotes.iloc[:0]) == []


def test_cards_are_the_same_html_as_with_to_dict(seed, monkeypatch):
    quotes = seed.quotes
    evidence = list(quotes["id"][::3])
    made = quote_cards(seed, quotes, evidence=evidence, about="china")
    monkeypatch.setattr("dashboard.markup._records", lambda frame: frame.to_dict("records"))
    assert quote_cards(seed, quotes, evidence=evidence, about="china") == made
    assert made.count('class="quote ') == len(quotes)  # one card a quote
