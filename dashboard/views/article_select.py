"""The article in the review view, as an inline component that reports what the analyst selects in
it: the selected characters and their offsets in the article's text (`highlight.article_html` marks
every run of text with the offset of its first character). Python takes the offsets only when they
agree with the selected words, and otherwise looks for the words (`spans.from_selection`), so the
stored words are always the article's own characters.

The HTML is ours, built by `article_html` with every character of the article escaped; the component
only sets it and listens. No mouse? The view's "paste the words" fields and word-by-word buttons do
the same from the keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard.extract.highlight import CSS

_JS = """
export default function(component) {
  const { data, setStateValue, parentElement } = component;
  let root = parentElement.querySelector('.as-select-root');
  if (!root) {
    root = document.createElement('div');
    root.className = 'as-select-root';
    parentElement.appendChild(root);
  }
  root.innerHTML = data.html;  // built and escaped in Python (highlight.article_html)
  const article = root.querySelector('.as-article');
  if (!article) return;
  article.setAttribute('tabindex', '0');
  article.setAttribute('role', 'document');
  article.setAttribute('aria-label', data.label);
  // Each text node's offset in the article, counted in code points as Python counts characters.
  const runs = [];
  article.querySelectorAll('[data-o]').forEach((span) => {
    let offset = Number(span.getAttribute('data-o'));
    const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      runs.push([node, offset]);
      offset += Array.from(node.data).length;
    }
  });
  const points = (node, within) => Array.from(node.data.slice(0, within)).length;
  let last = '';
  const report = () => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) return;
    let start = null, end = null;
    for (const [node, offset] of runs) {
      if (!range.intersectsNode(node)) continue;
      const from = node === range.startContainer ? points(node, range.startOffset) : 0;
      const to = node === range.endContainer ? points(node, range.endOffset)
                                              : Array.from(node.data).length;
      if (to <= from && node !== range.startContainer) continue;
      if (start === null) start = offset + from;
      end = offset + to;
    }
    if (start === null || end === null || end <= start) return;
    const key = start + ':' + end;
    if (key === last) return;
    last = key;
    setStateValue('selection', { start, end, text: selection.toString(), at: Date.now() });
  };
  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(report, 250); };
  article.addEventListener('mouseup', soon);
  article.addEventListener('keyup', soon);
  article.addEventListener('touchend', soon);
  // A phone adjusts a selection with handles that fire no event on the article itself.
  if (!window.__asSelectionWatch) {
    window.__asSelectionWatch = true;
    document.addEventListener('selectionchange', () => {
      const current = window.__asSelectionReport;
      if (!current) return;
      clearTimeout(window.__asSelectionTimer);
      window.__asSelectionTimer = setTimeout(current, 600);
    });
  }
  window.__asSelectionReport = report;
}
"""

_COMPONENT = st.components.v2.component(
    "positions_dashboard.article_select",
    css=CSS.replace("<style>", "").replace("</style>", ""),
    js=_JS,
    isolate_styles=False,  # the page's own selection, and the styles st.html(CSS) already set
)


@dataclass(frozen=True)
class Selection:
    """What the analyst selected in the article, as the page reported it."""

    start: int
    end: int
    text: str
    at: float  # when (the page's clock): tells a new selection from the same one reported again


def _selection(value: Any) -> Selection | None:
    if not isinstance(value, dict):
        return None
    try:
        start, end = int(value["start"]), int(value["end"])
        text, at = str(value.get("text") or ""), float(value.get("at") or 0)
    except (KeyError, TypeError, ValueError):
        return None
    return Selection(start, end, text[:200_000], at) if end > start else None


def article_selector(
    html: str, key: str, label: str = "The article: select words to use them"
) -> Selection | None:
    """Draw the article and return the last selection made in it (None before any)."""
    result = _COMPONENT(
        key=key,
        data={"html": html, "label": label},
        default={"selection": None},
        on_selection_change=lambda: None,
        height="content",
    )
    return _selection(getattr(result, "selection", None))
