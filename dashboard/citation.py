"""A quote's citation, in one line a desk officer pastes under a sentence: who said it (role, whom
they speak for), when, the words as recorded and what kind they are, the outlet, the title, when it
was published, the address and when the recorder read it there, and the other outlets carrying the
same words (`also_in`).

One function for the quote cards' "Cite" and the quotes CSV. The words are the record's, never
shortened or corrected; a paraphrase is said to be the publisher's words, not the speaker's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.escape import is_missing


def day_text(value: object) -> str:
    """A day as YYYY-MM-DD ('' when missing; text kept as written)."""
    if is_missing(value):
        return ""
    if isinstance(value, (date, datetime, pd.Timestamp)):
        return str(pd.Timestamp(value).strftime("%Y-%m-%d"))
    return str(value)


def said_day_text(quote: Mapping[str, object]) -> str:
    """When the words were said, as the record gives it: the quote's own date; without one, the
    day its source was published, said to be that ("published 2024-11-02; the day said is not
    recorded"), never passed off as the day said; "undated" when neither is known."""
    said = day_text(quote.get("date"))
    if said:
        return said
    published = day_text(quote.get("when"))
    return f"published {published}; the day said is not recorded" if published else "undated"


def _who(briefing: Briefing, speaker: str) -> str:
    record = briefing.actor_records.get(speaker, {})
    name = briefing.actor_names.get(speaker, speaker)
    parts = [str(record["role"])] if isinstance(record.get("role"), str) else []
    if isinstance(record.get("represents"), str):
        parts.append(
            "speaking for " + briefing.actor_names.get(str(record["represents"]), str(record["represents"]))
        )
    if isinstance(record.get("affiliation"), str):
        parts.append(str(record["affiliation"]))
    return name + (f" ({'; '.join(parts)})" if parts else "")


def _words(kind: str, text: str, speaker: str) -> str:
    if kind == "direct":
        return f"“{text}”"
    if kind == "partial":
        return f"…“{text}”… (partial quotation)"
    return f"{text} (paraphrase: the publisher's words about {speaker}, not a quotation)"


def citation(briefing: Briefing, quote: Mapping[str, object]) -> str:
    """The citation of one quote record (a row of `briefing.quotes`: speaker, text, kind, source,
    and `when` or `date`)."""
    speaker = str(quote["speaker"])
    source = briefing.source_records.get(str(quote["source"]), {})
    said = said_day_text(quote)
    head = f"{_who(briefing, speaker)}, {'date not recorded' if said == 'undated' else said}"
    words = _words(str(quote["kind"]), str(quote["text"]), briefing.actor_names.get(speaker, speaker))
    parts = [f"{head}: {words}."]
    from dashboard.translations import rendering_label  # it reads this module's day_text

    rendering = rendering_label(quote)  # the outlet is named in the citation itself
    if rendering:
        parts.append(f"({rendering}.)")
    outlet = _outlet(source)
    if outlet:
        parts.append(outlet + ".")
    url = "" if is_missing(source.get("url")) else str(source["url"])
    accessed = day_text(source.get("accessed"))
    if url:
        parts.append(f"{url} ({'accessed ' + accessed if accessed else 'access date not recorded'}).")
    also = quote.get("also_in")
    if isinstance(also, list) and also:  # the same words carried by other outlets
        carried = [_outlet(briefing.source_records.get(str(s), {})) or str(s) for s in also]
        parts.append(f"Also in: {'; '.join(carried)}.")
    return " ".join(parts)


def _outlet(source: Mapping[str, object]) -> str:
    """Publisher, title and day published, as far as the source record gives them."""
    outlet = [] if is_missing(source.get("publisher")) else [str(source["publisher"])]
    if not is_missing(source.get("title")):
        outlet.append(f"“{source['title']}”")
    published = day_text(source.get("published"))
    if published:
        outlet.append(f"published {published}")
    return ", ".join(outlet)


def citations(briefing: Briefing, quotes: pd.DataFrame) -> pd.Series:
    """`citation` of each row of `quotes`, on the same index."""
    return pd.Series(
        [citation(briefing, row) for row in quotes.to_dict("records")], index=quotes.index, dtype=object
    )
