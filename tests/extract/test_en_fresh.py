"""Reported speech in the newest English reporting (issue 20, letter en): what a verb of
judging says of its target, and what is no statement at all. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.extractor import DraftQuote, extract


def _texts(text: str) -> list[str]:
    drafts: list[DraftQuote] = extract(text)
    return [d.text for d in drafts]


def test_an_accusation_reports_what_the_target_is_accused_of_not_the_target_alone() -> None:
    texts = _texts("Foreign Minister Ida Holm accused the Swedish government of ignoring its partners.")
    assert "the Swedish government" not in texts
    assert "the Swedish government of ignoring its partners" in texts


def test_an_accusation_in_marks_is_drafted_once_as_the_marked_words() -> None:
    texts = _texts(
        "Foreign Minister Ida Holm accused the Swedish government of ‘ignoring its friends and "
        "partners’ through its conduct at sea."
    )
    assert texts == ["ignoring its friends and partners"]


def test_a_first_name_an_editor_put_in_brackets_stays_part_of_the_name() -> None:
    text = (
        "Two years later, Mr. [António] Guterres said, hostages remain captive in deplorable conditions, "
        "adding that he has met with hostage families."
    )
    speakers = {d.speaker.name for d in extract(text) if d.speaker is not None}
    assert speakers == {"António Guterres"}


def test_brackets_around_a_first_name_are_left_out_of_the_speakers_name() -> None:
    text = (
        "Secretary-General [António] Guterres visited Oslo on Monday. "
        "He said that the hostages must be freed."
    )
    speakers = {d.speaker.name for d in extract(text) if d.speaker is not None}
    assert speakers == {"António Guterres"}
