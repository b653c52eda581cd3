"""The one search form (`fold`) and the one id rule (`slug`), as every importer and the extractor use
them."""

from __future__ import annotations

import re

import pytest

from dashboard.records import ID_PATTERN
from dashboard.text import SLUG_LENGTH, fold, slug, unaccented


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pútin", "putin"),
        ("PUTIN", "putin"),
        ("Straße", "strasse"),  # casefold: 'STRASSE' and 'Straße' meet
        ("GRU\u0308NE", "grune"),  # a decomposed umlaut folds as the composed one does
        ("GRÜNE", "grune"),
        ("Путин", "путин"),  # other scripts are kept, in lower case
        ("习近平", "习近平"),
        ("Côte d’Ivoire", "cote d'ivoire"),  # a typographic apostrophe is the plain one
        ("  Lloyd \n Austin\t", "lloyd austin"),  # one space, none at the ends
        ("ﬁnance", "finance"),  # a ligature is its letters
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GRÜNE", "GRUNE"),  # case kept: the spelling shown beside a name in the pickers
        ("Pútin", "Putin"),
        ("Путин", "Путин"),
        ("Йошкар-Ола", "Иошкар-Ола"),  # й is и with a breve, as NFKD has it
        ("", ""),
    ],
)
def test_unaccented(text: str, expected: str) -> None:
    assert unaccented(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FREIE WÄHLER", "freie-waehler"),  # the importers and the extractor both spell umlauts out
        ("Freie Wähler", "freie-waehler"),
        ("Freie Wa\u0308hler", "freie-waehler"),  # a decomposed umlaut too
        ("ÖDP", "oedp"),
        ("BüSo", "bueso"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("CDU / CSU", "cdu-csu"),
        ("Pútin", "putin"),  # other accents are dropped
        ("Ségolène Royal", "segolene-royal"),
        ("Côte d’Ivoire", "cote-divoire"),  # apostrophes join words
        ("Yemen People's Republic", "yemen-peoples-republic"),
        ("O’Brien", "obrien"),
        ("Путин", ""),  # no Latin letter or digit: the caller chooses what stands in
        ("习近平", ""),
        ("Xi Jinping (习近平)", "xi-jinping"),
        ("G20", "g20"),
        ("???", ""),
        ("", ""),
        ("  --a--b--  ", "a-b"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize(
    ("text", "taken", "expected"),
    [
        ("Freie Wähler", set(), "freie-waehler"),
        ("Freie Wähler", {"freie-waehler"}, "freie-waehler-2"),
        ("Freie Wähler", {"freie-waehler", "freie-waehler-2"}, "freie-waehler-3"),
        ("Freie Wähler", {"freie-wahler"}, "freie-waehler"),  # only the id itself is avoided
        ("Lin Jian", ["lin-jian"], "lin-jian-2"),  # any collection of ids will do
        ("Путин", {"actor"}, ""),  # nothing to make an id from, taken or not
        ("", {"x"}, ""),
    ],
)
def test_slug_is_unique_against_the_ids_taken(text: str, taken: set[str], expected: str) -> None:
    assert slug(text, taken) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Permanent Mission of the Democratic People's Republic of Korea to the United Nations",
            "the-permanent-mission-of-the-democratic-peoples-republic-of",
        ),  # no '-' left at the cut
        ("a" * 59 + " b", "a" * 59),
        ("x" * 200, "x" * SLUG_LENGTH),
    ],
)
def test_a_long_name_is_cut_and_stays_unique(text: str, expected: str) -> None:
    assert slug(text) == expected
    assert slug(text, {expected}) == expected + "-2"


@pytest.mark.parametrize(
    "text",
    [
        "FREIE WÄHLER",
        "Côte d’Ivoire",
        "x" * 200,
        "a" * 59 + " b",
        "Xi Jinping (习近平)",
        "1. FC Köln",
    ],
)
def test_every_slug_is_an_id(text: str) -> None:
    made = slug(text)
    assert re.fullmatch(ID_PATTERN, made)
    assert slug(made) == made  # a slug of a slug is itself: ids pass through unchanged
