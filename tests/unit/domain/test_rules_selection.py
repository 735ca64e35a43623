"""Places (R14), shortlisting (R15) and the selected list (R16): domain/selection.py and the numbers
of domain/rules.py checked against the work plan (§四, §五(二)(三), §六)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvp_desktop.domain import rules, selection
from hvp_desktop.domain.rules import RuleViolation


def violation(rule: str):
    return pytest.raises(RuleViolation, match=rf"^{rule}: ")


def scores_of(values) -> dict[str, Decimal]:
    return {f"app{i:03d}": Decimal(v) for i, v in enumerate(values)}


# -- the numbers of the text ---------------------------------------------------------------------
def test_R14_R15_R16_R17_R18_R19_R20_R21_R4_R2_numbers_are_the_texts():
    assert rules.MAX_CO_APPLICANTS == 2  # R2 联合申报单位最多不超过2家
    assert rules.MAX_PLACES_PER_YEAR == 20  # R14/R16 每年认定不超过20家
    assert rules.SHORTLIST_RATIO == 2  # R15 不低于1:2
    assert rules.ALL_TO_EXPERT_REVIEW_BELOW == 40  # R15 少于40家则全部提交专家评审
    assert rules.PUBLICITY_WORKING_DAYS == 5  # R16/R19 公示5个工作日
    assert rules.PASS_MARK == {1: Decimal("70"), 2: Decimal("75")}  # R17/R18
    assert rules.RECTIFICATION_MONTHS == 2  # R17/R18 2个月整改期
    assert rules.BAN_YEARS == 2  # R4/R21 2年内不得重新申报
    assert rules.SUPPORT_PER_PASSED_YEAR_YUAN == Decimal("500000")  # R19 扶持50万元
    assert rules.MAX_SUPPORTED_YEARS == 2  # R20


# -- R14 places ----------------------------------------------------------------------------------
@pytest.mark.parametrize("places", [1, 10, 20])
def test_R14_up_to_20_places_are_accepted(places):
    selection.check_places(places)


@pytest.mark.parametrize("places", [21, 30, 100])
def test_R14_R16_more_than_20_places_are_refused_whatever_the_reason(places):
    """每年认定不超过20家 / 每年评审出不超过20家: a hard cap, no typed reason lifts it."""
    with violation("R14"):
        selection.check_places(places)
    with pytest.raises(TypeError):
        selection.check_places(places, "区局党组会议决定本年度增加名额")  # there is no override any more


@pytest.mark.parametrize("places", [0, -1])
def test_R14_at_least_one_place(places):
    with violation("R14"):
        selection.check_places(places)


# -- R15 shortlisting ----------------------------------------------------------------------------
def test_R15_fewer_than_40_all_go_to_expert_review():
    scores = scores_of(range(39))  # 39 applicants, very different scores
    result = selection.shortlist(scores, places=5)
    assert result.all_go_through is True
    assert result.shortlisted == frozenset(scores)
    assert result.not_shortlisted == frozenset()
    assert result.line_score is None
    assert result.minimum == 39


def test_R15_fewer_than_40_all_go_through_even_with_one_applicant_or_none():
    assert selection.shortlist(scores_of([10]), places=20).shortlisted == {"app000"}
    empty = selection.shortlist({}, places=20)
    assert empty.all_go_through and empty.shortlisted == frozenset()


def test_R15_exactly_40_applicants_are_shortlisted_at_twice_the_places():
    scores = scores_of(range(40))  # 0 … 39, no ties
    result = selection.shortlist(scores, places=10)
    assert result.all_go_through is False
    assert result.minimum == 20
    assert len(result.shortlisted) == 20
    assert result.shortlisted == {k for k, v in scores.items() if v >= 20}
    assert result.not_shortlisted == frozenset(scores) - result.shortlisted
    assert result.line_score == Decimal(20)


def test_R15_40_applicants_and_20_places_keep_all_40():
    result = selection.shortlist(scores_of(range(40)), places=20)
    assert result.all_go_through is False
    assert len(result.shortlisted) == 40 and not result.not_shortlisted


def test_R15_counts_applicants_not_eligible_ones():
    # 45 applied, 30 passed the formal review: shortlisting applies (≥ 40 applied) even though
    # fewer than 40 are left to rank.
    scores = scores_of(range(30))
    result = selection.shortlist(scores, places=10, applied=45)
    assert result.all_go_through is False
    assert len(result.shortlisted) == 20 and result.line_score == Decimal(10)


def test_R15_39_applied_all_eligible_go_through_whatever_the_places():
    scores = scores_of(range(36))
    result = selection.shortlist(scores, places=5, applied=39)
    assert result.all_go_through is True and result.shortlisted == frozenset(scores)


def test_R15_exactly_40_applied_means_shortlisting_applies():
    scores = scores_of(range(38))
    assert selection.shortlist(scores, places=5, applied=40).all_go_through is False
    assert len(selection.shortlist(scores, places=5, applied=40).shortlisted) == 10
    assert selection.shortlist(scores, places=5, applied=39).all_go_through is True


def test_R15_ties_at_the_shortlist_line_are_all_kept():
    # 40 applicants, 10 places → at least 20; ranks 19 … 23 share the line score 50.00.
    values = [Decimal(90 - i) for i in range(18)] + [Decimal("50.00")] * 5 + [Decimal(40 - i) for i in range(17)]
    assert len(values) == 40
    scores = scores_of(values)
    result = selection.shortlist(scores, places=10)
    assert result.line_score == Decimal("50.00")
    assert len(result.shortlisted) == 23  # the ratio is a minimum, never a cap that splits a tie
    assert all(scores[k] == Decimal(50) for k in result.shortlisted if scores[k] < 72)
    assert all(scores[k] < Decimal(50) for k in result.not_shortlisted)


def test_R15_tie_just_below_the_line_is_not_kept():
    values = [Decimal(100 - i) for i in range(20)] + [Decimal("80.99")] * 20  # line at rank 20 = 81
    result = selection.shortlist(scores_of(values), places=10)
    assert len(result.shortlisted) == 20 and result.line_score == Decimal(81)


def test_R15_everyone_tied_keeps_everyone():
    result = selection.shortlist(scores_of([Decimal("66.5")] * 45), places=10)
    assert len(result.shortlisted) == 45 and not result.not_shortlisted


@settings(max_examples=150, deadline=None)
@given(values=st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=0, max_size=70),
       places=st.integers(min_value=1, max_value=30))
def test_R15_shortlist_properties(values, places):
    scores = scores_of(values)
    result = selection.shortlist(scores, places)
    assert result.shortlisted | result.not_shortlisted == frozenset(scores)
    assert not (result.shortlisted & result.not_shortlisted)
    if len(scores) < 40:
        assert result.shortlisted == frozenset(scores)
        return
    assert len(result.shortlisted) >= min(len(scores), 2 * places)  # 不低于1:2
    if result.not_shortlisted:
        assert min(scores[k] for k in result.shortlisted) > max(scores[k] for k in result.not_shortlisted)
    # nobody is kept beyond the minimum except for a tie at the line
    above_line = [k for k in result.shortlisted if scores[k] > result.line_score]
    assert len(above_line) < 2 * places


# -- R16 selection -------------------------------------------------------------------------------
@pytest.mark.parametrize(("selected", "places"), [(0, 20), (19, 20), (20, 20), (21, 21), (5, 5)])
def test_R16_no_more_selected_than_places_is_accepted(selected, places):
    selection.check_selection(selected, places)


@pytest.mark.parametrize(("selected", "places"), [(21, 20), (6, 5), (22, 21)])
def test_R16_more_selected_than_places_is_refused(selected, places):
    with violation("R16"):
        selection.check_selection(selected, places)


# -- R15: not less than 1:2 — more may be shortlisted, never fewer ------------------------------
def test_R15_the_secretariat_may_shortlist_more_than_twice_the_places():
    scores = scores_of(range(50, 100))  # 50 applicants, all different
    base = selection.shortlist(scores, places=20)
    more = selection.shortlist(scores, places=20, at_least=45)
    assert len(base.shortlisted) == 40 and len(more.shortlisted) == 45
    assert base.shortlisted < more.shortlisted  # the same order: five more from below the line


@pytest.mark.parametrize("at_least", [39, 20, 0])
def test_R15_never_fewer_than_twice_the_places(at_least):
    with violation("R15"):
        selection.shortlist(scores_of(range(50, 100)), places=20, at_least=at_least)
