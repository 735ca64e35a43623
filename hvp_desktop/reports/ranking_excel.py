"""A round's aggregated ranking as an Excel workbook (issue 5), for the chair's file and for print.

Sheets: the summary (the ranking with its rule line, the flags and their explanations, the
method's sensitivity), one sheet per panel expert (their criterion points and leniency), and the
rubric. Numbers are written as numbers (exact Decimals), never as text, so the workbook can be
checked and re-added by anyone; names and comments are text, never formulas. The file is saved
by `workbook_out.save_workbook`: readable by the user alone, written beside the target and moved
into place, so a failed export never leaves a half-written .xlsx behind.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hvp_desktop.reports.workbook_out import save_workbook
from hvp_desktop.scoring.aggregate import TRIM_FROM, Method
from hvp_desktop.scoring.analysis import Flag, FlagKind, Row
from hvp_desktop.scoring.ranking import Line, LineKind
from hvp_desktop.store.heads import XLSX_PROPERTY

if TYPE_CHECKING:  # reports sit beside store: only the view's shape is needed, not the store
    from hvp_desktop.store.ranking import RoundRanking

METHOD_NAMES = {
    Method.MEAN: "算术平均",
    Method.TRIMMED_MEAN: "去掉最高、最低分后平均",
    Method.MEDIAN: "中位数",
}
AUTHOR_NAMES = {"expert": "专家说明", "chair": "组长说明"}
LINE_STATUS = {  # (inside, outside) in the words of each rule
    LineKind.PLACES: ("入选", "未入选"),
    LineKind.SHORTLIST: ("入围", "未入围"),
    LineKind.PASS_MARK: ("合格", "不合格"),
}
SUMMARY_SHEET, RUBRIC_SHEET = "汇总排名", "评分细则"
SUMMARY_HEADERS = ("名次", "申报单位", "汇总得分", "计分方法", "有效评分表", "极差", "标准差", "偏离标记", "说明",
                   "", "组长决定", "缺评分表")  # the empty one is the line column, named after the rule
SUMMARY_WIDTHS = (6, 38, 9, 24, 7, 7, 7, 28, 34, 9, 9, 12)
RUBRIC_WIDTHS = (30, 10, 40, 8)
SCORE_FORMAT = "0.00"  # aggregated scores, ranges, leniency: two places, as computed
POINTS_FORMAT = "General"  # criterion points keep their own steps (6, 5.5, 7.25)
LINE_HEIGHT = 15  # points per line of 11-point text
SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_THIN = Side(style="thin", color="999999")
_LINE = Side(style="thick", color="C00000")
_CELL_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LINE_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_LINE)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)


# -- words shared with the command line -------------------------------------------------------
def line_label(line: Line) -> str:
    """The rule line as a reader says it, e.g. "R16 名额线（20家）"."""
    if line.kind == LineKind.PASS_MARK:
        if line.row_marks:  # a re-assessment round with year-1 and year-2 centres
            return f"{line.rule} 合格线（第一年{line.pass_mark}分，第二年{dict(line.row_marks)[line.row_marks[0][0]]}分）"
        return f"{line.rule} 合格线（{line.pass_mark}分）"
    if line.kind == LineKind.SHORTLIST:
        return f"{line.rule} 入围线（名额{line.places}家）"
    return f"{line.rule} 名额线（{line.places}家）"


def line_column(line: Line) -> str:
    return {LineKind.PLACES: "名额线", LineKind.SHORTLIST: "入围线", LineKind.PASS_MARK: "合格线"}[line.kind]


def line_status(line: Line, row: Row) -> str:
    if row.tied_at_line:
        return "并列待定"
    inside, outside = LINE_STATUS[line.kind]
    return inside if row.inside else outside


def row_method(method: Method, sheets: int) -> str:
    """The method as it applied to this row: the trimmed mean trims only from five sheets on."""
    if method == Method.TRIMMED_MEAN and sheets < TRIM_FROM:
        return f"算术平均（不足{TRIM_FROM}份）"
    return METHOD_NAMES[method]


def signed(value: Decimal) -> str:
    return f"{value:+}"


def flag_text(view: RoundRanking, flag: Flag) -> str:
    name = view.experts.get(flag.expert, f"专家{flag.expert}")
    if flag.kind == FlagKind.TOTAL:
        return f"{name} 总分偏离{signed(flag.deviation)}"
    return f"{flag.criterion} 指标分歧（{name} {signed(flag.deviation)}）"


def explanation_text(view: RoundRanking, flag: Flag) -> str:
    """The written word on a flag, named so that several flags of one row can be told apart."""
    name = view.experts.get(flag.expert, f"专家{flag.expert}")
    about = f"{name}总分" if flag.kind == FlagKind.TOTAL else f"{name}{flag.criterion}"
    note = view.explanations.get(flag.key)
    if note is None:
        return f"{about}：待说明"
    text = f"{about}：{AUTHOR_NAMES.get(note.author, note.author)} {note.text}"
    return text if note.current else text + "（说明写于分数变动之前，须重新说明）"


def agreement_text(view: RoundRanking) -> str:
    a = view.analysis
    if a.kendall_w is None:
        return f"肯德尔协调系数 W：{a.agreement}"
    return f"肯德尔协调系数 W = {a.kendall_w}（{a.agreement}）"


def status_text(view: RoundRanking) -> str:
    if view.lock is not None:
        return f"已汇总锁定（决定日期{view.lock.decided_on}，计分方法：{METHOD_NAMES[Method(view.lock.method)]}）"
    return "未汇总（结果可能变动）"


def sensitivity_lines(view: RoundRanking) -> list[tuple[Method, str]]:
    """Per other method, the applications that would cross the line, in words."""
    out = []
    for method, apps in view.analysis.sensitivity.items():
        names = "、".join(view.names.get(a, str(a)) for a in apps)
        out.append((method, f"{len(apps)}家跨越{line_column(view.analysis.line)}：{names}" if apps else "无变化"))
    return out


# -- the workbook -----------------------------------------------------------------------------
def write_ranking(view: RoundRanking, path: str | Path) -> Path:
    """Write the round's ranking workbook to `path` (replaced only once fully written)."""
    path = Path(path)
    workbook = Workbook()
    _summary(workbook.active, view)
    used = {SUMMARY_SHEET, RUBRIC_SHEET}
    for expert, name in sorted(view.experts.items(), key=lambda e: (e[0] != view.chair, e[0])):
        _expert_sheet(workbook.create_sheet(_sheet_name(f"专家-{name}", used)), view, expert)
    _rubric_sheet(workbook.create_sheet(RUBRIC_SHEET), view)
    workbook.active = 0  # LibreOffice's CSV export and Excel both open on the summary
    if view.audit_head:  # where the file's audit chain stood: `check --against` compares (issue 18)
        workbook.custom_doc_props.append(StringProperty(name=XLSX_PROPERTY, value=view.audit_head))
    # names and comments as text, never formulas; 0o600; replaced only once whole (issue 18)
    return save_workbook(workbook, path)


def _sheet_name(wanted: str, used: set[str]) -> str:
    """Excel's sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = wanted.translate(SHEET_NAME_FORBIDDEN)[:31]
    name, n = base, 2
    while name in used:
        suffix = f"({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def _print_setup(sheet: Worksheet, header_row: int, widths: Sequence[float]) -> None:
    """A4 landscape, all columns on one page wide, the header row on every page."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3 if len(widths) > 2 else 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.right.text = "&A"


def _text_width(text: str) -> int:
    """Width in Excel's column units: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit_height(sheet: Worksheet, row: int, widths: Sequence[float]) -> None:
    """Neither Excel nor LibreOffice grows a row for wrapped text written by openpyxl, so the
    height is set from the longest cell (a wrapped cell would otherwise print cut off)."""
    lines = 1
    for column, width in enumerate(widths, start=1):
        value = sheet.cell(row=row, column=column).value
        if isinstance(value, str) and value:
            usable = max(width - 1, 1)
            lines = max(lines, sum(max(1, math.ceil(_text_width(part) / usable)) for part in value.split("\n")))
    if lines > 1:
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines


def _title(sheet: Worksheet, row: int, text: str, width: int, font: Font = _TITLE, height: float = 24) -> None:
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font = font
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[row].height = height


def _header(sheet: Worksheet, row: int, titles: Sequence[str], height: float = 30) -> None:
    for column, text in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font, cell.fill, cell.alignment, cell.border = _BOLD, _HEADER_FILL, _CENTRE_WRAP, _CELL_BORDER
    sheet.row_dimensions[row].height = height


def _summary(sheet: Worksheet, view: RoundRanking) -> None:
    a = view.analysis
    width = len(SUMMARY_HEADERS)
    sheet.title = SUMMARY_SHEET
    _title(sheet, 1, f"{view.title}　专家评审汇总排名", width)
    _title(sheet, 2, f"计分方法：{METHOD_NAMES[a.settings.method]}　｜　{line_label(a.line)}　｜　"
                     f"{agreement_text(view)}　｜　偏离阈值：{a.settings.margin}分", width, _BOLD, 20)
    state = status_text(view)
    if view.lock is None:
        blockers = view.blockers()
        state += "；尚需：" + "；".join(blockers) if blockers else "；可以汇总"
    if view.tie is not None:
        state += f"；组长并列决定理由：{view.tie.reason}" + ("" if view.tie.applies else "（已不适用）")
    _title(sheet, 3, f"状态：{state}", width, Font(), 30)
    header = 4
    titles = list(SUMMARY_HEADERS)
    titles[SUMMARY_HEADERS.index("")] = f"{line_column(a.line)}（{a.line.rule}）"
    _header(sheet, header, titles)
    inside = a.ranking.inside_count
    for offset, row in enumerate(a.rows, start=1):
        r = header + offset
        values = (row.rank, view.names.get(row.application, str(row.application)), row.score,
                  row_method(a.settings.method, len(row.totals)), len(row.totals), row.range, row.stdev,
                  "；".join(flag_text(view, f) for f in row.flags),
                  "；".join(explanation_text(view, f) for f in row.flags),
                  line_status(a.line, row), "组长决定" if row.chair_placed else "",
                  "、".join(view.experts.get(e, str(e)) for e in row.missing))
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=column, value=value)
            cell.border = _LINE_BORDER if offset == inside else _CELL_BORDER
            cell.alignment = _WRAP
        for column in (3, 6, 7):
            sheet.cell(row=r, column=column).number_format = SCORE_FORMAT
        if row.inside:
            sheet.cell(row=r, column=10).font = _BOLD
        _fit_height(sheet, r, SUMMARY_WIDTHS)
    if a.rows and not inside:  # nobody above the line: it runs under the header
        for column in range(1, width + 1):
            sheet.cell(row=header, column=column).border = _LINE_BORDER
    r = header + len(a.rows) + 2
    if a.rows:
        sheet.cell(row=r, column=1, value=f"红色粗线为{line_label(a.line)}：线上{inside}家。").font = Font(italic=True)
        r += 2
    sheet.cell(row=r, column=1, value=f"方法敏感性（换用其他计分方法时跨越{line_column(a.line)}的申报）").font = _BOLD
    for method, text in sensitivity_lines(view):
        r += 1
        sheet.cell(row=r, column=2, value=METHOD_NAMES[method])
        sheet.cell(row=r, column=3, value=text)
    if a.without_sheets:
        r += 2
        sheet.cell(row=r, column=1, value="尚无已提交评分表的申报（未列入排名）").font = _BOLD
        for app in a.without_sheets:
            r += 1
            sheet.cell(row=r, column=2, value=view.names.get(app, str(app)))
    _print_setup(sheet, header, SUMMARY_WIDTHS)


def _expert_sheet(sheet: Worksheet, view: RoundRanking, expert: int) -> None:
    a = view.analysis
    criteria = view.rubric.criteria if view.rubric else ()
    width = 3 + len(criteria)
    role = "（组长）" if expert == view.chair else ""
    _title(sheet, 1, f"{view.title}　专家：{view.experts[expert]}{role}", width)
    leniency = a.leniency.get(expert)
    sheet.cell(row=2, column=1, value="宽严度").font = _BOLD
    cell = sheet.cell(row=2, column=2, value=leniency if leniency is not None else "无法计算")
    cell.number_format, cell.font, cell.alignment = SCORE_FORMAT, _BOLD, Alignment(horizontal="left")
    sheet.cell(row=2, column=3, value="本人总分减其他专家平均分，按所评申报平均；正数偏宽，负数偏严")
    header = 3
    titles = ["名次", "申报单位", *(f"{c.code} {c.title}（{c.max_points}分）" for c in criteria), "总分"]
    _header(sheet, header, titles, height=75)
    r = header
    for row in a.rows:
        points = view.points.get(row.application, {}).get(expert)
        if points is None:
            continue
        r += 1
        values = [row.rank, view.names.get(row.application, str(row.application)),
                  *(points.get(c.code) for c in criteria), row.totals[expert]]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=column, value=value)
            cell.border = _CELL_BORDER
            if column > 2:
                cell.number_format = POINTS_FORMAT
        sheet.cell(row=r, column=width).font = _BOLD
    if r == header:
        sheet.cell(row=r + 1, column=1, value="本轮尚无该专家已提交的评分表")
    _print_setup(sheet, header, [6, 28, *([9] * len(criteria)), 9])


def _rubric_sheet(sheet: Worksheet, view: RoundRanking) -> None:
    rubric = view.rubric
    _title(sheet, 1, f"{rubric.title}（{rubric.version}）" if rubric else "本轮尚未确定评分表", 4)
    header = 2
    _header(sheet, header, ("部分", "指标代码", "指标名称", "满分"))
    r = header
    for section in rubric.sections if rubric else ():
        for criterion in section.criteria:
            r += 1
            for column, value in enumerate((f"{section.code} {section.title}", criterion.code, criterion.title,
                                            criterion.max_points), start=1):
                cell = sheet.cell(row=r, column=column, value=value)
                cell.border, cell.alignment = _CELL_BORDER, _WRAP
            _fit_height(sheet, r, RUBRIC_WIDTHS)
    if rubric:
        r += 1
        sheet.cell(row=r, column=3, value="合计").font = _BOLD
        total = sheet.cell(row=r, column=4, value=rubric.max_total)
        total.font = _BOLD
    _print_setup(sheet, header, RUBRIC_WIDTHS)
