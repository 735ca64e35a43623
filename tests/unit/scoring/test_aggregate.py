"""Aggregation (issue 5 groundwork), checked against hand-worked examples and `statistics`."""

from __future__ import annotations

import statistics
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvp_desktop.scoring.aggregate import (
    Method,
    aggregate,
    agreement_in_words,
    kendalls_w,
    outliers,
    round_half_up,
    spread,
)

D = Decimal


def test_mean_rounds_once_half_up():
    assert aggregate([D("70.005"), D("70.005")], Method.MEAN) == D("70.01")  # half-up, not banker's
    assert aggregate([D("80"), D("81"), D("81")], Method.MEAN) == D("80.67")


def test_trimmed_mean_needs_five_sheets():
    four = [D("60"), D("70"), D("80"), D("90")]
    assert aggregate(four, Method.TRIMMED_MEAN) == aggregate(four, Method.MEAN) == D("75.00")
    five = [D("40"), D("70"), D("72"), D("74"), D("99")]
    assert aggregate(five, Method.TRIMMED_MEAN) == D("72.00")  # 40 and 99 dropped


def test_median_of_odd_and_even():
    assert aggregate([D("70"), D("90"), D("80")], Method.MEDIAN) == D("80.00")
    assert aggregate([D("70"), D("80"), D("90"), D("85")], Method.MEDIAN) == D("82.50")


def test_floats_and_empty_are_refused():
    with pytest.raises(TypeError):
        aggregate([70.0], Method.MEAN)  # type: ignore[list-item]
    with pytest.raises(ValueError):
        aggregate([], Method.MEAN)


totals = st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(totals)
def test_mean_and_median_agree_with_statistics(values):
    assert aggregate(values, Method.MEAN) == round_half_up(statistics.mean(values))
    assert aggregate(values, Method.MEDIAN) == round_half_up(statistics.median(values))
    if len(values) >= 5:
        trimmed = sorted(values)[1:-1]
        assert aggregate(values, Method.TRIMMED_MEAN) == round_half_up(statistics.mean(trimmed))


@settings(max_examples=200, deadline=None)
@given(totals)
def test_spread_agrees_with_statistics(values):
    s = spread(values)
    assert s.range == max(values) - min(values)
    assert abs(s.stdev - Decimal(str(statistics.pstdev([float(v) for v in values])))) <= D("0.01")


def test_outliers_beyond_the_margin_from_the_others():
    flagged = outliers({"甲": D("85"), "乙": D("83"), "丙": D("60"), "丁": D("84")})
    assert set(flagged) == {"丙"} and flagged["丙"] == D("-24.00")
    assert outliers({"甲": D("85"), "乙": D("60")}) == {}
    three = {"甲": D("85"), "乙": D("83"), "丙": D("70")}
    assert outliers(three, margin=D("14")) == {}  # "more than" the margin: exactly 14 is not flagged
    assert outliers(three, margin=D("13.99")) == {"丙": D("-14.00")}


def test_kendalls_w_full_and_no_agreement():
    same = {e: {"a": D("90"), "b": D("80"), "c": D("70")} for e in ("x", "y", "z")}
    assert kendalls_w(same) == D("1.00")
    opposite = {"x": {"a": D("90"), "b": D("80")}, "y": {"a": D("80"), "b": D("90")}}
    assert kendalls_w(opposite) == D("0.00")
    assert kendalls_w({"x": {"a": D("1")}}) is None
    assert "高度一致" in agreement_in_words(D("1.00"))
