"""Dates the rules need (domain/dates.py): 5 working days of publicity (R16, R19) on the Chinese
statutory calendar, the secretary's arrangement for years the library does not know, and the
"2 months" (R17/R18) and "2 years" (R4/R21) of the text, counted from the decision date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hvp_desktop.domain import rules
from hvp_desktop.domain.dates import (
    ArrangementError,
    DayKind,
    WorkingCalendar,
    YearArrangement,
    add_months,
    add_years,
    merge,
    parse_arrangement,
)

FIVE = rules.PUBLICITY_WORKING_DAYS

# The secretary's 2027 file (an invented arrangement, shaped like the State Council's notices).
ARRANGEMENT_2027 = """\
# 2027年节假日安排（测试用）
2027-01-01~2027-01-03 休
2027-02-06～2027-02-12 休   # 春节, full-width tilde
2027-02-14 班

2027-02-20 班
"""


# -- add_months / add_years ----------------------------------------------------------------------
@pytest.mark.parametrize(("start", "years", "expected"), [
    (date(2024, 2, 29), 1, date(2025, 2, 28)),
    (date(2024, 2, 29), 2, date(2026, 2, 28)),
    (date(2024, 2, 29), 4, date(2028, 2, 29)),
    (date(2025, 3, 10), 2, date(2027, 3, 10)),
    (date(2025, 12, 31), 2, date(2027, 12, 31)),
])
def test_R4_R21_add_years_lands_on_the_same_day_or_the_end_of_february(start, years, expected):
    assert add_years(start, years) == expected


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2025, 12, 31), 2, date(2026, 2, 28)),
    (date(2023, 12, 31), 2, date(2024, 2, 29)),
    (date(2025, 8, 31), 1, date(2025, 9, 30)),
    (date(2025, 10, 31), 2, date(2025, 12, 31)),
    (date(2025, 11, 30), 2, date(2026, 1, 30)),
    (date(2025, 11, 15), 2, date(2026, 1, 15)),
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2025, 3, 31), -1, date(2025, 2, 28)),
    (date(2025, 1, 15), -1, date(2024, 12, 15)),
    (date(2025, 6, 30), 0, date(2025, 6, 30)),
])
def test_R17_add_months_clamps_to_the_end_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), months=st.integers(-60, 60))
def test_R17_add_months_properties(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)
    years = months // 12
    assert add_years(day, years) == add_months(day, 12 * years)


# -- working days (R16, R19) ---------------------------------------------------------------------
def test_R16_publicity_across_national_day_2025_ends_on_october_9():
    # Fri 26 Sep (1), Sun 28 Sep is a make-up working day (2), 29 (3), 30 (4), 1–8 Oct off, Thu 9 Oct (5).
    end = WorkingCalendar().working_days_from(date(2025, 9, 26), FIVE)
    assert end.day == date(2025, 10, 9)
    assert not end.provisional and end.provisional_reason is None


def test_R16_publicity_from_october_10_2025_counts_the_make_up_saturday():
    # Fri 10 (1), Sat 11 Oct make-up working day (2), Sun 12 off, 13 (3), 14 (4), 15 (5).
    end = WorkingCalendar().working_days_from(date(2025, 10, 10), FIVE)
    assert end.day == date(2025, 10, 15)
    assert not end.provisional


def test_R19_make_up_days_and_holidays_of_2025_are_known():
    cal = WorkingCalendar()
    assert cal.is_working_day(date(2025, 9, 28)) == (True, None)  # Sunday, make-up
    assert cal.is_working_day(date(2025, 10, 11)) == (True, None)  # Saturday, make-up
    assert cal.is_working_day(date(2025, 10, 8)) == (False, None)  # Wednesday, holiday
    assert cal.is_working_day(date(2025, 10, 12)) == (False, None)  # ordinary Sunday


def test_R16_the_first_day_counts_when_it_is_a_working_day_and_is_skipped_when_not():
    cal = WorkingCalendar()
    assert cal.working_days_from(date(2025, 6, 9), 1).day == date(2025, 6, 9)  # Monday
    assert cal.working_days_from(date(2025, 6, 9), FIVE).day == date(2025, 6, 13)
    assert cal.working_days_from(date(2025, 6, 7), FIVE).day == date(2025, 6, 13)  # from a Saturday
    assert cal.working_days_from(date(2025, 10, 1), FIVE).day == date(2025, 10, 14)  # 9, 10, Sat 11, 13, 14


@pytest.mark.parametrize("count", [0, -5])
def test_R16_count_must_be_at_least_one(count):
    with pytest.raises(ValueError):
        WorkingCalendar().working_days_from(date(2025, 6, 9), count)


def test_R16_year_unknown_to_chinesecalendar_is_provisional_with_a_reason():
    cal = WorkingCalendar()
    assert not cal.knows(2027)
    assert cal.knows(2025)
    end = cal.working_days_from(date(2027, 2, 8), FIVE)  # Monday; weekdays only
    assert end.day == date(2027, 2, 12)
    assert end.provisional
    assert "2027" in end.provisional_reason and "暂定" in end.provisional_reason


def test_R16_crossing_into_an_unknown_year_makes_the_date_provisional():
    end = WorkingCalendar().working_days_from(date(2026, 12, 29), FIVE)  # 29, 30, 31 Dec 2026; 1, 4 Jan 2027
    assert end.day == date(2027, 1, 4)
    assert end.provisional and "2027" in end.provisional_reason


def test_R16_with_the_secretarys_arrangement_2027_is_not_provisional_and_skips_the_holidays():
    cal = merge(parse_arrangement(ARRANGEMENT_2027, source="区局通知"))
    assert cal.knows(2027)
    end = cal.working_days_from(date(2027, 2, 8), FIVE)
    # 8–12 Feb off, Sat 13 off, Sun 14 make-up (1), 15 (2), 16 (3), 17 (4), 18 (5)
    assert end.day == date(2027, 2, 18)
    assert not end.provisional
    assert cal.working_days_from(date(2026, 12, 29), FIVE).day == date(2027, 1, 5)  # 29–31 Dec, 1–3 Jan off, 4, 5
    assert not cal.working_days_from(date(2026, 12, 29), FIVE).provisional


def test_R19_arrangement_day_kinds_decide_and_other_days_are_weekdays():
    cal = merge(parse_arrangement(ARRANGEMENT_2027))
    assert cal.is_working_day(date(2027, 2, 20)) == (True, None)  # Saturday, 班
    assert cal.is_working_day(date(2027, 2, 10)) == (False, None)  # Wednesday, 休
    assert cal.is_working_day(date(2027, 3, 3)) == (True, None)  # ordinary Wednesday
    assert cal.is_working_day(date(2027, 3, 6)) == (False, None)  # ordinary Saturday


def test_R16_arrangement_for_an_unknown_year_does_not_replace_a_known_years_holidays():
    cal = merge(parse_arrangement("2026-12-31~2027-01-03 休\n2027-02-06~2027-02-12 休\n"))
    assert cal.is_working_day(date(2026, 10, 1)) == (False, None)  # library: National Day
    assert cal.working_days_from(date(2026, 9, 30), FIVE).day == WorkingCalendar().working_days_from(
        date(2026, 9, 30), FIVE).day


def test_R16_a_day_the_secretary_entered_for_a_known_year_decides_that_day_only():
    cal = merge(parse_arrangement("2026-10-09 休  # 区里另行通知"))
    assert cal.is_working_day(date(2026, 10, 9)) == (False, None)  # the entered day
    assert cal.is_working_day(date(2026, 10, 1)) == (False, None)  # library still: National Day
    assert cal.is_working_day(date(2026, 10, 12)) == (True, None)  # library still: ordinary Monday
    # 30 Sep (1), 1–7 Oct off, 8 (2), 9 entered off, Sat 10 make-up (3), 12 (4), 13 (5)
    assert cal.working_days_from(date(2026, 9, 30), FIVE).day == date(2026, 10, 13)


@settings(max_examples=100, deadline=None)
@given(start=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 1)), count=st.integers(1, 10))
def test_R16_R19_working_days_from_properties(start, count):
    cal = WorkingCalendar()
    end = cal.working_days_from(start, count)
    assert end.day >= start
    assert cal.is_working_day(end.day)[0]
    days = [start + timedelta(days=i) for i in range((end.day - start).days + 1)]
    assert sum(cal.is_working_day(d)[0] for d in days) == count
    assert not end.provisional


# -- parse_arrangement ---------------------------------------------------------------------------
def test_R16_parse_arrangement_expands_ranges_and_keeps_the_source():
    [arrangement] = parse_arrangement(ARRANGEMENT_2027, source="穗府办〔2026〕1号")
    assert isinstance(arrangement, YearArrangement)
    assert arrangement.year == 2027 and arrangement.source == "穗府办〔2026〕1号"
    holidays = sorted(d for d, k in arrangement.days.items() if k == DayKind.HOLIDAY)
    workdays = sorted(d for d, k in arrangement.days.items() if k == DayKind.WORKDAY)
    assert holidays == [date(2027, 1, d) for d in (1, 2, 3)] + [date(2027, 2, d) for d in range(6, 13)]
    assert workdays == [date(2027, 2, 14), date(2027, 2, 20)]


def test_R16_parse_arrangement_splits_a_range_across_years():
    arrangements = parse_arrangement("2027-12-31~2028-01-02 休")
    assert [a.year for a in arrangements] == [2027, 2028]
    assert list(arrangements[0].days) == [date(2027, 12, 31)]
    assert sorted(arrangements[1].days) == [date(2028, 1, 1), date(2028, 1, 2)]


@pytest.mark.parametrize(("text", "line"), [
    ("2027-01-01", 1),  # no kind
    ("2027-01-01 放假", 1),  # neither 休 nor 班
    ("2027-01-01 休 班", 1),  # three parts
    ("休 2027-01-01", 1),  # swapped
    ("# 注释\n2027-13-01 休", 2),  # no month 13
    ("2027-02-30 休", 1),
    ("27-1-1 休", 1),
    ("2027-01-05~2027-01-01 休", 1),  # reversed range
    ("2027-01-01~2027-03-01 休", 1),  # longer than a month
    ("2027-01-01 休\n\n2027/02/01 班", 3),
    ("2027-01-01~x 休", 1),
])
def test_R16_parse_arrangement_refuses_malformed_lines_naming_the_line(text, line):
    with pytest.raises(ArrangementError, match=f"第{line}行"):
        parse_arrangement(text)


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n   # 还是注释\n"])
def test_R16_parse_arrangement_refuses_a_file_without_dates(text):
    with pytest.raises(ArrangementError):
        parse_arrangement(text)


def test_R16_arrangement_error_is_a_value_error():
    assert issubclass(ArrangementError, ValueError)
