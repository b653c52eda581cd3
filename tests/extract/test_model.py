"""The pinned English model, the attribution scores, and the training code path on a small slice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.extract import train
from dashboard.extract.evaluate import evaluate
from dashboard.extract.nlp import MODEL_FILES, model_folder, verify_model
from dashboard.extract.polnear import parse_ann, read_split
from dashboard.extract.scoring import Scores, Tally, add_pairs, add_spans
from dashboard.extract.tagger import Tagger, decode, gold_tags
from tests.extract.support import POLNEAR


def test_the_installed_model_is_the_pinned_one() -> None:
    assert verify_model(model_folder()) == []


def test_a_changed_weight_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_folder(), copy)
    weights = copy / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\x00")
    assert [w.split(":")[0] for w in verify_model(copy)] == ["ner/model"]
    assert len(MODEL_FILES) >= 10


def test_brat_attributions_with_pieces_and_no_source() -> None:
    ann = (
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tthe talks are\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 40 48\treported\nT6\tContent 49 60\tsomething\nT7\tAttribution-no-source 40 48\tx\n"
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n#1\tAnnotatorNotes T1\tnote\n"
    )
    first, second = parse_ann(ann)
    assert first.source is not None and first.content is not None
    assert (first.source.start, first.source.end) == (0, 5)
    assert first.content.pieces == ((11, 20), (25, 30))
    assert (first.content.start, first.content.end) == (11, 30)
    assert second.source is None and second.cue is not None


@pytest.mark.parametrize(
    ("predicted", "gold", "exact", "overlap"),
    [
        ([{1, 2, 3}], [{1, 2, 3}], 1.0, 1.0),
        ([{1, 2}], [{1, 2, 3, 4}], 0.0, 2 * 1.0 * 0.5 / 1.5),  # P 1 (all inside), R 0.5
        ([{1, 2, 3}, {9}], [{1, 2, 3}], 2 / 3, 2 * 0.5 * 1.0 / 1.5),
        ([], [{1}], 0.0, 0.0),
    ],
)
def test_span_scores(predicted: list[set[int]], gold: list[set[int]], exact: float, overlap: float) -> None:
    tally = Tally()
    add_spans(tally, [frozenset(p) for p in predicted], [frozenset(g) for g in gold])
    assert tally.exact_f1() == pytest.approx(exact)
    assert tally.overlap_f1() == pytest.approx(overlap)


def test_a_pair_counts_once_and_needs_both_halves() -> None:
    tally = Tally()
    gold = [(frozenset({1}), frozenset({3, 4, 5})), (frozenset({10}), frozenset({12, 13}))]
    predicted = [
        (frozenset({1}), frozenset({3, 4})),  # matches the first
        (frozenset({1}), frozenset({3, 4, 5})),  # the first is taken already
        (frozenset({11}), frozenset({12, 13})),
    ]  # wrong source
    add_pairs(tally, predicted, gold)
    assert tally.pairs_matched == 1
    assert tally.pair_f1() == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_bio_tags_round_trip_into_spans() -> None:
    spans = decode(
        ["O", "B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "O", "I-CON"], [1.0] * 9, offset=100
    )
    assert [(s.start, s.end) for s in spans["source"]] == [(101, 103)]
    assert [(s.start, s.end) for s in spans["cue"]] == [(103, 104)]
    assert [(s.start, s.end) for s in spans["content"]] == [(104, 107), (108, 109)]


def test_gold_tags_prefer_the_inner_attribution() -> None:
    from dashboard.extract.nlp import english

    doc = english()("Smith said Jones told him it works.")
    tokens = list(doc)
    roles: list[tuple[str, tuple[tuple[int, int], ...]]] = [
        ("source", ((0, 5),)),
        ("cue", ((6, 10),)),
        ("content", ((11, 34),)),
        ("source", ((11, 16),)),
        ("cue", ((17, 21),)),
        ("content", ((26, 34),)),
    ]
    # the outer content keeps "him"; the inner one ("it works") begins a span of its own
    assert gold_tags(tokens, roles) == ["B-SRC", "B-CUE", "B-SRC", "B-CUE", "B-CON", "B-CON", "I-CON", "O"]


@pytest.mark.slow
def test_training_on_a_small_slice_writes_a_model_that_tags(tmp_path: Path) -> None:
    """The code path `make train-extractor` runs, on 12 train articles (CI does this, not the full run)."""
    meta = train.train(POLNEAR, tmp_path, limit=12, iterations=15)
    assert meta["articles"] == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attribution.crfsuite", "attribution.json"]
    tagger = Tagger.load(tmp_path)
    scores = evaluate(tagger, read_split(POLNEAR, "dev", limit=3))
    assert isinstance(scores, Scores)
    assert scores.roles["cue"].predicted > 0  # it found cues in articles it never saw
