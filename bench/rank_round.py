"""Re-ranking a round of 1,000 applications × 9 experts × 25 criteria (issue 5 target ≤ 200 ms).

Three figures, in the same run:
- `rerank_median` (the target): `store.ranking.analyse_round` on the encrypted working file, as the
  chair's panel calls it after a change of method, an explanation or a tie decision: it checks the
  round's sheet fingerprint in the file (a changed sheet, conflict, assignment or seat reloads),
  then aggregates (the round's method, trimmed mean), computes spread, total and criterion flags,
  tie-break keys (two sections), leniency, Kendall's W and the sensitivity to the other two
  methods, and draws the places line;
- `cold_median`: the same with nothing loaded yet (as after a sheet was submitted): the 225,000
  criterion scores of the latest submitted sheets and the 9 × 1,000 sheet matrix are read first;
- `analyse_median`: the arithmetic alone (`scoring.analysis.analyse`) on data already in memory.

Set-up (not timed): a fresh working file with 1,000 applications, a 25-criterion rubric, 9
experts on the panel and 9,000 submitted sheets written with one bulk insert per table (the
per-sheet store API would take minutes and is not what is measured here).
"""

from __future__ import annotations

import random
import time
from datetime import datetime
from decimal import Decimal

from _common import Report, make_working_file, run_main, scratch_dir
from sqlalchemy import insert

from hvp_desktop.store.ops import panel as panel_ops
from hvp_desktop.store.ops import sheets as sheet_ops

RUNS = 7
TARGET_MS = 200.0
APPLICATIONS, EXPERTS, CRITERIA = 1000, 9, 25


def _rubric():
    from hvp_desktop.scoring.rubric import from_dict

    sections = [{"code": s, "title": f"第{i + 1}部分", "criteria": [
        {"code": f"{s}{j + 1}", "title": f"指标{s}{j + 1}", "guidance": "按材料评分", "max_points": "4",
         "step": "0.5"} for j in range(5)]} for i, s in enumerate("ABCDE")]
    return from_dict({"id": "bench", "version": "2026.1", "kind": "recognition", "title": "基准评分表",
                      "source": "bench", "sections": sections})


def build(path, rng: random.Random):
    from hvp_desktop.domain.model import SeatRole
    from hvp_desktop.store import queries
    from hvp_desktop.store.models import Assignment, ScoreEntry, ScoreSheet

    wf = make_working_file(path, APPLICATIONS, 5)
    round_id = queries.round_list(wf)[0][0]
    apps = [r.id for r in queries.application_rows(wf)]
    rubric = _rubric()
    label = sheet_ops.store_rubric(wf, rubric).value
    sheet_ops.set_round_rubric(wf, round_id, label)
    experts = [panel_ops.add_expert(wf, f"专家{i + 1}").value for i in range(EXPERTS)]
    for i, e in enumerate(experts):
        panel_ops.seat(wf, round_id, e, SeatRole.CHAIR if i == 0 else SeatRole.MEMBER)
    steps = [Decimal(n) / 2 for n in range(9)]  # 0 … 4 in half points
    now = datetime(2026, 11, 1, 9, 0)
    points = {}
    with wf.session(write=True) as s:
        s.execute(insert(Assignment), [{"application_id": a, "expert_id": e} for a in apps for e in experts])
        s.execute(insert(ScoreSheet), [{"application_id": a, "expert_id": e, "revision": 1, "status": "submitted",
                                        "rubric_version": label, "transcribed_from_paper": False, "created_at": now,
                                        "submitted_at": now} for a in apps for e in experts])
        ids = {(a, e): sid for sid, a, e in s.execute(ScoreSheet.__table__.select().with_only_columns(
            ScoreSheet.id, ScoreSheet.application_id, ScoreSheet.expert_id))}
        rows = []
        for (a, e), sid in ids.items():
            for c in rubric.criteria:
                value = rng.choice(steps)
                points.setdefault(a, {}).setdefault(e, {})[c.code] = value
                rows.append({"sheet_id": sid, "criterion_code": c.code, "points": value})
        s.execute(insert(ScoreEntry), rows)
    return wf, round_id, rubric, points


def main() -> int:
    from hvp_desktop.scoring.aggregate import Method
    from hvp_desktop.scoring.analysis import Settings, analyse
    from hvp_desktop.scoring.ranking import Line
    from hvp_desktop.store.ops.ranking import set_settings
    from hvp_desktop.store.ranking import _loaded, analyse_round

    report = Report("rank_round")
    with scratch_dir("rank") as folder:
        wf, round_id, rubric, points = build(folder / "rank.hvpdb", random.Random(5))
        try:
            report.figure("applications", APPLICATIONS, "applications")
            report.figure("sheets", APPLICATIONS * EXPERTS, f"sheets of {CRITERIA} criteria")
            maxima = {c.code: c.max_points for c in rubric.criteria}
            sections = {s.code: [c.code for c in s.criteria] for s in rubric.sections}
            set_settings(wf, round_id, Method.TRIMMED_MEAN, Decimal(15), ("A", "B"))
            first = analyse_round(wf, round_id)
            assert len(first.analysis.rows) == APPLICATIONS and sum(r.inside for r in first.analysis.rows) == 20
            cold, in_file, in_memory = [], [], []
            for _ in range(RUNS):
                _loaded.clear()  # as if a sheet had just been submitted
                t = time.perf_counter()
                analyse_round(wf, round_id)
                cold.append(time.perf_counter() - t)
                t = time.perf_counter()
                view = analyse_round(wf, round_id)
                in_file.append(time.perf_counter() - t)
                t = time.perf_counter()
                again = analyse(points, Line.places_line(20), Settings(tie_breaks=("A", "B")), maxima=maxima,
                                sections=sections)
                in_memory.append(time.perf_counter() - t)
            assert [r.score for r in again.rows] == [r.score for r in view.analysis.rows]  # same result both ways
            rerank = report.timings("rerank", in_file)
            report.timings("cold", cold)
            report.timings("analyse", in_memory)
            report.target("rerank_median", rerank * 1000, TARGET_MS, "ms")
        finally:
            wf.close()
    return report.finish()


if __name__ == "__main__":
    run_main(main)
