"""Quotes entered by hand: an article in any language (the extractor reads nine), or one it
drafted nothing from, read as drafting reads it and turned into drafts with no quotes, for the
analyst to fill by selecting or pasting the words (`Review.add_statement`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dashboard.briefing import Briefing
from dashboard.extract.drafts import Drafts, SourceDraft
from dashboard.extract.fetch import Allowed
from dashboard.extract.links import read_link
from dashboard.extract.readers import MAX_CHARACTERS, Article, InputError, read_unchecked
from dashboard.extract.readers.txt import read_txt
from dashboard.text import slug


def read_any_language(
    name: str, data: bytes | None, text: str, url: str = "", allowed: Allowed | None = None
) -> Article:
    """A link (`url`), an uploaded file (`name`, `data`) or, when `data` is None, pasted `text`,
    read with every check drafting makes but the one for the language. Runs in the drafting worker
    for links and uploads."""
    if url:
        article = read_link(url, allowed)
        name = url
    elif data is None:
        article = read_txt(text.encode("utf-8"), name)
    else:
        article = read_unchecked(name, data)
    if not article.text.strip():
        raise InputError(name, "no text in it (an empty file, or a page with no article text)")
    if len(article.text) > MAX_CHARACTERS:
        raise InputError(
            name,
            f"{len(article.text):,} characters is more than the {MAX_CHARACTERS:,} "
            "a review takes at once: split the document",
        )
    return replace(article, name=name)


def by_hand(article: Article, briefing: Briefing | None, briefing_id: str, language: str = "") -> Drafts:
    """Drafts with no quotes: the source as the file describes itself, for quotes entered by hand."""
    published = article.published.isoformat() if article.published else ""
    taken = set(briefing.sources["id"].astype(str)) if briefing is not None else set()
    stem = article.title or Path(article.name).stem or "article"
    source_id = slug(f"article-{published}-{stem}" if published else f"article-{stem}", taken)[:80]
    source = SourceDraft(
        source_id or slug("article", taken),
        article.title,
        article.publisher,
        published,
        article.url,
        language=language,
    )
    notes = [
        note
        for missing, note in (
            (article.title, "the file gives no title: supply one"),
            (article.publisher, "the file names no publisher: supply one"),
            (published, "the file gives no publication date: supply one"),
        )
        if not missing
    ]
    return Drafts(article, source, [], [], briefing_id, notes)
