"""A lead's description of a person tied to the one the body names (issue 20: "role descriptions not
tied back to the named person", the lead's twelfth round, from the twelfth development sets): the
body may name them after a sentence of background, and an agency's copy has a headline line before
its lead; a spokesperson of a state's ministry in the lead is the one spokesperson the article names
further on. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract


def _speaker_of(text: str, opening: str) -> str | None:
    draft = next(d for d in extract(text) if d.text.startswith(opening))
    return draft.speaker.name if draft.speaker else None


def test_the_lead_describes_the_one_named_after_a_sentence_of_background() -> None:
    text = (
        "Russia is ready for a world with no limits on nuclear arms after the treaty expires this week, "
        "Moscow's point man for arms control said on Tuesday.\n"
        "Unless the two sides reach a last-minute understanding, they will be left without any limits "
        "for the first time in decades.\n"
        '"This is a new moment," Russian Deputy Foreign Minister Sergei Ryabkov, who oversees arms '
        "control issues, told reporters in Beijing.\n"
    )
    assert _speaker_of(text, "Russia is ready for a world") == "Sergei Ryabkov"


def test_a_ministry_spokesperson_in_the_lead_is_the_one_named_further_on() -> None:
    text = (
        "Minister's Africa visit enhances friendship: spokesperson\n"
        "\n"
        "BEIJING, Jan. 13 (Xinhua) -- The foreign minister's visit to Africa was a complete success, "
        "a Chinese Foreign Ministry spokesperson said Monday.\n"
        "\n"
        "The minister visited Namibia, the Republic of the Congo, Chad and Nigeria from Jan. 5 to 11.\n"
        "\n"
        "At a regular press conference, spokesperson Guo Jiakun provided more details on the visit.\n"
        "\n"
        '"The visit was a complete success," Guo said.\n'
    )
    assert _speaker_of(text, "The foreign minister's visit to Africa") == "Guo Jiakun"


def test_two_spokespeople_named_further_on_leave_the_lead_undecided() -> None:
    text = (
        "BEIJING, Jan. 13 (Xinhua) -- The visit was a complete success, a Chinese Foreign Ministry "
        "spokesperson said Monday.\n"
        "\n"
        "The minister visited four countries from Jan. 5 to 11.\n"
        "\n"
        "At a regular press conference, spokesperson Guo Jiakun provided more details.\n"
        "\n"
        "Another spokesperson, Mao Ning, had announced the trip on Jan. 3.\n"
    )
    assert _speaker_of(text, "The visit was a complete success") not in ("Guo Jiakun", "Mao Ning")


def test_a_purpose_clause_the_sentence_opens_with_is_not_what_was_said() -> None:
    drafts = extract(
        "To secure energy for Europe, the EU Commission has agreed to buy energy worth 750 billion "
        "dollars in the US.\n"
    )
    assert not any(d.text.startswith("To secure energy") for d in drafts), [d.text for d in drafts]


def test_a_leaders_office_speaks_for_their_state() -> None:
    drafts = extract(
        "South Korean President Lee Jae Myung will visit Japan on Jan 13 for a summit with Prime "
        "Minister Takaichi, Lee's office said on Friday.\n"
        "Lee and Takaichi will hold the summit in Nara City, the presidential office said.\n"
        "A ministry's office said the talks were postponed.\n"
    )
    by_words = {d.text.split()[0]: d.speaker for d in drafts}
    for first in ("South", "Lee"):
        speaker = by_words[first]
        assert speaker is not None and speaker.kind == "place" and speaker.state == "KR", by_words
    # an office of no one the article names as a leader of a state is no state's
    other = by_words.get("the")
    assert other is not None and other.kind != "place", by_words


def test_a_states_side_in_a_read_out_is_the_state() -> None:
    drafts = extract(
        "The Ukrainian side emphasized that Iran's actions pose an unacceptable threat to the region.\n"
        "The other side said the talks had been useful and would continue next month.\n"
    )
    first = next(d for d in drafts if d.text.startswith("Iran's actions"))
    assert first.speaker is not None and (first.speaker.kind, first.speaker.state) == ("place", "UA")
    other = next(d for d in drafts if d.text.startswith("the talks had been useful"))
    assert other.speaker is None or other.speaker.kind != "place"
