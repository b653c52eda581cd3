"""Train and measure the learned speaker chooser (dashboard/extract/ranker.py) on the English
development sets' tuning items, by cross-validation grouped by item.

    python -m benchmarks.speaker_ranker [--folds 5] [--write] [--cache FILE] [--train FILE ...]
    python -m benchmarks.speaker_ranker --polnear ../shared/data/polnear/data --cache FILE
    python -m benchmarks.speaker_ranker --test FILE [--train FILE ...] [--blind-only]

For every tuning item (never a held-out one: `extract_devset.held_out`), the article is drafted as
the review page drafts it, and each draft the benchmark pairs with an annotated statement gives one
training group: the candidates the ranker sees around the words (people, bodies and states named in
the window, the previous statement's speaker, the rules' choice), each labelled by the benchmark's
own rules (`right_speaker` and `right_link` of a draft that named that candidate). A logistic model
(numpy, L2, Newton steps) scores candidates; the chooser takes the likeliest. Items are split into
folds by a hash of their id, each item wholly in one fold; for each fold the model is trained on the
others and scored on it: right speaker and right link of the rules, of the ranker, and of the rules
with the ranker overriding them only when it prefers another candidate by a margin. `--write`
trains on every tuning item and writes dashboard/extract/model/speakers.json. `--polnear` writes
rows from PolNeAR's train split (a candidate right when its name is the annotated source's) to use
with `--train`; `--test` scores rows drafted elsewhere (a blind set drafted by the code of its blind
run, from `git archive`) with a model trained on the other sets. Results: docs/extraction.md,
"Seventh round". Not part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from benchmarks import extract_devset as bench
from dashboard.extract import drafts as drafting
from dashboard.extract import ranker
from dashboard.extract.briefings import load_briefing
from dashboard.extract.extractor import parse
from dashboard.extract.linking import ActorIndex
from dashboard.extract.polnear import read_split
from dashboard.extract.readers import Article, InputError, read_article
from dashboard.text import fold

_LAST_DOC: list[Any] = []


def _keeping_parse(text: str) -> Any:
    doc = parse(text)
    _LAST_DOC[:] = [doc]
    return doc


# the drafting's own parse, kept for the features (this script only; drafting is not changed)
drafting.__dict__["parse"] = _keeping_parse


@dataclass
class Row:
    item: str
    set_name: str
    fold: int
    features: list[dict[str, float]]
    speaker_ok: list[bool]
    link_ok: list[bool]
    rules: int  # index of the rules' candidate, -1 when the rules named nobody
    rules_speaker: bool
    rules_link: bool
    bulk: bool
    how: str
    keys: list[str]
    text: str


def _candidates(
    doc: Any, drafts: Any, named: list[ranker.Named], quote: Any, previous: str | None
) -> tuple[list[ranker.Candidate], dict[str, bench.Offered]]:
    """The candidates of one draft, and a draft naming each (for the benchmark's rules)."""
    actor = drafts.actor(quote.speaker)
    chosen = None
    if actor is not None:
        span = quote.source_span
        chosen = ranker.Chosen(
            actor.id if actor.matched else ranker.new_key(actor.name),
            {"state": "place", "organization": "organization"}.get(actor.kind, "person"),
            actor.matched,
            actor.id if actor.kind == "state" else actor.represents,
            (span["start"], span["end"]) if span else None,
        )
    found = ranker.candidates(doc, named, quote.start, quote.end, chosen, previous)
    offered = {
        n.key: bench.Offered(
            quote.start, quote.end, quote.text, quote.kind, n.key, n.name, [n.said_as], n.matched, False
        )
        for n in named
    }
    return found, offered


# Over the complexity cap: one pass over an item's drafts, pairs and candidates.
def collect(sets: tuple[str, ...], folds: int) -> list[Row]:  # noqa: C901
    rows: list[Row] = []
    briefings: dict[str, Any] = {}
    for set_name, path in bench.items_of(sets):
        item = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        if bench.held_out(item["id"]):
            continue  # never read, never trained on
        if set_name not in briefings:
            briefings[set_name], _ = load_briefing(bench.DEVSETS / set_name / "briefing")
        try:
            article = read_article(path)
        except InputError:
            continue
        golds = bench.gold_statements(item, article.text)
        drafts = drafting.draft(article, briefings[set_name], set_name)
        if drafts.source.language != "en" or not _LAST_DOC:
            continue
        doc = _LAST_DOC[0]
        named = ranker.named_in(doc, ActorIndex(briefings[set_name].actors))
        people = ranker.people_in(doc, 0, len(doc.text))
        made, _ = bench.offered(drafts)
        pairs = bench.pair(golds, made)
        speech = sorted((q for q in drafts.quotes if q.is_speech), key=lambda q: q.start)
        by_span = {(q.start, q.end): q for q in speech}
        previous_of: dict[int, str | None] = {}
        last: str | None = None
        for q in speech:
            previous_of[id(q)] = last
            actor = drafts.actor(q.speaker)
            if actor is not None:
                last = actor.id if actor.matched else ranker.new_key(actor.name)
        part = int(hashlib.sha1((item["id"] + ":cv").encode("utf-8")).hexdigest(), 16) % folds
        for gold, made_draft in pairs:
            quote = by_span.get((made_draft.start, made_draft.end))
            if quote is None:
                continue
            candidates, offered = _candidates(doc, drafts, named, quote, previous_of[id(quote)])
            chosen = next((c for c in candidates if c.rules), None)
            statement = ranker.Statement(
                quote.start,
                quote.end,
                (quote.cue_span["start"], quote.cue_span["end"]) if quote.cue_span else None,
                quote.speaker_found_by,
                chosen.kind if chosen is not None else "",
                chosen.side if chosen is not None else "",
            )
            feats, speaker_ok, link_ok, rules = [], [], [], -1
            for n, candidate in enumerate(candidates):
                feats.append(ranker.features(doc, statement, candidate, people))
                if candidate.rules:
                    rules = n
                    speaker_ok.append(bench.right_speaker(gold, made_draft))
                    link_ok.append(bench.right_link(gold, made_draft))
                else:
                    o = offered[candidate.key]
                    speaker_ok.append(bench.right_speaker(gold, o))
                    link_ok.append(bench.right_link(gold, o))
            rows.append(
                Row(
                    item["id"],
                    set_name,
                    part,
                    feats,
                    speaker_ok,
                    link_ok,
                    rules,
                    bench.right_speaker(gold, made_draft),
                    bench.right_link(gold, made_draft),
                    made_draft.bulk,
                    quote.speaker_found_by,
                    [c.key for c in candidates],
                    quote.text[:60],
                )
            )
    return rows


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^\w]+", fold(text)) if len(w) > 1}


def _names_the_source(mention: str, name: str, source: str) -> bool:
    """Whether a candidate is PolNeAR's annotated source: its name holds all the source's words,
    or the source holds two or more words of the name, or the name's one word is the source's last
    (a surname: "Obama" for "President Barack Obama")."""
    want = [w for w in re.split(r"[^\w]+", fold(source)) if len(w) > 1]
    for candidate in (name, mention):
        have = _words(candidate)
        if not want or not have:
            continue
        if set(want) <= have or (len(have) >= 2 and have <= set(want)) or have == {want[-1]}:
            return True
    return False


def collect_polnear(root: Path, limit: int, folds: int) -> list[Row]:
    """Rows from PolNeAR's train split (never dev or test): a drafted statement whose words overlap an
    attribution's content by half of the shorter, whose annotated source is not a pronoun; each
    candidate right when its name is the source's (no briefing: every candidate is new)."""
    rows: list[Row] = []
    index = ActorIndex(None)
    for article in read_split(root, "train", limit):
        text = article.text
        try:
            drafts = drafting.draft(Article(text, name=article.name, language="en"))
        except IndexError as error:  # noted in docs/extraction.md, seventh round
            print(f"{article.name}: drafting failed: {error!r}")
            continue
        if not _LAST_DOC:
            continue
        doc = _LAST_DOC[0]
        named = ranker.named_in(doc, index)
        people = ranker.people_in(doc, 0, len(text))
        speech = sorted((q for q in drafts.quotes if q.is_speech), key=lambda q: q.start)
        part = int(hashlib.sha1((article.name + ":cv").encode("utf-8")).hexdigest(), 16) % folds
        last: str | None = None
        for quote in speech:
            previous, actor = last, drafts.actor(quote.speaker)
            if actor is not None:
                last = ranker.new_key(actor.name)
            gold = next(
                (
                    a
                    for a in article.attributions
                    if a.content is not None
                    and a.source is not None
                    and min(a.content.end, quote.end) - max(a.content.start, quote.start)
                    >= min(a.content.end - a.content.start, quote.end - quote.start) / 2
                ),
                None,
            )
            if gold is None or gold.source is None:
                continue
            source = text[gold.source.start : gold.source.end]
            if not _words(source) or all(
                t.pos_ == "PRON" for t in _tokens_of(doc, gold.source.start, gold.source.end)
            ):
                continue
            found, _ = _candidates(doc, drafts, named, quote, previous)
            by_key = {n.key: n for n in named}
            labels = []
            for candidate in found:
                if candidate.rules and actor is not None:
                    said = (
                        text[quote.source_span["start"] : quote.source_span["end"]]
                        if quote.source_span
                        else ""
                    )
                    labels.append(_names_the_source(said, actor.name, source))
                else:
                    n = by_key.get(candidate.key)
                    labels.append(n is not None and _names_the_source(n.said_as, n.name, source))
            chosen = next((c for c in found if c.rules), None)
            statement = ranker.Statement(
                quote.start,
                quote.end,
                (quote.cue_span["start"], quote.cue_span["end"]) if quote.cue_span else None,
                quote.speaker_found_by,
                chosen.kind if chosen is not None else "",
                chosen.side if chosen is not None else "",
            )
            rules = next((i for i, c in enumerate(found) if c.rules), -1)
            rules_ok = rules >= 0 and labels[rules]
            rows.append(
                Row(
                    article.name,
                    "polnear-train",
                    part,
                    [ranker.features(doc, statement, c, people) for c in found],
                    labels,
                    labels,
                    rules,
                    rules_ok,
                    rules_ok,
                    False,
                    quote.speaker_found_by,
                    [c.key for c in found],
                    quote.text[:60],
                )
            )
    return rows


def _tokens_of(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if start <= t.idx < end and not t.is_punct]


def _matrix(rows: list[Row], without: frozenset[str] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    xs = [ranker.vector({k: v for k, v in f.items() if k not in without}) for r in rows for f in r.features]
    ys = [float(s and k) for r in rows for s, k in zip(r.speaker_ok, r.link_ok, strict=True)]
    return np.array(xs, dtype=float).reshape(-1, len(ranker.NAMES)), np.array(ys, dtype=float)


def train(rows: list[Row], l2: float = 1.0, without: frozenset[str] = frozenset()) -> ranker.Model:
    """Logistic regression on standardised features, by Newton's method with an L2 penalty; the
    features named in `without` are left out (their weight 0)."""
    x, y = _matrix(rows, without)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -50, 50)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return ranker.Model(
        ranker.NAMES,
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in w[:-1]),
        float(w[-1]),
    )


def judge(model: ranker.Model, rows: list[Row], margins: tuple[float, ...]) -> dict[str, Any]:
    """Right speaker and link (counts) of the rules, the ranker, and the rules overridden by the
    ranker beyond each margin; and bulk drafts kept and wrong at each probability threshold."""
    out: dict[str, Any] = {"n": len(rows), "rules": [0, 0], "ranker": [0, 0], "oracle": 0}
    for m in margins:
        out[f"hybrid {m}"] = [0, 0]
    bulk: list[tuple[float, bool]] = []
    for r in rows:
        probs = [model.probability(f) for f in r.features]
        out["rules"][0] += r.rules_speaker
        out["rules"][1] += r.rules_link
        out["oracle"] += any(s and k for s, k in zip(r.speaker_ok, r.link_ok, strict=True))
        if not probs:
            for key in ("ranker", *(f"hybrid {m}" for m in margins)):
                out[key][0] += r.rules_speaker
                out[key][1] += r.rules_link
            continue
        best = max(range(len(probs)), key=lambda n: probs[n])
        out["ranker"][0] += r.speaker_ok[best]
        out["ranker"][1] += r.link_ok[best]
        rules_p = probs[r.rules] if r.rules >= 0 else 0.0
        for m in margins:
            take = best if probs[best] - rules_p > m or r.rules < 0 else r.rules
            out[f"hybrid {m}"][0] += r.speaker_ok[take]
            out[f"hybrid {m}"][1] += r.link_ok[take]
        if r.bulk:
            bulk.append((rules_p if best == r.rules else 0.0, r.rules_speaker and r.rules_link))
    out["bulk"] = bulk
    return out


_RULES = frozenset(n for n in ranker.NAMES if n.startswith("rules"))


# Over the complexity cap: the options' three modes (cross-validation, a blind set, writing the model).
def main() -> None:  # noqa: C901
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write", action="store_true", help="train on every tuning item, write the model")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/speaker_ranker_rows.json"))
    parser.add_argument(
        "--without-rules", action="store_true", help="leave out the rules' choice and how they found it"
    )
    parser.add_argument("--sets", nargs="*", default=list(bench.ENGLISH_SETS))
    parser.add_argument(
        "--test",
        type=Path,
        help="rows drafted elsewhere (e.g. by the rules as they were when a set was blind): train on "
        "the cache's rows of other sets, score these",
    )
    parser.add_argument(
        "--train",
        type=Path,
        nargs="*",
        default=[],
        help="more rows to train on (another set drafted by the rules while it was blind, PolNeAR's "
        "train split): added to every fold's training rows, never scored",
    )
    parser.add_argument("--blind-only", action="store_true", help="with --test: train on --train rows only")
    parser.add_argument(
        "--polnear", type=Path, help="write rows from PolNeAR's train split under this data folder to --cache"
    )
    parser.add_argument("--polnear-limit", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="draft the items again, not from the cache")
    args = parser.parse_args()
    if args.polnear is not None:
        rows = collect_polnear(args.polnear, args.polnear_limit, args.folds)
        args.cache.write_text(json.dumps([r.__dict__ for r in rows]), encoding="utf-8")
        right = sum(r.rules_speaker for r in rows)
        print(f"{len(rows)} PolNeAR statements, the rules' speaker the source on {right}")
        return
    if args.cache.is_file() and not args.fresh:
        rows = [Row(**r) for r in json.loads(args.cache.read_text(encoding="utf-8"))]
    else:
        rows = collect(tuple(args.sets), args.folds)
        args.cache.write_text(json.dumps([r.__dict__ for r in rows]), encoding="utf-8")
    margins = (0.0, 0.1, 0.2, 0.3, 0.5)
    without = _RULES if args.without_rules else frozenset()
    if args.test is not None:
        test = [Row(**r) for r in json.loads(args.test.read_text(encoding="utf-8"))]
        sets = {r.set_name for r in test}
        trained = [] if args.blind_only else [r for r in rows if r.set_name not in sets]
        for extra in args.train:
            trained += [
                Row(**r) for r in json.loads(extra.read_text(encoding="utf-8")) if r["set_name"] not in sets
            ]
        for name, leave in (("with the rules' choice", frozenset()), ("without", _RULES)):
            result = judge(train(trained, args.l2, leave), test, margins)
            n = result["n"] or 1
            print(
                f"{name}: trained on {len(trained)} statements, scored on {result['n']} of {sorted(sets)}: "
                + ", ".join(
                    f"{k} {100 * result[k][0] / n:.1f} / {100 * result[k][1] / n:.1f}"
                    for k in ("rules", "ranker", *(f"hybrid {m}" for m in margins))
                )
                + f", a candidate right (speaker and link) {100 * result['oracle'] / n:.1f}"
            )
        return
    total: dict[str, Any] = {}
    print(
        "| fold | statements | rules speaker | rules link | ranker speaker | ranker link | "
        + " | ".join(f"hybrid {m} speaker/link" for m in margins)
        + " | a candidate right (speaker and link) |"
    )
    print("|---" * (6 + len(margins) + 1) + "|")
    for part in range(args.folds):
        extra = [Row(**r) for path in args.train for r in json.loads(path.read_text(encoding="utf-8"))]
        model = train([r for r in rows if r.fold != part] + extra, args.l2, without)
        result = judge(model, [r for r in rows if r.fold == part], margins)
        n = result["n"] or 1
        cells = [
            f"{100 * result[k][0] / n:.1f} / {100 * result[k][1] / n:.1f}"
            for k in (f"hybrid {m}" for m in margins)
        ]
        print(
            f"| {part} | {result['n']} | "
            f"{100 * result['rules'][0] / n:.1f} | {100 * result['rules'][1] / n:.1f} | "
            f"{100 * result['ranker'][0] / n:.1f} | {100 * result['ranker'][1] / n:.1f} | "
            + " | ".join(cells)
            + f" | {100 * result['oracle'] / n:.1f} |"
        )
        for key, value in result.items():
            if isinstance(value, list) and value and isinstance(value[0], int):
                total.setdefault(key, [0, 0])
                total[key][0] += value[0]
                total[key][1] += value[1]
            elif key == "bulk":
                total.setdefault("bulk", []).extend(value)
            else:
                total[key] = total.get(key, 0) + value
    n = total["n"] or 1
    cells = [
        f"{100 * total[k][0] / n:.1f} / {100 * total[k][1] / n:.1f}" for k in (f"hybrid {m}" for m in margins)
    ]
    print(
        f"| all | {total['n']} | {100 * total['rules'][0] / n:.1f} | {100 * total['rules'][1] / n:.1f} | "
        f"{100 * total['ranker'][0] / n:.1f} | {100 * total['ranker'][1] / n:.1f} | "
        + " | ".join(cells)
        + f" | {100 * total['oracle'] / n:.1f} |"
    )
    bulk = total.get("bulk", [])
    for threshold in (0.0, 0.5, 0.7, 0.8, 0.9, 0.95):
        kept = [ok for p, ok in bulk if p > threshold]
        print(
            f"bulk (paired) with ranker probability > {threshold}: "
            f"{len(kept)} kept, {kept.count(False)} wrong"
        )
    if args.write:
        model = train(rows, args.l2, without)
        ranker.MODEL.write_text(model.to_json() + "\n", encoding="utf-8")
        print(
            f"wrote {ranker.MODEL} (trained on {len(rows)} statements of {len({r.item for r in rows})} items)"
        )


if __name__ == "__main__":
    main()
