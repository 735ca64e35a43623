"""R16/R19 working days: entered holidays accumulate; a range spilling into the next year neither
wipes the year entered before nor makes the next year count as entered."""

from __future__ import annotations

from datetime import date

from hvp_desktop.domain.dates import parse_arrangement
from hvp_desktop.store import decisions
from hvp_desktop.store.ops import decisions as decision_ops

Y2027 = "2027-01-01 休\n2027-10-01~2027-10-07 休\n2027-10-09 班\n"


def test_R16_a_later_file_keeps_the_earlier_years_days(demo_wf):
    decision_ops.save_arrangements(demo_wf, parse_arrangement(Y2027))
    decision_ops.save_arrangements(demo_wf, parse_arrangement("2027-12-31~2028-01-02 休\n2028-02-10~2028-02-16 休\n"))
    calendar = decisions.calendar_of(demo_wf)
    assert calendar.is_working_day(date(2027, 10, 4)) == (False, None)  # still National Day
    assert calendar.is_working_day(date(2027, 10, 9)) == (True, None)  # still a make-up Saturday
    assert calendar.is_working_day(date(2028, 2, 11)) == (False, None)
    assert calendar.is_working_day(date(2028, 3, 1)) == (True, None)  # 2028 was declared: not provisional


def test_R16_a_spill_over_alone_leaves_the_next_year_provisional(demo_wf):
    decision_ops.save_arrangements(demo_wf, parse_arrangement("2026-12-31~2027-01-02 休\n"))
    calendar = decisions.calendar_of(demo_wf)
    assert calendar.is_working_day(date(2027, 1, 1)) == (False, None)  # the entered day counts …
    working, reason = calendar.is_working_day(date(2027, 3, 1))
    assert working and reason and "2027" in reason  # … but the rest of 2027 is still provisional
