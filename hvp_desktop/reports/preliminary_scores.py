"""Preliminary (Annex 2) scores from the third party's spreadsheet (R15): one row per applicant,
a credit-code column and a score column, found by header anywhere in the first rows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.limits import PRELIMINARY_SCORES
from hvp_desktop.reports import cells
from hvp_desktop.reports.excel_import import RowError, WorkbookError, normalise_header, read_sheet

CODE_HEADERS = {normalise_header(h) for h in ("统一社会信用代码", "信用代码", "社会信用代码")}
SCORE_HEADERS = {normalise_header(h) for h in ("初审得分", "初审分数", "得分", "评分", "总分", "附件2得分")}


@dataclass(frozen=True)
class ScoreRow:
    row: int
    credit_code: str
    score: Decimal


def _header(grid) -> tuple[int, int, int]:
    """(header row index, credit-code column, score column) within the first 15 rows."""
    for index, row in enumerate(grid[:15]):
        keys = [normalise_header(v) for v in row]
        code_col = next((i for i, k in enumerate(keys) if k in CODE_HEADERS), None)
        score_col = next((i for i, k in enumerate(keys) if k in SCORE_HEADERS), None)
        if code_col is not None and score_col is not None:
            return index, code_col, score_col
    raise WorkbookError("前15行中找不到“统一社会信用代码”和“初审得分”两列")


def parse_scores(path: str | Path) -> tuple[list[ScoreRow], list[RowError]]:
    sheet = read_sheet(Path(path), PRELIMINARY_SCORES)
    header_index, code_col, score_col = _header(sheet.grid)
    code_header, score_header = str(sheet.grid[header_index][code_col]), str(sheet.grid[header_index][score_col])
    scores, errors, seen = [], [], {}
    for index in range(header_index + 1, len(sheet.grid)):
        values, number = sheet.grid[index], index + 1
        if sheet.blank[index]:
            continue
        try:
            code = credit_code.validate(cells.to_text(values[code_col]) or "")
        except credit_code.CreditCodeError as exc:
            errors.append(RowError(number, code_header, "invalid_credit_code", f"统一社会信用代码无效：{exc}"))
            continue
        try:
            score = Decimal(str(cells.to_text(values[score_col])))
        except (InvalidOperation, ValueError):
            score = Decimal("NaN")
        if not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
            errors.append(RowError(number, score_header, "bad_value", "R15：初审得分应为0到100之间的数"))
            continue
        if code in seen:
            errors.append(RowError(number, code_header, "duplicate", f"与第{seen[code]}行重复"))
            continue
        seen[code] = number
        scores.append(ScoreRow(number, code, score.quantize(Decimal("0.01"))))
    return scores, errors
