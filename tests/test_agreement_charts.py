"""The alignment heatmap's labels: readable on every fill, for a 0..1 rate and for kappa's -1..1."""

from __future__ import annotations

import pandas as pd

from dashboard import agreement_charts


def _cells(measure: str, values: list[float], thin: list[bool] | None = None) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        {
            "actor": ["a"] * n,
            "other": [f"o{i}" for i in range(n)],
            "measure": measure,
            "value": values,
            "n": [40] * n,
            "first": pd.Timestamp("2019-01-01"),
            "last": pd.Timestamp("2020-01-01"),
            "low": values,
            "high": values,
            "thin": thin if thin is not None else [False] * n,
        }
    )


def _labels(cells: pd.DataFrame) -> pd.DataFrame:
    names = {"a": "A", **{o: o.upper() for o in cells["other"]}}
    return agreement_charts.heatmap_data(cells, names, ["a", *cells["other"]])


def test_kappa_near_chance_is_a_pale_fill_with_dark_text() -> None:
    # Kappa's scale runs -1..1 with chance (0) pale in the middle: -0.13 and +0.20 are pale fills.
    data = _labels(_cells("kappa", [-0.95, -0.13, 0.0, 0.2, 0.92, float("nan")]))
    assert data["label"].tolist()[:5] == ["-0.95", "-0.13", "+0.00", "+0.20", "+0.92"]
    assert data["dark"].tolist() == [True, False, False, False, True, False]


def test_rates_are_dark_only_near_none_or_all() -> None:
    data = _labels(_cells("coincidence", [0.05, 0.27, 0.5, 0.86, 0.99], thin=[False] * 4 + [True]))
    assert data["label"].tolist() == ["5%", "27%", "50%", "86%", "n=40"]
    assert data["dark"].tolist() == [True, False, False, True, False]  # a thin cell is grey


def test_the_chart_writes_white_only_where_the_data_says_dark() -> None:
    spec = agreement_charts.heatmap(_labels(_cells("kappa", [-0.13, 0.9])), "kappa").to_dict()
    text = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    assert text["encoding"]["color"]["condition"] == [{"test": "datum.dark", "value": "#ffffff"}]
    assert text["encoding"]["color"]["value"] == "#1a1a1a"
