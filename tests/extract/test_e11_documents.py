"""Who a document speaks for, and a body's name that holds an "and" (issues 20 and 22, the lead's
eleventh round, from the ninth development sets): "the statement was issued by X" makes X the
author of what "the statement" and "it" go on to say; "the Institute for Disarmament and Peace" is
one name, not "the Institute for Disarmament". Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import extract, parse

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
