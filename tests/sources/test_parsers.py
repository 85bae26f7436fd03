import json
from datetime import datetime

import pytest

from tests.conftest import FIXTURES
from theme_research.models import MARKET_TZ
from theme_research.sources import cls, eastmoney, english, neutral, readhub, sniff_record, ths


def first_record(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8").splitlines()[0])


def test_cls_api_object_becomes_item_with_headline_title_and_no_dateline():
    item = cls.parse(first_record("cls_api.jsonl"))
    assert item.key == "cls:9100001"
    assert item.title == "示例科技发布新一代算力芯片"
    assert "财联社" not in item.content
    assert item.published_at == datetime(2026, 3, 18, 10, 15, tzinfo=MARKET_TZ)
    assert item.url == "https://demo.theme-research.invalid/cls/9100001"  # its own share link
    assert item.extras["level"] == "B"
    assert item.extras["stocks"][0]["code"] == "sh688256"


def test_cls_share_links_on_cls_hosts_become_the_public_detail_page():
    record = first_record("cls_api.jsonl") | {"shareurl": "https://api3.cls.cn/share/x?os=web"}
    assert cls.parse(record).url == "https://www.cls.cn/detail/9100001"
    assert cls.parse(record | {"shareurl": ""}).url == "https://www.cls.cn/detail/9100001"


def test_cls_archive_row_is_parsed_through_its_raw_object_dict_or_string():
    lines = (FIXTURES / "cls_archive.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = (cls.parse(json.loads(line)) for line in lines)
    assert first.key == "cls:9200001" and first.title == "样例半导体获大额订单"
    assert first.extras["subjects"] == ["半导体芯片"]
    assert second.title == "机器人板块走强" and second.content.startswith("人形机器人")


def test_eastmoney_naive_show_time_is_beijing_time():
    item = eastmoney.parse(first_record("eastmoney.jsonl"))
    assert item.published_at.isoformat() == "2026-03-18T09:31:05+08:00"
    assert item.extras["stocks"] == ["688256", "BK1234"]
    assert item.url.endswith("202603183700000001.html")


def test_ths_uses_seq_as_id_and_keeps_tags_and_stocks():
    item = ths.parse(first_record("ths.jsonl"))
    assert item.key == "ths:690000001"
    assert item.extras["tags"] == ["A股"]
    assert item.extras["stocks"] == [{"code": "600276", "name": "恒瑞医药"}]
    assert item.extras["important"] is True


def test_ths_record_without_any_text_is_refused():
    empty = json.loads((FIXTURES / "ths.jsonl").read_text(encoding="utf-8").splitlines()[1])
    with pytest.raises(ValueError, match="neither title nor content"):
        ths.parse(empty)


def test_readhub_created_at_is_utc(readhub_file):
    topic = json.loads(readhub_file.read_text(encoding="utf-8"))[0]
    item = readhub.parse(topic)
    assert item.published_at.isoformat() == "2026-03-18T10:10:00+08:00"
    assert item.extras["outlets"] == ["界面", "财联社"]


def test_english_headline_has_hashed_stable_id_and_utc_time():
    record = first_record("headlines.jsonl")
    a, b = english.parse(record), english.parse(dict(record))
    assert a.key == b.key and a.source_id.startswith("h")
    assert a.language == "en" and a.outlet == "example.invalid"
    assert a.published_at.hour == 9  # 01:30 UTC is 09:30 in Beijing


def test_neutral_naive_time_is_read_as_shanghai():
    line = (FIXTURES / "neutral.jsonl").read_text(encoding="utf-8").splitlines()[1]
    item = neutral.parse(json.loads(line))
    assert item.published_at.utcoffset().total_seconds() == 8 * 3600


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cls_api.jsonl", "cls"),
        ("cls_archive.jsonl", "cls"),
        ("eastmoney.jsonl", "eastmoney"),
        ("ths.jsonl", "ths"),
        ("headlines.jsonl", "headlines"),
        ("neutral.jsonl", "neutral"),
        ("akshare_sina.jsonl", "akshare:sina"),
        ("akshare_futu.jsonl", "akshare:futu"),
        ("eastmoney_stock.jsonl", "akshare:eastmoney-stock"),
        ("yahoo.jsonl", "yahoo"),
    ],
)
def test_sniff_recognises_each_format(name, expected):
    fmt = sniff_record(first_record(name))
    assert fmt is not None and fmt.name == expected


def test_archive_rows_of_other_feeds_are_not_taken_for_cls():
    row = {"source": "ths", "id": "1", "ctime": 1, "content": "x", "level": "", "shareurl": ""}
    assert not cls.sniff(row)
