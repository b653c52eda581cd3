"""A briefing read, validated and kept by one process at a time (dashboard/prepared.py): a load that
finds another process reading the same briefing waits and reads that process's copy, and a server
can have a data folder's briefings prepared in the background before anyone opens them."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from dashboard import prepared
from dashboard.catalog import fingerprint
from dashboard.load import load_briefing

UNVOTES = Path(__file__).resolve().parents[2] / "data" / "unvotes"


def _hold(where: Path, folder: Path) -> int:
    """The briefing's lock, taken as another process reading it would take it."""
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = prepared._try_lock(prepared._lock_file(prepared._kept_file(where, folder.resolve())))
    assert descriptor is not None
    return descriptor


def test_a_load_waits_for_another_reading_the_same_briefing_and_reads_its_copy(
    tmp_path: Path, mini, kept: Path, reads: list[Path]
) -> None:
    folder = mini.folder(tmp_path / "mini")
    expected = load_briefing(folder)
    held = _hold(kept, folder)
    result: list[prepared.Loaded] = []
    waiting = threading.Thread(target=lambda: result.append(prepared.load_prepared(folder)))
    waiting.start()
    time.sleep(0.5)
    assert waiting.is_alive() and reads == []  # waiting, not reading
    # What the other process does before it lets go: the copy kept.
    header = prepared._header(folder.resolve(), fingerprint(folder))
    prepared._write(kept, prepared._kept_file(kept, folder.resolve()), header, expected)
    prepared._lock_file(prepared._kept_file(kept, folder.resolve())).unlink()
    os.close(held)
    waiting.join(10)
    assert reads == []  # read from the copy: the files were read once, by the other process
    ((briefing, problems),) = result
    pd.testing.assert_frame_equal(briefing.positions, expected[0].positions)
    assert problems == expected[1]
    assert list(kept.glob(".*.lock")) == []


def test_a_load_that_waited_too_long_reads_the_files_itself(
    tmp_path: Path, mini, kept: Path, reads: list[Path]
) -> None:
    folder = mini.folder(tmp_path / "mini")
    held = _hold(kept, folder)
    try:
        started = time.monotonic()
        briefing, _ = prepared.load_prepared(folder, wait=0.3)
        assert time.monotonic() - started >= 0.3
    finally:
        os.close(held)
    assert reads == [folder]
    assert len(briefing.actors) == len(load_briefing(folder)[0].actors)


def test_a_load_takes_the_lock_and_leaves_none(
    tmp_path: Path, mini, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini.folder(tmp_path / "mini")
    kept.mkdir(mode=0o700)
    lock = prepared._lock_file(prepared._kept_file(kept, folder.resolve()))
    held_while_reading: list[bool] = []

    def reading(path: Path):
        held_while_reading.append(prepared._try_lock(lock) is None)  # held by the load under way
        return load_briefing(path)

    monkeypatch.setattr(prepared, "load_briefing", reading)
    prepared.load_prepared(folder)
    assert held_while_reading == [True]
    assert not lock.exists()


def test_prepare_keeps_every_briefing_of_a_data_folder(
    tmp_path: Path, mini, kept: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    small = mini.folder(data / "small")
    tables = mini.tables()
    tables["issues"] += [{**tables["issues"][0], "id": f"extra-{n}"} for n in range(40)]
    large = mini.folder(data / "large", tables)
    assert prepared.prepare(data) == [large, small]  # the largest first
    assert len(list(kept.glob("*.briefing"))) == 2
    prepared.load_prepared(small)
    prepared.load_prepared(large)
    assert reads == [large, small]  # the page's loads read the copies
    opened: list[Path] = []
    monkeypatch.setattr(prepared, "load_prepared", lambda path: opened.append(path))
    prepared.prepare(data)
    assert opened == []  # current copies: not even unpickled
    (small / "actors.yaml").write_text((small / "actors.yaml").read_text() + "\n", encoding="utf-8")
    prepared.prepare(data)
    assert opened == [small]


@pytest.mark.slow
def test_prepare_in_background_keeps_the_un_votes_in_a_process_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[Path]
) -> None:
    """The UN votes take over a second to read (kept at 0.5 s); the child is left to decide."""
    where = tmp_path / "prepared"
    monkeypatch.setenv("DASHBOARD_PREPARED", str(where))
    folder = Path(shutil.copytree(UNVOTES, tmp_path / "data" / "unvotes"))
    process = prepared.prepare_in_background(tmp_path / "data")
    assert process is not None
    assert process.wait(300) == 0
    assert len(list(where.glob("*.briefing"))) == 1
    briefing, _ = prepared.load_prepared(folder)
    assert reads == []  # from the child's copy
    assert len(briefing.positions) == 870_109
    assert list(where.glob(".*.lock")) == []


def test_nothing_is_prepared_when_keeping_is_off(
    tmp_path: Path, mini, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHBOARD_PREPARED", "off")
    mini.folder(tmp_path / "data" / "mini")
    assert prepared.prepare(tmp_path / "data") == []
    assert prepared.prepare_in_background(tmp_path / "data") is None
