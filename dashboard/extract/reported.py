"""Reported speech read from the parse: a reporting verb, its subject (who) and its complement (what).

"Wang said that China remains committed", "China remains committed, Wang said", "according to
Ryder, the Pentagon has no information", "Austin underscored the importance of open lines", "the
two ministers agreed to continue close communication", "Kamikawa urged Israel to exercise
restraint": the content is the verb's clausal complement, its infinitive, its object (for verbs
whose object is what was said: emphasise, express, welcome, condemn ...) or the phrase after "for",
"on" or "over" (thank for, congratulate on, express concern over). The words stay the article's:
a content is a character span, never rewritten.

Each finding says whether the cue is denied or doubted ("has not confirmed that ...", "declined to
say") or hedged ("may have said"): those drafts start at the cue, so the words keep the negation, and
carry a flag for the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dashboard.extract.speakers import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    PERSON_TITLES,
    SPEECH_CUES,
    animate,
    is_speech_cue,
    subject_of,
)

# Verbs whose object is itself the statement ("emphasized the importance of ...").
OBJECT_STATEMENTS = frozenset(
    [
        "emphasize",
        "emphasise",
        "stress",
        "underscore",
        "underline",
        "reaffirm",
        "reconfirm",
        "affirm",
        "express",
        "welcome",
        "condemn",
        "denounce",
        "reiterate",
        "highlight",
        "voice",
        "praise",
        "commend",
        "hail",
        "urge",
        "demand",
        "request",
        "propose",
        "reject",
        "deny",
        "confirm",
        "announce",
        "promise",
        "pledge",
        "vow",
        "accuse",
        "criticize",
        "criticise",
        "warn",
        "call",
        "appeal",
        "applaud",
        "lament",
        "regret",
        "acknowledge",
        "admit",
        "predict",
        "claim",
        "dismiss",
        "slam",
        "protest",
        "reveal",
        "disclose",
        "recall",
        "mention",
        "note",
        "describe",
        "recognize",
        "recognise",
        "concur",
        "convey",
        "explain",
        "signal",
        "decry",
        "deplore",
        "refute",
        "restate",
        "reassert",
        "term",
        "indicate",  # "Peskov indicated that …": with a speaker for its subject ("data indicate": none)
    ]
)
# Verbs whose object is a statement only when it is a view, a concern, an interest ...
VIEW_VERBS = frozenset(["share", "convey"])
VIEWS = frozenset(
    [
        "view",
        "concern",
        "interest",
        "assessment",
        "recognition",
        "understanding",
        "commitment",
        "position",
        "determination",
        "hope",
        "intention",
        "idea",
        "opinion",
        "stance",
        "belief",
        "regret",
        "condolence",
        "gratitude",
        "wish",
        "expectation",
        "appreciation",
        "support",
        "resolve",
        "message",
    ]
)
# Verbs of belief and finding: a complement of theirs is set apart in the review, not a statement.
BELIEF_CUES = frozenset(
    [
        "think",
        "believe",
        "hope",
        "expect",
        "fear",
        "feel",
        "know",
        "worry",
        "doubt",
        "suspect",
        "assess",
        "estimate",
        "consider",
        "find",
        "see",
        "understand",
        "assume",
        "guess",
        "reckon",
        "want",
        "wish",
        "intend",
        "plan",
    ]
)
# Prepositions after which the phrase is what was said: "thanked X for", "congratulated X on",
# "expressed concern over", "called for", "warned against". Not the topic a speaker spoke,
# commented or touched on ("commented on Trump's disappointment", "spoke on the current
# development", "when commenting on the U.S. threat"): the phrase names what the words were about,
# not what they said, and no development annotator drafts it. "Spoke of" a need and "spoke about"
# stay: PolNeAR's annotators read them as content (dev pairs 69.1 with them, 69.0 without).
CONTENT_PREPOSITIONS = {
    "look": ("to",),  # "look forward to continued cooperation" (a readout's), never "look at"
    "thank": ("for",),
    "credit": ("for", "with"),
    "congratulate": ("on", "for"),
    "call": ("for", "on"),
    "warn": ("against", "of", "about"),
    "praise": ("for",),
    "commend": ("for",),
    "criticize": ("for",),
    "criticise": ("for",),
    "accuse": ("of",),
    "blame": ("for",),
    "appeal": ("for", "to"),
    "speak": ("about", "of"),
    "complain": ("about", "of"),
    "agree": ("on", "to"),
    "insist": ("on",),
    "express": ("over", "about", "for", "at"),
    "apologize": ("for",),
    "apologise": ("for",),
    "request": ("for",),
    "refer": ("to",),
    "concur": ("on", "with"),
    "reaffirm": ("on",),
    "push": ("for",),
    "press": ("for",),
    "argue": ("for", "against"),
}
# What an announcement's object names when it is a view, not an act ("announced its support
# for …", but "announced a 25% tariff", "announced plans to counter", "announced sanctions").
_ANNOUNCED_VIEWS = frozenset(
    {
        "decision",
        "support",
        "opposition",
        "readiness",
        "willingness",
        "position",
        "view",
        "stance",
        "commitment",
    }
)
# People and bodies an object names as whom a statement was of ("condemned the ministers"); not
# the documents and acts among the body nouns ("welcomed the statement of the G7").
_WHOM = (
    (PERSON_NOUNS | BODY_NOUNS)
    - DOCUMENT_NOUNS
    - {
        "statement",
        "declaration",
        "communique",
        "report",
        "resolution",
        "campaign",
        "project",
        "fund",
    }
)
_PERSON_TITLE_WORDS = PERSON_TITLES - {"defense", "defence", "speaker", "leader"}
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_HEDGES = frozenset({"may", "might", "could"})
_REFUSALS = frozenset({"decline", "refuse", "fail", "avoid", "stop"})
# Verbs whose object is whom the statement is about and whose preposition says what of them:
# "accused X of", "criticised X for", "praised X for".
_TARGET_OBJECTS = frozenset({"accuse", "criticize", "criticise", "praise", "commend"})


@dataclass
class Finding:
    cue: Token
    subject: Token | None
    start: int  # the content's first character
    end: int  # just after its last
    is_speech: bool
    negated: bool = False
    hedged: bool = False


def _span(tokens: list[Token]) -> tuple[int, int] | None:
    words = [
        t
        for t in tokens
        if not (t.is_punct and t.text not in ("%", "$", "[", "]", "(", ")")) and not t.is_space
    ]
    if not words:
        return None
    words.sort(key=lambda t: t.i)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    for lead in ("that ", "That ", "that,", "That,"):
        if text[start : start + len(lead)] == lead:
            start += len(lead)
            while start < end and (text[start].isspace() or text[start] in ",;:"):
                start += 1  # "argues that, by ending the war ..."
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _in_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """The part of a content in the cue's paragraph: a parse may run over a headline or a
    dateline, a statement never does."""
    para_start = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    para_end = len(text) if para_end < 0 else para_end
    return max(start, para_start), min(end, para_end)


def _subtree(token: Token, leave: Token | None = None) -> list[Token]:
    """The token's subtree, less the branch under `leave` (the cue in "X, he said, is ...")."""
    if leave is None:
        return list(token.subtree)
    skip = {t.i for t in leave.subtree}
    return [t for t in token.subtree if t.i not in skip]


def _negated(cue: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in cue.children):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and head.lemma_.lower() in _REFUSALS


_DEMANDS = frozenset({"should", "must", "ought", "shall"})


def demanded(cue: Token) -> bool:
    """Whether a verb of saying is what someone is told they should do ("X should admit and
    apologize", "they must explain"), its own or the verb it is joined to: a demand, not a report."""
    verb = cue.head if cue.dep_ == "conj" else cue
    return any(c.dep_ == "aux" and c.lower_ in _DEMANDS for c in [*cue.children, *verb.children])


def _hedged(cue: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in cue.children)


# Over the complexity cap: the kinds of complement (clause, infinitive, object, preposition, the
# clause an "according to" or a parenthetical "he said" stands in) are tried in order.
def answers_questions(cue: Token) -> bool:
    """Whether a verb reports taking questions ("answers questions at a regular press conference",
    "fielded queries"): it says nothing yet."""
    return cue.lemma_.lower() in ("answer", "field", "take") and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ("question", "query") for c in cue.children
    )


def _content(cue: Token) -> list[Token]:  # noqa: C901
    lemma = cue.lemma_.lower()
    if cue.lower_ == "according":
        clause = cue.head
        while clause.dep_ == "prep" and clause.head is not clause:
            clause = clause.head
        return _subtree(clause, cue) if clause is not cue else []
    children = list(cue.children)
    if answers_questions(cue):
        return []
    if lemma == "make":  # "made it clear that X": the clause hangs from "clear"
        clear = next((c for c in children if c.lower_ == "clear"), None)
        inner = [c for c in (clear.children if clear is not None else []) if c.dep_ in ("advcl", "ccomp")]
        inner = inner or [c for c in children if c.dep_ == "ccomp" and (clear is None or c.i != clear.i)]
        return [t for c in inner[:1] for t in _less_participles(c)]
    clauses = [c for c in children if c.dep_ in ("ccomp",)]
    if claim_owner(cue) is not None:  # a claim "that ...": the clause hung from the noun
        clauses = [c for c in children if c.dep_ in ("acl", "ccomp")][:1]
    if clauses:
        return [t for c in clauses for t in _less_participles(c)]
    if (
        lemma
        in (
            "say",
            "add",
            "tell",
            "note",
            "state",
            "write",
            "reply",
            "respond",
            "stress",
            "insist",
            "argue",
            "claim",
            "warn",
            "explain",
            "insist",
        )
        and cue.dep_ in ("parataxis", "advcl", "conj")
        and cue.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "xcomp" for c in children)  # "… and claimed to have shot down …"
    ):
        return _subtree(cue.head, cue)  # "The situation, he said, is dire."
    xcomp = [
        c
        for c in children
        if (
            c.dep_ == "xcomp"
            # an infinitive after the verb ("called on Israel to …"), never a purpose clause the
            # sentence opens with ("To secure energy for Europe, the Commission has agreed …")
            or (
                c.dep_ == "advcl"
                and c.i > cue.i
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            )
        )
        and c.pos_ in ("VERB", "AUX")
    ]
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    if xcomp and lemma in OBJECT_STATEMENTS | {
        "agree",
        "ask",
        "tell",
        "call",
        "invite",
        "encourage",
        "advise",
    }:
        found = list(xcomp[0].subtree)
        if (
            objects
            and objects[0].i < xcomp[0].i
            and lemma in ("urge", "call", "ask", "tell", "encourage", "invite", "advise")
        ):
            found = [*objects[0].subtree, *found]  # "urged Israel to exercise restraint"
        return found
    allowed = CONTENT_PREPOSITIONS.get(lemma, ())
    preps = [
        c
        for c in children
        if c.dep_ == "prep"
        and c.lower_ in allowed
        and len(list(c.subtree)) >= 3
        and not _when(c)
        and c.i > cue.i  # "In the proposal for …, the Commission proposes": where, not what
    ]
    if objects and preps and lemma in _TARGET_OBJECTS and preps[0].i > objects[0].i:
        # "accused the government of isolating Israel": what is said is what the target did, with
        # the target; the object alone ("the government") states nothing
        return [*objects[0].subtree, *(t for p in preps for t in p.subtree)]
    if objects and lemma in OBJECT_STATEMENTS and lemma not in ("call", "term") and _said(objects[0]):
        if not said_object(cue, objects[0]):
            return []
        return _after_colon(objects[0]) or list(objects[0].subtree)
    if objects and lemma in VIEW_VERBS and objects[0].lemma_.lower() in VIEWS:
        return list(objects[0].subtree)  # "shared the view that ...", "shared concern over ..."
    if preps and lemma == "look":
        return [t for p in preps for t in p.subtree if t is not p]  # what they look forward to
    if preps:
        return [t for p in preps for t in p.subtree]
    if objects and lemma in ("call", "term") and not any(c.dep_ == "prt" for c in children):
        # "called (termed) the move a provocation"; never "called off the summit"
        return list(objects[0].subtree) + [t for c in children if c.dep_ == "oprd" for t in c.subtree]
    return _as_said(cue)


def _as_said(cue: Token) -> list[Token]:
    """The clause an "as"-clause of speech stands before or after: "As Lin Jian said on Monday,
    China remains committed to peace", "As you heard the President say yesterday, the American
    people will not walk away"."""
    if cue.lemma_.lower() not in ("say", "state", "note", "stress", "tell", "announce", "explain", "write"):
        return []
    node = cue
    while node.dep_ in ("ccomp", "xcomp") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in node.children):
        return []
    main = node.head
    if main.pos_ not in ("VERB", "AUX"):
        return []
    return _subtree(main, node)


def agreement_to_act(token: Token) -> bool:
    """An agreement to do something, an act the article reports, not a statement: "India and
    Pakistan have agreed to a ceasefire", "agreed to remain in contact" (but "agreed that …" and
    "agreed on the need for …" say something)."""
    return token.lemma_.lower() == "agree" and any(
        (c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in token.children
    )


def _said_by_own_subject(clause: Token) -> bool:
    return (
        clause.pos_ == "VERB"
        and not agreement_to_act(clause)
        and is_speech_cue(clause)
        and clause.lemma_.lower() not in BELIEF_CUES
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children)
    )


def _speaks_in_participle(clause: Token) -> bool:
    """Whether a reported clause's own subject speaks in a participle of speech hung from it
    ("Ford took a firm stance, warning that ..."): the clause is that subject's statement."""
    return (
        clause.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "nsubj" and animate(c) and c.pos_ != "PRON" for c in clause.children)
        and any(
            c.dep_ == "advcl" and c.tag_ == "VBG" and is_speech_cue(c) and c.lemma_.lower() not in BELIEF_CUES
            for c in clause.children
        )
    )


def _reports_itself(according: Token) -> bool:
    """Whether the clause an "according to" stands in is itself reported speech with a subject of
    its own ("According to Reuters, China said ...", "... , Egypt urged Israel to ...")."""
    clause = according.head
    while clause.dep_ == "prep" and clause.head.i != clause.i:
        clause = clause.head
    return clause.i != according.i and _said_by_own_subject(clause)


def _joined_cue(token: Token) -> bool:
    """A reporting verb conjoined to a reported clause's verb, with no subject of its own
    ("..., and warned that ...", "... and described the agreement as ...")."""
    return (
        token.dep_ == "conj"
        and token.pos_ == "VERB"
        and is_cue(token)
        and token.lemma_.lower() not in BELIEF_CUES
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        and token.i > 0
        and token.doc[token.left_edge.i - 1].lower_ in ("and", "but", ",")
    )


def _others_report(token: Token) -> bool:
    """A subordinate clause after a comma ("..., after the United States warned that ...") whose
    reporting verb has a subject of its own."""
    doc = token.doc
    if token.dep_ != "advcl" or token.left_edge.i < 1 or doc[token.left_edge.i - 1].text != ",":
        return False
    return any(
        t.pos_ == "VERB"
        and is_speech_cue(t)
        and t.lemma_.lower() not in BELIEF_CUES
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in t.children)
        for t in token.subtree
    )


def _less_participles(clause: Token) -> list[Token]:
    """A reported clause less the reporter's participles of speech hung inside it ("said that
    South Korea is willing ..., yet reaffirming its goal ..."): each is a statement of its own."""
    doc = clause.doc
    skip: set[int] = set()
    for token in clause.subtree:
        if token.i != clause.i and _joined_cue(token):
            # "said that North Korea has sent troops ..., and warned that ...": the parse joins
            # the reporter's second verb to the reported one; it is a statement of its own
            first = token.left_edge.i
            while first > clause.left_edge.i and doc[first - 1].lower_ in ("and", "but", ",", "also"):
                first -= 1
            skip.update(range(first, token.right_edge.i + 1))
            continue
        if token.i != clause.i and _others_report(token):
            # "insisted that the ties were not its concern, after the United States warned ...":
            # another speaker's statement, hung from the reported words
            skip.update(range(token.left_edge.i, token.right_edge.i + 1))
            continue
        if token.i == clause.i or token.dep_ != "advcl" or token.tag_ != "VBG" or not is_cue(token):
            continue
        first = token.left_edge.i
        if first > 1 and doc[first - 1].lower_ in ("yet", "while", "and", "but", "also"):
            first -= 1  # ", yet reaffirming ...", ", while noting ..."
        if first > 0 and doc[first - 1].text in (",", ";", "—", "–"):
            skip.update(range(first, token.right_edge.i + 1))
    return [t for t in clause.subtree if t.i not in skip]


def _when(prep: Token) -> bool:
    """A phrase that says when, not what: "agreed on November 16"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(
        next((e for e in prep.doc.ents if e.start <= o.i < e.end and e.label_ in ("DATE", "TIME")), None)
        is not None
        for o in objects
    )


def _after_colon(head: Token) -> list[Token]:
    """What an object announces after a colon ("reaffirmed a fundamental truth: the Palestinian
    people have a right to …"): the words to the sentence's end, or none."""
    doc = head.doc
    after = head.right_edge.i + 1
    if after >= len(doc) or doc[after].text != ":" or doc[after].sent != head.sent:
        return []
    words = [t for t in doc[after + 1 : head.sent.end] if not (t.is_punct and t.i == head.sent.end - 1)]
    return words if len([t for t in words if not t.is_punct]) >= 4 else []


def said_object(cue: Token, head: Token) -> bool:
    """Whether the object `head` of the reporting verb `cue` can be what was said, not an act or
    whom it was said of: never the people ("slammed the foreign ministers of the three countries"),
    never an announced measure ("announced a 25% tariff", "announced plans to counter"; but
    "announced its support for"), never what a phrasal verb does ("called off the summit")."""
    lemma = cue.lemma_.lower()
    if head.lemma_.lower() in _WHOM:
        return False
    if lemma == "announce" and head.lemma_.lower() not in _ANNOUNCED_VIEWS:
        return False
    return not any(c.dep_ == "prt" and c.lower_ != "out" for c in cue.children)


def _said(head: Token) -> bool:
    """Whether an object can be what was said: not a person, a state or a date ("welcomed
    Minister Iwaya", "urged North Korea"), and more than a word or two ("such escalation")."""
    tokens = list(head.subtree)
    if len([t for t in tokens if not t.is_punct]) < 3 or head.pos_ in ("PROPN", "PRON"):
        return False
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    return not (ent is not None and ent.label_ in ("PERSON", "GPE", "NORP", "DATE", "TIME", "ORG"))


def _left_person(cue: Token) -> Token | None:
    """The person named last before a cue in its sentence, for a parse that lost the subject
    ("Minister Kamikawa, referring to ..., called for ...")."""
    sentence = cue.sent
    people = [
        e.root
        for e in cue.doc.ents
        if e.label_ == "PERSON"
        and sentence.start <= e.start
        and e.end <= cue.i
        and e.root.dep_ not in ("pobj", "dobj", "poss")
    ]
    # a name after a person's title the recogniser took for a place ("Minister Kamikawa")
    people += [
        t
        for t in cue.doc[max(sentence.start, 1) : cue.i]
        if t.pos_ == "PROPN"
        and t.ent_type_ not in ("PERSON",)
        and t.dep_ not in ("pobj", "dobj", "poss", "compound")
        and t.doc[t.i - 1].lower_ in _PERSON_TITLE_WORDS
        and t.doc[t.i - 1].text[:1].isupper()
    ]
    return max(people, key=lambda t: t.i) if people else None


# Nouns of speech that report what their owner said when a "that"-clause hangs from them
# ("Teodoro’s claims that China should not ...").
CLAIM_NOUNS = frozenset(
    ["claim", "assertion", "statement", "remark", "warning", "insistence", "announcement", "allegation"]
)


def claim_owner(token: Token) -> Token | None:
    """The named owner of a claim "that ..." ("Teodoro’s claims that ..."), or None."""
    nominal = token.pos_ == "NOUN" or token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")
    if not nominal or token.lemma_.lower() not in CLAIM_NOUNS:  # "claims" tagged a verb, used as a noun
        return None
    if not any(
        c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in token.children
    ):
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        ),
        None,
    )


def is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if claim_owner(token) is not None:
        return True
    if token.pos_ not in ("VERB", "AUX") or lemma in ("ask", "inquire", "wonder", "question"):
        return False  # a question asks; it states nothing
    if lemma == "look":  # "both leaders look forward to ...": what they say they hope for
        return any(c.lower_ == "forward" for c in token.children)
    if lemma in ("point", "make", "credit"):
        return is_speech_cue(token)
    return lemma in SPEECH_CUES or lemma in OBJECT_STATEMENTS or lemma in BELIEF_CUES or lemma in VIEW_VERBS


# Over the complexity cap: a cue is kept or dropped for one reason at a time (a question, "not to
# mention", an inanimate subject, no content, a question's "whether"), each a line.
def findings(  # noqa: C901
    doc: Doc,
    excluded: list[tuple[int, int]] | None = None,
    gerund_by: bool = True,
) -> list[Finding]:
    """Every reporting verb with a subject and a content, outside the `excluded` character ranges
    (quotations, the questions of a transcript); `gerund_by`: a gerund after "by" too
    (`_by_gerund_subject`; the tagger's features, `rule_roles`, leave it out as they were trained)."""
    found: list[Finding] = []
    excluded = excluded or []
    text = doc.text
    for token in doc:
        if not is_cue(token) or any(a <= token.idx < b for a, b in excluded):
            continue
        if token.lower_ == "mention" and token.i >= 2 and doc[token.i - 2].lower_ == "not":
            continue  # "not to mention": no statement
        if demanded(token):
            continue  # "The Seoul authorities should admit and apologize …": a demand, not a report
        if token.lower_ == "according" and _reports_itself(token):
            continue  # "According to Reuters, China said ...": China's statement, Reuters' report
        if agreement_to_act(token) and any(c.lower_ == "according" for c in token.children):
            continue  # "A and B agreed to a ceasefire, according to X": X's statement, A's act
        cited = _cited(token)
        if (
            cited is None
            and token.lemma_.lower() == "report"
            and any(c.dep_ == "ccomp" and _said_by_own_subject(c) for c in token.children)
        ):
            continue  # "News 24 reported that Egypt has invited Israel to ...": Egypt's statement
        if token.lemma_.lower() in ("report", "say", "write", "state") and any(
            c.dep_ == "ccomp" and c.i < token.i and _speaks_in_participle(c) for c in token.children
        ):
            continue  # "Ford took a firm stance, warning that ..., CBS News said": Ford's warning
        subject = cited or claim_owner(token) or subject_of(token) or _left_person(token)
        if subject is None and gerund_by:
            subject = _by_gerund_subject(token)
        quoted = subject is not None and any(a <= subject.idx < b for a, b in excluded)
        if subject is not None and (quoted or not animate(subject)):
            # a subject inside a quotation ('"[China] is ...," he said, noting that ...': the
            # parse hung "noting" from the quoted verb) is no speaker of the reporter's clause;
            # "Kamikawa stressed that ..., and strongly urged Israel to ..." parsed with "it" or
            # "the tension" as the subject: the speaker of the sentence's earlier reporting verb
            subject = next(
                (
                    f.subject
                    for f in reversed(found)
                    if f.subject is not None
                    and f.cue.sent == token.sent
                    and animate(f.subject)
                    and not any(a <= f.subject.idx < b for a, b in excluded)
                ),
                None,
            )
        if subject is None:
            continue
        content = [t for t in _content(token) if t.i != token.i]
        span = _span(content)
        if span is None:
            continue
        raw_start = _in_paragraph(text, token.idx, *span)[0]
        start, end = _trim(text, *_in_paragraph(text, token.idx, *span))
        if end - start < 3 or len(text[start:end].split()) < 2:
            continue
        if re.match(r"\W*(?:whether|if|why|how|what|when|where|who|which)\b", text[raw_start:end], re.I) and (
            token.lemma_.lower() not in ("explain", "describe", "say", "tell") or _negated(token)
        ):
            # "declined to comment on whether ...", "did not say when the talks would resume":
            # nothing stated ("said how the talks went" states something)
            continue
        lemma = token.lemma_.lower()
        speech = lemma not in BELIEF_CUES or lemma in SPEECH_CUES
        finding = Finding(token, subject, start, end, speech, _negated(token), _hedged(token))
        if finding.negated:  # the words keep the negation: "has not confirmed that ..."
            first = min([token, *[c for c in token.children if c.dep_ in ("aux", "neg")]], key=lambda t: t.i)
            if first.idx < start:
                finding.start = first.idx
        found.append(finding)
    return found


def _cited(cue: Token) -> Token | None:
    """The one a report cites as its source ("Russia opposes trade wars …, local media reported
    Thursday, citing Kremlin spokesman Dmitry Peskov"; "…, Interfax said, citing a ministry
    source"): the words are theirs, the outlet only relays them."""
    if cue.lemma_.lower() not in ("report", "say", "write", "state"):
        return None
    for child in cue.children:
        citing = child.lemma_.lower() == "cite" and child.tag_ == "VBG"
        if citing and child.dep_ in ("advcl", "xcomp", "conj"):
            source = next((c for c in child.children if c.dep_ == "dobj"), None)
            if source is not None and animate(source):
                return source
    return None


def _by_gerund_subject(cue: Token) -> Token | None:
    """Who speaks in a gerund after "by" ("X sought to ease concerns by reaffirming that …"): the
    subject of the verb the phrase hangs from, up through infinitives ("sought to ease")."""
    if cue.dep_ != "pcomp" or cue.tag_ != "VBG" or cue.head.lower_ != "by" or cue.head.dep_ != "prep":
        return None
    verb = cue.head.head
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def rule_roles(doc: Doc) -> dict[int, str]:
    """Token index -> SRC, CUE or CON, as the rules above read the article: the tagger's features."""
    roles: dict[int, str] = {}
    for finding in findings(doc, gerund_by=False):
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                roles.setdefault(token.i, "CON")
        if finding.subject is not None:
            head = finding.subject
            tokens = (
                [head]
                if head.pos_ == "PRON"
                else [
                    t
                    for t in head.subtree
                    if t.dep_ not in ("relcl", "acl", "appos", "punct")
                    and not any(
                        a.dep_ in ("relcl", "acl", "appos")
                        for a in t.ancestors
                        if head in a.ancestors or a is head
                    )
                ]
            )
            for token in tokens:
                roles[token.i] = "SRC"
        roles[finding.cue.i] = "CUE"
    return roles
