"""From the experts' totals to one score per application (issue 5, groundwork): exact decimals,
rounded once at the end, half-up, to 2 places.

Methods: the arithmetic mean; the trimmed mean (drop one highest and one lowest total, only when
there are at least 5 sheets — the common rule of Chinese expert panels — else the plain mean);
the median. Disagreement: range, standard deviation, and the experts whose total is further than
a margin (default 15 points) from the mean of the others. Agreement of the experts' rankings:
Kendall's W.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, getcontext, localcontext
from enum import StrEnum
from itertools import groupby
from typing import TypeVar

K = TypeVar("K")
CENT = Decimal("0.01")
TRIM_FROM = 5  # sheets needed before the highest and lowest are dropped
DEFAULT_MARGIN = Decimal(15)
EXACT_PRECISION = 40  # digits for means and variances before the one rounding at the end


class Method(StrEnum):
    MEAN = "mean"
    TRIMMED_MEAN = "trimmed_mean"
    MEDIAN = "median"


def _exact(values: Sequence[Decimal]) -> list[Decimal]:
    if not values:
        raise ValueError("no submitted sheet to aggregate")
    for v in values:
        if not isinstance(v, Decimal) or not v.is_finite():
            raise TypeError("totals are finite Decimals, never floats")
    return sorted(values)


def round_half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def exact_mean(values: Sequence[Decimal]) -> Decimal:
    if getcontext().prec >= EXACT_PRECISION:  # already inside an exact block (a whole round's analysis)
        return sum(values, Decimal(0)) / len(values)
    with localcontext() as ctx:
        ctx.prec = EXACT_PRECISION  # exact enough that rounding once at the end is the only rounding
        return sum(values, Decimal(0)) / len(values)


def aggregate(totals: Sequence[Decimal], method: Method) -> Decimal:
    """One application's score from its experts' totals, rounded once (2 places, half-up)."""
    values = _exact(totals)
    if method == Method.MEAN:
        return round_half_up(exact_mean(values))
    if method == Method.TRIMMED_MEAN:
        trimmed = values[1:-1] if len(values) >= TRIM_FROM else values
        return round_half_up(exact_mean(trimmed))
    if method == Method.MEDIAN:
        middle = len(values) // 2
        exact = values[middle] if len(values) % 2 else exact_mean(values[middle - 1: middle + 1])
        return round_half_up(exact)
    raise ValueError(f"unknown method {method}")


@dataclass(frozen=True)
class Spread:
    range: Decimal
    stdev: Decimal  # population standard deviation of the totals, rounded to 2 places


def spread(totals: Sequence[Decimal]) -> Spread:
    values = _exact(totals)
    mean = exact_mean(values)
    with localcontext() as ctx:
        ctx.prec = EXACT_PRECISION
        variance = sum(((v - mean) ** 2 for v in values), Decimal(0)) / len(values)
        return Spread(round_half_up(values[-1] - values[0]), round_half_up(variance.sqrt()))


def outliers(totals: Mapping[K, Decimal], margin: Decimal = DEFAULT_MARGIN) -> dict[K, Decimal]:
    """Experts whose total is more than `margin` from the mean of the others: expert → deviation."""
    if len(totals) < 3:
        return {}  # with two experts each is the other's outlier: nothing to single out
    flagged = {}
    with localcontext() as ctx:
        ctx.prec = EXACT_PRECISION
        whole, others = sum(totals.values(), Decimal(0)), len(totals) - 1
        for expert, total in totals.items():
            deviation = total - (whole - total) / others
            if abs(deviation) > margin:
                flagged[expert] = round_half_up(deviation)
    return flagged


def _average_ranks(values: Mapping[K, Decimal], keys: Sequence[K]) -> dict[K, Decimal]:
    """Rank 1 for the highest; tied values share the average of their positions."""
    ranks, position = {}, 0
    for _score, group in groupby(sorted(keys, key=lambda k: values[k], reverse=True), key=lambda k: values[k]):
        tied = list(group)
        average = Decimal(position + 1 + position + len(tied)) / 2
        for k in tied:
            ranks[k] = average
        position += len(tied)
    return ranks


def kendalls_w(scores: Mapping[K, Mapping[str, Decimal]]) -> Decimal | None:
    """Kendall's coefficient of concordance of the experts' rankings (expert → application →
    total; ties get average ranks, without the tie correction). 0 means no agreement, 1 complete
    agreement; None when it cannot be computed.

    When every expert scored the same applications this is W itself. When some did not (a
    declared conflict, a partial assignment) it is W's value from the mean Spearman correlation of
    each pair of experts over the applications both scored (W = ((m − 1)·ρ̄ + 1) / m, the same
    number on complete rankings), so one conflict does not drop an application for everybody."""
    experts = [e for e in scores if scores[e]]
    if len(experts) < 2:
        return None
    apps = sorted(set.intersection(*(set(scores[e]) for e in experts)))
    if all(len(scores[e]) == len(apps) for e in experts):
        return _complete_w(scores, experts, apps)
    return _pairwise_w(scores, experts)


def _complete_w(scores, experts: list, apps: list) -> Decimal | None:
    n, m = len(apps), len(experts)
    if n < 2:
        return None
    rank_sums = {a: Decimal(0) for a in apps}
    for e in experts:
        for a, r in _average_ranks(scores[e], apps).items():
            rank_sums[a] += r
    mean_sum = Decimal(m * (n + 1)) / 2
    s = sum(((r - mean_sum) ** 2 for r in rank_sums.values()), Decimal(0))
    return round_half_up(12 * s / (m * m * (n ** 3 - n)))


MIN_COMMON = 3  # applications two experts must share for their rank correlation to count


def _pairwise_w(scores, experts: list) -> Decimal | None:
    # A descriptive coefficient shown to 2 places: floats are exact enough here.
    correlations, included = [], set()
    for i, e in enumerate(experts):
        for f in experts[i + 1:]:
            common = sorted(set(scores[e]) & set(scores[f]))
            if len(common) < MIN_COMMON:
                continue
            x = [float(r) for r in _average_ranks(scores[e], common).values()]
            y_ranks = _average_ranks(scores[f], common)
            y = [float(y_ranks[a]) for a in _average_ranks(scores[e], common)]
            mx, my = sum(x) / len(x), sum(y) / len(y)
            sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
            sxx, syy = sum((a - mx) ** 2 for a in x), sum((b - my) ** 2 for b in y)
            if sxx == 0 or syy == 0:
                continue  # one of them gave everything the same score: no ranking to compare
            correlations.append(sxy / (sxx * syy) ** 0.5)
            included |= {e, f}
    m = len(included)
    if m < 2 or not correlations:
        return None
    w = ((m - 1) * (sum(correlations) / len(correlations)) + 1) / m
    return round_half_up(Decimal(repr(min(max(w, 0.0), 1.0))))


def agreement_in_words(w: Decimal | None) -> str:
    """How a chair would say it (common reading of W)."""
    if w is None:
        return "无法计算（专家或申报不足）"
    if w >= Decimal("0.7"):
        return "专家排序高度一致"
    if w >= Decimal("0.5"):
        return "专家排序较为一致"
    if w >= Decimal("0.3"):
        return "专家排序一致性一般"
    return "专家排序一致性弱，建议讨论"
