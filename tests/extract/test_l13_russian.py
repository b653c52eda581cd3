"""Russian, thirteenth round (issue 22), from the eleventh Russian set opened as development material:
"Как пишет RT, об этом заявил …" points back to the sentence before, through the medium's clause
(present tense as well as past: "Как сообщил …"). Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.marked import extract_marked


def _speakers(text: str) -> dict[str, str | None]:
    found, _ = extract_marked(text, "ru", None)
    return {d.text: (d.speaker.name if d.speaker else None) for d in found}


def test_a_back_reference_after_the_mediums_clause_points_to_the_sentence_before() -> None:
    text = (
        "Песков: Киев не хочет договариваться\n"
        "Украинская сторона не хочет продолжения переговоров. Как пишет RT, об этом заявил "
        "пресс-секретарь президента РФ Дмитрий Песков.\n"
    )
    found = _speakers(text)
    assert found.get("Украинская сторона не хочет продолжения переговоров") == "Дмитрий Песков", found
    assert not any(k.startswith("об этом") for k in found), found
