"""An article from a link: fetched under the guard of `fetch.py`, read by the reader its content
type names (or, for a server that does not say, the link's suffix), with the address it was read
from. The day it was read is the source's `accessed` (the review sets it for any source with a URL).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from dashboard.extract.feeds import FeedItem, feed_items, is_feed
from dashboard.extract.fetch import Allowed, FetchRefused, Page, fetch
from dashboard.extract.readers import (
    READERS,
    Article,
    InputError,
    Reader,
    read_article,
    read_docx,
    read_html,
    read_pdf,
    read_txt,
)
from dashboard.extract.readers.base import checked

_BY_TYPE: dict[str, Reader] = {
    "text/html": read_html,
    "application/xhtml+xml": read_html,
    "text/plain": read_txt,
    "application/pdf": read_pdf,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": read_docx,
}
_VAGUE_TYPES = ("", "application/octet-stream", "binary/octet-stream")


def is_link(value: str) -> bool:
    """Whether a command-line argument or a pasted line is meant as a link, not a file name."""
    scheme = urlsplit(value.strip()).scheme.lower()
    return "://" in value and len(scheme) > 1  # "C:\\…" is a drive, not a scheme


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def article_from_page(page: Page) -> Article:
    """The page read as an article; InputError (naming the link) when it is not one."""
    reader = _BY_TYPE.get(page.content_type)
    if reader is None and page.content_type in _VAGUE_TYPES:
        reader = READERS.get(PurePosixPath(urlsplit(page.url).path).suffix.lower())
    if reader is None:
        raise InputError(
            page.requested,
            f"the link gives '{page.content_type or 'no content type'}', "
            "not an article (a web page, plain text, PDF or .docx)",
        )
    article = reader(page.data, page.requested)
    # the address the article was read from; the page's own canonical address is not trusted
    # over the one that answered
    return replace(article, url=page.url, publisher=article.publisher or _host(page.url), name=page.requested)


def read_link(url: str, allowed: Allowed | None = None) -> Article:
    """Fetch and read; FetchRefused or InputError say in words why nothing was read."""
    return article_from_page(fetch(url, allowed))


def read_file_or_link(value: str, allowed: Allowed | None = None) -> Article:
    """A command-line input: a link is fetched, anything else is a file's path; checked as every
    input is (not empty, not too long, a language drafting reads)."""
    if is_link(value):
        return checked(read_link(value, allowed), value)
    return read_article(Path(value))


def read_link_or_feed(url: str, allowed: Allowed | None = None) -> Article | list[FeedItem]:
    """A link fetched once: the article it gives, or, for an RSS or Atom feed, its items' links
    (to draft each); InputError when the feed has no item with a link."""
    page = fetch(url, allowed)
    if is_feed(page):
        items = feed_items(page)
        if not items:
            raise InputError(url, "this feed lists no item with an http(s) link")
        return items
    return checked(article_from_page(page), url)


__all__ = [
    "FetchRefused",
    "article_from_page",
    "is_link",
    "read_file_or_link",
    "read_link",
    "read_link_or_feed",
]
