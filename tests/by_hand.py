"""Independent arithmetic for the tests: how a chair would work a score out by hand, with exact
fractions and the standard library, never with the code under test."""

from __future__ import annotations

import math
import statistics
from decimal import Decimal
from fractions import Fraction

from hvp_desktop.scoring.aggregate import Method


def half_up(value: Fraction) -> Decimal:
    """Round an exact fraction to 2 places, halves away from zero (as a chair rounds by hand)."""
    sign = -1 if value < 0 else 1
    cents = math.floor(abs(value) * 100 + Fraction(1, 2))
    return Decimal(sign * cents).scaleb(-2)  # 78.5 is written 78.50


def by_hand(values, method: Method = Method.TRIMMED_MEAN) -> Decimal:
    """One application's score from its experts' totals: median, or the mean after dropping the
    highest and the lowest from 5 sheets on (trimmed mean), rounded once."""
    exact = sorted(Fraction(v) for v in values)
    if method == Method.MEDIAN:
        return half_up(statistics.median(exact))
    if method == Method.TRIMMED_MEAN and len(exact) >= 5:
        exact = exact[1:-1]
    return half_up(statistics.mean(exact))


def average_ranks(scores: dict) -> dict:
    """Rank 1 for the highest; equal scores share the average of their places."""
    return {a: Fraction(sum(1 for w in scores.values() if w > v)) + Fraction(sum(1 for w in scores.values() if w == v) + 1, 2)
            for a, v in scores.items()}


def spearman_by_hand(x: dict, y: dict) -> float | None:
    """Pearson's correlation of the average ranks over the applications both scored (None when one
    of them gave every common application the same score)."""
    common = sorted(set(x) & set(y))
    rx, ry = average_ranks({a: x[a] for a in common}), average_ranks({a: y[a] for a in common})
    mx, my = sum(rx.values()) / len(common), sum(ry.values()) / len(common)
    sxy = sum((rx[a] - mx) * (ry[a] - my) for a in common)
    sxx, syy = sum((rx[a] - mx) ** 2 for a in common), sum((ry[a] - my) ** 2 for a in common)
    if sxx == 0 or syy == 0:
        return None
    return float(sxy) / math.sqrt(float(sxx * syy))


def pairwise_w_by_hand(by_expert: dict) -> float | None:
    """Kendall's W from the mean Spearman correlation of every pair of experts sharing at least 3
    applications: W = ((m − 1)·mean ρ + 1) / m over the m experts in such pairs, within [0, 1]."""
    rhos, included = [], set()
    experts = sorted(by_expert)
    for i, e in enumerate(experts):
        for f in experts[i + 1:]:
            if len(set(by_expert[e]) & set(by_expert[f])) >= 3:
                rho = spearman_by_hand(by_expert[e], by_expert[f])
                if rho is not None:
                    rhos.append(rho)
                    included |= {e, f}
    if len(included) < 2:
        return None
    m = len(included)
    return min(max(((m - 1) * sum(rhos) / len(rhos) + 1) / m, 0.0), 1.0)
