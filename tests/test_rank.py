"""Impact ranking: each feature on its own, then the ranking of events.

Every item here is invented for the test.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

import pytest

from theme_research.analyze import Analyzed, analyze, segmenter_for
from theme_research.group import Event, PriorIndex, PriorMatch
from theme_research.models import MARKET_TZ, NewsItem, content_key
from theme_research.pipeline import vocabulary
from theme_research.rank import (
    DEFAULT_WEIGHTS,
    breadth,
    cls_level,
    event_type,
    magnitude,
    rank,
    recency,
    staleness,
)
from theme_research.select import Relevance, select
from theme_research.themes import ThemePack, builtin_pack_paths, get_pack, load_pack
from theme_research.window import Window

START = datetime(2026, 3, 2, 15, 30, tzinfo=MARKET_TZ)
WINDOW = Window(START, START + timedelta(days=1))


@cache
def packs() -> dict[str, ThemePack]:
    return {p.slug: p for p in map(load_pack, builtin_pack_paths())}


def ai() -> ThemePack:
    return get_pack("人工智能", packs())


def item(
    title: str,
    content: str = "",
    *,
    source: str = "cls",
    hours: float = 12,
    extras: dict[str, Any] | None = None,
) -> Analyzed:
    news = NewsItem(
        source,
        content_key(title, content, str(hours)),
        START + timedelta(hours=hours),
        title,
        content or title,
        extras=extras or {},
    )
    return analyze([news], segmenter_for(vocabulary(packs().values())))[0]


def event(*items: Analyzed) -> Event:
    return Event(tuple(sorted(items, key=lambda a: (a.item.published_at, a.key))))


def prior(ev: Event, *previous: Analyzed) -> dict[str, PriorMatch]:
    return PriorIndex(previous).matches(ev.items)


def ranked(events: Sequence[Event], **kwargs: Any):
    items = [a for e in events for a in e.items]
    return rank(events, select(items, ai()), ai(), WINDOW, **kwargs)


STORY = "示例公司发布新一代AI芯片 算力提升一倍"
STORY_BODY = "示例公司今日发布新一代AI芯片，单卡算力较上一代提升一倍，面向大模型训练。"


# breadth


def test_breadth_grows_with_the_number_of_feeds():
    one = event(item(STORY, source="cls"))
    two = event(item(STORY, source="cls"), item(STORY, source="eastmoney"))
    three = event(*two.items, item(STORY, source="ths"))
    assert 0 < breadth(one) < breadth(two) < breadth(three) <= 1.0


def test_breadth_counts_the_outlets_a_topic_lists_and_is_capped():
    plain = event(item(STORY, source="readhub"))
    listed = event(
        item(STORY, source="readhub", extras={"outlets": ["财联社", "界面", "证券时报"]})
    )
    many = event(item(STORY, source="readhub", extras={"outlets": [f"媒体{i}" for i in range(30)]}))
    assert breadth(plain) < breadth(listed) < breadth(many) == 1.0


# event type


def test_export_control_outranks_a_stock_move():
    headline = item("美国将示例芯片公司列入实体清单 公司股价跌超10%")
    assert event_type(headline) == ("export-control", 1.0)
    move = item("示例芯片公司股价涨超10%")
    name, value = event_type(move)
    assert name == "stock-move"
    assert value < event_type(headline)[1]


def test_event_type_falls_back_to_the_lead():
    headline = item("示例公司公告", "示例公司与某云厂商签订算力服务合同，金额3亿元。")
    assert event_type(headline)[0] == "orders"


def test_event_type_is_empty_when_nothing_matches():
    assert event_type(item("示例公司召开年度股东会", "股东会审议了议案。")) == ("", 0.0)


def test_an_events_kind_is_the_strongest_any_of_its_reports_states():
    aside = item("示例AI芯片公司：大模型推理芯片尚处研发阶段 影响有限")
    move = item("AI芯片板块大涨 示例AI芯片公司涨停", hours=11)
    [alone] = ranked([event(aside)])
    [together] = ranked([event(aside, move)])
    assert alone.event_type == "clarification"
    assert together.event_type == "index-move"
    assert together.parts["event_type"] > alone.parts["event_type"]


# magnitude


def test_magnitude_grows_with_the_amount():
    small = magnitude([item("示例公司签约", "合同金额1亿元。")])
    medium = magnitude([item("示例公司签约", "合同金额50亿元。")])
    large = magnitude([item("示例公司签约", "合同金额1000亿元。")])
    assert 0 < small < medium < large <= 1.0


def test_magnitude_reads_foreign_currency_and_percents():
    dollars = magnitude([item("示例公司融资", "融资50亿美元。")])
    yuan = magnitude([item("示例公司融资", "融资50亿元。")])
    assert dollars > yuan
    assert magnitude([item("示例指数涨", "指数涨10%。")]) == pytest.approx(0.5)
    assert magnitude([item("示例指数涨", "指数涨40%。")]) == 1.0


def test_magnitude_takes_the_largest_item_and_ignores_absurd_percents():
    items = [item("甲", "金额1亿元。"), item("乙", "金额500亿元。")]
    assert magnitude(items) == magnitude(items[1:])
    assert magnitude([item("股价今年涨幅763%", "年内涨幅2400%。")]) == 1.0
    assert magnitude([item("示例", "某数据为5000%。")]) == 0.0
    assert magnitude([item("示例公司召开股东会")]) == 0.0


# staleness


PREVIOUS = item(
    "示例公司拟在上海建设智算中心",
    "示例公司公告，拟在上海建设智算中心，规划算力规模为一万卡集群。",
    hours=-6,
)


def test_a_repeat_of_a_previous_window_story_is_stale():
    repeat = item(PREVIOUS.title, PREVIOUS.body, source="ths")
    ev = event(repeat)
    assert staleness(ev, prior(ev, PREVIOUS)) == 1.0


def test_a_retelling_with_new_figures_is_an_update_not_stale():
    repeat = event(item(PREVIOUS.title, PREVIOUS.body))
    update = event(
        item(
            "示例公司拟在上海建设智算中心 总投资120亿元",
            "示例公司公告，拟在上海建设智算中心，规划算力规模为一万卡集群，总投资120亿元。",
        )
    )
    assert staleness(update, prior(update, PREVIOUS)) == 0.0
    assert staleness(repeat, prior(repeat, PREVIOUS)) == 1.0


def test_a_new_story_is_not_stale():
    fresh = event(item(STORY, STORY_BODY))
    assert staleness(fresh, prior(fresh, PREVIOUS)) == 0.0
    assert staleness(fresh, {}) == 0.0


def test_rank_penalizes_a_repeat_through_novelty():
    repeat = event(item(PREVIOUS.title, PREVIOUS.body))
    [without] = ranked([repeat])
    [with_prior] = ranked([repeat], prior=prior(repeat, PREVIOUS))
    assert without.parts["novelty"] == 0
    assert with_prior.parts["novelty"] < 0
    assert with_prior.score < without.score


# recency


def test_recency_runs_from_window_start_to_end():
    early = event(item(STORY, hours=1))
    middle = event(item(STORY, hours=12))
    late = event(item(STORY, hours=24))
    assert recency(early, WINDOW) < recency(middle, WINDOW) < recency(late, WINDOW)
    assert recency(middle, WINDOW) == pytest.approx(0.5)
    assert recency(late, WINDOW) == 1.0


def test_recency_uses_the_latest_report_and_is_clamped():
    developing = event(item(STORY, hours=1), item(STORY, source="ths", hours=23))
    assert recency(developing, WINDOW) == pytest.approx(23 / 24)
    assert recency(event(item(STORY, hours=-5)), WINDOW) == 0.0
    assert recency(event(item(STORY, hours=30)), WINDOW) == 1.0


# cls level


def test_cls_level_reads_only_cls_items():
    assert cls_level(event(item(STORY, extras={"level": "A"}))) == 1.0
    assert cls_level(event(item(STORY, extras={"level": "B"}))) == 0.5
    assert cls_level(event(item(STORY, extras={"level": "C"}))) == 0.0
    assert cls_level(event(item(STORY, source="ths", extras={"level": "A"}))) == 0.0


def test_cls_level_weighs_nothing_by_default_and_counts_when_weighted():
    highlighted = event(item(STORY, STORY_BODY, extras={"level": "A"}))
    [default] = ranked([highlighted])
    [weighted] = ranked([highlighted], weights={**DEFAULT_WEIGHTS, "cls_level": 1.0})
    assert DEFAULT_WEIGHTS["cls_level"] == 0
    assert default.parts["cls_level"] == 0
    assert weighted.parts["cls_level"] > 0
    assert weighted.score == pytest.approx(default.score + weighted.parts["cls_level"])


# other parts


def test_a_core_security_counts_more_than_none():
    with_core = event(item("寒武纪发布新一代AI芯片", "寒武纪发布新一代AI芯片，算力提升。"))
    anonymous = event(item(STORY, STORY_BODY))
    [a] = ranked([with_core])
    [b] = ranked([anonymous])
    assert "688256.SH" in a.tickers
    assert a.parts["leaders"] > b.parts["leaders"] == 0


def test_an_unlisted_leader_of_the_pack_counts_like_a_core_security():
    leader = event(item("OpenAI发布新一代大模型", "OpenAI发布新一代大模型，推理能力提升。"))
    in_body = event(item("新一代大模型发布", "据报道，OpenAI发布新一代大模型，推理能力提升。"))
    [a] = ranked([leader])
    [b] = ranked([in_body])
    assert a.parts["leaders"] > b.parts["leaders"] > 0


def test_the_state_leads_a_policy_only_where_the_theme_is_its_core():
    core = event(
        item(
            "国务院印发《人工智能+行动意见》",
            "国务院印发意见，推动人工智能大模型、算力基础设施与智能体应用发展。",
        )
    )
    passing = event(
        item(
            "国务院印发《农业农村现代化规划》",
            "规划提出加快农业数智化升级，推动人工智能、大模型和算力在农业生产中的应用。",
        )
    )
    [a] = ranked([core])
    [b] = ranked([passing])
    assert a.event_type == b.event_type == "state-policy"
    assert a.parts["leaders"] == DEFAULT_WEIGHTS["leaders"] > b.parts["leaders"]


def test_investor_q_and_a_is_marked_minor():
    answer = event(
        item(
            "示例公司：AI芯片产品已小批量出货",
            "示例公司在互动平台表示，公司AI芯片产品已小批量出货，面向大模型推理。",
        )
    )
    [r] = ranked([answer])
    assert r.parts["minor"] < 0


def test_one_answer_inside_a_sectors_rally_does_not_make_the_rally_minor():
    rally = [item(f"AI芯片板块走强 示例芯片{n}号涨超5%", hours=10 + n) for n in range(3)]
    answer = item(
        "示例芯片0号：AI芯片产品已小批量出货",
        "示例芯片0号在互动平台表示，公司AI芯片产品已小批量出货。",
        hours=14,
    )
    [mixed] = ranked([event(*rally, answer)])
    assert mixed.parts["minor"] == 0
    second = item(
        "示例芯片1号：AI芯片已送样", "示例芯片1号在互动平台表示，AI芯片已送样。", hours=15
    )
    [mostly] = ranked([event(rally[0], answer, second)])
    assert mostly.parts["minor"] < 0


def test_parts_are_weighted_features_that_sum_to_the_score():
    [r] = ranked([event(item(STORY, STORY_BODY))])
    assert set(r.parts) == set(DEFAULT_WEIGHTS)
    assert r.score == pytest.approx(sum(r.parts.values()), abs=1e-3)
    doubled = {name: 2 * weight for name, weight in DEFAULT_WEIGHTS.items()}
    [twice] = ranked([event(item(STORY, STORY_BODY))], weights=doubled)
    assert twice.score == pytest.approx(2 * r.score, abs=1e-3)


# ranking


def test_rank_returns_only_events_with_a_kept_item():
    kept = event(item(STORY, STORY_BODY))
    passing = event(item("某连锁超市门店上线AI客服", "门店启用AI客服。"))
    unrelated = event(item("央行下调存款准备金率", "央行决定下调存款准备金率0.5个百分点。"))
    result = ranked([passing, kept, unrelated])
    assert [r.event.id for r in result] == [kept.id]


def test_headline_and_kept_keys_come_from_kept_items():
    core = item(STORY, STORY_BODY, hours=3)
    aside = item("某连锁超市门店上线AI客服", "门店启用AI客服。", source="ths", hours=2)
    mixed = Event((aside, core))
    relevance = select([core, aside], ai())
    assert relevance[core.key].kept and not relevance[aside.key].kept
    [r] = rank([mixed], relevance, ai(), WINDOW)
    assert r.headline.key == core.key
    assert r.kept_keys == (core.key,)
    assert r.parts["breadth"] == pytest.approx(
        DEFAULT_WEIGHTS["breadth"] * breadth(mixed), abs=1e-3
    )


def test_ranks_start_at_one_and_follow_the_score():
    events = [
        event(item(STORY, STORY_BODY, hours=2)),
        event(
            item(
                "美国对示例AI芯片公司实施出口管制",
                "美国商务部将示例公司列入实体清单，限制其采购GPU。",
            ),
            item("示例AI芯片公司遭出口管制", "示例公司被列入实体清单，GPU采购受限。", source="ths"),
        ),
        event(item("示例公司：AI服务器订单饱满", "示例公司在互动平台表示AI服务器订单饱满。")),
        event(
            item("示例大模型公司发布开源模型", "示例公司发布多模态大模型，参数规模千亿。", hours=20)
        ),
    ]
    result = ranked(events)
    assert [r.rank for r in result] == list(range(1, len(events) + 1))
    scores = [r.score for r in result]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) > 1


def test_ties_are_broken_by_event_id_whatever_the_input_order():
    first = event(item(STORY, STORY_BODY, source="cls"))
    second = event(item(STORY, STORY_BODY, source="eastmoney"))
    third = event(item(STORY, STORY_BODY, source="ths"))
    forward = ranked([first, second, third], weights={"relevance": 1.0})
    backward = ranked([third, second, first], weights={"relevance": 1.0})
    assert len({r.score for r in forward}) == 1
    ids = sorted(e.id for e in (first, second, third))
    assert [r.event.id for r in forward] == [r.event.id for r in backward] == ids


def test_nothing_to_rank():
    assert rank([], {}, ai(), WINDOW) == []


def test_relevance_part_uses_the_best_kept_item():
    strong = item("寒武纪发布新一代AI芯片 算力提升", "寒武纪发布AI芯片，算力提升，面向大模型。")
    weak = item(STORY, "示例公司发布新品。", source="ths")
    relevance = select([strong, weak], ai())
    [r] = rank([event(strong, weak)], relevance, ai(), WINDOW)
    best = max(relevance[strong.key].score, relevance[weak.key].score)
    assert r.relevance == best
    assert r.parts["relevance"] == pytest.approx(
        DEFAULT_WEIGHTS["relevance"] * min(1.0, best / 8.0), abs=1e-3
    )


def test_a_relevance_map_is_all_rank_needs_to_decide_what_is_kept():
    story = item(STORY, STORY_BODY)
    forced = {story.key: Relevance(story.key, 0.0, kept=False)}
    assert rank([event(story)], forced, ai(), WINDOW) == []
