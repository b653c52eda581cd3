"""From cleaned article text to draft quotations: verbatim spans, their cue, source and speaker.

Quotations in quotation marks come from `quotes.find_quotes` and take the nearest speech cue in
their sentence (or, with none there, the speaker of the quotation just before: a continued quote).
Reported speech without marks comes from the trained tagger. Every draft's `text` is
`article[start:end]`, never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dashboard.extract.nlp import english
from dashboard.extract.quotes import QuoteSpan, find_quotes
from dashboard.extract.speakers import Resolution, Speaker, SpeakerBook, is_speech_cue, subject_of
from dashboard.extract.tagger import Attribution, Tagger, TaggerMissing

_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Prof|No|vs|U\.S|U\.N|U\.K))$")


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
    how: str  # how the speaker was found: named, pronoun, short-name, description, continued, unknown


def _sentence_ends(text: str, quotes: list[QuoteSpan]) -> list[int]:
    """Character positions just after a sentence end: a mark outside every quotation, or a closing
    quotation mark after one inside it with a new sentence next ('… this.” He said')."""
    regions = [(q.open_mark, q.outer_end) for q in quotes]
    ends = [q.outer_end for q in quotes if q.close_mark is not None and text[q.end - 1] in ".!?"
            and re.match(r"\s+[A-Z“\"]", text[q.outer_end:q.outer_end + 3])]
    for match in re.finditer(r"[.!?](?=\s+\S|\s*$)", text):
        at = match.start()
        if any(a <= at < b for a, b in regions):
            continue
        if match.group() == "." and _ABBREVIATION.search(text[max(0, at - 4):at]):
            continue
        ends.append(at + 1)
    return sorted(ends)


def _paragraph_of(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _nearest_cue(doc: Doc, quote: QuoteSpan, window: tuple[int, int],
                 regions: list[tuple[int, int]]) -> tuple[Token, Token | None] | None:
    """The nearest speech cue in the window that has a subject (else the nearest one at all)."""
    found: list[tuple[int, Token]] = []
    for token in doc:
        if not (window[0] <= token.idx < window[1]) or any(a <= token.idx < b for a, b in regions):
            continue
        if token.pos_ not in ("VERB", "NOUN", "AUX", "ADP") or not is_speech_cue(token):
            continue
        if token.lower_ == "according" and not any(c.lower_ == "to" for c in token.children):
            continue
        distance = quote.open_mark - token.idx if token.idx < quote.open_mark else token.idx - quote.outer_end
        found.append((distance, token))
    found.sort(key=lambda pair: pair[0])
    for _, token in found:
        subject = subject_of(token)
        if subject is not None:
            return token, subject
    return (found[0][1], None) if found else None


def _is_modifier(doc: Doc, quote: QuoteSpan) -> bool:
    """A short quotation that modifies the noun right after it: 'a “no-holds-barred” partnership'."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span.text.split()) > 3 or quote.close_mark is None:
        return False
    after = next((t for t in doc[span.end:span.end + 3] if not t.is_punct), None)
    return (after is not None and after.pos_ == "NOUN" and span.root.head == after
            and text_between_is_mark(doc.text, quote.end, after.idx))


def text_between_is_mark(text: str, start: int, end: int) -> bool:
    return all(c.isspace() or c in "”»」』\"" for c in text[start:end])


def _token_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    if text[start:start + 5].lower() == "that ":
        start += 5
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@dataclass
class _Pending:
    draft: DraftQuote
    subject: Token | None
    continued_from: int | None = None  # index of the quotation this one continues


def extract(text: str, tagger: Tagger | None = None) -> list[DraftQuote]:
    """Draft quotations of one article, in the order they appear."""
    doc = english()(text)
    return extract_from_doc(doc, tagger)


# Over the complexity cap: the quotation patterns (direct, partial, reported, per cue position) are read in
# one walk over the sentences; split, the walk's shared state would travel through every helper.
def extract_from_doc(doc: Doc, tagger: Tagger | None = None) -> list[DraftQuote]:  # noqa: C901
    text = doc.text
    quotes = find_quotes(text)
    regions = [(q.open_mark, q.outer_end) for q in quotes]
    ends = _sentence_ends(text, quotes)
    book = SpeakerBook(doc)
    if tagger is None:
        try:
            tagger = Tagger.load()
        except TaggerMissing:
            tagger = None
    attributions: list[Attribution] = tagger.attributions(doc) if tagger is not None else []

    pending: list[_Pending] = []
    for index, quote in enumerate(quotes):
        para_start, para_end = _paragraph_of(text, quote.open_mark)
        left = max([e for e in ends if e <= quote.open_mark and e >= para_start], default=para_start)
        right = min([e for e in ends if e >= quote.outer_end and e <= para_end], default=para_end)
        if _is_modifier(doc, quote):  # a scare-quoted adjective: the writer's words, nobody's quote
            pending.append(_Pending(DraftQuote(text[quote.start:quote.end], quote.start, quote.end,
                                               "partial", None, None, None, False, 0.1, "modifier"), None))
            continue
        cue_and_subject = _nearest_cue(doc, quote, (left, right), regions)
        kind = "direct" if quote.sentence_initial else "partial"
        draft = DraftQuote(text[quote.start:quote.end], quote.start, quote.end, kind, None, None,
                           None, True, 0.0, "unknown")
        if cue_and_subject is not None:
            cue, subject = cue_and_subject
            draft.cue_span = (cue.idx, cue.idx + len(cue.text))
            pending.append(_Pending(draft, subject))
            continue
        previous = index - 1
        if previous >= 0 and (quotes[previous].open_mark >= para_start
                              or (quote.open_mark == para_start and quote.sentence_initial)):
            pending.append(_Pending(draft, None, previous))
            continue
        crf = next((a for a in attributions if a.source is not None and any(
            doc[c.start].idx < quote.end and doc[c.end - 1].idx >= quote.start for c in a.content)), None)
        if crf is not None and crf.source is not None:
            draft.cue_span = _token_span(doc, crf.cue.start, crf.cue.end)
            draft.is_speech = is_speech_cue(doc[crf.cue.start:crf.cue.end].root)
            pending.append(_Pending(draft, doc[crf.source.start:crf.source.end].root))
        else:
            pending.append(_Pending(draft, None))

    quoted = [(q.start, q.end) for q in quotes]
    for attribution in attributions:
        first, last = attribution.content[0], attribution.content[-1]
        start, end = _token_span(doc, first.start, last.end)
        cue_chars = _token_span(doc, attribution.cue.start, attribution.cue.end)
        if start < cue_chars[1] and cue_chars[0] < end:  # content on both sides of its cue
            longest = max(attribution.content, key=lambda s: s.end - s.start)
            start, end = _token_span(doc, longest.start, longest.end)
        start, end = _trim_content(text, start, end)
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
        if end - start < 12 or covered > 0.5 * (end - start):
            continue
        cue_root = doc[attribution.cue.start:attribution.cue.end].root
        scores = [attribution.cue.score] + [c.score for c in attribution.content]
        if attribution.source is not None:
            scores.append(attribution.source.score)
        draft = DraftQuote(text[start:end], start, end, "paraphrase", None, None, cue_chars,
                           is_speech_cue(cue_root), round(0.8 * sum(scores) / len(scores), 2), "unknown")
        subject = doc[attribution.source.start:attribution.source.end].root if attribution.source else None
        pending.append(_Pending(draft, subject))

    # Names first, then pronouns and continuations in reading order, so "he" finds who spoke last.
    pending.sort(key=lambda p: p.draft.start)
    for item in pending:
        if item.subject is not None and item.subject.pos_ != "PRON":
            _apply(item.draft, book.resolve(item.subject))
    for item in pending:
        if item.subject is not None and item.subject.pos_ == "PRON":
            _apply(item.draft, book.resolve(item.subject))
        elif item.continued_from is not None:
            earlier = next(p for p in pending if p.draft.kind != "paraphrase"
                           and p.draft.start == quotes[item.continued_from].start)
            if earlier.draft.speaker is not None:
                item.draft.speaker = earlier.draft.speaker
                item.draft.source_span = earlier.draft.source_span
                item.draft.cue_span = earlier.draft.cue_span
                item.draft.how = "continued"
                item.draft.confidence = round(min(0.7, earlier.draft.confidence), 2)
        if item.draft.speaker is None:
            item.draft.confidence = min(item.draft.confidence, 0.2) if item.draft.confidence else 0.2
    return [p.draft for p in pending]


_CONFIDENCE = {"named": 0.9, "short-name": 0.85, "description": 0.75, "pronoun": 0.75}


def _apply(draft: DraftQuote, resolution: Resolution) -> None:
    draft.speaker = resolution.speaker
    draft.source_span = resolution.mention
    draft.how = resolution.how
    if resolution.speaker is None:
        return
    base = _CONFIDENCE.get(resolution.how, 0.5)
    draft.confidence = base if draft.kind != "paraphrase" else round(min(base, draft.confidence + 0.1), 2)
