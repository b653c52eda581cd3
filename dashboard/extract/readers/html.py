"""HTML: the main text only (menus, footers and comments removed by trafilatura), with the page's
own title, site name, date and canonical URL. A page of more tags than any article has is refused
before it is parsed."""

from __future__ import annotations

import trafilatura

from dashboard.extract.readers.base import (
    MAX_HTML_TAGS,
    Article,
    InputError,
    decode,
    parse_date,
)


def read_html(data: bytes, name: str) -> Article:
    markup = decode(data, name)
    tags = markup.count("<")
    if tags > MAX_HTML_TAGS:
        raise InputError(
            name,
            f"this page has {tags:,} tags, more than the {MAX_HTML_TAGS:,} an "
            "article's page has: save the article's text as .txt and upload that",
        )
    try:
        found = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as error:  # lxml and trafilatura fail in many ways on a hostile page
        raise InputError(name, f"this page could not be read ({type(error).__name__})") from None
    if found is None or isinstance(found, dict) or not (found.text or "").strip():
        raise InputError(name, "no article text found in this page")
    published = parse_date(found.date)  # from the page's meta tags or its markup: to be confirmed
    return Article(
        found.text or "",
        title=found.title or "",
        publisher=found.sitename or "",
        published=published,
        url=found.url or "",
        published_from="metadata" if published else "",
    )
