"""Quotations found by their marks: “…”, "…", «…», „…“, 「…」, 『…』, with the slips real articles have.

A quotation opens at an opening mark and ends at the next quotation mark of any kind in the same
paragraph (so a closing mark typed as an opening one, or a stray », still ends it), or at the end
of the paragraph when it is never closed. Its text is the article's own characters between the
marks, less surrounding whitespace and a trailing comma that only leads into "X said".
Straight single quotes are read as quotation marks only when asked (`straight_single`, below): they
are apostrophes far more often; curly ones (‘…’, British style) are read in English when `single`
is asked for, where ‘ opens before a letter and ’ closes where no letter follows.

Where a language's marks say which one closes (German „…“: “ closes), `find_quotes(text, closers=…)`
takes such a mark met with no quotation open, first of its paragraph, as the end of a quotation whose
opening mark the article lost: 'Wir werden … benötigen“, sagte die Kommissionspräsidentin.' is
quoted from the paragraph's start.

Other languages (`paired=True`) nest their marks: a quotation opened by « ends at the » that closes
it, and marks of other kinds inside are words it quotes (« Il a parlé d'une “trêve” », "「今年是
『大年』」", “…「…」…”); so for „…“, “…”, 「…」, 『…』, ‹…› and the double primes ″…″ some Korean
broadcasters type. Where the paragraph has no such closing mark the quotation ends, as in English,
at the next mark of any kind. `straight_single=True` reads straight single quotes around words as
marks too ("était 'plus que prête' à accueillir"): one opens after a space or bracket and before a
letter, the next one in its paragraph that closes (after a letter, before a space or a stop) ends it;
an apostrophe ("l'Ukraine") does neither, and one inside a quotation, around one, or never closed is
no quotation.

Doubled apostrophes typed as quotation marks (''like this'', as some newspapers' copy of the AP has
it) are quotation marks (`_doubled_apostrophes`): a pair opens after a space, a bracket, a dash or
the paragraph's start and before a word, and closes after a word or a stop and before a space, a
stop or the paragraph's end; the quotation's span and marks index the article's own characters, the
opening mark at the pair's first apostrophe, the closing one at its second.

A quotation in straight double marks ends at the " that closes it, over quotations nested inside it
in straight marks too ('"They call it a "special operation" and go on," she said'): a " after a
space and before a letter opens one more, one after a letter and before a space or a stop closes
(`_straight_close`); when they do not balance, the next mark ends it, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = '“«「『„‹"'
ANY_MARK = OPENING + "”»」』‟›"
# paired=True: each opening mark's own closing mark ("„…“" in German, where “ only closes)
CLOSING_OF = {
    "“": "”",
    "«": "»",
    "„": "“",
    "「": "」",
    "『": "』",
    "‹": "›",
    '"': '"',
    "″": "″",
    "‚": "‘",
    "‘": "’",
}
# paired=True: single marks open only a quotation they close in the same paragraph (German ‚…‘;
# Korean ‘…’ when `single` is asked for, where no apostrophe is typed between Hangul)
_SINGLE_OPENING = "‚‘"
_PAIRED_MARKS = ANY_MARK + "″"
_SENTENCE_END = re.compile(r"[.!?…](?:[”»」』\"')\]]*)\s+$")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character of the quoted words (after the mark and any space)
    end: int  # end of the quoted words
    open_mark: int  # index of the opening mark
    close_mark: int | None  # index of the closing mark; None when the paragraph ends first
    sentence_initial: bool  # the mark opens a sentence (a direct quote, not a fragment)

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in re.finditer(r"\n", text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _opens_sentence(text: str, para_start: int, mark: int) -> bool:
    before = text[para_start:mark]
    # After a colon the quotation is the whole statement too: 'He added: “We will not sign.”'
    if not before.strip() or before.rstrip().endswith(":") or bool(_SENTENCE_END.search(before)):
        return True
    # a copy that lost the space after a sentence's stop ('… economic order."It is typical …'): a
    # word's stop, not an initial's ("U.S."), then a capital
    return bool(re.search(r"[a-z]{2}[.!?]$", before)) and text[mark + 1 : mark + 2].isupper()


_UNOPENED_MIN = 20  # characters before a lone closing mark: fewer are no quotation


_RUN_ON_PARAGRAPHS = 10


def _closed_later(text: str, paragraphs: list[tuple[int, int]], number: int) -> int | None:
    """The closing mark of a quotation its paragraph leaves open when it runs on over the next
    paragraphs without a mark reopening it (“We had a very intense day. ... / ... / ... in
    this regard”.): the first ” or » of a later paragraph, when no paragraph between has a mark
    and none opens before it. A paragraph that opens with a mark reopens the same quotation (the
    English way of quoting over paragraphs: “A. / "B. / "C.”, only the last one closed): it runs
    on over reopened paragraphs left open to the one closed at its end. A reopened paragraph whose
    quotation closes before its end (“…,” he added.) starts a quotation of its own."""
    for para_start, para_end in paragraphs[number + 1 : number + 1 + _RUN_ON_PARAGRAPHS]:
        marks = [j for j in range(para_start, para_end) if text[j] in ANY_MARK]
        if not marks:
            continue
        first = marks[0]
        if text[first] in '“"' and not text[para_start:first].strip():
            if len(marks) == 1:
                continue  # reopened and left open again: on to the next paragraph
            close = marks[1]
            if text[close] in '”»"' and not text[close + 1 : para_end].strip(" .,;"):
                return close  # closed where the reopened paragraph ends
            return None  # '“We will go. / “And we will win,” he added.': a quotation of its own
        return first if text[first] in "”»" else None
    return None


def _single_quotes(text: str, para_start: int, para_end: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """British-style quotations in single curly marks ('Trump ‘was not happy about this news’'):
    ‘ opens only before a letter and after a space, a bracket or a dash (never inside a word), and
    ’ closes only where no letter follows ("Trump’s" and "it’s" are apostrophes). A single mark
    inside a double-marked quotation is a quotation inside it, not one of its own; one never
    closed in its paragraph is no quotation."""
    out: list[QuoteSpan] = []
    i = para_start
    while i < para_end:
        j = text.find("‘", i, para_end)
        if j < 0:
            break
        i = j + 1
        if j > para_start and not (text[j - 1].isspace() or text[j - 1] in "([—–-"):
            continue
        if j + 1 >= para_end or not text[j + 1].isalnum():
            continue
        if any(q.open_mark <= j < q.outer_end for q in taken):
            continue
        close = next(
            (
                k
                for k in range(j + 1, para_end)
                if text[k] == "’"
                and not text[k - 1].isspace()
                and (k + 1 >= para_end or not text[k + 1].isalnum())
            ),
            None,
        )
        if close is None or "‘" in text[j + 1 : close] or any(c in ANY_MARK for c in text[j + 1 : close]):
            continue
        start, end = _trim(text, j + 1, close)
        if end > start and any(c.isalnum() for c in text[start:end]):
            out.append(QuoteSpan(start, end, j, close, _opens_sentence(text, para_start, j)))
        i = close + 1
    return out


def find_quotes(
    text: str,
    closers: str = "",
    single: bool = False,
    run_on: bool = False,
    paired: bool = False,
    straight_single: bool = False,
) -> list[QuoteSpan]:
    """Quotations in `text`; `closers` are marks that only close in its language (below);
    `single`: British-style single curly marks too, `run_on`: a quotation left open may run on
    over the next paragraphs without a mark reopening it (both English); `paired`: marks nest, a
    quotation ends at its own closing mark (other languages); `straight_single`: straight single
    quotes around words are marks (module docstring)."""
    text = _doubled_apostrophes(text)
    found: list[QuoteSpan] = []
    paragraphs = _paragraph_bounds(text)
    carried_to = -1  # a quotation run on over paragraphs ends here: nothing before it opens
    for number, (para_start, para_end) in enumerate(paragraphs):
        if para_end <= carried_to:
            continue
        quotes, carried_to = _scan(
            text, paragraphs, number, max(para_start, carried_to), closers, run_on, paired, single
        )
        found += quotes
        if single and not paired:
            found += _single_quotes(text, para_start, para_end, found)
        if straight_single:
            found += _straight_single(text, para_start, para_end, quotes)
    return sorted(found, key=lambda q: q.start)


# a paragraph that reopens a quotation run on from the one before ("“A. / “B.” he said")
_REOPENED = re.compile(r"\n[ \t]*\n?[ \t]*([“\"«])")


def split_reopened(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quotation run on over paragraphs, each reopened with a mark (the English way: “A. / "B.
    / "C.”), as one quotation per paragraph: the mark reopening a paragraph is the page's, not
    the speaker's words, and each paragraph is a statement of its own (the development sets'
    annotations); a paragraph run on without a mark stays in the quotation it continues."""
    out: list[QuoteSpan] = []
    for quote in quotes:
        pieces: list[QuoteSpan] = []
        start, opened = quote.start, quote.open_mark
        for reopen in _REOPENED.finditer(text, quote.start, quote.end):
            first = text[start : reopen.start()].rstrip()
            if not first.strip():
                continue
            pieces.append(
                QuoteSpan(
                    start, start + len(first), opened, None, quote.sentence_initial if not pieces else True
                )
            )
            opened = reopen.start(1)
            start = opened + 1
            while start < quote.end and text[start] in " \t":
                start += 1
        if not pieces:
            out.append(quote)
            continue
        pieces.append(QuoteSpan(start, quote.end, opened, quote.close_mark, True))
        out.extend(pieces)
    return out


_DOUBLED_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))''(?=[^\s'])", re.M)
_DOUBLED_CLOSE = re.compile(r"(?<=[^\s'])''(?=[\s.,;:!?)\]—–-]|$)", re.M)


def _doubled_apostrophes(text: str) -> str:
    """`text` with each pair of apostrophes that opens or closes a quotation (''like this'') read
    as one curly mark and a space, of the same length, so every offset still indexes `text`: an
    opening pair becomes “ and a space, a closing one a space and ”. Unchanged when it has none."""
    if "''" not in text:
        return text
    chars = list(text)
    for match in _DOUBLED_OPEN.finditer(text):
        chars[match.start()], chars[match.start() + 1] = "“", " "
    for match in _DOUBLED_CLOSE.finditer(text):
        if chars[match.start()] == "'":  # not an opening pair already
            chars[match.start()], chars[match.start() + 1] = " ", "”"
    return "".join(chars)


_STRAIGHT_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))'(?=[^\s'])", re.M)
_STRAIGHT_CLOSE = re.compile(r"(?<=[^\s'])'(?=[\s.,;:!?)\]]|$)", re.M)


def _straight_single(text: str, para_start: int, para_end: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Words in straight single quotes ("offrira 'l'immunité' à Poutine"): the module docstring."""
    out: list[QuoteSpan] = []
    at = para_start
    while True:
        opening = _STRAIGHT_OPEN.search(text, at, para_end)
        if opening is None:
            break
        closing = _STRAIGHT_CLOSE.search(text, opening.end(), para_end)
        if closing is None:
            break
        j, close = opening.start(), closing.start()
        inside = any(q.open_mark <= j < q.outer_end for q in taken)
        around = any(j < q.open_mark < close for q in taken)
        start, end = _trim(text, j + 1, close)
        if not inside and not around and end > start and any(c.isalnum() for c in text[start:end]):
            out.append(QuoteSpan(start, end, j, close, _opens_sentence(text, para_start, j)))
        at = closing.end()
    return out


_STRAIGHT_INNER_OPEN = re.compile(r'(?<=[\s(\[—–/-])"(?=[^\s"])')
_STRAIGHT_INNER_CLOSE = re.compile(r'(?<=[^\s"])"(?=[\s.,;:!?)\]—–-]|$)')


def _straight_close(text: str, i: int, para_end: int) -> int | None:
    """The straight " closing the one at `i`, over quotations nested inside it in straight marks
    too ("He called it a "special operation" and left," she said): a " after a space and before a
    letter opens one more, a " after a letter and before a space or a stop closes the innermost.
    None when they do not balance in the paragraph (the first " met then ends it, as before)."""
    depth = 0
    for j in range(i + 1, para_end):
        if text[j] != '"':
            continue
        opens = _STRAIGHT_INNER_OPEN.match(text, j) is not None
        closes = _STRAIGHT_INNER_CLOSE.match(text, j) is not None
        if opens and not closes:
            depth += 1
        elif depth == 0:
            return j
        else:
            depth -= 1
    return None


def _scan(
    text: str,
    paragraphs: list[tuple[int, int]],
    number: int,
    i: int,
    closers: str,
    run_on: bool,
    paired: bool = False,
    single: bool = False,
) -> tuple[list[QuoteSpan], int]:
    """The quotations of one paragraph from `i`, and where the last one ends when it runs on
    into later paragraphs (else -1)."""
    para_start, para_end = paragraphs[number]
    found: list[QuoteSpan] = []
    carried_to = -1
    opening = OPENING + "″‚" + ("‘" if single else "") if paired else OPENING
    marks = _PAIRED_MARKS if paired else ANY_MARK
    while i < para_end:
        if text[i] in closers:  # never opens
            if i - para_start >= _UNOPENED_MIN and not any(c in marks for c in text[para_start:i]):
                # the paragraph's first mark closes: its opening mark was lost
                start, end = _trim(text, para_start, i)
                found.append(QuoteSpan(start, end, para_start, i, True))
            i += 1
            continue
        if text[i] not in opening or (
            text[i] in _SINGLE_OPENING and CLOSING_OF[text[i]] not in text[i:para_end]
        ):
            i += 1  # (a single mark never closed: an apostrophe or a slip, no quotation)
            continue
        close = None
        straight = _straight_close(text, i, para_end) if text[i] == '"' else None
        if paired:  # its own closing mark, other marks inside being words it quotes
            own = text.find(CLOSING_OF[text[i]], i + 1, para_end) if straight is None else straight
            close = own if own >= 0 else None
        if close is None:
            close = next(
                (
                    j
                    for j in range(i + 1, para_end)
                    if text[j] in marks and (straight is None or text[j] != '"' or j == straight)
                ),
                None,
            )
        if close is None and run_on:
            close = _closed_later(text, paragraphs, number)
            if close is not None:
                carried_to = close + 1
        stop = close if close is not None else para_end
        start, end = _trim(text, i + 1, stop)
        if end > start and any(c.isalnum() for c in text[start:end]):
            found.append(QuoteSpan(start, end, i, close, _opens_sentence(text, para_start, i)))
        i = stop + 1
    return found, carried_to
