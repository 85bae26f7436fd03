"""Theme-independent text analysis: numbers, amounts, heads of compounds, shingles."""

from __future__ import annotations

from datetime import datetime

import pytest

from theme_research.analyze import (
    Segmenter,
    amounts_in_yuan,
    analyze_item,
    body_text,
    mask_numbers,
    numbers_in,
    shingles,
    with_heads,
)
from theme_research.models import MARKET_TZ, NewsItem


def news(title: str, content: str, source: str = "cls", source_id: str = "1") -> NewsItem:
    return NewsItem(
        source, source_id, datetime(2026, 3, 2, 9, 30, tzinfo=MARKET_TZ), title, content
    )


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter(["AI芯片", "人形机器人"])


def test_numbers_are_kept_as_written():
    assert numbers_in("营收3.1亿元，同比增长40%，第2季度") == ["3.1", "40", "2"]
    assert numbers_in("没有数字") == []


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("合同金额12亿元", 12e8),
        ("拟投资5000万元建设产线", 5e7),
        ("融资8亿美元", 8e8 * 7.0),
        ("规模达1.5万亿元", 1.5e12),
        ("订单金额300元", 300.0),
    ],
)
def test_amounts_are_converted_to_yuan(text, yuan):
    assert amounts_in_yuan(text) == [pytest.approx(yuan)]


def test_amounts_need_a_currency():
    # A bare count ("3亿颗芯片", "20万台") is not money.
    assert amounts_in_yuan("年产3亿颗芯片，出货20万台") == []


def test_amounts_find_every_sum():
    assert len(amounts_in_yuan("首期10亿元，二期20亿元")) == 2


def test_analyzed_item_reads_percents_amounts_and_numbers(segmenter):
    analyzed = analyze_item(
        news("示例公司签下9亿元AI芯片订单", "示例公司股价涨超12.5%，订单金额9亿元。"), segmenter
    )
    assert analyzed.percents == (12.5,)
    assert analyzed.amounts_yuan and all(x == pytest.approx(9e8) for x in analyzed.amounts_yuan)
    assert {"9", "12.5"} <= analyzed.numbers
    assert "ai芯片" in analyzed.tokens and "ai芯片" in analyzed.title_tokens


def test_with_heads_adds_the_head_of_chinese_compounds():
    heads = with_heads(["芯片股", "机器人", "涨"])
    assert {"芯片股", "芯片", "机器人", "机器", "涨"} == heads


def test_with_heads_never_adds_a_tail():
    assert "电机" not in with_heads(["发电机"])
    assert "吉利" not in with_heads(["英吉利海峡"])


def test_with_heads_leaves_latin_tokens_alone():
    assert with_heads(["nvidia", "ai芯片"]) == {"nvidia", "ai芯片"}


def test_segmenter_keeps_dictionary_words_whole_and_drops_punctuation(segmenter):
    tokens = segmenter.tokens("寒武纪发布AI芯片，人形机器人亮相！")
    assert "ai芯片" in tokens and "人形机器人" in tokens
    assert "，" not in tokens and "！" not in tokens
    assert all(t == t.lower() for t in tokens)


def test_body_text_strips_a_leading_bracketed_title():
    item = news("示例公司发布新品", "【示例公司发布新品】财联社3月2日电，示例公司今日发布新品。")
    assert body_text(item) == "财联社3月2日电，示例公司今日发布新品。"


def test_body_text_keeps_brackets_elsewhere_and_plain_content():
    inside = news("标题", "正文提到【某栏目】的内容。")
    assert body_text(inside) == "正文提到【某栏目】的内容。"
    plain = news("标题", "  只有正文。 ")
    assert body_text(plain) == "只有正文。"


def test_body_text_keeps_an_unclosed_or_very_long_bracket():
    unclosed = news("标题", "【没有闭合的括号，正文继续")
    assert body_text(unclosed) == "【没有闭合的括号，正文继续"
    long_title = "【" + "长" * 300 + "】正文"
    assert body_text(news("标题", long_title)) == long_title


def test_analyzed_title_drops_headline_brackets(segmenter):
    analyzed = analyze_item(news("【示例公司发布新品】", "【示例公司发布新品】正文。"), segmenter)
    assert analyzed.title == "示例公司发布新品"
    assert analyzed.body == "正文。"
    assert analyzed.lead.startswith("示例公司发布新品 正文")


def test_mask_numbers_makes_updates_read_alike():
    first = mask_numbers("示例指数涨超3%")
    later = mask_numbers("示例指数涨超5.2%")
    assert first == later == "示例指数涨超#%"
    assert mask_numbers("无数字") == "无数字"


def test_shingles_are_bigrams_of_normalized_text():
    assert shingles("AI 芯片！") == {"ai", "i芯", "芯片"}
    assert shingles("Ab") == {"ab"}
    assert shingles("！ ") == set()


def test_shingles_ignore_punctuation_and_case():
    assert shingles("示例，公司 发布") == shingles("示例公司发布")
    assert shingles("GPU") == shingles("gpu")


def test_shingles_of_other_sizes():
    assert shingles("abcd", size=3) == {"abc", "bcd"}
