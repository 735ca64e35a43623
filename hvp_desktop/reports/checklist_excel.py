"""The on-site checklist as an Excel table (issue 19): the shipped one exported for the secretariat
to edit, and a table of their own read back into a checklist (`domain/checklist.py` checks it).

A secretariat's table is not our template: the header may sit below a title, columns may be named
in other words (序号 for 编号, 核查方式 for 现场核查方法, 佐证材料 for 证据) and come in any order,
the kind may be written 否决项 / 否决 / 一票否决, a minimum as "3人" or "100万元". Rows without a
code or a title (notes, a blank line) are passed over; what cannot be read is named by its row.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.limits import CHECKLIST_TABLE
from hvp_desktop.domain.rules import InvalidInput
from hvp_desktop.reports.excel_import import WorkbookError, normalise_header, read_sheet
from hvp_desktop.reports.workbook_out import save_workbook

SHEET_TITLE = "现场核查表"
HEADER_SEARCH_ROWS = 15

# column → (the header written, other headers a secretariat uses)
_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("编号", "序号", "代码", "事项编号"),
    "rule": ("对应建设任务", "建设任务", "对应条款", "规则"),
    "title": ("核查事项", "事项", "名称", "核查内容"),
    "requirement": ("要求", "建设要求", "具体要求", "要求内容"),
    "verify": ("现场核查方法", "核查方法", "核查方式", "核查要点"),
    "evidence": ("应收集的证据", "证据", "佐证材料", "证明材料"),
    "informs": ("对应评分指标", "评分指标", "对应指标", "对应评分项"),
    "kind": ("类型", "事项类型", "类别"),
    "figure": ("量化指标字段", "指标字段"),
    "unit": ("单位",),
    "minimum": ("最低要求", "最低值", "门槛", "不少于"),
}
_WRITTEN = ("code", "rule", "title", "requirement", "verify", "evidence", "informs", "kind", "figure", "unit",
            "minimum")
_WIDTHS = {"code": 8, "rule": 10, "title": 24, "requirement": 36, "verify": 44, "evidence": 30, "informs": 14,
           "kind": 10, "figure": 16, "unit": 6, "minimum": 10}
_HEADER_OF = {normalise_header(h): column for column, headers in _COLUMNS.items() for h in headers}
_KIND_WORDS = {"否决": checklists.ItemKind.VETO, "一票否决": checklists.ItemKind.VETO, "量化": checklists.ItemKind.THRESHOLD,
               "门槛": checklists.ItemKind.THRESHOLD, "核查": checklists.ItemKind.CHECK}
_SPLIT = re.compile(r"[,，、;；\s]+")
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(万)?")
# the figures an item can be measured by, as a secretariat may name them in the 单位/指标 columns
_FIGURE_WORDS = {"人": "ip_staff_count", "元": "ip_budget_yuan", "万元": "ip_budget_yuan"}


class ChecklistTableError(InvalidInput):
    """What cannot be read in a checklist table, by row."""

    def __init__(self, problems: list[str], english: str | None = None) -> None:
        self.problems = problems
        shown = problems[:8] + ([f"……另有{len(problems) - 8}处"] if len(problems) > 8 else [])
        rows = [m.group(1) for p in problems if (m := re.match(r"第(\d+)行", p))]
        super().__init__("现场核查表有误：" + "；".join(shown), english or (
            f"The checklist table has {len(problems)} problem(s), in row(s) {', '.join(rows[:8])}." if rows
            else "The checklist table cannot be read."))


def write_checklist_table(checklist: checklists.Checklist, path: str | Path) -> None:
    """The checklist as an editable table: a title row, the header, one item per row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(_WRITTEN))
    title = sheet.cell(row=1, column=1, value=f"{checklist.title}（{checklist.version}）")
    title.font = Font(bold=True, size=14)
    for index, column in enumerate(_WRITTEN, start=1):
        cell = sheet.cell(row=2, column=index, value=_COLUMNS[column][0])
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS[column]
    for row, item in enumerate(checklist.items, start=3):
        values = {"code": item.code, "rule": item.rule, "title": item.title, "requirement": item.requirement,
                  "verify": item.verify, "evidence": item.evidence, "informs": "、".join(item.informs),
                  "kind": checklists.KIND_TEXT[item.kind][0]}
        if item.threshold is not None:
            values.update(figure=item.threshold.figure, unit=item.threshold.unit,
                          minimum=checklists.format_number(item.threshold.minimum))
        for index, column in enumerate(_WRITTEN, start=1):
            cell = sheet.cell(row=row, column=index, value=values.get(column))
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "A3"
    save_workbook(workbook, path)  # text stays text (no formula injection), 0o600


def read_checklist_table(path: str | Path, *, title: str, version: str,
                         checklist_id: str | None = None) -> checklists.Checklist:
    """The checklist in a secretariat's table (first visible sheet); ChecklistTableError names each
    row that cannot be read, ChecklistError (domain) what the checklist itself gets wrong."""
    path = Path(path)
    try:
        sheet = read_sheet(path, CHECKLIST_TABLE)
    except WorkbookError as exc:
        raise ChecklistTableError([str(exc)], f"“{path.name}” cannot be read as an Excel .xlsx workbook.") from exc
    header_row, columns = _find_header(sheet.grid)
    problems: list[str] = []
    missing = [c for c in ("code", "title", "requirement") if c not in columns]
    if missing:
        raise ChecklistTableError([f"第{header_row}行（表头）缺少列：" + "、".join(_COLUMNS[c][0] for c in missing)],
                                  f"The header (row {header_row}) lacks the column(s): {', '.join(missing)}.")
    items = []
    for number in range(header_row + 1, len(sheet.grid) + 1):
        if sheet.blank[number - 1]:
            continue
        values = sheet.grid[number - 1]
        cell = {c: _text(values[i] if i < len(values) else None) for c, i in columns.items()}
        if not cell.get("code") or not cell.get("title"):
            continue  # a note, a section heading
        item = _item(cell, number, problems)
        if item is not None:
            items.append(item)
    if problems:
        raise ChecklistTableError(problems)
    if not items:
        raise ChecklistTableError([f"第{header_row}行（表头）之下没有核查事项"],
                                  f"No checklist item below the header (row {header_row}).")
    ident = checklist_id or re.sub(r"[^a-z0-9._-]+", "-", f"table-{version}".lower()).strip("-") or "table"
    return checklists.from_dict({"id": ident, "version": version, "title": title, "source": path.name,
                                 "items": items})


def _find_header(grid: list[list[Any]]) -> tuple[int, dict[str, int]]:
    best, best_row = {}, 1
    for number, values in enumerate(grid[:HEADER_SEARCH_ROWS], start=1):
        found: dict[str, int] = {}
        for index, value in enumerate(values):
            column = _HEADER_OF.get(normalise_header(_text(value)))
            if column and column not in found:
                found[column] = index
        if len(found) > len(best):
            best, best_row = found, number
    if len(best) < 3:
        raise ChecklistTableError(["前15行中找不到表头（编号、核查事项、要求等）"],
                                  "No header (code, item, requirement …) in the first 15 rows.")
    return best_row, best


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _plain(text: str) -> str:
    """Codes and numbers typed with full-width characters read as ASCII (not the prose: its
    full-width punctuation is the Chinese as written)."""
    return unicodedata.normalize("NFKC", text).strip()


def _item(cell: dict[str, str], number: int, problems: list[str]) -> dict | None:
    code = _plain(cell["code"]).replace(" ", "")
    rule = _plain(cell.get("rule", "")).upper().replace(" ", "") or _rule_of(code)
    kind_text = _plain(cell.get("kind", ""))
    kind = next((k for word, k in _KIND_WORDS.items() if word in kind_text), None) if kind_text else None
    if kind is None and kind_text:
        try:
            kind = checklists.ItemKind(kind_text.lower())
        except ValueError:
            problems.append(f"第{number}行（类型）：“{kind_text}”应为核查项、量化指标或否决项")
            return None
    item: dict[str, Any] = {"code": code, "rule": rule, "title": cell["title"], "requirement": cell["requirement"],
                            "verify": cell.get("verify", "") or cell["requirement"],
                            "evidence": cell.get("evidence", "") or "现场核查记录",
                            "informs": [c for c in _SPLIT.split(_plain(cell.get("informs", ""))) if c],
                            "kind": (kind or checklists.ItemKind.CHECK).value}
    minimum = _plain(cell.get("minimum", ""))
    if item["kind"] == checklists.ItemKind.THRESHOLD.value or minimum:
        amount = _AMOUNT.match(minimum.replace(",", "").replace("，", ""))
        if amount is None:
            problems.append(f"第{number}行（最低要求）：“{minimum}”不是数值")
            return None
        value = Decimal(amount.group(1)) * (10000 if amount.group(2) else 1)
        unit = _plain(cell.get("unit", "")) or ("元" if amount.group(2) else "")
        if unit == "万元":
            value, unit = value * 10000, "元"
        figure = _plain(cell.get("figure", "")) or _FIGURE_WORDS.get(unit, "")
        if not figure:
            problems.append(f"第{number}行（量化指标字段）：没有写明核查的数值（如 ip_staff_count、ip_budget_yuan）")
            return None
        item.update(kind=checklists.ItemKind.THRESHOLD.value,
                    threshold={"figure": figure, "unit": unit or "人", "minimum": str(value)})
    return item


def _rule_of(code: str) -> str:
    m = re.match(r"(R\d+)", code.upper())
    return m.group(1) if m else ""
