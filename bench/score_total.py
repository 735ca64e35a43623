"""Scoring form: time to update the total and the section progress after one keystroke, for a
40-criterion rubric (target ≤ 16 ms, one frame). Measured on the real panel, offscreen: the
model's entry changes (as a committed cell does) and the panel recomputes and redraws its labels.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 16.0
RUNS = 200


def forty_criteria_rubric():
    from hvp_desktop.scoring import rubric as rubrics

    sections = []
    for s in range(8):
        criteria = [{"code": f"S{s}C{c}", "title": f"指标{s}-{c}", "guidance": "核查相关材料",
                     "max_points": "2.5", "step": "0.5"} for c in range(5)]
        sections.append({"code": f"S{s}", "title": f"第{s + 1}部分", "criteria": criteria})
    return rubrics.from_dict({"id": "bench-40", "version": "2026.1", "kind": "annual", "title": "40项评分表",
                              "source": "bench", "sections": sections})


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from hvp_desktop.demo import create_demo
    from hvp_desktop.gui.runner import Runner
    from hvp_desktop.gui.scoring_model import SheetModel
    from hvp_desktop.gui.scoring_panel import ScoringPanel

    rubric = forty_criteria_rubric()
    assert len(rubric.criteria) == 40 and rubric.max_total == 100
    with tempfile.TemporaryDirectory() as tmp:
        wf = create_demo(Path(tmp) / "bench.hvpdb")
        runner = Runner(wf)
        try:
            panel = ScoringPanel(wf, runner)
            panel.show()
            app.processEvents()
            panel.model = SheetModel(rubric, {}, lambda *_a: None, read_only=False, parent=panel)
            panel.table.setModel(panel.model)
            timings = []
            for i in range(RUNS):
                code = rubric.criteria[i % 40].code
                start = time.perf_counter()
                panel.model.entries[code] = (Decimal("2") if i % 2 else Decimal("1.5"), "")
                panel._update_totals()
                app.processEvents()
                timings.append((time.perf_counter() - start) * 1000)
        finally:
            runner.close()
            wf.close()
    median = statistics.median(timings)
    print(f"score_total.criteria: {len(rubric.criteria)} criteria")
    print(f"score_total.update_median: {median:.3f} ms")
    print(f"score_total.update_max: {max(timings):.3f} ms")
    print(f"score_total.update_runs: {RUNS} runs")
    ok = median <= TARGET_MS
    print(f"# {'target met' if ok else 'TARGET MISSED'}: score_total.update_median = {median:.2f} ms, target <= {TARGET_MS:g} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
