"""Filters: an actor means "about this actor", kinds bring in the readings they made, and what a
filter hides is kept apart from what was never recorded."""

from datetime import date

import pandas as pd

from dashboard import filters
from dashboard.selection import Filters, Selection


def subset_of(briefing, **chosen):
    return filters.apply(briefing, Selection(briefing="nk-troops-russia", **chosen).filters)


def test_actor_filter_narrows_positions_to_that_actor(seed):
    subset = subset_of(seed, actors=("blinken",))
    assert set(subset.actors["id"]) == {"blinken"}
    assert set(subset.positions["actor"].astype(str)) == {"blinken"}
    assert set(subset.quotes["speaker"]) == {"blinken"}


def test_choosing_china_shows_the_words_behind_its_cells_whoever_spoke(seed):
    # "What exactly did Beijing say?" once answered "0 quotes": China speaks through others.
    subset = subset_of(seed, actors=("china",))
    evidence = seed.evidence.loc[seed.evidence["position"].isin(subset.positions["position"]), "quote"]
    assert len(subset.positions) == 9  # five as the article saw it, four of the next day
    assert set(evidence) <= set(subset.quotes["id"])
    speakers = set(subset.quotes["speaker"])
    assert {"liu-pengyu", "lin-jian", "shi-yinhong", "lu-chao", "dennis-wilder"} <= speakers
    assert len(subset.sources) == 3


def test_spokespeople_toggle_brings_in_their_rows(seed):
    alone = subset_of(seed, actors=("china",))
    with_speakers = subset_of(seed, actors=("china",), spokespeople=True)
    assert set(alone.actors["id"]) == {"china"}
    assert {"liu-pengyu", "lin-jian"} <= set(with_speakers.actors["id"])


def test_kind_expert_keeps_the_experts_readings_on_chinas_row(seed):
    subset = subset_of(seed, kinds=("expert",))
    assert "china" in set(subset.actors["id"])  # the subject of their readings
    read = subset.positions[subset.positions["actor"] == "china"]
    assert set(read["assessed_by"]) == {"shi-yinhong", "lu-chao"}
    assert "kind" in subset.hides or "actor" in subset.hides  # China's other cells are hidden


def test_date_filter_hides_positions_but_keeps_them_in_scope(seed):
    subset = subset_of(seed, date_from=__import__("datetime").date(2030, 1, 1))
    assert subset.positions.empty
    assert len(subset.scope) == len(seed.positions)
    assert subset.hides == ("date",)


def test_stance_filter_keeps_only_that_stance_and_says_no_record_is_hidden_too(seed):
    # as the article saw it: the seed's only silence (China's, on the deployment) ended on 2024-11-01
    subset = subset_of(seed, stances=("silent",), date_to=date(2024, 10, 31))
    assert set(subset.positions["stance"].astype(str)) == {"silent"}
    assert subset.unknown_hidden
    assert not subset_of(seed, stances=("silent", "unknown")).unknown_hidden


def test_text_search_is_case_and_accent_insensitive(seed):
    upper = subset_of(seed, query="RADIO SILENCE")
    assert list(upper.quotes["speaker"].unique()) == ["dennis-wilder"]


def test_empty_quotes_hint_points_at_the_likely_cause(seed):
    assert "text search" in filters.empty_quotes_hint(seed, Selection(query="zzz").filters)
    assert "evidence" in filters.empty_quotes_hint(seed, Selection(stances=("mixed",)).filters)


def test_sources_in_view_include_those_the_positions_cite(unvotes):
    """A roll call rests on the dataset, not on a quote: the view's sources say so."""
    subset = filters.apply(unvotes, Selection(briefing="unvotes", actors=("us",)).filters)
    assert subset.quotes.empty
    assert list(subset.sources["id"]) == list(unvotes.sources["id"])
    assert subset.counts()["sources"] == 1


def test_members_matches_isin_on_categorical_and_text_columns():
    categorical = pd.Series(
        pd.Categorical(["cn", "us", None, "ru", "us"], categories=["cn", "us", "ru", "kp"])
    )
    text = pd.Series(["a", None, "b", "a", "c"], dtype="string")
    for column in (categorical, text):
        for values in (["us", "a"], ["kp"], [], ["nowhere"], pd.Series(["ru", "b"]), pd.Index(["cn", "c"])):
            assert filters.members(column, values).tolist() == column.isin(values).tolist()
    # A missing value asked for is matched as isin matches it.
    assert filters.members(categorical, [None]).tolist() == categorical.isin([None]).tolist()


def test_readings_by_the_chosen_actor_stay_in_view_through_the_assessor_rows(seed):
    assert len(seed.assessed_rows) > 0  # the seed holds experts' readings of states
    assessor = str(seed.positions["assessed_by"].dropna().iloc[0])
    shown = filters.apply(seed, Filters(actors=(assessor,)))
    expected = seed.positions[
        seed.positions["actor"].astype(str).eq(assessor)
        | seed.positions["assessed_by"].eq(assessor).fillna(False)
    ]
    assert sorted(shown.positions["position"]) == sorted(expected["position"])
