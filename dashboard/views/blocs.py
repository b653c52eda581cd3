"""The alignment view's bloc section: a bloc declared in the briefing or chosen in the link, its
cohesion issue by issue, its own row of stances beside its members', and its defectors with their
words. Silent, mixed and no-record members are listed apart and never counted as agreeing."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.alignment import Scope
from dashboard.blocs import (
    AD_HOC,
    ALONE_MARK,
    TIE_MARK,
    Bloc,
    BlocReport,
    IssueMembers,
    MemberReading,
    bloc_for,
    bloc_label,
    issue_labels,
    issue_members,
    spelled_out,
    stance_rows,
)
from dashboard.briefing import Briefing
from dashboard.escape import html_text, markdown_literal
from dashboard.markup import quote_cards, source_html, stance_chip
from dashboard.selection import LABEL, AlignmentState
from dashboard.views.state import WIDGET_KEYS
from dashboard.vocabulary import GLYPHS, STANCE_LABELS, glyph

DETAILED_ISSUES = 10  # issues whose members are spelled out with their words
QUOTES_PER_DEFECTOR = 3


def _chose_bloc() -> None:
    """A declared bloc replaces members chosen by hand (the link holds one or the other)."""
    if st.session_state.get(WIDGET_KEYS["bloc"]):
        st.session_state[WIDGET_KEYS["members"]] = []


def _chose_members() -> None:
    if st.session_state.get(WIDGET_KEYS["members"]):
        st.session_state[WIDGET_KEYS["bloc"]] = ""


def render_controls(briefing: Briefing) -> None:
    declared = dict(zip(briefing.blocs["id"].astype(str), briefing.blocs["name"].astype(str), strict=True))
    with st.container(horizontal=True, key="bloc-controls", gap="medium"):
        if declared:
            st.selectbox(
                LABEL["bloc"],
                options=["", *declared],
                format_func=lambda b: declared.get(b, b) if b else "— none —",
                key=WIDGET_KEYS["bloc"],
                on_change=_chose_bloc,
                width=260,
                persist_state="session",
            )
        # Names, not the pickers' long labels with aliases: the chips must stay readable.
        names = briefing.actor_names
        st.multiselect(
            "Or choose members" if declared else "Members",
            options=list(briefing.actor_rank.index),
            format_func=lambda a: names.get(a, a),
            key=WIDGET_KEYS["members"],
            on_change=_chose_members,
            placeholder="two or more actors",
            width=420,
            persist_state="session",
            select_all=False,
        )


def render_blocs(briefing: Briefing, src: cache.Source, state: AlignmentState, scope: Scope) -> None:
    st.subheader("Blocs and coalitions", anchor=False)
    render_controls(briefing)
    bloc = bloc_for(briefing, state.bloc, state.members)
    if bloc is None:
        declared = len(briefing.blocs)
        st.caption(
            (
                f"This briefing declares {declared} bloc{'s' if declared != 1 else ''}; pick one, or choose"
                if declared
                else "This briefing declares no bloc; choose"
            )
            + " two or more members to see how they hold together, issue by issue."
        )
        return
    _render_about(briefing, bloc)
    if len(bloc.members) < 2:
        st.info("A bloc needs two or more members in this briefing to measure how it holds together.")
        return
    rep = cache.bloc_report(src, bloc, scope)
    _render_summary(rep, briefing.meta.coverage)
    if rep.shown.empty:
        return
    st.dataframe(
        stance_rows(briefing, rep),
        width="stretch",
        key="bloc_stances",
        height=min(420, 38 + 35 * (len(bloc.members) + 1)),
    )
    st.caption(
        f"The first row is the bloc's plurality stance ({TIE_MARK} where its members are "
        f"tied, {ALONE_MARK} where only one member took a side); then each member's latest reading: "
        + " · ".join(f"{GLYPHS[s]} {STANCE_LABELS[s].lower()}" for s in GLYPHS)
        + "; ! action, ? inferred, ʳ reported."
    )
    _render_issue_table(briefing, rep)
    _render_members(briefing, rep)


def _render_about(briefing: Briefing, bloc: Bloc) -> None:
    names = ", ".join(briefing.actor_names.get(m, m) for m in bloc.members) or "none"
    if bloc.declared:
        facts = [
            html_text(bloc.kind) if bloc.kind else "",
            f"membership as of {html_text(bloc.as_of)}" if bloc.as_of else "membership undated",
            ("source: " + source_html(briefing, bloc.source))
            if bloc.source
            else "no source named for its membership",
        ]
        about = " · ".join(f for f in facts if f)
    else:
        about = html_text(AD_HOC[0].upper() + AD_HOC[1:]) + "."
    description = f'<div class="statement">{html_text(bloc.description)}</div>' if bloc.description else ""
    st.html(
        f'<div class="cmp-issue bloc-about"><strong>{html_text(bloc.name)}</strong> — {about}'
        f'{description}<div class="cmp-cell">Members ({len(bloc.members)}): '
        f"{html_text(names)}</div></div>"
    )
    if bloc.missing:
        st.warning(
            "The bloc lists members this briefing has no actor for, left out: "
            + ", ".join(markdown_literal(m) for m in bloc.missing)
        )


def _render_summary(rep: BlocReport, coverage: str) -> None:
    total = len(rep.result.issues)
    if rep.defined:
        head = (
            f"**Mean cohesion {rep.mean:.2f}** over the {rep.defined:,} of {total:,} issues "
            "where two or more members took a side."
        )
    else:
        head = f"No issue of the {total:,} in view has two or more members taking a side."
    st.markdown(head)
    st.caption(
        "Cohesion is the Hix–Noury–Roland agreement index: (largest side − half the rest) / "
        "members on the line, counting for, neutral and against (strength does not split a "
        "bloc); 1 all agree, 0 an even three-way split. Mixed, silent and no-record members "
        "take no part and are never counted as agreeing. " + markdown_literal(coverage)
    )
    if rep.left_out:
        st.caption(
            f"The {len(rep.shown)} most divided issues are shown, least cohesive first; "
            f"{rep.left_out:,} more are left out of the tables below."
        )


def _names(briefing: Briefing, actors: tuple[str, ...]) -> str:
    return ", ".join(briefing.actor_names.get(a, a) for a in actors)


def _render_issue_table(briefing: Briefing, rep: BlocReport) -> None:
    shown = rep.shown
    defectors = rep.result.defectors
    defectors = defectors[defectors["issue"].isin(shown["issue"])]
    by_issue = defectors.groupby("issue")["actor"].agg(tuple)
    table = pd.DataFrame(
        {
            "issue": issue_labels(briefing, shown["issue"].tolist()),
            f"Bloc: {rep.bloc.name}": [
                bloc_label(s, t, v)
                for s, t, v in zip(shown["plurality_stance"], shown["tied"], shown["voting"], strict=True)
            ],
            "cohesion": [None if pd.isna(c) else round(float(c), 2) for c in shown["cohesion"]],
            "for": shown["for"],
            "neutral": shown["neutral"],
            "against": shown["against"],
            "mixed": shown["mixed"],
            "silent": shown["silent"],
            "hidden by a filter": shown["hidden"],
            "no record": shown["no_record"],
            "defectors": [_names(briefing, by_issue.get(i, ())) for i in shown["issue"]],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="bloc_issues",
        column_config={"cohesion": st.column_config.NumberColumn(format="%.2f")},
        height=min(420, 38 + 35 * len(table)),
    )


def _render_members(briefing: Briefing, rep: BlocReport) -> None:
    """Issue by issue, the defectors with their words, then those who took no part."""
    broken, more = spelled_out(rep, DETAILED_ISSUES)
    st.markdown("**Defectors, splits and their words**")
    if broken.empty:
        st.caption(
            "No member breaks from a clear plurality of the bloc on any issue in view, the "
            "members never split evenly, and none is on record as mixed or silent."
        )
        return
    st.caption(
        "Issues where members broke from the bloc's plurality, split with no plurality "
        "(each side's words), or are on record as mixed or silent; most divided first, "
        "then the most recent" + (f"; {more:,} more such issues are left out." if more else ".")
    )
    quotes = briefing.quotes.set_index("id", drop=False)
    shown = broken.set_index("issue")
    labels = dict(zip(broken["issue"], issue_labels(briefing, broken["issue"].tolist()), strict=True))
    for members in (issue_members(briefing, rep, i) for i in broken["issue"]):
        row = shown.loc[members.issue]
        stance = str(row["plurality_stance"])
        bloc_chip = stance_chip(stance, glyph(stance)) if stance else ""
        index = "cohesion undefined" if pd.isna(row["cohesion"]) else f"cohesion {float(row['cohesion']):.2f}"
        parts = [
            f'<div class="cmp-issue"><strong>{html_text(labels[members.issue])}</strong> · '
            f'{index}<div class="cmp-cell">Bloc: {bloc_chip} '
            f"{html_text(_bloc_words(stance, str(row['tied']), int(row['voting'])))}</div></div>"
        ]
        parts += [_defector(briefing, quotes, d) for d in members.defectors]
        parts += [_defector(briefing, quotes, d, "holds") for d in members.split]
        parts.append(_apart(briefing, members))
        st.html("".join(parts))


def _bloc_words(stance: str, tied: str, voting: int) -> str:
    """bloc_label without its glyph, which the chip beside it already shows."""
    label = bloc_label(stance, tied, voting)
    return label.removeprefix(f"{glyph(stance)} ") if stance else label


def _defector(briefing: Briefing, quotes: pd.DataFrame, reading: MemberReading, verb: str = "defects") -> str:
    ids = [q for q in reading.quotes if q in quotes.index]
    shown_ids = ids[:QUOTES_PER_DEFECTOR]
    if shown_ids:
        words = quote_cards(briefing, quotes.loc[shown_ids], evidence=shown_ids, about=reading.actor)
        if len(ids) > len(shown_ids):
            words += (
                f'<div class="cmp-cell">{len(ids) - len(shown_ids)} more quotes stand behind '
                "this reading (open the cell in the matrix).</div>"
            )
    elif reading.source:
        words = (
            f'<div class="cmp-cell">No quote: the position is recorded in '
            f"{source_html(briefing, reading.source)}.</div>"
        )
    else:
        words = '<div class="cmp-cell">No quote or source is recorded for this position.</div>'
    return (
        f'<div class="cmp-cell">{stance_chip(reading.stance, glyph(reading.stance, reading.basis))}'
        f" <strong>{html_text(reading.name)}</strong> {verb}: {html_text(reading.text)}"
        f"</div>{words}"
    )


def _apart(briefing: Briefing, members: IssueMembers) -> str:
    groups = [
        ("Mixed signals", members.mixed),
        ("Silent (on record)", members.silent),
        ("Hidden by the date or basis filter", members.hidden),
        ("No record", members.no_record),
    ]
    listed = [f"{label}: {html_text(_names(briefing, actors))}" for label, actors in groups if actors]
    if not listed:
        return ""
    return '<div class="cmp-cell">Not counted with the bloc — ' + "; ".join(listed) + ".</div>"
