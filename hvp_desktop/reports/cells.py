"""Normalisers for the values people type into spreadsheet cells.

Each takes a raw cell value (as openpyxl gives it: None, str, int, float, bool, datetime)
and returns a clean Python value, None for an empty cell, or raises CellError with a short
Chinese reason. No openpyxl needed here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

YUAN = Decimal(1)
THOUSAND_YUAN = Decimal(1000)
TEN_THOUSAND_YUAN = Decimal(10000)
HUNDRED_MILLION_YUAN = Decimal(100000000)
# 10亿元: above this a unit was surely mistaken
MAX_PLAUSIBLE_YUAN = Decimal(1000000000)

MIN_DATE_YEAR = 1950  # an earlier "date" is a number typed in the wrong column
MAX_DATE_YEAR = 2100
MIN_CALL_YEAR = 2000
MAX_CALL_YEAR = 2100

# serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
_EXCEL_EPOCH = date(1899, 12, 30)
_FIRST_SAFE_SERIAL = 61  # 1900-03-01: before it Excel's 1900 leap-year bug shifts dates

_TRUE_WORDS = frozenset({"是", "Y", "YES", "√", "✓", "✔", "有", "对", "TRUE", "1"})
_FALSE_WORDS = frozenset({"否", "N", "NO", "×", "✗", "✘", "无", "错", "FALSE", "0"})

_COUNT_SUFFIXES = "人名位个件项家篇"
_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_INTEGER_RE = re.compile(r"(-?(?:\d{1,3}(?:,\d{3})+|\d+))(?:\.0+)?")
_AMOUNT_RE = re.compile(rf"({_NUMBER})(亿元|亿|万元|万|千元|元)?")
_AMOUNT_UNITS = {
    "亿元": HUNDRED_MILLION_YUAN,
    "亿": HUNDRED_MILLION_YUAN,
    "万元": TEN_THOUSAND_YUAN,
    "万": TEN_THOUSAND_YUAN,
    "千元": THOUSAND_YUAN,
    "元": YUAN,
}
_HEADER_UNIT_RE = re.compile(r"亿元|万元|千元|元")
_MONEY_PREFIXES = ("人民币", "RMB", "CNY", "¥")

_DATE_PATTERNS = (
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_TIME_SUFFIX_RE = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SERIAL_TEXT_RE = re.compile(r"\d{5}(?:\.\d+)?")
_YEAR_RE = re.compile(r"(\d{4})(?:年度|年)?")


class CellError(ValueError):
    """Why a cell value cannot be read (message in Chinese, short enough for a table cell)."""


def _shown(value: object) -> str:
    """The value as quoted in an error message, cut so a message stays one line."""
    text = str(value)
    return text if len(text) <= 20 else text[:20] + "…"


def _clean(text: str) -> str:
    """NFKC (full-width → half-width), whitespace runs collapsed to one space, stripped."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def to_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number arrives as 13800138000.0
    elif isinstance(value, datetime) and value.time() == datetime.min.time():
        value = value.date()
    if isinstance(value, date):
        value = value.isoformat()
    return _clean(str(value)) or None


_NAME_BRACKETS = str.maketrans({"(": "（", ")": "）"})


def to_name(value: object) -> str | None:
    """An organisation's name as registered: no NFKC (it would turn the registered full-width
    brackets （） into ASCII), only whitespace runs collapsed and ASCII brackets made full-width, so
    "某某（黄埔）有限公司" and "某某(黄埔)有限公司" are the same name."""
    if value is None:
        return None
    return " ".join(str(value).split()).translate(_NAME_BRACKETS) or None


def to_bool(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = to_text(value)
    if text is None:
        return None
    word = text.replace(" ", "").upper()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise CellError(f"无法识别为是/否：{_shown(text)}")


def to_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"应为整数：{value}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f"应为整数：{_shown(value)}")
    text = to_text(value)
    if text is None:
        return None
    digits = text.replace(" ", "").rstrip(_COUNT_SUFFIXES)
    match = _INTEGER_RE.fullmatch(digits)
    if match is None:
        raise CellError(f"应为整数：{_shown(text)}")
    return int(match.group(1).replace(",", ""))


def to_count(value: object) -> int | None:
    """A number of people, patents, …: an integer that cannot be negative."""
    number = to_int(value)
    if number is not None and number < 0:
        raise CellError(f"不能为负数：{number}")
    return number


def unit_from_header(header: str | None) -> Decimal | None:
    """The yuan per unit a column header states, e.g. '经费（万元）' → 10000; None if it states none."""
    if not header:
        return None
    match = _HEADER_UNIT_RE.search(unicodedata.normalize("NFKC", header))
    return _AMOUNT_UNITS[match.group(0)] if match else None


def to_amount(value: object, header_unit: Decimal | None = None) -> Decimal | None:
    """An amount in RMB yuan.

    A number without a unit takes `header_unit`; without one either, a number below 10000
    is read as 万元 (nobody budgets less than 1万元 for a year of IP work) and a larger one as 元.
    """
    number, unit = _amount_parts(value)
    if number is None:
        return None
    if unit is None:
        unit = header_unit if header_unit is not None else _guessed_unit(number)
    return _plausible(number * unit)


def _amount_parts(value: object) -> tuple[Decimal | None, Decimal | None]:
    """The number and the unit stated in the cell (None if none stated)."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        raise CellError(f"无法识别的金额：{value}")
    if isinstance(value, int | float | Decimal):
        return _decimal(value), None
    text = to_text(value)
    if text is None:
        return None, None
    compact = text.replace(" ", "").upper()
    for prefix in _MONEY_PREFIXES:
        compact = compact.removeprefix(prefix)
    match = _AMOUNT_RE.fullmatch(compact)
    if match is None:
        raise CellError(f"无法识别的金额：{_shown(text)}")
    number = Decimal(match.group(1).replace(",", ""))
    unit = _AMOUNT_UNITS[match.group(2)] if match.group(2) else None
    return number, unit


def _decimal(number: float | Decimal) -> Decimal:
    if isinstance(number, float):
        if not math.isfinite(number):
            raise CellError(f"无法识别的金额：{number}")
        # repr is the shortest exact spelling: 1.1 stays 1.1
        return Decimal(repr(number))
    return Decimal(number)


def _guessed_unit(number: Decimal) -> Decimal:
    return TEN_THOUSAND_YUAN if abs(number) < TEN_THOUSAND_YUAN else YUAN


def _plausible(yuan: Decimal) -> Decimal:
    if not Decimal(0) <= yuan <= MAX_PLAUSIBLE_YUAN:
        raise CellError(f"金额{_plain(yuan)}元不在合理范围（0至10亿元），请检查单位是万元还是元")
    # Yuan are kept to the fen; float noise from formulas (0.1 + 0.2) goes with it.
    return _tidy(yuan.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _tidy(yuan: Decimal) -> Decimal:
    """Same value, spelt without exponent or useless trailing zeros: 1000000, 1234.5."""
    if yuan == yuan.to_integral_value():
        return yuan.quantize(YUAN)
    return yuan.normalize()


def _plain(number: Decimal) -> str:
    return f"{number:,f}"


def to_date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"无法识别的日期：{value}")
    if isinstance(value, datetime):
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    if isinstance(value, int) and 10000000 <= value <= 99999999:
        return _date_from_text(str(value))  # 20250301 typed as a number
    if isinstance(value, int | float):
        return _from_serial(value)
    text = to_text(value)
    if text is None:
        return None
    return _date_from_text(text)


def _from_serial(serial: float) -> date:
    if not math.isfinite(serial) or not _FIRST_SAFE_SERIAL <= serial < 2958466:
        raise CellError(f"无法识别的日期：{_shown(serial)}")
    return _in_range(_EXCEL_EPOCH + timedelta(days=int(serial)))


def _date_from_text(text: str) -> date:
    compact = _TIME_SUFFIX_RE.sub("", text).replace(" ", "")
    if _SERIAL_TEXT_RE.fullmatch(compact):
        return _from_serial(float(compact))  # a serial number stored as text
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(compact)
        if match:
            year, month, day = (int(part) for part in match.groups() if part.isdigit())
            return _valid_date(year, month, day, text)
    raise CellError(f"无法识别的日期：{_shown(text)}，应如2025-03-01")


def _valid_date(year: int, month: int, day: int, text: str) -> date:
    try:
        day_value = date(year, month, day)
    except ValueError as exc:
        raise CellError(f"日期不存在：{_shown(text)}") from exc
    return _in_range(day_value)


def _in_range(day: date) -> date:
    if not MIN_DATE_YEAR <= day.year <= MAX_DATE_YEAR:
        raise CellError(f"日期{day.isoformat()}不在合理范围，请检查")
    return day


def to_year(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool | date):
        raise CellError(f"应为四位年份，如2025：{_shown(value)}")
    if isinstance(value, int | float):
        if not float(value).is_integer():
            raise CellError(f"应为四位年份，如2025：{_shown(value)}")
        return _call_year(int(value))
    text = to_text(value)
    if text is None:
        return None
    match = _YEAR_RE.fullmatch(text.replace(" ", ""))
    if match is None:
        raise CellError(f"应为四位年份，如2025：{_shown(text)}")
    return _call_year(int(match.group(1)))


def _call_year(year: int) -> int:
    if not MIN_CALL_YEAR <= year <= MAX_CALL_YEAR:
        raise CellError(f"年份{year}不在合理范围（{MIN_CALL_YEAR}至{MAX_CALL_YEAR}）")
    return year
