"""The store's behaviour, the same cases on both engines (a data folder; a real PostgreSQL): every
shipped briefing goes in and comes back out byte for byte, with its history; a broken briefing is
refused with the reader's own messages; a save on one replica is seen by another; two saves racing
from two processes (two replicas) lose nothing; a save held too long is refused and writes nothing."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard import ledger
from dashboard.briefing import Briefing
from dashboard.extract.saving import SaveRefused, save
from dashboard.identity import Identity
from dashboard.load import load_briefing
from dashboard.problems import Problem, errors
from dashboard.store import StoreError
from dashboard.store.layout import briefing_files, history_file
from tests.extract.test_saving import accepted
from tests.store.conftest import Engine

ANN = Identity(subject="ann", name="Ann Editor")
SEED = "nk-troops-russia"


Loaded = dict[Path, tuple[Briefing, list[Problem]]]


@pytest.fixture(scope="module")
def shipped() -> Loaded:
    """The shipped briefings of `all_briefings` as read, each read once for the module's tests (both
    engines): that folder is never written, and the frames are only compared, never changed."""
    return {}


def _frames_equal(left: Path, right: Path, shipped: Loaded) -> None:
    if left not in shipped:
        shipped[left] = load_briefing(left)
    a, problems_a = shipped[left]
    b, problems_b = load_briefing(right)
    assert [str(p) for p in problems_a] == [str(p).replace(str(right), str(left)) for p in problems_b]
    for table in ("actors", "issues", "sources", "quotes", "positions"):
        assert getattr(a, table).equals(getattr(b, table)), table


@pytest.mark.slow
def test_every_shipped_briefing_goes_in_and_comes_back_out_unchanged(
    engine: Engine, all_briefings: Path, tmp_path: Path, shipped: Loaded
) -> None:
    ids = sorted(p.name for p in all_briefings.iterdir() if (p / "briefing.yaml").is_file())
    assert {"nk-troops-russia", "unvotes"} <= set(ids)
    for briefing_id in ids:
        engine.store.push(all_briefings / briefing_id, briefing_id)  # type: ignore[attr-defined]
    assert set(engine.store.ids()) >= set(ids)  # type: ignore[attr-defined]
    for briefing_id in ids:
        out = tmp_path / "pulled" / briefing_id
        engine.store.pull(briefing_id, out)  # type: ignore[attr-defined]
        assert briefing_files(out) == briefing_files(all_briefings / briefing_id), briefing_id
        _frames_equal(all_briefings / briefing_id, out, shipped)


def test_a_briefing_with_errors_is_refused_with_the_readers_own_messages(
    engine: Engine, tmp_path: Path, all_briefings: Path
) -> None:
    broken = tmp_path / "broken" / SEED
    shutil.copytree(all_briefings / SEED, broken)
    positions = yaml.safe_load((broken / "positions.yaml").read_text(encoding="utf-8"))
    positions[0]["stance"] = "maybe"
    (broken / "positions.yaml").write_text(yaml.safe_dump(positions, allow_unicode=True), encoding="utf-8")
    expected = [str(p) for p in errors(load_briefing(broken)[1])]
    assert expected and any("maybe" in line for line in expected)
    with pytest.raises(StoreError) as refused:
        engine.store.push(broken, "broken")  # type: ignore[attr-defined]
    for line in expected:
        assert line in str(refused.value)
    assert "broken" not in engine.store.ids()  # type: ignore[attr-defined]


def test_a_save_on_one_replica_is_read_on_another_with_its_history(
    engine: Engine, all_briefings: Path
) -> None:
    engine.store.push(all_briefings / SEED, SEED)  # type: ignore[attr-defined]
    first, second = engine.replica("a"), engine.replica("b")
    save(first / SEED, accepted(text="Seen on the other replica"), author=ANN, comment="a test save")
    engine.replica("b")  # a replica looks again (the listener does this on NOTIFY)
    briefing, problems = load_briefing(second / SEED)
    assert errors(problems) == []
    assert "Seen on the other replica" in set(briefing.quotes["text"])
    events = ledger.events(second / SEED)
    assert [(e.action, e.name) for e in events] == [("baseline", "the dashboard"), ("save", "Ann Editor")]
    assert ledger.verify(second / SEED).problems == []


def _race(folder: str, env: dict[str, str], name: str, text: str, barrier: Any, results: Any) -> None:
    os.environ.update(env)
    barrier.wait()
    actor = {"id": "new-person", "name": name, "kind": "expert"}
    try:
        result = save(
            Path(folder),
            accepted("new-person", text, actor=actor, position=True),
            author=Identity(subject=name, name=name),
        )
        results.put((name, "saved", result.renamed))
    except SaveRefused as refused:
        results.put((name, "refused", str(refused)))


@pytest.mark.slow
def test_two_saves_racing_from_two_replicas_lose_nothing(
    engine: Engine, all_briefings: Path, tmp_path: Path
) -> None:
    engine.store.push(all_briefings / SEED, SEED)  # type: ignore[attr-defined]
    folders = [engine.replica("a") / SEED, engine.replica("b") / SEED]
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    racers = (("Anna Lindqvist", "The plan is flawed"), ("Tom Hale", "The plan will work"))
    workers = [
        context.Process(target=_race, args=(str(folder), engine.env, name, text, barrier, results))
        for folder, (name, text) in zip(folders, racers, strict=True)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        # a wall-clock wait for two spawned interpreters that import the project and save: generous,
        # since it bounds nothing the test checks (it failed once at 120 s on a machine at load 15)
        worker.join(timeout=600)
        assert worker.exitcode == 0
    outcomes = [results.get(timeout=5) for _ in workers]
    assert [o[1] for o in outcomes] == ["saved", "saved"], outcomes
    # The second to save saw the first's records (brought up under the lock) and took a fresh id.
    assert sum(bool(o[2]) for o in outcomes) == 1
    out = tmp_path / "after"
    engine.store.pull(SEED, out / SEED)  # type: ignore[attr-defined]
    briefing, problems = load_briefing(out / SEED)
    assert errors(problems) == []
    names = dict(zip(briefing.actors["id"], briefing.actors["name"], strict=True))
    quotes = briefing.quotes.set_index("text")
    assert names[quotes.loc["The plan is flawed", "speaker"]] == "Anna Lindqvist"
    assert names[quotes.loc["The plan will work", "speaker"]] == "Tom Hale"
    saves = [e for e in ledger.events(out / SEED) if e.action == "save"]
    assert sorted(e.name for e in saves) == ["Anna Lindqvist", "Tom Hale"]
    assert ledger.verify(out / SEED).problems == []


def test_a_save_that_waits_too_long_is_refused_and_writes_nothing(
    engine: Engine, all_briefings: Path, tmp_path: Path
) -> None:
    engine.store.push(all_briefings / SEED, SEED)  # type: ignore[attr-defined]
    folder = engine.replica("a") / SEED
    before = briefing_files(folder)
    if engine.name == "files":
        from filelock import FileLock

        from dashboard.store.files import lock_path

        holder: Any = FileLock(str(lock_path(folder)))
        holder.acquire()
        release = holder.release
    else:
        import psycopg

        connection = psycopg.connect(engine.env["DASHBOARD_STORE_URL"])
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"positions-briefing:{SEED}",))
        release = connection.close
    try:
        with pytest.raises(SaveRefused, match="another save into this briefing has held it"):
            save(folder, accepted(), author=ANN, timeout=0.3)
    finally:
        release()
    assert briefing_files(folder) == before
    out = tmp_path / "after" / SEED
    engine.store.pull(SEED, out)  # type: ignore[attr-defined]
    assert briefing_files(out) == before
    assert not history_file(out).exists() or all(e.action != "save" for e in ledger.events(out))
