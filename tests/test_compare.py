"""Compare counts only what the records show: silence and no record are never agreement."""

from datetime import date

from dashboard import compare as comparing
from dashboard.load import load_briefing
from dashboard.problems import errors
from dashboard.selection import Selection

ARTICLE_DAY = date(2024, 10, 31)  # the day the seed article reports: before Beijing spoke


def comparison(briefing, compared, **chosen):
    selection = Selection(briefing="nk-troops-russia", compare=tuple(compared), view="compare", **chosen)
    return comparing.comparison_for(briefing, selection.filters, selection.comparison.actors)[1]


def outcome(result, issue):
    return result.rows.set_index("issue").loc[issue, "outcome"]


def test_no_record_on_one_side_is_not_agreement(seed):
    # The US has no record on the alliance, China opposes (inferred): once read "all agree".
    result = comparison(seed, ["united-states", "china"], date_to=ARTICLE_DAY)
    assert outcome(result, "russia-nk-military-alliance") == "partial"
    assert outcome(result, "china-support-russia") == "none"
    assert outcome(result, "no-escalation") == "agree"
    assert "agree" not in set(
        result.rows.loc[result.rows["issue"].isin(["nk-troops-in-russia", "china-restrain-nk"]), "outcome"]
    )


def test_summary_counts_agreement_silence_and_no_record(seed):
    result = comparison(seed, ["united-states", "china"], date_to=ARTICLE_DAY)
    lines = comparing.summary(seed, result)
    assert lines[0] == (
        "Agree on 1 of the 1 issue where both have a position (positions dated 2024-10-31; "
        "7 issues compared)."
    )
    assert lines[1].startswith("1 of those agreements rests on a second-hand reading")
    # silent on the deployment only: on the call to restrain the cooperation, China's answer to the
    # US diplomats was undisclosed (no record), and its first record is of 2024-11-01 (hidden here)
    assert "China: silent on 1, no record on 1, 1 hidden by the date filter." in lines
    assert "United States: no record on 4." in lines


def test_the_next_day_beijing_differs_from_washington_in_its_own_words(seed):
    result = comparison(seed, ["united-states", "china"])
    rows = result.rows.set_index("issue")
    assert rows.loc["nk-troops-in-russia", "outcome"] == "differ"  # oppose vs neutral (stated)
    assert rows.loc["china-restrain-nk", "outcome"] == "differ"  # support vs oppose (reported)
    assert comparing.summary(seed, result)[0] == (
        "Agree on 1 of the 3 issues where both have a position (positions dated 2024-10-31 to 2024-11-01; "
        "7 issues compared)."
    )


def test_sidebar_actor_filter_does_not_empty_the_compared_side(seed):
    # With China chosen in the sidebar the compared US once showed "no record" everywhere.
    result = comparison(seed, ["united-states", "china"], actors=("china",))
    us = result.rows["united-states:stance"]
    assert (us == "support").sum() == 2 and (us == "oppose").sum() == 1
    assert comparing.ignored(Selection(actors=("china",), stances=("silent",)).filters) == [
        "actors",
        "stances",
    ]


def test_they_differ_and_by_how_far(seed):
    result = comparison(seed, ["united-states", "russia"])
    row = result.rows.set_index("issue").loc["nk-troops-in-russia"]
    assert row["outcome"] == "differ" and row["distance"] == 2  # oppose vs support


def test_both_silent_is_its_own_outcome_and_no_agreement(mini, tmp_path):
    tables = mini.tables()
    tables["positions"][0]["stance"] = "silent"  # the US too is now silent on the one issue
    briefing, problems = load_briefing(mini.folder(tmp_path / "mini", tables))
    assert not errors(problems)
    result = comparing.comparison_for(briefing, Selection().filters, ("united-states", "norway"))[1]
    assert result.rows["outcome"].tolist() == ["silent"]
    assert comparing.summary(briefing, result)[0].startswith("Agree on 0 of the 0 issues")


def test_date_filter_hides_rather_than_erases(seed):
    result = comparison(seed, ["united-states", "china"], date_from=date(2030, 1, 1))
    assert set(result.rows["outcome"]) <= {"hidden", "none"}
    assert "agree" not in set(result.rows["outcome"])


def test_divergent_first_orders_differences_before_agreement(seed):
    result = comparison(seed, ["united-states", "russia", "china"])
    ordered = comparing.divergent_first(result)["outcome"].tolist()
    assert ordered == sorted(ordered, key=comparing.OUTCOME_ORDER.index)


def test_a_un_compare_says_what_roll_calls_leave_out_right_after_its_agreement(unvotes):
    selection = Selection(briefing="unvotes", compare=("us", "cn"), view="compare")
    compared = comparing.comparison_for(unvotes, selection.filters, selection.comparison.actors)
    lines = comparing.summary(unvotes, compared[1])
    assert lines[0] == (
        "Agree on 753 of the 4,496 issues where both have a position (positions dated 1971–2020; "
        "6,203 issues compared)."
    )
    assert lines[1] == unvotes.meta.coverage and "adopted by consensus" in lines[1]
