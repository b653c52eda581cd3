"""Paths and builders the extractor's tests share (a plain module: test modules do not import
conftest)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.extract.drafts import Drafts, QuoteDraft, SourceDraft, draft
from dashboard.extract.extractor import extract
from dashboard.extract.linking import ActorDraft
from dashboard.extract.readers import Article, article_from_text

PROJECT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = PROJECT.parent / "shared" / "seed" / "000_89e82746e79ff99c.txt"
SEED_BRIEFING = PROJECT / "data" / "nk-troops-russia"
POLNEAR = PROJECT.parent / "shared" / "data" / "polnear" / "data"


def hand_drafts(
    text: str,
    quotes: list[dict[str, Any]],
    actors: list[ActorDraft] | None = None,
    *,
    title: str = "",
    publisher: str = "",
    published: str = "",
    url: str = "",
    published_from: str = "",
    language: str = "en",
) -> Drafts:
    """Drafts as the extractor would make them, written by hand for a test (no model runs): each
    quote is {"words": …, "speaker": …, "kind": …, "confidence": …, "speech": …, "flags": […],
    "mention": …, "cue": …, "how": …}, its span the first place the words stand in `text`, its
    mention and cue (the words naming the speaker, the verb saying so) the first place they stand
    there, none when not given."""
    day = date.fromisoformat(published) if published else None
    article = Article(
        text,
        title=title,
        publisher=publisher,
        published=day,
        url=url,
        name="pasted text",
        published_from=published_from,
    )
    source = SourceDraft("article-test", title, publisher, published, url, language=language)
    drafted = []
    for n, quote in enumerate(quotes, start=1):
        start = text.index(quote["words"])
        drafted.append(
            QuoteDraft(
                f"d{n:03d}",
                quote["words"],
                start,
                start + len(quote["words"]),
                _span_of(text, quote.get("mention")),
                _span_of(text, quote.get("cue")),
                quote.get("speaker"),
                quote.get("kind", "direct"),
                quote.get("speech", True),
                quote.get("confidence", 0.9),
                source.id,
                quote.get("how", "named"),
                flags=list(quote.get("flags", [])),
            )
        )
    return Drafts(article, source, list(actors or []), drafted, "nk-troops-russia")


def _span_of(text: str, words: str | None) -> dict[str, int] | None:
    if not words:
        return None
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


class ActorsOnly:
    """The little of a briefing drafting reads: its actors and (no) sources."""

    def __init__(self, actors: pd.DataFrame) -> None:
        self.actors = actors
        self.sources = pd.DataFrame(
            columns=["id", "title", "publisher", "published", "url", "kind", "language"]
        )


def drafted_against(actors: pd.DataFrame, text: str) -> Drafts:
    """`text` drafted against a briefing of these actors; every draft's words are the text's own."""
    drafts = draft(article_from_text(text), ActorsOnly(actors), "test")  # type: ignore[arg-type]
    for quote in drafts.quotes:
        assert text[quote.start : quote.end] == quote.text
    return drafts


def quote_of(drafts: Drafts, words: str) -> QuoteDraft:
    """The first draft holding `words`; fails naming every draft when none does."""
    found = [q for q in drafts.quotes if words in q.text]
    assert found, f"no draft holds {words!r}: {[q.text for q in drafts.quotes]}"
    return found[0]


def speaker_of(text: str, words: str) -> str | None:
    """The name of the speaker `extract` gives the first draft holding `words` (None: nobody)."""
    found = next(d for d in extract(text) if words in d.text)
    return found.speaker.name if found.speaker is not None else None
