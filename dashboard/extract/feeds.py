"""An outlet's RSS or Atom feed: the links of its newest items, to draft each as a link.

The feed is fetched like any link (`fetch.py`: public addresses only, bounded in size and time) and
parsed by feedparser from the bytes fetched (feedparser itself fetches nothing here). Only http(s)
links are kept, at most `MAX_FEED_ITEMS`, newest first as the feed lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from dashboard.extract.fetch import Page

MAX_FEED_ITEMS = 50  # a day's items of a busy outlet's section; more is a batch of its own
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    published: str  # as the feed gives it, or ""


def is_feed(page: Page) -> bool:
    """Whether a fetched answer is a feed (by its type, or an XML body that opens as one)."""
    if page.content_type in FEED_TYPES[:3]:
        return True
    head = page.data[:2000].lstrip().lower()
    return (page.content_type in FEED_TYPES or head.startswith(b"<?xml")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    )


def feed_items(page: Page) -> list[FeedItem]:
    """The feed's items with an http(s) link, at most MAX_FEED_ITEMS; [] when it has none."""
    import feedparser  # the extract extra; only a feed needs it

    parsed = feedparser.parse(page.data, response_headers={"content-location": page.url})
    out: list[FeedItem] = []
    for entry in parsed.entries:
        link = urljoin(page.url, str(entry.get("link") or "").strip())
        if urlsplit(link).scheme.lower() not in ("http", "https") or any(i.link == link for i in out):
            continue
        out.append(
            FeedItem(
                str(entry.get("title") or "").strip(),
                link,
                str(entry.get("published") or entry.get("updated") or ""),
            )
        )
        if len(out) >= MAX_FEED_ITEMS:
            break
    return out
