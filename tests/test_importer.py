import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from theme_research.errors import UnknownFormatError
from theme_research.importer import import_paths, read_news_file


def test_malformed_lines_are_reported_with_file_and_line_and_the_rest_imports(store):
    report = import_paths([FIXTURES / "cls_api.jsonl"], store)
    where = sorted((Path(p.path).name, p.line) for p in report.problems)
    assert where == [("cls_api.jsonl", 4), ("cls_api.jsonl", 5)]
    assert "not valid JSON" in str(report.problems[0])
    assert report.tallies["cls"].new == 4 and report.tallies["cls"].skipped == 2
    assert store.count() == 4


def test_reimport_adds_nothing(store):
    paths = [FIXTURES]
    import_paths(paths, store)
    before = store.count()
    again = import_paths(paths, store)
    assert store.count() == before
    assert all(t.new == 0 and t.updated == 0 for t in again.tallies.values())


def test_every_fixture_format_imports(store, readhub_file):
    report = import_paths([FIXTURES, readhub_file], store)
    expected = {"cls", "eastmoney", "ths", "readhub", "headlines", "myfeed", "mycsv", "yahoo"}
    expected |= {"akshare:sina", "akshare:futu", "akshare:eastmoney-stock"}
    assert expected <= set(report.tallies)
    assert report.unreadable and "unknown.csv" in report.unreadable[0]
    assert "Known formats" in report.unreadable[0]


def test_csv_rows_keep_their_line_numbers(tmp_path):
    parsed = list(read_news_file(FIXTURES / "neutral.csv"))
    assert [n for n, _ in parsed] == [2, 3, 4]
    bad = parsed[2][1]
    assert isinstance(bad, Exception) and bad.line == 4


def test_format_is_sniffed_from_content_not_extension(tmp_path, store):
    disguised = tmp_path / "feed.txt"
    shutil.copy(FIXTURES / "eastmoney.jsonl", disguised)
    report = import_paths([disguised], store)
    assert report.tallies["eastmoney"].new == 2
    assert report.tallies["eastmoney"].skipped == 2


def test_unknown_format_names_the_known_ones(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text('{"hello": "world"}\n', encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="Known formats: neutral, cls"):
        list(read_news_file(path))


def test_raw_record_is_kept_verbatim_while_content_is_cleaned():
    _, item = next(iter(read_news_file(FIXTURES / "cls_api.jsonl")))
    assert "财联社3月18日电" in item.raw and "财联社3月18日电" not in item.content


def make_trendradar(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE platforms (id TEXT PRIMARY KEY, name TEXT NOT NULL)")
    conn.execute(
        "CREATE TABLE news_items (id INTEGER PRIMARY KEY, title TEXT, platform_id TEXT, "
        "rank INTEGER, url TEXT, mobile_url TEXT, first_crawl_time TEXT, last_crawl_time TEXT, "
        "crawl_count INTEGER, created_at TEXT)"
    )
    conn.executemany(
        "INSERT INTO platforms VALUES (?, ?)",
        [("cls-hot", "财联社热门"), ("weibo", "微博"), ("wallstreetcn-hot", "华尔街见闻")],
    )
    rows = [
        (
            1,
            "样例芯片公司股价大涨",
            "cls-hot",
            1,
            "https://example.invalid/a",
            "",
            "09-05",
            "10-20",
            4,
        ),
        (2, "明星综艺热搜", "weibo", 1, "https://example.invalid/b", "", "09-05", "09-30", 2),
        (3, "美股科技股收涨", "wallstreetcn-hot", 3, "", "", "22-40", "23-10", 3),
    ]
    conn.executemany(
        "INSERT INTO news_items VALUES (?,?,?,?,?,?,?,?,?, '2026-03-18 09:05:00')", rows
    )
    conn.commit()
    conn.close()
    return path


def test_trendradar_takes_financial_platforms_unless_all_are_asked_for(tmp_path, store):
    db = make_trendradar(tmp_path / "news.db")
    report = import_paths([db], store)
    assert set(report.tallies) == {"trendradar:cls-hot", "trendradar:wallstreetcn-hot"}
    (late,) = [i for _, i in read_news_file(db) if i.title.startswith("美股")]
    assert late.published_at.isoformat() == "2026-03-18T22:40:00+08:00"
    everything = import_paths([db], store, all_platforms=True)
    assert everything.tallies["trendradar:weibo"].new == 1


def test_progress_reports_every_byte(tmp_path, store):
    seen: list[int] = []
    import_paths([FIXTURES / "eastmoney.jsonl"], store, progress=seen.append)
    assert sum(seen) == (FIXTURES / "eastmoney.jsonl").stat().st_size
