"""Review v10, finding 1: an undisclosed answer is not a recorded silence.

The State Department official "would not detail the Chinese response" to the 2024-10-29 meeting
(q-official-xie-meeting): there was an answer, not known. No quote reports that China said nothing
publicly on the call to restrain the cooperation, so neither China nor its ambassador is silent on
it, and AFP's report of 2024-11-01 is China's first record there, not its breaking a silence.
"""

from pathlib import Path

import pytest

from dashboard.load import load_briefing

SEED = Path(__file__).resolve().parent.parent / "data" / "nk-troops-russia"


@pytest.fixture(scope="module")
def seed():
    briefing, _ = load_briefing(SEED)
    return briefing


def test_no_silence_rests_on_an_undisclosed_answer(seed) -> None:
    silent = seed.positions[seed.positions["stance"] == "silent"]
    for evidence in silent["evidence"]:
        assert "q-official-xie-meeting" not in list(evidence)
    restrain = seed.positions[seed.positions["issue"] == "china-restrain-nk"]
    assert "silent" not in set(restrain["stance"])


def test_the_ambassador_whose_answer_is_unknown_holds_no_reading(seed) -> None:
    assert "xie-feng" not in set(seed.positions["actor"])
    assert "xie-feng" not in set(seed.actors["id"])  # no words and no position of his on record
    assert "q-official-xie-meeting" in set(seed.quotes["id"])  # the quote stays


def test_afps_report_is_chinas_first_record_on_restraint_not_a_broken_silence(seed) -> None:
    china = seed.positions[
        (seed.positions["actor"] == "china") & (seed.positions["issue"] == "china-restrain-nk")
    ]
    assert [str(day)[:10] for day in china["as_of"]] == ["2024-11-01"]
