"""`python -m dashboard extract`: the drafts file's contract, and bad input that writes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dashboard.__main__ import main
from tests.extract.support import PROJECT, SEED_ARTICLE

QUOTE_FIELDS = {
    "id",
    "text",
    "start",
    "end",
    "source_span",
    "cue_span",
    "speaker",
    "kind",
    "is_speech",
    "confidence",
    "source",
    "speaker_found_by",
    "flags",
}


def test_drafts_of_the_seed_follow_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, text_out = tmp_path / "drafts.yaml", tmp_path / "clean.txt"
    assert (
        main(
            [
                "extract",
                str(SEED_ARTICLE),
                "--briefing",
                "nk-troops-russia",
                "-o",
                str(out),
                "--text-out",
                str(text_out),
            ]
        )
        == 0
    )
    assert "drafts (" in capsys.readouterr().err
    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    raw = SEED_ARTICLE.read_text(encoding="utf-8")
    assert text_out.read_text(encoding="utf-8") == raw  # .txt: the cleaned text is the file's own
    [source] = document["sources"]
    assert source["published"] == "2024-11-02" and source["kind"] == "news"
    assert document["drafted_from"]["language"] == source["language"] == "en"
    actors = {a["id"]: a for a in document["actors"]}
    # the seed records him for the embassy he speaks for (which represents China)
    assert actors["liu-pengyu"]["matched"] is True
    assert actors["liu-pengyu"]["represents"] == "chinese-embassy-washington"
    for quote in document["quotes"]:
        assert set(quote) == QUOTE_FIELDS
        assert raw[quote["start"] : quote["end"]] == quote["text"]
        assert quote["kind"] in ("direct", "partial", "paraphrase")
        assert 0 <= quote["confidence"] <= 1
        assert quote["speaker"] is None or quote["speaker"] in actors
        for span in ("source_span", "cue_span"):
            if quote[span] is not None:
                assert 0 <= quote[span]["start"] < quote[span]["end"] <= len(raw)
    cues = {raw[q["cue_span"]["start"] : q["cue_span"]["end"]] for q in document["quotes"] if q["cue_span"]}
    assert "said" in cues


def test_bad_input_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    empty, out = tmp_path / "empty.txt", tmp_path / "drafts.yaml"
    empty.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", str(empty), "-o", str(out)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"{empty}: error: no text in it" in result.stderr and "nothing written" in result.stderr
    assert not out.exists()


def test_an_unknown_briefing_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED_ARTICLE), "--briefing", "no-such-briefing"]) == 2
    assert "no such briefing folder" in capsys.readouterr().err


def test_an_output_that_is_a_device_or_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/null` once replaced the machine's /dev/null with a file (the draft was renamed onto
    it); a pipe stands in for the device here."""
    import os
    import stat
    import threading

    from dashboard.extract.drafts import write_text

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    write_text("the drafts", pipe)
    reader.join(timeout=10)
    assert received == ["the drafts"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
