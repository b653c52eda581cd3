"""Parquet: large tables, with real date columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def test_large_table_as_parquet(load_clean, tmp_path: Path, mini) -> None:
    folder = mini.folder(tmp_path / "mini")
    (folder / "positions.yaml").unlink()
    (folder / "quotes.yaml").unlink()
    positions = pd.DataFrame(mini.tables()["positions"])
    positions["as_of"] = pd.to_datetime(positions["as_of"])  # a real date column, not text
    positions.to_parquet(folder / "positions.parquet", index=False)
    pd.DataFrame(mini.tables()["quotes"]).to_parquet(folder / "quotes.parquet", index=False)
    assert load_clean(folder) == mini.document()
