"""The review desk's rules, on short texts written for the tests: dates said wrong are named, a date
from a file's metadata is confirmed, a speaker a colleague removed is said to be gone, bulk accept
takes only what is safe, new actors and merges, edges moved and statements added, always with the
article's own characters as the words."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dashboard.briefing import Briefing
from dashboard.extract.briefings import load_briefing
from dashboard.extract.linking import ActorDraft
from dashboard.extract.review import ACCEPTED, ALSO_IN, NEW, PENDING, Review, day_problem, full_name
from dashboard.extract.saving import Accepted, SaveRefused, read_fingerprints, save
from dashboard.problems import errors
from tests.extract.support import SEED_BRIEFING, hand_drafts

ARTICLE = (
    "BEIJING, Nov. 1 — Chinese Foreign Ministry spokesman Lin Jian said the ties were “a matter "
    "for the two sovereign states” and that China “will keep in touch with all parties.” "
    "Maria Keller, Norway's foreign minister, said China “must use its influence to restrain "
    "North Korea.” Keller's aide said they “might talk again.”\n"
    "An official said the talks were “not going anywhere.”"
)
LIN = ActorDraft(
    "lin-jian",
    "Lin Jian",
    "official",
    "Spokesperson",
    "china",
    matched=True,
    match="exact",
    score=100.0,
    mentions=["Lin Jian"],
)


def keller(**changes: object) -> ActorDraft:
    actor = ActorDraft(
        "maria-keller",
        "Maria Keller",
        "official",
        "Foreign Minister",
        matched=False,
        match="new",
        mentions=["Maria Keller", "Keller"],
    )
    for key, value in changes.items():
        setattr(actor, key, value)
    return actor


@pytest.fixture(scope="module")
def seed() -> Briefing:
    briefing, _ = load_briefing(SEED_BRIEFING)
    return briefing


def review_of(
    seed: Briefing, quotes: list[dict[str, Any]], actors: list[ActorDraft] | None = None, **source: str
) -> Review:
    return Review.start(
        hand_drafts(ARTICLE, quotes, actors if actors is not None else [LIN, keller()], **source), seed
    )


def named(review: Review) -> None:
    review.source.update(title="Lin on the ties", publisher="Example Wire", published="2024-11-01")


# ------------------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("label", "value", "said"),
    [
        (
            "source published",
            "2024-02-30",
            "source published: 2024-02-30 is not a day (February 2024 has 29 days); write YYYY-MM-DD",
        ),
        (
            "source published",
            "2023-02-29",
            "source published: 2023-02-29 is not a day (February 2023 has 28 days); write YYYY-MM-DD",
        ),
        (
            "d001 date said",
            "2024-13-01",
            "d001 date said: 2024-13-01 is not a day (there is no month 13); write YYYY-MM-DD",
        ),
        (
            "d001 position as of",
            "1 Nov 2024",
            "d001 position as of: '1 Nov 2024' is not written YYYY-MM-DD (for example 2024-11-02)",
        ),
        (
            "source published",
            "2024-2-3",
            "source published: '2024-2-3' is not written YYYY-MM-DD (for example 2024-11-02)",
        ),
        ("source published", "2024-02-29", ""),
        ("source published", "", ""),
    ],
)
def test_a_date_that_is_not_a_day_is_named_with_its_field(label: str, value: str, said: str) -> None:
    assert day_problem(label, value) == said


def test_bad_dates_anywhere_stop_the_save_with_a_message_not_a_crash(seed) -> None:
    review = review_of(
        seed, [{"words": "a matter for the two sovereign states", "speaker": "lin-jian", "kind": "partial"}]
    )
    named(review)
    review.source["published"] = "2024-02-30"
    decision = review.decisions["d001"]
    decision.status, decision.date, decision.issues = ACCEPTED, "2024-11-31", ["china-restrain-nk"]
    review.propose_position("d001", "china-restrain-nk")
    assert decision.position is not None
    decision.position.confirmed, decision.position.as_of = True, "yesterday"
    problems = review.problems()
    assert (
        "source published: 2024-02-30 is not a day (February 2024 has 29 days); write YYYY-MM-DD" in problems
    )
    assert "d001 date said: 2024-11-31 is not a day (November 2024 has 30 days); write YYYY-MM-DD" in problems
    assert "d001 position as of: 'yesterday' is not written YYYY-MM-DD (for example 2024-11-02)" in problems
    review.accepted_records()  # before: date.fromisoformat raised ValueError here


def test_a_date_from_the_files_metadata_must_be_confirmed_or_changed(seed) -> None:
    review = review_of(
        seed,
        [{"words": "a matter for the two sovereign states", "speaker": "lin-jian", "kind": "partial"}],
        published="2013-12-23",
        published_from="metadata",
    )
    named(review)
    review.source["published"] = "2013-12-23"
    review.decisions["d001"].status = ACCEPTED
    problems = review.problems()
    assert any(
        p.startswith("source published: 2013-12-23 is from the file's metadata") and "confirm it" in p
        for p in problems
    ), problems
    review.published_confirmed = True
    assert review.problems() == []
    review.published_confirmed = False
    review.source["published"] = "2024-11-01"  # changed: the analyst wrote the day
    assert review.problems() == []


def test_a_date_found_in_the_text_needs_no_confirmation(seed) -> None:
    review = review_of(
        seed,
        [{"words": "a matter for the two sovereign states", "speaker": "lin-jian", "kind": "partial"}],
        published="2024-11-01",
        published_from="text",
    )
    named(review)
    review.decisions["d001"].status = ACCEPTED
    assert review.problems() == []


# ------------------------------------------------------------------------------------ speakers


def test_a_speaker_removed_by_a_colleague_is_named_not_cleared(seed, seed_copy: Path) -> None:
    review = review_of(
        seed, [{"words": "a matter for the two sovereign states", "speaker": "lin-jian", "kind": "partial"}]
    )
    named(review)
    review.decisions["d001"].status = ACCEPTED
    actors = (seed_copy / "actors.yaml").read_text(encoding="utf-8")
    renamed = actors.replace("- id: lin-jian\n", "- id: lin-jian-spokesman\n")
    for table in ("quotes", "positions"):
        path = seed_copy / f"{table}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("lin-jian", "lin-jian-spokesman"), encoding="utf-8"
        )
    (seed_copy / "actors.yaml").write_text(renamed, encoding="utf-8")
    now, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    review.refresh(now)
    message = (
        "the speaker 'Lin Jian' (lin-jian) is no longer in the briefing — a colleague may have "
        "renamed or removed it: choose the speaker again"
    )
    assert f"d001: {message}" in review.problems()
    assert review.decisions["d001"].speaker == "lin-jian"  # kept, for the analyst to see and change
    before = {p.name: p.read_bytes() for p in seed_copy.iterdir()}
    with pytest.raises(SaveRefused) as refused:  # and the saver, re-reading the files, says the same
        save(seed_copy, review.accepted_records())
    assert message in str(refused.value)
    assert {p.name: p.read_bytes() for p in seed_copy.iterdir()} == before


def test_a_new_actor_made_in_the_speaker_box_is_proposed_and_saved(seed, seed_copy: Path) -> None:
    review = review_of(seed, [{"words": "not going anywhere", "speaker": None, "kind": "partial"}])
    named(review)
    body = review.new_actor("Norwegian Ministry of Foreign Affairs", "organization")
    assert not isinstance(body, str)
    made = review.new_actor("Ingrid Dahl", "official", "State Secretary", represents=body.id)
    assert not isinstance(made, str)
    assert made.id == "ingrid-dahl" and made.id in review.actors and made.represents == body.id
    again = review.new_actor("Ingrid  Dahl", "official")
    assert isinstance(again, str) and "already proposed here as ingrid-dahl" in again
    assert review.new_actor("  ", "official") == "new actor: give a name"
    assert "kind must be one of" in str(review.new_actor("Someone Else", "person"))
    decision = review.decisions["d001"]
    decision.status, decision.speaker = ACCEPTED, made.id
    assert review.problems() == []
    result = save(seed_copy, review.accepted_records())
    assert result.added["actors"] == ["ingrid-dahl", body.id]
    briefing, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    assert briefing.actor_records["ingrid-dahl"]["represents"] == body.id
    assert briefing.quotes.set_index("text").loc["not going anywhere", "speaker"] == "ingrid-dahl"


def test_a_new_actor_never_takes_an_id_the_briefing_has(seed) -> None:
    review = review_of(seed, [])
    made = review.new_actor("Lin Jian", "official")
    assert not isinstance(made, str) and made.id == "lin-jian-2"


def test_merging_a_proposed_actor_moves_every_decision_and_keeps_its_names(seed) -> None:
    aide = ActorDraft(
        "keller-s-aide", "Keller's aide", "other", matched=False, match="new", mentions=["Keller's aide"]
    )
    review = review_of(
        seed,
        [
            {"words": "must use its influence to restrain North Korea.", "speaker": "maria-keller"},
            {"words": "might talk again", "speaker": "keller-s-aide", "kind": "partial"},
        ],
        [LIN, keller(), aide],
    )
    review.decisions["d002"].issues = ["china-restrain-nk"]
    review.propose_position("d002", "china-restrain-nk")
    # into another proposed actor: the decision and the position follow, the names become aliases
    assert review.merge("keller-s-aide", "maria-keller") == ""
    assert "keller-s-aide" not in review.actors
    assert review.decisions["d002"].speaker == "maria-keller"
    assert review.decisions["d002"].position is not None
    assert review.decisions["d002"].position.actor == "maria-keller"
    assert "Keller's aide" in review.actors["maria-keller"].mentions
    # into an actor of the briefing: its name the article used is offered as an alias
    assert review.merge("maria-keller", "lin-jian") == ""
    assert review.decisions["d001"].speaker == "lin-jian" and review.decisions["d002"].speaker == "lin-jian"
    assert review.aliases == {"lin-jian": ["Maria Keller", "Keller's aide"]}
    assert "only an actor proposed" in review.merge("lin-jian", "china")


def test_merged_names_are_saved_as_aliases_of_the_actor_in_place(seed, seed_copy: Path) -> None:
    lin_as_drafted = ActorDraft(
        "spokesman-lin",
        "Spokesman Lin Jian",
        "official",
        "Spokesman",
        matched=False,
        match="new",
        mentions=["Spokesman Lin Jian"],
    )
    review = review_of(
        seed,
        [{"words": "will keep in touch with all parties.", "speaker": "spokesman-lin"}],
        [lin_as_drafted],
    )
    named(review)
    review.decisions["d001"].status = ACCEPTED
    assert review.merge("spokesman-lin", "lin-jian") == ""
    actors_before = (seed_copy / "actors.yaml").read_text(encoding="utf-8")
    result = save(seed_copy, review.accepted_records())
    assert result.added["actors"] == []
    briefing, problems = load_briefing(seed_copy)
    assert errors(problems) == []
    aliases = briefing.actor_records["lin-jian"]["aliases"]
    assert isinstance(aliases, list) and "Spokesman Lin Jian" in aliases
    after = (seed_copy / "actors.yaml").read_text(encoding="utf-8")
    head = actors_before[: actors_before.index("- id: lin-jian\n")]
    tail = actors_before[actors_before.index("- id: xi-jinping\n") :]
    assert after.startswith(head) and after.endswith(tail)  # every other actor byte for byte


# ------------------------------------------------------------------------------------ bulk accept


@pytest.mark.parametrize(
    ("quote", "actor", "taken", "reason"),
    [
        ({"speaker": "lin-jian"}, LIN, True, ""),
        ({"speaker": "lin-jian", "kind": "paraphrase"}, LIN, False, "paraphrases (their edges need reading)"),
        ({"speaker": "lin-jian", "speech": False}, LIN, False, "beliefs or findings, not speech"),
        ({"speaker": "lin-jian", "flags": ["negation"]}, LIN, False, "flagged (negation)"),
        ({"speaker": "lin-jian", "confidence": 0.6}, LIN, False, "below 0.70 confidence"),
        ({"speaker": None}, LIN, False, "without a speaker"),
        (
            {"speaker": "lin-jian", "how": "pronoun"},
            LIN,
            False,
            "with a speaker read from a pronoun (“he”, “she”), not named at the words",
        ),
        (
            {"speaker": "lin-jian", "how": "description"},
            LIN,
            False,
            "with a speaker read from a description (“the spokesperson”), not named at the words",
        ),
        (
            {"speaker": "lin-jian", "how": "continued"},
            LIN,
            False,
            "continuing an earlier quotation, its speaker not named at these words",
        ),
        (
            {"speaker": "lin-jian", "mention": "Maria Keller"},
            LIN,
            False,
            "with a speaker named outside the sentence of the words",
        ),
        (
            {"speaker": "lin-jian", "cue": None},
            LIN,
            False,
            "with a speaker named outside the sentence of the words",
        ),
        (  # 'Lin Jian said the ties were “…” and that China “will keep in touch …”'
            {"speaker": "lin-jian", "words": "will keep in touch with all parties."},
            LIN,
            False,
            "with another name or quotation between the speaker and the words",
        ),
        (
            {"speaker": "lin-jian", "words": "will keep in touch"},
            LIN,
            False,
            "with words not closed by their quotation marks",
        ),
        (  # a transcript's answer is read, never taken in bulk (docs/extraction.md, round eleven)
            {"speaker": "lin-jian", "how": "turn", "mention": None, "cue": None},
            LIN,
            False,
            "transcript answers (each turn needs reading)",
        ),
        (
            {"speaker": "lin-jian"},
            ActorDraft("lin-jian", "Lin Jian", "official", matched=True, match="fuzzy"),
            False,
            "with a speaker matched only by fuzzy",
        ),
        (
            {"speaker": "lin-jian"},
            ActorDraft("lin-jian", "Lin Jian", "official", matched=True, match="description"),
            False,
            "with a speaker matched only by description",
        ),
        (
            {"speaker": "lin-jian"},
            ActorDraft("lin-jian", "Lin Jian", "official", matched=True, match="alias"),
            True,
            "",
        ),
        (
            {"speaker": "lin-jian"},
            ActorDraft("lin-jian", "Lin Jian", "official", matched=True, match="surname"),
            False,
            "with a speaker matched only by surname",
        ),
        ({"speaker": "maria-keller"}, keller(), True, ""),
        ({"speaker": "maria-keller"}, keller(role=""), False, "with a new speaker without a role"),
        (
            {"speaker": "maria-keller"},
            keller(name="Keller"),
            False,
            "with a new speaker named without a full name",
        ),
        (
            {"speaker": "maria-keller"},
            keller(name="Three senior U.S. diplomats"),
            False,
            "with a new speaker named without a full name",
        ),
        (
            {"speaker": "maria-keller"},
            keller(kind="organization"),
            False,
            "with a new speaker that is not a person",
        ),
    ],
)
def test_bulk_accept_takes_only_what_is_safe(seed, quote, actor, taken: bool, reason: str) -> None:
    said = {"mention": "Lin Jian", "cue": "said"}  # named where the words are said
    quote = dict(quote)
    words = quote.pop("words", "a matter for the two sovereign states")
    review = review_of(seed, [{"words": words, **said, **quote}], [actor])
    bulk = review.accept_confident()
    assert (review.decisions["d001"].status == ACCEPTED) is taken
    assert bulk.accepted == (["d001"] if taken else [])
    assert bulk.left == ({} if taken else {reason: ["d001"]})


def test_bulk_accept_leaves_words_inside_another_quotation(seed) -> None:
    said = {"mention": "Lin Jian", "cue": "said", "speaker": "lin-jian"}
    text = "Lin Jian said: “They called it ‘a matter for the two states’ and left the room.”"
    quotes = [
        {"words": "They called it ‘a matter for the two states’ and left the room.", **said},
        {"words": "a matter for the two states", "kind": "partial", **said},
    ]
    review = Review.start(hand_drafts(text, quotes, [LIN]), seed)
    bulk = review.accept_confident()
    assert bulk.accepted == ["d001"]
    assert bulk.left == {"inside another quotation": ["d002"]}


def test_bulk_accept_says_what_it_left_and_keeps_the_analysts_decisions(seed) -> None:
    review = review_of(
        seed,
        [
            {
                "words": "a matter for the two sovereign states",
                "speaker": "lin-jian",
                "kind": "partial",
                "mention": "Lin Jian",
                "cue": "said",
            },
            {"words": "will keep in touch with all parties.", "speaker": "lin-jian", "flags": ["nested"]},
            {"words": "might talk again", "speaker": None, "kind": "partial"},
            {"words": "not going anywhere", "speaker": "lin-jian", "kind": "partial"},
        ],
    )
    review.decisions["d004"].status = "rejected"
    bulk = review.accept_confident()
    assert bulk.accepted == ["d001"]
    assert bulk.said() == "flagged (nested): d002; without a speaker: d003"
    assert [review.decisions[d].status for d in ("d002", "d003", "d004")] == [PENDING, PENDING, "rejected"]


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("Lin Jian", True),
        ("Maria Keller", True),
        ("Ursula von der Leyen", True),
        ("Mohammed bin Salman", True),
        ("Keller", False),
        ("Mr Lin", False),
        ("Unnamed experts", False),
        ("The spokesman", False),
        ("Three senior U.S. diplomats", False),
        ("President Xi", False),
    ],
)
def test_a_full_name_is_two_names_or_more_and_no_title(name: str, full: bool) -> None:
    assert full_name(name) is full


# ------------------------------------------------------------------------------------ words


def test_moving_a_drafts_edges_keeps_the_articles_characters(seed) -> None:
    review = review_of(
        seed, [{"words": "influence to restrain", "speaker": "maria-keller", "kind": "partial"}]
    )
    start = ARTICLE.index("must use")
    assert review.set_span("d001", start, ARTICLE.index("North Korea.”") + len("North Korea.")) == ""
    assert review.words("d001") == "must use its influence to restrain North Korea."
    line_end = ARTICLE.index("\nAn official")
    assert review.set_span("d001", line_end - len(" talk again.”"), line_end + 4) == ""
    assert review.words("d001") == "talk again.”\nAn"  # the article's own line break, edges trimmed
    assert review.set_span("d001", start, ARTICLE.index("North Korea.”") + len("North Korea.")) == ""
    assert review.shown()[0].text == review.words("d001")
    assert review.set_span("d001", 5, 5) == "d001: those words are not in the article"
    assert review.set_span("d001", 10**6, 10**6 + 4) == "d001: those words are not in the article"
    review.decisions["d001"].status = ACCEPTED
    named(review)
    [record] = review.accepted_records().quotes
    assert record["text"] == "must use its influence to restrain North Korea."


def test_a_statement_the_extractor_missed_is_added_from_the_articles_words(seed) -> None:
    review = review_of(seed, [])
    start = ARTICLE.index("not going anywhere")
    made = review.add_statement(
        start, start + len("not going anywhere"), "lin-jian", "partial", "2024-11-01", ["china-restrain-nk"]
    )
    assert not isinstance(made, str)
    assert made.id == "m001" and made.text == "not going anywhere"
    assert review.decisions["m001"].status == ACCEPTED
    assert review.decisions["m001"].context == '"An official said the talks were “not going anywhere.”"'
    assert review.add_statement(3, 3) == "those words are not in the article"
    named(review)
    assert review.problems() == []
    [record] = review.accepted_records().quotes
    assert (record["text"], record["speaker"], record["kind"], str(record["date"])) == (
        "not going anywhere",
        "lin-jian",
        "partial",
        "2024-11-01",
    )


def test_words_the_briefing_has_are_offered_as_another_source(seed) -> None:
    text = (
        "AFP via Example Daily: Lin Jian said “North Korea and Russia are two independent sovereign "
        "states. How they develop bilateral relations is their own matter.”"
    )
    review = Review.start(
        hand_drafts(
            text,
            [
                {
                    "words": "North Korea and Russia are two independent sovereign states. How they develop "
                    "bilateral relations is their own matter",
                    "speaker": "lin-jian",
                }
            ],
            [LIN],
        ),
        seed,
    )
    decision = review.decisions["d001"]
    assert (decision.route, decision.also_of) == (ALSO_IN, "q-lin-own-matter")
    decision.status = ACCEPTED
    review.source.update(
        title="China calls ties their own matter", publisher="Example Daily", published="2024-11-01"
    )
    summary = review.summary()
    assert summary.new_quotes == [] and [d for d, _ in summary.also_in] == ["d001"]
    records = review.accepted_records()
    assert records.quotes == [] and records.also_in == [("q-lin-own-matter", "article-test")]
    decision.route = NEW  # the analyst says: another occasion
    assert review.accepted_records().quotes[0]["speaker"] == "lin-jian"


ELSEWHERE = (
    "BEIJING (AFP) - As carried by the Example Daily: foreign ministry spokesman Lin Jian said "
    "“North Korea and Russia are two independent sovereign states.” He added that Beijing “is "
    "watching closely”."
)


def accepted_source() -> Accepted:
    source = {
        "id": "daily-2024-11-01",
        "title": "Beijing calls ties their own matter",
        "publisher": "Example Daily",
        "published": date(2024, 11, 1),
        "kind": "news",
        "language": "en",
    }
    quote = {
        "speaker": "lin-jian",
        "text": "is watching closely",
        "source": "daily-2024-11-01",
        "kind": "partial",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    return Accepted(source, [], [quote], [], label="a test", text=ELSEWHERE)


def test_a_review_recognises_the_source_and_adds_to_it(seed_copy: Path) -> None:
    save(seed_copy, accepted_source())
    briefing, _ = load_briefing(seed_copy)
    drafts = hand_drafts(
        ELSEWHERE, [{"words": "is watching closely", "speaker": "lin-jian", "kind": "partial"}], [LIN]
    )
    review = Review.start(drafts, briefing, read_fingerprints(seed_copy))
    assert review.drafts.source.matched and review.drafts.source.id == "daily-2024-11-01"
    review.decisions["d001"].status = ACCEPTED
    assert review.summary().already == ["d001"]  # this very source has these words: not again
    result = save(seed_copy, review.accepted_records())
    assert result.added["quotes"] == [] and result.added["sources"] == []
    briefing, _ = load_briefing(seed_copy)
    assert (briefing.quotes["text"] == "is watching closely").sum() == 1
