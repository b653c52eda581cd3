"""Speakers on reporting not yet seen (issue 20, letter e8): how a description, a running paragraph
and a drafted paraphrase are read, each on short texts written for the purpose, with guards for the
shapes that must not change."""

from __future__ import annotations

from dashboard.extract.extractor import DraftQuote, extract


def _drafts(text: str) -> list[DraftQuote]:
    return extract(text)


def _speaker_of(text: str, words: str) -> str | None:
    draft = next(d for d in _drafts(text) if words in d.text)
    return draft.speaker.name if draft.speaker is not None else None


# -- a role description is the person the item names in that role --------------------------------

TOP_DIPLOMAT = (
    "Foreign minister rules out talks\n\n"
    "Iran's Supreme Leader Ayatollah Ali Khamenei said on Tuesday that the talks would fail.\n\n"
    "Iranian Foreign Minister Abbas Araghchi said on Friday that Iran was unsure it could trust "
    "Washington.\n\n"
    "Iran has held talks with European states in Geneva, but Tehran's top diplomat reiterated that "
    "Iran would not negotiate while under fire.\n\n"
    '"We are not ready to negotiate with them anymore," he said.'
)


def test_a_state_s_top_diplomat_is_its_foreign_minister_not_the_state() -> None:
    # "Tehran's" makes the description definite as "the" would; it was drafted as a new speaker
    # "Tehran's top diplomat" of Iran, and "he" after it went the same way
    assert _speaker_of(TOP_DIPLOMAT, "Iran would not negotiate") == "Abbas Araghchi"
    assert _speaker_of(TOP_DIPLOMAT, "We are not ready") == "Abbas Araghchi"


def test_the_diplomat_is_never_a_named_person_of_another_office() -> None:
    text = (
        "Iran weighs talks\n\n"
        "Iranian Foreign Minister Abbas Araghchi said Wednesday that Tehran is weighing the next "
        "round. The remarks come a day after Iran's Supreme Leader Ayatollah Ali Khamenei said the "
        "talks would not reach a conclusion.\n"
        "The senior Iranian diplomat, who heads the negotiating team, noted, “We are currently "
        "assessing whether to participate in the next round of talks.”"
    )
    # Khamenei spoke last, but he is no diplomat
    assert _speaker_of(text, "We are currently assessing") == "Abbas Araghchi"


def test_a_secretary_of_state_is_a_top_diplomat() -> None:
    text = (
        "U.S. Defense Secretary Pete Hegseth said the alliance would hold. "
        "Secretary of State Marco Rubio said on Monday that the talks were over.\n\n"
        "Hegseth added that the troops would stay.\n\n"
        "Washington's top diplomat said that the sanctions would remain in place."
    )
    assert _speaker_of(text, "the sanctions would remain") == "Marco Rubio"


def test_guard_the_diplomat_with_no_diplomat_named_is_nobody_named() -> None:
    text = (
        "Iran's Supreme Leader Ayatollah Ali Khamenei said on Tuesday that the talks would fail.\n\n"
        "The diplomat said that the next round would be held in Oman."
    )
    assert _speaker_of(text, "the next round would be held") != "Ayatollah Ali Khamenei"


def test_guard_a_person_s_spokesman_is_not_that_person() -> None:
    text = (
        "Iranian Foreign Minister Abbas Araghchi said on Friday that Iran was unsure it could trust "
        "Washington.\n\n"
        "Araghchi's spokesman said that the minister would travel to Oslo."
    )
    assert _speaker_of(text, "the minister would travel") != "Abbas Araghchi"


def test_guard_the_minister_is_still_the_minister_named() -> None:
    assert (
        _speaker_of(
            "Iranian Foreign Minister Abbas Araghchi said on Friday that Iran was unsure.\n\n"
            "The minister underscored that Iran would not abandon enrichment.",
            "Iran would not abandon",
        )
        == "Abbas Araghchi"
    )
