"""Workbooks as secretariats really send them, written by the tests (issue 17, "Real spreadsheets").

`messy_workbook`: 30 applications, 22 good ones written in every messy way a person or Excel
writes them, 8 with exactly one true defect each; titles, notes and footnotes above and under
the table, merged rows, blank separators, a total row, rows numbered in advance and left empty.
`grouped_workbook` and `renamed_workbook` are shaped differently again: the data on a second
sheet under a two-row header with a units row and a 万元 note; headers in other words and
another order, amounts in 元, an example row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from hvp_desktop.domain import credit_code

APPLIED_ON = date(2025, 4, 1)
BUDGET = Decimal(1500000)


def code(n: int) -> str:
    """A valid credit code, different for each n."""
    return credit_code.make(f"91440112{n:09d}")


def bad_check_character(valid: str) -> str:
    alphabet = credit_code.ALPHABET
    return valid[:17] + alphabet[(alphabet.index(valid[17]) + 1) % len(alphabet)]


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def chunks(text: str, size: int = 4) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


# ------------------------------------------------------------------------------ the messy one

MESSY_COLUMNS = (
    ("no", "序号"),
    ("name", "企业名称（盖章）"),
    ("code", "统一社会信用代码"),
    ("year", "申报年度"),
    ("reg", "注册登记地在本区"),
    ("tax", "税务征管关系在本区"),
    ("stats", "统计关系在本区"),
    ("legal", "是否独立法人"),
    ("acct", "独立核算"),
    ("credit", "符合信用管理相关规定"),
    ("co1", "联合申报单位1"),
    ("co1_kind", "类型"),
    ("co2", "联合申报单位2"),
    ("co2_kind", "类型"),
    ("co3", "联合申报单位3"),
    ("co3_kind", "类型"),
    ("group", "所属集团"),
    ("staff", "专职知识产权工作人员"),
    ("budget", "知识产权工作经费"),
    ("principal", "高管负责人"),
    ("dept", "知识产权部门"),
    ("iso", "贯标ISO56005"),
    ("patents", "有效发明专利"),
    ("pct", "PCT申请"),
    ("contact", "联系人"),
    ("phone", "联系电话"),
    ("date", "申报日期"),
)
KEYS = [key for key, _ in MESSY_COLUMNS]
WIDTH = len(MESSY_COLUMNS)
LAST = get_column_letter(WIDTH)


def messy_row(n: int, **cells: Any) -> dict[str, Any]:
    """A good application written plainly; `cells` write some of it in another way."""
    row = {
        "name": f"广州市实例{n}号科技有限公司", "code": code(n), "year": 2025,
        "reg": "是", "tax": "是", "stats": "是", "legal": "是", "acct": "是", "credit": "是",
        "staff": 5, "budget": "150万元", "principal": "是", "dept": "是", "iso": "是",
        "patents": 20, "pct": 2, "contact": "李四", "phone": "020-82000000", "date": "2025-04-01",
    }  # fmt: skip
    row.update(cells)
    return row


# 22 good rows: each writes some of its values in a way a real secretariat does.
GOOD: list[tuple[str, dict[str, Any]]] = [
    ("code in lower case with spaces, date with slashes",
     messy_row(1, code=" ".join(chunks(code(1))).lower(), date="2025/4/1")),
    ("code with hyphens, Y/√/yes, 1,500,000元, date with dots",
     messy_row(2, code="-".join(chunks(code(2), 6)), reg="Y", tax="√", stats="yes", budget="1,500,000元",
               date="2025.4.1")),
    ("full-width code and digits, ￥ amount, 年月日 date",
     messy_row(3, code=full_width(code(3)), staff="５人", budget="￥1,500,000", date="2025年4月1日")),
    ("the principal's name in the yes/no column, date as a number 20250401, a bare 150 (万元)",
     messy_row(4, principal="张三（总经理）", date=20250401, budget=150)),
    ("a branch counted separately (R1), date as an Excel serial number, 150万",
     messy_row(5, legal="单独入统分公司", date=45748, budget="150万")),
    ("the department's name in the yes/no column, a real date cell, 1500000 in yuan",
     messy_row(6, dept="知识产权部", date=datetime(2025, 4, 1), budget="1500000")),
    ("a ticked box, an amount with a remark",
     messy_row(7, reg="☑是 □否", budget="150 万元（不含人员薪酬）")),
    ("no with a reason, a date with a time",
     messy_row(8, principal="否，由副总经理兼任", date="2025-04-01 09:30")),
    ("a co-applicant in other words, a date in Chinese numerals",
     messy_row(9, co1="华南理工大学", co1_kind="高等院校", date="二〇二五年四月一日")),
    ("a co-applicant's kind written after its name, zero-padded 年月日",
     messy_row(10, co1="中国科学院广州能源研究所（科研院所）", date="2025年04月01日")),
    ("无 for no group, / for no co-applicant, an English-locale date",
     messy_row(11, group="无", co1="/", co1_kind="/", date="1-Apr-2025")),
    ("a count with a remark, 无 PCT applications, Apr 1, 2025",
     messy_row(12, staff="5人（专职）", pct="无", date="Apr 1, 2025")),
    ("full-width separators in yuan, a full-width date",
     messy_row(13, budget="１，５００，０００元", date="２０２５／４／１")),
    ("2025年度, a name with ASCII brackets",
     messy_row(14, year="2025年度", name="广州市实例(黄埔)14号科技有限公司")),
    ("an ideographic space inside the code, 共5人",
     messy_row(15, code="　".join(chunks(code(15))), staff="共5人")),
    ("a name pasted with spaces and a zero-width space",
     messy_row(16, name="  广州市实例16号科技有限公司\u200b ")),
    ("a phone typed as a number, TRUE/yes booleans",
     messy_row(17, phone=13800138000.0, acct=True, credit="yes")),
    ("有 / 已设立 / 已贯标",
     messy_row(18, reg="有", dept="已设立", iso="已贯标")),
    ("符合 for credit, an amount per year, a date without zeros",
     messy_row(19, credit="符合", budget="150万元/年", date="2025-4-1")),
    ("RMB before the amount, a serial number stored as text",
     messy_row(20, budget="RMB 1,500,000", date="45748")),
    ("an agency and a university in other words",
     messy_row(21, co1="广州某知识产权代理有限公司", co1_kind="专利代理机构", co2="广东工业大学",
               co2_kind="高校（省属）")),
    ("the year in a cell merged down from the row above, 是 with a remark",
     messy_row(22, year=None, acct="是（独立核算）")),
]

# 8 rows with exactly one true defect each: (what, code of the error, the row)
DEFECTS: list[tuple[str, str, dict[str, Any]]] = [
    ("bad check character", "invalid_credit_code", messy_row(31, code=bad_check_character(code(31)))),
    ("no name", "missing_required", messy_row(32, name=None)),
    ("negative staff", "bad_value", messy_row(33, staff=-3)),
    ("budget that is no amount", "bad_value", messy_row(34, budget="待定")),
    ("a third co-applicant (R2)", "too_many_co_applicants",
     messy_row(35, co1="华南理工大学", co1_kind="高校", co2="广州某研究院", co2_kind="科研院所",
               co3="广州某代理事务所", co3_kind="知识产权服务机构")),
    ("unknown co-applicant kind", "unknown_co_applicant_kind", messy_row(36, co1="广州某投资公司", co1_kind="企业")),
    ("an impossible date", "bad_value", messy_row(37, date="2025-02-30")),
    ("the credit code of an earlier row, same year", "duplicate", messy_row(38, code=code(1))),
]
DEFECT_FIELDS = ["credit_code", "enterprise_name", "ip_staff_count", "ip_budget_yuan", "co3_name", "co1_kind",
                 "applied_on", "credit_code"]


@dataclass
class Messy:
    path: Path
    good_rows: dict[int, str]  # Excel row → what it shows
    defect_rows: dict[int, tuple[str, str]]  # Excel row → (what, error code)
    skipped_rows: list[int]  # rows under the header that hold no application


def _write(sheet, row: int, values: dict[str, Any], number: int | None) -> None:
    if number is not None:
        sheet.cell(row=row, column=1, value=number)
    for key, value in values.items():
        if value is not None:
            sheet.cell(row=row, column=KEYS.index(key) + 1, value=value)


def messy_workbook(path: Path) -> Messy:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "汇总"
    sheet["A1"] = "2025年度黄埔区高价值专利培育布局中心申报汇总表"
    sheet.merge_cells(f"A1:{LAST}1")
    sheet["A2"] = "填表说明：1.本表由区知识产权局汇总；2.是/否栏可填“是”“否”，或写明情况（如负责人姓名）。"
    sheet.merge_cells(f"A2:{LAST}2")
    for column, (_key, title) in enumerate(MESSY_COLUMNS, start=1):
        sheet.cell(row=4, column=column, value=title)  # row 3 left blank
    good_rows: dict[int, str] = {}
    defect_rows: dict[int, tuple[str, str]] = {}
    skipped: list[int] = []
    row = 5
    sheet.cell(row=row, column=1, value="一、独立申报")
    sheet.merge_cells(f"A{row}:{LAST}{row}")
    skipped.append(row)
    row += 1
    number = 1
    defects = iter(DEFECTS)
    for index, (what, values) in enumerate(GOOD):
        if index == 11:  # a blank separator, then a section title merged across the table
            row += 1
            sheet.cell(row=row, column=1, value="二、联合申报")
            sheet.merge_cells(f"A{row}:{LAST}{row}")
            skipped.append(row)
            row += 1
        _write(sheet, row, values, number)
        good_rows[row] = what
        if index == 21:
            sheet.merge_cells(f"D{row - 1}:D{row}")  # the year merged down from the row above
        number += 1
        row += 1
        if index % 3 == 2:  # the defects among the good rows, as they come
            defect = next(defects, None)
            if defect is not None:
                what_wrong, error_code, values = defect
                _write(sheet, row, values, number)
                defect_rows[row] = (what_wrong, error_code)
                number += 1
                row += 1
    for what_wrong, error_code, values in defects:
        _write(sheet, row, values, number)
        defect_rows[row] = (what_wrong, error_code)
        number += 1
        row += 1
    row += 1  # blank
    sheet.cell(row=row, column=1, value="合计")
    sheet.cell(row=row, column=KEYS.index("staff") + 1, value=150)
    sheet.cell(row=row, column=KEYS.index("patents") + 1, value=600)
    skipped.append(row)
    row += 1
    for empty in (number, number + 1):  # numbered in advance, never filled
        sheet.cell(row=row, column=1, value=empty)
        skipped.append(row)
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value="注：1.联合申报单位至多2家（R2）；2.本表一式两份。")
    sheet.merge_cells(f"A{row}:{LAST}{row}")
    skipped.append(row)
    row += 1
    sheet.cell(row=row, column=1, value="填表人：王五")
    sheet.cell(row=row, column=6, value="审核人：赵六")
    sheet.cell(row=row, column=12, value="填表日期：2025年4月2日")
    skipped.append(row)
    sheet.column_dimensions["B"].width = 36
    workbook.save(path)
    return Messy(path, good_rows, defect_rows, skipped)


# ------------------------------------------------------------------------------ other shapes


def grouped_workbook(path: Path) -> Path:
    """Instructions on the first sheet; on the second, a title, a 万元 note, a header of two rows
    (groups over sub-headers) with a units row under it, the columns in another order."""
    workbook = Workbook()
    notes = workbook.active
    notes.title = "填报说明"
    for line in ("填报说明", "1. 申报单位名称、统一社会信用代码必填。", "2. 经费以万元为单位。", "3. 是/否栏填是或否。"):
        notes.append([line])
    sheet = workbook.create_sheet("申报汇总")
    groups = [
        ("基本情况", ["统一社会信用代码", "单位名称", "年份"]),
        ("在本区", ["注册登记地", "税务征管关系", "统计关系"]),
        ("联合申报单位1", ["名称", "类型"]),
        ("联合申报单位2", ["名称", "类型"]),
        ("建设条件", ["专职人员", "经费投入", "有效发明专利", "PCT国际申请"]),
        ("联系人", ["姓名", "电话"]),
    ]
    width = sum(len(subs) for _, subs in groups)
    sheet["A1"] = "黄埔区2026年度高价值专利培育布局中心申报情况汇总"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=2, column=width, value="金额单位：万元")
    column = 1
    for group, subs in groups:
        sheet.cell(row=3, column=column, value=group)
        if len(subs) > 1:
            sheet.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + len(subs) - 1)
        for offset, sub in enumerate(subs):
            sheet.cell(row=4, column=column + offset, value=sub)
        column += len(subs)
    units = {"专职人员": "（人）", "经费投入": "（万元）", "有效发明专利": "（件）", "PCT国际申请": "（件）"}
    subs_in_order = [sub for _, subs in groups for sub in subs]
    for index, sub in enumerate(subs_in_order, start=1):
        if sub in units:
            sheet.cell(row=5, column=index, value=units[sub])
    rows = [
        [code(101), "广州分组一号有限公司", 2026, "是", "是", "是", "华南农业大学", "高校", None, None, 4, 120, 30, 1,
         "陈一", "020-1"],
        [code(102), "广州分组二号有限公司", "2026年", "是", "否", "是", None, None, None, None, 3, "200.5", 12, 0,
         "陈二", "020-2"],
        [code(103).lower(), "广州分组三号有限公司", 2026, "是", "是", "是", "广州某研究院", "科研院所", "某代理所",
         "知识产权服务机构", "6人", "100万元", 45, 3, "陈三", "020-3"],
        [code(104), "广州分组四号有限公司", 2026, "√", "√", "√", None, None, None, None, 5, 300, 8, 2, "陈四", "020-4"],
    ]  # fmt: skip
    for offset, values in enumerate(rows):
        for index, value in enumerate(values, start=1):
            sheet.cell(row=6 + offset, column=index, value=value)
    workbook.active = sheet
    workbook.save(path)
    return path


GROUPED_BUDGETS = [Decimal(1200000), Decimal(2005000), Decimal(1000000), Decimal(3000000)]


def renamed_workbook(path: Path) -> Path:
    """Headers in other words and another order, amounts in 元, an example row under the header,
    a second sheet of data for another purpose, a footnote and rows numbered in advance."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2027申报"
    sheet.append(["编号", "申报主体", "纳税人识别号", "合作单位名称", "合作单位性质", "知识产权经费（元）",
                  "知识产权专职人员（人）", "是否在黄埔区注册", "税务关系", "统计关系", "法人资格", "是否由高管担任中心负责人",
                  "申报时间", "手机号码", "备注"])  # fmt: skip
    sheet.append(["示例", "广州某某科技有限公司", "91440101XXXXXXXXXX", "某大学", "高校", 1000000, 3, "是", "是", "是",
                  "是", "是", "2027-03-01", "13800000000", None])  # fmt: skip
    rows = [
        [1, "广州改名一号有限公司", code(201), "中山大学", "高校", 1200000, 3, "是", "是", "是", "是", "王一",
         "2027年3月2日", 13900000001, "重点培育"],
        [2, "广州改名二号有限公司", code(202), None, None, "1,000,000", 4, "是", "是", "是", "是", "是",
         "2027/3/3", 13900000002, None],
        [3, "广州改名三号有限公司", code(203), "广州某代理有限公司", "代理机构", "2,500,000元", 7, "是", "否", "是",
         "单独入统分公司", "否", "2027.3.4", 13900000003, None],
    ]  # fmt: skip
    for values in rows:
        sheet.append(values)
    sheet.append([4])
    sheet.append([5])
    sheet.append(["数据来源：各申报单位申报书"])
    other = workbook.create_sheet("通讯录")
    other.append(["姓名", "电话"])
    other.append(["王一", "13900000001"])
    workbook.save(path)
    return path

