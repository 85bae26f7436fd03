"""What kind of event a news item reports, from its headline: theme-independent.

Grouping uses it (one company, one kind of event, one day is one story) and ranking
weighs it. The vocabulary is general market-news wording, not tied to any day or theme.
"""

from __future__ import annotations

import re

from theme_research.analyze import Analyzed

# Event types, strongest first: (name, value, pattern). General vocabulary of market news.
EVENT_TYPES: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (name, value, re.compile(pattern))
    for name, value, pattern in (
        ("state-policy", 1.0, r"国务院|国常会|中共中央|中央政治局|全国人大|中办|国办"),
        ("export-control", 1.0, r"出口管制|实体清单|禁令|制裁|限制出口|出口许可|关税"),
        (
            "policy",
            0.9,
            r"国务院|国常会|发改委|工信部|商务部|证监会|财政部|央行|网信办|[部委]印发|"
            r"政策|规划|指导意见|实施意见|管理办法|条例|法案|监管|行动方案|补贴",
        ),
        (
            "earnings",
            0.85,
            r"业绩|净利润|营收|营业收入|财报|预增|预减|扭亏|指引|季报|年报|"
            r"半年报|毛利率|电话会|财报会|业绩会|业绩说明会",
        ),
        (
            "financing",
            0.8,
            r"IPO|首次公开发行|上市申请|申请[^，,。]{0,8}上市|上市聆讯|招股|递表|过会|融资|募资|定增|"
            r"收购|并购|重组|"
            r"估值|入股|控股权",
        ),
        (
            "index-move",
            0.75,
            r"指数.{0,6}(涨|跌)|板块.{0,8}(涨|跌|走强|走弱|拉升|下挫|异动)|"
            r"概念股?.{0,6}(涨|跌|走强|走弱)|ETF.{0,8}(涨|跌)|领涨|领跌|集体(涨|跌)(?!价)|大涨|大跌|暴跌|"
            r"重挫",
        ),
        (
            "data",
            0.8,
            r"出口额|进口额|出口[^，,。]{0,4}(?:飙升|大增|激增)|出货量|销量|产销|交付量|"
            r"交付[^，,。]{0,4}\d|产量|批售|批发销量|装机量|市场规模|市占率|渗透率|"
            r"同比(增长|增|下降|减少|大增|飙升?|下滑)",
        ),
        ("approval", 0.85, r"批准|获批|获准|核准|注册生效|同意.{0,24}注册|准予|准入许可"),
        (
            "orders",
            0.7,
            r"订单|合同|中标|签约|签署|合作协议|牵手|采购|扩产|扩建|投产|产能|建厂|投资.{0,6}亿|斥资|"
            r"亿[^，,。\s]{0,4}投资|耗资",
        ),
        ("feature", 0.3, r"新功能|功能|内测|公测|体验版|小程序|插件|上架"),
        ("release", 0.6, r"发布|推出|上线|开源|亮相|首发|量产|突破|获批|问世"),
        ("price", 0.6, r"涨价|降价|价格|报价|提价"),
        ("stock-move", 0.35, r"涨停|跌停|涨超|跌超|涨逾|跌逾|创新高|新低"),
    )
)
_COMMENTARY = re.compile(
    r"^(分析|评论|观点|解读|前瞻|展望|专家|业内人士|知情人士称|研报|报告|调查|测评|社论)[：:]|"
    r"^[^：:]{0,10}(证券|研究院|研究所|资管|基金|券商|分析师|经济学家|首席)[^：:]{0,6}[：:]"
)
COMMENTARY_VALUE = 0.3
_CLARIFICATION = re.compile(
    r"尚需较长时间|尚处于?[^，,。！]{0,8}阶段|影响有限|影响较小|占比[^，,。]{0,4}较?[低小]|"
    r"[尚暂]未(实际)?(产生|形成|实现|量产|批量|经营|开展)|不存在应披露|未发生重大变化|无海外"
)
"""A company playing a matter down (an answer to investors or to the exchange): the
headline names a project or a product, but the news is that it matters little yet."""
_NOTICE = re.compile(r"股票交易(严重)?异常波动|交易风险提示|风险提示公告")
"""An exchange-mandated notice, which a company posts once a day with its clarifications."""
LEAD_FACTOR = 0.6
"""An event type seen only in the lead, not the headline, counts for this much."""


def event_type(item: Analyzed) -> tuple[str, float]:
    """The strongest event type the headline shows; failing that, the lead's, discounted.

    Commentary ("分析：…", "某证券：…") is news about opinions, not events: it is
    recognised first and weighs little whatever words it uses.
    """
    if _COMMENTARY.search(item.title):
        return "commentary", COMMENTARY_VALUE
    if _CLARIFICATION.search(item.title):
        return "clarification", COMMENTARY_VALUE
    for text, factor in ((item.title, 1.0), (item.lead, LEAD_FACTOR)):
        for name, value, pattern in EVENT_TYPES:
            if pattern.search(text):
                return name, round(value * factor, 3)
    return "", 0.0


def headline_kinds(item: Analyzed) -> frozenset[str]:
    """Every event kind the headline shows (see :func:`title_kinds`)."""
    return title_kinds(item.title)


def title_kinds(title: str) -> frozenset[str]:
    """Every event kind a title shows (a listing approval is policy *and* financing;
    "异常波动，…暂未批量生产" is a clarification)."""
    if _COMMENTARY.search(title):
        return frozenset({"commentary"})
    kinds = {name for name, _, pattern in EVENT_TYPES if pattern.search(title)}
    if _CLARIFICATION.search(title) or _NOTICE.search(title):
        kinds.add("clarification")
    return frozenset(kinds)
