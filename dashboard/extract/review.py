"""The analyst's decisions on one article's drafts, and the records they turn into.

Pure: the review view keeps a `Review` in the session and calls `accepted_records` on save. The
words of a quote are always the article's own characters, `article.text[start:end]`: the analyst may
move a draft's edges or add a statement the extractor missed, never type the words. Everything
else (speaker, new actors, kind, context, dates, issues, position, the source) is the analyst's to
set, and `problems` says, field by field, what stops a save.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from dashboard.briefing import Briefing
from dashboard.extract.drafts import Drafts, QuoteDraft, SourceDraft
from dashboard.extract.duplicates import (
    Fingerprint,
    QuoteIndex,
    SameSource,
    WordsMatch,
    fingerprint,
    same_source,
    words_key,
)
from dashboard.extract.linking import ActorDraft
from dashboard.extract.saving import Accepted
from dashboard.extract.spans import trimmed
from dashboard.extract.turns import says_nothing as says_nothing  # greets, thanks, moves on: no bulk
from dashboard.records import ACTOR_KINDS, BASES, CONFIDENCES, QUOTE_KINDS, SOURCES, STANCES
from dashboard.text import fold, slug

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
DECISIONS = (PENDING, ACCEPTED, REJECTED)
CONFIDENT = 0.7  # "accept all confident" takes drafts at or above this, and only those (see `confident`)
PERSON_KINDS = ("official", "expert", "other")
# how a speaker may be matched for a draft to go in bulk (not by a surname alone: the article never
# gave the full name, and the briefing's one actor of that surname is a guess)
LINKED = ("exact", "alias", "fuller name")
# how a draft's speaker may have been found for it to go in bulk: by name or surname at the words,
# or as the label of a transcript's turn (see `Review._attribution_doubt`)
NAMED_AT_THE_WORDS = ("named", "short-name", "turn")
_NOT_NAMED = {
    "pronoun": "with a speaker read from a pronoun (“he”, “she”), not named at the words",
    "description": "with a speaker read from a description (“the spokesperson”), not named at the words",
    "continued": "continuing an earlier quotation, its speaker not named at these words",
}
_OPENING, _CLOSING = "“‘«„‹\"'「『", "”’»‹›\"'」』"
NEW, ALSO_IN = "new", "also_in"  # a quote's words saved as a quote of their own, or as another source

_OPPOSE = re.compile(
    r"\b(not|never|no|oppose[sd]?|against|reject(?:s|ed)?|condemn(?:s|ed)?|"
    r"disagree[sd]?|counter|danger(?:ous)?|destabili[sz]ing|warn(?:s|ed)?)\b",
    re.I,
)
_SUPPORT = re.compile(
    r"\b(support(?:s|ed)?|welcome[sd]?|should|must|urge[sd]?|hope[sd]?|"
    r"agree[sd]?|back(?:s|ed)?|endorse[sd]?|strives?|constructive)\b",
    re.I,
)
# Words that make a name a title or a description, not a person's full name.
_NOT_A_NAME = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "president",
    "minister",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "general",
    "senator",
    "governor",
    "premier",
    "chancellor",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "source",
    "sources",
    "spokespeople",
    "ministry",
    "government",
    "embassy",
    "office",
    "the",
    "a",
    "an",
    "unnamed",
    "senior",
    "deputy",
    "foreign",
    "prime",
    "chief",
    "state",
}
_PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "di",
    "du",
    "dos",
    "das",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "la",
    "le",
    "y",
    "e",
    "zu",
    "af",
    "ben",
}
_ABBREVIATED = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Prof|No|vs|Jan|Feb|Mar|"
    r"Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K))\.$"
)


def confidence_band(score: float) -> str:
    return "high" if score >= 0.8 else "medium" if score >= 0.5 else "low"


def suggest_stance(text: str) -> str:
    """A first guess from the quote's words, for the analyst to confirm or change: never saved as is."""
    against, towards = len(_OPPOSE.findall(text)), len(_SUPPORT.findall(text))
    if against and towards:
        return "mixed"
    if against:
        return "oppose"
    if towards:
        return "support"
    return "neutral"


def day_problem(label: str, value: str) -> str:
    """Why `value` is not a day written YYYY-MM-DD, naming the field (`label`); '' if it is one or
    is empty."""
    value = value.strip()
    if not value:
        return ""
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not found:
        return f"{label}: '{value[:40]}' is not written YYYY-MM-DD (for example 2024-11-02)"
    year, month, day = (int(n) for n in found.groups())
    if not 1 <= month <= 12:
        return f"{label}: {value} is not a day (there is no month {month}); write YYYY-MM-DD"
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return (
            f"{label}: {value} is not a day ({calendar.month_name[month]} {year} has {days} "
            "days); write YYYY-MM-DD"
        )
    try:
        date(year, month, day)
    except ValueError:
        return f"{label}: {value} is not a day; write YYYY-MM-DD"
    return ""


def as_day(value: str) -> date | None:
    """The day `value` names, or None when it is empty or not a day (see `day_problem`)."""
    value = value.strip()
    if not value or day_problem("", value):
        return None
    return date.fromisoformat(value)


def full_name(name: str) -> bool:
    """Whether `name` reads as a person's full name: two words or more, each a capitalised name or a
    particle (de, van, bin), none a title or a common noun ('Lin Jian' yes; 'Three senior U.S.
    diplomats', 'Mr Lin', 'Unnamed experts' no)."""
    words = name.split()
    if len(words) < 2:
        return False
    for word in words:
        plain = word.strip(".,;:()'’\"").lower()
        if plain in _NOT_A_NAME:
            return False
        letters = [c for c in word if c.isalpha()]
        if plain in _PARTICLES or not letters:
            continue
        if letters[0].lower() != letters[0].upper() and not letters[0].isupper():
            return False  # a lower-case word in a script with case: a description
    return True


def useful_alias(mention: str, known: Iterable[str]) -> bool:
    """A way the article named someone worth keeping as an alias: a name of two words or more, not
    'the official' or 'a spokesman', not one of the names already `known`."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() in ("the", "a", "an", "his", "her", "their", "its"):
        return False
    letters = [c for c in mention if c.isalpha()]
    if not letters or (letters[0].lower() != letters[0].upper() and not letters[0].isupper()):
        return False
    return words_key(mention) not in {words_key(k) for k in known}


@dataclass
class PositionProposal:
    actor: str
    issue: str
    stance: str
    basis: str
    confidence: str
    assessed_by: str = ""
    confirmed: bool = False  # only confirmed proposals are saved
    as_of: str = ""  # YYYY-MM-DD as typed; empty: the quote's date, else the source's


@dataclass
class Decision:
    """What the analyst made of one draft."""

    status: str = PENDING
    speaker: str | None = None
    kind: str = "partial"
    context: str = ""
    date: str = ""  # the day said, YYYY-MM-DD as typed; checked by `Review.problems`
    issues: list[str] = field(default_factory=list)
    position: PositionProposal | None = None
    span: tuple[int, int] | None = None  # the analyst's edges; None: the draft's
    route: str = NEW  # NEW: a quote of its own; ALSO_IN: another source for the quote `also_of`
    also_of: str = ""
    # A translation the analyst attaches: saved beside the words, labelled, never in their place.
    translation: str = ""
    translation_language: str = "en"
    translated_by: str = ""  # who (or which tool) made it; the page offers the person signed in


@dataclass
class Bulk:
    """What "accept all confident drafts" took, and what it left for the analyst, by reason."""

    accepted: list[str]
    left: dict[str, list[str]]

    def said(self) -> str:
        if not self.left:
            return ""
        return "; ".join(f"{reason}: {', '.join(ids)}" for reason, ids in self.left.items())


@dataclass
class Summary:
    """What a save would write, for the analyst to read before pressing Save."""

    source: str  # "new source …" or "into the existing source …"
    new_quotes: list[str]
    also_in: list[tuple[str, str]]  # (draft id, "quote q-x: publisher, title")
    already: list[str]  # accepted drafts whose words this source already has
    unlinked: list[str]  # new quotes with no issue: in no cell of the matrix
    positions: int
    actors: list[ActorDraft]
    aliases: dict[str, list[str]]


def _sentence_breaks(text: str) -> list[int]:
    """Where sentences end in `text`: after . ! ? (and any closing marks) before a space, except
    after an abbreviation ("Nov. 8", "U.S. officials")."""
    breaks = []
    for match in re.finditer(r"[.!?][”\"»」』]*(?=\s|$)", text):
        if match.group()[0] == "." and _ABBREVIATED.search(
            text[max(0, match.start() - 5) : match.start() + 1]
        ):
            continue
        breaks.append(match.end())
    return breaks


def context_of(text: str, start: int, end: int) -> str:
    """The sentence the words at `start:end` stand in, quoted, as the seed briefing's contexts begin."""
    begin, stop = sentence_around(text, start, end)
    sentence = text[begin:stop].strip()
    return f'"{sentence}"' if sentence else ""


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The characters of the sentence (or sentences) the words at `start:end` stand in, within
    their paragraph: from the last sentence end before the words (their opening mark aside) to
    the first after them."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    head = text[para_start:start].rstrip(' “«「『„‹"')
    ends = _sentence_breaks(head)
    begin = para_start + (ends[-1] if ends else 0)
    tail = text[end:para_end]
    closing = re.match(r"[”\"»」』]+", tail)
    if text[end - 1 : end] in (".", "!", "?") and closing and re.match(r"\s+[A-Z“\"]", tail[closing.end() :]):
        stop = end + closing.end()  # '… North Korea.” Secretary …': the quote ended the sentence
    else:
        stops = _sentence_breaks(tail)
        stop = end + (stops[0] if stops else len(tail))
    return begin, stop


def closed_by_marks(text: str, start: int, end: int) -> bool:
    """Whether the words at `start:end` are a quotation's whole inside: an opening mark just
    before them and a closing mark just after (a full stop or comma before it aside)."""
    before = text[:start].rstrip(" ")[-1:]
    after = text[end : end + 2].lstrip(".,;:!?")[:1]
    return bool(before) and before in _OPENING and bool(after) and after in _CLOSING


def _labelled(text: str, quote: QuoteDraft) -> bool:
    """Whether a quotation opens its paragraph and its speaker's name opens the one line before
    it, as a label ("Jane Roe, Professor of Politics", then her words)."""
    mention = quote.source_span
    para_start = text.rfind("\n", 0, quote.start) + 1
    if mention is None or mention["end"] > para_start or text[para_start : quote.start].strip(_OPENING + " "):
        return False
    label = text[text.rfind("\n", 0, mention["start"]) + 1 : para_start].rstrip("\n")
    return label.startswith(text[mention["start"] : mention["end"]]) and "\n" not in label


_NOT_NAMES = frozenset(
    [*calendar.day_name, *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", "X", "I"]
)
_NAME_WORD = re.compile(r"\b[A-Z][\w’'-]*")
# ", Norway's foreign minister, ", ", a spokesperson for the ministry, ": no clause, no quotation
_APPOSITION = re.compile(r",\s*(?!\s|(?:who|which|whose|whom|that)\b)(?:[^,“”\"‘’«»]|(?<=\w)’)*,\s*")
_MARK = re.compile(r"[“”«»„‹›\"「」『』‘]|(?<![\w])’")  # an apostrophe (Korea’s) is none


def _other_name(segment: str) -> bool:
    """Whether words between a speaker and their words name anyone or anything (a capitalised word
    that is not a day, a month or "X"), or hold a quotation of their own."""
    if _MARK.search(segment):
        return True
    return any(word.group() not in _NOT_NAMES for word in _NAME_WORD.finditer(segment))


def _not_tight(text: str, quote: QuoteDraft) -> str:
    """Why the name, its verb and the words are not one tight attribution ('' when they are): the
    verb's subject is the name only when nothing but an apposition ("Jane Roe, a spokesperson for
    the ministry, said") stands between them; the words are theirs only when no other person,
    state, body or quotation is named between them and the attribution ("Roe said Washington
    had “…”", "“…,” KCNA quoted Roe as saying", "Roe met Premier Li and said: “…”"); a title
    or description right before a name that follows the words is the name's ("“…,” Foreign
    Ministry spokesperson Jane Roe said")."""
    mention, cue = quote.source_span, quote.cue_span
    if mention is None or cue is None:
        return ""
    doubt = "with another name or quotation between the speaker and the words"
    if mention["end"] <= cue["start"]:
        gap = text[mention["end"] : cue["start"]]
        if _other_name(gap) and not _APPOSITION.fullmatch(gap):
            return doubt
    elif cue["end"] <= mention["start"] and _MARK.search(text[cue["end"] : mention["start"]]):
        return doubt  # "said Gen. Jane Roe": a title between, never a quotation
    first = min(mention["start"], cue["start"])
    last = max(mention["end"], cue["end"])
    if last <= quote.start:  # the attribution, then the words
        segment = text[last : quote.start].rstrip(_OPENING + " ")
        return doubt if _other_name(segment) else ""
    segment = text[quote.end : first].lstrip(".,;:!?" + _CLOSING + " ")
    if first == mention["start"]:  # “…,” then the name's own title, then the name
        return doubt if _MARK.search(segment) else ""
    return doubt if _other_name(segment) else ""


def default_context(text: str, quote: QuoteDraft) -> str:
    return context_of(text, quote.start, quote.end)


def _records(frame: object) -> list[dict[str, object]]:
    if frame is None or not hasattr(frame, "astype"):
        return []
    objects = frame.astype(object)
    return list(objects.where(objects.notna(), None).to_dict("records"))


@dataclass
class Review:
    drafts: Drafts
    decisions: dict[str, Decision]
    source: dict[str, str]  # the source record's fields as the analyst set them
    actors: dict[str, ActorDraft]  # new actors as the analyst edited them, by provisional id
    known: dict[str, str] = field(default_factory=dict)  # actor id -> name, as the review knew it
    current: set[str] | None = None  # the briefing's actor ids when last looked at (`refresh`)
    bodies: list[str] = field(default_factory=list)  # the briefing's states and organisations
    index: QuoteIndex = field(default_factory=lambda: QuoteIndex([]))
    source_labels: dict[str, str] = field(default_factory=dict)  # source id -> "publisher, title"
    source_records: list[dict[str, object]] = field(default_factory=list)
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    same: SameSource | None = None  # the briefing's source this article already is
    another_copy: bool = False  # the analyst says: nearly the same text, but another outlet's copy
    published_confirmed: bool = False  # a date read from the file's metadata, confirmed
    aliases: dict[str, list[str]] = field(default_factory=dict)  # existing actor -> names to add
    added: list[QuoteDraft] = field(default_factory=list)  # statements the analyst added
    why_nothing: str = ""  # why nothing was drafted (not English, no quotation found)
    found: dict[str, list[WordsMatch]] = field(default_factory=dict)  # words -> matches, as asked

    @classmethod
    def start(
        cls,
        drafts: Drafts,
        briefing: Briefing | None = None,
        fingerprints: Mapping[str, Fingerprint] | None = None,
        why_nothing: str = "",
    ) -> Review:
        decisions = {}
        for quote in drafts.quotes:
            decisions[quote.id] = Decision(
                speaker=quote.speaker, kind=quote.kind, context=default_context(drafts.article.text, quote)
            )
        article = drafts.article
        from_metadata = getattr(article, "published_from", "") == "metadata"
        source = {
            "id": drafts.source.id,
            "title": drafts.source.title,
            "publisher": drafts.source.publisher,
            "published": drafts.source.published,
            "url": drafts.source.url,
            "kind": drafts.source.kind,
            "language": drafts.source.language,
            # the day the article was read from its address: a citation's "accessed on"
            "accessed": date.today().isoformat() if drafts.source.url else "",
            # a date the file's properties gave: shown as such until confirmed or changed
            "published_metadata": drafts.source.published if from_metadata else "",
        }
        actors = {a.id: a for a in drafts.actors if not a.matched}
        known = {a.id: a.name for a in drafts.actors}
        review = cls(
            drafts,
            decisions,
            source,
            actors,
            known,
            why_nothing=why_nothing,
            fingerprints=dict(fingerprints or {}),
        )
        if briefing is not None:
            review.known.update({str(k): str(v) for k, v in briefing.actor_names.items()})
            review.refresh(briefing)
        for quote in drafts.quotes:
            review._route(quote.id)
        review.recheck_source()
        if review.same is not None and review.same.certain:
            review.use_source(review.same.id)
        return review

    # ----------------------------------------------------------------------------- what is there

    @property
    def quotes(self) -> list[QuoteDraft]:
        """The drafts, then the statements the analyst added."""
        return [*self.drafts.quotes, *self.added]

    def quote(self, quote_id: str) -> QuoteDraft:
        return next(q for q in self.quotes if q.id == quote_id)

    def span(self, quote_id: str) -> tuple[int, int]:
        decision, quote = self.decisions[quote_id], self.quote(quote_id)
        return decision.span if decision.span is not None else (quote.start, quote.end)

    def words(self, quote_id: str) -> str:
        """The quote's words: the article's characters between its edges, never typed."""
        start, end = self.span(quote_id)
        return self.drafts.article.text[start:end]

    def shown(self) -> list[QuoteDraft]:
        """Each draft at its current edges, for the article's highlighting."""
        return [
            replace(q, start=self.span(q.id)[0], end=self.span(q.id)[1], text=self.words(q.id))
            for q in self.quotes
        ]

    def name(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        if actor_id in self.actors:
            return self.actors[actor_id].name
        return self.known.get(actor_id, actor_id)

    def exists(self, actor_id: str) -> bool:
        """In the briefing now (as last looked at), or proposed in this review."""
        if actor_id in self.actors:
            return True
        return actor_id in self.current if self.current is not None else actor_id in self.known

    def refresh(self, briefing: Briefing) -> None:
        """Look at the briefing as it is now: a colleague may have renamed or removed an actor, or
        saved a source or quotes since the review began."""
        self.current = {str(i) for i in briefing.actors["id"]}
        for actor_id, name in briefing.actor_names.items():
            self.known.setdefault(str(actor_id), str(name))
        kinds = briefing.actors[briefing.actors["kind"].isin(["state", "organization"])]
        self.bodies = [str(i) for i in kinds["id"]]
        if len(briefing.sources) != len(self.source_records) or not self.source_labels:
            self.source_records = _records(briefing.sources)
            self.source_labels = {
                str(s["id"]): f"{s.get('publisher') or ''}, {s.get('title') or ''}"
                for s in self.source_records
            }
        if len(briefing.quotes) != len(self.index.quotes):
            self.index = QuoteIndex(_records(briefing.quotes))
            self.found = {}
            for quote_id in self.decisions:
                self._route(quote_id)

    def same_text_as(self, source_id: str) -> None:
        """The saver found this article's text to be that source's: remember it."""
        self.fingerprints[source_id] = fingerprint(self.drafts.article.text)

    def matches(self, quote_id: str) -> list[WordsMatch]:
        """Quotes of the briefing with these words (or nearly)."""
        words = self.words(quote_id)
        if words not in self.found:
            self.found[words] = self.index.find(words)
        return self.found[words]

    def _route(self, quote_id: str) -> None:
        """Words the briefing already has go, by default, to that quote as another source."""
        decision = self.decisions[quote_id]
        found = self.matches(quote_id)
        ids = [m.quote.id for m in found]
        if decision.also_of in ids:
            return
        decision.route, decision.also_of = (ALSO_IN, ids[0]) if ids else (NEW, "")

    def existing_label(self, quote_id: str) -> str:
        """'q-x (Lin Jian): AFP, China says …' for a quote of the briefing."""
        known = self.index.get(quote_id)
        if known is None:
            return quote_id
        return (
            f"{quote_id} ({self.name(known.speaker)}): {self.source_labels.get(known.source, known.source)}"
        )

    # ----------------------------------------------------------------------------- the source

    def recheck_source(self) -> None:
        """Whether the article, at the address the analyst gave, is a source the briefing has."""
        if self.drafts.source.matched:
            self.same = None
            return
        self.same = same_source(
            self.source.get("url", ""),
            self.drafts.article.text,
            self.source_records,
            self.fingerprints,
            self.index_records(),
        )

    def index_records(self) -> list[dict[str, object]]:
        return [{"id": q.id, "text": q.text, "source": q.source} for q in self.index.quotes]

    def use_source(self, source_id: str) -> bool:
        """Add the records to a source the briefing has instead of a new one."""
        record = next((s for s in self.source_records if str(s.get("id")) == source_id), None)
        if record is None:
            return False
        published = record.get("published")
        self.drafts.source = SourceDraft(
            source_id,
            str(record.get("title") or ""),
            str(record.get("publisher") or ""),
            str(published)[:10] if published is not None else "",
            str(record.get("url") or ""),
            str(record.get("kind") or "news"),
            str(record.get("language") or self.source.get("language") or "en"),
            matched=True,
        )
        self.source.update(id=source_id, language=self.drafts.source.language)
        self.same = None
        for quote_id in self.decisions:
            self._route(quote_id)
        return True

    def language(self) -> str:
        return str(self.source.get("language") or "").strip()

    # ----------------------------------------------------------------------------- spans

    def set_span(self, quote_id: str, start: int, end: int) -> str:
        """Move the draft's edges; '' when done, else why not (the draft is unchanged)."""
        text = self.drafts.article.text
        if not (0 <= start < end <= len(text)):
            return f"{quote_id}: those words are not in the article"
        start, end = trimmed(text, start, end)
        if start >= end:
            return f"{quote_id}: the words would be empty"
        decision = self.decisions[quote_id]
        quote = self.quote(quote_id)
        decision.span = None if (start, end) == (quote.start, quote.end) else (start, end)
        self._route(quote_id)
        return ""

    def add_statement(
        self,
        start: int,
        end: int,
        speaker: str | None = None,
        kind: str = "direct",
        said: str = "",
        issues: Iterable[str] = (),
    ) -> QuoteDraft | str:
        """A statement the extractor missed, at `start:end` of the article: accepted, since the analyst
        made it. Returns the new draft, or why not."""
        text = self.drafts.article.text
        if not (0 <= start < end <= len(text)):
            return "those words are not in the article"
        start, end = trimmed(text, start, end)
        if start >= end:
            return "the words would be empty"
        taken = {q.id for q in self.quotes}
        n = len(self.added) + 1
        while f"m{n:03d}" in taken:
            n += 1
        quote = QuoteDraft(
            f"m{n:03d}",
            text[start:end],
            start,
            end,
            None,
            None,
            speaker or None,
            kind if kind in QUOTE_KINDS else "direct",
            True,
            1.0,
            self.drafts.source.id,
            "analyst",
        )
        self.added.append(quote)
        self.decisions[quote.id] = Decision(
            ACCEPTED, speaker or None, quote.kind, context_of(text, start, end), said.strip(), list(issues)
        )
        self._route(quote.id)
        return quote

    # ----------------------------------------------------------------------------- actors

    def taken_ids(self) -> set[str]:
        return set(self.known) | set(self.actors) | (self.current or set())

    def new_actor(
        self, name: str, kind: str, role: str = "", represents: str = "", affiliation: str = ""
    ) -> ActorDraft | str:
        """An actor the briefing does not have, added to this review's proposed actors; or why not."""
        name = " ".join(name.split())
        if not name:
            return "new actor: give a name"
        if kind not in ACTOR_KINDS:
            return f"new actor: kind must be one of {', '.join(ACTOR_KINDS)}"
        if represents and not self.exists(represents):
            return f"new actor: '{represents}' is not an actor of the briefing or of this review"
        same = [a for a in self.actors.values() if fold(a.name) == fold(name)]
        if same:
            return f"new actor: {name} is already proposed here as {same[0].id}: choose it as the speaker"
        taken = self.taken_ids()
        actor_id = slug(name, taken) or slug("actor", taken)
        actor = ActorDraft(
            actor_id,
            name,
            kind,
            role.strip(),
            represents if kind == "official" else "",
            affiliation.strip(),
            matched=False,
            match="analyst",
        )
        self.actors[actor_id] = actor
        self.known[actor_id] = name
        return actor

    def _point(self, merged: str, into: str) -> None:
        """Every decision, position and proposed actor naming `merged` names `into` instead."""
        for decision in self.decisions.values():
            if decision.speaker == merged:
                decision.speaker = into
            position = decision.position
            if position is not None:
                position.actor = into if position.actor == merged else position.actor
                position.assessed_by = into if position.assessed_by == merged else position.assessed_by
        for actor in self.actors.values():
            if actor.represents == merged:
                actor.represents = into

    def merge(self, merged: str, into: str) -> str:
        """Merge a proposed new actor into another actor (of the briefing, or proposed here): every
        decision and position naming it names `into`; the names the article used go to `into`'s
        aliases where they add one. '' when done, else why not."""
        if merged not in self.actors:
            return f"{merged}: only an actor proposed in this review can be merged into another"
        if merged == into or not self.exists(into):
            return f"{merged}: choose another actor to merge it into"
        gone = self.actors.pop(merged)
        self._point(merged, into)
        names = [gone.name, *gone.mentions]
        if into in self.actors:
            target = self.actors[into]
            target.mentions += [n for n in names if n not in target.mentions]
        else:
            held = [self.name(into), *self.aliases.get(into, [])]
            fresh = [n for n in dict.fromkeys(names) if useful_alias(n, held)]
            if fresh:
                self.aliases.setdefault(into, []).extend(fresh)
        self.known[merged] = gone.name
        return ""

    # ----------------------------------------------------------------------------- bulk accept

    def why_not_confident(self, quote: QuoteDraft, threshold: float = CONFIDENT) -> str:
        """'' when the draft may be accepted without the analyst reading it; else the reason."""
        decision = self.decisions[quote.id]
        if quote.kind not in ("direct", "partial"):
            return "paraphrases (their edges need reading)"
        if not quote.is_speech:
            return "beliefs or findings, not speech"
        if says_nothing(quote.text):
            return "greetings and thanks (nothing said on any issue)"
        if quote.flags:
            return f"flagged ({', '.join(sorted(quote.flags))})"
        if quote.confidence < threshold:
            return f"below {threshold:.2f} confidence"
        return self._speaker_doubt(quote, decision) or (
            "" if decision.speaker != quote.speaker else self._attribution_doubt(quote)
        )

    def _attribution_doubt(self, quote: QuoteDraft) -> str:
        """Why the words' attribution needs the analyst's eye, on any reporting ('' when it does
        not). A speaker read by coreference — from a pronoun, a role description or an earlier
        quotation — is wrong far more often than one named where the words are said, and a cue
        outside the quotation's sentence is the commonest way to hand the words to someone
        else; so bulk accept takes a quotation only when its words are closed by their marks,
        inside no other quotation, and its speaker is named, by name or surname, in the sentence
        that gives the words, with the verb that says so and nothing but the name's own title or
        apposition between them, and no other name or quotation between them and the words
        (`_not_tight`). A transcript's answer is never taken: read blind, turns were most of what
        bulk accept got wrong (docs/extraction.md, round eleven)."""
        how = quote.speaker_found_by
        if how == "turn":
            # Measured blind (2026-12-07, 28 English items and transcripts nobody had tuned on): 6 of
            # the 7 wrong drafts bulk accept took were transcript turns (4 not a statement, 2 the
            # wrong speaker), at the session's start and at its end alike. An answer is read.
            return "transcript answers (each turn needs reading)"
        if how not in NAMED_AT_THE_WORDS:
            return _NOT_NAMED.get(how, "with a speaker not named where the words are said")
        text = self.drafts.article.text
        if not closed_by_marks(text, quote.start, quote.end):
            return "with words not closed by their quotation marks"
        if any(
            other.start < quote.start and quote.end < other.end
            for other in self.drafts.quotes
            if other.kind in ("direct", "partial") and other.id != quote.id
        ):
            return "inside another quotation"
        if quote.cue_span is None and _labelled(text, quote):
            return ""  # "Jane Roe, Professor of Politics" on the line before the words: a turn's label
        begin, stop = sentence_around(text, quote.start, quote.end)
        if re.match(r"[?!][”\"»]", text[quote.end - 1 : quote.end + 1]):
            # '“… Are you ready?” Xue Jian said': the attribution is the words after the marks
            breaks = _sentence_breaks(text[stop : text.find("\n", stop) % (len(text) + 1)])
            stop += breaks[0] if breaks else 0
        for span in (quote.source_span, quote.cue_span):
            if span is None or not (begin <= span["start"] and span["end"] <= stop):
                return "with a speaker named outside the sentence of the words"
        return _not_tight(text, quote)

    def _speaker_doubt(self, quote: QuoteDraft, decision: Decision) -> str:
        """Why the draft's speaker needs the analyst's eye ('' when it does not)."""
        if not decision.speaker:
            return "without a speaker"
        if not self.exists(decision.speaker):
            return "with a speaker no longer in the briefing"
        if decision.speaker != quote.speaker:
            return ""  # the analyst chose this speaker
        actor = self.drafts.actor(quote.speaker)
        if actor is None:
            return "without a speaker"
        if actor.matched:
            return "" if actor.match in LINKED else f"with a speaker matched only by {actor.match or 'guess'}"
        proposed = self.actors.get(actor.id, actor)
        if proposed.kind not in PERSON_KINDS:
            return "with a new speaker that is not a person"
        if not full_name(proposed.name):
            return "with a new speaker named without a full name"
        if not proposed.role.strip():
            return "with a new speaker without a role"
        return ""

    def confident(self, threshold: float = CONFIDENT) -> Bulk:
        """What `accept_confident` would take now, and what it would leave, by reason."""
        taken: list[str] = []
        left: dict[str, list[str]] = {}
        for quote in self.quotes:
            if self.decisions[quote.id].status != PENDING:
                continue
            reason = self.why_not_confident(quote, threshold)
            if reason:
                left.setdefault(reason, []).append(quote.id)
            else:
                taken.append(quote.id)
        return Bulk(taken, left)

    def accept_confident(self, threshold: float = CONFIDENT) -> Bulk:
        """Accept every pending draft that is a marked quotation (direct or partial), speech, not
        flagged, at or above the threshold, whose speaker is an actor of the briefing matched by
        name or alias (a surname alone is a guess), or a new person with a full name and a role,
        named tightly at the words (`_attribution_doubt`). Everything else is left for the
        analyst's eye."""
        bulk = self.confident(threshold)
        for quote_id in bulk.accepted:
            self.decisions[quote_id].status = ACCEPTED
        return bulk

    # ----------------------------------------------------------------------------- positions

    def propose_position(self, quote_id: str, issue: str) -> PositionProposal:
        quote, decision = self.quote(quote_id), self.decisions[quote_id]
        speaker = decision.speaker or ""
        kind = (
            self.actors[speaker].kind
            if speaker in self.actors
            else (actor.kind if (actor := self.drafts.actor(speaker)) is not None else "")
        )
        inferred = kind == "expert"
        proposal = PositionProposal(
            actor=speaker,
            issue=issue,
            stance=suggest_stance(self.words(quote_id)),
            basis="stated" if quote.is_speech and not inferred else "inferred",
            confidence=confidence_band(quote.confidence),
            assessed_by=speaker if inferred else "",
        )
        decision.position = proposal
        return proposal

    # ----------------------------------------------------------------------------- before a save

    def accepted(self) -> list[QuoteDraft]:
        return [q for q in self.quotes if self.decisions[q.id].status == ACCEPTED]

    def _gone(self, actor_id: str) -> str:
        return (
            f"the speaker '{self.name(actor_id)}' ({actor_id}) is no longer in the briefing — a "
            "colleague may have renamed or removed it: choose the speaker again"
        )

    def _source_problems(self) -> list[str]:
        out = []
        if not self.drafts.source.matched:
            for key, what in (
                ("title", "the title"),
                ("publisher", "the publisher"),
                ("published", "the day it was published (YYYY-MM-DD)"),
            ):
                if not str(self.source.get(key) or "").strip():
                    out.append(f"source: give {what}")
            published = str(self.source.get("published") or "").strip()
            found = day_problem("source published", published)
            if found:
                out.append(found)
            elif (
                published
                and published == self.source.get("published_metadata")
                and not self.published_confirmed
            ):
                out.append(
                    f"source published: {published} is from the file's metadata (when the file "
                    "was made, not always when the article was published): confirm it or "
                    "write the publication date"
                )
            accessed = day_problem("source accessed", str(self.source.get("accessed") or ""))
            out += [accessed] if accessed else []
            if self.same is not None and (self.same.certain or not self.another_copy):
                out.append(
                    f"source: {self.same.message()}: add the records to {self.same.id} instead"
                    + ("" if self.same.certain else ", or say it is another outlet's copy")
                )
        if not self.language():
            out.append("source: give the language of the text (en, de, fr, zh …)")
        return out

    # Over the complexity cap: one check per reason a save is refused, listed so the analyst sees them
    # all at once.
    def problems(self) -> list[str]:  # noqa: C901
        """What stops a save, written for the analyst: which draft, which field, what would be right."""
        out = []
        accepted = self.accepted()
        if not accepted:
            out.append("accept at least one draft")
        out += self._source_problems()
        for quote in accepted:
            decision = self.decisions[quote.id]
            if not decision.speaker:
                out.append(f"{quote.id}: choose a speaker")
            elif not self.exists(decision.speaker):
                out.append(f"{quote.id}: {self._gone(decision.speaker)}")
            if decision.kind not in QUOTE_KINDS:
                out.append(f"{quote.id}: kind must be one of {', '.join(QUOTE_KINDS)}")
            said = day_problem(f"{quote.id} date said", decision.date)
            out += [said] if said else []
            if decision.translation.strip() and not decision.translated_by.strip():
                out.append(f"{quote.id}: say who (or which tool) made the translation")
            p = decision.position
            if p is not None and p.confirmed:
                if p.stance not in STANCES or p.basis not in BASES or p.confidence not in CONFIDENCES:
                    out.append(f"{quote.id}: the position needs a stance, a basis and a confidence")
                if not p.actor or not p.issue:
                    out.append(f"{quote.id}: the position needs an actor and an issue")
                elif not self.exists(p.actor):
                    out.append(
                        f"{quote.id}: the position's actor '{self.name(p.actor)}' ({p.actor}) is "
                        "no longer in the briefing: choose it again"
                    )
                if p.basis == "inferred" and not p.assessed_by:
                    out.append(f"{quote.id}: an inferred position names who assessed it")
                as_of = day_problem(f"{quote.id} position as of", p.as_of)
                out += [as_of] if as_of else []
        for actor in self._needed_actors():
            if actor.kind not in ACTOR_KINDS:
                out.append(f"actor {actor.id}: kind must be one of {', '.join(ACTOR_KINDS)}")
            if not actor.name.strip():
                out.append(f"actor {actor.id}: give a name")
        return out

    def _needed_actors(self) -> list[ActorDraft]:
        used: set[str] = set()
        for quote in self.accepted():
            decision = self.decisions[quote.id]
            if decision.route == NEW or not decision.also_of:
                used.add(decision.speaker or "")
            if decision.position is not None and decision.position.confirmed:
                used.update({decision.position.actor, decision.position.assessed_by})
        needed = [a for a in self.actors.values() if a.id in used]
        for actor in list(needed):  # a new official may stand for another new actor
            body = self.actors.get(actor.represents)
            if body is not None and body not in needed:
                needed.append(body)
        return needed

    def summary(self) -> Summary:
        """What Save would write, said before it is pressed."""
        source = (
            f"into the existing source {self.drafts.source.id}"
            if self.drafts.source.matched
            else f"a new source {self.drafts.source.id}"
        )
        new, also, already, unlinked, positions = [], [], [], [], 0
        for quote in self.accepted():
            decision = self.decisions[quote.id]
            if decision.route == ALSO_IN and decision.also_of:
                held = self.index.get(decision.also_of)
                if held is not None and self.drafts.source.id in (held.source, *held.also_in):
                    already.append(quote.id)
                else:
                    also.append((quote.id, self.existing_label(decision.also_of)))
            else:
                new.append(quote.id)
                if not decision.issues:
                    unlinked.append(quote.id)
            if decision.position is not None and decision.position.confirmed:
                positions += 1
        return Summary(
            source,
            new,
            also,
            already,
            unlinked,
            positions,
            self._needed_actors(),
            {k: v for k, v in self.aliases.items() if v},
        )

    # Over the complexity cap: one branch per kind of record the analyst may have accepted,
    # edited, routed or matched.
    def accepted_records(self) -> Accepted:  # noqa: C901
        """The records to save; call only when `problems()` is empty."""
        drafts = self.drafts
        source: dict[str, object] | None = None
        if not drafts.source.matched:
            fields = set(SOURCES.field_names)
            source = {k: v for k, v in self.source.items() if v not in ("", None) and k in fields}
            for key in ("published", "accessed"):
                if key in source:
                    day = as_day(str(source[key]))
                    source[key] = day if day is not None else source[key]
        actors = []
        for actor in self._needed_actors():
            record: dict[str, object] = {"id": actor.id, "name": actor.name.strip(), "kind": actor.kind}
            for key in ("role", "represents", "affiliation"):
                value = getattr(actor, key)
                if value:
                    record[key] = value
            aliases: list[str] = []
            for mention in actor.mentions:
                if useful_alias(mention, [actor.name, *aliases]):
                    aliases.append(mention)
            if aliases:
                record["aliases"] = aliases
            actors.append(record)
        quotes: list[dict[str, object]] = []
        positions: list[dict[str, object]] = []
        also_in: list[tuple[str, str]] = []
        source_id = drafts.source.id
        published = as_day(str(self.source.get("published") or ""))
        for quote in self.accepted():
            decision = self.decisions[quote.id]
            evidence: int | str
            if decision.route == ALSO_IN and decision.also_of:
                also_in.append((decision.also_of, source_id))
                evidence = decision.also_of
            else:
                record = {
                    "speaker": decision.speaker,
                    "text": self.words(quote.id),
                    "source": source_id,
                    "kind": decision.kind,
                }
                said = as_day(decision.date)
                if said:
                    record["date"] = said
                if decision.issues:
                    record["issues"] = list(decision.issues)
                if decision.context:
                    record["context"] = decision.context
                record["language"] = self.language() or "en"
                if decision.translation.strip():
                    record.update(
                        translation=decision.translation.strip(),
                        translation_language=decision.translation_language.strip() or "en",
                        translated_by=decision.translated_by.strip(),
                        translated_on=datetime.now(UTC).date(),
                    )
                quotes.append(record)
                evidence = len(quotes) - 1
            p = decision.position
            if p is not None and p.confirmed:
                as_of = as_day(p.as_of) or as_day(decision.date) or published
                position: dict[str, object] = {"actor": p.actor, "issue": p.issue, "stance": p.stance}
                if as_of:
                    position["as_of"] = as_of
                position.update({"basis": p.basis, "confidence": p.confidence, "evidence": [evidence]})
                if p.assessed_by and p.basis == "inferred":
                    position["assessed_by"] = p.assessed_by
                positions.append(position)
        label = self.source.get("title") or drafts.article.name or "an article"
        names = {**self.known, **{a.id: a.name for a in self.actors.values()}}
        return Accepted(
            source,
            actors,
            quotes,
            positions,
            label=f"source {source_id}: {label}",
            also_in=also_in,
            aliases={k: list(v) for k, v in self.aliases.items() if v},
            names=names,
            text=drafts.article.text if source is not None else "",
            another_copy=self.another_copy,
        )
