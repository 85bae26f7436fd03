"""Token benchmark of the LLM writer (not a timed test): figures go in the README.

Over every shared feed day (``../shared/corpus``: CLS, Eastmoney and THS) and four themes,
``write_llm`` runs with the default settings against the scripted OpenAI-compatible server
of the tests (``tests/openai_server.py``, on 127.0.0.1: nothing leaves the machine). The
server answers each prompt with a draft built from the offline report (every claim citing
the evidence ids of its items) and reports usage measured from the real request and answer:
one token per character, the writer's own conservative estimate for Chinese. Printed: mean
and max prompt tokens, completion tokens and calls per report, against the targets.

    PYTHONPATH=src:. python scripts/bench_llm.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FEEDS = ("cls", "eastmoney", "ths")
THEMES = ("人工智能", "半导体", "机器人", "新能源车")
TARGETS = {"prompt_tokens": 12_000, "completion_tokens": 3_000, "calls": 3}

for path in (ROOT, ROOT / "src"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from theme_research.report import Paragraph, Report  # noqa: E402
from theme_research.write.llm import LENGTHS  # noqa: E402


def draft_from(offline: Report) -> dict[str, Any]:
    """The offline report's prose as the model's draft, citing evidence ids, not keys, each
    part cut to the length the prompt allows it (a model that follows the length rule)."""
    eid = {
        item.key: f"E{n}" for n, event in enumerate(offline.events, start=1) for item in event.items
    }

    def ids(keys: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(eid[k] for k in keys if k in eid))

    def claim(p: Paragraph, part: str) -> dict[str, Any]:
        return {"text": p.text[: LENGTHS[part]], "evidence": ids(p.cites)}

    def section(title: str, paragraphs: tuple[Paragraph, ...], part: str) -> dict[str, Any]:
        cited = tuple(k for p in paragraphs for k in p.cites)
        text = "".join(p.text for p in paragraphs)[: LENGTHS[part]]
        return {"title": title, "text": text, "evidence": ids(cited)}

    return {
        "overview": claim(offline.overview, "overview"),
        "items": [
            {
                "id": f"E{i.rank}",
                "text": i.text[: LENGTHS["items"]],
                "evidence": ids(i.cites) or [f"E{i.rank}"],
            }
            for i in offline.key_items
        ],
        "summary": [claim(p, "summary") for p in offline.summary[:3]],
        "drivers": [section(s.title, s.paragraphs, "drivers") for s in offline.drivers[:5]],
        "risks": [section(s.title, s.paragraphs, "risks") for s in offline.risks[:4]],
    }


def feed_days() -> list[date]:
    days = {p.stem for feed in FEEDS for p in (CORPUS / feed).glob("*.jsonl")}
    return sorted(date.fromisoformat(d) for d in days)


def main() -> None:
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: the LLM token benchmark needs the shared corpus; skipped.")
        return
    import httpx
    from openai import OpenAI
    from tests.openai_server import serve

    from theme_research.importer import import_paths
    from theme_research.pipeline import analyze_window, rank_theme, window_for
    from theme_research.store import NewsStore
    from theme_research.themes import get_pack, load_packs
    from theme_research.write.llm import write_llm
    from theme_research.write.offline import write_offline
    from theme_research.write.providers import LLMSettings

    settings = LLMSettings()  # the defaults: deepseek's preset, budget and item length
    packs = load_packs()
    themes = [get_pack(name, packs) for name in THEMES]
    rows: list[dict[str, Any]] = []
    days = feed_days()
    with (
        tempfile.TemporaryDirectory() as tmp,
        NewsStore(Path(tmp) / "bench.db") as store,
        serve(measure=True) as server,
        httpx.Client(trust_env=False) as http,
    ):
        import_paths([CORPUS / feed for feed in FEEDS], store)
        client = OpenAI(base_url=server.url, api_key="bench", http_client=http, max_retries=0)
        for day in days:
            analysis = analyze_window(store, window_for(day), list(packs.values()))
            for pack in themes:
                ranking = rank_theme(analysis, pack)
                offline = write_offline(ranking)
                if not offline.events:
                    continue
                server.answer(json.dumps(draft_from(offline), ensure_ascii=False))
                result = write_llm(ranking, settings=settings, client=client)
                record = result.report.engine_record
                assert record is not None
                while not server.replies.empty():  # an answer the writer did not ask for
                    server.replies.get_nowait()
                rows.append(
                    {
                        "theme": pack.name,
                        "day": day.isoformat(),
                        "engine": result.engine,
                        "prompt_tokens": record.prompt_tokens,
                        "completion_tokens": record.completion_tokens,
                        "calls": record.calls,
                        "events": record.events_in_prompt,
                        "replaced": len(record.replaced),
                        "cjk": record.cjk_share or 0.0,
                    }
                )
    print(
        f"{len(rows)} reports: {len(days)} feed days × {len(themes)} themes ({settings.provider})"
    )
    for theme in (*THEMES, None):
        chosen = [r for r in rows if theme is None or r["theme"] == theme]
        if not chosen:
            continue
        figures = []
        for name in ("prompt_tokens", "completion_tokens", "calls"):
            values = [r[name] for r in chosen]
            figures.append(f"{name} mean {statistics.mean(values):,.0f} max {max(values):,}")
        llm = sum(r["engine"] == "llm" for r in chosen)
        replaced = statistics.mean(r["replaced"] for r in chosen)
        cjk = min(r["cjk"] for r in chosen)
        label = theme or "all"
        print(
            f"{label:>6}: {'; '.join(figures)}; engine llm {llm}/{len(chosen)}; "
            f"parts replaced mean {replaced:.1f}; min CJK share {cjk:.2f}"
        )
    worst = {name: max(r[name] for r in rows) for name in TARGETS} if rows else {}
    verdict = ", ".join(
        f"{name} max {value:,} {'≤' if value <= TARGETS[name] else '>'} {TARGETS[name]:,}"
        for name, value in worst.items()
    )
    print(f"targets: {verdict}")


if __name__ == "__main__":
    main()
