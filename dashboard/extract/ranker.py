"""A learned speaker chooser: the candidates for a drafted statement, their features, and a small
logistic model that scores them (issue 20, seventh round; docs/extraction.md).

The candidates are the speakers the extractor can see around the words: the people, bodies and
states named in a window of sentences around them, the speaker of the statement before, and the
rules' own choice. Each is described by general features — how its mention hangs from the cue
verb (subject, agent of a passive, object of "according to", apposition), distance and direction
from the words, whether another quotation or person lies between, whether it is the subject of a
speech verb, whether it has a role, links to the briefing, spoke last or is the rules' choice —,
never by its name. The model (`model/speakers.json`, weights and the features' means and scales,
no pickle) is trained by `benchmarks/speaker_ranker.py`, which also measures it by
cross-validation grouped by item. It did not beat the rules there, so the drafting does not use
it (docs/extraction.md, "Seventh round"); it is kept to be measured again as the sets grow.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dashboard.extract.linking import ActorIndex, acceptable
from dashboard.extract.speakers import SpeakerBook, is_speech_cue
from dashboard.text import fold

MODEL = Path(__file__).resolve().parent / "model" / "speakers.json"
_OPENING = frozenset('“«„"')
_WINDOW_BEFORE = 2  # sentences before the words' first sentence
_WINDOW_AFTER = 1  # sentences after their last
_FAR = 2000  # characters: the distance of a candidate with no mention in the window
_HOWS = ("named", "pronoun", "short-name", "description", "continued", "turn", "label", "unknown")


@dataclass
class Candidate:
    """One speaker the statement could be given to, however often the window names it."""

    key: str  # the same speaker, the same key (an actor id, or "new:" and its folded name)
    kind: str  # person | organization | place | group | unknown
    mentions: list[tuple[int, int]] = field(default_factory=list)  # characters, in the window
    role: bool = False  # the article gives a title or role
    linked: bool = False  # links to an actor of the briefing
    rules: bool = False  # the rules' choice
    previous: bool = False  # the speaker of the statement before
    named_in_article: int = 0  # how often the article names it
    side: str = ""  # the actor it speaks for (a state's or a body's id), when known


@dataclass(frozen=True)
class Statement:
    """The drafted words and what the rules found for them."""

    start: int
    end: int
    cue: tuple[int, int] | None  # characters of the reporting verb, when the rules found one
    how: str  # how the rules found the speaker
    rules_kind: str = ""  # person | organization | place of the rules' choice ("" for none)
    rules_side: str = ""  # whom the rules' choice speaks for


def window(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Characters from two sentences before the words to one after them."""
    sents = list(doc.sents)
    first = next((n for n, s in enumerate(sents) if s.end_char > start), len(sents) - 1)
    last = next((n for n, s in enumerate(sents) if s.end_char >= end), len(sents) - 1)
    lo = sents[max(0, first - _WINDOW_BEFORE)].start_char if sents else 0
    hi = sents[min(len(sents) - 1, last + _WINDOW_AFTER)].end_char if sents else len(doc.text)
    return lo, hi


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _head(tokens: list[Token]) -> Token | None:
    """The token of the mention the others hang from (the one whose head is outside it)."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def _sentence_index(doc: Doc, at: int) -> int:
    for n, sent in enumerate(doc.sents):
        if sent.end_char > at:
            return n
    return 0


def _verb_of(token: Token) -> Token:
    """The verb a mention's head belongs to as a subject, agent or 'according to' object."""
    if token.dep_ == "pobj" and token.head.lower_ == "by":
        return token.head.head  # agent of a passive
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return token.head.head
    if token.dep_ == "appos":
        return _verb_of(token.head)
    return token.head


def _marks_between(text: str, a: int, b: int) -> bool:
    return any(ch in _OPENING for ch in text[min(a, b) : max(a, b)])


def _mention_features(
    doc: Doc,
    statement: Statement,
    mention: tuple[int, int],
    people: list[tuple[int, int]],
    own: list[tuple[int, int]],
) -> dict[str, float]:
    start, end = mention
    text = doc.text
    inside = statement.start <= start and end <= statement.end
    before = end <= statement.start
    gap = 0 if inside else (statement.start - end if before else start - statement.end)
    tokens = _tokens(doc, start, end)
    head = _head(tokens)
    f: dict[str, float] = {
        "inside_words": float(inside),
        "before": float(before and not inside),
        "after": float(not before and not inside),
        "log_distance": math.log1p(max(gap, 0)),
        "sentences_apart": float(
            min(3, abs(_sentence_index(doc, start) - _sentence_index(doc, statement.start)))
        ),
        "paragraphs_apart": float(
            min(3, text[min(end, statement.start) : max(start, statement.end)].count("\n"))
            if not inside
            else 0
        ),
        "quotation_between": float(
            not inside
            and _marks_between(text, end if before else statement.end, statement.start if before else start)
        ),
        "person_between": float(
            any(
                (p not in own)
                and (
                    (before and end <= p[0] and p[1] <= statement.start)
                    or (not before and statement.end <= p[0] and p[1] <= start)
                )
                for p in people
            )
        ),
    }
    if head is None:
        return f
    verb = _verb_of(head)
    cue = statement.cue
    at_cue = cue is not None and verb.idx < cue[1] and verb.idx + len(verb.text) > cue[0]
    subject = head.dep_ in ("nsubj", "nsubjpass")
    f |= {
        "subject": float(subject),
        "agent": float(head.dep_ == "pobj" and head.head.lower_ == "by"),
        "according_to": float(
            head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
        ),
        "apposition": float(head.dep_ == "appos"),
        "possessor": float(head.dep_ == "poss"),
        "object": float(head.dep_ in ("dobj", "pobj") and verb.lower_ not in ("by", "according")),
        "of_the_cue": float(at_cue and head.dep_ != "poss"),
        "subject_of_the_cue": float(at_cue and subject),
        "subject_of_a_speech_verb": float(subject and is_speech_cue(verb)),
        "sentence_opening": float(head.i - head.sent.start <= 2),
    }
    return f


def features(
    doc: Doc, statement: Statement, candidate: Candidate, people: list[tuple[int, int]]
) -> dict[str, float]:
    """The candidate's features for this statement: those of its mention nearest the words
    (outside them when it has one there), and its own."""
    outside = [m for m in candidate.mentions if not (statement.start <= m[0] and m[1] <= statement.end)]
    pool = outside or candidate.mentions

    def gap(m: tuple[int, int]) -> int:
        return max(statement.start - m[1], m[0] - statement.end, 0)

    rows = [_mention_features(doc, statement, m, people, candidate.mentions) for m in pool]
    if rows:
        best = min(range(len(pool)), key=lambda n: (-rows[n].get("of_the_cue", 0.0), gap(pool[n])))
        f = dict(rows[best])
        f["any_subject_of_a_speech_verb"] = max(r.get("subject_of_a_speech_verb", 0.0) for r in rows)
        f["no_mention"] = 0.0
    else:
        f = {
            "log_distance": math.log1p(_FAR),
            "sentences_apart": 3.0,
            "paragraphs_apart": 3.0,
            "no_mention": 1.0,
        }
    f |= {
        "person": float(candidate.kind == "person"),
        "organization": float(candidate.kind == "organization"),
        "place": float(candidate.kind == "place"),
        "role": float(candidate.role),
        "linked": float(candidate.linked),
        "previous": float(candidate.previous),
        "rules": float(candidate.rules),
        "log_named": math.log1p(candidate.named_in_article),
        # a person of the state or body the rules gave the words to: "the Chinese envoy said",
        # given to China, when the article names China's envoy
        "holder_of_the_rules_side": float(
            not candidate.rules
            and candidate.kind == "person"
            and bool(candidate.side)
            and candidate.side == statement.rules_side
            and statement.rules_kind in ("place", "organization")
        ),
        "rules_body": float(candidate.rules and candidate.kind in ("place", "organization")),
        "none_by_rules": float(not statement.rules_kind),
    }
    for how in _HOWS:
        f[f"rules_{how}"] = float(candidate.rules and statement.how == how)
    return f


NAMES: tuple[str, ...] = (
    "inside_words",
    "before",
    "after",
    "log_distance",
    "sentences_apart",
    "paragraphs_apart",
    "quotation_between",
    "person_between",
    "subject",
    "agent",
    "according_to",
    "apposition",
    "possessor",
    "object",
    "of_the_cue",
    "subject_of_the_cue",
    "subject_of_a_speech_verb",
    "sentence_opening",
    "any_subject_of_a_speech_verb",
    "no_mention",
    "person",
    "organization",
    "place",
    "role",
    "linked",
    "previous",
    "rules",
    "log_named",
    "holder_of_the_rules_side",
    "rules_body",
    "none_by_rules",
    *(f"rules_{how}" for how in _HOWS),
)


def vector(f: dict[str, float]) -> list[float]:
    return [f.get(name, 0.0) for name in NAMES]


@dataclass(frozen=True)
class Model:
    """Logistic weights over standardised features, read from JSON."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, f: dict[str, float]) -> float:
        z = self.bias
        for name, m, s, w in zip(self.names, self.mean, self.scale, self.weights, strict=True):
            z += w * (f.get(name, 0.0) - m) / s
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": "positions-dashboard speaker ranker 1",
                "names": list(self.names),
                "mean": [round(x, 6) for x in self.mean],
                "scale": [round(x, 6) for x in self.scale],
                "weights": [round(x, 6) for x in self.weights],
                "bias": round(self.bias, 6),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        if data.get("format") != "positions-dashboard speaker ranker 1":
            raise ValueError("not a speaker ranker model")
        names = tuple(str(n) for n in data["names"])
        columns = [tuple(float(x) for x in data[k]) for k in ("mean", "scale", "weights")]
        if any(len(c) != len(names) for c in columns):
            raise ValueError("the model's columns differ in length")
        return cls(names, columns[0], columns[1], columns[2], float(data["bias"]))


@cache
def load(path: Path = MODEL) -> Model:
    return Model.from_json(path.read_text(encoding="utf-8"))


def choose(
    model: Model, doc: Doc, statement: Statement, candidates: list[Candidate], people: list[tuple[int, int]]
) -> list[tuple[float, Candidate]]:
    """The candidates with their probabilities, likeliest first."""
    scored = [(model.probability(features(doc, statement, c, people)), c) for c in candidates]
    return sorted(scored, key=lambda pc: -pc[0])


@dataclass(frozen=True)
class Named:
    """A name of the article, read as the rules read a subject and linked as they link it."""

    start: int
    end: int
    key: str  # the actor's id, or "new:" and the folded words of the name
    name: str  # the actor's name, or the name as the article gives it
    matched: bool
    kind: str
    role: bool
    said_as: str
    side: str  # the state or body it speaks for, when known


def new_key(name: str) -> str:
    return "new:" + " ".join(sorted(w for w in re.split(r"[^\w]+", fold(name)) if w))


def named_in(doc: Doc, index: ActorIndex) -> list[Named]:
    """Every name of people, bodies and states in the article, with the actor it links to (or the
    new actor it would propose); names no actor can be made of are left out."""
    book = SpeakerBook(doc)
    out = []
    for ent in ents_in(doc, 0, len(doc.text)):
        speaker = book.resolve(ent.root).speaker
        if speaker is None:
            continue
        hit = index.match(speaker)
        state = index.state_actor(speaker.state) if speaker.state else None
        side = str(state["id"]) if state is not None else ""
        if hit is not None:
            actor = hit[0]
            key, name, matched = str(actor["id"]), str(actor["name"]), True
            side = (
                str(actor["id"]) if actor["kind"] == "state" else str(actor.get("represents") or "") or side
            )
        elif acceptable(speaker):
            key, name, matched = new_key(speaker.name), speaker.name, False
        else:
            continue
        out.append(
            Named(
                ent.start_char,
                ent.end_char,
                key,
                name,
                matched,
                speaker.kind,
                bool(speaker.role),
                speaker.name,
                side,
            )
        )
    return out


@dataclass(frozen=True)
class Chosen:
    """The rules' choice for a statement, as a candidate sees it."""

    key: str
    kind: str  # person | organization | place
    linked: bool
    side: str
    mention: tuple[int, int] | None


def candidates(
    doc: Doc, named: list[Named], start: int, end: int, rules: Chosen | None, previous: str | None
) -> list[Candidate]:
    """The speakers named in the window around the words, the rules' choice and whether each
    spoke last."""
    lo, hi = window(doc, start, end)
    found: dict[str, Candidate] = {}
    counts: dict[str, int] = {}
    for n in named:
        counts[n.key] = counts.get(n.key, 0) + 1
        if not lo <= n.start < hi:
            continue
        candidate = found.setdefault(n.key, Candidate(n.key, n.kind, linked=n.matched, side=n.side))
        candidate.mentions.append((n.start, n.end))
        candidate.role = candidate.role or n.role
    if rules is not None:
        candidate = found.setdefault(rules.key, Candidate(rules.key, rules.kind, linked=rules.linked))
        candidate.rules = True
        if rules.mention is not None and rules.mention not in candidate.mentions:
            candidate.mentions.append(rules.mention)
        candidate.side = candidate.side or rules.side
    if previous is not None and previous in found:
        found[previous].previous = True
    for key, candidate in found.items():
        candidate.named_in_article = counts.get(key, 0)
    return list(found.values())


def people_in(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Characters of the people the recogniser names between lo and hi."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and lo <= e.start_char < hi]


def ents_in(doc: Doc, lo: int, hi: int) -> list[Span]:
    """Names of people, bodies and states between lo and hi."""
    return [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP") and lo <= e.start_char < hi]
