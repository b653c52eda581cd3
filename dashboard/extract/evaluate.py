"""Score the tagger on PolNeAR articles (the dev split in `make bench-extract`)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from dashboard.extract.nlp import english
from dashboard.extract.polnear import Article, Span
from dashboard.extract.scoring import Scores, Tokens, add_pairs, add_spans
from dashboard.extract.tagger import Tagger, TokenSpan


def _gold_tokens(doc: Doc, span: Span | None) -> Tokens:
    if span is None:
        return frozenset()
    found: set[int] = set()
    for start, end in span.pieces:
        piece = doc.char_span(start, end, alignment_mode="expand")
        if piece is not None:
            found.update(t.i for t in piece if not t.is_space)
    return frozenset(found)


def _tokens(spans: Iterable[TokenSpan | None]) -> Tokens:
    return frozenset(i for s in spans if s is not None for i in range(s.start, s.end))


def score_article(scores: Scores, tagger: Tagger, doc: Doc, article: Article) -> None:
    predicted = tagger.attributions(doc)
    for role in ("source", "cue", "content"):
        gold = [_gold_tokens(doc, getattr(a, role)) for a in article.attributions]
        if role == "content":
            mine = [_tokens(a.content) for a in predicted]
        else:
            mine = [_tokens([getattr(a, role)]) for a in predicted]
        add_spans(scores.roles[role], mine, gold)
    gold_pairs = [
        (_gold_tokens(doc, a.source), _gold_tokens(doc, a.content))
        for a in article.attributions
        if a.source is not None and a.content is not None
    ]
    mine_pairs = [(_tokens([a.source]), _tokens(a.content)) for a in predicted if a.source is not None]
    add_pairs(scores.pairs, mine_pairs, gold_pairs)


def evaluate(tagger: Tagger, articles: list[Article]) -> Scores:
    scores = Scores()
    docs = english().pipe((a.text for a in articles), batch_size=16)
    for doc, article in zip(docs, articles, strict=True):
        score_article(scores, tagger, doc, article)
    return scores
