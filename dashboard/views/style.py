"""The page's own CSS for quote and actor cards. Local only: no fonts or assets from anywhere."""

from __future__ import annotations

import streamlit as st

from dashboard.charts import DARK_FILLS, STANCE_COLOURS

_STANCE_CSS = "\n".join(
    f".stance.s-{s} {{ background: {c}; color: {'#fff' if s in DARK_FILLS else '#1a1a1a'}; }}"
    for s, c in STANCE_COLOURS.items()
)

CSS = f"""
<style>
.banner {{ background: #1f4e79; color: #fff; text-align: center; font-weight: 600;
  letter-spacing: .06em; padding: .25rem .5rem; border-radius: .25rem; }}
.summary {{ max-width: 60rem; line-height: 1.5; }}
.quotes {{ display: flex; flex-direction: column; gap: .6rem; }}
.quote {{ border: 1px solid rgba(128,128,128,.35); border-left-width: 5px; border-radius: .4rem;
  padding: .55rem .75rem; overflow-wrap: anywhere; }}
.quote.q-direct {{ border-left-color: #1f4e79; }}
.quote.q-partial {{ border-left-color: #6a8caf; border-left-style: double; }}
.quote.q-paraphrase {{ border-left-color: #9a9a9a; border-left-style: dotted; }}
.q-head {{ display: flex; gap: .5rem; align-items: center; font-size: .75rem;
  text-transform: uppercase; letter-spacing: .05em; opacity: .8; }}
.q-text {{ margin: .35rem 0; padding: 0; border: none; font-size: 1rem; line-height: 1.45; }}
.q-paraphrase .q-text {{ font-style: italic; }}
.q-speaker, .q-meta {{ font-size: .85rem; }}
.q-meta {{ opacity: .8; }}
.q-context {{ font-size: .8rem; opacity: .75; margin-top: .3rem; }}
.evidence {{ background: #fdb863; color: #1a1a1a; border-radius: .2rem; padding: 0 .3rem;
  text-transform: none; letter-spacing: 0; }}
.chips {{ margin-top: .3rem; display: flex; flex-wrap: wrap; gap: .25rem; }}
.chip {{ font-size: .72rem; border: 1px solid rgba(128,128,128,.45); border-radius: 1rem;
  padding: 0 .45rem; }}
.actor-card {{ border: 1px solid rgba(128,128,128,.35); border-radius: .5rem; padding: .6rem .75rem;
  min-height: 9.5rem; overflow-wrap: anywhere; }}
.a-head {{ display: flex; justify-content: space-between; gap: .5rem; align-items: baseline; }}
.kind {{ white-space: nowrap; font-size: .7rem; text-transform: uppercase; border-radius: .2rem;
  padding: 0 .35rem;  background: rgba(128,128,128,.18); }}
.a-who {{ font-size: .82rem; opacity: .85; margin: .2rem 0 .4rem; }}
.a-stances {{ display: flex; flex-wrap: wrap; gap: .2rem; }}
.stance {{ display: inline-block; min-width: 1.7rem; text-align: center; font-weight: 700;
  border: 1px solid #8a8a8a; border-radius: .2rem; font-size: .8rem; padding: 0 .2rem; }}
.stance.s-unknown {{ border-style: dashed; }}
{_STANCE_CSS}
.a-count {{ font-size: .78rem; opacity: .75; margin-top: .35rem; }}
.latest {{ font-size: .82rem; margin-top: .3rem; font-style: italic; }}
.cmp-issue .statement {{ font-size: .82rem; opacity: .8; }}
.cmp-cell {{ font-size: .9rem; }}
</style>
"""


def apply_style() -> None:
    st.html(CSS)
