"""Same-event grouping: rewrites and updates of one story join, different stories stay apart.

Every item here is invented for the test.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache

import pytest
from datasketch import MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from theme_research.analyze import Analyzed, analyze, segmenter_for
from theme_research.group import (
    NUM_PERM,
    Event,
    Link,
    NameIndex,
    _lsh_pairs,
    _minhashes,
    figures_in,
    group,
    joined_by,
    merge_moves,
    move_direction,
    move_market,
    products_in,
    same_subject,
    subject,
    told_facts,
)
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.pipeline import entity_names, topic_words, vocabulary
from theme_research.themes import ThemePack, builtin_pack_paths, load_pack

START = datetime(2026, 3, 2, 9, 0, tzinfo=MARKET_TZ)


@cache
def packs() -> tuple[ThemePack, ...]:
    return tuple(load_pack(path) for path in builtin_pack_paths())


def news(source: str, source_id: str, minutes: float, title: str, content: str) -> NewsItem:
    return NewsItem(source, source_id, START + timedelta(minutes=minutes), title, content)


def analyzed(*items: NewsItem) -> list[Analyzed]:
    return analyze(items, segmenter_for(vocabulary(packs())))


def events_of(items: Sequence[Analyzed]) -> list[Event]:
    return group(items, entity_names(packs()))


def partition(events: Sequence[Event]) -> set[frozenset[str]]:
    return {frozenset(a.key for a in event.items) for event in events}


def stories(items: Sequence[Analyzed], *companies: str) -> set[frozenset[str]]:
    """The stories grouping tells in ``items`` when it also knows ``companies``."""
    return partition(group(items, entity_names(packs()) | set(companies)))


FILLER = [
    news("cls", f"f{i}", i, f"第{i}号示例公告：公司经营正常", "公司公告。") for i in range(400)
]
"""Four hundred unrelated titles: in a window this size a term that a few titles share is
rare (in a smaller one nothing is)."""


ORDER_CLS = news(
    "cls",
    "c-order",
    0,
    "寒武纪：与某云厂商签订12.6亿元AI芯片采购合同",
    "【寒武纪：与某云厂商签订12.6亿元AI芯片采购合同】财联社3月2日电，寒武纪公告，公司与某云"
    "厂商签订AI芯片采购合同，合同金额12.6亿元，约占公司上年营收的35%。",
)
ORDER_EASTMONEY = news(
    "eastmoney",
    "e-order",
    3,
    "寒武纪签下12.6亿元AI芯片采购大单",
    "寒武纪3月2日晚间公告称，公司与某云厂商签订AI芯片采购合同，合同金额为12.6亿元，约占上年"
    "营收35%。",
)
ORDER_THS = news(
    "ths",
    "t-order",
    6,
    "寒武纪公告：签订12.6亿元采购合同",
    "寒武纪公告，公司与某云厂商签订AI芯片采购合同，合同金额12.6亿元，占公司上年营收约35%。"
    "（财联社）",
)
ORDER_RETOLD = news(
    "eastmoney",
    "e-order-story",
    90,
    "AI芯片龙头再获大单 寒武纪手握12.6亿元合同",
    "记者注意到，这份12.6亿元的合同是寒武纪今年以来披露的最大单笔订单，市场人士认为云端需求"
    "仍在放量。",
)
REDUCTION = news(
    "cls",
    "c-reduce",
    120,
    "寒武纪：股东拟减持不超过2%公司股份",
    "【寒武纪：股东拟减持不超过2%公司股份】财联社3月2日电，寒武纪公告，持股5%以上股东某投资"
    "基金计划在未来三个月内减持不超过2%的公司股份。",
)
SOX_INTRADAY = news(
    "cls", "c-sox", 600, "费城半导体指数涨超3%", "费城半导体指数涨超3%，成分股多数上涨。"
)
SOX_CLOSE = news(
    "eastmoney", "e-sox", 660, "费城半导体指数收涨5.2%", "费城半导体指数收涨5.2%，创历史新高。"
)
ORDER_CLS_LATER = news("cls", "c-order-later", 5 * 24 * 60, ORDER_CLS.title, ORDER_CLS.content)
MEMORY = news(
    "ths",
    "t-memory",
    200,
    "某存储厂商上调DRAM合约价 涨幅约15%",
    "某存储厂商通知客户，三季度DRAM合约价上调约15%，HBM产能已售罄至明年。",
)
MODEL_CLS = news(
    "cls",
    "c-model",
    300,
    "示例大模型公司发布新一代开源模型",
    "【示例大模型公司发布新一代开源模型】财联社3月2日电，示例大模型公司发布新一代开源模型，"
    "推理成本较上一代下降60%，支持多模态输入。",
)
MODEL_THS = news(
    "ths",
    "t-model",
    304,
    "示例大模型公司发布新一代开源模型 推理成本降60%",
    "示例大模型公司发布新一代开源模型，推理成本较上一代下降60%，支持多模态输入。（财联社）",
)
RATE_CUT = news(
    "eastmoney",
    "e-rates",
    400,
    "央行下调存款准备金率0.5个百分点",
    "央行决定下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。",
)
POOL_ITEMS = (
    ORDER_CLS,
    ORDER_EASTMONEY,
    ORDER_THS,
    ORDER_RETOLD,
    REDUCTION,
    SOX_INTRADAY,
    SOX_CLOSE,
    ORDER_CLS_LATER,
    MEMORY,
    MODEL_CLS,
    MODEL_THS,
    RATE_CUT,
)


@cache
def pool() -> tuple[Analyzed, ...]:
    return tuple(analyzed(*POOL_ITEMS))


@cache
def whole_partition() -> set[frozenset[str]]:
    return partition(events_of(pool()))


def by_key(*items: NewsItem) -> list[Analyzed]:
    wanted = {item.key for item in items}
    return [a for a in pool() if a.key in wanted]


def test_rewrites_by_three_feeds_are_one_event():
    [event] = events_of(by_key(ORDER_CLS, ORDER_EASTMONEY, ORDER_THS))
    assert event.sources == {"cls", "eastmoney", "ths"}


def test_a_retelling_that_shares_the_entity_and_figure_joins_the_story():
    events = events_of(by_key(ORDER_CLS, ORDER_RETOLD))
    assert partition(events) == {frozenset({ORDER_CLS.key, ORDER_RETOLD.key})}


def test_a_developing_story_is_one_event():
    [event] = events_of(by_key(SOX_INTRADAY, SOX_CLOSE))
    assert [a.key for a in event.items] == [SOX_INTRADAY.key, SOX_CLOSE.key]  # oldest first


def test_two_stories_about_one_company_on_one_day_stay_apart():
    events = events_of(by_key(ORDER_CLS, REDUCTION))
    assert partition(events) == {frozenset({ORDER_CLS.key}), frozenset({REDUCTION.key})}


def test_near_duplicates_five_days_apart_stay_apart():
    events = events_of(by_key(ORDER_CLS, ORDER_CLS_LATER))
    assert len(events) == 2


def test_updates_of_a_story_far_apart_in_time_stay_apart():
    late = news(
        "eastmoney", "e-sox-late", 24 * 60 + 660, SOX_CLOSE.title, "费城半导体指数收涨1.1%。"
    )
    events = events_of([*by_key(SOX_INTRADAY), *analyzed(late)])
    assert len(events) == 2


def test_an_item_pasting_two_flashes_does_not_glue_their_stories():
    price = news(
        "cls",
        "c-price",
        0,
        "示例存储公司股价上涨6%，报210.5美元/股",
        "示例存储公司股价上涨6%，报210.5美元/股，总市值报320亿美元。",
    )
    target = news(
        "cls",
        "c-target",
        -180,
        "某投行将示例存储公司目标价从170美元上调至300美元",
        "某投行将示例存储公司目标价从170美元上调至300美元，为目前所有机构给出的最高目标价。",
    )
    pasted = news(
        "ths",
        "t-pasted",
        1,
        "示例存储公司股价上涨6%",
        f"{price.content}{target.content}",
    )
    events = events_of(analyzed(price, target, pasted))
    assert frozenset({target.key}) in partition(events)


def test_the_pool_groups_as_written():
    assert partition(events_of(pool())) == {
        frozenset({ORDER_CLS.key, ORDER_EASTMONEY.key, ORDER_THS.key, ORDER_RETOLD.key}),
        frozenset({REDUCTION.key}),
        frozenset({SOX_INTRADAY.key, SOX_CLOSE.key}),
        frozenset({ORDER_CLS_LATER.key}),
        frozenset({MEMORY.key}),
        frozenset({MODEL_CLS.key, MODEL_THS.key}),
        frozenset({RATE_CUT.key}),
    }


def test_event_id_and_sources():
    [event] = events_of(by_key(MODEL_CLS, MODEL_THS))
    assert event.id == min(MODEL_CLS.key, MODEL_THS.key)
    assert event.sources == {"cls", "ths"}
    assert event.outlets == {"cls", "ths"}


def test_outlets_include_those_a_topic_lists():
    topic = NewsItem(
        "readhub",
        "r1",
        START,
        "示例公司发布新品",
        "示例公司发布新品。",
        extras={"outlets": ["财联社", "界面"]},
    )
    [event] = events_of(analyzed(topic))
    assert event.outlets == {"readhub", "财联社", "界面"}


def test_no_items_no_events():
    assert events_of([]) == []


subsets = st.lists(st.sampled_from(range(len(POOL_ITEMS))), unique=True)


@settings(max_examples=60, deadline=None)
@given(subsets)
def test_every_item_is_in_exactly_one_event(indexes):
    items = [pool()[i] for i in indexes]
    keys = [a.key for event in events_of(items) for a in event.items]
    assert sorted(keys) == sorted(a.key for a in items)


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(len(POOL_ITEMS))))
def test_grouping_does_not_depend_on_input_order(order):
    shuffled = [pool()[i] for i in order]
    assert partition(events_of(shuffled)) == whole_partition()


@settings(max_examples=60, deadline=None)
@given(subsets)
def test_grouping_a_subset_never_joins_what_the_whole_keeps_apart(indexes):
    for event in partition(events_of([pool()[i] for i in indexes])):
        assert any(event <= full for full in whole_partition())


@settings(max_examples=30, deadline=None)
@given(subsets)
def test_events_are_sorted_by_id_and_items_oldest_first(indexes):
    events = events_of([pool()[i] for i in indexes])
    assert [e.id for e in events] == sorted(e.id for e in events)
    for event in events:
        stamps = [a.item.published_at for a in event.items]
        assert stamps == sorted(stamps)


def test_one_company_reporting_one_kind_of_event_in_a_day_is_one_story():
    results = news(
        "readhub",
        "r-results",
        0,
        "营收指引远超预期，示例存储科技业绩狂飙",
        "示例存储科技公布季度业绩，营收与指引均超市场预期。",
    )
    call = news(
        "cls",
        "c-call",
        300,
        "示例存储科技业绩会：明年产能已售罄",
        "示例存储科技在业绩会上表示，受AI需求推动，明年产能已全部售罄。",
    )
    names = entity_names(packs()) | {"示例存储科技"}
    assert len(group(analyzed(results, call), names)) == 1
    # Without knowing the company, nothing ties the two headlines together.
    assert len(group(analyzed(results, call), entity_names(packs()))) == 2


def test_one_company_with_two_kinds_of_news_in_a_day_stays_two_stories():
    assert frozenset({ORDER_CLS.key}) in partition(events_of(analyzed(ORDER_CLS, REDUCTION)))


def test_the_subject_is_the_first_name_and_its_shortest_form():
    names = {"美光", "美光科技", "英伟达"}
    assert subject("华尔街点评美光科技财报：指引超预期", names) == "美光"
    assert subject("美光科技与英伟达签署协议", names) == "美光"
    assert subject("孚日股份：预计上半年净利润增长", names) == "孚日股份"
    assert subject("费城半导体指数涨超3%", names) == ""


def test_unknown_companies_get_a_subject_from_a_latin_name_or_the_words_before_the_verb():
    assert subject("数据中心创企Crusoe据悉洽谈融资") == "crusoe"
    assert subject("泉智博完成新一轮融资") == "泉智博"
    assert same_subject(subject("关节模组提供商泉智博完成A轮融资"), "泉智博")
    assert subject("公司拟回购股份") == ""  # a generic word is nobody in particular


def test_words_before_the_verb_that_cut_a_known_word_are_a_description_not_a_doer():
    def doer(title: str, word: str) -> str:
        return subject(title, words=[(title.find(word), word)])

    assert doer("中国首批L3级自动驾驶车型产品获得准入许可", "自动驾驶") == ""
    assert doer("通用智能机器人企业智平方完成新一轮融资", "机器人") == "智平方"
    assert subject("国际存储巨头拟涨价20%") == ""  # a description ends in its class noun


def test_a_description_and_a_companys_approval_alike_are_one_story():
    first = news("readhub", "l1", 0, "中国首批L3级自动驾驶车型产品获得准入许可", "工信部公布。")
    one = news("readhub", "l2", 480, "示例汽车取得L3级自动驾驶车型产品准入许可", "示例汽车获准入。")
    found = themed_stories(analyzed(first, one), "示例汽车")
    assert found == {frozenset({"readhub:l1", "readhub:l2"})}


def test_two_rewrites_of_an_unlisted_company_round_are_one_story():
    one = news("cls", "c-r1", 0, "关节模组提供商泉智博完成A轮融资 某创投领投", "融资用于产能建设。")
    two = news("ths", "t-r2", 90, "泉智博完成新一轮融资 多家机构参投", "本轮融资由某创投领投。")
    assert len(events_of(analyzed(one, two))) == 1


# --- one theme's market moves ---------------------------------------------------------------

ROBOT_WORDS = ("人形机器人", "机器人", "减速器")


def robot_words(item: Analyzed) -> list[str]:
    return [w for w in ROBOT_WORDS if w in item.title]


def test_a_themes_sector_moves_in_one_market_and_direction_are_one_event():
    items = analyzed(
        news("cls", "m1", 0, "人形机器人概念逆势活跃 日盈电子涨停", "人形机器人概念走强。"),
        news("ths", "m2", 20, "减速器板块短线拉升", "减速器板块拉升。"),
        news("cls", "m3", 150, "午评：创业板指半日跌3.47% 机器人概念逆势走强", "午评。"),
        news("cls", "m4", 160, "美股机器人概念股集体走弱", "美股盘中。"),
        news("cls", "m5", 170, "机器人板块午后跳水", "跳水。"),
        news("cls", "m6", 180, "优必选：人形机器人订单破万台", "订单。"),
    )
    merged = partition(merge_moves([Event((a,)) for a in items], robot_words))
    assert merged == {
        frozenset({"cls:m1", "ths:m2", "cls:m3"}),  # A-share, up
        frozenset({"cls:m4"}),  # another market
        frozenset({"cls:m5"}),  # the other way
        frozenset({"cls:m6"}),  # not a market move
    }


def test_single_stock_moves_and_price_rises_are_not_sector_moves():
    items = analyzed(
        news("cls", "s1", 0, "寒武纪持续走强创历史新高", "寒武纪涨超7%。"),
        news("cls", "s2", 10, "机器人板块走强", "板块走强。"),
        news("cls", "s3", 20, "减速器厂商集体涨价 板块有望走强", "涨价。"),
    )
    merged = partition(merge_moves([Event((a,)) for a in items], robot_words))
    assert merged == {frozenset({"cls:s1"}), frozenset({"cls:s2"}), frozenset({"cls:s3"})}


def test_only_titles_naming_the_theme_vote_on_an_events_move():
    wrap = analyzed(
        news("cls", "w1", 0, "午评：创业板指半日跌3.47% 机器人概念逆势走强", "午评。"),
        news("cls", "w2", 200, "收评：科创50指数大跌7.7% 半导体板块集体调整", "收评。"),
    )
    flash = analyzed(news("cls", "w3", 30, "人形机器人板块拉升", "拉升。"))
    (merged,) = merge_moves([Event(tuple(wrap)), Event(tuple(flash))], robot_words)
    assert {a.key for a in merged.items} == {"cls:w1", "cls:w2", "cls:w3"}
    assert merged.links == (Link("cls:w1", "cls:w3", "theme_move"),)


def test_move_direction_reads_the_move_after_the_theme_word():
    assert move_direction("创业板指跌3% 机器人概念逆势走强", ["机器人"]) == "up"
    assert move_direction("机器人板块午后跳水", ["机器人"]) == "down"
    assert move_direction("机器人大会开幕", ["机器人"]) == ""


def test_copies_of_one_text_pair_with_each_other_and_with_near_duplicates():
    story = frozenset({"示例", "例公", "公司", "司发", "发布", "布新", "新品"})
    near = story | {"品。"}
    other = frozenset({"天气", "气晴", "晴朗"})
    pairs = _lsh_pairs([story, other, story, near, story], threshold=0.5)
    assert {(0, 2), (0, 4), (2, 4), (0, 3), (2, 3), (3, 4)} <= pairs
    assert not any(1 in pair for pair in pairs)


def test_lsh_pairs_are_the_pairs_an_index_query_finds():
    rng = random.Random(3)
    words = [f"{a}{b}" for a in "示例公司发布新品天气晴朗" for b in "示例公司发布新品天气晴朗"]
    sets = [frozenset(rng.sample(words, rng.randint(3, 12))) for _ in range(60)]
    sets += sets[:5]  # copies pair with their originals
    lsh = MinHashLSH(threshold=0.4, num_perm=NUM_PERM)
    hashes = _minhashes(sets)
    for index, minhash in enumerate(hashes):
        lsh.insert(index, minhash)
    queried = {(min(i, j), max(i, j)) for i, m in enumerate(hashes) for j in lsh.query(m) if i != j}
    assert _lsh_pairs(sets, threshold=0.4) == queried
    assert {(i, 60 + i) for i in range(5)} <= queried


def test_name_index_finds_every_name_and_tells_whether_any_occurs():
    index = NameIndex(["美光", "美光科技", "寒武纪", "科技", "光"])
    assert index.find("美光科技与寒武纪") == [
        (0, "美光"),
        (0, "美光科技"),
        (2, "科技"),
        (5, "寒武纪"),
    ]
    assert index.find("寒武纪寒武纪") == [(0, "寒武纪"), (3, "寒武纪")]
    assert index.any_in("消息称寒武纪") and not index.any_in("美的集团")
    assert NameIndex(["光"]).find("美光") == [] and not NameIndex([]).any_in("美光")


def test_a_sessions_single_stock_moves_join_the_sectors_move():
    items = analyzed(
        news("cls", "j1", 0, "美股机器人概念股集体走弱", "美股盘中。"),
        news("cls", "j2", 10, "机器人公司示例动力盘前跌超9%", "盘前下跌。"),
        news("cls", "j3", 20, "机器人公司示例智造盘前跌超6%，一季度净利润不及预期", "盘前。"),
        news("cls", "j4", 30, "机器人公司示例科技盘前涨超5%", "盘前上涨。"),
    )
    merged = partition(merge_moves([Event((a,)) for a in items], robot_words))
    assert merged == {
        frozenset({"cls:j1", "cls:j2"}),
        frozenset({"cls:j3"}),  # a move beside news of its own
        frozenset({"cls:j4"}),  # the other way
    }


def test_single_stock_moves_alone_stay_apart():
    items = analyzed(
        news("cls", "k1", 0, "机器人公司示例动力盘前跌超9%", "盘前下跌。"),
        news("cls", "k2", 10, "机器人公司示例科技盘前跌超6%", "盘前下跌。"),
    )
    merged = partition(merge_moves([Event((a,)) for a in items], robot_words))
    assert merged == {frozenset({"cls:k1"}), frozenset({"cls:k2"})}


def test_the_clause_naming_the_theme_says_what_moved():
    items = analyzed(
        news("cls", "c1", 0, "机器人板块走强", "走强。"),
        news("eastmoney", "c2", 30, "量产信号与场景落地共振，机器人板块回暖！展望后市", "回暖。"),
    )
    merged = partition(merge_moves([Event((a,)) for a in items], robot_words))
    assert merged == {frozenset({"cls:c1", "eastmoney:c2"})}


def test_markets_are_told_apart_by_name():
    assert move_market("韩国KOSPI指数跌超5%") == "KR"
    assert move_market("日经225指数收涨1%") == "JP"
    assert move_market("美股存储板块跌幅扩大") == "US"
    assert move_market("港股芯片股走低") == "HK"
    assert move_market("南方两倍做多海力士收盘跌超26%") == "HK"  # listed in Hong Kong only
    assert move_market("示例存储科技向下跌破1000美元") == "US"  # a share price in dollars
    assert move_market("示例公司涨停 获10亿美元订单") == "A"
    assert move_market("半导体板块走强") == "A"
    assert move_market("示例公司发布新品") == ""
    assert move_market("示例半导体企业开启新一轮扩产 板块有望持续走强") == ""  # a forecast
    assert move_market("机构：板块或将迎来反弹") == ""
    assert move_market("板块有望持续走强 示例股份涨停") == "A"  # the stock's move is one


def test_products_are_named_latin_words_with_a_small_letter_or_a_digit_or_quoted():
    assert products_in("Anthropic：Fable 5将于明天在Claude平台上线") == {
        "anthropic",
        "fable 5",
        "claude",
    }
    assert products_in("示例公司“超能U1”订单破万") == {"超能u1", "u1"}
    assert products_in("AI芯片与GPU需求旺盛") == set()
    assert products_in("示例芯片将与甲公司合作开发RTX NOVA个人电脑芯片") == {"nova"}
    assert products_in("示例国KOSPI指数跌超5% DRAM价格走低") == set()  # an index, an acronym
    assert products_in("示例芯片发布ACME ISAAC平台", known=frozenset({"isaac"})) == set()
    assert products_in("示例公司：6月30日回购2500万股") == set()  # figures are not products


def test_a_titles_figures_leave_out_its_dates_and_years():
    assert figures_in("示例公司：2026年6月30日拟以2500万元至5000万元回购") == {"2500", "5000"}
    assert figures_in("示例公司：持股降至37.16% 增资20亿元") == {"37.16", "20"}
    assert figures_in("示例公司：第3季度营收增长") == set()


@pytest.mark.parametrize(
    "first, second, other",
    [
        (
            "示例医药：子公司增资扩股引进投资方 公司持股降至90.35%",
            "示例医药：放弃优先认购权，持股比例为90.35%",
            "示例医药：2026年6月30日召开股东大会",
        ),
        (
            "示例智能：Nova 5将于明天全球上线",
            "示例智能：美方已解除对Nova 5的出口管制",
            "示例智能：与某云厂商签署算力协议",
        ),
    ],
    ids=["figure", "product"],
)
def test_one_companys_reports_of_one_product_or_figure_in_a_day_are_one_story(
    first: str, second: str, other: str
) -> None:
    items = analyzed(
        news("cls", "p1", 0, first, "正文。"),
        news("ths", "p2", 90, second, "正文。"),
        news("cls", "p3", 120, other, "正文。"),
    )
    assert partition(events_of(items)) == {
        frozenset({"cls:p1", "ths:p2"}),
        frozenset({"cls:p3"}),
    }


def test_one_companys_notice_and_its_clarifications_in_a_day_are_one_story():
    notice, product, unit = analyzed(
        news("ths", "c1", 0, "示例电子：股票交易异常波动，机器人业务暂未批量生产", "公告。"),
        news("cls", "c2", 20, "示例电子：机器人业务领域相关产品暂未形成批量生产", "回应。"),
        news("eastmoney", "c3", 6, "示例电子：目前控股子公司尚未实际经营", "说明。"),
    )
    assert len(stories([notice, product, unit], "示例电子")) == 1


def test_a_company_is_one_subject_under_any_of_its_names():
    brand, maker = analyzed(
        news("ths", "n1", 0, "示例品牌汽车：6月交付新车30199台", "示例品牌汽车6月交付新车。"),
        news("cls", "n2", 60, "示例汽车：6月合计销量36194辆", "示例汽车6月销量。"),
    )
    names = entity_names(packs()) | {"示例品牌汽车", "示例汽车"}
    assert len(group([brand, maker], names)) == 2
    same_as = {"示例品牌汽车": "示例汽车"}
    assert len(group([brand, maker], names, same_as=same_as)) == 1


def test_a_model_one_title_names_and_the_others_lead_names_is_one_story():
    orders, price, other = analyzed(
        news("eastmoney", "m1", 0, "示例机器人“小灵U1”订单破万", "示例机器人U1订单已破万台。"),
        news(
            "eastmoney",
            "m2",
            160,
            "示例机器人全尺寸人形机器人售价公布",
            "示例机器人U1 Pro售价16.98万元。",
        ),
        news("eastmoney", "m3", 200, "示例机器人与某车企签署合作协议", "示例机器人签约。"),
    )
    assert stories([orders, price, other], "示例机器人") == {
        frozenset({"eastmoney:m1", "eastmoney:m2"}),
        frozenset({"eastmoney:m3"}),
    }


def test_one_product_told_by_two_speakers_that_name_each_other_is_one_story():
    chief, maker, unrelated = analyzed(
        news("cls", "s1", 0, "张总：Nova X5内测效果已超预期", "示例智能CEO张总称Nova X5内测顺利。"),
        news("ths", "s2", 30, "示例智能宣布Nova X5开启内部测试", "张总宣布示例智能Nova X5内测。"),
        news("ths", "s3", 60, "示例智能：与某云厂商签署算力协议", "示例智能签署协议。"),
    )
    assert stories([chief, maker, unrelated], "示例智能") == {
        frozenset({"cls:s1", "ths:s2"}),
        frozenset({"ths:s3"}),
    }
    lone_speaker = analyzed(
        news("cls", "s4", 0, "张总：Nova X5内测效果已超预期", "张总称内测顺利。"),
    )[0]
    assert len(stories([lone_speaker, maker], "示例智能")) == 2  # s4 never names 示例智能


def other_news(count: int) -> list[NewsItem]:
    """A day's other news, which makes everyday words common and a story's own terms rare."""
    return [news("ths", f"d{i}", 60 + i, f"示例{i}号项目公告", f"第{i}号。") for i in range(count)]


def test_one_deed_named_by_a_term_only_its_reports_use_is_one_story():
    story = [
        news("cls", "r1", 0, "有关部门调整示例车辆车船税优惠政策", "有关部门发布公告。"),
        news("ths", "r2", 2, "明年起部分示例车辆恢复征收车船税 政策有何考量", "解读。"),
        news("cls", "r3", 5, "有关部门发布示例家电以旧换新补贴政策", "有关部门发布。"),
    ]
    events = partition(group(analyzed(*story, *other_news(400))))
    assert frozenset({"cls:r1", "ths:r2"}) in events
    assert frozenset({"cls:r3"}) in events  # another policy
    # Without a day around them nothing is known to be rare, and they stay apart.
    assert frozenset({"cls:r1"}) in partition(group(analyzed(*story)))


def test_a_source_named_before_the_colon_is_not_the_subject():
    one, other = analyzed(
        news("cls", "g1", 0, "外媒：甲云厂商获得百亿元算力订单", "合同涵盖三年GPU租赁服务。"),
        news("cls", "g2", 60, "外媒：乙机器人企业获得汽车工厂订单", "首批人形机器人下月交付。"),
    )
    assert len(group([one, other])) == 2


def test_a_deed_named_by_a_rare_term_joins_a_headline_that_names_its_investor_first():
    story = [
        news("cls", "q1", 0, "示例关节厂商泉芯博完成新一轮融资", "泉芯博宣布完成融资。"),
        news("ths", "q2", 40, "甲资本、乙机器人等押注！泉芯博一年半七轮融资落地", "泉芯博获投。"),
        news("cls", "q3", 90, "示例零部件提供商泉芯博完成A轮融资 甲资本领投", "甲资本领投。"),
    ]
    names = entity_names(packs()) | {"乙机器人"}  # a known name leads the second headline
    events = partition(group(analyzed(*story, *other_news(900)), names))
    assert frozenset({"cls:q1", "ths:q2", "cls:q3"}) in events


def test_moves_in_two_markets_are_two_stories_however_alike_they_read():
    a_shares, hong_kong = analyzed(
        news("ths", "x1", 0, "人形机器人板块午后持续走强", "人形机器人板块午后持续走强。"),
        news("ths", "x2", 150, "港股机器人板块尾盘持续走强", "港股机器人板块尾盘持续走强。"),
    )
    assert len(group([a_shares, hong_kong], entity_names(packs()), ROBOT_WORDS)) == 2


def test_an_etf_note_giving_its_reasons_first_is_a_move_report():
    items = analyzed(
        news("cls", "e1", 0, "机器人板块走强", "走强。"),
        news(
            "eastmoney",
            "e2",
            30,
            "人形机器人爆发：示例科技IPO在即，机器人ETF午后再度拉升，盘中逼近涨停",
            "机器人ETF拉升。",
        ),
    )
    merged = partition(merge_moves([Event((a,)) for a in items], robot_words))
    assert merged == {frozenset({"cls:e1", "eastmoney:e2"})}


def test_a_clause_naming_no_market_is_in_the_market_the_title_names():
    items = analyzed(
        news("cls", "k1", 0, "韩国KOSPI指数跌超5%，SK海力士跌8%，三星电子下跌7%", "韩股下跌。"),
        news("cls", "k2", 360, "韩国KOSPI指数下跌8% SK海力士股价进一步下挫至14%", "韩股下跌。"),
    )
    chip_words = lambda a: [w for w in ("SK海力士", "海力士") if w in a.title]  # noqa: E731
    merged = partition(merge_moves([Event((a,)) for a in items], chip_words))
    assert merged == {frozenset({"cls:k1", "cls:k2"})}


def test_a_sessions_rise_and_its_pullback_are_two_stories():
    rise, pullback = analyzed(
        news("cls", "s1", 0, "机器人板块盘初走强 示例股份涨停", "机器人板块走强。"),
        news("cls", "s2", 240, "机器人板块午后震荡下行 示例科技跌超9%", "机器人板块下行。"),
    )
    assert len(group([rise, pullback], entity_names(packs()), ROBOT_WORDS)) == 2


def test_oversold_describes_where_a_rebound_starts():
    assert move_direction("人形机器人板块超跌反弹 多股涨停", ["机器人"]) == "up"


def test_back_above_a_level_is_a_rise():
    assert move_market("示例矿复产落地 碳酸锂重回16万元上方") == "A"
    assert move_direction("示例矿复产落地 碳酸锂重回16万元上方", ["碳酸锂"]) == "up"
    wrap, back = analyzed(
        news("ths", "b1", 0, "期货收评：示例矿复产落地，碳酸锂涨超8%！", "碳酸锂涨超8%。"),
        news("cls", "b2", 180, "示例矿复产落地 碳酸锂重回16万元上方", "碳酸锂重回16万元。"),
    )
    rally = analyzed(news("cls", "b3", 10, "锂电池板块走强 示例锂业涨停", "锂电池板块走强。"))[0]
    events = [Event((wrap, back)), Event((rally,))]
    merged = partition(merge_moves(events, lambda a: ["碳酸锂", "锂电池"]))
    assert merged == {frozenset({"ths:b1", "cls:b2", "cls:b3"})}


def test_a_session_wrap_whose_title_tells_no_move_joins_by_its_opening_sentence():
    rally, wrap, launch = analyzed(
        news("cls", "o1", 0, "人形机器人概念走强 示例股份涨停", "人形机器人概念走强。"),
        news(
            "eastmoney",
            "o2",
            300,
            "盘中大涨50%！万亿赛道暴力拉升！发生了什么？",
            "7月3日，人形机器人概念股暴力拉升，示例智能等涨停，港股示例谐波一度涨超50%。",
        ),
        news(
            "cls",
            "o3",
            320,
            "示例机器人发布新一代人形机器人",
            "示例机器人今日发布新品。人形机器人概念走强。",
        ),
    )
    events = [Event((a,)) for a in (rally, wrap, launch)]
    merged = partition(merge_moves(events, lambda a: ["人形机器人"]))
    # The wrap's move is an A-share one: the Hong Kong stock comes after its clause. A
    # launch whose opening sentence reports no move stays its own story.
    assert merged == {frozenset({"cls:o1", "eastmoney:o2"}), frozenset({"cls:o3"})}


def test_a_teaser_headline_joins_its_companys_report_of_one_model():
    teaser, report, other = analyzed(
        news(
            "eastmoney",
            "t1",
            0,
            "“小灵伴侣”订单破1万台 公司CEO回应：量产难度较高",
            "在示例机器人年度发布会上，公司发布了人形机器人X1系列。",
        ),
        news(
            "eastmoney", "t2", 30, "示例机器人仿生机器人引热议", "示例机器人X1发布，售价11.98万元。"
        ),
        news(
            "eastmoney",
            "t3",
            40,
            "“某某伴侣”销量大增 公司回应",
            "示例机器人旗下产品销量大增，公司称将扩产。",
        ),
    )
    # The third names the company in its lead but no model the report names.
    assert stories([teaser, report, other], "示例机器人") == {
        frozenset({"eastmoney:t1", "eastmoney:t2"}),
        frozenset({"eastmoney:t3"}),
    }


def test_a_move_title_naming_no_market_abstains_when_another_names_one():
    hong_kong = analyzed(
        news("ths", "h1", 0, "示例汽车股份高开高走涨超8%", "示例汽车股份高开高走。"),
        news("cls", "h2", 20, "示例汽车股份涨幅扩大至9%", "示例汽车股份涨幅扩大。"),
        news("eastmoney", "h4", 30, "港股新能源汽车股走强 示例汽车股份涨超8%", "港股走强。"),
    )
    a_share = analyzed(news("cls", "h3", 10, "新能源汽车板块走强 示例电池涨停", "板块走强。"))
    words = lambda a: [w for w in ("新能源汽车", "示例汽车") if w in a.title]  # noqa: E731
    events = [Event(tuple(hong_kong)), Event(tuple(a_share))]
    # Alone, an unnamed move would be an A-share move; beside a Hong Kong title it says nothing.
    assert partition(merge_moves(events, words)) == {
        frozenset({"ths:h1", "cls:h2", "eastmoney:h4"}),
        frozenset({"cls:h3"}),
    }


def test_a_title_opening_with_its_industry_tells_its_subjects_deed_after_the_name():
    from theme_research.group import _deed_clauses

    title = "新能源汽车渗透率达60% 示例汽车涨近9%"
    in_title = [(0, "新能源汽车"), (title.index("示例汽车"), "示例汽车")]
    names = frozenset({"示例汽车"})
    assert _deed_clauses(title, in_title, names) == "示例汽车涨近9%"
    own = "示例汽车：6月销量38万辆 新能源汽车占六成"
    assert _deed_clauses(own, [(0, "示例汽车"), (own.index("新能源"), "新能源汽车")], names) == own


def test_one_template_about_a_known_company_and_an_unknown_body_is_two_stories():
    steel = news(
        "cls",
        "v1",
        0,
        "部委领导带队赴示例钢铁协会开展工作调研",
        "座谈会上，协会介绍了行业运行情况和产能治理进展，与会企业反映了原料价格问题。",
    )
    car = news(
        "cls",
        "v2",
        90,
        "部委领导带队赴示例汽车开展工作调研",
        "调研组参观了智能工厂，听取了公司在新能源汽车价格、成本和出口方面的情况汇报。",
    )
    unnamed = news(
        "eastmoney",
        "v3",
        92,
        "部委领导带队赴企业开展工作调研",
        "调研组到访示例汽车，听取公司经营情况汇报。",
    )
    assert stories(analyzed(steel, car), "示例汽车") == {
        frozenset({"cls:v1"}),
        frozenset({"cls:v2"}),
    }
    # A title naming no one still joins the story its lead names.
    assert stories(analyzed(car, unnamed), "示例汽车") == {frozenset({"cls:v2", "eastmoney:v3"})}


def test_two_exact_title_figures_tell_one_fact_without_a_shared_name():
    items = analyzed(
        news(
            "eastmoney", "x1", 0, "日本5月设备出口额创新高 1312.4亿日元同比增137.6%", "日本出口。"
        ),
        news("cls", "x2", 25, "日本5月份半导体设备出口同比增长137.6%，达1312.4亿日元", "出口。"),
        news("cls", "x3", 30, "华东精工：拟以3000万元-5000万元回购股份", "用于员工持股计划。"),
        news("cls", "x4", 35, "西南电气：拟以3000万元-5000万元回购股份", "将依法注销。"),
    )
    # Two companies' round buyback ranges are a template, not one fact.
    assert stories(items) == {
        frozenset({"eastmoney:x1", "cls:x2"}),
        frozenset({"cls:x3"}),
        frozenset({"cls:x4"}),
    }


def test_a_speaker_quoted_in_a_title_is_not_its_subject():
    from theme_research.group import _names_the_other

    quoted, told = analyzed(
        news("ths", "s1", 0, "行业协会：示例汽车中国6月批发销量达81234辆", "协会数据显示。"),
        news("cls", "s2", 5, "示例汽车：6月销量获行业协会认可", "公司公告。"),
    )
    assert not _names_the_other(quoted, "行业协会")
    assert _names_the_other(quoted, "示例汽车")
    assert _names_the_other(told, "行业协会")


def test_a_market_move_after_its_industrys_figure_is_not_the_companys_data():
    sales = news(
        "cls",
        "d1",
        0,
        "示例汽车：6月新能源汽车销量38.2万辆 同比增长12%",
        "公司公告，6月新能源汽车销量38.2万辆，海外销量创新高。",
    )
    move = news(
        "ths",
        "d2",
        240,
        "新能源汽车零售渗透率达61% 示例汽车港股涨近9%",
        "午后港股汽车股走强，示例汽车涨近9%，成交额放大。",
    )
    events = group(
        analyzed(sales, move), entity_names(packs()) | {"示例汽车"}, topic_words(packs())
    )
    # The second title's deed is 示例汽车's move; the 61% is the industry's, not the company's.
    assert partition(events) == {frozenset({"cls:d1"}), frozenset({"ths:d2"})}


def themed_stories(items: Sequence[Analyzed], *companies: str) -> set[frozenset[str]]:
    """The stories grouping tells when it knows the packs' theme words too."""
    names = entity_names(packs()) | set(companies)
    return partition(group(items, names, topic_words(packs())))


def stand_alone(reports: Sequence[NewsItem], *companies: str) -> bool:
    """Does each report stay a story of its own, among the filler window's titles?"""
    found = themed_stories(analyzed(*FILLER, *reports), *companies)
    return all(frozenset({report.key}) in found for report in reports)


def test_a_wrap_moving_two_sectors_two_ways_joins_neither_against_its_way():
    items = analyzed(
        news("cls", "w1", 0, "创新药概念持续反弹 示例药业2连板", "创新药概念持续反弹。"),
        news("ths", "w2", 20, "创新药板块午后走强 示例生物涨超10%", "创新药板块走强。"),
        news("ths", "w3", 360, "ETF收评：机器人ETF领涨10.01%，创新药ETF领跌8.21%", "ETF收评。"),
    )
    # For 创新药 the wrap tells a fall; it is no update of the morning's rebound.
    assert themed_stories(items) == {
        frozenset({"cls:w1", "ths:w2"}),
        frozenset({"ths:w3"}),
    }


def test_a_products_price_or_a_countrys_figure_is_not_a_market_move():
    items = analyzed(
        news("cls", "p1", 0, "液冷服务器概念震荡拉升 示例科技涨停", "液冷服务器概念震荡拉升。"),
        news("cls", "p2", 150, "机构：三季度存储器价格受AI服务器支撑，但涨幅收敛", "机构预计。"),
    )
    assert themed_stories(items) == {frozenset({"cls:p1"}), frozenset({"cls:p2"})}
    figures = analyzed(
        news("cls", "p3", 0, "存储芯片概念局部活跃 示例电子涨超12%", "存储芯片概念局部活跃。"),
        news("cls", "p4", 30, "示例国5月芯片月度出口飙升至312亿美元的历史新高", "据该国数据。"),
    )
    assert themed_stories(figures) == {frozenset({"cls:p3"}), frozenset({"cls:p4"})}


def test_a_teaser_joins_the_report_whose_title_figure_its_lead_tells():
    teaser = news(
        "eastmoney",
        "t1",
        240,
        "千亿级投资来袭！两大芯片巨头建厂计划官宣",
        "产业部周四披露，将向中部地区投入总计286万亿韩元产业投资，资金主要用于支持SK海力士"
        "推进晶圆厂和封装设施建设。",
    )
    report = news(
        "cls",
        "t2",
        0,
        "政府起草286万亿韩元投资计划：SK海力士等巨头重仓中部地区",
        "产业部宣布，将向中部地区注入286万亿韩元的产业投资，其中SK海力士计划投资约90万亿韩元。",
    )
    assert themed_stories(analyzed(teaser, report)) == {frozenset({"eastmoney:t1", "cls:t2"})}


def test_an_agency_both_titles_name_is_not_their_shared_deed():
    from theme_research.group import _speaker, _speaker_removed

    assert _speaker("国家发改委：下调国内汽、柴油价格") == "国家发改委"
    assert _speaker("国家发改委带队赴示例汽车开展工作调研") == ""
    assert _speaker_removed("行业协会：示例汽车销量", "行业协会") == "示例汽车销量"
    policies = [
        news("cls", "g1", 0, "国家发改委带队赴示例汽车开展工作调研", "调研组听取汇报。"),
        news("cls", "g2", 60, "国家发改委：下调国内汽、柴油价格", "按照现行成品油价格形成机制。"),
    ]
    assert stand_alone(policies, "示例汽车")


def test_a_teaser_joins_a_report_of_its_kind_whose_company_its_lead_names():
    teaser = news(
        "eastmoney",
        "k1",
        200,
        "千亿级投资来袭！芯片巨头建厂计划官宣",
        "产业部周四披露，SK海力士将在中部地区推进存储芯片工厂和封装设施建设。",
    )
    report = news(
        "cls",
        "k2",
        0,
        "SK海力士拟于2029年前耗资60万亿韩元新建存储芯片厂",
        "SK海力士宣布，计划在中部地区投资扩产，以缓解存储芯片短缺。",
    )
    assert themed_stories(analyzed(teaser, report)) == {frozenset({"eastmoney:k1", "cls:k2"})}


def test_a_sectors_burst_is_a_rise_and_demands_is_no_move():
    items = analyzed(
        news("cls", "b1", 0, "人形机器人概念盘初活跃 示例股份一字涨停", "人形机器人概念盘初活跃。"),
        news("cls", "b2", 330, "收评：创业板指冲高回落 机器人概念全线爆发", "机器人概念全线爆发。"),
    )
    assert themed_stories(items) == {frozenset({"cls:b1", "cls:b2"})}
    assert move_market("机器人概念股爆发") == "A"
    assert move_market("商用机器人量产带动镁合金需求爆发") == ""


def test_alike_move_titles_about_two_sectors_are_two_stories():
    items = analyzed(
        news("cls", "m1", 0, "电机板块短线拉升", "电机板块短线拉升，示例电机涨停。"),
        news("cls", "m2", 2, "生猪养殖板块短线拉升", "生猪养殖板块短线拉升，示例牧业涨超5%。"),
    )
    assert themed_stories(items) == {frozenset({"cls:m1"}), frozenset({"cls:m2"})}


def test_one_speakers_release_told_with_and_without_its_figure_is_one_story():
    items = analyzed(
        news(
            "cls",
            "r1",
            0,
            "行业协会：5月国内车企新能源乘用车预估批售量达128万辆 同比、环比均上涨超9%",
            "行业协会数据显示，5月国内车企新能源乘用车预估批售量达128万辆。",
        ),
        news("ths", "r2", 8, "行业协会：5月多家主流车企新能源批发销量刷新同期纪录", "协会称。"),
        news("cls", "r3", 4, "行业协会：示例汽车中国5月份销量81,234辆", "协会数据显示。"),
    )
    # "同比、环比均上涨" in a wholesale figure is no market move; the carmaker's own figure,
    # quoted by the same speaker, is another story.
    assert themed_stories(items, "示例汽车") == {
        frozenset({"cls:r1", "ths:r2"}),
        frozenset({"cls:r3"}),
    }


def test_reports_of_one_release_that_share_an_exact_figure_are_one_story():
    items = analyzed(
        news(
            "eastmoney",
            "k3",
            0,
            "示例国5月出口额765.4亿美元创单月新高 半导体出口大增148.6%",
            "示例国5月出口同比增长47.3%，出口额765.4亿美元，其中半导体出口大增148.6%。",
        ),
        news(
            "cls",
            "k5",
            3,
            "示例国5月出口同比增47.3% 创单月新高",
            "示例国5月出口额765.4亿美元，同比增长47.3%，创单月新高。",
        ),
        news(
            "cls",
            "k4",
            200,
            "示例国5月半导体出口额达312.7亿美元 同比猛增148.6%",
            "受人工智能服务器需求带动，存储芯片出口大增。",
        ),
    )
    # The chip figure links to the total's report, not to the flash of the total alone, so
    # most pairs across are not linked: the exact "148.6%" and a shared word join them.
    assert themed_stories(items) == {frozenset({"eastmoney:k3", "cls:k5", "cls:k4"})}
    (event,) = group(items, entity_names(packs()), topic_words(packs()))
    assert "told_facts" in {link.rule for link in event.links}


def test_an_initiative_and_the_answers_to_it_are_one_story():
    items = analyzed(
        news(
            "eastmoney",
            "i1",
            0,
            "行业联盟联合发布《电池企业供应商账款支付规范倡议》",
            "两大联盟联合发布倡议。",
        ),
        news(
            "cls",
            "i2",
            10,
            "示例电池：积极响应《电池企业供应商账款支付规范倡议》",
            "公司表示将积极响应。",
        ),
    )
    assert stories(items, "示例电池") == {frozenset({"eastmoney:i1", "cls:i2"})}


def test_a_shared_round_amount_hours_apart_or_a_figure_in_two_units_is_no_fact():
    items = analyzed(
        news("cls", "v1", 60, "甲智能完成新一轮融资 估值超200亿元", "甲智能宣布完成新一轮融资。"),
        news("ths", "v2", 200, "乙机器人C轮融资后估值超200亿元", "乙机器人完成C轮融资。"),
        news(
            "cls",
            "v3",
            10,
            "示例汽车5月销量33140辆 同比增长23.76%",
            "示例汽车公告，5月新能源车销量创历史新高，海外出口同比翻倍。",
        ),
        news(
            "ths",
            "v4",
            15,
            "样例汽车5月汽车销量23.76万辆 同比增长1%",
            "样例汽车披露，受价格战影响，其燃油车型销量继续下滑。",
        ),
    )
    stories_told = themed_stories(items, "甲智能", "乙机器人", "示例汽车", "样例汽车")
    assert stories_told == {frozenset({key}) for key in ("cls:v1", "ths:v2", "cls:v3", "ths:v4")}


def test_told_facts_are_documents_amounts_and_exact_figures_with_their_units():
    assert told_facts("示例国5月出口额765.4亿美元创新高 半导体出口大增148.6%") == {
        "765.4亿美元",
        "148.6%",
    }
    assert told_facts("政府：预计将投资约600万亿韩元") == {"600万亿韩元"}
    assert told_facts("示例汽车中国5月份销量81,234辆") == {"81234辆"}
    assert told_facts("示例股价站上1000美元 同比增长35%") == set()  # round, or too short
    assert told_facts("据《华尔街日报》报道，示例公司拟发布《算力设施建设指导意见》") == {
        "《算力设施建设指导意见》"
    }
    # A title pasting two stories tells neither's fact.
    assert told_facts("示例国出口大增148.6%！芯片ETF涨4%") == set()
    assert told_facts("示例国出口大增148.6%；示例公司营收增长12.5%") == set()


def test_a_documents_issue_and_its_measures_told_by_one_agency_are_one_story():
    items = analyzed(
        news(
            "cls",
            "d2",
            9,
            "深圳：鼓励财险公司探索研究智能驾驶综合保险",
            "为无人驾驶出租车提供保障。",
        ),
        news("cls", "d3", 12, "深圳：合理降低新能源汽车维修使用成本", "推动维修数据开放共享。"),
        news("cls", "d4", 15, "深圳：加强对新能源车险投诉处理的督查督办", "压实保险公司主体责任。"),
        news("cls", "d5", 18, "深圳出台新能源车险高质量发展“深十条”", "深圳发布十条措施。"),
    )
    # The flashes of the measures share no words: the city and the minutes tie them.
    assert stories(items) == {frozenset({"cls:d2", "cls:d3", "cls:d4", "cls:d5"})}
    assert set(joined_by(items, entity_names(packs())).values()) == {"document"}


def test_flashes_of_one_speaker_that_is_a_company_a_person_or_a_broker_stay_apart():
    items = analyzed(
        news("cls", "p1", 0, "中信建投：坚定看好国产燃机出海", "燃机出海空间广阔。"),
        news("cls", "p2", 3, "中信建投：关注人形机器人应用表现", "人形机器人进入工厂。"),
        news("cls", "p3", 5, "马斯克：SpaceX计划今年每月发布一个全新的模型", "马斯克在采访中称。"),
        news("cls", "p4", 8, "马斯克：火星任务将于2028年启动", "马斯克在同一采访中称。"),
        news("cls", "p5", 30, "深圳：合理降低新能源汽车维修使用成本", "推动维修数据开放共享。"),
        news("cls", "p6", 45, "深圳：支持建设算力网", "加快新型基础设施建设。"),
    )
    # Views and remarks are a story each; an agency's flashes far apart are two documents.
    assert stories(items) == {frozenset({f"cls:p{n}"}) for n in range(1, 7)}


def test_a_teaser_joins_the_report_of_the_company_it_names_by_another_name():
    teaser = news(
        "eastmoney",
        "t1",
        600,
        "两大主机厂接连牵手示例能源 新能源渗透率站上60%关口",
        "示例汽车、样例汽车先后与示例能源签署合作协议，布局补能网络。",
    )
    report = news(
        "cls",
        "t2",
        0,
        "示例能源与示例汽车签署合作框架协议 推动产业和资本合作",
        "双方将在补能网络、电池回收等领域开展合作。",
    )
    names = entity_names(packs()) | {"示例汽车", "示例汽车股份"}
    events = group(
        analyzed(teaser, report), names, topic_words(packs()), same_as={"示例汽车": "示例汽车股份"}
    )
    # The report's subject is the company's canonical name; the teaser's lead uses its alias.
    assert partition(events) == {frozenset({"eastmoney:t1", "cls:t2"})}


def test_two_figures_that_share_only_a_theme_word_are_two_stories():
    figures = [
        news(
            "cls",
            "w1",
            0,
            "新能源渗透率站上60%关口 竞争逻辑或重构",
            "新能源汽车零售渗透率持续提升。",
        ),
        news("ths", "w2", 30, "示例电商夏季大促品牌GMV渗透率近40%", "示例电商公布大促数据。"),
    ]
    # "渗透率" is rare in the window's titles, but a known word is no story's own term.
    assert stand_alone(figures)


def test_one_companys_reports_within_the_hour_sharing_its_terms_are_one_story():

    def told(later: float) -> set[frozenset[str]]:
        offer = news("cls", "o1", 0, "示例智能拟让产业基金持有一成股份 换取算力资源", "致函称。")
        again = news(
            "ths", "o2", later, "示例智能：产业基金或成第二大股东 资源同步到位", "据报道。"
        )
        return themed_stories(analyzed(*FILLER, offer, again), "示例智能")

    # One offer told twice within the hour; hours apart, two matters with the same terms.
    assert frozenset({"cls:o1", "ths:o2"}) in told(40)
    assert frozenset({"cls:o1"}) in told(180)


def test_joined_by_names_the_rule_that_joins_each_pair():
    offer = news("cls", "o1", 0, "示例智能拟让产业基金持有一成股份 换取算力资源", "致函称。")
    again = news("ths", "o2", 40, "示例智能：产业基金或成第二大股东 资源同步到位", "据报道。")
    names = entity_names(packs()) | {"示例智能"}
    joined = joined_by(analyzed(*FILLER, offer, again), names, topic_words(packs()))
    assert joined[("cls:o1", "ths:o2")] == "company_hour"
    assert {rule for pair, rule in joined.items() if "cls:o1" not in pair} == {"rewrite"}


def test_an_event_keeps_the_rule_that_joined_each_pair_of_its_items():
    offer = news("cls", "o1", 0, "示例智能拟让产业基金持有一成股份 换取算力资源", "致函称。")
    again = news("ths", "o2", 40, "示例智能：产业基金或成第二大股东 资源同步到位", "据报道。")
    names = entity_names(packs()) | {"示例智能"}
    events = group(analyzed(*FILLER, offer, again), names, topic_words(packs()))
    (event,) = [e for e in events if "cls:o1" in {a.key for a in e.items}]
    assert event.links == (Link("cls:o1", "ths:o2", "company_hour"),)
    assert all(not e.links for e in events if len(e.items) == 1)


def test_a_roundup_of_three_companies_figures_is_no_teaser_of_one():
    roundup = news(
        "cls",
        "r1",
        30,
        "“甲乙丙”披露5月新车交付数据",
        "甲汽车交付新车37705辆；乙汽车交付新车32158辆；丙汽车交付新车33350辆，同比下降18%。",
    )
    report = news("ths", "r2", 0, "丙汽车5月交付新车33350辆 同比下降18%", "丙汽车公告5月交付数据。")
    found = themed_stories(analyzed(roundup, report), "甲汽车", "乙汽车", "丙汽车")
    assert found == {frozenset({"cls:r1"}), frozenset({"ths:r2"})}


def test_two_deals_sharing_only_a_currency_are_two_stories():
    deals = [
        news("cls", "c1", 0, "示例银行斥资7.5亿英镑收购其位于伦敦的总部大楼", "示例银行宣布。"),
        news("ths", "c2", 80, "某国首相称，将设立规模达500亿英镑的出口融资工具", "首相表示。"),
    ]
    # "亿英镑" is an amount's unit, no term of either deal.
    assert stand_alone(deals)


def test_two_figures_sharing_only_a_metrics_name_are_two_stories():
    figures = [
        news("cls", "s1", 0, "示例地产集团：前5月合约销售额同比增21.3%", "示例地产集团公告。"),
        news(
            "ths",
            "s2",
            60,
            "机构预计今年半导体市场规模或达1.5万亿美元 存储芯片销售额同比将上升250%",
            "机构报告称，存储芯片需求强劲。",
        ),
    ]
    # "销售额" is rare in the window, but a metric two figures share is no deed of one story.
    assert stand_alone(figures)


def test_a_digest_column_is_no_teaser():
    column = news(
        "cls",
        "c1",
        240,
        "【财联社早知道】机构称MLCC已成为AI服务器第三大成本项",
        "示例跳动旗下AI智能体平台上线3.0版本；机构称MLCC成本占比提升；示例电子订单饱满。",
    )
    report = news(
        "ths", "c2", 0, "示例跳动AI智能体平台上线3.0全新版本", "示例跳动宣布智能体平台上线新版本。"
    )
    found = themed_stories(analyzed(column, report), "示例跳动", "示例电子")
    assert found == {frozenset({"cls:c1"}), frozenset({"ths:c2"})}


def test_an_exact_share_or_a_round_amount_needs_a_shared_name_to_tell_one_fact():
    items = analyzed(
        news("cls", "e1", 0, "示例市1-6月接待游客量同比增长17.6%", "示例市文旅局发布数据。"),
        news(
            "ths",
            "e2",
            20,
            "行业协会：5月汽车商品进出口总额为294.6亿美元 同比增长17.6%",
            "行业协会发布月度数据。",
        ),
        news("cls", "e3", 30, "示例投资：拟向特定对象发行股票募资不超3亿元", "公司公告。"),
        news(
            "ths", "e4", 40, "证监会征求意见：小额快速融资单次不超3亿元", "证监会发布征求意见稿。"
        ),
    )
    # The same figure in two unrelated releases, the same round sum in two unrelated filings.
    found = themed_stories(items, "示例投资")
    assert found == {frozenset({key}) for key in ("cls:e1", "ths:e2", "cls:e3", "ths:e4")}


def test_one_companys_launches_sharing_only_the_frame_of_news_are_two_stories():
    launches = [
        news("cls", "l1", 0, "示例通信nova 16系列上市 售价2999元起", "示例通信发布手机。"),
        news("ths", "l2", 20, "示例通信平板MatePad Pro Max正式发布，售价5999元起", "发布平板。"),
        news(
            "cls",
            "l3",
            30,
            "示例通信首席执行官表示，公司将在可能的情况下尽量使用现成的架构而非定制处理器",
            "示例通信表示。",
        ),
        news(
            "ths",
            "l4",
            40,
            "示例通信首席执行官表示，面向个人电脑产品线的芯片今年将扩大供应",
            "据报道。",
        ),
    ]
    # "…售价…元起" and "首席执行官表示" frame any company's news: no deed's own terms.
    assert stand_alone(launches, "示例通信")


def test_two_start_ups_rounds_told_alike_are_two_stories():
    rounds = [
        news("cls", "u1", 0, "甲坤科技完成数亿元天使轮融资", "甲坤科技宣布完成天使轮融资。"),
        news(
            "ths",
            "u2",
            60,
            "蚂蚁、滴滴领投 乙智机器人完成数亿元多轮融资",
            "乙智机器人宣布完成多轮融资，资金用于研发。",
        ),
    ]
    # One title has a subject the other does not name: "数亿元…轮融资" is no shared deed.
    assert stand_alone(rounds)


def test_an_etf_note_is_no_teaser_of_the_companys_report():
    note = news(
        "eastmoney",
        "n1",
        120,
        "港股通汽车ETF示例涨超2%，6月龙头车企出口销量增速持续超预期",
        "示例汽车6月新能源汽车销量403472辆，海外销量同比大增。汽车ETF示例涨超2%。",
    )
    report = news("cls", "n2", 0, "示例汽车6月新能源汽车销量403472辆", "示例汽车公告6月产销快报。")
    found = themed_stories(analyzed(note, report), "示例汽车")
    assert found == {frozenset({"eastmoney:n1"}), frozenset({"cls:n2"})}


def test_two_companies_deal_told_in_other_words_is_one_story():
    deal = [
        news("cls", "d1", 90, "丙达联手甲芯、Sharpa 打造参考人形机器人", "丙达联手甲芯。"),
        news(
            "ths",
            "d2",
            0,
            "丙达将与甲芯科技等全球人形机器人制造商合作开发研究用途机器人",
            "丙达将与多家制造商合作。",
        ),
    ]
    # Both companies named, without a deal: another story.
    other = news("eastmoney", "d3", 30, "甲芯科技采用丙达芯片推出新款机器狗", "甲芯科技发布新品。")
    # One company's two deals ("甲芯" inside "甲芯科技" is no second company): two stories.
    lab = news("cls", "d4", 200, "甲芯科技携手丁大学 共建具身智能实验室", "甲芯科技携手丁大学。")
    care = news("ths", "d5", 230, "甲芯科技联手戊医院 开发康复机器人", "甲芯科技联手戊医院。")
    found = themed_stories(analyzed(*FILLER, *deal, other, lab, care), "丙达", "甲芯", "甲芯科技")
    assert frozenset({"cls:d1", "ths:d2"}) in found
    assert frozenset({"eastmoney:d3"}) in found
    assert frozenset({"cls:d4"}) in found and frozenset({"ths:d5"}) in found
