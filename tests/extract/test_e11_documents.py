"""Who a document speaks for, and a body's name that holds an "and" (issues 20 and 22, the lead's
eleventh round, from the ninth development sets): "the statement was issued by X" makes X the
author of what "the statement" and "it" go on to say; "the Institute for Disarmament and Peace" is
one name, not "the Institute for Disarmament". Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract, parse
from dashboard.extract.speakers import _name_after_title

ISSUED_BY = (
    "Pyongyang condemned the drills on Monday.\n"
    "According to the state news agency, the statement was issued by the Institute for Disarmament "
    "and Peace under the country's Foreign Ministry.\n"
    "It claimed that “overwhelming strike capability” is the most reliable guarantee against war.\n"
    "The statement also pledged that the country would “continue to strengthen its deterrent.”\n"
)


def _speakers(text: str) -> dict[str, str | None]:
    return {d.text: (d.speaker.name if d.speaker else None) for d in extract(text)}


def test_a_body_name_with_and_is_one_name() -> None:
    doc = parse(ISSUED_BY)
    names = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert any(n.endswith("Institute for Disarmament and Peace") for n in names), names


def test_an_and_before_another_name_is_not_joined() -> None:
    doc = parse("The talks involved the Ministry of Defence and Japan's coast guard on Friday.\n")
    assert not any("Japan" in e.text for e in doc.ents if e.label_ == "ORG")


def test_a_statement_issued_by_a_body_speaks_for_it() -> None:
    speakers = _speakers(ISSUED_BY)
    assert speakers["overwhelming strike capability"] == "Institute for Disarmament and Peace"
    assert speakers["continue to strengthen its deterrent."] == "Institute for Disarmament and Peace"


def test_a_statement_from_a_body_speaks_for_it() -> None:
    text = (
        "A statement from the Ministry of Foreign Affairs of Ruritania was posted on Sunday.\n"
        "The statement said the government would “never accept the so-called verdict.”\n"
    )
    speakers = _speakers(text)
    assert speakers["never accept the so-called verdict."] is not None
    assert "Ministry of Foreign Affairs" in str(speakers["never accept the so-called verdict."])


def test_a_long_title_after_the_cue_ends_in_the_speaker() -> None:
    text = (
        "The minister visited the base on Tuesday.\n"
        '"We are committed to a more stable region," said Assistant to the Minister of Defence for '
        "Public Affairs and Senior Adviser Jane Roe during the weekly video.\n"
    )
    speakers = _speakers(text)
    assert speakers["We are committed to a more stable region"] == "Jane Roe"


def test_a_title_before_its_verb_is_not_read_as_one_name() -> None:
    # "The Secretary and Minister Jane Roe affirmed …": two people, the first only by title
    doc = parse("The Secretary and Minister Jane Roe affirmed their shared interest in a ceasefire.\n")
    secretary = next(t for t in doc if t.text == "Secretary")
    assert _name_after_title(secretary) is None
    doc = parse('"It matters," said Assistant to the Minister for Public Affairs Jane Roe on Monday.\n')
    assistant = next(t for t in doc if t.text == "Assistant")
    found = _name_after_title(assistant)
    assert found is not None and found.text == "Jane Roe"


ON_BEHALF = (
    "This morning, Jane Roe, the Chef de Cabinet, delivered remarks on behalf of the Secretary-General "
    "at the event to mark the day. She said that the weapons continue to menace our world.\n"
    "She called on the states that hold them to return to dialogue.\n"
    "Separately, John Doe told reporters that the talks would resume next week.\n"
)


def test_remarks_delivered_on_behalf_of_another_are_the_others() -> None:
    speakers = _speakers(ON_BEHALF)
    assert speakers["the weapons continue to menace our world"] == "Secretary-General"
    assert speakers["on the states that hold them to return to dialogue"] == "Secretary-General"
    assert speakers["the talks would resume next week"] == "John Doe"


def test_remarks_delivered_in_ones_own_name_stay_ones_own() -> None:
    text = ON_BEHALF.replace(" on behalf of the Secretary-General", "")
    assert _speakers(text)["the weapons continue to menace our world"] == "Jane Roe"


def test_a_report_citing_someone_gives_the_words_to_them() -> None:
    text = (
        "Ruritania opposes trade wars in the world as they hurt all countries, local media reported "
        "Thursday, citing presidential spokesman John Doe.\n"
    )
    drafts = extract(text)
    said = [d for d in drafts if d.text.startswith("Ruritania opposes trade wars")]
    assert said and said[0].speaker is not None and said[0].speaker.name == "John Doe"
    assert not any(d.text.endswith("John Doe") for d in drafts)  # the source is no one's words


def test_a_dateline_is_nobody() -> None:
    text = (
        "Drills end\n"
        "CAMP NORTH, RIVERTON, Ruritania – The two allies today concluded Exercise Iron Shield, "
        "strengthening their combined readiness.\n"
        '"The drills showed we are ready," said General Jane Roe.\n'
    )
    names = {d.speaker.name for d in extract(text) if d.speaker is not None}
    assert not names & {"CAMP NORTH", "RIVERTON"}, names
    assert "Jane Roe" in names
