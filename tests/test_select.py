"""Relevance selection: the theme must be the subject, not a passing mention.

Every item here is invented for the test.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from theme_research.analyze import Analyzed, Segmenter, analyze
from theme_research.models import MARKET_TZ, NewsItem, content_key
from theme_research.select import (
    Relevance,
    compile_pack,
    defer_to_other_themes,
    is_digest,
    occurs,
    select,
)
from theme_research.themes import ThemePack, builtin_pack_paths, get_pack, load_pack

START = datetime(2026, 3, 2, 9, 0, tzinfo=MARKET_TZ)
BUILTIN = {p.slug: p for p in map(load_pack, builtin_pack_paths())}


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    words = {
        w for name in ("人工智能", "机器人", "新能源车") for w in pack(name).dictionary_words()
    }
    return Segmenter(words)


def pack(name: str) -> ThemePack:
    return get_pack(name, BUILTIN)


def analyzed(segmenter: Segmenter, title: str, content: str = "", source: str = "cls") -> Analyzed:
    key = content_key(title, content)
    item = NewsItem(source, key, START + timedelta(minutes=5), title, content)
    return analyze([item], segmenter)[0]


def judge(segmenter: Segmenter, theme: str, title: str, content: str = "") -> Relevance:
    item = analyzed(segmenter, title, content)
    return select([item], pack(theme))[item.key]


def test_a_core_ai_story_is_kept_with_its_terms_and_ticker(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "寒武纪发布新一代AI芯片 算力提升",
        "寒武纪今日发布新一代云端AI芯片，单卡算力较上一代提升一倍，将于下季度量产。",
    )
    assert relevance.kept
    assert {"寒武纪", "AI芯片", "算力"} <= set(relevance.matched)
    assert "688256.SH" in relevance.tickers
    assert "算力芯片" in relevance.segments
    assert not relevance.flags


def test_select_returns_every_item_kept_or_not(segmenter):
    items = [
        analyzed(segmenter, "示例大模型公司发布开源模型", "示例公司发布多模态大模型。"),
        analyzed(segmenter, "今日菜价平稳", "蔬菜批发价格与上周持平。"),
    ]
    relevance = select(items, pack("人工智能"))
    assert set(relevance) == {a.key for a in items}
    assert [relevance[a.key].kept for a in items] == [True, False]


def test_a_retailer_using_ai_is_a_passing_mention(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "某连锁超市门店上线AI客服",
        "某连锁超市宣布全部门店启用AI智能客服，顾客可通过小程序咨询商品与退换货。",
    )
    assert not relevance.kept
    assert set(relevance.matched) <= {"AI", "智能"}


def test_a_retailer_using_ai_with_buzzwords_is_a_passing_mention(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "某连锁超市推进数字化转型 门店上线AI客服",
        "某连锁超市宣布全部门店启用AI智能客服，借助算法推荐商品，打造智慧零售。",
    )
    assert not relevance.kept


def test_a_macro_rate_cut_is_not_ai_news(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "央行宣布下调存款准备金率0.5个百分点",
        "央行决定下调金融机构存款准备金率0.5个百分点，预计释放长期资金约1万亿元。",
    )
    assert not relevance.kept
    assert relevance.score < 1.0


def test_a_digest_of_numbered_points_is_not_kept(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "晚间上市公司公告速览",
        "1、甲公司与客户签订大模型服务合同。2、乙公司回购股份。"
        "3、丙公司发布AI芯片新品。4、丁公司上半年业绩预增。",
    )
    assert not relevance.kept
    assert "digest" in relevance.flags


def test_three_numbered_points_are_not_a_digest(segmenter):
    item = analyzed(
        segmenter,
        "示例公司发布大模型",
        "新模型有三点改进：1、推理更快。2、成本更低。3、支持多模态。",
    )
    assert not is_digest(item)


def test_a_digest_title_is_enough(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "早间新闻精选",
        "寒武纪发布新一代AI芯片，单卡算力提升一倍。",
    )
    assert not relevance.kept
    assert "digest" in relevance.flags


def test_a_money_flow_column_a_roundup_and_a_risk_column_are_digests(segmenter):
    item = analyzed(segmenter, "主力资金监控：宁德时代净卖出超17亿", "主力资金净流出前五名。")
    assert is_digest(item)
    roundup = analyzed(segmenter, "半年度业绩预告盘点丨46家上市公司已披露", "20家预计净利增长。")
    assert is_digest(roundup)
    warnings = analyzed(segmenter, "7月3日投资避雷针：半导体板块大跌 示例公司提示风险", "1.…")
    assert is_digest(warnings)


def test_a_title_listing_the_days_moves_is_a_wrap_unless_it_leads_with_the_theme(segmenter):
    wrap = judge(
        segmenter,
        "新能源车",
        "创业板涨超3%，示例股涨近70%，算力硬件爆发，金融股走强，碳酸锂期货涨超7%，沪银涨超5%",
        "创业板涨超3%，碳酸锂期货涨超7%。",
    )
    assert "market-wrap" in wrap.flags
    sector = judge(
        segmenter,
        "新能源车",
        "碳酸锂期货涨超7%，天齐锂业涨超5%，赣锋锂业涨超4%，盐湖股份涨超3%",
        "碳酸锂期货大涨，锂电池板块走强。",
    )
    assert sector.kept, sector.flags


def test_a_us_market_wrap_naming_megacaps_in_its_body_is_not_kept(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "美股收评：三大指数集体收涨",
        "美股周一收涨，道指涨0.5%，纳指涨1.1%，微软、Meta、谷歌、亚马逊均涨超1%，特斯拉跌2%。",
    )
    assert not relevance.kept
    assert "market-wrap" in relevance.flags


def test_a_us_market_wrap_naming_megacaps_in_its_title_is_not_kept(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "美股收评：三大指数收涨，英伟达、微软、Meta、谷歌涨超1%",
        "美股周一收涨，道指涨0.5%，纳指涨1.1%，特斯拉跌2%。",
    )
    assert not relevance.kept


def test_a_market_close_wrap_with_an_ai_aside_is_not_kept(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "美股收盘：三大指数集体收涨 道指创新高",
        "美股三大指数集体收涨，纳指涨1.2%，道指涨0.3%。热门科技股普涨，AMD涨超7%，"
        "英伟达涨超2%，能源股走低。分析人士称，AI热潮继续带动科技板块。",
    )
    assert not relevance.kept


def test_a_security_that_is_also_a_keyword_keeps_its_ticker(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "英伟达发布新一代GPU",
        "英伟达今日发布新一代数据中心GPU，算力较上一代提升一倍。",
    )
    assert relevance.kept
    assert "NVDA.US" in relevance.tickers


def test_a_market_wrap_naming_two_stocks_in_its_body_is_not_kept(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "港股收评：恒指跌0.6% 恒生科技指数涨1.8%",
        "恒生指数收跌0.6%，恒生科技指数涨1.8%。成分股中联想集团、百度集团涨幅居前，"
        "乳业、黄金股跌幅靠前。",
    )
    assert not relevance.kept


def test_a_segment_keyword_tags_its_segment(segmenter):
    relevance = judge(
        segmenter, "人工智能", "示例公司发布1.6T光模块", "示例公司发布新一代光模块，支持CPO方案。"
    )
    assert relevance.kept
    assert "光模块与网络" in relevance.segments


def test_an_exclusion_term_drops_an_otherwise_kept_item(segmenter):
    body = "示例公司发布多模态大模型，可识别伪造视频。"
    kept = judge(segmenter, "人工智能", "示例公司发布视频识别大模型", body)
    excluded = judge(segmenter, "人工智能", "示例公司发布AI换脸识别大模型", body)
    assert kept.kept
    assert not excluded.kept
    assert "excluded:ai换脸" in excluded.flags


def test_an_exclusion_term_in_the_body_of_a_title_naming_the_theme_is_a_passing_mention(
    segmenter,
):
    rally = judge(
        segmenter,
        "机器人",
        "港股人形机器人概念涨幅扩大 优必选等5股涨超10%",
        "优必选、地平线机器人等5股涨超10%。",
    )
    assert rally.kept, rally.flags
    # Without the theme in its title, the body's excluded word still drops the item.
    chips = judge(
        segmenter,
        "机器人",
        "示例公司发布新一代芯片",
        "示例公司称新芯片用于地平线机器人的方案，也可用于人形机器人与工业机器人。",
    )
    assert "excluded:地平线机器人" in chips.flags


def test_a_latin_exclusion_term_matches_on_word_boundaries(segmenter):
    # 机器人 excludes "RPA" (software robots); a robot maker named Sharpa is no RPA.
    title = "示例科技联手Sharpa打造参考人形机器人"
    kept = judge(segmenter, "机器人", title, title + "，面向高校研究。")
    assert kept.kept, kept.flags
    excluded = judge(segmenter, "机器人", "示例科技发布RPA流程机器人", "示例科技的RPA机器人上线。")
    assert "excluded:rpa" in excluded.flags


def test_latin_terms_match_on_word_boundaries(segmenter):
    assert not occurs("AI", "示例公司main业务", frozenset())
    relevance = judge(segmenter, "人工智能", "MAIN公司发布年报", "MAIN公司年报显示营收增长。")
    assert "AI" not in relevance.matched
    assert relevance.score == 0


def test_latin_terms_match_next_to_chinese(segmenter):
    relevance = judge(segmenter, "人工智能", "示例公司布局AI应用", "示例公司加码AI业务。")
    assert "AI" in relevance.matched


def test_ascii_boundary_rejects_latin_neighbours():
    assert not occurs("AI", "domain names", frozenset())
    assert occurs("AI", "open ai model", frozenset())
    assert occurs("GPU", "gpu芯片", frozenset())
    assert not occurs("GPU", "gpus", frozenset())


def test_two_character_terms_do_not_match_the_tail_of_a_compound(segmenter):
    # "电机" (a robotics part) is the tail of "发电机"; "吉利" (an automaker) of "英吉利".
    generator = judge(
        segmenter, "机器人", "某风电企业获发电机大单", "公司签下风电场发电机供货合同。"
    )
    servo = judge(segmenter, "机器人", "某公司伺服电机获大单", "公司签下伺服电机供货合同。")
    assert "电机" not in generator.matched
    assert "电机" in servo.matched
    channel = judge(segmenter, "新能源车", "英吉利海峡风电项目开工", "英吉利海峡一座风电场开工。")
    assert "吉利" not in channel.matched


def test_two_character_terms_match_the_head_of_a_compound(segmenter):
    item = analyzed(segmenter, "示例公司伺服电机组装线投产")
    assert occurs("电机", item.title.lower(), item.title_tokens)


def test_a_drone_story_is_not_robotics(segmenter):
    relevance = judge(
        segmenter,
        "机器人",
        "某公司发布巡检无人机 搭载机械臂",
        "该无人机搭载轻型机械臂，可在电力巡检中自动更换绝缘子，被称为空中机器人。",
    )
    assert not relevance.kept
    assert "excluded:无人机" in relevance.flags


def test_a_humanoid_robot_story_is_robotics(segmenter):
    relevance = judge(
        segmenter,
        "机器人",
        "示例公司发布新款人形机器人",
        "新品搭载自研灵巧手与关节模组，预计年内量产。",
    )
    assert relevance.kept
    assert {"人形机器人", "灵巧手"} <= set(relevance.matched)


def test_body_mentions_need_several_distinct_strong_terms(segmenter):
    one = judge(segmenter, "人工智能", "示例公司召开年度股东会", "会上提到大模型。" * 3)
    several = judge(
        segmenter,
        "人工智能",
        "示例公司召开年度股东会",
        "公司介绍了大模型、智算中心和光模块三项业务的进展。",
    )
    assert not one.kept
    assert several.kept


def test_weak_terms_alone_never_keep_an_item(segmenter):
    relevance = judge(
        segmenter,
        "人工智能",
        "示例城市推进智慧交通与数字化治理",
        "该市推进智能化改造，建设智慧城市，发展数字经济，并引入算法优化信号灯。",
    )
    assert not relevance.kept
    assert relevance.score < 2.5


def test_compiled_pack_lists_each_term_once_with_the_strongest_weight():
    matcher = compile_pack(pack("人工智能"))
    texts = [t.text.lower() for t in matcher.terms]
    assert len(texts) == len(set(texts))
    by_text = {t.text: t for t in matcher.terms}
    assert by_text["寒武纪"].ticker == "688256.SH"
    assert by_text["大模型"].weight == pack("人工智能").keywords["大模型"]


def test_an_item_kept_on_a_single_tie_goes_to_the_theme_that_claims_it_far_more(segmenter):
    robots_news = analyzed(segmenter, "机器人ETF涨超5%，特斯拉人形机器人产线排产爬坡")
    car_news = analyzed(segmenter, "特斯拉二季度交付量超预期 新能源汽车销量创新高")
    items = [robots_news, car_news]
    nev = select(items, pack("新能源车"))
    assert nev[robots_news.key].kept and nev[robots_news.key].score < 3  # a single tie
    settled = defer_to_other_themes(items, nev, [pack("机器人"), pack("人工智能")])
    assert not settled[robots_news.key].kept
    assert "belongs-to:robotics" in settled[robots_news.key].flags
    assert settled[car_news.key] == nev[car_news.key]  # a strong tie stays
    assert defer_to_other_themes(items, nev, []) == nev
