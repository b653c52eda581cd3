"""The "Add a source" view: draft records from an article, review them, save them into the briefing.

Shown only when the server was started for editing (`make edit` sets DASHBOARD_EDIT=1); nothing in
a link or on the page can turn it on. The words of a draft are shown, never offered for editing.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard import workers
from dashboard.briefing import Briefing
from dashboard.escape import html_text
from dashboard.escape import markdown_literal as md
from dashboard.extract.drafts import Drafts, QuoteDraft
from dashboard.extract.highlight import CSS, LEGEND, article_html
from dashboard.extract.isolated import draft_input, reference
from dashboard.extract.nlp import ModelError
from dashboard.extract.readers import MAX_CHARACTERS, READERS, InputError
from dashboard.extract.review import ACCEPTED, DECISIONS, PENDING, REJECTED, Review, confidence_band
from dashboard.extract.saving import SaveRefused, save
from dashboard.records import (
    ACTOR_KINDS,
    BASES,
    CONFIDENCES,
    QUOTE_KINDS,
    SOURCE_KINDS,
    STANCES,
    TABLE_BY_NAME,
)
from dashboard.vocabulary import STANCE_LABELS

LOG = logging.getLogger("dashboard")
PAGE_SIZE = 12
_DECISION_LABELS = {PENDING: "Undecided", ACCEPTED: "Accept", REJECTED: "Reject"}
_HOW = {"named": "named at the cue", "short-name": "short name, matched to the full mention",
        "pronoun": "pronoun resolved", "description": "description matched to an earlier mention",
        "continued": "continues the quotation before", "unknown": "no speaker found",
        "modifier": "scare quotes around a word: nobody's statement"}


def render_switch() -> bool:
    return bool(st.sidebar.toggle("Add a source", key="as_open",
                                  help="Draft records from an article and save them into this briefing"))


def _draft(briefing: Briefing, briefing_id: str, upload: Any, text: str) -> Drafts | str:
    """Drafts from the upload or the pasted text, made in a drafting worker; or why not, in words."""
    name = upload.name if upload is not None else "pasted text"
    data = upload.getvalue() if upload is not None else None
    if data is None and len(text) > MAX_CHARACTERS:  # refused here: never sent to a worker
        return (f"pasted text: {len(text):,} characters is more than the {MAX_CHARACTERS:,} the "
                "extractor takes at once: split the document. Nothing was drafted.")
    try:
        return workers.run("drafting", draft_input, name, data, text, reference(briefing),
                           briefing_id, what=name)
    except InputError as error:
        return f"{error.name}: {error.reason}. Nothing was drafted."
    except ModelError as error:
        return f"{error}. Nothing was drafted."
    except workers.WorkerFailed as failed:
        return f"{failed.what} could not be drafted: {failed.reason}."
    except Exception:  # a bug, not the file: logged with its traceback, said in words here
        LOG.exception("drafting %s failed", name)
        return (f"{name} could not be drafted: an unexpected error, logged on the server. Nothing "
                "was written; try again, or paste the text instead.")


def _input(briefing: Briefing, briefing_id: str) -> None:
    pasted, uploaded = st.tabs(["Paste text", "Upload a file"])
    with pasted:
        # One character past the bound, so a longer paste is said to be too long, not cut unsaid.
        st.text_area("Article text", key="as_paste", height=180, max_chars=MAX_CHARACTERS + 1,
                     help=f"English text, up to {MAX_CHARACTERS:,} characters")
    with uploaded:
        st.file_uploader("Article file", key="as_upload",
                         type=[s.lstrip(".") for s in READERS],
                         help=".txt, .html (main text only), .pdf (text layer) or .docx")
    if not st.button("Draft records", key="as_draft", type="primary"):
        return
    upload = st.session_state.get("as_upload")
    text = st.session_state.get("as_paste") or ""
    with st.spinner("Reading the article and finding who said what…"):
        drafts = _draft(briefing, briefing_id, upload, text)
    if isinstance(drafts, str):
        st.error(md(drafts), icon=":material/error:")
        return
    _start_review(Review.start(drafts), briefing_id)
    st.rerun()


def _start_review(review: Review, briefing_id: str) -> None:
    for key in [k for k in st.session_state if str(k).startswith("as_d_") or str(k).startswith("as_a_")
                or str(k).startswith("as_s_")]:
        del st.session_state[key]
    st.session_state["as_review"] = (briefing_id, review)
    st.session_state.pop("as_saved", None)


def _default(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _source_form(review: Review) -> None:
    source = review.drafts.source
    if source.matched:
        st.info(f"Already in the briefing as {md(source.id)}: {md(source.title)}")
        return
    if review.drafts.notes:
        st.caption("Note: " + md("; ".join(review.drafts.notes)) + ".")
    _default("as_s_title", source.title)
    _default("as_s_publisher", source.publisher)
    _default("as_s_published", source.published)
    _default("as_s_url", source.url)
    _default("as_s_kind", source.kind)
    # One row of columns at a time, so a phone stacks them in reading order.
    left, right = st.columns(2)
    left.text_input("Title (required)", key="as_s_title")
    right.text_input("Publisher (required)", key="as_s_publisher")
    left, right = st.columns(2)
    left.text_input("Published, YYYY-MM-DD (required)", key="as_s_published")
    right.text_input("URL", key="as_s_url")
    left, _ = st.columns(2)
    left.selectbox("Kind", SOURCE_KINDS, key="as_s_kind")
    st.caption(f"Saved as source {md(source.id)}.")
    review.source.update(title=st.session_state["as_s_title"].strip(),
                         publisher=st.session_state["as_s_publisher"].strip(),
                         published=st.session_state["as_s_published"].strip(),
                         url=st.session_state["as_s_url"].strip(), kind=st.session_state["as_s_kind"])


def _speaker_options(review: Review, briefing: Briefing) -> tuple[list[str], dict[str, str]]:
    names = {str(r.id): str(r.name) for r in briefing.actors[["id", "name"]].itertuples()}
    labels = {""
              : "— no speaker —"}
    for actor_id, name in names.items():
        labels[actor_id] = f"{name} ({actor_id})"
    for actor in review.actors.values():
        labels[actor.id] = f"{actor.name} (new: {actor.id})"
    return list(labels), labels


def _accept_confident() -> None:
    entry = st.session_state.get("as_review")
    if entry is None:
        return
    review: Review = entry[1]
    for quote in review.drafts.quotes:  # decisions the analyst already took are kept
        key = f"as_d_status_{quote.id}"
        if key in st.session_state:
            review.decisions[quote.id].status = st.session_state[key]
    accepted = review.accept_confident()
    for quote in review.drafts.quotes:
        st.session_state[f"as_d_status_{quote.id}"] = review.decisions[quote.id].status
    st.session_state["as_bulk"] = accepted


def _draft_card(review: Review, quote: QuoteDraft, briefing: Briefing, options: list[str],
                labels: dict[str, str]) -> None:
    decision = review.decisions[quote.id]
    prefix = f"as_d_{{}}_{quote.id}"
    key = prefix.format
    _default(key("status"), decision.status)
    _default(key("speaker"), decision.speaker or "")
    _default(key("kind"), decision.kind)
    _default(key("context"), decision.context)
    _default(key("issues"), list(decision.issues))
    _default(key("date"), decision.date.isoformat() if decision.date else "")
    band = confidence_band(quote.confidence)
    with st.container(border=True, key=f"as_card_{quote.id}"):
        st.html(f'<div class="as-meta"><b>{html_text(quote.id)}</b> · {html_text(quote.kind)} · confidence '
                f'{band} ({quote.confidence:.2f}) · {html_text(_HOW.get(quote.speaker_found_by, ""))}</div>'
                f'<div class="as-quote as-k-{html_text(quote.kind)}">{html_text(quote.text)}</div>')
        st.radio("Decision", DECISIONS, key=key("status"), horizontal=True,
                 format_func=_DECISION_LABELS.__getitem__, label_visibility="collapsed")
        speaker_key = key("speaker")
        if st.session_state[speaker_key] not in options:
            st.session_state[speaker_key] = ""
        st.selectbox("Speaker", options, key=speaker_key, format_func=labels.__getitem__)
        with st.expander("Kind, context, issues, date, position"):
            st.selectbox("Kind", QUOTE_KINDS, key=key("kind"))
            st.text_area("Context (your note: the quote's words above are never edited)",
                         key=key("context"), height=90)
            st.multiselect("Issues", list(briefing.issues["id"]), key=key("issues"),
                           format_func=lambda i: briefing.issue_titles.get(i, i), select_all=False)
            st.text_input("Date said, YYYY-MM-DD (if the article gives it)", key=key("date"))
            _position(review, quote, briefing, options, labels)
    decision.status = st.session_state[key("status")]
    decision.speaker = st.session_state[speaker_key] or None
    decision.kind = st.session_state[key("kind")]
    decision.context = st.session_state[key("context")].strip()
    decision.issues = list(st.session_state[key("issues")])
    said = st.session_state[key("date")].strip()
    try:
        decision.date = date.fromisoformat(said) if said else None
    except ValueError:
        st.warning(f"{md(quote.id)}: the date '{md(said)}' is not YYYY-MM-DD; it is left out")
        decision.date = None


def _position(review: Review, quote: QuoteDraft, briefing: Briefing, options: list[str],
              labels: dict[str, str]) -> None:
    decision = review.decisions[quote.id]
    key = f"as_d_{{}}_{quote.id}".format
    issues = list(st.session_state[key("issues")])
    if not issues:
        st.caption("Attach an issue to propose a position from this quote.")
        decision.position = None
        return
    if not st.checkbox("Propose a position from this quote", key=key("propose")):
        decision.position = None
        return
    if decision.position is None or decision.position.issue not in issues:
        decision.speaker = st.session_state[key("speaker")] or None
        proposal = review.propose_position(quote.id, issues[0])
        for field, value in (("pactor", proposal.actor), ("pissue", proposal.issue),
                             ("pstance", proposal.stance), ("pbasis", proposal.basis),
                             ("pconf", proposal.confidence), ("pby", proposal.assessed_by)):
            st.session_state[key(field)] = value
    current = decision.position
    assert current is not None
    proposal = current
    actor_options = [o for o in options if o]
    if st.session_state.get(key("pactor")) not in actor_options:
        st.session_state[key("pactor")] = actor_options[0] if actor_options else ""
    st.selectbox("Whose position", actor_options, key=key("pactor"), format_func=labels.__getitem__)
    st.selectbox("On issue", issues, key=key("pissue"), format_func=lambda i: briefing.issue_titles.get(i, i))
    st.selectbox("Stance (suggested from the words: check it)", STANCES, key=key("pstance"),
                 format_func=STANCE_LABELS.__getitem__)
    st.selectbox("Basis", BASES, key=key("pbasis"))
    st.selectbox("Confidence", CONFIDENCES, key=key("pconf"))
    if st.session_state[key("pbasis")] == "inferred":
        if st.session_state.get(key("pby")) not in options:
            st.session_state[key("pby")] = ""
        st.selectbox("Assessed by", options, key=key("pby"), format_func=labels.__getitem__)
    st.checkbox("I confirm this position", key=key("pok"))
    proposal.actor = st.session_state[key("pactor")]
    proposal.issue = st.session_state[key("pissue")]
    proposal.stance = st.session_state[key("pstance")]
    proposal.basis = st.session_state[key("pbasis")]
    proposal.confidence = st.session_state[key("pconf")]
    proposal.assessed_by = st.session_state.get(key("pby")) or ""
    proposal.confirmed = bool(st.session_state[key("pok")])


def _new_actors(review: Review, briefing: Briefing) -> None:
    if not review.actors:
        return
    st.subheader("New actors", anchor=False)
    st.caption("Speakers the briefing does not have yet. Only those of accepted drafts are saved.")
    bodies = [""] + [str(i) for i in briefing.actors.loc[briefing.actors["kind"].isin(
        ["state", "organization"]), "id"]]
    for actor in review.actors.values():
        key = f"as_a_{{}}_{actor.id}".format
        _default(key("name"), actor.name)
        _default(key("kind"), actor.kind if actor.kind in ACTOR_KINDS else "other")
        _default(key("role"), actor.role)
        _default(key("represents"), actor.represents if actor.represents in bodies else "")
        _default(key("affiliation"), actor.affiliation)
        with st.expander(f"{md(actor.name)} (new: {md(actor.id)})"):
            st.text_input("Name", key=key("name"))
            st.selectbox("Kind", ACTOR_KINDS, key=key("kind"))
            st.text_input("Role", key=key("role"))
            st.selectbox("Speaks for (represents)", bodies, key=key("represents"),
                         format_func=lambda i: i or "— no one —")
            st.text_input("Affiliation (for experts: where they work)", key=key("affiliation"))
            if actor.mentions:
                st.caption("The article calls them: " + md("; ".join(actor.mentions)))
        actor.name = st.session_state[key("name")]
        actor.kind = st.session_state[key("kind")]
        actor.role = st.session_state[key("role")].strip()
        actor.represents = st.session_state[key("represents")]
        actor.affiliation = st.session_state[key("affiliation")].strip()


def _save(review: Review, folder: Path) -> None:
    counts = {s: sum(d.status == s for d in review.decisions.values()) for s in DECISIONS}
    st.caption(f"{counts[ACCEPTED]} accepted drafts will be saved; undecided and rejected ones are not.")
    if not st.button("Save accepted records into the briefing", key="as_save", type="primary"):
        return
    problems = review.problems()
    if problems:
        st.error("Not saved: " + "; ".join(problems))  # our words and our ids only
        return
    try:
        result = save(folder, review.accepted_records())
    except SaveRefused as refused:
        st.error(md(str(refused)))
        return
    except Exception:  # a bug, not the analyst's input: logged, said in words, nothing written
        LOG.exception("saving into %s failed", folder)
        st.error("Not saved: an unexpected error, logged on the server. Nothing was written; your "
                 "review is kept, so you can try again.", icon=":material/error:")
        return
    st.session_state["as_saved"] = result
    st.session_state.pop("as_review", None)
    st.rerun()


def _show_saved() -> None:
    result = st.session_state.get("as_saved")
    if result is None:
        return
    added = ", ".join(f"{len(ids)} {table if len(ids) > 1 else TABLE_BY_NAME[table].singular}"
                      for table, ids in result.added.items() if ids) or "nothing new"
    st.success(f"Saved: {md(added)}. Turn off “Add a source” in the sidebar to see them in "
               "the matrix.")
    if result.skipped:
        st.info("Already there, not saved again: " + md("; ".join(result.skipped)))
    if result.renamed:
        st.info("Ids taken meanwhile by another save, renamed: "
                + md(", ".join(f"{a} → {b}" for a, b in result.renamed.items())))


def render(folder: Path, briefing: Briefing, briefing_id: str) -> None:
    st.html(CSS)
    st.title("Add a source", anchor=False)
    st.caption(f"Into briefing {md(briefing_id)}: {md(briefing.meta.title)}")
    _show_saved()
    entry = st.session_state.get("as_review")
    review: Review | None = entry[1] if entry is not None and entry[0] == briefing_id else None
    if review is None:
        _input(briefing, briefing_id)
        return
    source = review.source
    complete = review.drafts.source.matched or all(
        str(st.session_state.get(f"as_s_{k}", source.get(k)) or "").strip()
        for k in ("title", "publisher", "published"))
    title = str(st.session_state.get("as_s_title", source.get("title")) or "untitled")
    missing = [k for k in ("title", "publisher", "published")
               if not str(st.session_state.get(f"as_s_{k}", source.get(k)) or "").strip()]
    st.caption(f"Source: {md(title)}" + ("" if complete else f" · still needed: {', '.join(missing)}"))
    with st.expander("The source's title, publisher, date and link", expanded=False):  # label fixed:
        _source_form(review)  # a new label would be a new expander, folded again
    options, labels = _speaker_options(review, briefing)
    speech = [q for q in review.drafts.quotes if q.is_speech]
    apart = [q for q in review.drafts.quotes if not q.is_speech]
    actions = st.columns([2, 2, 3])
    actions[0].button("Accept all confident drafts", key="as_accept_confident", on_click=_accept_confident,
                      help="Quotations in quotation marks with a speaker and confidence 0.70 or more; "
                      "paraphrases are left for you to read; your other decisions stay")
    if actions[1].button("Start again with another article", key="as_restart"):
        st.session_state.pop("as_review", None)
        st.rerun()
    bulk = st.session_state.pop("as_bulk", None)
    counts = {s: sum(d.status == s for d in review.decisions.values()) for s in DECISIONS}
    actions[2].caption(f"{len(review.drafts.quotes)} drafts: {counts[ACCEPTED]} accepted, "
                       f"{counts[REJECTED]} rejected, {counts[PENDING]} undecided"
                       + (f" ({bulk} just accepted)" if bulk is not None else ""))
    article_column, drafts_column = st.columns([5, 6], gap="medium")
    with drafts_column:
        pages = max(1, -(-len(speech) // PAGE_SIZE))
        page = 1
        if pages > 1:
            page = int(st.selectbox("Page", range(1, pages + 1), key="as_page",
                                    format_func=lambda p: f"{p} of {pages}"))
        shown = speech[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
        for quote in shown:
            _draft_card(review, quote, briefing, options, labels)
        if apart:
            with st.expander(f"Beliefs and findings, not speech ({len(apart)})"):
                for quote in apart:
                    _draft_card(review, quote, briefing, options, labels)
    with article_column:
        st.html(LEGEND)
        st.html(article_html(review.drafts.article.text, review.drafts.quotes,
                             {q.id for q in review.drafts.quotes
                              if review.decisions[q.id].status == ACCEPTED}))
    _new_actors(review, briefing)
    _save(review, folder)
