"""The attribution tagger: a CRF over parse features that marks sources, cues and contents, and the
rules that link each cue to its source and content.

The model is two data files in `model/`: `attribution.crfsuite` (CRFsuite's own binary format,
read by its C library: no pickle, no code) and `attribution.json` (the cue lexicon, the training
slice and the settings). `make train-extractor` writes both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc, Span, Token

from dashboard.extract.features import CueLexicon, paragraphs, token_features
from dashboard.extract.reported import rule_roles

MODEL_DIR = Path(__file__).parent / "model"
TAGS = {"source": "SRC", "cue": "CUE", "content": "CON"}
ROLE_OF_TAG = {tag: role for role, tag in TAGS.items()}
PRIORITY = ("cue", "source", "content")  # where spans overlap (nested attributions) the first wins


@dataclass(frozen=True)
class TokenSpan:
    start: int  # token index in the doc
    end: int  # exclusive
    score: float = 1.0  # mean marginal probability of the span's tags


@dataclass
class Attribution:
    """One cue with what it links to: token spans into the parsed article."""

    cue: TokenSpan
    source: TokenSpan | None
    content: list[TokenSpan]


class TaggerMissing(RuntimeError):
    """No trained model in dashboard/extract/model (run `make train-extractor`)."""


class Tagger:
    """A trained model, opened once; not shared between threads (CRFsuite's tagger holds state)."""

    def __init__(self, model_path: Path, lexicon: CueLexicon, meta: dict[str, object]) -> None:
        self.model_path, self.lexicon, self.meta = model_path, lexicon, meta
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> Tagger:
        meta_path, model_path = folder / "attribution.json", folder / "attribution.crfsuite"
        if not meta_path.is_file() or not model_path.is_file():
            raise TaggerMissing(f"{folder}: no trained attribution model: run `make train-extractor`")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        lexicon = CueLexicon(dict(meta["cue_shares"]), float(meta["cue_threshold"]))
        return cls(model_path, lexicon, meta)

    def tag_tokens(
        self, tokens: list[Token], rules: dict[int, str] | None = None
    ) -> tuple[list[str], list[float]]:
        crf = self._tagger
        crf.set(token_features(tokens, self.lexicon, rules))
        tags = crf.tag()
        return tags, [crf.marginal(tag, i) for i, tag in enumerate(tags)]

    def attributions(self, doc: Doc) -> list[Attribution]:
        found: list[Attribution] = []
        rules = rule_roles(doc) if self.meta.get("features") == "rules" else None
        for paragraph in paragraphs(doc):
            tokens = list(paragraph)
            tags, scores = self.tag_tokens(tokens, rules)
            spans = decode(tags, scores, paragraph.start)
            found.extend(link(doc, spans))
        return found


def decode(tags: list[str], scores: list[float], offset: int = 0) -> dict[str, list[TokenSpan]]:
    """BIO tags -> spans per role ('I-' without a 'B-' starts a span too)."""
    spans: dict[str, list[TokenSpan]] = {role: [] for role in TAGS}
    current: tuple[str, int] | None = None

    def close(end: int) -> None:
        if current is not None:
            role, start = current
            mean = sum(scores[start:end]) / (end - start)
            spans[role].append(TokenSpan(start + offset, end + offset, mean))

    for i, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        role = ROLE_OF_TAG.get(name)
        if role is None:
            close(i)
            current = None
        elif prefix == "B" or current is None or current[0] != role:
            close(i)
            current = (role, i)
    close(len(tags))
    return spans


def _distance(a: TokenSpan, b: TokenSpan) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _sentence(doc: Doc, span: TokenSpan) -> Span:
    return doc[span.start].sent


def link(doc: Doc, spans: dict[str, list[TokenSpan]]) -> list[Attribution]:
    """Each cue takes the nearest source in its sentence and every content nearer to it than to any
    other cue of the paragraph."""
    cues = spans["cue"]
    if not cues:
        return []
    attributions = []
    for cue in cues:
        sentence = _sentence(doc, cue)
        candidates = [s for s in spans["source"] if sentence.start <= s.start < sentence.end]
        source = min(candidates, key=lambda s: (_distance(s, cue), s.start > cue.start), default=None)
        attributions.append(Attribution(cue, source, []))
    for content in spans["content"]:
        nearest = min(attributions, key=lambda a: (_distance(a.cue, content), a.cue.start))
        nearest.content.append(content)
    return [a for a in attributions if a.content]


def gold_tags(tokens: list[Token], roles: list[tuple[str, tuple[tuple[int, int], ...]]]) -> list[str]:
    """BIO tags for training: each token takes the role of the highest-priority span over it."""
    labels: list[str | None] = [None] * len(tokens)
    starts: list[bool] = [False] * len(tokens)
    for role in reversed(PRIORITY):
        for span_role, pieces in roles:
            if span_role != role:
                continue
            for start, end in pieces:
                first = True
                for i, token in enumerate(tokens):
                    if token.idx < end and token.idx + len(token.text) > start and not token.is_space:
                        labels[i] = role
                        starts[i] = first
                        first = False
    tags: list[str] = []
    for i, label in enumerate(labels):
        if label is None:
            tags.append("O")
        else:
            begins = starts[i] or i == 0 or labels[i - 1] != label
            tags.append(("B-" if begins else "I-") + TAGS[label])
    return tags
