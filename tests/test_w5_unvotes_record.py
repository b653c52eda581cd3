"""UN roll calls described by an excerpt of the meeting record (review w4 section 3, v10 finding 8's
oddity): the excerpt ('The Acting President: … The First Committee adopted draft resolution C
without a vote. May I take it that the Assembly wishes to do likewise? …') is quoted whole and
labelled as the dataset's description, after the words that say the roll call was a recorded vote;
it is never cut into a title; the briefing's summary says so. The other roll calls read as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.briefing import Briefing
from dashboard.importers import unvotes
from dashboard.load import load_briefing

PROJECT = Path(__file__).resolve().parents[1]
FIXTURE = PROJECT / "tests" / "importers" / "fixtures" / "unvotes"
SHIPPED = PROJECT / "data" / "unvotes"
# Roll call 5640, its issue rows and five of its 160 votes, copied line for line from the dataset's CSVs
# (../shared/data/unvotes).
DESCR_5640 = (
    "The Acting President: Draft resolution C is entitled_Prohibition of the dumping of radioactive "
    "wastes<d3>. The First Committee adopted draft resolution C without a vote. May I take it that the "
    "Assembly wishes todo likewise? Draft resolution C was adopted (resolution 54/54 C). The Acting "
    "President: Draft resolution D is entitled_Nuclear disarmament with a view to the ultimate 10 69th "
    "plenary meeting 1 December 1999 elimination of nuclear weapons<d3>. Separate votes have been "
    "requested on the second preambular paragraph and on operative paragraphs 1 and 9 of draft "
    "resolution D. If there is no objection to that request, I shall first put to the vote the second "
    "preambular paragraph of draft resolution D. A recorded vote has been requested. A"
)
ROLL_CALL_5640 = f'5640,54,NA,1999-12-01,R/54/54D,NA,1,NA,"{DESCR_5640}"\n'
ISSUES_5640 = "5640,nu,Nuclear weapons and nuclear material\n5640,di,Arms control and disarmament\n"
VOTES_5640 = (
    "5640,Canada,CA,yes\n5640,Cuba,CU,yes\n5640,France,FR,yes\n5640,Israel,IL,abstain\n"
    "5640,United States,US,yes\n"
)
LABEL = (
    "The General Assembly should adopt the proposal put to roll call 5640 (R/54/54D), a recorded vote. "
    "The dataset describes it by an excerpt of the meeting record, which may name other drafts taken "
    "at the same meeting: “"
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    src = Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("src") / "unvotes"))
    for name, lines in (
        ("roll_calls.csv", ROLL_CALL_5640),
        ("issues.csv", ISSUES_5640),
        ("unvotes.csv", VOTES_5640),
    ):
        with (src / name).open("a", encoding="utf-8") as handle:
            handle.write(lines)
    dest = tmp_path_factory.mktemp("out") / "unvotes"
    assert main(["import", "unvotes", str(src), str(dest)]) == 0
    briefing, problems = load_briefing(dest)
    assert [str(p) for p in problems] == []
    return briefing


def test_the_excerpt_is_quoted_whole_after_the_words_that_say_it_was_a_recorded_vote(
    imported: Briefing,
) -> None:
    issue = imported.issues.set_index("id").loc["rc-5640"]
    assert issue["statement"] == LABEL + DESCR_5640 + "”"
    assert issue["statement"].index("a recorded vote") < issue["statement"].index("without a vote")


def test_the_excerpt_is_not_cut_into_a_title(imported: Briefing) -> None:
    issue = imported.issues.set_index("id").loc["rc-5640"]
    assert issue["title"] == "Roll call 5640 (R/54/54D)"
    assert unvotes.MEETING_RECORD_NOTE in issue["description"]
    assert issue["description"].endswith("Also filed under: Arms control and disarmament.")


def test_the_other_roll_calls_read_as_before(imported: Briefing) -> None:
    issues = imported.issues.set_index("id").drop(index="rc-5640")
    assert not issues["statement"].str.contains("meeting record").any()
    assert not issues["description"].str.contains("meeting record").any()
    assert issues.loc["rc-3", "statement"].startswith(
        "The General Assembly should adopt the proposal put to roll call 3 (R/1/66): TO ADOPT A CUBAN"
    )


def test_the_summary_says_what_a_proposition_quotes(imported: Briefing) -> None:
    assert (
        "Each roll call's proposition quotes the dataset's description of it; for some roll calls that is "
        "an excerpt of the meeting record, which may mention other drafts the Assembly adopted without a "
        "vote at the same meeting: the roll call itself was a recorded vote."
    ) in imported.meta.summary


def test_the_shipped_briefing_was_rebuilt_with_the_labels() -> None:
    """data/unvotes as `python -m dashboard import unvotes ../shared/data/unvotes data/unvotes --force`
    writes it: every excerpt labelled (417 of 6,203), none left bare after the reference."""
    briefing, problems = load_briefing(SHIPPED)
    assert [str(p) for p in problems] == []
    issues = briefing.issues
    labelled = issues["statement"].str.contains(unvotes.MEETING_RECORD_WORDS + ": “The ", regex=False)
    bare = issues["statement"].str.contains(
        r"roll call \d+(?: \([^)]*\))?: The (?:Acting )?President", regex=True
    )
    assert (int(labelled.sum()), int(bare.sum()), len(issues)) == (417, 0, 6203)
    assert issues["description"].str.contains(unvotes.MEETING_RECORD_NOTE, regex=False).sum() == 417
    assert not issues["title"].str.contains("President").any()
    assert "the roll call itself was a recorded vote" in briefing.meta.summary


@pytest.mark.parametrize(
    ("descr", "excerpt"),
    [
        ("The Acting President: Draft resolution C is entitled …", True),
        ("The President (spoke in French): I shall now put …", True),
        ("The Acting President I shall now put the 29 draft resolutions A to CC …", True),  # rc 5695
        ("The President of the United States should …", False),  # a title, not a speaker
        ("Human rights and cultural diversity : resolution / adopted by the General Assembly.", False),
    ],
)
def test_what_counts_as_a_meeting_record_excerpt(descr: str, excerpt: bool) -> None:
    assert bool(pd.Series([descr]).str.contains(unvotes.MEETING_RECORD, regex=True).iloc[0]) is excerpt
