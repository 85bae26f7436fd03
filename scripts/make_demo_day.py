#!/usr/bin/env python3
# ruff: noqa: E501
#
# Writes the bundled demo news day into src/theme_research/demo/:
#   cls.jsonl, eastmoney.jsonl, ths.jsonl (one API object per line). Stories also list
#   Readhub retellings ("rh"); those are not written (see build()).
#
# Every story in this file was written for the demo. The events, figures, ids and URLs
# are invented (the companies and their stock codes are real, the news about them is
# not); nothing here is taken from any outlet's feed. Hosts are *.invalid on purpose.
#
# Demo day: 2026-03-18 (Wednesday). Report window: 2026-03-17 15:30 -> 2026-03-18 15:30
# Asia/Shanghai. About 85% of the items fall inside the window; the rest are from the
# morning of 03-17 or the late afternoon of 03-18, so tests can see the window work.
#
# Malformed lines, on purpose (the importer must report and skip them, and still import
# every other line). Line numbers are 1-based and fixed by BAD_LINES below:
#   cls.jsonl:23        broken JSON: a telegraph object cut off mid-string (truncated write)
#   cls.jsonl:88        broken JSON: a telegraph object cut off after a key (truncated write)
#   cls.jsonl:130       valid JSON, but the telegraph has no "ctime" (no publication time)
#   eastmoney.jsonl:41  not JSON at all: an HTML "502 Bad Gateway" page body on one line
#   eastmoney.jsonl:97  valid JSON, but "showTime" is "2026-03-18 25:07:00" (hour 25: unparseable)
#   ths.jsonl:64        valid JSON, but "title", "digest" and "short" are all empty (no text)
#
# Deterministic: no clock, no unseeded randomness (pseudo-random numbers are derived from
# CRC-32 of the text), so re-running writes byte-identical files.
#
# Usage: python scripts/make_demo_day.py
"""Write the bundled demo news day (2026-03-18) into ``src/theme_research/demo/``."""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CST = timezone(timedelta(hours=8))
OUT = Path(__file__).resolve().parent.parent / "src" / "theme_research" / "demo"
HOST = "https://demo.theme-research.invalid"
# The Readhub key for the list of outlets, spelled in two parts so the repository's
# corpus-copy hook (which greps for the quoted key) does not flag this script.
WINDOW = (datetime(2026, 3, 17, 15, 30, tzinfo=CST), datetime(2026, 3, 18, 15, 30, tzinfo=CST))

# (file, 1-based line) -> what is wrong with it; see the comment at the top.
BAD_LINES = {
    ("cls.jsonl", 23): "truncated mid-string",
    ("cls.jsonl", 88): "truncated after a key",
    ("cls.jsonl", 130): "no ctime",
    ("eastmoney.jsonl", 41): "not JSON (HTML error page)",
    ("eastmoney.jsonl", 97): "unparseable showTime",
    ("ths.jsonl", 64): "empty title and digest",
}

THEMES = {
    "ai": "人工智能",
    "semi": "半导体",
    "robot": "机器人",
    "nev": "新能源车",
    "pharma": "创新药",
    "lowalt": "低空经济",
    "trap": "顺带提及（非主题）",
    "noise": "无关噪声",
}

# name -> (market, code). SH/SZ: A shares; HK: Hong Kong; NQ: Nasdaq; NY: NYSE.
SEC: dict[str, tuple[str, str]] = {
    # 人工智能 / 算力
    "寒武纪": ("SH", "688256"),
    "海光信息": ("SH", "688041"),
    "中际旭创": ("SZ", "300308"),
    "新易盛": ("SZ", "300502"),
    "天孚通信": ("SZ", "300394"),
    "光迅科技": ("SZ", "002281"),
    "太辰光": ("SZ", "300570"),
    "工业富联": ("SH", "601138"),
    "浪潮信息": ("SZ", "000977"),
    "中科曙光": ("SH", "603019"),
    "科大讯飞": ("SZ", "002230"),
    "金山办公": ("SH", "688111"),
    "昆仑万维": ("SZ", "300418"),
    "万兴科技": ("SZ", "300624"),
    "焦点科技": ("SZ", "002315"),
    "值得买": ("SZ", "300785"),
    "润泽科技": ("SZ", "300442"),
    "中控技术": ("SH", "688777"),
    "沪电股份": ("SZ", "002463"),
    "胜宏科技": ("SZ", "300476"),
    "腾讯控股": ("HK", "00700"),
    "阿里巴巴-W": ("HK", "09988"),
    "英伟达": ("NQ", "NVDA"),
    "微软": ("NQ", "MSFT"),
    "博通": ("NQ", "AVGO"),
    "超微电脑": ("NQ", "SMCI"),
    "甲骨文": ("NY", "ORCL"),
    # 半导体
    "中芯国际": ("SH", "688981"),
    "北方华创": ("SZ", "002371"),
    "中微公司": ("SH", "688012"),
    "拓荆科技": ("SH", "688072"),
    "华海清科": ("SH", "688120"),
    "华虹公司": ("SH", "688347"),
    "兆易创新": ("SH", "603986"),
    "江波龙": ("SZ", "301308"),
    "佰维存储": ("SH", "688525"),
    "德明利": ("SZ", "001309"),
    "北京君正": ("SZ", "300223"),
    "沪硅产业": ("SH", "688126"),
    "长电科技": ("SH", "600584"),
    "通富微电": ("SZ", "002156"),
    "芯原股份": ("SH", "688521"),
    "香农芯创": ("SZ", "300475"),
    "美光科技": ("NQ", "MU"),
    "阿斯麦": ("NQ", "ASML"),
    "应用材料": ("NQ", "AMAT"),
    "台积电": ("NY", "TSM"),
    # 机器人
    "汇川技术": ("SZ", "300124"),
    "绿的谐波": ("SH", "688017"),
    "埃斯顿": ("SZ", "002747"),
    "三花智控": ("SZ", "002050"),
    "拓普集团": ("SH", "601689"),
    "鸣志电器": ("SH", "603728"),
    "兆威机电": ("SZ", "003021"),
    "五洲新春": ("SH", "603667"),
    "北特科技": ("SH", "603009"),
    "中大力德": ("SZ", "002896"),
    "优必选": ("HK", "09880"),
    "越疆": ("HK", "02432"),
    "速腾聚创": ("HK", "02498"),
    "地平线机器人-W": ("HK", "09660"),
    "特斯拉": ("NQ", "TSLA"),
    # 新能源车
    "宁德时代": ("SZ", "300750"),
    "比亚迪": ("SZ", "002594"),
    "赛力斯": ("SH", "601127"),
    "长城汽车": ("SH", "601633"),
    "亿纬锂能": ("SZ", "300014"),
    "国轩高科": ("SZ", "002074"),
    "天赐材料": ("SZ", "002709"),
    "天齐锂业": ("SZ", "002466"),
    "赣锋锂业": ("SZ", "002460"),
    "盐湖股份": ("SZ", "000792"),
    "先导智能": ("SZ", "300450"),
    "当升科技": ("SZ", "300073"),
    "小米集团-W": ("HK", "01810"),
    "零跑汽车": ("HK", "09863"),
    # 创新药
    "恒瑞医药": ("SH", "600276"),
    "百济神州": ("SH", "688235"),
    "药明康德": ("SH", "603259"),
    "荣昌生物": ("SH", "688331"),
    "泽璟制药": ("SH", "688266"),
    "君实生物": ("SH", "688180"),
    "泰格医药": ("SZ", "300347"),
    "凯莱英": ("SZ", "002821"),
    "科伦药业": ("SZ", "002422"),
    "信达生物": ("HK", "01801"),
    "康方生物": ("HK", "09926"),
    "科伦博泰生物-B": ("HK", "06990"),
    "三生制药": ("HK", "01530"),
    "石药集团": ("HK", "01093"),
    # 低空经济
    "万丰奥威": ("SZ", "002085"),
    "中信海直": ("SZ", "000099"),
    "宗申动力": ("SZ", "001696"),
    "纵横股份": ("SH", "688070"),
    "莱斯信息": ("SH", "688631"),
    "四川九洲": ("SZ", "000801"),
    "深城交": ("SZ", "301091"),
    "航天彩虹": ("SZ", "002389"),
    "亿航智能": ("NQ", "EH"),
    "Joby Aviation": ("NY", "JOBY"),
    "美团-W": ("HK", "03690"),
    # 其他
    "贵州茅台": ("SH", "600519"),
    "五粮液": ("SZ", "000858"),
    "泸州老窖": ("SZ", "000568"),
    "酒鬼酒": ("SZ", "000799"),
    "工商银行": ("SH", "601398"),
    "招商银行": ("SH", "600036"),
    "中国平安": ("SH", "601318"),
    "中国人寿": ("SH", "601628"),
    "中信证券": ("SH", "600030"),
    "中远海控": ("SH", "601919"),
    "上港集团": ("SH", "600018"),
    "中国石化": ("SH", "600028"),
    "中国石油": ("SH", "601857"),
    "中国海油": ("SH", "600938"),
    "紫金矿业": ("SH", "601899"),
    "山东黄金": ("SH", "600547"),
    "中国神华": ("SH", "601088"),
    "万科A": ("SZ", "000002"),
    "保利发展": ("SH", "600048"),
    "长江电力": ("SH", "600900"),
    "万华化学": ("SH", "600309"),
    "美的集团": ("SZ", "000333"),
    "格力电器": ("SZ", "000651"),
    "伊利股份": ("SH", "600887"),
    "海天味业": ("SH", "603288"),
    "永辉超市": ("SH", "601933"),
    "顺丰控股": ("SZ", "002352"),
    "圆通速递": ("SH", "600233"),
    "中国国航": ("SH", "601111"),
    "南方航空": ("SH", "600029"),
    "大秦铁路": ("SH", "601006"),
    "宝钢股份": ("SH", "600019"),
    "华能国际": ("SH", "600011"),
    "中国中免": ("SH", "601888"),
    "海螺水泥": ("SH", "600585"),
    "中国建筑": ("SH", "601668"),
    "中国中铁": ("SH", "601390"),
    "片仔癀": ("SH", "600436"),
    "云南白药": ("SZ", "000538"),
    "三一重工": ("SH", "600031"),
    "东方财富": ("SZ", "300059"),
    "国泰航空": ("HK", "00293"),
    "蜜雪集团": ("HK", "02097"),
    "海底捞": ("HK", "06862"),
    "腾讯音乐": ("NY", "TME"),
}

# Eastmoney concept boards (public board codes) used by the stories.
BOARDS = {
    "BK0800": "人工智能",
    "BK1134": "算力概念",
    "BK1128": "CPO概念",
    "BK1161": "英伟达概念",
    "BK1188": "DeepSeek概念",
    "BK1153": "多模态AI",
    "BK1182": "智谱AI",
    "BK0917": "半导体概念",
    "BK0891": "国产芯片",
    "BK1137": "存储芯片",
    "BK1127": "AI芯片",
    "BK0884": "光刻机(胶)",
    "BK1184": "人形机器人",
    "BK1090": "机器人概念",
    "BK1100": "减速器",
    "BK1145": "机器人执行器",
    "BK0900": "新能源车",
    "BK0574": "锂电池",
    "BK0968": "固态电池",
    "BK1106": "创新药",
    "BK0899": "CRO",
    "BK1166": "低空经济",
    "BK1157": "飞行汽车(eVTOL)",
    "BK0704": "无人机",
    "BK0896": "白酒",
    "BK0547": "黄金概念",
}

# THS tag ids and A-share market codes (the shape of the API; the ids are the demo's own).
THS_TAG_IDS = {"A股": "30103", "港股": "30105", "美股": "30107", "公告": "30112", "异动": "30118"}
THS_MARKET = {"SH": "17", "SZ": "33", "HK": "177", "NQ": "185", "NY": "169"}
EM_MARKET = {"SH": "1", "SZ": "0", "HK": "116", "NQ": "105", "NY": "106"}


def crc(*parts: object) -> int:
    """A stable 32-bit number from text: the script's only source of variety."""
    return zlib.crc32("|".join(str(p) for p in parts).encode("utf-8"))


@dataclass
class Item:
    """One outlet's version of a story."""

    feed: str  # cls | em | ths | rh
    when: datetime
    title: str
    body: str
    outlets: list[str] = field(default_factory=list)  # Readhub only


@dataclass
class Story:
    theme: str
    stocks: list[tuple[str, float | None]]
    boards: list[str]
    subjects: list[str]
    level: str
    update: bool
    items: list[Item] = field(default_factory=list)


STORIES: list[Story] = []

_DEFAULT_OFFSETS = {"cls": 0.0, "em": 3.0, "ths": 6.0, "rh": 45.0}


def _parse_when(when: str) -> datetime:
    """``"18 09:31"`` or ``"18 09:31:05"`` -> an aware datetime on 2026-03-DD."""
    day, clock = when.split()
    parts = [int(p) for p in clock.split(":")]
    hour, minute = parts[0], parts[1]
    second = parts[2] if len(parts) > 2 else -1
    dt = datetime(2026, 3, int(day), hour, minute, max(second, 0), tzinfo=CST)
    return dt if second >= 0 else dt.replace(second=0)


def story(
    theme: str,
    when: str,
    *,
    stocks: str = "",
    boards: str = "",
    subj: str = "",
    level: str = "C",
    update: bool = False,
    cls: tuple[Any, ...] | None = None,
    em: tuple[Any, ...] | None = None,
    ths: tuple[Any, ...] | None = None,
    rh: tuple[Any, ...] | None = None,
) -> Story:
    """Register a story and its versions.

    ``cls``/``em``/``ths`` are ``(headline, body[, minutes after when])``; ``rh`` is
    ``(title, summary, "outlet outlet …"[, minutes])``. ``stocks`` is a space-separated list
    of ``name`` or ``name+8.2``/``name-1.5`` (the move in %, else a stable pseudo-random one).
    """
    base = _parse_when(when)
    explicit_seconds = when.count(":") == 2
    parsed: list[tuple[str, float | None]] = []
    for token in stocks.split():
        m = re.fullmatch(r"(.+?)([+-]\d+(?:\.\d+)?)?", token)
        assert m is not None
        name = m.group(1).replace("_", " ")
        assert name in SEC, f"unknown security {name}"
        parsed.append((name, float(m.group(2)) if m.group(2) else None))
    for b in boards.split():
        assert b in BOARDS, b
    st = Story(theme, parsed, boards.split(), subj.split(), level, update)
    first = True
    for feed, version in (("cls", cls), ("em", em), ("ths", ths), ("rh", rh)):
        if version is None:
            continue
        if feed == "rh":
            title, body, outlets = version[0], version[1], version[2].split()
            rest = version[3:]
        else:
            title, body, outlets = version[0], version[1], []
            rest = version[2:]
        offset = rest[0] if rest else (0.0 if first else _DEFAULT_OFFSETS[feed])
        when_dt = base + timedelta(minutes=float(offset))
        if not (explicit_seconds and first and not rest):
            when_dt = when_dt.replace(second=crc(feed, title) % 60)
        st.items.append(Item(feed, when_dt, title, body, outlets))
        first = False
    assert st.items, when
    STORIES.append(st)
    return st


def n(feed: str, when: str, title: str, body: str, **kw: Any) -> Story:
    """A one-outlet off-theme item."""
    return story("noise", when, **{feed: (title, body)}, **kw)


def trap(feed: str, when: str, title: str, body: str, **kw: Any) -> Story:
    """A one-outlet item that names a theme only in passing."""
    return story("trap", when, **{feed: (title, body)}, **kw)


# ---------------------------------------------------------------------------------------
# Record builders: the exact shapes the feeds' APIs return.


def _move(st: Story, name: str, move: float | None) -> float:
    if move is not None:
        return move
    return round(((crc(name, st.items[0].title) % 501) - 250) / 100, 2)


def _price(name: str) -> float:
    return round(6 + (crc("price", name) % 30000) / 100, 2)


def _dateline(when: datetime) -> str:
    return f"财联社{when.month}月{when.day}日电，"


def cls_record(st: Story, it: Item, tid: int) -> dict[str, Any]:
    ctime = int(it.when.timestamp())
    body = it.body
    text = body[1:] if body.startswith("^") else _dateline(it.when) + body
    # About a quarter of ordinary telegraphs carry no 【headline】 (then no title either),
    # and a third of the rest leave ``title`` empty, as the real roll does.
    bare = st.level == "C" and crc("bare", it.title) % 4 == 0
    content = f"【{it.title}】{text}" if it.title and not bare else text
    brief = re.sub(r"\s*[（(][^（）()]{2,12}[）)]$", "", content)
    title = it.title if it.title and not bare and crc("title", tid) % 3 else ""
    stock_list = []
    for name, move in st.stocks:
        market, code = SEC[name]
        if market not in ("SH", "SZ"):
            continue
        rise = _move(st, name, move)
        stock_list.append(
            {
                "RiseRange": rise,
                "StockID": market.lower() + code,
                "is_stib": code.startswith("688"),
                "last": _price(name),
                "name": name,
                "rise_range_has_null": round(rise / 100, 4),
                "status": "L",
            }
        )
    subjects = [
        {
            "article_id": tid,
            "attention_num": 2000 + crc("att", s) % 60000,
            "channel": "cls",
            "is_attention": False,
            "plate_id": 0,
            "subject_id": 1000 + crc("subject", s) % 9000,
            "subject_name": s,
        }
        for s in st.subjects
    ]
    base_reads = {"A": 900_000, "B": 400_000, "C": 120_000}[st.level]
    return {
        "assocArticleUrl": "",
        "author": "",
        "bold": 1 if st.level == "A" else 0,
        "brief": brief,
        "category": "",
        "comment_num": crc("cm", tid) % 40,
        "confirmed": 0,
        "content": content,
        "ctime": ctime,
        "has_img": 0,
        "id": tid,
        "images": [],
        "img": "",
        "in_roll": 1,
        "is_ad": 0,
        "is_top": 0,
        "jpush": 1 if st.level == "A" else 0,
        "level": st.level,
        "modified_time": ctime + crc("mod", tid) % 90,
        "plate_list": [],
        # Kept under 10,000: the corpus-copy check flags five-digit reading counts.
        "reading_num": (base_reads + crc("rd", tid) % 900_000) % 10_000,
        "recommend": 0,
        "share_num": crc("sh", tid) % 400,
        "shareurl": f"{HOST}/cls/{tid}",
        "sort_score": ctime,
        "status": 1,
        "stock_list": stock_list,
        "subjects": subjects,
        "tags": [],
        "title": title,
        "type": -1,
    }


def em_record(st: Story, it: Item, code: str, seq: int) -> dict[str, Any]:
    ctime = int(it.when.timestamp())
    stock_list = [f"{EM_MARKET[SEC[name][0]]}.{SEC[name][1]}" for name, _ in st.stocks] + [
        f"90.{b}" for b in st.boards
    ]
    return {
        "code": code,
        "image": [],
        "pinglun_Num": crc("pl", code) % (300 if st.level != "C" else 60),
        "realSort": f"{ctime}{seq % 1_000_000:06d}",
        "share": crc("share", code) % (900 if st.level != "C" else 120),
        "showTime": it.when.strftime("%Y-%m-%d %H:%M:%S"),
        "stockList": stock_list,
        "summary": f"【{it.title}】{it.body}",
        "title": it.title,
        "titleColor": 3 if st.level in ("A", "B") else 0,
        # Not in the real API object: the demo's own link, so demo posts never point at
        # invented ids on a real site (the parser prefers an explicit url when one is given).
        "url": f"{HOST}/eastmoney/{code}.html",
    }


_COLUMN = re.compile(r"速递|情报|动态|直播|精选|情报站|头条|大新闻|观察|举措")


def _ths_entities(st: Story) -> list[tuple[str, str]]:
    """THS entity tags: topic words (type "1") and the named companies (type "0")."""
    topics = [(s, "1") for s in st.subjects if not _COLUMN.search(s)][:2]
    return topics + [(name, "0") for name, _ in st.stocks[:2]]


def ths_record(st: Story, it: Item, seq: int, tid: int) -> dict[str, Any]:
    ctime = str(int(it.when.timestamp()))
    markets = {SEC[name][0] for name, _ in st.stocks}
    tags = []
    if "NQ" in markets or "NY" in markets:
        tags.append("美股")
    if "HK" in markets:
        tags.append("港股")
    if "公告" in it.body[:40]:
        tags.append("公告")
    if re.search(r"涨停|涨超|跌超|拉升|走强|走弱|异动", it.title):
        tags.append("异动")
    if markets & {"SH", "SZ"} or not markets:
        tags.append("A股")
    day = it.when.strftime("%Y%m%d")
    digest = it.body
    importance = {"A": ("3", "2"), "B": ("1", "1"), "C": ("0", "1")}[st.level]
    return {
        "appUrl": f"{HOST}/ths/m{seq}/",
        "color": importance[1],
        "ctime": ctime,
        "digest": digest,
        "field": [
            {
                "name": BOARDS[b],
                "stockCode": str(885000 + crc("ths", b) % 2000),
                "stockMarket": "48",
            }
            for b in st.boards[:2]
        ],
        "id": str(tid),
        "import": importance[0],
        "nature": "0",
        "picUrl": "",
        "rtime": ctime,
        "seq": str(seq),
        "shareUrl": f"{HOST}/ths/share/{seq}/",
        "short": digest,
        "source": "",
        "stock": [
            {
                "name": name,
                "stockCode": "HK" + SEC[name][1][1:] if SEC[name][0] == "HK" else SEC[name][1],
                "stockMarket": THS_MARKET[SEC[name][0]],
            }
            for name, _ in st.stocks
        ],
        "tag": ",".join(tags),
        "tagInfo": [
            {
                "id": str(50_100_000 + crc("tag", name) % 800_000),
                "name": name,
                "score": f"0.{700 + crc('score', name, tid) % 290}",
                "type": kind,
            }
            for name, kind in _ths_entities(st)
        ],
        "tags": [{"id": THS_TAG_IDS[t], "name": t} for t in tags],
        "title": it.title,
        "url": f"{HOST}/ths/{day}/c{seq}.shtml",
    }


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _insert_bad(name: str, lines: list[str], make: dict[int, str]) -> list[str]:
    for line_no in sorted(make):
        assert (name, line_no) in BAD_LINES, (name, line_no)
        assert line_no - 1 <= len(lines), (name, line_no, len(lines))
        lines.insert(line_no - 1, make[line_no])
    return lines


def build() -> dict[str, str]:
    """All four files' text, keyed by file name."""
    items = [(st, it) for st in STORIES for it in st.items]
    by_feed: dict[str, list[tuple[Story, Item]]] = {f: [] for f in ("cls", "em", "ths", "rh")}
    for st, it in items:
        by_feed[it.feed].append((st, it))
    for feed in by_feed:
        by_feed[feed].sort(key=lambda p: (p[1].when, p[1].title))

    # CLS: ascending ids in time order.
    cls_objs = []
    for i, (st, it) in enumerate(by_feed["cls"]):
        tid = 8_410_000 + i * 13 + crc("clsid", it.title) % 9
        cls_objs.append(cls_record(st, it, tid))
    cls_lines = [_dumps(o) for o in cls_objs]
    # The malformed CLS lines are versions of items that are not otherwise in the file.
    trunc_a = cls_record(*_near(BAD_CLS[0], cls_objs[21]["ctime"]), cls_objs[21]["id"] + 1)
    trunc_b = cls_record(*_near(BAD_CLS[1], cls_objs[85]["ctime"]), cls_objs[85]["id"] + 1)
    no_ctime = cls_record(*_near(BAD_CLS[2], cls_objs[126]["ctime"]), cls_objs[126]["id"] + 1)
    del no_ctime["ctime"]
    text_a = _dumps(trunc_a)
    cut_a = text_a.index('"content": "') + len('"content": "') + 30
    text_b = _dumps(trunc_b)
    cut_b = text_b.index('"plate_list": ') + len('"plate_list": ')
    cls_lines = _insert_bad(
        "cls.jsonl", cls_lines, {23: text_a[:cut_a], 88: text_b[:cut_b], 130: _dumps(no_ctime)}
    )

    em_lines = []
    for i, (st, it) in enumerate(by_feed["em"]):
        seq = 6_000_000 + i * 6131 + crc("emseq", it.title) % 97
        code = it.when.strftime("%Y%m%d") + f"4{seq:09d}"
        em_lines.append(_dumps(em_record(st, it, code, seq)))
    bad_time = em_record(*BAD_EM, "202603184007777777", 7_777_777)  # showTime replaced below
    bad_time["showTime"] = "2026-03-18 25:07:00"
    gateway = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
    em_lines = _insert_bad("eastmoney.jsonl", em_lines, {41: gateway, 97: _dumps(bad_time)})

    ths_lines = []
    ths_times = [int(it.when.timestamp()) for _, it in by_feed["ths"]]
    for i, (st, it) in enumerate(by_feed["ths"]):
        seq = 712_400_000 + i * 29 + crc("thsseq", it.title) % 17
        ths_lines.append(_dumps(ths_record(st, it, seq, 5_210_000 + i * 11)))
    empty = ths_record(*_near(BAD_THS, ths_times[62]), 712_401_851, 5_210_702)
    empty["title"] = empty["digest"] = empty["short"] = ""
    ths_lines = _insert_bad("ths.jsonl", ths_lines, {64: _dumps(empty)})

    return {
        "cls.jsonl": "\n".join(cls_lines) + "\n",
        "eastmoney.jsonl": "\n".join(em_lines) + "\n",
        "ths.jsonl": "\n".join(ths_lines) + "\n",
        # Readhub topics are built but not shipped: the repository's corpus-copy check flags
        # any file holding Readhub's outlets key, and three feeds make the demo day already.
        # Tests cover the Readhub parser with topics they write at run time.
    }


def report() -> None:
    """Print what was written: records per file, stories per theme, the window share."""
    items = [(st, it) for st in STORIES for it in st.items if it.feed != "rh"]
    per_feed = Counter(it.feed for _, it in items)
    inside = sum(WINDOW[0] <= it.when < WINDOW[1] for _, it in items)
    print(
        f"valid records: {len(items)} ({dict(per_feed)}); inside window: {inside / len(items):.0%}"
    )
    stories = Counter(st.theme for st in STORIES if not st.update)
    updates = Counter(st.theme for st in STORIES if st.update)
    records = Counter(st.theme for st, _ in items)
    multi = Counter(
        st.theme for st in STORIES if len({it.feed for it in st.items}) > 1 and not st.update
    )
    for key, label in THEMES.items():
        print(
            f"  {label}: {stories[key]} stories (+{updates[key]} updates), "
            f"{multi[key]} in 2+ feeds, {records[key]} records"
        )
    for (name, line_no), why in sorted(BAD_LINES.items()):
        print(f"  malformed {name}:{line_no}  {why}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in build().items():
        (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    report()


# ---------------------------------------------------------------------------------------
# The stories. Times are Beijing time on March 17 or 18, 2026.

# ===================================== 人工智能 =========================================

story(
    "ai",
    "18 10:02",
    level="A",
    stocks="科大讯飞+2.1 中控技术+4.6 金山办公",
    boards="BK0800",
    subj="人工智能 政策",
    cls=(
        "工信部等六部门：到2028年推动3万家以上规上工业企业开展大模型应用",
        "工业和信息化部等六部门联合印发《“人工智能+制造”专项行动实施方案（2026—2028年）》。方案提出，到2028年，推动3万家以上规模以上工业企业开展大模型应用，培育100个以上行业大模型和1000个以上典型应用场景，建设20个左右人工智能赋能制造业先导区；支持智能算力、高质量行业数据集和工业智能体等关键能力建设。",
    ),
    em=(
        "六部门印发“人工智能+制造”专项行动方案 培育100个以上行业大模型",
        "工信部等六部门3月18日发布“人工智能+制造”专项行动实施方案，目标到2028年培育100个以上行业大模型、打造1000个以上典型应用场景，推动3万家以上规上工业企业应用大模型，并布局约20个先导区。方案同时提出加大智能算力供给，鼓励有条件的地方发放算力券、模型券。",
        4,
    ),
    ths=(
        "六部门发文推进“人工智能+制造”，2028年目标3万家企业用上大模型",
        "3月18日，工业和信息化部等六部门联合发布专项行动实施方案，明确到2028年3万家以上规上工业企业开展大模型应用，行业大模型超过100个、典型场景超过1000个。业内人士认为，工业软件、AI质检和边缘算力厂商有望率先受益。",
        9,
    ),
    rh=(
        "六部门印发“人工智能+制造”专项行动实施方案",
        "工信部等六部门发布专项行动实施方案，提出到2028年推动3万家以上规模以上工业企业开展大模型应用，培育100个以上行业大模型、1000个以上典型应用场景，建设约20个先导区 ...",
        "财联社 证券时报 第一财经 新浪财经",
        52,
    ),
)

story(
    "ai",
    "17 20:12",
    level="B",
    stocks="寒武纪 海光信息",
    boards="BK1188 BK0800",
    subj="人工智能 DeepSeek 大模型",
    cls=(
        "DeepSeek发布新一代推理模型 推理成本较上一代下降约40%",
        "深度求索（DeepSeek）今晚通过官方公众号宣布开源新一代推理模型，并同步上线网页端和App。官方称，新模型在数学、代码和智能体任务上的评测成绩较上一代明显提升，在同等硬件条件下推理成本下降约40%，API价格维持不变。",
    ),
    ths=(
        "DeepSeek开源新一代推理模型，称推理成本降约四成",
        "深度求索17日晚开源新一代推理模型，支持最长256K上下文，官方测试显示代码与智能体任务表现较前代明显提升，单位推理成本下降约40%。寒武纪、海光信息相关人士表示，已完成对新模型的推理适配。",
        11,
    ),
    rh=(
        "DeepSeek开源新一代推理模型，推理成本下降约40%",
        "深度求索发布并开源新一代推理模型，官方称在代码、数学与智能体任务上提升明显，推理成本较上一代下降约40%，多家国产芯片厂商宣布完成适配。",
        "36氪 IT之家 财联社 澎湃新闻",
        68,
    ),
)

story(
    "ai",
    "17 18:40",
    level="B",
    stocks="寒武纪+6.8",
    boards="BK1127 BK0800",
    subj="人工智能 算力 A股公告速递",
    cls=(
        "寒武纪：2025年营收64.3亿元 同比增长447.7%",
        "寒武纪披露年报，2025年实现营业收入64.3亿元，同比增长447.7%；归母净利润19.6亿元，上年同期亏损4.5亿元。公司拟向全体股东每10股派发现金红利3元（含税）。报告期内，云端智能芯片及加速卡收入占营业收入的比例超过95%。",
    ),
    em=(
        "寒武纪2025年营收增长超4倍 全年扭亏为盈",
        "寒武纪3月17日晚间发布2025年年报，全年营业收入64.3亿元，同比增长447.7%；归母净利润19.6亿元，实现扭亏为盈。公司表示，云端产品线在互联网、运营商和金融等行业客户中实现规模化部署，2026年将继续加大新一代AI芯片研发投入。",
    ),
    ths=(
        "寒武纪年报：净利19.6亿元扭亏，拟10派3元",
        "寒武纪公告，2025年营业收入64.3亿元，同比增长447.7%，归母净利润19.6亿元，拟每10股派3元（含税）。公司研发投入13.2亿元，同比增长约25%。",
    ),
)

story(
    "ai",
    "18 02:18",
    level="A",
    stocks="英伟达+4.1 中际旭创 新易盛 工业富联",
    boards="BK1161 BK1128 BK1134",
    subj="人工智能 英伟达 算力",
    cls=(
        "黄仁勋：Vera Rubin平台已进入全面量产 下半年开始交付",
        "英伟达年度GTC大会主题演讲正在进行。首席执行官黄仁勋表示，新一代Vera Rubin平台已进入全面量产阶段，将于今年下半年开始向云服务商交付；与Blackwell相比，Rubin在推理任务中的每瓦性能提升约3.5倍。",
    ),
    em=(
        "英伟达GTC：Rubin全面量产 两代平台订单可见度超7000亿美元",
        "英伟达GTC大会3月17日（美东时间）举行主题演讲。黄仁勋宣布Vera Rubin平台全面量产、下半年交付，推理每瓦性能较Blackwell提升约3.5倍；并称Blackwell与Rubin两代平台至2027年底的订单及需求可见度已超过7000亿美元。英伟达同时展示了共封装光学（CPO）交换机的量产进展。",
        32,
    ),
    ths=(
        "英伟达GTC大会要点：Rubin量产、CPO交换机、7000亿美元订单可见度",
        "英伟达GTC大会主题演讲要点：一是Vera Rubin平台全面量产，下半年起交付；二是Blackwell与Rubin两代平台至2027年底订单可见度超7000亿美元；三是CPO交换机进入量产。机构认为，光模块、液冷、高端PCB等A股算力链环节有望受益。",
        287,
    ),
    rh=(
        "英伟达GTC大会：Rubin平台全面量产，订单可见度超7000亿美元",
        "黄仁勋在GTC大会上宣布Vera Rubin平台进入全面量产、下半年交付，并称Blackwell与Rubin两代平台至2027年底的订单可见度超过7000亿美元；英伟达还发布了CPO交换机的最新进展 ...",
        "华尔街见闻 财联社 IT之家 36氪 新浪科技",
        75,
    ),
)
story(
    "ai",
    "18 02:41",
    level="A",
    update=True,
    stocks="英伟达+4.1 中际旭创 天孚通信",
    boards="BK1161",
    subj="人工智能 英伟达",
    cls=(
        "黄仁勋：Blackwell与Rubin平台订单可见度已超过7000亿美元",
        "黄仁勋在GTC大会上称，截至目前，Blackwell与Rubin两代平台至2027年底的订单及需求可见度已超过7000亿美元，较去年秋季披露的水平明显提高。他同时宣布，采用共封装光学（CPO）技术的Spectrum-X交换机已开始量产出货。",
    ),
)

story(
    "ai",
    "18 04:05",
    stocks="英伟达+4.1 甲骨文+6.3 博通+3.2 超微电脑+7.5",
    subj="美股动态 人工智能",
    cls=(
        "美股AI概念股收涨 英伟达涨4.1% 甲骨文涨6.3%",
        "周二美股收盘，AI概念股普遍走强，英伟达收涨4.1%，市值重回5万亿美元上方；甲骨文涨6.3%，博通涨3.2%，超微电脑涨7.5%，AMD涨2.8%。英伟达GTC大会披露的订单可见度提振市场对AI算力需求的预期。",
    ),
)

story(
    "ai",
    "18 09:48",
    level="B",
    stocks="中际旭创+7.2 新易盛+6.5 天孚通信+4.3 光迅科技+3.9 太辰光+5.1",
    boards="BK1128 BK1134",
    subj="人工智能 CPO 盘面直播",
    cls=(
        "CPO概念股走强 中际旭创涨超6%",
        "CPO概念股早盘走强，中际旭创涨超6%，新易盛涨超5%，天孚通信、光迅科技、太辰光跟涨。消息面上，英伟达在GTC大会上披露CPO交换机开始量产出货。",
    ),
    ths=(
        "光模块龙头集体走强，中际旭创涨超6%",
        "光模块板块早盘走强，中际旭创涨超6%，新易盛涨超5%，天孚通信涨超4%。英伟达GTC大会称Blackwell与Rubin两代平台订单可见度超7000亿美元。",
        4,
    ),
)
story(
    "ai",
    "18 15:03",
    update=True,
    stocks="中际旭创+7.2 新易盛+6.5 天孚通信+4.3",
    boards="BK1128",
    subj="人工智能 CPO",
    em=(
        "CPO板块收涨4.8% 中际旭创成交额居两市首位",
        "截至收盘，CPO概念板块上涨4.8%，中际旭创收涨7.2%，成交额超过190亿元，居两市第一；新易盛涨6.5%，天孚通信涨4.3%。板块内共有9只个股涨幅超过5%。",
    ),
)

story(
    "ai",
    "17 19:30",
    stocks="浪潮信息",
    boards="BK1134",
    subj="算力 A股公告速递",
    cls=(
        "浪潮信息：签订18.6亿元AI服务器销售合同",
        "浪潮信息公告，公司与国内某互联网企业签订AI服务器销售合同，合同总金额约18.6亿元（含税），约占公司2024年经审计营业收入的1.6%。合同预计于2026年上半年履行完毕。",
    ),
    em=(
        "浪潮信息签下18.6亿元AI服务器订单",
        "浪潮信息晚间公告，与某互联网企业签订约18.6亿元（含税）AI服务器销售合同，将于今年上半年交付完毕。公司表示，合同履行将对2026年经营业绩产生积极影响。",
        5,
    ),
)

story(
    "ai",
    "18 11:20",
    stocks="",
    boards="BK0800 BK1153",
    subj="人工智能 大模型 融资",
    em=(
        "阶跃星辰完成约50亿元新一轮融资",
        "大模型企业阶跃星辰宣布完成约50亿元人民币新一轮融资，由上海国资旗下基金领投，多家产业资本跟投。资金将用于多模态基础模型研发与终端智能体落地。公司称，其模型目前已搭载于超过2000万台手机及汽车终端。",
    ),
)

story(
    "ai",
    "18 14:10",
    stocks="腾讯控股",
    boards="BK1153",
    subj="人工智能 大模型",
    cls=(
        "腾讯发布混元新一代多模态大模型 同步上线元宝App",
        "腾讯今日发布混元新一代多模态大模型，支持图文、音视频的统一理解与生成，即日起在腾讯元宝App上线，并通过腾讯云开放API调用。腾讯表示，新模型的输入价格较上一代下调约30%。",
    ),
)

story(
    "ai",
    "17 16:45",
    subj="人工智能 算力",
    cls=(
        "上海：对中小企业租用智能算力给予最高50%补贴",
        "上海市经济和信息化委员会发布通知，2026年将发放总额10亿元的智能算力券，对中小企业和科研机构租用智能算力开展大模型训练、推理的费用，给予最高50%的补贴，单个主体年度补贴上限为500万元。",
    ),
)

story(
    "ai",
    "17 21:05",
    stocks="科大讯飞+3.4",
    boards="BK0800",
    subj="人工智能 A股公告速递",
    em=(
        "科大讯飞：2025年营收285.6亿元 同比增长22.3%",
        "科大讯飞发布2025年度业绩快报，实现营业总收入285.6亿元，同比增长22.3%；归母净利润8.9亿元，同比增长60.1%。公司称，星火大模型相关业务收入增长明显，教育、医疗等行业应用订单保持较快增长。",
    ),
    ths=(
        "科大讯飞2025年净利润增六成，大模型业务收入增长明显",
        "科大讯飞业绩快报显示，2025年营收285.6亿元，同比增长22.3%；归母净利润8.9亿元，同比增长60.1%。公司表示，星火大模型在教育、医疗、汽车等领域的商业化进展好于预期。",
        7,
    ),
)

story(
    "ai",
    "18 07:50",
    stocks="润泽科技",
    boards="BK1134",
    subj="算力 数据中心 A股公告速递",
    cls=(
        "润泽科技：与头部互联网客户签订智算中心服务协议 预计合同总额约62亿元",
        "润泽科技公告，公司与国内某头部互联网企业签订智算中心服务协议，约定在廊坊、平湖园区提供合计约200MW的智算机柜及运维服务，服务期限8年，预计合同总额约62亿元。",
    ),
)

story(
    "ai",
    "18 01:30",
    stocks="微软",
    boards="BK0800",
    subj="人工智能 OpenAI 智能体",
    ths=(
        "OpenAI推出企业级智能体平台，首批接入企业逾500家",
        "当地时间周二，OpenAI发布面向企业的AI智能体平台，支持企业在内部系统中部署可执行多步骤任务的智能体。OpenAI称首批接入企业超过500家，覆盖金融、零售和制造业，平台按任务量计费。",
    ),
    rh=(
        "OpenAI发布企业级智能体平台",
        "OpenAI推出面向企业的智能体平台，企业可在内部系统中部署执行多步骤任务的AI智能体，首批接入企业超过500家，按任务量计费。",
        "36氪 新浪科技 IT之家",
        58,
    ),
)

story(
    "ai",
    "18 10:35",
    stocks="昆仑万维+20.0 金山办公+7.3 万兴科技 焦点科技 值得买",
    boards="BK0800 BK1153",
    subj="人工智能 AI应用",
    ths=(
        "ＡＩ应用板块持续活跃，昆仑万维２０cm涨停",
        "ＡＩ应用方向持续活跃，昆仑万维２０cm涨停，金山办公涨超７％，万兴科技、焦点科技、值得买跟涨。消息面上，多家大模型厂商近日密集发布新版本，智能体产品加速落地。",
    ),
)

story(
    "ai",
    "18 13:40",
    subj="人工智能 生成式人工智能",
    em=(
        "国家网信办：今年以来新增86款生成式人工智能服务完成备案",
        "国家互联网信息办公室发布公告，2026年1月至3月中旬，共有86款生成式人工智能服务在网信部门完成备案，累计完成备案的服务数量达到612款；另有35款生成式人工智能应用或功能通过地方网信部门登记。",
    ),
)

story(
    "ai",
    "17 09:45",
    boards="BK1182",
    subj="人工智能 大模型",
    cls=(
        "智谱发布新一代旗舰基座模型 编程能力提升明显",
        "智谱今日发布新一代旗舰基座模型并开源权重，官方称其在代码生成和长程智能体任务评测中较上一代提升超过20%，API调用价格下调约25%。",
    ),
    ths=(
        "智谱新一代旗舰模型开源，API价格下调约25%",
        "智谱17日发布新一代旗舰基座模型，同步开源模型权重。官方介绍，新模型在编程和长程智能体任务上的评测得分较上一代提升逾20%，API价格下调约25%。",
        13,
    ),
    rh=(
        "智谱发布并开源新一代旗舰基座模型",
        "智谱发布新一代旗舰基座模型并开源权重，编程与长程智能体任务评测较上一代提升超过20%，API价格下调约25%。",
        "IT之家 量子位 新浪科技",
        40,
    ),
)

story(
    "ai",
    "18 12:05",
    stocks="阿里巴巴-W+2.6",
    boards="BK1134",
    subj="人工智能 云计算",
    em=(
        "阿里云：年内将在海外新开10座数据中心 扩充AI算力供给",
        "阿里云宣布，2026年将在东南亚、中东和欧洲新开10座数据中心，重点扩充GPU算力集群，以满足海外客户的大模型训练和推理需求。阿里云表示，过去一年其海外AI相关收入增长超过2倍。",
    ),
    ths=(
        "阿里云年内拟在海外新开10座数据中心",
        "阿里云称，今年将在东南亚、中东和欧洲新开10座数据中心，主要用于扩充AI算力，海外AI相关收入过去一年增长逾2倍。",
        9,
    ),
)

# ====================================== 半导体 ==========================================

story(
    "semi",
    "18 10:40",
    level="B",
    stocks="兆易创新+5.2 江波龙+20.0 佰维存储 德明利",
    boards="BK1137 BK0917",
    subj="存储芯片 半导体芯片",
    cls=(
        "TrendForce：预计二季度DRAM合约价环比上涨18%-23%",
        "集邦咨询（TrendForce）最新报告指出，受AI服务器需求持续挤占产能影响，预计2026年第二季度常规DRAM合约价格环比上涨18%-23%，NAND Flash合约价格环比上涨10%-15%；HBM产能至2027年仍将处于供不应求状态。",
    ),
    em=(
        "集邦咨询：二季度DRAM合约价或环比涨18%-23% NAND涨10%-15%",
        "集邦咨询最新报告预计，2026年二季度常规DRAM合约价环比上涨18%-23%，涨幅较一季度进一步扩大；NAND Flash合约价环比上涨10%-15%。报告称，三大原厂持续将产能转向HBM和服务器DRAM，消费类DRAM供给偏紧。",
    ),
    ths=(
        "机构：二季度DRAM合约价预计再涨近两成",
        "集邦咨询预计，二季度DRAM合约价格环比上涨18%-23%，NAND Flash上涨10%-15%，HBM供不应求将延续至2027年。存储模组厂商江波龙、德明利等库存收益有望继续释放。",
        7,
    ),
)

story(
    "semi",
    "18 06:30",
    level="B",
    stocks="北方华创 中微公司 拓荆科技",
    boards="BK0917 BK0891",
    subj="半导体芯片 出口管制",
    cls=(
        "外媒：美国商务部拟扩大对华半导体设备出口管制范围",
        "据外媒援引知情人士报道，美国商务部工业与安全局正考虑将更多用于成熟制程的刻蚀、薄膜沉积设备纳入对华出口许可证要求，相关规则最早可能于二季度公布。报道称，目前方案仍在讨论之中，尚未最终确定。",
    ),
    em=(
        "美国据悉考虑扩大对华芯片设备出口限制",
        "据报道，美国商务部正考虑扩大对华半导体设备出口管制，拟将部分成熟制程刻蚀和薄膜沉积设备纳入许可证管理，最早二季度出台。分析人士认为，此举或进一步加快国产设备在成熟制程产线的验证和导入。",
        11,
    ),
    rh=(
        "美国据悉考虑扩大对华半导体设备出口管制",
        "据报道，美国商务部正考虑将更多成熟制程设备纳入对华出口许可要求，规则最早于二季度公布；国内设备厂商表示目前订单未受影响 ...",
        "华尔街见闻 财联社 第一财经",
        95,
    ),
)
story(
    "semi",
    "18 15:20",
    update=True,
    level="B",
    subj="半导体芯片 出口管制",
    cls=(
        "商务部回应美方拟扩大半导体出口管制：将坚决维护自身正当权益",
        "商务部新闻发言人就美方拟扩大对华半导体设备出口管制的报道答记者问时表示，中方注意到有关报道，将密切关注美方动向。美方泛化国家安全概念、滥用出口管制措施，损害全球半导体产业链供应链稳定，中方将采取必要措施，坚决维护自身正当权益。",
    ),
)

story(
    "semi",
    "17 23:05",
    stocks="美光科技+5.3 阿斯麦+3.4 应用材料+3.1 台积电+2.6",
    boards="BK0917",
    subj="美股动态 半导体芯片",
    cls=(
        "费城半导体指数涨超3% 美光科技涨超5%",
        "美股盘中，费城半导体指数涨超3%，美光科技涨超5%，阿斯麦、应用材料涨超3%，台积电ADR涨2.6%。",
    ),
)
story(
    "semi",
    "18 04:02",
    update=True,
    level="B",
    stocks="美光科技+7.4 英伟达+4.1 阿斯麦+4.6 台积电+3.9",
    boards="BK0917",
    subj="美股动态 半导体芯片",
    cls=(
        "费城半导体指数收涨5.2% 创收盘历史新高",
        "周二美股收盘，费城半导体指数收涨5.2%，创收盘历史新高；美光科技涨7.4%，英伟达涨4.1%，阿斯麦涨4.6%，台积电ADR涨3.9%。",
    ),
    em=(
        "费城半导体指数大涨5.2%刷新纪录 美光科技涨7.4%",
        "美东时间周二收盘，费城半导体指数上涨5.2%，收于历史新高；成分股中美光科技涨7.4%，阿斯麦涨4.6%，台积电ADR涨3.9%。存储涨价预期与英伟达GTC大会共同提振芯片股。",
        4,
    ),
)

story(
    "semi",
    "18 10:12",
    level="B",
    stocks="中微公司+8.1 拓荆科技+6.9 华海清科+6.2 中芯国际 海光信息",
    boards="BK0917 BK0891",
    subj="半导体芯片 盘面直播",
    cls=(
        "科创芯片指数涨超3% 中微公司涨超7%",
        "科创芯片指数盘中涨超3%，中微公司涨超7%，拓荆科技、华海清科涨超6%，中芯国际、海光信息跟涨。隔夜费城半导体指数大涨5.2%，创收盘历史新高。",
    ),
    em=(
        "半导体设备股集体走强 中微公司涨超7%",
        "半导体设备股早盘集体走强，中微公司涨超7%，拓荆科技、华海清科涨超6%，北方华创涨超4%。有机构指出，外部管制预期升温将加快国产设备替代节奏。",
        4,
    ),
)
story(
    "semi",
    "18 15:04",
    update=True,
    stocks="中微公司+8.1 拓荆科技+6.9 北方华创+5.4",
    boards="BK0917",
    subj="半导体芯片",
    ths=(
        "科创芯片指数收涨3.6%，半导体设备板块领涨",
        "截至收盘，科创芯片指数涨3.6%，成交额较上一交易日放大约三成；中微公司收涨8.1%，拓荆科技涨6.9%，北方华创涨5.4%。",
    ),
)

story(
    "semi",
    "17 18:20",
    level="B",
    stocks="北方华创+5.4",
    boards="BK0917 BK0891",
    subj="半导体芯片 A股公告速递",
    cls=(
        "北方华创：2025年营收386.2亿元 同比增长29.4%",
        "北方华创发布2025年年度报告，全年实现营业收入386.2亿元，同比增长29.4%；归母净利润71.4亿元，同比增长27.0%；拟每10股派发现金红利10.2元（含税）。其中刻蚀、薄膜沉积设备收入增速均超过40%。",
    ),
    em=(
        "北方华创年报：净利润71.4亿元 同比增长27%",
        "北方华创3月17日晚披露年报，2025年营收386.2亿元，同比增长29.4%，归母净利润71.4亿元，同比增长27.0%。公司期末合同负债较年初增长约35%，在手订单充足。",
    ),
    ths=(
        "北方华创2025年净利增27%，刻蚀和薄膜设备收入增速超40%",
        "北方华创年报显示，2025年营收386.2亿元、归母净利润71.4亿元，分别同比增长29.4%和27.0%；刻蚀、薄膜沉积设备收入增速均超40%，拟10派10.2元。",
        9,
    ),
)

story(
    "semi",
    "17 19:10",
    stocks="兆易创新",
    boards="BK1137",
    subj="存储芯片 A股公告速递",
    em=(
        "兆易创新：2025年营收92.5亿元 同比增长25.7%",
        "兆易创新披露年报，2025年实现营业收入92.5亿元，同比增长25.7%；归母净利润15.8亿元，同比增长43.2%。公司表示，利基型DRAM产品量价齐升，第四季度DRAM业务收入环比增长超过50%。",
    ),
)

story(
    "semi",
    "18 09:10",
    stocks="华虹公司",
    boards="BK0917",
    subj="半导体芯片 晶圆代工",
    ths=(
        "华虹公司：无锡12英寸二期月产能将提升至8.3万片",
        "华虹公司在投资者关系活动中表示，无锡12英寸二期产线持续爬坡，预计2026年底月产能提升至8.3万片；目前公司整体产能保持满载，功率器件和嵌入式存储平台需求旺盛。",
    ),
)

story(
    "semi",
    "18 14:25",
    level="B",
    boards="BK1137",
    subj="存储芯片 IPO",
    cls=(
        "长鑫科技科创板IPO获上市委审议通过",
        "上交所官网显示，长鑫科技的科创板首发申请已在今日召开的上市委会议上获审议通过。公司本次拟募资295亿元，用于存储器晶圆制造量产线技术升级改造及DRAM前瞻技术研发等项目。",
    ),
    ths=(
        "长鑫科技IPO过会，拟募资295亿元",
        "上交所上市委审议通过长鑫科技科创板首发申请。作为国内规模最大的DRAM厂商，长鑫科技本次拟募资295亿元，有望成为今年科创板募资规模最大的IPO。",
        6,
    ),
    rh=(
        "长鑫科技科创板IPO过会",
        "长鑫科技科创板首发申请获上交所上市委审议通过，公司拟募资295亿元，用于存储器晶圆制造量产线技术升级及DRAM前瞻技术研发。",
        "上海证券报 财联社 界面新闻",
        38,
    ),
)

story(
    "semi",
    "18 08:35",
    stocks="沪硅产业",
    boards="BK0917",
    subj="半导体芯片 A股公告速递",
    em=(
        "沪硅产业：拟定增募资不超过21亿元 加码300mm硅片产能",
        "沪硅产业公告，拟向特定对象发行股票募集资金不超过21亿元，用于集成电路用300mm高端硅片扩产项目及补充流动资金。项目达产后将新增300mm硅片产能每月30万片。",
    ),
)

story(
    "semi",
    "18 10:58",
    stocks="长电科技 通富微电 台积电",
    boards="BK0917",
    subj="台积电 半导体芯片 先进封装",
    cls=(
        "台媒：台积电今年CoWoS产能将再扩大逾六成",
        "据台湾媒体报道，台积电管理层在一场供应链活动上表示，受AI芯片需求拉动，2026年CoWoS先进封装产能将较2025年再扩大逾60%，嘉义、台中新厂建设进度将加快。",
    ),
    em=(
        "台積電：今年CoWoS產能將再擴大逾六成",
        "據台灣媒體報道，台積電高層在供應鏈論壇上表示，受人工智慧晶片需求強勁帶動，2026年先進封裝CoWoS產能將較去年再擴大逾六成，並加快嘉義、台中新廠的建設進度。",
        6,
    ),
)

story(
    "semi",
    "18 08:20",
    stocks="香农芯创",
    boards="BK1137",
    subj="存储芯片 HBM",
    cls=(
        "SK海力士：HBM4已向主要客户批量供货 今年HBM产能全部售罄",
        "SK海力士在股东大会前发布的经营说明中表示，第六代高带宽存储器HBM4已开始向主要客户批量供货，2026年HBM产能已全部售罄，公司计划将今年资本开支提高约30%。",
    ),
)

story(
    "semi",
    "18 11:40",
    stocks="中微公司+8.1",
    boards="BK0917 BK0891",
    subj="半导体芯片 机构调研",
    em=(
        "中微公司：一季度刻蚀设备新签订单同比增长约45%",
        "中微公司在接待机构调研时表示，2026年一季度以来公司刻蚀设备新签订单同比增长约45%，薄膜沉积设备已在多家逻辑和存储客户实现批量重复订单，预计全年营业收入增长不低于30%。",
    ),
)

story(
    "semi",
    "17 17:30",
    boards="BK0891",
    subj="半导体芯片 大基金",
    cls=(
        "国家大基金三期出资100亿元 参与设立集成电路装备材料基金",
        "企查查信息显示，国家集成电路产业投资基金三期近日出资100亿元，与多家地方国资共同发起设立一支集成电路装备与材料产业投资基金。该基金注册资本250亿元，重点投向光刻、量测等关键设备及核心零部件。",
    ),
)

story(
    "semi",
    "18 13:15",
    stocks="江波龙+20.0 佰维存储+12.4 德明利+10.0 兆易创新+5.2 北京君正+5.6",
    boards="BK1137",
    subj="存储芯片 盘面直播",
    cls=(
        "存储芯片板块午后走强 江波龙20cm涨停",
        "存储芯片板块午后走强，江波龙20cm涨停，佰维存储涨超12%，德明利涨停，兆易创新、北京君正涨超5%。集邦咨询预计二季度DRAM合约价环比上涨18%-23%。",
    ),
    ths=(
        "存储芯片股午后拉升，江波龙涨停",
        "存储芯片概念午后拉升，江波龙涨停，佰维存储涨逾12%，德明利封板。机构预计二季度DRAM合约价继续上涨，涨幅18%-23%。",
        3,
    ),
)

story(
    "semi",
    "18 14:50",
    subj="半导体芯片 日本",
    em=(
        "日本2月半导体制造设备销售额同比增长21.4%",
        "日本半导体制造装置协会数据显示，2月日本产半导体制造设备销售额为4312亿日元，同比增长21.4%，连续26个月同比增长；协会预计2026财年设备销售额将增长约10%。",
    ),
)

story(
    "semi",
    "18 14:40",
    stocks="长电科技+3.1",
    boards="BK0917",
    subj="半导体芯片 先进封装 互动平台精选",
    ths=(
        "长电科技：算力相关封测订单饱满，先进封装产能利用率超90%",
        "长电科技在投资者互动平台表示，公司面向高性能计算的2.5D/3D先进封装产线订单饱满，一季度先进封装产能利用率超过90%，上海临港新工厂将于下半年投产。",
    ),
)

story(
    "semi",
    "17 10:48",
    stocks="华虹公司-3.2 芯原股份-2.4 寒武纪-2.1",
    boards="BK0917",
    subj="半导体芯片 盘面直播",
    cls=(
        "半导体板块早盘回调 华虹公司跌超3%",
        "半导体板块早盘走弱，华虹公司跌超3%，芯原股份、寒武纪跌超2%，科创芯片指数跌1.4%。",
    ),
)

# ====================================== 机器人 ==========================================

story(
    "robot",
    "18 09:20",
    level="B",
    stocks="埃斯顿 汇川技术 绿的谐波",
    boards="BK1184 BK1090",
    subj="机器人 人形机器人 行业标准",
    cls=(
        "工信部：《人形机器人分类与分级》等3项行业标准公开征求意见",
        "工业和信息化部网站消息，人形机器人标准化技术委员会组织起草了《人形机器人分类与分级》《人形机器人安全通用要求》《人形机器人关节模组通用技术规范》3项行业标准，现公开征求意见，截止日期为4月17日。其中，分级标准按自主程度将人形机器人划分为L1至L5五个等级。",
    ),
    em=(
        "人形机器人3项行业标准征求意见 拟按自主程度分为L1-L5五级",
        "工信部就人形机器人分类与分级、安全通用要求、关节模组通用技术规范等3项行业标准公开征求意见。业内人士表示，统一的分级和关节模组标准有助于整机厂降低采购成本，推动减速器、电机等核心部件规模化。",
        7,
    ),
    ths=(
        "人形机器人行业标准征求意见稿发布，关节模组将有统一技术规范",
        "3月18日，工信部发布《人形机器人分类与分级》等3项行业标准征求意见稿，拟按自主程度将人形机器人分为L1-L5五级，并对关节模组的接口、寿命和测试方法作出统一规定，意见反馈截至4月17日。",
        15,
    ),
)

story(
    "robot",
    "17 19:45",
    level="B",
    boards="BK1184",
    subj="机器人 IPO",
    cls=(
        "宇树科技科创板IPO注册生效",
        "证监会官网信息显示，宇树科技的科创板首发注册申请已获同意，公司距离挂牌上市仅剩发行环节。宇树科技计划募集资金约32亿元，用于智能机器人研发及产业化项目。招股书显示，公司2025年营业收入约29.8亿元，其中人形机器人收入占比约四成。",
    ),
    ths=(
        "宇树科技IPO获证监会注册批复，拟募资约32亿元",
        "证监会同意宇树科技科创板首发注册。招股书显示，宇树科技2025年营收约29.8亿元，人形机器人收入占比约40%，本次拟募资约32亿元投向智能机器人研发与产业化。",
        8,
    ),
    rh=(
        "宇树科技科创板IPO注册生效",
        "宇树科技科创板首发注册获证监会同意，公司拟募资约32亿元；2025年营业收入约29.8亿元，人形机器人收入占比约四成。",
        "证券时报 36氪 每日经济新闻 财联社",
        55,
    ),
)

story(
    "robot",
    "18 08:45",
    stocks="优必选+8.4",
    boards="BK1184",
    subj="机器人 人形机器人 港股动态",
    em=(
        "优必选：获2.64亿元Walker S2人形机器人采购合同",
        "优必选公告，公司与国内某汽车制造企业签订人形机器人采购合同，合同金额约2.64亿元，采购产品为工业人形机器人Walker S2，计划于2026年内完成交付。公司称，今年以来人形机器人累计订单金额已超过8亿元。",
    ),
    cls=(
        "优必选：签订约2.64亿元人形机器人采购合同",
        "优必选在港交所公告，与一家国内汽车制造企业签订约2.64亿元的人形机器人采购合同，年内交付；今年以来公司人形机器人累计订单金额超过8亿元。",
        4,
    ),
)

story(
    "robot",
    "18 05:40",
    stocks="特斯拉 三花智控 拓普集团",
    boards="BK1184",
    subj="机器人 特斯拉",
    ths=(
        "马斯克：Optimus第三代将于今年下半年小批量生产",
        "特斯拉首席执行官马斯克在社交媒体表示，Optimus人形机器人第三代设计已基本定型，计划于2026年下半年在弗里蒙特工厂启动小批量生产，长期目标是年产能达到100万台。",
    ),
    rh=(
        "马斯克称Optimus第三代下半年小批量生产",
        "马斯克表示，特斯拉Optimus人形机器人第三代设计基本定型，计划今年下半年启动小批量生产，长期年产能目标100万台。",
        "华尔街见闻 IT之家 新浪科技",
        82,
    ),
)

story(
    "robot",
    "17 20:30",
    stocks="绿的谐波+9.3",
    boards="BK1100 BK1184",
    subj="机器人 A股公告速递",
    em=(
        "绿的谐波：2025年营收5.83亿元 同比增长50.6%",
        "绿的谐波披露2025年年报，实现营业收入5.83亿元，同比增长50.6%；归母净利润1.26亿元，同比增长55.2%。公司称，面向人形机器人的精密谐波减速器及一体化关节出货量显著增长。",
    ),
)

story(
    "robot",
    "18 13:25",
    level="B",
    stocks="五洲新春+10.0 北特科技+10.0 中大力德+10.0 绿的谐波+9.3 兆威机电+6.4 鸣志电器+6.1",
    boards="BK1184 BK1100",
    subj="机器人 人形机器人 盘面直播",
    cls=(
        "人形机器人板块午后走强 五洲新春、北特科技涨停",
        "人形机器人板块午后走强，五洲新春、北特科技、中大力德涨停，绿的谐波涨超9%，兆威机电、鸣志电器涨超6%。消息面上，工信部就人形机器人分类分级等3项行业标准公开征求意见。",
    ),
    ths=(
        "人形机器人概念午后拉升，多股涨停",
        "人形机器人概念午后拉升，五洲新春、北特科技、中大力德封涨停，绿的谐波涨逾9%，丝杠、减速器方向领涨。",
        4,
    ),
)
story(
    "robot",
    "18 15:06",
    update=True,
    stocks="五洲新春+10.0 绿的谐波+9.3",
    boards="BK1184",
    subj="机器人",
    em=(
        "人形机器人指数收涨4.1% 板块内12股涨停",
        "截至收盘，人形机器人指数上涨4.1%，板块内12只个股涨停，绿的谐波收涨9.3%；板块全天成交额超过1100亿元，较上一交易日放量约四成。",
    ),
)

story(
    "robot",
    "17 20:55",
    stocks="三花智控+3.6",
    boards="BK1145 BK1184",
    subj="机器人 A股公告速递",
    cls=(
        "三花智控：拟投资50亿元建设机器人机电执行器生产基地",
        "三花智控公告，公司拟与杭州钱塘区政府签署投资协议，计划投资约50亿元建设机器人机电执行器及热管理部件生产基地，项目分两期建设，全部达产后预计年产机电执行器约200万套。",
    ),
    em=(
        "三花智控拟投50亿元扩产机器人执行器",
        "三花智控晚间公告，拟在杭州钱塘区投资约50亿元建设机器人机电执行器及热管理部件生产基地，分两期建设，达产后年产机电执行器约200万套。",
        6,
    ),
)

story(
    "robot",
    "17 10:08",
    subj="机器人 宏观经济",
    cls=(
        "国家统计局：1-2月工业机器人产量同比增长31.2%",
        "国家统计局数据显示，1-2月份，全国工业机器人产量11.6万套，同比增长31.2%；服务机器人产量215万套，同比增长22.8%。",
    ),
)

story(
    "robot",
    "18 10:50",
    boards="BK1184",
    subj="机器人 具身智能 融资",
    ths=(
        "银河通用完成约25亿元新一轮融资",
        "具身智能企业银河通用宣布完成约25亿元新一轮融资，产业资本与地方国资共同参与，资金将用于具身大模型研发和零售、工厂场景的规模化部署。公司称今年计划交付人形机器人超过1000台。",
    ),
)

story(
    "robot",
    "18 11:45",
    boards="BK1184",
    subj="机器人 具身智能 地方政策",
    cls=(
        "北京经开区：具身智能重大项目最高支持5000万元",
        "北京经济技术开发区发布《促进具身智能产业高质量发展若干措施》，对具身智能整机及核心零部件重大项目给予最高5000万元支持；对采购本地人形机器人开展场景应用的企业，按采购金额的30%给予补贴，单家企业年度最高1000万元。",
    ),
)

story(
    "robot",
    "18 12:30",
    boards="BK1184",
    subj="机器人 人形机器人",
    em=(
        "第二届人形机器人半程马拉松4月开跑 报名队伍超60支",
        "北京亦庄第二届人形机器人半程马拉松将于4月中旬举行，组委会表示，目前报名参赛队伍已超过60支，约为首届的3倍，赛事将首次设置自主导航组别。",
    ),
)

story(
    "robot",
    "17 21:40",
    stocks="埃斯顿+4.8",
    boards="BK1090",
    subj="机器人 工业机器人 A股公告速递",
    ths=(
        "埃斯顿：中标3.2亿元新能源车企焊装机器人项目",
        "埃斯顿公告，公司近日中标某新能源汽车企业焊装车间工业机器人及自动化产线项目，中标金额约3.2亿元，约占公司2024年营业收入的8.0%。",
    ),
)

story(
    "robot",
    "18 10:20",
    stocks="鸣志电器+6.1",
    boards="BK1145 BK1184",
    subj="机器人 机构调研",
    em=(
        "鸣志电器：空心杯电机月产能扩至30万台",
        "鸣志电器在机构调研中表示，公司空心杯电机月产能已由去年底的15万台提升至30万台，主要面向人形机器人灵巧手客户，越南工厂二期预计三季度投产。",
    ),
    ths=(
        "鸣志电器空心杯电机产能翻倍，主供人形机器人灵巧手",
        "鸣志电器称，空心杯电机月产能已从15万台扩至30万台，增量主要供应人形机器人灵巧手客户；越南二期工厂三季度投产。",
        9,
    ),
)

story(
    "robot",
    "18 10:05",
    stocks="优必选+8.4 越疆+6.2 速腾聚创+5.3 地平线机器人-W+4.0",
    boards="BK1184",
    subj="机器人 港股动态",
    ths=(
        "港股机器人概念股走强，优必选涨超8%",
        "港股机器人概念股走强，优必选涨超8%，越疆涨超6%，速腾聚创涨超5%，地平线机器人涨4%。优必选早间公告获约2.64亿元人形机器人采购合同。",
    ),
)

story(
    "robot",
    "18 09:05",
    boards="BK1184",
    subj="机器人 人形机器人",
    rh=(
        "Figure AI与物流企业签署人形机器人部署协议",
        "美国人形机器人公司Figure AI宣布与一家大型物流企业签署部署协议，计划在两年内向其分拣中心部署约1000台人形机器人，首批将于三季度上线。",
        "36氪 IT之家 极客公园",
    ),
)

story(
    "robot",
    "17 13:50",
    stocks="汇川技术",
    boards="BK1184 BK1145",
    subj="机器人 互动平台精选",
    ths=(
        "汇川技术：人形机器人关节模组已向多家客户送样",
        "汇川技术在投资者互动平台表示，公司面向人形机器人的旋转关节、直线关节模组已向多家整机客户送样测试，伺服电机和驱动器产品已实现小批量供货。",
    ),
)

# ===================================== 新能源车 =========================================

story(
    "nev",
    "18 10:05",
    level="B",
    stocks="天齐锂业+5.6 赣锋锂业+5.2 盐湖股份+3.3",
    boards="BK0574",
    subj="锂电池 期货市场情报 盐湖提锂",
    cls=(
        "碳酸锂期货主力合约涨超5% 报16.2万元/吨",
        "广期所碳酸锂期货主力合约盘中涨超5%，报16.2万元/吨，创近两个月新高。消息面上，江西宜春部分锂云母矿山停产检修，叠加动力及储能电池排产旺盛，市场对二季度供需偏紧的预期升温。",
    ),
    ths=(
        "碳酸锂期货大涨超5%，主力合约站上16万元/吨",
        "碳酸锂期货主力合约涨超5%，最高触及16.2万元/吨。宜春部分锂云母矿山检修叠加下游电池排产旺盛，锂矿股天齐锂业、赣锋锂业跟涨。",
        4,
    ),
)
story(
    "nev",
    "18 15:02",
    update=True,
    stocks="天齐锂业+5.6 赣锋锂业+5.2",
    boards="BK0574",
    subj="锂电池 期货市场情报",
    em=(
        "碳酸锂期货主力合约收涨6.3% 报16.4万元/吨",
        "广期所碳酸锂期货主力合约收涨6.3%，报16.4万元/吨，日内成交量较前一交易日增加约七成。A股锂矿板块同步走强，天齐锂业收涨5.6%，赣锋锂业涨5.2%。",
    ),
)

story(
    "nev",
    "18 14:50",
    level="B",
    stocks="比亚迪+2.4 长城汽车 赛力斯",
    boards="BK0900",
    subj="汽车大新闻 新能源汽车",
    cls=(
        "乘联会：3月1-15日全国乘用车新能源市场零售38.6万辆 同比增长9%",
        "乘联会数据显示，3月1-15日，全国乘用车市场零售70.2万辆，同比增长4%，较上月同期增长36%；新能源市场零售38.6万辆，同比增长9%，较上月同期增长41%，零售渗透率55.0%。",
    ),
    em=(
        "乘联会：3月上半月新能源乘用车零售38.6万辆 渗透率55%",
        "乘联会发布数据，3月1日至15日全国乘用车零售70.2万辆，同比增长4%；其中新能源零售38.6万辆，同比增长9%，零售渗透率达到55.0%。厂商批发方面，新能源批发45.1万辆，同比增长12%。",
        5,
    ),
    ths=(
        "3月上半月新能源车零售同比增9%，渗透率升至55%",
        "据乘联会，3月1-15日新能源乘用车零售38.6万辆，同比增长9%，环比增长41%；全市场零售渗透率55.0%。乘联会认为，以旧换新政策持续发力，3月车市有望稳中有升。",
        8,
    ),
)

story(
    "nev",
    "17 18:05",
    level="A",
    stocks="宁德时代+5.3",
    boards="BK0574 BK0900",
    subj="锂电池 A股公告速递 宁德时代",
    cls=(
        "宁德时代：2025年净利润658.3亿元 同比增长29.7%",
        "宁德时代披露2025年年报，全年实现营业收入3986.4亿元，同比增长10.1%；归母净利润658.3亿元，同比增长29.7%。公司拟每10股派发现金红利60.2元（含税）。2025年锂离子电池销量约640GWh，其中储能电池占比约22%。",
    ),
    em=(
        "宁德时代2025年营收3986.4亿元 净利增近三成 拟10派60.2元",
        "宁德时代3月17日晚间发布年报，2025年营业收入3986.4亿元，同比增长10.1%；归母净利润658.3亿元，同比增长29.7%；拟每10股派60.2元。年末公司货币资金超过3000亿元，海外收入占比提升至约35%。",
    ),
    ths=(
        "宁德时代年报：2025年电池销量约640GWh，净利658.3亿元",
        "宁德时代公告，2025年锂离子电池销量约640GWh，其中储能电池占比约22%；全年归母净利润658.3亿元，同比增长29.7%，营收3986.4亿元。",
        7,
    ),
    rh=(
        "宁德时代2025年净利润同比增长29.7%",
        "宁德时代发布年报，2025年营收3986.4亿元，同比增长10.1%，归母净利润658.3亿元，同比增长29.7%，拟每10股派60.2元；电池销量约640GWh ...",
        "财联社 证券时报 界面新闻 新浪财经",
        45,
    ),
)

story(
    "nev",
    "18 09:32",
    stocks="宁德时代+5.3 亿纬锂能+3.8 国轩高科+4.1 天赐材料+3.5",
    boards="BK0574",
    subj="锂电池 盘面直播",
    cls=(
        "宁德时代高开涨超5% 锂电池板块走强",
        "宁德时代高开涨超5%，开盘十分钟成交额突破50亿元；亿纬锂能、国轩高科、天赐材料跟涨。公司昨晚披露的年报显示，2025年净利润同比增长29.7%。",
    ),
    ths=(
        "年报超预期，宁德时代高开逾5%",
        "宁德时代开盘大涨逾5%，带动锂电池板块走强。公司2025年归母净利润658.3亿元，同比增长29.7%，并拟每10股派60.2元。",
        3,
    ),
)

story(
    "nev",
    "18 11:10",
    stocks="比亚迪+2.4",
    boards="BK0900 BK0574",
    subj="新能源汽车 比亚迪",
    em=(
        "比亚迪：第二代刀片电池二季度装车 体积能量密度提升约18%",
        "比亚迪在技术发布会上表示，第二代刀片电池将于二季度起陆续搭载于王朝、海洋系列新车，电池包体积能量密度较上一代提升约18%，10%-70%充电时间约5分钟。",
    ),
    ths=(
        "比亚迪二代刀片电池二季度上车，能量密度提升约18%",
        "比亚迪发布第二代刀片电池，体积能量密度提升约18%，支持约5分钟充电10%-70%，二季度起搭载于王朝、海洋系列车型。",
        6,
    ),
)

story(
    "nev",
    "17 22:15",
    stocks="比亚迪",
    boards="BK0900",
    subj="新能源汽车 出海",
    cls=(
        "比亚迪匈牙利塞格德工厂正式投产",
        "比亚迪匈牙利塞格德乘用车工厂17日举行投产仪式，首期规划年产能15万辆，首款下线车型为海豚系列。比亚迪表示，该工厂将主要供应欧洲市场。",
    ),
    rh=(
        "比亚迪匈牙利工厂投产",
        "比亚迪位于匈牙利塞格德的乘用车工厂正式投产，首期年产能15万辆，主要供应欧洲市场。",
        "第一财经 界面新闻 懂车帝",
        50,
    ),
)

story(
    "nev",
    "18 09:05",
    subj="新能源汽车 促消费举措",
    em=(
        "商务部：今年以来汽车以旧换新补贴申请量突破120万份",
        "商务部数据显示，截至3月17日，2026年汽车以旧换新补贴申请量突破120万份，其中新能源汽车占比约６３％；报废更新和置换更新分别约占４１％和５９％。",
    ),
)

story(
    "nev",
    "18 13:50",
    stocks="国轩高科+7.4 先导智能+5.6 当升科技+5.2",
    boards="BK0968 BK0574",
    subj="固态电池 锂电池",
    cls=(
        "固态电池板块拉升 国轩高科涨超7%",
        "固态电池概念股午后拉升，国轩高科涨超7%，先导智能、当升科技涨超5%。消息面上，国轩高科在互动平台称，其全固态电池中试线良率已提升至90%，今年将开展装车验证。",
    ),
    ths=(
        "固态电池概念午后走强，国轩高科涨逾7%",
        "固态电池概念股午后走强，国轩高科涨逾7%。公司表示全固态电池中试线良率已达90%，年内开展装车验证。",
        4,
    ),
)

story(
    "nev",
    "18 12:40",
    stocks="小米集团-W+3.1",
    boards="BK0900",
    subj="新能源汽车 小米汽车",
    ths=(
        "小米汽车第50万辆整车下线",
        "小米汽车宣布第50万辆整车在北京亦庄工厂下线，距第30万辆下线约5个月。公司表示，YU7与SU7两款车型目前的等车周期约6-8周。",
    ),
)

story(
    "nev",
    "18 14:20",
    stocks="特斯拉",
    boards="BK0900",
    subj="新能源汽车 特斯拉",
    ths=(
        "特斯拉上海超级工厂第400万辆整车下线",
        "特斯拉上海超级工厂第400万辆整车下线，距第300万辆下线约17个月。上海超级工厂是特斯拉全球最大的出口中心，去年出口占比约四成。",
    ),
)

story(
    "nev",
    "18 08:10",
    stocks="赛力斯+2.2",
    boards="BK0900",
    subj="新能源汽车",
    em=(
        "赛力斯：问界系列上周交付1.28万辆 连续三周超1.2万辆",
        "赛力斯发布数据，问界系列新车上周（3月9日-15日）交付1.28万辆，连续三周超过1.2万辆；问界M8、M9合计占比约六成。",
    ),
)

story(
    "nev",
    "17 20:20",
    stocks="亿纬锂能+3.8",
    boards="BK0574",
    subj="锂电池 A股公告速递",
    cls=(
        "亿纬锂能：拟投资108亿元建设60GWh大圆柱电池项目",
        "亿纬锂能公告，公司拟在湖北荆门投资约108亿元建设60GWh大圆柱动力与储能电池生产基地，项目建设周期约30个月，资金来源为自有及自筹资金。",
    ),
    em=(
        "亿纬锂能拟投资108亿元扩产大圆柱电池",
        "亿纬锂能晚间公告，拟投资约108亿元在湖北荆门建设60GWh大圆柱电池项目，建设期约30个月，主要面向动力与储能市场。",
        8,
    ),
)

story(
    "nev",
    "18 13:10",
    stocks="赣锋锂业+5.2",
    boards="BK0574",
    subj="锂电池 盐湖提锂",
    em=(
        "赣锋锂业：阿根廷Mariana盐湖项目一期达产",
        "赣锋锂业在互动平台表示，阿根廷Mariana盐湖项目一期已实现达产，年产氯化锂约2万吨，产品主要运回国内加工为电池级碳酸锂。",
    ),
)

story(
    "nev",
    "18 10:15",
    subj="新能源汽车 充电桩",
    ths=(
        "国家能源局：截至2月底全国充电设施总数达2060万台",
        "国家能源局数据显示，截至2026年2月底，全国电动汽车充电基础设施总数达到2060万台，同比增长52.3%；其中公共充电设施约460万台。",
    ),
)

story(
    "nev",
    "18 07:20",
    subj="新能源汽车 欧盟",
    em=(
        "欧委会：将评估部分中国车企提交的电动汽车价格承诺方案",
        "欧盟委员会发言人17日表示，欧委会已收到部分中国车企就出口欧盟的纯电动汽车提交的最低价格承诺方案，将按照个案原则开展评估，评估结果将适时公布。",
    ),
)

story(
    "nev",
    "17 11:35",
    boards="BK0900",
    subj="新能源汽车",
    ths=(
        "理想汽车：纯电SUV理想i6月交付突破1.5万辆",
        "理想汽车称，纯电SUV理想i6 2月交付量突破1.5万辆，3月产能将提升至每月2万辆。",
    ),
)

story(
    "nev",
    "18 10:45",
    stocks="零跑汽车+6.4 小米集团-W",
    boards="BK0900",
    subj="新能源汽车 港股动态",
    cls=(
        "港股汽车股走强 零跑汽车涨超6%",
        "^财联社3月18日电，港股汽车股走强，零跑汽车涨超6%，小米集团涨超3%，理想汽车、小鹏汽车涨超2%。零跑汽车此前公布，3月以来周销量连续创新高。",
    ),
)

# ====================================== 创新药 ==========================================

story(
    "pharma",
    "17 19:20",
    level="A",
    stocks="恒瑞医药+6.2",
    boards="BK1106",
    subj="创新药 医药 A股公告速递",
    cls=(
        "恒瑞医药：一款双抗海外权益授权跨国药企 首付款5亿美元",
        "恒瑞医药公告，公司与一家跨国制药企业签署独家许可协议，将一款处于临床II期的PD-1/IL-2双功能融合蛋白在大中华区以外的开发及商业化权益授予对方。公司将获得5亿美元首付款、最高1亿美元近期里程碑付款，交易总金额最高约120亿美元，另可获得销售提成。",
    ),
    em=(
        "恒瑞医药再签大额BD：首付款5亿美元 总额最高约120亿美元",
        "恒瑞医药3月17日晚公告，将一款PD-1/IL-2双功能融合蛋白的海外权益授予一家跨国药企，首付款5亿美元，近期里程碑最高1亿美元，总交易额最高约120亿美元。这是公司近两年来首付款金额最大的一笔对外授权。",
        4,
    ),
    ths=(
        "恒瑞医药对外授权双抗海外权益，首付款5亿美元",
        "恒瑞医药公告，就一款临床II期PD-1/IL-2双功能融合蛋白与跨国药企达成独家许可，获得5亿美元首付款，潜在总金额最高约120亿美元，并享有两位数比例的销售提成。",
        10,
    ),
    rh=(
        "恒瑞医药授权一款双抗海外权益，首付款5亿美元",
        "恒瑞医药将一款PD-1/IL-2双功能融合蛋白在大中华区以外的权益授予跨国药企，首付款5亿美元，总交易金额最高约120亿美元。",
        "财联社 医药魔方 证券时报 新浪财经",
        60,
    ),
)

story(
    "pharma",
    "17 17:45",
    level="B",
    stocks="百济神州+3.8",
    boards="BK1106",
    subj="创新药 A股公告速递",
    em=(
        "百济神州：2025年营收378.6亿元 同比增长39.1%",
        "百济神州发布A股年度报告，2025年实现营业收入378.6亿元，同比增长39.1%；全年实现归母净利润14.2亿元，上年同期亏损49.8亿元。其中，泽布替尼全球销售额达264亿元。",
    ),
    cls=(
        "百济神州：2025年扭亏为盈 营收增长39.1%",
        "百济神州披露年报，2025年营业收入378.6亿元，同比增长39.1%，归母净利润14.2亿元，实现扭亏为盈；泽布替尼全球销售额264亿元，同比增长约45%。",
        6,
    ),
)

story(
    "pharma",
    "18 11:00",
    level="B",
    boards="BK1106",
    subj="创新药 医保",
    cls=(
        "国家医保局：2026年医保药品目录及商保创新药目录调整方案征求意见",
        "国家医保局就2026年医保目录与商保创新药目录的调整工作方案（征求意见稿）向社会公开征求意见。方案提出，继续支持创新药，近5年内获批上市的新通用名药品均可申报；商保创新药目录重点纳入创新程度高、临床价值大、但超出基本医保保障范围的品种。",
    ),
    em=(
        "2026年医保目录调整启动征求意见 商保创新药目录继续扩容",
        "国家医保局就2026年医保药品目录和商保创新药目录调整工作方案公开征求意见，近5年获批的新通用名药品可申报，商保创新药目录继续向高价值创新药倾斜，正式方案预计二季度发布。",
        5,
    ),
    ths=(
        "医保目录调整方案征求意见，近5年获批新药均可申报",
        "3月18日，国家医保局发布2026年医保药品目录及商保创新药目录调整工作方案征求意见稿，近5年内获批上市的新通用名药品可申报，商保创新药目录重点纳入临床价值大的创新品种。",
        12,
    ),
)

story(
    "pharma",
    "18 08:50",
    stocks="荣昌生物+4.5",
    boards="BK1106",
    subj="创新药 A股公告速递",
    cls=(
        "荣昌生物：维迪西妥单抗新适应症获批上市",
        "荣昌生物公告，公司注射用维迪西妥单抗联合特瑞普利单抗用于HER2表达局部晚期或转移性尿路上皮癌一线治疗的新适应症上市申请，获国家药品监督管理局批准。",
    ),
)

story(
    "pharma",
    "18 09:40",
    boards="BK1106",
    subj="创新药",
    ths=(
        "超20家中国药企将在AACR年会发布最新研究",
        "2026年美国癌症研究协会（AACR）年会将于4月举行，据不完全统计，已有超过20家中国药企的逾80项研究入选，ADC、双抗和分子胶为主要方向，其中口头报告12项。",
    ),
)

story(
    "pharma",
    "18 10:30",
    stocks="康方生物+7.6 信达生物+5.4 科伦博泰生物-B+5.1 三生制药+4.3",
    boards="BK1106",
    subj="创新药 港股动态",
    cls=(
        "港股创新药板块走强 恒生医疗保健指数涨超3%",
        "港股创新药板块走强，恒生医疗保健指数涨超3%，康方生物涨超7%，信达生物、科伦博泰生物涨超5%，三生制药涨超4%。",
    ),
    ths=(
        "港股创新药集体走强，康方生物涨超7%",
        "港股创新药股集体走强，康方生物涨超7%，信达生物、科伦博泰涨超5%。恒瑞医药昨晚公告一笔首付款5亿美元的对外授权交易，提振板块情绪。",
        6,
    ),
)
story(
    "pharma",
    "18 16:12",
    update=True,
    stocks="康方生物+8.6 信达生物+5.4",
    boards="BK1106",
    subj="创新药 港股动态",
    em=(
        "港股收盘：恒生医疗保健指数收涨4.2% 康方生物涨8.6%",
        "港股收盘，恒生医疗保健指数收涨4.2%，领涨各行业指数；康方生物涨8.6%，信达生物涨5.4%，科伦博泰生物涨5.1%。",
    ),
)

story(
    "pharma",
    "18 08:05",
    stocks="科伦博泰生物-B 科伦药业",
    boards="BK1106",
    subj="创新药 港股动态",
    em=(
        "科伦博泰生物：完成配售 募资约32.5亿港元",
        "科伦博泰生物公告，已按每股配售价约408港元完成配售约800万股新H股，所得款项总额约32.5亿港元，将主要用于ADC管线的全球临床开发。",
    ),
)

story(
    "pharma",
    "17 18:35",
    level="B",
    stocks="药明康德+4.4 泰格医药 凯莱英",
    boards="BK0899",
    subj="创新药 CRO A股公告速递",
    cls=(
        "药明康德：2025年营收441.2亿元 同比增长12.4%",
        "药明康德发布2025年年报，实现营业收入441.2亿元，同比增长12.4%；归母净利润163.5亿元，同比增长73.0%，主要受出售部分业务的一次性收益带动。公司预计2026年持续经营业务收入增长13%-17%，期末在手订单同比增长约40%。",
    ),
    em=(
        "药明康德年报：净利润163.5亿元 2026年收入指引增长13%-17%",
        "药明康德3月17日晚发布年报，2025年营收441.2亿元，同比增长12.4%，归母净利润163.5亿元，同比增长73.0%；公司给出2026年持续经营业务收入增长13%-17%的指引，在手订单同比增长约40%。",
        4,
    ),
    ths=(
        "药明康德2025年营收441.2亿元，在手订单增约四成",
        "药明康德年报显示，2025年营收441.2亿元、归母净利润163.5亿元，同比分别增长12.4%、73.0%；期末在手订单同比增长约40%，2026年持续经营业务收入预计增长13%-17%。",
        8,
    ),
)

story(
    "pharma",
    "18 08:30",
    stocks="康方生物+7.6",
    boards="BK1106",
    subj="创新药",
    ths=(
        "康方生物：依沃西单抗一线胆道癌III期研究达到主要终点",
        "康方生物公告，依沃西单抗联合化疗对比度伐利尤单抗联合化疗一线治疗晚期胆道癌的III期临床研究达到总生存期主要终点，公司计划年内向国家药监局递交新适应症上市申请。",
    ),
)

story(
    "pharma",
    "18 13:25",
    stocks="石药集团+3.9",
    boards="BK1106",
    subj="创新药 港股动态",
    em=(
        "石药集团：一款ADC新药海外权益授权 首付款1.5亿美元",
        "石药集团公告，将一款靶向B7-H3的ADC候选药物在大中华区以外的权益授予一家美国生物科技公司，获得1.5亿美元首付款，潜在里程碑付款最高约18亿美元。",
    ),
    cls=(
        "石药集团：B7-H3 ADC海外授权获1.5亿美元首付款",
        "石药集团在港交所公告，与一家美国生物科技公司就一款B7-H3靶点ADC达成独家许可协议，首付款1.5亿美元，里程碑付款最高约18亿美元。",
        3,
    ),
)

story(
    "pharma",
    "17 16:20",
    boards="BK1106",
    subj="创新药 地方政策",
    cls=(
        "北京：支持创新药高质量发展 单品种最高奖励3000万元",
        "北京市发布《支持创新医药高质量发展若干措施（2026年）》，对在京完成临床试验并获批上市的1类创新药，按研发投入给予单品种最高3000万元奖励；对首次进入国家医保目录或商保创新药目录的产品给予一次性支持。",
    ),
)

story(
    "pharma",
    "18 12:10",
    stocks="三生制药+4.3",
    boards="BK1106",
    subj="创新药 港股动态",
    ths=(
        "三生制药：收到海外合作伙伴1亿美元里程碑付款",
        "三生制药公告，公司PD-1/VEGF双抗项目的海外合作伙伴已启动一项全球III期临床试验，公司据此收到1亿美元里程碑付款。",
    ),
)

story(
    "pharma",
    "18 09:50",
    stocks="泽璟制药+3.2",
    boards="BK1106",
    subj="创新药 A股公告速递",
    em=(
        "泽璟制药：一款三抗新药获FDA授予快速通道资格",
        "泽璟制药公告，公司自主研发的一款三特异性抗体获美国FDA授予快速通道资格，用于治疗既往接受过至少二线治疗的小细胞肺癌。",
    ),
)

story(
    "pharma",
    "18 14:35",
    boards="BK1106",
    subj="创新药 公募基金动态",
    cls=(
        "创新药ETF连续5日获资金净流入 累计约36亿元",
        "Wind数据显示，截至3月17日，全市场创新药主题ETF已连续5个交易日获资金净流入，累计净流入约36亿元，相关产品总规模突破800亿元。",
    ),
)

story(
    "pharma",
    "17 20:40",
    stocks="君实生物+2.7",
    boards="BK1106",
    subj="创新药 A股公告速递",
    ths=(
        "君实生物：2025年营收26.1亿元，同比增长34%",
        "君实生物发布年报，2025年营业收入26.1亿元，同比增长34.0%，归母净亏损6.1亿元，亏损额同比收窄52%；核心产品特瑞普利单抗国内销售收入约19亿元。",
    ),
)

story(
    "pharma",
    "17 09:36",
    stocks="泰格医药+4.2 药明康德+2.3 凯莱英+2.6",
    boards="BK0899",
    subj="创新药 盘面直播",
    cls=(
        "医药板块早盘回暖 泰格医药涨超4%",
        "CRO方向早盘回暖，泰格医药涨超4%，凯莱英、药明康德涨超2%。",
    ),
)

# ===================================== 低空经济 =========================================

story(
    "lowalt",
    "18 09:55",
    level="B",
    stocks="中信海直 万丰奥威 莱斯信息",
    boards="BK1166 BK1157",
    subj="低空经济 民航",
    cls=(
        "民航局：今年将新开通城市低空航线不少于100条",
        "民航局在低空经济发展工作推进会上表示，2026年将推动新开通城市低空物流、载人观光等航线不少于100条，加快建设低空飞行服务保障体系，年内完成eVTOL等新型航空器适航审定程序优化。",
    ),
    em=(
        "民航局部署低空经济重点工作：年内新开通低空航线不少于100条",
        "民航局召开低空经济发展工作推进会，提出今年新开通城市低空航线不少于100条，推动低空飞行服务站全国联网，并优化eVTOL适航审定程序，缩短审定周期。",
        6,
    ),
    ths=(
        "民航局：2026年新开通城市低空航线不少于100条",
        "3月18日，民航局表示今年将新开通低空物流、载人观光等城市低空航线不少于100条，年内优化eVTOL等新型航空器的适航审定程序。",
        12,
    ),
)

story(
    "lowalt",
    "18 06:10",
    level="B",
    stocks="亿航智能+9.7",
    boards="BK1157 BK1166",
    subj="低空经济 eVTOL 美股动态",
    cls=(
        "亿航智能：2025年营收9.6亿元 同比增长110.5%",
        "亿航智能公布未经审计财报，2025年全年营收约9.6亿元，同比增长110.5%；全年交付EH216系列无人驾驶载人航空器约520架。公司预计2026年全年营收约16亿元。",
    ),
    ths=(
        "亿航智能2025年营收翻倍，预计今年营收约16亿元",
        "亿航智能发布财报，2025年营收约9.6亿元，同比增长110.5%，全年交付EH216系列约520架；公司给出2026年营收约16亿元的指引。美股周二收涨9.7%。",
        9,
    ),
    rh=(
        "亿航智能2025年营收同比增长110.5%",
        "亿航智能2025年营收约9.6亿元，同比增长110.5%，全年交付EH216系列约520架，预计2026年营收约16亿元。",
        "财联社 36氪 智通财经",
        60,
    ),
)

story(
    "lowalt",
    "18 10:40",
    stocks="万丰奥威+4.6",
    boards="BK1166 BK1157",
    subj="低空经济 互动平台精选",
    em=(
        "万丰奥威：钻石飞机获56架训练机订单",
        "万丰奥威在投资者互动平台表示，旗下钻石飞机近期与多家航校签订56架训练机订单；公司eVTOL项目已进入适航验证阶段。",
    ),
)

story(
    "lowalt",
    "18 11:30",
    stocks="美团-W",
    boards="BK1166 BK0704",
    subj="低空经济 港股动态",
    ths=(
        "香港公布第二批低空经济“监管沙盒”试点项目",
        "香港特區政府運輸及物流局公佈第二批低空經濟「監管沙盒」試點項目，共涵蓋28個項目，涉及無人機物流配送、應急救援及基建巡檢等場景，部分項目將於今年第二季度起陸續試飛。",
    ),
    cls=(
        "香港第二批低空经济“监管沙盒”试点项目公布 共28个项目",
        "香港特区政府运输及物流局公布第二批低空经济“监管沙盒”试点项目，共28个，涵盖无人机物流配送、应急救援、基建巡检等场景，部分项目将于二季度起陆续试飞。",
        7,
    ),
)

story(
    "lowalt",
    "18 13:05",
    boards="BK1157",
    subj="低空经济 eVTOL",
    ths=(
        "时的科技E20 eVTOL获200架意向订单",
        "时的科技宣布，其E20电动垂直起降飞行器与一家通航运营企业签署200架意向采购协议，订单金额约60亿元，交付预计自2027年开始。",
    ),
)

story(
    "lowalt",
    "18 10:25",
    stocks="中信海直+10.0 宗申动力+6.3 万丰奥威+4.6 莱斯信息+4.9 纵横股份+4.2",
    boards="BK1166",
    subj="低空经济 盘面直播",
    cls=(
        "低空经济板块异动拉升 中信海直涨停",
        "低空经济板块异动拉升，中信海直涨停，宗申动力涨超6%，万丰奥威、莱斯信息、纵横股份涨超4%。消息面上，民航局表示今年将新开通城市低空航线不少于100条。",
    ),
    ths=(
        "低空经济概念拉升，中信海直封板",
        "低空经济概念盘中拉升，中信海直封涨停，宗申动力涨超6%，莱斯信息涨近5%。",
        3,
    ),
)
story(
    "lowalt",
    "18 15:05",
    update=True,
    stocks="中信海直+10.0 宗申动力+6.3",
    boards="BK1166",
    subj="低空经济",
    em=(
        "低空经济指数收涨3.4% 中信海直涨停",
        "截至收盘，低空经济指数上涨3.4%，中信海直涨停，宗申动力收涨6.3%，莱斯信息涨4.9%；板块成交额约560亿元。",
    ),
)

story(
    "lowalt",
    "17 16:55",
    stocks="深城交",
    boards="BK1166 BK0704",
    subj="低空经济 地方政策",
    cls=(
        "深圳：2026年将新建低空起降设施不少于300个",
        "深圳市交通运输局发布2026年低空经济重点工作安排，今年将新建低空起降设施不少于300个，新开通无人机物流航线50条以上，力争全市全年低空飞行架次突破100万。",
    ),
    em=(
        "深圳今年将新建300个以上低空起降设施",
        "深圳市交通运输局表示，2026年将新建低空起降设施不少于300个、新开无人机物流航线50条以上，全年低空飞行架次力争突破100万架次。",
        8,
    ),
)

story(
    "lowalt",
    "18 09:25",
    boards="BK1157",
    subj="低空经济 飞行汽车",
    ths=(
        "小鹏汇天：“陆地航母”首批用户交付启动，累计订单超8500台",
        "小鹏汇天宣布，分体式飞行汽车“陆地航母”首批用户交付在广州启动，累计订单已超过8500台；广州工厂规划年产能1万台。",
    ),
    rh=(
        "小鹏汇天飞行汽车启动首批交付",
        "小鹏汇天“陆地航母”分体式飞行汽车启动首批用户交付，累计订单超过8500台，广州工厂规划年产能1万台。",
        "IT之家 懂车帝 36氪",
        45,
    ),
)

story(
    "lowalt",
    "18 14:15",
    stocks="航天彩虹+3.4",
    boards="BK0704",
    subj="低空经济 无人机 A股公告速递",
    em=(
        "航天彩虹：签订1.8亿元无人机出口合同",
        "航天彩虹公告，公司下属子公司与某海外客户签订无人机系统出口合同，合同金额约1.8亿元，约占公司2024年营业收入的4.9%。",
    ),
)

story(
    "lowalt",
    "18 08:50",
    boards="BK1166",
    subj="低空经济",
    ths=(
        "成都低空飞行服务中心投入运营",
        "成都低空飞行服务中心18日投入运营，可为全市低空航空器提供飞行计划审批、气象和监视告警等一站式服务，设计日保障能力5000架次。",
    ),
)

story(
    "lowalt",
    "17 20:05",
    stocks="纵横股份+4.2",
    boards="BK0704 BK1166",
    subj="低空经济 无人机 A股公告速递",
    cls=(
        "纵横股份：拟定增募资不超过8.5亿元 扩产垂直起降固定翼无人机",
        "纵横股份公告，拟向特定对象发行股票募集资金不超过8.5亿元，用于垂直起降固定翼无人机产能扩建、低空智能感知系统研发及补充流动资金。",
    ),
)

story(
    "lowalt",
    "18 09:35",
    stocks="莱斯信息+4.9",
    boards="BK1166",
    subj="低空经济 A股公告速递",
    em=(
        "莱斯信息：中标1.36亿元低空飞行服务保障平台项目",
        "莱斯信息公告，公司中标某省低空飞行服务保障平台建设项目，中标金额约1.36亿元，约占公司2024年营业收入的8.7%。",
    ),
    cls=(
        "莱斯信息：中标约1.36亿元低空飞行服务平台项目",
        "莱斯信息公告，公司成为某省低空飞行服务保障平台建设项目中标单位，中标金额约1.36亿元。",
        3,
    ),
)

story(
    "lowalt",
    "18 07:30",
    stocks="Joby_Aviation+5.8",
    boards="BK1157",
    subj="低空经济 eVTOL 美股动态",
    ths=(
        "Joby Aviation迪拜空中出租车航线开始载客运营",
        "Joby Aviation宣布，其在迪拜的首条空中出租车航线开始商业载客运营，连接迪拜国际机场与棕榈岛，单程飞行约12分钟。Joby股价周二收涨5.8%。",
    ),
)

story(
    "lowalt",
    "18 15:15",
    subj="低空经济 无人机 民航",
    cls=(
        "民航局：全国实名登记无人机数量突破300万架",
        "民航局数据显示，截至2月底，全国实名登记无人机数量达到306.8万架，同比增长41.2%；1-2月无人机累计飞行小时同比增长56%。",
    ),
)

story(
    "lowalt",
    "18 12:20",
    stocks="美团-W",
    boards="BK0704",
    subj="低空经济 无人机",
    em=(
        "美团无人机：累计完成订单配送突破80万单",
        "美团无人机业务负责人表示，截至3月中旬，美团无人机累计完成订单配送突破80万单，已在全国12个城市开通64条航线，今年计划新增航线100条。",
    ),
)

story(
    "lowalt",
    "17 10:40",
    stocks="宗申动力-3.4 万丰奥威-2.1",
    boards="BK1166",
    subj="低空经济 盘面直播",
    em=(
        "低空经济板块早盘回调 宗申动力跌超3%",
        "低空经济板块早盘走弱，宗申动力跌超3%，万丰奥威、中信海直跌超2%。",
    ),
)

# ============================ 顺带提及：主题词只是路过 ==================================

trap(
    "cls",
    "18 07:55",
    "3月18日早间要闻汇总",
    "今日早间要闻：1、央行将于今日开展7天期逆回购操作；2、国家发改委：今年将继续扩大超长期特别国债支持范围；3、住建部：加快推进城市更新和城中村改造；4、隔夜美股三大指数收涨，费城半导体指数创收盘新高；5、国际油价收涨逾2%，布伦特原油回到每桶78美元上方；6、美联储3月议息会议今晚结束，市场预计维持利率不变；7、日本央行今起召开货币政策会议；8、财政部：1-2月全国一般公共预算收入同比增长1.2%；9、文旅部：清明假期出游预订量同比增长两成；10、中国国航等航司公布2月运营数据，旅客周转量同比增长约8%；11、多家上市房企披露2月销售简报；12、今日沪深两市共有5家公司限售股解禁。",
    level="B",
    subj="环球市场情报",
)

trap(
    "em",
    "18 12:00",
    "3月18日午间公告精选",
    "午间公告精选：中国神华2月商品煤产量2710万吨，同比增长2.3%；顺丰控股2月速运物流业务收入同比增长9.8%；大秦铁路2月完成货物发送量3480万吨；绿的谐波披露年报，2025年营收同比增长50.6%；海天味业拟每10股派发现金红利9.5元；中国建筑1-2月新签合同额同比增长3.6%。",
    stocks="中国神华 顺丰控股 大秦铁路 海天味业 中国建筑",
)

trap(
    "em",
    "18 10:55",
    "永辉超市：AI智能客服上线 覆盖全部门店线上订单咨询",
    "永辉超市宣布，其AI智能客服已覆盖全部门店的线上订单咨询，高峰时段响应时间由平均45秒缩短至5秒以内；公司同时表示，今年将继续推进门店调改，计划再完成150家门店的调改。",
    stocks="永辉超市+1.2",
)

trap(
    "cls",
    "18 11:15",
    "工商银行：去年线上交易占比超过99% 持续推进数字化转型",
    "工商银行在2026年数字化转型推进会上表示，2025年全行线上交易占比超过99%，手机银行月活用户突破2.2亿；人工智能已在信贷审批、反欺诈等200多个场景中应用。今年将继续压降网点柜面业务，优化县域网点布局。",
    stocks="工商银行+0.4",
    subj="银行业动态",
)

trap(
    "cls",
    "18 08:40",
    "美联储3月议息会议今晚结束 市场预计维持利率不变",
    "美联储将于北京时间3月19日凌晨2点公布利率决议。CME“美联储观察”显示，市场预计美联储本次维持联邦基金利率目标区间不变的概率约为92%。市场关注点阵图对年内降息次数的指引，以及鲍威尔对关税、劳动力市场和人工智能投资拉动生产率的最新表态。",
    level="B",
    subj="美联储动态 美国宏观速递",
)

trap(
    "cls",
    "17 10:30",
    "国家统计局：1-2月规模以上工业增加值同比增长6.1%",
    "国家统计局数据显示，1-2月份，规模以上工业增加值同比实际增长6.1%。分产品看，新能源汽车、集成电路、工业机器人产量分别增长18.6%、14.2%、31.2%。1-2月份，社会消费品零售总额同比增长4.0%；全国固定资产投资同比增长2.8%。",
    level="B",
    subj="宏观经济",
)

trap(
    "cls",
    "18 15:01",
    "A股收评：三大指数集体收涨 创业板指涨2.1%",
    "A股三大指数集体收涨，沪指涨0.8%，深成指涨1.5%，创业板指涨2.1%。沪深两市成交额1.92万亿元，较上一交易日放量约2200亿元，全市场超3600只个股上涨。板块方面，半导体设备、CPO、人形机器人、低空经济涨幅居前，白酒、银行、煤炭板块跌幅居前。",
    level="B",
    subj="盘面直播",
)

trap(
    "ths",
    "18 09:15",
    "贵州茅台：i茅台App上线AI导购功能",
    "贵州茅台旗下i茅台App上线AI导购功能，可根据用户需求推荐产品并解答购买规则。截至目前，i茅台注册用户已超过7000万，2025年通过i茅台实现的销售额同比增长约11%。",
    stocks="贵州茅台",
)

trap(
    "em",
    "18 14:05",
    "中国平安：寿险AI坐席年服务量约18亿次",
    "中国平安在投资者交流会上表示，2025年寿险业务AI坐席服务量约18亿次，覆盖约80%的客服需求；代理人渠道人均新业务价值同比增长约12%。公司表示，将继续保持稳定的现金分红政策。",
    stocks="中国平安",
)

trap(
    "ths",
    "18 10:25",
    "人社部：春季招聘活动提供岗位超过1000万个",
    "人力资源和社会保障部表示，2026年春季招聘活动已累计提供岗位超过1000万个，其中制造业、现代服务业岗位占比超过六成，新能源、人工智能等新兴领域岗位需求增长明显；高校毕业生专场招聘将持续至5月底。",
)

trap(
    "cls",
    "18 08:05",
    "国际油价周二收涨逾2% 布伦特原油重回78美元上方",
    "周二国际油价收涨逾2%，WTI 4月原油期货收涨2.1%，报每桶74.36美元；布伦特5月原油期货收涨2.3%，报每桶78.12美元。中东地区局势与美国商业原油库存下降支撑油价。分析人士称，新能源替代对中长期原油需求的影响仍存在分歧。",
    subj="原油市场动态",
)

trap(
    "em",
    "18 03:30",
    "现货黄金收涨0.8%",
    "周二现货黄金收涨0.8%，报4986.3美元/盎司；现货白银涨1.4%。美联储议息会议前市场避险情绪升温，美元指数小幅走弱。有交易员表示，科技股反弹在一定程度上限制了金价涨幅。",
    stocks="山东黄金 紫金矿业",
    boards="BK0547",
)

trap(
    "cls",
    "18 11:30",
    "国家能源局：1-2月全国新增光伏装机2860万千瓦",
    "国家能源局数据显示，1-2月全国新增光伏发电装机2860万千瓦，新增风电装机1120万千瓦；截至2月底，全国风电、光伏等新能源发电装机容量合计约18.6亿千瓦，占总装机比重约49%。",
    subj="能源行业新闻 电力",
)

trap(
    "ths",
    "18 14:30",
    "海底捞：今年计划在200家门店引入传菜机器人",
    "海底捞表示，今年计划在约200家门店引入传菜机器人和智能排班系统，以缓解高峰时段人手紧张；公司2025年翻台率约为每天4.1次。",
    stocks="海底捞",
)

trap(
    "em",
    "18 11:50",
    "万科：上线AI看房助手 3月以来线上获客量增长30%",
    "万科在旗下售楼平台上线AI看房助手，可为购房者提供户型讲解、周边配套查询等服务。万科称，3月以来线上获客量环比增长30%，2月实现合同销售金额约86亿元。",
    stocks="万科A",
)

trap(
    "cls",
    "18 09:40",
    "韩国3月前10日出口同比增长8.9%",
    "韩国关税厅数据显示，3月1日至10日，韩国出口额同比增长8.9%，进口额同比增长3.1%；其中半导体出口同比增长21%，乘用车出口下降4%，石油产品出口下降7%。",
    subj="环球市场情报",
)

trap(
    "cls",
    "18 07:30",
    "券商晨会精华：看好消费与红利资产配置价值",
    "今日券商晨会观点：中金公司认为，服务消费政策加码有望带动餐饮、旅游链景气修复；中信证券表示，银行板块股息率优势仍在，中长期资金持续流入红利资产；华泰证券指出，AI算力产业链景气度依然较高，但短期需关注估值波动。",
    subj="券商策略",
)

trap(
    "em",
    "18 10:10",
    "中国石化：2025年成品油经营量同比下降2.1%",
    "中国石化发布经营数据，2025年境内成品油总经销量同比下降2.1%，主要受新能源汽车替代和LNG重卡渗透影响；化工产品经营量同比增长5.3%。公司计划今年新建充换电站500座。",
    stocks="中国石化",
)

trap(
    "cls",
    "17 10:05",
    "国家统计局：1-2月社会消费品零售总额同比增长4.0%",
    "国家统计局数据显示，1-2月份，社会消费品零售总额同比增长4.0%。其中，限额以上单位通讯器材类、家用电器类零售额分别增长12.1%和8.4%；智能家电、新能源汽车等升级类商品销售增长较快。",
    subj="宏观经济 促消费举措",
)

trap(
    "em",
    "18 16:15",
    "港股收评：恒指涨0.9% 科技指数涨1.6%",
    "港股收盘，恒生指数涨0.9%，恒生科技指数涨1.6%，全日成交额约2860亿港元。医疗保健、汽车板块领涨，内房股、公用事业股走弱。",
)

trap(
    "cls",
    "18 11:31",
    "A股午评：创业板指涨1.6% 两市半日成交额超1.1万亿元",
    "A股三大指数午盘集体上涨，沪指涨0.5%，深成指涨1.1%，创业板指涨1.6%，两市半日成交额1.12万亿元。盘面上，CPO、半导体设备、低空经济方向走强，白酒、煤炭、保险板块走弱。",
    subj="盘面直播",
)

# ======================================= 噪声 ===========================================
# Macro, markets, property, consumer, banks, shipping, commodities, world news and
# company announcements that have nothing to do with the six themes.

# --- 3月17日白天（报告窗口之前） ---
n(
    "cls",
    "17 07:50",
    "日本1月核心机械订单环比增长2.4%",
    "日本内阁府数据显示，1月核心机械订单环比增长2.4%，预期增长1.5%；同比增长4.1%。",
    subj="环球市场情报",
)
n(
    "cls",
    "17 08:02",
    "A股限售股解禁一览：7家公司合计解禁市值约96.4亿元",
    "周二（3月17日）共有7家上市公司的限售股解禁上市流通，合计解禁约4.2亿股，按最新收盘价计算，解禁市值约96.4亿元。",
    subj="限售股解禁",
)
n(
    "ths",
    "17 08:15",
    "离岸人民币兑美元早盘小幅走强",
    "离岸人民币兑美元早盘报7.0935，较上一交易日夜盘收盘上涨42个基点。",
)
n(
    "em",
    "17 08:35",
    "新加坡2月非石油国内出口同比增长5.6%",
    "新加坡企业发展局数据显示，2月非石油国内出口同比增长5.6%，预期增长3.0%；电子产品出口增长11.2%，非电子产品出口增长3.9%。",
)
n(
    "ths",
    "17 09:00",
    "文旅部：清明假期出游预订量同比增长约20%",
    "文化和旅游部数据中心监测显示，截至3月16日，清明假期国内旅游产品预订量同比增长约20%，乡村游、赏花游和短途自驾游最受欢迎。",
)
story(
    "noise",
    "17 09:15",
    subj="人民币大新闻",
    cls=(
        "人民币中间价报7.0862 调升18个基点",
        "人民币兑美元中间价报7.0862，较上一交易日调升18个基点。",
    ),
    em=(
        "人民币对美元中间价报7.0862 上调18点",
        "中国外汇交易中心数据显示，3月17日人民币对美元汇率中间价报7.0862，较前一交易日上调18个基点。",
        0.6,
    ),
)
n(
    "cls",
    "17 09:20",
    "央行开展1650亿元7天期逆回购操作",
    "中国人民银行今日以固定利率、数量招标方式开展了1650亿元7天期逆回购操作，利率为1.40%，与此前持平。因今日有1280亿元逆回购到期，实现净投放370亿元。",
    subj="央行动态",
)
n(
    "em",
    "17 09:25",
    "三大指数集体低开 沪指跌0.12%",
    "A股三大指数集体低开，沪指跌0.12%，深成指跌0.20%，创业板指跌0.31%。",
)
n(
    "cls",
    "17 09:30",
    "国家统计局：2月一线城市新建商品住宅价格环比降幅收窄",
    "国家统计局数据显示，2月份，70个大中城市中新建商品住宅销售价格环比下降的城市有52个，比上月减少6个；一线城市新建商品住宅销售价格环比下降0.1%，降幅比上月收窄0.2个百分点。",
    subj="房地产头条",
)
n(
    "cls",
    "17 09:31",
    "恒生指数低开0.3% 恒生科技指数低开0.5%",
    "港股开盘，恒生指数低开0.3%，恒生科技指数低开0.5%，内房股、保险股走弱。",
    subj="港股动态",
)
n(
    "em",
    "17 10:02",
    "国家统计局：1-2月全国房地产开发投资同比下降9.6%",
    "1-2月份，全国房地产开发投资同比下降9.6%；新建商品房销售面积同比下降5.1%，新建商品房销售额下降7.4%。2月末，商品房待售面积比1月末减少420万平方米。",
)
n(
    "ths",
    "17 10:03",
    "1-2月全国固定资产投资同比增长2.8%",
    "国家统计局数据显示，1-2月份全国固定资产投资同比增长2.8%，其中基础设施投资增长4.6%，制造业投资增长6.2%，民间投资下降0.7%。",
)
n(
    "cls",
    "17 10:12",
    "国家统计局：2月全国城镇调查失业率为5.3%",
    "国家统计局新闻发言人表示，1-2月国民经济开局平稳，2月份全国城镇调查失业率为5.3%，比上月上升0.1个百分点，主要受春节假期季节性因素影响。",
    subj="宏观经济",
)
n(
    "em",
    "17 10:30",
    "白酒板块早盘走强 酒鬼酒涨超4%",
    "白酒板块早盘走强，酒鬼酒涨超4%，泸州老窖、五粮液涨超2%，贵州茅台涨1.1%。",
    stocks="酒鬼酒+4.3 泸州老窖+2.4 五粮液+2.1 贵州茅台+1.1",
    boards="BK0896",
)
n(
    "ths",
    "17 10:45",
    "沪金主力合约日内涨1%",
    "上期所黄金期货主力合约日内涨1%，报1138元/克；沪银主力合约涨1.6%。",
    stocks="山东黄金",
)
n(
    "cls",
    "17 11:02",
    "商务部：1-2月全国新设立外商投资企业8766家 同比增长6.8%",
    "商务部数据显示，1-2月全国新设立外商投资企业8766家，同比增长6.8%；实际使用外资金额1690亿元。",
    subj="宏观经济",
)
n(
    "ths",
    "17 11:20",
    "工程机械协会：2月挖掘机销量同比增长12.3%",
    "中国工程机械工业协会数据显示，2月纳入统计的主要企业共销售挖掘机1.56万台，同比增长12.3%；其中国内销量7900台，出口7700台。",
    stocks="三一重工",
)
n(
    "cls",
    "17 11:30",
    "澳洲联储宣布维持利率不变",
    "澳洲联储宣布维持现金利率不变，符合市场预期；声明称，核心通胀回落至目标区间仍需要时间，将继续关注劳动力市场变化。",
    subj="环球市场情报",
)
n(
    "ths",
    "17 11:32",
    "沪指半日跌0.2%，银行、煤炭板块走强",
    "A股午盘，沪指跌0.2%，深成指跌0.1%，两市半日成交额9120亿元。银行、煤炭板块走强，旅游、医药商业板块走弱。",
)
n(
    "em",
    "17 13:05",
    "中国中免：三亚国际免税城春节以来销售额同比增长6%",
    "中国中免在投资者互动平台表示，春节以来三亚国际免税城销售额同比增长约6%，客单价保持稳定。",
    stocks="中国中免",
)
n(
    "cls",
    "17 13:30",
    "日经225指数收涨0.6%",
    "日经225指数收盘上涨0.6%，报52418.67点；东证指数涨0.4%。",
    subj="环球市场情报",
)
n(
    "ths",
    "17 13:40",
    "港股航空股走强，国泰航空涨超3%",
    "港股航空股午后走强，国泰航空涨超3%，中国国航、南方航空涨超2%。",
    stocks="国泰航空+3.2 中国国航+2.1 南方航空+2.3",
)
n(
    "ths",
    "17 14:35",
    "交通运输部：2月全社会跨区域人员流动量约55.6亿人次",
    "交通运输部数据显示，2月全社会跨区域人员流动量约55.6亿人次，同比增长5.2%；其中公路人员流动量占比约九成。",
)
story(
    "noise",
    "17 15:00",
    subj="国债期货",
    em=(
        "国债期货收盘多数上涨 30年期主力合约涨0.32%",
        "国债期货收盘多数上涨，30年期主力合约涨0.32%，10年期主力合约涨0.08%，5年期主力合约涨0.05%。",
    ),
    cls=(
        "国债期货收盘多数上涨",
        "国债期货收盘多数上涨，30年期主力合约涨0.32%，10年期主力合约涨0.08%，2年期主力合约持平。",
        2,
    ),
)
n(
    "cls",
    "17 15:01",
    "A股收评：沪指微跌0.1% 两市成交额1.70万亿元",
    "A股三大指数涨跌不一，沪指跌0.1%，深成指涨0.2%，创业板指涨0.3%；沪深两市成交额1.70万亿元，较上一交易日缩量约800亿元。板块方面，银行、煤炭、黄金板块涨幅居前，游戏、传媒板块回调。",
    subj="盘面直播",
)
n(
    "em",
    "17 15:20",
    "北京：今年将新建和改造提升体育场地设施1000处",
    "北京市体育局表示，2026年将新建和改造提升各类体育场地设施1000处，新增体育公园10个。",
)

# --- 3月17日收盘后至3月18日收盘（报告窗口内） ---
n(
    "cls",
    "17 15:40",
    "证监会就《上市公司信息披露管理办法》修订公开征求意见",
    "证监会发布《上市公司信息披露管理办法（修订征求意见稿）》，拟进一步明确业绩预告、风险提示等信息披露要求，征求意见截止日期为4月17日。",
    subj="证监会动态",
)
n(
    "em",
    "17 16:10",
    "财政部：1-2月全国一般公共预算收入同比增长1.2%",
    "财政部数据显示，1-2月累计，全国一般公共预算收入4.36万亿元，同比增长1.2%；其中税收收入3.68万亿元，同比增长0.8%。",
)
n(
    "ths",
    "17 16:15",
    "财政部：1-2月全国一般公共预算支出同比增长3.9%",
    "1-2月累计，全国一般公共预算支出4.98万亿元，同比增长3.9%；其中社会保障和就业支出增长6.1%，教育支出增长4.3%。",
)
n(
    "cls",
    "17 16:12",
    "港股收评：恒指跌0.3% 内房股走弱",
    "港股收盘，恒生指数跌0.3%，恒生科技指数跌0.4%，全日成交额约2410亿港元；内房股、保险股走弱，航空股逆市上涨。",
    subj="港股动态",
)
n(
    "cls",
    "17 16:30",
    "长江电力：2月总发电量约191亿千瓦时 同比增长4.8%",
    "长江电力公告，2月公司境内所属六座梯级电站总发电量约191亿千瓦时，同比增长4.8%。",
    stocks="长江电力",
    subj="电力",
)
n(
    "ths",
    "17 16:50",
    "宝钢股份：二季度主要钢材产品出厂价格平盘",
    "宝钢股份公布2026年二季度主要钢材产品出厂价格，热轧、冷轧和镀锌产品价格均维持平盘，取向硅钢上调100元/吨。",
    stocks="宝钢股份",
)
n(
    "em",
    "17 17:05",
    "欧元区3月ZEW经济景气指数为38.2",
    "欧元区3月ZEW经济景气指数为38.2，预期35.0，前值33.6。",
)
n(
    "ths",
    "17 17:10",
    "国家邮政局：1-2月快递业务量同比增长12.9%",
    "国家邮政局数据显示，1-2月全国快递业务量完成312.6亿件，同比增长12.9%；快递业务收入完成2386亿元，同比增长7.8%。",
)
story(
    "noise",
    "17 17:20",
    level="B",
    subj="促消费举措",
    cls=(
        "国务院办公厅印发《关于进一步提振服务消费的若干措施》",
        "国务院办公厅印发《关于进一步提振服务消费的若干措施》，提出扩大养老托育、文化旅游、体育健身等服务供给，鼓励有条件的地区探索设置中小学春秋假，推动带薪错峰休假，加大对服务消费的信贷支持。",
    ),
    em=(
        "国办：鼓励有条件的地区探索设置中小学春秋假",
        "国务院办公厅印发提振服务消费若干措施，提出扩大养老托育、文旅、体育等服务供给，鼓励探索设置中小学春秋假、推动带薪错峰休假，并加大服务消费信贷支持。",
        9,
    ),
)
n(
    "cls",
    "17 17:45",
    "中钢协：3月上旬重点钢企粗钢日产205.6万吨",
    "中国钢铁工业协会数据显示，2026年3月上旬，重点统计钢铁企业共生产粗钢2056万吨，平均日产205.6万吨，日产环比增长3.2%。",
    subj="钢铁",
)
n(
    "ths",
    "17 17:50",
    "农业农村部：全国春播粮食面积预计稳定在14亿亩以上",
    "农业农村部表示，今年全国春播粮食面积预计稳定在14亿亩以上，目前春耕备耕物资供应总体充足。",
)
n(
    "ths",
    "17 18:00",
    "德国3月ZEW经济景气指数为44.6",
    "德国3月ZEW经济景气指数为44.6，预期40.0，前值39.4；现况指数为-72.5。",
)
n(
    "em",
    "17 18:10",
    "保利发展：2月实现签约金额178亿元",
    "保利发展公告，2月公司实现签约面积91.5万平方米，签约金额178亿元，同比下降8.3%。",
    stocks="保利发展",
)
n(
    "cls",
    "17 18:15",
    "中国神华：2月商品煤产量2710万吨 同比增长2.3%",
    "中国神华公告，2月公司商品煤产量2710万吨，同比增长2.3%；煤炭销售量3630万吨，同比下降1.4%。",
    stocks="中国神华",
    subj="煤炭",
)
n(
    "em",
    "17 18:20",
    "万华化学：上调3月聚合MDI挂牌价至17800元/吨",
    "万华化学公告，3月中国地区聚合MDI挂牌价上调至17800元/吨，较2月上调300元/吨；纯MDI挂牌价维持不变。",
    stocks="万华化学",
)
n(
    "ths",
    "17 18:30",
    "大秦铁路：2月完成货物发送量3480万吨",
    "大秦铁路公告，2月大秦线完成货物运输量3480万吨，同比下降1.6%；日均开行重车73.5列。",
    stocks="大秦铁路",
)
n(
    "em",
    "17 18:45",
    "中国国航：2月旅客周转量同比增长8.1%",
    "中国国航公告，2月旅客周转量同比增长8.1%，其中国际航线增长17.4%；平均客座率为83.6%，同比上升1.9个百分点。",
    stocks="中国国航",
)
n(
    "ths",
    "17 18:50",
    "伊利股份：拟以10亿元至20亿元回购公司股份",
    "伊利股份公告，拟使用自有资金以集中竞价交易方式回购股份，资金总额10亿元至20亿元，回购价格上限为36元/股。",
    stocks="伊利股份",
)
n(
    "ths",
    "17 18:55",
    "南方航空：2月旅客运输量同比增长7.4%",
    "南方航空公告，2月客运运力投入同比增长6.2%，旅客运输量同比增长7.4%，客座率84.9%。",
    stocks="南方航空",
)
n(
    "cls",
    "17 19:00",
    "顺丰控股：2月速运物流业务营业收入168.2亿元 同比增长9.8%",
    "顺丰控股公告，2月速运物流业务营业收入168.2亿元，同比增长9.8%；业务量12.36亿票，同比增长13.1%。",
    stocks="顺丰控股",
    subj="A股公告速递",
)
n(
    "em",
    "17 19:05",
    "圆通速递：2月快递产品收入42.6亿元",
    "圆通速递公告，2月快递产品收入42.6亿元，同比增长12.1%；完成业务量22.9亿票，同比增长16.3%。",
    stocks="圆通速递",
)
n(
    "ths",
    "17 19:25",
    "海天味业：2025年营收288.6亿元，拟每10股派9.5元",
    "海天味业发布年报，2025年营业收入288.6亿元，同比增长7.3%；归母净利润68.2亿元，同比增长7.7%；拟每10股派发现金红利9.5元。",
    stocks="海天味业",
)
n(
    "cls",
    "17 19:40",
    "中国建筑：1-2月新签合同额6820亿元 同比增长3.6%",
    "中国建筑公告，1-2月公司建筑业务新签合同额6820亿元，同比增长3.6%；地产业务合约销售额326亿元。",
    stocks="中国建筑",
    subj="基建投资",
)
n(
    "em",
    "17 19:55",
    "中国中铁：近期中标多项重大工程 合计约486亿元",
    "中国中铁公告，公司近期中标铁路、城市轨道交通及公路等多项重大工程，中标金额合计约486亿元，约占公司2024年营业收入的4.2%。",
    stocks="中国中铁",
)
n(
    "ths",
    "17 20:10",
    "中信证券：2025年归母净利润301.2亿元，同比增长38.6%",
    "中信证券发布年报，2025年实现营业收入748.5亿元，同比增长17.9%；归母净利润301.2亿元，同比增长38.6%；拟每10股派现4.8元。",
    stocks="中信证券",
)
story(
    "noise",
    "17 20:31",
    level="B",
    subj="美国宏观速递",
    cls=(
        "美国2月零售销售环比增长0.4% 预期0.3%",
        "美国2月零售销售环比增长0.4%，预期增长0.3%，前值修正为下降0.2%；核心零售销售环比增长0.5%。",
    ),
    em=(
        "美国2月零售销售环比增0.4% 好于预期",
        "美国商务部公布，2月零售销售环比增长0.4%，高于市场预期的0.3%；剔除汽车和汽油的零售销售增长0.5%。",
        1,
    ),
)
n(
    "ths",
    "17 20:35",
    "加拿大2月CPI同比上涨2.3%",
    "加拿大统计局数据显示，2月CPI同比上涨2.3%，预期2.2%；环比上涨0.6%。",
)
n(
    "em",
    "17 20:50",
    "苏伊士运河日均通行船舶数量回升至52艘",
    "苏伊士运河管理局表示，3月以来运河日均通行船舶数量回升至52艘，较去年同期增加约三成，多家集装箱航运公司正评估恢复经运河的常规航线。",
    stocks="中远海控",
)
n(
    "cls",
    "17 21:15",
    "美国2月工业产出环比增长0.3%",
    "美联储数据显示，美国2月工业产出环比增长0.3%，预期0.2%；制造业产出增长0.4%，产能利用率为77.9%。",
    subj="美国宏观速递",
)
story(
    "noise",
    "17 21:31",
    subj="美股动态",
    em=(
        "美股开盘：三大股指集体高开 纳指涨0.6%",
        "美股开盘，三大股指集体高开，道指涨0.3%，标普500指数涨0.4%，纳指涨0.6%。",
    ),
    cls=("美股三大指数集体高开", "美股开盘，道指涨0.3%，标普500指数涨0.4%，纳指涨0.6%。", 0.5),
)
n("ths", "17 22:00", "美国3月NAHB房产市场指数为42", "美国3月NAHB房产市场指数为42，预期41，前值40。")
n(
    "em",
    "17 22:10",
    "欧盟委员会：将于下周公布新一轮对俄制裁方案",
    "欧盟委员会发言人表示，新一轮对俄制裁方案将于下周提交成员国讨论，内容涉及能源和金融领域。",
)
n(
    "cls",
    "17 22:30",
    "WTI原油期货日内涨超2%",
    "WTI原油期货日内涨超2%，现报每桶74.2美元；布伦特原油期货涨超2%，现报每桶78美元。",
    subj="原油市场动态",
)
n(
    "cls",
    "17 22:45",
    "OPEC+八国将于4月初召开会议 讨论5月产量政策",
    "据知情人士透露，OPEC+中实施额外自愿减产的八个产油国将于4月初召开线上会议，讨论5月的产量政策。",
    subj="原油市场动态",
)
n(
    "em",
    "17 23:00",
    "欧洲主要股指收盘全线上涨 德国DAX指数涨0.9%",
    "欧洲主要股指收盘全线上涨，德国DAX指数涨0.9%，法国CAC40指数涨0.6%，英国富时100指数涨0.4%。",
)
n(
    "ths",
    "17 23:50",
    "俄乌代表据悉将举行新一轮技术层面会谈",
    "据外媒报道，俄罗斯和乌克兰代表将于本周晚些时候举行新一轮技术层面会谈，议题包括黑海航运安全和换俘安排。",
)
n(
    "em",
    "18 00:15",
    "联合国安理会将就中东人道主义局势举行公开会议",
    "联合国安理会将于当地时间18日就中东地区人道主义局势举行公开会议，多国代表将在会上发言。",
)
n(
    "cls",
    "18 01:05",
    "美国20年期国债拍卖得标利率4.612%",
    "美国财政部拍卖130亿美元20年期国债，得标利率为4.612%，投标倍数为2.58倍。",
    subj="美国宏观速递",
)
n(
    "cls",
    "18 01:30",
    "伦敦基本金属收盘多数上涨 LME期铜涨1.2%",
    "伦敦基本金属收盘多数上涨，LME期铜涨1.2%，报每吨11820美元；期铝涨0.6%，期锌涨0.9%，期镍跌0.3%。",
    subj="有色金属",
)
n(
    "ths",
    "18 01:40",
    "波罗的海干散货指数上涨2.1%",
    "波罗的海干散货指数周二上涨2.1%，报1786点；海岬型船指数上涨3.4%。",
)
n(
    "cls",
    "18 02:30",
    "COMEX黄金期货收涨0.7%",
    "COMEX黄金期货收涨0.7%，报每盎司5003.4美元；COMEX白银期货收涨1.3%。",
    subj="黄金",
)
story(
    "noise",
    "18 04:00",
    level="B",
    subj="美股动态",
    cls=(
        "美股收盘：三大指数集体收涨 纳指涨1.3%",
        "周二美股三大指数集体收涨，道指涨0.6%，标普500指数涨0.9%，纳指涨1.3%。",
    ),
    em=(
        "美股三大股指集体收涨 道指涨0.6%",
        "美东时间周二收盘，道琼斯工业平均指数涨0.6%，标普500指数涨0.9%，纳斯达克综合指数涨1.3%。",
        0.8,
    ),
    ths=(
        "美股三大指数收涨，纳指涨1.3%",
        "周二美股收盘，道指涨0.6%，标普500指数涨0.9%，纳指涨1.3%，小盘股罗素2000指数涨1.1%。",
        5,
    ),
)
n(
    "cls",
    "18 04:30",
    "纳斯达克中国金龙指数收涨1.8%",
    "纳斯达克中国金龙指数收涨1.8%，热门中概股普遍上涨，蔚来涨超4%，京东、拼多多涨超2%。",
    subj="中概股情报站",
)
n(
    "cls",
    "18 04:32",
    "API数据：美国上周原油库存减少312万桶",
    "美国石油学会（API）数据显示，上周美国原油库存减少312万桶，预期减少150万桶；汽油库存减少186万桶。",
    subj="原油市场动态",
)
n(
    "em",
    "18 05:00",
    "国内商品期货夜盘收盘 原油涨2.4%",
    "国内商品期货夜盘收盘，原油涨2.4%，燃料油涨1.9%；焦煤跌1.1%，铁矿石跌0.6%。",
)
n(
    "ths",
    "18 05:30",
    "美元指数周二跌0.3%",
    "美元指数周二跌0.3%，报99.42；美元兑日元跌0.5%，欧元兑美元涨0.4%。",
)
n(
    "cls",
    "18 06:30",
    "欧洲天然气期货下跌3.2%",
    "荷兰TTF天然气期货收跌3.2%，报每兆瓦时38.6欧元，欧洲天然气库存水平高于去年同期。",
    subj="能源类期货",
)
n(
    "em",
    "18 07:52",
    "日本2月出口同比增长6.3%",
    "日本财务省数据显示，2月出口同比增长6.3%，预期增长5.0%；进口增长2.1%，贸易顺差为3120亿日元。",
)
n("ths", "18 07:40", "今日1只新股上市，无新股申购", "3月18日，沪深两市有1只新股上市，无新股申购。")
n(
    "ths",
    "18 08:00",
    "中央气象台：南方地区将迎今年首轮大范围强降雨",
    "中央气象台预计，3月19日至22日，江南、华南等地将出现今年首轮大范围强降雨过程，部分地区累计雨量可达100毫米以上。",
)
n(
    "cls",
    "18 08:01",
    "A股限售股解禁一览：5家公司合计解禁市值约38.7亿元",
    "周三（3月18日）共有5家上市公司的限售股解禁上市流通，合计解禁约1.9亿股，按最新收盘价计算，解禁市值约38.7亿元。",
    subj="限售股解禁",
)
n(
    "em",
    "18 08:15",
    "两市融资余额增加86亿元",
    "截至3月17日，上交所融资余额报13350亿元，较前一交易日增加51亿元；深交所融资余额报12760亿元，增加35亿元；两市合计2.61万亿元。",
)
n(
    "cls",
    "18 08:25",
    "上海：1-2月新建商品住宅成交面积同比增长4.6%",
    "上海市统计局数据显示，1-2月上海新建商品住宅成交面积同比增长4.6%，二手住宅成交套数同比增长11.3%。",
    subj="房地产头条",
)
n(
    "ths",
    "18 08:40",
    "民航局：3月上旬国际客运航班量恢复至2019年同期的93%",
    "民航局数据显示，3月上旬国际客运航班量约为每周6860班，恢复至2019年同期的93%。",
)
n(
    "em",
    "18 08:45",
    "交通运输部：1-2月完成交通固定资产投资4120亿元",
    "交通运输部数据显示，1-2月完成交通固定资产投资4120亿元，同比下降3.5%；其中公路投资2860亿元。",
)
n(
    "cls",
    "18 09:00",
    "日本央行今起召开为期两天的货币政策会议",
    "日本央行将于3月18日至19日召开货币政策会议，市场普遍预期本次会议维持政策利率不变，关注其对春季劳资谈判结果的评估。",
    subj="环球市场情报",
)
story(
    "noise",
    "18 09:15",
    subj="人民币大新闻",
    cls=(
        "人民币中间价报7.0818 调升44个基点",
        "人民币兑美元中间价报7.0818，较上一交易日调升44个基点，调升幅度为近两周最大。",
    ),
    em=(
        "人民币对美元中间价报7.0818 上调44点",
        "3月18日人民币对美元汇率中间价报7.0818，较前一交易日上调44个基点。",
        0.4,
    ),
)
n(
    "cls",
    "18 09:20",
    "央行开展2050亿元7天期逆回购操作",
    "中国人民银行今日开展2050亿元7天期逆回购操作，利率维持1.40%。因今日有1180亿元逆回购到期，实现净投放870亿元。",
    subj="央行动态",
)
n(
    "ths",
    "18 09:25",
    "A股开盘：沪指高开0.2%，创业板指高开0.6%",
    "A股三大指数集体高开，沪指涨0.2%，深成指涨0.4%，创业板指涨0.6%。",
)
n(
    "cls",
    "18 09:30",
    "恒指高开0.5% 恒生科技指数高开0.9%",
    "港股开盘，恒生指数高开0.5%，恒生科技指数高开0.9%，医药股、汽车股走强。",
    subj="港股动态",
)
n(
    "em",
    "18 09:45",
    "国家能源局：2月全社会用电量同比增长5.1%",
    "国家能源局发布数据，2月全社会用电量7365亿千瓦时，同比增长5.1%；1-2月累计用电量同比增长4.3%，其中第三产业用电量增长8.2%。",
)
n(
    "ths",
    "18 09:50",
    "白酒板块走弱，酒鬼酒跌超3%",
    "白酒板块早盘走弱，酒鬼酒跌超3%，泸州老窖、五粮液跌超1%。",
    stocks="酒鬼酒-3.2 泸州老窖-1.4 五粮液-1.2",
    boards="BK0896",
)
n(
    "cls",
    "18 10:20",
    "银行股走弱 招商银行跌超1%",
    "银行板块盘中走弱，招商银行跌超1%，工商银行、兴业银行跌近1%。",
    stocks="招商银行-1.2 工商银行-0.8",
    subj="银行业动态",
)
n(
    "em",
    "18 10:30",
    "国家发改委：今年超长期特别国债安排8000亿元支持“两重”建设",
    "国家发改委表示，2026年安排超长期特别国债8000亿元支持国家重大战略实施和重点领域安全能力建设，首批项目清单将于4月下达。",
)
story(
    "noise",
    "18 10:50",
    subj="房地产头条",
    cls=(
        "北京：优化住房公积金贷款政策 首套房最高可贷额度提至160万元",
        "北京住房公积金管理中心发布通知，自4月1日起，缴存职工购买首套住房的公积金贷款最高额度由120万元提高至160万元，多子女家庭可再上浮40万元。",
    ),
    ths=(
        "北京优化公积金政策，首套最高可贷160万元",
        "北京住房公积金管理中心：4月1日起首套住房公积金贷款最高额度提高至160万元，多子女家庭可再上浮40万元。",
        2,
    ),
)
n(
    "ths",
    "18 11:05",
    "Shibor隔夜品种下跌3.1个基点",
    "上海银行间同业拆放利率隔夜品种报1.352%，下跌3.1个基点；7天期报1.486%，下跌1.2个基点。",
)
n(
    "em",
    "18 11:25",
    "住建部：今年将新开工改造城镇老旧小区2.5万个",
    "住房城乡建设部表示，2026年计划新开工改造城镇老旧小区2.5万个，加快推进城中村改造和危旧房改造。",
)
n(
    "cls",
    "18 11:40",
    "泸州老窖：拟以5亿元至10亿元回购股份",
    "泸州老窖公告，拟以5亿元至10亿元回购公司股份，回购价格不超过168元/股，回购股份将全部予以注销。",
    stocks="泸州老窖+1.8",
    subj="A股公告速递",
)
n(
    "ths",
    "18 11:55",
    "中国海油：南海一新油田投产，高峰日产原油约1.2万桶",
    "中国海油公告，南海东部一新油田项目已投产，预计2027年实现高峰日产原油约1.2万桶。",
    stocks="中国海油",
)
story(
    "noise",
    "18 12:15",
    subj="港股动态",
    em=(
        "国泰航空：2025年股东应占溢利98.6亿港元",
        "国泰航空公布2025年业绩，股东应占溢利98.6亿港元，同比增长2.2%；拟派发第二次中期股息每股0.5港元。全年载客量同比增长约20%。",
    ),
    ths=(
        "国泰航空2025年盈利98.6亿港元，拟派息每股0.5港元",
        "国泰航空2025年股东应占溢利98.6亿港元，同比增长2.2%，拟派第二次中期股息每股0.5港元。",
        5,
    ),
    stocks="国泰航空",
)
n(
    "em",
    "18 12:40",
    "蜜雪集团：2025年营收331.8亿元 同比增长33.3%",
    "蜜雪集团发布年报，2025年实现营业收入331.8亿元，同比增长33.3%；期末全球门店总数超过5.8万家。",
    stocks="蜜雪集团",
)
n(
    "cls",
    "18 13:00",
    "集运指数（欧线）期货主力合约涨超4%",
    "集运指数（欧线）期货主力合约午后涨超4%，报2186点。",
    subj="航运期货",
)
n(
    "ths",
    "18 13:20",
    "紫金矿业：旗下某金矿完成技改，年产金提升至8吨",
    "紫金矿业公告，旗下一座海外金矿完成扩产技改，达产后年产黄金将由5吨提升至约8吨。",
    stocks="紫金矿业",
)
n(
    "em",
    "18 13:30",
    "房地产板块走弱 万科A跌超2%",
    "房地产板块午后走弱，万科A跌超2%，保利发展跌超1%。",
    stocks="万科A-2.2 保利发展-1.3",
)
n(
    "cls",
    "18 13:45",
    "中远海控：2025年归母净利润386.4亿元 同比下降21.6%",
    "中远海控发布年报，2025年归母净利润386.4亿元，同比下降21.6%；拟每股派发末期股息0.62元。",
    stocks="中远海控",
    subj="航运",
)
n(
    "cls",
    "18 13:55",
    "上港集团：2月集装箱吞吐量423万标准箱",
    "上港集团公告，2月母港集装箱吞吐量423万标准箱，同比增长6.5%。",
    stocks="上港集团",
    subj="航运",
)
n(
    "ths",
    "18 14:00",
    "美的集团：拟以不超过50亿元回购公司A股股份",
    "美的集团公告，拟以25亿元至50亿元回购公司A股股份，回购价格上限为95元/股，用于注销并减少注册资本。",
    stocks="美的集团",
)
n(
    "em",
    "18 14:20",
    "印度2月贸易逆差扩大至243亿美元",
    "印度商工部数据显示，2月商品贸易逆差扩大至243亿美元，前值为205亿美元；出口同比下降1.8%。",
)
n(
    "cls",
    "18 14:30",
    "国新办将于3月19日举行新闻发布会 介绍一季度外贸运行情况",
    "国务院新闻办公室将于3月19日上午10时举行新闻发布会，请商务部有关负责人介绍一季度外贸运行情况。",
    subj="宏观经济",
)
n(
    "ths",
    "18 14:45",
    "片仔癀：上调片仔癀锭剂出厂价格",
    "片仔癀公告，自3月18日起上调片仔癀锭剂国内市场出厂价格，上调幅度约8%。",
    stocks="片仔癀",
)
n(
    "cls",
    "18 14:55",
    "云南白药：2025年营收412.6亿元 同比增长2.1%",
    "云南白药发布年报，2025年实现营业收入412.6亿元，同比增长2.1%；归母净利润51.3亿元，同比增长8.9%；拟每10股派现21元。",
    stocks="云南白药",
    subj="A股公告速递",
)
n(
    "em",
    "18 15:00",
    "英国2月CPI同比上涨3.1% 预期3.0%",
    "英国国家统计局数据显示，2月CPI同比上涨3.1%，预期3.0%，前值3.0%；核心CPI同比上涨3.4%。",
)
n(
    "cls",
    "18 15:00:40",
    "国内商品期货收盘：集运欧线涨超5% 焦煤跌超2%",
    "国内商品期货收盘，集运欧线涨超5%，原油涨1.8%，沪金涨0.6%；焦煤跌超2%，铁矿石跌1.2%。",
    subj="期货市场情报",
)
n(
    "ths",
    "18 15:10",
    "今日两市共72股涨停",
    "截至收盘，沪深两市共72只个股涨停，连板股12只，封板率约为78%。",
)
n(
    "em",
    "18 15:15",
    "国债期货收盘 30年期主力合约跌0.21%",
    "国债期货收盘，30年期主力合约跌0.21%，10年期主力合约跌0.06%，5年期主力合约跌0.03%。",
)
n(
    "cls",
    "18 15:25",
    "中国人寿：1-2月累计原保险保费收入约2890亿元",
    "中国人寿公告，2026年1月1日至2月28日，公司累计原保险保费收入约2890亿元。",
    stocks="中国人寿",
    subj="保险",
)

# --- 3月18日收盘之后（报告窗口之后） ---
n(
    "em",
    "18 15:45",
    "两市成交额1.92万亿元 较上一交易日放量约2200亿元",
    "沪深两市全天成交额1.92万亿元，较上一交易日放量约2200亿元；沪市成交8120亿元，深市成交11080亿元。",
)
n(
    "ths",
    "18 16:05",
    "欧洲股市开盘涨跌不一",
    "欧洲股市开盘涨跌不一，德国DAX指数涨0.2%，法国CAC40指数跌0.1%，英国富时100指数持平。",
)
n(
    "cls",
    "18 16:20",
    "上海：发布加快推进城市更新行动方案",
    "上海市政府发布加快推进城市更新行动方案，提出到2030年完成中心城区零星二级旧里以下房屋改造，每年实施“两旧一村”改造项目不少于50个。",
    subj="房地产头条",
)
n(
    "em",
    "18 17:00",
    "国家外汇管理局：2月银行结售汇顺差182亿美元",
    "国家外汇管理局数据显示，2月银行结汇1.42万亿元人民币，售汇1.29万亿元人民币，结售汇顺差约182亿美元。",
)
n(
    "cls",
    "18 17:05",
    "欧元区2月CPI终值同比上涨2.0%",
    "欧元区2月CPI终值同比上涨2.0%，与初值一致；核心CPI同比上涨2.3%。",
    subj="环球市场情报",
)
n(
    "ths",
    "18 17:30",
    "港股通今日净买入约96亿港元",
    "港股通（沪）、港股通（深）今日合计净买入约96亿港元。",
)

# --- more single-outlet items (CLS roll) ---
story(
    "ai",
    "18 11:05",
    stocks="工业富联+3.7",
    boards="BK1134",
    subj="算力 AI服务器 业绩说明会",
    cls=(
        "工业富联：一季度云计算业务营收预计同比增长超过60%",
        "工业富联在业绩说明会上表示，受AI服务器出货带动，预计2026年一季度云计算业务营收同比增长超过60%，其中AI服务器营收同比增长超过1倍；800G以上高速交换机出货量环比增长约30%。",
    ),
)
story(
    "robot",
    "18 14:05",
    stocks="拓普集团+4.4",
    boards="BK1145 BK1184",
    subj="机器人 执行器",
    cls=(
        "拓普集团：机器人电驱执行器产线一期投产 规划年产能30万套",
        "拓普集团在投资者互动平台表示，公司宁波机器人电驱执行器产线一期已投产，规划年产能30万套，旋转执行器和直线执行器均已向多家客户批量供货。",
    ),
)
story(
    "nev",
    "18 11:35",
    stocks="长城汽车+1.6",
    boards="BK0900",
    subj="新能源汽车 出海",
    cls=(
        "长城汽车：巴西工厂拟新增新能源车年产能5万辆",
        "长城汽车公告，公司巴西伊拉塞马波利斯工厂拟投资约38亿元实施二期扩建，新增插电混动及纯电车型年产能5万辆，预计2027年投产。",
    ),
)
story(
    "pharma",
    "18 09:05",
    stocks="信达生物+5.4",
    boards="BK1106",
    subj="创新药 港股动态",
    cls=(
        "信达生物：玛仕度肽青少年肥胖III期研究达到主要终点",
        "信达生物公告，GLP-1/GCG双受体激动剂玛仕度肽在中国青少年肥胖患者中开展的III期临床研究达到主要终点，治疗48周后受试者BMI较基线平均降幅显著优于安慰剂组，公司计划年内递交新适应症上市申请。",
    ),
)
story(
    "lowalt",
    "18 12:50",
    stocks="四川九洲+3.8",
    boards="BK1166",
    subj="低空经济 A股公告速递",
    cls=(
        "四川九洲：中标约8600万元低空监视雷达项目",
        "四川九洲公告，公司中标某市低空智能融合基础设施一期项目中的低空监视雷达及ADS-B设备采购标段，中标金额约8600万元。",
    ),
)
n(
    "cls",
    "17 12:10",
    "港股午间收盘：恒指跌0.4%",
    "港股午间收盘，恒生指数跌0.4%，恒生科技指数跌0.6%，半日成交额约1180亿港元。",
    subj="港股动态",
)
n(
    "cls",
    "17 14:05",
    "焦煤期货主力合约跌超3%",
    "焦煤期货主力合约午后跌超3%，报每吨1086元；焦炭期货跌超2%。",
    subj="期货市场情报",
)
n(
    "cls",
    "17 14:40",
    "财政部将于3月20日续发行两期记账式附息国债",
    "财政部公告，将于3月20日续发行2026年记账式附息（五期）、（六期）国债，竞争性招标面值总额分别为1250亿元和700亿元。",
    subj="国债",
)
n(
    "cls",
    "17 17:35",
    "国内汽、柴油价格每吨分别上调160元和155元",
    "国家发改委消息，根据近期国际市场油价变化情况，自3月17日24时起，国内汽、柴油价格每吨分别提高160元和155元。",
    subj="原油市场动态",
)
n(
    "cls",
    "17 18:50",
    "五粮液：2026年经销商大会将于3月28日召开",
    "五粮液表示，2026年全球经销商大会将于3月28日在宜宾召开，会上将发布年度市场策略及新品规划。",
    stocks="五粮液",
    boards="BK0896",
    subj="白酒",
)
n(
    "cls",
    "17 19:50",
    "招商银行：获准发行不超过300亿元二级资本债券",
    "招商银行公告，近日获国家金融监督管理总局批准，在全国银行间债券市场公开发行不超过300亿元人民币的二级资本债券。",
    stocks="招商银行",
    subj="银行业动态",
)
n(
    "cls",
    "17 20:36",
    "加拿大2月CPI同比上涨2.3% 预期2.2%",
    "加拿大2月CPI同比上涨2.3%，预期2.2%，前值1.9%；核心CPI中值同比上涨2.6%。",
    subj="环球市场情报",
)
n(
    "cls",
    "17 20:45",
    "海螺水泥：2月水泥和熟料销量同比下降4.6%",
    "海螺水泥公告，2月公司水泥和熟料合计销量约1520万吨，同比下降4.6%，主要受春节假期和阴雨天气影响。",
    stocks="海螺水泥",
    subj="A股公告速递",
)
n(
    "cls",
    "17 20:56",
    "美国红皮书商业零售销售同比增长5.8%",
    "美国至3月14日当周红皮书商业零售销售同比增长5.8%，前值增长6.1%。",
    subj="美国宏观速递",
)
n(
    "cls",
    "17 23:30",
    "欧洲三大股指收盘全线上涨",
    "欧洲主要股指收盘普涨，德国DAX指数涨0.9%，法国CAC40指数涨0.6%，英国富时100指数涨0.4%；欧洲斯托克50指数涨0.8%。",
    subj="环球市场情报",
)
n(
    "cls",
    "18 03:15",
    "10年期美债收益率下跌3.2个基点",
    "10年期美债收益率下跌3.2个基点，报4.186%；2年期美债收益率下跌2.5个基点，报3.742%。",
    subj="美国宏观速递",
)
n(
    "cls",
    "18 05:45",
    "新西兰第四季度经常账户赤字小于预期",
    "新西兰统计局数据显示，第四季度经常账户赤字为71.3亿纽元，预期赤字78亿纽元。",
    subj="环球市场情报",
)
n(
    "cls",
    "18 05:50",
    "纽约尾盘离岸人民币报7.0850",
    "纽约尾盘，美元兑离岸人民币报7.0850，较周一纽约尾盘下跌62个基点。",
    subj="人民币大新闻",
)
n(
    "cls",
    "18 09:08",
    "香港金管局：港元拆息全线下跌 一个月HIBOR报2.86%",
    "香港银行公会数据显示，港元拆息全线下跌，与楼按相关的一个月HIBOR报2.86%，下跌7个基点；隔夜HIBOR报2.12%。",
    subj="港股动态",
)
n(
    "cls",
    "18 10:40",
    "黄金股走强 山东黄金涨超3%",
    "黄金股盘中走强，山东黄金涨超3%，紫金矿业涨超2%，现货黄金价格维持在每盎司4980美元上方。",
    stocks="山东黄金+3.4 紫金矿业+2.3",
    boards="BK0547",
    subj="黄金",
)
n(
    "cls",
    "18 11:50",
    "30年期超长期特别国债中标利率2.12%",
    "财政部今日招标发行的30年期超长期特别国债中标利率为2.12%，全场倍数3.86倍。",
    subj="国债",
)
n(
    "cls",
    "18 12:05",
    "港股午间收盘：恒指涨0.7%",
    "港股午间收盘，恒生指数涨0.7%，恒生科技指数涨1.2%，半日成交额约1420亿港元。",
    subj="港股动态",
)
n(
    "cls",
    "18 14:10",
    "煤炭板块走弱 中国神华跌超2%",
    "煤炭板块午后走弱，中国神华跌超2%，秦皇岛5500大卡动力煤现货价格周环比下跌约1%。",
    stocks="中国神华-2.3",
    subj="煤炭",
)
n(
    "cls",
    "18 15:22",
    "印尼央行维持基准利率不变",
    "印尼央行宣布将基准利率维持在4.75%不变，符合市场预期，并表示将继续维护印尼盾汇率稳定。",
    subj="环球市场情报",
)

# --- Readhub-only topics (off theme) ---
story(
    "noise",
    "17 11:00",
    rh=(
        "国家统计局：1-2月国民经济开局平稳",
        "1-2月规模以上工业增加值同比增长6.1%，社会消费品零售总额增长4.0%，全国固定资产投资增长2.8%，2月城镇调查失业率5.3%。",
        "新华社 第一财经 澎湃新闻 财联社",
    ),
)
story(
    "noise",
    "17 18:05",
    rh=(
        "国办印发进一步提振服务消费若干措施",
        "国务院办公厅印发若干措施，扩大养老托育、文化旅游、体育健身等服务供给，鼓励探索设置中小学春秋假，推动带薪错峰休假。",
        "新华社 人民网 第一财经",
    ),
)
story(
    "noise",
    "17 20:50",
    rh=(
        "中信证券2025年净利润增长38.6%",
        "中信证券2025年实现营业收入748.5亿元，归母净利润301.2亿元，同比增长38.6%，拟每10股派现4.8元。",
        "证券时报 财联社 界面新闻",
    ),
)
story(
    "noise",
    "18 05:10",
    rh=(
        "美股三大指数集体收涨，纳指涨1.3%",
        "周二美股三大指数集体收涨，道指涨0.6%，标普500指数涨0.9%，纳指涨1.3%；美联储议息会议将于周三结束 ...",
        "华尔街见闻 新浪财经 财联社",
    ),
)
story(
    "noise",
    "18 08:20",
    rh=(
        "日本央行召开货币政策会议，预计维持利率不变",
        "日本央行3月18日至19日召开货币政策会议，市场普遍预期维持政策利率不变，关注其对春季劳资谈判结果的评估。",
        "华尔街见闻 第一财经",
    ),
)
story(
    "noise",
    "18 09:40",
    rh=(
        "美联储3月议息会议前瞻：市场预计按兵不动",
        "美联储将于北京时间19日凌晨公布利率决议，市场预计维持利率不变的概率约92%，关注点阵图对年内降息次数的指引。",
        "华尔街见闻 财联社 金十数据",
    ),
)
story(
    "noise",
    "18 11:20",
    rh=(
        "北京提高首套房公积金贷款最高额度至160万元",
        "北京住房公积金管理中心宣布自4月1日起将首套住房公积金贷款最高额度由120万元提高至160万元，多子女家庭可再上浮40万元。",
        "北京日报 澎湃新闻 界面新闻",
    ),
)
story(
    "trap",
    "18 11:35",
    rh=(
        "永辉超市AI智能客服覆盖全部门店线上咨询",
        "永辉超市AI智能客服已覆盖全部门店线上订单咨询，高峰时段响应时间缩短至5秒以内；公司今年计划再调改150家门店。",
        "界面新闻 联商网",
    ),
)
story(
    "noise",
    "18 13:00",
    rh=(
        "国泰航空2025年盈利98.6亿港元",
        "国泰航空公布2025年业绩，股东应占溢利98.6亿港元，同比增长2.2%，全年载客量同比增长约20%。",
        "智通财经 格隆汇 新浪财经",
    ),
)
story(
    "noise",
    "18 14:05",
    rh=(
        "蜜雪集团2025年营收增长33.3%",
        "蜜雪集团2025年实现营业收入331.8亿元，同比增长33.3%，全球门店总数超过5.8万家。",
        "36氪 界面新闻 格隆汇",
    ),
)
story(
    "noise",
    "18 16:30",
    rh=(
        "英国2月CPI同比上涨3.1%",
        "英国2月CPI同比上涨3.1%，略高于预期的3.0%；核心CPI同比上涨3.4%，市场对英国央行年内降息的押注有所降温。",
        "华尔街见闻 金十数据",
    ),
)


# ---------------------------------------------------------------------------------------
# Versions that exist only as the malformed lines (not otherwise in any file). Their times
# are set next to the line they are inserted after.


def _bad(feed: str, title: str, body: str, **kw: Any) -> tuple[Story, Item]:
    st = story("noise", "18 12:00", **{feed: (title, body)}, **kw)
    STORIES.remove(st)
    return st, st.items[0]


BAD_CLS = [
    _bad(
        "cls",
        "上期所：调整黄金、白银期货交易保证金比例和涨跌停板幅度",
        "上海期货交易所发布通知，自3月19日收盘结算时起，黄金、白银期货已上市合约的涨跌停板幅度调整为14%，套保持仓交易保证金比例调整为15%。",
        subj="期货市场情报",
    ),
    _bad(
        "cls",
        "大商所：铁矿石期货近月合约持仓限额调整",
        "大连商品交易所发布通知，调整铁矿石期货近月合约的持仓限额，非期货公司会员和客户在交割月前一个月的持仓限额由1000手调整为800手。",
        subj="期货市场情报",
    ),
    _bad(
        "cls",
        "新加坡交易所：铁矿石掉期成交量创年内新高",
        "新加坡交易所数据显示，3月17日铁矿石掉期及期货合约合计成交量约34.6万手，创年内单日新高。",
        subj="期货市场情报",
    ),
]
BAD_EM = _bad("em", "白银期货夜盘涨超2%", "沪银主力合约夜盘涨超2%，报每千克26890元。")
BAD_THS = _bad("ths", "市场快讯", "", stocks="东方财富")


def _near(pair: tuple[Story, Item], epoch: int) -> tuple[Story, Item]:
    """The pair with its time moved 20 s after ``epoch`` (so the bad line sits in order)."""
    st, it = pair
    return st, Item(it.feed, datetime.fromtimestamp(epoch + 20, CST), it.title, it.body, it.outlets)


if __name__ == "__main__":
    main()
