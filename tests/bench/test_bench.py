"""`detente bench` measures both stages and reports their ratio (timings are not asserted)."""

from __future__ import annotations

import json
from pathlib import Path

from detente.bench.run import run_bench


def test_bench_runs_floor_and_full_on_a_small_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps(
            {"id": f"b{i}", "text": "Turkish jets shot down a Syrian drone near the border."}
        )
        for i in range(3)
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "bench.json"
    result = run_bench(corpus, repeat=2, report=report)
    stages = {s.stage: s for s in result.stages}
    assert set(stages) == {"floor", "full"}
    assert stages["floor"].articles == stages["full"].articles == 6
    assert stages["full"].events == 6
    assert stages["full"].peak_rss_mb > 50
    saved = json.loads(report.read_text(encoding="utf-8"))
    assert saved["full_over_floor"] == round(result.ratio() or 0, 3)
