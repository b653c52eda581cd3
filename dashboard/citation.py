"""A quote's citation, in one line a desk officer pastes under a sentence: who said it (role, whom
they speak for), when, the words as recorded and what kind they are, the outlet, the title, when it
was published, the address and when the recorder read it there.

One function for the quote cards' "Cite" and the quotes CSV. The words are the record's, never
shortened or corrected; a paraphrase is said to be the publisher's words, not the speaker's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.escape import is_missing


def _day(value: object) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, (date, datetime, pd.Timestamp)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value)


def _who(briefing: Briefing, speaker: str) -> str:
    record = briefing.actor_records.get(speaker, {})
    name = briefing.actor_names.get(speaker, speaker)
    parts = [str(record["role"])] if isinstance(record.get("role"), str) else []
    if isinstance(record.get("represents"), str):
        parts.append("speaking for " + briefing.actor_names.get(str(record["represents"]),
                                                                str(record["represents"])))
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
    publisher = "" if is_missing(source.get("publisher")) else str(source["publisher"])
    said = _day(quote.get("when", quote.get("date")))
    head = f"{_who(briefing, speaker)}, {said or 'date not recorded'}"
    words = _words(str(quote["kind"]), str(quote["text"]), briefing.actor_names.get(speaker, speaker))
    parts = [f"{head}: {words}."]
    outlet = [publisher] if publisher else []
    if not is_missing(source.get("title")):
        outlet.append(f"“{source['title']}”")
    published = _day(source.get("published"))
    if published:
        outlet.append(f"published {published}")
    if outlet:
        parts.append(", ".join(outlet) + ".")
    url = "" if is_missing(source.get("url")) else str(source["url"])
    accessed = _day(source.get("accessed"))
    if url:
        parts.append(f"{url} ({'accessed ' + accessed if accessed else 'access date not recorded'}).")
    return " ".join(parts)


def citations(briefing: Briefing, quotes: pd.DataFrame) -> pd.Series:
    """`citation` of each row of `quotes`, on the same index."""
    return pd.Series([citation(briefing, row) for row in quotes.to_dict("records")],
                     index=quotes.index, dtype=object)
