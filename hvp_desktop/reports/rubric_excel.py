"""Rubric tables in Excel: read the official Annex 2/3 table, write a rubric in the same layout.

The official tables are not public, so the secretariat imports them when they arrive. Layouts
vary: a title row, headers such as 一级指标/二级指标/评分标准/分值, a section merged down over
its criteria (or a heading row merged across), full-width digits, a 合计 row, a 注： row. Reading
is lenient about that form and strict about content: every problem is reported with its Excel
row, and the result passes the same schema check as a JSON rubric (total exactly 100).

`write_rubric_table` writes the layout `read_rubric_table` reads, with optional columns for
codes, steps, bands, rules and comment requirements, so a rubric exported, edited in Excel and
imported again is the same rubric.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hvp_desktop.domain.limits import RUBRIC_TABLE
from hvp_desktop.reports.excel_import import WorkbookError, normalise_header, read_sheet
from hvp_desktop.reports.workbook_out import formula, save_workbook
from hvp_desktop.scoring.rubric import (
    MAX_TOTAL,
    Criterion,
    Problem,
    Rubric,
    RubricError,
    format_points,
    load,
    validate,
)

HEADER_SEARCH_ROWS = 15
MIN_HEADER_MATCHES = 2
TABLE_DEFAULT_STEP = Decimal("0.5")  # what expert panels usually allow when the table says nothing
SHEET_TITLE = "评分表"
NOTES_SHEET_TITLE = "填写说明"

# Column id → the header written, then the other headers read as that column.
# fmt: off
_COLUMNS: dict[str, tuple[str, ...]] = {
    "section_code": ("一级指标编号", "一级指标代码", "类别编号"),
    "section": ("一级指标", "评分项目", "类别", "一级指标名称", "评审项目", "评价项目", "考核项目", "指标类别", "评分类别"),
    "code": ("编号", "代码", "指标编号", "指标代码", "二级指标编号", "评分项编号"),
    "criterion": ("二级指标", "评分内容", "指标", "二级指标名称", "指标名称", "评分指标", "考核指标", "评价指标",
                  "考核内容", "评审内容", "评价内容"),
    "standard": ("评分标准", "评分细则", "说明", "评分说明", "评审标准", "考核标准", "评价标准", "评分要点", "指标说明",
                 "评分依据"),
    "points": ("分值", "满分", "分数", "标准分", "最高分", "满分值", "分值分配"),
    "step": ("步长", "评分步长", "计分步长", "最小分值单位", "计分单位"),
    "bands": ("评分档次", "档次", "分档标准", "评分等级"),
    "rules": ("对应条款", "对应规则", "条款"),
    "comment": ("评语要求",),
}
# fmt: on
_REQUIRED = ("section", "criterion", "points")
_WRITTEN = ("section_code", "section", "code", "criterion", "standard", "points", "step", "bands", "rules", "comment")
_HEADER_OF = {normalise_header(h): column for column, headers in _COLUMNS.items() for h in headers}
# which column a schema path's last field is read from
_FIELD_COLUMN = {
    "code": "code",
    "title": "criterion",
    "guidance": "standard",
    "max_points": "points",
    "step": "step",
    "bands": "bands",
    "rules": "rules",
    "comment_below_share": "comment",
    "comment_at_band_extremes": "comment",
}

_TOTAL_WORDS = frozenset(normalise_header(w) for w in ("合计", "总计", "总分", "小计", "满分合计", "合计分值"))
_NOTE_RE = re.compile(r"(注|备注|说明)\s*[:：]|注\s*\d")
_ORDINAL_RE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、．]|\d+\.(?!\d))\s*"
)
_SUBTOTAL_RE = re.compile(r"\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_BAND_RE = re.compile(
    r"\s*(?P<label>.*?)\s*(?P<low>\d+(?:\.\d+)?)\s*(?:-|–|—|~|～|至)\s*(?P<high>\d+(?:\.\d+)?)\s*分?\s*[:：]\s*(?P<description>.*)"
)
_SHARE_RE = re.compile(r"低于\s*(\d+(?:\.\d+)?)\s*%")
_EXTREMES_WORD = "边界"
_NO_REQUIREMENT = frozenset({"", "无", "-", "—"})
_RULE_SPLIT_RE = re.compile(r"[,，、;；\s]+")


# ------------------------------------------------------------------------------ reading


@dataclass
class _SectionRows:
    title: str
    code: str | None
    first_row: int
    declared_points: Decimal | None  # "基础条件（20分）" in the title: checked against the sum
    criteria: list[dict[str, Any]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    failed_rows: int = 0  # criterion rows already reported as unreadable


@dataclass
class _Table:
    header_row: int
    columns: dict[str, int]  # column id → 0-based index
    headers: list[str]
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, text) for sorting
    sections: list[_SectionRows] = field(default_factory=list)
    kept: list[_SectionRows] = field(default_factory=list)  # the sections passed to the schema check
    points_failed: bool = False  # a points cell was unreadable: the total would mislead

    def header(self, column: str) -> str:
        index = self.columns.get(column)
        return self.headers[index] if index is not None else _COLUMNS[column][0]

    def problem(self, row: int, column: str | None, message: str) -> None:
        where = f"第{row}行" + (f"（{self.header(column)}）" if column else "")
        self.problems.append((row, f"{where}：{message}"))


def read_rubric_table(
    path: str | Path,
    *,
    kind: str,
    title: str,
    version: str,
    rubric_id: str | None = None,
    default_step: Decimal = TABLE_DEFAULT_STEP,
) -> Rubric:
    """The rubric in an official table (first visible sheet); RubricError lists every problem by row."""
    path = Path(path)
    try:
        sheet = read_sheet(path, RUBRIC_TABLE)
    except WorkbookError as exc:
        raise RubricError([str(exc)]) from exc
    table = _table(sheet.grid)
    for number in range(table.header_row + 1, len(sheet.grid) + 1):
        if not sheet.blank[number - 1]:
            _read_row(table, number, sheet.grid[number - 1], sheet.uncalculated, default_step)
    if not table.sections:
        raise RubricError([*(text for _, text in table.problems), f"第{table.header_row}行（表头）之下没有评分项"])
    data = _rubric_data(table, kind=kind, title=title, version=version, source=path.name, rubric_id=rubric_id)
    _check_declared_subtotals(table)
    if data["sections"] or not table.problems:
        table.problems += [_located(table, p) for p in validate(data, check_total=not table.points_failed)]
    if table.problems:
        raise RubricError([text for _, text in sorted(table.problems, key=lambda p: p[0])])
    return load(data)


def _table(grid: list[list[Any]]) -> _Table:
    header_row, columns = _find_header(grid)
    headers = ["" if v is None else str(v).strip() for v in grid[header_row - 1]]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        names = "；".join(f"“{_COLUMNS[c][0]}”列（也可叫{'、'.join(_COLUMNS[c][1:4])}）" for c in missing)
        raise RubricError([f"第{header_row}行（表头）：缺少{names}"])
    return _Table(header_row, columns, headers)


def _find_header(grid: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The row among the first rows naming most known columns; the first column of each kind wins."""
    best: tuple[int, dict[str, int]] = (0, {})
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, value in enumerate(row):
            column = _HEADER_OF.get(normalise_header(value))
            if column is not None:
                columns.setdefault(column, position)
        if len(columns) > len(best[1]):
            best = (index + 1, columns)
    if len(best[1]) < MIN_HEADER_MATCHES:
        raise RubricError([f"前{HEADER_SEARCH_ROWS}行中找不到表头行（应含“一级指标”“二级指标”“评分标准”“分值”等列名）"])
    return best


def _cell(values: Sequence[Any], index: int | None) -> Any:
    return values[index] if index is not None and index < len(values) else None


def _text(value: Any) -> str:
    """A cell as text: numbers without float noise, line ends unified, outer spaces gone."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value):
        value = int(value) if value.is_integer() else Decimal(repr(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _compact(text: str) -> str:
    """For codes and numbers: full-width becomes half-width (ＡＢ１ → AB1), no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _read_row(
    table: _Table, number: int, values: Sequence[Any], uncalculated: set[tuple[int, int]], default_step: Decimal
) -> None:
    def text(column: str) -> str:
        return _text(_cell(values, table.columns.get(column)))

    section, criterion = text("section"), text("criterion")
    if _is_total(section) or _is_total(criterion) or _is_note(values):
        return
    if section and section == criterion and _number(_cell(values, table.columns["points"]))[0] is None:
        # a section heading merged across the row (with points it is a section of one criterion)
        _start_section(table, number, section, text("section_code"))
        return
    if section and _start_section(table, number, section, text("section_code")) and not criterion:
        _declare_subtotal(table, number, values)  # "一、基础条件 | | | 20": a heading row
        return
    if not table.sections:
        table.problem(number, "section", "缺少一级指标")
        return
    item = _criterion(table, number, values, uncalculated, default_step) if criterion else None
    if not criterion:
        table.problem(number, "criterion", "缺少二级指标名称")
    if item is None:
        table.sections[-1].failed_rows += 1
        return
    item["title"] = criterion
    item["guidance"] = text("standard")
    table.sections[-1].criteria.append(item)
    table.sections[-1].rows.append(number)


def _is_total(text: str) -> bool:
    return normalise_header(text) in _TOTAL_WORDS


def _is_note(values: Sequence[Any]) -> bool:
    first = next((_text(v) for v in values if _text(v)), "")
    return bool(_NOTE_RE.match(first))


def _start_section(table: _Table, number: int, raw_title: str, raw_code: str) -> bool:
    """Start a new section, unless the title continues the current one (merged or repeated
    cells); True when a new one was started."""
    title, declared = _section_title(raw_title)
    code = _compact(raw_code) or None
    current = table.sections[-1] if table.sections else None
    if current is not None and current.title == title and code in (None, current.code):
        return False
    same = next((s for s in table.sections if s.title == title), None)
    if same is not None:
        table.problem(number, "section", f"一级指标“{title}”已在第{same.first_row}行出现，同一指标的评分项应排在一起")
    table.sections.append(_SectionRows(title, code, number, declared))
    return True


def _declare_subtotal(table: _Table, number: int, values: Sequence[Any]) -> None:
    points, reason = _number(_cell(values, table.columns["points"]))
    if reason:
        table.problem(number, "points", reason)
    elif points is not None and table.sections[-1].declared_points is None:
        table.sections[-1].declared_points = points


def _section_title(raw: str) -> tuple[str, Decimal | None]:
    """Title and stated subtotal: 一、基础条件（20分） → ("基础条件", 20); the ordinal is dropped."""
    title = _ORDINAL_RE.sub("", raw, count=1)
    match = _SUBTOTAL_RE.search(unicodedata.normalize("NFKC", title))
    if match is None:
        return title.strip() or raw, None
    stripped = _SUBTOTAL_RE.sub("", title).strip()
    return stripped or raw, Decimal(match.group(1))


def _criterion(
    table: _Table, number: int, values: Sequence[Any], uncalculated: set[tuple[int, int]], default_step: Decimal
) -> dict[str, Any] | None:
    """The numbers and options of one criterion row; None when its points cannot be read."""
    points_index = table.columns["points"]
    if (number, points_index + 1) in uncalculated:
        table.problem(number, "points", "公式没有计算结果，请在Excel或WPS中打开、重新计算并保存后再导入")
        table.points_failed = True
        return None
    points, reason = _number(_cell(values, points_index))
    if points is None:
        table.problem(number, "points", reason or "缺少分值")
        table.points_failed = True
        return None
    item: dict[str, Any] = {"max_points": points, "step": _step(table, number, values, points, default_step)}
    code = _compact(_text(_cell(values, table.columns.get("code"))))
    if code:
        item["code"] = code
    item["bands"] = _bands(table, number, _text(_cell(values, table.columns.get("bands"))))
    item["rules"] = _rules(_text(_cell(values, table.columns.get("rules"))))
    item.update(_comment_rules(table, number, _text(_cell(values, table.columns.get("comment")))))
    return item


def _number(value: Any) -> tuple[Decimal | None, str | None]:
    """(number, None), or (None, why not): 10, 2.5, "１０", "10分" are numbers; "十分" is not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, f"“{value}”不是数字"
    if isinstance(value, int | Decimal):
        return Decimal(value), None
    if isinstance(value, float):
        return (Decimal(repr(value)), None) if math.isfinite(value) else (None, f"“{value}”不是数字")
    text = _compact(str(value)).removesuffix("分")
    if _NUMBER_RE.fullmatch(text):
        return Decimal(text), None
    return None, f"“{_text(value)}”不是数字"


def _step(table: _Table, number: int, values: Sequence[Any], points: Decimal, default_step: Decimal) -> Decimal:
    step, reason = _number(_cell(values, table.columns.get("step")))
    if reason:
        table.problem(number, "step", reason)
    if step is not None:
        return step
    if points % default_step == 0:
        return default_step
    # 1.2 points cannot go in steps of 0.5: the finest digit written is the step (0.1)
    return Decimal(1).scaleb(points.normalize().as_tuple().exponent)


def _rules(text: str) -> list[str]:
    """Rule ids from text such as R5、R6 or r5, r6 (the schema check refuses unknown ids)."""
    return [rule for rule in _RULE_SPLIT_RE.split(_compact(text).upper()) if rule]


def _bands(table: _Table, number: int, text: str) -> list[dict[str, Any]]:
    """One band per line: "优 9–10：描述" (the label may be left out)."""
    bands = []
    for line in filter(None, (ln.strip() for ln in text.split("\n"))):
        match = _BAND_RE.fullmatch(line)
        if match is None:
            table.problem(number, "bands", f"无法识别“{line}”，每行应如“优 9–10：描述”")
            continue
        bands.append(
            {
                "label": match["label"],
                "low": Decimal(_compact(match["low"])),
                "high": Decimal(_compact(match["high"])),
                "description": match["description"].strip(),
            }
        )
    return bands


def _comment_rules(table: _Table, number: int, text: str) -> dict[str, Any]:
    """The two comment requirements from text such as 低于60%须填评语；档次边界须填评语."""
    compact = _compact(text)
    if compact in _NO_REQUIREMENT:
        return {}
    share = _SHARE_RE.search(compact)
    extremes = _EXTREMES_WORD in compact
    if share is None and not extremes:
        table.problem(number, "comment", f"无法识别“{text}”，应如“低于60%须填评语；档次边界须填评语”")
        return {}
    rules: dict[str, Any] = {"comment_at_band_extremes": extremes}
    if share is not None:
        rules["comment_below_share"] = Decimal(share.group(1)) / 100
    return rules


def _rubric_data(
    table: _Table, *, kind: str, title: str, version: str, source: str, rubric_id: str | None
) -> dict[str, Any]:
    sections = []
    for position, rows in enumerate(table.sections, start=1):
        if not rows.criteria and rows.failed_rows:
            continue  # its rows are reported already; "no criteria" would only repeat that
        code = rows.code or get_column_letter(position)  # A, B, … Z, AA, …
        joiner = "." if code[-1].isdigit() else ""  # R5 → R5.1, A → A1
        criteria = [{"code": f"{code}{joiner}{n}", **item} for n, item in enumerate(rows.criteria, start=1)]
        sections.append({"code": code, "title": rows.title, "criteria": criteria})
        table.kept.append(rows)
    return {
        "id": rubric_id or f"{kind}-official",
        "version": version,
        "kind": kind,
        "title": title,
        "source": source,
        "sections": sections,
    }


def _check_declared_subtotals(table: _Table) -> None:
    for rows in table.sections:
        if rows.declared_points is None or table.points_failed:
            continue
        actual = sum((c["max_points"] for c in rows.criteria), Decimal(0))
        if actual != rows.declared_points:
            table.problem(
                rows.first_row,
                "section",
                f"一级指标“{rows.title}”标注{format_points(rows.declared_points)}分，"
                f"其下各项合计{format_points(actual)}分",
            )


_PATH_RE = re.compile(r"sections\[(\d+)\](?:\.criteria\[(\d+)\])?(?:\.([a-z_]+))?")


_BAND_INDEX_RE = re.compile(r"bands\[(\d+)\]")


def _row_words(table: _Table, match: re.Match[str]) -> str:
    """ "sections[0].criteria[1]" inside a message → "第4行"."""
    rows = table.kept[int(match[1])]
    return f"第{rows.first_row if match[2] is None else rows.rows[int(match[2])]}行"


_FIRST, _LAST = 0, 1 << 30  # where problems without a row sort: arguments first, the total last


def _located(table: _Table, problem: Problem) -> tuple[int, str]:
    """A schema problem told by Excel row and column instead of a JSON path (row first, to sort)."""
    problem = Problem(problem.path, _PATH_RE.sub(lambda m: _row_words(table, m), problem.message))
    problem = Problem(problem.path, _BAND_INDEX_RE.sub(lambda m: f"第{int(m[1]) + 1}档", problem.message))
    match = _PATH_RE.match(problem.path)
    if match is None:
        if problem.path == "sections":
            return _LAST, f"全表：{problem.message}"
        return _FIRST, f"参数{problem.path}：{problem.message}"
    rows = table.kept[int(match[1])]
    if match[2] is None and match[3] == "criteria":
        return rows.first_row, f"第{rows.first_row}行（{table.header('section')}）：一级指标“{rows.title}”下没有评分项"
    if match[2] is None:
        column = "section_code" if match[3] == "code" else "section"
        row = rows.first_row
    else:
        column = _FIELD_COLUMN.get(match[3] or "", "criterion")
        row = rows.rows[int(match[2])]
    return row, f"第{row}行（{table.header(column)}）：{problem.message}"


# ------------------------------------------------------------------------------ writing

_WIDTHS = {"section_code": 10, "section": 18, "code": 8, "criterion": 22, "standard": 60, "points": 8,
           "step": 8, "bands": 48, "rules": 10, "comment": 22}  # fmt: skip


def write_rubric_table(rubric: Rubric, path: str | Path) -> None:
    """The rubric as an editable table (first sheet) with a sheet explaining the columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    _write_title(sheet, f"{rubric.title}（{rubric.version}）")
    for index, column in enumerate(_WRITTEN, start=1):
        cell = sheet.cell(row=2, column=index, value=_COLUMNS[column][0])
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS[column]
    last = _write_sections(sheet, rubric)
    _write_total(sheet, last + 1)
    sheet.freeze_panes = "A3"
    _write_notes(workbook.create_sheet(NOTES_SHEET_TITLE))
    save_workbook(workbook, path)  # text stays text (no formula injection), 0o600


def _write_title(sheet: Worksheet, title: str) -> None:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(_WRITTEN))
    cell = sheet.cell(row=1, column=1, value=title)
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28


def _write_sections(sheet: Worksheet, rubric: Rubric) -> int:
    """Criterion rows from row 3, each section's code and title merged down; the last row written."""
    row = 2
    for section in rubric.sections:
        first = row + 1
        for criterion in section.criteria:
            row += 1
            for index, value in enumerate(_row_values(section.code, section.title, criterion), start=1):
                cell = sheet.cell(row=row, column=index, value=value)
                cell.alignment = Alignment(vertical="center", wrap_text=True)
        for index in (1, 2):  # section code and title
            if row > first:
                sheet.merge_cells(start_row=first, start_column=index, end_row=row, end_column=index)
    return row


def _row_values(section_code: str, section_title: str, criterion: Criterion) -> list[Any]:
    return [
        section_code,
        section_title,
        criterion.code,
        criterion.title,
        criterion.guidance,
        _excel_number(criterion.max_points),
        _excel_number(criterion.step),
        "\n".join(_band_line(b.label, b.low, b.high, b.description) for b in criterion.bands) or None,
        "、".join(criterion.rules) or None,
        _comment_text(criterion) or None,
    ]


def _excel_number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def _band_line(label: str, low: Decimal, high: Decimal, description: str) -> str:
    span = f"{format_points(low)}–{format_points(high)}"
    one_line = description.replace("\n", " ")  # one band per line in the cell
    return f"{label} {span}：{one_line}" if label else f"{span}：{one_line}"


def _comment_text(criterion: Criterion) -> str:
    parts = []
    if criterion.comment_below_share is not None:
        parts.append(f"低于{format_points(criterion.comment_below_share * 100)}%须填评语")
    if criterion.comment_at_band_extremes:
        parts.append("档次边界须填评语")
    return "；".join(parts)


def _write_total(sheet: Worksheet, row: int) -> None:
    points = _WRITTEN.index("points") + 1
    letter = get_column_letter(points)
    sheet.cell(row=row, column=2, value="合计").font = Font(bold=True)
    # a formula, so the sum follows edits made in Excel (import skips this row)
    formula(sheet.cell(row=row, column=points), f"=SUM({letter}3:{letter}{row - 1})").font = Font(bold=True)


_NOTES: tuple[tuple[str, str], ...] = (
    ("一级指标编号", "可选。字母或数字，如A、R5；留空时按顺序编为A、B、C……"),
    ("一级指标", "必填。同一一级指标的评分项排在一起，可合并单元格。"),
    ("编号", "可选。评分项编号，如A1、R5.1；留空时按一级指标编号自动生成。"),
    ("二级指标", "必填。评分项名称。"),
    ("评分标准", "评分要点与需查阅的材料，评审时显示给专家。"),
    ("分值", f"必填。该项满分；全表合计必须为{format_points(MAX_TOTAL)}分。"),
    ("步长", "可选。打分的最小单位，如0.5或1；满分须为步长的整数倍。留空时取0.5。"),
    ("评分档次", "可选。每行一档，从低到高，如“差 0–3.5：……”“优 7–8：……”；档次不得重叠。"),
    ("对应条款", "可选。该项考察的条款编号，如R5、R8（见工作方案）。"),
    ("评语要求", "可选。如“低于60%须填评语”“档次边界须填评语”，用“；”分隔。"),
    ("合计", "合计行和以“注：”开头的说明行在导入时跳过。"),
)


def _write_notes(sheet: Worksheet) -> None:
    for index, title in enumerate(("列名", "填写说明"), start=1):
        sheet.cell(row=1, column=index, value=title).font = Font(bold=True)
    for row, (column, text) in enumerate(_NOTES, start=2):
        sheet.cell(row=row, column=1, value=column)
        sheet.cell(row=row, column=2, value=text).alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 80
