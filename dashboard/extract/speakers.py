"""Who is speaking: the cue next to a statement, its subject, and what that subject refers to.

A subject is read as one of:
- a **person** by name, with the title and the state split off ("South Korea's Unification
  Minister Chung Dong-young": name Chung Dong-young, role Unification Minister, state KR; "Secretary
  of Defense Lloyd J. Austin III": Lloyd J. Austin III); an apposition gives the role ("Sergei
  Shoigu, secretary of Russia's Security Council"), and so does a role before an apposed name ("the
  French envoy, Claire Dubois");
- a **short name** ("Austin", "Shi"), resolved to the earlier (or later) full mention;
- a **pronoun**: "he" or "she" the person who spoke last (or was named last), "it" or "they" the
  body or state that spoke last;
- a **description**: "the diplomat", "the spokesperson", "the ministry" stand for the person or body
  named before whose role or name holds that word ("Chinese Foreign Ministry spokesman Lin Jian ...
  the diplomat said"); an indefinite one ("a senior official from South Korea's presidential
  office") is an anonymous speaker, with the state it names;
- a **body** ("the U.S. Department of Defense", "the Pentagon", "Ukraine's military intelligence
  service") or a **state** by name, capital or seat ("Beijing", "the Kremlin"), with its state;
- a **group** ("analysts", "U.S. officials").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dashboard.extract.places import state_in, state_of
from dashboard.text import fold

# Verbs and nouns of speech: a draft whose cue is one of these is speech; any other cue (think,
# believe, find, know, want, fear ...) makes a belief or finding, set apart in the review.
SPEECH_CUES = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "note",
        "call",
        "term",
        "ask",
        "write",
        "announce",
        "declare",
        "insist",
        "argue",
        "warn",
        "explain",
        "describe",
        "claim",
        "suggest",
        "urge",
        "reply",
        "respond",
        "comment",
        "remark",
        "stress",
        "emphasize",
        "emphasise",
        "acknowledge",
        "admit",
        "report",
        "confirm",
        "deny",
        "predict",
        "promise",
        "vow",
        "pledge",
        "quote",
        "testify",
        "recall",
        "caution",
        "complain",
        "allege",
        "assert",
        "answer",
        "contend",
        "maintain",
        "mention",
        "observe",
        "repeat",
        "reiterate",
        "reveal",
        "speak",
        "tweet",
        "accord",
        "according",
        "statement",
        "demand",
        "criticize",
        "criticise",
        "praise",
        "dismiss",
        "underscore",
        "underline",
        "reaffirm",
        "reconfirm",
        "affirm",
        "express",
        "welcome",
        "condemn",
        "denounce",
        "thank",
        "congratulate",
        "agree",
        "propose",
        "request",
        "accuse",
        "blame",
        "threaten",
        "assure",
        "inform",
        "brief",
        "highlight",
        "voice",
        "slam",
        "counter",
        "retort",
        "advise",
        "recommend",
        "appeal",
        "plead",
        "protest",
        "reject",
        "hail",
        "commend",
        "applaud",
        "lament",
        "regret",
        "apologize",
        "apologise",
        "concede",
        "clarify",
        "elaborate",
        "disclose",
        "quip",
        "signal",
        "invite",
        "encourage",
        "decry",
        "deplore",
        "refute",
        "restate",
        "reassert",
    ]
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
# Words of a title, stripped from the front of a name ("Defense Lloyd Austin", "Spokeswoman Maria
# Zakharova", "Major General Pat Ryder", "Ms. Sabrina Singh").
TITLE_WORDS = frozenset(
    [
        # offices and ranks that go before a name as often as the ones below ("EU Energy
        # Commissioner Jorgensen", "Special Envoy Witkoff", "Supreme Leader Ayatollah Ali
        # Khamenei", "Rear Admiral Jane Roe", "Former President Moon Jae-in")
        "commissioner",
        "high",
        "special",
        "acting",
        "supreme",
        "ayatollah",
        "patriarch",
        "archbishop",
        "bishop",
        "sultan",
        "rapporteur",
        "coordinator",
        "negotiator",
        "ombudsman",
        "consul",
        "rear",
        "former",
        "secretary",
        "councilor",
        "councillor",
        "minister",
        "president",
        "vice",
        "deputy",
        "assistant",
        "undersecretary",
        "under",
        "defense",
        "defence",
        "state",
        "foreign",
        "prime",
        "chancellor",
        "senator",
        "sen",
        "rep",
        "representative",
        "gov",
        "governor",
        "general",
        "gen",
        "major",
        "maj",
        "lieutenant",
        "lt",
        "colonel",
        "col",
        "captain",
        "capt",
        "admiral",
        "adm",
        "sergeant",
        "sgt",
        "marshal",
        "brigadier",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "chairman",
        "chair",
        "chairwoman",
        "chairperson",
        "director",
        "professor",
        "prof",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "highness",
        "shri",
        "smt",
        "shrimati",
        "majesty",
        "excellency",
        "lord",
        "lady",
        "king",
        "queen",
        "prince",
        "princess",
        "crown",
        "emir",
        "sheikh",
        "premier",
        "mayor",
        "judge",
        "justice",
        "chief",
        "commander",
        "speaker",
        "leader",
        "head",
        "counselor",
        "counsellor",
        "adviser",
        "advisor",
        "national",
        "security",
        "affairs",
        "ministry",
        "ministers",
        "official",
        "excellency",
        "hon",
        "honorable",
        "honourable",
        "dato",
        "seri",
        "datuk",
        "tan",
        "sri",
        "pope",
        "cardinal",
        "rev",
        "reverend",
        "father",
        "unification",
        "interior",
        "finance",
        "trade",
        "economy",
        "economic",
        "justice",
        "health",
        "energy",
        "home",
        "air",
        "force",
        "army",
        "navy",
        "naval",
        "joint",
        "staff",
        "of",
        "the",
        "and",
        "for",
        "inspector",
        "attorney",
        "solicitor",
        "senior",
        "junior",
        "first",
        "second",
        "executive",
        "managing",
        "communications",
        "spokesperson",
        "cabinet",
        "chief",
        "presidential",
        "u.s.",
        "federal",
        "lawmaker",
        "congressman",
        "congresswoman",
        "mp",
        "mep",
        "opposition",
    ]
)
# Titles that, glued to a name in a body's entity ("Defense Lloyd Austin"), make it a person's.
PERSON_TITLES = frozenset(
    [
        "secretary",
        "councilor",
        "councillor",
        "minister",
        "president",
        "premier",
        "chancellor",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "general",
        "gen",
        "major",
        "maj",
        "lieutenant",
        "lt",
        "colonel",
        "col",
        "captain",
        "capt",
        "admiral",
        "adm",
        "sergeant",
        "sgt",
        "marshal",
        "brigadier",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "chairperson",
        "director",
        "professor",
        "prof",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "highness",
        "majesty",
        "excellency",
        "lord",
        "lady",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sheikh",
        "mayor",
        "judge",
        "chief",
        "commander",
        "speaker",
        "leader",
        "counselor",
        "counsellor",
        "adviser",
        "advisor",
        "pope",
        "cardinal",
        "rev",
        "reverend",
        "lawmaker",
        "congressman",
        "congresswoman",
        "mp",
        "mep",
        "defense",
        "defence",
    ]
)
# Heads of a description that stand for one person ("the diplomat said").
# Heads of a description of someone who comments rather than governs ("the expert", "the analyst"),
# and the words of a role that make someone one ("a political scientist", "a senior fellow").
EXPERT_NOUNS = frozenset(
    [
        "expert",
        "analyst",
        "scholar",
        "scientist",
        "researcher",
        "academic",
        "professor",
        "fellow",
        "economist",
        "historian",
        "commentator",
        "observer",
    ]
)

PERSON_NOUNS = frozenset(
    [
        "diplomat",
        "official",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "minister",
        "secretary",
        "president",
        "premier",
        "chancellor",
        "ambassador",
        "envoy",
        "senator",
        "general",
        "commander",
        "analyst",
        "expert",
        "professor",
        "leader",
        "chief",
        "adviser",
        "advisor",
        "representative",
        "officer",
        "director",
        "lawmaker",
        "legislator",
        "negotiator",
        "prosecutor",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "ruler",
        "researcher",
        "fellow",
        "scholar",
        "economist",
        "source",
        "counterpart",
        "chairman",
        "chair",
        "head",
        "deputy",
        "aide",
        "politician",
        "dictator",
        "strongman",
        "premier",
        "admiral",
        "colonel",
        "captain",
        "veteran",
        "historian",
        "author",
        "woman",
        "man",
        "journalist",
        "correspondent",
        "reporter",
        "host",
        "moderator",
    ]
)
# Heads of a name or description that make it a body: an office, a government, a service.
BODY_NOUNS = frozenset(
    [
        "ministry",
        "department",
        "office",
        "agency",
        "embassy",
        "mission",
        "government",
        "administration",
        "council",
        "command",
        "service",
        "services",
        "forces",
        "force",
        "military",
        "army",
        "navy",
        "intelligence",
        "parliament",
        "assembly",
        "committee",
        "commission",
        "court",
        "party",
        "kremlin",
        "pentagon",
        "cabinet",
        "presidency",
        "secretariat",
        "headquarters",
        "staff",
        "bureau",
        "authority",
        "authorities",
        "directorate",
        "guard",
        "police",
        "consulate",
        "regime",
        "junta",
        "leadership",
        "delegation",
        "state",
        "union",
        "alliance",
        "organization",
        "organisation",
        "group",
        "institute",
        "center",
        "centre",
        "bank",
        "fund",
        "board",
        "legislature",
        "congress",
        "senate",
        "house",
        "chamber",
        "diet",
        "duma",
        "knesset",
        "majlis",
        "media",
        "agency",
        "newspaper",
        "daily",
        "broadcaster",
        "outlet",
        "statement",
        "communique",
        "declaration",
        "resolution",
        "report",
        "project",
        "campaign",
        "network",
        "coalition",
    ]
)


@dataclass
class Speaker:
    """One speaker of the article, however often named."""

    key: str  # folded name or description: the same speaker has the same key
    name: str
    kind: str  # person | organization | place | group | unknown
    role: str = ""
    organization: str = ""  # the body they work for, as the article names it
    mentions: list[tuple[int, int]] = field(default_factory=list)
    state: str = ""  # ISO code of the state the name, role or body names ("Chinese ...": CN)
    named: bool = True  # a proper name, not a description ("the official")


@dataclass(frozen=True)
class Resolution:
    speaker: Speaker | None
    mention: tuple[int, int] | None  # characters of the mention at the cue
    how: str  # named | pronoun | short-name | description | continued | unknown
    doubtful: bool = False  # another person fits too ("Kim" for Kim Jong Un or Kim Yo Jong)


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return tokens


def _text(doc: Doc, tokens: list[Token]) -> str:
    """The article's characters from the first token to the end of the last: the span's own text
    (spaCy makes `doc.text` anew from every token on each call, a whole article per name)."""
    if not tokens:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _entity_of(token: Token) -> Span | None:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _is_title(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return (
        word in TITLE_WORDS
        or (token.text[:1].isupper() and _misspelt_title(word))
        # an abbreviated title with its stop ("SEC. HEGSETH", "Amb. Roe", "Gen. Doe")
        or (word in _TITLE_ABBREVIATIONS and token.text[:1].isupper() and _stopped(token))
    )


_TITLE_ABBREVIATIONS = frozenset({"sec", "amb", "gen", "adm", "col", "lt", "maj", "capt", "rep", "sen"})


def _stopped(token: Token) -> bool:
    """Whether a word ends in a full stop, its own or the next token."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text.endswith(".") or (following is not None and following.text == ".")


_LONG_TITLES = tuple(t for t in PERSON_TITLES if len(t) >= 8)


def _misspelt_title(word: str) -> bool:
    """A capitalised word a letter off a long title ("Minster Iwaya", "Secretray Rubio"): one
    letter dropped, added or two swapped; copy typed in haste has these, and the word is then the
    title, not a first name."""
    if len(word) < 7 or not word.isalpha():
        return False
    for title in _LONG_TITLES:
        if abs(len(title) - len(word)) > 1 or title[:1] != word[:1]:
            continue
        if len(title) == len(word) + 1 and any(title[:i] + title[i + 1 :] == word for i in range(len(title))):
            return True
        if len(word) == len(title) + 1 and any(word[:i] + word[i + 1 :] == title for i in range(len(word))):
            return True
        if len(word) == len(title) and any(
            word[:i] + word[i + 1] + word[i] + word[i + 2 :] == title for i in range(len(word) - 1)
        ):
            return True
    return False


def _is_name_part(token: Token) -> bool:
    """A token that may belong to a person's name: a proper noun, an initial, a hyphen between two
    parts ("Dong-young"), a generational suffix."""
    text = token.text
    if token.pos_ == "PROPN" or re.fullmatch(r"[A-Z]\.?", text) or text in ("Jr.", "Sr.", "II", "III", "IV"):
        return True
    if text in ("-", "‐") and token.i > 0 and token.i + 1 < len(token.doc):
        return token.doc[token.i - 1].pos_ == "PROPN" and token.doc[token.i + 1].pos_ == "PROPN"
    return bool(
        text[:1].isupper()
        and token.pos_ in ("NOUN", "ADJ")
        and token.dep_ == "compound"
        and not _is_title(token)
    )


def _name_run(head: Token) -> list[Token]:
    """The proper-noun run that ends at the head: "Defense Lloyd J. Austin III"."""
    doc = head.doc
    start = head.i
    while (
        start > 0
        and _is_name_part(doc[start - 1])
        and doc[start - 1].tag_ != "POS"
        and "\n" not in doc[start - 1].text
    ):
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].text in ("Jr.", "Sr.", "II", "III", "IV"):
        end += 1
    return list(doc[start:end])


def split_title(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """(title, name) of a run: the name is what follows the last title word."""
    last = max((i for i, t in enumerate(tokens) if _is_title(t)), default=-1)
    title, name = tokens[: last + 1], tokens[last + 1 :]
    while name and not name[0].text[:1].isalpha():
        name = name[1:]
    return title, name


def _line_start(head: Token) -> int:
    """The index of the first token on the head's line (a headline is never part of a subject),
    after the line's dateline if it opens with one."""
    doc = head.doc
    i = head.i
    while i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    end = dateline_end(doc, i)
    return end if end <= head.i else i


_DATELINE_DASHES = frozenset({"—", "–", "-", "--", "―", "−"})


def dateline_end(doc: Doc, first: int) -> int:
    """Just after the dateline opening the line at token `first` ("COPENHAGEN (AP) —",
    "BEIJING, Dec. 3 (Xinhua) --", "SEOUL, Dec 3 (Reuters) -"), or `first` when it has none: a
    place in capitals, or one with its agency in brackets, then perhaps a date, and a dash, with
    no verb before the dash. A dateline is where the story was filed, never part of a subject."""
    for i in range(first, min(len(doc), first + 12)):
        token = doc[i]
        if "\n" in token.text or token.pos_ in ("VERB", "AUX"):
            return first
        if token.text not in _DATELINE_DASHES:
            continue
        words = [t for t in doc[first:i] if t.is_alpha]
        bracketed = any(t.text == "(" for t in doc[first:i])
        capitals = bool(words) and words[0].text.isupper() and len(words[0].text) >= 3
        if i > first and words and words[0].text[:1].isupper() and (capitals or bracketed):
            return i + 1
        return first
    return first


def _left_of(head: Token, first: int) -> list[Token]:
    """The words of the subject before its name: determiners, possessives, role ("South Korea's
    Unification Minister"), as a list of tokens."""
    line = _line_start(head)
    return [
        t
        for t in head.subtree
        if line <= t.i < first
        and t.dep_ not in ("punct",)
        and not (t.dep_ in ("appos", "acl", "relcl") or t.head.dep_ in ("appos", "relcl"))
    ]


def _role_and_organization(doc: Doc, head: Token, name_start: int) -> tuple[str, str]:
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is not None:
        role_tokens = _strip_det(
            [t for t in appos.subtree if not (t.dep_ == "relcl" or t.head.dep_ == "relcl")]
        )
    else:  # a title before the name: "Secretary of State Antony Blinken", "Chinese President Xi"
        role_tokens = _strip_det(
            [
                t
                for t in _left_of(head, name_start)
                if t.dep_ not in ("det", "poss", "case")
                and (t.head.dep_ != "poss" or t.head.i == head.i)  # "spokesperson Guo Jiakun's remarks"
            ]
        )
    role = _text(doc, role_tokens)
    organization = ""
    for i, token in enumerate(role_tokens if appos is not None else []):
        if token.lower_ in ("at", "for", "of", "with") and i + 1 < len(role_tokens) and i > 0:
            rest = _strip_det(role_tokens[i + 1 :])
            if rest and rest[0].text[:1].isupper():
                organization = _text(doc, rest)
                role = _text(doc, role_tokens[:i])
                break
    if not organization and role:  # "Chinese Foreign Ministry spokesman": the body before the role
        words = role_tokens
        body_end = max(
            (i for i, t in enumerate(words) if t.lower_ in BODY_NOUNS and t.text[:1].isupper()), default=-1
        )
        if body_end >= 0 and body_end + 1 < len(words):
            organization = _text(doc, words[: body_end + 1])
    return _without_honorifics(role), organization


_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "madam", "madame", "sir", "dr", "m", "mme", "herr", "frau"}
)


def _without_honorifics(role: str) -> str:
    """A role without the courtesy titles in it: "Mr" before "Healey" is no office."""
    words = role.split()
    kept = [w for w in words if w.lower().rstrip(".") not in _HONORIFICS]
    return role if len(kept) == len(words) else " ".join(kept)


def _state_of_tokens(tokens: list[Token]) -> str:
    return state_in(" ".join(t.text for t in tokens)) if tokens else ""


class SpeakerBook:
    """The speakers met so far in one article, in the order they spoke or were named."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.speakers: dict[str, Speaker] = {}
        self.last_speakers: list[tuple[int, Speaker]] = []  # (character, speaker) of each resolution
        self.doubtful = False
        self._starts: dict[int, Token] | None = None  # token by its first character (_token_at)
        self.people = self._named_people()
        self.bodies = self._named_bodies()

    # -- what the article names ------------------------------------------------------------

    def _office_state(self, ent: Span) -> list[Token]:
        """The state that ends a title before a name the recogniser read as one organisation with
        it: "the Minister of Foreign Affairs of [Ukraine Andriy Sybiha]" (the state, as a list of
        one token, or none)."""
        doc = self.doc
        if ent.start < 2 or doc[ent.start - 1].lower_ != "of" or not state_of(ent[0].text):
            return []
        before = doc[max(0, ent.start - 8) : ent.start - 1]
        return [ent[0]] if any(t.lower_.rstrip(".") in PERSON_TITLES for t in before) else []

    def _person_of_ent(self, ent: Span) -> Speaker | None:
        tokens = list(ent)
        head = ent.root
        if ent.label_ != "PERSON":  # "Defense Lloyd Austin" (ORG): a title glued to a name
            titled = [t for t in tokens if t.lower_.rstrip(".") in PERSON_TITLES] or self._office_state(ent)
            if not titled or titled[-1].i == ent.end - 1:
                return None
            tokens = [t for t in tokens if t.i > titled[-1].i]
            # one word after a full title is a surname too: "Secretary of Defense Austin"
            one = (
                len(tokens) == 1
                and any(
                    t.lower_ in ("secretary", "minister", "president", "ambassador", "chancellor")
                    for t in self.doc[max(0, ent.start - 3) : ent.end]
                )
                and not state_of(tokens[0].text)
            )
            if (len(tokens) < 2 and not one) or not all(
                (t.pos_ == "PROPN" and t.lower_ not in BODY_NOUNS and not _is_title(t))
                or re.fullmatch(r"[A-Z]\.", t.text)
                for t in tokens
            ):
                return None
        else:
            run = _name_run(ent[-1]) if ent[-1].pos_ == "PROPN" else tokens
            if run and run[0].i < ent.start and run[-1].i >= ent.end - 1:
                tokens = run  # "Lloyd J. Austin III" where the recogniser kept "J. Austin III"
        title, name = split_title(tokens)
        while (
            len(name) > 2
            and state_of(name[0].text)
            and name[0].i > 0
            and self.doc[name[0].i - 1].lower_ in ("to", "in", "at", "of")
        ):
            # "Ambassador to Oslo Nikolai Korchunov", "President of Russia Vladimir Putin": the post's
            # place or state, not the name
            name = name[1:]
            posted = name[0].i - 2  # the "to"
            while posted > 0 and (
                _is_title(self.doc[posted - 1])
                or (self.doc[posted - 1].text[:1].isupper() and self.doc[posted - 1].pos_ in ("ADJ", "PROPN"))
            ):
                posted -= 1
            title = list(self.doc[posted : name[0].i])  # "Russian Ambassador to Oslo", the role
        while (
            len(name) > 1
            and name[-1].pos_ not in ("PROPN",)
            and not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|I{2,3}|IV", name[-1].text)
            and not (name[-2].text == "]" and name[-1].text[:1].isupper())  # "[António] Guterres"
        ):
            name = name[:-1]  # "ISHIBA Shigeru Regarding" in a headline
        if not name:
            return None
        # square brackets are an editor's, not the name's: "[António] Guterres" is António Guterres
        text = " ".join(re.sub(r"[\[\]]", " ", _text(self.doc, name)).split())
        role, organization = _role_and_organization(self.doc, head, name[0].i)
        if title and (not role or fold(role) in fold(_text(self.doc, title))):
            role = _without_honorifics(_text(self.doc, title))
        # a wire's name for itself before the lead ("(MENAFN) Venezuelan President") is no part of a role
        role = role.split(")", 1)[1].strip() if ")" in role and "(" not in role.split(")", 1)[0] else role
        state = _state_of_tokens(_left_of(head, name[0].i)) or state_in(role + " " + organization)
        return Speaker(_person_key(text), text, "person", role, organization, state=state)

    def _named_people(self) -> list[tuple[int, Speaker]]:
        people = []
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            person = self._person_of_ent(ent)
            if person is not None and not (person.name == ent.text and state_of(ent.text)):
                # (a capital the recogniser took for a person, "Kyiv", names no one)
                at = (
                    ent.start_char + ent.text.find(person.name) if person.name in ent.text else ent.start_char
                )
                people.append((at, person))
        # a short mention ("Iwaya") is the person named in full ("IWAYA Takeshi"): one entry each
        out: list[tuple[int, Speaker]] = []
        for at, person in people:
            words = set(_name_words(person.name))
            full = [p for _, p in people if words and words < set(_name_words(p.name))]
            out.append((at, full[0] if len({p.key for p in full}) == 1 else person))
        return out

    def _named_bodies(self) -> list[tuple[int, Speaker]]:
        """Bodies the article names, alone or in a role ("Chinese Foreign Ministry spokesman")."""
        bodies = []
        for ent in self.doc.ents:
            if ent.label_ in ("ORG", "FAC") and any(t.lower_ in BODY_NOUNS for t in ent):
                name = _plain_name(ent.text)
                state = state_in(_text(self.doc, list(self.doc[max(0, ent.start - 2) : ent.end])))
                after = self.doc[ent.end : ent.end + 7]
                if not state and len(after) and after[0].lower_ == "of":
                    # "the Ministry of Defense of the puppet Republic of Korea": the state after it
                    place = next(
                        (e for e in self.doc.ents if e.label_ == "GPE" and after.start < e.start < after.end),
                        None,
                    )
                    state = state_of(place.text) if place is not None else ""
                bodies.append((ent.start_char, Speaker(fold(name), name, "organization", state=state)))
        return bodies

    def _full_person(self, name: str, before: int) -> Speaker | None:
        """The fullest earlier (or, failing that, later) mention of a person the name is part of.
        When more than one person fits, `self.doubtful` says so (for the last call)."""
        words = set(_name_words(name))
        self.doubtful = False
        if not words:
            return None
        candidates = [
            (at, p)
            for at, p in self.people
            if words <= set(_name_words(p.name)) and len(_name_words(p.name)) > len(words)
        ]
        earlier = [c for c in candidates if c[0] < before]
        pool = earlier or candidates
        self.doubtful = len({_person_key(p.name) for _, p in pool}) > 1
        if self.doubtful:  # the one of them who spoke last is the likelier
            keys = {_person_key(p.name) for _, p in pool}
            spoke = [s for c, s in self.last_speakers if c < before and s.key in keys]
            if spoke:
                return spoke[-1]
        return pool[-1][1] if pool else None

    def _register(self, speaker: Speaker, mention: tuple[int, int]) -> Speaker:
        known = self.speakers.get(speaker.key)
        if known is None:
            known = self.speakers[speaker.key] = speaker
        else:
            known.role = known.role or speaker.role
            known.organization = known.organization or speaker.organization
            known.state = known.state or speaker.state
        known.mentions.append(mention)
        self.last_speakers.append((mention[0], known))
        return known

    def _person(self, ent: Span) -> Speaker:
        found = self._person_of_ent(ent)
        name = found.name if found is not None else ent.text.strip()
        full = self._full_person(name, ent.start_char)
        role = found.role if found else ""
        organization = found.organization if found else ""
        state = found.state if found else ""
        base = full or next((p for _, p in self.people if p.key == _person_key(name)), None)
        if base is not None:
            return Speaker(
                base.key,
                base.name,
                "person",
                role or base.role,
                organization or base.organization,
                state=state or base.state,
            )
        return Speaker(_person_key(name), name, "person", role, organization, state=state)

    # -- pronouns and descriptions -----------------------------------------------------------

    def resolve_pronoun(self, token: Token) -> Speaker | None:
        """The person or body a pronoun stands for: the last speaker of its kind. When another
        person is named between that speaker and the pronoun's sentence ("Austin ... praised
        Admiral Aquilino. “...,” he said"), `self.doubtful` says the reading is a guess."""
        word = token.lower_
        at = token.idx
        self.doubtful = False
        if word in PERSON_PRONOUNS:
            # a mention read as two people ("both sides": the two who spoke last) is no
            # antecedent of "he" or "she"
            shared = Counter(c for c, _ in {(c, s.key) for c, s in self.last_speakers})
            spoken = [
                (c, s) for c, s in self.last_speakers if c < at and s.kind == "person" and shared[c] == 1
            ]
            named = [(c, p) for c, p in self.people if c < at]
            if not spoken:
                # before anyone spoke, the person the text is about: the subject of the last
                # sentence a person is the subject of ("Kim held talks with Xi ... He thanked"),
                # not merely the last one named
                subjects = [(c, p) for c, p in named if self._is_subject_at(c)]
                named = subjects or named
            # one whose words were only the background of another's sentence ("X's statement comes
            # in the backdrop of Trump's repeated claims that ...") is not who "he" goes on from
            foreground = [(c, s) for c, s in spoken if not self._in_background(c)]
            spoken = foreground or spoken
            described = self._described_before(token)
            if described is not None and all(c < described[0] for c, _ in [*spoken, *named]):
                # "The Secretary-General is deeply alarmed … . He reiterates his call for …": the
                # one the sentence before is about, described, after anyone named or heard
                return described[1]
            if spoken:
                latest = max(spoken, key=lambda pair: pair[0])
                # a person named after that speaker and before the pronoun is the likelier one only
                # when they were named as the subject of a sentence; the last speaker otherwise
                sentence = token.sent.start_char
                self.doubtful = any(
                    latest[0] < c < sentence and p.key != latest[1].key and p.kind == "person"
                    for c, p in self.people
                )
                topic = self._subject_before(token, latest[0]) if self.doubtful else None
                return topic or latest[1]
            return named[-1][1] if named else None
        if word in GROUP_PRONOUNS | THING_PRONOUNS:
            spoken = [(c, s) for c, s in self.last_speakers if c < at and s.kind != "person"]
            return max(spoken, key=lambda pair: pair[0])[1] if spoken else None
        return None

    def _token_at(self, at: int) -> Token | None:
        """The token that starts at character `at`, or None (one index of the document, built once:
        a pronoun asks this of every person who spoke before it)."""
        if self._starts is None:
            self._starts = {t.idx: t for t in self.doc}
        return self._starts.get(at)

    def _in_background(self, at: int) -> bool:
        """Whether the mention at character `at` owns a noun inside a preposition's phrase ("in
        the backdrop of Trump's claims", "amid Trump's remarks"): someone's words the sentence
        sets another's against, not the one it is about."""
        token = self._token_at(at)
        if token is None:
            return False
        root = token
        for _ in range(5):  # "US President John Doe's claims": from the title up to the name's head
            if root.dep_ not in ("compound", "amod", "nmod") or root.head is root:
                break
            root = root.head
        return root.dep_ == "poss" and root.head.dep_ == "pobj"

    def _described_before(self, token: Token) -> tuple[int, Speaker] | None:
        """The subject of the sentence right before a pronoun's when it describes one person by
        office ("The Secretary-General", "the Foreign Minister"), not by name: where it stands,
        and who it is."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        subject = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if (
            subject is None
            or subject.pos_ not in ("NOUN", "PROPN")
            or subject.ent_type_ == "PERSON"
            or subject.tag_ in ("NNS", "NNPS")
            or not any(c.lower_ == "the" for c in subject.children)
            or not (subject.lower_ in PERSON_NOUNS or _is_title(subject))
        ):
            return None
        found = self.resolve(subject).speaker
        if found is None or found.kind != "person":
            return None
        return subject.idx, found

    def _subject_before(self, token: Token, since: int) -> Speaker | None:
        """The one person named as the subject of the sentence right before the pronoun's, after
        the last speaker: the reporter brought them in to speak next ("Britain's ambassador Jane
        Roe lashed out at Israel. / “…,” she stated."), and "he" or "she" goes on from them."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        if not before.text.strip() and before.start > 0:
            before = self.doc[before.start - 1].sent
        found = {
            p.key: p
            for c, p in self.people
            if since < c
            and before.start_char <= c < sentence.start_char
            and p.kind == "person"
            and self._is_subject_at(c)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _is_subject_at(self, at: int) -> bool:
        """Whether the name starting at character `at` is the subject of a verb, outside quotation
        marks."""
        token = self._token_at(at)
        if token is None:
            return False
        ent = _entity_of(token)
        root = ent.root if ent is not None else token
        if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
            root = root.head  # "The British ambassador, Jane Roe, spoke out": the subject's name
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            # "It was announced on Friday by Defence Secretary John Healey": the one who did it
            return root.head.head.pos_ in ("VERB", "AUX")
        if root.dep_ not in ("nsubj", "nsubjpass") or root.head.pos_ not in ("VERB", "AUX"):
            return False
        before = self.doc.text[root.sent.start_char : root.idx]
        return sum(before.count(m) for m in '"“”') % 2 == 0

    def _as_named(self, speaker: Speaker) -> list[Speaker]:
        """The speaker and each mention of them the article names, with the role given there (a
        transcript's principal, registered from the headline, has no role of their own)."""
        return [speaker, *(p for _, p in self.people if p.key == speaker.key)]

    def _owners_state(self, head: Token) -> str:
        """The state of the one a possessive pronoun stands for ("His office said", "her
        spokesman said", after President X spoke): the office or aide of a state's official
        speaks for that state."""
        its = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"), None)
        if its is not None and head.lower_ in BODY_NOUNS:
            # "evacuated from Thailand's border regions, its health ministry said": the body of
            # the state named last before it, in its sentence or the one before
            start = its.sent.start - 1
            start = self.doc[start].sent.start if start >= 0 else 0
            states = [
                state_of(e.text)
                for e in self.doc.ents
                if e.label_ == "GPE" and start <= e.start and e.end <= its.i and state_of(e.text)
            ]
            return states[-1] if states else ""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None or not (head.lower_ in BODY_NOUNS or head.lower_ in PERSON_NOUNS):
            return ""
        spoken = [(c, s) for c, s in self.last_speakers if c < owner.idx and s.kind == "person" and s.named]
        return max(spoken, key=lambda pair: pair[0])[1].state if spoken else ""

    def _main_subject(self, pronoun: Token) -> Speaker | None:
        """The subject of the sentence a pronoun sits in a clause of, when it can be what the
        pronoun stands for: "Taiwan condemned China for what it described as ..." is Taiwan's
        description, whoever spoke last before the sentence."""
        word = pronoun.lower_
        root = pronoun.sent.root
        if word not in PERSON_PRONOUNS | THING_PRONOUNS or root not in pronoun.ancestors:
            return None
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON" or subject.i > pronoun.i:
            return None
        if not (subject.ent_type_ or subject.pos_ == "PROPN"):
            return None  # a named subject only: "the drills" or "the talks" are no antecedent
        found = self.resolve(subject).speaker
        if found is None:
            return None
        wanted = ("person",) if word in PERSON_PRONOUNS else ("place", "organization")
        return found if found.kind in wanted else None

    def _author(self, head: Token, noun: str) -> Speaker | None:
        """Who issued the document a definite description names ("The post said …"): the subject
        of the verb the same noun's nearest earlier mention hangs from ("Pakistan's Ministry of
        Foreign Affairs disclosed this through a post on X", "the ministry in a message said …");
        a mention that is itself a subject ("The post said") passes to the one before it."""
        for token in reversed(self.doc[: head.i]):
            if token.pos_ != "NOUN" or token.lemma_.lower() != noun:
                continue
            over = token.head
            while over.dep_ == "prep" and over.head is not over:
                over = over.head
            if over.dep_ in ("nsubj", "nsubjpass") and over.pos_ in ("NOUN", "PROPN"):
                subject: Token | None = over  # "the ministry in a message said": the phrase is its own
            else:
                subject = _subject_child(over) if over.pos_ in ("VERB", "AUX") else None
            issuer = _issuer(token, over)
            if issuer is not None:  # "the statement was issued by X", "a statement from X"
                subject = issuer
            if subject is None or subject.i == token.i:
                continue
            found = self.resolve(subject).speaker
            if found is not None and found.kind in ("organization", "place", "person"):
                return found
            return None
        return None

    def _introduced_next(self, head: Token) -> Speaker | None:
        """The expert an indefinite description ("an expert noted …") announces: the first person
        the next sentence names, if the article gives them a scholar's post ("Jane Roe, a senior
        fellow at …"); None when that first person is not one. An unnamed official is not read so:
        the next official named is as often another source ("An official also confirmed …").
        """
        start = head.sent.end
        while start < len(self.doc) and self.doc[start].is_space:
            start += 1
        if start >= len(self.doc):
            return None
        nxt = self.doc[start].sent
        after = sorted(
            (c, p) for c, p in self.people if nxt.start_char <= c < nxt.end_char and p.kind == "person"
        )
        if not after:
            return None
        person = after[0][1]
        held = set(re.findall(r"[a-z]+", fold(f"{person.role} {person.organization}")))
        return person if held & (EXPERT_NOUNS | _SCHOLARLY) else None

    def _body_named_next(self, noun: str, at: int) -> Speaker | None:
        """The body a definite description announces before the article names it ("The official
        news agency of the DPRK on Saturday condemned …" then "the Korean Central News Agency
        (KCNA) said"): the one body named after `at`, in the next two paragraphs, whose name ends
        in the description's head noun; None when none or several do."""
        paragraphs = [m.start() for m in re.finditer(r"\n\s*\n|\n", self.doc.text) if m.start() > at]
        until = paragraphs[2] if len(paragraphs) > 2 else len(self.doc.text)
        found = {
            b.key: b
            for c, b in self.bodies
            if at < c < until and fold(b.name).split()[-1:] == [noun] and len(b.name.split()) > 1
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _office_holders_state(self, head: Token, state: str) -> str:
        """The state whose leader's office `head` ("office") is: its owner's ("Lee's office", a
        person of a state), or, for "the presidential office", the state it names, else the state of
        the president named last before it."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            found = self.resolve(owner).speaker if owner.pos_ == "PROPN" else None
            return found.state if found is not None and found.kind == "person" else ""
        if not any(c.lower_ in ("presidential", "president's") for c in head.children):
            return ""
        if state:
            return state
        presidents = [
            p
            for c, p in self.people
            if c < head.idx and p.kind == "person" and p.state and "president" in fold(p.role)
        ]
        return presidents[-1].state if presidents else ""

    def _in_lead(self, at: int) -> bool:
        """Whether `at` is in the article's lead (its first sentence, or the one after a headline
        line) and no person is named before it."""
        sentences = [s for s in self.doc.sents if s.text.strip()]
        if not sentences:
            return False
        lead = sentences[_lead_index(sentences, past_datelines=True)]
        return lead.start_char <= at < lead.end_char and not any(
            c < lead.start_char for c, p in self.people if p.kind == "person"
        )

    def _joint_party(self, head: Token) -> Speaker | None:
        """For "the two leaders", "both ministers", "both nations" (no "of" phrase): the first
        party a sentence just before names as the subject of a meeting, a call or talks ("X met
        with Y") or of anything done by two ("Both Australia and New Zealand raised …")."""
        if head.lemma_.lower() not in _JOINT_NOUNS or any(c.dep_ == "prep" for c in head.children):
            return None
        marks = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "preconj")}
        if not marks & {"both", "two"}:
            return None
        for sentence in _sentences_before(head.sent, 3):
            for verb in [t for t in sentence if t.pos_ in ("VERB", "AUX")]:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                first = self._first_party(subject, verb.lemma_.lower() in _MEETING_VERBS)
                if first is not None:
                    return first
        return None

    def _first_party(self, subject: Token | None, meeting: bool) -> Speaker | None:
        """The first party a subject names: the first of two joined ("Australia and New Zealand"),
        or the one subject of a meeting; a person named there, or a state."""
        if subject is None:
            return None
        joined = next((c for c in subject.children if c.dep_ in ("cc", "conj")), None)
        if joined is None and not meeting:
            return None
        end = joined.i if joined is not None else subject.right_edge.i + 1
        words = [t for t in subject.subtree if t.i < end and t.dep_ not in ("det", "preconj")]
        if not words:
            return None
        span = (words[0].idx, words[-1].idx + len(words[-1].text))
        named = [p for c, p in self.people if span[0] <= c < span[1]]
        if named:
            return named[0]
        state = state_of(_text(self.doc, words))
        return Speaker(f"state:{state}", _text(self.doc, words), "place", state=state) if state else None

    def _lead_named_next(self, head: Token) -> Speaker | None:
        """The person the sentence after an article's first names as the subject of its verb,
        for a person's description in that first sentence when no person is named before it:
        the lead describes the one the body then names. None when the next sentence's subject
        names nobody, or when someone is named in the lead."""
        sentences = [s for s in self.doc.sents if s.text.strip()]
        lead = _lead_index(sentences)
        # the headline's description is the lead's too ("Defence secretary warns …")
        if len(sentences) < lead + 2 or head.sent.start not in {sentences[lead].start, sentences[0].start}:
            return None
        if any(c < sentences[lead].end_char for c, p in self.people if p.kind == "person"):
            return None
        # the body names them as the subject of a sentence soon after, perhaps after a sentence of
        # background ("Unless the two sides reach …" and then "…, Russian Deputy Foreign Minister
        # Sergei Ryabkov, who oversees arms control issues, told …")
        for after in sentences[lead + 1 : lead + 4]:
            found = {
                p.key: p
                for c, p in self.people
                if after.start_char <= c < after.end_char and p.kind == "person" and self._is_subject_at(c)
            }
            if found:
                named = next(iter(found.values())) if len(found) == 1 else None
                # an office the description names is theirs: "The defence secretary …" is not the
                # "Prime Minister Keir Starmer" named after
                office = head.lower_ if head.lower_ in PERSON_TITLES else ""
                held = fold(" ".join(p.role for p in self._as_named(named))) if named is not None else ""
                return None if office and held and office not in held else named
            if any(after.start_char <= c < after.end_char for c, p in self.people if p.kind == "person"):
                return None  # someone else named first, not as a subject
        return None

    def _named_later_as(self, noun: str, at: int, states: frozenset[str]) -> Speaker | None:
        """The one person named after `at` whose role holds the noun ("spokesperson"), of the
        states the description names, or of no state said, in the next paragraph at most ("The
        Chinese ambassador to the U.N. said … / “…,” Ambassador Fu Cong said."); None when none or
        several fit."""
        paragraphs = re.compile(r"[^\n]*\n\s*[^\n]*").match(self.doc.text, at)
        near = paragraphs.end() if paragraphs is not None else -1
        holders = [
            (c, p)
            for c, p in self.people
            if c > at
            and p.kind == "person"
            and _role_score(noun, set(), fold(f"{p.role} {p.organization}").split())
        ]
        found = {
            p.key: p
            for c, p in holders
            if not states or p.state in states or (not p.state and (near < 0 or c < near))
        }
        if (
            not found
            and states
            and self._in_lead(at)
            and len({p.key for _, p in holders}) == 1
            and not holders[0][1].state
        ):
            # the one holder the whole article names after it, of no state said, further on ("a
            # Chinese Foreign Ministry spokesperson said" in the lead, "spokesperson Guo Jiakun"
            # three paragraphs on), when every later mention of the office is theirs (not "Another
            # spokesperson, Mao Ning")
            named_at = [c for c, p in holders]
            described = self._token_at(at)
            sentence_end = described.sent.end_char if described is not None else at
            offices = [
                m.start() for m in re.finditer(rf"\b{re.escape(noun)}\b", self.doc.text[sentence_end:], re.I)
            ]
            if all(any(0 <= c - (sentence_end + o) <= 40 for c in named_at) for o in offices):
                return holders[0][1]
        return next(iter(found.values())) if len(found) == 1 else None

    def _coreferent(  # noqa: C901
        self, noun: str, words: set[str], at: int, states: frozenset[str] = frozenset(), owner: str = ""
    ) -> Speaker | None:
        """The person or body named before `at` that a definite description stands for: one whose
        role, organisation or name holds its head noun (or, for a generic 'official', 'diplomat',
        the last person who spoke). A description that names states ("the South Korean minister")
        never stands for a person of another state; one whose head is not a person's ("the
        forum", "the Egyptian message") never for whoever spoke last."""
        if noun in BODY_NOUNS:
            pool = [
                (c, s)
                for c, s in [*self.bodies, *self.last_speakers]
                if c < at and s.kind in ("organization", "place")
            ]
            for _, body in sorted(pool, key=lambda pair: pair[0], reverse=True):
                if noun in fold(body.name).split():
                    return body
            people = [
                (c, p)
                for c, p in [*self.people, *self.last_speakers]
                if c < at and p.kind == "person" and noun in fold(p.organization).split()
            ]
            if people:  # "Chinese Foreign Ministry spokesman Lin Jian ... the ministry said"
                person = max(people, key=lambda pair: pair[0])[1]
                name = _plain_name(person.organization)
                return Speaker(
                    fold(name), name, "organization", state=person.state or state_in(person.organization)
                )
            return None
        people = [
            (c, p)
            for c, p in [*self.people, *self.last_speakers]
            if c < at and p.kind == "person" and not (states and p.state and p.state not in states)
        ]
        if not people:
            return None
        # a person the article names with the office comes before an unnamed one described by
        # it ("a Chinese envoy said ..., said Fu Cong, China's permanent representative ... the
        # Chinese envoy said": Fu Cong)
        for pool in ([(c, p) for c, p in people if p.named], people):
            best: tuple[int, int, Speaker] | None = None
            for c, person in pool:
                held = fold(f"{person.role} {person.organization}").split()
                score = _role_score(noun, words, held)
                if score and (best is None or (score, c) > (best[0], best[1])):
                    best = (score, c, person)
            if best is not None:
                return best[2]
        if noun in EXPERT_NOUNS:
            # "the expert notes": the last person the article introduced as one ("Olena Koval, a
            # political scientist"), never an official who spoke between them
            experts = [
                (c, p)
                for c, p in people
                if EXPERT_NOUNS & set(re.findall(r"[a-z]+", fold(f"{p.role} {p.organization}")))
            ]
            if experts:
                return max(experts, key=lambda pair: pair[0])[1]
        if noun not in PERSON_NOUNS:
            return None  # "the forum", "the message": no person, so not the last speaker
        if owner:  # "the head of Russia’s Gazprom": of a body nobody named before works for
            return None
        # "the diplomat", "the president", "the head of state": the person who spoke last (or,
        # before anyone spoke, the last official named)
        # a description that names a state ("the top U.S. envoy") is someone of that state, never
        # a last speaker whose state the article does not give
        spoken = [
            (c, s)
            for c, s in self.last_speakers
            if c < at
            and s.kind == "person"
            and s.named
            and (not states or s.state in states)
            and not any(_holds_other_office(noun, p) for p in self._as_named(s))
            and not any(_holds_another_kind(noun, p) for p in self._as_named(s))
            and not any(_another_head_office(noun, words, p) for p in self._as_named(s))
        ]
        if spoken:
            return max(spoken, key=lambda pair: pair[0])[1]
        officials = [
            (c, p)
            for c, p in self.people
            if c < at
            and p.role
            and (not states or p.state in states)
            and not any(_holds_other_office(noun, q) for q in self._as_named(p))
            and not any(_holds_another_kind(noun, q) for q in self._as_named(p))
            and not any(_another_head_office(noun, words, q) for q in self._as_named(p))
        ]
        return max(officials, key=lambda pair: pair[0])[1] if officials else None

    # -- the subject of a cue ------------------------------------------------------------------

    # Over the complexity cap: the ways a subject names a speaker (pronoun, title, apposition, name,
    # body, state, description) tried in order.
    def resolve(self, head: Token) -> Resolution:  # noqa: C901
        """The speaker a subject token names, registered in the book."""
        doc = self.doc
        if head.pos_ == "PRON":
            mention = (head.idx, head.idx + len(head.text))
            main = self._main_subject(head)
            if main is not None:  # another person named between them makes it a guess
                between = any(
                    main.mentions and main.mentions[-1][0] < c < head.idx and p.key != main.key
                    for c, p in self.people
                )
                return Resolution(self._register(main, mention), mention, "pronoun", between)
            speaker = self.resolve_pronoun(head)
            if speaker is None:
                return Resolution(None, mention, "unknown")
            return Resolution(self._register(speaker, mention), mention, "pronoun", self.doubtful)
        ent = _entity_of(head)
        # "the French envoy, Claire Dubois" (a role, then the name), or a dateline the parser took
        # for the subject ("OSLO, Nov. 8 (Wire) Maria Keller, ... said"): the person is the speaker.
        # A title the parser took for a proper noun is a role too ("EU Energy Commissioner, Dan
        # Jorgensen, has said").
        titled_head = (
            head.pos_ == "PROPN"
            and _is_title(head)
            and (ent is None or (ent.label_ == "ORG" and ent.end - 1 == head.i))
        )
        if (
            (ent is None or titled_head)
            and (head.pos_ == "NOUN" or titled_head or (head.pos_ == "PROPN" and head.i == head.sent.start))
        ) or (ent is not None and ent.label_ in ("GPE", "ORG") and head.i == head.sent.start):
            named = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "appos" and (e := _entity_of(c)) is not None and e.label_ == "PERSON"
                ),
                None,
            )
            if named is not None:
                person_ent = _entity_of(named)
                assert person_ent is not None
                speaker = self._person(person_ent)
                if head.pos_ == "NOUN" or titled_head:
                    role_tokens = _strip_det([t for t in head.subtree if t.i <= head.i])
                    # the role with its body, up to the name ("Deputy spokesperson of the Chinese
                    # Foreign Ministry Mao Xia"), over the body alone the name's run gave
                    described = _strip_det(
                        [t for t in head.subtree if t.i < person_ent.start and t.dep_ != "punct"]
                    )
                    contiguous = [t.i for t in described] == list(
                        range(described[0].i, described[-1].i + 1) if described else []
                    )
                    whole = _text(doc, described) if described and contiguous else ""
                    if (
                        whole
                        and "\n" not in whole
                        and (not speaker.role or fold(speaker.role) in fold(whole))
                    ):
                        speaker.role = whole
                    speaker.role = speaker.role or _text(doc, role_tokens)
                    speaker.state = speaker.state or _state_of_tokens(role_tokens)
                mention = (person_ent.start_char, person_ent.end_char)
                return Resolution(self._register(speaker, mention), mention, "named")
        titled = _name_after_title(head) if ent is None else None
        if titled is None and ent is None:
            titled = _name_ending_title(head)
        if titled is not None:
            # "said Assistant to the Secretary of Defense for Public Affairs Sean Parnell": a title
            # of capitalised words the parser read as the subject, ending in a person's name
            speaker = self._person(titled)
            role_tokens = [t for t in doc[head.i : titled.start] if not t.is_space]
            whole = _text(doc, role_tokens)
            if not speaker.role or fold(speaker.role) in fold(whole):
                speaker.role = whole  # "Deputy Under Secretary of Defense", over "Secretary of Defense"
            speaker.state = speaker.state or _state_of_tokens(role_tokens)
            mention = (titled.start_char, titled.end_char)
            return Resolution(self._register(speaker, mention), mention, "named")
        if ent is None:  # the name may sit in a compound under the head: "U.S. officials"
            inner = next(
                (
                    e
                    for e in doc.ents
                    if e.root.head == head and e.label_ in ("PERSON", "ORG") and e.root.dep_ == "compound"
                ),
                None,
            )
            if inner is not None and inner.label_ == "ORG":
                ent = inner
        if (
            ent is not None
            and ent.label_ != "PERSON"
            # "Guterres said" tagged a common noun inside an organisation's name: a capitalised
            # word that is part of a person's name named before is that person
            and (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper()))
            and not state_of(ent.text)
            and len(ent) <= 2
        ):
            full = self._full_person(ent.text, ent.start_char)  # "Wang" read as an organisation
            if full is not None:
                mention = (ent.start_char, ent.end_char)
                return Resolution(self._register(full, mention), mention, "short-name", self.doubtful)
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and head.pos_ == "PROPN":
            person = self._person_of_ent(ent)
            if person is not None and ent.end - 1 == head.i:
                ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= head.i < e.end), ent)
                if ent.label_ != "PERSON":
                    speaker = self._person_from(person, ent.start_char)
                    mention = (ent.start_char, ent.end_char)
                    return Resolution(self._register(speaker, mention), mention, "named")
        if ent is not None and ent.label_ == "PERSON":
            speaker = self._person(ent)
            doubtful = self.doubtful
            mention = (ent.start_char, ent.end_char)
            how = (
                "named"
                if _person_key(_plain_person(ent.text)) == speaker.key or len(_name_words(ent.text)) > 1
                else "short-name"
            )
            return Resolution(
                self._register(speaker, mention), mention, how, doubtful and how == "short-name"
            )
        if (
            ent is not None
            and ent.label_ not in ("PERSON",)
            and head.pos_ == "PROPN"
            and ent.label_ not in ("ORG", "NORP")
            and not state_of(ent.text)
        ):
            full = self._full_person(ent.text, ent.start_char)  # "Austin" read as a place
            if full is not None:
                mention = (ent.start_char, ent.end_char)
                return Resolution(self._register(full, mention), mention, "short-name")
        if (
            ent is not None
            and ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC")
            and (ent.root == head or head.i in range(ent.start, ent.end))
        ):
            return self._body(head, ent)
        return self._description(head)

    def _state_from_context(self, name: str, at: int) -> str:
        """The state of a body named without one ("the Foreign Ministry") from an earlier mention
        that gave it ("Chinese Foreign Ministry spokesman Lin Jian")."""
        key = fold(name)
        # the ministry of a minister named before: "Foreign Minister Wang Yi ... the Foreign Ministry";
        # a name with a writer's epithet before it: "the puppet Ministry of Defense"
        proper = fold(re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", name))
        keys = {key, proper, re.sub(r"\bministry\b", "minister", key)} - {""}
        for c, known in sorted(
            [*self.people, *self.bodies, *self.last_speakers], key=lambda pair: pair[0], reverse=True
        ):
            held = fold(f"{known.name} {known.organization} {known.role}")
            if c < at and known.state and any(k in held for k in keys):
                return known.state
        return ""

    def _person_from(self, person: Speaker, at: int) -> Speaker:
        full = self._full_person(person.name, at)
        if full is not None:
            return Speaker(
                full.key,
                full.name,
                "person",
                person.role or full.role,
                person.organization or full.organization,
                state=person.state or full.state,
            )
        return person

    def _body(self, head: Token, ent: Span) -> Resolution:
        doc = self.doc
        line = _line_start(head)  # a name never runs across a line: "…posts overnight\n\n• Pakistan"
        tokens = _strip_det(
            [
                t
                for t in head.subtree
                if line <= t.i <= max(head.i, ent.end - 1)
                and (
                    # the head and its own words stay, even as the subject of a relative clause
                    # ("a document that the White House described as"): that clause is not theirs
                    t == head
                    or (
                        t.dep_ not in ("appos", "relcl", "acl", "punct")
                        and (t.head == head or t.head.dep_ not in ("appos", "relcl", "acl"))
                    )
                )
            ]
        )
        while tokens and not re.search(r"\w", tokens[0].text):
            tokens = tokens[1:]  # a bullet or a dash opening the line ("• Pakistan confirms")
        name = _plain_name(_text(doc, tokens) or ent.text)
        mention = (
            (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
            if tokens
            else (ent.start_char, ent.end_char)
        )
        title, person = split_title(tokens)
        if (
            title
            and len(person) >= 2
            and person[-1].text[:1].isupper()
            and any(t.ent_type_ == "PERSON" for t in person)
            and all(t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in person)
        ):
            # "EU Commission President Ursula von der Leyen" with "Leyen" taken for a place: a
            # title and a person's name, not a body named with all of it
            named = self._person(doc[person[0].i : person[-1].i + 1])
            if not named.role:
                named = replace(named, role=_text(doc, title))
            at = (person[0].idx, person[-1].idx + len(person[-1].text))
            return Resolution(self._register(named, at), at, "named")
        place = state_of(name)
        if place and ent.label_ in ("GPE", "LOC", "ORG", "FAC", "NORP"):
            voice = self._voice_of_seat(name, place, head.idx) or self._seat_voice_named_next(name, head)
            if voice is not None:  # "Russian presidential spokesman Dmitry Peskov … The Kremlin
                # will ask …: “Here I need to clarify …”": the one who speaks for the seat
                return Resolution(self._register(voice, mention), mention, "description", True)
            speaker = Speaker(f"state:{place}", name, "place", state=place)
            return Resolution(self._register(speaker, mention), mention, "named")
        if ent.label_ == "NORP" and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in BODY_NOUNS:
            return self._description(head)
        state = state_in(_text(doc, list(head.subtree))) or self._state_from_context(name, head.idx)
        kind = "organization"
        if head.tag_ in ("NNS",) and head.lower_ not in BODY_NOUNS:
            kind = "group"
        speaker = Speaker(fold(name), name, kind, state=state)
        return Resolution(self._register(speaker, mention), mention, "named")

    def _voice_of_seat(self, name: str, state: str, at: int) -> Speaker | None:
        """The spokesperson of a head of state's or government's seat ("the Kremlin", "the White
        House") the article named before `at` as the one who speaks for it ("Russian presidential
        spokesman Dmitry Peskov", "Kremlin spokesman …", "White House press secretary …"): the
        seat's words are that person's, not the state's. None when nobody, or two, were so named."""
        seat = fold(_plain_name(name))
        if seat not in _SEATS:
            return None
        found = {
            p.key: p
            for c, p in self.people
            if c < at and p.kind == "person" and p.state in ("", state) and _speaks_for_seat(seat, p)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_initials(self, letters: str, at: int) -> Speaker | None:
        """The one person named before `at` with a title just before their name whose words the
        letters abbreviate ("DPM/FM": "Deputy Prime Minister/Foreign Minister"); None for none or
        several."""
        pattern = r"\s*/\s*".join(
            r"\s+".join(rf"{letter}[a-z]+" for letter in part) for part in letters.split("/")
        )
        found = {
            p.key: p
            for c, p in self.people
            if c < at
            and p.kind == "person"
            and re.search(rf"\b{pattern}\b", self.doc.text[max(0, c - 100) : c])
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _seat_voice_named_next(self, name: str, head: Token) -> Speaker | None:
        """The spokesperson the body names right after a lead that gives words to a seat ("The
        Kremlin said Tuesday that … / Top spokesman Dmitry Peskov spoke to reporters …"): the one
        who said them for it. None when the next sentences name no spokesperson as their subject."""
        if fold(_plain_name(name)) not in _SEATS:
            return None
        named = self._lead_named_next(head)
        if named is None:
            return None
        # two voices of it named right after ("Kremlin spokesman Dmitry Peskov told reporters … Kremlin
        # aide Yuri Ushakov told reporters …"): whose words the lead sums up is not said
        sentences = [s for s in self.doc.sents if s.text.strip()]
        lead = _lead_index(sentences)
        after = sentences[lead + 1 : lead + 4]
        voices = {
            p.key
            for c, p in self.people
            if p.kind == "person"
            and any(a.start_char <= c < a.end_char for a in after)
            and self._is_subject_at(c)
        }
        if len(voices) > 1:
            return None
        held = re.findall(
            r"[a-z]+", fold(" ".join(f"{p.role} {p.organization}" for p in self._as_named(named)))
        )
        voice = any(w.startswith("spokes") for w in held) or "press secretary" in " ".join(held)
        return named if voice else None

    # Over the complexity cap: a surname, a name the recogniser missed, a definite description and
    # an anonymous one are told apart in turn.
    def _description(self, head: Token) -> Resolution:  # noqa: C901
        """A common-noun subject: "experts", "the diplomat", "a State Department official who
        spoke ..."."""
        doc = self.doc
        if head.pos_ == "PROPN":  # a surname the recogniser did not mark: "Sato said"
            full = self._full_person(head.text, head.idx)
            if full is not None:
                mention = (head.idx, head.idx + len(head.text))
                return Resolution(self._register(full, mention), mention, "short-name")
            run = _name_run(head)
            title, name = split_title(run)
            if len(name) >= 2 and all(t.text[:1].isupper() for t in name if t.is_alpha):
                text = _text(doc, name)
                role, organization = _role_and_organization(doc, head, name[0].i)
                speaker = Speaker(
                    _person_key(text),
                    text,
                    "person",
                    role or _text(doc, title),
                    organization,
                    state=_state_of_tokens(_left_of(head, name[0].i)),
                )
                mention = (name[0].idx, name[-1].idx + len(name[-1].text))
                return Resolution(self._register(speaker, mention), mention, "named")
        inside = next(
            (
                e
                for e in doc.ents
                if e.label_ == "PERSON"
                and e.root.head.i != e.root.i
                and e.root.dep_ != "poss"  # "Lloyd Austin’s spokesman": not Austin, his spokesman
                # "a spokesman for Holm", "an adviser to President Lee": the one served (not a name
                # the parse hung from the title's phrase after a body: "… of the Ministry Mao Xia")
                and not (
                    e.root.dep_ == "pobj"
                    and e.root.head.lower_ in ("for", "to")
                    and e.root.head.head == head
                    and all(t in e.root.subtree for t in doc[e.root.head.i + 1 : e.start])
                )
                and head.left_edge.i <= e.start
                and e.end - 1 <= head.right_edge.i
                and not any(
                    a.dep_ in ("relcl", "acl", "ccomp")
                    for a in e.root.ancestors
                    if a.i != head.i and head in a.ancestors
                )
                and not any(  # "The Secretary and Minister Gallant": Gallant is another speaker
                    a.dep_ == "conj"
                    for a in [e.root, *e.root.ancestors]
                    if a.i != head.i and head in a.ancestors
                )
            ),
            None,
        )
        if inside is not None and head.pos_ in ("NOUN", "PROPN") and _is_title(head):
            # "Chief of the General Staff of the Russian Armed Forces Valery Gerasimov said"
            speaker = self._person(inside)
            mention = (inside.start_char, inside.end_char)
            return Resolution(self._register(speaker, mention), mention, "named")
        tokens = [t for t in head.subtree if not (t.dep_ == "punct" and t.i in (head.left_edge.i,))]
        if not tokens:  # a mark the parse took for a subject ("Trump’s talking": the "’s") names nobody
            return Resolution(None, None, "unknown")
        tokens = sorted(tokens, key=lambda t: t.i)
        mention = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        core = _strip_det([t for t in head.subtree if t.i <= head.i])
        core_key = fold(_text(doc, core))
        words = set(core_key.split())
        noun = head.lemma_.lower() if head.tag_ in ("NNS", "NNPS") else head.lower_
        definite = (
            tokens[0].lower_ in ("the", "this", "that")
            or (head.i > 0 and doc[head.i - 1].lower_ == "the")
            or _owned_by_a_state(head)
        )
        state = _state_of_tokens(
            [
                t
                for t in head.subtree
                if not any(
                    a.dep_ in ("relcl", "acl") for a in t.ancestors if head in a.ancestors or a is head
                )
                and t.dep_ not in ("relcl", "acl")
            ]
        ) or self._owners_state(head)
        if definite and noun in DOCUMENT_NOUNS and head.tag_ not in ("NNS", "NNPS"):
            # "The post said" after "the ministry disclosed this through a post": who issued it;
            # "The Egyptian message said": the state it names
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            author = None
            if owner is not None and owner.pos_ in ("NOUN", "PROPN"):
                # "the ministry's statement on Telegram added": whoever its owner is
                found = self.resolve(owner).speaker
                if found is not None and found.kind in ("organization", "place", "person"):
                    author = found
            if author is None:
                author = self._author(head, noun)
            if author is None and state:
                author = Speaker(f"state:{state}", _text(doc, core), "place", state=state)
            if author is not None:
                return Resolution(self._register(author, mention), mention, "description")
        if noun == "side" and state and head.tag_ not in ("NNS", "NNPS"):
            # "The Ukrainian side emphasized …", "the Chinese side said": the state, as a read-out
            # of talks calls each party
            side = Speaker(f"state:{state}", _text(doc, core), "place", state=state)
            return Resolution(self._register(side, mention), mention, "description")
        if noun == "office" and head.tag_ not in ("NNS", "NNPS"):
            # "Lee's office said", "the presidential office said": the office of a head of state or
            # government speaks for their state
            served = self._office_holders_state(head, state)
            if served:
                office = Speaker(f"state:{served}", _text(doc, core), "place", state=served)
                return Resolution(self._register(office, mention), mention, "description")
        abbreviated = re.fullmatch(r"[A-Z]{2,5}(?:/[A-Z]{2,5})*", "".join(t.text for t in core))
        if definite and abbreviated is not None:
            # "the DPM/FM reaffirmed …" after "Deputy Prime Minister/Foreign Minister, Senator
            # Mohammad Ishaq Dar": the one whose title the letters abbreviate
            titled = self._by_initials(abbreviated.group(0), head.idx)
            if titled is not None:
                return Resolution(self._register(titled, mention), mention, "description")
        if definite and head.tag_ not in ("NNS", "NNPS"):
            known = self._coreferent(noun, words, head.idx, _states_named(head), _body_of(head))
            if known is None and noun in BODY_NOUNS:
                known = self._body_named_next(noun, head.idx)
            if known is not None:
                return Resolution(self._register(known, mention), mention, "description")
        if (
            (definite or _headline_line(head.sent))
            and head.tag_ not in ("NNS", "NNPS")
            and noun in PERSON_NOUNS
        ):
            # the lead's (or the headline's) "The defence secretary has said …", and the body names
            # him as the one who spoke: "It was announced … by Defence Secretary John Healey"
            named = self._lead_named_next(head)
            if named is not None:
                return Resolution(self._register(named, mention), mention, "description")
        if definite and head.tag_ not in ("NNS", "NNPS"):
            for _, earlier in reversed(self.last_speakers):  # the same description met before
                if core_key and core_key in earlier.key:
                    return Resolution(self._register(earlier, mention), mention, "description")
        if tokens[0].lower_ in ("a", "an") and head.tag_ not in ("NNS", "NNPS") and noun in EXPERT_NOUNS:
            # "An expert noted that … . Jane Roe, a senior fellow at …, said": the one the next
            # sentence introduces as one
            introduced = self._introduced_next(head)
            if introduced is not None:
                return Resolution(self._register(introduced, mention), mention, "description")
        if definite and head.tag_ not in ("NNS", "NNPS") and noun in _KIN:
            # the lead's "The North Korean leader's powerful sister has condemned …", and the next
            # sentence names her as the one who spoke: "In a statement …, Kim Yo Jong slammed …"
            named = self._lead_named_next(head)
            if named is not None:
                return Resolution(self._register(named, mention), mention, "description")
        joint = self._joint_party(head) if head.tag_ in ("NNS", "NNPS") else None
        if joint is not None:
            # "Both nations complained …" after "Both Australia and New Zealand raised …", "the two
            # ministers said …" after "X met Y": what the parties say together is the first
            # named's (benchmarks/devsets/README.md)
            return Resolution(self._register(joint, mention), mention, "description")
        described_later = noun.startswith("spokes") or (noun in _ENVOY_WORDS and _states_named(head))
        if described_later and head.tag_ not in ("NNS", "NNPS"):
            # nobody named before holds it (a definite one found nobody above): "the US special
            # envoy on Ukraine said …" in the lead, "US special envoy Keith Kellogg" named after
            later = self._named_later_as(noun, head.idx, _states_named(head))
            if later is not None:  # "A spokesperson of the Chinese Foreign Ministry said ... /
                # Chinese Foreign Ministry Spokesperson Mao Ning said": the one named after
                return Resolution(self._register(later, mention), mention, "description")
        if not core:
            return Resolution(None, mention, "unknown")
        # the description itself, up to the head and its "of"/"from" phrase: no relative clause
        kept = _strip_det(
            [
                t
                for t in head.subtree
                if t.dep_ not in ("relcl", "acl", "appos")
                and not any(
                    a.dep_ in ("relcl", "acl", "appos")
                    for a in t.ancestors
                    if a.i > head.i or a.head == head and a.dep_ != "prep"
                )
            ]
        )
        described = _un_office(doc, _text(doc, kept) or _text(doc, core))
        plural = head.tag_ in ("NNS", "NNPS")
        if noun in BODY_NOUNS and not plural:
            kind = "organization"
        elif plural:
            kind = "group"
        elif noun in PERSON_NOUNS:
            kind = "person"
        else:
            kind = "unknown"
        speaker = Speaker(fold(described), described, kind, role=_text(doc, core), state=state, named=False)
        return Resolution(self._register(speaker, mention), mention, "description")


def _sentences_before(sentence: Span, count: int) -> list[Span]:
    """The `count` sentences with words before `sentence`, the nearest first (walked back, not
    the whole document read again)."""
    out: list[Span] = []
    at = sentence.start
    while at > 0 and len(out) < count:
        before = sentence.doc[at - 1].sent
        if before.text.strip():
            out.append(before)
        at = before.start
    return out


# the parties to talks a read-out speaks of together ("the two leaders", "both ministers")
_JOINT_NOUNS = frozenset(
    {"leader", "minister", "side", "party", "nation", "country", "president", "delegation", "counterpart"}
)
_MEETING_VERBS = frozenset({"meet", "hold", "talk", "speak", "call", "host", "receive", "visit", "discuss"})


def _un_office(doc: Doc, described: str) -> str:
    """ "the Secretary-General" where the text is the United Nations' (a noon briefing) and names
    no other body that has one (NATO, ASEAN, the OAS …): the UN Secretary-General, an office an
    analyst can make an actor of."""
    if re.sub(r"[\s\-–]+", " ", fold(described)) != "secretary general":
        return described
    text = doc.text
    if re.search(
        r"\bNATO\b|\bASEAN\b|\bOAS\b|\bOPEC\b|\bCommonwealth\b|\bArab League\b|\bCouncil of Europe\b", text
    ):
        return described
    # the UN by name, or by what only it has: its General Assembly, Security Council, Secretariat,
    # and the noon briefing "by …, Spokesman for the Secretary-General"
    if re.search(
        r"\bUnited Nations\b|\bU\.?N\.?\b|\bGeneral Assembly\b|\bSecurity Council\b|\bSecretariat\b"
        r"|\bSpokes(?:man|woman|person) for the Secretary[\s-]+General\b",
        text,
    ):
        return "UN Secretary-General"
    return described


# the nouns of kinship a lead describes a person by ("the leader's sister")
_KIN = frozenset({"sister", "brother", "wife", "husband", "daughter", "son", "widow", "niece", "nephew"})


# The seats of a head of state or government that wire copy names for its office ("the Kremlin
# said"), and the words of a role that make it theirs ("presidential", "Kremlin spokesman").
_SEATS = {
    "kremlin": frozenset({"kremlin", "presidential", "president"}),
    "white house": frozenset({"white", "presidential", "president"}),
    "elysee": frozenset({"elysee", "presidential", "president"}),
    "downing street": frozenset({"downing", "minister"}),
    "blue house": frozenset({"blue", "presidential", "president"}),
    "kantei": frozenset({"kantei", "minister", "cabinet"}),
}


def _speaks_for_seat(seat: str, person: Speaker) -> bool:
    """Whether a person's role is the seat's spokesperson or press secretary."""
    held = re.findall(r"[a-z]+", fold(f"{person.role} {person.organization}"))
    voice = any(w.startswith("spokes") for w in held) or " ".join(held).find("press secretary") >= 0
    return voice and bool(_SEATS[seat] & set(held))


def _owned_by_a_state(head: Token) -> bool:
    """Whether a person's description is made definite by a state, its capital or seat as its
    possessor ("Tehran's top diplomat", "Russia's foreign minister", "the country's top envoy"):
    one office holder, as "the" makes one."""
    if head.lower_ not in PERSON_NOUNS and head.lemma_.lower() not in PERSON_NOUNS:
        return False
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or any(
        t.ent_type_ == "PERSON" or (t.i > head.i and t.pos_ == "PROPN" and head.text[:1].isupper())
        for t in head.subtree
    ):
        return False  # a title before a name: "France's Ambassador to the UN Jerome Bonnafont"
    if owner.lower_ == "country" and any(c.lower_ == "the" for c in owner.children):
        return True
    return bool(state_of(owner.text)) and owner.pos_ == "PROPN"


def _body_of(head: Token) -> str:
    """The organisation a description names its holder by ("the head of Russia’s Gazprom":
    Gazprom), or ''."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for t in prep.children:
                if (
                    t.dep_ == "pobj"
                    and t.pos_ == "PROPN"
                    and t.ent_type_ not in ("GPE", "NORP", "LOC", "PERSON")
                    and t.lower_ not in BODY_NOUNS  # "of the Chinese Foreign Ministry": a state's
                    and not state_of(t.text)
                ):
                    return t.text
    return ""


def _states_named(head: Token) -> frozenset[str]:
    """The codes of the states a description names besides its head, relative clauses aside
    ("the U.S. envoy", "the foreign minister of Japan")."""
    states: list[str] = []
    for token in head.subtree:
        if token.i == head.i or not token.ent_type_ or token.ent_iob_ != "B":
            continue
        if any(
            a.dep_ in ("relcl", "acl") or (a.dep_ == "prep" and a.lower_ in ("in", "at"))
            for a in token.ancestors
            if head in a.ancestors or a is head
        ):
            continue  # where they serve is not whom they serve: "the U.S. envoy in Seoul"
        ent = next((e for e in token.doc.ents if e.start == token.i), None)
        if ent is None or ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"):
            continue
        code = state_of(ent.text) or state_in(ent.text)
        if code:
            states.append(code)
    return frozenset(states)


def _served(held: list[str]) -> set[str]:
    """The words of an office a role serves ("Spokesman for the Secretary-General", "Assistant
    to the President"): its holder is that office's aide, not the office's holder."""
    return {w for i, w in enumerate(held) if any(v in ("for", "to") for v in held[max(0, i - 2) : i])}


# the titles of one who heads a state, a government or a body, whom a spokesperson speaks for
_HEAD_OFFICES = frozenset(
    {"president", "general", "secretary", "minister", "chancellor", "premier", "king", "queen", "chairman"}
)


def _holds_other_office(noun: str, person: Speaker) -> bool:
    """Whether an office's title ("the Secretary-General", "the President") cannot stand for this
    person, who spoke last: a spokesperson or an aide of that office ("Spokesman for the
    Secretary-General") is described as one, never by the title of the one they speak for."""
    held = fold(f"{person.role} {person.organization}").split()
    if noun not in _HEAD_OFFICES:
        return False
    return noun in _served(held) or any(w.startswith("spokes") for w in held)


def _another_head_office(noun: str, words: set[str], person: Speaker) -> bool:
    """Whether an office's title ("the Secretary-General", "the President") names an office the
    person who spoke last is known to hold another of: "the Secretary-General said" after
    President Xi Jinping spoke is not Xi (nor is a party's General Secretary the UN's)."""
    if noun not in _HEAD_OFFICES or not person.role:
        return False
    role = fold(f"{person.role} {person.organization}")
    if noun == "general" and any("secretary" in w for w in words):  # "the Secretary-General"
        return re.search(r"secretary[\s-]+general", role) is None
    held = set(re.findall(r"[a-z]+", role))
    return not ({"premier": {"premier", "prime"}}.get(noun, {noun}) & held)


_TITLE_JOINS = frozenset({"of", "for", "to", "on", "the", "and"})


def _name_after_title(head: Token) -> Span | None:
    """The person a run of capitalised title words ends in, when the parser took the title's first
    word for the subject of the verb before it ("said Assistant to the Secretary of Defense for
    Public Affairs and Senior Advisor Sean Parnell"): the run holds only capitalised words and "of",
    "for", "to", "on", "the", "and", on one line, at most 16 words, and the name is a person's."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.i < head.head.i:
        return None  # only after its verb ("said Assistant to …"): before it, "The Secretary and
        # Minister Gallant affirmed" is two people
    if any(c.dep_ == "det" for c in head.children):
        return None
    doc = head.doc
    for token in doc[head.i : min(len(doc), head.i + 16)]:
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and token.i > head.i:
            return next((e for e in doc.ents if e.start == token.i), None)
        if token.is_space or "\n" in token.whitespace_:
            return None
        if not (token.text[:1].isupper() and token.is_alpha) and token.lower_ not in _TITLE_JOINS:
            return None
    return None


def _name_ending_title(head: Token) -> Span | None:
    """The person a subject's run of capitalised title words ends in, before its verb, where the
    parser hung the run from its first title word ("U.S. Deputy Under Secretary of Defense Elbridge
    Colby said", the name tagged with "Defense" as an organisation): the run holds only capitalised
    words and "of", "for", "to", "on", "the" (never "and": "The Secretary and Minister Gallant" are
    two), on one line, and ends in two or more proper nouns after its last title word."""
    if head.pos_ != "PROPN" or not _is_title(head) or head.i > head.head.i:
        return None
    doc = head.doc
    end = head.i
    while end < head.head.i and end - head.i < 16:
        token = doc[end]
        if token.is_space or "\n" in token.whitespace_ or token.lower_ == "and":
            return None
        if not (
            (token.text[:1].isupper() and (token.is_alpha or token.text.endswith(".")))
            or token.lower_ in _TITLE_JOINS
        ):
            break
        end += 1
    run = list(doc[head.i : end])
    last_title = max((k for k, t in enumerate(run) if _is_title(t)), default=-1)
    name = run[last_title + 1 :]
    if len(name) < 2 or not all(t.pos_ == "PROPN" and t.is_alpha for t in name):
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG") for t in name):
        return None
    return Span(doc, name[0].i, name[-1].i + 1, label="PERSON")


def _issuer(document: Token, verb: Token) -> Token | None:
    """Who a document's own words name as its author: the agent of the passive it is the subject
    of ("the statement was issued by the Institute …", "a message posted by the ministry") or the
    object of its "by" or "from" ("a statement by the ministry", "a post from the embassy")."""
    links = [p for p in document.children if p.dep_ == "prep" and p.lower_ in ("by", "from")]
    if document.dep_ == "nsubjpass" and document.head.i == verb.i:
        links += [a for a in verb.children if a.dep_ == "agent"]
    named = (c for link in links for c in link.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN"))
    return next(named, None)


# the words a state's representative abroad is described by: "the Chinese envoy" is the one
# the article names as China's permanent representative, or its ambassador
_ENVOY_WORDS = frozenset({"envoy", "ambassador", "representative"})
# Words of a scholar's post besides the nouns of EXPERT_NOUNS ("director of the … Program at …").
_SCHOLARLY = frozenset({"director", "institute", "university", "center", "centre", "program", "programme"})
# What a body or a person issues, which then "says" what its author said: "The post said".
DOCUMENT_NOUNS = frozenset(
    {"post", "message", "statement", "readout", "letter", "communique", "tweet", "commentary", "editorial"}
)


# A generic description's head and the offices it names in wire copy: "the top diplomat" is a
# foreign minister, a secretary of state, an ambassador or an envoy.
_OFFICES_DESCRIBED = {"diplomat": frozenset({"diplomat", "foreign", "ambassador", "envoy", "consul"})}


def _of_described_office(noun: str, held: list[str]) -> bool:
    """Whether a role is one of the offices a generic description's head names ("Iranian Foreign
    Minister" for "the diplomat"; a secretary of state too)."""
    offices = _OFFICES_DESCRIBED.get(noun, frozenset())
    return bool(offices & set(held)) or (noun == "diplomat" and "secretary" in held and "state" in held)


def _holds_another_kind(noun: str, person: Speaker) -> bool:
    """Whether a person's known role is not of the kind a generic description names: "the
    diplomat" is never the Supreme Leader or a defence minister who spoke last."""
    held = fold(f"{person.role} {person.organization}").split()
    return noun in _OFFICES_DESCRIBED and bool(person.role) and not _of_described_office(noun, held)


def _role_score(noun: str, words: set[str], held: list[str]) -> int:
    """How well a person's role fits a description's head noun: 3 when the role starts with it
    ("Secretary of Defense" for "the Secretary"), 2 when it is the role's head or an office the
    generic head names ("Foreign Minister" for "the top diplomat"), 1 when it is in it only as a
    modifier's word ("Press Secretary" for "the Secretary" is the weaker reading); 0 when the role
    does not hold it, or holds a qualifier the description lacks."""
    served = _served(held)
    plain = [w for w in held if w not in ("the", "of", "for", "and") and w not in served]
    if noun in _OFFICES_DESCRIBED and noun not in plain:
        return 2 if _of_described_office(noun, plain) else 0
    if noun.startswith("spokes"):
        hits = [i for i, w in enumerate(plain) if w.startswith("spokes")]
    else:
        kin = _ENVOY_WORDS if noun in _ENVOY_WORDS else {noun}
        hits = [i for i, w in enumerate(plain) if w in kin]
    if not hits:
        return 0
    i = hits[0]
    qualifiers = {"press", "deputy", "assistant", "under", "vice", "former"}
    if i > 0 and plain[i - 1] in qualifiers and plain[i - 1] not in words:
        return 1
    return 3 if i == 0 else 2


def _plain_name(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", text)
    return re.sub(r"[’']s$", "", text)


def _plain_person(text: str) -> str:
    return re.sub(r"[’']s$", "", text.strip())


_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)$")


def _name_words(name: str) -> list[str]:
    """The words of a person's name that identify them: no initials, suffixes or titles."""
    words = [w.strip(".") for w in fold(_plain_person(name)).replace("-", " ").split()]
    return [w for w in words if len(w) > 1 and not _SUFFIX.match(w) and w not in TITLE_WORDS]


def _person_key(name: str) -> str:
    """One key for the ways a person's name is written: 'Lloyd J. Austin III' and 'Lloyd Austin',
    'KAMIKAWA Yoko' and 'Yoko Kamikawa'."""
    return " ".join(sorted(_name_words(name))) or fold(name)


# Over the complexity cap: "according to", a relative clause, a conjoined cue the parse hung from
# its own content, an agent and the climb through clauses are each a rule.
def animate(token: Token) -> bool:
    """Whether a subject can speak: a person, a body, a state, a pronoun for them."""
    if token.pos_ == "PRON":
        return token.lower_ in ("he", "she", "they", "we", "i", "who")
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.lower_ in DOCUMENT_NOUNS and any(c.lower_ in ("the", "its", "their") for c in token.children):
        return True  # "…, said the commentary": a document issued speaks for whoever issued it
    return token.pos_ == "PROPN" or token.lemma_.lower() in PERSON_NOUNS | BODY_NOUNS | {
        "side",
        "party",
        "country",
        "nation",
        "state",
        "people",
        "team",
        "camp",
    }


def subject_of(cue: Token) -> Token | None:
    """The subject of a cue: its own, or that of the verb it hangs from ("..., noting that ...").
    A participle set after a comma is the reporter's, said of the one who speaks: where the verb
    the parse hangs it from has a subject that cannot speak ("warned that Takaichi's comments
    could bring …, calling them “…”"), it is the nearest verb above with one that can."""
    subject = _parsed_subject(cue)
    if subject is None or animate(subject) or cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "acl"):
        return subject
    if cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return subject
    for verb in cue.ancestors:
        own = _subject_child(verb) if verb.pos_ in ("VERB", "AUX") else None
        if own is not None and own is not subject and animate(own):
            return own
    return subject


def _parsed_subject(cue: Token) -> Token | None:  # noqa: C901    """The subject the parse gives a cue: its own, or that of the verb it hangs from."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        if to is not None:
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    if (
        cue.dep_ == "acl"
        and cue.tag_ == "VBG"
        and cue.i > 0
        and cue.doc[cue.i - 1].text == ","
        and cue.head.pos_ == "NOUN"
        and cue.head.lemma_.lower() not in PERSON_NOUNS | BODY_NOUNS
    ):
        # "X urged them not to make “unfounded comments” regarding Taiwan, warning ...": the parse
        # hangs the reporter's participle from a thing's noun; it is the clause's subject that warns
        outer = next(
            (
                a
                for a in cue.ancestors
                if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in a.children)
            ),
            None,
        )
        if outer is not None:
            return next(c for c in outer.children if c.dep_ == "nsubj")
    if cue.tag_ == "VBG" and cue.dep_ == "advcl":
        # "U.S. officials denied ..., and President Trump urged Iran to “...”, warning that ...": the
        # parse hangs the participle from the first verb; it belongs to the conjoined clause it follows
        joined = [
            c
            for c in cue.head.children
            if c.dep_ == "conj"
            and c.i < cue.i
            and c.pos_ in ("VERB", "AUX")
            and _subject_child(c) is not None
        ]
        if joined:
            return _subject_child(joined[-1])
    quoted = _quoted_as_saying(cue)
    if quoted is not None:
        return quoted
    own = _subject_child(cue)
    if cue.dep_ == "relcl" and own is not None and own.lower_ not in ("who", "that", "which", "whom"):
        return own  # "…, which Secretary Rubio said …": the relative clause's own subject speaks
    if cue.dep_ in ("acl", "relcl") and cue.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return cue.head  # "an official who said", or a parse that hangs "called" from the name
    after = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if (
        after is not None
        and cue.pos_ == "VERB"
        and cue.i > 0
        and cue.doc[cue.i - 1].text == ","
        and after.pos_ == "PROPN"
        and after.ent_iob_ == "B"
        and after.ent_type_ in ("PERSON", "ORG")
        and (own is None or own.i > cue.i)
    ):
        # "Settle the conflict by diplomatic means, says Putin": the name after the verb speaks;
        # not where the verb has its subject before it and the comma closes the subject's
        # description ("Jane Roe, a senior researcher at …, told ABC News that …": the outlet is
        # told, Jane Roe speaks)
        return after
    verb = cue
    for step in range(4):
        if step == 1 and cue.dep_ == "conj" and not is_speech_cue(verb):
            # "X said that North Korea has sent troops ..., and warned that ...": the parse joins
            # "warned" to "sent"; the speaker is the subject of the reporting verb above
            outer = next((a for a in verb.ancestors if is_speech_cue(a) and a.pos_ in ("VERB", "AUX")), None)
            if outer is not None:
                # its subject, or the subject of the verb it is joined to ("X called for …, and
                # stated that Japan hopes …, and once again called for …"): never the reported
                # clause's own subject (Japan), whatever the parse gives the reporting verb above
                return next((c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass")), None) or (
                    subject_of(outer) if outer.dep_ == "conj" else None
                )
        if step >= 1 and cue.tag_ == "VBG" and cue.dep_ == "advcl":
            if _leading_condition(verb, cue):
                # "Trump has threatened tariffs if the EU proceeds with …, asserting, “…”": the
                # parse hangs the participle after a comma from the condition; it is the main
                # clause's subject that asserts, never the condition's
                verb = verb.head
            # "Kim said that he is open to talks if it gives up ..., recalling ...": the parse hangs
            # the reporter's participle inside the reported words; it is the reporting verb's
            # subject that recalls, never one of the reported clause. Only a reporting verb
            # before the participle: in "Ford took a firm stance, warning that …, CBS News
            # reported" the outlet reports the sentence, and Ford warns
            outer = _reporting_verb_over(verb)
            if outer is not None and outer.i < cue.i and any(c.dep_ == "nsubj" for c in outer.children):
                verb = outer
            elif outer is not None and outer.i < cue.i and outer.tag_ == "VBG" and outer.dep_ == "advcl":
                # "He softened ..., assuring allies that the US is ... and ..., while urging ...":
                # the reporting verb above is itself a participle; who assures urges too
                return subject_of(outer)
        subject = _subject_child(verb)
        if subject is not None:
            if subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if verb.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "acl") or verb.head is verb:
            return None
        verb = verb.head
    return None


# The gerunds an outlet quotes someone "as" doing: "quoted Araghchi as saying / stating / warning".
_QUOTED_AS = frozenset(
    {
        "saying",
        "telling",
        "stating",
        "declaring",
        "noting",
        "adding",
        "warning",
        "writing",
        "arguing",
        "asserting",
        "claiming",
        "insisting",
        "stressing",
        "emphasizing",
        "emphasising",
    }
)


def _quoted_as_saying(cue: Token) -> Token | None:
    """The one an outlet quotes: "KCNA quoted Xi’s message as saying", "Politico quoted
    Frederiksen as saying" — the object of "quoted" (the owner of a message or statement), not
    the outlet that quotes; for the cue "quoted" or the "saying" under it."""
    verb = cue
    if cue.lower_ in _QUOTED_AS and cue.head.lower_ == "as" and cue.head.head.i != cue.head.i:
        verb = cue.head.head
    if verb.lemma_.lower() != "quote" or not any(
        c.lower_ == "as" and any(g.lower_ in _QUOTED_AS for g in c.children) for c in verb.children
    ):
        return None
    quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if quoted is not None and quoted.pos_ == "NOUN":
        owner = next((c for c in quoted.children if c.dep_ == "poss"), None)
        return owner if owner is not None else quoted
    return quoted


def _subject_child(verb: Token) -> Token | None:
    """The verb's subject; of two the parse gives it, the one outside the quotation before it
    ('“… Congratulations to both countries …,” President Trump posted': Trump)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1:  # a dateline the parse made a subject ("COPENHAGEN (AP) — Holm said") is none
        subjects = [c for c in subjects if not _in_dateline(c)] or subjects
    if len(subjects) > 1:
        doc = verb.doc
        outside = [
            c
            for c in subjects
            if not any(t.text in ("”", '"') for t in doc[min(c.i, verb.i) : max(c.i, verb.i)])
        ]
        return (outside or subjects)[0]
    return _below_headline(subjects[0], verb) if subjects else None


# A wire's dateline alone: a place, perhaps a date and the agency, and a dash
_DATELINE_ONLY = re.compile(
    r"[A-Z][A-Za-z .,'’\-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[-–—]{1,2}"
)


def _lead_index(sentences: list[Span], past_datelines: bool = False) -> int:
    """Which of an article's sentences is its lead: the first, or the one after a headline of its
    own line ("Chinese FM's Africa visit enhances all-weather friendship: spokesperson"), and with
    `past_datelines` after a wire's dateline read as a sentence ("BEIJING, Jan. 13 (Xinhua) --")."""
    lead = 1 if len(sentences) > 2 and _headline_line(sentences[0]) else 0
    while (
        past_datelines
        and lead + 1 < len(sentences)
        and _DATELINE_ONLY.fullmatch(sentences[lead].text.strip())
    ):
        lead += 1
    return lead


def _headline_line(sentence: Span) -> bool:
    """Whether a sentence is a headline on a line of its own: no full stop, a line break after it."""
    line = sentence.text.strip()
    if not line or line.endswith((".", "”", '"', "!", "?")) or len(line.split()) > 25 or "\n" in line:
        return False
    return (
        sentence.doc.text[sentence.start_char + len(sentence.text.rstrip()) :].lstrip(" \t").startswith("\n")
    )


def _below_headline(subject: Token, verb: Token) -> Token | None:
    """A subject on an earlier line than its verb is a headline the parse ran into the lead
    ("Talks\n\nDeputy spokesperson … Mao Xia said": "Talks"): the subject is then the phrase of
    the verb's own line the parse hung from it, or none."""
    doc = verb.doc
    if subject.i >= verb.i:
        return subject
    breaks = [t.i for t in doc[subject.i : verb.i] if "\n" in t.text or "\n" in t.whitespace_]
    if not breaks:
        return subject
    line = breaks[-1]
    return next((t for t in subject.subtree if t.i > line and t.head.i <= line and not t.is_space), None)


def _in_dateline(token: Token) -> bool:
    doc = token.doc
    i = token.i
    while i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    return i <= token.i < dateline_end(doc, i)


def gerund_subject(cue: Token) -> Token | None:
    """The person named right before a gerund cue, its subject though the parse makes it the
    object of a preposition ("in response to army chief Romeo Brawner telling soldiers to “...”")."""
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" and before.pos_ == "PROPN":
        return before
    return None


# The small words inside a person's name ("Ursula von der Leyen", "Charles de Gaulle").
_NAME_PARTICLES = frozenset(
    {"von", "der", "van", "de", "del", "della", "di", "da", "la", "le", "al", "bin", "ibn"}
)
_CONDITIONS = frozenset(
    {"if", "unless", "once", "until", "before", "after", "because", "since", "when", "whenever"}
)


def _leading_condition(verb: Token, cue: Token) -> bool:
    """Whether `verb` is a subordinate clause ("if the EU proceeds …") of a main verb before it,
    and the participle `cue` follows it after a comma: the participle is the main clause's."""
    doc = cue.doc
    return (
        verb.dep_ == "advcl"
        and verb.head.i < verb.i < cue.i
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)
        and cue.left_edge.i > 0
        and doc[cue.left_edge.i - 1].text == ","
        and _subject_child(verb.head) is not None
    )


def _reporting_verb_over(verb: Token) -> Token | None:
    """The reporting verb whose reported clause holds `verb` ("said" over "gives" in "Kim said
    that he is open to talks if it gives up ..."), or none."""
    node = verb
    for _ in range(6):
        if node.head.i == node.i or node.dep_ == "conj":
            return None  # "..., but Trump appeared to ..., saying": the reporter's own clause
        if node.dep_ == "ccomp" and is_speech_cue(node.head):
            return node.head
        node = node.head
    return None


def _after_quotation(token: Token, reach: int) -> bool:
    """Whether the verb follows a quotation's closing mark with only its subject between ('”
    Lin Jian concluded', '” U.S. President Donald Trump posted')."""
    doc = token.doc
    before = doc[max(0, token.i - reach) : token.i]
    marks = [t for t in before if t.text in ("”", '"')]
    return bool(marks) and all(
        t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ") for t in doc[marks[-1].i + 1 : token.i]
    )


def is_speech_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "put" and token.pos_ == "VERB":  # "As one diplomat put it, “...”"
        return any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children) and any(
            c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in token.children
        )
    if lemma in ("continue", "conclude", "joke", "interject") and token.pos_ == "VERB":
        # "He continued: “...”", '“...,” he concluded.'; never "continued to", "the talks concluded."
        doc = token.doc
        after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        if after == ":":
            return True
        return after in (",", ".") and _after_quotation(token, 6)
    if lemma == "post":  # "posted on X that ...", "posted on Telegram: “...”"; never "posted a photo"
        return token.pos_ == "VERB" and (
            any(c.dep_ == "ccomp" for c in token.children)
            or any(t.text in (":", "：") for t in token.doc[token.i + 1 : token.i + 8])
            or _after_quotation(token, 9)  # '“…,” U.S. President Donald Trump posted on Truth Social.'
        )
    if lemma in ("issue", "release", "publish") and token.pos_ == "VERB":
        # "Trump issued a statement on social media: “…”": a document issued with its words after a
        # colon; never "issued a warrant", "released the hostages", nor a statement with no words here
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS | {"declaration", "communique", "note"}
            for c in token.children
        ) and any(t.text in (":", "：") for t in token.doc[token.i + 1 : token.i + 10])
    if lemma == "term":  # "termed the ceasefire a positive development", never "a diplomatic term"
        return token.pos_ == "VERB"
    if lemma == "credit":  # "Austin credited Aquilino for ...", never "is credited with"
        return token.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in token.children)
    if lemma in ("point", "make"):  # "pointed out that ...", "made (it) clear that ..."
        return token.pos_ in ("VERB", "AUX") and any(
            (c.lower_ == "out" and c.dep_ == "prt" and lemma == "point")
            or (c.lower_ == "clear" and lemma == "make")
            for c in token.children
        )
    if lemma in _OWNED_CLAIMS and token.pos_ == "NOUN":
        # "Holm's warning that “…”": an owner's claim noun with its that-clause is a cue of speech
        return any(c.dep_ == "poss" for c in token.children) and any(
            c.dep_ in ("acl", "ccomp") for c in token.children
        )
    return lemma in SPEECH_CUES or token.lower_ in SPEECH_CUES


_OWNED_CLAIMS = frozenset({"warning", "claim", "assertion", "allegation", "insistence"})
