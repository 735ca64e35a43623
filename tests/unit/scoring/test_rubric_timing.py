"""The bar: updating the total after a keystroke takes ≤ 16 ms for a 40-criterion rubric."""

from __future__ import annotations

import random
import statistics
import time
from decimal import Decimal

from hvp_desktop.scoring.rubric import Rubric, check_score, comment_required, load, section_progress, total

FRAME_SECONDS = 0.016
RUNS = 50


def forty_criteria() -> Rubric:
    """8 sections × 5 criteria × 2.5 points, with bands and comment rules like the defaults."""
    bands = [
        {"label": "差", "low": "0", "high": "1", "description": "差"},
        {"label": "良", "low": "1.5", "high": "2.5", "description": "良"},
    ]
    sections = [
        {
            "code": f"S{s}",
            "title": f"一级指标{s}",
            "criteria": [
                {
                    "code": f"S{s}.{c}",
                    "title": f"评分项{s}.{c}",
                    "guidance": "查阅材料",
                    "max_points": "2.5",
                    "step": "0.5",
                    "bands": bands,
                    "comment_below_share": "0.6",
                    "comment_at_band_extremes": True,
                }
                for c in range(1, 6)
            ],
        }
        for s in range(1, 9)
    ]
    data = {"id": "t40", "version": "2026.1", "kind": "annual", "title": "40项", "source": "test", "sections": sections}
    return load(data)


def test_a_keystroke_updates_the_total_well_within_a_frame():
    rubric = forty_criteria()
    assert len(rubric.criteria) == 40
    rng = random.Random(4)
    scores: dict[str, Decimal | None] = {c.code: Decimal(rng.randint(0, 5)) / 2 for c in rubric.criteria}
    criteria = list(rubric.criteria)

    def keystroke(n: int) -> Decimal:
        # what the sheet does on each key: check the edited score, its comment rule, then totals
        criterion = criteria[n % len(criteria)]
        value = Decimal(n % 6) / 2
        assert check_score(criterion, value) is None
        comment_required(criterion, value)
        scores[criterion.code] = value
        section_progress(rubric, scores)
        return total(scores)

    durations = []
    for n in range(RUNS):
        start = time.perf_counter()
        result = keystroke(n)
        durations.append(time.perf_counter() - start)
        assert result == sum((v for v in scores.values() if v is not None), Decimal(0))
    median = statistics.median(durations)
    assert median < FRAME_SECONDS, f"median {median * 1000:.3f} ms"
