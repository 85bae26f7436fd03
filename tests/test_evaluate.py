"""The label metric: NDCG@10 with each labelled story credited once, repeats, precision@10."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path

import pytest

from theme_research.analyze import Analyzed, Segmenter, analyze
from theme_research.evaluate import (
    DayScore,
    Judged,
    Label,
    LabelIndex,
    analyze_calendar_day,
    dcg,
    group_labels,
    labelled_feeds,
    load_labels,
    score_list,
    summarize,
)
from theme_research.group import Event
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.rank import RankedEvent
from theme_research.store import NewsStore
from theme_research.themes import builtin_pack_paths, load_pack

THEME, DAY = "人工智能", "2026-03-02"
ORDER_TEXT = (
    "财联社3月2日电，示例公司公告，与某云厂商签订算力服务合同，合同金额12.6亿元，期限三年。"
)


def label(event: str, grade: int, *keys: str, text: str = "") -> Label:
    return Label(THEME, DAY, tuple(keys) or (f"cls:{event}",), grade, event, text)


def gain(grade: int) -> float:
    return 2.0**grade - 1


def log_discount(position: int) -> float:
    """The DCG discount of a 1-based position."""
    return 1 / math.log2(position + 1)


LABELS = [label("a", 3), label("b", 2), label("c", 1), label("z", 0)]


def test_perfect_order_scores_one():
    judged = [Judged(3, "a"), Judged(2, "b"), Judged(1, "c")]
    result = score_list(judged, LABELS)
    assert result.ndcg == pytest.approx(1.0)
    assert result.repeats == 0 and result.unlabelled == 0


def test_a_worse_order_scores_less():
    best = score_list([Judged(3, "a"), Judged(2, "b"), Judged(1, "c")], LABELS).ndcg
    reversed_ = score_list([Judged(1, "c"), Judged(2, "b"), Judged(3, "a")], LABELS).ndcg
    missing_top = score_list([Judged(2, "b"), Judged(1, "c")], LABELS).ndcg
    assert 0 < reversed_ < best
    assert 0 < missing_top < best


def test_a_story_shown_twice_earns_its_gain_once_and_counts_a_repeat():
    judged = [Judged(3, "a"), Judged(3, "a"), Judged(2, "b")]
    result = score_list(judged, LABELS)
    assert result.repeats == 1
    shown = gain(3) * log_discount(1) + gain(2) * log_discount(3)
    ideal = gain(3) * log_discount(1) + gain(2) * log_discount(2) + gain(1) * log_discount(3)
    assert result.ndcg == pytest.approx(shown / ideal)
    once = score_list([Judged(3, "a"), Judged(2, "b")], LABELS)
    assert result.ndcg < once.ndcg


def test_unlabelled_items_earn_nothing_and_are_counted():
    result = score_list([Judged(None, None), Judged(3, "a"), Judged(None, None)], LABELS)
    assert result.unlabelled == 2
    assert result.shown == 3
    assert result.repeats == 0
    ideal = gain(3) * log_discount(1) + gain(2) * log_discount(2) + gain(1) * log_discount(3)
    assert result.ndcg == pytest.approx(gain(3) * log_discount(2) / ideal)


def test_precision_counts_grades_of_one_or_more():
    judged = [Judged(3, "a"), Judged(0, "z"), Judged(None, None), Judged(1, "c")]
    assert score_list(judged, LABELS).precision == pytest.approx(2 / 4)


def test_only_the_top_k_count():
    judged = [Judged(None, None)] * 10 + [Judged(3, "a")]
    result = score_list(judged, LABELS)
    assert result.shown == 10
    assert result.ndcg == 0.0 and result.precision == 0.0
    assert score_list(judged, LABELS, k=11).ndcg > 0


def test_the_ideal_uses_each_labelled_storys_best_grade():
    labels = [label("a", 1, "cls:1"), label("a", 3, "cls:2"), label("b", 2)]
    result = score_list([Judged(3, "a"), Judged(2, "b")], labels)
    assert result.ndcg == pytest.approx(1.0)


def test_all_grades_zero_or_nothing_shown():
    assert score_list([Judged(0, "z")], [label("z", 0)]).ndcg == 0.0
    empty = score_list([], LABELS)
    assert empty.ndcg == 0.0 and empty.precision == 0.0 and empty.shown == 0
    assert (empty.theme, empty.day) == (THEME, DAY)


def test_dcg_discounts_by_position():
    assert dcg([]) == 0
    assert dcg([1.0, 1.0]) == pytest.approx(1 + log_discount(2))
    assert dcg([3.0, 0.0]) > dcg([0.0, 3.0])


# LabelIndex


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def analyzed(segmenter: Segmenter, source_id: str, title: str, content: str) -> Analyzed:
    item = NewsItem("cls", source_id, datetime(2026, 3, 2, 10, tzinfo=MARKET_TZ), title, content)
    return analyze([item], segmenter)[0]


def ranked_event(*items: Analyzed) -> RankedEvent:
    return RankedEvent(Event(items), 1.0, {}, items[0], 1.0)


def test_label_index_finds_a_label_by_key():
    order = label("order", 2, "cls:100", "ths:200", text=ORDER_TEXT)
    index = LabelIndex([order, label("other", 1, "cls:300", text="央行下调存款准备金率。")])
    assert index.find("ths:200", "完全无关的文字") == order
    assert index.find("cls:999", "完全无关的文字") is None


def test_label_index_finds_a_near_duplicate_by_text(segmenter):
    order = label("order", 2, "cls:100", text=ORDER_TEXT)
    index = LabelIndex([order])
    copy = analyzed(
        segmenter,
        "555",
        "示例公司签订12.6亿元算力服务合同",
        "示例公司公告，与某云厂商签订算力服务合同，合同金额12.6亿元，期限三年。",
    )
    other = analyzed(segmenter, "556", "央行下调存款准备金率", "央行下调存款准备金率0.5个百分点。")
    assert index.find(copy.key, copy.lead) == order
    assert index.find(other.key, other.lead) is None


def test_judge_takes_the_best_graded_label_among_an_events_items(segmenter):
    minor = label("minor", 1, "cls:1")
    major = label("major", 3, "cls:2")
    index = LabelIndex([minor, major])
    event = ranked_event(
        analyzed(segmenter, "1", "甲", "甲的正文。"),
        analyzed(segmenter, "2", "乙", "乙的正文。"),
        analyzed(segmenter, "3", "丙", "丙的正文。"),
    )
    assert index.judge(event) == Judged(3, "major")


def test_judge_of_an_unlabelled_event(segmenter):
    index = LabelIndex([label("minor", 1, "cls:1")])
    event = ranked_event(analyzed(segmenter, "9", "央行下调存款准备金率", "央行降准。"))
    assert index.judge(event) == Judged(None, None)


# label files


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields: object) -> str:
    base = {"theme": THEME, "day": DAY, "keys": ["cls:1"], "grade": 2, "event": "e1", "text": "t"}
    return json.dumps({**base, **fields}, ensure_ascii=False)


def test_load_labels_reads_lines_and_skips_blanks(tmp_path):
    path = write_lines(tmp_path / "grades.jsonl", record(), "", record(keys=["ths:2"], grade=0))
    labels = load_labels(path)
    assert [(lb.keys, lb.grade) for lb in labels] == [(("cls:1",), 2), (("ths:2",), 0)]


def test_load_labels_names_an_event_after_its_line_when_none_is_given(tmp_path):
    path = write_lines(tmp_path / "grades.jsonl", record(), record(event=None))
    assert load_labels(path)[1].event == f"{THEME}|{DAY}|line2"


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        json.dumps({"theme": THEME, "day": DAY, "grade": 1}),
        record(grade="high"),
    ],
)
def test_load_labels_reports_file_and_line_of_a_bad_line(tmp_path, bad):
    path = write_lines(tmp_path / "grades.jsonl", record(), "", bad)
    with pytest.raises(ValueError, match=r"grades\.jsonl:3: bad label line"):
        load_labels(path)


def test_group_labels_and_summarize():
    labels = [label("a", 3), Label(THEME, "2026-03-03", ("cls:9",), 1, "x", "")]
    grouped = group_labels(labels)
    assert set(grouped) == {(THEME, DAY), (THEME, "2026-03-03")}
    scores = [
        DayScore(THEME, DAY, ndcg=1.0, precision=0.5, repeats=1, unlabelled=2, shown=10),
        DayScore(THEME, "2026-03-03", ndcg=0.5, precision=1.0, repeats=0, unlabelled=1, shown=10),
    ]
    summary = summarize(scores)[THEME]
    assert summary["ndcg"] == pytest.approx(0.75)
    assert summary["precision"] == pytest.approx(0.75)
    assert (summary["repeats"], summary["unlabelled"], summary["days"]) == (1, 3, 2)


def test_labelled_feeds_are_the_feeds_of_the_label_keys():
    labels = [label("a", 2, "cls:1", "ths:9"), label("b", 1, "eastmoney:3", "cls:2")]
    assert labelled_feeds(labels) == ["cls", "eastmoney", "ths"]


def flash(source_id: str, when: datetime, title: str) -> NewsItem:
    return NewsItem(
        "cls", source_id, when.replace(tzinfo=MARKET_TZ), title, f"【{title}】{title}。"
    )


def test_a_calendar_day_measures_novelty_against_the_previous_report_only(tmp_path):
    """The previous evening's news came after the 15:30 report: it is new the next day."""
    told = "寒武纪：与某云厂商签订12.6亿元AI芯片采购合同"
    evening = "国务院：深入实施人工智能+行动 促进智能产品规模化应用"
    with NewsStore(tmp_path / "news.db") as store:
        store.upsert(
            [
                flash("1", datetime(2026, 6, 29, 11, 0), told),  # in the 06-29 report
                flash("2", datetime(2026, 6, 29, 20, 0), evening),  # after it
                flash("3", datetime(2026, 6, 30, 9, 0), told),
                flash("4", datetime(2026, 6, 30, 9, 5), evening),
                flash("5", datetime(2026, 6, 30, 23, 0), "他人：不相关的消息"),
            ]
        )
        packs = [load_pack(path) for path in builtin_pack_paths()]
        day = analyze_calendar_day(store, date(2026, 6, 30), packs, ["cls"])
    assert {a.key for a in day.items} == {"cls:3", "cls:4", "cls:5"}
    assert set(day.previous.matches(day.items)) == {"cls:3"}
