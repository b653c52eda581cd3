"""Saving reviewed records: appended after what is there (order, comments, quoting kept byte for
byte), checked by the loader, atomic, and two saves at once lose nothing."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from filelock import FileLock

from dashboard.extract.briefings import load_briefing
from dashboard.extract.saving import Accepted, SaveRefused, save
from dashboard.problems import errors
from dashboard.store.files import lock_path

SOURCE = {
    "id": "wire-2024-11-03",
    "title": "Keller on the talks",
    "publisher": "Example Wire",
    "published": date(2024, 11, 3),
    "kind": "news",
    "language": "en",
}


def accepted(
    speaker: str = "blinken",
    text: str = "We will keep talking",
    *,
    actor: dict[str, Any] | None = None,
    position: bool = False,
) -> Accepted:
    quote = {
        "speaker": speaker,
        "text": text,
        "source": SOURCE["id"],
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "context": '"“We will keep talking,” he said."',
        "language": "en",
    }
    positions = []
    if position:
        positions.append(
            {
                "actor": speaker,
                "issue": "china-restrain-nk",
                "stance": "support",
                "as_of": date(2024, 11, 3),
                "basis": "stated",
                "confidence": "high",
                "evidence": [0],
            }
        )
    return Accepted(dict(SOURCE), [actor] if actor else [], [quote], positions, label="a test")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_new_records_are_appended_after_everything_already_there(seed_copy: Path) -> None:
    before = snapshot(seed_copy)
    actor = {"id": "maria-keller", "name": "Maria Keller", "kind": "official", "role": "Foreign Minister"}
    result = save(seed_copy, accepted("maria-keller", actor=actor, position=True))
    after = snapshot(seed_copy)
    for name in ("sources.yaml", "actors.yaml", "quotes.yaml", "positions.yaml"):
        assert after[name].startswith(before[name]), f"{name}: existing bytes changed"
        assert len(after[name]) > len(before[name])
    assert after["issues.yaml"] == before["issues.yaml"] and after["briefing.yaml"] == before["briefing.yaml"]
    briefing, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    [quote_id] = result.added["quotes"]
    quote = briefing.quotes.set_index("id").loc[quote_id]
    assert (quote["speaker"], quote["text"], quote["source"]) == (
        "maria-keller",
        "We will keep talking",
        SOURCE["id"],
    )
    new_position = briefing.positions[briefing.positions["actor"] == "maria-keller"].iloc[0]
    assert list(new_position["evidence"]) == [quote_id]
    assert "# --- Added" in after["quotes.yaml"].decode()
    assert not [p for p in seed_copy.iterdir() if p.name.startswith(".")], "a temporary file was left"


def test_a_save_that_would_add_an_error_writes_nothing(seed_copy: Path) -> None:
    before = snapshot(seed_copy)
    with pytest.raises(SaveRefused, match="nothing written.*no-such-actor"):
        save(seed_copy, accepted("no-such-actor"))
    assert snapshot(seed_copy) == before


def test_the_same_quote_saved_twice_is_kept_once(seed_copy: Path) -> None:
    save(seed_copy, accepted())
    again = save(seed_copy, accepted())
    assert again.added["quotes"] == [] and any("already in the briefing" in s for s in again.skipped)
    briefing, _ = load_briefing(seed_copy)
    assert (briefing.quotes["text"] == "We will keep talking").sum() == 1


def test_a_briefing_in_csv_is_refused_with_the_way_out(tmp_path: Path, seed_copy: Path) -> None:
    data = yaml.safe_load((seed_copy / "sources.yaml").read_text())
    (seed_copy / "sources.yaml").unlink()
    (seed_copy / "sources.csv").write_text(
        "id,title,publisher,published,kind\n"
        + ",".join(str(data[0][k]) for k in ("id", "title", "publisher", "published", "kind"))
        + "\n"
    )
    with pytest.raises(SaveRefused, match=r"\.yaml tables only.*convert"):
        save(seed_copy, accepted())


def _save_in_another_process(folder: str, speaker_name: str, text: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    actor = {"id": "new-person", "name": speaker_name, "kind": "expert"}
    result = save(Path(folder), accepted("new-person", text, actor=actor, position=True))
    results.put((speaker_name, result.added, result.renamed))


def test_two_saves_at_once_lose_nothing(seed_copy: Path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=_save_in_another_process, args=(str(seed_copy), name, text, barrier, results))
        for name, text in (("Anna Lindqvist", "The plan is flawed"), ("Tom Hale", "The plan will work"))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    outcomes = [results.get(timeout=5) for _ in workers]
    briefing, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    names = dict(zip(briefing.actors["id"], briefing.actors["name"], strict=True))
    quotes = briefing.quotes.set_index("text")
    # Both colleagues' records are there, each quote with its own speaker: the second to save got a
    # fresh id for its actor instead of overwriting or merging into the first one's.
    assert names[quotes.loc["The plan is flawed", "speaker"]] == "Anna Lindqvist"
    assert names[quotes.loc["The plan will work", "speaker"]] == "Tom Hale"
    assert sum(bool(renamed) for _, _, renamed in outcomes) == 1
    held = briefing.positions[
        briefing.positions["actor"].isin(
            [quotes.loc["The plan is flawed", "speaker"], quotes.loc["The plan will work", "speaker"]]
        )
    ]
    assert len(held) == 2
    assert (briefing.sources["id"] == SOURCE["id"]).sum() == 1  # one source, not two


def test_a_save_waiting_too_long_for_the_lock_is_refused_and_says_why(seed_copy: Path) -> None:
    before = snapshot(seed_copy)
    with FileLock(str(lock_path(seed_copy))), pytest.raises(SaveRefused, match="another save"):
        save(seed_copy, accepted(), timeout=0.2)
    assert snapshot(seed_copy) == before


def test_a_folder_that_is_not_a_briefing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SaveRefused, match="not a briefing folder"):
        save(tmp_path, accepted())


def test_a_save_that_fails_midway_leaves_whole_files(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    before = snapshot(seed_copy)
    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: str, dst: Path) -> None:
        calls.append(str(dst))
        if str(dst).endswith("quotes.yaml"):
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        save(seed_copy, accepted())
    after = snapshot(seed_copy)
    # the file being written is whole (old content), and the one written before it only gained records
    assert after["quotes.yaml"] == before["quotes.yaml"]
    assert after["sources.yaml"].startswith(before["sources.yaml"])
    assert not [p for p in seed_copy.iterdir() if p.name.startswith(".")]
    assert calls[0].endswith("sources.yaml")  # referenced tables are replaced first


def test_a_file_left_half_written_by_a_colleague_is_named_and_nothing_is_written(seed_copy: Path) -> None:
    quotes = seed_copy / "quotes.yaml"
    whole = quotes.read_text(encoding="utf-8")
    cut = whole[: whole.index("\n", len(whole) * 2 // 3)] + '\n  text: "an unfinished\n'
    quotes.write_text(cut, encoding="utf-8")
    before = snapshot(seed_copy)
    with pytest.raises(SaveRefused) as refused:
        save(seed_copy, accepted())
    message = str(refused.value)
    assert message.startswith("nothing written: ") and f"{quotes} line " in message
    assert "someone may be editing it" in message and "your review is kept" in message
    assert snapshot(seed_copy) == before
