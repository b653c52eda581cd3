"""Who is speaking: the cue next to a quotation, its subject, and what that subject refers to.

A pronoun ("he", "she", "they") is resolved to the last speaker it can stand for, or else the last
person named before it; a short name ("Shi", "Austin") to the earlier full mention ("Shi Yinhong",
"Lloyd Austin"); a definite description ("the State Department official") to the earlier indefinite
one ("a State Department official ..."). The role and organisation come from an apposition
("Liu Pengyu, a spokesperson for the Chinese Embassy in Washington") or a title before the name
("Secretary of State Antony Blinken") at the fullest mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dashboard.text import fold

# Verbs and nouns of speech: a draft whose cue is one of these is speech; any other cue (think,
# believe, find, know, want, fear ...) makes a belief or finding, set apart in the review.
SPEECH_CUES = frozenset([
    "say", "tell", "add", "state", "note", "call", "ask", "write", "announce", "declare", "insist",
    "argue", "warn", "explain", "describe", "claim", "suggest", "urge", "reply", "respond", "comment",
    "remark", "conclude", "stress", "emphasize", "emphasise", "acknowledge", "admit", "report",
    "confirm", "deny", "predict", "promise", "vow", "pledge", "quote", "testify", "recall", "caution",
    "complain", "allege", "assert", "answer", "contend", "maintain", "mention", "observe",
    "repeat", "reiterate", "reveal", "speak", "tweet", "accord", "according",
    "statement", "urge", "demand", "criticize", "criticise", "praise", "dismiss",
    "describe",
])
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us"})
THING_PRONOUNS = frozenset({"it"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
# Words of a title that the entity recogniser sometimes folds into a name ("Defense Lloyd Austin").
_TITLE_WORDS = frozenset([
    "secretary", "minister", "president", "vice", "deputy", "assistant", "undersecretary", "under",
    "defense", "defence", "state", "foreign", "prime", "chancellor", "senator", "sen", "rep",
    "representative", "gov", "governor", "general", "gen", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chair", "director", "professor", "prof", "dr", "mr",
    "mrs", "ms", "sir", "lord", "king", "queen", "prince", "premier", "mayor", "judge", "justice",
    "chief", "commander", "admiral", "colonel", "captain",
])


@dataclass
class Speaker:
    """One speaker of the article, however often named."""

    key: str  # folded name or description: the same speaker has the same key
    name: str
    kind: str  # person | organization | place | group | unknown
    role: str = ""
    organization: str = ""  # the body they work for, as the article names it
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Resolution:
    speaker: Speaker | None
    mention: tuple[int, int] | None  # characters of the mention at the cue
    how: str  # named | pronoun | short-name | description | continued | unknown


def _strip_det(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _text(doc: Doc, tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _entity_of(token: Token) -> Span | None:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _role_and_organization(doc: Doc, head: Token, name_start: int) -> tuple[str, str]:
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is not None:
        role_tokens = _strip_det(list(appos.subtree))
    else:  # a title before the name: "Secretary of State Antony Blinken", "Chinese President Xi"
        role_tokens = _strip_det([t for t in head.subtree if t.i < name_start
                                  and t.dep_ not in ("det", "poss", "punct", "case")])
    role = _text(doc, role_tokens)
    organization = ""
    for i, token in enumerate(role_tokens if appos is not None else []):
        if token.lower_ in ("at", "for", "of", "with") and i + 1 < len(role_tokens) and i > 0:
            rest = _strip_det(role_tokens[i + 1:])
            if rest and rest[0].text[:1].isupper():
                organization = _text(doc, rest)
                role = _text(doc, role_tokens[:i])
                break
    return role, organization


class SpeakerBook:
    """The speakers met so far in one article, in the order they spoke or were named."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.speakers: dict[str, Speaker] = {}
        self.last_speakers: list[tuple[int, Speaker]] = []  # (character, speaker) of each resolution
        self.people = self._named_people()

    def _named_people(self) -> list[tuple[int, Speaker]]:
        people = []
        for ent in self.doc.ents:
            tokens = list(ent)
            if ent.label_ != "PERSON":  # "Defense Lloyd Austin" (ORG): a title glued to a name
                titled = [t for t in tokens if t.lower_ in _TITLE_WORDS]
                if not titled or titled[-1].i == ent.end - 1:
                    continue
                tokens = [t for t in tokens if t.i > titled[-1].i]
                if len(tokens) < 2 or not all(t.pos_ == "PROPN" for t in tokens):
                    continue
            while len(tokens) > 1 and tokens[0].lower_ in _TITLE_WORDS:
                tokens = tokens[1:]
            name = _text(self.doc, tokens)
            role, organization = _role_and_organization(self.doc, ent.root, tokens[0].i)
            people.append((tokens[0].idx, Speaker(fold(name), name, "person", role, organization)))
        return people

    def _full_person(self, name: str, before: int) -> Speaker | None:
        """The fullest earlier (or, failing that, later) mention of a person the name is part of."""
        words = fold(name).split()
        candidates = [(at, p) for at, p in self.people
                      if set(words) <= set(p.key.split()) and len(p.key.split()) > len(words)]
        earlier = [c for c in candidates if c[0] < before]
        pool = earlier or candidates
        return pool[-1][1] if pool else None

    def _register(self, speaker: Speaker, mention: tuple[int, int]) -> Speaker:
        known = self.speakers.get(speaker.key)
        if known is None:
            known = self.speakers[speaker.key] = speaker
        else:
            known.role = known.role or speaker.role
            known.organization = known.organization or speaker.organization
        known.mentions.append(mention)
        self.last_speakers.append((mention[0], known))
        return known

    def _person(self, ent: Span) -> Speaker:
        name = ent.text.strip()
        full = self._full_person(name, ent.start_char)
        role, organization = _role_and_organization(self.doc, ent.root, ent.start)
        base = full or next((p for _, p in self.people if p.key == fold(name)), None)
        if base is not None:
            return Speaker(base.key, base.name, "person", role or base.role,
                           organization or base.organization)
        return Speaker(fold(name), name, "person", role, organization)

    def resolve_pronoun(self, token: Token) -> Speaker | None:
        word = token.lower_
        at = token.idx
        if word in PERSON_PRONOUNS:
            spoken = [(c, s) for c, s in self.last_speakers if c < at and s.kind == "person"]
            if spoken:
                return max(spoken, key=lambda pair: pair[0])[1]
            named = [p for c, p in self.people if c < at]
            return named[-1] if named else None
        if word in GROUP_PRONOUNS | THING_PRONOUNS:
            spoken = [(c, s) for c, s in self.last_speakers if c < at and s.kind != "person"]
            return max(spoken, key=lambda pair: pair[0])[1] if spoken else None
        return None

    # Over the complexity cap: the ways a subject names a speaker (pronoun, title, apposition, name) tried
    # in order.
    def resolve(self, head: Token) -> Resolution:  # noqa: C901
        """The speaker a subject token names, registered in the book."""
        doc = self.doc
        if head.pos_ == "PRON":
            speaker = self.resolve_pronoun(head)
            mention = (head.idx, head.idx + len(head.text))
            if speaker is None:
                return Resolution(None, mention, "unknown")
            return Resolution(self._register(speaker, mention), mention, "pronoun")
        ent = _entity_of(head)
        # "the French envoy, Claire Dubois" (a role, then the name), or a dateline the parser took
        # for the subject ("OSLO, Nov. 8 (Wire) Maria Keller, ... said"): the person is the speaker.
        if (ent is None and head.pos_ == "NOUN") or (ent is not None and ent.label_ in ("GPE", "ORG")
                                                     and head.i == head.sent.start):
            named = next((c for c in head.children if c.dep_ == "appos"
                          and (e := _entity_of(c)) is not None and e.label_ == "PERSON"), None)
            if named is not None:
                person_ent = _entity_of(named)
                assert person_ent is not None
                speaker = self._person(person_ent)
                if head.pos_ == "NOUN":
                    role_tokens = _strip_det([t for t in head.subtree if t.i <= head.i])
                    speaker.role = speaker.role or _text(doc, role_tokens)
                mention = (person_ent.start_char, person_ent.end_char)
                return Resolution(self._register(speaker, mention), mention, "named")
        if ent is None:  # the name may sit in a compound under the head: "U.S. officials"
            ent = next((e for e in doc.ents if e.root.head == head and e.label_ in ("PERSON", "ORG")
                        and e.root.dep_ == "compound"), None)
            if ent is not None and ent.label_ == "PERSON":
                ent = None
        if ent is not None and ent.label_ == "PERSON":
            speaker = self._person(ent)
            mention = (ent.start_char, ent.end_char)
            how = "named" if fold(ent.text) == speaker.key else "short-name"
            return Resolution(self._register(speaker, mention), mention, how)
        if ent is not None and ent.label_ != "PERSON":  # "Austin" read as a place: a person named before?
            full = self._full_person(ent.text, ent.start_char)
            if full is not None:
                mention = (ent.start_char, ent.end_char)
                return Resolution(self._register(full, mention), mention, "short-name")
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC") and ent.root == head:
            name = ent.text.strip()
            if name.lower().startswith("the "):
                name = name[4:]
            kind = "place" if ent.label_ == "GPE" else "organization"
            mention = (ent.start_char, ent.end_char)
            speaker = Speaker(fold(name), name, kind)
            return Resolution(self._register(speaker, mention), mention, "named")
        return self._description(head)

    def _description(self, head: Token) -> Resolution:
        """A common-noun subject: "experts", "a State Department official who spoke ..."."""
        doc = self.doc
        if head.pos_ == "PROPN":  # a surname the recogniser did not mark: "Sato said"
            full = self._full_person(head.text, head.idx)
            if full is not None:
                mention = (head.idx, head.idx + len(head.text))
                return Resolution(self._register(full, mention), mention, "short-name")
        tokens = [t for t in head.subtree if not (t.dep_ == "punct" and t.i in (head.left_edge.i,))]
        tokens = sorted(tokens, key=lambda t: t.i)
        mention = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        core = _strip_det([t for t in head.subtree if t.i <= head.i])
        core_key = fold(_text(doc, core))
        definite = tokens[0].lower_ in ("the", "this", "that")
        if definite:  # the same description met before, named in full the first time
            for _, known in reversed(self.last_speakers):
                if core_key and core_key in known.key:
                    return Resolution(self._register(known, mention), mention, "description")
        name = _text(doc, _strip_det(tokens))
        kind = "group" if head.tag_ in ("NNS", "NNPS") else "unknown"
        speaker = Speaker(fold(name), name, kind, role=_text(doc, core))
        return Resolution(self._register(speaker, mention), mention, "named")


def subject_of(cue: Token) -> Token | None:
    """The subject of a cue: its own, or that of the verb it hangs from ("..., noting that ...")."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        if to is not None:
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    if cue.dep_ in ("acl", "relcl") and cue.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return cue.head  # "an official who said", or a parse that hangs "called" from the name
    verb = cue
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if verb.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "acl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def is_speech_cue(token: Token) -> bool:
    return token.lemma_.lower() in SPEECH_CUES or token.lower_ in SPEECH_CUES
