"""Accuracy of drafting on the development sets of real reporting (benchmarks/devsets/README.md).

    python -m benchmarks.extract_devset [--sets en-reporting ...] [--errors] [--json FILE]

For each English item: draft it against its set's briefing, as the review page does, and compare
the drafts with the hand annotation.

- A draft **matches** a gold statement when their spans overlap by at least half of the shorter;
  drafts and statements are paired one to one, as many pairs as that rule allows (a maximum
  matching), largest overlap first, then the most nearly equal spans (a partial quotation drafted
  inside an annotated paraphrase pairs with the annotated quotation, not the paraphrase).
- **Precision**: matched drafts / drafts offered as statements (drafts the review sets apart as
  beliefs or as scare quotes are not offered as statements, and are counted apart).
  **Recall**: matched statements / statements.
- **Right speaker** (on matched statements): the draft's speaker is the annotated person or body:
  the same existing actor, or a new actor whose name is the annotated name (titles aside; a
  surname alone is right only when it is the annotated person's surname), compared the same way in
  every script (tests/support/speaker_names.py: "毛宁" is "外交部发言人毛宁", "约翰基" "约翰‧基").
- **Right link**: the draft links to the actor the annotation names (an existing actor's id), or,
  where the annotation says `new`, proposes a new actor with the right name instead of merging
  the speaker into an existing one.
- **Marked quotations exact**: of the annotated direct and partial quotations, the share drafted
  with exactly the annotated words, the same kind and the right speaker and link. A comma just
  inside the closing mark ('…their own matter,” he said') is the reporter's lead into "he said":
  the drafts leave it out, as the seed briefing's records do, and it is set aside on both sides.
- **Marked found** and **marked speaker**: of the annotated direct and partial quotations, the share
  a draft matches, and of those the share with the right speaker (the issue's targets for other
  languages: 90 and 85).
- **Bulk-acceptable and wrong**: drafts "Accept all confident drafts" would take that match no
  statement or carry a wrong speaker or link. The target is none.

Items are split once, by a hash of their id, into a tuning part and a held-out part (about a
quarter) that is scored but never listed with `--errors`: the held-out figure is the honest guess
of how the drafting does on reporting it was not tuned on. Unshipped items (not redistributable,
benchmarks/devsets/unshipped/) are scored when present on this machine and said to be.

`unshipped/en-fresh` (17 items annotated by someone who never ran the extractor) was scored blind
once, at 14:19 UTC on 2026-12-06 on b8ee998 (`--sets unshipped/en-fresh`): precision 90.1, recall
89.4, right speaker 76.4, right link 76.4, marked exact 64.6, marked found 97.9 / speaker 78.7, bulk
15 / 1 wrong. It is development material since, split tuning/held-out by the same hash. The same
holds for `unshipped/{de,fr,zh,ja,ko}-fresh` (22 items, annotated the same way), scored blind once at
14:21 UTC on b8ee998, marked quotations found / right speaker: de 38.5 / 80.0, fr 88.0 / 100, zh
100 / 42.9, ja 100 / 93.3, ko 77.3 / 76.5, all 82.0 / 80.8; part of `--sets languages` since.

A second pair, annotated the same way after two more rounds of rules: `unshipped/en-fresh2` (16
English items of 2025–2026) scored blind once at 17:26 UTC on 2026-12-06 on 1ec0f5f (`--sets
unshipped/en-fresh2`): precision 83.1, recall 85.1, right speaker 77.7, right link 67.0, marked exact
62.3, marked found 94.2 / speaker 81.5, bulk 20 / 1 wrong; `unshipped/{zh,ko,de,ja,fr}-fresh2` (23
items of 2025–2026) at 17:28 UTC on 1ec0f5f, marked quotations found / right speaker: de 91.7 /
68.2, fr 84.6 / 72.7, zh 91.7 / 54.5, ja 66.7 / 90.0, ko 96.7 / 82.8, all 88.3 / 74.7, bulk 0.
Development material since, in the English sets and `--sets languages`.

A third pair, annotated the same way: `unshipped/en-fresh3` (16 English items of 2025–2026) scored
blind once at 20:15 UTC on 2026-12-06 on ffd92b3 (`--sets unshipped/en-fresh3`): precision 93.3,
recall 73.7, right speaker 78.6, right link 75.0, marked exact 55.0, marked found 86.7 / speaker
73.1, bulk 9 / 1 wrong; `unshipped/{zh,de,fr,ru}-fresh3` (27 items of 2025–2026) at 20:15 UTC on
ffd92b3, marked quotations found / right speaker: de 77.3 / 82.4, fr 92.9 / 69.2, ru 70.6 / 91.7,
zh 92.3 / 100, all 83.8 / 82.1, bulk 0. Development material since.

A fourth set, annotated after the devsets README's "House readings" were written, on a machine where
the earlier unshipped sets were not present: `unshipped/en-fresh4` (18 English items of 2025–2026)
and `unshipped/transcripts-fresh4` (12 official transcripts of 2025–2026), scored on 9d8caf8 (the
session's start) and once more on 792bb1a (its end), 23:29 UTC on 2026-12-06, aggregate rows only
(`--sets unshipped/en-fresh4 unshipped/transcripts-fresh4`): identical both times, precision 78.4,
recall 80.2, right speaker 83.3, right link 78.3, marked exact 59.2, marked found 82.7 / speaker
77.8, bulk 24 / 1 wrong (en-fresh4 76.1 / 86.4 / 86.1 / 83.3 / 66.7, bulk 9 / 0; transcripts-fresh4
88.2 / 63.8 / 73.3 / 60.0 / 45.7, bulk 15 / 1). `unshipped/{de,fr,ru,zh,ko}-fresh4` (38 items),
marked quotations found / right speaker, start → end: de 88.5 / 87.0 → same, fr 100 / 75.9 → 100 /
82.8, ko 87.8 / 69.4 → same, ru 100 / 100 → same, zh 96.0 / 70.8 → same, all 93.2 / 77.4 → 93.2 /
79.0 (right speaker on every statement 80.3 → 81.5), bulk 0. Development material since.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.devsets.check import locate
from dashboard.extract.briefings import load_briefing
from dashboard.extract.drafts import Drafts, draft
from dashboard.extract.readers import InputError, read_article
from dashboard.extract.review import ACCEPTED, Review
from tests.support.speaker_names import same_name

HERE = Path(__file__).resolve().parent
DEVSETS = HERE / "devsets"
ENGLISH_SETS = (
    "en-reporting",
    "en-official",
    "transcripts",
    "unshipped/en",
    "unshipped/en-moved",
    "unshipped/en-more",
    "unshipped/en-fresh",
    "unshipped/en-fresh2",
    "unshipped/en-fresh3",
    "unshipped/en-fresh4",
    "unshipped/transcripts-fresh4",
)
LANGUAGE_SETS = (
    tuple(f"{tier}{code}" for code in ("de", "fr", "ru", "zh", "ko", "ja") for tier in ("", "unshipped/"))
    + tuple(
        f"unshipped/{code}-{fresh}"
        for fresh in ("fresh", "fresh2")
        for code in ("de", "fr", "zh", "ko", "ja")
    )
    + tuple(f"unshipped/{code}-fresh3" for code in ("de", "fr", "zh", "ru"))
    + tuple(f"unshipped/{code}-fresh4" for code in ("de", "fr", "ru", "zh", "ko"))
)
TARGETS = {"precision": 90.0, "recall": 95.0, "speaker": 92.0, "link": 92.0, "marked_exact": 90.0}
HELD_OUT_SHARE = 4  # one item in four, by hash of its id


def held_out(item_id: str) -> bool:
    return int(hashlib.sha1(item_id.encode("utf-8")).hexdigest(), 16) % HELD_OUT_SHARE == 0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    link: str
    speaks_for: str | None


@dataclass
class Offered:
    start: int
    end: int
    text: str
    kind: str
    actor_id: str | None
    actor_name: str
    actor_names: list[str]
    matched: bool
    bulk: bool
    how: str = ""
    mention: str = ""


@dataclass
class Score:
    items: int = 0
    gold: int = 0
    drafts: int = 0
    set_apart: int = 0
    matched: int = 0
    speaker: int = 0
    link: int = 0
    marked: int = 0
    marked_exact: int = 0
    marked_found: int = 0
    marked_speaker: int = 0
    refused: int = 0  # items the drafting refused (a language it did not read)
    bulk: int = 0
    bulk_wrong: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    bulk_causes: list[str] = field(default_factory=list)  # kind/how/link/what, no words
    # Categories only, never words, so a blind set's misses can be counted without being read.
    causes: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.bulk_causes += other.bulk_causes
        self.causes.update(other.causes)
        for name in (
            "items",
            "gold",
            "drafts",
            "set_apart",
            "matched",
            "speaker",
            "link",
            "marked",
            "marked_exact",
            "marked_found",
            "marked_speaker",
            "refused",
            "bulk",
            "bulk_wrong",
            "words",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds

    def figures(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float | None:
            return round(100 * a / b, 1) if b else None

        return {
            "items": self.items,
            "statements": self.gold,
            "drafts": self.drafts,
            "precision": share(self.matched, self.drafts),
            "recall": share(self.matched, self.gold),
            "speaker": share(self.speaker, self.matched),
            "link": share(self.link, self.matched),
            "marked_exact": share(self.marked_exact, self.marked),
            "marked": self.marked,
            "marked_found": share(self.marked_found, self.marked),
            "marked_speaker": share(self.marked_speaker, self.marked_found),
            "refused": self.refused,
            "bulk": self.bulk,
            "bulk_wrong": self.bulk_wrong,
            "set_apart": self.set_apart,
            "seconds_per_1000_words": round(1000 * self.seconds / self.words, 2) if self.words else None,
            "bulk_wrong_causes": sorted(self.bulk_causes),
            "causes": dict(sorted(self.causes.items(), key=lambda kv: (-kv[1], kv[0]))),
        }


def gold_statements(item: dict[str, Any], text: str) -> list[Gold]:
    out = []
    for statement in item.get("statements") or []:
        words = statement["text"]
        at = locate(text, words, int(statement.get("occurrence", 1)))
        out.append(
            Gold(
                at,
                at + len(words),
                words,
                statement["kind"],
                statement["speaker"],
                statement["link"],
                statement.get("speaks_for"),
            )
        )
    return out


def offered(drafts: Drafts) -> tuple[list[Offered], int]:
    """The drafts the review offers as statements, with whether bulk accept takes each; and how many
    it sets apart (beliefs, scare quotes)."""
    review = Review.start(drafts)
    review.accept_confident()
    out, apart = [], 0
    for quote in drafts.quotes:
        if not quote.is_speech or quote.speaker_found_by == "modifier":
            apart += 1
            continue
        actor = drafts.actor(quote.speaker)
        span = quote.source_span
        out.append(
            Offered(
                quote.start,
                quote.end,
                quote.text,
                quote.kind,
                quote.speaker,
                actor.name if actor else "",
                list(actor.mentions) if actor else [],
                bool(actor and actor.matched),
                review.decisions[quote.id].status == ACCEPTED,
                quote.speaker_found_by,
                drafts.article.text[span["start"] : span["end"]] if span else "",
            )
        )
    return out, apart


def pair(golds: list[Gold], drafts: list[Offered]) -> list[tuple[Gold, Offered]]:
    """One-to-one pairs overlapping by at least half of the shorter span: as many pairs as the rule
    allows (a maximum matching), found from the largest overlaps first.

    A draft may overlap two statements by the same length (a partial quotation inside an annotated
    paraphrase of the same sentence): it is paired first with the statement whose span is most
    nearly its own (overlap over union), then, among equals (a joint statement: one span, two
    speakers), with the one whose speaker it names. A greedy pass in that order comes first; paths
    that re-pair a statement so that one more statement and draft are paired then complete it, so a
    draft never takes the only statement another draft could match while it had another to take.
    """
    allowed: dict[int, list[tuple[int, bool, float, int]]] = defaultdict(list)
    candidates = []
    for g, gold in enumerate(golds):
        for d, made in enumerate(drafts):
            overlap = min(gold.end, made.end) - max(gold.start, made.start)
            shorter = min(gold.end - gold.start, made.end - made.start)
            if overlap > 0 and overlap >= shorter / 2:
                union = max(gold.end, made.end) - min(gold.start, made.start)
                key = (overlap, round(overlap / union, 6), right_speaker(gold, made), -g, -d)
                candidates.append(key)
                allowed[g].append((overlap, right_speaker(gold, made), overlap / union, d))
    draft_of: dict[int, int] = {}  # gold -> draft
    gold_of: dict[int, int] = {}  # draft -> gold
    for _, _, _, neg_g, neg_d in sorted(candidates, reverse=True):
        g, d = -neg_g, -neg_d
        if g not in draft_of and d not in gold_of:
            draft_of[g], gold_of[d] = d, g

    for g in range(len(golds)):
        if g not in draft_of and allowed[g]:
            _augment(g, set(), allowed, draft_of, gold_of)
    return [(golds[g], drafts[d]) for g, d in sorted(draft_of.items())]


def _augment(
    g: int,
    seen: set[int],
    allowed: dict[int, list[tuple[int, bool, float, int]]],
    draft_of: dict[int, int],
    gold_of: dict[int, int],
) -> bool:
    """Pair statement g by a path that re-pairs statements already paired (Kuhn's algorithm)."""
    for _, _, _, d in sorted(allowed[g], reverse=True):
        if d in seen:
            continue
        seen.add(d)
        if d not in gold_of or _augment(gold_of[d], seen, allowed, draft_of, gold_of):
            draft_of[g], gold_of[d] = d, g
            return True
    return False


def right_speaker(gold: Gold, made: Offered) -> bool:
    if made.actor_id is None:
        return False
    if made.matched:
        return made.actor_id == gold.link
    return _same_name(gold.speaker, made)


def _same_name(annotated: str, made: Offered) -> bool:
    """Whether the draft's actor (its name or a mention of it) is the annotated one: the same
    words once titles and roles are set aside, a part of the name that is its first or last word
    ("Lin", "Austin"), or a fuller form of it, in every script alike (tests/support/speaker_names.py)."""
    return same_name(annotated, [made.actor_name, *made.actor_names])


def _words(text: str) -> str:
    """A quotation's words less the comma that leads into "he said" or the full stop the reporter's
    style puts inside the closing mark: the annotations leave that stop out of a partial quotation
    (house reading of 2026-12-07, noon), the drafts keep it, as the briefings' own records do
    ('“consistent and clear.”'); either side's is set aside, a question or exclamation mark kept."""
    return text.rstrip().removesuffix(",").removesuffix(".").rstrip()


def _difference(want: str, got: str) -> str:
    """Where two texts part: the shared start, then each one's rest (40 characters)."""
    same = 0
    while same < min(len(want), len(got)) and want[same] == got[same]:
        same += 1
    if same == len(want) == len(got):
        return repr(want[:50])
    return f"{want[max(0, same - 20) : same]!r}+[{want[same : same + 40]!r} | {got[same : same + 40]!r}]"


def _wrong_speaker(gold: Gold, made: Offered, golds: list[Gold]) -> str:
    """Which kind of wrong speaker, in words a blind set may be counted by: another speaker the
    annotator names in the same item (two people confused), someone nobody in the item is
    annotated as speaking (a role, an outlet, a third party), or no speaker at all."""
    if made.actor_id is None and not made.actor_name:
        return "no speaker"
    if any(g.speaker != gold.speaker and _same_name(g.speaker, made) for g in golds):
        return "another speaker of the item"
    return "nobody the item's gold names"


def _near(span: Gold | Offered, others: Iterable[Gold | Offered]) -> str:
    """How close the nearest of `others` comes: overlapping (but under half the shorter), in the
    same paragraph, or nowhere near."""
    best = "elsewhere"
    for o in others:
        if o.start < span.end and span.start < o.end:
            return "overlapping"
        if abs(o.start - span.end) < 300 or abs(span.start - o.end) < 300:
            best = "within 300 characters"
    return best


def right_link(gold: Gold, made: Offered) -> bool:
    if made.actor_id is None:
        return False
    if gold.link == "new":
        return not made.matched and _same_name(gold.speaker, made)
    return made.matched and made.actor_id == gold.link


# Over the complexity cap: one pass over an item's pairs, statements and drafts, each counted once.
def score_item(path: Path, briefing: Any, briefing_id: str, show: bool) -> Score:  # noqa: C901
    item = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    try:
        article = read_article(path)
    except InputError:  # refused (before other languages were read): every statement missed
        text = path.read_text(encoding="utf-8")
        golds = gold_statements(item, text)
        return Score(
            items=1,
            gold=len(golds),
            refused=1,
            words=len(text.split()),
            marked=sum(g.kind in ("direct", "partial") for g in golds),
        )
    golds = gold_statements(item, article.text)
    started = time.perf_counter()
    drafts = draft(article, briefing, briefing_id)
    seconds = time.perf_counter() - started
    made, apart = offered(drafts)
    pairs = pair(golds, made)
    score = Score(
        items=1,
        gold=len(golds),
        drafts=len(made),
        set_apart=apart,
        matched=len(pairs),
        words=len(article.text.split()),
        seconds=seconds,
    )
    paired_drafts = {id(d) for _, d in pairs}
    paired_golds = {id(g) for g, _ in pairs}
    for gold, draft_ in pairs:
        speaker_ok = right_speaker(gold, draft_)
        link_ok = right_link(gold, draft_)
        score.speaker += speaker_ok
        score.link += link_ok
        if not speaker_ok:
            score.causes[
                f"speaker/{gold.kind}/{draft_.how or '?'}/{_wrong_speaker(gold, draft_, golds)}"
            ] += 1
        elif not link_ok:
            score.causes[
                f"link/{gold.kind}/{'gold new' if gold.link == 'new' else 'gold linked'}/"
                f"{'drafted existing' if draft_.matched else 'drafted new'}"
            ] += 1
        if show and not (speaker_ok and link_ok):
            score.errors.append(
                f"  speaker  {gold.speaker!r} ({gold.link}) drafted as "
                f"{draft_.actor_name!r} ({draft_.actor_id}, "
                f"{'existing' if draft_.matched else 'new'}; {draft_.how} "
                f"{draft_.mention[:40]!r}): {gold.text[:60]!r}"
            )
    for gold in golds:
        if gold.kind in ("direct", "partial"):
            score.marked += 1
            hit = next((d for g, d in pairs if g is gold), None)
            exact = (
                hit is not None
                and _words(hit.text) == _words(gold.text)
                and hit.kind == gold.kind
                and right_speaker(gold, hit)
                and right_link(gold, hit)
            )
            score.marked_exact += exact
            score.marked_found += hit is not None
            score.marked_speaker += hit is not None and right_speaker(gold, hit)
            if (
                show
                and hit is not None
                and not exact
                and (_words(hit.text) != _words(gold.text) or hit.kind != gold.kind)
            ):
                score.errors.append(
                    f"  exact    {gold.kind} {_difference(gold.text, hit.text)} drafted as {hit.kind}"
                )
        if id(gold) not in paired_golds:
            score.causes[f"missed/{gold.kind}/{_near(gold, made)}"] += 1
        if show and id(gold) not in paired_golds:
            score.errors.append(f"  missed   {gold.kind} {gold.speaker!r}: {gold.text[:80]!r}")
    gold_of = {id(d): g for g, d in pairs}
    for made_draft in made:
        if made_draft.bulk:
            score.bulk += 1
            paired = gold_of.get(id(made_draft))
            wrong = paired is None or not (
                right_speaker(paired, made_draft) and right_link(paired, made_draft)
            )
            score.bulk_wrong += wrong
            if wrong:
                score.bulk_causes.append(
                    f"{made_draft.kind}/{made_draft.how}/"
                    f"{'matched' if made_draft.matched else 'new'}/"
                    f"{'no statement' if paired is None else 'wrong speaker'}"
                )
            if show and wrong:
                score.errors.append(f"  BULK     {made_draft.actor_name!r}: {made_draft.text[:70]!r}")
        if id(made_draft) not in paired_drafts:
            score.causes[f"extra/{made_draft.kind}/{made_draft.how or '?'}/{_near(made_draft, golds)}"] += 1
        if show and id(made_draft) not in paired_drafts:
            score.errors.append(
                f"  extra    {made_draft.kind} {made_draft.actor_name!r}: {made_draft.text[:80]!r}"
            )
    return score


def items_of(sets: Iterable[str]) -> list[tuple[str, Path]]:
    out = []
    for name in sets:
        folder = DEVSETS / name
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            if path.with_suffix(".yaml").is_file():
                out.append((name, path))
    return out


def run(sets: Iterable[str], show: bool, only: str = "") -> dict[str, Any]:
    by: dict[str, Score] = defaultdict(Score)
    briefings: dict[str, Any] = {}
    for set_name, path in items_of(sets):
        if only and only not in path.stem:
            continue
        if set_name not in briefings:
            briefings[set_name], _ = load_briefing(DEVSETS / set_name / "briefing")
        item = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        hidden = held_out(item["id"])
        score = score_item(path, briefings[set_name], set_name, show and not hidden)
        if score.errors:
            print(f"{path.relative_to(DEVSETS)}")
            print("\n".join(score.errors))
        part = "held-out" if hidden else "tuning"
        shipped = "unshipped" if set_name.startswith("unshipped/") else "shipped"
        language = item.get("language", "en")
        for key in (
            "all",
            part,
            shipped,
            f"kind:{item['kind']}",
            f"set:{set_name}",
            f"{part} kind:{item['kind']}",
            f"{part} language:{language}",
            f"language:{language}",
            f"language:{language} {shipped}",
        ):
            by[key].add(score)
    return {key: value.figures() for key, value in by.items()}


def table(results: dict[str, Any]) -> str:
    columns = (
        "items",
        "statements",
        "drafts",
        "precision",
        "recall",
        "speaker",
        "link",
        "marked_exact",
        "marked_found",
        "marked_speaker",
        "bulk",
        "bulk_wrong",
    )
    order = [
        "all",
        "tuning",
        "held-out",
        "shipped",
        "unshipped",
        *sorted(k for k in results if k.startswith("kind:")),
        *sorted(k for k in results if k.startswith("set:")),
        *sorted(k for k in results if k.startswith("language:")),
        *sorted(k for k in results if k.startswith(("tuning kind:", "held-out kind:"))),
        *sorted(k for k in results if k.startswith(("tuning language:", "held-out language:"))),
    ]
    lines = ["| items | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for key in order:
        if key in results:
            row = results[key]
            lines.append(
                f"| {key} | " + " | ".join("–" if row[c] is None else str(row[c]) for c in columns) + " |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets",
        nargs="*",
        default=list(ENGLISH_SETS),
        help="set folders under benchmarks/devsets; 'languages' for the German, French, "
        "Russian, Chinese, Korean and Japanese sets, shipped and unshipped",
    )
    parser.add_argument(
        "--errors", action="store_true", help="list each tuning item's misses, extras and wrong speakers"
    )
    parser.add_argument(
        "--causes",
        action="store_true",
        help="count every miss, extra and wrong speaker by category (no words: safe on a blind set)",
    )
    parser.add_argument("--only", default="", help="items whose id contains this")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "extract_devset.json")
    args = parser.parse_args()
    sets = [s for name in args.sets for s in (LANGUAGE_SETS if name == "languages" else (name,))]
    results = run(sets, args.errors, args.only)
    print(table(results))
    print("targets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()) + ", bulk_wrong = 0")
    if args.causes and "all" in results:
        print("causes (all items; categories only, no words):")
        for cause, count in results["all"]["causes"].items():
            print(f"  {count:4d}  {cause}")
    if not args.only:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
