"""What the drafting worker (`dashboard.workers`, pool "drafting") runs for the page: read an
uploaded file or pasted text and draft records from it. The parsers (lxml, pypdf, trafilatura) and
the language model run there, where a crash, a hang or a memory blow-up costs one article, not the
server; the model and the tagger are loaded once per worker and reused.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from dashboard.briefing import Briefing
from dashboard.extract.drafts import Drafts, draft
from dashboard.extract.feeds import FeedItem
from dashboard.extract.fetch import Allowed
from dashboard.extract.links import read_link, read_link_or_feed
from dashboard.extract.readers import article_from_text, read_upload
from dashboard.extract.readers.base import checked
from dashboard.extract.tagger import Tagger, TaggerMissing


@lru_cache(maxsize=1)
def _tagger() -> Tagger | None:
    try:
        return Tagger.load()
    except TaggerMissing:
        return None


def reference(briefing: Briefing) -> Briefing:
    """The part of a briefing drafting reads (actors, issues, sources, quotes), to send to a worker:
    positions (870,000 of them in the UN briefing) are left behind."""
    return dataclasses.replace(
        briefing, positions=briefing.positions.iloc[0:0], evidence=briefing.evidence.iloc[0:0]
    )


def draft_input(
    name: str,
    data: bytes | None,
    text: str,
    briefing: Briefing | None,
    briefing_id: str,
    url: str = "",
    allowed: Allowed | None = None,
) -> Drafts:
    """Drafts from a link (`url`, fetched here under the guard of `fetch.py`, with the internal
    hosts the server's setting allows), an uploaded file (`name`, `data`) or, when `data` is None,
    from pasted `text`."""
    if url:
        article = checked(read_link(url, allowed), url)
    elif data is not None:
        article = read_upload(name, data)
    else:
        article = article_from_text(text)
    return draft(article, briefing, briefing_id, _tagger())


def draft_item(
    name: str, data: bytes | None, briefing: Briefing | None, briefing_id: str, allowed: Allowed | None = None
) -> Drafts | list[FeedItem]:
    """One item of a batch: a file's drafts, a link's, or a feed's items (to queue as links)."""
    if data is not None:
        return draft(read_upload(name, data), briefing, briefing_id, _tagger())
    found = read_link_or_feed(name, allowed)
    if isinstance(found, list):
        return found
    return draft(found, briefing, briefing_id, _tagger())
