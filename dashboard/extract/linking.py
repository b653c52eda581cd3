"""Speakers to actors: an existing actor by name, alias (any script) or close spelling, or a new
actor proposed with the kind, role and organisation the article gives. A different person is never
merged in: a surname alone matches only when one actor has it, and a close spelling must share a
whole word of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz

from dashboard.extract.speakers import Speaker
from dashboard.text import fold, slug

PERSON_KINDS = ("official", "expert", "other")
BODY_KINDS = ("state", "organization", "other")
FUZZY_MIN = 88.0
_OFFICIAL_WORDS = re.compile(
    r"\b(minister|secretary|spokes(?:man|woman|person)|ambassador|envoy|president|premier|chancellor|"
    r"official|diplomat|senator|governor|mayor|general|admiral|commander|representative|"
    r"chief|deputy|assistant|under ?secretary|counsell?or|attach[eé]|officer|king|queen|prime)\b", re.I)
_EXPERT_WORDS = re.compile(
    r"\b(expert|fellow|professor|analyst|researcher|scholar|academic|economist|lecturer|"
    r"historian|scientist|director|chair|think tank|institute|university)\b", re.I)


@dataclass
class ActorDraft:
    id: str
    name: str
    kind: str
    role: str = ""
    represents: str = ""
    affiliation: str = ""
    matched: bool = False
    match: str = ""  # exact | alias | surname | fuzzy | description | new
    score: float = 0.0  # 100 for exact and alias matches
    mentions: list[str] = field(default_factory=list)  # how the article named them
    article_role: str = ""  # the role the article gives, when it differs from the record's


def _names(actor: dict[str, object]) -> list[str]:
    names = [str(actor["name"])]
    aliases = actor.get("aliases")
    if isinstance(aliases, list | tuple):
        names.extend(str(a) for a in aliases)
    elif hasattr(aliases, "tolist"):
        names.extend(str(a) for a in aliases.tolist())
    return names


def _plain(name: str) -> str:
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


class ActorIndex:
    """The briefing's actors, searchable by every name they go by."""

    def __init__(self, actors: pd.DataFrame | None) -> None:
        self.records: list[dict[str, object]] = (
            [] if actors is None else actors.astype(object).where(actors.notna(), None).to_dict("records"))
        self.by_name: dict[str, list[int]] = {}
        for i, actor in enumerate(self.records):
            for name in _names(actor):
                self.by_name.setdefault(_plain(name), []).append(i)

    def ids(self) -> set[str]:
        return {str(a["id"]) for a in self.records}

    def _kinds_for(self, speaker: Speaker) -> tuple[str, ...]:
        if speaker.kind == "person":
            return PERSON_KINDS
        if speaker.kind in ("place", "organization"):
            return BODY_KINDS
        return ("expert", "official", "organization", "other", "state")

    # Over the complexity cap: the matching ladder (exact name, alias, accent-free, surname, role) tried in
    # order; each rung is two lines.
    def match(self, speaker: Speaker) -> tuple[dict[str, object], str, float] | None:  # noqa: C901
        kinds = self._kinds_for(speaker)
        key = _plain(speaker.name)
        hits = [i for i in self.by_name.get(key, []) if self.records[i]["kind"] in kinds]
        if hits:
            actor = self.records[hits[0]]
            how = "exact" if _plain(str(actor["name"])) == key else "alias"
            return actor, how, 100.0
        words = key.split()
        if speaker.kind == "person" and len(words) == 1:
            same = {i for name, ids in self.by_name.items() for i in ids
                    if words[0] in name.split() and self.records[i]["kind"] in PERSON_KINDS}
            if len(same) == 1:
                return self.records[same.pop()], "surname", 90.0
            return None
        best: tuple[float, int] | None = None
        for name, ids in self.by_name.items():
            if speaker.kind in ("group", "unknown"):
                if len(key) < 6 or len(name) < 6:
                    continue
                long_enough = min(len(key), len(name)) >= 12
                score = fuzz.partial_ratio(key, name) if long_enough else fuzz.ratio(key, name)
            else:
                if not set(words) & set(name.split()):
                    continue  # a close spelling must share a whole word: no merging of strangers
                score = fuzz.ratio(key, name)
            for i in ids:
                better = best is None or score > best[0]
                if self.records[i]["kind"] in kinds and score >= FUZZY_MIN and better:
                    best = (score, i)
        if best is None:
            return None
        how = "description" if speaker.kind in ("group", "unknown") else "fuzzy"
        return self.records[best[1]], how, round(best[0], 1)

    def find_body(self, text: str) -> str:
        """The id of a state or organisation the text names ("Chinese Embassy in Washington")."""
        if not text:
            return ""
        key = _plain(text)
        for i in self.by_name.get(key, []):
            if self.records[i]["kind"] in ("state", "organization"):
                return str(self.records[i]["id"])
        return ""


def propose(speaker: Speaker, index: ActorIndex, taken: set[str]) -> ActorDraft:
    """A new actor for a speaker the briefing does not have."""
    role = speaker.role
    if speaker.kind == "place":
        kind = "state"
    elif speaker.kind == "organization":
        kind = "organization"
    elif speaker.kind == "person":
        scholarly = re.search(r"\b(expert|fellow|professor|analyst)\b", role, re.I)
        if _OFFICIAL_WORDS.search(role) and not scholarly:
            kind = "official"
        elif _EXPERT_WORDS.search(role) or _EXPERT_WORDS.search(speaker.organization):
            kind = "expert"
        else:
            kind = "other"
    else:
        kind = "expert" if re.search(r"\b(experts?|analysts?|scholars?)\b", speaker.name, re.I) else "other"
    represents = affiliation = ""
    if kind == "official":
        represents = index.find_body(speaker.organization)
        if not represents:
            affiliation = speaker.organization
    elif kind in ("expert", "other"):
        affiliation = speaker.organization
    actor_id = slug(speaker.name, taken) or slug("actor", taken)  # a name in another script only
    taken.add(actor_id)
    name = speaker.name[:1].upper() + speaker.name[1:]
    return ActorDraft(actor_id, name, kind, role[:1].upper() + role[1:], represents, affiliation,
                      matched=False, match="new")


def link_speakers(speakers: list[Speaker], index: ActorIndex) -> dict[str, ActorDraft]:
    """One actor draft per speaker key: matched where the briefing has them, else proposed."""
    taken = index.ids()
    out: dict[str, ActorDraft] = {}
    by_actor: dict[str, ActorDraft] = {}
    for speaker in speakers:
        found = index.match(speaker)
        if found is not None:
            actor, how, score = found
            actor_id = str(actor["id"])
            draft = by_actor.get(actor_id)
            if draft is None:
                draft = ActorDraft(actor_id, str(actor["name"]), str(actor["kind"]),
                                   str(actor.get("role") or ""), str(actor.get("represents") or ""),
                                   str(actor.get("affiliation") or ""), True, how, score)
                if speaker.role and fold(speaker.role) != fold(draft.role):
                    draft.article_role = speaker.role
                by_actor[actor_id] = draft
        else:
            draft = propose(speaker, index, taken)
        if speaker.name not in draft.mentions:
            draft.mentions.append(speaker.name)
        out[speaker.key] = draft
    return out
