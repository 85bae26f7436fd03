from datetime import datetime

from theme_research.analyze import analyze_item
from theme_research.classify import (
    COMMENTARY_VALUE,
    LEAD_FACTOR,
    event_type,
    headline_kinds,
    title_kinds,
)
from theme_research.models import MARKET_TZ, NewsItem


def kind(title: str, content: str = "") -> tuple[str, float]:
    item = NewsItem(
        "t", title, datetime(2026, 3, 18, 10, tzinfo=MARKET_TZ), title, content or title
    )
    return event_type(analyze_item(item, None))


def test_headline_types_in_order_of_strength():
    assert kind("美国商务部将两家芯片公司列入实体清单")[0] == "export-control"
    assert kind("工信部印发人形机器人产业指导意见")[0] == "policy"
    assert kind("示例公司：上半年净利润同比预增120%")[0] == "earnings"
    assert kind("示例药企创新药获批上市")[0] == "approval"
    assert kind("示例保险获准在三地开展交强险业务")[0] == "approval"
    assert kind("两大主机厂接连牵手示例能源")[0] == "orders"
    assert kind("示例模型上线新功能")[0] == "feature"
    assert kind("示例存储申请在纳斯达克上市")[0] == "financing"  # "上市申请" the other way round


def test_commentary_is_recognised_before_the_words_it_uses():
    assert kind("某某证券：政策加码 关注算力板块") == ("commentary", COMMENTARY_VALUE)
    assert kind("分析：AI资本开支仍将上行") == ("commentary", COMMENTARY_VALUE)


def test_a_type_seen_only_in_the_lead_is_discounted():
    name, value = kind("示例公司最新动态", "示例公司公告称，与客户签订3亿元采购合同。")
    assert name == "orders"
    assert value == round(0.7 * LEAD_FACTOR, 3)


def test_no_type_without_event_words():
    assert kind("示例公司举办开放日") == ("", 0.0)


def test_industry_data_is_its_own_kind():
    assert kind("示例国6月芯片出口额同比增长80%")[0] == "data"
    assert kind("6月新能源汽车销量同比增长30%")[0] == "data"
    assert kind("示例国5月芯片月度出口飙升至312亿美元")[0] == "data"
    assert kind("行业协会：5月新能源乘用车预估批售量达128万辆 环比上涨超9%")[0] == "data"


def test_a_research_firms_figures_are_not_commentary():
    assert kind("机构：预计三季度服务器内存价格环比上涨10%")[0] == "price"


def test_many_makers_raising_prices_is_a_price_event_not_a_market_move():
    assert kind("20家芯片厂商集体涨价")[0] == "price"
    assert kind("芯片股集体跌停")[0] == "index-move"


def test_a_company_playing_a_matter_down_weighs_like_commentary():
    assert kind("示例公司：新项目处于刚开工状态 投产尚需较长时间") == (
        "clarification",
        COMMENTARY_VALUE,
    )
    assert kind("示例公司：相关产品营收占比较低 对业绩影响有限")[0] == "clarification"
    assert kind("示例公司：机器人业务暂未形成批量生产")[0] == "clarification"
    assert kind("示例公司：控股子公司尚未实际经营")[0] == "clarification"


def test_an_exchange_notice_is_a_clarification_when_reports_are_grouped():
    item = NewsItem(
        "t",
        "n",
        datetime(2026, 3, 18, 17, tzinfo=MARKET_TZ),
        "示例公司：股票交易异常波动",
        "公告。",
    )
    assert "clarification" in headline_kinds(analyze_item(item, None))


def test_an_investment_told_by_its_amount_is_capacity_news():
    assert kind("示例集团：对示例智能进行50亿美元后续投资")[0] == "orders"
    assert kind("示例电子拟于2029年前耗资60万亿韩元新建存储芯片厂")[0] == "orders"
    assert kind("示例国起草300万亿韩元投资计划")[0] == "orders"


def test_an_ipo_passing_its_listing_committee_is_financing():
    assert kind("示例科技73天高效过会 具身智能迎里程碑时刻")[0] == "financing"


def test_an_earnings_call_is_results_news():
    # The call is where the results are explained: one story with the figures.
    assert "earnings" in title_kinds("示例存储电话会：CEO称明年HBM已售罄")
    assert "earnings" in title_kinds("示例存储财报会实录：明年订单排满")


def test_a_market_access_licence_is_an_approval():
    assert "approval" in title_kinds("示例汽车取得L3级自动驾驶车型产品准入许可")


def test_an_expansion_told_by_its_outlay_is_capacity_news():
    assert "orders" in title_kinds("示例存储斥资90亿美元扩建日本芯片工厂")
