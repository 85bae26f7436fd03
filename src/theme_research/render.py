"""Render a report as a Jekyll post (Markdown) and its JSON twin. Pure: strings out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

import jinja2

from theme_research.models import MARKET_TZ
from theme_research.report import DISCLAIMER, EvidenceItem, Report

FEED_NAMES = {
    "cls": "财联社",
    "eastmoney": "东方财富",
    "ths": "同花顺",
    "readhub": "Readhub",
    "headlines": "英文科技头条",
}
ENGINE_NAMES = {"offline": "离线抽取式写作引擎", "llm": "大语言模型（经自动核验）"}


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("theme_research", "templates"),
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("post.md.j2")


def post_filename(report: Report) -> str:
    """``YYYY-MM-DD-theme-research-{slug}.md`` (Jekyll's ``_posts`` naming)."""
    return f"{report.date}-theme-research-{report.slug}.md"


def posttime(report: Report) -> str:
    return report.window.end.astimezone(MARKET_TZ).strftime("%Y-%m-%d %H:%M:%S %z")


def citation(item: EvidenceItem) -> str:
    """``[财联社 07-01 09:30](url)`` — outlet and market time, linked when there is a url."""
    when = item.published_at.astimezone(MARKET_TZ).strftime("%m-%d %H:%M")
    label = f"{item.outlet} {when}"
    return f"[{label}]({item.url})" if item.url else label


def render_markdown(report: Report) -> str:
    """The Jekyll post."""
    evidence = report.evidence()

    def cite(keys: Sequence[str], prefix: str = "") -> str:
        links = [citation(evidence[k]) for k in keys if k in evidence]
        return f"{prefix}〔{' · '.join(links)}〕" if links else ""

    start = report.window.start.astimezone(MARKET_TZ).strftime("%Y-%m-%d %H:%M")
    end = report.window.end.astimezone(MARKET_TZ).strftime("%Y-%m-%d %H:%M")
    return _template().render(
        r=report,
        cite=cite,
        posttime=posttime(report),
        description=_description(report),
        verified=bool(report.verification and report.verification.passed),
        window=f"{start} 至 {end}",
        feeds_used="、".join(FEED_NAMES.get(f, f) for f in report.method.feeds_used) or "无",
        feeds_missing="、".join(FEED_NAMES.get(f, f) for f in report.method.feeds_missing),
        engine_name=ENGINE_NAMES.get(report.engine, report.engine),
        engine_line=engine_line(report),
        disclaimer=DISCLAIMER,
    )


def engine_line(report: Report) -> str:
    """The 数据来源与方法 line on the model-backed writer's work ("" for plain offline reports).

    Run metadata only (calls, parts replaced), no figure from the news.
    """
    record = report.engine_record
    if record is None:
        return ""
    model = f"{record.provider}/{record.model}" if record.model else record.provider
    if report.engine != "llm":
        return (
            f"写作引擎：大语言模型（{model}）本期未能使用，正文改由离线抽取式写作引擎生成"
            "（原因见 JSON 记录）"
        )
    asked = "答案取自缓存" if record.cached else f"调用 {record.calls} 次"
    replaced = len(record.replaced)
    checked = (
        f"经自动核验，{replaced} 个部分改用离线抽取文本"
        if replaced
        else "经自动核验，各部分均保留模型文本"
    )
    return f"写作引擎：大语言模型（{model}），{asked}；{checked}"


def _description(report: Report) -> str:
    head = report.events[0].headline if report.events else "本期无达到标准的重要信息"
    return f"{report.theme}主题 {report.date} 收盘后研究摘要：{head}".replace('"', "'")


def render_json(report: Report) -> str:
    """The JSON twin: the report's data, verification included."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
