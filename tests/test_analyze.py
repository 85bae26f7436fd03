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


def test_only_blocks_holding_a_short_term_are_segmented_with_the_same_tokens():
    words = ["AI芯片", "人形机器人"]
    everything = Segmenter(words)
    partial = Segmenter(words, short_terms=["芯片", "电池"])
    text = "示例公司发布新一代芯片产品，电池业务同比增长；其他内容与主题无关"
    kept = set(partial.tokens(text))
    assert "芯片" in kept or "芯片产品" in kept
    assert not kept & set(everything.tokens("其他内容与主题无关"))  # that block was skipped
    for block in ("示例公司发布新一代芯片产品", "电池业务同比增长"):
        assert set(everything.tokens(block)) <= kept


def test_a_text_without_short_terms_is_not_segmented():
    assert Segmenter(["AI芯片"], short_terms=["电池"]).tokens("寒武纪发布AI芯片") == []


def test_the_dictionary_cache_is_written_once_and_read_back(tmp_path):
    words = ["示例新词甲乙", "AI芯片"]
    first = Segmenter(words, cache_dir=tmp_path)
    [cached] = tmp_path.glob("jieba-*.pickle")
    second = Segmenter(words, cache_dir=tmp_path)
    text = "示例新词甲乙发布AI芯片"
    assert second.tokens(text) == first.tokens(text)
    assert "示例新词甲乙" in second.tokens(text)  # the packs' words came back with it
    assert list(tmp_path.glob("jieba-*.pickle")) == [cached]


def test_other_words_get_their_own_dictionary_cache(tmp_path):
    Segmenter(["示例新词甲乙"], cache_dir=tmp_path)
    Segmenter(["示例新词丙丁"], cache_dir=tmp_path)
    assert len(list(tmp_path.glob("jieba-*.pickle"))) == 2


def test_a_damaged_dictionary_cache_is_rebuilt(tmp_path):
    Segmenter(["示例新词甲乙"], cache_dir=tmp_path)
    [cached] = tmp_path.glob("jieba-*.pickle")
    cached.write_bytes(b"not a pickle")
    again = Segmenter(["示例新词甲乙"], cache_dir=tmp_path)
    assert "示例新词甲乙" in again.tokens("示例新词甲乙发布")
    assert cached.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache directory would go")
    segmenter = Segmenter(["示例新词甲乙"], cache_dir=blocked / "cache")
    assert "示例新词甲乙" in segmenter.tokens("示例新词甲乙发布")


def test_a_cache_write_that_fails_midway_leaves_no_partial_file(tmp_path, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr("theme_research.analyze.pickle.dump", disk_full)
    segmenter = Segmenter(["示例新词甲乙"], cache_dir=tmp_path)
    assert "示例新词甲乙" in segmenter.tokens("示例新词甲乙发布")
    assert list(tmp_path.iterdir()) == []
