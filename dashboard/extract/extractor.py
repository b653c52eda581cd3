"""From cleaned article text to draft statements: verbatim spans, their cue, source and speaker.

Four readers, one draft per statement:
- **transcript turns** (`turns`): each answer of a press conference is one statement of its speaker,
  in their own words; a journalist's question is nobody's statement and nothing in it is drafted;
- **quotations in marks** (`quotes.find_quotes`) take the nearest speech cue of their sentence (or,
  with none there, the speaker of the quotation just before: a continued quote); one that opens a
  sentence, or follows "he said:" or "replied," is direct, one inside the reporter's sentence partial;
  scare quotes and titles ("entitled “Diplomacy”") are nobody's statement;
- **reported speech** (`reported`): a reporting verb's subject and complement, from the parse;
- the trained **tagger** (CRF) for reported speech the parse rules do not reach.
A paraphrase around a quotation of the same words is the quotation; a statement made jointly ("the
two ministers agreed") is one draft per speaker. Every draft's `text` is `article[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dashboard.extract.linking import stateless_official
from dashboard.extract.nlp import english
from dashboard.extract.places import state_in, state_of
from dashboard.extract.quotes import QuoteSpan, find_quotes, split_reopened
from dashboard.extract.reported import (
    BELIEF_CUES,
    Finding,
    _in_paragraph,
    answers_questions,
    demanded,
    findings,
    said_object,
)
from dashboard.extract.speakers import (
    BODY_NOUNS,
    PERSON_TITLES,
    SPEECH_CUES,
    TITLE_WORDS,
    Resolution,
    Speaker,
    SpeakerBook,
    _person_key,
    _un_office,
    _without_honorifics,
    animate,
    gerund_subject,
    is_speech_cue,
    split_title,
    subject_of,
)
from dashboard.extract.tagger import Attribution, Tagger, TaggerMissing
from dashboard.extract.turns import (
    ANSWER_LABELS,
    Turn,
    byline,
    find_turns,
    made_public_line,
    not_a_speaker,
    principal,
)
from dashboard.text import fold

_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Prof|No|vs|U\.S|U\.N|U\.K|"
    r"Adm|Lt|Col|Maj|Capt|Cmdr|Sgt|Brig|Gens|Sens|Reps|Rev|Hon|Amb|Sec|Ft|Mt|"
    r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec))$"
)
_TITLE_CUES = re.compile(
    r"\b(?:entitled|titled|headlined|so-called|dubbed|slogan|hashtag|"
    r"codenamed|code-named|operation)\s*$",
    re.I,
)


@dataclass
class DraftQuote:
    text: str
    start: int
    end: int
    kind: str  # direct | partial | paraphrase
    speaker: Speaker | None
    source_span: tuple[int, int] | None
    cue_span: tuple[int, int] | None
    is_speech: bool
    confidence: float
    how: str  # named, pronoun, short-name, description, continued, turn, unknown, modifier, title
    flags: list[str] = field(default_factory=list)


def _sentence_ends(text: str, quotes: list[QuoteSpan]) -> list[int]:
    """Character positions just after a sentence end: a mark outside every quotation, or a closing
    quotation mark after one inside it with a new sentence next ('… this.” He said')."""
    regions = [(q.open_mark, q.outer_end) for q in quotes]
    ends = [
        q.outer_end
        for q in quotes
        if q.close_mark is not None
        and text[q.end - 1] in ".!?"
        and re.match(r"\s+[A-Z“\"]", text[q.outer_end : q.outer_end + 3])
    ]
    for match in re.finditer(r"[.!?](?=\s+\S|\s*$)", text):
        at = match.start()
        if any(a <= at < b for a, b in regions):
            continue
        if match.group() == "." and _ABBREVIATION.search(text[max(0, at - 4) : at]):
            continue
        ends.append(at + 1)
    return sorted(ends)


def _paragraph_of(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _quote_paragraphs(text: str, quote: QuoteSpan) -> tuple[int, int]:
    """The paragraph a quotation opens in, to the end of the one it closes in (one that runs on
    over paragraphs has its cue after the last)."""
    start, end = _paragraph_of(text, quote.open_mark)
    if quote.close_mark is not None and quote.close_mark > end:
        end = _paragraph_of(text, quote.close_mark)[1]
    return start, end


def _nearest_cue(
    doc: Doc, quote: QuoteSpan, window: tuple[int, int], regions: list[tuple[int, int]]
) -> tuple[Token, Token | None] | None:
    """The nearest speech cue in the window that has a subject (else the nearest one at all)."""
    found: list[tuple[int, Token]] = []
    for token in doc:
        if not (window[0] <= token.idx < window[1]) or any(a <= token.idx < b for a, b in regions):
            continue
        if token.pos_ not in ("VERB", "NOUN", "AUX", "ADP") or not is_speech_cue(token):
            continue
        if token.lower_ == "according" and not any(c.lower_ == "to" for c in token.children):
            continue
        if any(c.dep_ == "neg" for c in token.children):
            # "Russia never discloses such conversations: “I don't comment …”": an act of speech
            # denied introduces no one's words
            continue
        distance = quote.open_mark - token.idx if token.idx < quote.open_mark else token.idx - quote.outer_end
        found.append((distance, token))
    found.sort(key=lambda pair: pair[0])
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    governing = [t for _, t in found if span is not None and t in span.root.ancestors]
    for _, token in found:
        subject = gerund_subject(token) or subject_of(token)
        if subject is None or quote.start <= subject.idx < quote.end:
            continue  # ('“This reluctance …” is encouraged by …, he stressed': the words are no speaker)
        before = [g for g in governing if g.idx < quote.open_mark]
        over = governing if _subordinate(token) else before if token.tag_ == "VBG" else []
        if span is not None and token.idx > quote.outer_end and over:
            # "X warned them against threatening “regional peace” after the United States said
            # ...": the cue of another's clause after the words is not theirs; the one over them is.
            # So for a participle after them ("after Trump said that he canceled it because “…”,
            # voicing frustration"): the verb the words hang from is theirs
            outer = next((g for g in over if subject_of(g) is not None), None)
            if outer is not None:
                return outer, subject_of(outer)
        return token, subject
    return (found[0][1], None) if found else None


def _claim_before(doc: Doc, quote: QuoteSpan, window: tuple[int, int]) -> tuple[Token, Token] | None:
    """A speech noun with its owner before a quotation, in the same sentence, with no other cue
    between them ("Teodoro’s claims that ... “committed to ...”"): the cue and its owner."""
    before = [
        t
        for t in doc
        if window[0] <= t.idx < quote.open_mark and t.pos_ in ("VERB", "NOUN", "AUX") and is_speech_cue(t)
    ]
    if not before:
        return None
    last = before[-1]
    owner = next((c for c in last.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if last.pos_ != "NOUN" or owner is None or last.sent != _sentence_at(last.doc, quote.open_mark):
        return None
    if not any(c.dep_ in ("acl", "ccomp") for c in last.children) or (
        is_speech_cue(last.head) and last.head.i < last.i
    ):
        return None  # a claim "that ...", not the object of another's words ("called X's comments “...”")
    return last, owner


def _claim_around(doc: Doc, quote: QuoteSpan) -> tuple[Token, Token] | None:
    """A speech noun with its owner whose own that-clause holds the quotation ("Holm rejected
    Lund's claim that “the deal is dead.”"): the words are the owner's, whatever verb governs the
    noun (unlike "called X's comments “…”", where the words are the object complement)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    for node in (span.root, *span.root.ancestors):
        if node.dep_ not in ("acl", "ccomp"):
            continue
        noun = node.head
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _REPEATS:
            return None  # "reiterated Putin's warning that “…”": the one who repeats it says it now
        if noun.pos_ == "NOUN" and noun.i < span.start and owner is not None and is_speech_cue(noun):
            return noun, owner
        return None  # the innermost clause over the words is not a claim's
    return None


_WORDS_NOUNS = frozenset({"word", "remark", "statement", "comment"})
_REPEATS = frozenset({"reiterate", "repeat", "echo", "restate", "reaffirm", "endorse", "second"})


def _words_of(doc: Doc, quote: QuoteSpan) -> tuple[Token, Token] | None:
    """Whose words a quotation is, said by the phrase before it in its sentence: "in Lund's words,
    the talks were “…”" or "in the words of Lund, …" over the words, or "the words of her
    predecessor, Anders Dahl: “…”" right before them. The noun and the owner."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    for noun in doc[span.root.sent.start : span.start]:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _WORDS_NOUNS:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None and noun.dep_ == "pobj" and noun.head.lower_ == "in":
            # "in his words, …": the one the pronoun stands for
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            held = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if held is not None:
                named = next((c for c in held.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                # a name the tagger took for a noun ("the words of Lund") is still a name
                owner = named or (held if held.pos_ == "PROPN" or held.text.istitle() else None)
        if owner is None:
            continue
        head = noun.head
        if head.lower_ == "in" and noun.dep_ == "pobj" and span.root in head.head.subtree:
            return noun, owner  # "in X's words": the words the phrase is set over
        last = doc[noun.right_edge.i + 1 : span.start]
        if [t.text for t in last if not t.is_space and t.text not in '“"‘'] == [":"]:
            return noun, owner  # "the words of X: “…”"
    return None


_HEADLINE_NAME = re.compile(r"\s[—–-]\s*([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$")


def _headline_name(doc: Doc, quote: QuoteSpan, headline: int) -> Token | None:
    """The person a headline gives its words in marks to by a dash and a name at its end ('Ties
    with Russia “their own matter” — Lin Jian'): the name's last word."""
    if not headline or quote.outer_end > headline:
        return None
    match = _HEADLINE_NAME.search(doc.text[:headline])
    if match is None or match.start() < quote.outer_end:
        return None
    name = [t for t in doc if match.start(1) <= t.idx < match.end(1)]
    if not name or any(t.pos_ != "PROPN" or t.ent_type_ not in ("PERSON", "") for t in name):
        return None
    return name[-1]


def _sentence_at(doc: Doc, at: int) -> Span | None:
    token = next((t for t in doc if t.idx >= at), None)
    return token.sent if token is not None else None


_SUBORDINATORS = frozenset(
    ["after", "before", "as", "when", "while", "since", "because", "if", "once", "until"]
)


def _subordinate(cue: Token) -> bool:
    """Whether a cue opens a subordinate clause of its own ("after the United States said")."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in cue.children)


def _attribution_follows(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation ending in a question or an exclamation, followed by its attribution: '“... Are
    you ready?” Chinese Consul General Xue Jian said in a message' (the sentence ends inside the
    marks, the attribution is the next words): the first verb after the marks is a speech cue."""
    if quote.close_mark is None or doc.text[quote.end - 1] not in "?!":
        return False
    after = (t for t in doc if t.idx >= quote.outer_end and t.pos_ in ("VERB", "AUX"))
    verb = next(after, None)
    return verb is not None and is_speech_cue(verb) and verb.idx - quote.outer_end < 80


def _subject_in_marks(doc: Doc, quote: QuoteSpan) -> bool:
    """Words in marks that open a sentence as the subject of the reporter's verb ('“This
    reluctance by Kiev” is encouraged by its overseers, he stressed'): no stop inside the marks,
    and the reporter's sentence goes on after them with a verb that is no cue of theirs."""
    if quote.close_mark is None or doc.text[quote.end - 1 : quote.end] in tuple(".!?,;:…"):
        return False
    after = next((t for t in doc if t.idx >= quote.outer_end and not t.is_space), None)
    if after is None or not after.text[:1].islower():
        return False
    verb = next((t for t in doc[after.i : after.i + 4] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and not is_speech_cue(verb)


def _own_clause(node: Token) -> bool:
    """Whether a node heads a clause of its own in the sentence: a relative clause, a clause set
    beside ("...; officials said"), or an adverbial clause with its own subject ("after Hamas
    showed ...")."""
    return node.dep_ in ("relcl", "parataxis") or (
        node.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)
    )


def _says(doc: Doc, cue: Token, subject: Token | None, quote: QuoteSpan) -> bool:
    """Whether a partial quotation's words are what its cue and subject say: up the parse from
    the words, the cue (or the verb it hangs from: "according to him", "…, adding") is met before
    any clause of their own ("Qatar stressed ... after Hamas showed a “positive response”") and
    before any other speech cue with another subject ("Guo said Manila claimed it was “...”":
    Manila's words, reported)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    for node in span:  # each sentence's root the words hold ('“... . China will ...,” Liu said')
        if span.start <= node.head.i < span.end and node.head.i != node.i:
            continue
        while node.head.i != node.i and not _own_clause(node):
            node = node.head
            if node.i == cue.i or cue.head.i == node.i:
                return True
            if node.pos_ in ("VERB", "AUX") and is_speech_cue(node) and subject_of(node) is not None:
                if subject_of(node) == subject:
                    return True
                break
    return False


def _is_modifier(doc: Doc, quote: QuoteSpan) -> bool:
    """A short quotation that modifies the noun right after it: 'a “no-holds-barred” partnership'."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span.text.split()) > 3 or quote.close_mark is None:
        return False
    after = next((t for t in doc[span.end : span.end + 3] if not t.is_punct), None)
    return (
        after is not None
        and after.pos_ == "NOUN"
        and span.root.head == after
        and text_between_is_mark(doc.text, quote.end, after.idx)
    )


def _cue_of(
    doc: Doc,
    quote: QuoteSpan,
    window: tuple[int, int],
    regions: list[tuple[int, int]],
    reporting: Token | None,
) -> tuple[Token, Token | None] | None:
    """A quotation's cue and its subject: for a few words in a reporting verb's reported words,
    that verb; else the nearest cue."""
    if reporting is not None and len(doc.text[quote.start : quote.end].split()) <= 3:
        subject = subject_of(reporting)
        if subject is not None:
            return reporting, subject
    return _aside_cue(doc, quote, window) or _nearest_cue(doc, quote, window, regions)


_ASIDE_SUBJECT = frozenset({"he", "she", "they", "we", "i"})


def _aside_after(doc: Doc, at: int) -> tuple[Token, Token] | None:
    """The speech cue and its subject set aside right after a closing mark at character `at`:
    '“…,” John notes', '“…,” the minister said', '“…?” she asked', '“…,” said Jane Roe'. The
    words run up to the cue and its subject, with nothing else between."""
    tokens = [t for t in doc if t.idx >= at and not t.is_space][:8]
    if tokens and tokens[0].text == ",":
        tokens = tokens[1:]
    subject: list[Token] = []
    cue: Token | None = None
    for token in tokens:
        if (
            token.lemma_.lower() in SPEECH_CUES
            and not token.text[:1].isupper()
            and cue is None
            and _verb_here(token)
        ):
            cue = token
            if subject:
                break
            continue
        if token.lower_ in _ASIDE_SUBJECT or token.pos_ == "PROPN" or token.lower_ in ("the", "a", "an"):
            subject.append(token)
        elif subject and token.pos_ in ("NOUN", "ADJ") and "\n" not in token.text:
            subject.append(token)  # "the minister", "a senior official"
        else:
            break
    if cue is None or not subject or cue.lemma_.lower() in _QUOTING:
        return None
    if _addressed(cue, subject):
        return None
    parsed = subject_of(cue)
    if parsed is not None and parsed in subject:
        return cue, parsed  # "Pakistan state TV said": the parse's head, TV
    heads = [t for t in subject if t.pos_ in ("PROPN", "NOUN", "PRON") or t.lower_ in _ASIDE_SUBJECT]
    return (cue, heads[-1]) if heads else None


def _addressed(cue: Token, after: list[Token]) -> bool:
    """Whether the words after a cue are whom it addresses, not who speaks: a participle's object
    ('“…,” urging the public to …') or a verb's ('“…,” told the press')."""
    if cue.i > after[0].i:
        return False
    return cue.tag_ == "VBG" or any(t.dep_ in ("dobj", "dative") and t.head is cue for t in after)


def _verb_here(token: Token) -> bool:
    """A cue word that is the verb here: tagged so, or, where the tagger took it for a noun
    ("John notes, …"), followed by the aside's end; never a noun run on ("Pakistan state TV")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ in ("VERB", "AUX") or after is None or after.text in (",", ".", ";", "\n")


# an outlet that quotes or reports someone ("…,” the Daily quoted Rojas as saying) is not the one
# whose words these are: the nearest cue's reading decides
_QUOTING = frozenset({"quote", "cite", "report"})


def _aside_cue(doc: Doc, quote: QuoteSpan, window: tuple[int, int]) -> tuple[Token, Token] | None:
    """A quotation whose own attribution is set aside right after it ('While Trump did reiterate
    “his readiness …,” John notes, …'): the aside names whose words these are, over a cue before
    the marks with another subject, which the writer's words in marks describe; and so does the
    aside after a quotation earlier in the same sentence for one that goes on the same clause
    after it ('…,” John notes, the US president “focused …”'), with no other cue between."""
    if quote.close_mark is not None and re.search(r"[,?!]", doc.text[quote.end - 1 : quote.outer_end + 1]):
        own = _aside_after(doc, quote.outer_end)
        if own is not None:
            return own
    text = doc.text
    for close in re.finditer(r"[,?!][”\"’]|[”\"’],", text[window[0] : quote.open_mark]):
        at = window[0] + close.end()
        aside = _aside_after(doc, at)
        if aside is None or re.search(r"[.!?]\s", text[at : quote.open_mark]):
            continue
        cue, _ = aside
        later = [
            t
            for t in doc
            if cue.idx < t.idx < quote.open_mark and t.pos_ in ("VERB", "AUX") and is_speech_cue(t)
        ]
        if not later:
            return aside
    return None


def _reporting_cue(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The reporting verb before a quotation in whose reported words it sits ("Yoon said the
    measure was necessary to prevent domination by “antistate” forces"): a short quotation there
    is the speaker's own word, not the writer's scare quotes, and that verb is its cue."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    node = span.root
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return None
        if (
            node.dep_ == "ccomp"
            and head.i < span.start
            and head.pos_ in ("VERB", "AUX")
            and is_speech_cue(head)
            and head.lemma_.lower() not in BELIEF_CUES
        ):
            return head
        node = head
    return None


def text_between_is_mark(text: str, start: int, end: int) -> bool:
    return all(c.isspace() or c in '”»」』"' for c in text[start:end])


def _token_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


# the reporter's account of what the words did, after them ("demanded that Japan retract …,
# escalating a diplomatic dispute"): no part of what was said
_CONSEQUENCE = re.compile(
    r",\s+(?:escalating|raising|prompting|sparking|marking|underscoring|deepening|fuelling|fueling|"
    r"heightening|intensifying|worsening|straining|complicating|signalling|signaling|drawing|triggering)\s"
)


def _before_consequence(text: str, start: int, end: int) -> int:
    """Where reported words end before the reporter's participle of consequence (`_CONSEQUENCE`)."""
    found = _CONSEQUENCE.search(text, start, end)
    return found.start() if found is not None and found.start() - start >= 12 else end


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _introduced(doc: Doc, text: str, quote: QuoteSpan, para_start: int) -> bool:
    """Whether the quotation is a whole statement introduced by its cue: 'replied, “…”', 'said:
    “…”', 'quote, "…"'."""
    before = text[para_start : quote.open_mark].rstrip()
    if before.endswith((":", "：")):
        return True
    if not before.endswith(","):
        return False
    words = re.findall(r"[\w’']+", before[-40:])
    if not words:
        return False
    last = words[-1].lower()
    if last in ("quote", "saying", "adding", "writing", "stating", "noting", "declaring"):
        return True
    token = next(
        (
            t
            for t in doc
            if t.idx <= quote.open_mark - 2
            and t.idx + len(t.text) >= len(before) + para_start - len(words[-1])
            and t.text == words[-1]
        ),
        None,
    )
    return (
        token is not None
        and is_speech_cue(token)
        and token.pos_ in ("VERB", "AUX")
        and not _has_its_words(token)
    )


def _has_its_words(cue: Token) -> bool:
    """Whether a cue before a comma already has what it says, so the quotation after the comma
    is not its words: a relative clause's cue ("troops, which is what intelligence has claimed,
    “could destabilize …,” said X": the quotation goes on the reporter's sentence, partial)."""
    return any(c.dep_ == "dobj" and c.lower_ in ("what", "which") for c in cue.children) or any(
        a.dep_ == "relcl" for a in (cue, *cue.ancestors)
    )


@dataclass
class _Pending:
    draft: DraftQuote
    subject: Token | None
    continued_from: int | None = None  # index of the quotation this one continues
    turn: Turn | None = None  # the answer turn the draft is (when it is the turn itself)
    cue: Token | None = None
    then: Token | None = None  # the sentence's own speaker, met after the draft's (a nested claim)


def extract(text: str, tagger: Tagger | None = None) -> list[DraftQuote]:
    """Draft statements of one article, in the order they appear."""
    return extract_from_doc(parse(text), tagger)


def parse(text: str) -> Doc:
    """The article parsed, its headline a sentence of its own: a headline has no full stop, and
    read as one sentence with the first paragraph it lends that paragraph's subject a verb ("...
    Leader Lashes Out at South Korean Drones North Korea's Kim Yo Jong ... warned")."""
    nlp = english()
    end = _headline_end(text)
    headings = _after_headings(text) | _paragraph_starts(text)
    if not end and not headings:
        return _names_after_titles(
            _names_with_particles(_names_joined_by_and(_names_within_paragraphs(nlp(text))))
        )
    doc = nlp.make_doc(text)
    after = next((t for t in doc if t.idx > end and not t.is_space), None) if end else None
    if after is not None:
        after.is_sent_start = True
    for token in doc:
        if token.idx in headings and token.i > 0:
            token.is_sent_start = True
    for _, process in nlp.pipeline:
        doc = process(doc)
    return _names_after_titles(_names_with_particles(_names_joined_by_and(_names_within_paragraphs(doc))))


_HEADING_LINE = re.compile(r"[^\n]*[^\s:;,][ \t]*\n\s*(?=\S)")


def _after_headings(text: str) -> set[int]:
    """Where each paragraph after a heading starts: a line of at most 12 words not ended by a
    colon or a comma ("US ambassador: Resolution is not a peace agreement", "'Prolonged pause'")
    is a sentence of its own, not the subject of the next paragraph's verb."""
    out: set[int] = set()
    for match in _HEADING_LINE.finditer(text):
        words = match.group().split()
        if (
            0 < len(words) <= 12
            and match.start() > 0
            and words[-1].lower() not in _RUNS_ON  # a line broken inside a sentence
            and not text[match.end()].islower()
        ):
            out.add(match.end())
    # a line that is only a label of the layout or a dateline ("Background:", "New York:",
    # "BRUSSELS:") names nobody: the paragraph after it is a sentence of its own
    for match in _LAYOUT_LABEL_LINE.finditer(text):
        if not_a_speaker(match.group(1)):
            out.add(match.end())
    return out


_LAYOUT_LABEL_LINE = re.compile(r"(?m)^[ \t]*([^\W\d][^:\n]{0,38}):[ \t]*\n\s*(?=\S)")


_PARAGRAPH_START = re.compile(r"[.!?][”\"’»]*[ \t]*\n\s*(?=[A-Z“\"‘«])")


def _paragraph_starts(text: str) -> set[int]:
    """Where each paragraph opens after one that ended a sentence (a full stop, a question or an
    exclamation mark, perhaps inside closing marks): a paragraph break is a sentence's end in
    any reporting, though the parser runs a paragraph that opens on a quotation or on "Earlier,"
    into the one before, so the speaker of "… he said." became the subject of that sentence. A
    line wrapped inside a sentence ("the U.S.\nPresident", "… the\nanachronistic") is no start."""
    out: set[int] = set()
    for match in _PARAGRAPH_START.finditer(text):
        at = match.start()
        if text[at] == "." and _ABBREVIATION.search(text[max(0, at - 4) : at]):
            continue
        out.add(match.end())
    return out


_RUNS_ON = frozenset(
    {"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from"}
)


def _names_within_paragraphs(doc: Doc) -> Doc:
    """No name runs over a line break: "says Lavrov" at a heading's end and "Lavrov also ..." at
    the next paragraph's start are two names, not one "Lavrov\n\nLavrov"."""
    if not any("\n" in t.text for e in doc.ents for t in e):
        return doc
    ents: list[Span] = []
    for ent in doc.ents:
        start = ent.start
        for token in ent:
            if "\n" in token.text:
                if token.i > start:
                    ents.append(Span(doc, start, token.i, label=ent.label_))
                start = token.i + 1
        if start < ent.end:
            ents.append(Span(doc, start, ent.end, label=ent.label_))
    doc.ents = ents
    return doc


def _names_joined_by_and(doc: Doc) -> Doc:
    """A body's name that holds an "and" is one name: the tagger often ends "the Institute for
    Disarmament and Peace" or "the Ministry of Foreign Affairs and Trade" before the "and". A body's
    name ending in a capitalised word after "of" or "for" runs on over "and" and the capitalised
    words that follow, when they are no name of their own (never "the Ministry of Defence and
    Japan") and the name does not go on past them."""
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ != "ORG" or not any(t.lower_ in ("of", "for") for t in ent[1:-1]):
            continue
        last = ent[-1]
        if not last.text[:1].isupper() or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and":
            continue
        end = ent.end + 1
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and not doc[end].ent_type_:
            end += 1
        if end == ent.end + 1 or end - ent.end > 4:
            continue
        if n + 1 < len(ents) and ents[n + 1].start < end:
            continue
        ents[n] = Span(doc, ent.start, end, label="ORG")
        changed = True
    if changed:
        doc.ents = ents
    return doc


# the small words inside a surname ("Ursula von der Leyen", "Frans van der Ham", "Luiz da Silva")
_PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "du",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
    }
)


def _names_with_particles(doc: Doc) -> Doc:
    """A person's name the tagger ends at a particle ("Ursula von der" and "Leyen" as a place, "von
    der" and "Leyen") runs on over the capitalised word after it: one PERSON."""
    ents = list(doc.ents)
    out: list[Span] = []
    n = 0
    changed = False
    while n < len(ents):
        ent = ents[n]
        following = ents[n + 1] if n + 1 < len(ents) and ents[n + 1].start == ent.end else None
        if (
            ent.label_ == "PERSON"
            and ent[-1].lower_ in _PARTICLES
            and ent.end < len(doc)
            and doc[ent.end].text[:1].isupper()
            and doc[ent.end].pos_ == "PROPN"
            and (following is None or len(following) <= 2)  # "Leyen" read as a place: taken in
        ):
            out.append(
                Span(doc, ent.start, following.end if following is not None else ent.end + 1, label="PERSON")
            )
            changed = True
            n += 2 if following is not None else 1
            continue
        out.append(ent)
        n += 1
    if changed:
        doc.ents = out
    return doc


def _hyphen_end(doc: Doc, end: int) -> int:
    """Where a name ending before token `end` ends once its hyphenated parts are taken in: the
    tagger often stops a romanised Korean name at the hyphen ("Choe Son" of "Choe Son-hui")."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and not doc[end + 1].ent_type_
    ):
        end += 2
    return end


def _title_run(doc: Doc, at: int, text: str, lines: dict[int, bool]) -> int:
    """The end of a run of capitalised proper nouns from token `at`, over hyphens, that holds no
    name but a person's: "Choe Son-hui", "No Kwang Chol". More than six tokens, or a line in title
    case ("Press Secretary Jane Roe Briefs Members of the Media"), is no name (`lines`: each line's
    reading, by where it starts, kept for the document's other titles; `text` the document's, made
    once: spaCy joins it anew on every `doc.text`)."""
    end = at
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].is_alpha:
        word = doc[end].lower_
        if doc[end].ent_type_ not in ("", "PERSON") or word in _NO_NAME_PART:
            break
        end = _hyphen_end(doc, end + 1)
    if end - at > 6 or _title_case(doc[at], text, lines):
        return at
    return end


def _title_case(token: Token, text: str, lines: dict[int, bool]) -> bool:
    """Whether the line of `token` is set in title case, as a headline is ("Press Secretary Jane
    Roe Briefs Members of the Media"); each line read once (`lines`)."""
    start = text.rfind("\n", 0, token.idx) + 1
    if start not in lines:
        end = text.find("\n", token.idx)
        words = re.findall(r"[A-Za-z][\w'’-]*", text[start : end if end >= 0 else len(text)])
        lines[start] = len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    return lines[start]


# a title-case headline's verb or noun the recogniser runs a name on into ("Secretary Marco Rubio
# Remarks to Press", "Jane Roe Briefs Members of the Media")
_HEADLINE_VERBS = frozenset(
    {"remarks", "briefs", "holds", "delivers", "speaks", "says", "meets", "hosts", "gives", "interview"}
)
# words of an event's or a body's name after a title's word ("Defense Ministers Meeting")
_NO_NAME_WORDS = frozenset(
    {"meeting", "meetings", "summit", "conference", "forum", "talks", "dialogue", "ministers", "affairs"}
)
# words that end a name's run after a title: another title, a body's noun, an event's word
_NO_NAME_PART = PERSON_TITLES | BODY_NOUNS | _NO_NAME_WORDS
# titles set right before a name; not "defense" or "leader", which begin bodies' and events' names
_NAME_TITLES = PERSON_TITLES - {"defense", "defence", "leader", "speaker", "chief", "lady", "general"}


def _names_after_titles(doc: Doc) -> Doc:
    """A person's name the tagger cut at a hyphen runs on over it ("Choe Son" + "-hui"), and the
    capitalised words right after a person's title are one name where the tagger named none of
    them or only part ("North Korean Foreign Minister Choe Son-hui", "Minister Kim Son" + "Gyong",
    "Minister So" + "Hong Chan"): it knows few Korean names."""
    ents = list(doc.ents)
    out: list[Span] = []
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 2 and ent[-1].lower_ in _HEADLINE_VERBS:
            ent = Span(doc, ent.start, ent.end - 1, label="PERSON")  # "Marco Rubio Remarks to Press"
        end = _hyphen_end(doc, ent.end) if ent.label_ == "PERSON" else ent.end
        if end > ent.end and not any(e.start < end and e.end > ent.end for e in ents if e is not ent):
            ent = Span(doc, ent.start, end, label="PERSON")
        out.append(ent)
    lines: dict[int, bool] = {}
    text = doc.text
    for token in doc[:-1]:
        if token.lower_ not in _NAME_TITLES or not token.text[:1].isupper():
            continue
        start, end = token.i + 1, _title_run(doc, token.i + 1, text, lines)
        if len([t for t in doc[start:end] if t.is_alpha]) < 2:
            continue
        inside = [e for e in out if e.start < end and e.end > start]
        if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
            continue  # named as it is
        if any(e.start < start or e.end > end for e in inside):
            continue
        out = [e for e in out if e not in inside] + [Span(doc, start, end, label="PERSON")]
    if out != ents:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


def _inside(at: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in regions)


def _load_tagger(tagger: Tagger | None) -> Tagger | None:
    if tagger is not None:
        return tagger
    try:
        return Tagger.load()
    except TaggerMissing:
        return None


# Over the complexity cap: the quotation patterns (direct, partial, per cue position) are read in
# one walk over the quotations; split, the walk's shared state would travel through every helper.
def _quotations(  # noqa: C901
    doc: Doc, quotes: list[QuoteSpan], attributions: list[Attribution], questions: list[tuple[int, int]]
) -> list[_Pending]:
    text = doc.text
    regions = [(q.open_mark, q.outer_end) for q in quotes]
    ends = _sentence_ends(text, quotes)
    pending: list[_Pending] = []
    headline = _headline_end(text)
    for index, quote in enumerate(quotes):
        if _inside(quote.open_mark, questions):
            continue
        para_start, para_end = _quote_paragraphs(text, quote)
        left = max([e for e in ends if e <= quote.open_mark and e >= para_start], default=para_start)
        right = min([e for e in ends if e >= quote.outer_end and e <= para_end], default=para_end)
        if right == quote.outer_end and _attribution_follows(doc, quote):
            right = min([e for e in ends if e > quote.outer_end and e <= para_end], default=para_end)
        reporting = _reporting_cue(doc, quote)
        if _is_modifier(doc, quote) and reporting is None:
            # a scare-quoted adjective: the writer's words, nobody's quote
            pending.append(_nobodys(text, quote, "modifier"))
            continue
        words = text[quote.start : quote.end].split()
        if _names_something(text, quote, para_start):
            pending.append(_nobodys(text, quote, "title"))
            continue
        cue_and_subject = _cue_of(doc, quote, (left, right), regions, reporting)
        named_by = _headline_name(doc, quote, headline)
        words_quoted = text[quote.start : quote.end]
        whole = (
            bool(re.match(r"[A-Z“\"‘']|I\b", words_quoted))
            and bool(re.search(r"[.!?]$", words_quoted))
            and len(words_quoted.split()) >= 4
        )
        direct = (quote.sentence_initial and not _subject_in_marks(doc, quote)) or (
            whole or _introduced(doc, text, quote, para_start)
        )
        kind = "direct" if direct else "partial"
        draft = DraftQuote(
            text[quote.start : quote.end],
            quote.start,
            quote.end,
            kind,
            None,
            None,
            None,
            True,
            0.0,
            "unknown",
        )
        if kind == "partial" and len(words) <= 3:
            draft.flags.append("span")  # a phrase or a term in marks: whose words, and what about
        if named_by is not None:  # 'Ties with Russia “their own matter” — Lin Jian'
            pending.append(_Pending(draft, named_by))
            continue
        if cue_and_subject is not None:
            cue, subject = cue_and_subject
            held = _words_of(doc, quote) or (_claim_around(doc, quote) if cue.idx < quote.open_mark else None)
            claim = held or (_claim_before(doc, quote, (left, right)) if cue.idx > quote.outer_end else None)
            then = None
            if claim is not None:
                # "In response to X's claims that ... “...”, Guo said that ...": the words are X's,
                # and Guo, who speaks in the sentence, is the one a later "he" stands for
                then, (cue, subject) = subject, claim
                draft.flags.append("nested")
            draft.cue_span = (cue.idx, cue.idx + len(cue.text))
            if (
                kind == "partial"
                and held is None  # words held by "in X's words" or by X's claim are X's
                and "speaker" not in draft.flags
                and not _says(doc, cue, subject, quote)
            ):
                draft.flags.append("speaker")  # the nearest cue, not the one the words depend on
            pending.append(_Pending(draft, subject, cue=cue, then=then))
            continue
        words_of = _words_of(doc, quote)
        if words_of is not None:  # "In his words, the talks were “…”" with no verb of saying
            draft.cue_span = (words_of[0].idx, words_of[0].idx + len(words_of[0].text))
            pending.append(_Pending(draft, words_of[1], cue=words_of[0]))
            continue
        labelled = _label_line_person(doc, para_start) if quote.open_mark == para_start else None
        if labelled is not None:  # "Jane Roe, Professor of Politics" on the line before the words
            pending.append(_Pending(draft, labelled))
            continue
        previous = index - 1
        if previous >= 0 and (
            quotes[previous].open_mark >= para_start
            or (quote.open_mark == para_start and quote.sentence_initial)
        ):
            pending.append(_Pending(draft, None, previous))
            continue
        crf = next(
            (
                a
                for a in attributions
                if a.source is not None
                and any(doc[c.start].idx < quote.end and doc[c.end - 1].idx >= quote.start for c in a.content)
            ),
            None,
        )
        if crf is not None and crf.source is not None:
            draft.cue_span = _token_span(doc, crf.cue.start, crf.cue.end)
            draft.is_speech = is_speech_cue(doc[crf.cue.start : crf.cue.end].root)
            pending.append(_Pending(draft, doc[crf.source.start : crf.source.end].root))
        else:
            pending.append(_Pending(draft, None))
    return pending


_LABEL_LINE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},\s+[^.!?:“”\"]{3,160}")


def _names_something(text: str, quote: QuoteSpan, para_start: int) -> bool:
    """Whether the words in marks are a name or a title ("the “Peace Formula”", "entitled
    “Diplomacy”"), nobody's statement: a few capitalised words, no closing stop or comma."""
    words = text[quote.start : quote.end].split()
    named = (
        0 < len(words) <= 12
        and all(
            w[:1].isupper()
            or not w[:1].isalpha()
            or w in ("of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "at", "by")
            for w in words
        )
        and not re.search(r"[.!?,]$", text[quote.start : quote.end])
        and (len(words) <= 4 or sum(w[:1].isupper() for w in words) >= 3)
    )
    cue = _TITLE_CUES.search(text[max(para_start, quote.open_mark - 30) : quote.open_mark])
    # "operation “Cast Lead”" names one; "the operation “endangers” the hostages" quotes a verb
    if cue is not None and cue.group().lower().startswith("operation"):
        return named or text[quote.start : quote.start + 1].isupper()
    return named or cue is not None


def _label_line_person(doc: Doc, para_start: int) -> Token | None:
    """The person of a line that only names someone and their post ("Jane Roe, Professor of
    Politics", no sentence, no colon) right before a paragraph that opens with their words."""
    text = doc.text
    end = text.rfind("\n", 0, para_start)
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    if not _LABEL_LINE.fullmatch(line):
        return None
    first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start_char == first), None)
    if person is not None:
        return person.root
    comma = first + line.index(",")  # a name the recogniser missed: its last word before the comma
    last = next((t for t in doc if t.idx < comma <= t.idx + len(t.text) + 1 and t.pos_ == "PROPN"), None)
    return last


_FRAMING = frozenset({"after", "before", "despite", "following", "amid", "since", "until", "while"})


def _before_quotation(doc: Doc, start: int, end: int, quotes: list[QuoteSpan]) -> int:
    """Where a paraphrase holding a quotation ends when the quotation sits in an adverbial clause
    or phrase of its own after at least five of the paraphrase's words; else `start` (none)."""
    quote = next((q for q in quotes if q.outer_end > start and q.open_mark < end), None)
    if quote is None or quote.open_mark < start:
        return start  # the paraphrase opens inside a quotation: the quotation is the statement
    span = doc.char_span(start, end, alignment_mode="expand")
    inner = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or inner is None:
        return start
    node = inner.root
    clause = None  # the outermost adverbial clause or phrase holding the quotation
    while node.head.i != node.i and span.start <= node.head.i < span.end:
        if (
            node.dep_ == "advcl"
            or (node.dep_ == "prep" and node.lower_ in _FRAMING)
            or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"))  # '... and “remove ...”'
        ):
            clause = node
        node = node.head
    if clause is None:
        return start
    first = clause.left_edge.i
    while first > span.start and doc[first - 1].lower_ in ("and", "but", ","):
        first -= 1  # the conjunction before a conjoined clause
    cut = doc[first].idx
    words = doc.text[start:cut].split()
    if len(words) < 5:
        return start
    return start + len(doc.text[start:cut].rstrip(" ,;—–-"))


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(end, b) - max(start, a)) for a, b in spans)


def _reported(doc: Doc, quotes: list[QuoteSpan], excluded: list[tuple[int, int]]) -> list[_Pending]:
    """Paraphrases from the parse; none whose content is mostly, or holds, a quotation (the
    quotation is the statement)."""
    text = doc.text
    # a scare-quoted modifier ("an exchange of “1,000-for-1,000” prisoners") is nobody's statement,
    # so the reported words around it are one
    quoted = [
        (q.start, q.end)
        for q in quotes
        if not (_is_modifier(doc, q) and _reporting_cue(doc, q) is None)
        and not _names_something(text, q, _paragraph_of(text, q.open_mark)[0])  # the “Peace Formula”
    ]
    regions = [(q.open_mark, q.outer_end) for q in quotes]
    out: list[_Pending] = []
    for finding in findings(doc, [*regions, *excluded]):
        start, end = _around_aside(doc, finding)
        end = _before_consequence(text, start, end)
        if _covered(start, end, quoted) > 0:
            # a quotation inside carries the statement, word for word; unless it sits in a
            # clause hung at the end ("said it would decide this week after assessing whether
            # “we have something robust”"): the words before that clause are a statement too
            end = _before_quotation(doc, start, end, quotes)
            if end <= start:
                continue
        if _inside(start, excluded) or _OTHERS_WORDS.match(text[start:end]):
            continue
        flags = ["negation"] if finding.negated else []
        if finding.hedged:
            flags.append("modal")
        draft = DraftQuote(
            text[start:end],
            start,
            end,
            "paraphrase",
            None,
            None,
            (finding.cue.idx, finding.cue.idx + len(finding.cue.text)),
            finding.is_speech,
            0.75,
            "unknown",
            flags,
        )
        out.append(_Pending(draft, finding.subject, cue=finding.cue))
    return out


def _around_aside(doc: Doc, finding: Finding) -> tuple[int, int]:
    """A content with its cue set aside inside it ("Two years later, Mr. Guterres said, hostages
    remain captive …, adding that …"): when all that comes before the aside is an adverbial (the
    content's subject comes after it), the content is what follows the aside, up to a participle
    of speech of its own after a comma. Else the finding's span."""
    cue, start, end = finding.cue, finding.start, finding.end
    if not (start < cue.idx < end) or cue.dep_ not in ("parataxis", "advcl", "conj"):
        return start, end
    head = cue.head
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    aside = list(cue.subtree)
    after = aside[-1].i + 1
    while after < len(doc) and doc[after].text == ",":
        after += 1
    if subject is None or subject.i < aside[0].i or after >= len(doc) or doc[after].idx >= end:
        return start, end
    for token in doc[after:]:
        if token.idx >= end:
            break
        if (
            token.head.i == head.i
            and token.tag_ == "VBG"
            and token.dep_ == "advcl"
            and is_speech_cue(token)
            and doc[token.left_edge.i - 1].text == ","
        ):
            end = doc[token.left_edge.i - 1].idx  # ", adding that …": a statement of its own
            break
    return doc[after].idx, len(doc.text[:end].rstrip(" ,;"))


def _tagged(
    doc: Doc, attributions: list[Attribution], taken: list[tuple[int, int]], excluded: list[tuple[int, int]]
) -> list[_Pending]:
    """The tagger's paraphrases where neither a quotation nor the parse rules found a statement."""
    text = doc.text
    out: list[_Pending] = []
    for attribution in attributions:
        first, last = attribution.content[0], attribution.content[-1]
        start, end = _token_span(doc, first.start, last.end)
        cue_chars = _token_span(doc, attribution.cue.start, attribution.cue.end)
        if start < cue_chars[1] and cue_chars[0] < end:  # content on both sides of its cue
            longest = max(attribution.content, key=lambda s: s.end - s.start)
            start, end = _token_span(doc, longest.start, longest.end)
        start, end = _trim_content(text, *_in_paragraph(text, cue_chars[0], start, end))
        end = _before_consequence(text, start, end)
        if end - start < 12 or _covered(start, end, taken) > 0 or _inside(start, excluded):
            continue
        if _states_nothing(text, start, end):
            continue
        if attribution.source is None:
            continue
        cue_root = doc[attribution.cue.start : attribution.cue.end].root
        if any(c.dep_ in ("nsubj", "nsubjpass") and start <= c.idx < end for c in cue_root.children):
            continue  # "…, said the commentary": the words taken for its content are who says it
        if _an_unsaid_object(doc, cue_root, start, end) or demanded(cue_root) or answers_questions(cue_root):
            # "announced plans to counter …", "slammed the foreign ministers …"; "The Seoul
            # authorities should admit and apologize for …": a demand on them
            continue
        source: Token | None = doc[attribution.source.start : attribution.source.end].root
        if source is not None and start <= source.idx < end:
            # the source inside its own reported words ("..., he said, noting that China remains
            # the pacing challenge": not China's words): the cue's subject, else nobody's
            source = subject_of(cue_root)
        if source is None or start <= source.idx < end or _a_finding(cue_root, source):
            continue
        scores = [attribution.cue.score] + [c.score for c in attribution.content]
        scores.append(attribution.source.score)
        draft = DraftQuote(
            text[start:end],
            start,
            end,
            "paraphrase",
            None,
            None,
            cue_chars,
            is_speech_cue(cue_root),
            round(0.7 * sum(scores) / len(scores), 2),
            "unknown",
        )
        out.append(_Pending(draft, source))
    return out


# verbs a finding goes by ("assessments indicate", "data show", "a study suggests"): said by no one
# when their subject is a thing (benchmarks/devsets/README.md: beliefs and findings are left out)
_FINDING_CUES = frozenset({"indicate", "show", "suggest", "find", "reveal", "estimate", "point"})


def _a_finding(cue: Token, source: Token) -> bool:
    """ "Initial battle damage assessments indicate that …": a finding, no one's words."""
    return cue.lemma_.lower() in _FINDING_CUES and not animate(source)


def _an_unsaid_object(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """Whether the content hangs from an object of its cue that cannot be what was said (an
    announced measure, the people condemned: `reported.said_object`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    inside = [t for t in span if start <= t.idx < end] if span is not None else []
    node = next((t for t in inside if not (start <= t.head.idx < end) or t.head.i == t.i), None)
    for _ in range(4):  # from the content's first root up to its cue
        if node is None or node.head.i == node.i:
            return False
        if node.head.i == cue.i:
            return node.dep_ in ("dobj", "obj") and not said_object(cue, node)
        node = node.head
    return False


def _states_nothing(text: str, start: int, end: int) -> bool:
    """Whether a tagger's content says nothing of its own: a question asked ("whether …"), the
    question put to the speaker ("Asked to clarify his stance, X said …"), or whose words they
    were ("recalled the words of his predecessor")."""
    return bool(
        re.match(r"(?:whether|if|why|how|what|when|where|who)\b", text[start:end], re.I)
        or _PUT_TO.search(text[max(0, start - 40) : start])
        or _TOPIC_OF.search(text[max(0, start - 40) : start])
        or _WHEN_OR_TO_WHOM.search(text[max(0, start - 40) : start])
        or _OTHERS_WORDS.match(text[start:end])
    )


# "recalled the words of his predecessor", "quoted the words of X": whose words, not what they say
_OTHERS_WORDS = re.compile(r"(?:the |his |her |their |its )?(?:very |own )?words(?: of [^,;:]{1,60})?$", re.I)
# the words right after "asked" (about, to, on …) are the question put to someone, not their words
_PUT_TO = re.compile(r"\b(?:asked|questioned|pressed)(?: about| on| over| regarding| to| for| by)?\s*$", re.I)
# the words after "commented on", "spoke about", "touched upon" are what the words were about
_TOPIC_OF = re.compile(
    r"\b(?:comment|remark|touch|talk|speak|spoke)(?:s|ed|ing|en)?(?: \w+ly)? (?:on|upon|about)\s*$", re.I
)
# the words after "spoke after", "talked to", "speaking at" say when, where or to whom someone spoke
_WHEN_OR_TO_WHOM = re.compile(
    r"\b(?:spoke|speak|speaks|speaking|talked|talking|talks|talk)(?: \w+ly)? "
    r"(?:after|before|during|following|at|to|with)\s*$",
    re.I,
)
_LABEL_ROLE = re.compile(r",\s*(?P<role>[^,]+)$")


def label_speaker(label: str, headline_person: str, book: SpeakerBook, at: int = -1) -> Speaker | None:
    """The speaker a transcript label names: "MR MILLER", "Mr. KITAMURA Toshihiro, Press
    Secretary", "Foreign Minister IWAYA"; an unlabelled answer is the headline's principal. A
    surname is the person of that name the transcript named before the label at `at` (the one who
    spoke last, when two fit: "MINISTER KIM" after a question about Kim Jong Un is still the
    minister); `book.doubtful` says when more than one fits."""
    text = label or headline_person
    book.doubtful = False
    if not text:
        return None
    role = ""
    match = _LABEL_ROLE.search(text)
    if match and not re.search(r"\b(?:Jr|Sr|III|II)\.?$", text):
        role, text = match.group("role").strip(), text[: match.start()].strip()
    words = text.replace("–", " ").split()
    if text.isupper():  # "MAJOR GENERAL PAT RYDER": title case, as the article would write it
        words = [
            w.lower()
            if w.lower() in ("of", "for", "the", "and", "on", "to") and i
            else w.capitalize()
            if len(w) > 2 or w.isalpha()
            else w
            for i, w in enumerate(words)
        ]
    doc = english().make_doc(" ".join(words))
    title, name = split_title(list(doc))
    while len(name) > 2 and (name[0].lower_ in ("of", "the") or state_of(name[0].text)):
        title, name = [*title, name[0]], name[1:]  # "President of Russia Vladimir Putin": the office's state
    if not name:
        # one office holder ("Spokesperson of the … Ministry of Foreign Affairs"), not several ("EU
        # Foreign Ministers"): the title's head, before its "of"
        cut = next((i for i, t in enumerate(title) if t.lower_ in ("of", "for") and i > 0), len(title))
        one = bool(title) and not title[cut - 1].lower_.endswith("s")
        if len(words) >= 2 and words[-1].endswith("s") and words[0][:1].isupper() and not label and not one:
            # a headline's "G7 Foreign Ministers’ Statement": office holders of a group, together
            return Speaker(fold(text), text, "group", state=state_in(text))
        if title and not label and state_in(text):
            # a headline's "Press Statement by Chief of Policy Office of DPRK Ministry of National
            # Defence": an office holder the statement does not name, who speaks for that state
            return Speaker(fold(text), text, "person", text, state=state_in(text), named=False)
        if title and label and one and len(title) <= 4:
            # a label that is an office alone ("SECRETARY-GENERAL:", "Spokesperson:"): its holder,
            # unnamed; a noon briefing's or a press encounter's Secretary-General is the UN's
            office = _un_office(book.doc, " ".join(t.text for t in title if t.lower_ != "the"))
            office = re.sub(r"\s*-\s*", "-", office)
            return Speaker(fold(office), office, "person", office, state=state_in(text), named=False)
        return None
    person = doc[name[0].i : name[-1].i + 1].text  # ("Koo Byung-sam" stays one name)
    role = role or _without_honorifics(" ".join(t.text for t in title))
    full = book._full_person(person, at if at >= 0 else len(book.doc.text))
    if full is not None:
        return Speaker(
            full.key,
            full.name,
            "person",
            role or full.role,
            full.organization,
            state=full.state or state_in(text),
        )
    return Speaker(_person_key(person), person, "person", role, state=state_in(text))


def _unmarked(text: str, start: int, end: int) -> tuple[int, int]:
    """A turn's words without the marks a ministry's transcript opens (and closes) its paragraphs
    with ('"To summarize the questions we have received, …' with no mark closing it in that
    paragraph): the marks are the page's, not the speaker's words."""
    while end > start and text[end - 1].isspace():
        end -= 1
    first = text[start:end].split("\n", 1)[0]
    if first[:1] in '"“' and sum(first.count(m) for m in '"“”') % 2 == 1:
        start += 1
    last = text[start:end].rsplit("\n", 1)[-1]
    if last[-1:] in '"”' and sum(last.count(m) for m in '"“”') % 2 == 1:
        end -= 1
    return start, end


def _turns(doc: Doc, turns: list[Turn], book: SpeakerBook) -> list[_Pending]:
    text = doc.text
    headline_person = principal(text)
    author = byline(text)  # a Q&A commentary's answers ("A1:") are its author's
    out = []
    for turn in turns:
        if turn.question:
            continue
        start, end = _unmarked(text, turn.start, turn.end)
        answer = bool(ANSWER_LABELS.match(turn.label))  # "A:", "ANSWER:": the headline's principal
        speaker = label_speaker(
            "" if answer else turn.label,
            headline_person or (author if answer else ""),
            book,
            turn.label_start,
        )
        guess = book.doubtful  # a surname two people named before the label share
        if end - start < 2:
            continue
        draft = DraftQuote(
            text[start:end],
            start,
            end,
            "direct",
            None,
            (turn.label_start, turn.label_end) if turn.label else None,
            None,
            True,
            0.9 if speaker is not None else 0.2,
            "turn",
            [] if turn.label and not answer and not guess else ["speaker"],
        )  # the headline's person
        if speaker is not None:
            mention = (turn.label_start, turn.label_end) if turn.label and not answer else (start, start)
            draft.speaker = book._register(speaker, mention)
        out.append(_Pending(draft, None, turn=turn))
    return out


def _joint(book: SpeakerBook, subject: Token) -> tuple[bool, list[Resolution]]:
    """The speakers of a joint statement: (whether they replace the subject's own reading, who).
    "Iwaya and Cho agreed": Cho besides Iwaya; "the two ministers agreed", "both sides
    concurred": the last two people named before, instead of "the two ministers"."""
    name = _one_name(subject)
    if name is not None:  # "the Hostages and Missing Families Forum": one body's name
        mention = (name[0].idx, name[-1].idx + len(name[-1].text))
        text = book.doc.text[mention[0] : mention[1]]
        body = Speaker(fold(text), text, "organization")
        return True, [Resolution(book._register(body, mention), mention, "named")]
    group = subject.tag_ == "NNS"  # "ministries and government agencies": one body of speakers
    holders = _office_holders(book, subject)
    if holders:  # "The foreign ministers agreed": each minister named before
        return True, holders
    extra: list[Resolution] = []
    for c in subject.children:
        if c.dep_ == "conj" and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and not (group and c.tag_ == "NNS"))):
            extra += _office_holders(book, c) or [book.resolve(c)]
    if extra:
        return False, extra
    number = {c.lower_ for c in subject.children if c.dep_ in ("nummod", "det", "predet")}
    # "the two ministers", "both leaders": people who speak for a party, not "both captured
    # soldiers" or "two experts", who are no two parties named before
    offices = subject.lemma_.lower() in TITLE_WORDS | _PARTY_NOUNS
    if (subject.tag_ in ("NNS", "NNPS") and number & {"two", "both"} and offices) or (
        subject.lower_ in ("sides", "parties") and "both" in number
    ):
        parties = _parties_before(book, subject)
        if parties:  # "Israel and Hamas are due to begin talks. Both sides have signaled ..."
            return True, parties
        people = _two_people(book, subject)
        if len(people) == 2:
            mention = (subject.left_edge.idx, subject.idx + len(subject.text))
            return True, [
                Resolution(book._register(p, mention), mention, "description") for p in reversed(people)
            ]
    return False, []


_PARTY_NOUNS = frozenset(
    {"leader", "counterpart", "side", "party", "delegation", "envoy", "diplomat", "negotiator", "official"}
)
_TITLE_PLURALS = {
    "ministers": {"minister", "secretary"},  # a foreign secretary is a foreign minister
    "secretaries": {"secretary", "minister"},
    "leaders": {"leader"},
    "envoys": {"envoy"},
    "presidents": {"president"},
}


def _office_holders(book: SpeakerBook, token: Token) -> list[Resolution]:
    """The people a plural title stands for ("The Secretary and Foreign Ministers agreed", after
    "... with French Foreign Minister A, German Foreign Minister B and UK Foreign Secretary C"):
    those named shortly before whose role holds the title and its modifiers; [] unless two or more."""
    heads = _TITLE_PLURALS.get(token.lower_)
    if heads is None:
        return []
    modifiers = {
        c.lower_
        for c in token.children
        if c.dep_ in ("compound", "amod") and c.lower_ not in ("two", "both", "the")
    }
    found: dict[str, Speaker] = {}
    for at, person in book.people:
        if not (token.idx - 800 < at < token.idx) or person.kind != "person":
            continue
        role = set(re.findall(r"[a-z]+", fold(person.role)))
        if role & heads and modifiers <= role:
            found.setdefault(person.key, person)
    if len(found) < 2:
        return []
    mention = (token.left_edge.idx, token.idx + len(token.text))
    return [Resolution(book._register(p, mention), mention, "description") for p in found.values()]


def _two_people(book: SpeakerBook, subject: Token) -> list[Speaker]:
    """The two who spoke last before a joint subject ("Minister Iwaya stated ... promoted by
    President Zelensky ... Minister Sybiha explained ... both sides": Iwaya and Sybiha), else the
    two named last."""
    people: list[Speaker] = []
    for pool in (book.last_speakers, [*book.people, *book.last_speakers]):
        people = []
        for at, person in sorted(pool, key=lambda p: p[0], reverse=True):
            if (
                at < subject.idx
                and person.kind == "person"
                and person.named
                and person.key not in {p.key for p in people}
            ):
                people.append(book.speakers.get(person.key, person))
            if len(people) == 2:
                return people
    return people


def _party(book: SpeakerBook, token: Token) -> Resolution:
    """A state or body named by the entity a token is in, as a speaker."""
    ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    mention = (ent.start_char, ent.end_char)
    code = state_of(ent.text)
    name = re.sub(r"^(?:the|The)\s+", "", ent.text)
    party = (
        Speaker(f"state:{code}", name, "place", state=code)
        if code
        else Speaker(fold(name), name, "organization")
    )
    return Resolution(book._register(party, mention), mention, "named")


def _parties_before(book: SpeakerBook, subject: Token) -> list[Resolution]:
    """ "Both sides", "both parties": the two states or bodies the sentence before opens with."""
    pair = _pair_before(subject) if subject.lower_ in ("sides", "parties") else []
    return [_party(book, t) for t in pair] if len(pair) == 2 else []


def _pair_before(subject: Token) -> list[Token]:
    """The two states or bodies the sentence before "both sides" opens with as its subject ("Israel
    and Hamas are due to begin talks"), or []."""
    doc = subject.doc
    last = subject.sent.start - 1
    while last >= 0 and doc[last].is_space:
        last -= 1
    if last < 0:
        return []
    before = list(doc[last].sent)
    lines = [i for i, t in enumerate(before[:-1]) if "\n" in t.text or "\n" in t.whitespace_]
    before = before[lines[-1] + 1 :] if lines else before  # a heading the parse ran in is no part
    kinds = ("GPE", "ORG", "NORP")
    first = next((t for t in before if t.ent_type_ in kinds), None)
    if first is None or first.i - before[0].i > 2:
        return []  # the sentence opens with them
    while first.dep_ == "compound" and first.head.ent_type_ in kinds:
        first = first.head
    second = next((c for c in first.children if c.dep_ == "conj"), None)
    if second is None or second.ent_type_ not in kinds:
        return []
    return [first, second]


_NAMED_BODIES = BODY_NOUNS | {"forum", "foundation", "society", "association", "federation", "league"}


def _one_name(subject: Token) -> list[Token] | None:
    """The tokens of a body's name the parse split at its "and" ("the Hostages and Missing
    Families Forum": "Hostages", conjoined with "Missing Families Forum"): capitalised words
    only, no entity of their own before the "and", the last a body's noun; else None."""
    conj = [c for c in subject.children if c.dep_ == "conj"]
    if len(conj) != 1 or subject.pos_ != "PROPN" or subject.ent_type_ in ("PERSON", "GPE", "NORP"):
        return None
    other = conj[0]
    doc = subject.doc
    start = subject.left_edge.i
    while start < subject.i and doc[start].lower_ in ("the", "a"):
        start += 1
    tokens = list(doc[start : other.i + 1])
    if (
        other.lower_ not in _NAMED_BODIES
        or other.pos_ != "PROPN"
        or other.right_edge.i > other.i + 3
        or not all(t.text[:1].isupper() or t.lower_ in ("and", "of", "for", "&") for t in tokens)
        or not any(t.lower_ in ("and", "&") for t in tokens)
    ):
        return None
    return tokens


def _together(item: _Pending, pending: list[_Pending], joint: list[_Pending]) -> list[Resolution]:
    """The speakers "they" stands for when the statement just before it was a joint one."""
    if item.subject is None or item.subject.lower_ not in ("they", "both"):
        return []
    before = [
        p
        for p in [*pending, *joint]
        if p.draft.start < item.draft.start and p.draft.speaker is not None and p is not item
    ]
    if not before:
        return []
    last = max(before, key=lambda p: p.draft.start).draft
    same = [p.draft for p in before if p.draft.start == last.start and p.draft.end == last.end]
    speakers = list({id(d.speaker): d.speaker for d in same if d.speaker is not None}.values())
    if len(speakers) < 2 or item.draft.start - last.end > 400:
        return []
    mention = (item.subject.idx, item.subject.idx + len(item.subject.text))
    return [Resolution(s, mention, "pronoun") for s in speakers]


def _headline_end(text: str) -> int:
    """The end of the headline: a first line without a full stop, followed by a blank line or
    another paragraph."""
    first = text.find("\n")
    if first < 0:
        return 0
    line = text[:first].strip()
    return first if line and not line.endswith((".", "”", '"')) and len(line.split()) <= 25 else 0


def _single_marked(text: str) -> bool:
    """Whether the article quotes in straight single marks: a copy with no double mark and no curly
    one anywhere ('Such actions represent …,' the general said), where each ' around words is a
    quotation mark (an apostrophe, "Thailand's", opens and closes none)."""
    return not any(mark in text for mark in '"“”‘’«»')


def _nobodys(text: str, quote: QuoteSpan, how: str) -> _Pending:
    """Words in marks that are nobody's statement (a scare-quoted modifier, a name or a title):
    drafted with no speaker and a low confidence, `how` saying why, for the analyst to see."""
    draft = DraftQuote(
        text[quote.start : quote.end], quote.start, quote.end, "partial", None, None, None, False, 0.1, how
    )
    return _Pending(draft, None)


# Over the complexity cap: the readers' drafts are merged, speakers resolved in reading order and
# the same statement kept once; each step is short.
def extract_from_doc(doc: Doc, tagger: Tagger | None = None) -> list[DraftQuote]:  # noqa: C901
    text = doc.text
    turns = _not_clauses(doc, find_turns(text))
    questions = [(t.label_start, t.end) for t in turns if t.question]
    answers = [t for t in turns if not t.question]
    quotes = split_reopened(
        text, find_quotes(text, single=True, run_on=True, straight_single=_single_marked(text))
    )
    book = SpeakerBook(doc)
    tagger = _load_tagger(tagger)
    attributions: list[Attribution] = tagger.attributions(doc) if tagger is not None else []

    pending = _turns(doc, turns, book)
    pending += _quotations(doc, quotes, attributions, questions)
    taken = [(p.draft.start, p.draft.end) for p in pending if p.turn is None]
    reported = _reported(doc, quotes, questions)
    pending += reported
    taken += [(p.draft.start, p.draft.end) for p in reported]
    pending += _tagged(doc, attributions, taken, questions)
    pending = [p for p in pending if not _instrument_says(p) and not _names_only(doc, p)]

    # Names first, then pronouns and continuations in reading order, so "he" finds who spoke last.
    pending.sort(key=lambda p: (p.draft.start, p.turn is None))
    joint: list[_Pending] = []
    for item in pending:
        if item.subject is not None and item.subject.pos_ != "PRON":
            instead, others = _joint(book, item.subject)
            if instead:
                _apply(item.draft, others[0])
                others = others[1:]
            else:
                _apply(item.draft, book.resolve(item.subject))
            if item.then is not None and item.then.pos_ != "PRON":
                book.resolve(item.then)
            for other in others:
                twin = _Pending(replace(item.draft, flags=list(item.draft.flags)), None)
                _apply(twin.draft, other)
                joint.append(twin)
    for item in pending:
        if item.subject is not None and item.subject.pos_ == "PRON":
            together = _together(item, pending, joint)
            if together:  # "they" after "the two ministers agreed": both of them again
                _apply(item.draft, together[0])
                for other in together[1:]:
                    twin = _Pending(replace(item.draft, flags=list(item.draft.flags)), None)
                    _apply(twin.draft, other)
                    joint.append(twin)
                continue
            _apply(item.draft, book.resolve(item.subject))
        elif item.continued_from is not None:
            earlier = next(
                p
                for p in pending
                if p.draft.kind != "paraphrase" and p.draft.start == quotes[item.continued_from].start
            )
            since = [  # a statement of someone else's reported after that quotation
                p
                for p in pending
                if earlier.draft.end < p.draft.start
                and p.draft.end <= item.draft.start
                and p.draft.is_speech
                and p.draft.speaker is not None
            ]
            if since and "\n" in text[earlier.draft.end : since[-1].draft.start]:
                # "“A,” Lund said. / Rojas said … / “B”": B goes on from the last who spoke, Rojas
                earlier = since[-1]
            if earlier.draft.speaker is not None:
                item.draft.speaker = earlier.draft.speaker
                item.draft.source_span = earlier.draft.source_span
                item.draft.cue_span = earlier.draft.cue_span
                item.draft.how = "continued"
                item.draft.confidence = round(min(0.7, earlier.draft.confidence), 2)
                doubt = (
                    "speaker" in earlier.draft.flags or "\n" in text[earlier.draft.end : item.draft.start]
                )  # the speaker was a guess, or a paragraph
                if doubt and "speaker" not in item.draft.flags:  # lies between: a guess again
                    item.draft.flags.append("speaker")
    _running_speaker(text, pending, answers)
    _body_to_its_voice(pending)
    for item in pending:
        if item.draft.speaker is None:
            item.draft.confidence = min(item.draft.confidence, 0.2) if item.draft.confidence else 0.2
    pending += joint
    pending = _said_before(doc, book, pending)
    pending = _dash_paragraph(doc, book, pending)
    _statement_title(text, pending)
    _on_behalf(doc, book, pending)
    _nobody_in_a_dateline(text, pending)
    _states_from_context(doc, [p.draft for p in pending])
    kept = _one_per_statement(text, pending, answers)
    return [p.draft for p in sorted(kept, key=lambda p: (p.draft.start, p.draft.end))]


# The instruments a body adopts or votes on: what one "calls for" or "describes", in the reporter's
# words, is the text's content, nobody's statement; quoted, its words are its authors' (a quotation
# is drafted apart).
_INSTRUMENTS = frozenset(
    {
        "resolution",
        "draft",
        "bill",
        "motion",
        "amendment",
        "proposal",
        "measure",
        "legislation",
        "law",
        "treaty",
        "plan",
    }
)


def _instrument_says(item: _Pending) -> bool:
    """Whether a paraphrase reports what a resolution, bill or plan says ("a resolution calling for
    an immediate ceasefire", "the resolution, which described the situation as …"): not drafted."""
    subject = item.subject
    if subject is not None and subject.tag_ == "WDT" and subject.head.dep_ in ("relcl", "acl"):
        subject = subject.head.head  # "the draft, which called on Israel to …": the draft
    return (
        item.draft.kind == "paraphrase"
        and item.turn is None
        and subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and subject.lemma_.lower() in _INSTRUMENTS
    )


def _names_only(doc: Doc, item: _Pending) -> bool:
    """Whether a paraphrase's words are only a name: a body, a state or a person someone hailed,
    welcomed or praised ("Guterres hails the United Nations", "welcomed Secretary Rubio to Japan"),
    or the source a report cites, which says nothing on any matter."""
    if item.draft.kind != "paraphrase" or item.turn is not None:
        return False
    span = doc.char_span(item.draft.start, item.draft.end, alignment_mode="expand")
    if span is None:
        return False
    if span.root.dep_ == "dobj" and span.root.head.lemma_.lower() == "cite":
        return True  # "…, local media reported, citing presidential spokesman John Doe": a source
    words = [t for t in span if not t.is_punct and not t.is_space and t.lower_ != "the"]
    names = [e for e in span.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
    if not words or not names:
        return False
    named: set[int] = set()
    for name in names:
        named.update(range(name.start, name.end))
        at = name.start - 1  # its title before it: "Secretary of State Rubio"
        while at >= span.start and (doc[at].text[:1].isupper() or doc[at].lower_ == "of"):
            named.add(at)
            at -= 1
    rest = [t for t in words if t.i not in named]
    # "Secretary of State Rubio to Japan": a person welcomed to a place
    return not rest or (len(names) >= 2 and [t.lower_ for t in rest] == ["to"])


def _only_headings(text: str) -> bool:
    """Whether the lines between two paragraphs are blank or headings (a short line with no mark
    that ends a sentence: "About contacts with the USA"), no narration of their own."""
    return all(
        not line.strip() or (len(line.strip()) <= 80 and not re.search(r"[.!?:;,”\"]\s*$", line.strip()))
        for line in text.split("\n")
    )


def _body_to_its_voice(pending: list[_Pending]) -> None:
    """A body or seat the article gives words to before it names the one person of it who speaks
    ("The Kremlin said on Sunday that any future summit … / … Kremlin spokesman Dmitry Peskov told
    reporters", "The Pentagon said Tuesday a “small number” … / Pentagon press secretary Pat Ryder
    told reporters"): the words are that person's (the house reading of 2026-12-07, noon), flagged
    for the analyst. Only where exactly one person of that body speaks in the article, later."""
    people = [
        (p.draft, p.draft.speaker)
        for p in pending
        if p.draft.speaker is not None and p.draft.speaker.kind == "person"
    ]
    for item in pending:
        body = item.draft.speaker
        if body is None or body.kind not in ("organization", "place") or item.turn is not None:
            continue
        name = fold(body.name).removeprefix("the ")
        of_body = [(d, who) for d, who in people if fold(who.organization).removeprefix("the ") == name]
        voices = {who.key: who for d, who in of_body if d.start > item.draft.start}
        if len(voices) != 1 or any(d.start < item.draft.start for d, _ in of_body) or not name:
            continue
        item.draft.speaker = next(iter(voices.values()))
        if "speaker" not in item.draft.flags:
            item.draft.flags.append("speaker")


def _running_speaker(text: str, pending: list[_Pending], answers: list[Turn]) -> None:
    """A quotation with no cue in its sentence and no quotation before it in its paragraph is the
    words of whoever the running paragraph reports (agency style: several quotations and
    paraphrases of one official in a row): the speaker of the last statement before it in its
    paragraph, or, when it is its paragraph's first, in the paragraph before it (headings
    between aside). A guess, flagged; never across narration that reports nobody, nor inside a
    turn (whose answer is drafted whole)."""
    ordered = sorted(pending, key=lambda p: (p.draft.start, p.draft.end))
    for n, item in enumerate(ordered):
        draft = item.draft
        if (
            draft.speaker is not None
            or draft.kind == "paraphrase"
            or draft.how != "unknown"
            or item.subject is not None
            or item.continued_from is not None
            or item.turn is not None
            or any(t.start <= draft.start < t.end for t in answers)
        ):
            continue
        before = [
            p
            for p in ordered[:n]
            if p.draft.speaker is not None
            and p.draft.is_speech
            and p.draft.end <= draft.start
            and p.turn is None
        ]
        # a statement drafted inside another one's words (the tagger's reading of a clause a
        # named speaker's paraphrase holds) gives way to it, as one draft per statement keeps it
        outer = [
            p
            for p in before
            if not any(
                q.draft.start <= p.draft.start
                and p.draft.end <= q.draft.end
                and q.draft.end - q.draft.start > p.draft.end - p.draft.start
                for q in before
            )
        ]
        if not outer:
            continue
        last = max(outer, key=lambda p: (p.draft.end, p.draft.start)).draft
        gap = text[last.end : draft.start]
        if "\n" in gap:
            between = gap[gap.index("\n") : gap.rindex("\n")]
            if not _only_headings(between):
                continue
        draft.speaker = last.speaker
        draft.source_span = last.source_span
        draft.cue_span = last.cue_span
        draft.how = "continued"
        draft.confidence = round(min(0.6, last.confidence), 2)
        if "speaker" not in draft.flags:
            draft.flags.append("speaker")


def _clause_label(doc: Doc, turn: Turn) -> bool:
    """Whether a turn's label is a sentence of the reporter's that ends in a colon ("He told the
    Commons:", "Lammy said:", "The British ambassador, Jane Roe, spoke out against it:"): a finite
    verb in lower case after its first word. A transcript's label names who speaks ("MR MILLER",
    "Foreign Minister IWAYA", "Q") and has no verb."""
    if not turn.label or turn.label_end <= turn.label_start or turn.label.isupper():
        return False
    span = doc.char_span(turn.label_start, turn.label_end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.tag_ in ("VBD", "VBZ") and t.is_lower and t.i > span.start for t in span)


def _not_clauses(doc: Doc, turns: list[Turn]) -> list[Turn]:
    """The turns less those whose label is a reporter's sentence (`_clause_label`): the words after
    its colon are a quotation of the news story, read with its marks and cue. When that leaves no
    transcript (fewer than two people labelled, no question), there are no turns at all."""
    kept: list[Turn] = []
    for turn in turns:
        if not _clause_label(doc, turn):
            kept.append(turn)
        elif kept and not kept[-1].question and kept[-1].end <= turn.label_start:
            # "President Donald Trump has been clear: This madness …" inside a spokesperson's
            # answer: a sentence of the answer, which runs on over it
            kept[-1] = replace(kept[-1], end=turn.end)
    if len(kept) == len(turns):
        return turns
    labels = {t.label for t in kept if t.label and not t.question}
    if len(labels) < 2 and not any(t.question for t in kept):
        return []
    return kept


_BACK_VERBS = frozenset({"say", "state", "announce", "declare", "make", "come"})
_BACK_SUBJECTS = frozenset({"this", "statement", "remark", "comment", "announcement"})


def _back_references(doc: Doc) -> list[tuple[Token, Token]]:
    """(cue, speaker) of each sentence that names who made the statements before it: "Chinese
    Foreign Ministry spokesperson Guo Jiakun said this at a briefing", "The statement was made by
    ... Lin Jian", "This was stated by ..."."""
    out: list[tuple[Token, Token]] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in _BACK_VERBS:
            continue
        children = list(token.children)
        owned = next((c for c in children if c.dep_ == "nsubj" and c.lemma_.lower() in _BACK_SUBJECTS), None)
        owner = next((c for c in owned.children if c.dep_ == "poss"), None) if owned is not None else None
        if lemma == "come" and owner is not None and owner.pos_ == "PROPN":
            # "Spokesperson Guo Jiakun's remarks at a regular press conference came in response to
            # ...": the statements just before were his
            out.append((token, owner))
            continue
        if lemma != "make" and any(
            c.lower_ in ("this", "so") and c.dep_ in ("dobj", "advmod", "ccomp", "oprd") for c in children
        ):
            subject = next((c for c in children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                out.append((token, subject))
            continue
        passive = next(
            (c for c in children if c.dep_ == "nsubjpass" and c.lemma_.lower() in _BACK_SUBJECTS), None
        )
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if passive is None or agent is None or (lemma == "make" and passive.lower_ == "this"):
            continue
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if by is not None:
            out.append((token, by))
    return out


def _said_before(doc: Doc, book: SpeakerBook, pending: list[_Pending]) -> list[_Pending]:
    """The statements a back reference ("X said this at a briefing", "The statement was made by
    X") points to are X's: those of the paragraph before it (or of its own paragraph's sentences
    before it) drafted for X's state, for nobody, or not drafted at all (an unattributed lead
    paragraph, then one paraphrase of X). Flagged: the reading is a guess. The back reference
    itself states nothing."""
    text = doc.text
    headline = _headline_end(text)
    for cue, who in _back_references(doc):
        resolution = book.resolve(who)
        person = resolution.speaker
        if person is None or person.kind != "person":
            continue
        sentence = cue.sent.start_char
        para_start = text.rfind("\n", 0, sentence) + 1
        if text[para_start:sentence].strip():
            region = (para_start, sentence)
        else:
            before = text[:para_start].rstrip()
            region = (text.rfind("\n", 0, len(before)) + 1, len(before))
        if region[0] < headline or region[1] <= region[0]:
            continue
        # a subhead between ("- US neighbours incensed -", "What comes next"): the remarks it points
        # to are in an earlier section, and the subhead says nothing
        heading = _only_headings(text[region[0] : region[1]])
        inside = [
            p for p in pending if region[0] <= p.draft.start and p.draft.end <= region[1] and not heading
        ]
        for item in inside:
            speaker = item.draft.speaker
            if speaker is None or (
                speaker.kind in ("place", "organization")
                and (speaker.state == person.state or not person.state)  # his body, or one he may speak for
            ):
                _apply(item.draft, Resolution(person, resolution.mention, "named"))
                if "speaker" not in item.draft.flags:
                    item.draft.flags.append("speaker")
        if not inside and not heading:
            start, end = _trim_content(text, *region)
            end = start + len(text[start:end].rstrip(". "))
            if end - start > 20 and not any(m in text[start:end] for m in '“”"«»'):
                draft = DraftQuote(
                    text[start:end], start, end, "paraphrase", None, None, None, True, 0.5, "unknown", []
                )
                _apply(draft, Resolution(person, resolution.mention, "named"))
                draft.flags.append("speaker")
                pending.append(_Pending(draft, None))
        pending = [
            p
            for p in pending
            if not (
                p.draft.kind == "paraphrase"
                and (
                    p.draft.start <= cue.idx < p.draft.end
                    or cue.sent.start_char <= p.draft.start < cue.sent.end_char
                )
                and not _another_persons_after(p.draft, person, cue)
            )
        ]
    return pending


def _statement_title(text: str, pending: list[_Pending]) -> None:
    """The title an agency's line gives a statement it carries whole ("… made public the following
    press statement “Pipe dream can never change …” on January 13:") is its author's words, a
    partial quotation of the one whose statement follows."""
    line = made_public_line(text)
    if line is None:
        return
    author = next(
        (
            p.draft
            for p in pending
            if p.turn is not None and p.draft.speaker is not None and p.draft.start >= line[1]
        ),
        None,
    )
    if author is None:
        return
    for item in pending:
        draft = item.draft
        if line[0] <= draft.start < line[1] and draft.speaker is None and draft.kind == "partial":
            draft.speaker, draft.source_span, draft.how = author.speaker, author.source_span, "turn"
            draft.is_speech, draft.confidence = True, min(author.confidence, 0.7)


# an attribution after a dash that ends a paragraph: "… We must prevent this scenario - the diplomat
# noted.", "… in all aspects. – Sybiha noted."
_DASH_ATTRIBUTION = re.compile(
    r"[ \t]+[-–—][ \t]+(?P<who>[^\n\"“”«».,;:!?]{2,60}?)[ \t]+(?P<verb>said|noted|stressed|emphasi[sz]ed|"
    r"added|stated|summari[sz]ed|explained|concluded|wrote|declared|underlined|pointed out|"
    r"warned|assured|recalled|insisted)\.?[ \t]*$",
    re.M,
)


def _dash_paragraph(doc: Doc, book: SpeakerBook, pending: list[_Pending]) -> list[_Pending]:
    """Words set off by a dash before their attribution, with no marks ("Russia is manipulating the
    situation. We must prevent this - the diplomat noted."), the style of reporting translated from
    Ukrainian or Russian: the whole paragraph up to the dash is one paraphrase of the one the
    attribution names, in place of the drafts of its parts (a sentence, "to my counterpart"); not
    when the paragraph holds a quotation in marks or a draft of another speaker's."""
    text = doc.text
    for match in _DASH_ATTRIBUTION.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        said = text[start : match.start()]
        if len(said.split()) < 4 or any(m in said for m in '"“”«»'):
            continue
        span = doc.char_span(match.start("who"), match.end("who"), alignment_mode="expand")
        resolution = book.resolve(span.root) if span is not None else None
        if resolution is None or resolution.speaker is None:
            continue
        inside = [p for p in pending if start <= p.draft.start < match.start()]
        key = resolution.speaker.key
        if any(
            p.draft.kind != "paraphrase" or (p.draft.speaker and p.draft.speaker.key != key) for p in inside
        ):
            continue
        begin, end = _trim_content(text, start, match.start())
        draft = DraftQuote(text[begin:end], begin, end, "paraphrase", None, None, None, True, 0.6, "unknown")
        _apply(draft, resolution)
        pending = [p for p in pending if p not in inside] + [_Pending(draft, None)]
    return pending


# what one delivers for another: "delivered remarks on behalf of the Secretary-General"
_DELIVERED = frozenset({"remark", "message", "statement", "speech", "address"})


def _delivered_for(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """Each "X delivered remarks (a message, a statement) on behalf of Y": the verb, X and Y."""
    out = []
    for behalf in doc:
        if behalf.lower_ != "behalf" or behalf.head.lower_ != "on":
            continue
        of = next((c for c in behalf.children if c.lower_ == "of" and c.dep_ == "prep"), None)
        principal = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        verb = behalf.head.head  # "delivered remarks on behalf of", or "delivered, on behalf of …,"
        if verb.lemma_.lower() in _DELIVERED and verb.dep_ == "dobj":
            verb = verb.head
        if principal is None or verb.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _DELIVERED for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            out.append((verb, subject, principal))
    return out


def _on_behalf(doc: Doc, book: SpeakerBook, pending: list[_Pending]) -> None:
    """Remarks delivered on behalf of another are the other's words: "Courtenay Rattray, the Chef
    de Cabinet, delivered remarks on behalf of the Secretary-General … He said that …" drafts the
    Secretary-General's statements. The one who delivers them (and "he" after them) speaks for the
    principal until someone else speaks; flagged, the analyst confirms the speaker."""
    for verb, subject, for_whom in _delivered_for(doc):
        by = book.resolve(subject).speaker
        instead = book.resolve(for_whom)
        if by is None or instead.speaker is None or instead.speaker.key == by.key:
            continue
        after = sorted((p for p in pending if p.draft.start > verb.idx), key=lambda p: p.draft.start)
        for item in after:
            speaker = item.draft.speaker
            if item.draft.how == "turn" or speaker is None:
                continue  # the briefer's own turn around it, or words of no one yet
            if speaker.key != by.key:
                break  # someone else speaks: the delivered remarks are over
            _apply(item.draft, instead)
            if "speaker" not in item.draft.flags:
                item.draft.flags.append("speaker")


def _another_persons_after(draft: DraftQuote, person: Speaker, cue: Token) -> bool:
    """Whether a paraphrase in a back reference's sentence is another named person's statement
    the sentence sets the earlier ones against ("Jaishankar's statement comes in the backdrop of
    Trump's repeated claims that his administration brokered the ceasefire"): a statement of its
    own, not the back reference."""
    speaker = draft.speaker
    return (
        speaker is not None
        and speaker.kind == "person"
        and speaker.key != person.key
        and draft.start > cue.idx
        and draft.how == "named"
    )


_DATELINE = re.compile(r"([A-Z][A-Z.'’ -]{2,30}?)(?:, |\s*\(|\s+[-—–]{1,2}\s)")


# A paragraph's dateline: a place in capitals, more places after commas, an agency in brackets, a
# dash ("CAMP HUMPHREYS, PYEONGTAEK, South Korea – ", "SEOUL, Jan. 5 (Yonhap) -- ")
_DATELINE_RUN = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.'’ -]{1,40})*(?:\s*\([^)\n]{1,40}\))?\s*[-—–]{1,2}\s"
)


def _nobody_in_a_dateline(text: str, pending: list[_Pending]) -> None:
    """A speaker read from a paragraph's dateline ("CAMP HUMPHREYS, PYEONGTAEK, South Korea – The
    United States … concluded …", parsed with the places as the subject) is no one: a place where
    the story was filed says nothing, and is never proposed as an actor. The words stay, with no
    speaker, for the analyst to give one. A capital read as its state stays that state ("OSLO —
    Norwegian foreign ministry urged …": Norway, whose ministry it is)."""
    spans = [m.span() for m in _DATELINE_RUN.finditer(text)]
    for item in pending:
        source = item.draft.source_span
        if item.draft.speaker is None or source is None:
            continue
        if item.draft.speaker.state and item.draft.speaker.kind == "place":
            continue  # "OSLO — Norwegian foreign ministry urged …" parsed with the city as subject: Norway
        if any(a <= source[0] and source[1] <= b for a, b in spans):
            _apply(item.draft, Resolution(None, source, "unknown"))


def dateline_state(text: str) -> str:
    """The state of the city an article's dateline names ("SEOUL, Sept. 22 (Yonhap) --", "KYIV,
    Ukraine (AP) —"), in its first paragraphs; or none."""
    for line in text.split("\n")[:6]:
        found = _DATELINE.match(line.strip())
        if found and len(line) > 60:
            code = state_of(found.group(1).strip().title())
            if code:
                return code
    return ""


def _content_subject_state(doc: Doc, draft: DraftQuote) -> str:
    """The state a reported statement has for its subject ("the ministry said South Korea has no
    intent ..."): the state that speaks of itself, in a government's words."""
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return ""
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head is t]
    for root in roots[:1]:
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i < span.start:
            continue
        ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        if ent is not None and ent.label_ == "GPE":
            return state_of(ent.text)
    return ""


_LOCAL = re.compile(r"\b(?:authorities|city|local|municipal|police|emergency|rescue)\b", re.I)


def _place_of_event(doc: Doc, draft: DraftQuote) -> str:
    """The state of the place a statement of local officials is about: a place "in" which
    something happened, or whose capital or city it was ("Russia attacked Ukraine's capital ...,
    authorities said"): local authorities speak for the place struck, not for the striker."""
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return ""
    for ent in span.ents:
        if ent.label_ != "GPE":
            continue
        root = ent.root
        where = (root.dep_ == "pobj" and root.head.lower_ in ("in", "on")) or (
            root.dep_ == "poss" and root.head.lower_ in ("capital", "city", "region", "province")
        )
        code = state_of(ent.text) if where else ""
        if code:
            return code
    return ""


def _states_from_context(doc: Doc, drafts: list[DraftQuote]) -> None:
    """A state's office or official named without the state ("a presidential official", "the
    unification ministry", "city officials") speaks for the state the context gives: the
    dateline's; else that of the anonymous office or official who spoke last (the same
    government, most often); else, for a body, the state its own statement has for its subject
    ("the ministry said South Korea has no intent ..."): a government speaks of itself by name.
    Officials ("authorities said Russia attacked ...") are not read so: they report on others."""
    dateline = dateline_state(doc.text)
    last = ""
    for draft in sorted(drafts, key=lambda d: d.start):
        speaker = draft.speaker
        if speaker is None:
            continue
        if stateless_official(speaker):
            speaker.state = (
                dateline
                or last
                or (_content_subject_state(doc, draft) if speaker.kind == "organization" else "")
                or (_place_of_event(doc, draft) if _LOCAL.search(speaker.name) else "")
            )
        if speaker.state and (not speaker.named or speaker.kind == "organization"):
            last = speaker.state


def _one_per_statement(text: str, pending: list[_Pending], answers: list[Turn]) -> list[_Pending]:
    """The same statement once: nothing in a turn's label, nothing inside an answer turn that is
    the turn's speaker's own (the turn holds it); a headline's statement only when the body does
    not repeat it; of two paraphrases of one statement by one speaker, the first."""
    headline = _headline_end(text)
    kept: list[_Pending] = []
    for item in pending:
        draft = item.draft
        if item.turn is None and any(t.label_start <= draft.start < t.start for t in answers):
            continue  # a turn's label ("MR MILLER:") names who speaks; it says nothing
        turn = next((t for t in answers if t.start <= draft.start < t.end), None)
        if item.turn is None and turn is not None:
            source = draft.source_span
            if (
                source is not None
                and source[0] == turn.label_start
                and turn.label_end <= source[1] <= turn.start
            ):
                continue  # the label itself as a source ("Spokesman: I have nothing to add …"): the turn's
            owner = next((p.draft.speaker for p in pending if p.turn is turn), None)
            if draft.speaker is None or owner is None or draft.speaker.key == owner.key:
                continue
        if draft.kind == "paraphrase" and _reported_within(item, pending):
            continue
        if draft.kind == "paraphrase" and any(
            k.draft.kind == "paraphrase"
            and k.draft.speaker is draft.speaker
            and _covered(draft.start, draft.end, [(k.draft.start, k.draft.end)])
            > 0.5 * (draft.end - draft.start)
            for k in kept
        ):
            continue
        kept.append(item)
    if headline:  # a headline's statement counts only when the body does not give it
        body = [k for k in kept if k.draft.start >= headline]
        kept = [
            k
            for k in kept
            if k.draft.start >= headline
            or (k.draft.kind != "paraphrase" and not any(_similar(k.draft.text, b.draft.text) for b in body))
        ]
    return kept


def _reported_within(item: _Pending, pending: list[_Pending]) -> bool:
    """Whether a paraphrase and its cue in the present tense lie inside another speaker's reported
    words ("Moscow calls on the US to resist …, Zakharova added"; "…, adding that Russia reaffirms
    its support for …"): the spokesperson speaking in the state's name, one statement of theirs,
    not a second one of the state's. An announcement the state made before ("stated that Japan
    announced to lift …") is a statement of its own, and so is a person's cue inside them ("X said
    A, and Y said that B", parsed as one)."""
    draft = item.draft
    if draft.cue_span is None or draft.speaker is None or draft.speaker.kind == "person":
        return False
    if item.cue is None or item.cue.tag_ not in ("VBZ", "VBP"):
        return False
    return any(
        p.draft is not draft
        and p.draft.kind == "paraphrase"
        and p.draft.is_speech
        and p.draft.speaker is not None
        and p.draft.speaker is not draft.speaker
        and p.draft.start <= draft.cue_span[0]
        and p.draft.start <= draft.start
        and draft.end <= p.draft.end
        and p.draft.end - p.draft.start > draft.end - draft.start
        for p in pending
    )


def _similar(a: str, b: str) -> bool:
    words_a = {w for w in re.findall(r"\w+", a.lower()) if len(w) > 3}
    words_b = {w for w in re.findall(r"\w+", b.lower()) if len(w) > 3}
    return bool(words_a) and len(words_a & words_b) >= 0.6 * len(words_a)


_CONFIDENCE = {"named": 0.9, "short-name": 0.85, "description": 0.75, "pronoun": 0.75}


def _apply(draft: DraftQuote, resolution: Resolution) -> None:
    draft.speaker = resolution.speaker
    draft.source_span = resolution.mention
    draft.how = resolution.how
    if resolution.speaker is None:
        return
    base = _CONFIDENCE.get(resolution.how, 0.5)
    if "speaker" not in draft.flags and (
        resolution.doubtful
        or resolution.how == "description"
        or (resolution.how == "pronoun" and not resolution.speaker.named)
    ):
        draft.flags.append("speaker")
    draft.confidence = base if draft.kind != "paraphrase" else round(min(base, draft.confidence + 0.1), 2)
