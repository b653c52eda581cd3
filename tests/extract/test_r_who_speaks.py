"""Who speaks (issue 20, letter r): the reporter's verbs in a sentence of reported speech are the
reporting subject's, never the subject of a clause reported inside it; a dateline is never a
subject; a title typed a letter off is a title. Short texts written for the purpose (a parse
written out as the model gave it where the rule is about a parse's shape)."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import Doc, Span

from dashboard.extract.nlp import english
from dashboard.extract.reported import findings
from dashboard.extract.review import Review
from dashboard.extract.speakers import _misspelt_title, dateline_end, subject_of
from tests.extract.support import drafted_against, quote_of


def _parsed(rows: list[tuple[str, int, str, str, str]], people: list[tuple[int, int]]) -> Doc:
    """A parse from (word, head, dep, pos, lemma) rows, each word followed by a space but the last
    and any before a comma or a stop."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    doc = Doc(
        english().vocab,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        sent_starts=[i == 0 for i in range(len(words))],
    )
    doc.ents = [Span(doc, a, b, label="PERSON") for a, b in people]
    return doc


def test_a_reporting_verb_joined_inside_a_reported_clause_is_not_that_clauses_subjects() -> None:
    # "Minister Holm, referring to the talks, called for calm, and stated that Denmark hopes for
    # peace, and again called for restraint.": the parse (as the model gave a readout's sentence
    # of this shape) joins the second "called" to "hopes" and finds no subject for "called" and
    # "stated"; Denmark is what Holm reported, not who called for restraint
    doc = _parsed(
        [
            ("Minister", 1, "compound", "PROPN", "Minister"),  # 0
            ("Holm", 7, "dep", "PROPN", "Holm"),  # 1
            (",", 7, "punct", "PUNCT", ","),  # 2
            ("referring", 7, "advcl", "VERB", "refer"),  # 3
            ("to", 3, "prep", "ADP", "to"),  # 4
            ("talks", 4, "pobj", "NOUN", "talk"),  # 5
            (",", 7, "punct", "PUNCT", ","),  # 6
            ("called", 7, "ROOT", "VERB", "call"),  # 7
            ("for", 7, "prep", "ADP", "for"),  # 8
            ("calm", 8, "pobj", "NOUN", "calm"),  # 9
            (",", 7, "punct", "PUNCT", ","),  # 10
            ("and", 7, "cc", "CCONJ", "and"),  # 11
            ("stated", 7, "conj", "VERB", "state"),  # 12
            ("that", 15, "mark", "SCONJ", "that"),  # 13
            ("Denmark", 15, "nsubj", "PROPN", "Denmark"),  # 14
            ("hopes", 12, "ccomp", "VERB", "hope"),  # 15
            ("for", 15, "prep", "ADP", "for"),  # 16
            ("lasting", 18, "amod", "ADJ", "lasting"),  # 17
            ("peace", 16, "pobj", "NOUN", "peace"),  # 18
            (",", 15, "punct", "PUNCT", ","),  # 19
            ("and", 15, "cc", "CCONJ", "and"),  # 20
            ("again", 22, "advmod", "ADV", "again"),  # 21
            ("called", 15, "conj", "VERB", "call"),  # 22
            ("for", 22, "prep", "ADP", "for"),  # 23
            ("more", 25, "amod", "ADJ", "more"),  # 24
            ("restraint", 23, "pobj", "NOUN", "restraint"),  # 25
            (".", 7, "punct", "PUNCT", "."),  # 26
        ],
        people=[(1, 2)],
    )
    assert subject_of(doc[22]) is None  # was "Denmark"
    restraint = next(f for f in findings(doc) if f.cue.i == 22)
    assert restraint.subject is not None and restraint.subject.text == "Holm"


def test_a_reporting_verb_joined_inside_a_reported_clause_takes_the_subject_of_the_verb_above() -> None:
    # the same shape with the reporting verb's subject in place: "Holm stated that Denmark hopes
    # for peace, and again called for restraint."
    doc = _parsed(
        [
            ("Holm", 1, "nsubj", "PROPN", "Holm"),  # 0
            ("stated", 1, "ROOT", "VERB", "state"),  # 1
            ("that", 4, "mark", "SCONJ", "that"),  # 2
            ("Denmark", 4, "nsubj", "PROPN", "Denmark"),  # 3
            ("hopes", 1, "ccomp", "VERB", "hope"),  # 4
            ("for", 4, "prep", "ADP", "for"),  # 5
            ("peace", 5, "pobj", "NOUN", "peace"),  # 6
            (",", 4, "punct", "PUNCT", ","),  # 7
            ("and", 4, "cc", "CCONJ", "and"),  # 8
            ("called", 4, "conj", "VERB", "call"),  # 9
            ("for", 9, "prep", "ADP", "for"),  # 10
            ("restraint", 10, "pobj", "NOUN", "restraint"),  # 11
            (".", 1, "punct", "PUNCT", "."),  # 12
        ],
        people=[(0, 1)],
    )
    found = subject_of(doc[9])
    assert found is not None and found.text == "Holm"


BRIEFING = pd.DataFrame(
    [
        {"id": "denmark", "name": "Denmark", "kind": "state", "country": "DK", "aliases": []},
        {"id": "china", "name": "China", "kind": "state", "country": "CN", "aliases": []},
        {"id": "south-korea", "name": "South Korea", "kind": "state", "country": "KR", "aliases": []},
        {"id": "lin-jian", "name": "Lin Jian", "kind": "official", "country": "CN", "aliases": []},
    ]
)


def _speaker_of(text: str, words: str) -> tuple[str, str]:
    drafts = drafted_against(BRIEFING, text)
    actor = drafts.actor(quote_of(drafts, words).speaker)
    return (actor.name, actor.id) if actor is not None else ("", "")


@pytest.mark.parametrize(
    ("dateline", "speaker", "said", "expected"),
    [
        (
            "COPENHAGEN (AP) —",
            "Danish Foreign Minister Karen Holm",
            "“fundamental disagreement”",
            "Karen Holm",
        ),
        (
            "COPENHAGEN, Dec 3 (Reuters) -",
            "Danish Foreign Minister Karen Holm",
            "“fundamental disagreement”",
            "Karen Holm",
        ),
        (
            "BEIJING, Dec. 3 (Xinhua) --",
            "Chinese Foreign Ministry spokesperson Lin Jian",
            "no agreement",
            "Lin Jian",
        ),
        ("Seoul (AFP) -", "South Korea's President Kim Min-jun", "no agreement", "Kim Min-jun"),
    ],
)
def test_a_dateline_is_where_the_story_was_filed_never_the_speaker(
    dateline: str, speaker: str, said: str, expected: str
) -> None:
    # the parse made the dateline a second subject of "said", or hung it from the name
    text = f"Talks stall\n\n{dateline} {speaker} said on Tuesday that the talks had ended in {said} here."
    name, _ = _speaker_of(text, said.strip("“”"))
    assert name == expected


def test_a_dateline_leaves_the_existing_actor_linked() -> None:
    text = (
        "China rejects sanctions\n\nBEIJING, Dec. 3 (Xinhua) -- Chinese Foreign Ministry spokesperson "
        "Lin Jian said on Monday that China firmly opposes the sanctions."
    )
    assert _speaker_of(text, "China firmly opposes") == ("Lin Jian", "lin-jian")


def test_a_place_opening_a_sentence_without_a_dash_is_no_dateline() -> None:
    assert dateline_end(english()("COPENHAGEN is calm, Karen Holm said."), 0) == 0
    doc = english()("COPENHAGEN (AP) — Karen Holm said the border is calm.")
    assert doc[dateline_end(doc, 0)].text == "Karen"


def test_a_title_typed_a_letter_off_is_still_the_title_not_a_first_name() -> None:
    text = (
        "Denmark-Norway Foreign Ministers’ Meeting\n\n"
        "On July 10, Mr. HOLM Karen, Minister for Foreign Affairs of Denmark, held a meeting with Mr. "
        "Peter Lund, Minister of Foreign Affairs of Norway. The overview is as follows.\n"
        "- Minster Holm called on the Norwegian side for the early lifting of the remaining restrictions "
        "on Danish vessels."
    )
    assert _speaker_of(text, "early lifting")[0] == "HOLM Karen"  # was "Minster Holm", a new actor


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Minster", True), ("Secretray", True), ("Presidnet", True), ("Ministry", False), ("Chapman", False)],
)
def test_which_words_are_a_title_typed_a_letter_off(word: str, expected: bool) -> None:
    assert _misspelt_title(word.lower()) is expected


def test_a_spokesman_for_a_person_is_not_that_person_and_never_taken_in_bulk() -> None:
    text = (
        "Talks\n\nDanish Foreign Minister Karen Holm met Norwegian Foreign Minister Peter Lund in Oslo on "
        "Monday.\n\n“We disagree,” a spokesman for Holm said.\n\n"
        "“We will sign,” Norwegian Foreign Minister Peter Lund said."
    )
    drafts = drafted_against(BRIEFING, text)
    spokesman = drafts.actor(quote_of(drafts, "We disagree").speaker)
    assert spokesman is None or spokesman.name != "Karen Holm"  # was Karen Holm, taken in bulk
    review = Review.start(drafts)
    taken = set(review.confident().accepted)
    assert quote_of(drafts, "We disagree").id not in taken
    assert quote_of(drafts, "We will sign").id in taken  # the guard: a name at the words is taken


def test_a_headline_the_parse_ran_into_the_lead_is_not_its_subject() -> None:
    # the parse made the headline "Talks" the subject of "said", the lead's subject its apposition
    doc = english()(
        "Talks\n\nDeputy spokesperson of the Chinese Foreign Ministry Mao Xia said China opposed it."
    )
    (said,) = [f for f in findings(doc) if f.cue.lower_ == "said"]
    assert said.subject is not None and said.subject.text == "spokesperson"
