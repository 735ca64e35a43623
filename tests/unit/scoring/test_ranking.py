"""Ranking with the rules' lines: places (R16), pass marks (R17/R18), ties, sensitivity."""

from __future__ import annotations

from decimal import Decimal

from hvp_desktop.scoring.aggregate import Method
from hvp_desktop.scoring.ranking import rank_by_pass_mark, rank_by_places, sensitivity

D = Decimal


def test_R16_the_first_places_are_inside_the_line():
    ranking = rank_by_places({1: D("90"), 2: D("80"), 3: D("85"), 4: D("70")}, places=2)
    assert [(e.application, e.rank, e.inside) for e in ranking.entries] == [
        (1, 1, True), (3, 2, True), (2, 3, False), (4, 4, False)]
    assert ranking.unresolved_at_line == []


def test_R16_a_tie_at_the_line_is_broken_by_section_subtotals_else_left_to_the_chair():
    scores = {1: D("90"), 2: D("80"), 3: D("80"), 4: D("70")}
    broken = rank_by_places(scores, places=2, tie_keys={2: [D("20")], 3: [D("22")]})
    assert [e.application for e in broken.entries if e.inside] == [1, 3]
    assert broken.unresolved_at_line == []
    still = rank_by_places(scores, places=2, tie_keys={2: [D("20")], 3: [D("20")]})
    assert still.unresolved_at_line == [2, 3]
    assert still.entries[1].rank == still.entries[2].rank == 2


def test_R17_R18_pass_marks_are_inclusive():
    year1 = rank_by_pass_mark({1: D("70.00"), 2: D("69.99")}, D("70"))
    assert {e.application: e.inside for e in year1.entries} == {1: True, 2: False}
    year2 = rank_by_pass_mark({1: D("75.00"), 2: D("74.99")}, D("75"))
    assert {e.application: e.inside for e in year2.entries} == {1: True, 2: False}


def test_sensitivity_shows_who_crosses_the_line_under_another_method():
    totals = {
        1: [D("90"), D("91"), D("89"), D("90"), D("90")],
        2: [D("30"), D("88"), D("88"), D("88"), D("89")],  # one harsh expert: the mean pulls it down
        3: [D("80"), D("81"), D("80"), D("80"), D("81")],
    }
    changed = sensitivity(totals, 2, method=Method.MEAN)
    assert changed[Method.TRIMMED_MEAN] == [2, 3] and changed[Method.MEDIAN] == [2, 3]
