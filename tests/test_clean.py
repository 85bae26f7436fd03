from theme_research.clean import (
    clean_pair,
    fold_width,
    leading_headline,
    normalize,
    strip_dateline,
    to_simplified,
)


def test_fold_width_folds_letters_digits_and_number_signs_but_keeps_chinese_punctuation():
    assert fold_width("ＡＩ芯片涨１２．５％，营收（亿元）") == "AI芯片涨12.5%，营收（亿元）"


def test_to_simplified_converts_traditional():
    assert to_simplified("臺積電擴產，國際訂單") == "台积电扩产，国际订单"


def test_strip_dateline_variants():
    assert strip_dateline("财联社7月1日电，据美国能源信息署") == "据美国能源信息署"
    assert strip_dateline("新华社北京3月18日电 国务院常务会议") == "国务院常务会议"
    assert strip_dateline("【标题】财联社6月30日电，正文") == "【标题】正文"
    assert strip_dateline("《科创板日报》1日讯，据报道") == "据报道"
    assert strip_dateline("财联社2日电，据报道") == "据报道"


def test_strip_dateline_keeps_ordinary_dates():
    text = "6月30日，龙蟠科技在互动平台表示"
    assert strip_dateline(text) == text
    assert strip_dateline("央行3月18日消息，开展逆回购") == "央行3月18日消息，开展逆回购"
    assert strip_dateline("《半导体行业观察》30日，正文") == "《半导体行业观察》30日，正文"


def test_leading_headline():
    assert leading_headline("【样例公司获订单】正文") == "样例公司获订单"
    assert leading_headline("正文【不是开头】") == ""


def test_clean_pair_falls_back_to_headline_then_first_sentence():
    assert clean_pair("", "【头条】财联社3月18日电，正文。")[0] == "头条"
    assert clean_pair("", "没有标题的快讯。第二句。")[0] == "没有标题的快讯"
    title, content = clean_pair("　ＡＩ　标题 ", "財聯社3月18日電，內容")
    assert (title, content) == ("AI 标题", "内容")


def test_normalize_decodes_html_entities():
    assert normalize("Microsoft&apos;s AI &amp; Cloud&#39;s &quot;Push&quot;") == (
        "Microsoft's AI & Cloud's \"Push\""
    )


def test_normalize_collapses_spaces():
    assert normalize("  a \t b\u00a0 c ") == "a b c"
