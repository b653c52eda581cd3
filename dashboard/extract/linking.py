"""Speakers to actors: an existing actor by name, alias (any script) or close spelling, or a new
actor proposed with the kind, role and organisation the article gives. A different person is never
merged in: a surname alone matches when one actor has it (of several who share it, only the one the
article's role or a state's leadership singles out, for the analyst to confirm), and a close
spelling must share a whole word of the name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from dashboard.extract.places import country_name, state_in, state_of, without_state
from dashboard.extract.speakers import Speaker, _name_words
from dashboard.text import fold, slug

PERSON_KINDS = ("official", "expert", "other")
BODY_KINDS = ("state", "organization", "other")
FUZZY_MIN = 88.0
_OFFICIAL_WORDS = re.compile(
    r"\b(minister|secretary|spokes(?:man|woman|person)|ambassador|envoy|president|premier|chancellor|"
    r"official|diplomat|senator|governor|mayor|general|admiral|commander|representative|"
    r"chief|deputy|assistant|under ?secretary|counsell?or|attach[eé]|officer|king|queen|prime)\b",
    re.I,
)
_EXPERT_WORDS = re.compile(
    r"\b(expert|fellow|professor|analyst|researcher|scholar|academic|economist|lecturer|"
    r"historian|scientist|director|chair|think tank|institute|university)\b",
    re.I,
)


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

    @classmethod
    def of_record(cls, record: Mapping[str, Any], how: str, score: float) -> ActorDraft:
        """The draft of an actor the briefing holds (matched), with how and how surely it matched."""
        return cls(
            str(record["id"]),
            str(record["name"]),
            str(record["kind"]),
            str(record.get("role") or ""),
            str(record.get("represents") or ""),
            str(record.get("affiliation") or ""),
            True,
            how,
            score,
        )


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
            [] if actors is None else actors.astype(object).where(actors.notna(), None).to_dict("records")
        )
        self.by_name: dict[str, list[int]] = {}
        self.by_id: dict[str, int] = {}
        self.person_words: list[tuple[frozenset[str], int, bool]] = []  # (words, actor, is alias)
        self.states: dict[str, int] = {}  # ISO code -> the state actor
        for i, actor in enumerate(self.records):
            self.by_id[str(actor["id"])] = i
            for n, name in enumerate(_names(actor)):
                self.by_name.setdefault(_plain(name), []).append(i)
                if actor["kind"] in PERSON_KINDS:
                    words = frozenset(_name_words(name))
                    if words:
                        self.person_words.append((words, i, n > 0))
            if actor["kind"] == "state":
                code = str(actor.get("country") or "") or next(
                    (state_of(n) for n in _names(actor) if state_of(n)), ""
                )
                if code:
                    self.states.setdefault(code.upper(), i)

    def ids(self) -> set[str]:
        return {str(a["id"]) for a in self.records}

    def state_actor(self, code: str) -> dict[str, object] | None:
        i = self.states.get(code.upper()) if code else None
        return None if i is None else self.records[i]

    def _kinds_for(self, speaker: Speaker) -> tuple[str, ...]:
        if speaker.kind == "person":
            return PERSON_KINDS
        if speaker.kind in ("place", "organization"):
            return BODY_KINDS
        return ("expert", "official", "organization", "other", "state")

    def _person(self, speaker: Speaker) -> tuple[dict[str, object], str, float] | None:
        """A person by the words of their name, in any order, titles and initials aside: the same
        words; a close spelling of each ("Zelenskyy", "Zelensky"); or a part of one actor's name
        that no other actor's name holds (a surname)."""
        words = frozenset(_name_words(speaker.name))
        if not words:
            return None
        same = [(i, alias) for w, i, alias in self.person_words if w == words]
        if same:
            i, alias = min(same, key=lambda pair: pair[1])
            return self.records[i], "alias" if alias else "exact", 100.0
        close = []
        for have, i, _ in self.person_words:
            if len(have) == len(words) and _words_close(words, have):
                close.append(i)
        if len(set(close)) == 1:
            return self.records[close[0]], "fuzzy", 90.0
        holders = {i for have, i, _ in self.person_words if words < have}
        if len(holders) == 1:
            return self.records[holders.pop()], "surname", 90.0
        near = self._close_surname(words) if len(words) == 1 and not holders else None
        if near is not None:
            return near, "close surname", 85.0
        namesake = self._one_of_namesakes(speaker, holders)
        if namesake is not None:  # a guess among several: the analyst confirms it
            return namesake, "shared surname", 85.0
        # the article gives a fuller name than the record ("Majed bin Mohammed al-Ansari" for
        # "Majed al-Ansari"): every word of one actor's name, first and last included
        fuller = {i for have, i, _ in self.person_words if len(have) >= 2 and have < words}
        if len(fuller) == 1:
            return self.records[fuller.pop()], "fuller name", 90.0
        return None

    def _close_surname(self, words: frozenset[str]) -> dict[str, object] | None:
        """The one actor a surname spelled another way names ("Zelenskyy", "Zelenskiy" for
        Volodymyr Zelensky): a link by a close spelling, which the analyst confirms."""
        near = {
            i
            for have, i, _ in self.person_words
            if len(have) >= 2 and any(_words_close(words, frozenset({w})) for w in have)
        }
        return self.records[near.pop()] if len(near) == 1 else None

    def _one_of_namesakes(self, speaker: Speaker, holders: set[int]) -> dict[str, object] | None:
        """A surname several actors share ("Kim" for Kim Jong Un, Kim Yo Jong and a South Korean
        minister Kim), when the article gives no fuller name: the one of them whose office is the
        role the article gives ("Foreign Minister Kim"), of the state it names; with no role, the one
        who leads a state, as reporting names a head of state or government by surname alone."""
        found = [self.records[i] for i in sorted(holders)]
        state = self.state_actor(speaker.state)
        if state is not None:
            found = [a for a in found if a.get("represents") == state["id"]]
        wanted = _role_words(speaker.role)
        if wanted:
            found = [a for a in found if wanted <= _role_words(str(a.get("role") or ""))]
        if not wanted or (len(found) > 1 and _leader_role(speaker.role)):
            # "President Park": the president now, not the vice president or a past one
            found = [a for a in found if self._leads_a_state(a)]
        return found[0] if len(found) == 1 else None

    def _leads_a_state(self, actor: dict[str, object]) -> bool:
        led = self.by_id.get(str(actor.get("represents") or ""))
        return (
            led is not None
            and self.records[led]["kind"] == "state"
            and _leader_role(str(actor.get("role") or ""))
        )

    def _body_of_official(self, description: str) -> dict[str, object] | None:
        """The state or organisation an official is described as serving by a name of it no other
        actor has: the capitalised words of the description, office words aside ("a senior Taliban
        official": "Taliban", a word of one actor's names, "Afghan Taliban" and "Taliban
        government")."""
        words = {
            fold(w)
            for w in re.findall(r"[\w’'-]+", description)
            if w[:1].isupper() and fold(w) not in _GENERIC_OFFICE
        }
        if not words:
            return None
        found = {
            i
            for i, actor in enumerate(self.records)
            if actor["kind"] in ("state", "organization")
            and any(words <= set(re.findall(r"[\w’'-]+", fold(name))) for name in _names(actor))
        }
        return self.records[found.pop()] if len(found) == 1 else None

    def _ministry_of_named(self, name: str, named: frozenset[str]) -> dict[str, object] | None:
        """The state of "the Foreign Ministry" named without one: that of the one actor the article
        names whose role is its minister's ("Foreign Minister of China"), when there is one."""
        words = set(re.findall(r"[a-z]+", fold(name)))
        if "ministry" not in words:
            return None
        wanted = words - {"the", "of", "ministry", "affairs"}
        states = {
            str(a.get("represents"))
            for a in self.records
            if str(a["id"]) in named
            and a.get("represents")
            and "minister" in (role := set(re.findall(r"[a-z]+", fold(str(a.get("role") or "")))))
            and wanted
            and wanted <= role
        }
        if len(states) != 1:
            return None
        code = states.pop()
        return next((a for a in self.records if str(a["id"]) == code and a["kind"] == "state"), None)

    def _by_role(self, speaker: Speaker, named: frozenset[str] = frozenset()) -> dict[str, object] | None:
        """An unnamed office holder ("Egypt's foreign minister", "the South Korean Defense
        Minister"): the one actor who speaks for that state with that role; of several (a president
        and his predecessor), the one the article names (`named`: ids of its named speakers)."""
        state = self.state_actor(speaker.state)
        wanted = _role_words(speaker.role or speaker.name)
        offices = _role_words(speaker.name) & {"secretarygeneral", "generalsecretary"}
        if offices and not wanted & offices:  # a role the parse cut short: "U.N. secretary"
            wanted = (wanted - {"secretary", "general"}) | offices
        if not wanted:
            return None
        if state is None:
            # "The Secretary-General said" with no state: the one actor the article names whose
            # role is that office (not one who serves it: "Spokesman for the Secretary-General")
            holders = [
                a
                for a in self.records
                if a["kind"] in PERSON_KINDS
                and wanted <= _role_words(_office_held(str(a.get("role") or "")))
                and not _FORMER.search(str(a.get("role") or ""))
            ]
            in_article = [a for a in holders if str(a["id"]) in named]
            if len(in_article) == 1:
                return in_article[0]
            # the UN's Secretary-General, the office named with its body ("UN Secretary-General",
            # from a noon briefing's "the Secretary-General"): the one actor of the briefing who
            # holds it now, named in the article or not
            of_un = [a for a in holders if _UN_BODY.search(str(a.get("role") or ""))]
            if _UN_BODY.match(speaker.name) and "secretarygeneral" in wanted and len(of_un) == 1:
                return of_un[0]
            return None
        # "the top U.S. envoy in Seoul", "the Chinese ambassador to Japan": a post in another
        # state, held only by an actor whose role names that state
        posted = re.search(r"\b(?:in|to)\s+(.+)$", speaker.name)
        abroad = state_in(posted.group(1)) if posted else ""
        abroad = abroad if abroad != speaker.state else ""
        found = [
            a
            for a in self.records
            if a["kind"] in PERSON_KINDS
            and a.get("represents") == state["id"]
            and wanted <= _role_words(str(a.get("role") or ""))
            and (not abroad or state_in(str(a.get("role") or "")) == abroad)
        ]
        if len(found) > 1:
            found = [a for a in found if str(a["id"]) in named]
        return found[0] if len(found) == 1 else None

    # Over the complexity cap: the matching ladder (exact name, alias, accent-free, surname, role,
    # state) tried in order; each rung is two lines.
    def match(  # noqa: C901
        self, speaker: Speaker, named: frozenset[str] = frozenset()
    ) -> tuple[dict[str, object], str, float] | None:
        kinds = self._kinds_for(speaker)
        key = _plain(speaker.name)
        if speaker.kind == "place" or speaker.key.startswith("state:"):
            state = self.state_actor(speaker.state)
            if state is not None:
                how = "exact" if _plain(str(state["name"])) == key else "alias"
                return state, how, 100.0
        hits = [i for i in self.by_name.get(key, []) if self.records[i]["kind"] in kinds]
        if not hits and speaker.kind == "organization":
            # a person's whole name or alias the recogniser read as a body ("Volodymyr Zelenskyy
            # spoke", opening a sentence): a name the briefing gives a person is that person
            hits = [i for i in self.by_name.get(key, []) if self.records[i]["kind"] in PERSON_KINDS]
        if hits:
            actor = self.records[hits[0]]
            how = "exact" if _plain(str(actor["name"])) == key else "alias"
            return actor, how, 100.0
        titled_only = speaker.kind == "person" and not _name_words(without_state(speaker.name))
        if speaker.kind == "person" and speaker.named and not titled_only:
            return self._person(speaker)
        if speaker.kind == "organization" and len(key.split()) == 1 and not _is_government(key):
            found = self._person(speaker)  # "Zelenskyy said", read as an organisation
            if found is not None and found[1] in ("surname", "fuzzy", "exact", "alias"):
                return found
        if speaker.kind in ("person", "unknown", "group") and (not speaker.named or titled_only):
            holder = self._by_role(speaker, named)
            if holder is not None:
                return holder, "role", 90.0
        if speaker.kind == "organization" and not speaker.state and _is_government(speaker.name):
            state = self._ministry_of_named(speaker.name, named)
            if state is not None:  # "Foreign Minister Wang Yi ... The Foreign Ministry has stated"
                return state, "state", 85.0
        if (
            (speaker.kind == "organization" or (speaker.kind == "group" and not speaker.named))
            and speaker.state
            and _is_government(speaker.name)
        ):
            state = self.state_actor(speaker.state)
            if state is not None:  # a ministry, an office, a service ("South Korean intelligence
                # services"): the state it belongs to
                return state, "state", 90.0
        if (not speaker.named or titled_only) and speaker.state and _official(speaker):
            state = self.state_actor(speaker.state)
            if state is not None:  # "a senior official from South Korea's presidential office"
                return state, "state", 85.0
        if speaker.kind == "person" and not speaker.named and not speaker.state and _official(speaker):
            body = self._body_of_official(speaker.name)
            if body is not None:  # "a senior Taliban official": the one body named "Afghan Taliban"
                return body, "body", 85.0
        best: tuple[float, int] | None = None
        words = key.split()
        for name, ids in self.by_name.items():
            if speaker.kind in ("group", "unknown", "person"):
                # a description matches a description the briefing gives an actor ("a State
                # Department official who spoke ..."): most of its words, never a name's letters
                shared = set(key.split()) & set(name.split()) - {"a", "an", "the", "of", "who"}
                if len(name.split()) < 3 or len(shared) < 2:
                    continue
                score = fuzz.token_set_ratio(key, name)
            else:
                if not set(words) & set(name.split()):
                    continue  # a close spelling must share a whole word: no merging of strangers
                score = fuzz.ratio(key, name)
            for i in ids:
                better = best is None or score > best[0]
                if self.records[i]["kind"] in kinds and score >= FUZZY_MIN and better:
                    if speaker.kind != "organization" and self._names_more(i, name, key):
                        continue
                    best = (score, i)
        if best is None:
            return None
        how = "description" if speaker.kind in ("group", "unknown", "person") else "fuzzy"
        return self.records[best[1]], how, round(best[0], 1)

    def _names_more(self, i: int, alias: str, description: str) -> bool:
        """Whether actor i's alias holds its own name besides a description's words: "prime
        minister kishida" is not what "the Prime Minister" of another article says (that is the
        role's and state's to say, `_by_role`)."""
        own = set(_plain(str(self.records[i]["name"])).split())
        return bool(own & (set(alias.split()) - set(description.split())))

    def find_body(self, text: str) -> str:
        """The id of a state or organisation the text names ("Chinese Embassy in Washington")."""
        if not text:
            return ""
        key = _plain(text)
        for i in self.by_name.get(key, []):
            if self.records[i]["kind"] in ("state", "organization"):
                return str(self.records[i]["id"])
        return ""


_GOVERNMENT = re.compile(
    r"\b(ministry|department|office|agency|embassy|mission|government|administration|council|"
    r"command|service|services|forces|military|army|navy|intelligence|kremlin|pentagon|cabinet|"
    r"presidency|secretariat|staff|bureau|authorit(?:y|ies)|directorate|guard|consulate|regime|"
    r"leadership|delegation|white house|state department|foreign office|defen[cs]e)\b",
    re.I,
)
_MEDIA = re.compile(
    r"\b(media|news|newspaper|daily|times|post|journal|news agency|broadcaster|tv|"
    r"television|radio|outlet|press|tribune|herald|gazette|kcna|xinhua|tass|"
    r"yonhap|reuters|associated press|afp)\b",
    re.I,
)
_OFFICIAL = re.compile(
    r"\b(officials?|diplomats?|spokes(?:man|woman|person|people)|"
    r"representatives?|officers?|sources?|envoys?|negotiators?|ministers?|"
    r"government|authorities|leaders?|president|minister|secretary|chief|head|director|ambassador)\b",
    re.I,
)


def _is_government(name: str) -> bool:
    return bool(_GOVERNMENT.search(name)) and not _MEDIA.search(name)


# Words of an office or body named without a state of its own ("the presidential office", "the
# Ministry of Foreign Affairs", "city officials"): any other word ("Hamas", "the Council of the EU")
# makes it a body of its own, never a state's.
_GENERIC_OFFICE = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "on",
        "ministry",
        "ministries",
        "department",
        "office",
        "offices",
        "agency",
        "government",
        "administration",
        "cabinet",
        "presidency",
        "presidential",
        "unification",
        "foreign",
        "affairs",
        "defense",
        "defence",
        "national",
        "interior",
        "military",
        "army",
        "navy",
        "intelligence",
        "services",
        "service",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "official",
        "officials",
        "authorities",
        "authority",
        "diplomat",
        "diplomats",
        "senior",
        "top",
        "city",
        "local",
        "regional",
        "provincial",
        "municipal",
        "police",
        "justice",
        "finance",
        "trade",
        "security",
        "public",
        "safety",
        "emergency",
        "prime",
        "minister's",
        "ministers",
        "president's",
    ]
)


def stateless_official(speaker: Speaker) -> bool:
    """Whether a speaker is a state's office or official named without the state ("a presidential
    official", "the unification ministry", "city officials"): one the article's context can give a
    state to. Experts, media, people by name and bodies with a name of their own are not."""
    if speaker.state or speaker.kind in ("place",) or (speaker.kind == "person" and speaker.named):
        return False
    words = re.findall(r"[\w’'-]+", fold(speaker.name).replace("’", "'"))
    if not words or not all(w in _GENERIC_OFFICE for w in words):
        return False
    if speaker.kind == "organization":
        return _is_government(speaker.name)
    return _official(speaker)


def _official(speaker: Speaker) -> bool:
    return (
        bool(_OFFICIAL.search(f"{speaker.name} {speaker.role}"))
        and not _MEDIA.search(speaker.name)
        and not _EXPERT_WORDS.search(speaker.name)
    )


_ROLE_SYNONYMS = {
    "defence": "defense",
    "national": "",
    "of": "",
    "the": "",
    "for": "",
    "affairs": "",
    "ministry": "minister",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "secretary": "secretary",
    "state": "state",
}


def _role_words(role: str) -> frozenset[str]:
    """The words of a role that say which office it is ('Minister of Foreign Affairs' and 'foreign
    minister' alike): folded, de-pluralised, with the words every role has set aside."""
    words = set()
    # one office each, whatever the order of their words says apart: the UN's Secretary-General
    # is no party's General Secretary
    office = re.sub(r"\bsecretary[\s-]+general\b", "secretarygeneral", without_state(role))
    office = re.sub(r"\bgeneral[\s-]+secretary\b", "generalsecretary", office)
    for word in re.findall(r"[a-z]+", office):
        word = _ROLE_SYNONYMS.get(word, word)
        if len(word) > 1 and word not in ("senior", "top", "chief", "current", "former", "new"):
            words.add(word)
    return frozenset(w for w in words if state_in(w) == "")


_LEADER = re.compile(
    r"^(?:federal\s+|supreme\s+)?(?:president|prime minister|premier|chancellor|leader|king|queen|"
    r"emir|sultan|general secretary|head of state|head of government)\b",
    re.I,
)
_UN_BODY = re.compile(r"\b(?:UN|U\.N\.|United Nations)\b")
_FORMER = re.compile(r"\bformer\b|\d{4}(?:-\d\d){0,2}\s*(?:–|—|-|to)\s*\d{4}", re.I)


def _leader_role(role: str) -> bool:
    """Whether a role is a head of state or government, now ("President of Russia", "Leader of
    North Korea (General Secretary ...)"): never a vice or deputy one, the head of an office, or one
    whose term has ended ("President of South Korea (2022–2025)")."""
    return bool(_LEADER.match(role.strip())) and not _FORMER.search(role)


def _office_held(role: str) -> str:
    """A role less the office it serves: "Spokesman for the UN Secretary-General" -> "Spokesman"."""
    return re.split(r"\s(?:for|to)\s", role, maxsplit=1)[0]


def _romanised(word: str) -> str:
    """A word of a name as the ways of writing Ukrainian and Russian names in Latin letters meet:
    "Andrey Sibiga" (from Russian) and "Andrii Sybiha" (from Ukrainian) alike ("andri sibiga")."""
    word = word.replace("kh", "h").replace("h", "g")
    word = re.sub(r"[yj]", "i", word)
    return re.sub(r"[ei]i+|i+", "i", word)


def _words_close(a: frozenset[str], b: frozenset[str]) -> bool:
    """Every word of one name has a close spelling in the other (one letter or so apart)."""
    remaining = set(b)
    for word in a:
        match = next(
            (
                w
                for w in remaining
                if w == word
                or (min(len(w), len(word)) >= 5 and fuzz.ratio(w, word) >= 85)
                or (min(len(w), len(word)) >= 4 and _romanised(w) == _romanised(word))
            ),
            None,
        )
        if match is None:
            return False
        remaining.discard(match)
    return not remaining


def acceptable(speaker: Speaker) -> bool:
    """Whether a speaker the briefing lacks may be proposed as a new actor: a person by name, a
    named body or state, or a group of people ("analysts", "U.S. officials"); never a bare title
    ("Secretary", "the diplomat"), a headline or a noun phrase that names nobody."""
    words = [w for w in re.findall(r"[\w’'.-]+", speaker.name) if w]
    if not words or len(speaker.name) > 80:
        return False
    if speaker.kind == "person" and speaker.named:
        name_words = _name_words(speaker.name)
        return bool(name_words) and all(
            w[:1].isupper()
            or not w[:1].isalpha()
            or re.match(r"(?:bin|ibn|al|el|abu|de|del|da|di|du|van|von|der|den|la|le|y|dos|das)\b", w)
            for w in words
        )
    if speaker.kind == "place":
        return bool(speaker.state)
    if not speaker.named and speaker.kind in ("person", "unknown", "organization"):
        return _described(speaker)
    if speaker.kind == "organization":
        return speaker.named and any(w[:1].isupper() for w in words) and len(words) <= 10
    if speaker.kind == "group":
        return len(words) <= 6 and bool(
            _OFFICIAL.search(speaker.name)
            or _EXPERT_WORDS.search(speaker.name)
            or re.search(
                r"\b(analysts|observers|critics|sources|allies|experts|scholars|researchers|"
                r"academics|economists|historians|lawmakers|legislators|"
                r"countries|governments|leaders|ministers)\b",
                speaker.name,
                re.I,
            )
        )
    return False


# The head of an unnamed description that is someone an actor can be made of: an office holder
# ("a provincial hospital official", "the head of Russia’s Gazprom") or a broadcaster or agency
# speaking in its own name ("Pakistan state TV"); never troops, prisoners or a bare title.
_DESCRIBED_OFFICE = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|head|chief|director|diplomat|representative|envoy|"
    r"ambassador|secretary[- ]general)\b",
    re.I,
)
_BROADCAST = re.compile(r"\b(?:tv|television|radio|broadcaster|news agency|state media)\b", re.I)
# Words that say nothing of which outlet it is: "State TV", "National radio".
_VAGUE_OUTLET = frozenset(["state", "public", "national", "local", "official", "government"])
# Words that say nothing of whose an office is: "a senior official", "the top diplomat".
_VAGUE = frozenset(
    ["a", "an", "the", "one", "another", "senior", "top", "high", "ranking", "high-ranking", "of", "from"]
)


def _described(speaker: Speaker) -> bool:
    """Whether an unnamed description may be proposed as a new actor, for the analyst to confirm:
    an office holder or a broadcaster it says more of than its title (whose office, where, of which
    body: "a provincial hospital official"), one line, at most eight words. "A senior official",
    "the diplomat" name nobody."""
    name = speaker.name
    words = re.findall(r"[\w’'-]+", fold(name).replace("’", "'"))
    # at most eight words, or twelve where the office is of a body by name ("A spokesman for the
    # General Staff of the Korean People’s Army")
    bodied = re.search(r"\b(?:of|for)\s+(?:the\s+)?[A-Z]", name) is not None
    if not words or len(words) > (12 if bodied else 8) or "\n" in name:
        return False
    if _BROADCAST.search(name):
        # of a state, or with a name of its own ("Channel 12 TV"); "state TV" alone names no outlet
        return bool(speaker.state) or any(
            w[:1].isupper() and not _BROADCAST.fullmatch(w) and w.lower() not in _VAGUE_OUTLET
            for w in name.split()
        )
    if speaker.state and speaker.kind == "organization" and _is_government(name) and not _MEDIA.search(name):
        return True  # a state's ministry or office the briefing lacks ("Austria's energy ministry")
    if not _DESCRIBED_OFFICE.search(name) or _MEDIA.search(name):
        return False
    telling = [
        w
        for w in words
        if w not in _VAGUE and not _DESCRIBED_OFFICE.fullmatch(w) and not _OFFICIAL.fullmatch(w)
    ]
    return bool(telling)


# Over the complexity cap: one branch per kind of speaker (state, body, official, expert, group).
def propose(speaker: Speaker, index: ActorIndex, taken: set[str]) -> ActorDraft:  # noqa: C901
    """A new actor for a speaker the briefing does not have: kind, role and whom it speaks for
    from the article ("South Korean President" speaks for South Korea)."""
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
        elif _GOVERNMENT.search(role) or _GOVERNMENT.search(speaker.organization):
            kind = "official"  # "… of the Chinese Foreign Ministry Mao Xia": someone of a government body
        else:
            kind = "other"
    elif _BROADCAST.search(speaker.name):
        kind = "organization"
    else:
        kind = (
            "expert"
            if re.search(r"\b(experts?|analysts?|scholars?|researchers?)\b", speaker.name, re.I)
            else "other"
        )
    represents = affiliation = ""
    state = index.state_actor(speaker.state)
    if kind in ("official", "organization") or (kind == "other" and _official(speaker)):
        represents = index.find_body(speaker.organization) or (
            str(state["id"])
            if state is not None and (kind == "official" or _is_government(speaker.name))
            else ""
        )
        if kind == "other" and represents:
            kind = "official"
        if not represents and kind == "official":
            affiliation = speaker.organization
    elif kind in ("expert", "other"):
        affiliation = speaker.organization
    name = speaker.name
    if speaker.kind == "place" and speaker.state:
        name = country_name(speaker.state)
    actor_id = slug(name, taken) or slug("actor", taken)  # a name in another script only
    taken.add(actor_id)
    name = name[:1].upper() + name[1:]
    role = role.splitlines()[0][:120] if role else ""
    return ActorDraft(
        actor_id, name, kind, role[:1].upper() + role[1:], represents, affiliation, matched=False, match="new"
    )


def link_speakers(
    speakers: list[Speaker], index: ActorIndex, hows: dict[str, str] | None = None
) -> dict[str, ActorDraft]:
    """One actor draft per speaker key: matched where the briefing has them, else proposed when
    the speaker is someone an actor can be made of (`acceptable`); a speaker that is neither is
    left out, and its drafts have no speaker for the analyst to choose."""
    taken = index.ids()
    out: dict[str, ActorDraft] = {}
    by_actor: dict[str, ActorDraft] = {}
    proposed: dict[str, ActorDraft] = {}
    # the actors the article names: "The U.S. President" is the president it names, not another
    named = frozenset(
        str(hit[0]["id"])
        for s in speakers
        if s.kind == "person" and s.named and (hit := index.match(s)) is not None
    )
    for speaker in speakers:
        found = index.match(speaker, named)
        if found is not None:
            actor, how, score = found
            if hows is not None:
                hows[speaker.key] = how
            actor_id = str(actor["id"])
            draft = by_actor.get(actor_id)
            if draft is None:
                draft = ActorDraft.of_record(actor, how, score)
                if speaker.role and fold(speaker.role) != fold(draft.role):
                    draft.article_role = speaker.role
                by_actor[actor_id] = draft
        elif acceptable(speaker):
            if hows is not None:
                hows[speaker.key] = "new"
            same = _person_key_of(speaker)
            draft = proposed.get(same) or propose(speaker, index, taken)
            proposed[same] = draft
        else:
            continue
        if speaker.name not in draft.mentions:
            draft.mentions.append(speaker.name)
        out[speaker.key] = draft
    return out


def _person_key_of(speaker: Speaker) -> str:
    if speaker.kind == "place" and speaker.state:
        return f"state:{speaker.state}"
    if speaker.kind == "person":
        return "person:" + " ".join(sorted(_name_words(speaker.name)))
    return fold(speaker.name)
