"""Train the attribution tagger on PolNeAR's train split (never dev for fitting, never test).

    python -m dashboard.extract.train --data ../shared/data/polnear/data --out dashboard/extract/model
    python -m dashboard.extract.train ... --limit 20 --iterations 10   # the small slice CI retrains

Writes `attribution.crfsuite` (CRFsuite's binary format) and `attribution.json` beside it, both
through a temporary file and a rename, so a failed run leaves the shipped model as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycrfsuite

from dashboard.extract.features import CueLexicon, paragraphs, token_features
from dashboard.extract.nlp import english
from dashboard.extract.polnear import read_split
from dashboard.extract.reported import rule_roles
from dashboard.extract.tagger import gold_tags

MIN_CUE_COUNT = 3
SETTINGS = {"c1": 0.05, "c2": 0.01, "feature.possible_transitions": True}


def cue_lexicon(docs_and_articles: list[tuple[Any, Any]]) -> CueLexicon:
    """Each lemma's share of uses that are (part of) a cue, for lemmas seen as cues 3+ times."""
    counts: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for doc, article in docs_and_articles:
        for token in doc:
            if token.pos_ in ("VERB", "NOUN", "AUX", "ADP"):
                uses[token.lemma_.lower()] += 1
        for attribution in article.attributions:
            if attribution.cue is None:
                continue
            for start, end in attribution.cue.pieces:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    if token.pos_ in ("VERB", "NOUN") or token.lower_ == "according":
                        counts[token.lemma_.lower()] += 1
    return CueLexicon(
        {w: round(min(1.0, n / max(uses[w], 1)), 3) for w, n in counts.items() if n >= MIN_CUE_COUNT}
    )


def sequences(doc, article, lexicon: CueLexicon, rules: bool = True):  # type: ignore[no-untyped-def]
    roles = []
    for attribution in article.attributions:
        for role in ("source", "cue", "content"):
            span = getattr(attribution, role)
            if span is not None:
                roles.append((role, span.pieces))
    roles_of_rules = rule_roles(doc) if rules else None
    for paragraph in paragraphs(doc):
        tokens = list(paragraph)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        inside = [(r, p) for r, p in roles if any(a < end and b > start for a, b in p)]
        yield token_features(tokens, lexicon, roles_of_rules), gold_tags(tokens, inside)


def _atomic_write(path: Path, data: bytes) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def train(data: Path, out: Path, limit: int | None, iterations: int) -> dict[str, object]:
    started = time.monotonic()
    articles = read_split(data, "train", limit)
    nlp = english()
    docs = list(zip(nlp.pipe((a.text for a in articles), batch_size=16), articles, strict=True))
    parsed = time.monotonic()
    lexicon = cue_lexicon(docs)
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tokens = 0
    for doc, article in docs:
        for features, tags in sequences(doc, article, lexicon):
            trainer.append(features, tags)
            n_tokens += len(tags)
    trainer.set_params({**SETTINGS, "max_iterations": iterations})
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out) as scratch:
        model_tmp = Path(scratch) / "attribution.crfsuite"
        trainer.train(str(model_tmp))
        _atomic_write(out / "attribution.crfsuite", model_tmp.read_bytes())
    meta: dict[str, object] = {
        "trained_on": f"PolNeAR train split ({len(articles)} articles, {n_tokens:,} tokens)",
        "articles": len(articles),
        "iterations": iterations,
        "settings": SETTINGS,
        "cue_shares": dict(sorted(lexicon.shares.items())),
        "cue_threshold": lexicon.threshold,
        "features": "rules",  # the parse rules' reading of each token is a feature (reported.py)
        "trained_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": {"parse": round(parsed - started), "total": round(time.monotonic() - started)},
        "credit": "PolNeAR: Newell, Margolin and Ruths, LREC 2018 (its repository has no licence file)",
    }
    _atomic_write(out / "attribution.json", (json.dumps(meta, indent=1) + "\n").encode())
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.extract.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear/data"))
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "model")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N articles only")
    parser.add_argument("--iterations", type=int, default=250)
    args = parser.parse_args(argv)
    if not (args.data / "train").is_dir():
        print(f"{args.data}: no PolNeAR train split here (expected {args.data / 'train'})", file=sys.stderr)
        return 2
    meta = train(args.data, args.out, args.limit, args.iterations)
    print(f"wrote {args.out}: {meta['trained_on']}, {meta['seconds']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
