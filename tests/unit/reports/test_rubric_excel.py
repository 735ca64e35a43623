"""Rubric tables in Excel: the official-table import, its problems by row, and the export round trip."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from hvp_desktop.reports.rubric_excel import read_rubric_table, write_rubric_table
from hvp_desktop.scoring.rubric import RubricError, default_rubrics

D = Decimal
OFFICIAL = {"kind": "recognition", "title": "认定评分表（附件2）", "version": "2026.2"}


def workbook(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def problems_reading(path: Path, **options: Any) -> list[str]:
    with pytest.raises(RubricError) as caught:
        read_rubric_table(path, **{**OFFICIAL, **options})
    return caught.value.problems


# ------------------------------------------------------------------------------ round trip


@pytest.mark.parametrize("kind", ["recognition", "annual"])
def test_export_then_import_gives_back_the_same_rubric(tmp_path, kind):
    rubric = default_rubrics()[kind]
    path = tmp_path / f"{kind}.xlsx"
    write_rubric_table(rubric, path)
    back = read_rubric_table(path, kind=kind, title=rubric.title, version=rubric.version, rubric_id=rubric.id)
    assert back.source == f"{kind}.xlsx"
    same = dataclasses.replace(back, source=rubric.source)
    assert same == rubric
    assert same.digest == rubric.digest


def test_the_export_looks_like_an_office_table(tmp_path):
    rubric = default_rubrics()["annual"]
    path = tmp_path / "annual.xlsx"
    write_rubric_table(rubric, path)
    sheet = load_workbook(path).worksheets[0]
    assert sheet["A1"].value == "高价值专利培育布局中心年度考核评分表（默认）（2026.1）"
    assert [c.value for c in sheet[2]][:6] == ["一级指标编号", "一级指标", "编号", "二级指标", "评分标准", "分值"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:J1", "A3:A5", "B3:B5"} <= merged  # title; section R5 over its 3 criteria
    assert (sheet["C3"].value, sheet["D3"].value, sheet["F3"].value) == ("R5.1", "中心负责人履职", 3)
    assert sheet["H3"].value.splitlines()[0] == "差 0–1.5：负责人非高管，或未实际履职"
    assert sheet["J3"].value == "低于60%须填评语"
    last = 2 + len(rubric.criteria) + 1
    assert (sheet.cell(last, 2).value, sheet.cell(last, 6).value) == ("合计", f"=SUM(F3:F{last - 1})")


def test_an_edit_made_in_excel_comes_back(tmp_path):
    rubric = default_rubrics()["annual"]
    path = tmp_path / "edited.xlsx"
    write_rubric_table(rubric, path)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    row = {sheet.cell(r, 3).value: r for r in range(3, sheet.max_row + 1)}
    sheet.cell(row["R12.1"], 6).value = 3  # one point moved from R13.1 to R12.1
    sheet.cell(row["R12.1"], 8).value = "差 0–1.5：无总结\n优 2–3：总结具体"
    sheet.cell(row["R13.1"], 6).value = 4
    sheet.cell(row["R13.1"], 8).value = None
    sheet.cell(row["R13.1"], 10).value = "无"
    sheet.cell(row["R5.1"], 4).value = "中心负责人履职情况"
    book.save(path)
    back = read_rubric_table(path, kind="annual", title=rubric.title, version="2026.2", rubric_id=rubric.id)
    assert back.max_total == D(100)
    assert back.criterion("R12.1").max_points == D(3)
    assert [(b.label, b.low, b.high) for b in back.criterion("R12.1").bands] == [("差", 0, D("1.5")), ("优", 2, 3)]
    assert back.criterion("R13.1").bands == () and back.criterion("R13.1").comment_below_share is None
    assert back.criterion("R5.1").title == "中心负责人履职情况"
    assert back.version == "2026.2" and back.digest != rubric.digest


# ------------------------------------------------------------------------------ official tables


def test_an_official_table_with_title_row_merged_sections_and_full_width_digits(tmp_path):
    rows = [
        ["附件2", None, None, None, None, None],
        ["高价值专利培育布局中心认定评分表", None, None, None, None, None],
        ["序号", "一级指标", "二级指标", "评分标准", "分值（分）", "得分"],
        [1, "一、组织与人员", "负责人", "高管担任负责人得满分", "３０", None],
        [2, None, "专职人员", "不少于3人", "２０分", None],
        [3, "二、经费保障（50分）", "年度经费", "不少于100万元", 45, None],
        [4, None, "办公条件", "场所与软硬件", 2.5, None],
        [5, None, "其他", None, "2.5", None],
        ["合计", None, None, None, 100, None],
        ["注：1.各项得分之和为总分。", None, None, None, None, None],
    ]
    path = workbook(tmp_path / "附件2评分表.xlsx", rows, ("A1:F1", "A2:F2", "B4:B5", "B6:B8", "A9:D9", "A10:F10"))
    rubric = read_rubric_table(path, **OFFICIAL)
    assert (rubric.id, rubric.kind, rubric.version, rubric.source) == (
        "recognition-official",
        "recognition",
        "2026.2",
        "附件2评分表.xlsx",
    )
    assert [(s.code, s.title) for s in rubric.sections] == [("A", "组织与人员"), ("B", "经费保障")]
    assert [(c.code, c.title, c.max_points) for c in rubric.criteria] == [
        ("A1", "负责人", D(30)),
        ("A2", "专职人员", D(20)),
        ("B1", "年度经费", D(45)),
        ("B2", "办公条件", D("2.5")),
        ("B3", "其他", D("2.5")),
    ]
    assert rubric.criterion("A2").guidance == "不少于3人"
    assert rubric.criterion("B3").guidance == ""
    assert {c.step for c in rubric.criteria} == {D("0.5")}
    assert rubric.max_total == D(100)


def test_section_heading_rows_merged_across(tmp_path):
    rows = [
        ["评分项目", "评分内容", "评分细则", "满分"],
        ["（一）组织机构（40分）", None, None, None],
        [None, "负责人", "查任命文件", 25],
        [None, "专职人员", "查劳动合同", 15],
        ["（二）经费", None, None, 60],
        [None, "年度经费", "查凭证", 60],
    ]
    path = workbook(tmp_path / "t.xlsx", rows, ("A2:D2",))
    rubric = read_rubric_table(path, **OFFICIAL, default_step=D(1))
    assert [(s.code, s.title, s.max_points) for s in rubric.sections] == [("A", "组织机构", 40), ("B", "经费", 60)]
    assert rubric.criterion("B1").step == D(1)


def test_a_stated_section_subtotal_must_match(tmp_path):
    rows = [
        ["一级指标", "二级指标", "分值"],
        ["组织机构（40分）", "负责人", 25],
        ["组织机构（40分）", "专职人员", 20],
        ["经费", "年度经费", 55],
    ]
    path = workbook(tmp_path / "t.xlsx", rows)
    assert problems_reading(path) == ["第2行（一级指标）：一级指标“组织机构”标注40分，其下各项合计45分"]


def test_a_section_of_one_criterion_may_share_its_name(tmp_path):
    rows = [["一级指标", "二级指标", "分值"], ["组织", "负责人", 60], ["经费", "经费", 40]]
    rubric = read_rubric_table(workbook(tmp_path / "t.xlsx", rows), **OFFICIAL)
    assert [(c.code, c.title, c.max_points) for c in rubric.criteria] == [("A1", "负责人", 60), ("B1", "经费", 40)]


def test_codes_and_steps_from_the_table_and_a_fine_default_step(tmp_path):
    rows = [
        ["一级指标", "编号", "指标", "分值", "步长"],
        ["甲", "１．１", "x", 60, 1],
        ["甲", "1.2", "y", "39.8", None],
        ["乙", None, "z", "0.2", None],
    ]
    rubric = read_rubric_table(workbook(tmp_path / "t.xlsx", rows), **OFFICIAL)
    assert [(c.code, c.step) for c in rubric.criteria] == [("1.1", D(1)), ("1.2", D("0.1")), ("B1", D("0.1"))]


# ------------------------------------------------------------------------------ problems, by row


def test_every_row_problem_is_reported_with_its_row(tmp_path):
    rows = [
        ["评分表"],
        ["一级指标", "二级指标", "评分标准", "分值"],
        ["组织", "负责人", "查", 30],
        ["组织", "专职人员", "查", "十分"],
        ["组织", None, "查", 10],
        ["经费", "年度经费", "查", None],
        ["经费", "场所", "查", 0],
    ]
    problems = problems_reading(workbook(tmp_path / "t.xlsx", rows))
    assert problems == [
        "第4行（分值）：“十分”不是数字",
        "第5行（二级指标）：缺少二级指标名称",
        "第6行（分值）：缺少分值",
        "第7行（分值）：必须大于0",
    ]  # no total complaint: with unreadable points it would only mislead


def test_a_total_other_than_100_is_refused(tmp_path):
    rows = [["一级指标", "二级指标", "分值"], ["组织", "负责人", 50], ["经费", "年度经费", 45]]
    assert problems_reading(workbook(tmp_path / "t.xlsx", rows)) == ["全表：各项满分合计为95分，应为100分"]


def test_a_missing_column_is_named(tmp_path):
    rows = [["标题"], ["一级指标", "二级指标", "评分标准"], ["组织", "负责人", "查"]]
    (problem,) = problems_reading(workbook(tmp_path / "t.xlsx", rows))
    assert problem.startswith("第2行（表头）：缺少“分值”列（也可叫满分、分数、标准分）")


def test_no_header_row_at_all(tmp_path):
    rows = [["名称", "数量"], ["甲", 1]]
    (problem,) = problems_reading(workbook(tmp_path / "t.xlsx", rows))
    assert problem.startswith("前15行中找不到表头行")


def test_schema_problems_are_told_by_row_and_column(tmp_path):
    rows = [
        ["一级指标", "编号", "二级指标", "分值", "步长", "评分档次", "对应条款", "评语要求"],
        ["组织", "A1", "负责人", 50, 3, None, "R5", "低于60%须填评语"],
        ["组织", "A1", "专职人员", 20, None, "差 0–10：少\n良 8–20：多", "R5、R99", None],
        ["经费", "B1", "经费", 30, None, "优秀：全部", None, "看情况"],
    ]
    problems = problems_reading(workbook(tmp_path / "t.xlsx", rows))
    assert problems == [
        "第2行（步长）：满分50不是步长3的整数倍",
        "第3行（编号）：编号“A1”重复（已用于第2行）",
        "第3行（评分档次）：与第1档（0–10）重叠",
        "第3行（对应条款）：应为R1–R21之一，实为“R99”",
        "第4行（评分档次）：无法识别“优秀：全部”，每行应如“优 9–10：描述”",
        "第4行（评语要求）：无法识别“看情况”，应如“低于60%须填评语；档次边界须填评语”",
    ]


def test_the_same_section_twice_apart(tmp_path):
    rows = [["一级指标", "二级指标", "分值"], ["组织", "a", 50], ["经费", "b", 30], ["组织", "c", 20]]
    assert problems_reading(workbook(tmp_path / "t.xlsx", rows)) == [
        "第4行（一级指标）：一级指标“组织”已在第2行出现，同一指标的评分项应排在一起"
    ]


def test_a_formula_without_a_cached_result(tmp_path):
    rows = [["一级指标", "二级指标", "分值"], ["组织", "a", "=50+50"]]
    assert problems_reading(workbook(tmp_path / "t.xlsx", rows)) == [
        "第2行（分值）：公式没有计算结果，请在Excel或WPS中打开、重新计算并保存后再导入"
    ]


def test_bad_arguments_are_reported_too(tmp_path):
    rows = [["一级指标", "二级指标", "分值"], ["组织", "a", 100]]
    problems = problems_reading(workbook(tmp_path / "t.xlsx", rows), version="2026")
    assert problems == ["参数version：“2026”格式不对：应如2026.1（年份.修订号）"]


def test_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "rubric.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    (problem,) = problems_reading(path)
    assert "无法读取文件“rubric.xlsx”" in problem
    (problem,) = problems_reading(tmp_path / "missing.xlsx")
    assert "找不到文件" in problem
