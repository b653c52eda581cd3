"""Transcripts (issue 22, letter tr, seventh round): every statement inside an answer, the right
spokesperson. Short transcripts written for the purpose, in the formats of the UN noon briefing (as
a news site reposts it, with header lines), the State Department and the Pentagon."""

from __future__ import annotations

from dashboard.extract.extractor import extract
from dashboard.extract.turns import principal

# a reposted noon briefing: the department's line and the date come between the headline and the
# introduction that names who gives the briefing
NOON = (
    "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n"
    "Department of Public Information . News and Media Division . New York\n"
    "3 March 2025\n"
    "The following is a near-verbatim transcript of today's briefing by Jane Roe, Deputy Spokeswoman "
    "for the Secretary-General.\n"
    "**Freedonia\n"
    "Good afternoon. The Secretary-General is following the situation in Freedonia closely. "
    "The Secretary-General urges all parties to return to the negotiating table without delay.\n"
    "**Climate\n"
    "Yesterday, in a message, the Secretary-General welcomed that the conference had reached an "
    "agreement on adaptation finance.\n"
)


def test_the_introduction_after_header_lines_names_who_gives_the_briefing() -> None:
    assert principal(NOON) == "Jane Roe"


def test_the_read_out_is_the_briefers_and_the_secretary_generals_words_inside_it_are_his() -> None:
    drafts = extract(NOON)
    turn = [d for d in drafts if d.how == "turn"]
    assert len(turn) == 1 and turn[0].speaker is not None and turn[0].speaker.name == "Jane Roe"
    nested = [d for d in drafts if d.how != "turn" and d.kind == "paraphrase"]
    said = {
        d.text for d in nested if d.speaker is not None and "Secretary" in d.speaker.name + d.speaker.role
    }
    assert "all parties to return to the negotiating table without delay" in said
    assert "the conference had reached an agreement on adaptation finance" in said
