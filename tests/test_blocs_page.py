"""The alignment view's bloc section in AppTest: a bloc chosen in the link on the seed briefing, a
bloc declared in a small briefing, and link values for blocs that cannot apply."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.briefings import MiniBriefing

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


def run(params: dict[str, list[str] | str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def html(at: AppTest) -> str:
    return " ".join(str(h.proto.body) for h in at.get("html"))


def frame(at: AppTest, key: str):
    """The bloc section's stance rows ('bloc_stances': the first row is the bloc's) or its issue
    table ('bloc_issues': it has a defectors column)."""
    for element in at.dataframe:
        value = element.value
        if key == "bloc_stances" and str(value.index[0]).startswith("Bloc: "):
            return value
        if key == "bloc_issues" and "defectors" in value.columns:
            return value
    raise AssertionError(f"no {key} table on the page")


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def query(at: AppTest, name: str) -> list[str]:
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


SEED_BLOC: dict[str, list[str] | str] = {
    "view": "alignment",
    "members": ["united-states", "south-korea", "china"],
}


def test_a_bloc_chosen_in_the_link_shows_its_row_its_counts_and_a_defectors_words():
    at = run(SEED_BLOC)
    assert "Blocs and coalitions" in [s.value for s in at.subheader]
    page = html(at)
    assert "Chosen in the link, not declared by any source." in page
    stances = frame(at, "bloc_stances")
    assert stances.index[0] == "Bloc: United States, South Korea and China"
    # China restrain: the US and South Korea support, China opposes (AFP's reading, 2024-11-01)
    assert (
        stances.loc[
            "Bloc: United States, South Korea and China",
            "China should restrain Russia–North Korea cooperation",
        ]
        == "+"
    )
    issues = frame(at, "bloc_issues").set_index("issue")
    restrain = issues.loc["China should restrain Russia–North Korea cooperation"]
    assert restrain[["for", "against", "silent", "no record", "defectors"]].tolist() == [2, 1, 0, 0, "China"]
    assert restrain["cohesion"] == pytest.approx(0.5)  # (2 - 1/2) / 3
    assert "<strong>China</strong> defects: Opposes (−ʳ) — reported by a third party" in page
    assert "were not its concern" in page  # AFP's words behind China's position, verbatim
    assert query(at, "members") == ["united-states", "south-korea", "china"]


def test_as_the_article_saw_it_china_is_silent_and_listed_apart_not_as_a_defector():
    at = run({**SEED_BLOC, "to": "2024-10-31"})
    issues = frame(at, "bloc_issues").set_index("issue")
    # on restraint China's answer to the US diplomats was undisclosed (no record of 2024-10-31); its
    # one record, AFP's reading of 2024-11-01, is hidden by the dates: apart, not a defector
    restrain = issues.loc["China should restrain Russia–North Korea cooperation"]
    columns = ["for", "against", "silent", "hidden by a filter", "defectors"]
    assert restrain[columns].tolist() == [2, 0, 0, 1, ""]
    assert restrain["cohesion"] == pytest.approx(1.0)  # a hidden reading is no agreement, and no dissent
    # on the troops China was silent to 2024-10-31 (the article: it had not yet commented)
    troops = issues.loc["North Korean troops in Russia"]
    assert troops[["for", "against", "silent", "no record", "defectors"]].tolist() == [0, 1, 1, 1, ""]
    assert "Not counted with the bloc — Silent (on record): China; No record: South Korea." in html(at)


def declared_briefing(folder: Path, mini: MiniBriefing) -> Path:
    """The mini briefing with two more states and a declared bloc of four."""
    tables = mini.tables()
    tables["actors"] += [
        {"id": "canada", "name": "Canada", "kind": "state"},
        {"id": "denmark", "name": "Denmark", "kind": "state"},
    ]
    tables["quotes"].append(
        {
            "id": "q3",
            "speaker": "canada",
            "text": "not a matter for restraint",
            "source": "article",
            "kind": "partial",
            "issues": ["restrain"],
        }
    )
    tables["positions"] += [
        {
            "actor": "canada",
            "issue": "restrain",
            "stance": "oppose",
            "as_of": "2024-11-02",
            "basis": "stated",
            "confidence": "high",
            "evidence": ["q3"],
        },
        {
            "actor": "denmark",
            "issue": "restrain",
            "stance": "support",
            "as_of": "2024-11-02",
            "basis": "stated",
            "confidence": "high",
            "source": "article",
        },
    ]
    tables["blocs"] = [
        {
            "id": "atlantic",
            "name": "Atlantic group",
            "kind": "coalition",
            "members": ["united-states", "norway", "canada", "denmark"],
            "as_of": "2024-10-01",
            "source": "article",
        }
    ]
    return mini.folder(folder / "declared", tables)


@pytest.fixture
def declared(tmp_path, monkeypatch, mini) -> str:
    declared_briefing(tmp_path, mini)
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    return "declared"


def test_a_declared_bloc_says_where_its_membership_comes_from(declared):
    at = run({"briefing": declared, "view": "alignment", "bloc": "atlantic"})
    assert [p for p in at.get("popover") if "problems" in str(p.proto.popover.label)] == []
    page = html(at)
    assert (
        "<strong>Atlantic group</strong> — coalition · membership as of 2024-10-01 · source: "
        "A wire · An article" in page
    )
    assert "Members (4): United States, Norway, Canada, Denmark" in page
    issues = frame(at, "bloc_issues")
    assert issues.iloc[0][["for", "against", "silent", "defectors"]].tolist() == [2, 1, 1, "Canada"]
    assert issues.iloc[0]["Bloc: Atlantic group"] == "+ Supports"
    assert "not a matter for restraint" in page and "Silent (on record): Norway" in page
    assert at.selectbox(key="f_bloc").value == "atlantic"


def test_choosing_members_replaces_the_declared_bloc_in_the_link(declared):
    at = run({"briefing": declared, "view": "alignment", "bloc": "atlantic"})
    at.multiselect(key="f_members").set_value(["canada", "denmark"])
    at.run()
    assert not at.exception
    assert query(at, "members") == ["canada", "denmark"] and query(at, "bloc") == []
    assert "<strong>Canada and Denmark</strong>" in html(at)


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"bloc": "nosuch"}, "This briefing has no bloc 'nosuch'"),
        ({"bloc": "atlantic", "members": ["canada", "denmark"]}, "the declared bloc is shown"),
        ({"members": "canada"}, "needs two or more members"),
        ({"members": ["canada", "made-up"]}, "no bloc member 'made-up'"),
    ],
)
def test_a_bloc_in_the_link_that_cannot_apply_gives_a_notice(declared, params, notice):
    at = run({"briefing": declared, "view": "alignment", **params})
    assert any(notice in w for w in warnings(at)), warnings(at)
