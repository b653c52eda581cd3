"""The page's own CSS for the header, legend, readings, quote and actor cards. Local only: no fonts or
assets from anywhere."""

from __future__ import annotations

import streamlit as st

from dashboard.charts import DOTS_LAYER, GLYPH_LAYER
from dashboard.markup import stance_css

CSS = f"""
<style>
/* A closed list of options goes at once, without Streamlit's 120 ms fade. The fade is a CSS transition,
   and react-aria (inside Streamlit) holds every element whose transition starts in a Map until it ends;
   a list that closes mid-fade is removed before it does, so the Map kept each closed list, detached
   (runAfterTransition's transitionsByElement, adobe/react-spectrum#7326): about 20 DOM nodes per actor
   change. Here, not in the sidebar, so it costs no element of its own. */
[data-testid="stMultiSelectDropdown"],
[data-testid="stSelectboxVirtualDropdown"] {{ transition: none !important; }}
/* Layout: less padding than Streamlit's wide layout, so the matrix starts on the first screen. */
[data-testid="stMainBlockContainer"] {{ padding: 3.8rem 1.5rem 3rem; max-width: 100%; }}
@media (min-width: 900px) {{ [data-testid="stMainBlockContainer"] {{ padding: 3.8rem 2.2rem 3rem; }} }}
/* The matrix and the quotes side by side when both fit, the quotes below when not. */
.st-key-matrix-row {{ align-items: flex-start; }}
.st-key-matrix-area {{ flex: 0 1 auto; max-width: 100%; min-width: 0; }}
.st-key-quotes-area {{ flex: 1 1 22rem; min-width: min(100%, 22rem); }}
/* A multiselect is taller while focused than after: the control below it would jump up under the
   pointer and the click after choosing an actor would miss. Its chips keep one height once there
   is one (scrolling inside), so focus and blur no longer move what lies below. */
[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"] {{ max-height: 4.4rem;
  overflow-y: auto; }}
[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"]:has([data-tag]) {{
  min-height: 4.4rem; }}
/* A matrix wider than the page scrolls inside its own box; the page never does. */
.st-key-matrix-chart {{ overflow-x: auto; max-width: 100%; }}
.st-key-matrix-chart [data-testid="stVegaLiteChart"] {{ width: max-content; }}
/* A cell's glyph and confidence dots let the pointer through: hover and click reach the cell below,
   whose tooltip and selection they are (charts.GLYPH_LAYER). */
.st-key-matrix-chart .{GLYPH_LAYER}_marks, .st-key-matrix-chart .{DOTS_LAYER}_marks {{
  pointer-events: none; }}
.banner {{ background: #1f4e79; color: #fff; text-align: center; font-weight: 600;
  letter-spacing: .06em; padding: .2rem .5rem; border-radius: .25rem; font-size: .85rem; }}
h1.page-title {{ font-size: 1.6rem; line-height: 1.25; margin: .3rem 0 .1rem; padding: 0; }}
@media (max-width: 640px) {{ h1.page-title {{ font-size: 1.2rem; }} }}
/* Streamlit's captions are a faded grey (4.4:1 on this background): darker, to pass WCAG AA. */
[data-testid="stCaptionContainer"] {{ opacity: 1 !important; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: #55544f !important; }}
/* A row of segmented buttons wraps on a narrow screen instead of running off it. */
[data-testid="stButtonGroup"] > div {{ flex-wrap: wrap; }}
p.counts {{ font-size: .85rem; opacity: .85; margin: 0 0 .2rem; }}
.summary {{ max-width: 60rem; line-height: 1.5; }}
.quotes {{ display: flex; flex-direction: column; gap: .6rem; }}
.quote {{ border: 1px solid rgba(128,128,128,.35); border-left-width: 5px; border-radius: .4rem;
  padding: .55rem .75rem; overflow-wrap: anywhere; }}
.quote.q-direct {{ border-left-color: #1f4e79; }}
.quote.q-partial {{ border-left-color: #6a8caf; border-left-style: double; }}
.quote.q-paraphrase {{ border-left-color: #9a9a9a; border-left-style: dotted; }}
.q-head {{ display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; font-size: .75rem;
  letter-spacing: .03em; }}
.q-kind {{ text-transform: uppercase; opacity: .8; }}
.q-text {{ margin: .35rem 0; padding: 0; border: none; font-size: 1rem; line-height: 1.45; }}
.q-paraphrase .q-text {{ font-style: italic; }}
.q-speaker, .q-meta {{ font-size: .85rem; }}
.q-meta {{ opacity: .85; }}
.q-translation {{ margin: .1rem 0 .35rem; padding-left: .5rem; border-left: 2px dashed #8a8a8a;
  font-size: .9rem; }}
.q-rendering {{ margin: .1rem 0 .35rem; font-size: .75rem; font-style: italic; opacity: .85; }}
.q-tr-label {{ display: block; font-size: .75rem; font-style: italic; opacity: .85; }}
.q-context {{ font-size: .8rem; opacity: .8; margin-top: .3rem; }}
.q-cite {{ margin-top: .35rem; font-size: .8rem; }}
.q-cite summary {{ cursor: pointer; width: fit-content; color: #1f5fa8; }}
.q-cite code {{ font-family: inherit; display: block; white-space: pre-wrap; overflow-wrap: anywhere;
  user-select: all;
  padding: .35rem .5rem; margin: .25rem 0; border-radius: .3rem; background: rgba(128,128,128,.12);
  font-size: .78rem; }}
.q-cite span {{ opacity: .8; }}
.evidence {{ background: #fdb863; color: #1a1a1a; border-radius: .2rem; padding: 0 .3rem; }}
.capacity {{ border-radius: .2rem; padding: 0 .3rem; border: 1px solid rgba(128,128,128,.6); }}
.capacity.c-assessor, .capacity.c-other {{ border-style: dashed; }}
.chips {{ margin-top: .3rem; display: flex; flex-wrap: wrap; gap: .25rem; }}
.chip {{ font-size: .72rem; border: 1px solid rgba(128,128,128,.45); border-radius: 1rem;
  padding: 0 .45rem; }}
.actor-card {{ border: 1px solid rgba(128,128,128,.35); border-radius: .5rem; padding: .6rem .75rem;
  overflow-wrap: anywhere; }}
.a-head {{ display: flex; justify-content: space-between; gap: .5rem; align-items: baseline; }}
.kind {{ white-space: nowrap; font-size: .7rem; text-transform: uppercase; border-radius: .2rem;
  padding: 0 .35rem; background: rgba(128,128,128,.18); }}
.a-who {{ font-size: .82rem; opacity: .85; margin: .2rem 0 .4rem; }}
ul.readings {{ list-style: none; margin: 0; padding: 0; font-size: .82rem; }}
li.reading {{ margin: .15rem 0; }}
.r-issue {{ font-weight: 600; }}
.a-made {{ font-size: .82rem; margin-top: .35rem; }}
.stance {{ display: inline-block; min-width: 1.7rem; text-align: center; font-weight: 700;
  border: 1px solid #8a8a8a; border-radius: .2rem; font-size: .8rem; padding: 0 .2rem; }}
.stance.s-unknown {{ border-style: dashed; }}
{stance_css()}
.a-count {{ font-size: .78rem; opacity: .8; margin-top: .35rem; }}
.latest {{ font-size: .82rem; margin-top: .3rem; font-style: italic; }}
.reading-box {{ border: 1px solid rgba(128,128,128,.45); border-radius: .4rem; padding: .5rem .7rem;
  line-height: 1.45; }}
.r-summary, .i-statement, .i-facts, .i-description {{ font-size: .85rem; margin-top: .3rem; }}
.i-facts, .i-description {{ opacity: .85; }}
.cmp-issue .statement {{ font-size: .82rem; opacity: .85; }}
.cmp-cell {{ font-size: .88rem; }}
.cmp-who {{ font-weight: 700; margin-right: .2rem; }}
.history {{ padding-left: 1.1rem; margin: .2rem 0; }}
.history-row {{ margin-bottom: .5rem; font-size: .86rem; }}
.side-holder {{ border-left: 3px solid rgba(128,128,128,.45); padding: .2rem 0 .5rem .6rem;
  margin-bottom: .4rem; font-size: .88rem; }}
.outcome {{ font-size: .8rem; font-weight: 600; margin-top: .25rem; }}
.outcome.o-differ, .outcome.o-differ_some {{ color: #b35806; }}
.cmp-summary p {{ margin: .1rem 0; }}
.timeline-row {{ border-left: 3px solid rgba(128,128,128,.5); padding: .2rem 0 .4rem .6rem; }}
.t-date {{ font-variant-numeric: tabular-nums; font-weight: 600; }}
/* The page's header (banner, title, counts) and the matrix's legend are one element each: spaced
   and framed as the separate elements and the expander they replace were. */
.st-key-cell-picker {{ flex-wrap: wrap; }}
.st-key-cell-picker > div {{ flex: 1 1 15rem; min-width: 0; }}
/* A line drawn as Streamlit draws a caption, inside an element of the page's own. */
p.cards-note, p.window-note {{ font-size: .875rem; color: #55544f; margin: 0 0 1rem;
  overflow-wrap: anywhere; }}
.page-head {{ display: flex; flex-direction: column; gap: 1rem; }}
details.legend-box {{ border: 1px solid rgba(49,51,63,.2); border-radius: .5rem; margin-top: 1.3rem; }}
details.legend-box > summary {{ cursor: pointer; padding: .45rem .9rem; font-size: .9rem; }}
details.legend-box[open] > summary {{ border-bottom: 1px solid rgba(49,51,63,.1); }}
details.legend-box > .legend {{ padding: .5rem 1rem .75rem; }}
.legend ul {{ list-style: none; padding: 0; margin: .2rem 0; display: flex; flex-wrap: wrap;
  gap: .2rem 1.2rem; font-size: .82rem; }}
.legend li {{ flex: 1 1 16rem; }}
.legend-line {{ display: flex; flex-wrap: wrap; gap: .15rem .8rem; font-size: .78rem;
  align-items: center; margin: .1rem 0 .3rem; }}
.legend-line .l-item {{ white-space: nowrap; }}
.legend-line .stance {{ min-width: 1.4rem; font-size: .72rem; }}
.view-link p {{ font-size: .85rem; margin: 0 0 .2rem; color: #55544f; }}
.view-link p.view-link-note {{ margin: .3rem 0 0; font-size: .78rem; }}
.view-link code {{ display: block; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .78rem;
  padding: .35rem .5rem; border-radius: .3rem; background: rgba(128,128,128,.12);
  user-select: all; }}
.l-dashed, .l-ring {{ display: inline-block; width: 1.4rem; height: .9rem; vertical-align: middle;
  border-radius: .15rem; }}
.l-dashed {{ border: 1.5px dashed #4a4a4a; }}
.l-ring {{ border: 3px solid #d7191c; }}
/* Printing the current view: no sidebar, toolbar or controls; the matrix and the words on paper. */
@media print {{
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stElementToolbar"], [data-testid="stExpander"], details.legend-box, .st-key-controls,
  .st-key-cell-picker, .st-key-downloads, [data-testid="stBaseButton-secondary"],
  [data-testid="stNumberInput"], [data-testid="stSegmentedControl"] {{ display: none !important; }}
  [data-testid="stMainBlockContainer"] {{ padding: 0 !important; }}
  .st-key-matrix-chart {{ overflow: visible !important; }}
  .quote, .actor-card, .reading-box {{ break-inside: avoid; }}
  .banner {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .stance {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
</style>
"""


def apply_style() -> None:
    st.html(CSS)
