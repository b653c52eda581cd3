"""CSV downloads of the current view: every position with its reading, every quote with its source.

Every cell goes through `escape.spreadsheet_cell` and every field is quoted, so no record can become a
formula or a forged row in a spreadsheet; the files start with a UTF-8 byte order mark so Excel reads
names like GRÜNE and 习近平 as written.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from dashboard import translations
from dashboard.briefing import Briefing
from dashboard.citation import citations
from dashboard.escape import spreadsheet_cell
from dashboard.filters import Subset
from dashboard.reading import chain_words, describe, principals
from dashboard.vocabulary import BASIS_LABELS, STANCE_LABELS

BOM = "\ufeff"


def to_csv(frame: pd.DataFrame) -> bytes:
    """The one writer every CSV download uses: quoted cells, neutralised formulas, a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([spreadsheet_cell(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([spreadsheet_cell(v) for v in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _joined(value: object) -> str:
    return "; ".join(value) if isinstance(value, list) else ""


def positions_frame(briefing: Briefing, subset: Subset) -> pd.DataFrame:
    """One row per position in view (history included), with the reading in words."""
    positions = subset.positions
    names = briefing.actor_names
    speakers = briefing.quotes.set_index("id")["speaker"].map(names)
    as_of = pd.to_datetime(positions["as_of"]).dt.strftime("%Y-%m-%d").fillna("")
    assessor = positions["assessed_by"].map(names).fillna("")
    stance = positions["stance"].astype(str)
    basis = positions["basis"].astype(str)
    confidence = positions["confidence"].astype(str)
    said = briefing.said_how[positions["position"].to_numpy(dtype=np.int64)]
    return pd.DataFrame(
        {
            "actor": positions["actor"].astype(str),
            "actor_name": positions["actor"].astype(str).map(names),
            "issue": positions["issue"].astype(str),
            "issue_title": positions["issue"].astype(str).map(briefing.issue_titles),
            "reading": [
                describe(s, b, c, d, a, said=w)
                for s, b, c, d, a, w in zip(stance, basis, confidence, as_of, assessor, said, strict=True)
            ],
            "stance": stance,
            "stance_label": stance.map(STANCE_LABELS),
            "basis": basis,
            "basis_label": basis.map(BASIS_LABELS),
            "assessed_by": positions["assessed_by"].fillna(""),
            "assessed_by_name": assessor,
            "confidence": confidence,
            "as_of": as_of,
            "summary": positions["summary"].fillna(""),
            "evidence": positions["evidence"].map(_joined),
            "evidence_speakers": positions["evidence"].map(
                lambda ids: "; ".join(str(speakers.get(q, q)) for q in ids) if isinstance(ids, list) else ""
            ),
        }
    )


def positions_csv(briefing: Briefing, subset: Subset) -> bytes:
    return to_csv(positions_frame(briefing, subset))


def quotes_frame(briefing: Briefing, subset: Subset, capacities: pd.Series | None = None) -> pd.DataFrame:
    quotes = subset.quotes
    sources = briefing.sources.set_index("id")
    names = briefing.actor_names
    # whom each speaker speaks for, along the chain as the quote cards' badge says it: "Embassy of
    # the People's Republic of China in the United States, which speaks for China"
    represents = {
        speaker: chain_words([names.get(a, a) for a in principals(briefing, speaker)])
        for speaker in quotes["speaker"].dropna().astype(str).unique()
    }
    frame = pd.DataFrame(
        {
            "id": quotes["id"],
            "speaker": quotes["speaker"],
            "speaker_name": quotes["speaker"].map(names),
            "speaks_for": quotes["speaker"].map(represents).fillna(""),
            "text": quotes["text"],
            "kind": quotes["kind"].astype(str),
            "date": quotes["when"].dt.strftime("%Y-%m-%d").fillna(""),
            "issues": quotes["issues"].map(_joined),
            "context": quotes["context"].fillna(""),
            # A translation is never the speaker's words: its own column, with who made it, when.
            "translation": quotes.apply(lambda q: t.text if (t := translations.of(q)) else "", axis=1)
            if len(quotes)
            else pd.Series(dtype=object),
            "translation_label": quotes.apply(lambda q: t.label if (t := translations.of(q)) else "", axis=1)
            if len(quotes)
            else pd.Series(dtype=object),
            "source": quotes["source"],
            "source_title": quotes["source"].map(sources["title"]),
            "source_publisher": quotes["source"].map(sources["publisher"]),
            "source_url": quotes["source"].map(sources["url"]).fillna(""),
            "source_accessed": quotes["source"].map(sources["accessed"]).dt.strftime("%Y-%m-%d").fillna(""),
            "citation": citations(briefing, quotes),
        }
    )
    if capacities is not None:
        frame.insert(4, "capacity", capacities.reindex(quotes.index).fillna("").to_numpy())
    return frame


def quotes_csv(briefing: Briefing, subset: Subset, capacities: pd.Series | None = None) -> bytes:
    return to_csv(quotes_frame(briefing, subset, capacities))
