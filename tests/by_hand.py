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
