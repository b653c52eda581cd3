"""Turns that hold on material not yet seen (issues 20 and 22, letter tr8): prose is not read as a
transcript because of the labels an article's layout puts before its paragraphs ("Details:",
"Quote:", "Background:") or the place it was filed from ("New York:", "BRUSSELS:", "BEIJING,
Dec. 3 (Xinhua):"); a turn label is a speaker. Short texts written for the purpose."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.extractor import extract
from dashboard.extract.turns import find_turns, not_a_speaker, principal
from tests.extract.support import drafted_against

# a news site that labels its paragraphs by what they hold
LABELLED_PARAGRAPHS = (
    "Only talks on a ceasefire are possible, says State Department\n"
    "Jane Roe, Friday, 11 April 2025\n"
    "The US State Department spokeswoman Jane Roe has stated that only a ceasefire can be discussed.\n"
    "Source: Roe during a press briefing\n"
    "Details: Roe stated that Washington sees no point in talks until a ceasefire is reached.\n"
    "“It is a meat grinder. Nothing else can be discussed until the shooting stops,” she said.\n"
    "Quote: “All of our leadership has made it clear what is at stake in this war.”\n"
    "Details: Roe also emphasised that the US would be watching Freedonia's behaviour closely.\n"
    "Background:\n"
    "On 4 April, the Secretary of State said that the administration would not wait forever.\n"
)


def test_an_articles_paragraph_labels_are_no_turns() -> None:
    assert find_turns(LABELLED_PARAGRAPHS) == []
    drafts = extract(LABELLED_PARAGRAPHS)
    assert drafts and not any(d.how == "turn" for d in drafts)
    meat = next(d for d in drafts if d.text.startswith("It is a meat grinder"))
    assert meat.how != "turn" and meat.speaker is not None and meat.speaker.name == "Jane Roe"


@pytest.mark.parametrize(
    "label",
    [
        "Details",
        "More details",
        "Quote",
        "Quotes",
        "Context",
        "For reference",
        "Prehistory",
        "Background",
        "Reaction",
        "Analysis",
        "Why it matters",
        "The big picture",
        "What they're saying",
        "Key points",
        "Monday",
        "January 5",
        "Updated",
    ],
)
def test_a_label_of_the_layout_is_not_a_speaker(label: str) -> None:
    assert not_a_speaker(label)


@pytest.mark.parametrize(
    "label",
    [
        "New York",
        "BRUSSELS",
        "Kuala Lumpur",
        "NEW DELHI",
        "Sichuan",
        "BEIJING, Dec. 3 (Xinhua)",
        "SEOUL, March 3",
        "KADUGLI (AFP)",
        "NEW YORK (Reuters)",
    ],
)
def test_a_dateline_is_not_a_speaker(label: str) -> None:
    assert not_a_speaker(label)


@pytest.mark.parametrize(
    "label",
    [
        "Lin Jian",
        "MR MILLER",
        "Reuters",
        "Q",
        "QUESTION",
        "Mr. Fu Cong (China)",
        "April Ryan",
        "Jordan",  # a person's name too: no place on its own
        "THE PRESIDENT",
        "Sanam Vakil, Director of the Middle East Programme",
        "Detailed Answer Team",  # only a whole label is the layout's
    ],
)
def test_a_speaker_stays_a_label(label: str) -> None:
    assert not not_a_speaker(label)


# a dateline on a line of its own, and one before the lead, then a label-like heading further down
DATELINES = (
    "UN chief seeks a permanent ceasefire\n"
    "New York:\n"
    "United Nations Secretary-General Jan Novak has expressed anguish over ‘reckless disruptions’ in "
    "the current age.\n"
    "In a message to leaders, Novak said that humanity and justice must prevail.\n"
)
WIRE = (
    "Freedonia warns of retaliation\n"
    "BRUSSELS, May 25 (Reuters): The European Commission urged Freedonia on Friday to bring respect, "
    "not threats, to the talks.\n"
    "Details: the Commission said it stood ready to defend its interests.\n"
    "“We stand ready to defend our interests,” Trade Commissioner Jan Novak wrote on X.\n"
)


@pytest.mark.parametrize("text", [DATELINES, WIRE])
def test_a_dateline_makes_no_transcript(text: str) -> None:
    assert find_turns(text) == []
    drafts = extract(text)
    assert drafts and not any(d.how == "turn" for d in drafts)


# guards: real transcripts keep their turns
FOREIGN_MINISTRY = (
    "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 3, 2025\n"
    "Reuters: Freedonia said yesterday that it would close its border. What is China's comment?\n"
    "Lin Jian: We have noted the reports. China always supports dialogue and consultation.\n"
    "Bloomberg: Will the Foreign Minister visit Freedonia next week?\n"
    "Lin Jian: I have no information to release at the moment.\n"
)
COUNCIL = (
    "Security Council, 9999th meeting\n"
    "Mr. Fu Cong (China): China supports the draft resolution and calls on all parties to show restraint.\n"
    "Mr. Jan Novak (Freedonia): We thank the presidency and will vote in favour of the resolution.\n"
)


def test_a_transcripts_labels_are_still_turns() -> None:
    turns = find_turns(FOREIGN_MINISTRY)
    assert [(t.label, t.question) for t in turns] == [
        ("Reuters", True),
        ("Lin Jian", False),
        ("Bloomberg", True),
        ("Lin Jian", False),
    ]
    assert [t.label for t in find_turns(COUNCIL)] == ["Mr. Fu Cong (China)", "Mr. Jan Novak (Freedonia)"]


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        (
            "Briefing by the official representative of the Freedonian Foreign Ministry, Jane Roe "
            "(June 26, 2025)",
            "Jane Roe",
        ),
        ("Briefing by a spokeswoman of the Foreign Ministry, Jane Roe", "Jane Roe"),
        ("Press Conference by Prime Minister Jan Novak, Tokyo", "Prime Minister Jan Novak"),
    ],
)
def test_a_headline_names_its_principal_in_apposition_after_a_description(headline: str, name: str) -> None:
    text = f"{headline}\nOn the talks\n“We welcome the reports of readiness to observe the ceasefire.”\n"
    assert principal(text) == name


# the briefing holds the Secretary-General by the title the read-out uses for him
UN_ACTORS = pd.DataFrame(
    [
        {"id": "united-nations", "name": "United Nations", "kind": "organization", "aliases": ["UN"]},
        {
            "id": "jan-novak",
            "name": "Jan Novák",
            "kind": "official",
            "role": "Secretary-General of the United Nations",
            "represents": "united-nations",
            "aliases": ["Secretary-General Novák", "the Secretary-General"],
        },
        {
            "id": "jane-roe",
            "name": "Jane Roe",
            "kind": "official",
            "role": "Spokesperson for the UN Secretary-General",
            "represents": "united-nations",
            "aliases": [],
        },
    ]
)
NOON_OFFICERS = (
    "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n"
    "The following is a near-verbatim transcript of today's briefing by Jane Roe, Spokesperson for "
    "the Secretary-General.\n"
    "**Freedonia\n"
    "Good afternoon. The Acting Head of Mission and Force Commander, Major General Paul Smith, "
    "visited the base today to assess the situation.\n"
    "**Sudan\n"
    "And you will have seen that on Saturday, the Secretary-General strongly condemned the drone "
    "attacks that targeted the peacekeeping base. He called for those responsible to be held "
    "accountable.\n"
)
NOON_GUEST = (
    "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n"
    "The following is a near-verbatim transcript of today's briefing by Jane Roe, Spokesperson for "
    "the Secretary-General.\n"
    "**Briefing today\n"
    "Good afternoon. At 2 p.m., there will be a briefing in this room by Maria Keller (Freedonia), who "
    "as you know is the President of the General Assembly. She will brief you on the plan of action "
    "against trafficking.\n"
    "**Violence Against Women\n"
    "In a video message for the Day, the Secretary-General says that ending this scourge requires "
    "collective action.\n"
)


@pytest.mark.parametrize("text", [NOON_OFFICERS, NOON_GUEST])
def test_a_description_the_briefing_holds_as_a_name_is_that_actor(text: str) -> None:
    drafts = drafted_against(UN_ACTORS, text)
    nested = [q for q in drafts.quotes if q.speaker_found_by in ("description", "pronoun")]
    assert nested and all(q.speaker == "jan-novak" and "speaker" in q.flags for q in nested)
    assert {a.id for a in drafts.actors} >= {"jan-novak", "jane-roe"}
    spoken = {q.speaker for q in drafts.quotes}
    assert all(a.matched or a.id in spoken for a in drafts.actors)  # no actor left over for nobody


def test_a_description_the_briefing_does_not_hold_keeps_its_reading() -> None:
    # guard: "the Force Commander" is no name in the briefing: whoever the reading found stays
    actors = UN_ACTORS[UN_ACTORS["id"] != "jan-novak"]
    drafts = drafted_against(actors, NOON_OFFICERS)
    nested = [q for q in drafts.quotes if q.speaker_found_by == "description"]
    assert nested and not any(q.speaker in set(actors["id"]) for q in nested)


# the spokesperson's own state and its bodies speak in the answer itself (house reading of
# 2026-12-07); a third party inside the answer is its own statement
MFA_ACTORS = pd.DataFrame(
    [
        {"id": "china", "name": "China", "kind": "state", "country": "CN", "aliases": []},
        {"id": "freedonia", "name": "Freedonia", "kind": "state", "country": "", "aliases": []},
        {
            "id": "mfa-china",
            "name": "Ministry of Foreign Affairs of China",
            "kind": "organization",
            "represents": "china",
            "aliases": ["the Ministry", "Chinese Foreign Ministry"],
        },
        {
            "id": "lin-jian",
            "name": "Lin Jian",
            "kind": "official",
            "role": "Spokesperson of the Ministry of Foreign Affairs of China",
            "represents": "china",
            "aliases": [],
        },
    ]
)
MFA = (
    "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 3, 2025\n"
    "AFP: Freedonia's foreign minister said yesterday that the border would stay closed. What is "
    "China's comment?\n"
    "Lin Jian: Given the security situation, the Ministry once again advises Chinese nationals not to "
    "travel to Freedonia for the time being. China has urged Freedonia to ensure the safety of "
    "Chinese citizens there. The Chinese Foreign Ministry said last week that the consulate would "
    "stay open. Freedonian Foreign Minister Jan Novak said on Monday that the border would stay "
    "closed, and President Xi Jinping said in January that the two peoples were friends.\n"
    "Reuters: Will the talks go ahead?\n"
    "Lin Jian: I have no information to release at the moment.\n"
)


def test_the_spokespersons_state_and_its_bodies_are_the_answer_itself() -> None:
    drafts = drafted_against(MFA_ACTORS, MFA)
    turn = [q for q in drafts.quotes if q.speaker_found_by == "turn" and "Ministry once" in q.text]
    assert len(turn) == 1 and turn[0].speaker == "lin-jian"
    inside = [
        q for q in drafts.quotes if q.speaker_found_by != "turn" and turn[0].start <= q.start < turn[0].end
    ]
    assert not [q for q in inside if q.speaker in ("china", "mfa-china")]
    # guards: another state's minister and a person of the spokesperson's own state say their own
    others = {a.name for q in inside if (a := drafts.actor(q.speaker)) is not None}
    assert {"Jan Novak", "Xi Jinping"} <= others


@pytest.mark.parametrize("label", ["New York:", "BRUSSELS:", "Background:"])
def test_a_line_holding_only_a_layout_label_or_a_dateline_is_no_subject(label: str) -> None:
    # The parser joined the label to the next paragraph's subject: "New York" spoke (tr8's N-A,
    # applied in extractor._after_headings).
    actors = pd.DataFrame(
        [
            {
                "id": "ana-ruiz",
                "name": "Ana Ruiz",
                "kind": "official",
                "role": "Secretary-General",
                "represents": "united-nations",
                "aliases": [],
            },
            {
                "id": "united-nations",
                "name": "United Nations",
                "kind": "organization",
                "role": None,
                "represents": None,
                "aliases": ["UN"],
            },
        ]
    )
    text = (
        f"UN chief warns of disruption\n\n{label}\n\n"
        "United Nations Secretary-General Ana Ruiz has expressed anguish over ‘reckless disruptions’ "
        "and ‘relentless human sufferings’ in the region.\n"
    )
    drafts = drafted_against(actors, text).quotes
    assert len(drafts) == 2
    assert all(q.speaker == "ana-ruiz" for q in drafts), [(q.text, q.speaker) for q in drafts]
