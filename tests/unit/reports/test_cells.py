"""The cell normalisers: what people type into spreadsheets, and what we make of it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hvp_desktop.domain import credit_code
from hvp_desktop.reports.cells import (
    CellError,
    read_amount,
    to_amount,
    to_bool,
    to_count,
    to_date,
    to_int,
    to_text,
    to_year,
    unit_from_header,
)

# ------------------------------------------------------------------------------ text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  广州某某科技有限公司 ", "广州某某科技有限公司"),
        ("ＡＢＣ　１２３", "ABC 123"),  # full-width letters, digits and space
        ("a \n\t b", "a b"),
        (13800138000.0, "13800138000"),
        (12, "12"),
        (datetime(2025, 3, 1), "2025-03-01"),
        (None, None),
        ("", None),
        ("　 \n", None),
    ],
)
def test_text_is_normalised(raw: object, expected: str | None) -> None:
    assert to_text(raw) == expected


# ------------------------------------------------------------------------------ booleans


@pytest.mark.parametrize(
    "raw",
    ["是", "Y", "y", "YES", "yes", "Yes", "√", "✓", "✔", "有", "对", "true", "TRUE", "1",
     " 是 ", "Ｙ", True, 1, 1.0],
)  # fmt: skip
def test_true_words(raw: object) -> None:
    assert to_bool(raw) is True


@pytest.mark.parametrize(
    "raw",
    ["否", "N", "n", "NO", "no", "×", "✗", "✘", "无", "错", "false", "FALSE", "0",
     "Ｎ", False, 0, 0.0],
)  # fmt: skip
def test_false_words(raw: object) -> None:
    assert to_bool(raw) is False


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_empty_boolean_is_undeclared(raw: object) -> None:
    assert to_bool(raw) is None


@pytest.mark.parametrize("raw", ["可能", "2", 2, "是否", "X"])
def test_unknown_boolean_is_refused(raw: object) -> None:
    with pytest.raises(CellError, match="是/否"):
        to_bool(raw)


# ------------------------------------------------------------------------------ integers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12, 12), (12.0, 12), ("12", 12), ("１２", 12), ("12人", 12), ("1,200", 1200),
     ("12.0", 12), (" 3 件", 3), ("１，２００", 1200), (None, None), ("", None)],
)  # fmt: skip
def test_integers(raw: object, expected: int | None) -> None:
    assert to_int(raw) == expected


@pytest.mark.parametrize("raw", [12.5, "12.5", "十二", "1,2", "12,00", True, "abc"])
def test_non_integers_are_refused(raw: object) -> None:
    with pytest.raises(CellError, match="整数"):
        to_int(raw)


def test_a_count_cannot_be_negative() -> None:
    assert to_int("-3") == -3
    with pytest.raises(CellError, match="负数"):
        to_count("-3")


# ------------------------------------------------------------------------------ amounts

WAN = Decimal(10000)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("100万元", Decimal(1000000)),
        ("100万", Decimal(1000000)),
        ("1,000,000", Decimal(1000000)),
        ("1,000,000元", Decimal(1000000)),
        ("100", Decimal(1000000)),  # no unit anywhere, < 10000: 万元
        ("1.5亿元", Decimal(150000000)),
        (100, Decimal(1000000)),
        (150.5, Decimal(1505000)),
        (2000000, Decimal(2000000)),  # no unit anywhere, >= 10000: 元
        ("１００万元", Decimal(1000000)),
        ("¥1,000,000", Decimal(1000000)),
        ("人民币 120 万元", Decimal(1200000)),
        ("0", Decimal(0)),
        ("0.01元", Decimal("0.01")),
        (None, None),
        ("", None),
    ],
)
def test_amounts_without_header_unit(raw: object, expected: Decimal | None) -> None:
    assert to_amount(raw) == expected


def test_plain_number_takes_the_unit_of_the_header() -> None:
    wan = unit_from_header("年度知识产权工作经费（万元）")
    yuan = unit_from_header("年度知识产权工作经费（元）")
    assert wan == WAN
    assert yuan == Decimal(1)
    assert to_amount("100", wan) == Decimal(1000000)
    assert to_amount(100, yuan) == Decimal(100)
    assert to_amount(20000, wan) == Decimal(200000000)
    assert to_amount("50000", yuan) == Decimal(50000)


def test_amounts_are_kept_to_the_fen() -> None:
    assert to_amount("0.125元") == Decimal("0.13")
    assert to_amount("1.234567万元") == Decimal("12345.67")
    assert to_amount(0.1 + 0.2) == Decimal(3000)  # float noise of a formula in 万元


def test_a_stated_unit_beats_the_header_unit() -> None:
    assert to_amount("1,000,000元", WAN) == Decimal(1000000)
    assert to_amount("100万元", Decimal(1)) == Decimal(1000000)


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("经费(亿元)", Decimal(100000000)),
        ("经费（千元）", Decimal(1000)),
        ("经费", None),
        ("", None),
    ],
)
def test_header_units(header: str, unit: Decimal | None) -> None:
    assert unit_from_header(header) == unit


@pytest.mark.parametrize("raw", ["2000000000", "11亿元", "-5", "-5万元", 1e12])
def test_implausible_amounts_are_refused_with_a_unit_hint(raw: object) -> None:
    with pytest.raises(CellError, match="请检查单位"):
        to_amount(raw)


def test_yuan_written_into_a_wan_column_are_yuan() -> None:
    """1,000,000 typed into a 万元 column would be 100亿元: it is the yuan the person wrote."""
    assert read_amount("1,000,000", WAN) == (Decimal(1000000), True)
    assert read_amount(200000, WAN) == (Decimal(200000), True)
    assert read_amount("150", WAN) == (Decimal(1500000), False)
    with pytest.raises(CellError, match="请检查单位"):
        to_amount("2,000,000,000", WAN)  # 20亿元 either way


@pytest.mark.parametrize("raw", ["一百万", "100美元", "1,00", "100万元整x", True, "1.2.3"])
def test_unreadable_amounts_are_refused(raw: object) -> None:
    with pytest.raises(CellError, match="金额"):
        to_amount(raw)


YUAN_AMOUNTS = st.decimals(min_value=0, max_value=1000000000, places=2, allow_nan=False)


@given(YUAN_AMOUNTS)
def test_amount_written_in_wan_parses_back(amount: Decimal) -> None:
    assert to_amount(f"{amount / WAN:f}万元") == amount
    assert to_amount(f"{amount / WAN:f}", WAN) == amount


@given(YUAN_AMOUNTS)
def test_amount_written_with_thousands_separators_parses_back(amount: Decimal) -> None:
    assert to_amount(f"{amount:,f}元") == amount
    assert to_amount(f"{amount:,f}", Decimal(1)) == amount
    if amount >= WAN:  # below 1万 a bare number is read as 万元
        assert to_amount(f"{amount:,f}") == amount


@given(YUAN_AMOUNTS)
def test_amount_written_as_plain_yuan_parses_back(amount: Decimal) -> None:
    assert to_amount(f"{amount:f}元") == amount
    assert to_amount(f"{amount:f}", Decimal(1)) == amount


# ------------------------------------------------------------------------------ dates

MARCH_1 = date(2025, 3, 1)


@pytest.mark.parametrize(
    "raw",
    [
        datetime(2025, 3, 1, 14, 30),
        MARCH_1,
        45717,  # Excel serial number
        45717.0,
        45717.6,  # with a time of day
        "2025年3月1日",
        "2025年03月01日",
        "2025-03-01",
        "2025/3/1",
        "2025.3.1",
        "20250301",
        20250301,
        "２０２５年３月１日",
        "２０２５－０３－０１",
        "2025-03-01 00:00:00",
        "45717",
    ],
)
def test_dates(raw: object) -> None:
    assert to_date(raw) == MARCH_1


@pytest.mark.parametrize("raw", [None, "", " "])
def test_empty_date(raw: object) -> None:
    assert to_date(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "2025-02-30",
        "2025年13月1日",
        "明天",
        "2025-3/1",
        "03/01/2025",
        12,
        True,
        "1900-01-01",
    ],
)
def test_bad_dates_are_refused(raw: object) -> None:
    with pytest.raises(CellError, match="日期"):
        to_date(raw)


# ------------------------------------------------------------------------------ years


@pytest.mark.parametrize("raw", [2025, 2025.0, "2025", "2025年", "2025年度", "２０２５年度", " 2025 "])
def test_years(raw: object) -> None:
    assert to_year(raw) == 2025


@pytest.mark.parametrize("raw", ["二〇二五", "25", 2025.5, "1999", 3000, True, datetime(2025, 1, 1)])
def test_bad_years_are_refused(raw: object) -> None:
    with pytest.raises(CellError, match="年"):
        to_year(raw)


def test_empty_year() -> None:
    assert to_year(None) is None
    assert to_year("  ") is None


# ------------------------------------------------------------------------------ credit codes (GB 32100)

CODE_BODY = st.text(alphabet=credit_code.ALPHABET, min_size=17, max_size=17)


@given(CODE_BODY)
def test_made_codes_are_valid(first17: str) -> None:
    code = credit_code.make(first17)
    assert credit_code.validate(code) == code


@given(
    CODE_BODY,
    st.integers(min_value=0, max_value=17),
    st.integers(min_value=1, max_value=30),
)
def test_changing_one_character_makes_a_code_invalid(first17: str, position: int, shift: int) -> None:
    code = credit_code.make(first17)
    alphabet = credit_code.ALPHABET
    replacement = alphabet[(alphabet.index(code[position]) + shift) % len(alphabet)]
    changed = code[:position] + replacement + code[position + 1 :]
    assert changed != code
    assert not credit_code.is_valid(changed)
