"""HTML: the main text only (menus, footers and comments removed by trafilatura), with the page's
own title, site name, date and canonical URL."""

from __future__ import annotations

import trafilatura

from dashboard.extract.readers.base import Article, InputError, decode, parse_date


def read_html(data: bytes, name: str) -> Article:
    markup = decode(data, name)
    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True)
    if found is None or isinstance(found, dict) or not (found.text or "").strip():
        raise InputError(name, "no article text found in this page")
    return Article(found.text or "", title=found.title or "", publisher=found.sitename or "",
                   published=parse_date(found.date), url=found.url or "")
