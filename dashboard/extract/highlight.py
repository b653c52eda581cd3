"""The article as HTML with each draft's spans marked: content (by kind), cue, source mention.

Every character of the article is escaped; the only markup is ours. Overlapping spans (a
paraphrase around a partial quote) are cut into runs, each carrying the classes of every span over it.
Every run of the article's text is a span whose `data-o` is the offset of its first character in the
text (in characters, as Python counts them), so a selection in the page can be mapped back to offsets;
the draft labels between runs carry none and are not part of the text.
"""

from __future__ import annotations

from dashboard.escape import html_text
from dashboard.extract.drafts import QuoteDraft


def article_html(text: str, quotes: list[QuoteDraft], selected: set[str] | None = None) -> str:
    marks: list[tuple[int, int, str, str]] = []  # start, end, class, draft id
    for quote in quotes:
        state = " as-sel" if selected and quote.id in selected else ""
        marks.append((quote.start, quote.end, f"as-c as-{quote.kind}{state}", quote.id))
        if quote.cue_span:
            marks.append((quote.cue_span["start"], quote.cue_span["end"], "as-cue", quote.id))
        if quote.source_span:
            marks.append((quote.source_span["start"], quote.source_span["end"], "as-src", quote.id))
    cuts = sorted({0, len(text)} | {m[0] for m in marks} | {m[1] for m in marks})
    starts: dict[int, list[str]] = {}
    for quote in quotes:
        starts.setdefault(quote.start, []).append(quote.id)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        for draft_id in starts.get(a, []):
            out.append(f'<sup class="as-tag">{html_text(draft_id)}</sup>')
        classes = sorted({name for s, e, c, _ in marks if s <= a and b <= e for name in c.split()})
        piece = html_text(text[a:b])
        if classes:
            title = " ".join(sorted({d for s, e, _, d in marks if s <= a and b <= e}))
            out.append(
                f'<span class="{" ".join(classes)}" title="{html_text(title)}" data-o="{a}">{piece}</span>'
            )
        else:
            out.append(f'<span data-o="{a}">{piece}</span>')
    return f'<div class="as-article">{"".join(out)}</div>'


CSS = """
<style>
.as-article { white-space: pre-wrap; line-height: 1.6; max-height: 75vh; overflow-y: auto;
  border: 1px solid rgba(128,128,128,.35); border-radius: .4rem; padding: .6rem .8rem;
  overflow-wrap: anywhere; font-size: .95rem; }
.as-c { border-radius: .15rem; }
.as-direct { background: rgba(31,78,121,.18); }
.as-partial { background: rgba(106,140,175,.25); }
.as-paraphrase { background: rgba(154,154,154,.22); text-decoration: underline dotted; }
.as-cue { text-decoration: underline; text-decoration-thickness: 2px; font-style: italic; }
.as-src { font-weight: 700; border-bottom: 2px solid #b35806; }
.as-sel { outline: 2px solid #b35806; }
.as-tag { font-size: .62rem; color: #7a3e00; margin-right: .1rem; user-select: none; }
.as-legend span { margin-right: .8rem; font-size: .8rem; }
.as-quote { margin: .25rem 0 .4rem; padding-left: .6rem; border-left: 4px solid #6a8caf;
  line-height: 1.45; overflow-wrap: anywhere; }
.as-quote.as-k-direct { border-left-color: #1f4e79; }
.as-quote.as-k-paraphrase { border-left-style: dotted; border-left-color: #9a9a9a; font-style: italic; }
.as-meta { font-size: .78rem; opacity: .85; }
/* The article stays in view beside the drafts as they scroll by (side by side only: a phone stacks
   the columns, and the article scrolls away with the page). */
@media (min-width: 640px) {
  div[data-testid="stColumn"]:has(.st-key-as_article_side) { position: sticky; top: 3.75rem;
    align-self: flex-start; max-height: calc(100vh - 4.5rem); overflow-y: auto; }
  .st-key-as_article_side .as-article { max-height: 55vh; }
}
</style>
"""

LEGEND = (
    '<div class="as-legend"><span class="as-c as-direct">direct quote</span>'
    '<span class="as-c as-partial">partial quote</span>'
    '<span class="as-c as-paraphrase">paraphrase</span>'
    '<span class="as-cue">cue</span><span class="as-src">speaker as named</span></div>'
)
