"""R5–R13, the commitments a centre makes (§三): domain/commitments.py catalogues them and measures
the figures an application already declares (R5–R7); R8–R13 are verified at the annual assessment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hvp_desktop.domain.commitments import COMMITMENTS, Measure, measure
from hvp_desktop.domain.model import ApplicationData


def declared(**fields) -> ApplicationData:
    return ApplicationData(year=2026, enterprise_name="广州承诺有限公司", credit_code="91350100M000100Y43", **fields)


def of_rule(rule: str, data: ApplicationData | None = None) -> list[Measure]:
    return [m for m in measure(data or declared()) if m.rule == rule]


def task(rule: str) -> str:
    [c] = [c for c in COMMITMENTS if c.rule == rule]
    return c.task


# -- R5 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("staff", "meets"), [(3, True), (4, True), (2, False), (0, False), (None, None)])
def test_R5_at_least_3_full_time_ip_staff(staff, meets):
    [m] = [m for m in of_rule("R5", declared(ip_staff_count=staff)) if "3" in m.item]
    assert m.meets is meets
    assert m.declared == ("未申报" if staff is None else f"{staff}人")


def test_R5_senior_executive_principal_and_independent_department_are_measured_separately():
    measures = of_rule("R5", declared(senior_executive_principal=False, independent_ip_department=True,
                                      ip_staff_count=5))
    assert len(measures) == 3
    assert sorted(m.meets for m in measures) == [False, True, True]
    assert [m.meets for m in of_rule("R5")] == [None, None, None]  # nothing declared: nothing decided
    assert "3人" in task("R5") and "高管" in task("R5")


# -- R6 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("iso", "meets", "text"), [(True, True, "是"), (False, False, "否"), (None, None, "未申报")])
def test_R6_iso56005_as_declared(iso, meets, text):
    [m] = of_rule("R6", declared(iso56005=iso))
    assert (m.meets, m.declared) == (meets, text)
    assert "56005" in task("R6")


# -- R7 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("yuan", "meets"), [
    ("1000000", True), ("1000000.00", True), ("2500000", True), ("999999.99", False), ("0", False), (None, None),
])
def test_R7_at_least_1_000_000_yuan_of_ip_funding_a_year(yuan, meets):
    [m] = of_rule("R7", declared(ip_budget_yuan=None if yuan is None else Decimal(yuan)))
    assert m.meets is meets


def test_R7_funding_is_shown_in_ten_thousands_and_excludes_salaries():
    [m] = of_rule("R7", declared(ip_budget_yuan=Decimal("1200000")))
    assert m.declared == "120万元"
    assert "100万元" in task("R7") and "不含人员工资" in task("R7")


# -- R8–R13: verified at the annual assessment ---------------------------------------------------
@pytest.mark.parametrize(("rule", "words"), [
    ("R8", ("PCT", "竞争")),
    ("R9", ("专利导航", "全流程")),
    ("R10", ("产业化",)),
    ("R11", ("质押", "维权")),
    ("R12", ("交流",)),
    ("R13", ("其他",)),
])
def test_R8_R9_R10_R11_R12_R13_are_catalogued_and_left_to_the_annual_assessment(rule, words):
    assert all(w in task(rule) for w in words)
    [m] = of_rule(rule, declared(ip_staff_count=10, ip_budget_yuan=Decimal("5000000"), iso56005=True))
    assert m.meets is None and "年度考核" in m.declared and m.item == task(rule)


def test_R5_R6_R7_R8_R9_R10_R11_R12_R13_catalogue_holds_each_commitment_once_in_order():
    assert [c.rule for c in COMMITMENTS] == [f"R{n}" for n in range(5, 14)]
    assert [m.rule for m in measure(declared())][-6:] == [f"R{n}" for n in range(8, 14)]
