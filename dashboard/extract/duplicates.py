"""When two sources are the same article, and two quotes the same words: one set of rules for the
review desk, the saver and `python -m dashboard check`.

A source is the same when its address is (scheme, host case, "www.", a trailing slash, tracking
parameters such as utm_* and fbclid aside) or its text is (a hash of the folded text, or a sketch of
its word sequences that overlaps almost entirely). Words are the same when they are once case,
accents, spacing, quotation marks and dashes are set aside; nearly the same when they differ by a
few characters. Pure: no streamlit, no third-party packages (`check` runs it without the extras).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

from dashboard.text import fold

# Parameters that say how a reader arrived, not which page they read.
_TRACKING = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|"
    r"_ga|_gl|_hsenc|_hsmi|mkt_tok|ocid|cmpid|smid|smtyp|ref_src|ref_url|"
    r"at_medium|at_campaign|at_custom\w*|taid|cid_source",
    re.I,
)
_MARKS = str.maketrans(dict.fromkeys("\"'`´“”„‟«»‹›「」『』‘’‚‛〝〞＂＇"))
_DASHES = re.compile(r"[‐‑‒–—―−]")
_EDGES = " .,;:!?-…"
NEAR_WORDS = 0.94  # difflib ratio of two folded quotes: a few characters apart in a sentence
SAME_TEXT = 0.9  # estimated share of five-word sequences two articles have in common
SKETCH_SIZE = 64  # hashes kept per article (bottom-k): enough to tell 0.9 from 0.6 overlap


def normal_url(url: str) -> str:
    """The address as compared: 'HTTPS://www.Example.org/a/?utm_source=x#top' -> 'example.org/a'."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return fold(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port and (parts.scheme.lower(), port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    kept = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.fullmatch(k)
    )
    query = f"?{urlencode(kept)}" if kept else ""
    return f"{host}{path}{query}" if host else fold(url)


def words_key(text: str) -> str:
    """Quote words as compared: folded, without quotation marks, one kind of dash, single spaces,
    no punctuation at the edges ('“Restrain  North Korea.”' -> 'restrain north korea')."""
    key = _DASHES.sub("-", fold(text).translate(_MARKS)).replace("...", "…")
    return " ".join(key.split()).strip(_EDGES)


def near_words(a: str, b: str) -> bool:
    """Two keys (`words_key`) a few characters apart: the same statement, copied with a slip."""
    if a == b:
        return True
    if not a or not b or min(len(a), len(b)) / max(len(a), len(b)) < NEAR_WORDS:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= NEAR_WORDS
        and matcher.quick_ratio() >= NEAR_WORDS
        and matcher.ratio() >= NEAR_WORDS
    )


# ------------------------------------------------------------------------------------------ sources


@dataclass(frozen=True)
class Fingerprint:
    """An article's text, as kept to recognise it again: a hash of the folded text and the smallest
    hashes of its five-word sequences."""

    sha256: str
    sketch: tuple[int, ...]

    def as_record(self) -> dict[str, object]:
        return {"sha256": self.sha256, "sketch": list(self.sketch)}

    @classmethod
    def from_record(cls, record: object) -> Fingerprint | None:
        if not isinstance(record, Mapping):
            return None
        sha, sketch = record.get("sha256"), record.get("sketch")
        if not isinstance(sha, str) or not isinstance(sketch, list):
            return None
        if not all(isinstance(n, int) for n in sketch):
            return None
        return cls(sha, tuple(sketch))


def _hash(words: str) -> int:
    return int.from_bytes(hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest(), "big")


@lru_cache(maxsize=16)  # the review asks again on every rerun of the page, of the same article
def fingerprint(text: str) -> Fingerprint:
    words = words_key(text).split()
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    sketch = tuple(sorted({_hash(s) for s in shingles})[:SKETCH_SIZE])
    return Fingerprint(hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest(), sketch)


def overlap(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated share of five-word sequences the two texts have in common (Jaccard, bottom-k)."""
    if a.sha256 == b.sha256:
        return 1.0
    if not a.sketch or not b.sketch:
        return 0.0
    k = min(SKETCH_SIZE, len(set(a.sketch) | set(b.sketch)))
    union = sorted(set(a.sketch) | set(b.sketch))[:k]
    both = set(a.sketch) & set(b.sketch)
    return sum(h in both for h in union) / len(union)


@dataclass(frozen=True)
class SameSource:
    """A source of the briefing that an article is, and why it is taken to be."""

    id: str
    publisher: str
    title: str
    why: str  # "the same address", "the same text", "nearly the same text", "all N of its quotes …"

    @property
    def certain(self) -> bool:
        """The same address or the same text; otherwise another outlet may carry the same story."""
        return self.why in ("the same address", "the same text")

    def message(self) -> str:
        return (
            f"already in the briefing as {self.id}: {self.publisher or 'no publisher'}, "
            f"{self.title or 'untitled'} ({self.why})"
        )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def same_source(
    url: str,
    text: str,
    sources: Iterable[Mapping[str, object]],
    fingerprints: Mapping[str, Fingerprint],
    quotes: Iterable[Mapping[str, object]] = (),
) -> SameSource | None:
    """The briefing's source this article (`url`, `text`) is, or None: by address first, then by
    the fingerprint of the text saved with the source; a source saved without one (by hand, or
    before fingerprints were kept) is the same when every one of its quotes, two or more, is in this
    text (then not certain: another outlet may carry the same wire story)."""
    wanted = normal_url(url)
    printed = fingerprint(text) if text else None
    article = words_key(text)
    carried: dict[str, list[str]] = {}
    for quote in quotes:
        carried.setdefault(str(quote.get("source")), []).append(words_key(str(quote.get("text") or "")))
    nearly: SameSource | None = None
    for record in sources:
        named = SameSource(
            str(record.get("id")), _text(record.get("publisher")), _text(record.get("title")), ""
        )
        if wanted and normal_url(_text(record.get("url"))) == wanted:
            return SameSource(named.id, named.publisher, named.title, "the same address")
        held = fingerprints.get(named.id)
        if printed is not None and held is not None and held.sha256 == printed.sha256:
            return SameSource(named.id, named.publisher, named.title, "the same text")
        if nearly is not None or printed is None:
            continue
        if held is not None and overlap(held, printed) >= SAME_TEXT:
            nearly = SameSource(named.id, named.publisher, named.title, "nearly the same text")
        keys = carried.get(named.id, [])
        if held is None and len(keys) >= 2 and all(k and k in article for k in keys):
            nearly = SameSource(
                named.id, named.publisher, named.title, f"all {len(keys)} of its quotes are in this text"
            )
    return nearly


# ------------------------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class KnownQuote:
    id: str
    speaker: str
    text: str
    source: str
    also_in: tuple[str, ...]
    key: str


@dataclass(frozen=True)
class WordsMatch:
    quote: KnownQuote
    how: str  # "the same words" or "nearly the same words"


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        return tuple(str(v) for v in value)
    return ()


class QuoteIndex:
    """The briefing's quotes, found by their words."""

    def __init__(self, quotes: Iterable[Mapping[str, object]]) -> None:
        self.quotes = [
            KnownQuote(
                str(q.get("id")),
                str(q.get("speaker")),
                str(q.get("text") or ""),
                str(q.get("source")),
                _ids(q.get("also_in")),
                words_key(str(q.get("text") or "")),
            )
            for q in quotes
        ]
        self.by_key: dict[str, list[KnownQuote]] = {}
        for quote in self.quotes:
            self.by_key.setdefault(quote.key, []).append(quote)

    def find(self, text: str) -> list[WordsMatch]:
        """Quotes with these words (first), or nearly these words; empty words match nothing."""
        key = words_key(text)
        if not key:
            return []
        same = [WordsMatch(q, "the same words") for q in self.by_key.get(key, [])]
        near = [
            WordsMatch(q, "nearly the same words")
            for q in self.quotes
            if q.key != key and near_words(q.key, key)
        ]
        return same + near

    def get(self, quote_id: str) -> KnownQuote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)
