"""Issue 17, "Real spreadsheets": workbooks shaped as secretariats shape them import without editing.

The workbooks are written by tests/messy_workbooks.py; every kind of mess is named there.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from hvp_desktop.domain.model import CoApplicant, CoApplicantKind
from hvp_desktop.reports import cells
from hvp_desktop.reports.excel_import import (
    IGNORE,
    ROW_COLUMN_TITLE,
    ColumnUse,
    ParseResult,
    guess_field,
    parse_workbook,
    write_rejected,
)
from hvp_desktop.store import applications
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from tests.messy_workbooks import (
    APPLIED_ON,
    BUDGET,
    DEFECT_FIELDS,
    DEFECTS,
    GOOD,
    GROUPED_BUDGETS,
    code,
    grouped_workbook,
    messy_workbook,
    renamed_workbook,
)


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory):
    return messy_workbook(tmp_path_factory.mktemp("messy") / "汇总表.xlsx")


@pytest.fixture(scope="module")
def messy_result(messy) -> ParseResult:
    return parse_workbook(messy.path)


@pytest.fixture
def wf(tmp_path: Path):
    working = WorkingFile.create(tmp_path / "w.hvpdb", "real-spreadsheets")
    yield working
    working.close()


# ------------------------------------------------------------------------------ the messy workbook


def test_the_messy_workbook_reads_22_good_rows_and_rejects_8(messy, messy_result: ParseResult) -> None:
    result = messy_result
    assert (len(GOOD), len(DEFECTS)) == (22, 8)
    assert result.header_row == 4 and result.unknown_columns == [] and result.missing_columns == []
    assert result.total_rows == 30
    assert [r.row for r in result.rows] == sorted(messy.good_rows)
    assert [r.row for r in result.rejected] == sorted(messy.defect_rows)


@pytest.mark.parametrize("index", range(8), ids=[what for what, _c, _r in DEFECTS])
def test_each_defect_is_rejected_with_its_one_reason(messy, messy_result: ParseResult, index: int) -> None:
    row = sorted(messy.defect_rows)[index]
    what, error_code = messy.defect_rows[row]
    [rejected] = [r for r in messy_result.rejected if r.row == row]
    [error] = rejected.errors
    assert (what, error.code, error.field) == (DEFECTS[index][0], error_code, DEFECT_FIELDS[index])


def test_reasons_say_the_column_what_was_found_and_what_is_accepted(messy, messy_result: ParseResult) -> None:
    by_code = {}
    for error in messy_result.errors:
        by_code.setdefault(error.field, error)
    staff, budget, date_error = by_code["ip_staff_count"], by_code["ip_budget_yuan"], by_code["applied_on"]
    assert staff.column == "专职知识产权工作人员" and "-3" in staff.message and "正整数" in staff.message
    assert budget.column == "知识产权工作经费" and budget.found == "待定"
    assert "“待定”" in budget.message and "150万元" in budget.message
    assert "2025-02-30" in date_error.message and "2025年4月1日" in date_error.message
    [code_error] = [e for e in messy_result.errors if e.code == "invalid_credit_code"]
    assert "校验位" in code_error.message and code_error.found in code_error.message
    duplicate = next(e for e in messy_result.errors if e.code == "duplicate")
    assert duplicate.message.startswith(f"与第{min(messy.good_rows)}行重复")


def test_every_good_row_reads_the_same_values_whatever_way_they_were_written(messy_result: ParseResult) -> None:
    for parsed, (what, _cells) in zip(messy_result.rows, GOOD, strict=True):
        data = parsed.data
        n = int(data.enterprise_name.split("实例")[1].split("号")[0].removeprefix("（黄埔）"))
        assert (data.credit_code, data.year) == (code(n), 2025), what
        assert data.ip_budget_yuan == BUDGET, what
        assert data.applied_on == APPLIED_ON, what
        assert data.ip_staff_count == 5, what
        assert data.registered_in_district and data.tax_in_district and data.stats_in_district, what
        assert data.independent_accounting is True and data.good_credit is True, what


def test_names_and_phrases_in_yes_no_columns(messy_result: ParseResult) -> None:
    by_number = {int(r.data.credit_code[8:17]): r for r in messy_result.rows}
    principal = by_number[4]
    assert principal.data.senior_executive_principal is True
    assert "高管负责人：张三（总经理）" in principal.notes  # the name is kept, as written
    assert principal.source("汇总表.xlsx") == f"汇总表.xlsx:{principal.row}（高管负责人：张三（总经理））"
    branch = by_number[5].data
    # R1: a branch counted separately is declared as such; the formal review passes it as a legal person
    assert (branch.independent_legal_person, branch.separately_counted_branch) == (None, True)
    assert by_number[6].data.independent_ip_department is True
    assert "知识产权部门：知识产权部" in by_number[6].notes
    assert by_number[8].data.senior_executive_principal is False
    assert by_number[18].data.independent_ip_department is True and by_number[18].data.iso56005 is True
    assert by_number[7].notes == ("知识产权工作经费：150 万元（不含人员薪酬）",)  # a remark is kept; a ticked box says all


def test_co_applicants_groups_and_names_written_loosely(messy_result: ParseResult) -> None:
    by_number = {int(r.data.credit_code[8:17]): r.data for r in messy_result.rows}
    assert by_number[9].co_applicants == (CoApplicant("华南理工大学", CoApplicantKind.UNIVERSITY),)
    assert by_number[10].co_applicants == (CoApplicant("中国科学院广州能源研究所", CoApplicantKind.RESEARCH_INSTITUTE),)
    assert by_number[11].co_applicants == () and by_number[11].affiliation_group is None
    assert by_number[21].co_applicants == (
        CoApplicant("广州某知识产权代理有限公司", CoApplicantKind.IP_SERVICE_AGENCY),
        CoApplicant("广东工业大学", CoApplicantKind.UNIVERSITY),
    )
    assert by_number[12].pct_applications == 0
    assert by_number[14].enterprise_name == "广州市实例（黄埔）14号科技有限公司"
    assert by_number[16].enterprise_name == "广州市实例16号科技有限公司"
    assert by_number[17].contact_phone == "13800138000"
    assert by_number[22].year == 2025  # merged down from the row above


def test_notes_titles_totals_and_empty_numbered_rows_are_passed_over_and_listed(messy, messy_result) -> None:
    assert [s.row for s in messy_result.skipped] == messy.skipped_rows
    assert {s.reason for s in messy_result.skipped} == {"note"}
    texts = " ".join(s.text for s in messy_result.skipped)
    assert "合计" in texts and "填表人" in texts and "二、联合申报" in texts


def test_the_messy_workbook_imports_22_and_previews_them(messy_result: ParseResult, wf) -> None:
    preview = applications.preview_import(wf, [r.data for r in messy_result.rows])
    assert [p.status for p in preview] == [applications.ADD] * 22
    outcome = app_ops.import_applications(wf, [(r.source("汇总表.xlsx"), r.data) for r in messy_result.rows]).value
    assert (outcome.added, outcome.updated, outcome.unchanged) == (22, 0, 0)
    again = applications.preview_import(wf, [r.data for r in messy_result.rows])
    assert {p.status for p in again} == {applications.UNCHANGED}


def test_the_rejected_rows_keep_their_row_numbers_and_import_back_without_a_question(messy, messy_result, tmp_path):
    out = tmp_path / "rejected.xlsx"
    write_rejected(messy_result, out)
    sheet = load_workbook(out).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == sorted(messy.defect_rows)
    assert sheet.cell(row=1, column=1).value == ROW_COLUMN_TITLE
    back = parse_workbook(out)
    assert back.unknown_columns == [] and back.missing_columns == []
    assert [c.how for c in back.columns if c.header in ("原行号", "错误原因")] == ["ignored", "ignored"]
    assert len(back.rejected) == 7  # the duplicate's code is now alone; every other defect is still there
    assert [r.data.credit_code for r in back.rows] == [code(1)]


# ------------------------------------------------------------------------------ other shapes


def test_a_second_sheet_under_a_two_row_header_with_units_and_a_wan_note(tmp_path: Path, wf) -> None:
    result = parse_workbook(grouped_workbook(tmp_path / "grouped.xlsx"))
    assert result.sheet_title == "申报汇总" and result.header_row == 4
    assert (len(result.rows), len(result.rejected), result.unknown_columns) == (4, 0, [])
    assert [s.reason for s in result.skipped] == ["units"]
    assert [r.data.ip_budget_yuan for r in result.rows] == GROUPED_BUDGETS
    assert result.rows[2].data.co_applicants == (
        CoApplicant("广州某研究院", CoApplicantKind.RESEARCH_INSTITUTE),
        CoApplicant("某代理所", CoApplicantKind.IP_SERVICE_AGENCY),
    )
    assert {r.data.year for r in result.rows} == {2026}
    assert result.rows[1].data.tax_in_district is False
    assert ColumnUse("H", "联合申报单位1类型", "co1_kind", "known") in result.columns
    outcome = app_ops.import_applications(wf, [(r.source("g.xlsx"), r.data) for r in result.rows]).value
    assert outcome.added == 4


def test_headers_in_other_words_and_order_amounts_in_yuan_an_example_row(tmp_path: Path, wf) -> None:
    result = parse_workbook(renamed_workbook(tmp_path / "renamed.xlsx"), round_year=2027)
    assert (len(result.rows), len(result.rejected)) == (3, 0), result.errors
    assert result.unknown_columns == []
    assert [s.reason for s in result.skipped] == ["example", "note", "note", "note"]
    guessed = {c.header: c.field for c in result.columns if c.how == "guessed"}
    assert guessed["纳税人识别号"] == "credit_code" and guessed["是否由高管担任中心负责人"] == "senior_executive_principal"
    first, second, third = (r.data for r in result.rows)
    assert [d.ip_budget_yuan for d in (first, second, third)] == [Decimal(1200000), Decimal(1000000),
                                                                 Decimal(2500000)]
    assert first.senior_executive_principal is True
    assert result.rows[0].notes == ("是否由高管担任中心负责人：王一", "备注：重点培育")  # the remarks column too
    assert first.applied_on == date(2027, 3, 2) and third.applied_on == date(2027, 3, 4)
    assert third.separately_counted_branch is True and third.tax_in_district is False
    assert third.co_applicants == (CoApplicant("广州某代理有限公司", CoApplicantKind.IP_SERVICE_AGENCY),)
    outcome = app_ops.import_applications(wf, [(r.source("r.xlsx"), r.data) for r in result.rows]).value
    assert outcome.added == 3


def test_a_sheet_unit_note_applies_to_amount_columns_without_a_unit(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["申报汇总表"])
    sheet.append(["单位：万元"])
    sheet.append(["企业名称", "信用代码", "年度", "知识产权经费"])
    sheet.append(["甲公司", code(1), 2025, 12000])  # 1.2亿元: only a 万元 note makes this readable
    sheet.append(["乙公司", code(2), 2025, "1,500,000元"])  # a unit in the cell wins
    book.save(tmp_path / "unit.xlsx")
    result = parse_workbook(tmp_path / "unit.xlsx")
    assert result.sheet_unit == "万元"
    assert [r.data.ip_budget_yuan for r in result.rows] == [Decimal(120000000), Decimal(1500000)]
    write_rejected(result, tmp_path / "none.xlsx")
    header = [c.value for c in load_workbook(tmp_path / "none.xlsx").active[1]]
    assert "知识产权经费（万元）" in header  # the unit travels with the rejected rows


def test_columns_the_user_mapped_or_ignored_keep_their_meaning_in_the_rejected_workbook(tmp_path: Path) -> None:
    book = Workbook()
    for line in (["公司", "信用代码", "年度", "推荐意见", "负责同志"], ["甲公司", code(1), 2025, "同意", "张三"],
                 ["乙公司", "123", 2025, "同意", "李四"]):
        book.active.append(line)
    book.save(tmp_path / "m.xlsx")
    mapping = {"推荐意见": IGNORE, "负责同志": "contact_name"}
    result = parse_workbook(tmp_path / "m.xlsx", header_map=mapping)
    assert (len(result.rows), len(result.rejected)) == (1, 1)
    write_rejected(result, tmp_path / "back.xlsx")
    back = parse_workbook(tmp_path / "back.xlsx")  # no mapping given: none needed
    assert back.unknown_columns == []
    assert {c.header: c.field for c in back.columns}["联系人"] == "contact_name"
    assert {c.header: c.how for c in back.columns}["推荐意见（不导入）"] == "ignored"


def test_a_column_of_the_wrong_values_is_named_with_what_it_holds_and_what_it_should(tmp_path: Path) -> None:
    book = Workbook()
    for line in (["企业名称", "信用代码", "年度", "负责人"], ["甲", code(1), 2025, "13800000000"],
                 ["乙", code(2), 2025, "13900000000"]):
        book.active.append(line)
    book.save(tmp_path / "w.xlsx")
    result = parse_workbook(tmp_path / "w.xlsx")
    [problem] = result.unreadable_columns
    assert (problem.column, problem.header, problem.field, problem.rows, problem.found) == (
        "D", "负责人", "senior_executive_principal", 2, "13800000000")
    assert "是/否" in problem.accepted and "负责人" in problem.message and "13800000000" in problem.message
    fixed = parse_workbook(tmp_path / "w.xlsx", header_map={"负责人": "contact_phone"})
    assert fixed.rejected == [] and fixed.rows[0].data.contact_phone == "13800000000"


@pytest.mark.parametrize(
    ("header", "field_id"),
    [
        ("企业名称（盖章）", "enterprise_name"),
        ("单位全称", "enterprise_name"),
        ("纳税人识别号", "credit_code"),
        ("是否在黄埔区注册", "registered_in_district"),
        ("税务征管关系", "tax_in_district"),
        ("法人资格", "independent_legal_person"),
        ("信用状况", "good_credit"),
        ("知识产权专职人员（人）", "ip_staff_count"),
        ("知识产权经费投入（万元）", "ip_budget_yuan"),
        ("中心负责人（高管）", "senior_executive_principal"),
        ("知识产权管理部门", "independent_ip_department"),
        ("是否贯标ISO56005", "iso56005"),
        ("发明专利拥有量", "valid_invention_patents"),
        ("PCT国际专利申请量", "pct_applications"),
        ("手机号码", "contact_phone"),
        ("申报时间", "applied_on"),
        ("合作单位二名称", "co2_name"),
        ("联合申报单位（一）类型", "co1_kind"),
        ("联系人及电话", None),  # two things in one column: asked, not guessed
        ("法定代表人", None),
        ("注册资本", None),
        ("2025年度高价值专利培育布局中心申报汇总表", None),
    ],
)
def test_headers_are_read_by_their_meaning(header: str, field_id: str | None) -> None:
    assert guess_field(header) == field_id


@pytest.mark.parametrize(
    ("raw", "expected", "note"),
    [
        ("张三", True, "张三"),
        ("否，由副总经理兼任", False, "否,由副总经理兼任"),
        ("☑是 □否", True, None),
        ("□是 ☑否", False, None),
        ("是( )否(√)", False, None),
        ("未设立", False, "未设立"),
        ("尚未实施", False, "尚未实施"),
        ("2024年通过认证", True, "2024年通过认证"),
        ("待定", None, "待定"),
        ("/", None, None),
    ],
)
def test_yes_no_cells_with_names_and_phrases(raw: str, expected: bool | None, note: str | None) -> None:
    assert cells.read_bool(raw, names_mean_yes=True) == (expected, note)


def test_a_name_is_no_answer_where_a_name_is_not_expected() -> None:
    with pytest.raises(cells.CellError, match="是/否"):
        cells.read_bool("张三")


def test_numbered_headers_places_lists_ticks_and_remarks(tmp_path: Path) -> None:
    """More shapes of the same kinds: numbered headers (1. / （2） / 三、 / ④), a place in a yes/no
    column, co-applicants listed in one cell, a ✔️ with its emoji selector, a code typed with an
    apostrophe, 人民币 after an amount, the R1 facts in their own columns, a remarks column kept."""
    book = Workbook()
    sheet = book.active
    sheet.append(["1.企业名称", "（2）统一社会信用代码", "三、申报年度", "④注册地", "是否在本区纳税", "联合申报单位",
                  "知识产权工作经费", "经营是否正常", "财务制度是否健全", "是否单独入统", "备注"])
    sheet.append(["甲公司", "'" + code(1), 2025, "广州市黄埔区", "✔️", "华南理工大学（高校）、广州某研究院（科研院所）",
                  "150万元人民币", "正常", "健全", "否", "老客户"])
    sheet.append(["乙公司", code(2), 2025, "天河区", "否", "中山大学、某所、某大学", "100万", "是", "是", "是", None])
    book.save(tmp_path / "more.xlsx")
    result = parse_workbook(tmp_path / "more.xlsx")
    assert result.unknown_columns == []
    assert {c.header: c.how for c in result.columns}["④注册地"] == "guessed"
    [first] = result.rows
    data = first.data
    assert data.credit_code == code(1) and data.year == 2025
    assert (data.registered_in_district, data.tax_in_district) == (True, True)
    assert data.co_applicants == (CoApplicant("华南理工大学", CoApplicantKind.UNIVERSITY),
                                  CoApplicant("广州某研究院", CoApplicantKind.RESEARCH_INSTITUTE))
    assert data.ip_budget_yuan == BUDGET
    assert (data.normal_operation, data.sound_financial_system, data.separately_counted_branch) == (True, True, False)
    assert first.notes == ("④注册地：广州市黄埔区", "备注：老客户")
    [rejected] = result.rejected  # three co-applicants in one cell (R2); the place 天河区 is read as no
    assert [e.code for e in rejected.errors] == ["too_many_co_applicants"]


def test_any_column_may_be_kept_as_a_note(tmp_path: Path) -> None:
    book = Workbook()
    for line in (["企业名称", "信用代码", "年度", "推荐意见"], ["甲公司", code(1), 2025, "同意推荐"]):
        book.active.append(line)
    book.save(tmp_path / "n.xlsx")
    assert [c.header for c in parse_workbook(tmp_path / "n.xlsx").unmapped_data_columns] == ["推荐意见"]
    result = parse_workbook(tmp_path / "n.xlsx", header_map={"推荐意见": "note"})
    assert result.rows[0].notes == ("推荐意见：同意推荐",)
