"""Scores against a criterion: allowed values, required comments, bands, exact totals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvp_desktop.scoring.rubric import (
    Band,
    Criterion,
    SectionProgress,
    band_of,
    check_score,
    comment_required,
    default_rubrics,
    load,
    section_progress,
    total,
)

D = Decimal

HALVES = Criterion("X1", "半分制", "", D(10), D("0.5"))
BANDED = Criterion(
    "X2",
    "分档",
    "",
    D(10),
    D("0.5"),
    bands=(Band(D(0), D("4.5"), "差", "差"), Band(D(5), D(7), "中", "中"), Band(D("7.5"), D(10), "优", "优")),
    comment_below_share=D("0.6"),
    comment_at_band_extremes=True,
)
GAPPED = Criterion("X3", "有空档", "", D(10), D(1), bands=(Band(D(0), D(3), "低"), Band(D(8), D(10), "高")))


@pytest.mark.parametrize(
    "value, expected",
    [
        (D(0), None),
        (D(10), None),
        (D("9.5"), None),
        (D("5.00"), None),
        (3, None),  # an int is exact too
        (D("10.5"), "分值应在0至10分之间"),  # max + step
        (D("-0.5"), "分值应在0至10分之间"),
        (D("-0"), None),
        (D("0.25"), "分值应为0.5分的整数倍"),
        (D("9.75"), "分值应为0.5分的整数倍"),
        (D("0.5000001"), "分值应为0.5分的整数倍"),
        (D("NaN"), "分值不是有效数字"),
        (D("Infinity"), "分值不是有效数字"),
    ],
)
def test_check_score_boundaries(value, expected):
    assert check_score(HALVES, value) == expected


def test_check_score_with_whole_steps():
    assert check_score(GAPPED, D(7)) is None
    assert check_score(GAPPED, D("7.5")) == "分值应为1分的整数倍"
    assert check_score(GAPPED, D(11)) == "分值应在0至10分之间"


@pytest.mark.parametrize(
    "call",
    [
        lambda: check_score(HALVES, 2.5),
        lambda: band_of(BANDED, 2.5),
        lambda: comment_required(BANDED, 2.5),
        lambda: total({"X1": 2.5}),
        lambda: total({"X1": True}),
        lambda: check_score(HALVES, "2.5"),
    ],
)
def test_floats_and_other_inexact_values_are_programming_errors(call):
    with pytest.raises(TypeError, match="Decimal"):
        call()


@pytest.mark.parametrize(
    "value, band",
    [(D(0), "差"), (D("4.5"), "差"), (D(5), "中"), (D(7), "中"), (D("7.5"), "优"), (D(10), "优")],
)
def test_band_of(value, band):
    found = band_of(BANDED, value)
    assert found is not None and found.label == band


def test_band_of_a_gap_or_a_bandless_criterion_is_none():
    assert band_of(GAPPED, D(5)) is None
    assert band_of(GAPPED, D(8)) == Band(D(8), D(10), "高")
    assert band_of(HALVES, D(5)) is None


BELOW = "得分低于满分的60%（6分）"


@pytest.mark.parametrize(
    "value, reasons",
    [
        (D(6), []),  # inside 中, at 60%
        (D("6.5"), []),
        (D(8), []),  # inside 优
        (D("5.5"), [BELOW]),  # inside 中, below 60%
        (D(7), ["得分处于“中”档（5–7分）的边界"]),
        (D("7.5"), ["得分处于“优”档（7.5–10分）的边界"]),
        (D(10), ["得分处于“优”档（7.5–10分）的边界"]),
        (D(5), [BELOW, "得分处于“中”档（5–7分）的边界"]),
        (D(0), [BELOW, "得分处于“差”档（0–4.5分）的边界"]),
    ],
)
def test_comment_required(value, reasons):
    expected = "；".join(reasons) + "，须填写评语" if reasons else None
    assert comment_required(BANDED, value) == expected


def test_no_comment_rule_no_comment_and_invalid_or_missing_scores_are_left_to_check_score():
    assert comment_required(HALVES, D(0)) is None
    assert comment_required(BANDED, None) is None
    assert comment_required(BANDED, D("0.25")) is None
    assert comment_required(BANDED, D(11)) is None


def test_unlabelled_band_extremes_are_named_plainly():
    criterion = Criterion("X4", "t", "", D(10), D(1), bands=(Band(D(2), D(6), "中等"),), comment_at_band_extremes=True)
    assert comment_required(criterion, D(6)) == "得分处于档次（2–6分）的边界，须填写评语"
    assert comment_required(criterion, D(4)) is None


def test_total_is_the_exact_decimal_sum():
    assert total({"a": D("0.1"), "b": D("0.2")}) == D("0.3")  # a float sum would give 0.30000000000000004
    assert total({}) == D(0) and isinstance(total({}), Decimal)
    assert total({"a": D("7.5"), "b": None, "c": D(0)}) == D("7.5")
    assert total({"a": 3, "b": D("0.5")}) == D("3.5")


def test_section_progress_counts_what_was_entered_not_what_is_zero(rubric_data):
    rubric = load(rubric_data)
    scores = {"A1": D(0), "A2": None, "B1": D("27.5")}
    assert section_progress(rubric, scores) == [
        SectionProgress("A", 1, 2, D(0), D(60)),
        SectionProgress("B", 1, 2, D("27.5"), D(40)),
    ]
    assert section_progress(rubric, {})[0] == ("A", 0, 2, D(0), D(60))


@st.composite
def annual_scores(draw):
    """Valid scores for the default annual rubric; some criteria left empty (None) or absent."""
    rubric = default_rubrics()["annual"]
    scores = {}
    for criterion in rubric.criteria:
        choice = draw(st.sampled_from(["score", "score", "score", "none", "absent"]))
        if choice == "score":
            steps = int(criterion.max_points / criterion.step)
            scores[criterion.code] = draw(st.integers(0, steps)) * criterion.step
        elif choice == "none":
            scores[criterion.code] = None
    return rubric, scores


@settings(max_examples=200, deadline=None)
@given(annual_scores())
def test_total_equals_the_sum_of_the_entered_scores(case):
    rubric, scores = case
    entered = [v for v in scores.values() if v is not None]
    result = total(scores)
    assert isinstance(result, Decimal)
    assert Fraction(result) == sum((Fraction(v) for v in entered), Fraction(0))
    assert all(check_score(rubric.criterion(code), v) is None for code, v in scores.items() if v is not None)
    progress = section_progress(rubric, scores)
    assert sum((p.subtotal for p in progress), D(0)) == result
    assert sum(p.filled for p in progress) == len(entered)
    assert sum(p.count for p in progress) == len(rubric.criteria)
    assert all(D(0) <= p.subtotal <= p.section_max for p in progress)
    assert D(0) <= result <= rubric.max_total
