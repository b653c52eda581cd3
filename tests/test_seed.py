"""The seed briefing against the article it was built from: every quote there, attributed right."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from dashboard import changes
from dashboard.__main__ import main
from dashboard.briefing import Briefing
from dashboard.load import load_briefing
from dashboard.problems import errors

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "nk-troops-russia"
ARTICLE = REPO.parent / "shared" / "seed" / "000_89e82746e79ff99c.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[Briefing, list]:
    return load_briefing(SEED)


@pytest.fixture(scope="module")
def briefing(seed) -> Briefing:
    return seed[0]


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the seed article is not at {ARTICLE} (it is in CI): cannot compare quotes")
    return ARTICLE.read_text(encoding="utf-8")


def _speaker_of(briefing: Briefing) -> dict[str, str]:
    return dict(zip(briefing.quotes["id"], briefing.quotes["speaker"], strict=True))


# ---------------------------------------------------------------------------------- check passes


def test_check_passes_on_the_seed_with_zero_errors(seed) -> None:
    _, problems = seed
    assert [str(p) for p in errors(problems)] == []


def test_check_command_exits_0_on_the_seed(capsys) -> None:
    assert main(["check", "--errors-only", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(r"1 briefing checked: 0 errors, \d+ warnings?\n", out), out


def test_seed_keeps_every_record(briefing: Briefing) -> None:
    # Nothing set aside: each count is the number of records in the files.
    counts = {
        name: len(yaml.safe_load((SEED / f"{name}.yaml").read_text(encoding="utf-8")))
        for name in briefing.counts()
    }
    assert briefing.counts() == counts
    assert counts["quotes"] >= 30


# ----------------------------------------------------------------------------------- the quotes


# Every fragment the article puts in quotation marks, copied by hand, with who said it. The one
# quoted phrase with no speaker ("no-holds-barred", the article's own word for the China-Russia
# partnership) is deliberately not a quote.
ARTICLE_QUOTES = [
    ("an intense conversation this week", "blinken"),
    ("that they will use the influence they have to work to curb these activities", "blinken"),
    (
        "But I think this is a signal of demand that comes not just from us, but from countries "
        "around the world",
        "blinken",
    ),
    ("consistent and clear", "liu-pengyu"),
    (
        "to achieve peace talks and a political settlement of the Ukraine crisis. This position "
        "remains unchanged. China will continue to play a constructive role to this end",
        "liu-pengyu",
    ),
    ("aware of the complexity and danger of the situation", "shi-yinhong"),
    (
        "the fact that China has yet to say anything about the military alliance agreement between "
        "North Korea and Russia indicates that China strongly disagrees with this agreement",
        "shi-yinhong",
    ),
    ("radio silence", "dennis-wilder"),
    ("staggering", "dennis-wilder"),
    ("for his own good ignore all this", "dennis-wilder"),
    ("he can't see Putin failing", "dennis-wilder"),
    ("So he’s not going to say anything publicly about it", "dennis-wilder"),
    ("there's probably a combination of a little bit of exasperation, a little bit of panic", "victor-cha"),
    (
        "should ask Russia some tough questions at this point and ask whether it intends to widen "
        "this conflict through this type of behavior",
        "austin",
    ),
    ("It is not true that China is responsible for handling North Korea", "lu-chao"),
    ("I hope the U.S. government will be able to understand China's position", "lu-chao"),
    ("a matter between Russia and North Korea", "lu-chao"),
]


@pytest.mark.parametrize(
    ("fragment", "speaker"), ARTICLE_QUOTES, ids=[f"{s}:{f[:30]}" for f, s in ARTICLE_QUOTES]
)
def test_each_quoted_fragment_is_a_quote_of_its_speaker(
    briefing: Briefing, article: str, fragment: str, speaker: str
) -> None:
    assert fragment in article  # the list above is copied from the article, not made up
    holders = briefing.quotes.loc[briefing.quotes["text"].str.contains(fragment, regex=False)]
    assert not holders.empty, f"no quote holds {fragment!r}"
    assert set(holders["speaker"]) == {speaker}
    assert set(holders["kind"]) <= {"direct", "partial"}


def _quoted_in_article(article: str) -> list[str]:
    """Text after each opening “ up to the next closing mark (the article sometimes never closes).

    Blinken's "curb these activities “." closes with an opening mark: what follows it, a lone
    full stop, is no quotation."""
    fragments = [m.group(1).strip().rstrip(",") for m in re.finditer(r"“([^”“»\n]+)", article)]
    return [f for f in fragments if any(c.isalpha() for c in f)]


def test_every_quotation_in_the_article_is_in_the_briefing(briefing: Briefing, article: str) -> None:
    fragments = _quoted_in_article(article)
    assert len(fragments) == len(ARTICLE_QUOTES) + 1  # the hand list above, and no-holds-barred
    texts = briefing.quotes["text"].tolist()
    missing = [f for f in fragments if f != "no-holds-barred" and not any(f in t for t in texts)]
    assert missing == []


def test_direct_and_partial_quotes_are_verbatim_from_the_article(briefing: Briefing, article: str) -> None:
    quotes = briefing.quotes
    quoted = quotes.loc[
        quotes["kind"].isin(["direct", "partial"]) & (quotes["source"] == "article-2024-11-02")
    ]
    assert len(quoted) >= len(ARTICLE_QUOTES)
    not_verbatim = [q.id for q in quoted.itertuples() if q.text not in article]
    assert not_verbatim == []


# The next day's words, as the two wire reports print them (AFP via SinoDaily, TASS; read from
# stored copies of the pages named in sources.yaml). Copied by hand: the test pins them so nobody
# "corrects" one translation to match the other.
WIRE_QUOTES = {
    "q-lin-own-matter": "North Korea and Russia are two independent sovereign states. How they "
    "develop bilateral relations is their own matter",
    "q-china-not-know": "does not know the specific situation of bilateral exchange and "
    "cooperation between North Korea and Russia",
    "q-china-not-its-concern": "China on Friday insisted that growing ties between Pyongyang and "
    "Moscow were not its concern",
    "q-lin-position-not-changed": "China's position of hoping various parties will promote an "
    "easing of the situation and work for a political solution to "
    "the Ukraine crisis has not changed",
    "q-lin-tass-solely-up-to-them": "Russia and North Korea are two independent and sovereign "
    "states and how these two countries develop their bilateral "
    "relations is solely up to them",
    "q-lin-tass-not-aware": "China is not aware of the specific situation in bilateral exchanges "
    "and cooperation",
}


def test_every_quote_cites_the_article_or_a_wire_report_of_the_next_day(briefing: Briefing) -> None:
    sources = briefing.sources.set_index("id")
    assert set(briefing.quotes["source"]) == {"article-2024-11-02", "afp-2024-11-01", "tass-2024-11-01"}
    assert sources.at["article-2024-11-02", "published"].date().isoformat() == "2024-11-02"
    wire = briefing.quotes[briefing.quotes["source"] != "article-2024-11-02"].set_index("id")
    assert dict(wire["text"]) == WIRE_QUOTES
    assert set(wire["speaker"]) == {"lin-jian", "china"}
    assert {d.date().isoformat() for d in wire["date"]} == {"2024-11-01"}
    assert sources.loc[["afp-2024-11-01", "tass-2024-11-01"], "url"].str.startswith("https://").all()


@pytest.mark.parametrize(
    "name",
    ["Antony Blinken", "Liu Pengyu", "Shi Yinhong", "Dennis Wilder", "Victor Cha", "Lloyd Austin", "Lu Chao"],
)
def test_named_speaker_has_quotes(briefing: Briefing, name: str) -> None:
    ids = briefing.actors.loc[briefing.actors["name"] == name, "id"].tolist()
    assert len(ids) == 1, f"{name} is not one actor"
    assert (briefing.quotes["speaker"] == ids[0]).sum() >= 1


# -------------------------------------------------------------------------------- the positions


def test_china_was_silent_on_the_troops_then_broke_its_silence(briefing: Briefing) -> None:
    issue = "nk-troops-in-russia"
    assert "troops" in briefing.issue_titles[issue].lower()
    china = briefing.positions.loc[
        (briefing.positions["actor"] == "china") & (briefing.positions["issue"] == issue)
    ].sort_values("as_of")
    # As of the news conference the article reports (Thursday), not the article's own date.
    assert [
        (s, d.date().isoformat(), b)
        for s, d, b in zip(china["stance"], china["as_of"], china["basis"], strict=True)
    ] == [("silent", "2024-10-31", "reported"), ("neutral", "2024-11-01", "stated")]
    changed = changes.changes_since(briefing, date(2024, 10, 31), actors=["china"])
    assert set(changed.loc[changed["issue"] == issue, "kind"]) == {"broke_silence"}


def _actor_kind(briefing: Briefing) -> dict[str, str]:
    return dict(zip(briefing.actors["id"], briefing.actors["kind"], strict=True))


def test_inferred_positions_name_the_expert_who_reads_them(briefing: Briefing) -> None:
    kind = _actor_kind(briefing)
    inferred = briefing.positions.loc[briefing.positions["basis"] == "inferred"]
    assert len(inferred) >= 4
    assert [kind.get(a) for a in inferred["assessed_by"]] == ["expert"] * len(inferred)


# The experts' readings of others' stances in the article, each with its reader.
EXPERT_READINGS = [
    ("china", "russia-nk-military-alliance", "shi-yinhong"),
    ("china", "china-responsible-for-nk", "lu-chao"),
    ("xi-jinping", "china-support-russia", "dennis-wilder"),
    ("china", "no-escalation", "lu-chao"),
]


@pytest.mark.parametrize(("actor", "issue", "expert"), EXPERT_READINGS)
def test_expert_reading_is_inferred_and_assessed_by_the_expert(
    briefing: Briefing, actor: str, issue: str, expert: str
) -> None:
    positions = briefing.positions
    rows = positions.loc[
        (positions["actor"] == actor) & (positions["issue"] == issue) & (positions["basis"] == "inferred")
    ]
    assert len(rows) == 1
    assert rows["assessed_by"].tolist() == [expert]
    speakers = _speaker_of(briefing)
    cited = briefing.evidence.loc[briefing.evidence["position"] == rows["position"].iat[0], "quote"]
    assert expert in {speakers[q] for q in cited}  # the reading rests on the expert's own words
    assert rows["basis"].tolist() == ["inferred"]


def test_every_position_resting_only_on_expert_words_names_its_reader(
    briefing: Briefing,
) -> None:
    kind, speakers = _actor_kind(briefing), _speaker_of(briefing)
    unnamed = []
    for position in briefing.positions.itertuples():
        cited = briefing.evidence.loc[briefing.evidence["position"] == position.position, "quote"]
        by = {speakers[q] for q in cited}
        expert_reading = by and position.actor not in by and all(kind[s] == "expert" for s in by)
        assessor = position.assessed_by if isinstance(position.assessed_by, str) else ""
        if expert_reading and assessor not in by:
            unnamed.append((position.actor, position.issue))
    assert unnamed == []


# ----------------------------------------------------------------------------------- the actors


def test_officials_say_whom_they_represent(briefing: Briefing) -> None:
    actors = briefing.actors
    officials = actors.loc[actors["kind"] == "official"]
    assert len(officials) >= 10
    assert officials.loc[officials["represents"].isna(), "id"].tolist() == []
    represents = dict(zip(actors["id"], actors["represents"], strict=True))
    assert {represents[a] for a in ("blinken", "austin")} == {"united-states"}
    # The embassy's spokesperson speaks for the embassy, and through it for China.
    assert represents["liu-pengyu"] == "chinese-embassy-washington"
    assert represents["chinese-embassy-washington"] == "china"
    assert "liu-pengyu" in briefing.spokespeople["china"]


@pytest.mark.parametrize(
    ("expert", "affiliation"),
    [
        ("shi-yinhong", "Renmin University"),
        ("dennis-wilder", "Georgetown University"),
        ("victor-cha", "Center for Strategic and International Studies"),
        ("lu-chao", "Liaoning University"),
    ],
)
def test_named_experts_give_their_affiliation(briefing: Briefing, expert: str, affiliation: str) -> None:
    actors = briefing.actors.set_index("id")
    assert actors.at[expert, "kind"] == "expert"
    assert affiliation in actors.at[expert, "affiliation"]


def test_every_named_expert_has_an_affiliation(briefing: Briefing) -> None:
    experts = briefing.actors.loc[briefing.actors["kind"] == "expert"]
    # 'unnamed-experts' stands for the article's "experts say": it has no affiliation to give.
    without = experts.loc[experts["affiliation"].isna(), "id"].tolist()
    assert without == ["unnamed-experts"]
