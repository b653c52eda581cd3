"""Token features for the attribution tagger, the same for training and for drafting.

A sequence is one paragraph of a parsed article (PolNeAR's contents run over sentence ends, seldom
over paragraphs). The features name the word and its parse, whether it stands inside quotation
marks, and how it hangs from the nearest reporting verb ("cue") above it: the subject of a cue is
usually the source, its clausal complement the content.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

OPENING = frozenset('“«「『„‹"')
CLOSING = frozenset('”»」』‟›"')
QUOTE_MARKS = OPENING | CLOSING


def paragraphs(doc: Doc) -> Iterator[Span]:
    """Runs of tokens between blank-ish line breaks (a token holding a newline ends a run)."""
    start = 0
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if token.is_space else token.i + 1
            if end > start:
                yield doc[start:end]
            start = token.i + 1
    if start < len(doc):
        yield doc[start : len(doc)]


def inside_quotes(tokens: Iterable[Token]) -> list[bool]:
    """For each token: does it stand between an opening and a closing quotation mark?"""
    flags, open_ = [], False
    for token in tokens:
        text = token.text
        if text in QUOTE_MARKS:
            open_ = (not open_) if text == '"' else text in OPENING
            flags.append(False)
            continue
        flags.append(open_)
    return flags


@dataclass(frozen=True)
class CueLexicon:
    """Lemmas that are cues often enough in the training split (say: most of the time; be: almost
    never, so it is left out), with the share of their uses that are cues."""

    shares: dict[str, float]
    threshold: float = 0.2

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(w for w, share in self.shares.items() if share >= self.threshold)

    def share(self, token: Token) -> float:
        return self.shares.get(token.lemma_.lower(), 0.0)

    def is_cue(self, token: Token) -> bool:
        return self.share(token) >= self.threshold and token.pos_ in ("VERB", "NOUN", "AUX", "ADP")


def _bucket(share: float) -> str:
    return "0" if share == 0 else "lo" if share < 0.1 else "mid" if share < 0.4 else "hi"


def _cue_relation(token: Token, lexicon: CueLexicon) -> tuple[str, int, Token | None, str]:
    """The dependency label under the nearest cue above the token, how many steps up it is, the
    cue, and the two labels at the top of the path ("ccomp>nsubj")."""
    child, below = token, token
    for steps, ancestor in enumerate(token.ancestors, start=1):
        if lexicon.is_cue(ancestor):
            second = below.dep_ if below is not child else "self"
            return child.dep_, steps, ancestor, f"{child.dep_}>{second}"
        below, child = child, ancestor
        if steps > 12:
            break
    return "none", 0, None, "none"


def _shape(text: str) -> str:
    if text.istitle():
        return "Xx"
    if text.isupper():
        return "XX"
    if text.islower():
        return "xx"
    if text.isdigit():
        return "dd"
    return "other"


def token_features(
    tokens: list[Token], lexicon: CueLexicon, rules: dict[int, str] | None = None
) -> list[dict[str, str | float]]:
    """Each token's features; `rules` (token index -> SRC, CUE or CON) is what the parse rules of
    `reported` read there, offered to the tagger as evidence it learns how far to trust."""
    quoted = inside_quotes(tokens)
    rules = rules or {}
    base: list[dict[str, str | float]] = []
    cue_positions = [i for i, t in enumerate(tokens) if lexicon.is_cue(t)]
    for i, token in enumerate(tokens):
        relation, steps, cue, path = _cue_relation(token, lexicon)
        nearest = min((abs(i - c) for c in cue_positions), default=99)
        side = "none" if cue is None else "L" if token.i < cue.i else "R"
        feats: dict[str, str | float] = {
            "bias": 1.0,
            "w": token.lower_,
            "lemma": token.lemma_.lower(),
            "cue_share": _bucket(lexicon.share(token)),
            "cue_side": f"{relation}|{side}",
            "cue_of": f"{relation}|{cue.lemma_.lower()}" if cue is not None else "none",
            "cue_path": path,
            "sent_has_cue": "1" if any(lexicon.is_cue(t) for t in token.sent) else "0",
            "suf3": token.lower_[-3:],
            "shape": _shape(token.text),
            "pos": token.pos_,
            "tag": token.tag_,
            "dep": token.dep_,
            "ent": token.ent_type_ or "O",
            "head_pos": token.head.pos_,
            "head_dep": token.head.dep_,
            "cue_rel": relation,
            "cue_rel_steps": relation + str(min(steps, 4)),
            "cue_dist": str(min(nearest, 6)),
            "quoted": "1" if quoted[i] else "0",
            "qmark": "1" if token.text in QUOTE_MARKS else "0",
            "sent_start": "1" if token.is_sent_start else "0",
            "rule": rules.get(token.i, "O"),
        }
        if lexicon.is_cue(token):
            feats["cue_lemma"] = token.lemma_.lower()
        if token.head is not token and lexicon.is_cue(token.head):
            feats["head_cue"] = token.head.lemma_.lower()
        feats["pos_dep"] = f"{token.pos_}|{relation}"
        base.append(feats)
    out: list[dict[str, str | float]] = []
    keys = ("w", "pos", "dep", "cue_rel", "cue_side", "quoted", "qmark", "ent", "rule")
    for i, feats in enumerate(base):
        merged = dict(feats)
        for offset in (-3, -2, -1, 1, 2, 3):
            j = i + offset
            if 0 <= j < len(base):
                for key in keys if abs(offset) < 3 else ("w", "pos", "qmark"):
                    merged[f"{offset}:{key}"] = base[j][key]
            else:
                merged[f"{offset}:edge"] = 1.0
        if i > 0:
            merged["w-1|w"] = f"{base[i - 1]['w']}|{feats['w']}"
            merged["pos-1|pos"] = f"{base[i - 1]['pos']}|{feats['pos']}"
        if i + 1 < len(base):
            merged["w|w+1"] = f"{feats['w']}|{base[i + 1]['w']}"
        out.append(merged)
    return out
