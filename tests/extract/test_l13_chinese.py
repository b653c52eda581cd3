"""Chinese, thirteenth round (issue 22), from the eleventh Chinese set opened as development
material: a cue joined by a comma to the words it introduces ("賴清德總統…表示，「…」，陳斌華…回應稱，
「…」") gives them to its own subject, not to the one named after them, and they are direct; a
spokesperson's label before a long answer ("外交部发言人林剑:中方…") is a turn by itself, spoken by the
name without its title, and a column's credit in brackets after its last sentence ("(日月谭天)") is
no one's words. Short texts written for the purpose."""

from __future__ import annotations

from dashboard.extract.marked import extract_marked


def _drafts(text: str) -> dict[str, tuple[str, str, str] | None]:
    found, _ = extract_marked(text, "zh", None)
    return {d.text: ((d.speaker.name, d.speaker.role, d.kind) if d.speaker else None) for d in found}


def test_a_cue_and_comma_introduce_the_words_after_them() -> None:
    text = (
        "賴清德總統日前在晚會上表示，「今天的中華民國已經跟台灣融合為一體」，大陸國台辦發言人陳斌華15日"
        "回應稱，「台灣從來不是一個國家，也絕不可能成為一個國家」，認為賴的作為只會加劇緊張。\n"
    )
    found = _drafts(text)
    assert found.get("今天的中華民國已經跟台灣融合為一體") == ("賴清德", "總統", "direct"), found
    assert found.get("台灣從來不是一個國家，也絕不可能成為一個國家") == (
        "陳斌華",
        "大陸國台辦發言人",
        "direct",
    ), found


def test_a_term_woven_into_the_sentence_stays_partial() -> None:
    text = "陳斌華15日在記者會上批評賴清德妄圖「以武謀獨」，擴軍備戰。\n"
    found = _drafts(text)
    assert found.get("以武謀獨") == ("陳斌華", "", "partial"), found


def test_a_spokespersons_label_before_a_long_answer_is_a_turn() -> None:
    text = (
        "外交部回应美方关税\n"
        "\n"
        "外交部发言人林剑:中方已多次阐述在关税问题上的严正立场。关税战、贸易战没有赢家,中方不愿打,"
        "但也不怕打。任何对话都必须建立在平等、尊重、互惠的基础上。面对霸凌,妥协退让没有出路。(日月谭天)\n"
    )
    found, _ = extract_marked(text, "zh", None)
    [turn] = [d for d in found if d.how == "turn"]
    assert turn.speaker is not None and (turn.speaker.name, turn.speaker.role) == ("林剑", "外交部发言人")
    assert turn.text.startswith("中方已多次阐述") and turn.text.endswith("妥协退让没有出路。"), turn.text


def test_a_short_labelled_line_is_no_turn() -> None:
    text = "外交部回应\n\n外交部发言人林剑:无可奉告。\n"
    found, _ = extract_marked(text, "zh", None)
    assert not any(d.how == "turn" for d in found)


def test_a_bodys_words_are_its_spokesperson_who_hosted_its_press_conference() -> None:
    from pathlib import Path

    from dashboard.extract.briefings import load_briefing

    briefing = load_briefing(Path(__file__).resolve().parents[2] / "benchmarks/devsets/zh/briefing")[0]
    assert briefing is not None
    text = (
        "國台辦:台灣問題關乎中國核心利益\n\n"
        "國台辦表示,台灣問題關乎中國核心利益,強調這是中國內部事務,不容別國干涉。"
        "國台辦例行記者會由新任發言人張晗主持。\n"
    )
    found, _ = extract_marked(text, "zh", briefing.actors)
    said = next(d for d in found if d.text.startswith("台灣問題關乎中國核心利益"))
    assert said.speaker is not None and said.speaker.name == "張晗", said.speaker
    # with no host named, the words stay the body's
    alone, _ = extract_marked(
        text.replace("國台辦例行記者會由新任發言人張晗主持。", ""), "zh", briefing.actors
    )
    kept = next(d for d in alone if d.text.startswith("台灣問題關乎中國核心利益"))
    assert kept.speaker is not None and kept.speaker.name != "張晗"


def test_further_clauses_of_saying_in_one_sentence_are_statements_of_their_own() -> None:
    text = (
        "關稅戰\n\n"
        "美國總統特朗普指責中方故意停止進口美國大豆，並稱將停止從中國進口食用油作為報復；美國貿易代表格里爾"
        "則表示，對中國商品加徵100%關稅的措施將取決於中國的下一步行動。\n"
    )
    found = _drafts(text)
    assert found.get("中方故意停止進口美國大豆") == ("特朗普", "美國總統", "paraphrase"), found
    continued = found.get("將停止從中國進口食用油作為報復")
    assert continued is not None and continued[0] == "特朗普", found
    said = found.get("對中國商品加徵100%關稅的措施將取決於中國的下一步行動")
    assert said is not None and said[0] == "格里爾", found


def test_what_was_said_with_a_comma_inside_stays_one_statement() -> None:
    text = "外交部回應\n\n林劍表示，中方的立場是一貫的，貿易戰沒有贏家，中方對此表示嚴重關切。\n"
    found = _drafts(text)
    whole = found.get("中方的立場是一貫的，貿易戰沒有贏家，中方對此表示嚴重關切")
    assert whole is not None and whole[0] == "林劍", found
