"""A seat's epithet before the verb names its holder (issue 22, thirteenth round, from the eleventh
French set opened as development material): "Le locataire de l'Élysée a réitéré son appel à « … »"
is the briefing's President of France, with the apostrophe straight or curly; the tenant of a
flat is no one's office. Short texts written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extract.briefings import load_briefing
from dashboard.extract.marked import extract_marked

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "devsets"


def _speakers(text: str, language: str) -> dict[str, str | None]:
    briefing = load_briefing(SETS / language / "briefing")[0]
    assert briefing is not None
    found, _ = extract_marked(text, language, briefing.actors)
    return {d.text: (d.speaker.name if d.speaker else None) for d in found}


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_the_tenant_of_the_elysee_is_the_president_of_france(apostrophe: str) -> None:
    text = (
        "Macron à Washington\n\n"
        "Le ministre Jean-Noël Barrot accompagnait ce lundi Emmanuel Macron à Washington. "
        f"Le locataire de l{apostrophe}Élysée a réitéré son appel à "
        '"une paix solide et durable" en Ukraine.\n'
    )
    assert _speakers(text, "fr").get("une paix solide et durable") == "Emmanuel Macron"


def test_a_tenant_of_no_seat_names_no_one() -> None:
    text = 'Titre\n\nLe locataire de l\'appartement a réitéré son appel à "une paix solide et durable".\n'
    assert _speakers(text, "fr").get("une paix solide et durable") is None
