"""Calendar arithmetic the rules need: months and years from a decision date, working days.

"2 years" and "2 months" run from the decision date recorded in the app (RULES.md: not stated;
this is the default). A month or year added to the 29th–31st lands on the last day of a
shorter month (2024-02-29 + 1 year = 2025-02-28).

Working days follow the Chinese statutory calendar, with make-up working weekends
(`chinesecalendar`). For a year the library does not know, the secretary's own arrangement
for that year is used; without one, weekdays are counted and every date is *provisional*.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

import chinese_calendar

from hvp_desktop.domain.limits import HOLIDAY_FILE, LimitExceeded, check_text, size_text
from hvp_desktop.domain.rules import InvalidInput


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # a statutory day off, weekday or not
    WORKDAY = "workday"  # a make-up working day on a weekend (调休上班)


@dataclass(frozen=True)
class YearArrangement:
    """A year's official holidays and make-up working days, entered by the secretary."""

    year: int
    days: Mapping[date, DayKind]
    source: str = ""
    complete: bool = True  # False when only a range spilling over from the year before reached it


@dataclass(frozen=True)
class CountedDate:
    day: date
    provisional_reason: str | None = None  # set when a year without known holidays was crossed

    @property
    def provisional(self) -> bool:
        return self.provisional_reason is not None


@dataclass
class WorkingCalendar:
    arrangements: dict[int, YearArrangement] = field(default_factory=dict)

    def knows(self, year: int) -> bool:
        if year in self.arrangements and self.arrangements[year].complete:
            return True
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def is_working_day(self, day: date) -> tuple[bool, str | None]:
        """(working?, reason the answer is provisional or None).

        A day the secretary entered decides; otherwise the library; for a year the library does
        not know, weekdays — provisional unless the secretary entered that year's arrangement.
        """
        arrangement = self.arrangements.get(day.year)
        kind = arrangement.days.get(day) if arrangement else None
        if kind is not None:
            return kind == DayKind.WORKDAY, None
        try:
            return chinese_calendar.is_workday(day), None
        except NotImplementedError:
            if arrangement is not None and arrangement.complete:
                return day.weekday() < 5, None
            return day.weekday() < 5, f"{day.year}年法定节假日安排尚未录入，按周一至周五推算（暂定）"

    def working_days_from(self, start: date, count: int) -> CountedDate:
        """The last of `count` working days counted from `start` (included if it is one).

        R16/R19: publicity "5 working days" starting on the day of publication.
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        day, found, reason = start, 0, None
        while True:
            working, why = self.is_working_day(day)
            reason = reason or why
            if working:
                found += 1
                if found == count:
                    return CountedDate(day, reason)
            day += timedelta(days=1)


FIRST_YEAR, LAST_YEAR = 2000, 2100  # a holiday file is about the programme's years (as `--round`)
MAX_RANGE_DAYS = 31  # a range a line gives: the longest statutory holiday is 8 days; a month is plenty


class ArrangementError(InvalidInput):
    """A holiday file that cannot be used (check INPUT): what is wrong and on which line, in Chinese
    and English. `limit` names the limit of `limits.HOLIDAY_FILE` it passed, if that is the trouble."""

    def __init__(self, message: str, english: str, limit: str | None = None) -> None:
        super().__init__(message, english)
        self.limit = limit


def read_arrangement(path: str | Path) -> list[YearArrangement]:
    """The secretary's holiday file (UTF-8 text, see `parse_arrangement`), read only up to its size
    limit: a huge file, or a device that never ends, is refused before it fills the memory."""
    path = Path(path)
    limits = HOLIDAY_FILE
    with path.open("rb") as stream:
        raw = stream.read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        raise ArrangementError(f"{limits.what[0]}“{path.name}”超过上限{size_text(limits.max_bytes)}",
                               f"the {limits.what[1]} '{path.name}' is over the limit of {size_text(limits.max_bytes)}",
                               "file_bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArrangementError(f"{limits.what[0]}“{path.name}”不是UTF-8编码的文本（第{exc.start + 1}个字节）",
                               f"the {limits.what[1]} '{path.name}' is not UTF-8 text (byte {exc.start + 1})") from exc
    return parse_arrangement(text, source=path.name)


def parse_arrangement(text: str, source: str = "") -> list[YearArrangement]:
    """Read the secretary's holiday file: one date or range a line, then 休 (day off) or 班 (make-up
    working day). Blank lines and lines starting with # are ignored. E.g.::

        2027-01-01~2027-01-03 休
        2027-02-06~2027-02-12 休
        2027-02-14 班

    Within `limits.HOLIDAY_FILE` (size, lines, line length); years 2000–2100; a range at most 32
    days. Anything else is an ArrangementError naming the line.
    """
    try:
        lines = check_text(text, HOLIDAY_FILE, source)
    except LimitExceeded as exc:
        raise ArrangementError(exc.zh, exc.en, exc.limit) from exc
    per_year: dict[int, dict[date, DayKind]] = {}
    declared: set[int] = set()  # years in which some line starts: the file is about them
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.replace("～", "~").split()
        if len(parts) != 2 or parts[1] not in ("休", "班"):
            raise ArrangementError(f"第{number}行：应为“日期 休”或“日期 班”，实为“{raw.strip()}”",
                                   f"line {number}: expected 'DATE 休' (day off) or 'DATE 班' (make-up working day), "
                                   f"found '{raw.strip()}'")
        kind = DayKind.HOLIDAY if parts[1] == "休" else DayKind.WORKDAY
        first, _, last = parts[0].partition("~")
        try:
            start = date.fromisoformat(first)
            end = date.fromisoformat(last) if last else start
        except ValueError as exc:
            raise ArrangementError(f"第{number}行：日期格式应为2027-01-01，实为“{parts[0]}”",
                                   f"line {number}: a date is written 2027-01-01, found '{parts[0]}'") from exc
        if not (FIRST_YEAR <= start.year <= LAST_YEAR and FIRST_YEAR <= end.year <= LAST_YEAR):
            raise ArrangementError(f"第{number}行：年份应在{FIRST_YEAR}至{LAST_YEAR}之间，实为“{parts[0]}”",
                                   f"line {number}: the year must be from {FIRST_YEAR} to {LAST_YEAR}, "
                                   f"found '{parts[0]}'")
        if end < start or (end - start).days > MAX_RANGE_DAYS:
            raise ArrangementError(f"第{number}行：日期范围不合理“{parts[0]}”（应从早到晚，最多{MAX_RANGE_DAYS + 1}天）",
                                   f"line {number}: '{parts[0]}' is no range of at most {MAX_RANGE_DAYS + 1} days, "
                                   "first day first")
        declared.add(start.year)
        for offset in range((end - start).days + 1):  # never a day past `end` (9999-12-31 + 1 overflowed)
            day = start + timedelta(days=offset)
            per_year.setdefault(day.year, {})[day] = kind
    if not per_year:
        raise ArrangementError("文件中没有任何日期", "the file holds no date")
    return [YearArrangement(year, days, source, year in declared) for year, days in sorted(per_year.items())]


def merge(arrangements: Iterable[YearArrangement]) -> WorkingCalendar:
    return WorkingCalendar({a.year: a for a in arrangements})
