"""States by every name reporting uses for them: the name, official and short forms, the capital
("Beijing", "Seoul"), the seat of government ("the Kremlin", "the Pentagon"), and the demonym that
makes a body or an office a state's ("Chinese foreign ministry", "South Korean President").

Names, capitals and demonyms come from the countryinfo package (MIT; its data is REST Countries'),
the seats and short forms that wire copy uses from the table below. A state is named by its ISO
3166-1 alpha-2 code, the `country` field of a briefing's state actors.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.text import fold

# Forms of a state's name that countryinfo does not give and reporting uses every day.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "US": (
        "U.S.",
        "U.S.A.",
        "America",
        "United States",
        "the United States",
        "Washington",
        "White House",
        "the White House",
        "Pentagon",
        "the Pentagon",
        "State Department",
        "the State Department",
        "Capitol Hill",
        "Biden administration",
        "Trump administration",
        "Foggy Bottom",
    ),
    "GB": ("Britain", "U.K.", "Downing Street", "Whitehall", "London", "England"),
    "RU": ("Kremlin", "the Kremlin", "USSR", "Soviet Union"),
    "CN": ("PRC", "People's Republic", "Zhongnanhai", "mainland China", "Chinese mainland"),
    "KP": ("DPRK", "D.P.R.K.", "North", "Pyongyang"),
    "KR": (
        "ROK",
        "R.O.K.",
        "Korea",
        "Republic of Korea",
        "Yongsan",
        "Blue House",
        "Cheong Wa Dae",
        "Seoul",
        "South",  # "the South said", as Korea reporting writes it (beside "the North")
        # the one state with a ministry of unification (the North dissolved its bodies for the
        # South in 2024): "the unification ministry said"
        "Unification Ministry",
        "Ministry of Unification",
    ),
    "TW": ("Taipei",),
    "JP": ("Tokyo", "Kantei"),
    "IR": ("Tehran", "Teheran", "Islamic Republic"),
    "IL": ("Jerusalem", "Tel Aviv"),
    "UA": ("Kyiv", "Kiev"),
    "DE": ("Berlin",),
    "FR": ("Paris", "Elysee", "Élysée", "Quai d'Orsay"),
    "VA": ("Holy See", "Vatican"),
    "PS": ("Palestinian Authority", "Palestinian territories"),
    "SY": ("Damascus",),
    "TR": ("Türkiye", "Ankara"),
}
# Demonyms countryinfo gives as one string for several ("South Korean"), or not at all.
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American", "U.S.", "US"),
    "GB": ("British", "UK", "U.K."),
    "KR": ("South Korean", "ROK"),
    "KP": ("North Korean", "DPRK"),
    "CN": ("Chinese", "PRC"),
    "RU": ("Russian", "Soviet"),
    "NL": ("Dutch",),
    "IN": ("Indian",),  # countryinfo gives it to the British Indian Ocean Territory first
    "PH": ("Philippine", "Filipino"),
    "TR": ("Turkish",),
    "VA": ("Vatican",),
    "PS": ("Palestinian",),
}
# Words a capital or a name may not stand for alone: "Washington" the person, "North" the direction
# are read as a state only where the caller allows a bare capital (a subject, not an object).
AMBIGUOUS = frozenset(
    {
        "north",
        "south",
        "washington",
        "korea",
        "georgia",
        "jordan",
        "chad",
        "niger",
        "london",
        "paris",
        "berlin",
    }
)


def _key(name: str) -> str:
    key = fold(name).replace(".", "").strip()
    key = re.sub(r"[’']s$", "", key)
    return key[4:] if key.startswith("the ") else key


# Over the complexity cap: the package's names, capitals and demonyms, then the extra forms.
@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:  # noqa: C901
    """name -> code, demonym -> code, code -> the country's name."""
    from countryinfo import CountryInfo

    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    titles: dict[str, str] = {}
    for data in CountryInfo.all().values():
        code = str(data.get("ISO", {}).get("alpha2") or "")
        if not code:
            continue
        titles.setdefault(code, str(data["name"]))
        forms = [data["name"], *(data.get("altSpellings") or [])]
        if data.get("capital"):
            forms.append(str(data["capital"]))
        for form in forms:
            form = str(form)
            if len(form) <= 3 and form.isupper() and form not in ("US", "UK", "UAE"):
                continue  # ISO codes: "IN", "IT", "NO" are words too
            names.setdefault(_key(form), code)
        if data.get("demonym"):
            demonyms.setdefault(_key(str(data["demonym"])), code)
    for code, extra in EXTRA_NAMES.items():
        for form in extra:
            names[_key(form)] = code
    for code, extra in EXTRA_DEMONYMS.items():
        for form in extra:
            demonyms[_key(form)] = code
    names["us"] = "US"
    names["uk"] = "GB"
    # the same names as a phrase's words read them, possessives dropped (`_words`): "Democratic
    # People's Republic of Korea" is found whole, before the "Republic of Korea" inside it
    for key, code in list(names.items()):
        names.setdefault(re.sub(r"[’']s\b", "", key), code)
    return names, demonyms, titles


def state_of(name: str) -> str:
    """The code of the state this name, capital or seat names ('' if none)."""
    return _tables()[0].get(_key(name), "")


def state_of_demonym(word: str) -> str:
    """The code of the state a demonym or a possessive names: 'Chinese', "China's" ('' if none)."""
    names, demonyms, _ = _tables()
    key = _key(word)
    return demonyms.get(key) or names.get(key, "")


def country_name(code: str) -> str:
    return _tables()[2].get(code, code)


def _words(text: str) -> list[str]:
    """Folded words of a phrase, possessives dropped; 'us' the pronoun is not 'US' the state."""
    plain = re.sub(r"[’']s\b", "", text)
    out = []
    for word in re.findall(r"\w[\w.\-]*", plain):
        word = word.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.){2,}", word) else word
        out.append("" if word.lower() == "us" and word != "US" else _key(word))
    return out


def _find_state(folded: list[str]) -> tuple[str, int, int]:
    names, demonyms, _ = _tables()
    for size in (5, 4, 3, 2, 1):
        for i in range(len(folded) - size + 1):
            if not all(folded[i : i + size]):
                continue
            phrase = " ".join(folded[i : i + size])
            code = demonyms.get(phrase) or names.get(phrase)
            if code and (size > 1 or phrase not in AMBIGUOUS):
                return code, i, i + size
    return "", 0, 0


def state_in(text: str) -> str:
    """The first state a phrase names by demonym, name or possessive ("South Korea's Joint Chiefs
    of Staff", "the Chinese Foreign Ministry"): longest forms first, whole words only."""
    return _find_state(_words(text))[0]


def without_state(text: str) -> str:
    """The phrase's folded words less the state it names: "South Korean Defense Minister" ->
    "defense minister"."""
    folded = [w for w in _words(text) if w]
    _, start, end = _find_state(folded)
    return " ".join(folded[:start] + folded[end:])
