"""The analyst's decisions on one article's drafts, and the records they turn into.

Pure: the review view keeps a `Review` in the session and calls `accepted_records` on save. A
draft's words are never edited here: only its speaker, kind, context, date, issues and position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dashboard.extract.drafts import Drafts, QuoteDraft
from dashboard.extract.linking import ActorDraft
from dashboard.extract.saving import Accepted
from dashboard.records import ACTOR_KINDS, BASES, CONFIDENCES, QUOTE_KINDS, STANCES

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
DECISIONS = (PENDING, ACCEPTED, REJECTED)
CONFIDENT = 0.7  # "accept all confident" takes drafts with a speaker at or above this

_OPPOSE = re.compile(r"\b(not|never|no|oppose[sd]?|against|reject(?:s|ed)?|condemn(?:s|ed)?|"
                     r"disagree[sd]?|counter|danger(?:ous)?|destabili[sz]ing|warn(?:s|ed)?)\b", re.I)
_SUPPORT = re.compile(r"\b(support(?:s|ed)?|welcome[sd]?|should|must|urge[sd]?|hope[sd]?|"
                      r"agree[sd]?|back(?:s|ed)?|endorse[sd]?|strives?|constructive)\b", re.I)


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


@dataclass
class PositionProposal:
    actor: str
    issue: str
    stance: str
    basis: str
    confidence: str
    assessed_by: str = ""
    confirmed: bool = False  # only confirmed proposals are saved


@dataclass
class Decision:
    """What the analyst made of one draft (its words stay the draft's)."""

    status: str = PENDING
    speaker: str | None = None
    kind: str = "partial"
    context: str = ""
    date: date | None = None
    issues: list[str] = field(default_factory=list)
    position: PositionProposal | None = None


_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Prof|No|vs|Jan|Feb|Mar|"
                         r"Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K))\.$")


def _sentence_breaks(text: str) -> list[int]:
    """Where sentences end in `text`: after . ! ? (and any closing marks) before a space, except
    after an abbreviation ("Nov. 8", "U.S. officials")."""
    breaks = []
    for match in re.finditer(r"[.!?][”\"»」』]*(?=\s|$)", text):
        if match.group()[0] == "." and _ABBREVIATED.search(text[max(0, match.start() - 5):match.start() + 1]):
            continue
        breaks.append(match.end())
    return breaks


def default_context(text: str, quote: QuoteDraft) -> str:
    """The sentence the quotation stands in, quoted, as the seed briefing's contexts begin."""
    para_start = text.rfind("\n", 0, quote.start) + 1
    para_end = text.find("\n", quote.end)
    para_end = len(text) if para_end < 0 else para_end
    head = text[para_start:quote.start].rstrip(" “«「『„‹\"")
    ends = _sentence_breaks(head)
    start = para_start + (ends[-1] if ends else 0)
    tail = text[quote.end:para_end]
    closing = re.match(r"[”\"»」』]+", tail)
    if quote.text[-1:] in ".!?" and closing and re.match(r"\s+[A-Z“\"]", tail[closing.end():]):
        end = quote.end + closing.end()  # '… North Korea.” Secretary …': the quote ended the sentence
    else:
        stops = _sentence_breaks(tail)
        end = quote.end + (stops[0] if stops else len(tail))
    sentence = text[start:end].strip()
    return f"\"{sentence}\"" if sentence else ""


@dataclass
class Review:
    drafts: Drafts
    decisions: dict[str, Decision]
    source: dict[str, str]  # the source record's fields as the analyst set them
    actors: dict[str, ActorDraft]  # new actors as the analyst edited them, by provisional id

    @classmethod
    def start(cls, drafts: Drafts) -> Review:
        decisions = {}
        for quote in drafts.quotes:
            decisions[quote.id] = Decision(speaker=quote.speaker, kind=quote.kind,
                                           context=default_context(drafts.article.text, quote))
        source = {"id": drafts.source.id, "title": drafts.source.title, "publisher": drafts.source.publisher,
                  "published": drafts.source.published, "url": drafts.source.url,
                  "kind": drafts.source.kind, "language": drafts.source.language,
                  # the day the article was read from its address: a citation's "accessed on"
                  "accessed": date.today().isoformat() if drafts.source.url else ""}
        actors = {a.id: a for a in drafts.actors if not a.matched}
        return cls(drafts, decisions, source, actors)

    def quote(self, quote_id: str) -> QuoteDraft:
        return next(q for q in self.drafts.quotes if q.id == quote_id)

    def accept_confident(self, threshold: float = CONFIDENT) -> int:
        """Accept every pending quotation in quotation marks that is speech, has a speaker and
        reaches the threshold. Paraphrases are never accepted in bulk: their edges need reading."""
        count = 0
        for quote in self.drafts.quotes:
            decision = self.decisions[quote.id]
            if (decision.status == PENDING and decision.speaker and quote.is_speech
                    and quote.kind != "paraphrase" and quote.confidence >= threshold):
                decision.status = ACCEPTED
                count += 1
        return count

    def propose_position(self, quote_id: str, issue: str) -> PositionProposal:
        quote, decision = self.quote(quote_id), self.decisions[quote_id]
        speaker = decision.speaker or ""
        actor = self.drafts.actor(speaker)
        inferred = actor is not None and actor.kind == "expert"
        proposal = PositionProposal(
            actor=speaker, issue=issue, stance=suggest_stance(quote.text),
            basis="stated" if quote.is_speech and not inferred else "inferred",
            confidence=confidence_band(quote.confidence), assessed_by=speaker if inferred else "")
        decision.position = proposal
        return proposal

    # Over the complexity cap: one check per reason a save is refused, listed so the analyst sees them all
    # at once.
    def problems(self) -> list[str]:  # noqa: C901
        """What stops a save, written for the analyst."""
        out = []
        accepted = [q for q in self.drafts.quotes if self.decisions[q.id].status == ACCEPTED]
        if not accepted:
            out.append("accept at least one draft")
        if not self.drafts.source.matched:
            for key in ("title", "publisher", "published"):
                if not str(self.source.get(key) or "").strip():
                    out.append(f"source: give the {key}")
            published = str(self.source.get("published") or "")
            if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                out.append("source: the published date is written YYYY-MM-DD")
        for quote in accepted:
            decision = self.decisions[quote.id]
            if not decision.speaker:
                out.append(f"{quote.id}: choose a speaker")
            if decision.kind not in QUOTE_KINDS:
                out.append(f"{quote.id}: kind must be one of {', '.join(QUOTE_KINDS)}")
            p = decision.position
            if p is not None and p.confirmed:
                if p.stance not in STANCES or p.basis not in BASES or p.confidence not in CONFIDENCES:
                    out.append(f"{quote.id}: the position needs a stance, a basis and a confidence")
                if not p.actor or not p.issue:
                    out.append(f"{quote.id}: the position needs an actor and an issue")
                if p.basis == "inferred" and not p.assessed_by:
                    out.append(f"{quote.id}: an inferred position names who assessed it")
        for actor in self._needed_actors():
            if actor.kind not in ACTOR_KINDS:
                out.append(f"actor {actor.id}: kind must be one of {', '.join(ACTOR_KINDS)}")
            if not actor.name.strip():
                out.append(f"actor {actor.id}: give a name")
        return out

    def _needed_actors(self) -> list[ActorDraft]:
        used: set[str] = set()
        for quote in self.drafts.quotes:
            decision = self.decisions[quote.id]
            if decision.status != ACCEPTED:
                continue
            used.add(decision.speaker or "")
            if decision.position is not None and decision.position.confirmed:
                used.update({decision.position.actor, decision.position.assessed_by})
        needed = [a for a in self.actors.values() if a.id in used]
        for actor in list(needed):  # a new official may stand for another new actor
            body = self.actors.get(actor.represents)
            if body is not None and body not in needed:
                needed.append(self.actors[actor.represents])
        return needed
    # Over the complexity cap: one branch per kind of record the analyst may have accepted,
    # edited or matched.
    def accepted_records(self) -> Accepted:  # noqa: C901
        drafts = self.drafts
        source: dict[str, object] | None = None
        if not drafts.source.matched:
            source = {k: v for k, v in self.source.items() if v not in ("", None)}
            source["published"] = date.fromisoformat(str(source["published"]))
            if "accessed" in source:
                source["accessed"] = date.fromisoformat(str(source["accessed"]))
        actors = []
        for actor in self._needed_actors():
            record: dict[str, object] = {"id": actor.id, "name": actor.name.strip(), "kind": actor.kind}
            for key in ("role", "represents", "affiliation"):
                value = getattr(actor, key)
                if value:
                    record[key] = value
            aliases = [m for m in actor.mentions if m != actor.name and len(m.split()) > 1]
            if aliases:
                record["aliases"] = aliases
            actors.append(record)
        quotes, positions = [], []
        source_id = drafts.source.id
        language = self.source.get("language") or "en"
        for quote in drafts.quotes:
            decision = self.decisions[quote.id]
            if decision.status != ACCEPTED:
                continue
            record = {"speaker": decision.speaker, "text": quote.text, "source": source_id,
                      "kind": decision.kind}
            if decision.date:
                record["date"] = decision.date
            if decision.issues:
                record["issues"] = list(decision.issues)
            if decision.context:
                record["context"] = decision.context
            record["language"] = language
            quotes.append(record)
            p = decision.position
            if p is not None and p.confirmed:
                as_of = decision.date or (date.fromisoformat(str(self.source["published"]))
                                          if self.source.get("published") else None)
                position: dict[str, object] = {"actor": p.actor, "issue": p.issue, "stance": p.stance}
                if as_of:
                    position["as_of"] = as_of
                position.update({"basis": p.basis, "confidence": p.confidence,
                                 "evidence": [len(quotes) - 1]})
                if p.assessed_by and p.basis == "inferred":
                    position["assessed_by"] = p.assessed_by
                positions.append(position)
        label = self.source.get("title") or drafts.article.name or "an article"
        return Accepted(source, actors, quotes, positions, label=f"source {source_id}: {label}")
