"""Issue 19: the on-site checklist as an Excel table — the shipped one exported and read back
unchanged, and a secretariat's own messy table read by meaning, its errors named by row."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.rules import InvalidInput
from hvp_desktop.reports.checklist_excel import ChecklistTableError, read_checklist_table, write_checklist_table


def test_the_shipped_checklist_round_trips_through_its_table(tmp_path):
    shipped = checklists.default_checklist()
    path = tmp_path / "核查表.xlsx"
    write_checklist_table(shipped, path)
    back = read_checklist_table(path, title=shipped.title, version=shipped.version, checklist_id=shipped.id)
    assert back.items == shipped.items
    assert (path.stat().st_mode & 0o777) == 0o600


def _messy(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "黄埔区高价值专利培育布局中心第一年度考核现场核查表"
    ws["A2"] = "（工作人员于2026年11月修订）"
    ws.append([])
    ws.append(["类别", "序号", "核查内容", "具体要求", "核查方式", "佐证材料", "单位", "不少于", "对应指标"])
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["注：", "量化指标按现场核实的人数、金额填写。"])
    wb.save(path)
    return path


def test_a_secretariats_own_table_is_read_by_meaning(tmp_path):
    path = _messy(tmp_path / "自制核查表.xlsx", [
        ["一票否决", "Ｒ５．１", "负责人为企业高管", "委派一名高管作为中心主要负责人。", "查阅任命文件。", "任命文件", None, None,
         "R5.1"],
        ["量化指标", "R5.3", "专职人员", "专职知识产权工作人员3人以上。", "查阅劳动合同。", "社保记录", "人", "3人", "R5.3"],
        [None, "R7.1", "工作经费", "每年知识产权工作经费投入不少于100万元（不包含人员薪酬）。", "查阅经费台账。", "审计报告",
         None, "100万元", "R7.1, R7.2"],
        ["核查项", "R8.1", "信息化管理机制", "建立知识产权信息化管理机制。", "", "", None, None, "R8.1"],
    ])
    table = read_checklist_table(path, title="自制核查表", version="2026.2")
    by_code = {i.code: i for i in table.items}
    assert list(by_code) == ["R5.1", "R5.3", "R7.1", "R8.1"]
    assert by_code["R5.1"].kind == checklists.ItemKind.VETO and by_code["R5.1"].rule == "R5"
    assert by_code["R5.3"].threshold == checklists.Threshold("ip_staff_count", "人", Decimal(3))
    assert by_code["R7.1"].threshold == checklists.Threshold("ip_budget_yuan", "元", Decimal(1000000))
    assert by_code["R7.1"].informs == ("R7.1", "R7.2")
    assert "（不包含人员薪酬）" in by_code["R7.1"].requirement  # the prose keeps its Chinese punctuation
    assert by_code["R8.1"].kind == checklists.ItemKind.CHECK and by_code["R8.1"].verify  # filled from the requirement


def test_what_cannot_be_read_is_named_by_row(tmp_path):
    path = _messy(tmp_path / "有误.xlsx", [
        ["量化指标", "R5.3", "专职人员", "3人以上。", "查阅。", "记录", "人", "若干", "R5.3"],
        ["不知道", "R6.1", "模式", "建立模式。", "查阅。", "记录", None, None, "R6.1"],
    ])
    with pytest.raises(ChecklistTableError) as refused:
        read_checklist_table(path, title="t", version="2026.3")
    assert any(p.startswith("第5行（最低要求）") for p in refused.value.problems)
    assert any(p.startswith("第6行（类型）") for p in refused.value.problems)
    assert "row(s) 5, 6" in refused.value.en and not any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.en)


def test_a_table_without_the_needed_columns_or_a_wrong_rule_is_refused(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "核查内容", "备注"])
    wb.active.append(["R5.1", "负责人", "x"])
    wb.save(tmp_path / "缺列.xlsx")
    with pytest.raises(InvalidInput):
        read_checklist_table(tmp_path / "缺列.xlsx", title="t", version="2026.3")
    path = _messy(tmp_path / "规则.xlsx", [["核查项", "X1", "事项", "要求。", "查阅。", "记录", None, None, "R5.1"]])
    with pytest.raises(InvalidInput) as refused:  # the domain's own check: a rule of §三 (R5–R13)
        read_checklist_table(path, title="t", version="2026.3")
    assert "rule" in refused.value.en.lower()
