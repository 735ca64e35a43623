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
_COUNT_PREFIXES = ("共", "合计", "计")
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


# zero-width spaces, joiners, BOMs and emoji selectors (✔️) that come with text copied from web pages and Word
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f"), None)  # and emoji selectors


def _clean(text: str) -> str:
    """NFKC (full-width → half-width), invisible characters dropped, whitespace runs collapsed
    to one space, stripped."""
    return " ".join(unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).split())


# What people write in a cell to say "nothing here": a dash, a slash, "N/A".
_PLACEHOLDER_RE = re.compile(r"[-—–―_/\\.~·…]+|N/?A|不适用|空白?|略")
# What people write to say "none": for a name or a group it is no name, for a count it is 0.
_NONE_WORDS = frozenset({"无", "没有", "暂无", "无此项", "否", "NONE", "NIL"})
# A cell that says the answer is not known yet: undeclared, not an error.
_UNKNOWN_WORDS = frozenset({"待定", "不详", "未知", "待补充", "待确认", "待核实", "不清楚"})


def is_placeholder(value: object) -> bool:
    """A dash, a slash, "N/A", "不适用": the cell is empty in substance."""
    text = to_text(value) if isinstance(value, str) else None
    return text is not None and _PLACEHOLDER_RE.fullmatch(text.replace(" ", "").upper()) is not None


def means_none(value: object) -> bool:
    """A placeholder, or a word for "none" (无, 暂无, 没有)."""
    if is_placeholder(value):
        return True
    text = to_text(value) if isinstance(value, str) else None
    return text is not None and text.replace(" ", "").upper() in _NONE_WORDS


def to_optional_text(value: object) -> str | None:
    """Text, with "无", "/", "-", "N/A" read as an empty cell (an affiliation group of "无" is none)."""
    return None if means_none(value) else to_text(value)


# A remark at the end of a cell: "5人（专职）", "150万元(不含人员薪酬)", "是，单独入统分公司".
_REMARK_RE = re.compile(r"(?P<main>.+?)\s*(?:[(\[【〔](?P<inner>[^()\[\]【】〔〕]*)[)\]】〕]|[,;。]\s*(?=[^\d\s])(?P<tail>.+))$")


def split_remark(value: object) -> tuple[object, str | None]:
    """The value without a trailing remark (in brackets, or after a comma or semicolon that is
    not a thousands separator), and the remark; values that are not text come back as they are."""
    if not isinstance(value, str):
        return value, None
    text = to_text(value)
    if text is None:
        return None, None
    match = _REMARK_RE.fullmatch(text)
    if match is None:
        return text, None
    remark = match.group("inner") if match.group("inner") is not None else match.group("tail")
    return match.group("main").strip(), (remark or "").strip() or None


def remark(value: object) -> str | None:
    """The remark `split_remark` would drop (kept by the import in the application's source note)."""
    return split_remark(value)[1]


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
    return " ".join(str(value).translate(_INVISIBLE).split()).translate(_NAME_BRACKETS) or None


_ACCEPTED_BOOL = "可填是/否、有/无、Y/N、√/×"
_CHECKED = "☑■✔✓√☒●◉▣"
_UNCHECKED = "□☐○◯"
_BOX_BEFORE_RE = re.compile(rf"[{_CHECKED}]\s*(是|否|有|无)")  # ☑是 □否
_BOX_AFTER_RE = re.compile(rf"(是|否|有|无)\s*\(?\s*[{_CHECKED}]")  # 是☑ 否□, 是(√) 否( )
_LEADING_WORD_RE = re.compile(r"(是|否|有|无|Y|N|YES|NO)(?:[,;:、。!\s]|$)(?P<rest>.*)", re.IGNORECASE)
# A clause that begins with one of these says no: 未设立, 没有, 暂无, 尚未实施, 拟于明年设立.
_NO_PREFIXES = ("未", "没", "不", "非", "无", "否", "暂无", "暂未", "暂不", "尚未", "尚无", "拟", "计划", "正在", "筹建", "筹备")
_YES_PREFIXES = ("有", "是", "已")
# Answers that say yes or no and nothing more: not kept as a note
_ANSWER_WORDS = frozenset({"符合", "满足", "具备", "具有", "已有", "有的", "是的", "不是", "没有", "不符合", "不具备",
                           "正常", "健全", "良好", "完善", "合规", "异常", "失信", "不良"})
_NO_WORDS_INSIDE = ("未", "没有", "不是", "不具", "不符", "暂无", "尚无")
_YES_WORDS_INSIDE = ("已", "通过", "设有", "设立", "建立", "具有", "具备", "符合", "满足", "实施", "贯标", "认证", "担任",
                     "正常", "健全", "良好", "完善", "合规")
_NO_WORDS_EXACT = frozenset({"异常", "失信", "不良"})
# A person's name, alone or with a title: 张三, 欧阳明华, 张三 总经理, 李四（副总裁）
_PERSON_RE = re.compile(r"[\u4e00-\u9fff·]{2,5}(?:\s*[\u4e00-\u9fff]{2,8})?|[A-Za-z][A-Za-z .'-]{1,40}")


def to_bool(value: object) -> bool | None:
    return read_bool(value)[0]


def read_bool(value: object, *, names_mean_yes: bool = False) -> tuple[bool | None, str | None]:
    """A yes/no cell, and the text it said beyond yes or no (None if it said only that).

    Read leniently, as people fill forms: 是/否 and their ten spellings; "是（单独入统分公司）" or
    "否，由副总经理兼任" (the remark is kept); a ticked box "☑是 □否"; a clause that says no
    (未设立, 暂无, 尚未实施) or yes (已设立, 2024年通过认证). With `names_mean_yes`
    (who is the principal, which department) a name means yes and is kept. "待定", "不详": not
    declared (None), the text kept.
    """
    if value is None or isinstance(value, bool):
        return value, None
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value), None
    text = to_text(value)
    if text is None or is_placeholder(text):
        return None, None
    word = text.replace(" ", "").upper()
    if word in _TRUE_WORDS:
        return True, None
    if word in _FALSE_WORDS:
        return False, None
    if word in _UNKNOWN_WORDS:
        return None, text
    boxes_first = word[:1] in _CHECKED + _UNCHECKED
    ticked = {m.group(1) for m in (_BOX_BEFORE_RE if boxes_first else _BOX_AFTER_RE).finditer(word)}
    if len(ticked) == 1:  # a form's boxes, one ticked: that is all it says
        return ticked.pop() in ("是", "有"), None
    answer = _phrase_answer(word, names_mean_yes)
    if answer is None:
        raise CellError(f"无法识别为是/否：“{_shown(text)}”；{_ACCEPTED_BOOL}")
    return answer, (None if word in _ANSWER_WORDS else text)


def _phrase_answer(word: str, names_mean_yes: bool) -> bool | None:
    if word.startswith("是否") or word.startswith("有无"):
        return None  # the question copied into the answer
    main, _remark = split_remark(word)
    main = str(main or "")
    if main in _TRUE_WORDS or main in _FALSE_WORDS:
        return main in _TRUE_WORDS
    leading = _LEADING_WORD_RE.fullmatch(main)
    if leading is not None:
        return leading.group(1).upper() in ("是", "有", "Y", "YES")
    if main.startswith(_NO_PREFIXES) or main in _NO_WORDS_EXACT:
        return False
    if main.startswith(_YES_PREFIXES):
        return True
    if names_mean_yes and _PERSON_RE.fullmatch(main):
        return True
    if any(w in main for w in _NO_WORDS_INSIDE):
        return False
    if any(w in main for w in _YES_WORDS_INSIDE):
        return True
    if names_mean_yes and re.search(r"[\u4e00-\u9fffA-Za-z]{2}", main) and not main.isdigit():
        return True
    return None


_ACCEPTED_INT = "可填整数，如5或5人"


def to_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError(f"应为整数：“{value}”；{_ACCEPTED_INT}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f"应为整数：“{_shown(value)}”；{_ACCEPTED_INT}")
    text = to_text(value)
    if text is None or is_placeholder(text):
        return None
    main, _remark = split_remark(text)
    digits = str(main).replace(" ", "").rstrip(_COUNT_SUFFIXES)
    for prefix in _COUNT_PREFIXES:
        digits = digits.removeprefix(prefix)
    match = _INTEGER_RE.fullmatch(digits)
    if match is None:
        raise CellError(f"应为整数：“{_shown(text)}”；{_ACCEPTED_INT}")
    return int(match.group(1).replace(",", ""))


def to_count(value: object) -> int | None:
    """A number of people, patents, …: an integer that cannot be negative; "无" is 0."""
    if means_none(value) and not is_placeholder(value):
        return 0
    number = to_int(value)
    if number is not None and number < 0:
        raise CellError(f"不能为负数：{number}；人数、件数应为0或正整数")
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
    return read_amount(value, header_unit)[0]


def read_amount(value: object, header_unit: Decimal | None = None) -> tuple[Decimal | None, bool]:
    """The amount in yuan, and whether a bare number was read in yuan against its column's unit:
    1,500,000 in a 万元 column would be 150亿元, so it is the yuan the person wrote."""
    number, unit = _amount_parts(value)
    if number is None:
        return None, False
    if unit is not None:
        return _plausible(number * unit), False
    if header_unit is None:
        return _plausible(number * _guessed_unit(number)), False
    if header_unit > YUAN and number * header_unit > MAX_PLAUSIBLE_YUAN and TEN_THOUSAND_YUAN <= number:
        return _plausible(number), True
    return _plausible(number * header_unit), False


_ACCEPTED_AMOUNT = "可填如150万元、1,500,000元或1500000（未写单位的按列标题所注单位）"
_AMOUNT_SUFFIXES = ("整", "/年度", "/年", "每年", "/每年", "人民币", "RMB", "CNY")


def _amount_parts(value: object) -> tuple[Decimal | None, Decimal | None]:
    """The number and the unit stated in the cell (None if none stated)."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        raise CellError(f"无法识别的金额：“{value}”；{_ACCEPTED_AMOUNT}")
    if isinstance(value, int | float | Decimal):
        return _decimal(value), None
    text = to_text(value)
    if text is None or is_placeholder(text):
        return None, None
    if means_none(text):
        return Decimal(0), None
    main, note = split_remark(text)
    compact = str(main).replace(" ", "").upper()
    for prefix in _MONEY_PREFIXES:
        compact = compact.removeprefix(prefix)
    previous = None
    while previous != compact:  # 150万元人民币/年
        previous = compact
        for suffix in _AMOUNT_SUFFIXES:
            compact = compact.removesuffix(suffix)
    match = _AMOUNT_RE.fullmatch(compact)
    if match is None:
        raise CellError(f"无法识别的金额：“{_shown(text)}”；{_ACCEPTED_AMOUNT}")
    number = Decimal(match.group(1).replace(",", ""))
    unit_word = match.group(2) or _unit_remark(note)
    return number, (_AMOUNT_UNITS[unit_word] if unit_word else None)


def _unit_remark(note: str | None) -> str | None:
    """"150（万元）": a remark that is only a unit is the unit."""
    if note is None:
        return None
    word = note.replace(" ", "").removeprefix("单位").lstrip(":")
    return word if word in _AMOUNT_UNITS else None


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
    if text is None or is_placeholder(text):
        return None
    return _date_from_text(text)


def _from_serial(serial: float) -> date:
    if not math.isfinite(serial) or not _FIRST_SAFE_SERIAL <= serial < 2958466:
        raise CellError(f"无法识别的日期：{_shown(serial)}")
    return _in_range(_EXCEL_EPOCH + timedelta(days=int(serial)))


_ACCEPTED_DATE = "可填如2025-04-01、2025/4/1、2025.4.1、2025年4月1日或20250401"
_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0, "o": 0, "两": 2}
_CN_NUMBER_RE = re.compile("[〇○零一二两三四五六七八九十]+")
_MONTHS = {name: i for i, name in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_MONTH_NAME = r"([A-Z]{3})[A-Z]*\.?"
_NAMED_MONTH_PATTERNS = (  # what Excel shows in an English locale: 1-Apr-2025, Apr 1, 2025, 1 April 2025
    re.compile(rf"(\d{{1,2}})[-\s]?{_MONTH_NAME}[-\s,]*(\d{{4}})"),
    re.compile(rf"{_MONTH_NAME}[-\s]?(\d{{1,2}}),?[-\s]?(\d{{4}})"),
)
_YEAR_LAST_RE = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")


def _chinese_numerals(text: str) -> str:
    """二〇二五年四月一日 → 2025年4月1日: year digit by digit, month and day with 十."""

    def number(match: re.Match[str]) -> str:
        run = match.group(0)
        if "十" not in run:
            return "".join(str(_CN_DIGITS[ch]) for ch in run)
        tens, _, units = run.partition("十")
        if len(tens) > 1 or len(units) > 1:
            return run
        return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0))

    return _CN_NUMBER_RE.sub(number, text)


def _date_from_text(text: str) -> date:
    main, _remark = split_remark(text)  # 2025年4月1日（星期二）
    compact = _TIME_SUFFIX_RE.sub("", str(main)).replace(" ", "").replace("。", ".").rstrip(".")
    compact = compact.replace("号", "日")
    if "年" in compact:
        compact = _chinese_numerals(compact)
    if _SERIAL_TEXT_RE.fullmatch(compact):
        return _from_serial(float(compact))  # a serial number stored as text
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(compact)
        if match:
            year, month, day = (int(part) for part in match.groups() if part.isdigit())
            return _valid_date(year, month, day, text)
    upper = compact.upper()
    for index, pattern in enumerate(_NAMED_MONTH_PATTERNS):
        match = pattern.fullmatch(upper)
        if match and match.group(2 - index) in _MONTHS:
            day = int(match.group(1 + index))
            return _valid_date(int(match.group(3)), _MONTHS[match.group(2 - index)], day, text)
    match = _YEAR_LAST_RE.fullmatch(compact)
    if match:
        return _year_last(int(match.group(1)), int(match.group(3)), int(match.group(4)), text)
    if re.fullmatch(r"\d{4}[-/.年]\d{1,2}月?", compact):
        raise CellError(f"日期缺少日：“{_shown(text)}”；{_ACCEPTED_DATE}")
    raise CellError(f"无法识别的日期：“{_shown(text)}”；{_ACCEPTED_DATE}")


def _year_last(first: int, second: int, year: int, text: str) -> date:
    """4/15/2025 or 15/4/2025: readable only when one order is impossible (or both agree)."""
    readings = {(m, d) for m, d in ((first, second), (second, first)) if 1 <= m <= 12 and 1 <= d <= 31}
    if len(readings) != 1:
        raise CellError(f"日期“{_shown(text)}”的月、日次序不明；{_ACCEPTED_DATE}")
    month, day = readings.pop()
    return _valid_date(year, month, day, text)


def _valid_date(year: int, month: int, day: int, text: str) -> date:
    try:
        day_value = date(year, month, day)
    except ValueError as exc:
        raise CellError(f"日期不存在：“{_shown(text)}”；{_ACCEPTED_DATE}") from exc
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
