"""The application import, on real .xlsx files written with openpyxl."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.model import ApplicationData, CoApplicant, CoApplicantKind
from hvp_desktop.reports.cells import CellError
from hvp_desktop.reports.excel_import import (
    ERROR_COLUMN_TITLE,
    FIELDS,
    IGNORE,
    KNOWN_HEADERS,
    ROW_COLUMN_TITLE,
    TEMPLATE_PATH,
    ColumnUse,
    ImportCancelled,
    ParseResult,
    RowError,
    UnknownColumn,
    WorkbookError,
    co_applicant_kind,
    normalise_header,
    parse_workbook,
    write_rejected,
    write_template,
)

PROJECT_ROOT = Path(__file__).resolve().parents[3]
FIRST_DATA_ROW = 3  # template: title in row 1, headers in row 2


def code(n: int) -> str:
    """A valid credit code, different for each n."""
    return credit_code.make(f"91440116{n:09d}")


def bad_check_character(valid: str) -> str:
    alphabet = credit_code.ALPHABET
    return valid[:17] + alphabet[(alphabet.index(valid[17]) + 1) % len(alphabet)]


def minimal(n: int, **fields: Any) -> dict[str, Any]:
    return {
        "year": 2025,
        "enterprise_name": f"广州测试{n}科技有限公司",
        "credit_code": code(n),
        **fields,
    }


# ------------------------------------------------------------------------------ file builders


@pytest.fixture(scope="module")
def template_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(path)
    return path


@pytest.fixture(scope="module")
def header(template_file: Path) -> dict[str, str]:
    """Field id → the header text the template gives it."""
    sheet = load_workbook(template_file).active
    return dict(zip(FIELDS, (cell.value for cell in sheet[2]), strict=True))


class AsText(str):
    """A cell value written as text even if it starts with '='."""


def letter(field_id: str) -> str:
    """The template column of a field."""
    return get_column_letter(list(FIELDS).index(field_id) + 1)


def fill_template(template: Path, out: Path, rows: list[dict[str, Any]]) -> Path:
    """The shipped template with one row per dict (field id → value), from row 3 on."""
    workbook = load_workbook(template)
    sheet = workbook["申报信息"]
    for offset, row in enumerate(rows):
        for field_id, value in row.items():
            cell = sheet[f"{letter(field_id)}{FIRST_DATA_ROW + offset}"]
            cell.value = value
            if isinstance(value, AsText):
                cell.data_type = "s"
    workbook.save(out)
    return out


def write_rows(path: Path, rows: list[list[Any]]) -> Path:
    """A plain one-sheet workbook, rows written from A1."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def add_cached_value(path: Path, cell: str, cached: str, sheet: str = "xl/worksheets/sheet1.xml") -> None:
    """openpyxl writes formulas with an empty <v>: put a cached value there, as Excel would."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[sheet].decode()
    pattern = re.compile(rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?')
    xml, count = pattern.subn(rf"\1<v>{cached}</v>", xml)
    assert count == 1, f"formula cell {cell} not found"
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def errors_of(result: ParseResult, row: int) -> list[RowError]:
    return [e for e in result.errors if e.row == row]


def only_error(result: ParseResult, row: int) -> RowError:
    errors = errors_of(result, row)
    assert len(errors) == 1, errors
    return errors[0]


# ------------------------------------------------------------------------------ fields and headers


def test_fields_are_in_template_order_and_required_as_the_brief_says() -> None:
    assert list(FIELDS)[:3] == ["year", "enterprise_name", "credit_code"]
    assert [f.id for f in FIELDS.values() if f.required] == [
        "year",
        "enterprise_name",
        "credit_code",
    ]
    assert {"co3_name", "co3_kind", "ip_budget_yuan", "applied_on"} <= set(FIELDS)
    assert all(spec.id == field_id for field_id, spec in FIELDS.items())


def test_every_label_and_synonym_names_exactly_its_field() -> None:
    for spec in FIELDS.values():
        for text in (spec.label, *spec.synonyms):
            assert KNOWN_HEADERS[normalise_header(text)] == spec.id


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("年度知识产权工作经费（万元）", "年度知识产权工作经费"),
        ("*申报单位名称（必填）", "申报单位名称"),
        ("＊ 统一社会\n信用代码 ＊", "统一社会信用代码"),
        ("注册地在本区(是/否)", "注册地在本区"),
        ("联合申报单位3（R2：至多2家，填写即不予受理）", "联合申报单位3"),
        ("PCT申请数（件）（必填）", "pct申请数"),
        ("实施ＩＳＯ５６００５", "实施iso56005"),
        (None, ""),
    ],
)
def test_header_normalisation(raw: str | None, expected: str) -> None:
    assert normalise_header(raw) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("高校", CoApplicantKind.UNIVERSITY),
        ("高等院校", CoApplicantKind.UNIVERSITY),
        ("大学", CoApplicantKind.UNIVERSITY),
        ("高等学校", CoApplicantKind.UNIVERSITY),
        ("University", CoApplicantKind.UNIVERSITY),
        ("科研院所", CoApplicantKind.RESEARCH_INSTITUTE),
        ("科研机构", CoApplicantKind.RESEARCH_INSTITUTE),
        ("研究院", CoApplicantKind.RESEARCH_INSTITUTE),
        ("研究所", CoApplicantKind.RESEARCH_INSTITUTE),
        ("Research Institute", CoApplicantKind.RESEARCH_INSTITUTE),
        ("知识产权服务机构", CoApplicantKind.IP_SERVICE_AGENCY),
        ("服务机构", CoApplicantKind.IP_SERVICE_AGENCY),
        (" 知识产权 服务 ", CoApplicantKind.IP_SERVICE_AGENCY),
        ("IP service agency", CoApplicantKind.IP_SERVICE_AGENCY),
    ],
)
def test_co_applicant_kinds(text: str, kind: CoApplicantKind) -> None:
    assert co_applicant_kind(text) is kind


@pytest.mark.parametrize("text", ["企业", "医院", "高校或企业"])
def test_other_co_applicant_kinds_are_refused(text: str) -> None:
    with pytest.raises(CellError, match="高校、科研院所或知识产权服务机构"):
        co_applicant_kind(text)


# ------------------------------------------------------------------------------ the template


def test_template_layout(template_file: Path, header: dict[str, str]) -> None:
    workbook = load_workbook(template_file)
    assert workbook.sheetnames == ["申报信息", "填写说明"]
    sheet = workbook["申报信息"]
    last = sheet.cell(row=2, column=len(FIELDS)).column_letter
    assert [str(r) for r in sheet.merged_cells.ranges] == [f"A1:{last}1"]
    assert sheet["A1"].value == "黄埔区高价值专利培育布局中心申报汇总表"
    assert sheet.freeze_panes == "A3"
    assert all(cell.font.bold and cell.alignment.wrap_text for cell in sheet[2])
    assert header["ip_budget_yuan"] == "年度知识产权工作经费（万元）"
    assert "不予受理" in header["co3_name"] and "不予受理" in header["co3_kind"]
    assert sheet.column_dimensions["B"].width >= 20  # the enterprise name is long
    assert sheet.max_row == 2  # no example row that would be imported by mistake


def test_template_drop_downs(template_file: Path) -> None:
    sheet = load_workbook(template_file)["申报信息"]
    ranges = {dv.formula1: {str(r) for r in dv.sqref.ranges} for dv in sheet.data_validations.dataValidation}
    yes_no = {f"{letter(f)}3:{letter(f)}1002" for f, spec in FIELDS.items() if spec.kind == "bool"}
    kinds = {f"{letter(f)}3:{letter(f)}1002" for f in ("co1_kind", "co2_kind", "co3_kind")}
    assert ranges == {'"是,否"': yes_no, '"高校,科研院所,知识产权服务机构"': kinds}
    assert len(yes_no) == 12


def test_template_instructions(template_file: Path, header: dict[str, str]) -> None:
    sheet = load_workbook(template_file)["填写说明"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] in header.values()}
    assert len(rows) == len(FIELDS)
    assert rows[header["enterprise_name"]][0] == "必填"
    assert rows[header["contact_name"]][0] == "选填"
    assert "万元" in rows[header["ip_budget_yuan"]][1]
    assert "R2" in rows[header["co3_name"]][1] and "至多2家" in rows[header["co3_name"]][1]
    assert all(text for _, text in rows.values())


def test_shipped_template_is_the_written_one(template_file: Path) -> None:
    shipped = load_workbook(TEMPLATE_PATH)
    fresh = load_workbook(template_file)
    for name in ("申报信息", "填写说明"):
        assert list(shipped[name].values) == list(fresh[name].values)


def test_command_line_writes_the_template(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "hvp_desktop.reports.excel_import",
            "--write-template",
            str(out),
        ],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    assert parse_workbook(out).header_row == 2


def test_empty_template_parses_to_nothing(template_file: Path) -> None:
    result = parse_workbook(template_file)
    assert (result.header_row, result.total_rows, result.rows, result.rejected) == (
        2,
        0,
        [],
        [],
    )
    assert result.unknown_columns == [] and result.missing_columns == []


# ------------------------------------------------------------------------------ good rows


def test_filled_template(template_file: Path, tmp_path: Path) -> None:
    full = {
        "year": 2025,
        "enterprise_name": "广州甲科技有限公司",
        "credit_code": code(1),
        "registered_in_district": "是",
        "tax_in_district": "是",
        "stats_in_district": "是",
        "independent_legal_person": "是",
        "independent_accounting": "是",
        "good_credit": "否",
        "co1_name": "华南理工大学",
        "co1_kind": "高校",
        "co2_name": "广州某知识产权代理有限公司",
        "co2_kind": "知识产权服务机构",
        "affiliation_group": "甲集团",
        "ip_staff_count": 5,
        "ip_budget_yuan": 150,
        "senior_executive_principal": "是",
        "independent_ip_department": "否",
        "iso56005": "是",
        "valid_invention_patents": 40,
        "pct_applications": 6,
        "contact_name": "张三",
        "contact_phone": "020-12345678",
        "applied_on": datetime(2025, 3, 1),
    }
    path = fill_template(template_file, tmp_path / "filled.xlsx", [full, minimal(2)])
    result = parse_workbook(path)
    assert result.rejected == []
    assert [r.row for r in result.rows] == [3, 4]
    assert result.rows[0].data == ApplicationData(
        year=2025,
        enterprise_name="广州甲科技有限公司",
        credit_code=code(1),
        registered_in_district=True,
        tax_in_district=True,
        stats_in_district=True,
        independent_legal_person=True,
        independent_accounting=True,
        good_credit=False,
        co_applicants=(
            CoApplicant("华南理工大学", CoApplicantKind.UNIVERSITY),
            CoApplicant("广州某知识产权代理有限公司", CoApplicantKind.IP_SERVICE_AGENCY),
        ),
        affiliation_group="甲集团",
        ip_staff_count=5,
        ip_budget_yuan=Decimal(1500000),
        senior_executive_principal=True,
        independent_ip_department=False,
        iso56005=True,
        valid_invention_patents=40,
        pct_applications=6,
        contact_name="张三",
        contact_phone="020-12345678",
        applied_on=date(2025, 3, 1),
    )
    assert result.rows[1].data == ApplicationData(2025, "广州测试2科技有限公司", code(2))
    assert result.total_rows == 2


@pytest.mark.parametrize("budget", [150, "150", "150万元", "1,500,000元", "１５０万", 150.0])
def test_budget_in_the_template_column_is_in_wan(template_file: Path, tmp_path: Path, budget: object) -> None:
    path = fill_template(template_file, tmp_path / "b.xlsx", [minimal(1, ip_budget_yuan=budget)])
    assert parse_workbook(path).rows[0].data.ip_budget_yuan == Decimal(1500000)


def messy_workbook(path: Path) -> Path:
    """What arrives from the enterprises, collated by hand."""
    workbook = Workbook()
    sheet = workbook.active
    headers = [
        "序号", "年度", " 企业\n名称 ", "*信用代码", "注册地在本区(是/否)", "税务关系在本区",
        "统计关系在本区", "独立法人", "独立核算", "信用良好", "合作单位1", "合作单位1类型",
        "知识产权经费", "知识产权专职人员数（人）", "有效发明专利数", "申报日期", "联系电话",
    ]  # fmt: skip
    sheet["A1"] = "2025年度黄埔区高价值专利培育布局中心申报汇总表"
    sheet.merge_cells("A1:Q1")
    sheet["A2"] = "填报单位（盖章）："
    sheet.append(headers)  # row 3
    spaced = "　".join(code(1)[i : i + 4] for i in range(0, 18, 4))
    full_width = spaced.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHJKLMNPQRTUWXY"})
    rows = [
        [1, "2025年度", "广州甲科技有限公司", full_width, "是", "Y", "√", "yes", True, "✓",
         "华南理工大学", "高等院校", "150万元", "=1+2", "１２", "2025年3月1日", 13800138000],  # row 4
        [None] * 17,  # row 5
        [2, None, "广州乙科技有限公司", f" {code(2).lower()} ", "否", "N", "×", "no", False, "✗",
         None, None, "1,500,000", "5人", 3.0, 45717, "13900139000"],  # row 6
        [3, "2025", "广州丙科技有限公司", code(3), "有", "无", "对", "错", 1, 0,
         "中科院广州某研究所", "科研机构", 150, "3", "1,200", "2025/3/1", None],  # row 7
        [4, 2025, "广州丁科技有限公司", code(4), None, None, None, None, None, None,
         None, None, "1,500,000元", None, None, "20250301", None],  # row 8
        ["  ", "", None],  # row 9: whitespace only
        [5, "２０２５", "广州戊科技有限公司", code(5), None, None, None, None, None, None,
         None, None, None, None, None, "2025.3.1", None],  # row 10
        [6, 2025, "广州己科技有限公司", code(6), None, None, None, None, None, None,
         None, None, None, None, None, datetime(2025, 3, 1), None],  # row 11
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("B4:B6")  # the year, merged down over a blank row
    sheet.append([])
    sheet.append([None, None, "   "])
    workbook.save(path)
    add_cached_value(path, "N4", "3")
    return path


def test_messy_file(tmp_path: Path) -> None:
    result = parse_workbook(messy_workbook(tmp_path / "messy.xlsx"))
    assert result.rejected == []
    assert result.header_row == 3
    assert result.unknown_columns == []  # 序号 is ignored without asking
    assert [r.row for r in result.rows] == [4, 6, 7, 8, 10, 11]
    assert result.total_rows == 6
    first, second, third, fourth, fifth, sixth = (r.data for r in result.rows)
    assert first == ApplicationData(
        year=2025,
        enterprise_name="广州甲科技有限公司",
        credit_code=code(1),
        registered_in_district=True,
        tax_in_district=True,
        stats_in_district=True,
        independent_legal_person=True,
        independent_accounting=True,
        good_credit=True,
        co_applicants=(CoApplicant("华南理工大学", CoApplicantKind.UNIVERSITY),),
        ip_budget_yuan=Decimal(1500000),
        ip_staff_count=3,  # the formula's cached value
        valid_invention_patents=12,
        applied_on=date(2025, 3, 1),
        contact_phone="13800138000",
    )
    assert second.year == 2025  # from the merged cell
    assert second.credit_code == code(2)
    assert [
        second.registered_in_district,
        second.tax_in_district,
        second.stats_in_district,
    ] == [False] * 3
    assert [
        second.independent_legal_person,
        second.independent_accounting,
        second.good_credit,
    ] == [False] * 3
    assert (second.ip_staff_count, second.valid_invention_patents) == (5, 3)
    assert second.contact_phone == "13900139000"
    assert second.co_applicants == ()
    assert [
        third.registered_in_district,
        third.tax_in_district,
        third.stats_in_district,
    ] == [True, False, True]
    assert [
        third.independent_legal_person,
        third.independent_accounting,
        third.good_credit,
    ] == [False, True, False]
    assert third.co_applicants == (CoApplicant("中科院广州某研究所", CoApplicantKind.RESEARCH_INSTITUTE),)
    assert (third.ip_staff_count, third.valid_invention_patents) == (3, 1200)
    assert fourth.registered_in_district is None and fourth.eligibility_summary() == "unknown"
    amounts = [d.ip_budget_yuan for d in (first, second, third, fourth, fifth)]
    assert amounts == [Decimal(1500000)] * 4 + [None]
    assert {d.applied_on for d in (first, second, third, fourth, fifth, sixth)} == {date(2025, 3, 1)}
    assert fifth.year == 2025


def test_formula_without_cached_value(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    path = fill_template(
        template_file,
        tmp_path / "f.xlsx",
        [minimal(1, ip_staff_count="=1+2"), minimal(2, valid_invention_patents="=2*3")],
    )
    add_cached_value(path, f"{letter('ip_staff_count')}3", "3")
    result = parse_workbook(path)
    assert [r.row for r in result.rows] == [3]
    assert result.rows[0].data.ip_staff_count == 3
    error = only_error(result, 4)
    assert (error.column, error.code) == (
        header["valid_invention_patents"],
        "formula_not_calculated",
    )
    assert "WPS" in error.message and "重新计算" in error.message


def test_first_visible_sheet_is_read(tmp_path: Path) -> None:
    workbook = Workbook()
    hidden = workbook.active
    hidden.title = "旧数据"
    hidden.append(["企业名称", "信用代码", "年度"])
    hidden.append(["旧企业", code(9), 2020])
    hidden.sheet_state = "hidden"
    visible = workbook.create_sheet("数据")
    visible.append(["企业名称", "信用代码", "年度"])
    visible.append(["新企业", code(1), 2025])
    workbook.active = visible
    workbook.save(tmp_path / "h.xlsx")
    result = parse_workbook(tmp_path / "h.xlsx")
    assert result.sheet_title == "数据"
    assert [r.data.enterprise_name for r in result.rows] == ["新企业"]


# ------------------------------------------------------------------------------ row errors


def test_missing_required(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    rows = [
        {"year": 2025, "credit_code": code(1)},
        {"year": 2025, "enterprise_name": "广州某公司"},
        {"enterprise_name": "广州某公司", "credit_code": code(3)},
    ]
    result = parse_workbook(fill_template(template_file, tmp_path / "m.xlsx", rows))
    found = [(e.row, e.column, e.code) for e in result.errors]
    assert found == [
        (3, header["enterprise_name"], "missing_required"),
        (4, header["credit_code"], "missing_required"),
        (5, header["year"], "missing_required"),
    ]
    assert "申报单位名称" in result.errors[0].message


def test_invalid_credit_code(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    rows = [
        minimal(1, credit_code=bad_check_character(code(1))),
        minimal(2, credit_code="9144011612345"),
    ]
    result = parse_workbook(fill_template(template_file, tmp_path / "c.xlsx", rows))
    first, second = only_error(result, 3), only_error(result, 4)
    assert (first.column, first.code) == (header["credit_code"], "invalid_credit_code")
    assert "校验位" in first.message
    assert (second.code, second.column) == (
        "invalid_credit_code",
        header["credit_code"],
    )
    assert "18位" in second.message


def test_credit_code_typed_as_a_number_gets_a_hint(template_file: Path, tmp_path: Path) -> None:
    rows = [minimal(1, credit_code=914401161234567000)]
    error = only_error(parse_workbook(fill_template(template_file, tmp_path / "n.xlsx", rows)), 3)
    assert error.code == "invalid_credit_code" and "文本格式" in error.message


def test_too_many_co_applicants(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    three = {
        "co1_name": "甲大学", "co1_kind": "高校",
        "co2_name": "乙研究院", "co2_kind": "科研院所",
        "co3_name": "丙代理公司", "co3_kind": "知识产权服务机构",
    }  # fmt: skip
    rows = [minimal(1, **three), minimal(2, co3_kind="高校")]
    result = parse_workbook(fill_template(template_file, tmp_path / "r2.xlsx", rows))
    first, second = only_error(result, 3), only_error(result, 4)
    assert (first.column, first.code) == (header["co3_name"], "too_many_co_applicants")
    assert "R2" in first.message and "至多2家" in first.message
    assert (second.column, second.code) == (
        header["co3_kind"],
        "too_many_co_applicants",
    )


def test_co_applicant_pairs(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    rows = [
        minimal(1, co1_name="甲公司", co1_kind="企业"),
        minimal(2, co2_name="乙大学"),
        minimal(3, co1_kind="高校"),
        minimal(4, co2_name="丁研究所", co2_kind="研究所"),  # co1 left empty: still fine
    ]
    result = parse_workbook(fill_template(template_file, tmp_path / "co.xlsx", rows))
    found = [(e.row, e.column, e.code) for e in result.errors]
    assert found == [
        (3, header["co1_kind"], "unknown_co_applicant_kind"),
        (4, header["co2_kind"], "co_applicant_kind_missing"),
        (5, header["co1_name"], "co_applicant_name_missing"),
    ]
    assert "企业" in result.errors[0].message
    assert result.rows[0].data.co_applicants == (CoApplicant("丁研究所", CoApplicantKind.RESEARCH_INSTITUTE),)


def test_duplicate(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    rows = [
        minimal(1),
        minimal(2),
        minimal(1, enterprise_name="广州甲（重复）"),
        minimal(1, year=2024),  # another year's application is no duplicate
        minimal(2, credit_code=" " + code(2).lower()),
    ]
    result = parse_workbook(fill_template(template_file, tmp_path / "d.xlsx", rows))
    assert [r.row for r in result.rows] == [3, 4, 6]
    first, second = only_error(result, 5), only_error(result, 7)
    assert (first.column, first.code) == (header["credit_code"], "duplicate")
    assert first.message.startswith("与第3行重复")
    assert second.message.startswith("与第4行重复")


def test_duplicate_of_a_rejected_row_is_reported(template_file: Path, tmp_path: Path) -> None:
    rows = [minimal(1, good_credit="也许"), minimal(1)]
    result = parse_workbook(fill_template(template_file, tmp_path / "d2.xlsx", rows))
    assert [e.code for e in errors_of(result, 4)] == ["duplicate"]


@pytest.mark.parametrize(
    ("field_id", "value", "words"),
    [
        ("good_credit", "可能", "是/否"),
        ("ip_budget_yuan", "一百万", "金额"),
        ("ip_budget_yuan", 20000000000, "请检查单位"),  # 2000亿元 in a 万元 column, 200亿元 in yuan
        ("applied_on", "明天", "日期"),
        ("ip_staff_count", "很多", "整数"),
        ("pct_applications", -1, "负数"),
        ("year", "去年", "年份"),
    ],
)
def test_bad_value(
    template_file: Path,
    tmp_path: Path,
    header: dict[str, str],
    field_id: str,
    value: object,
    words: str,
) -> None:
    path = fill_template(template_file, tmp_path / "v.xlsx", [minimal(1, **{field_id: value})])
    error = only_error(parse_workbook(path), 3)
    assert (error.row, error.column, error.code) == (3, header[field_id], "bad_value")
    assert words in error.message


def test_every_error_of_a_row_is_reported(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    row = {
        "year": 2025,
        "credit_code": "123",
        "tax_in_district": "?",
        "co1_name": "某公司",
        "co1_kind": "企业",
        "applied_on": "2025-02-30",
    }
    result = parse_workbook(fill_template(template_file, tmp_path / "all.xlsx", [row]))
    found = {(e.column, e.code) for e in errors_of(result, 3)}
    assert found == {
        (header["enterprise_name"], "missing_required"),
        (header["credit_code"], "invalid_credit_code"),
        (header["tax_in_district"], "bad_value"),
        (header["co1_kind"], "unknown_co_applicant_kind"),
        (header["applied_on"], "bad_value"),
    }
    assert len(result.rejected) == 1 and result.rejected[0].row == 3


def test_errors_are_sorted_by_row(template_file: Path, tmp_path: Path) -> None:
    rows = [minimal(1, good_credit="?"), minimal(2), {"year": 2025, "enterprise_name": "丙", "credit_code": "123",
                                                      "good_credit": "?"}]
    result = parse_workbook(fill_template(template_file, tmp_path / "s.xlsx", rows))
    assert [e.row for e in result.errors] == [3, 5, 5]
    assert [r.row for r in result.rejected] == [3, 5]


# ------------------------------------------------------------------------------ round year


def test_round_year(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    rows = [minimal(1, year=None), minimal(2, year="2025年度"), minimal(3, year=2024)]
    path = fill_template(template_file, tmp_path / "y.xlsx", rows)
    result = parse_workbook(path, round_year=2025)
    assert [(r.row, r.data.year) for r in result.rows] == [(3, 2025), (4, 2025)]
    error = only_error(result, 5)
    assert (error.column, error.code) == (header["year"], "year_mismatch")
    assert error.message == "申报年度2024与导入轮次2025不一致"


def test_without_round_year_an_empty_year_is_missing(template_file: Path, tmp_path: Path) -> None:
    path = fill_template(template_file, tmp_path / "y2.xlsx", [minimal(1, year=None)])
    assert only_error(parse_workbook(path), 3).code == "missing_required"


def test_year_column_may_be_absent_when_the_round_gives_it(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "ny.xlsx", [["企业名称", "信用代码"], ["甲", code(1)]])
    with_round = parse_workbook(path, round_year=2026)
    assert with_round.missing_columns == []
    assert with_round.rows[0].data.year == 2026
    without = parse_workbook(path)
    assert without.missing_columns == ["申报年度"]
    assert [(e.row, e.column, e.code) for e in without.errors] == [(2, "申报年度", "missing_required")]


# ------------------------------------------------------------------------------ unknown columns, header_map


def unknown_columns_file(tmp_path: Path) -> Path:
    return write_rows(
        tmp_path / "u.xlsx",
        [
            ["公司名称（全称）", "信用代码", "年度", "备注", "其他", None, "联系电话"],
            ["甲公司", code(1), 2025, "老客户", None, None, "020-1"],
            ["乙公司", code(2), 2025, None, None, "无标题列的数据", "020-2"],
        ],
    )


def test_unknown_columns_are_reported_and_rows_still_parsed(tmp_path: Path) -> None:
    result = parse_workbook(unknown_columns_file(tmp_path))
    assert result.unknown_columns == [
        UnknownColumn("其他", "E", False, ""),
        UnknownColumn("", "F", True, "无标题列的数据"),
    ]
    assert [c.column for c in result.unmapped_data_columns] == ["F"]
    # a remarks column is kept with each application, in its source note: nothing to ask
    assert result.columns[3] == ColumnUse("D", "备注", "note", "note")
    assert [r.notes for r in result.rows] == [("备注：老客户",), ()]
    # a header in other words is read by its meaning, and says so
    assert result.columns[0] == ColumnUse("A", "公司名称（全称）", "enterprise_name", "guessed")
    assert result.missing_columns == [] and result.errors == []


def test_header_map_maps_and_ignores(tmp_path: Path) -> None:
    header_map = {
        "公司名称": "enterprise_name",
        "备注": IGNORE,
        "其他": IGNORE,
        "": IGNORE,
        "联系电话": IGNORE,
    }
    result = parse_workbook(unknown_columns_file(tmp_path), header_map=header_map)
    assert result.unknown_columns == [] and result.missing_columns == []
    assert [(r.data.enterprise_name, r.data.contact_phone) for r in result.rows] == [
        ("甲公司", None),
        ("乙公司", None),
    ]


def test_header_map_overrides_a_known_header(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "o.xlsx",
        [
            ["企业名称", "注册名称", "信用代码", "年度"],
            ["甲简称", "广州甲有限公司", code(1), 2025],
        ],
    )
    result = parse_workbook(path, header_map={"注册名称": "enterprise_name"})
    assert result.rows[0].data.enterprise_name == "广州甲有限公司"
    assert result.unknown_columns == [UnknownColumn("企业名称", "A", True, "甲简称")]


def test_a_second_column_for_the_same_field_is_unknown(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "two.xlsx",
        [
            ["企业名称", "信用代码", "申报单位名称", "年度"],
            ["甲", code(1), "甲有限公司", 2025],
        ],
    )
    result = parse_workbook(path)
    assert result.unknown_columns == [UnknownColumn("申报单位名称", "C", True, "甲有限公司")]
    assert result.rows[0].data.enterprise_name == "甲"


def test_header_map_errors(tmp_path: Path) -> None:
    path = unknown_columns_file(tmp_path)
    with pytest.raises(ValueError, match="no_such_field"):
        parse_workbook(path, header_map={"备注": "no_such_field"})
    with pytest.raises(WorkbookError, match="都被指定为"):
        parse_workbook(path, header_map={"备注": "contact_name", "其他": "contact_name"})


# ------------------------------------------------------------------------------ whole-file problems


def test_header_row_must_be_within_the_first_30_rows(tmp_path: Path) -> None:
    rows: list[list[Any]] = [[f"说明{i}"] for i in range(30)]
    path = write_rows(
        tmp_path / "late.xlsx",
        [*rows, ["企业名称", "信用代码", "年度"], ["甲", code(1), 2025]],
    )
    with pytest.raises(WorkbookError, match="表头"):
        parse_workbook(path)
    path = write_rows(
        tmp_path / "early.xlsx",
        [*rows[:29], ["企业名称", "信用代码", "年度"], ["甲", code(1), 2025]],
    )
    assert parse_workbook(path).header_row == 30


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(WorkbookError, match="xlsx"):
        parse_workbook(path)
    with pytest.raises(WorkbookError, match="找不到文件"):
        parse_workbook(tmp_path / "missing.xlsx")


# ------------------------------------------------------------------------------ progress, cancellation


def many_rows_file(template_file: Path, path: Path, count: int) -> Path:
    rows = [
        minimal(n, registered_in_district="是", ip_budget_yuan="120", applied_on="2025-03-01", co1_name="某大学",
                co1_kind="高校", ip_staff_count=4, contact_phone=13800000000 + n)
        for n in range(1, count + 1)
    ]  # fmt: skip
    return fill_template(template_file, path, rows)


def test_progress_is_reported(template_file: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    result = parse_workbook(
        many_rows_file(template_file, tmp_path / "p.xlsx", 250),
        progress=lambda *a: calls.append(a),
    )
    assert calls == [(0, 250), (100, 250), (200, 250), (250, 250)]
    assert len(result.rows) == 250


def test_cancellation(template_file: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    path = many_rows_file(template_file, tmp_path / "c.xlsx", 250)
    with pytest.raises(ImportCancelled):
        parse_workbook(
            path,
            progress=lambda *a: calls.append(a),
            is_cancelled=lambda: len(calls) >= 2,
        )
    assert calls == [(0, 250), (100, 250)]


def test_two_thousand_rows_parse_well_under_two_seconds(template_file: Path, tmp_path: Path) -> None:
    path = many_rows_file(template_file, tmp_path / "big.xlsx", 2000)
    started = time.perf_counter()
    result = parse_workbook(path)
    elapsed = time.perf_counter() - started
    assert len(result.rows) == 2000
    assert elapsed < 2.0, f"{elapsed:.2f} s"


# ------------------------------------------------------------------------------ rejected rows file


def test_write_rejected_round_trip(template_file: Path, tmp_path: Path, header: dict[str, str]) -> None:
    rows = [
        minimal(1, good_credit="可能", contact_name=AsText("=不是公式")),
        minimal(2),
        {
            "year": 2025,
            "enterprise_name": "乙",
            "credit_code": "123",
            "co3_name": "第三家",
        },
    ]
    result = parse_workbook(fill_template(template_file, tmp_path / "in.xlsx", rows))
    out = tmp_path / "rejected.xlsx"
    write_rejected(result, out)
    sheet = load_workbook(out).active
    values = list(sheet.values)
    assert list(values[0]) == [ROW_COLUMN_TITLE, *result.headers, ERROR_COLUMN_TITLE]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert len(values) == 3  # header + the two rejected rows, in file order
    first, second = values[1], values[2]
    assert (first[0], second[0]) == (3, 5)  # their rows in the file they came from
    assert first[2] == "广州测试1科技有限公司"
    contact = sheet.cell(row=2, column=list(FIELDS).index("contact_name") + 2)
    assert (contact.value, contact.data_type) == ("=不是公式", "s")  # text, not a formula
    assert first[-1] == f"{header['good_credit']}：无法识别为是/否：“可能”；可填是/否、有/无、Y/N、√/×"
    reasons = second[-1].split("\n")
    assert len(reasons) == 2
    assert reasons[0].startswith(f"{header['credit_code']}：统一社会信用代码无效")
    assert reasons[1].startswith(header["co3_name"]) and "R2" in reasons[1]
    assert second[1:4] == (2025, "乙", "123")


def test_write_rejected_without_rejections(template_file: Path, tmp_path: Path) -> None:
    result = parse_workbook(fill_template(template_file, tmp_path / "ok.xlsx", [minimal(1)]))
    write_rejected(result, tmp_path / "none.xlsx")
    assert list(load_workbook(tmp_path / "none.xlsx").active.values) == [
        (ROW_COLUMN_TITLE, *result.headers, ERROR_COLUMN_TITLE)
    ]
