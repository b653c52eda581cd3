"""Whether a drafted speaker's name is the annotated one, the same way in every script.

The development sets' scorer (`benchmarks/extract_devset.py`) asks it of drafts that propose a new
actor. A name is compared by its words once titles and roles are set aside: "Secretary Blinken",
"Außenministerin Baerbock", "министр Лавров", "外交部发言人毛宁", "岩屋外相", "밀러 대변인". Latin and
Cyrillic names are cut into words at spaces and punctuation; Chinese, Japanese and Korean names are
written without spaces, so a role word inside them ("发言人", "大臣", "대변인") cuts them as a space
would, and a middle dot (·, ・) or a dash cuts any name. A reading or gloss in brackets
("与正(ヨジョン)", "朴正炫(Jung Pak)") is another form of the name, not more of it.

The draft is right when its words are the annotated words, all of a two-word-or-longer annotated
name ("a fuller form"), or some of them including the first or last ("Lin", "Austin"). A name in a
script without spaces has its surname or given name inside one word ("岩屋" of "岩屋毅", "与正" of
"金与正"): a word that starts or ends a word of the annotated name counts as one of its words there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dashboard.extract.places import state_in
from dashboard.text import fold

# English titles, as the scorer had them first (its English figures must not move with this module).
_ENGLISH = (
    r"secretary|minister|president|vice|deputy|assistant|under|prime|chancellor|senator|sen|"
    r"rep|representative|governor|gov|general|gen|ambassador|envoy|spokes(?:man|woman|person)|"
    r"chairman|chair|director|professor|prof|dr|mr|mrs|ms|sir|lord|king|queen|premier|mayor|"
    r"chief|commander|admiral|colonel|captain|foreign|defense|defence|state|of|the|for|"
    r"ministry|affairs|spokesperson"
)
# The same family of titles in the other languages the sets hold, folded (no accents, lower case).
# German titles are compounds ("Außenministerin", "Regierungssprecher"): any word ending in one.
_GERMAN = (
    r"\w*(?:minister|sprecher|prasident|kanzler|botschafter|sekretar|gesandte|unterhandler|"
    r"beauftragte|chef|diplomat)(?:in|innen|s|n|en|r)?|herr|frau"
)
_FRENCH = (
    r"ministre|presidente?|porte-parole|ambassadeur|ambassadrice|secretaire|mme|madame|monsieur|"
    r"chancelier|chanceliere|premiere?|diplomatie|chef|cheffe|etrangeres|affaires"
)
_RUSSIAN = (
    r"министр\w*|президент\w*|официальн\w+|представител\w+|пресс-секретар\w+|глав[аыеу]|мид|посол|"
    r"посл[аеу]|председател\w+|заместител\w+|премьер\w*|канцлер\w*|госсекретар\w+|секретар\w+|"
    r"генсек\w*|спикер\w*|г-н|г-жа"
)
_TITLE = re.compile(rf"\b(?:{_ENGLISH}|{_GERMAN}|{_FRENCH}|{_RUSSIAN})\b\.?", re.I)

# Roles, honorifics and the bodies holding them, written inside names in Chinese (simplified and
# traditional), Japanese and Korean, longest first so that "副总统" goes before "总统". Folded as
# `fold` folds them (kana lose their voicing marks, Hangul stays).
_CJK_ROLE_WORDS = """
外交部长 外交部長 外交部 发言人 發言人 部长 部長 外长 外長 副总统 副總統 总统 總統 国务卿 國務卿
国家主席 國家主席 主席 总理 總理 首相 大使 总书记 總書記 报道官 報道官 先生 女士 教授
外務大臣 外相 大臣 官房長官 長官 大統領 副大統領 総理 総書記 書記 報道担当官 担当官 国務長官 氏 さん
대변인 장관 대통령 부통령 총리 외무상 외교부 국무장관 국무위원장 위원장 부부장 총비서 대사 수석 씨
国防部 國防部 国务院 國務院 外務省 国務省 國務院 국무부 국방부 통일부 대통령실
"""
_CJK_ROLES = sorted(set(_CJK_ROLE_WORDS.split()), key=len, reverse=True)
_CJK_ROLE = re.compile("|".join(re.escape(fold(role)) for role in _CJK_ROLES))
_BRACKETS = re.compile(r"[(（]([^)）]*)[)）]")
# Chinese, Japanese and Korean letters: names in them have no spaces between surname and given name.
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u1100-\u11ff\uac00-\ud7af]")


def name_forms(name: str) -> list[str]:
    """The forms a name stands for: as written, less a bracketed reading or gloss, and the gloss."""
    folded = fold(name)
    inside = [part for part in _BRACKETS.findall(folded) if part.strip()]
    outside = _BRACKETS.sub(" ", folded)
    return [form for form in dict.fromkeys([outside, *inside]) if form.strip()]


def name_words(name: str) -> list[str]:
    """A name's words in order, titles and roles set aside (`name` already one form)."""
    cleaned = _CJK_ROLE.sub(" ", _TITLE.sub(" ", fold(name)))
    return [
        word
        for word in re.split(r"[^\w]+", cleaned)
        if word and not word.isdigit() and (len(word) > 1 or _NO_SPACES.match(word))
    ]


def _covers(have: str, want: str) -> bool:
    """Whether the word `have` is the word `want`, or, in a script without spaces, starts or ends it."""
    if have == want:
        return True
    return bool(_NO_SPACES.match(have)) and (want.startswith(have) or want.endswith(have))


def same_name(annotated: str, drafted: Iterable[str]) -> bool:
    """Whether any of the drafted names (an actor's name and its mentions) is the annotated person."""
    candidates = [form for name in drafted for form in name_forms(name)]
    for want_form in name_forms(annotated):
        want_list = name_words(want_form)
        for form in candidates:
            have_list = name_words(form)
            if not want_list and _same_office(want_form, form, have_list):
                return True
            if not want_list or not have_list:
                if fold(form).strip() and fold(form).strip() == fold(want_form).strip():
                    return True
                continue
            if _same_words(want_list, have_list):
                return True
    return False


# words that make an office another ("Deputy Secretary-General", "former Spokesperson")
_OTHER_OFFICE = frozenset(
    {"deputy", "vice", "assistant", "under", "former", "acting", "adjoint", "stellvertretender"}
)


def _same_office(want_form: str, form: str, have_list: list[str]) -> bool:
    """An annotation that names an office and no one ("Secretary-General", "Spokesperson") is the
    draft that names the same office with its body or state and no one either ("UN
    Secretary-General", "Spokesperson of the Pakistan Ministry of Foreign Affairs"): every word of
    the office in the draft, and no word left in it but a state's or a body's letters."""
    want = set(re.split(r"[^\w]+", fold(want_form))) - {""}
    have = set(re.split(r"[^\w]+", fold(form))) - {""}
    if not want or not want <= have or (have - want) & _OTHER_OFFICE:
        return False
    return all(len(word) <= 3 or state_in(word) for word in have_list)


def _same_words(want_list: list[str], have_list: list[str]) -> bool:
    want, have = set(want_list), set(have_list)
    if have == want or (len(want) >= 2 and want <= have):
        return True
    ends = {want_list[0], want_list[-1]}
    # The same name with or without a dot or a space between its words ("約翰‧基", "約翰基").
    joined, last = "".join(have_list), len(want_list) - 1
    if any(
        "".join(want_list[i : j + 1]) == joined and (i == 0 or j == last)
        for i in range(len(want_list))
        for j in range(i, len(want_list))
    ):
        return True
    if have <= want and have & ends:
        return True
    # A surname or given name inside a name written without spaces ("岩屋" in "岩屋毅").
    return all(any(_covers(word, other) for other in want_list) for word in have_list) and any(
        _covers(word, end) for word in have_list for end in ends
    )
