"""The aggregation checked against an independent computation (issue 5).

Nothing here reuses the code's own helpers for the expected values: means and medians come from
`statistics` over exact Fractions, the half-up rounding to 2 places is done here with integer
arithmetic (`half_up`), the standard deviation with `math.isqrt`, Kendall's W from its textbook
formula with ranks counted afresh. Hand-worked examples write their numbers out.
"""

from __future__ import annotations

import math
import statistics
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvp_desktop.domain import rules
from hvp_desktop.scoring.aggregate import Method, aggregate, kendalls_w, outliers, spread
from tests.by_hand import average_ranks, half_up, spearman_by_hand

D = Decimal
F = Fraction


# -- the independent arithmetic --------------------------------------------------------------------

def fractions(values) -> list[Fraction]:
    return [F(v) for v in values]


def trimmed(values) -> list[Fraction]:
    """One highest and one lowest dropped, from 5 sheets on; else all of them."""
    ordered = sorted(fractions(values))
    return ordered[1:-1] if len(ordered) >= 5 else ordered


def stdev_cents(values) -> Decimal:
    """The population standard deviation rounded half-up to 2 places, exactly.

    round_half_up(sqrt(v)) = n/100 with n = floor(100·sqrt(v) + 1/2), the largest n with
    2n − 1 ≤ 200·sqrt(v) = sqrt(40000·v); with k = isqrt(floor(40000·v)) that is n = (k + 1) // 2.
    """
    exact = fractions(values)
    mean = sum(exact) / len(exact)
    variance = sum((v - mean) ** 2 for v in exact) / len(exact)
    k = math.isqrt(math.floor(variance * 40000))
    return D((k + 1) // 2).scaleb(-2)



def kendall_textbook(by_expert: dict) -> Decimal:
    """W = 12·S / (m²(n³ − n)), S the squared deviations of the rank sums from m(n + 1)/2."""
    m = len(by_expert)
    apps = sorted(set.intersection(*(set(s) for s in by_expert.values())))
    n = len(apps)
    sums = {a: F(0) for a in apps}
    for scores in by_expert.values():
        for a, r in average_ranks({a: scores[a] for a in apps}).items():
            sums[a] += r
    s = sum((r - F(m * (n + 1), 2)) ** 2 for r in sums.values())
    return half_up(12 * s / (m * m * (n ** 3 - n)))


# -- strategies ------------------------------------------------------------------------------------
cents = st.integers(0, 10000).map(lambda n: D(n) / 100)  # 0.00 … 100.00
half_points = st.integers(0, 200).map(lambda n: D(n) / 2)  # 0, 0.5, … 100
a_total = st.one_of(cents, half_points)
sheets = st.lists(a_total, min_size=1, max_size=12)

PROPERTY = settings(max_examples=150, deadline=None)


# -- the methods against statistics ----------------------------------------------------------------
@PROPERTY
@given(sheets)
def test_R16_mean_is_statistics_mean_rounded_once_half_up(values):
    assert aggregate(values, Method.MEAN) == half_up(statistics.mean(fractions(values)))


@PROPERTY
@given(sheets)
def test_R16_median_is_statistics_median(values):
    assert aggregate(values, Method.MEDIAN) == half_up(statistics.median(fractions(values)))


@PROPERTY
@given(sheets)
def test_R16_trimmed_mean_drops_one_highest_and_one_lowest_only_from_five_sheets(values):
    got = aggregate(values, Method.TRIMMED_MEAN)
    if len(values) < 5:
        assert got == aggregate(values, Method.MEAN) == half_up(statistics.mean(fractions(values)))
    else:
        assert got == half_up(statistics.mean(sorted(fractions(values))[1:-1]))


@PROPERTY
@given(sheets, st.sampled_from(list(Method)))
def test_the_order_of_the_sheets_does_not_matter(values, method):
    assert aggregate(values, method) == aggregate(list(reversed(values)), method)


@PROPERTY
@given(sheets)
def test_spread_is_the_range_and_the_population_stdev(values):
    s = spread(values)
    assert s.range == max(values) - min(values)
    assert s.stdev == stdev_cents(values)
    # and against the standard library (correct to far better than half a cent)
    assert abs(F(s.stdev) - F(statistics.pstdev(values))) <= F(1, 200) + F(1, 10 ** 12)


experts_totals = st.dictionaries(st.integers(1, 9), a_total, min_size=0, max_size=9)
margins = st.sampled_from([D("5"), D("10"), D("13.99"), D("15"), D("20")])


@PROPERTY
@given(experts_totals, margins)
def test_outliers_are_more_than_the_margin_from_the_others_mean(totals, margin):
    expected = {}
    if len(totals) >= 3:
        for expert, total in totals.items():
            others = [F(v) for e, v in totals.items() if e != expert]
            deviation = F(total) - sum(others) / len(others)
            if abs(deviation) > F(margin):
                expected[expert] = half_up(deviation)
    assert outliers(totals, margin) == expected


score_matrix = st.integers(2, 5).flatmap(lambda m: st.integers(2, 6).flatmap(lambda n: st.lists(
    st.lists(st.sampled_from([D("60"), D("60.5"), D("61"), D("70"), D("85.25")]), min_size=n, max_size=n),
    min_size=m, max_size=m)))


@PROPERTY
@given(score_matrix)
def test_kendalls_w_is_the_textbook_formula(rows):
    by_expert = {f"e{i}": {f"a{j}": v for j, v in enumerate(row)} for i, row in enumerate(rows)}
    w = kendalls_w(by_expert)
    assert w == kendall_textbook(by_expert)
    assert D(0) <= w <= D(1)


# -- hand-worked examples --------------------------------------------------------------------------
def test_R16_four_sheets_80_82_90_61_are_not_trimmed():
    four = [D("80"), D("82"), D("90"), D("61")]
    # (80 + 82 + 90 + 61) / 4 = 313 / 4 = 78.25
    assert aggregate(four, Method.TRIMMED_MEAN) == aggregate(four, Method.MEAN) == D("78.25")
    assert aggregate(four, Method.MEDIAN) == D("81.00")  # (80 + 82) / 2


def test_R16_five_sheets_80_82_90_61_85_drop_the_90_and_the_61():
    five = [D("80"), D("82"), D("90"), D("61"), D("85")]
    assert aggregate(five, Method.TRIMMED_MEAN) == D("82.33")  # (80 + 82 + 85) / 3 = 82.333…
    assert aggregate(five, Method.MEAN) == D("79.60")  # 398 / 5
    assert aggregate(five, Method.MEDIAN) == D("82.00")


def test_R16_trimming_drops_only_one_of_equal_extremes():
    five = [D("70"), D("70"), D("80"), D("90"), D("90")]
    assert aggregate(five, Method.TRIMMED_MEAN) == D("80.00")  # (70 + 80 + 90) / 3


def test_rounding_is_half_up_once_at_the_end():
    assert aggregate([D("78.25"), D("78.00")], Method.MEAN) == D("78.13")  # 78.125: half-up, not to even
    assert aggregate([D("78.249998"), D("78")], Method.MEAN) == D("78.12")  # 78.124999
    assert aggregate([D("78.124999")], Method.MEDIAN) == D("78.12")
    # rounding once: 78.1249 would become 78.13 if first rounded to 3 places (78.125), then to 2
    assert aggregate([D("78.2498"), D("78")], Method.MEAN) == D("78.12")
    # rounding once: a trimmed mean of 5 whose exact value is 70.005
    five = [D("10"), D("70.00"), D("70.005"), D("70.01"), D("99")]
    assert aggregate(five, Method.TRIMMED_MEAN) == D("70.01")  # 210.015 / 3 = 70.005


def test_the_stdev_and_range_by_hand():
    s = spread([D("80"), D("82"), D("90"), D("61")])
    # mean 78.25; squared deviations 3.0625 + 14.0625 + 138.0625 + 297.5625 = 452.75; / 4 = 113.1875
    assert s.range == D("29") and s.stdev == D("10.64")  # sqrt(113.1875) = 10.6390…


def test_an_outlier_by_hand():
    # 60 against the mean of 85, 83, 84 = 84: deviation −24; 85 against (83 + 60 + 84) / 3 = 75.67: 9.33
    assert outliers({1: D("85"), 2: D("83"), 3: D("60"), 4: D("84")}) == {3: D("-24.00")}
    exactly = {1: D("85"), 2: D("85"), 3: D("70")}  # 70 − 85 = −15: not more than the margin
    assert outliers(exactly) == {}
    assert outliers(exactly, D("14.99")) == {3: D("-15.00")}


def test_kendalls_w_by_hand():
    # ranks: x a1 b2 c3 d4; y a2 b1 c3 d4; z a1 b3 c2 d4 → sums a4 b6 c8 d12, mean 7.5
    # S = 3.5² + 1.5² + 0.5² + 4.5² = 35; W = 12·35 / (3²·(4³ − 4)) = 420 / 540 = 0.777…
    scores = {
        "x": {"a": D("90"), "b": D("80"), "c": D("70"), "d": D("60")},
        "y": {"a": D("85"), "b": D("88"), "c": D("70"), "d": D("60")},
        "z": {"a": D("90"), "b": D("70"), "c": D("80"), "d": D("60")},
    }
    assert kendalls_w(scores) == D("0.78")


def test_kendalls_w_with_a_tie_by_hand():
    # x ranks a and b 1.5 each, c 3; y a1 b2 c3 → sums 2.5, 3.5, 6 around 4: S = 2.25 + 0.25 + 4 = 6.5
    # W = 12·6.5 / (2²·(3³ − 3)) = 78 / 96 = 0.8125 → 0.81
    scores = {"x": {"a": D("90"), "b": D("90"), "c": D("70")}, "y": {"a": D("90"), "b": D("80"), "c": D("70")}}
    assert kendalls_w(scores) == D("0.81")


def test_kendalls_w_with_a_conflict_per_expert_compares_the_experts_pair_by_pair():
    """One declared conflict each must not leave W uncomputable: each pair of experts is compared
    on what both scored, W = ((m − 1)·mean ρ + 1) / m."""
    truth = {f"app{i}": D(90 - 5 * i) for i in range(6)}
    scores = {e: {a: v + D(e % 2) for a, v in truth.items() if a != f"app{e}"} for e in range(5)}
    pairs = [(e, f) for e in scores for f in scores if e < f]
    rho = sum(spearman_by_hand(scores[e], scores[f]) for e, f in pairs) / len(pairs)
    assert rho == 1.0
    assert kendalls_w(scores) == D("1.00")


def test_kendalls_w_leaves_out_an_expert_who_shares_too_few_applications():
    agree = {e: {f"app{i}": D(100 - i) for i in range(10)} for e in range(4)}
    stray = {"app0": D(10), "app1": D(90)}  # two applications only, in the opposite order
    assert kendalls_w({**agree, 4: stray}) == kendalls_w(agree) == D("1.00")


def test_kendalls_w_pairwise_equals_w_on_complete_rankings():
    """The pairwise form is W itself when nothing is missing (checked by removing nothing)."""
    from hvp_desktop.scoring.aggregate import _pairwise_w

    scores = {
        "x": {"a": D(90), "b": D(80), "c": D(70), "d": D(60)},
        "y": {"a": D(85), "b": D(88), "c": D(60), "d": D(65)},
        "z": {"a": D(70), "b": D(90), "c": D(80), "d": D(50)},
    }
    assert _pairwise_w(scores, list(scores)) == kendall_textbook(scores) == kendalls_w(scores)


# -- the pass marks after rounding -----------------------------------------------------------------
@pytest.mark.parametrize(("year", "totals", "score", "passes"), [
    (1, ["69.99", "70.00"], "70.00", True),  # 69.995 rounds to 70.00: passes (R17, 70 included)
    (1, ["69.99", "69.99", "70.00"], "69.99", False),  # 69.9933…
    (1, ["70", "70"], "70.00", True),
    (2, ["74.99", "75.00"], "75.00", True),  # 74.995 → 75.00 (R18, 75 included)
    (2, ["74.99", "74.998"], "74.99", False),  # 74.994
])
def test_R17_R18_the_score_is_rounded_before_it_meets_the_pass_mark(year, totals, score, passes):
    aggregated = aggregate([D(t) for t in totals], Method.MEAN)
    assert aggregated == D(score)
    assert rules.passes(year, aggregated) is passes
    assert (F(aggregated) >= {1: 70, 2: 75}[year]) is passes


@PROPERTY
@given(st.lists(st.integers(6950, 7050).map(lambda n: D(n) / 100), min_size=1, max_size=6))
def test_R17_pass_is_decided_on_the_rounded_mean(values):
    exact = statistics.mean(fractions(values))
    assert rules.passes(1, aggregate(values, Method.MEAN)) is (half_up(exact) >= 70)
