"""The "Add a source" view: draft records from an article, review them, save them into the briefing.

Shown only when the server was started for editing (`make edit` sets DASHBOARD_EDIT=1); nothing in
a link or on the page can turn it on. A quote's words are always the article's own characters: the
analyst moves a draft's edges, or adds a statement, by selecting in the article or pasting the words
(which are then found in it), never by typing them. Everything else can be changed, and what stops a
save is said field by field before Save.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard import workers
from dashboard.briefing import Briefing
from dashboard.escape import html_text
from dashboard.escape import markdown_literal as md
from dashboard.extract.batch import Item
from dashboard.extract.drafts import Drafts, QuoteDraft
from dashboard.extract.duplicates import same_source
from dashboard.extract.fetch import FETCH_SECONDS, MAX_FETCH_BYTES, Allowed, FetchRefused
from dashboard.extract.highlight import CSS, LEGEND, article_html
from dashboard.extract.isolated import draft_input, reference
from dashboard.extract.manual import by_hand, read_any_language
from dashboard.extract.nlp import ModelError
from dashboard.extract.readers import MAX_CHARACTERS, READERS, InputError
from dashboard.extract.review import (
    ACCEPTED,
    ALSO_IN,
    DECISIONS,
    NEW,
    PENDING,
    REJECTED,
    Bulk,
    Review,
    confidence_band,
    day_problem,
)
from dashboard.extract.saving import DuplicateSource, SaveRefused, read_fingerprints, save
from dashboard.extract.spans import from_selection, locate, move_end, move_start, quoted
from dashboard.records import (
    ACTOR_KINDS,
    BASES,
    CONFIDENCES,
    QUOTE_KINDS,
    SOURCE_KINDS,
    STANCES,
    TABLE_BY_NAME,
)
from dashboard.views import account
from dashboard.views import batch as batch_view
from dashboard.views.article_select import Selection, article_selector
from dashboard.vocabulary import STANCE_LABELS

LOG = logging.getLogger("dashboard")
PAGE_SIZE = 12
NEW_ACTOR = "__new__"  # the speaker box's "New actor…"
NEW_BODY = "__new_body__"  # "speaks for" a state or organisation the briefing does not have yet
ADD = "__add__"  # the selection's "a new statement"
_PREFIXES = ("as_d_", "as_a_", "as_s_", "as_n_", "as_add_", "as_m_")
_DECISION_LABELS = {PENDING: "Undecided", ACCEPTED: "Accept", REJECTED: "Reject"}
_HOW = {
    "named": "named at the cue",
    "short-name": "short name, matched to the full mention",
    "pronoun": "pronoun resolved",
    "description": "description matched to an earlier mention",
    "continued": "continues the quotation before",
    "unknown": "no speaker found",
    "modifier": "scare quotes around a word: nobody's statement",
    "analyst": "added by you",
}
_FLAGS = {
    "negation": "the sentence denies or doubts it",
    "modal": "a may/might/would statement",
    "nested": "someone reporting another's words",
    "speaker": "the speaker is a guess",
    "span": "the edges are not certain",
    "language": "drafted by quotation marks and cue words in a language the parser does not read",
    "repeated": "the article quotes these words again: keep one of them",
}


def render_switch() -> bool:
    return bool(
        st.sidebar.toggle(
            "Add a source",
            key="as_open",
            help="Draft records from an article and save them into this briefing",
        )
    )


# ------------------------------------------------------------------------------------------ input


def _draft(briefing: Briefing, briefing_id: str, upload: Any, text: str, url: str = "") -> Drafts | str:
    """Drafts from the link, the upload or the pasted text, made in a drafting worker; or why not,
    in words."""
    name = url or (upload.name if upload is not None else "pasted text")
    data = upload.getvalue() if upload is not None and not url else None
    if not url and data is None and len(text) > MAX_CHARACTERS:  # refused here: never sent to a worker
        return (
            f"pasted text: {len(text):,} characters is more than the {MAX_CHARACTERS:,} the "
            "extractor takes at once: split the document. Nothing was drafted."
        )
    try:
        return workers.run(
            "drafting",
            draft_input,
            name,
            data,
            text,
            reference(briefing),
            briefing_id,
            url,
            Allowed.from_environment(),
            what=name,
        )
    except InputError as error:
        return f"{error.name}: {error.reason}. Nothing was drafted."
    except FetchRefused as refused:
        return f"{refused.url}: not fetched: {refused.reason}. Nothing was drafted."
    except ModelError as error:
        return f"{error}. Nothing was drafted."
    except workers.WorkerFailed as failed:
        return f"{failed.what} could not be drafted: {failed.reason}."
    except Exception:  # a bug, not the file: logged with its traceback, said in words here
        LOG.exception("drafting %s failed", name)
        return (
            f"{name} could not be drafted: an unexpected error, logged on the server. Nothing "
            "was written; try again, or paste the text instead."
        )


def _by_hand(briefing: Briefing, briefing_id: str, folder: Path) -> str:
    """Start a review with no drafts, for quotes entered by hand; '' when started, else why not."""
    upload = st.session_state.get("as_upload")
    text = st.session_state.get("as_paste") or ""
    url = _link()
    name = url or (upload.name if upload is not None else "pasted text")
    if not url and upload is None and len(text) > MAX_CHARACTERS:
        return f"pasted text: {len(text):,} characters is more than the {MAX_CHARACTERS:,} a review takes"
    try:
        if url:
            article = workers.run(
                "drafting", read_any_language, name, None, "", url, Allowed.from_environment(), what=name
            )
        elif upload is None:
            article = read_any_language(name, None, text)
        else:
            article = workers.run("drafting", read_any_language, name, upload.getvalue(), "", what=name)
    except InputError as error:
        return f"{error.name}: {error.reason}."
    except FetchRefused as refused:
        return f"{refused.url}: not fetched: {refused.reason}."
    except workers.WorkerFailed as failed:
        return f"{failed.what} could not be read: {failed.reason}."
    why = st.session_state.get("as_failed", ("", ""))[1] or "you chose to enter the quotes by hand"
    drafts = by_hand(article, briefing, briefing_id)
    _start_review(Review.start(drafts, briefing, read_fingerprints(folder), why_nothing=why), briefing_id)
    return ""


def _link() -> str:
    """The link typed in the Link tab, if any: it is what is drafted from when given."""
    return str(st.session_state.get("as_link") or "").strip()


def _input(briefing: Briefing, briefing_id: str, folder: Path) -> None:
    pasted, uploaded, linked, several = st.tabs(["Paste text", "Upload a file", "A link", "Several at once"])
    with several:
        batch_view.render_input(briefing, briefing_id)
    with pasted:
        # One character past the bound, so a longer paste is said to be too long, not cut unsaid.
        st.text_area(
            "Article text",
            key="as_paste",
            height=180,
            max_chars=MAX_CHARACTERS + 1,
            help=f"Up to {MAX_CHARACTERS:,} characters. The extractor drafts from English, "
            "German, French, Russian, Chinese, Japanese, Korean, Italian and Spanish (all but "
            "English by quotation marks and cue words: less certain); in any language you can "
            "enter the quotes by hand",
        )
    with uploaded:
        st.file_uploader(
            "Article file",
            key="as_upload",
            type=[s.lstrip(".") for s in READERS],
            help=".txt, .html (main text only), .pdf (text layer) or .docx",
        )
    with linked:
        st.text_input(
            "Address of the article (https://…)",
            key="as_link",
            max_chars=2000,
            help="The server fetches the page (public addresses only, at most "
            f"{MAX_FETCH_BYTES // 1_000_000} MB in {FETCH_SECONDS:g} seconds) and drafts from "
            "its main text; the address and today's date are recorded as where and when it "
            "was read. A link given here is drafted from before a file or pasted text.",
        )
    with st.container(horizontal=True, key="as_start"):
        drafting = st.button("Draft records", key="as_draft", type="primary")
        manual = st.button(
            "Enter the quotes by hand",
            key="as_manual",
            help="Any language: select or paste each statement's words in the article",
        )
    if drafting:
        upload = st.session_state.get("as_upload")
        text = st.session_state.get("as_paste") or ""
        with st.spinner("Reading the article and finding who said what…"):
            drafts = _draft(briefing, briefing_id, upload, text, _link())
        if isinstance(drafts, str):
            st.session_state["as_failed"] = (drafts, _why_nothing(drafts))
        else:
            why = "" if drafts.quotes else ("the extractor found no quotation and no reported speech in it")
            _start_review(
                Review.start(drafts, briefing, read_fingerprints(folder), why_nothing=why), briefing_id
            )
            st.rerun()
    if manual:
        refused = _by_hand(briefing, briefing_id, folder)
        if not refused:
            st.rerun()
        st.session_state["as_failed"] = (refused, "")
    failed = st.session_state.get("as_failed")
    if failed:
        st.error(md(failed[0]), icon=":material/error:")
        if failed[1]:
            st.info(
                "Nothing drafted: " + md(failed[1]) + ". Press **Enter the quotes by hand** to "
                "select or paste each statement's words in the text yourself.",
                icon=":material/edit_note:",
            )


def _review_item(item: Item, briefing: Briefing, briefing_id: str, folder: Path) -> None:
    """Open the review of a drafted item of the queue."""
    if item.drafts is None:
        return
    why = "" if item.drafts.quotes else "the extractor found no quotation and no reported speech in it"
    _start_review(
        Review.start(item.drafts, briefing, read_fingerprints(folder), why_nothing=why), briefing_id
    )
    st.rerun()


def _already(item: Item, briefing: Briefing, folder: Path) -> str:
    """What the briefing already has of a queued article, in words ("" when nothing)."""
    if item.drafts is None:
        return ""
    source = item.drafts.source
    if source.matched:  # the same address or title: its words would go into that source
        return f"already in the briefing as {source.id}: {source.publisher}, {source.title}"
    same = same_source(
        source.url,
        item.drafts.article.text,
        _rows(briefing.sources),
        read_fingerprints(folder),
        _rows(briefing.quotes),
    )
    return same.message() if same is not None else ""


def _rows(frame: Any) -> list[dict[str, object]]:
    table = frame.astype(object)
    return [dict(r) for r in table.where(table.notna(), None).to_dict("records")]


def _why_nothing(message: str) -> str:
    if ": not fetched: " in message:
        return ""  # nothing was read: there is nothing to enter by hand from
    if "and drafting reads" in message:
        return "the extractor does not draft from this language"
    if "more than the" in message or "binary" in message or "no text in it" in message:
        return ""  # nothing to enter by hand from
    return "the extractor could not draft from it"


def _start_review(review: Review, briefing_id: str) -> None:
    for key in [k for k in st.session_state if str(k).startswith(_PREFIXES)]:
        del st.session_state[key]
    st.session_state["as_review"] = (briefing_id, review)
    st.session_state["as_sel_used"] = st.session_state.get("as_sel_last", 0.0)
    for key in ("as_saved", "as_failed", "as_bulk", "as_notice"):
        st.session_state.pop(key, None)


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


def _default(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _notice(text: str) -> None:
    """A message for the next run (a callback's outcome), shown once near the top."""
    st.session_state["as_notice"] = text


# ------------------------------------------------------------------------------------------ source


def _use_existing(review: Review, source_id: str) -> None:
    if review.use_source(source_id):
        for key in [k for k in st.session_state if str(k).startswith("as_s_")]:
            del st.session_state[key]
        _sync(review)
        _notice(f"The records will be added to the existing source {source_id}.")


def _same_source(review: Review) -> None:
    same = review.same
    if same is None:
        return
    st.error(f"This article is {md(same.message())}.", icon=":material/content_copy:")
    st.button(
        f"Add the records to {md(same.id)} instead",
        key="as_s_use_same",
        on_click=_use_existing,
        args=(review, same.id),
    )
    if not same.certain:
        st.checkbox(
            "It is another outlet's copy: keep it as a source of its own (its quotes already "
            "in the briefing are saved as another source for them)",
            key="as_s_another",
        )
        review.another_copy = bool(st.session_state.get("as_s_another"))


def _published(review: Review) -> None:
    published = st.session_state["as_s_published"].strip()
    problem = day_problem("source published", published)
    if problem:
        st.error(md(problem), icon=":material/event_busy:")
    elif published and published == review.source.get("published_metadata"):
        st.warning(
            "Published: from the file's metadata (when the file was made, not always when the "
            "article was published): confirm it or write the publication date.",
            icon=":material/event:",
        )
        st.checkbox(f"{md(published)} is the day the article was published", key="as_s_confirm")
        review.published_confirmed = bool(st.session_state.get("as_s_confirm"))


def _source_form(review: Review) -> None:
    source = review.drafts.source
    if source.matched:
        st.info(
            f"Into the source already in the briefing: {md(source.id)}: {md(source.publisher)}, "
            f"{md(source.title)}. Words it already carries are not saved again."
        )
        _default("as_s_language", review.source.get("language") or "")
        st.text_input("Language of the quotes (en, de, fr, zh …)", key="as_s_language")
        review.source["language"] = st.session_state["as_s_language"].strip()
        return
    if review.drafts.notes:
        st.caption("Note: " + md("; ".join(review.drafts.notes)) + ".")
    for field in ("title", "publisher", "published", "url", "kind", "language"):
        _default(f"as_s_{field}", review.source.get(field) or "")
    # One row of columns at a time, so a phone stacks them in reading order.
    left, right = st.columns(2)
    left.text_input("Title (required)", key="as_s_title")
    right.text_input("Publisher (required)", key="as_s_publisher")
    left, right = st.columns(2)
    left.text_input("Published, YYYY-MM-DD (required)", key="as_s_published")
    right.text_input("URL", key="as_s_url")
    left, right = st.columns(2)
    left.selectbox("Kind", SOURCE_KINDS, key="as_s_kind")
    right.text_input("Language of the text (required: en, de, fr, zh …)", key="as_s_language")
    st.caption(f"Saved as source {md(source.id)}.")
    review.source.update(
        title=st.session_state["as_s_title"].strip(),
        publisher=st.session_state["as_s_publisher"].strip(),
        published=st.session_state["as_s_published"].strip(),
        url=st.session_state["as_s_url"].strip(),
        kind=st.session_state["as_s_kind"],
        language=st.session_state["as_s_language"].strip(),
    )
    review.recheck_source()


# ------------------------------------------------------------------------------------------ speakers


def _speaker_options(review: Review, briefing: Briefing) -> tuple[list[str], dict[str, str]]:
    labels = {"": "— no speaker —"}
    for actor_id, name in briefing.actor_names.items():
        labels[str(actor_id)] = f"{name} ({actor_id})"
    for actor in review.actors.values():
        labels[actor.id] = f"{actor.name} (new: {actor.id})"
    labels[NEW_ACTOR] = "New actor…"
    return list(labels), labels


def _with_gone(
    options: list[str], labels: dict[str, str], review: Review, chosen: str
) -> tuple[list[str], dict[str, str]]:
    """The options, plus the chosen speaker if it is no longer in the briefing: shown as gone, never
    silently cleared."""
    if not chosen or chosen in labels:
        return options, labels
    gone = dict(labels)
    gone[chosen] = f"{review.name(chosen)} ({chosen}) — no longer in the briefing: choose again"
    return [*options[:-1], chosen, options[-1]], gone


def _bodies(review: Review, briefing: Briefing) -> tuple[list[str], dict[str, str]]:
    labels = {"": "— no one —"}
    for body in review.bodies:
        labels[body] = f"{briefing.actor_names.get(body, body)} ({body})"
    for actor in review.actors.values():
        if actor.kind in ("state", "organization"):
            labels[actor.id] = f"{actor.name} (new: {actor.id})"
    labels[NEW_BODY] = "A new state or organisation…"
    return list(labels), labels


def _create_actor(review: Review, prefix: str, speaker_key: str) -> None:
    """The "New actor…" form's button: make the actor (and the body it speaks for, if new)."""
    value = st.session_state.get
    represents = value(f"{prefix}represents") or ""
    if represents == NEW_BODY:
        body = review.new_actor(value(f"{prefix}body_name") or "", value(f"{prefix}body_kind") or "state")
        if isinstance(body, str):
            st.session_state[f"{prefix}error"] = body.replace("new actor", "new state or organisation")
            return
        represents = body.id
    made = review.new_actor(
        value(f"{prefix}name") or "",
        value(f"{prefix}kind") or "official",
        value(f"{prefix}role") or "",
        represents,
        value(f"{prefix}affiliation") or "",
    )
    if isinstance(made, str):
        st.session_state[f"{prefix}error"] = made
        return
    st.session_state.pop(f"{prefix}error", None)
    st.session_state[speaker_key] = made.id
    for field in ("name", "role", "affiliation", "body_name"):
        st.session_state.pop(f"{prefix}{field}", None)


def _new_actor_form(review: Review, briefing: Briefing, prefix: str, speaker_key: str) -> None:
    with st.container(border=True, key=f"{prefix}form"):
        st.caption("A speaker the briefing does not have: added to this review's new actors.")
        st.text_input("Name of the new actor", key=f"{prefix}name")
        left, right = st.columns(2)
        left.selectbox("Kind of actor", ACTOR_KINDS, index=ACTOR_KINDS.index("official"), key=f"{prefix}kind")
        right.text_input("Role (Foreign Minister, spokesperson …)", key=f"{prefix}role")
        options, labels = _bodies(review, briefing)
        st.selectbox(
            "Speaks for (officials: a state or organisation)",
            options,
            key=f"{prefix}represents",
            format_func=labels.__getitem__,
        )
        if st.session_state.get(f"{prefix}represents") == NEW_BODY:
            left, right = st.columns(2)
            left.text_input("Its name", key=f"{prefix}body_name")
            right.selectbox("Its kind", ("state", "organization"), key=f"{prefix}body_kind")
        st.text_input("Affiliation (experts: where they work)", key=f"{prefix}affiliation")
        if st.session_state.get(f"{prefix}error"):
            st.error(md(st.session_state[f"{prefix}error"]))
        st.button(
            "Create this actor",
            key=f"{prefix}create",
            on_click=_create_actor,
            args=(review, prefix, speaker_key),
        )


def _speaker_box(
    review: Review, briefing: Briefing, speaker_key: str, form_prefix: str, label: str = "Speaker"
) -> str | None:
    """The speaker box: an actor of the briefing, one proposed here, or a new one made on the spot."""
    options, labels = _speaker_options(review, briefing)
    options, labels = _with_gone(options, labels, review, st.session_state.get(speaker_key) or "")
    st.selectbox(label, options, key=speaker_key, format_func=labels.__getitem__)
    chosen = st.session_state.get(speaker_key) or ""
    if chosen == NEW_ACTOR:
        _new_actor_form(review, briefing, form_prefix, speaker_key)
        return None
    if chosen and not review.exists(chosen):
        st.error(
            md(
                f"The speaker '{review.name(chosen)}' ({chosen}) is no longer in the briefing — a "
                "colleague may have renamed or removed it: choose the speaker again."
            )
        )
    return chosen or None


def _sync(review: Review) -> None:
    """After a change made outside the widgets (a merge, a bulk accept, another source), put the
    decisions back into the widgets' state."""
    for quote in review.quotes:
        decision = review.decisions[quote.id]
        st.session_state[f"as_d_status_{quote.id}"] = decision.status
        st.session_state[f"as_d_speaker_{quote.id}"] = decision.speaker or ""
        st.session_state[f"as_d_route_{quote.id}"] = decision.route
        if decision.position is not None:
            st.session_state[f"as_d_pactor_{quote.id}"] = decision.position.actor
            st.session_state[f"as_d_pby_{quote.id}"] = decision.position.assessed_by


# ------------------------------------------------------------------------------------------ bulk


def _accept_confident() -> None:
    entry = st.session_state.get("as_review")
    if entry is None:
        return
    review: Review = entry[1]
    for quote in review.quotes:  # decisions the analyst already took are kept
        key = f"as_d_status_{quote.id}"
        if key in st.session_state:
            review.decisions[quote.id].status = st.session_state[key]
    st.session_state["as_bulk"] = review.accept_confident()
    _sync(review)


def _bulk_line(bulk: Bulk) -> str:
    taken = f"{len(bulk.accepted)} accepted" if bulk.accepted else "none accepted"
    left = bulk.said()
    return f"Accept all confident drafts: {taken}." + (f" Left for your eye: {left}." if left else "")


# ------------------------------------------------------------------------------------------ spans


def _set_span(review: Review, quote_id: str, start: int, end: int) -> None:
    problem = review.set_span(quote_id, start, end)
    if problem:
        _notice(problem)
    st.session_state[f"as_d_route_{quote_id}"] = review.decisions[quote_id].route


def _step(review: Review, quote_id: str, edge: str, step: int) -> None:
    text = review.drafts.article.text
    start, end = review.span(quote_id)
    start, end = (move_start if edge == "start" else move_end)(text, start, end, step)
    _set_span(review, quote_id, start, end)


def _paste_span(review: Review, quote_id: str) -> None:
    words = st.session_state.get(f"as_d_paste_{quote_id}") or ""
    found = locate(review.drafts.article.text, words, near=review.span(quote_id)[0])
    if found is None:
        _notice(
            f"{quote_id}: those words are not in the article (spacing and quotation marks aside): "
            "copy them from it"
        )
        return
    _set_span(review, quote_id, *found)
    st.session_state[f"as_d_paste_{quote_id}"] = ""


def _span_tools(review: Review, quote: QuoteDraft) -> None:
    with st.expander("Words: widen or narrow"):
        st.caption(
            "Select the words in the article and use the selection, or move an edge a word at "
            "a time, or paste the words as the article has them. The words saved are always "
            "the article's own characters."
        )
        with st.container(horizontal=True, key=f"as_d_steps_{quote.id}"):  # wraps on a phone
            for edge, step, label in (
                ("start", -1, "Start ←"),
                ("start", 1, "Start →"),
                ("end", -1, "End ←"),
                ("end", 1, "End →"),
            ):
                st.button(
                    label,
                    key=f"as_d_{edge}{step:+d}_{quote.id}",
                    on_click=_step,
                    args=(review, quote.id, edge, step),
                    help=f"Move the {edge} a word (or punctuation mark) {'earlier' if step < 0 else 'later'}",
                )
        st.text_input("Or paste the words as the article has them", key=f"as_d_paste_{quote.id}")
        left, right = st.columns(2)
        left.button(
            "Use these words", key=f"as_d_usepaste_{quote.id}", on_click=_paste_span, args=(review, quote.id)
        )
        if review.decisions[quote.id].span is not None:
            right.button(
                "Back to the drafted words",
                key=f"as_d_reset_{quote.id}",
                on_click=_set_span,
                args=(review, quote.id, quote.start, quote.end),
            )


# ------------------------------------------------------------------------------------------ cards


def _duplicate(review: Review, quote: QuoteDraft) -> None:
    """Words the briefing already has: offered as another source for that quote, not a second one."""
    decision = review.decisions[quote.id]
    found = review.matches(quote.id)
    if not found:
        decision.route, decision.also_of = NEW, ""
        return
    held = found[0].quote
    own = review.drafts.source.id in (held.source, *held.also_in)
    st.warning(
        f"{md(found[0].how.capitalize())} as quote {md(review.existing_label(held.id))}"
        + (" — from this very source: not saved again." if own else "."),
        icon=":material/content_copy:",
    )
    if own:
        decision.route, decision.also_of = ALSO_IN, held.id
        return
    routes = {
        ALSO_IN: f"Another source for {held.id} (one quote, two sources)",
        NEW: "A quote of its own (another occasion, or another speaker)",
    }
    _default(f"as_d_route_{quote.id}", decision.route)
    st.radio(
        "Save these words as", list(routes), key=f"as_d_route_{quote.id}", format_func=routes.__getitem__
    )
    decision.route = st.session_state[f"as_d_route_{quote.id}"]
    decision.also_of = held.id
    if decision.route == ALSO_IN and decision.speaker and decision.speaker != held.speaker:
        st.caption(
            f"The briefing gives these words to {md(review.name(held.speaker))}; the speaker "
            "chosen here is not saved with them. If both said them, save a quote of its own."
        )


def _meta(review: Review, quote: QuoteDraft) -> str:
    band = confidence_band(quote.confidence)
    parts = [f"<b>{html_text(quote.id)}</b>", html_text(quote.kind)]
    if quote.speaker_found_by != "analyst":
        parts.append(f"confidence {band} ({quote.confidence:.2f})")
    parts.append(html_text(_HOW.get(quote.speaker_found_by, "")))
    if quote.flags:
        parts.append("check: " + html_text("; ".join(_FLAGS.get(f, f) for f in quote.flags)))
    if review.decisions[quote.id].span is not None:
        parts.append("edges moved by you")
    return " · ".join(p for p in parts if p)


def _draft_card(review: Review, quote: QuoteDraft, briefing: Briefing) -> None:
    decision = review.decisions[quote.id]
    key = f"as_d_{{}}_{quote.id}".format
    _default(key("status"), decision.status)
    _default(key("speaker"), decision.speaker or "")
    _default(key("kind"), decision.kind)
    _default(key("context"), decision.context)
    _default(key("issues"), list(decision.issues))
    _default(key("date"), decision.date)
    _default(key("translation"), decision.translation)
    _default(key("translation_language"), decision.translation_language)
    _default(key("translated_by"), decision.translated_by or account.current().label)
    with st.container(border=True, key=f"as_card_{quote.id}"):
        st.html(
            f'<div class="as-meta">{_meta(review, quote)}</div>'
            f'<div class="as-quote as-k-{html_text(quote.kind)}">{html_text(review.words(quote.id))}'
            "</div>"
        )
        st.radio(
            "Decision",
            DECISIONS,
            key=key("status"),
            horizontal=True,
            format_func=_DECISION_LABELS.__getitem__,
            label_visibility="collapsed",
        )
        with st.container(key=f"as_sp_{quote.id}"):
            decision.speaker = _speaker_box(review, briefing, key("speaker"), f"as_n_{quote.id}_")
        with st.container(key=f"as_dup_{quote.id}"):
            _duplicate(review, quote)
        _span_tools(review, quote)
        with st.expander("Kind, context, issues, date, position"):
            st.selectbox("Kind", QUOTE_KINDS, key=key("kind"))
            st.text_area(
                "Context (your note: the quote's words above are never edited)", key=key("context"), height=90
            )
            st.multiselect(
                "Issues",
                list(briefing.issues["id"]),
                key=key("issues"),
                format_func=lambda i: briefing.issue_titles.get(i, i),
                select_all=False,
            )
            st.text_input("Date said, YYYY-MM-DD (if the article gives it)", key=key("date"))
            problem = day_problem(f"{quote.id} date said", st.session_state[key("date")])
            if problem:
                st.error(md(problem), icon=":material/event_busy:")
            _position(review, quote, briefing)
        with st.expander("Translation"):
            st.caption(
                "Saved beside the words above, labelled as a translation with who made it "
                "and today's date; the words themselves are never replaced."
            )
            st.text_area("Translation", key=key("translation"), height=90)
            language, by = st.columns([1, 3])
            language.text_input("Into (language code)", key=key("translation_language"))
            by.text_input("Translated by (a person, or the tool and its version)", key=key("translated_by"))
    decision.status = st.session_state[key("status")]
    decision.kind = st.session_state[key("kind")]
    decision.context = st.session_state[key("context")].strip()
    decision.issues = list(st.session_state[key("issues")])
    decision.date = st.session_state[key("date")].strip()
    decision.translation = st.session_state[key("translation")]
    decision.translation_language = st.session_state[key("translation_language")].strip()
    decision.translated_by = st.session_state[key("translated_by")].strip()


def _position(review: Review, quote: QuoteDraft, briefing: Briefing) -> None:
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
    proposal = decision.position
    if proposal is None or proposal.issue not in issues:
        proposal = review.propose_position(quote.id, issues[0])
        for field, value in (
            ("pactor", proposal.actor),
            ("pissue", proposal.issue),
            ("pstance", proposal.stance),
            ("pbasis", proposal.basis),
            ("pconf", proposal.confidence),
            ("pby", proposal.assessed_by),
            ("pasof", ""),
        ):
            st.session_state[key(field)] = value
    options, labels = _speaker_options(review, briefing)
    options, labels = _with_gone(options, labels, review, st.session_state.get(key("pactor")) or "")
    actor_options = [o for o in options if o and o != NEW_ACTOR]
    if st.session_state.get(key("pactor")) not in actor_options:
        st.session_state[key("pactor")] = actor_options[0] if actor_options else ""
    st.selectbox("Whose position", actor_options, key=key("pactor"), format_func=labels.__getitem__)
    st.selectbox("On issue", issues, key=key("pissue"), format_func=lambda i: briefing.issue_titles.get(i, i))
    st.selectbox(
        "Stance (suggested from the words: check it)",
        STANCES,
        key=key("pstance"),
        format_func=STANCE_LABELS.__getitem__,
    )
    st.selectbox("Basis", BASES, key=key("pbasis"))
    st.selectbox("Confidence", CONFIDENCES, key=key("pconf"))
    if st.session_state[key("pbasis")] == "inferred":
        if st.session_state.get(key("pby")) not in options:
            st.session_state[key("pby")] = ""
        st.selectbox(
            "Assessed by",
            [o for o in options if o != NEW_ACTOR],
            key=key("pby"),
            format_func=labels.__getitem__,
        )
    _default(key("pasof"), proposal.as_of)
    st.text_input("As of, YYYY-MM-DD (empty: the day said, else the day published)", key=key("pasof"))
    problem = day_problem(f"{quote.id} position as of", st.session_state[key("pasof")])
    if problem:
        st.error(md(problem), icon=":material/event_busy:")
    st.checkbox("I confirm this position", key=key("pok"))
    proposal.actor = st.session_state[key("pactor")]
    proposal.issue = st.session_state[key("pissue")]
    proposal.stance = st.session_state[key("pstance")]
    proposal.basis = st.session_state[key("pbasis")]
    proposal.confidence = st.session_state[key("pconf")]
    proposal.assessed_by = st.session_state.get(key("pby")) or ""
    proposal.as_of = st.session_state[key("pasof")].strip()
    proposal.confirmed = bool(st.session_state[key("pok")])


# ------------------------------------------------------------------------------------------ article


def _overlapping(review: Review, selection: tuple[int, int]) -> str:
    """The draft the selected words overlap most, if any: the likely one to widen or narrow."""
    best, share = ADD, 0
    for quote in review.quotes:
        start, end = review.span(quote.id)
        common = min(end, selection[1]) - max(start, selection[0])
        if common > share:
            best, share = quote.id, common
    return best


def _use_selection(review: Review, span: tuple[int, int], at: float) -> None:
    target = st.session_state.get("as_m_target", ADD)
    st.session_state["as_sel_used"] = at
    if target == ADD:
        st.session_state["as_add_span"] = span
        st.session_state["as_add_open"] = True
        st.session_state.pop("as_add_kind", None)  # guessed again for these words
        return
    _set_span(review, target, *span)


def _selection_panel(review: Review, selection: Selection | None) -> None:
    if selection is None:
        return
    st.session_state["as_sel_last"] = selection.at
    if selection.at == st.session_state.get("as_sel_used"):
        return
    text = review.drafts.article.text
    span = from_selection(text, selection.start, selection.end, selection.text)
    with st.container(border=True, key="as_m_panel"):
        if span is None:
            st.warning(
                "The selected words could not be found in the article's text: select them again, "
                "or paste them below."
            )
            return
        st.html(
            f'<div class="as-meta">Selected (characters {span[0]:,}–{span[1]:,}):</div>'
            f'<div class="as-quote">{html_text(text[span[0] : span[1]])}</div>'
        )
        targets = [ADD] + [q.id for q in review.quotes]
        if st.session_state.get("as_m_for") != selection.at:  # a new selection: guess its use
            st.session_state["as_m_for"] = selection.at
            st.session_state["as_m_target"] = _overlapping(review, span)
        st.selectbox(
            "Use the selection as",
            targets,
            key="as_m_target",
            format_func=lambda t: "a new statement" if t == ADD else f"the words of {t}",
        )
        st.button(
            "Use the selection",
            key="as_m_use",
            type="primary",
            on_click=_use_selection,
            args=(review, span, selection.at),
        )


def _find_added(review: Review) -> None:
    words = st.session_state.get("as_add_words") or ""
    found = locate(review.drafts.article.text, words)
    if found is None:
        _notice("Those words are not in the article (spacing and quotation marks aside): copy them from it")
        return
    st.session_state["as_add_span"] = found
    st.session_state.pop("as_add_kind", None)


def _add_statement(review: Review, briefing: Briefing) -> None:
    span = st.session_state.get("as_add_span")
    speaker = st.session_state.get("as_add_speaker") or ""
    if span is None:
        _notice("Select the statement's words in the article, or paste them and press Find")
        return
    made = review.add_statement(
        span[0],
        span[1],
        None if speaker == NEW_ACTOR else speaker or None,
        st.session_state.get("as_add_kind") or "direct",
        st.session_state.get("as_add_date") or "",
        st.session_state.get("as_add_issues") or [],
    )
    if isinstance(made, str):
        _notice(made)
        return
    _notice(f"Added {made.id}: {made.text[:60]}{'…' if len(made.text) > 60 else ''}")
    for key in ("as_add_span", "as_add_words", "as_add_kind", "as_add_date", "as_add_issues"):
        st.session_state.pop(key, None)
    _sync(review)


def _add_form(review: Review, briefing: Briefing) -> None:
    nothing = not review.drafts.quotes
    text = review.drafts.article.text
    with st.expander(
        "Add a statement the extractor missed", expanded=nothing or bool(st.session_state.get("as_add_open"))
    ):
        span = st.session_state.get("as_add_span")
        if span is not None:
            st.html(
                f'<div class="as-meta">Words (characters {span[0]:,}–{span[1]:,}):</div>'
                f'<div class="as-quote">{html_text(text[span[0] : span[1]])}</div>'
            )
            _default("as_add_kind", "direct" if quoted(text, *span) else "paraphrase")
        else:
            st.caption("Select the words in the article above and use the selection, or paste them here.")
        st.text_input("Paste the words as the article has them", key="as_add_words")
        st.button("Find them in the article", key="as_add_find", on_click=_find_added, args=(review,))
        _speaker_box(review, briefing, "as_add_speaker", "as_n_add_")
        left, right = st.columns(2)
        left.selectbox("Kind", QUOTE_KINDS, key="as_add_kind")
        right.text_input("Date said, YYYY-MM-DD (if given)", key="as_add_date")
        problem = day_problem("new statement date said", st.session_state.get("as_add_date") or "")
        if problem:
            st.error(md(problem), icon=":material/event_busy:")
        st.multiselect(
            "Issues",
            list(briefing.issues["id"]),
            key="as_add_issues",
            format_func=lambda i: briefing.issue_titles.get(i, i),
            select_all=False,
        )
        st.button(
            "Add this statement",
            key="as_add_go",
            type="primary",
            on_click=_add_statement,
            args=(review, briefing),
            disabled=span is None,
        )


def _article(review: Review, briefing: Briefing) -> None:
    st.html(LEGEND)
    accepted = {q.id for q in review.quotes if review.decisions[q.id].status == ACCEPTED}
    html = article_html(review.drafts.article.text, review.shown(), accepted)
    selection = article_selector(html, key="as_article")
    with st.container(key="as_m_area"):
        _selection_panel(review, selection)
    _add_form(review, briefing)


# ------------------------------------------------------------------------------------------ save


def _merge(review: Review, merged: str) -> None:
    into = st.session_state.get(f"as_a_into_{merged}") or ""
    problem = review.merge(merged, into)
    if problem:
        _notice(problem)
        return
    _sync(review)
    _notice(f"Merged {merged} into {review.name(into)} ({into}).")


def _create_body(review: Review, actor_id: str) -> None:
    """A new actor's "speaks for": a state or organisation the briefing does not have yet."""
    key = f"as_a_{{}}_{actor_id}".format
    body = review.new_actor(
        st.session_state.get(key("body_name")) or "", st.session_state.get(key("body_kind")) or "state"
    )
    if isinstance(body, str):
        st.session_state[key("body_error")] = body.replace("new actor", "new state or organisation")
        return
    st.session_state.pop(key("body_error"), None)
    st.session_state[key("represents")] = body.id


def _actor_editor(review: Review, briefing: Briefing, actor_id: str, expanded: bool) -> None:
    actor = review.actors[actor_id]
    key = f"as_a_{{}}_{actor.id}".format
    bodies, body_labels = _bodies(review, briefing)
    bodies = [b for b in bodies if b != actor.id]
    _default(key("name"), actor.name)
    _default(key("kind"), actor.kind if actor.kind in ACTOR_KINDS else "other")
    _default(key("role"), actor.role)
    _default(key("represents"), actor.represents if actor.represents in bodies else "")
    _default(key("affiliation"), actor.affiliation)
    # Labelled by the name it was proposed with: a label that changed as the name is typed would be
    # a new expander each time, folded again.
    with st.expander(
        f"{md(review.known.get(actor.id, actor.name))} (new: {md(actor.id)})", expanded=expanded
    ):
        st.text_input("Name", key=key("name"))
        left, right = st.columns(2)
        left.selectbox("Kind", ACTOR_KINDS, key=key("kind"))
        right.text_input("Role", key=key("role"))
        st.selectbox(
            "Speaks for (represents)", bodies, key=key("represents"), format_func=body_labels.__getitem__
        )
        if st.session_state.get(key("represents")) == NEW_BODY:
            left, middle, right = st.columns([3, 2, 2], vertical_alignment="bottom")
            left.text_input("Its name", key=key("body_name"))
            middle.selectbox("Its kind", ("state", "organization"), key=key("body_kind"))
            right.button("Create it", key=key("body_create"), on_click=_create_body, args=(review, actor.id))
            if st.session_state.get(key("body_error")):
                st.error(md(st.session_state[key("body_error")]))
        st.text_input("Affiliation (for experts: where they work)", key=key("affiliation"))
        if actor.mentions:
            st.caption("The article calls them: " + md("; ".join(actor.mentions)))
        options, labels = _speaker_options(review, briefing)
        targets = [o for o in options if o and o not in (NEW_ACTOR, actor.id)]
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        left.selectbox(
            "The same as (merge into)",
            targets,
            key=key("into"),
            index=None,
            format_func=labels.__getitem__,
            placeholder="another actor…",
        )
        right.button(
            "Merge",
            key=key("merge"),
            on_click=_merge,
            args=(review, actor.id),
            disabled=not st.session_state.get(key("into")),
        )
    actor.name = st.session_state[key("name")]
    actor.kind = st.session_state[key("kind")]
    actor.role = st.session_state[key("role")].strip()
    represents = st.session_state[key("represents")]
    actor.represents = "" if represents == NEW_BODY else represents
    actor.affiliation = st.session_state[key("affiliation")].strip()


def _summary(review: Review, briefing: Briefing) -> None:
    st.subheader("Before you save", anchor=False)
    summary = review.summary()
    st.caption(
        md(
            f"{_count(len(summary.new_quotes), 'new quote')}, {len(summary.also_in)} added as "
            f"another source for quotes already there, {_count(summary.positions, 'position')}, "
            f"{_count(len(summary.actors), 'new actor')}, {summary.source}."
        )
    )
    needed = {a.id for a in summary.actors}
    with st.container(key="as_sum_new"):
        if summary.actors:
            st.markdown("**New actors to be created**")
        for actor_id in list(review.actors):
            if actor_id in needed:
                _actor_editor(review, briefing, actor_id, expanded=True)
    others = [a for a in review.actors if a not in needed]
    with st.container(key="as_sum_others"):
        if others:
            with st.expander("Other proposed actors: saved only if a draft uses them"):
                for actor_id in others:
                    _actor_editor(review, briefing, actor_id, expanded=False)
    for actor_id, names in summary.aliases.items():
        st.caption(md(f"{review.name(actor_id)} ({actor_id}) will also be called: {', '.join(names)}"))
    if summary.unlinked:
        st.warning(
            md(
                f"Linked to no issue, so they won't appear in any cell of the matrix: "
                f"{', '.join(summary.unlinked)}. Attach an issue under “Kind, context, issues, "
                "date, position”."
            ),
            icon=":material/link_off:",
        )
    for draft_id, label in summary.also_in:
        st.info(
            md(
                f"{draft_id}: the same words are already in the briefing: saved as another source for {label}"
            ),
            icon=":material/content_copy:",
        )
    if summary.already:
        st.info(
            md(f"Already in the briefing from this source, not saved again: {', '.join(summary.already)}"),
            icon=":material/done_all:",
        )


def _save(review: Review, folder: Path) -> None:
    problems = review.problems()
    if problems:
        st.caption("To save: " + md("; ".join(problems)))
    if not st.button("Save accepted records into the briefing", key="as_save", type="primary"):
        return
    if problems:
        st.error("Not saved: " + md("; ".join(problems)))
        return
    try:
        result = save(folder, review.accepted_records(), author=account.current())  # the history's who
    except DuplicateSource as same:
        if same.match.why == "the same text":  # saved meanwhile by a colleague: known from now on
            review.same_text_as(same.match.id)
        review.same = same.match
        st.error(md(str(same)))
        st.button(
            f"Add the records to {md(same.match.id)} instead",
            key="as_s_use_refused",
            on_click=_use_existing,
            args=(review, same.match.id),
        )
        return
    except SaveRefused as refused:
        st.error(md(str(refused)))
        return
    except Exception:  # a bug, not the analyst's input: logged, said in words, nothing written
        LOG.exception("saving into %s failed", folder)
        st.error(
            "Not saved: an unexpected error, logged on the server. Nothing was written; your "
            "review is kept, so you can try again.",
            icon=":material/error:",
        )
        return
    st.session_state["as_saved"] = result
    st.session_state.pop("as_review", None)
    batch_view.mark_reviewed()  # from a queue: this item is done
    st.rerun()


def _show_saved() -> None:
    result = st.session_state.get("as_saved")
    if result is None:
        return
    added = (
        ", ".join(
            f"{len(ids)} {table if len(ids) > 1 else TABLE_BY_NAME[table].singular}"
            for table, ids in result.added.items()
            if ids
        )
        or "nothing new"
    )
    st.success(f"Saved: {md(added)}. Turn off “Add a source” in the sidebar to see them in the matrix.")
    if result.also_in:
        st.info("Another source for quotes already there: " + md("; ".join(result.also_in)))
    if result.skipped:
        st.info("Already there, not saved again: " + md("; ".join(result.skipped)))
    if result.renamed:
        st.info(
            "Ids taken meanwhile by another save, renamed: "
            + md(", ".join(f"{a} → {b}" for a, b in result.renamed.items()))
        )
    for note in result.notes:
        st.warning(md(note))


# ------------------------------------------------------------------------------------------ page


def _header(review: Review) -> None:
    source = review.source
    title = str(st.session_state.get("as_s_title", source.get("title")) or "untitled")
    missing = [
        k
        for k in ("title", "publisher", "published")
        if not str(st.session_state.get(f"as_s_{k}", source.get(k)) or "").strip()
    ]
    complete = review.drafts.source.matched or not missing
    st.caption(f"Source: {md(title)}" + ("" if complete else f" · still needed: {', '.join(missing)}"))
    with st.expander("The source's title, publisher, date and link", expanded=False):  # label fixed:
        _source_form(review)  # a new label would be a new expander, folded again
    # Notices come and go inside containers that are always there, so the elements after them keep
    # their place in the page and an expander the analyst opened stays open.
    with st.container(key="as_notices"):
        if not review.drafts.source.matched:  # said outside the folded form, where it is seen
            _published(review)
            _same_source(review)
        notice = st.session_state.pop("as_notice", None)
        if notice:
            st.info(md(notice))
        if review.why_nothing:
            st.info(
                f"Nothing drafted: {md(review.why_nothing)}. Enter the quotes by hand: select a "
                "statement's words in the article (or paste them under “Add a statement”), then "
                "choose its speaker, kind, date and issues.",
                icon=":material/edit_note:",
            )


def _actions(review: Review) -> None:
    confident = review.confident()
    actions = st.columns([2, 2, 3])
    taking = len(confident.accepted)
    actions[0].button(
        f"Accept {taking} confident draft{'' if taking == 1 else 's'}",
        key="as_accept_confident",
        on_click=_accept_confident,
        disabled=not taking,
        help="Quotations closed by their quotation marks, speech, not flagged, confidence "
        "0.70 or more, whose speaker is named where the words are said (by name or by a surname "
        "the article gave in full, with the verb that says so, in the same sentence, or as a "
        "transcript's turn) with nothing between name, verb and words but the name's own title "
        "or description: no other person, state, body or quotation between them, not inside "
        "another quotation; and an actor of the briefing matched by name or alias (not by a "
        "surname alone), or a new person with a full name and a role. A speaker read from "
        "“he”, from a description or from the quotation before is left for you, as is "
        "everything else. On reporting these rules were not written from (26 held-out items, "
        "2026-12-06), 3 of the 18 drafts they took had a wrong speaker: read each before you "
        "save. Your other "
        "decisions stay" + (f". Left now: {confident.said()}" if confident.left else ""),
    )
    if actions[1].button("Start again with another article", key="as_restart"):
        st.session_state.pop("as_review", None)
        st.rerun()
    counts = {s: sum(d.status == s for d in review.decisions.values()) for s in DECISIONS}
    actions[2].caption(
        f"{_count(len(review.quotes), 'draft')}: {counts[ACCEPTED]} accepted, "
        f"{counts[REJECTED]} rejected, {counts[PENDING]} undecided"
    )
    bulk = st.session_state.pop("as_bulk", None)
    with st.container(key="as_bulk_note"):
        if bulk is not None:
            st.info(md(_bulk_line(bulk)), icon=":material/done_all:")


def render(folder: Path, briefing: Briefing, briefing_id: str) -> None:
    st.html(CSS)
    st.title("Add a source", anchor=False)
    st.caption(f"Into briefing {md(briefing_id)}: {md(briefing.meta.title)}")
    with st.container(key="as_saved_note"):
        _show_saved()
    batch_view.render_queue(
        briefing_id,
        lambda item: _review_item(item, briefing, briefing_id, folder),
        lambda item: _already(item, briefing, folder),
    )
    entry = st.session_state.get("as_review")
    review: Review | None = entry[1] if entry is not None and entry[0] == briefing_id else None
    if review is None:
        if batch_view.current_batch(briefing_id) is None:
            _input(briefing, briefing_id, folder)
        return
    review.refresh(briefing)
    _header(review)
    _actions(review)
    speech = [q for q in review.quotes if q.is_speech]
    apart = [q for q in review.quotes if not q.is_speech]
    article_column, drafts_column = st.columns([5, 6], gap="medium")
    with drafts_column:
        pages = max(1, -(-len(speech) // PAGE_SIZE))
        page = 1
        if pages > 1:
            page = int(
                st.selectbox(
                    "Page", range(1, pages + 1), key="as_page", format_func=lambda p: f"{p} of {pages}"
                )
            )
        for quote in speech[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
            _draft_card(review, quote, briefing)
        if apart:
            with st.expander(f"Beliefs and findings, not speech ({len(apart)})"):
                for quote in apart:
                    _draft_card(review, quote, briefing)
    with article_column, st.container(key="as_article_side"):  # kept in view beside the drafts
        _article(review, briefing)
    _summary(review, briefing)
    _save(review, folder)
