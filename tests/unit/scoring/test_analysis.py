"""The chair's view of a round (scoring/analysis.py, scoring/ranking.py) against independent
computations: ties at the places line (R16), the pass marks (R17, R18), the shortlist line (R15),
the flags that ask for a written word, each expert's leniency, Kendall's W and the sensitivity
of the line to the method. Expected values are worked out here by hand or with Fractions.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvp_desktop.domain import rules
from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.analysis import Flag, FlagKind, Settings, analyse, criterion_flag, leniency
from hvp_desktop.scoring.ranking import (
    Line,
    LineKind,
    rank,
    rank_by_pass_mark,
    rank_by_places,
    rank_by_shortlist,
    sensitivity,
)
from tests.by_hand import by_hand, half_up, pairwise_w_by_hand

D = Decimal
F = Fraction
PROPERTY = settings(max_examples=100, deadline=None)




def inside(ranking) -> list[int]:
    return [e.application for e in ranking.entries if e.inside]


def twenty_one_with_a_tie_at_20_and_21() -> dict[int, Decimal]:
    """Applications 1…19 at 90, 89, …, 72; applications 20 and 21 both at 65.50; 22 at 60."""
    scores = {a: D(91 - a) for a in range(1, 20)}
    scores.update({20: D("65.50"), 21: D("65.50"), 22: D("60")})
    return scores


# -- ties at the places line (R16) -----------------------------------------------------------------
def test_R16_two_equal_at_places_20_and_21_are_left_to_the_chair():
    ranking = rank_by_places(twenty_one_with_a_tie_at_20_and_21(), 20)
    assert ranking.unresolved_at_line == [20, 21]
    by_app = {e.application: e for e in ranking.entries}
    assert by_app[20].rank == by_app[21].rank == 20 and by_app[22].rank == 22
    assert not ranking.chair_order_applied


def test_R16_the_named_sections_break_a_tie_at_the_line():
    keys = {20: [D("25.00")], 21: [D("27.50")]}
    ranking = rank_by_places(twenty_one_with_a_tie_at_20_and_21(), 20, tie_keys=keys)
    assert ranking.unresolved_at_line == []
    by_app = {e.application: e for e in ranking.entries}
    assert (by_app[21].rank, by_app[21].inside) == (20, True)
    assert (by_app[20].rank, by_app[20].inside) == (21, False)


def test_R16_the_second_tie_key_counts_only_when_the_first_is_equal():
    keys = {20: [D("25"), D("9")], 21: [D("25"), D("8")]}
    ranking = rank_by_places(twenty_one_with_a_tie_at_20_and_21(), 20, tie_keys=keys)
    assert 20 in inside(ranking) and 21 not in inside(ranking) and ranking.unresolved_at_line == []
    equal = rank_by_places(twenty_one_with_a_tie_at_20_and_21(), 20, tie_keys={20: [D("25"), D("8")],
                                                                               21: [D("25"), D("8")]})
    assert equal.unresolved_at_line == [20, 21]


def test_R16_the_chair_order_places_exactly_the_tied_group():
    ranking = rank_by_places(twenty_one_with_a_tie_at_20_and_21(), 20, chair_order=[21, 20])
    assert ranking.chair_order_applied and ranking.unresolved_at_line == []
    by_app = {e.application: e for e in ranking.entries}
    assert (by_app[21].rank, by_app[21].inside, by_app[21].chair_placed) == (20, True, True)
    assert (by_app[20].rank, by_app[20].inside, by_app[20].chair_placed) == (21, False, True)
    assert not by_app[19].chair_placed and by_app[22].rank == 22


@pytest.mark.parametrize("stale", [[20, 22], [5, 6], [19, 20, 21], [21], []])
def test_R16_a_chair_order_naming_other_applications_is_ignored(stale):
    ranking = rank_by_places(twenty_one_with_a_tie_at_20_and_21(), 20, chair_order=stale)
    assert not ranking.chair_order_applied
    assert ranking.unresolved_at_line == [20, 21]
    assert not any(e.chair_placed for e in ranking.entries)


def test_R16_a_three_way_tie_across_the_line_needs_all_three_in_the_chair_order():
    scores = {1: D("90"), 2: D("80"), 3: D("80"), 4: D("80"), 5: D("70")}
    assert rank_by_places(scores, 2).unresolved_at_line == [2, 3, 4]
    assert rank_by_places(scores, 2, chair_order=[4, 2]).unresolved_at_line == [2, 3, 4]
    decided = rank_by_places(scores, 2, chair_order=[4, 2, 3])
    assert inside(decided) == [1, 4] and [e.rank for e in decided.entries] == [1, 2, 3, 4, 5]


def test_R16_a_tie_inside_or_below_the_line_is_no_matter_for_the_chair():
    scores = {1: D("90"), 2: D("90"), 3: D("80"), 4: D("70"), 5: D("70")}
    ranking = rank_by_places(scores, 3)
    assert ranking.unresolved_at_line == [] and inside(ranking) == [1, 2, 3]
    assert [e.rank for e in ranking.entries] == [1, 1, 3, 4, 4]


def test_R16_with_places_for_everyone_no_one_is_tied_out():
    scores = {1: D("80"), 2: D("80")}
    assert rank_by_places(scores, 2).unresolved_at_line == [] and inside(rank_by_places(scores, 5)) == [1, 2]


scores_strategy = st.dictionaries(st.integers(1, 40), st.sampled_from([D("70"), D("75.5"), D("80"), D("80.25"),
                                                                       D("91")]), min_size=1, max_size=30)


@PROPERTY
@given(scores_strategy, st.integers(1, 25))
def test_R16_the_places_line_against_a_direct_count(scores, places):
    ranking = rank_by_places(scores, places)
    ordered = sorted(scores.values(), reverse=True)
    assert len(inside(ranking)) == min(places, len(scores))
    for e in ranking.entries:
        assert e.rank == 1 + sum(1 for v in scores.values() if v > e.score)
    if places < len(scores) and ordered[places - 1] == ordered[places]:
        line = ordered[places]
        assert sorted(ranking.unresolved_at_line) == sorted(a for a, v in scores.items() if v == line)
    else:
        assert ranking.unresolved_at_line == []
        kept = {a for a, _v in sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:places]}
        assert set(inside(ranking)) == kept


# -- tie keys come from the sections, aggregated by the round's method ------------------------------
SECTIONS = {"A": ["A1", "A2"], "B": ["B1", "B2"]}
MAXIMA = {"A1": D("40"), "A2": D("20"), "B1": D("30"), "B2": D("10")}


def points(a1, a2, b1, b2) -> dict[str, Decimal]:
    return {"A1": D(a1), "A2": D(a2), "B1": D(b1), "B2": D(b2)}


def test_R16_tie_keys_are_the_section_subtotals_by_the_method():
    sheets = {
        1: {1: points(30, 15, 25, 8), 2: points(30, 15, 25, 8), 3: points(30, 15, 25, 8)},  # 78
        2: {1: points(28, 14, 24, 7), 2: points(29, 14, 23, 7), 3: points(27, 15, 25, 6)},  # 73, 73, 73
        3: {1: points(26, 16, 24, 7), 2: points(25, 15, 26, 7), 3: points(27, 17, 22, 7)},  # 73, 73, 73
    }
    unbroken = analyse(sheets, Line.places_line(2), Settings(Method.MEAN))
    assert unbroken.unresolved_at_line == [2, 3]
    by_b = analyse(sheets, Line.places_line(2), Settings(Method.MEAN, tie_breaks=("B",)), sections=SECTIONS)
    rows = {r.application: r for r in by_b.rows}
    # B subtotals: application 2: 31, 30, 31 → 30.67; application 3: 31, 33, 29 → 31.00
    assert rows[2].tie_keys == (D("30.67"),) and rows[3].tie_keys == (D("31.00"),)
    assert by_b.unresolved_at_line == [] and rows[3].inside and not rows[2].inside
    by_a = analyse(sheets, Line.places_line(2), Settings(Method.MEAN, tie_breaks=("A",)), sections=SECTIONS)
    # A subtotals: application 2: 42, 43, 42 → 42.33; application 3: 42, 40, 44 → 42.00
    assert [r.application for r in by_a.rows if r.inside] == [1, 2]
    median = analyse(sheets, Line.places_line(2), Settings(Method.MEDIAN, tie_breaks=("A",)), sections=SECTIONS)
    # by the median both A subtotals are 42: still tied for the chair
    assert median.unresolved_at_line == [2, 3]


def test_R16_a_section_unknown_to_the_rubric_breaks_no_tie():
    sheets = {1: {1: points(30, 15, 25, 8)}, 2: {1: points(30, 15, 25, 8)}}
    result = analyse(sheets, Line.places_line(1), Settings(Method.MEAN, tie_breaks=("Z",)), sections=SECTIONS)
    assert result.unresolved_at_line == [1, 2]


# -- the pass marks (R17, R18) ---------------------------------------------------------------------
def single(total: str) -> dict[str, Decimal]:
    return {"T": D(total)}


def test_R17_R18_pass_mark_lines_name_their_rule_and_mark():
    assert (Line.pass_mark_line(1).rule, Line.pass_mark_line(1).pass_mark) == ("R17", D("70"))
    assert (Line.pass_mark_line(2).rule, Line.pass_mark_line(2).pass_mark) == ("R18", D("75"))
    assert (Line.places_line(20).rule, Line.shortlist_line(20).rule) == ("R16", "R15")


def test_R17_a_mean_of_69_995_rounds_to_70_00_and_passes():
    sheets = {
        1: {1: single("69.99"), 2: single("70.00")},  # 69.995 → 70.00: passes
        2: {1: single("69.99"), 2: single("69.99"), 3: single("70.00")},  # 69.9933 → 69.99: fails
        3: {1: single("70"), 2: single("70")},  # 70.00: passes, the mark included
    }
    result = analyse(sheets, Line.pass_mark_line(1), Settings(Method.MEAN))
    rows = {r.application: (r.score, r.inside) for r in result.rows}
    assert rows == {1: (D("70.00"), True), 2: (D("69.99"), False), 3: (D("70.00"), True)}
    assert result.unresolved_at_line == []  # a pass mark ties no one out
    assert all(rules.passes(1, r.score) is r.inside for r in result.rows)


def test_R18_a_mean_of_74_995_rounds_to_75_00_and_passes():
    sheets = {1: {1: single("74.99"), 2: single("75.00")}, 2: {1: single("74.99"), 2: single("74.99")}}
    result = analyse(sheets, Line.pass_mark_line(2), Settings(Method.MEAN))
    assert {r.application: (r.score, r.inside) for r in result.rows} == {1: (D("75.00"), True),
                                                                         2: (D("74.99"), False)}


def test_R17_the_trimmed_mean_of_five_meets_the_mark():
    # 40 and 95 dropped: (69.5 + 70 + 70.5) / 3 = 70.00 passes; the plain mean 69.10 would fail
    sheets = {1: {e: single(t) for e, t in enumerate(["40", "69.5", "70", "70.5", "95"], 1)}}
    assert analyse(sheets, Line.pass_mark_line(1), Settings(Method.TRIMMED_MEAN)).rows[0].inside
    assert not analyse(sheets, Line.pass_mark_line(1), Settings(Method.MEAN)).rows[0].inside


@PROPERTY
@given(st.dictionaries(st.integers(1, 20), st.integers(6900, 7600).map(lambda n: D(n) / 100), min_size=1),
       st.sampled_from([1, 2]))
def test_R17_R18_everyone_at_or_above_the_mark_passes(scores, year):
    ranking = rank(scores, Line.pass_mark_line(year))
    assert set(inside(ranking)) == {a for a, v in scores.items() if v >= rules.PASS_MARK[year]}
    assert ranking == rank_by_pass_mark(scores, rules.PASS_MARK[year])


# -- the shortlist line (R15) ----------------------------------------------------------------------
def test_R15_at_least_twice_the_places_and_ties_at_the_line_kept():
    scores = {a: D(100 - a) for a in range(1, 41)}  # 40 applicants: 99, 98, …, 60
    ranking = rank_by_shortlist(scores, places=5)
    assert inside(ranking) == list(range(1, 11))  # 2 × 5
    scores[11] = scores[10]  # the 11th ties the 10th
    assert set(inside(rank_by_shortlist(scores, places=5))) == set(range(1, 12))
    assert Line.shortlist_line(5).kind == LineKind.SHORTLIST


def test_R15_fewer_than_40_applicants_all_go_through():
    scores = {a: D(100 - a) for a in range(1, 40)}  # 39
    assert len(inside(rank_by_shortlist(scores, places=5))) == 39


def test_R15_counts_who_applied_not_who_passed_the_formal_review():
    scores = {a: D(100 - a) for a in range(1, 36)}  # 35 eligible of 40 who applied
    assert len(inside(rank_by_shortlist(scores, places=5))) == 35
    assert inside(rank_by_shortlist(scores, places=5, applied=40)) == list(range(1, 11))
    assert inside(rank(scores, Line.shortlist_line(5, applied=40))) == list(range(1, 11))


@PROPERTY
@given(st.lists(st.sampled_from([D(v) for v in range(50, 60)]), min_size=40, max_size=60).map(
    lambda values: dict(enumerate(values, 1))), st.integers(1, 20))
def test_R15_the_shortlist_against_a_direct_count(scores, places):
    kept = set(inside(rank_by_shortlist(scores, places)))
    minimum = min(len(scores), 2 * places)
    assert len(kept) >= minimum
    lowest_kept = min(scores[a] for a in kept)
    assert all(scores[a] < lowest_kept for a in scores if a not in kept)  # ties at the line all kept
    assert sum(1 for v in scores.values() if v > lowest_kept) < minimum  # no one more than needed


# -- the flags -------------------------------------------------------------------------------------
def test_a_total_more_than_15_from_the_others_is_flagged_on_the_expert():
    sheets = {7: {1: single("80"), 2: single("82"), 3: single("81"), 4: single("83"), 5: single("60")}}
    result = analyse(sheets, Line.places_line(1), Settings(Method.TRIMMED_MEAN), maxima={"T": D("100")})
    # 60 − (80 + 82 + 81 + 83) / 4 = 60 − 81.5 = −21.5; 83 − 75.75 = 7.25 is within the margin
    assert result.flags == [Flag(7, 5, FlagKind.TOTAL, D("-21.50"))]
    assert analyse(sheets, Line.places_line(1), Settings(Method.MEAN, margin=D("25")), maxima={"T": D("100")}).flags \
        == []


def test_the_criterion_flag_names_the_expert_furthest_off_on_the_most_disputed_criterion():
    sheets = {
        3: {1: points(30, 15, 20, 5), 2: points(31, 15, 21, 5), 3: points(32, 4, 22, 6)},
    }
    # ranges: A1 2, A2 11, B1 2, B2 1; A2's 11 is more than half its 20 points
    # expert 3 on A2: 4 − (15 + 15) / 2 = −11; experts 1 and 2: 15 − 9.5 = 5.5
    flag = criterion_flag(3, sheets[3], MAXIMA)
    assert flag == Flag(3, 3, FlagKind.CRITERION, D("-11.00"), "A2")
    result = analyse(sheets, Line.places_line(1), maxima=MAXIMA)
    assert result.flags == [flag]  # totals 70, 72, 64: no total flag
    difference = result.rows[0].biggest_difference
    assert (difference.criterion, difference.range, difference.high, difference.low) == ("A2", D("11"), 1, 3)


def test_a_criterion_range_of_exactly_half_its_maximum_is_not_flagged():
    sheets = {1: points(30, 15, 20, 5), 2: points(31, 15, 21, 5), 3: points(32, 5, 22, 6)}  # A2 range 10 = 20 / 2
    assert criterion_flag(3, sheets, MAXIMA) is None


def test_two_experts_are_never_flagged():
    two = {1: points(40, 20, 30, 10), 2: points(0, 0, 0, 0)}
    assert criterion_flag(1, two, MAXIMA) is None
    assert analyse({1: two}, Line.places_line(1), maxima=MAXIMA).flags == []


def test_the_criterion_flag_looks_at_the_criterion_the_experts_differ_most_on():
    # A1 differs by 15 points (not more than 20 of 40); A2 by 11 (more than 10 of 20) but less than A1
    sheets = {1: points(20, 15, 20, 5), 2: points(35, 15, 21, 5), 3: points(30, 4, 22, 6)}
    assert criterion_flag(1, sheets, MAXIMA) is None


# -- leniency --------------------------------------------------------------------------------------
def test_leniency_by_hand():
    totals = {
        1: {1: D("80"), 2: D("70"), 3: D("75")},  # +7.5, −7.5, 0
        2: {1: D("90"), 2: D("84")},  # +6, −6
        3: {3: D("88")},  # alone: no one to compare with
    }
    assert leniency(totals) == {1: D("6.75"), 2: D("-6.75"), 3: D("0.00")}


def test_leniency_rounds_an_exact_half_cent_up():
    """Each difference is kept exact (40 digits), so an exact mean of x.xx5 rounds up, once."""
    totals = {
        1: {1: D("84"), 2: D("71"), 3: D("81"), 4: D("66")},  # 84 − 218/3 = 11.3333…
        2: {1: D("80"), 2: D("69"), 3: D("82"), 4: D("62")},  # 80 − 213/3 = 9
        3: {1: D("89"), 2: D("87"), 3: D("66.54"), 4: D("62")},  # 89 − 215.54/3 = 17.15333…
        4: {1: D("67"), 2: D("75"), 3: D("94"), 4: D("70")},  # 67 − 239/3 = −12.6666…
    }
    # (34/3 + 9 + 5146/300 − 38/3) / 4 = 24.82 / 4 = 6.205 exactly: half-up gives 6.21
    exact = (F(34, 3) + 9 + F(5146, 300) - F(38, 3)) / 4
    assert exact == F("6.205")
    assert leniency(totals)[1] == D("6.21")  # got 6.20


totals_strategy = st.dictionaries(
    st.integers(1, 8), st.dictionaries(st.integers(1, 5), st.integers(0, 200).map(lambda n: D(n) / 2), max_size=5),
    max_size=8)


@PROPERTY
@given(totals_strategy)
def test_leniency_is_the_mean_of_own_total_minus_the_others_mean(totals):
    # half points: an exact mean never falls on a half cent here (see the BUG example above for cents)
    differences: dict[int, list[Fraction]] = {}
    for by_expert in totals.values():
        for expert, total in by_expert.items():
            others = [F(v) for e, v in by_expert.items() if e != expert]
            if others:
                differences.setdefault(expert, []).append(F(total) - F(sum(others)) / len(others))
    expected = {e: half_up(F(sum(d)) / len(d)) for e, d in differences.items()}
    assert leniency(totals) == expected


# -- sensitivity -----------------------------------------------------------------------------------
def test_sensitivity_an_application_crosses_the_line_under_the_median_but_not_the_mean():
    totals = {
        1: [D("90"), D("90"), D("90")],  # 90 by every method
        2: [D("70"), D("85"), D("86")],  # mean 80.33, median 85
        3: [D("82"), D("82"), D("82")],  # 82 by every method
    }
    # two places: by the mean 1 and 3 are in; by the median 1 and 2; three sheets are not trimmed
    assert sensitivity(totals, 2, Method.MEAN) == {Method.TRIMMED_MEAN: [], Method.MEDIAN: [2, 3]}
    assert sensitivity(totals, 2, Method.MEDIAN) == {Method.MEAN: [2, 3], Method.TRIMMED_MEAN: [2, 3]}
    result = analyse({a: {e: single(str(t)) for e, t in enumerate(ts, 1)} for a, ts in totals.items()},
                     Line.places_line(2), Settings(Method.MEAN))
    assert [r.application for r in result.rows if r.inside] == [1, 3]
    assert result.sensitivity == {Method.TRIMMED_MEAN: [], Method.MEDIAN: [2, 3]}


def test_sensitivity_to_the_pass_mark():
    totals = {1: [D("40"), D("69.5"), D("70"), D("70.5"), D("95")]}  # trimmed 70.00, mean 69.10, median 70.00
    assert sensitivity(totals, Line.pass_mark_line(1), Method.TRIMMED_MEAN) == {Method.MEAN: [1], Method.MEDIAN: []}


# -- the whole analysis against an independent computation -----------------------------------------
half = st.integers(0, 100).map(lambda n: D(n) / 2)
sheet_points = st.fixed_dictionaries({"A1": half, "B1": half})
round_sheets = st.dictionaries(st.integers(1, 8), st.dictionaries(st.integers(1, 5), sheet_points, min_size=1,
                                                                   max_size=5), min_size=1, max_size=8)


@PROPERTY
@given(round_sheets, st.sampled_from(list(Method)), st.integers(1, 8))
def test_the_analysis_equals_an_independent_computation(sheets, method, places):
    result = analyse(sheets, Line.places_line(places), Settings(method), applications=list(range(1, 10)))
    totals = {a: {e: p["A1"] + p["B1"] for e, p in by_expert.items()} for a, by_expert in sheets.items()}
    scores = {a: by_hand(t.values(), method) for a, t in totals.items()}
    assert {r.application: r.score for r in result.rows} == scores
    assert {r.application: r.totals for r in result.rows} == totals
    assert [r.score for r in result.rows] == sorted(scores.values(), reverse=True)
    for r in result.rows:
        assert r.rank == 1 + sum(1 for v in scores.values() if v > r.score)
        assert r.range == max(totals[r.application].values()) - min(totals[r.application].values())
    assert len([r for r in result.rows if r.inside]) == min(places, len(scores))
    assert result.without_sheets == [a for a in range(1, 10) if a not in sheets]
    expected_flags = []
    for a, t in sorted(totals.items()):
        if len(t) >= 3:
            for e, v in sorted(t.items()):
                others = [F(w) for f, w in t.items() if f != e]
                deviation = F(v) - sum(others) / len(others)
                if abs(deviation) > 15:
                    expected_flags.append((a, e, half_up(deviation)))
    assert sorted((f.application, f.expert, f.deviation) for f in result.flags if f.kind == FlagKind.TOTAL) == \
        expected_flags
    by_expert: dict[int, dict[int, Decimal]] = {}
    for a, t in totals.items():
        for e, v in t.items():
            by_expert.setdefault(e, {})[a] = v
    common = set.intersection(*(set(s) for s in by_expert.values()))
    complete = all(len(s) == len(common) for s in by_expert.values())
    if len(by_expert) < 2 or (complete and len(common) < 2):
        assert result.kendall_w is None
    elif not complete:  # compared pair by pair
        expected = pairwise_w_by_hand(by_expert)
        if expected is None:
            assert result.kendall_w is None
        else:  # both work in floats for this descriptive figure: equal to the cent either way
            assert result.kendall_w is not None and abs(float(result.kendall_w) - expected) <= 0.005 + 1e-9
    else:
        m, n = len(by_expert), len(common)
        sums = {a: F(0) for a in common}
        for s in by_expert.values():
            for a in common:
                sums[a] += sum(1 for b in common if s[b] > s[a]) + F(sum(1 for b in common if s[b] == s[a]) + 1, 2)
        spread_of_sums = sum((r - F(m * (n + 1), 2)) ** 2 for r in sums.values())
        assert result.kendall_w == half_up(12 * spread_of_sums / (m * m * (n ** 3 - n)))


def test_missing_sheets_are_reported_beside_the_counted_ones():
    sheets = {1: {1: single("80"), 2: single("82")}}
    result = analyse(sheets, Line.places_line(1), Settings(Method.MEAN), missing={1: [3]}, applications=[1, 2])
    row = result.rows[0]
    assert (row.score, row.missing, sorted(row.totals)) == (D("81.00"), (3,), [1, 2])  # not (80 + 82 + 0) / 3
    assert result.without_sheets == [2]


def test_R16_sensitivity_starts_from_the_rankings_own_line_with_the_chairs_order():
    """Both score 80.00 by the mean, tied for one place. Under the median the second (81) is ahead:
    a change only if the chair put the first inside."""
    sheets = {1: {e: {"A": D(t)} for e, t in enumerate(("70", "80", "90"))},
              2: {e: {"A": D(t)} for e, t in enumerate(("78", "81", "81"))}}
    line = Line.places_line(1)
    settings_ = Settings(Method.MEAN)
    second_first = analyse(sheets, line, settings_, chair_order=[2, 1])
    assert [r.application for r in second_first.rows if r.inside] == [2]
    assert second_first.sensitivity[Method.MEDIAN] == []
    first_first = analyse(sheets, line, settings_, chair_order=[1, 2])
    assert [r.application for r in first_first.rows if r.inside] == [1]
    assert first_first.sensitivity[Method.MEDIAN] == [1, 2]
