"""The "Add a source" view in Streamlit's AppTest: only an editing server shows it; drafting,
reviewing and saving puts the records into the briefing, and the page then shows them."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.extract.briefings import load_briefing
from dashboard.extract.linking import ActorDraft
from dashboard.extract.review import Review
from dashboard.problems import errors
from tests.extract.support import PROJECT, SEED_BRIEFING, hand_drafts

APP = str(PROJECT / "dashboard" / "app.py")
ARTICLE = (
    "OSLO, Nov. 8 (Example Wire) Maria Keller, Norway's foreign minister, said on Friday that "
    "the great power “must use its influence to restrain North Korea.” Secretary of State Antony "
    "Blinken told reporters the demand was growing. “The world is watching Beijing,” Blinken said."
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SEED_BRIEFING, tmp_path / "nk-troops-russia")
    return tmp_path


def start(monkeypatch: pytest.MonkeyPatch, data: Path, *, editing: bool) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DATA", str(data))
    if editing:
        monkeypatch.setenv("DASHBOARD_EDIT", "1")
    else:
        monkeypatch.delenv("DASHBOARD_EDIT", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def shown(markdown: str) -> str:
    """A message as the analyst reads it: the escapes that keep Markdown inert read away."""
    return markdown.replace("\\", "").replace("\u2060", "")


def metric(at: AppTest, label: str) -> int:
    """A count from the header's one line ("... · 32 positions · 36 quotes (...) · ...")."""
    header = next(str(h.proto.body) for h in at.get("html") if 'class="counts"' in str(h.proto.body))
    found = re.search(rf"([\d,]+) {label.lower()}", header)
    assert found, header
    return int(found.group(1).replace(",", ""))


def test_a_server_not_started_for_editing_has_no_way_to_edit(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = start(monkeypatch, data, editing=False)
    assert [t for t in at.toggle if t.key == "as_open"] == []
    at.query_params["edit"] = "1"  # no link can switch it on either
    at.query_params["view"] = "add"
    at.run()
    assert not at.exception and [t for t in at.toggle if t.key == "as_open"] == []


def test_draft_review_save_and_see_it_in_the_briefing(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    at = start(monkeypatch, data, editing=True)
    quotes_before, positions_before = metric(at, "Quotes"), metric(at, "Positions")
    at.toggle(key="as_open").set_value(True).run()
    assert at.title[0].value == "Add a source"
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    assert not at.exception, at.exception
    drafted = {
        r.key.removeprefix("as_d_status_") for r in at.radio if r.key and r.key.startswith("as_d_status_")
    }
    assert len(drafted) >= 2
    speakers = {at.selectbox(key=f"as_d_speaker_{d}").value for d in drafted}
    assert "blinken" in speakers and "maria-keller" in speakers  # matched, and proposed new
    at.text_input(key="as_s_title").set_value("Norway joins the call on China").run()
    at.text_input(key="as_s_publisher").set_value("Example Wire").run()
    at.text_input(key="as_s_published").set_value("2024-11-08").run()
    at.button(key="as_accept_confident").click().run()
    keller = next(d for d in drafted if at.selectbox(key=f"as_d_speaker_{d}").value == "maria-keller")
    assert at.radio(key=f"as_d_status_{keller}").value == "accepted"
    at.multiselect(key=f"as_d_issues_{keller}").set_value(["china-restrain-nk"]).run()
    at.checkbox(key=f"as_d_propose_{keller}").check().run()
    assert at.selectbox(key=f"as_d_pstance_{keller}").value == "support"  # "must use its influence"
    at.checkbox(key=f"as_d_pok_{keller}").check().run()
    accepted = [d for d in drafted if at.radio(key=f"as_d_status_{d}").value == "accepted"]
    at.button(key="as_save").click().run()
    assert not at.exception, at.exception
    assert any("Saved:" in s.value for s in at.success), [e.value for e in at.error]

    briefing, problems = load_briefing(data / "nk-troops-russia")
    assert errors(problems) == []
    texts = set(briefing.quotes["text"])
    assert "must use its influence to restrain North Korea." in texts
    assert "The world is watching Beijing" in texts
    keller_position = briefing.positions[briefing.positions["actor"] == "maria-keller"]
    assert list(keller_position["stance"]) == ["support"]

    at.toggle(key="as_open").set_value(False).run()  # back to the briefing: the new records show
    assert not at.exception
    assert metric(at, "Quotes") == quotes_before + len(accepted)
    assert metric(at, "Positions") == positions_before + 1


def test_saving_with_the_source_unnamed_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    at.text_area(key="as_paste").set_value(ARTICLE).run()
    at.button(key="as_draft").click().run()
    at.button(key="as_accept_confident").click().run()
    at.text_input(key="as_s_publisher").set_value("").run()
    at.button(key="as_save").click().run()
    assert any("source: give the publisher" in shown(e.value) for e in at.error)
    saved = (data / "nk-troops-russia" / "quotes.yaml").read_bytes()
    assert saved == (SEED_BRIEFING / "quotes.yaml").read_bytes()


def test_bad_pasted_text_gets_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    polish = "Rząd oświadczył dziś, że niczego nie zmieni."
    at.text_area(key="as_paste").set_value(polish).run()
    at.button(key="as_draft").click().run()
    assert not at.exception
    assert any("this reads as Polish, and drafting reads English, German" in shown(e.value) for e in at.error)


def test_ten_megabytes_of_pasted_text_are_refused_at_once(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    """The box takes one character past the bound (a longer paste is cut there and said to be too
    long); Streamlit refuses a widget value over 25 MB itself. What reaches the page is refused
    before any worker sees it."""
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    assert at.text_area(key="as_paste").max_chars == 200_001
    at.text_area(key="as_paste").set_value("The minister said so. " * 460_000).run()
    started = time.monotonic()
    at.button(key="as_draft").click().run()
    assert time.monotonic() - started < 20  # the text never reaches a worker (before: same bound)
    assert not at.exception
    said = [e.value.replace("\\", "").replace("\u2060", "") for e in at.error]  # as shown
    assert any("characters is more than the 200,000" in e for e in said), said


def drafted(monkeypatch: pytest.MonkeyPatch, data: Path, article: str = ARTICLE) -> AppTest:
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    at.text_area(key="as_paste").set_value(article).run()
    at.button(key="as_draft").click().run()
    assert not at.exception, at.exception
    return at


def review(at: AppTest) -> Review:
    entry = at.session_state["as_review"]
    assert isinstance(entry[1], Review)
    return entry[1]


def said(at: AppTest) -> list[str]:
    """Every notice on the page, as the analyst reads it."""
    return [
        shown(e.value)
        for kind in ("error", "warning", "info", "success", "caption")
        for e in getattr(at, kind)
    ]


def test_a_date_that_is_not_a_day_is_said_and_nothing_crashes(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = drafted(monkeypatch, data)
    at.text_input(key="as_s_title").set_value("Norway joins the call on China").run()
    at.text_input(key="as_s_publisher").set_value("Example Wire").run()
    at.text_input(key="as_s_published").set_value("2024-02-30").run()
    at.button(key="as_accept_confident").click().run()
    at.button(key="as_save").click().run()
    assert not at.exception
    # before: date.fromisoformat raised ValueError in review.py, said as "an unexpected error"
    assert not [e.value for e in at.error if "unexpected error" in e.value]
    message = "source published: 2024-02-30 is not a day (February 2024 has 29 days); write YYYY-MM-DD"
    assert any(message in shown(e.value) and "Not saved" in e.value for e in at.error)
    assert sum(message in e for e in said(at)) >= 2  # beside the field too, before Save is pressed
    quotes = (data / "nk-troops-russia" / "quotes.yaml").read_bytes()
    assert quotes == (SEED_BRIEFING / "quotes.yaml").read_bytes()


def test_a_speaker_the_extractor_missed_is_made_in_the_speaker_box(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = drafted(monkeypatch, data, ARTICLE + " A diplomat added: “We will not wait forever.”")
    draft = next(q.id for q in review(at).quotes if "wait forever" in q.text)
    speaker = at.selectbox(key=f"as_d_speaker_{draft}")
    assert speaker.value is None or speaker.value == ""  # "a diplomat": nobody the briefing has
    assert "New actor…" in speaker.options
    speaker.set_value("__new__").run()
    at.text_input(key=f"as_n_{draft}_name").set_value("Ingrid Dahl").run()
    at.text_input(key=f"as_n_{draft}_role").set_value("State Secretary").run()
    at.button(key=f"as_n_{draft}_create").click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key=f"as_d_speaker_{draft}").value == "ingrid-dahl"
    assert at.text_input(key="as_a_name_ingrid-dahl").value == "Ingrid Dahl"  # among the new actors


def test_a_language_not_drafted_is_entered_by_hand(monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
    polish = (
        "WARSZAWA, 1 listopada — Minister spraw zagranicznych Anna Nowak powiedziała w piątek, że "
        "Chiny muszą „wykorzystać swoje wpływy, aby powstrzymać Koreę Północną”. Rząd będzie "
        "„kontynuował rozmowy”."
    )
    at = drafted(monkeypatch, data, polish)
    assert any("this reads as Polish" in e for e in said(at))
    assert any(
        e.startswith("Nothing drafted: the extractor does not draft from this language") for e in said(at)
    )
    at.button(key="as_manual").click().run()
    assert not at.exception, at.exception
    assert review(at).quotes == []
    assert any(
        e.startswith(
            "Nothing drafted: the extractor does not draft from this language. Enter the quotes by hand"
        )
        for e in said(at)
    )
    adding = next(e for e in at.expander if e.label == "Add a statement the extractor missed")
    assert adding.proto.expanded  # open: the way on is in sight
    words = "wykorzystać swoje wpływy, aby powstrzymać Koreę Północną"
    at.text_input(key="as_add_words").set_value(words).run()
    at.button(key="as_add_find").click().run()
    assert at.selectbox(key="as_add_kind").value == "direct"  # between quotation marks
    at.selectbox(key="as_add_speaker").set_value("__new__").run()
    at.text_input(key="as_n_add_name").set_value("Anna Nowak").run()
    at.text_input(key="as_n_add_role").set_value("Minister spraw zagranicznych").run()
    at.button(key="as_n_add_create").click().run()
    at.multiselect(key="as_add_issues").set_value(["china-restrain-nk"]).run()
    at.button(key="as_add_go").click().run()
    assert not at.exception, at.exception
    [added] = review(at).quotes
    assert added.text == "wykorzystać swoje wpływy, aby powstrzymać Koreę Północną"
    for key, value in (
        ("as_s_title", "Nowak: Chiny muszą działać"),
        ("as_s_publisher", "Przykład"),
        ("as_s_published", "2024-11-01"),
        ("as_s_language", "pl"),
    ):
        at.text_input(key=key).set_value(value).run()
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), said(at)
    briefing, problems = load_briefing(data / "nk-troops-russia")
    assert errors(problems) == []
    saved = briefing.quotes.set_index("text").loc["wykorzystać swoje wpływy, aby powstrzymać Koreę Północną"]
    assert (saved["speaker"], saved["language"]) == ("anna-nowak", "pl")


def test_words_the_briefing_has_are_offered_as_another_source(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    elsewhere = (
        "BEIJING (AFP) — As carried by the Example Daily: Chinese foreign ministry spokesman Lin "
        "Jian said on Friday: “North Korea and Russia are two independent sovereign states. How "
        "they develop bilateral relations is their own matter.”"
    )
    at = drafted(monkeypatch, data, elsewhere)
    draft = next(q.id for q in review(at).quotes if "their own matter" in q.text)
    assert any("The same words as quote q-lin-own-matter (Lin Jian): AFP" in w for w in said(at))
    assert at.radio(key=f"as_d_route_{draft}").value == "also_in"
    at.radio(key=f"as_d_status_{draft}").set_value("accepted").run()
    for key, value in (
        ("as_s_title", "Beijing: ties their own matter"),
        ("as_s_publisher", "Example Daily"),
        ("as_s_published", "2024-11-01"),
    ):
        at.text_input(key=key).set_value(value).run()
    assert any(
        f"{draft}: the same words are already in the briefing: saved as another source for "
        "q-lin-own-matter (Lin Jian): AFP" in i
        for i in said(at)
    )
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), said(at)
    briefing, _ = load_briefing(data / "nk-troops-russia")
    lin = briefing.quotes.set_index("id").loc["q-lin-own-matter"]
    assert len(list(lin["also_in"])) == 1
    assert (briefing.quotes["speaker"] == "lin-jian").sum() == 4  # no second quote of the words


def test_a_speaker_renamed_by_a_colleague_stays_named_until_chosen_again(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = drafted(monkeypatch, data)
    blinken = next(
        q.id for q in review(at).drafts.quotes if at.selectbox(key=f"as_d_speaker_{q.id}").value == "blinken"
    )
    at.radio(key=f"as_d_status_{blinken}").set_value("accepted").run()
    folder = data / "nk-troops-russia"
    for table in ("actors", "quotes", "positions"):  # a colleague renames the actor and its records
        path = folder / f"{table}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("blinken", "antony-blinken"), encoding="utf-8"
        )
    at.run()
    assert not at.exception, at.exception
    box = at.selectbox(key=f"as_d_speaker_{blinken}")
    assert box.value == "blinken"  # before: silently cleared to "no speaker"
    gone = (
        "the speaker 'Antony Blinken' (blinken) is no longer in the briefing — a colleague may have "
        "renamed or removed it: choose the speaker again"
    )
    assert any(f"T{gone[1:]}" in e for e in said(at))
    assert any(f"{blinken}: {gone}" in c for c in said(at) if c.startswith("To save"))  # named before Save
    for quote in review(at).drafts.quotes:  # both of Blinken's drafts: each is chosen again
        if at.selectbox(key=f"as_d_speaker_{quote.id}").value == "blinken":
            at.selectbox(key=f"as_d_speaker_{quote.id}").set_value("antony-blinken").run()
    assert not [e for e in said(at) if "no longer in the briefing" in e]


def test_the_same_article_pasted_again_adds_nothing_twice(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = drafted(monkeypatch, data)
    for key, value in (
        ("as_s_title", "Norway joins the call on China"),
        ("as_s_publisher", "Example Wire"),
        ("as_s_published", "2024-11-08"),
    ):
        at.text_input(key=key).set_value(value).run()
    at.button(key="as_accept_confident").click().run()
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), said(at)
    folder = data / "nk-troops-russia"
    saved = {name: (folder / name).read_bytes() for name in ("sources.yaml", "quotes.yaml", "actors.yaml")}
    at.text_area(key="as_paste").set_value(ARTICLE.replace(" ", "  ")).run()  # pasted again, spaced out
    at.button(key="as_draft").click().run()
    assert not at.exception, at.exception
    source = review(at).drafts.source
    assert source.matched and any(
        f"Into the source already in the briefing: {source.id}" in i for i in said(at)
    )
    at.button(key="as_accept_confident").click().run()
    assert any("Already in the briefing from this source, not saved again" in i for i in said(at))
    at.button(key="as_save").click().run()
    assert {name: (folder / name).read_bytes() for name in saved} == saved  # no second copy


def test_a_proposed_actor_is_merged_into_another_from_the_summary(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = drafted(monkeypatch, data)
    keller = next(
        q.id
        for q in review(at).drafts.quotes
        if at.selectbox(key=f"as_d_speaker_{q.id}").value == "maria-keller"
    )
    at.radio(key=f"as_d_status_{keller}").set_value("accepted").run()
    assert at.text_input(key="as_a_name_maria-keller").value == "Maria Keller"  # a new actor to create
    at.selectbox(key="as_a_into_maria-keller").set_value("blinken").run()
    at.button(key="as_a_merge_maria-keller").click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key=f"as_d_speaker_{keller}").value == "blinken"
    assert "maria-keller" not in review(at).actors
    assert any("Merged maria-keller into Antony Blinken (blinken)" in i for i in said(at))
    assert any("Antony Blinken (blinken) will also be called: Maria Keller" in c for c in said(at))


def test_a_date_from_the_files_metadata_is_marked_and_must_be_confirmed(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    """As a .docx upload reads: its creation date (2013) is offered as the publication date, marked."""
    at = start(monkeypatch, data, editing=True)
    at.toggle(key="as_open").set_value(True).run()
    briefing, _ = load_briefing(data / "nk-troops-russia")
    drafts = hand_drafts(
        ARTICLE,
        [{"words": "The world is watching Beijing", "speaker": "blinken"}],
        [
            ActorDraft(
                "blinken",
                "Antony Blinken",
                "official",
                "Secretary of State",
                matched=True,
                match="exact",
                score=100.0,
            )
        ],
        title="Norway joins the call",
        publisher="Example Wire",
        published="2013-12-23",
        published_from="metadata",
    )
    at.session_state["as_review"] = ("nk-troops-russia", Review.start(drafts, briefing))
    at.run()
    assert not at.exception, at.exception
    assert any(w.startswith("Published: from the file's metadata") for w in said(at))
    at.radio(key="as_d_status_d001").set_value("accepted").run()
    at.button(key="as_save").click().run()
    refused = "source published: 2013-12-23 is from the file's metadata"
    assert any(refused in shown(e.value) and "Not saved" in e.value for e in at.error)
    at.checkbox(key="as_s_confirm").check().run()
    assert not any(refused in e for e in said(at))
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), said(at)


def test_a_new_actor_speaks_for_a_state_the_briefing_does_not_have_yet(
    monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    at = drafted(monkeypatch, data)
    keller = next(
        q.id
        for q in review(at).drafts.quotes
        if at.selectbox(key=f"as_d_speaker_{q.id}").value == "maria-keller"
    )
    at.radio(key=f"as_d_status_{keller}").set_value("accepted").run()
    at.selectbox(key="as_a_represents_maria-keller").set_value("__new_body__").run()
    at.text_input(key="as_a_body_name_maria-keller").set_value("Norway").run()
    at.button(key="as_a_body_create_maria-keller").click().run()
    assert not at.exception, at.exception
    assert at.selectbox(key="as_a_represents_maria-keller").value == "norway"
    for key, value in (
        ("as_s_title", "Norway joins the call on China"),
        ("as_s_publisher", "Example Wire"),
        ("as_s_published", "2024-11-08"),
    ):
        at.text_input(key=key).set_value(value).run()
    at.button(key="as_save").click().run()
    assert any("Saved:" in s.value for s in at.success), said(at)
    briefing, problems = load_briefing(data / "nk-troops-russia")
    assert errors(problems) == []
    assert briefing.actor_records["maria-keller"]["represents"] == "norway"
    assert briefing.actor_records["norway"]["kind"] == "state"
